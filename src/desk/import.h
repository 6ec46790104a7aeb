// Ticket import, the pure half: reading CSV (RFC 4180) and XLSX (the first worksheet) into records
// that keep their line numbers, mapping bilingual headers to columns, and checking each row into
// an ImportTicket against a Directory (a snapshot of customers, categories, departments and staff
// that the caller loaded). No SQL, no clock reads, no files: importer.h loads the Directory, runs
// the Validator over the whole file, and only if no row failed replays the tickets through
// desk::Service. The format is documented for users in docs/import.md.
//
// Line numbers: a CSV record is numbered by the physical line it starts on (the header is line 1;
// a quoted field with embedded newlines makes the next record start further down); an XLSX row by
// its row number in the sheet.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "desk/model.h"
#include "desk/service.h"
#include "org/model.h"

namespace sqm::desk::import {

// ---- columns -------------------------------------------------------------------------------

enum class Column {
  kType,
  kChannel,
  kPriority,
  kTitle,
  kDescription,
  kCustomer,
  kCategory,
  kDepartment,
  kAssignee,
  kCreatedAt,
  kFirstResponseAt,
  kResolvedAt,
  kClosedAt,
  kCallbackAt,
  kCallbackResolved,
  kSatisfaction,
  kExternalId,
  kComplaintCategory,
};
inline constexpr int kColumnCount = 18;
inline constexpr std::array<Column, kColumnCount> kColumns = {
    Column::kType,        Column::kChannel,          Column::kPriority,         Column::kTitle,
    Column::kDescription, Column::kCustomer,         Column::kCategory,         Column::kDepartment,
    Column::kAssignee,    Column::kCreatedAt,        Column::kFirstResponseAt,  Column::kResolvedAt,
    Column::kClosedAt,    Column::kCallbackAt,       Column::kCallbackResolved, Column::kSatisfaction,
    Column::kExternalId,  Column::kComplaintCategory};

const char* ColumnName(Column c);    // the English header: "type", "created_at", ...
const char* ColumnNameZh(Column c);  // the Chinese header: "类型", "创建时间", ...
// A header cell: English or Chinese, case-insensitive, spaces and '-' read as '_'.
std::optional<Column> ParseColumn(std::string_view header);
// Headers an export writes for people, skipped on import: status/状态, customer_name/客户名称,
// number/编号.
bool IsInformationalColumn(std::string_view header);

// ---- values ----------------------------------------------------------------------------------

// "P1".."P4" in either case, or "1".."4" (the values of other enumerations: desk::ParseLabel).
std::optional<int> ParsePriorityValue(std::string_view s);

// ---- times -----------------------------------------------------------------------------------

// Times without a zone are local time in Asia/Shanghai (UTC+8 all year since 1991).
inline constexpr TimeMs kLocalOffset = 8LL * 3600 * 1000;

// ISO-8601 with a zone ("2026-01-05T09:30:00+08:00", "...Z"), or a local date-time
// "YYYY-MM-DD HH:MM[:SS[.fff]]" (also with 'T', or '/' between the date parts, single-digit month
// and day allowed). A date without a time of day is refused: nullopt.
std::optional<TimeMs> ParseTime(std::string_view text);
// An Excel date serial (days since 1899-12-30, local time), rounded to the millisecond.
TimeMs FromExcelSerial(double serial);
double ToExcelSerial(TimeMs t);
// "2026-01-05T09:30:00+08:00", with ".123" when the milliseconds are not zero.
std::string FormatLocalTime(TimeMs t);

// ---- records ---------------------------------------------------------------------------------

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
};

struct Record {
  int line = 0;
  std::vector<Cell> cells;
  RecordProblem problem = RecordProblem::kNone;  // the first problem of the record

  bool Blank() const;  // every cell empty after trimming
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

enum class Format { kCsv, kXlsx };
const char* FormatName(Format f);  // "csv", "xlsx"
Result<std::unique_ptr<RecordReader>> OpenReader(Format format, std::string_view data);

// ---- rows ------------------------------------------------------------------------------------

// A rejected row: the line, the column as the input named it (a header as written, a JSON key;
// empty when the problem is the whole row) and the reason in one English sentence, with the
// reason's message key and args when it has them (see Message; the keys of this file's messages
// start with "import.", and web/src/i18n/reasons/import.*.json translates every one).
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
// record is the header row.
RowError ProblemError(const Record& record, bool header = false);

struct Field {
  std::string text;
  bool number = false;   // from an XLSX numeric cell
  bool id_only = false;  // the value is an id (JSON customer_id, category_id, ...), never a name
  std::string name;      // how the input named this column
};

// One input row, by column, whatever the file format.
struct RowInput {
  int line = 0;
  std::array<std::optional<Field>, kColumnCount> fields;
  std::optional<ComplaintDraft> complaint;  // NDJSON `complaint` object

  const Field* Get(Column c) const;
};

// The header row of a file: which position holds which column.
class Header {
 public:
  // Unknown and repeated headers, and missing required columns (type, channel, title, created_at),
  // are reported on the header's line; nullopt then.
  static std::optional<Header> Read(const Record& record, std::vector<RowError>& errors);
  // The record as a row; cells beyond the header are an error unless empty.
  RowInput Row(const Record& record, std::vector<RowError>& errors) const;
  const std::string& NameOf(Column c) const;

 private:
  std::vector<std::optional<Column>> at_;  // per position; nullopt: informational, skipped
  std::array<std::string, kColumnCount> names_;
};

// ---- the directory -------------------------------------------------------------------------

// What rows refer to by name, loaded by the caller. Lookups answer the id, or the reason the
// value does not name exactly one active record.
class Directory {
 public:
  struct Customer {
    Id id = 0;
    std::string name;
    std::string phone;
  };
  struct Category {
    Id id = 0;
    std::optional<Id> parent_id;
    std::string name;
    bool active = true;
  };
  struct Department {
    Id id = 0;
    std::string name;
    std::string code;
    bool active = true;
  };
  struct Staff {
    Id id = 0;
    std::string username;
    std::string display_name;
    std::optional<Id> department_id;
    bool active = true;
  };

  void Add(Customer c);
  void Add(Category c);
  void Add(Department d);
  void Add(Staff s);

  // A customer id, phone or exact name (in that order; a phone or name shared by several
  // customers is ambiguous).
  Result<Id> FindCustomer(const Field& f) const;
  // A category id, or a path of names from the top ("网络与连接/VPN"), or a name that is unique.
  Result<Id> FindCategory(const Field& f) const;
  // A department code, name or id.
  Result<Id> FindDepartment(const Field& f) const;
  // A username (case-insensitive) or id; only active staff.
  Result<Id> FindStaff(const Field& f) const;

  const Staff* StaffById(Id id) const;
  const Department* DepartmentById(Id id) const;
  const Category* CategoryById(Id id) const;
  // "网络与连接/VPN"; empty for an unknown id.
  std::string CategoryPath(Id id) const;

 private:
  std::unordered_map<Id, Customer> customers_;
  std::unordered_multimap<std::string, Id> customers_by_phone_, customers_by_name_;
  std::map<Id, Category> categories_;
  std::multimap<std::string, Id> categories_by_name_;
  std::map<Id, Department> departments_;
  std::map<Id, Staff> staff_;
  std::map<std::string, Id> staff_by_username_;  // lower case
};

// ---- validation ------------------------------------------------------------------------------

// A checked row, ready to replay: register at created_at, respond at first_response_at, resolve
// at resolved_at, record a reached callback at callback_at, close at closed_at.
struct ImportTicket {
  int line = 0;
  TicketDraft draft;
  std::string external_id;
  TimeMs created_at = 0;
  std::optional<TimeMs> first_response_at, resolved_at, callback_at, closed_at;
  std::optional<CallbackResolved> callback_resolved;
  std::optional<Satisfaction> satisfaction;
  bool live = false;  // created_at was not given: a ticket of now, not of history
};

struct ValidateOptions {
  TimeMs now = 0;                            // times after this (plus a minute of clock skew) are refused as future
  org::Scope scope{true, {}};                // departments the importing caller may write to
  std::optional<Id> caller_department;       // where a row without a department goes
  std::optional<TimeMs> default_created_at;  // when set, created_at may be omitted (bulk API)
  // The number of the ticket already imported with an external id ("T000042"), if any.
  std::function<std::optional<std::string>(const std::string&)> imported_as;
};

// Checks rows one by one; remembers external ids to refuse repeats within one file.
class Validator {
 public:
  Validator(const Directory& directory, ValidateOptions options);
  // Every problem of the row goes to `errors`; the ticket only when there was none.
  std::optional<ImportTicket> Check(const RowInput& row, std::vector<RowError>& errors);

 private:
  const Directory& dir_;
  ValidateOptions options_;
  std::unordered_map<std::string, int> external_ids_;  // -> first line
};

}  // namespace sqm::desk::import
