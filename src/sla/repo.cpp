#include "sla/repo.h"

#include <boost/json.hpp>

#include "base/json.h"
#include "sla/json.h"

namespace sqm::sla::repo {

namespace bj = boost::json;
using storage::DbError;
using storage::Row;
using storage::Value;

namespace {

// ---- policies ----

constexpr const char* kPolicySelect =
    "SELECT id, version, name, match_ticket_type, match_priority, match_channel, match_category_id,"
    " match_customer_tier, targets, warning_fraction, active, breach_assignee_id FROM sla_policies";

std::vector<Target> TargetsFromJson(const std::string& text, std::int64_t policy_id) {
  auto fail = [&]() -> DbError {
    return DbError("sla_policies.targets of policy " + std::to_string(policy_id) + " is corrupt");
  };
  auto parsed = json::Parse(text);
  if (!parsed.ok() || !parsed->is_array()) throw fail();
  std::vector<Target> out;
  for (const bj::value& v : parsed->get_array()) {
    const bj::object* o = v.if_object();
    if (!o || !o->contains("kind") || !o->contains("business_minutes") || !o->contains("calendar_code")) throw fail();
    const bj::value& kind = o->at("kind");
    const bj::value& minutes = o->at("business_minutes");
    const bj::value& code = o->at("calendar_code");
    if (!kind.is_string() || !minutes.is_int64() || !code.is_string()) throw fail();
    auto k = ParseTimerKind(std::string_view(kind.get_string()));
    if (!k) throw fail();
    out.push_back({*k, minutes.get_int64(), std::string(code.get_string())});
  }
  return out;
}

Policy PolicyFrom(const Row& r) {
  Policy p;
  p.id = r.Int(0);
  p.version = static_cast<std::int32_t>(r.Int(1));
  p.name = r.Text(2);
  p.match.ticket_type = r.OptText(3);
  if (auto prio = r.OptInt(4)) {
    if (*prio < 1 || *prio > 4)
      throw DbError("sla_policies.match_priority of policy " + std::to_string(p.id) + " is corrupt");
    p.match.priority = static_cast<Priority>(*prio);
  }
  p.match.channel = r.OptText(5);
  p.match.category_id = r.OptInt(6);
  p.match.customer_tier = r.OptText(7);
  p.targets = TargetsFromJson(r.Text(8), p.id);
  p.warning_fraction = r.Real(9);
  p.active = r.Bool(10);
  p.breach_assignee_id = r.OptInt(11);
  return p;
}

// ---- timers ----

constexpr const char* kTimerSelect =
    "SELECT id, ticket_id, transfer_id, kind, policy_id, policy_version, target_minutes, calendar_code,"
    " warning_fraction, started_at, pauses, stopped_at, warning_fired_at, breach_fired_at, state, due_at,"
    " warning_at, paused_business_ms, overrun_business_ms, overrun_wall_ms FROM sla_timers";

TimerState ParseState(const std::string& s, std::int64_t id) {
  for (TimerState st : {TimerState::kRunning, TimerState::kPaused, TimerState::kMet, TimerState::kBreached}) {
    if (s == TimerStateName(st)) return st;
  }
  throw DbError("sla_timers.state of timer " + std::to_string(id) + " is corrupt");
}

Timer TimerFrom(const Row& r) {
  Timer t;
  t.id = r.Int(0);
  t.ticket_id = r.Int(1);
  t.transfer_id = r.Int(2);
  auto kind = ParseTimerKind(r.Text(3));
  if (!kind) throw DbError("sla_timers.kind of timer " + std::to_string(t.id) + " is corrupt");
  t.kind = *kind;
  t.policy_id = r.Int(4);
  t.policy_version = static_cast<std::int32_t>(r.Int(5));
  t.target_minutes = r.Int(6);
  t.calendar_code = r.Text(7);
  t.warning_fraction = r.Real(8);
  t.started_at = r.Int(9);
  t.pauses = PausesFromJson(r.Text(10));
  t.stopped_at = r.OptInt(11);
  t.warning_fired_at = r.OptInt(12);
  t.breach_fired_at = r.OptInt(13);
  t.state = ParseState(r.Text(14), t.id);
  t.due_at = r.OptInt(15);
  t.warning_at = r.OptInt(16);
  t.paused_business_ms = r.Int(17);
  t.overrun_business_ms = r.Int(18);
  t.overrun_wall_ms = r.Int(19);
  return t;
}

std::vector<Timer> Timers(Connection& db, const std::string& where, const std::vector<Value>& params) {
  std::vector<Timer> out;
  for (const auto& r : db.Query(std::string(kTimerSelect) + where, params)) out.push_back(TimerFrom(r));
  return out;
}

}  // namespace

std::vector<Policy> CurrentPolicies(Connection& db, bool include_inactive) {
  std::vector<Policy> out;
  const std::string sql =
      std::string(kPolicySelect) + " WHERE current = 1" + (include_inactive ? "" : " AND active = 1") + " ORDER BY id";
  for (const auto& r : db.Query(sql)) out.push_back(PolicyFrom(r));
  return out;
}

std::optional<Policy> FindPolicy(Connection& db, std::int64_t id, std::optional<std::int32_t> version) {
  auto r = version ? db.QueryOne(std::string(kPolicySelect) + " WHERE id = ? AND version = ?", {id, *version})
                   : db.QueryOne(std::string(kPolicySelect) + " WHERE id = ? AND current = 1", {id});
  if (!r) return std::nullopt;
  return PolicyFrom(*r);
}

std::int64_t NextPolicyId(Connection& db) {
  return db.QueryOne("SELECT coalesce(max(id), 0) + 1 FROM sla_policies")->Int(0);
}

Status InsertPolicyVersion(Connection& db, const Policy& p, TimeMs created_at, const std::string& created_by) {
  SQM_TRY(db.Exec("UPDATE sla_policies SET current = 0 WHERE id = ? AND current = 1", {p.id}));
  std::optional<std::int64_t> priority;
  if (p.match.priority) priority = static_cast<std::int64_t>(*p.match.priority);
  return db.Exec(
      "INSERT INTO sla_policies (id, version, name, match_ticket_type, match_priority, match_channel,"
      " match_category_id, match_customer_tier, targets, warning_fraction, active, current, created_at, created_by,"
      " breach_assignee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
      {p.id, p.version, p.name, p.match.ticket_type, priority, p.match.channel, p.match.category_id,
       p.match.customer_tier, json::Serialize(TargetsJson(p.targets)), p.warning_fraction, p.active ? 1 : 0, created_at,
       created_by, p.breach_assignee_id});
}

std::optional<Timer> FindTimer(Connection& db, std::int64_t id) {
  auto r = db.QueryOne(std::string(kTimerSelect) + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return TimerFrom(*r);
}

std::vector<Timer> TimersOf(Connection& db, std::int64_t ticket_id) {
  return Timers(db, " WHERE ticket_id = ? ORDER BY id", {ticket_id});
}

std::vector<Timer> OpenTimersOf(Connection& db, std::int64_t ticket_id) {
  return Timers(db, " WHERE ticket_id = ? AND stopped_at IS NULL ORDER BY id", {ticket_id});
}

std::vector<Timer> OpenTimers(Connection& db) {
  return Timers(db, " WHERE stopped_at IS NULL ORDER BY id", {});
}

Result<std::int64_t> InsertTimer(Connection& db, const Timer& t) {
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO sla_timers (ticket_id, transfer_id, kind, policy_id, policy_version,"
                     " target_minutes, calendar_code, warning_fraction, started_at, pauses, stopped_at,"
                     " warning_fired_at, breach_fired_at, state, due_at, warning_at, paused_business_ms,"
                     " overrun_business_ms, overrun_wall_ms)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {t.ticket_id, t.transfer_id, TimerKindName(t.kind), t.policy_id, t.policy_version,
                      t.target_minutes, t.calendar_code, t.warning_fraction, t.started_at, PausesToJson(t.pauses),
                      t.stopped_at, t.warning_fired_at, t.breach_fired_at, TimerStateName(t.state), t.due_at,
                      t.warning_at, t.paused_business_ms, t.overrun_business_ms, t.overrun_wall_ms}));
  return r.last_insert_id;
}

Status UpdateTimer(Connection& db, const Timer& t) {
  SQM_ASSIGN(auto r, db.Exec("UPDATE sla_timers SET policy_id = ?, policy_version = ?, target_minutes = ?,"
                             " calendar_code = ?, warning_fraction = ?, pauses = ?, stopped_at = ?,"
                             " warning_fired_at = ?, breach_fired_at = ?, state = ?, due_at = ?, warning_at = ?,"
                             " paused_business_ms = ?, overrun_business_ms = ?, overrun_wall_ms = ? WHERE id = ?",
                             {t.policy_id, t.policy_version, t.target_minutes, t.calendar_code, t.warning_fraction,
                              PausesToJson(t.pauses), t.stopped_at, t.warning_fired_at, t.breach_fired_at,
                              TimerStateName(t.state), t.due_at, t.warning_at, t.paused_business_ms,
                              t.overrun_business_ms, t.overrun_wall_ms, t.id}));
  if (r.changes != 1) return Error::NotFound("SLA timer " + std::to_string(t.id) + " does not exist");
  return {};
}

Status AttributeStoppedTimers(Connection& db, std::int64_t ticket_id, TimeMs stopped_at,
                              std::optional<std::int64_t> staff_id, std::optional<std::int64_t> department_id) {
  return db.Exec("UPDATE sla_timers SET staff_id = ?, department_id = ? WHERE ticket_id = ? AND stopped_at = ?",
                 {staff_id, department_id, ticket_id, stopped_at});
}

Status AttributeTimer(Connection& db, std::int64_t timer_id, std::optional<std::int64_t> staff_id,
                      std::optional<std::int64_t> department_id) {
  return db.Exec("UPDATE sla_timers SET staff_id = ?, department_id = ? WHERE id = ?",
                 {staff_id, department_id, timer_id});
}

Condition And(Condition a, const Condition& b) {
  a.sql = "(" + a.sql + " AND " + b.sql + ")";
  a.params.insert(a.params.end(), b.params.begin(), b.params.end());
  return a;
}

Condition TimerOpen() {
  return {"m.stopped_at IS NULL", {}};
}

Condition TimerPaused() {
  return {"(m.stopped_at IS NULL AND m.state = 'paused')", {}};
}

Condition TimerBreachedAt(TimeMs at) {
  return {"(m.state = 'breached' OR (m.stopped_at IS NULL AND m.due_at IS NOT NULL AND m.due_at < ?))", {at}};
}

Condition TimerWarningAt(TimeMs at) {
  return {
      "(m.stopped_at IS NULL AND m.state = 'running' AND m.warning_at IS NOT NULL AND m.warning_at <= ?"
      " AND m.due_at >= ?)",
      {at, at}};
}

Condition TicketHasTimer(std::string_view ticket_id, const Condition& timer) {
  return {
      "EXISTS (SELECT 1 FROM sla_timers m WHERE m.ticket_id = " + std::string(ticket_id) + " AND " + timer.sql + ")",
      timer.params};
}

Condition TicketSlaState(std::string_view ticket_id, TimeMs at) {
  const Condition breached = TicketHasTimer(ticket_id, TimerBreachedAt(at));
  const Condition warning = TicketHasTimer(ticket_id, TimerWarningAt(at));
  const Condition paused = TicketHasTimer(ticket_id, TimerPaused());
  const Condition any = TicketHasTimer(ticket_id, {"1 = 1", {}});
  Condition c{"CASE WHEN " + breached.sql + " THEN 'breached' WHEN " + warning.sql + " THEN 'warning' WHEN " +
                  paused.sql + " THEN 'paused' WHEN " + any.sql + " THEN 'ok' ELSE '' END",
              breached.params};
  c.params.insert(c.params.end(), warning.params.begin(), warning.params.end());
  return c;
}

Condition TicketSlaStateIs(std::string_view ticket_id, SlaState state, TimeMs at) {
  const Condition breached = TicketHasTimer(ticket_id, TimerBreachedAt(at));
  auto is_not = [](Condition c) {
    c.sql = "NOT " + c.sql;
    return c;
  };
  switch (state) {
    case SlaState::kBreached: return breached;
    case SlaState::kWarning: return And(TicketHasTimer(ticket_id, TimerWarningAt(at)), is_not(breached));
    case SlaState::kPaused: return TicketHasTimer(ticket_id, TimerPaused());
    case SlaState::kOk: break;
  }
  return And(And(is_not(breached), is_not(TicketHasTimer(ticket_id, TimerWarningAt(at)))),
             is_not(TicketHasTimer(ticket_id, TimerPaused())));
}

std::string PausesToJson(const std::vector<Pause>& pauses) {
  bj::array a;
  for (const Pause& p : pauses) {
    a.push_back(bj::array{p.from, p.to ? bj::value(*p.to) : bj::value(nullptr)});
  }
  return json::Serialize(a);
}

std::vector<Pause> PausesFromJson(const std::string& text) {
  auto parsed = json::Parse(text);
  if (!parsed.ok() || !parsed->is_array()) throw DbError("sla_timers.pauses is corrupt: " + text);
  std::vector<Pause> out;
  for (const bj::value& v : parsed->get_array()) {
    const bj::array* pair = v.if_array();
    if (!pair || pair->size() != 2 || !(*pair)[0].is_int64() || !((*pair)[1].is_int64() || (*pair)[1].is_null())) {
      throw DbError("sla_timers.pauses is corrupt: " + text);
    }
    Pause p{(*pair)[0].get_int64(), std::nullopt};
    if ((*pair)[1].is_int64()) p.to = (*pair)[1].get_int64();
    out.push_back(p);
  }
  return out;
}

}  // namespace sqm::sla::repo
