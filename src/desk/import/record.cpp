#include "desk/import/record.h"

#include <algorithm>

#include "base/crypto.h"
#include "desk/import/csv_reader.h"
#include "desk/import/xlsx_reader.h"
#include "desk/model.h"

namespace sqm::desk::import {

void Record::Flag(RecordProblem p, int cell) {
  if (problem != RecordProblem::kNone) return;
  problem = p;
  problem_cell = cell;
}

bool Record::Blank() const {
  return std::all_of(cells.begin(), cells.end(), [](const Cell& c) { return TrimSpace(c.text).empty(); });
}

RowError RowError::Of(int line, std::string column, const Error& e) {
  RowError out(line, std::move(column), e.message);
  out.key = e.key;
  out.args = e.args;
  return out;
}

RowError ProblemError(const Record& record, bool header, std::string column) {
  const MessageArgs at{{"position", std::to_string(record.problem_cell + 1)}};
  auto problem = [&]() -> Message {
    switch (record.problem) {
      case RecordProblem::kTextAfterQuote:
        return header ? Msg("import.header_text_after_quote",
                            "the header row has text after a closing quote (quote the whole field and double the "
                            "quotes inside it)")
                      : Msg("import.row_text_after_quote",
                            "the row has text after a closing quote (quote the whole field and double the quotes "
                            "inside it)");
      case RecordProblem::kQuoteInUnquotedField:
        return header ? Msg("import.header_quote_in_unquoted_field",
                            "the header row has a quote inside an unquoted field (quote the whole field and double "
                            "the quotes inside it)")
                      : Msg("import.row_quote_in_unquoted_field",
                            "the row has a quote inside an unquoted field (quote the whole field and double the "
                            "quotes inside it)");
      case RecordProblem::kInvalidUtf8:
        return header
                   ? Msg("import.header_invalid_utf8",
                         "the header row is not valid UTF-8 text (save the file as \"CSV UTF-8\")")
                   : Msg("import.row_invalid_utf8", "the row is not valid UTF-8 text (save the file as \"CSV UTF-8\")");
      case RecordProblem::kCellTooLong:
        return header ? Msg("import.header_cell_too_long",
                            "the header row's cell {position} has more than 32,767 characters (Excel's limit)", at)
                      : Msg("import.row_cell_too_long",
                            "cell {position} of the row has more than 32,767 characters (Excel's limit)", at);
      case RecordProblem::kTooManyCells:
        return header ? Msg("import.header_too_many_cells",
                            "the header row has more than 1,024 cells; a ticket file has 18 columns (see "
                            "docs/import.md)")
                      : Msg("import.row_too_many_cells", "the row has more than 1,024 cells");
      case RecordProblem::kRowTooLong:
        return header ? Msg("import.header_too_long", "the header row holds more than 1 MiB of text")
                      : Msg("import.row_too_long", "the row holds more than 1 MiB of text");
      case RecordProblem::kMissingSharedString:
      case RecordProblem::kNone: break;
    }
    return header ? Msg("import.header_missing_shared_string",
                        "the header row has a cell that refers to a shared string the workbook does not have")
                  : Msg("import.row_missing_shared_string",
                        "the row has a cell that refers to a shared string the workbook does not have");
  };
  return {record.line, std::move(column), problem()};
}

std::string Sha256Hex(Input input) {
  return input.fd >= 0 ? crypto::Sha256Hex("", input.fd) : crypto::Sha256Hex(input.bytes);
}

const char* FormatName(Format f) {
  return f == Format::kCsv ? "csv" : "xlsx";
}

Result<std::unique_ptr<RecordReader>> OpenReader(Format format, Input input) {
  if (format == Format::kCsv) return std::unique_ptr<RecordReader>(std::make_unique<CsvReader>(input));
  SQM_ASSIGN(auto x, XlsxReader::Open(input));
  return std::unique_ptr<RecordReader>(std::move(x));
}

}  // namespace sqm::desk::import
