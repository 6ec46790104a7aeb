// An anonymous temporary file (an upload streamed to disk instead of memory): created mode 0600 in
// a folder without a name there (O_TMPFILE; where the file system cannot, a random name removed
// at once), so it disappears with its last descriptor, whatever happens: an error, an aborted
// request, a killed process. Read it by offset (pread), so several readers can share it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace sqm {

class TempFile {
 public:
  // kInternal naming the folder when no file can be made there.
  static Result<TempFile> Create(const std::string& dir);
  // $TMPDIR, else /tmp.
  static std::string SystemFolder();

  TempFile(TempFile&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  TempFile& operator=(TempFile&& o) noexcept;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile();

  int fd() const { return fd_; }
  std::uint64_t Size() const;  // 0 when it cannot be told
  // Appends `data` (tests; the server writes through fd()). False on a write error.
  bool Append(std::string_view data);
  // The whole content (tests).
  std::string ReadAll() const;

 private:
  explicit TempFile(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace sqm
