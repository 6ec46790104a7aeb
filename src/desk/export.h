// Ticket list export, CSV or XLSX, in the import format (docs/import.md) so that an export can be
// imported again. The tickets are the ones GET /api/v1/tickets would list for the caller with the
// same filters (repo::ListTickets with the caller's visibility), read page by page in id order;
// the file is built as it goes, never from one vector of every ticket.
//
// Columns: the import columns, plus `customer_name` and `status` for people reading the file
// (the import skips them). `external_id` carries the ticket number, `customer` the customer id,
// `category` the path of names, `department` the code (or the name when it has none),
// `assignee` the username. CSV starts with a UTF-8 byte order mark so Excel reads it as UTF-8,
// uses CRLF, and writes times as ISO-8601 with the business zone's offset; XLSX writes times as
// Excel date-times in that zone. Cells starting with = + - @ get a leading ' in CSV (so Excel does not run them as
// formulas); the import drops it again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/zone.h"
#include "desk/repo/tickets.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::desk {

enum class ExportFormat { kCsv, kXlsx };
enum class ExportLanguage { kEnglish, kChinese };  // headers and the values of enumerations

struct ExportOptions {
  ExportFormat format = ExportFormat::kCsv;
  ExportLanguage language = ExportLanguage::kEnglish;
  std::int64_t max_rows = 1'048'575;  // more matching tickets: kInvalid (XLSX cannot hold more)
  int page_size = 2000;
};

struct ExportFile {
  std::string body;
  std::string content_type;
  std::string filename;  // "tickets-20260105.csv" (the local date of the export)
  std::int64_t rows = 0;
};

// One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled); a leading
// = + - @ gets a ' in front.
std::string CsvField(std::string_view text);

// The header row of an export.
std::vector<std::string> ExportHeader(ExportLanguage language);

class Exporter {
 public:
  // `zone` is the business time zone: CSV times carry its offset, XLSX dates are its local time,
  // and the file is named by its local date.
  Exporter(storage::Database& db, const Clock& clock, calendar::Zone zone);

  // The tickets `who` may see matching `query` (its sort, offset and limit are ignored: every
  // matching ticket, in id order). kInvalid on "format" when more than max_rows match.
  Result<ExportFile> Export(const org::Principal& who, repo::TicketQuery query, const ExportOptions& options);
  // The import template (docs/import.md): the export's header in `options.language` and one
  // example row, a consultation that imports into any organisation. Fails only when the
  // temporary XLSX file cannot be written (kInternal).
  Result<ExportFile> Template(const ExportOptions& options) const;

 private:
  storage::Database& db_;
  const Clock& clock_;
  const calendar::Zone zone_;
};

}  // namespace sqm::desk
