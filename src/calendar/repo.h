// SQL of the stored calendars (`calendars`) and of the run-out notices
// (`calendar_run_out_notices`): every statement of calendar_store is here, and runs on SQLite and
// PostgreSQL alike (src/README.md). A definition is the calendar's JSON text (codec.h); reading
// it into a Calendar is the Registry's business.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "storage/db.h"

namespace sqm::calendar::repo {

using storage::Connection;

struct CalendarRow {
  std::string code;
  std::string definition;  // JSON (codec.h)
  bool builtin = false;
  TimeMs updated_at = 0;
};

std::optional<CalendarRow> FindCalendar(Connection& db, std::string_view code);
bool CalendarExists(Connection& db, std::string_view code);
// Every stored calendar, ordered by code.
std::vector<CalendarRow> ListCalendars(Connection& db);
Status InsertCalendar(Connection& db, const std::string& code, const std::string& name, const std::string& definition,
                      bool builtin, TimeMs at);
// A new name and definition (REQUIRES: the calendar exists).
Status UpdateCalendar(Connection& db, const std::string& code, const std::string& name, const std::string& definition,
                      TimeMs at);
// A new definition, the name kept.
Status UpdateDefinition(Connection& db, const std::string& code, const std::string& definition, TimeMs at);

// Records that the notice "calendar `code` knows holidays only until `known_last`" was sent at
// `at`; false (and nothing written) when some server recorded it before.
Result<bool> InsertRunOutNotice(Connection& db, const std::string& code, int known_last, TimeMs at);

}  // namespace sqm::calendar::repo
