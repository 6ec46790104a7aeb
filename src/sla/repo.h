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

// The `pauses` column: [[from, to|null], ...].
std::string PausesToJson(const std::vector<Pause>& pauses);
// Throws storage::DbError on text that is not what PausesToJson writes (a corrupt row).
std::vector<Pause> PausesFromJson(const std::string& text);

}  // namespace sqm::sla::repo
