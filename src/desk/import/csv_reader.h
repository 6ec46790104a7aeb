// RFC 4180 CSV as import records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "desk/import/record.h"

namespace sqm::desk::import {

// RFC 4180: fields separated by ',', records by CRLF, LF or CR; a field in double quotes may hold
// commas, quotes (doubled) and line breaks (kept as LF). A UTF-8 byte order mark is skipped.
// A file input is read in chunks of `chunk` bytes through a window that holds the unread rest of
// one chunk and the next: memory stays the window plus one record (record.h's limits), however
// large the file or a field in it. `input` must outlive the reader.
class CsvReader final : public RecordReader {
 public:
  explicit CsvReader(Input input, std::size_t chunk = 64 << 10);
  Result<bool> Next(Record& out) override;
  double Fraction() const override;
  int ErrorLine() const override { return error_line_; }

 private:
  // The byte `ahead` bytes past the position, or -1 past the end of the input (or on a read
  // error, kept in read_failed_). Reads the next chunk of a file when the window ends first.
  int Peek(std::size_t ahead = 0) {
    if (pos_ + ahead < window_.size()) return static_cast<unsigned char>(window_[pos_ + ahead]);
    return Fill(ahead + 1) ? static_cast<unsigned char>(window_[pos_ + ahead]) : -1;
  }
  // Makes the window hold at least `need` bytes from the position; false at the end of the input.
  bool Fill(std::size_t need);
  // The bytes from the position up to the first of `stops` or the end of the window, stepped over.
  std::string_view Run(std::string_view stops);
  Result<bool> EndOfInput(bool result) const;

  Input input_;
  std::size_t chunk_;
  std::string buffer_;        // a file's window
  std::string_view window_;   // the input's bytes in memory, or buffer_
  std::size_t pos_ = 0;       // in window_
  std::uint64_t offset_ = 0;  // of window_[0] in the input
  std::uint64_t size_ = 0;    // of the input
  bool read_failed_ = false;
  int line_ = 1;
  int error_line_ = 0;
};

}  // namespace sqm::desk::import
