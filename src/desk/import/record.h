// Ticket import, the pure half (this folder, library sqm_desk_import): reading CSV (RFC 4180) and
// XLSX (the first worksheet) into records that keep their line numbers (record.h, csv_reader.h,
// xlsx_reader.h), mapping bilingual headers to columns (columns.h, header.h), and checking each row
// into an ImportTicket against a Directory, a snapshot of customers, categories, departments and
// staff the caller loaded (directory.h, validator.h); scan.h reads a whole file. No SQL, no clock
// reads, no files: desk/importer.h loads the Directory, scans the file, and only if no row failed
// replays the tickets through desk::Service. The format is documented for users in docs/import.md.
//
// Line numbers: a CSV record is numbered by the physical line it starts on (the header is line 1;
// a quoted field with embedded newlines makes the next record start further down); an XLSX row by
// its row number in the sheet.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/temp_file.h"

namespace sqm::desk::import {

struct Cell {
  std::string text;
  bool number = false;  // an XLSX numeric cell (dates are numbers there: see FromExcelSerial)
};

// Why a record cannot be read as text.
enum class RecordProblem {
  kNone,
  kTextAfterQuote,        // CSV: "ab"c
  kQuoteInUnquotedField,  // CSV: a"b
  kInvalidUtf8,
  kMissingSharedString,  // XLSX: a cell refers to a shared string the workbook does not have
  kCellTooLong,          // a cell (or an XLSX shared string) over kMaxCellChars
  kTooManyCells,         // more than kMaxCells cells
  kRowTooLong,           // more than kMaxRecordBytes of text in all cells together
};

// What a reader keeps of one record. Over a limit, the record gets its problem and the reader
// keeps no more of the offending cell (nor of the cells after kMaxCells), so no input, however
// well it compresses, grows a record beyond these: the longest cell, in characters, is Excel's
// own limit (a column's own limit, such as the title's 200, is checked by the Validator); the
// most cells and the most text of a row are far more than a ticket file's 18 columns (21 in an
// export) need. A record is dense, so the cell limit also bounds the work of one short row
// (`<c r="XFD1">` would otherwise make 16,384 cells of it).
inline constexpr std::size_t kMaxCellChars = 32'767;
inline constexpr std::size_t kMaxCells = 1'024;
inline constexpr std::size_t kMaxRecordBytes = 1 << 20;

struct Record {
  int line = 0;
  std::vector<Cell> cells;
  RecordProblem problem = RecordProblem::kNone;  // the first problem of the record
  int problem_cell = -1;                         // its cell's position (0-based); -1: the whole record

  bool Blank() const;  // every cell empty after trimming
  // Records the problem at the cell in position `cell` (-1: the whole record) unless the record
  // already has one.
  void Flag(RecordProblem p, int cell);
};

// A stream of records. Next() returns false at the end, or an error that ends the file (an
// unterminated quote, a damaged workbook); problems of one record are left in Record::problem.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual Result<bool> Next(Record& out) = 0;
  virtual double Fraction() const = 0;         // share of the input read so far, 0..1 (progress)
  virtual int ErrorLine() const { return 0; }  // after Next() failed: the line to blame, 0 if none
};

// The bytes of a file to read: in memory, or an open file (an upload the server streamed to a
// temporary file) read by offset from its start, in chunks, so it is never held whole; the reader
// neither moves the file's position nor closes it. What it refers to must outlive the reader.
struct Input {
  std::string_view bytes;
  int fd = -1;  // >= 0: read this file; `bytes` is unused

  // NOLINTBEGIN(google-explicit-constructor): bytes convert
  Input(std::string_view b) : bytes(b) {}
  Input(const std::string& b) : bytes(b) {}
  Input(const char* b) : bytes(b) {}
  // NOLINTEND(google-explicit-constructor)
  static Input File(int fd) {
    Input in{std::string_view()};
    in.fd = fd;
    return in;
  }
};

// Lower-case hex SHA-256 of the whole input (an import's event names its file by it).
std::string Sha256Hex(Input input);

// The file of an upload (the ticket import's job, feedback's agency import): bytes in memory
// (tests, the CLI), or the temporary file the server streamed the body into (base/temp_file.h,
// http::RouteOptions::body_to_file). Whoever holds it keeps the file; it has no name, so letting
// the last holder go removes it.
struct ImportFile {
  std::string bytes;
  std::shared_ptr<const TempFile> file;

  ImportFile() = default;
  ImportFile(std::string b) : bytes(std::move(b)) {}  // NOLINT(google-explicit-constructor)
  ImportFile(const char* b) : bytes(b) {}             // NOLINT(google-explicit-constructor)
  explicit ImportFile(std::shared_ptr<const TempFile> f) : file(std::move(f)) {}

  Input input() const { return file ? Input::File(file->fd()) : Input(bytes); }
  bool empty() const { return file ? file->Size() == 0 : bytes.empty(); }
};

enum class Format { kCsv, kXlsx };
const char* FormatName(Format f);  // "csv", "xlsx"
Result<std::unique_ptr<RecordReader>> OpenReader(Format format, Input input);

// A rejected row: the line, the column as the input named it (a header as written, a JSON key;
// empty when the problem is the whole row) and the reason in one English sentence, with the
// reason's message key and args when it has them (see Message; the keys of this library's
// messages start with "import.", and web/src/i18n/reasons/import.*.json translates every one).
struct RowError {
  int line = 0;
  std::string column;
  std::string reason;
  std::string key;
  MessageArgs args;

  RowError() = default;
  RowError(int line, std::string column, Message m)
      : line(line),
        column(std::move(column)),
        reason(std::move(m.text)),
        key(std::move(m.key)),
        args(std::move(m.args)) {}
  // The message of a service error, its key and args included.
  static RowError Of(int line, std::string column, const Error& e);
};

// The row error of a record that cannot be read as text (REQUIRES: a problem); `header` when the
// record is the header row. `column`: the header of the cell at fault, when the caller knows it
// (the message also says the cell's position).
RowError ProblemError(const Record& record, bool header = false, std::string column = "");

}  // namespace sqm::desk::import
