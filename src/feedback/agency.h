// External survey agencies (third-party evaluation, 第三方测评): their results as a CSV or XLSX
// file, read with the desk importer's readers (desk/import/record.h: the same line numbers, cell
// and row limits and bounded messages) and checked row by row. The pure half: reading and checking
// the rows; Service::ImportAgency resolves tickets and departments and writes, all or nothing.
// The format is documented for users in docs/feedback.md ("External survey agencies").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "calendar/zone.h"
#include "desk/import/record.h"
#include "feedback/model.h"

namespace sqm::feedback {

enum class AgencyColumn { kAgency, kSurveyedOn, kTicket, kDepartment, kCsat, kSatisfaction, kNps, kComment };

// One row of an agency file, checked; its ticket (by number) or department (by code) is resolved
// by the service.
struct AgencyRow {
  int line = 0;
  std::string agency;
  TimeMs surveyed_at = 0;
  std::optional<Id> ticket_id;  // from the ticket number ("T000042")
  std::string department_code;
  std::optional<int> csat;                  // 1-5
  std::optional<std::string> satisfaction;  // desk::Satisfaction name (satisfied, basically_satisfied, dissatisfied)
  std::optional<int> nps;                   // 0-10
  std::string body;                         // free text, at most kMaxAnswerText code points
  std::string ticket_column, department_column;  // how the header named them (for the service's errors)
};

struct AgencyFile {
  std::vector<AgencyRow> rows;                 // the good rows (none kept when they were handed on)
  std::int64_t good_rows = 0;                  // rows without a problem, kept or handed on
  std::vector<desk::import::RowError> errors;  // at most max_errors
  std::int64_t error_count = 0;                // every problem
};

// Takes each good row as it is read; false stops the reading there.
using AgencyRowSink = std::function<bool(AgencyRow&)>;

struct AgencyLimits {
  std::int64_t max_rows = 100'000;  // data rows; more: one error on line 0, the rest unread
  std::size_t max_errors = 1000;    // errors listed
};

// Reads every row and collects every problem, with its line, column (as the header named it) and
// reason. A date without a time of day is midnight of that day in `zone` (the business time
// zone); a survey date after `now` is refused. With `each`, every good row is handed to it as it
// is read instead of kept in AgencyFile::rows, so a large file is never held whole.
AgencyFile ReadAgencyFile(desk::import::Format format, desk::import::Input data, const calendar::Zone& zone, TimeMs now,
                          const AgencyLimits& limits = {}, const AgencyRowSink& each = {});

// The header row of the template in Chinese or English, and one example row (CSV, UTF-8 with a
// byte order mark, CRLF).
std::string AgencyTemplateCsv(bool chinese);

}  // namespace sqm::feedback
