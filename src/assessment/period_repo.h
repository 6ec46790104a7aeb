// SQL of periods, their snapshots and results, manual inputs, appeals and adjustments (migration
// 0012_assessment). Runs on SQLite and PostgreSQL alike (src/README.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/period_model.h"
#include "storage/db.h"

namespace sqm::assessment::repo {

using storage::Connection;

std::vector<Period> ListPeriods(Connection& db);
std::optional<Period> FindPeriod(Connection& db, RecordId id);
Result<RecordId> InsertPeriod(Connection& db, const Period& p, std::int64_t now);
Status SetPeriodStatus(Connection& db, RecordId id, PeriodStatus status);
// Evaluation: the snapshot, the results and their SHA-256, who and when.
Status SaveEvaluation(Connection& db, RecordId id, const std::string& snapshot, const std::string& results,
                      const std::string& sha256, RecordId by, std::int64_t at);
// Results re-derived after an approved adjustment (the snapshot's adjustments changed).
Status SaveResults(Connection& db, RecordId id, const std::string& snapshot, const std::string& results,
                   const std::string& sha256);
Status SavePublication(Connection& db, RecordId id, std::int64_t at, std::int64_t appeal_deadline);
Status SaveLock(Connection& db, RecordId id, std::int64_t at);
// The stored snapshot and results texts; nullopt before evaluation.
std::optional<std::pair<std::string, std::string>> PeriodTexts(Connection& db, RecordId id);

std::vector<ManualInput> ListInputs(Connection& db, RecordId period_id);
Status SaveInput(Connection& db, const ManualInput& in);

std::vector<Appeal> ListAppeals(Connection& db, std::optional<AppealStatus> status, std::optional<RecordId> period_id);
std::optional<Appeal> FindAppeal(Connection& db, RecordId id);
Result<RecordId> InsertAppeal(Connection& db, const Appeal& a);
Status SaveDecision(Connection& db, const Appeal& a);
Result<RecordId> InsertAdjustment(Connection& db, const Adjustment& adj, std::int64_t now);
std::optional<Adjustment> FindAdjustment(Connection& db, RecordId id);
Status ApproveAdjustment(Connection& db, RecordId id, RecordId by, std::int64_t now);
// A proposed adjustment becomes withdrawn; false when it was not proposed (any more).
Result<bool> WithdrawAdjustment(Connection& db, RecordId id);
// Approved adjustments' points per assessee of a period.
std::map<RecordId, double> ApprovedAdjustments(Connection& db, RecordId period_id);

}  // namespace sqm::assessment::repo
