#include "improvement/repo.h"

#include "improvement/rules.h"

namespace sqm::improvement::repo {

using storage::Row;
using storage::Value;

// ---- root-cause categories ----

namespace {

constexpr const char* kRootCauseColumns = "id, code, name_zh, name_en, active, position";

RootCause RootCauseOf(const Row& r) {
  return {.id = r.Int(0),
          .code = r.Text(1),
          .name_zh = r.Text(2),
          .name_en = r.Text(3),
          .active = r.Bool(4),
          .position = static_cast<int>(r.Int(5))};
}

}  // namespace

std::vector<RootCause> ListRootCauses(Connection& db) {
  std::vector<RootCause> out;
  for (const auto& r :
       db.Query(std::string("SELECT ") + kRootCauseColumns + " FROM improvement_root_causes ORDER BY position, id")) {
    out.push_back(RootCauseOf(r));
  }
  return out;
}

std::optional<RootCause> FindRootCause(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kRootCauseColumns + " FROM improvement_root_causes WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return RootCauseOf(*r);
}

bool RootCauseCodeTaken(Connection& db, const std::string& code, std::optional<Id> except) {
  return db
      .QueryOne("SELECT id FROM improvement_root_causes WHERE lower(code) = lower(?) AND id <> ?",
                {code, except.value_or(0)})
      .has_value();
}

Result<Id> InsertRootCause(Connection& db, const RootCause& c) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO improvement_root_causes (code, name_zh, name_en, active, position)"
                             " VALUES (?, ?, ?, ?, ?) RETURNING id",
                             {c.code, c.name_zh, c.name_en, c.active ? 1 : 0, static_cast<std::int64_t>(c.position)}));
  return r.last_insert_id;
}

Status UpdateRootCause(Connection& db, const RootCause& c) {
  return db.Exec(
      "UPDATE improvement_root_causes SET code = ?, name_zh = ?, name_en = ?, active = ?, position = ? WHERE id = ?",
      {c.code, c.name_zh, c.name_en, c.active ? 1 : 0, static_cast<std::int64_t>(c.position), c.id});
}

// ---- actions ----

namespace {

// The names are read through joins, so a renamed department or staff member shows as it is now.
constexpr const char* kActionSelect =
    "SELECT a.id, a.source, a.source_id, a.source_ref, a.title, a.description, a.root_cause_id, a.analysis,"
    " a.owner_id, COALESCE(o.display_name, ''), a.department_id, COALESCE(d.name, ''), COALESCE(a.due_date, ''),"
    " a.due_at, a.status, a.evidence, a.measure_code, a.direction, a.value_before, a.value_before_source,"
    " a.verify_after_days, a.value_after, a.verification_note, a.reason, a.proposed_by,"
    " COALESCE(p.display_name, ''), a.created_by, a.created_at, a.updated_at, a.done_at, a.verified_at,"
    " a.owner_notified_at, a.manager_notified_at, a.subject_kind, a.subject_id,"
    " COALESCE(ss.display_name, sd.name, ''), a.before_from, a.before_to, a.after_from, a.after_to,"
    " a.value_after_source"
    " FROM improvement_actions a LEFT JOIN staff o ON o.id = a.owner_id LEFT JOIN staff p ON p.id = a.proposed_by"
    " LEFT JOIN departments d ON d.id = a.department_id"
    " LEFT JOIN staff ss ON a.subject_kind = 'staff' AND ss.id = a.subject_id"
    " LEFT JOIN departments sd ON a.subject_kind = 'department' AND sd.id = a.subject_id";

Action ActionOf(const Row& r) {
  Action a;
  a.id = r.Int(0);
  a.source = ParseSource(r.Text(1)).value_or(Source::kOther);
  a.source_id = r.OptInt(2);
  a.source_ref = r.Text(3);
  a.title = r.Text(4);
  a.description = r.Text(5);
  a.root_cause_id = r.OptInt(6);
  a.analysis = r.Text(7);
  a.owner_id = r.OptInt(8);
  a.owner_name = r.Text(9);
  a.department_id = r.OptInt(10);
  a.department_name = r.Text(11);
  a.due_date = r.Text(12);
  a.due_at = r.OptInt(13);
  a.status = ParseStatus(r.Text(14)).value_or(State::kOpen);
  a.evidence = r.Text(15);
  a.measure_code = r.Text(16);
  a.direction = ParseDirection(r.Text(17)).value_or(Direction::kNone);
  if (!r.IsNull(18)) a.value_before = r.Real(18);
  a.value_before_source = r.Text(19);
  a.verify_after_days = static_cast<int>(r.Int(20));
  if (!r.IsNull(21)) a.value_after = r.Real(21);
  a.verification_note = r.Text(22);
  a.reason = r.Text(23);
  a.proposed_by = r.OptInt(24);
  a.proposed_by_name = r.Text(25);
  a.created_by = r.Int(26);
  a.created_at = r.Int(27);
  a.updated_at = r.Int(28);
  a.done_at = r.OptInt(29);
  a.verified_at = r.OptInt(30);
  a.owner_notified_at = r.OptInt(31);
  a.manager_notified_at = r.OptInt(32);
  a.subject_kind = ParseSubjectKind(r.Text(33)).value_or(SubjectKind::kNone);
  a.subject_id = r.OptInt(34);
  a.subject_name = r.Text(35);
  a.before_from = r.OptInt(36);
  a.before_to = r.OptInt(37);
  a.after_from = r.OptInt(38);
  a.after_to = r.OptInt(39);
  a.value_after_source = r.Text(40);
  return a;
}

std::optional<std::string> OrNullText(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

Result<Id> InsertAction(Connection& db, const Action& a) {
  SQM_ASSIGN(
      auto r,
      db.Exec("INSERT INTO improvement_actions (source, source_id, source_ref, title, description, root_cause_id,"
              " analysis, owner_id, department_id, due_date, due_at, status, measure_code, direction,"
              " value_before, value_before_source, verify_after_days, proposed_by, created_by, created_at,"
              " updated_at, subject_kind, subject_id, before_from, before_to)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {std::string(Name(a.source)),
               a.source_id,
               a.source_ref,
               a.title,
               a.description,
               a.root_cause_id,
               a.analysis,
               a.owner_id,
               a.department_id,
               OrNullText(a.due_date),
               a.due_at,
               std::string(Name(a.status)),
               a.measure_code,
               std::string(Name(a.direction)),
               a.value_before,
               a.value_before_source,
               static_cast<std::int64_t>(a.verify_after_days),
               a.proposed_by,
               a.created_by,
               a.created_at,
               a.updated_at,
               std::string(Name(a.subject_kind)),
               a.subject_id,
               a.before_from,
               a.before_to}));
  return r.last_insert_id;
}

std::optional<Action> FindAction(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kActionSelect) + " WHERE a.id = ?", {id});
  if (!r) return std::nullopt;
  return ActionOf(*r);
}

Status UpdateAction(Connection& db, const Action& a) {
  return db.Exec(
      "UPDATE improvement_actions SET source = ?, source_id = ?, source_ref = ?, title = ?, description = ?,"
      " root_cause_id = ?, analysis = ?, owner_id = ?, department_id = ?, due_date = ?, due_at = ?, status = ?,"
      " evidence = ?, measure_code = ?, direction = ?, value_before = ?, value_before_source = ?,"
      " verify_after_days = ?, value_after = ?, verification_note = ?, reason = ?, updated_at = ?, done_at = ?,"
      " verified_at = ?, owner_notified_at = ?, manager_notified_at = ?, subject_kind = ?, subject_id = ?,"
      " before_from = ?, before_to = ?, after_from = ?, after_to = ?, value_after_source = ? WHERE id = ?",
      {std::string(Name(a.source)),
       a.source_id,
       a.source_ref,
       a.title,
       a.description,
       a.root_cause_id,
       a.analysis,
       a.owner_id,
       a.department_id,
       OrNullText(a.due_date),
       a.due_at,
       std::string(Name(a.status)),
       a.evidence,
       a.measure_code,
       std::string(Name(a.direction)),
       a.value_before,
       a.value_before_source,
       static_cast<std::int64_t>(a.verify_after_days),
       a.value_after,
       a.verification_note,
       a.reason,
       a.updated_at,
       a.done_at,
       a.verified_at,
       a.owner_notified_at,
       a.manager_notified_at,
       std::string(Name(a.subject_kind)),
       a.subject_id,
       a.before_from,
       a.before_to,
       a.after_from,
       a.after_to,
       a.value_after_source,
       a.id});
}

namespace {

constexpr const char* kPendingStatuses = "('open', 'in_progress', 'reopened')";

}  // namespace

std::vector<Action> ListActions(Connection& db, const ActionQuery& q) {
  std::string sql = std::string(kActionSelect) + " WHERE 1 = 1";
  std::vector<Value> args;
  if (q.status) {
    sql += " AND a.status = ?";
    args.emplace_back(std::string(Name(*q.status)));
  }
  if (q.source) {
    sql += " AND a.source = ?";
    args.emplace_back(std::string(Name(*q.source)));
  }
  if (q.source_id) {
    sql += " AND a.source_id = ?";
    args.emplace_back(*q.source_id);
  }
  if (q.owner_id) {
    sql += " AND a.owner_id = ?";
    args.emplace_back(*q.owner_id);
  }
  if (q.department_id) {
    sql += " AND a.department_id = ?";
    args.emplace_back(*q.department_id);
  }
  if (q.overdue_at) {
    sql += std::string(" AND a.status IN ") + kPendingStatuses + " AND a.due_at <= ?";
    args.emplace_back(*q.overdue_at);
  }
  sql += " ORDER BY a.id DESC LIMIT ?";
  args.emplace_back(static_cast<std::int64_t>(q.limit));
  std::vector<Action> out;
  for (const auto& r : db.Query(sql, args)) out.push_back(ActionOf(r));
  return out;
}

std::vector<Action> EscalationCandidates(Connection& db, TimeMs now, int limit) {
  std::vector<Action> out;
  for (const auto& r : db.Query(std::string(kActionSelect) + " WHERE a.status IN " + kPendingStatuses +
                                    " AND a.due_at <= ? AND a.owner_id IS NOT NULL AND a.manager_notified_at IS NULL"
                                    " ORDER BY a.due_at, a.id LIMIT ?",
                                {now, static_cast<std::int64_t>(limit)})) {
    out.push_back(ActionOf(r));
  }
  return out;
}

Result<bool> MarkOwnerNotified(Connection& db, Id id, TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("UPDATE improvement_actions SET owner_notified_at = ? WHERE id = ?"
                             " AND owner_notified_at IS NULL",
                             {at, id}));
  return r.changes == 1;
}

Result<bool> MarkManagerNotified(Connection& db, Id id, TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("UPDATE improvement_actions SET manager_notified_at = ? WHERE id = ?"
                             " AND manager_notified_at IS NULL",
                             {at, id}));
  return r.changes == 1;
}

// ---- audits ----

namespace {

constexpr const char* kAuditColumns = "id, kind, held_on, title, scope, participants, summary, created_by, created_at";

Audit AuditOf(const Row& r) {
  return {.id = r.Int(0),
          .kind = ParseAuditKind(r.Text(1)).value_or(AuditKind::kInternalAudit),
          .held_on = r.Text(2),
          .title = r.Text(3),
          .scope = r.Text(4),
          .participants = r.Text(5),
          .summary = r.Text(6),
          .created_by = r.Int(7),
          .created_at = r.Int(8)};
}

std::vector<Id> ActionsOfFinding(Connection& db, Id finding) {
  std::vector<Id> out;
  for (const auto& r : db.Query("SELECT id FROM improvement_actions WHERE source = 'audit_finding' AND source_id = ?"
                                " ORDER BY id",
                                {finding})) {
    out.push_back(r.Int(0));
  }
  return out;
}

std::vector<Finding> FindingsOf(Connection& db, Id audit) {
  std::vector<Finding> out;
  for (const auto& r : db.Query(
           "SELECT id, audit_id, text, created_at FROM improvement_findings WHERE audit_id = ? ORDER BY id", {audit})) {
    Finding f{.id = r.Int(0), .audit_id = r.Int(1), .text = r.Text(2), .created_at = r.Int(3)};
    f.action_ids = ActionsOfFinding(db, f.id);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Result<Id> InsertAudit(Connection& db, const Audit& a) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO improvement_audits (kind, held_on, title, scope, participants, summary,"
                             " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {std::string(Name(a.kind)), a.held_on, a.title, a.scope, a.participants, a.summary,
                              a.created_by, a.created_at}));
  return r.last_insert_id;
}

std::optional<Audit> FindAudit(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kAuditColumns + " FROM improvement_audits WHERE id = ?", {id});
  if (!r) return std::nullopt;
  Audit a = AuditOf(*r);
  a.findings = FindingsOf(db, a.id);
  return a;
}

std::vector<Audit> ListAudits(Connection& db, int limit) {
  std::vector<Audit> out;
  for (const auto& r : db.Query(
           std::string("SELECT ") + kAuditColumns + " FROM improvement_audits ORDER BY held_on DESC, id DESC LIMIT ?",
           {static_cast<std::int64_t>(limit)})) {
    Audit a = AuditOf(r);
    a.findings = FindingsOf(db, a.id);
    out.push_back(std::move(a));
  }
  return out;
}

Result<Id> InsertFinding(Connection& db, Id audit_id, const std::string& text, TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO improvement_findings (audit_id, text, created_at) VALUES (?, ?, ?)"
                             " RETURNING id",
                             {audit_id, text, at}));
  return r.last_insert_id;
}

std::optional<Finding> FindFinding(Connection& db, Id id) {
  auto r = db.QueryOne("SELECT id, audit_id, text, created_at FROM improvement_findings WHERE id = ?", {id});
  if (!r) return std::nullopt;
  Finding f{.id = r->Int(0), .audit_id = r->Int(1), .text = r->Text(2), .created_at = r->Int(3)};
  f.action_ids = ActionsOfFinding(db, f.id);
  return f;
}

}  // namespace sqm::improvement::repo
