// calendar::Registry: the business calendars of this installation. Definitions live in the
// `calendars` table (the JSON of codec.h); the registry keeps each one compiled in memory as a
// BusinessTime, which the SLA service asks for by code.
//
// Built-ins (builtin.h) are inserted by the first Load() on an empty database and never
// overwritten afterwards: once stored they are ordinary rows that an administrator may edit (add
// next year's holidays, change the hours).
//
// Edits take effect from the moment they commit: every due time computed afterwards uses the new
// definition. Running SLA timers keep the due time they were given until their next change (a
// pause, resume, stop or firing), which recomputes it with the calendar as it is then. Nothing is
// recomputed retroactively, and stopped timers never change.
//
// Every edit is one Database::Write with a `calendar.*` event (entity "calendar", id = code) that
// carries the new definition, so the event log shows who changed which holiday when.
//
// Threading: thread-safe. Get() is a lock-and-copy of a shared_ptr; the compiled calendar it
// returns is immutable and stays valid after later edits (which swap in a new one). Edits are
// serialised with each other, so the in-memory map always matches the last committed edit of this
// process. (Edits made by another server process on the same database are seen after a Load().)
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/model.h"
#include "calendar/rules.h"
#include "storage/database.h"

namespace sqm::calendar {

struct StoredCalendar {
  Calendar calendar;
  bool builtin = false;  // seeded from builtin.h (editable all the same)
  TimeMs updated_at = 0;
};

struct ImportResult {
  StoredCalendar stored;
  int added = 0;     // dates that had no exception before
  int replaced = 0;  // dates whose exception the import replaced
};

// ---- what the run-out watch (run_out_watch.h) reads and records (the SQL is in repo.h) ----

// Every stored calendar whose definition reads and validates, ordered by code (one that does not is
// left out: Load() logs it, and nothing counts on it).
std::vector<Calendar> ReadValidCalendars(storage::Connection& db);
// Records that the notice "calendar `code` knows holidays only until `known_last`" was sent at
// `at`; false (and nothing written) when some server recorded it before.
Result<bool> RecordRunOutNotice(storage::Connection& db, const std::string& code, int known_last, TimeMs at);

// kNotFound "calendar '<code>' does not exist" (key calendar.not_found), for the registry and its routes.
Error UnknownCalendar(const std::string& code);

class Registry {
 public:
  explicit Registry(storage::Database& db);
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Inserts the missing built-ins (with a `calendar.created` event each), then reads and compiles
  // every stored calendar, replacing the in-memory map. A stored definition that no longer
  // compiles (say, its zone vanished from the tz database) is logged and left out, so Get()
  // answers nullptr for it. Fails only when the database does (an exception) or the seeding write
  // fails (the error).
  Status Load();

  // The compiled calendar; nullptr when no such code is loaded.
  std::shared_ptr<const BusinessTime> Get(std::string_view code) const;

  // Every loaded calendar, by code.
  std::vector<StoredCalendar> List() const;
  std::optional<StoredCalendar> Find(std::string_view code) const;

  // kInvalid with the field from Validate (code, name, time_zone, week[2][0].end, ...);
  // kConflict on "code" when the code is taken.
  Result<StoredCalendar> Create(const std::string& actor, Calendar cal);
  // Replaces the whole definition. kNotFound for an unknown code; kInvalid on "code" when
  // cal.code differs from `code` (codes never change: timers and policies refer to them).
  Result<StoredCalendar> Update(const std::string& actor, const std::string& code, Calendar cal);
  // Adds holidays and make-up working days to the calendar (codec.h MergeExceptions: an imported
  // date replaces the existing exception of that date; nothing else changes). `text` is either
  //   - iCalendar (anything not starting with '{' or '['): errors name the line ("line 12"), or
  //   - JSON: a list of exceptions, {"exceptions": [...]}, or a whole calendar definition of which
  //     only the exceptions are used; errors name the field ("exceptions[3].date").
  // All or nothing. kConflict for an always-open calendar (it has no days to except).
  Result<ImportResult> Import(const std::string& actor, const std::string& code, std::string_view text);

 private:
  struct Entry {
    StoredCalendar stored;
    std::shared_ptr<const BusinessTime> compiled;
  };

  void Put(StoredCalendar stored, BusinessTime compiled);

  storage::Database& db_;
  std::mutex edit_mu_;  // held across an edit's write and the swap, so edits apply in commit order
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Entry>, std::less<>> entries_;
};

}  // namespace sqm::calendar
