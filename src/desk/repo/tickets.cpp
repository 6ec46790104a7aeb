#include "desk/repo/tickets.h"

#include <map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "desk/repo/like.h"
#include "sla/repo.h"

namespace sqm::desk::repo {

using storage::Placeholders;
using storage::Row;
using storage::Value;

namespace {

constexpr const char* kTicketSelect =
    "SELECT t.id, t.type, t.channel, t.priority, t.status, t.title, t.description, t.customer_id,"
    " coalesce(c.name, ''), t.category_id, coalesce(k.name, ''), t.department_id, coalesce(d.name, ''),"
    " t.assignee_id, coalesce(s.display_name, ''), t.created_by, t.merged_into, t.cancel_reason,"
    " t.transfer_count, t.sendback_count, t.reopen_count, t.escalation_level, t.sla_policy_id,"
    " t.sla_policy_version, t.sla_summary, t.created_at, t.accepted_at, t.first_response_at, t.resolved_at,"
    " t.closed_at, t.updated_at,"
    " (SELECT p.name FROM sla_policies p WHERE p.id = t.sla_policy_id AND p.version = t.sla_policy_version),"
    " t.resolved_by, t.resolved_department_id"
    " FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN categories k ON k.id = t.category_id"
    " LEFT JOIN departments d ON d.id = t.department_id LEFT JOIN staff s ON s.id = t.assignee_id";

Ticket TicketFrom(const Row& r) {
  Ticket t;
  t.id = r.Int(0);
  t.number = TicketNumber(t.id);
  t.type = Parse<TicketType>(r.Text(1)).value_or(TicketType::kRequest);
  t.channel = Parse<Channel>(r.Text(2)).value_or(Channel::kPhone);
  t.priority = static_cast<int>(r.Int(3));
  t.status = Parse<TicketStatus>(r.Text(4)).value_or(TicketStatus::kNew);
  t.title = r.Text(5);
  t.description = r.Text(6);
  t.customer_id = r.OptInt(7);
  t.customer_name = r.Text(8);
  t.category_id = r.OptInt(9);
  t.category_name = r.Text(10);
  t.department_id = r.OptInt(11);
  t.department_name = r.Text(12);
  t.assignee_id = r.OptInt(13);
  t.assignee_name = r.Text(14);
  t.created_by = r.Int(15);
  t.merged_into = r.OptInt(16);
  t.cancel_reason = r.Text(17);
  t.transfer_count = static_cast<int>(r.Int(18));
  t.sendback_count = static_cast<int>(r.Int(19));
  t.reopen_count = static_cast<int>(r.Int(20));
  t.escalation_level = static_cast<int>(r.Int(21));
  t.sla_policy_id = r.OptInt(22);
  t.sla_policy_version = static_cast<int>(r.Int(23));
  t.sla_summary = r.Text(24);
  t.created_at = r.Int(25);
  t.accepted_at = r.OptInt(26);
  t.first_response_at = r.OptInt(27);
  t.resolved_at = r.OptInt(28);
  t.closed_at = r.OptInt(29);
  t.updated_at = r.Int(30);
  t.sla_policy_name = r.Text(31);
  t.resolved_by = r.OptInt(32);
  t.resolved_department_id = r.OptInt(33);
  return t;
}

constexpr const char* kCallbackSelect =
    "SELECT id, ticket_id, created_at, due_at, done_at, done_by, reached, resolved, satisfaction, notes FROM callbacks";

}  // namespace

Callback CallbackFrom(const Row& r) {
  Callback c;
  c.id = r.Int(0);
  c.ticket_id = r.Int(1);
  c.created_at = r.Int(2);
  c.due_at = r.OptInt(3);
  c.done_at = r.OptInt(4);
  c.done_by = r.OptInt(5);
  if (!r.IsNull(6)) c.reached = r.Bool(6);
  if (!r.IsNull(7)) c.resolved = Parse<CallbackResolved>(r.Text(7));
  if (!r.IsNull(8)) c.satisfaction = Parse<Satisfaction>(r.Text(8));
  c.notes = r.Text(9);
  return c;
}

void FillSlaStates(Connection& db, std::span<Ticket> tickets, TimeMs now) {
  if (tickets.empty()) return;
  const auto state = sla::repo::TicketSlaState("t.id", now);
  std::vector<Value> params = state.params;
  for (const Ticket& t : tickets) params.emplace_back(t.id);
  std::map<Id, std::string> states;
  for (const auto& r :
       db.Query("SELECT t.id, " + state.sql + " FROM tickets t WHERE t.id IN (" + Placeholders(tickets.size()) + ")",
                params)) {
    states[r.Int(0)] = r.Text(1);
  }
  for (Ticket& t : tickets) t.sla_state = sla::ParseSlaState(states[t.id]);
}

void AppendVisibility(const Visibility& v, std::string& sql, std::vector<Value>& params) {
  if (v.scope.all) return;
  sql += " AND (t.department_id IS NULL OR t.assignee_id = ? OR t.created_by = ?";
  params.insert(params.end(), {v.staff_id, v.staff_id});
  if (!v.scope.departments.empty()) {
    const auto in = Placeholders(v.scope.departments.size());
    sql += " OR t.department_id IN (" + in + ") OR t.origin_department_id IN (" + in + ")";
    int lists = 2;
    if (v.complaints_about_scope) {
      sql +=
          " OR t.id IN (SELECT vc.ticket_id FROM complaints vc LEFT JOIN staff vs ON vs.id = vc.about_staff_id"
          " WHERE vc.about_department_id IN (" +
          in + ") OR vs.department_id IN (" + in + "))";
      lists = 4;
    }
    for (int k = 0; k < lists; ++k) {
      for (Id d : v.scope.departments) params.emplace_back(d);
    }
  }
  sql += ")";
}

std::vector<Ticket> ListTickets(Connection& db, const TicketQuery& q, const Visibility& v, TimeMs now) {
  std::string sql = std::string(kTicketSelect) + " WHERE 1=1";
  std::vector<Value> params;
  AppendVisibility(v, sql, params);
  if (!q.statuses.empty()) {
    sql += " AND t.status IN (" + Placeholders(q.statuses.size()) + ")";
    for (TicketStatus s : q.statuses) params.emplace_back(Name(s));
  }
  if (q.type) {
    sql += " AND t.type = ?";
    params.emplace_back(Name(*q.type));
  }
  if (q.channel) {
    sql += " AND t.channel = ?";
    params.emplace_back(Name(*q.channel));
  }
  if (q.department_id) {
    sql += " AND t.department_id = ?";
    params.emplace_back(*q.department_id);
  }
  if (q.assignee_id) {
    sql += " AND t.assignee_id = ?";
    params.emplace_back(*q.assignee_id);
  }
  if (q.customer_id) {
    sql += " AND t.customer_id = ?";
    params.emplace_back(*q.customer_id);
  }
  if (q.priority) {
    sql += " AND t.priority = ?";
    params.emplace_back(*q.priority);
  }
  if (q.from) {
    sql += " AND t.created_at >= ?";
    params.emplace_back(*q.from);
  }
  if (q.to) {
    sql += " AND t.created_at < ?";
    params.emplace_back(*q.to);
  }
  if (q.q) {
    const std::string pattern = Contains(*q.q);
    sql += " AND (lower(t.title) LIKE lower(?) ESCAPE '\\' OR lower(COALESCE(c.name, '')) LIKE lower(?) ESCAPE '\\'";
    params.insert(params.end(), {pattern, pattern});
    if (q.q_phone) {
      sql += " OR COALESCE(c.phone, '') LIKE ? ESCAPE '\\'";
      params.emplace_back(pattern);
    }
    sql += " OR t.id = ?)";
    params.emplace_back(ParseTicketNumber(*q.q).value_or(0));
  }
  if (q.sla_state) {
    const auto in_state = sla::repo::TicketSlaStateIs("t.id", *q.sla_state, now);
    sql += " AND " + in_state.sql;
    params.insert(params.end(), in_state.params.begin(), in_state.params.end());
  }
  if (q.after_id) {
    sql += " AND t.id > ?";
    params.emplace_back(*q.after_id);
  }
  if (q.sort == "created_asc") {
    sql += " ORDER BY t.id ASC";
  } else if (q.sort == "priority") {
    sql += " ORDER BY t.priority ASC, t.id DESC";
  } else if (q.sort == "updated_desc") {
    sql += " ORDER BY t.updated_at DESC, t.id DESC";
  } else {
    sql += " ORDER BY t.id DESC";
  }
  sql += " LIMIT ? OFFSET ?";
  params.emplace_back(q.limit);
  params.emplace_back(q.offset);
  std::vector<Ticket> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(TicketFrom(r));
  return out;
}

std::optional<Ticket> FindTicket(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kTicketSelect) + " WHERE t.id = ?", {id});
  if (!r) return std::nullopt;
  return TicketFrom(*r);
}

Visibility VisibilityOf(const org::Principal& who) {
  return {who.scope, who.staff_id, OverseesComplaints(who.roles)};
}

bool SeesTicketOf(Connection& db, Id customer_id, const Visibility& v) {
  std::string sql = "SELECT t.id FROM tickets t WHERE t.customer_id = ?";
  std::vector<Value> params{customer_id};
  AppendVisibility(v, sql, params);
  sql += " LIMIT 1";
  return db.QueryOne(sql, params).has_value();
}

bool CanSee(Connection& db, Id id, const Visibility& v) {
  if (v.scope.all) return true;
  std::string sql = "SELECT 1 FROM tickets t WHERE t.id = ?";
  std::vector<Value> params{id};
  AppendVisibility(v, sql, params);
  return db.QueryOne(sql, params).has_value();
}

std::vector<Ticket> PossibleDuplicates(Connection& db, Id customer_id, std::optional<Id> category_id, TimeMs since,
                                       std::optional<Id> except, const Visibility& v) {
  std::string sql = std::string(kTicketSelect) +
                    " WHERE t.customer_id = ? AND t.created_at >= ? AND t.status IN ('new', 'accepted', "
                    "'in_progress', 'waiting_customer') AND t.id <> ?";
  std::vector<Value> params{customer_id, since, except.value_or(0)};
  if (category_id) {
    sql += " AND t.category_id = ?";
    params.emplace_back(*category_id);
  }
  AppendVisibility(v, sql, params);
  sql += " ORDER BY t.id DESC LIMIT 5";
  std::vector<Ticket> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(TicketFrom(r));
  return out;
}

std::vector<std::pair<std::optional<Id>, Id>> TransferHistory(Connection& db, Id ticket_id) {
  std::vector<std::pair<std::optional<Id>, Id>> out;
  for (const auto& r :
       db.Query("SELECT from_department_id, to_department_id FROM ticket_transfers WHERE ticket_id = ? ORDER BY id",
                {ticket_id})) {
    out.emplace_back(r.OptInt(0), r.Int(1));
  }
  return out;
}

std::vector<Comment> Comments(Connection& db, Id ticket_id, bool include_internal) {
  std::vector<Comment> out;
  for (const auto& r :
       db.Query("SELECT m.id, m.author_id, COALESCE(s.display_name, ''), m.visibility, m.body, m.created_at"
                " FROM ticket_comments m LEFT JOIN staff s ON s.id = m.author_id WHERE m.ticket_id = ?"
                " AND (CAST(? AS BIGINT) = 1 OR m.visibility = 'public') ORDER BY m.id",
                {ticket_id, include_internal ? 1 : 0})) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  return out;
}

std::vector<Callback> CallbacksOf(Connection& db, Id ticket_id) {
  std::vector<Callback> out;
  for (const auto& r : db.Query(std::string(kCallbackSelect) + " WHERE ticket_id = ? ORDER BY id", {ticket_id})) {
    out.push_back(CallbackFrom(r));
  }
  return out;
}

namespace {

constexpr const char* kComplaintColumns =
    "c.ticket_id, c.category, c.about_staff_id, c.about_department_id, c.severity, c.responsible_id, c.deadline_at,"
    " c.findings, c.substantiated, c.remedy, c.communicated_at, c.communicated_how";

// A complaint from the first twelve columns of a row (kComplaintColumns).
Complaint ComplaintFrom(const storage::Row& r) {
  Complaint c;
  c.ticket_id = r.Int(0);
  c.category = Parse<ComplaintCategory>(r.Text(1)).value_or(ComplaintCategory::kOther);
  c.about_staff_id = r.OptInt(2);
  c.about_department_id = r.OptInt(3);
  c.severity = static_cast<int>(r.Int(4));
  c.responsible_id = r.OptInt(5);
  c.deadline_at = r.OptInt(6);
  c.findings = r.Text(7);
  if (!r.IsNull(8)) c.substantiated = r.Bool(8);
  c.remedy = r.Text(9);
  c.communicated_at = r.OptInt(10);
  c.communicated_how = r.Text(11);
  return c;
}

}  // namespace

std::optional<Complaint> FindComplaint(Connection& db, Id ticket_id) {
  auto r =
      db.QueryOne(std::string("SELECT ") + kComplaintColumns + " FROM complaints c WHERE c.ticket_id = ?", {ticket_id});
  if (!r) return std::nullopt;
  return ComplaintFrom(*r);
}

std::vector<ComplaintAbout> ComplaintsAbout(Connection& db, Id staff_id, int limit) {
  std::vector<ComplaintAbout> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kComplaintColumns +
                                    ", t.title, t.created_at FROM complaints c JOIN tickets t ON t.id = c.ticket_id"
                                    " WHERE c.about_staff_id = ? AND t.status NOT IN ('cancelled', 'merged')"
                                    " ORDER BY t.created_at DESC, t.id DESC LIMIT ?",
                                {staff_id, static_cast<std::int64_t>(limit)})) {
    out.push_back({ComplaintFrom(r), r.Text(12), r.Int(13)});
  }
  return out;
}

std::optional<Id> TicketWithExternalId(Connection& db, const std::string& external_id) {
  auto r = db.QueryOne("SELECT id FROM tickets WHERE external_id = ?", {external_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

// ---- writing tickets ----

Result<Id> InsertTicket(Connection& db, const TicketDraft& d, TicketStatus status, std::optional<Id> department_id,
                        std::optional<Id> origin_department_id, Id created_by, TimeMs at) {
  const Registration& reg = d.registration;
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO tickets (type, channel, priority, status, title, description, customer_id,"
                             " category_id, department_id, origin_department_id, assignee_id, created_by,"
                             " created_at, accepted_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {Name(reg.type), Name(reg.channel), reg.priority, Name(status), reg.title, reg.description,
                              reg.customer_id, reg.category_id, department_id, origin_department_id, d.assignee_id,
                              created_by, at, d.assignee_id ? std::optional<TimeMs>(at) : std::nullopt, at}));
  return r.last_insert_id;
}

Status InsertComplaint(Connection& db, Id ticket_id, const ComplaintDraft& c) {
  return db.Exec(
      "INSERT INTO complaints (ticket_id, category, about_staff_id, about_department_id, severity, responsible_id,"
      " deadline_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {ticket_id, Name(c.category.value_or(ComplaintCategory::kOther)), c.about_staff_id, c.about_department_id,
       c.severity, c.responsible_id, c.deadline_at});
}

Status SaveComplaint(Connection& db, const Complaint& c) {
  std::optional<int> substantiated;
  if (c.substantiated) substantiated = *c.substantiated ? 1 : 0;
  return db.Exec(
      "UPDATE complaints SET category = ?, about_staff_id = ?, about_department_id = ?, severity = ?,"
      " responsible_id = ?, deadline_at = ?, findings = ?, substantiated = ?, remedy = ?, communicated_at = ?,"
      " communicated_how = ? WHERE ticket_id = ?",
      {Name(c.category), c.about_staff_id, c.about_department_id, c.severity, c.responsible_id, c.deadline_at,
       c.findings, substantiated, c.remedy, c.communicated_at, c.communicated_how, c.ticket_id});
}

Status SetSlaPolicy(Connection& db, Id ticket_id, std::int64_t policy_id, std::int32_t policy_version,
                    const std::string& summary, TimeMs at) {
  return db.Exec(
      "UPDATE tickets SET sla_policy_id = ?, sla_policy_version = ?, sla_summary = ?, updated_at = ? WHERE id = ?",
      {policy_id, policy_version, summary, at, ticket_id});
}

Status ApplyChange(Connection& db, Id ticket_id, Id actor, TicketStatus status, const TicketChange& c,
                   const std::optional<Transfer>& transfer, TimeMs at, const Attribution& resolver) {
  std::string sql = "UPDATE tickets SET status = ?, updated_at = ?";
  std::vector<Value> params{Name(status), at};
  auto set = [&](const char* assignment, std::initializer_list<Value> values) {
    sql += ", ";
    sql += assignment;
    params.insert(params.end(), values);
  };
  if (c.take) {
    set("accepted_at = COALESCE(accepted_at, ?)", {at});
    set("assignee_id = COALESCE(assignee_id, ?)", {actor});
  }
  if (c.first_response) set("first_response_at = COALESCE(first_response_at, ?)", {at});
  if (c.resolve) {
    set("resolved_at = ?, resolved_by = ?, resolved_department_id = ?",
        {at, resolver.staff_id, resolver.department_id});
  }
  if (c.reopen) {
    set("reopen_count = reopen_count + 1, resolved_at = NULL, closed_at = NULL, resolved_by = NULL,"
        " resolved_department_id = NULL",
        {});
  }
  if (c.close) set("closed_at = ?", {at});
  if (c.assignee) set("assignee_id = ?", {*c.assignee});
  if (c.cancel_reason) set("cancel_reason = ?", {*c.cancel_reason});
  if (c.merged_into) set("merged_into = ?", {*c.merged_into});
  if (c.escalation_level > 0) {
    set("escalation_level = CASE WHEN escalation_level < ? THEN ? ELSE escalation_level END",
        {c.escalation_level, c.escalation_level});
  }
  if (transfer) {
    set("department_id = ?, assignee_id = ?, transfer_count = transfer_count + 1, sendback_count = sendback_count + ?",
        {transfer->to_department, transfer->to_assignee, transfer->sendback ? 1 : 0});
  }
  sql += " WHERE id = ?";
  params.emplace_back(ticket_id);
  return db.Exec(sql, params);
}

Status RaisePriority(Connection& db, Id ticket_id, TimeMs at) {
  return db.Exec(
      "UPDATE tickets SET priority = priority - 1,"
      " escalation_level = CASE WHEN escalation_level < 1 THEN 1 ELSE escalation_level END, updated_at = ?"
      " WHERE id = ?",
      {at, ticket_id});
}

Status Touch(Connection& db, Id ticket_id, TimeMs at) {
  return db.Exec("UPDATE tickets SET updated_at = ? WHERE id = ?", {at, ticket_id});
}

Status SetExternalId(Connection& db, Id ticket_id, const std::string& external_id) {
  return db.Exec("UPDATE tickets SET external_id = ? WHERE id = ?", {external_id, ticket_id});
}

Result<Id> InsertTransfer(Connection& db, Id ticket_id, const Transfer& tr, Id by, TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO ticket_transfers (ticket_id, from_department_id, to_department_id,"
                             " to_assignee_id, reason, sendback, escalation, by_id, at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {ticket_id, tr.from_department, tr.to_department, tr.to_assignee, tr.reason,
                              tr.sendback ? 1 : 0, tr.technical ? 1 : 0, by, at}));
  if (tr.sendback) {
    // The transfer it returns: the last one into the department that sends it back.
    SQM_TRY(
        db.Exec("UPDATE ticket_transfers SET sent_back_by = ? WHERE id = (SELECT max(m.id) FROM ticket_transfers m"
                " WHERE m.ticket_id = ? AND m.id < ? AND m.to_department_id = ?)",
                {r.last_insert_id, ticket_id, r.last_insert_id, tr.from_department}));
  }
  return r.last_insert_id;
}

Status InsertReopen(Connection& db, Id ticket_id, const Attribution& resolver, const std::string& reason, TimeMs at) {
  return db.Exec("INSERT INTO ticket_reopens (ticket_id, at, staff_id, department_id, reason) VALUES (?, ?, ?, ?, ?)",
                 {ticket_id, at, resolver.staff_id, resolver.department_id, reason});
}

Status InsertComment(Connection& db, Id ticket_id, Id author, bool internal, const std::string& body, TimeMs at) {
  return db.Exec(
      "INSERT INTO ticket_comments (ticket_id, author_id, visibility, body, created_at) VALUES (?, ?, ?, ?, ?)",
      {ticket_id, author, internal ? "internal" : "public", body, at});
}

Status OpenCallback(Connection& db, Id ticket_id, TimeMs at, TimeMs due, const Attribution& rated) {
  return db.Exec(
      "INSERT INTO callbacks (ticket_id, created_at, due_at, staff_id, department_id) VALUES (?, ?, ?, ?, ?)",
      {ticket_id, at, due, rated.staff_id, rated.department_id});
}

Status RecordCallback(Connection& db, Id ticket_id, Id by, CallbackResolved resolved, Satisfaction satisfaction,
                      const std::string& notes, TimeMs at, const Attribution& rated) {
  auto open = db.QueryOne("SELECT id FROM callbacks WHERE ticket_id = ? AND done_at IS NULL ORDER BY id DESC LIMIT 1",
                          {ticket_id});
  if (open) {
    return db.Exec(
        "UPDATE callbacks SET done_at = ?, done_by = ?, reached = 1, resolved = ?, satisfaction = ?, notes = ?,"
        " staff_id = ?, department_id = ? WHERE id = ?",
        {at, by, Name(resolved), Name(satisfaction), notes, rated.staff_id, rated.department_id, open->Int(0)});
  }
  return db.Exec(
      "INSERT INTO callbacks (ticket_id, created_at, done_at, done_by, reached, resolved, satisfaction, notes,"
      " staff_id, department_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
      {ticket_id, at, at, by, Name(resolved), Name(satisfaction), notes, rated.staff_id, rated.department_id});
}

LargeCache::LargeCache(Connection& db, std::int64_t kib) : db_(db) {
  if (kib <= 0 || db_.dialect() != storage::Dialect::kSqlite) return;
  try {
    if (auto r = db_.QueryOne("PRAGMA cache_size")) previous_ = r->Int(0);
    db_.ExecScript(fmt::format("PRAGMA cache_size = {}", -kib));
  } catch (const std::exception& e) {
    spdlog::debug("import: cannot enlarge the page cache: {}", e.what());
    previous_.reset();
  }
}

LargeCache::~LargeCache() {
  if (!previous_) return;
  try {
    db_.ExecScript(fmt::format("PRAGMA cache_size = {}", *previous_));
  } catch (const std::exception& e) {
    spdlog::warn("import: cannot restore the page cache size: {}", e.what());
  }
}

}  // namespace sqm::desk::repo
