// XLSX (Office Open XML) as import records: libzip and expat, streamed.
#pragma once

#include <memory>
#include <string_view>

#include "desk/import/record.h"

namespace sqm::desk::import {

// The most a workbook's shared strings table may hold (text, plus a string's own overhead); a
// bigger table refuses the file (docs/import.md).
inline constexpr std::size_t kMaxSharedStringsBytes = 64 << 20;

// The first worksheet of an Office Open XML workbook (.xlsx), streamed: every part is decompressed
// and parsed in chunks, never held whole; the shared strings are kept (within
// kMaxSharedStringsBytes, none longer than kMaxCellChars), the sheet's rows are read as they
// come, each within the limits of record.h; a file input is read where the zip's directory points.
// `input` must outlive the reader.
class XlsxReader final : public RecordReader {
 public:
  // kInvalid when `input` is not a readable workbook.
  static Result<std::unique_ptr<XlsxReader>> Open(Input input);
  ~XlsxReader() override;
  Result<bool> Next(Record& out) override;
  double Fraction() const override;

 private:
  struct Impl;
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sqm::desk::import
