// SQL of mystery shopping (migration 0027_mystery_shopping).
#include "inspection/repo/mystery.h"

#include "inspection/json.h"
#include "inspection/rules.h"

namespace sqm::inspection::repo {

using storage::Row;

namespace {

std::optional<int> OptSmall(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return static_cast<int>(r.Int(i));
}

Scenario ScenarioOf(const Row& r) {
  return {.id = r.Int(0),
          .title = r.Text(1),
          .channel = ParseChannel(r.Text(2)).value_or(Channel::kVisit),
          .department_ids = ParseStoredIds(r.Text(3)),
          .script = r.Text(4),
          .observe = r.Text(5),
          .scorecard_id = r.Int(6),
          .window_from = r.Int(7),
          .window_to = r.Int(8),
          .hours_from = OptSmall(r, 9),
          .hours_to = OptSmall(r, 10),
          .visits_per_target = static_cast<int>(r.Int(11)),
          .budget_cents = r.OptInt(12),
          .active = r.Bool(13),
          .created_by = r.Int(14),
          .created_at = r.Int(15),
          .updated_at = r.Int(16)};
}

MysteryVisit VisitOf(const Row& r) {
  MysteryVisit v{.inspection_id = r.Int(0),
                 .scenario_id = r.Int(1),
                 .scenario_title = r.Text(2),
                 .channel = ParseChannel(r.Text(3)).value_or(Channel::kVisit),
                 .department_id = r.Int(4),
                 .department_name = r.Text(5),
                 .shopper_id = r.Int(6),
                 .shopper_name = r.Text(7),
                 .state = ParseState(r.Text(8)).value_or(State::kAssigned),
                 .passed = r.Bool(10)};
  if (!r.IsNull(9)) v.percent = r.Real(9);
  v.report = {.visited_at = r.OptInt(11),
              .duration_min = OptSmall(r, 12),
              .served_by = r.Text(13),
              .served_by_id = r.OptInt(14),
              .dialled = r.Text(15),
              .spent_cents = r.OptInt(16)};
  v.claim = ParseClaim(r.Text(17)).value_or(Claim::kNone);
  v.claim_reason = r.Text(18);
  v.claim_decided_by = r.OptInt(19);
  v.claim_decided_at = r.OptInt(20);
  v.created_at = r.Int(21);
  if (v.report.served_by_id) v.served_by_name = r.Text(22);
  v.receipts = static_cast<int>(r.Int(23));
  return v;
}

Photo ReceiptOf(const Row& r) {
  return {.id = r.Int(0),
          .inspection_id = r.Int(1),
          .type = ParseImageType(r.Text(2)).value_or(ImageType::kJpeg),
          .size = r.Int(3),
          .sha256 = r.Text(4),
          .uploaded_by = r.Int(5),
          .uploaded_at = r.Int(6)};
}

}  // namespace

Result<Id> InsertScenario(Connection& db, const Scenario& s) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO mystery_scenarios (title, channel, department_ids, script, observe,"
                             " scorecard_id, window_from, window_to, hours_from, hours_to, visits_per_target,"
                             " budget_cents, active, created_by, created_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {s.title, Name(s.channel), IdsText(s.department_ids), s.script, s.observe, s.scorecard_id,
                              s.window_from, s.window_to, s.hours_from, s.hours_to, s.visits_per_target, s.budget_cents,
                              s.active, s.created_by, s.created_at, s.updated_at}));
  return r.last_insert_id;
}

Status UpdateScenario(Connection& db, const Scenario& s) {
  return db.Exec(
      "UPDATE mystery_scenarios SET title = ?, channel = ?, department_ids = ?, script = ?, observe = ?,"
      " scorecard_id = ?, window_from = ?, window_to = ?, hours_from = ?, hours_to = ?,"
      " visits_per_target = ?, budget_cents = ?, active = ?, updated_at = ? WHERE id = ?",
      {s.title, Name(s.channel), IdsText(s.department_ids), s.script, s.observe, s.scorecard_id, s.window_from,
       s.window_to, s.hours_from, s.hours_to, s.visits_per_target, s.budget_cents, s.active, s.updated_at, s.id});
}

std::optional<Scenario> FindScenario(Connection& db, Id id) {
  auto r = db.QueryOne(
      "SELECT id, title, channel, department_ids, script, observe, scorecard_id, window_from, window_to, hours_from,"
      " hours_to, visits_per_target, budget_cents, active, created_by, created_at, updated_at FROM mystery_scenarios"
      " WHERE id = ?",
      {id});
  if (!r) return std::nullopt;
  return ScenarioOf(*r);
}

std::vector<Scenario> ListScenarios(Connection& db, int limit) {
  std::vector<Scenario> out;
  for (const auto& r :
       db.Query("SELECT id, title, channel, department_ids, script, observe, scorecard_id, window_from, window_to,"
                " hours_from, hours_to, visits_per_target, budget_cents, active, created_by, created_at, updated_at"
                " FROM mystery_scenarios ORDER BY id DESC LIMIT ?",
                {limit})) {
    out.push_back(ScenarioOf(r));
  }
  return out;
}

Status InsertVisit(Connection& db, Id inspection_id, Id scenario_id) {
  return db.Exec("INSERT INTO mystery_visits (inspection_id, scenario_id) VALUES (?, ?)", {inspection_id, scenario_id});
}

std::optional<MysteryVisit> FindVisit(Connection& db, Id inspection_id) {
  auto r = db.QueryOne(
      "SELECT v.inspection_id, v.scenario_id, s.title, s.channel, i.department_id, i.department_name, i.inspector_id,"
      " i.inspector_name, i.state, i.percent, i.passed, v.visited_at, v.duration_min, v.served_by, v.served_by_id,"
      " v.dialled, v.spent_cents, v.claim, v.claim_reason, v.claim_decided_by, v.claim_decided_at, i.created_at,"
      " i.agent_name, (SELECT COUNT(*) FROM mystery_receipts r WHERE r.inspection_id = v.inspection_id)"
      " FROM mystery_visits v JOIN inspections i ON i.id = v.inspection_id"
      " JOIN mystery_scenarios s ON s.id = v.scenario_id WHERE v.inspection_id = ?",
      {inspection_id});
  if (!r) return std::nullopt;
  return VisitOf(*r);
}

std::vector<MysteryVisit> ListVisits(Connection& db, Id scenario_id) {
  std::vector<MysteryVisit> out;
  for (const auto& r : db.Query(
           "SELECT v.inspection_id, v.scenario_id, s.title, s.channel, i.department_id, i.department_name, "
           "i.inspector_id,"
           " i.inspector_name, i.state, i.percent, i.passed, v.visited_at, v.duration_min, v.served_by, v.served_by_id,"
           " v.dialled, v.spent_cents, v.claim, v.claim_reason, v.claim_decided_by, v.claim_decided_at, i.created_at,"
           " i.agent_name, (SELECT COUNT(*) FROM mystery_receipts r WHERE r.inspection_id = v.inspection_id)"
           " FROM mystery_visits v JOIN inspections i ON i.id = v.inspection_id"
           " JOIN mystery_scenarios s ON s.id = v.scenario_id WHERE v.scenario_id = ? ORDER BY v.inspection_id",
           {scenario_id})) {
    out.push_back(VisitOf(r));
  }
  return out;
}

std::vector<MysteryVisit> ListShopperVisits(Connection& db, Id shopper_id, int limit) {
  std::vector<MysteryVisit> out;
  for (const auto& r : db.Query(
           "SELECT v.inspection_id, v.scenario_id, s.title, s.channel, i.department_id, i.department_name, "
           "i.inspector_id,"
           " i.inspector_name, i.state, i.percent, i.passed, v.visited_at, v.duration_min, v.served_by, v.served_by_id,"
           " v.dialled, v.spent_cents, v.claim, v.claim_reason, v.claim_decided_by, v.claim_decided_at, i.created_at,"
           " i.agent_name, (SELECT COUNT(*) FROM mystery_receipts r WHERE r.inspection_id = v.inspection_id)"
           " FROM mystery_visits v JOIN inspections i ON i.id = v.inspection_id"
           " JOIN mystery_scenarios s ON s.id = v.scenario_id WHERE i.inspector_id = ? ORDER BY v.inspection_id DESC "
           "LIMIT ?",
           {shopper_id, limit})) {
    out.push_back(VisitOf(r));
  }
  return out;
}

Status SaveReport(Connection& db, Id inspection_id, const VisitReport& r, Claim claim) {
  return db.Exec(
      "UPDATE mystery_visits SET visited_at = ?, duration_min = ?, served_by = ?, served_by_id = ?,"
      " dialled = ?, spent_cents = ?, claim = ? WHERE inspection_id = ?",
      {r.visited_at, r.duration_min, r.served_by, r.served_by_id, r.dialled, r.spent_cents, Name(claim),
       inspection_id});
}

Status SetInspected(Connection& db, Id inspection_id, std::optional<Id> agent_id, const std::string& agent_name) {
  return db.Exec("UPDATE inspections SET agent_id = ?, agent_name = ? WHERE id = ?",
                 {agent_id, agent_name, inspection_id});
}

Status DecideClaim(Connection& db, Id inspection_id, Claim claim, const std::string& reason, Id by, TimeMs at) {
  return db.Exec(
      "UPDATE mystery_visits SET claim = ?, claim_reason = ?, claim_decided_by = ?, claim_decided_at = ?"
      " WHERE inspection_id = ?",
      {Name(claim), reason, by, at, inspection_id});
}

Result<Id> InsertReceipt(Connection& db, const Photo& p, const std::string& bytes) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO mystery_receipts (inspection_id, content_type, size, sha256, data,"
                             " uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {p.inspection_id, MediaTypeOf(p.type), p.size, p.sha256, storage::Blob{bytes},
                              p.uploaded_by, p.uploaded_at}));
  return r.last_insert_id;
}

std::vector<Photo> ListReceipts(Connection& db, Id inspection_id) {
  std::vector<Photo> out;
  for (const auto& r :
       db.Query("SELECT id, inspection_id, content_type, size, sha256, uploaded_by, uploaded_at FROM mystery_receipts"
                " WHERE inspection_id = ? ORDER BY id",
                {inspection_id})) {
    out.push_back(ReceiptOf(r));
  }
  return out;
}

std::optional<std::pair<Photo, std::string>> FindReceipt(Connection& db, Id inspection_id, Id receipt_id) {
  auto r = db.QueryOne(
      "SELECT id, inspection_id, content_type, size, sha256, uploaded_by, uploaded_at, data FROM mystery_receipts"
      " WHERE id = ? AND inspection_id = ?",
      {receipt_id, inspection_id});
  if (!r) return std::nullopt;
  return std::make_pair(ReceiptOf(*r), r->Text(7));
}

Status DeleteReceipt(Connection& db, Id receipt_id) {
  return db.Exec("DELETE FROM mystery_receipts WHERE id = ?", {receipt_id});
}

}  // namespace sqm::inspection::repo
