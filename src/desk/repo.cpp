#include "desk/repo.h"

#include <algorithm>
#include <map>

#include "base/json.h"
#include "desk/rules.h"
#include "org/repo.h"
#include "sla/repo.h"

namespace sqm::desk::repo {

// clang-format reads a line that starts with `import::` as a C++20 module import.
using import::Directory;
using storage::Placeholders;
using storage::Row;
using storage::Value;

namespace {

constexpr const char* kCustomerSelect =
    "SELECT c.id, c.name, c.kind, c.organisation_id, coalesce(o.name, ''), c.tier, c.phone, c.email, c.account_id,"
    " c.created_at FROM customers c LEFT JOIN customers o ON o.id = c.organisation_id";

Customer CustomerFrom(const Row& r) {
  Customer c;
  c.id = r.Int(0);
  c.name = r.Text(1);
  c.kind = r.Text(2);
  c.organisation_id = r.OptInt(3);
  c.organisation_name = r.Text(4);
  c.tier = r.Text(5);
  c.phone = r.Text(6);
  c.email = r.Text(7);
  c.account_id = r.OptInt(8);
  c.created_at = r.Int(9);
  return c;
}

constexpr const char* kTicketSelect =
    "SELECT t.id, t.type, t.channel, t.priority, t.status, t.title, t.description, t.customer_id,"
    " coalesce(c.name, ''), t.category_id, coalesce(k.name, ''), t.department_id, coalesce(d.name, ''),"
    " t.assignee_id, coalesce(s.display_name, ''), t.created_by, t.merged_into, t.cancel_reason,"
    " t.transfer_count, t.sendback_count, t.reopen_count, t.escalation_level, t.sla_policy_id,"
    " t.sla_policy_version, t.sla_summary, t.created_at, t.accepted_at, t.first_response_at, t.resolved_at,"
    " t.closed_at, t.updated_at,"
    " (SELECT p.name FROM sla_policies p WHERE p.id = t.sla_policy_id AND p.version = t.sla_policy_version)"
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
  return t;
}

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

constexpr const char* kCallbackSelect =
    "SELECT id, ticket_id, created_at, due_at, done_at, done_by, reached, resolved, satisfaction, notes FROM callbacks";

}  // namespace

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

std::vector<Customer> ListCustomers(Connection& db, const std::optional<std::string>& q, int limit,
                                    std::optional<Id> after_id) {
  std::string sql = std::string(kCustomerSelect) + " WHERE c.id > ?";
  std::vector<Value> params{after_id.value_or(0)};
  if (q) {
    sql += " AND (instr(lower(c.name), lower(?)) > 0 OR instr(c.phone, ?) > 0 OR instr(lower(c.email), lower(?)) > 0)";
    params.insert(params.end(), {*q, *q, *q});
  }
  sql += " ORDER BY c.id LIMIT ?";
  params.emplace_back(limit);
  std::vector<Customer> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(CustomerFrom(r));
  return out;
}

std::optional<Customer> FindCustomer(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kCustomerSelect) + " WHERE c.id = ?", {id});
  if (!r) return std::nullopt;
  return CustomerFrom(*r);
}

std::optional<Customer> FindCustomerByAccount(Connection& db, Id account_id) {
  auto r = db.QueryOne(std::string(kCustomerSelect) + " WHERE c.account_id = ?", {account_id});
  if (!r) return std::nullopt;
  return CustomerFrom(*r);
}

std::vector<Category> ListCategories(Connection& db) {
  std::vector<Category> out;
  for (const auto& r : db.Query("SELECT id, parent_id, name, active FROM categories ORDER BY parent_id IS NOT NULL, "
                                "parent_id, id")) {
    out.push_back({r.Int(0), r.OptInt(1), r.Text(2), r.Bool(3)});
  }
  return out;
}

std::optional<Category> FindCategory(Connection& db, Id id) {
  auto r = db.QueryOne("SELECT id, parent_id, name, active FROM categories WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return Category{r->Int(0), r->OptInt(1), r->Text(2), r->Bool(3)};
}

Directory LoadDirectory(Connection& db, bool with_customers) {
  Directory dir;
  constexpr int kPage = 5000;
  for (std::optional<Id> after; with_customers;) {
    auto page = ListCustomers(db, std::nullopt, kPage, after);
    for (auto& c : page) dir.Add(Directory::Customer{c.id, std::move(c.name), std::move(c.phone)});
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().id;
  }
  for (auto& c : ListCategories(db)) dir.Add(Directory::Category{c.id, c.parent_id, std::move(c.name), c.active});
  for (auto& d : org::repo::ListDepartments(db)) {
    dir.Add(Directory::Department{d.id, std::move(d.name), d.code.value_or(""), d.active});
  }
  for (std::optional<Id> after;;) {
    auto page = org::repo::ListStaff(db, {.after_id = after, .limit = kPage}, org::Scope{true, {}});
    for (auto& s : page) {
      dir.Add(Directory::Staff{s.id, std::move(s.username), std::move(s.display_name), s.department_id, s.active});
    }
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().id;
  }
  return dir;
}

std::vector<Id> CategoryPath(Connection& db, Id id) {
  std::vector<Id> path;
  std::optional<Id> cur = id;
  while (cur && path.size() < 32) {
    auto c = FindCategory(db, *cur);
    if (!c) break;
    path.push_back(c->id);
    cur = c->parent_id;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

void AppendVisibility(const Visibility& v, std::string& sql, std::vector<Value>& params) {
  if (v.scope.all) return;
  sql += " AND (t.department_id IS NULL OR t.assignee_id = ? OR t.created_by = ?";
  params.insert(params.end(), {v.staff_id, v.staff_id});
  if (!v.scope.departments.empty()) {
    const auto in = Placeholders(v.scope.departments.size());
    sql += " OR t.department_id IN (" + in + ") OR t.origin_department_id IN (" + in + ")";
    for (int k = 0; k < 2; ++k) {
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
    sql +=
        " AND (instr(lower(t.title), lower(?)) > 0 OR instr(lower(coalesce(c.name, '')), lower(?)) > 0"
        " OR instr(coalesce(c.phone, ''), ?) > 0 OR printf('T%06d', t.id) = upper(?))";
    params.insert(params.end(), {*q.q, *q.q, *q.q, *q.q});
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

std::optional<Id> OriginDepartment(Connection& db, Id ticket_id) {
  auto r = db.QueryOne("SELECT origin_department_id FROM tickets WHERE id = ?", {ticket_id});
  return r ? r->OptInt(0) : std::nullopt;
}

bool CanSee(const Ticket& t, const Visibility& v, std::optional<Id> origin_department) {
  return v.scope.all || t.assignee_id == v.staff_id || t.created_by == v.staff_id ||
         v.scope.Contains(t.department_id) || v.scope.Contains(origin_department);
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
       db.Query("SELECT m.id, m.author_id, coalesce(s.display_name, ''), m.visibility, m.body, m.created_at"
                " FROM ticket_comments m LEFT JOIN staff s ON s.id = m.author_id WHERE m.ticket_id = ?"
                " AND (? OR m.visibility = 'public') ORDER BY m.id",
                {ticket_id, include_internal ? 1 : 0})) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  return out;
}

std::optional<Callback> OpenCallback(Connection& db, Id ticket_id) {
  auto r = db.QueryOne(std::string(kCallbackSelect) + " WHERE ticket_id = ? AND done_at IS NULL ORDER BY id DESC",
                       {ticket_id});
  if (!r) return std::nullopt;
  return CallbackFrom(*r);
}

std::vector<Callback> CallbacksOf(Connection& db, Id ticket_id) {
  std::vector<Callback> out;
  for (const auto& r : db.Query(std::string(kCallbackSelect) + " WHERE ticket_id = ? ORDER BY id", {ticket_id})) {
    out.push_back(CallbackFrom(r));
  }
  return out;
}

std::optional<Complaint> FindComplaint(Connection& db, Id ticket_id) {
  auto r = db.QueryOne(
      "SELECT ticket_id, category, about_staff_id, about_department_id, severity, responsible_id, deadline_at,"
      " findings, substantiated, remedy, communicated_at, communicated_how FROM complaints WHERE ticket_id = ?",
      {ticket_id});
  if (!r) return std::nullopt;
  Complaint c;
  c.ticket_id = r->Int(0);
  c.category = Parse<ComplaintCategory>(r->Text(1)).value_or(ComplaintCategory::kOther);
  c.about_staff_id = r->OptInt(2);
  c.about_department_id = r->OptInt(3);
  c.severity = static_cast<int>(r->Int(4));
  c.responsible_id = r->OptInt(5);
  c.deadline_at = r->OptInt(6);
  c.findings = r->Text(7);
  if (!r->IsNull(8)) c.substantiated = r->Bool(8);
  c.remedy = r->Text(9);
  c.communicated_at = r->OptInt(10);
  c.communicated_how = r->Text(11);
  return c;
}

Status InsertNotification(Connection& db, Id recipient, const std::string& kind, std::optional<Id> ticket_id,
                          const Message& m, TimeMs at) {
  boost::json::object args;
  for (const auto& [name, value] : m.args) args[name] = value;
  return db.Exec(
      "INSERT INTO notifications (recipient_id, kind, ticket_id, message, args, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {recipient, kind, ticket_id, m.text, json::Serialize(args), at});
}

}  // namespace sqm::desk::repo
