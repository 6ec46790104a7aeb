#include "calendar/repo.h"

namespace sqm::calendar::repo {

namespace {

CalendarRow ReadCalendar(const storage::Row& r) {
  return {r.Text(0), r.Text(1), r.Bool(2), r.Int(3)};
}

constexpr const char* kSelectCalendar = "SELECT code, definition, builtin, updated_at FROM calendars";

}  // namespace

std::optional<CalendarRow> FindCalendar(Connection& db, std::string_view code) {
  auto row = db.QueryOne(std::string(kSelectCalendar) + " WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return ReadCalendar(*row);
}

bool CalendarExists(Connection& db, std::string_view code) {
  return db.QueryOne("SELECT 1 FROM calendars WHERE code = ?", {code}).has_value();
}

std::vector<CalendarRow> ListCalendars(Connection& db) {
  std::vector<CalendarRow> out;
  for (const auto& r : db.Query(std::string(kSelectCalendar) + " ORDER BY code")) out.push_back(ReadCalendar(r));
  return out;
}

Status InsertCalendar(Connection& db, const std::string& code, const std::string& name, const std::string& definition,
                      bool builtin, TimeMs at) {
  return db.Exec("INSERT INTO calendars (code, name, definition, builtin, updated_at) VALUES (?, ?, ?, ?, ?)",
                 {code, name, definition, builtin ? 1 : 0, at});
}

Status UpdateCalendar(Connection& db, const std::string& code, const std::string& name, const std::string& definition,
                      TimeMs at) {
  return db.Exec("UPDATE calendars SET name = ?, definition = ?, updated_at = ? WHERE code = ?",
                 {name, definition, at, code});
}

Status UpdateDefinition(Connection& db, const std::string& code, const std::string& definition, TimeMs at) {
  return db.Exec("UPDATE calendars SET definition = ?, updated_at = ? WHERE code = ?", {definition, at, code});
}

Result<bool> InsertRunOutNotice(Connection& db, const std::string& code, int known_last, TimeMs at) {
  SQM_ASSIGN(auto recorded, db.Exec("INSERT INTO calendar_run_out_notices (code, known_last, sent_at) VALUES (?, ?, ?)"
                                    " ON CONFLICT (code, known_last) DO NOTHING",
                                    {code, known_last, at}));
  return recorded.changes > 0;
}

}  // namespace sqm::calendar::repo
