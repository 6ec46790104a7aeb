#include "inspection/repo.h"

#include "base/json.h"
#include "desk/rules.h"
#include "inspection/json.h"
#include "inspection/rules.h"
#include "sla/repo.h"

namespace sqm::inspection::repo {

using storage::Row;

namespace {

constexpr const char* kScorecardColumns =
    "c.id, c.name, c.version, c.active, c.created_at, c.updated_at, v.definition, v.version";
constexpr const char* kScorecardJoin = " FROM scorecards c JOIN scorecard_versions v ON v.scorecard_id = c.id";

SavedScorecard ScorecardOf(const Row& r) {
  return {.id = r.Int(0),
          .name = r.Text(1),
          .version = static_cast<int>(r.Int(7)),
          .latest_version = static_cast<int>(r.Int(2)),
          .active = r.Bool(3),
          .card = ParseStoredScorecard(r.Text(6)),
          .created_at = r.Int(4),
          .updated_at = r.Int(5)};
}

}  // namespace

Result<Id> InsertScorecard(Connection& db, const std::string& name, const std::string& definition, Id by, TimeMs now) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO scorecards (name, version, active, created_at, updated_at)"
                             " VALUES (?, 1, 1, ?, ?) RETURNING id",
                             {name, now, now}));
  SQM_TRY(InsertVersion(db, r.last_insert_id, 1, definition, by, now));
  return r.last_insert_id;
}

Status InsertVersion(Connection& db, Id scorecard_id, int version, const std::string& definition, Id by, TimeMs now) {
  return db.Exec(
      "INSERT INTO scorecard_versions (scorecard_id, version, definition, created_at, created_by)"
      " VALUES (?, ?, ?, ?, ?)",
      {scorecard_id, version, definition, now, by});
}

Status UpdateScorecard(Connection& db, Id id, const std::string& name, int version, bool active, TimeMs now) {
  return db.Exec("UPDATE scorecards SET name = ?, version = ?, active = ?, updated_at = ? WHERE id = ?",
                 {name, version, active ? 1 : 0, now, id});
}

std::optional<SavedScorecard> FindScorecard(Connection& db, Id id, std::optional<int> version) {
  auto r = db.QueryOne(std::string("SELECT ") + kScorecardColumns + kScorecardJoin +
                           " AND v.version = COALESCE(CAST(? AS BIGINT), c.version) WHERE c.id = ?",
                       {version, id});
  if (!r) return std::nullopt;
  return ScorecardOf(*r);
}

std::vector<SavedScorecard> ListScorecards(Connection& db) {
  std::vector<SavedScorecard> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kScorecardColumns + kScorecardJoin +
                                " AND v.version = c.version ORDER BY c.name, c.id")) {
    out.push_back(ScorecardOf(r));
  }
  return out;
}

bool ScorecardNameTaken(Connection& db, const std::string& name, std::optional<Id> except) {
  return db.QueryOne("SELECT id FROM scorecards WHERE lower(name) = lower(?) AND id <> ?", {name, except.value_or(0)})
      .has_value();
}

}  // namespace sqm::inspection::repo

namespace sqm::inspection::repo {

namespace {

constexpr const char* kInspectionColumns =
    "id, kind, covert, scorecard_id, scorecard_version, ticket_id, ticket_number, department_id, department_name, "
    "agent_id, agent_name, inspector_id, inspector_name, assigned_by, state, answers, notes, percent, passed, "
    "critical_failed, corrects_id, corrected_by_id, created_at, submitted_at, published_at, appeal_deadline, "
    "acknowledged_at, final_at, appellant_id, appeal_reason, appeal_filed_at, reviewer_id, appeal_outcome, "
    "appeal_decision, appeal_decided_at, checked_at, latitude, longitude, accuracy_m";

Inspection InspectionOf(const Row& r) {
  Inspection i;
  i.id = r.Int(0);
  i.kind = ParseKind(r.Text(1)).value_or(Kind::kTicketReview);
  i.covert = r.Bool(2);
  i.scorecard_id = r.Int(3);
  i.scorecard_version = static_cast<int>(r.Int(4));
  i.ticket_id = r.OptInt(5);
  i.ticket_number = r.Text(6);
  i.department_id = r.Int(7);
  i.department_name = r.Text(8);
  i.agent_id = r.OptInt(9);
  i.agent_name = r.Text(10);
  i.inspector_id = r.Int(11);
  i.inspector_name = r.Text(12);
  i.assigned_by = r.Int(13);
  i.state = ParseState(r.Text(14)).value_or(State::kAssigned);
  i.answers = ParseStoredAnswers(r.Text(15));
  i.notes = r.Text(16);
  if (!r.IsNull(17)) i.percent = r.Real(17);
  i.passed = r.Bool(18);
  i.critical_failed = r.Bool(19);
  i.corrects_id = r.OptInt(20);
  i.corrected_by_id = r.OptInt(21);
  i.created_at = r.Int(22);
  i.submitted_at = r.OptInt(23);
  i.published_at = r.OptInt(24);
  i.appeal_deadline = r.OptInt(25);
  i.acknowledged_at = r.OptInt(26);
  i.final_at = r.OptInt(27);
  if (auto appellant = r.OptInt(28)) {
    Appeal a{.appellant_id = *appellant, .reason = r.OptText(29).value_or(""), .filed_at = r.OptInt(30).value_or(0)};
    a.reviewer_id = r.OptInt(31);
    if (auto o = r.OptText(32)) a.outcome = ParseOutcome(*o);
    a.decision = r.OptText(33).value_or("");
    a.decided_at = r.OptInt(34);
    i.appeal = a;
  }
  i.checked_at = r.OptInt(35);
  if (!r.IsNull(36) && !r.IsNull(37)) {
    i.location = Location{.latitude = r.Real(36), .longitude = r.Real(37)};
    if (!r.IsNull(38)) i.location->accuracy_m = r.Real(38);
  }
  return i;
}

}  // namespace

Result<Id> InsertInspection(Connection& db, const Inspection& i) {
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO inspections (kind, covert, scorecard_id, scorecard_version, ticket_id, ticket_number,"
                     " department_id, department_name, agent_id, agent_name, inspector_id, inspector_name, assigned_by,"
                     " state, answers, notes, percent, passed, critical_failed, corrects_id, created_at, submitted_at,"
                     " published_at, final_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {Name(i.kind),
                      i.covert ? 1 : 0,
                      i.scorecard_id,
                      i.scorecard_version,
                      i.ticket_id,
                      i.ticket_number,
                      i.department_id,
                      i.department_name,
                      i.agent_id,
                      i.agent_name,
                      i.inspector_id,
                      i.inspector_name,
                      i.assigned_by,
                      Name(i.state),
                      json::Serialize(AnswersJson(i.answers)),
                      i.notes,
                      i.percent,
                      i.passed ? 1 : 0,
                      i.critical_failed ? 1 : 0,
                      i.corrects_id,
                      i.created_at,
                      i.submitted_at,
                      i.published_at,
                      i.final_at}));
  return r.last_insert_id;
}

std::optional<Inspection> FindInspection(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kInspectionColumns + " FROM inspections WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return InspectionOf(*r);
}

std::vector<Inspection> PublishedBetween(Connection& db, TimeMs from, TimeMs to, int limit) {
  std::vector<Inspection> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kInspectionColumns +
                                    " FROM inspections WHERE published_at >= ? AND published_at < ?"
                                    " AND corrected_by_id IS NULL AND percent IS NOT NULL"
                                    " ORDER BY published_at, id LIMIT ?",
                                {from, to, limit})) {
    out.push_back(InspectionOf(r));
  }
  return out;
}

std::vector<Inspection> PublishedOfAgent(Connection& db, Id agent_id, int limit) {
  std::vector<Inspection> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kInspectionColumns +
                                    " FROM inspections WHERE agent_id = ? AND published_at IS NOT NULL"
                                    " ORDER BY published_at DESC, id DESC LIMIT ?",
                                {agent_id, static_cast<std::int64_t>(limit)})) {
    out.push_back(InspectionOf(r));
  }
  return out;
}

std::vector<Inspection> ListInspections(Connection& db, const InspectionQuery& q) {
  std::string sql = std::string("SELECT ") + kInspectionColumns + " FROM inspections WHERE 1 = 1";
  std::vector<storage::Value> args;
  if (q.state) {
    sql += " AND state = ?";
    args.emplace_back(std::string(Name(*q.state)));
  }
  if (q.inspector_id) {
    sql += " AND inspector_id = ?";
    args.emplace_back(*q.inspector_id);
  }
  if (q.agent_id) {
    sql += " AND agent_id = ?";
    args.emplace_back(*q.agent_id);
  }
  if (q.ticket_id) {
    sql += " AND ticket_id = ?";
    args.emplace_back(*q.ticket_id);
  }
  if (q.department_id) {
    sql += " AND department_id = ?";
    args.emplace_back(*q.department_id);
  }
  if (q.before_id) {
    sql += " AND id < ?";
    args.emplace_back(*q.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  args.emplace_back(static_cast<std::int64_t>(q.limit));
  std::vector<Inspection> out;
  for (const auto& r : db.Query(sql, args)) out.push_back(InspectionOf(r));
  return out;
}

Status SaveAnswers(Connection& db, Id id, State state, const std::string& answers, const std::string& notes) {
  return db.Exec("UPDATE inspections SET state = ?, answers = ?, notes = ? WHERE id = ?",
                 {std::string(Name(state)), answers, notes, id});
}

Status SaveSiteRecord(Connection& db, Id id, const SiteRecord& site) {
  if (site.checked_at) SQM_TRY(db.Exec("UPDATE inspections SET checked_at = ? WHERE id = ?", {*site.checked_at, id}));
  if (!site.location) return {};
  const Location& l = *site.location;
  return db.Exec("UPDATE inspections SET latitude = ?, longitude = ?, accuracy_m = ? WHERE id = ?",
                 {l.latitude, l.longitude, l.accuracy_m, id});
}

Status SaveSubmission(Connection& db, Id id, const std::string& answers, const std::string& notes,
                      std::optional<double> percent, bool passed, bool critical_failed, TimeMs at) {
  return db.Exec(
      "UPDATE inspections SET state = ?, answers = ?, notes = ?, percent = ?, passed = ?, critical_failed = ?,"
      " submitted_at = ? WHERE id = ?",
      {std::string(Name(State::kSubmitted)), answers, notes, percent, passed ? 1 : 0, critical_failed ? 1 : 0, at, id});
}

Status SavePublication(Connection& db, Id id, TimeMs at, TimeMs appeal_deadline) {
  return db.Exec("UPDATE inspections SET state = ?, published_at = ?, appeal_deadline = ? WHERE id = ?",
                 {std::string(Name(State::kPublished)), at, appeal_deadline, id});
}

Status SaveAcknowledgement(Connection& db, Id id, TimeMs at) {
  return db.Exec("UPDATE inspections SET state = ?, acknowledged_at = ?, final_at = ? WHERE id = ?",
                 {std::string(Name(State::kAcknowledged)), at, at, id});
}

Status SaveAppeal(Connection& db, Id id, Id appellant_id, const std::string& reason, TimeMs at) {
  return db.Exec(
      "UPDATE inspections SET state = ?, appellant_id = ?, appeal_reason = ?, appeal_filed_at = ? WHERE id = ?",
      {std::string(Name(State::kAppealed)), appellant_id, reason, at, id});
}

Status SaveDecision(Connection& db, Id id, Id reviewer_id, Outcome outcome, const std::string& decision, TimeMs at,
                    std::optional<Id> corrected_by_id) {
  return db.Exec(
      "UPDATE inspections SET state = ?, reviewer_id = ?, appeal_outcome = ?, appeal_decision = ?,"
      " appeal_decided_at = ?, final_at = ?, corrected_by_id = ? WHERE id = ?",
      {std::string(Name(State::kFinal)), reviewer_id, std::string(Name(outcome)), decision, at, at, corrected_by_id,
       id});
}

}  // namespace sqm::inspection::repo

namespace sqm::inspection::repo {

namespace {

constexpr const char* kPlanColumns =
    "id, name, cycle, department_ids, quota, amount, by_channel, by_type, complaints, breaches, scorecard_id,"
    " inspector_ids, active, created_by, created_at";

SamplingPlan PlanOf(const Row& r) {
  return {.id = r.Int(0),
          .name = r.Text(1),
          .cycle = ParseCycle(r.Text(2)).value_or(Cycle::kMonth),
          .department_ids = ParseStoredIds(r.Text(3)),
          .quota = ParseQuota(r.Text(4)).value_or(Quota::kPerAgent),
          .amount = static_cast<int>(r.Int(5)),
          .by_channel = r.Bool(6),
          .by_type = r.Bool(7),
          .complaints = r.Bool(8),
          .breaches = r.Bool(9),
          .scorecard_id = r.Int(10),
          .inspector_ids = ParseStoredIds(r.Text(11)),
          .active = r.Bool(12),
          .created_by = r.Int(13),
          .created_at = r.Int(14)};
}

}  // namespace

Result<Id> InsertPlan(Connection& db, const SamplingPlan& p) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO sampling_plans (name, cycle, department_ids, quota, amount, by_channel,"
                             " by_type, complaints, breaches, scorecard_id, inspector_ids, active, created_by,"
                             " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {p.name, Name(p.cycle), IdsText(p.department_ids), Name(p.quota), p.amount,
                              p.by_channel ? 1 : 0, p.by_type ? 1 : 0, p.complaints ? 1 : 0, p.breaches ? 1 : 0,
                              p.scorecard_id, IdsText(p.inspector_ids), p.active ? 1 : 0, p.created_by, p.created_at}));
  return r.last_insert_id;
}

std::optional<SamplingPlan> FindPlan(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kPlanColumns + " FROM sampling_plans WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return PlanOf(*r);
}

std::vector<SamplingPlan> ListPlans(Connection& db) {
  std::vector<SamplingPlan> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kPlanColumns + " FROM sampling_plans ORDER BY name, id")) {
    out.push_back(PlanOf(r));
  }
  return out;
}

bool PlanNameTaken(Connection& db, const std::string& name, std::optional<Id> except) {
  return db.QueryOne("SELECT 1 FROM sampling_plans WHERE name = ? AND id <> ?", {name, except.value_or(0)}).has_value();
}

Status UpdatePlan(Connection& db, const SamplingPlan& p) {
  return db.Exec(
      "UPDATE sampling_plans SET name = ?, quota = ?, amount = ?, by_channel = ?, by_type = ?, complaints = ?,"
      " breaches = ?, active = ? WHERE id = ?",
      {p.name, Name(p.quota), p.amount, p.by_channel ? 1 : 0, p.by_type ? 1 : 0, p.complaints ? 1 : 0,
       p.breaches ? 1 : 0, p.active ? 1 : 0, p.id});
}

std::vector<Candidate> Candidates(Connection& db, TimeMs from, TimeMs to, const std::vector<Id>& departments,
                                  TimeMs now) {
  std::vector<Candidate> out;
  if (departments.empty()) return out;
  const auto breached = sla::repo::TicketHasTimer("t.id", sla::repo::TimerBreachedAt(now));
  std::vector<storage::Value> params = breached.params;
  params.insert(params.end(), {from, to});
  for (Id d : departments) params.emplace_back(d);
  for (const auto& r : db.Query("SELECT t.id, s.id, s.display_name, t.channel, t.type, CASE WHEN " + breached.sql +
                                    " THEN 1 ELSE 0 END"
                                    " FROM tickets t JOIN staff s ON s.id = COALESCE(t.resolved_by, t.assignee_id)"
                                    " WHERE t.resolved_at >= ? AND t.resolved_at < ? AND t.merged_into IS NULL"
                                    " AND COALESCE(t.resolved_department_id, t.department_id) IN (" +
                                    storage::Placeholders(departments.size()) + ") ORDER BY t.id",
                                params)) {
    out.push_back({.ticket_id = r.Int(0),
                   .ticket_number = desk::TicketNumber(r.Int(0)),
                   .agent_id = r.Int(1),
                   .agent_name = r.Text(2),
                   .channel = r.Text(3),
                   .type = r.Text(4),
                   .complaint = r.Text(4) == "complaint",
                   .breached = r.Bool(5)});
  }
  return out;
}

std::set<Id> SampledIn(Connection& db, Id plan_id, TimeMs cycle_start) {
  std::set<Id> out;
  for (const auto& r : db.Query("SELECT ticket_id FROM sampled_tickets WHERE plan_id = ? AND cycle_start = ?",
                                {plan_id, cycle_start})) {
    out.insert(r.Int(0));
  }
  return out;
}

Result<Id> InsertRun(Connection& db, const SamplingRun& run) {
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO sampling_runs (plan_id, cycle_start, cycle_end, seed, candidates, drawn,"
                     " coverage, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {run.plan_id, run.cycle_start, run.cycle_end, static_cast<std::int64_t>(run.seed), run.candidates,
                      run.drawn, json::Serialize(CoverageJson(run.coverage)), run.created_by, run.created_at}));
  return r.last_insert_id;
}

Status InsertSampled(Connection& db, Id plan_id, TimeMs cycle_start, Id ticket_id, Id run_id, Id inspection_id) {
  return db.Exec(
      "INSERT INTO sampled_tickets (plan_id, cycle_start, ticket_id, run_id, inspection_id) VALUES (?, ?, ?, ?, ?)",
      {plan_id, cycle_start, ticket_id, run_id, inspection_id});
}

std::vector<SamplingRun> ListRuns(Connection& db, Id plan_id, int limit) {
  std::vector<SamplingRun> out;
  for (const auto& r : db.Query("SELECT id, plan_id, cycle_start, cycle_end, seed, candidates, drawn, coverage,"
                                " created_by, created_at FROM sampling_runs WHERE plan_id = ? ORDER BY id DESC LIMIT ?",
                                {plan_id, limit})) {
    out.push_back({.id = r.Int(0),
                   .plan_id = r.Int(1),
                   .cycle_start = r.Int(2),
                   .cycle_end = r.Int(3),
                   .seed = static_cast<std::uint64_t>(r.Int(4)),
                   .candidates = r.Int(5),
                   .drawn = r.Int(6),
                   .coverage = ParseStoredCoverage(r.Text(7)),
                   .created_by = r.Int(8),
                   .created_at = r.Int(9)});
  }
  return out;
}

}  // namespace sqm::inspection::repo
