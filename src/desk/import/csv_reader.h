// RFC 4180 CSV as import records.
#pragma once

#include <string_view>

#include "desk/import/record.h"

namespace sqm::desk::import {

// RFC 4180: fields separated by ',', records by CRLF, LF or CR; a field in double quotes may hold
// commas, quotes (doubled) and line breaks (kept as LF). A UTF-8 byte order mark is skipped.
// `data` must outlive the reader.
class CsvReader final : public RecordReader {
 public:
  explicit CsvReader(std::string_view data);
  Result<bool> Next(Record& out) override;
  double Fraction() const override;
  int ErrorLine() const override { return error_line_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int error_line_ = 0;
};

}  // namespace sqm::desk::import
