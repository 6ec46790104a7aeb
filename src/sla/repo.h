// SQL for SLA policies (sla_policies: every version of every policy) and timers (sla_timers).
// Every function takes the connection it runs on, so the same code serves reads (a pooled
// reader) and writes (inside a WriteTx). Exec failures come back as errors; SQL errors throw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "sla/model.h"
#include "storage/db.h"

namespace sqm::sla::repo {

using storage::Connection;

// ---- policies ----

// The current version of every policy, by id; inactive ones too when asked.
std::vector<Policy> CurrentPolicies(Connection& db, bool include_inactive);
// The current version when `version` is empty.
std::optional<Policy> FindPolicy(Connection& db, std::int64_t id, std::optional<std::int32_t> version = std::nullopt);
std::int64_t NextPolicyId(Connection& db);
// Inserts `policy` as the current version of its id, clearing `current` on the older versions.
Status InsertPolicyVersion(Connection& db, const Policy& policy, TimeMs created_at, const std::string& created_by);

// ---- timers ----

std::optional<Timer> FindTimer(Connection& db, std::int64_t id);
// Oldest first.
std::vector<Timer> TimersOf(Connection& db, std::int64_t ticket_id);
std::vector<Timer> OpenTimersOf(Connection& db, std::int64_t ticket_id);
// Every timer with stopped_at IS NULL.
std::vector<Timer> OpenTimers(Connection& db);
// Returns the new id.
Result<std::int64_t> InsertTimer(Connection& db, const Timer& timer);
// Saves every fact and derived field of an existing timer.
Status UpdateTimer(Connection& db, const Timer& timer);
// Who a timer is charged to (sla_timers.staff_id, department_id; docs/assessment.md): the timers
// of `ticket_id` stopped at `stopped_at`, or one timer by id when it fires its breach. The desk
// writes them in the transaction that stops or breaches the timer; the later write wins.
Status AttributeStoppedTimers(Connection& db, std::int64_t ticket_id, TimeMs stopped_at,
                              std::optional<std::int64_t> staff_id, std::optional<std::int64_t> department_id);
Status AttributeTimer(Connection& db, std::int64_t timer_id, std::optional<std::int64_t> staff_id,
                      std::optional<std::int64_t> department_id);

// ---- SLA state in SQL ----
// A timer's state at an instant (rules.h's Evaluate, SlaState) written once in SQL over the
// derived columns a timer keeps. Each condition is about the sla_timers row aliased `m` and
// carries its `?` values in order. The desk's ticket list and ticket rows, and its reports, ask
// these and nothing else.
struct Condition {
  std::string sql;
  std::vector<storage::Value> params;
};
Condition And(Condition a, const Condition& b);
Condition TimerOpen();                 // not stopped
Condition TimerPaused();               // open and paused
Condition TimerBreachedAt(TimeMs at);  // stopped late, or open past its due time at `at`
Condition TimerWarningAt(TimeMs at);   // open, running, past its warning time and not past due
// The ticket whose id is the SQL expression `ticket_id` ("t.id") has a timer meeting `timer`.
Condition TicketHasTimer(std::string_view ticket_id, const Condition& timer);
// The ticket's SlaState name at `at` as an SQL expression; '' when it has no timer.
Condition TicketSlaState(std::string_view ticket_id, TimeMs at);
// The ticket is in `state` at `at`, as TicketSlaState says; kOk also matches a ticket without
// timers (nothing of it is late).
Condition TicketSlaStateIs(std::string_view ticket_id, SlaState state, TimeMs at);

// The `pauses` column: [[from, to|null], ...].
std::string PausesToJson(const std::vector<Pause>& pauses);
// Throws storage::DbError on text that is not what PausesToJson writes (a corrupt row).
std::vector<Pause> PausesFromJson(const std::string& text);

}  // namespace sqm::sla::repo
