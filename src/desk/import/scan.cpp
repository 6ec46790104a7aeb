#include "desk/import/scan.h"

#include <vector>

#include "desk/import/header.h"

namespace sqm::desk::import {

ScanEnd ScanFile(Format format, Input input, Validator& validator, const std::function<void(RowError)>& on_error,
                 const std::function<bool(std::optional<ImportTicket>)>& on_row) {
  auto reader = OpenReader(format, input);
  if (!reader.ok()) {
    on_error(RowError::Of(0, "", reader.error()));
    return ScanEnd::kUnreadable;
  }
  std::optional<Header> header;
  Record record;
  for (;;) {
    auto more = (*reader)->Next(record);
    if (!more.ok()) {
      on_error(RowError::Of((*reader)->ErrorLine(), "", more.error()));
      return ScanEnd::kUnreadable;
    }
    if (!*more) break;
    if (record.Blank()) continue;
    if (!header) {
      header = Header::Read(record, on_error);
      if (!header) return ScanEnd::kUnreadable;
      continue;
    }
    std::vector<RowError> errors;
    std::optional<ImportTicket> ticket;
    if (record.problem != RecordProblem::kNone) {
      errors.push_back(ProblemError(record, false, header->NameAt(record.problem_cell)));
    } else {
      ticket = validator.Check(header->Row(record, errors), errors);
      if (!errors.empty()) ticket.reset();
    }
    for (auto& e : errors) on_error(std::move(e));
    if (!on_row(std::move(ticket))) return ScanEnd::kStopped;
  }
  if (!header) {
    on_error({0, "", Msg("import.file_empty", "the file is empty: it needs a header row and one row per ticket")});
    return ScanEnd::kUnreadable;
  }
  return ScanEnd::kEnd;
}

}  // namespace sqm::desk::import
