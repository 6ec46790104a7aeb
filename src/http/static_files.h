// Serves the web build (web/dist): content types, pre-compressed .br/.gz siblings, long caching
// for hashed assets under /assets/, and the SPA fallback to index.html. Refuses path traversal.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/message.h"

namespace sqm::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  // nullopt when the path is not a file here and no fallback applies.
  std::optional<Response> Serve(const Request& req) const;
  bool enabled() const { return !root_.empty(); }

 private:
  std::optional<Response> Load(const std::filesystem::path& file, const std::string& url_path,
                               std::string_view accept_encoding) const;
  std::filesystem::path root_;
};

// "text/html; charset=utf-8" for ".html", ... "application/octet-stream" when unknown.
std::string ContentTypeFor(const std::string& extension);

}  // namespace sqm::http
