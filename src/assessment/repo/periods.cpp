#include "assessment/period_repo.h"

namespace sqm::assessment::repo {

namespace {

constexpr const char* kPeriodColumns =
    "p.id, p.name, p.scheme_id, s.code, p.version, p.kind, p.from_ms, p.to_ms, p.scope_department_id, p.status, "
    "p.results_sha256, p.evaluated_by, p.evaluated_at, p.published_at, p.appeal_deadline, p.locked_at, p.created_by "
    "FROM assessment_periods p JOIN assessment_schemes s ON s.id = p.scheme_id";

Period PeriodFrom(const storage::Row& r) {
  Period p;
  p.id = r.Int(0);
  p.name = r.Text(1);
  p.scheme_id = r.Int(2);
  p.scheme_code = r.Text(3);
  p.version = static_cast<int>(r.Int(4));
  p.kind = ParsePeriodKind(r.Text(5)).value_or(PeriodKind::kCustom);
  p.from_ms = r.Int(6);
  p.to_ms = r.Int(7);
  p.scope_department_id = r.OptInt(8);
  p.status = ParsePeriodStatus(r.Text(9)).value_or(PeriodStatus::kPlanned);
  p.results_sha256 = r.OptText(10);
  p.evaluated_by = r.OptInt(11);
  p.evaluated_at = r.OptInt(12);
  p.published_at = r.OptInt(13);
  p.appeal_deadline = r.OptInt(14);
  p.locked_at = r.OptInt(15);
  p.created_by = r.Int(16);
  return p;
}

constexpr const char* kAppealColumns =
    "id, period_id, assessee_id, indicator_code, reason, evidence, status, filed_by, filed_at, decided_by, "
    "decided_at, decision_reason FROM assessment_appeals";

Appeal AppealFrom(const storage::Row& r) {
  Appeal a;
  a.id = r.Int(0);
  a.period_id = r.Int(1);
  a.assessee_id = r.Int(2);
  a.indicator_code = r.OptText(3);
  a.reason = r.Text(4);
  a.evidence = r.Text(5);
  a.status = ParseAppealStatus(r.Text(6)).value_or(AppealStatus::kOpen);
  a.filed_by = r.Int(7);
  a.filed_at = r.Int(8);
  a.decided_by = r.OptInt(9);
  a.decided_at = r.OptInt(10);
  a.decision_reason = r.Text(11);
  return a;
}

constexpr const char* kAdjustmentColumns =
    "id, appeal_id, period_id, assessee_id, points, status, proposed_by, approved_by FROM assessment_adjustments";

Adjustment AdjustmentFrom(const storage::Row& r) {
  return {.id = r.Int(0),
          .appeal_id = r.Int(1),
          .period_id = r.Int(2),
          .assessee_id = r.Int(3),
          .points = r.Real(4),
          .status = ParseAdjustmentStatus(r.Text(5)).value_or(AdjustmentStatus::kProposed),
          .proposed_by = r.Int(6),
          .approved_by = r.OptInt(7)};
}

void FillAdjustment(Connection& db, Appeal& a) {
  auto r = db.QueryOne(std::string("SELECT ") + kAdjustmentColumns + " WHERE appeal_id = ? ORDER BY id DESC LIMIT 1",
                       {a.id});
  if (r) a.adjustment = AdjustmentFrom(*r);
}

}  // namespace

std::vector<Period> ListPeriods(Connection& db) {
  std::vector<Period> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kPeriodColumns + " ORDER BY p.from_ms DESC, p.id DESC")) {
    out.push_back(PeriodFrom(r));
  }
  return out;
}

std::optional<Period> FindPeriod(Connection& db, RecordId id) {
  auto r = db.QueryOne(std::string("SELECT ") + kPeriodColumns + " WHERE p.id = ?", {id});
  if (!r) return std::nullopt;
  return PeriodFrom(*r);
}

Result<RecordId> InsertPeriod(Connection& db, const Period& p, std::int64_t now) {
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO assessment_periods (name, scheme_id, version, kind, from_ms, to_ms, "
                     "scope_department_id, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     "RETURNING id",
                     {p.name, p.scheme_id, p.version, PeriodKindName(p.kind), p.from_ms, p.to_ms, p.scope_department_id,
                      PeriodStatusName(p.status), p.created_by, now}));
  return r.last_insert_id;
}

Status SetPeriodStatus(Connection& db, RecordId id, PeriodStatus status) {
  return db.Exec("UPDATE assessment_periods SET status = ? WHERE id = ?", {PeriodStatusName(status), id});
}

Status SaveEvaluation(Connection& db, RecordId id, const std::string& snapshot, const std::string& results,
                      const std::string& sha256, RecordId by, std::int64_t at) {
  return db.Exec(
      "UPDATE assessment_periods SET snapshot = ?, results = ?, results_sha256 = ?, evaluated_by = ?, "
      "evaluated_at = ? WHERE id = ?",
      {snapshot, results, sha256, by, at, id});
}

Status SaveResults(Connection& db, RecordId id, const std::string& snapshot, const std::string& results,
                   const std::string& sha256) {
  return db.Exec("UPDATE assessment_periods SET snapshot = ?, results = ?, results_sha256 = ? WHERE id = ?",
                 {snapshot, results, sha256, id});
}

Status SavePublication(Connection& db, RecordId id, std::int64_t at, std::int64_t appeal_deadline) {
  return db.Exec("UPDATE assessment_periods SET published_at = ?, appeal_deadline = ? WHERE id = ?",
                 {at, appeal_deadline, id});
}

Status SaveLock(Connection& db, RecordId id, std::int64_t at) {
  return db.Exec("UPDATE assessment_periods SET locked_at = ? WHERE id = ?", {at, id});
}

std::optional<std::pair<std::string, std::string>> PeriodTexts(Connection& db, RecordId id) {
  auto r = db.QueryOne("SELECT snapshot, results FROM assessment_periods WHERE id = ? AND snapshot IS NOT NULL", {id});
  if (!r) return std::nullopt;
  return std::pair{r->Text(0), r->Text(1)};
}

std::vector<ManualInput> ListInputs(Connection& db, RecordId period_id) {
  std::vector<ManualInput> out;
  for (const auto& r :
       db.Query("SELECT period_id, assessee_id, indicator_code, value, evidence, entered_by, entered_at "
                "FROM assessment_inputs WHERE period_id = ? ORDER BY assessee_id, indicator_code",
                {period_id})) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Real(3), r.Text(4), r.Int(5), r.Int(6)});
  }
  return out;
}

Status SaveInput(Connection& db, const ManualInput& in) {
  return db.Exec(
      "INSERT INTO assessment_inputs (period_id, assessee_id, indicator_code, value, evidence, entered_by, "
      "entered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period_id, assessee_id, indicator_code) "
      "DO UPDATE SET value = excluded.value, evidence = excluded.evidence, entered_by = excluded.entered_by, "
      "entered_at = excluded.entered_at",
      {in.period_id, in.assessee_id, in.indicator_code, in.value, in.evidence, in.entered_by, in.entered_at});
}

std::vector<Appeal> ListAppeals(Connection& db, std::optional<AppealStatus> status, std::optional<RecordId> period_id) {
  std::vector<Appeal> out;
  const std::string status_text = status ? AppealStatusName(*status) : "";
  for (const auto& r : db.Query(std::string("SELECT ") + kAppealColumns +
                                    " WHERE (CAST(? AS TEXT) = '' OR status = ?) AND "
                                    "(CAST(? AS BIGINT) IS NULL OR period_id = ?) ORDER BY id",
                                {status_text, status_text, period_id, period_id})) {
    out.push_back(AppealFrom(r));
  }
  for (Appeal& a : out) FillAdjustment(db, a);
  return out;
}

std::optional<Appeal> FindAppeal(Connection& db, RecordId id) {
  auto r = db.QueryOne(std::string("SELECT ") + kAppealColumns + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  Appeal a = AppealFrom(*r);
  FillAdjustment(db, a);
  return a;
}

Result<RecordId> InsertAppeal(Connection& db, const Appeal& a) {
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO assessment_appeals (period_id, assessee_id, indicator_code, reason, evidence, "
                     "status, filed_by, filed_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
                     {a.period_id, a.assessee_id, a.indicator_code, a.reason, a.evidence, a.filed_by, a.filed_at}));
  return r.last_insert_id;
}

Status SaveDecision(Connection& db, const Appeal& a) {
  return db.Exec(
      "UPDATE assessment_appeals SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
      "WHERE id = ?",
      {AppealStatusName(a.status), a.decided_by, a.decided_at, a.decision_reason, a.id});
}

Status ReopenAppeal(Connection& db, RecordId id) {
  return db.Exec(
      "UPDATE assessment_appeals SET status = 'open', decided_by = NULL, decided_at = NULL, decision_reason = '' "
      "WHERE id = ?",
      {id});
}

Result<RecordId> InsertAdjustment(Connection& db, const Adjustment& adj, std::int64_t now) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO assessment_adjustments (appeal_id, period_id, assessee_id, points, status, "
                             "proposed_by, proposed_at) VALUES (?, ?, ?, ?, 'proposed', ?, ?) RETURNING id",
                             {adj.appeal_id, adj.period_id, adj.assessee_id, adj.points, adj.proposed_by, now}));
  return r.last_insert_id;
}

std::optional<Adjustment> FindAdjustment(Connection& db, RecordId id) {
  auto r = db.QueryOne(std::string("SELECT ") + kAdjustmentColumns + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return AdjustmentFrom(*r);
}

Status ApproveAdjustment(Connection& db, RecordId id, RecordId by, std::int64_t now) {
  return db.Exec("UPDATE assessment_adjustments SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ?",
                 {by, now, id});
}

Result<bool> WithdrawAdjustment(Connection& db, RecordId id) {
  SQM_ASSIGN(
      auto r,
      db.Exec("UPDATE assessment_adjustments SET status = 'withdrawn' WHERE id = ? AND status = 'proposed'", {id}));
  return r.changes == 1;
}

std::map<RecordId, double> ApprovedAdjustments(Connection& db, RecordId period_id) {
  std::map<RecordId, double> out;
  for (const auto& r : db.Query("SELECT assessee_id, points FROM assessment_adjustments WHERE period_id = ? AND "
                                "status = 'approved' ORDER BY id",
                                {period_id})) {
    out[r.Int(0)] += r.Real(1);
  }
  return out;
}

std::vector<ResultComment> ListComments(Connection& db, RecordId period_id, RecordId assessee_id) {
  std::vector<ResultComment> out;
  for (const auto& r : db.Query("SELECT indicator_code, body, written_by, written_at FROM assessment_comments "
                                "WHERE period_id = ? AND assessee_id = ? ORDER BY indicator_code",
                                {period_id, assessee_id})) {
    out.push_back({.period_id = period_id,
                   .assessee_id = assessee_id,
                   .indicator_code = r.Text(0),
                   .text = r.Text(1),
                   .written_by = r.Int(2),
                   .written_by_name = "",
                   .written_at = r.Int(3)});
  }
  return out;
}

Status SaveComment(Connection& db, const ResultComment& c) {
  return db.Exec(
      "INSERT INTO assessment_comments (period_id, assessee_id, indicator_code, body, written_by, written_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (period_id, assessee_id, indicator_code) DO UPDATE SET "
      "body = excluded.body, written_by = excluded.written_by, written_at = excluded.written_at",
      {c.period_id, c.assessee_id, c.indicator_code, c.text, c.written_by, c.written_at});
}

namespace {

constexpr const char* kCorrectionColumns =
    "id, period_id, assessee_id, original_total, corrected_total, reason, evidence, status, proposed_by, "
    "proposed_at, approved_by, approved_at, rejected_by, rejected_at, rejection_reason FROM assessment_corrections";

Correction CorrectionFrom(const storage::Row& r) {
  Correction c;
  c.id = r.Int(0);
  c.period_id = r.Int(1);
  c.assessee_id = r.Int(2);
  if (!r.IsNull(3)) c.original_total = r.Real(3);
  c.corrected_total = r.Real(4);
  c.reason = r.Text(5);
  c.evidence = r.Text(6);
  c.status = ParseCorrectionStatus(r.Text(7)).value_or(CorrectionStatus::kProposed);
  c.proposed_by = r.Int(8);
  c.proposed_at = r.Int(9);
  c.approved_by = r.OptInt(10);
  c.approved_at = r.OptInt(11);
  c.rejected_by = r.OptInt(12);
  c.rejected_at = r.OptInt(13);
  c.rejection_reason = r.OptText(14).value_or("");
  return c;
}

}  // namespace

std::vector<Correction> ListCorrections(Connection& db, RecordId period_id, std::optional<RecordId> assessee_id) {
  std::vector<Correction> out;
  for (const auto& r :
       db.Query(std::string("SELECT ") + kCorrectionColumns +
                    " WHERE period_id = ? AND (CAST(? AS BIGINT) IS NULL OR assessee_id = ?) ORDER BY id",
                {period_id, assessee_id, assessee_id})) {
    out.push_back(CorrectionFrom(r));
  }
  return out;
}

std::optional<Correction> FindCorrection(Connection& db, RecordId id) {
  auto r = db.QueryOne(std::string("SELECT ") + kCorrectionColumns + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return CorrectionFrom(*r);
}

Result<RecordId> InsertCorrection(Connection& db, const Correction& c) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO assessment_corrections (period_id, assessee_id, original_total, "
                             "corrected_total, reason, evidence, status, proposed_by, proposed_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?) RETURNING id",
                             {c.period_id, c.assessee_id, c.original_total, c.corrected_total, c.reason, c.evidence,
                              c.proposed_by, c.proposed_at}));
  return r.last_insert_id;
}

Result<bool> SettleCorrection(Connection& db, RecordId id, CorrectionStatus to, std::optional<RecordId> by,
                              std::optional<std::int64_t> at) {
  SQM_ASSIGN(auto r, db.Exec("UPDATE assessment_corrections SET status = ?, approved_by = ?, approved_at = ? "
                             "WHERE id = ? AND status = 'proposed'",
                             {CorrectionStatusName(to), by, at, id}));
  return r.changes == 1;
}

Result<bool> RejectCorrection(Connection& db, RecordId id, RecordId by, std::int64_t at, const std::string& reason) {
  SQM_ASSIGN(auto r, db.Exec("UPDATE assessment_corrections SET status = 'rejected', rejected_by = ?, rejected_at = ?, "
                             "rejection_reason = ? WHERE id = ? AND status = 'proposed'",
                             {by, at, reason, id}));
  return r.changes == 1;
}

}  // namespace sqm::assessment::repo
