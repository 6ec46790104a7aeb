#include "http/static_files.h"

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace sqm::http {

namespace fs = std::filesystem;

std::string ContentTypeFor(const std::string& ext) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".yaml", "text/yaml; charset=utf-8"},
  };
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  if (!root.empty() && fs::is_directory(root, ec)) root_ = fs::canonical(root, ec);
}

namespace {

std::optional<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool Accepts(std::string_view accept_encoding, std::string_view coding) {
  return accept_encoding.find(coding) != std::string_view::npos;
}

}  // namespace

std::optional<Response> StaticFiles::Load(const fs::path& file, const std::string& url_path,
                                          std::string_view accept_encoding) const {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  Response r;
  r.content_type = ContentTypeFor(file.extension().string());
  std::optional<std::string> body;
  struct Coding {
    std::string name;    // Content-Encoding
    std::string suffix;  // of the pre-compressed sibling
  };
  static const std::vector<Coding> kCodings = {{"br", ".br"}, {"gzip", ".gz"}};
  for (const Coding& c : kCodings) {
    if (!Accepts(accept_encoding, c.name)) continue;
    fs::path compressed = file;
    compressed += c.suffix;
    if (fs::is_regular_file(compressed, ec) && (body = ReadFile(compressed))) {
      r.headers.emplace_back(std::string("Content-Encoding"), c.name);
      break;
    }
  }
  if (!body) body = ReadFile(file);
  if (!body) return std::nullopt;
  r.body = std::move(*body);
  r.SetHeader("Vary", "Accept-Encoding");
  const bool hashed = url_path.rfind("/assets/", 0) == 0;
  r.SetHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

std::optional<Response> StaticFiles::Serve(const Request& req) const {
  if (root_.empty()) return std::nullopt;
  const std::string& path = req.path;
  // Reject anything that could climb out of the root: "..", backslashes, NULs.
  if (path.empty() || path[0] != '/' || path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  fs::path rel;
  std::stringstream ss(path.substr(1));
  std::string seg;
  while (std::getline(ss, seg, '/')) {
    if (seg == "..") return std::nullopt;
    if (seg.empty() || seg == ".") continue;
    rel /= seg;
  }
  const auto accept = req.Header("accept-encoding");
  if (!rel.empty()) {
    fs::path file = (root_ / rel).lexically_normal();
    auto [end, _] = std::mismatch(root_.begin(), root_.end(), file.begin());
    if (end != root_.end()) return std::nullopt;
    if (auto r = Load(file, path, accept)) return r;
    // Missing assets are real 404s, not the SPA page.
    if (path.rfind("/assets/", 0) == 0 || rel.has_extension()) return std::nullopt;
  }
  return Load(root_ / "index.html", "/index.html", accept);
}

}  // namespace sqm::http
