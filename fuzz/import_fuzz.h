// What the CSV and XLSX fuzz targets share: a ticket file read the way an import reads it (every
// record, then ScanFile with a Validator over a small Directory), with the bounds every record and
// every error must keep whatever the input.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/text.h"
#include "desk/import/scan.h"

namespace sqm::fuzz {

inline void CheckRecords(desk::import::RecordReader& reader) {
  using namespace desk::import;
  Record r;
  for (int i = 0; i < 100'000; ++i) {
    auto more = reader.Next(r);
    if (!more.ok() || !*more) return;
    if (r.cells.size() > kMaxCells) __builtin_trap();
    std::size_t bytes = 0;
    for (const auto& c : r.cells) {
      if (c.text.size() > 4 * kMaxCellChars) __builtin_trap();
      bytes += c.text.size();
    }
    if (bytes > kMaxRecordBytes + 4 * kMaxCellChars) __builtin_trap();
    if (r.problem == RecordProblem::kNone && r.problem_cell != -1) __builtin_trap();
    if (r.problem_cell >= 0 && static_cast<std::size_t>(r.problem_cell) >= kMaxCells) __builtin_trap();
  }
}

inline void ScanTickets(desk::import::Format format, std::string_view data) {
  using namespace desk::import;
  static const Directory* dir = [] {
    auto* d = new Directory();
    d->Add(Directory::Customer{1, "客户甲", "13900000001"});
    d->Add(Directory::Category{10, std::nullopt, "网络与连接", true});
    d->Add(Directory::Category{11, 10, "VPN", true});
    d->Add(Directory::Department{20, "客服部", "DESK", true});
    d->Add(Directory::Staff{30, "agent", "客服", 20, true});
    return d;
  }();
  static const calendar::Zone zone = calendar::Zone::Named("Asia/Shanghai").value();
  ValidateOptions options;
  options.zone = zone;
  options.now = 1'800'000'000'000;
  options.caller_department = 20;
  Validator validator(*dir, options);
  std::size_t errors = 0;
  ScanFile(
      format, data, validator,
      [&](RowError e) {
        ++errors;
        // Whatever the input, an error quotes at most a bounded part of it.
        if (e.column.size() > 4 * kQuoteChars + 16) __builtin_trap();
        if (e.reason.size() > 4 * kMaxMessageChars + 64) __builtin_trap();
        for (const auto& [k, v] : e.args) {
          if (v.size() > 4 * kQuoteChars + 16) __builtin_trap();
        }
      },
      [&](std::optional<ImportTicket>) { return errors < 100'000; });
}

}  // namespace sqm::fuzz
