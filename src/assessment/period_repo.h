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
// A decided appeal goes back to open (to be decided again), its decision cleared.
Status ReopenAppeal(Connection& db, RecordId id);
Result<RecordId> InsertAdjustment(Connection& db, const Adjustment& adj, std::int64_t now);
std::optional<Adjustment> FindAdjustment(Connection& db, RecordId id);
Status ApproveAdjustment(Connection& db, RecordId id, RecordId by, std::int64_t now);
// A proposed adjustment becomes withdrawn; false when it was not proposed (any more).
Result<bool> WithdrawAdjustment(Connection& db, RecordId id);
// Approved adjustments' points per assessee of a period.
std::map<RecordId, double> ApprovedAdjustments(Connection& db, RecordId period_id);

// The comments on one assessee's result (overall first, then by indicator code).
std::vector<ResultComment> ListComments(Connection& db, RecordId period_id, RecordId assessee_id);
// Writes or replaces the comment of (period, assessee, indicator).
Status SaveComment(Connection& db, const ResultComment& c);

// A period's corrections, in id order (of one assessee when given).
std::vector<Correction> ListCorrections(Connection& db, RecordId period_id, std::optional<RecordId> assessee_id);
std::optional<Correction> FindCorrection(Connection& db, RecordId id);
Result<RecordId> InsertCorrection(Connection& db, const Correction& c);
// A proposed correction becomes `to` (approved: by `by` at `at`); false when it was not proposed.
Result<bool> SettleCorrection(Connection& db, RecordId id, CorrectionStatus to, std::optional<RecordId> by,
                              std::optional<std::int64_t> at);
// A proposed correction becomes rejected by `by` at `at` for `reason`; false when it was not proposed.
Result<bool> RejectCorrection(Connection& db, RecordId id, RecordId by, std::int64_t at, const std::string& reason);

}  // namespace sqm::assessment::repo
