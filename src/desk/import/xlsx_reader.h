// XLSX (Office Open XML) as import records: libzip and expat, streamed.
#pragma once

#include <memory>
#include <string_view>

#include "desk/import/record.h"

namespace sqm::desk::import {

// The first worksheet of an Office Open XML workbook (.xlsx), streamed: shared strings are read
// once, the sheet is decompressed and parsed in chunks. `data` must outlive the reader.
class XlsxReader final : public RecordReader {
 public:
  // kInvalid when `data` is not a readable workbook.
  static Result<std::unique_ptr<XlsxReader>> Open(std::string_view data);
  ~XlsxReader() override;
  Result<bool> Next(Record& out) override;
  double Fraction() const override;

 private:
  struct Impl;
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sqm::desk::import
