#include "assessment/exclusion_repo.h"

namespace sqm::assessment::repo {

using storage::Placeholders;
using storage::Value;

namespace {

constexpr const char* kSelect =
    "SELECT e.id, e.ticket_id, e.reason_code, e.evidence, e.status, e.requested_by, COALESCE(r.display_name, ''),"
    " e.requested_at, e.decided_by, COALESCE(d.display_name, ''), e.decided_at, e.decision_note"
    " FROM assessment_exclusions e LEFT JOIN staff r ON r.id = e.requested_by LEFT JOIN staff d ON d.id = e.decided_by";

Exclusion ExclusionFrom(const storage::Row& r) {
  Exclusion e;
  e.id = r.Int(0);
  e.ticket_id = r.Int(1);
  e.reason_code = r.Text(2);
  e.evidence = r.Text(3);
  e.status = ParseExclusionStatus(r.Text(4)).value_or(ExclusionStatus::kRequested);
  e.requested_by = r.Int(5);
  e.requested_by_name = r.Text(6);
  e.requested_at = r.Int(7);
  e.decided_by = r.OptInt(8);
  e.decided_by_name = r.Text(9);
  e.decided_at = r.OptInt(10);
  e.decision_note = r.Text(11);
  return e;
}

ExclusionReason ReasonFrom(const storage::Row& r) {
  return ExclusionReason{r.Text(0), {r.Text(1), r.Text(2)}, r.Bool(3)};
}

}  // namespace

std::vector<ExclusionReason> ExclusionReasons(storage::Connection& db) {
  std::vector<ExclusionReason> out;
  for (const auto& r :
       db.Query("SELECT code, name_zh, name_en, active FROM assessment_exclusion_reasons ORDER BY position, code")) {
    out.push_back(ReasonFrom(r));
  }
  return out;
}

std::optional<ExclusionReason> FindExclusionReason(storage::Connection& db, const std::string& code) {
  auto r =
      db.QueryOne("SELECT code, name_zh, name_en, active FROM assessment_exclusion_reasons WHERE code = ?", {code});
  if (!r) return std::nullopt;
  return ReasonFrom(*r);
}

Status InsertExclusionReason(storage::Connection& db, const ExclusionReason& r, TimeMs at) {
  return db.Exec(
      "INSERT INTO assessment_exclusion_reasons (code, name_zh, name_en, active, position, created_at)"
      " VALUES (?, ?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM assessment_exclusion_reasons), ?)",
      {r.code, r.name.zh, r.name.en, r.active ? 1 : 0, at});
}

Status SetExclusionReasonActive(storage::Connection& db, const std::string& code, bool active) {
  return db.Exec("UPDATE assessment_exclusion_reasons SET active = ? WHERE code = ?", {active ? 1 : 0, code});
}

std::vector<Exclusion> ListExclusions(storage::Connection& db, std::optional<ExclusionStatus> status,
                                      const std::optional<std::vector<std::int64_t>>& departments,
                                      std::int64_t staff_id, const std::string& tickets_sql) {
  std::string sql = std::string(kSelect) + " WHERE 1 = 1";
  std::vector<Value> params;
  if (status) {
    sql += " AND e.status = ?";
    params.emplace_back(ExclusionStatusName(*status));
  }
  if (departments) {
    sql += " AND (e.requested_by = ? OR e.ticket_id IN (SELECT f.ticket_id FROM (" + tickets_sql +
           ") f WHERE f.staff_id = ?";
    params.insert(params.end(), {staff_id, staff_id});
    if (!departments->empty()) {
      sql += " OR f.department_id IN (" + Placeholders(departments->size()) + ")";
      for (auto d : *departments) params.emplace_back(d);
    }
    sql += "))";
  }
  sql += " ORDER BY e.id DESC LIMIT 500";
  std::vector<Exclusion> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(ExclusionFrom(r));
  return out;
}

std::optional<Exclusion> FindExclusion(storage::Connection& db, std::int64_t id) {
  auto r = db.QueryOne(std::string(kSelect) + " WHERE e.id = ?", {id});
  if (!r) return std::nullopt;
  return ExclusionFrom(*r);
}

std::vector<Exclusion> ApprovedExclusionsIn(storage::Connection& db, const std::vector<std::string>& sources,
                                            TimeMs from, TimeMs to) {
  std::vector<Exclusion> out;
  if (sources.empty()) return out;
  std::string sql = std::string(kSelect) + " WHERE e.status = 'approved' AND (";
  std::vector<Value> params;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (i > 0) sql += " OR ";
    sql += "EXISTS (SELECT 1 FROM (" + sources[i] + ") f WHERE f.ticket_id = e.ticket_id AND f.at >= ? AND f.at < ?)";
    params.insert(params.end(), {from, to});
  }
  sql += ") ORDER BY e.ticket_id, e.id";
  for (const auto& r : db.Query(sql, params)) out.push_back(ExclusionFrom(r));
  return out;
}

std::optional<std::int64_t> LiveExclusionOf(storage::Connection& db, std::int64_t ticket_id) {
  auto r = db.QueryOne(
      "SELECT id FROM assessment_exclusions WHERE ticket_id = ? AND status <> 'rejected'"
      " ORDER BY id LIMIT 1",
      {ticket_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

Result<std::int64_t> InsertExclusion(storage::Connection& db, const ExclusionRequest& req, std::int64_t by, TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO assessment_exclusions (ticket_id, reason_code, evidence, status,"
                             " requested_by, requested_at) VALUES (?, ?, ?, 'requested', ?, ?) RETURNING id",
                             {req.ticket_id, req.reason_code, req.evidence, by, at}));
  return r.last_insert_id;
}

Status DecideExclusion(storage::Connection& db, std::int64_t id, ExclusionStatus to, std::int64_t by,
                       const std::string& note, TimeMs at) {
  return db.Exec(
      "UPDATE assessment_exclusions SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?",
      {ExclusionStatusName(to), by, at, note, id});
}

std::optional<TicketCharge> ChargeOfTicket(storage::Connection& db, const std::string& tickets_sql,
                                           std::int64_t ticket_id) {
  auto r =
      db.QueryOne("SELECT f.staff_id, f.department_id FROM (" + tickets_sql + ") f WHERE f.ticket_id = ?", {ticket_id});
  if (!r) return std::nullopt;
  return TicketCharge{r->OptInt(0), r->OptInt(1)};
}

}  // namespace sqm::assessment::repo
