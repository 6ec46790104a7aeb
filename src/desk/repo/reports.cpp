#include "desk/repo/reports.h"

#include <algorithm>

#include "sla/repo.h"

namespace sqm::desk::repo {

using storage::Placeholders;
using storage::Value;

namespace {

constexpr const char* kOpenStatuses = "('new', 'accepted', 'in_progress', 'waiting_customer')";

void Append(std::string& sql, std::vector<Value>& params, const sla::repo::Condition& c) {
  sql += c.sql;
  params.insert(params.end(), c.params.begin(), c.params.end());
}

// Tickets aliased `t` with an open timer (aliased `m`) meeting `timer`, counted once each.
std::int64_t TicketsWithOpenTimer(Connection& db, const Visibility& v, const sla::repo::Condition& timer) {
  std::string sql = "SELECT count(DISTINCT t.id) FROM tickets t JOIN sla_timers m ON m.ticket_id = t.id WHERE ";
  std::vector<Value> params;
  Append(sql, params, sla::repo::And(sla::repo::TimerOpen(), timer));
  AppendVisibility(v, sql, params);
  return db.QueryOne(sql, params)->Int(0);
}

// The complaints aliased `c` of tickets `t` registered in [from, to) that `v` may see: a FROM and
// WHERE to append more conditions to.
std::string ComplaintsIn(const Visibility& v, TimeMs from, TimeMs to, std::vector<Value>& params) {
  std::string sql =
      " FROM tickets t JOIN complaints c ON c.ticket_id = t.id WHERE t.type = 'complaint'"
      " AND t.created_at >= ? AND t.created_at < ?";
  params.insert(params.end(), {from, to});
  AppendVisibility(v, sql, params);
  return sql;
}

}  // namespace

std::map<TicketStatus, std::int64_t> CountByStatus(Connection& db, const Visibility& v,
                                                   const std::vector<TicketStatus>& statuses) {
  std::string sql =
      "SELECT t.status, count(*) FROM tickets t WHERE t.status IN (" + Placeholders(statuses.size()) + ")";
  std::vector<Value> params;
  for (TicketStatus s : statuses) params.emplace_back(Name(s));
  AppendVisibility(v, sql, params);
  sql += " GROUP BY t.status";
  std::map<TicketStatus, std::int64_t> out;
  for (const auto& r : db.Query(sql, params)) {
    if (auto s = Parse<TicketStatus>(r.Text(0))) out[*s] = r.Int(1);
  }
  return out;
}

std::int64_t TicketsWarnedAt(Connection& db, const Visibility& v, TimeMs now) {
  return TicketsWithOpenTimer(db, v, sla::repo::TimerWarningAt(now));
}

std::int64_t TicketsBreachedAt(Connection& db, const Visibility& v, TimeMs now) {
  return TicketsWithOpenTimer(db, v, sla::repo::TimerBreachedAt(now));
}

std::map<std::optional<Id>, OpenLoad> OpenByDepartment(Connection& db, const Visibility& v, TimeMs now) {
  std::string sql = std::string("SELECT t.department_id, count(*) FROM tickets t WHERE t.status IN ") + kOpenStatuses;
  std::vector<Value> params;
  AppendVisibility(v, sql, params);
  sql += " GROUP BY t.department_id";
  std::map<std::optional<Id>, OpenLoad> out;
  for (const auto& r : db.Query(sql, params)) out[r.OptInt(0)].open = r.Int(1);
  // The breached ones from the open timers (few) to their tickets: asked per open ticket instead,
  // SQLite searched the open timers once per ticket (a second at 100,000 tickets, bench/README.md).
  sql = "SELECT t.department_id, count(DISTINCT t.id) FROM tickets t JOIN sla_timers m ON m.ticket_id = t.id WHERE ";
  params.clear();
  Append(sql, params, sla::repo::And(sla::repo::TimerOpen(), sla::repo::TimerBreachedAt(now)));
  sql += std::string(" AND t.status IN ") + kOpenStatuses;
  AppendVisibility(v, sql, params);
  sql += " GROUP BY t.department_id";
  for (const auto& r : db.Query(sql, params)) out[r.OptInt(0)].breached = r.Int(1);
  return out;
}

LiveState LiveStateOf(Connection& db, const Visibility& v, TimeMs now) {
  return {CountByStatus(db, v, DashboardStatuses()), TicketsWarnedAt(db, v, now), TicketsBreachedAt(db, v, now),
          OpenByDepartment(db, v, now)};
}

ComplaintCounts CountComplaints(Connection& db, const Visibility& v, TimeMs from, TimeMs to, TimeMs now) {
  std::vector<Value> params{now};
  std::string sql = std::string("SELECT count(*), SUM(CASE WHEN t.status IN ") + kOpenStatuses +
                    " THEN 1 ELSE 0 END), SUM(CASE WHEN t.status IN " + kOpenStatuses +
                    " AND c.deadline_at < ? THEN 1 ELSE 0 END), SUM(CASE WHEN c.substantiated = 1 THEN 1 ELSE 0 END)";
  sql += ComplaintsIn(v, from, to, params);
  const auto r = db.QueryOne(sql, params);
  return {r->Int(0), r->Int(1), r->Int(2), r->Int(3)};
}

std::vector<std::pair<ComplaintCategory, std::int64_t>> ComplaintsByCategory(Connection& db, const Visibility& v,
                                                                             TimeMs from, TimeMs to) {
  std::vector<Value> params;
  const std::string sql = "SELECT c.category, count(*)" + ComplaintsIn(v, from, to, params) +
                          " GROUP BY c.category ORDER BY count(*) DESC, c.category";
  std::vector<std::pair<ComplaintCategory, std::int64_t>> out;
  for (const auto& r : db.Query(sql, params)) {
    out.emplace_back(Parse<ComplaintCategory>(r.Text(0)).value_or(ComplaintCategory::kOther), r.Int(1));
  }
  return out;
}

std::vector<std::pair<std::optional<Id>, std::int64_t>> ComplaintsByDepartment(Connection& db, const Visibility& v,
                                                                               TimeMs from, TimeMs to) {
  std::vector<Value> params;
  const std::string sql = "SELECT c.about_department_id, count(*)" + ComplaintsIn(v, from, to, params) +
                          " GROUP BY c.about_department_id ORDER BY count(*) DESC, c.about_department_id NULLS LAST";
  std::vector<std::pair<std::optional<Id>, std::int64_t>> out;
  for (const auto& r : db.Query(sql, params)) out.emplace_back(r.OptInt(0), r.Int(1));
  return out;
}

std::vector<std::pair<Id, std::int64_t>> RepeatComplainants(Connection& db, const Visibility& v, TimeMs from,
                                                            TimeMs to) {
  std::vector<Value> params;
  const std::string sql = "SELECT t.customer_id, count(*)" + ComplaintsIn(v, from, to, params) +
                          " AND t.customer_id IS NOT NULL GROUP BY t.customer_id HAVING count(*) > 1"
                          " ORDER BY count(*) DESC, t.customer_id LIMIT 20";
  std::vector<std::pair<Id, std::int64_t>> out;
  for (const auto& r : db.Query(sql, params)) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

std::vector<TimeMs> ComplaintTimes(Connection& db, const Visibility& v, TimeMs from, TimeMs to) {
  std::vector<Value> params;
  const std::string sql = "SELECT t.created_at" + ComplaintsIn(v, from, to, params);
  std::vector<TimeMs> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(r.Int(0));
  return out;
}

ComplaintFigures ComplaintFiguresOf(Connection& db, const Visibility& v, TimeMs from, TimeMs to, TimeMs now,
                                    const std::vector<TimeMs>& weeks) {
  ComplaintFigures f{CountComplaints(db, v, from, to, now), ComplaintsByCategory(db, v, from, to),
                     ComplaintsByDepartment(db, v, from, to), RepeatComplainants(db, v, from, to),
                     std::vector<std::int64_t>(weeks.size(), 0)};
  for (TimeMs t : ComplaintTimes(db, v, from, to)) {
    const auto week = std::upper_bound(weeks.begin(), weeks.end(), t);
    if (week != weeks.begin()) f.weekly[static_cast<std::size_t>(week - weeks.begin() - 1)]++;
  }
  return f;
}

std::map<Id, std::string> CustomerNames(Connection& db, const std::vector<Id>& ids) {
  std::map<Id, std::string> out;
  if (ids.empty()) return out;
  std::vector<Value> params(ids.begin(), ids.end());
  for (const auto& r :
       db.Query("SELECT id, name FROM customers WHERE id IN (" + Placeholders(ids.size()) + ")", params)) {
    out[r.Int(0)] = r.Text(1);
  }
  return out;
}

std::vector<CallbackRow> ListCallbacks(Connection& db, const Visibility& v, CallbackQueue queue, TimeMs now, int limit,
                                       int offset) {
  std::string sql =
      "SELECT b.id, b.ticket_id, b.created_at, b.due_at, b.done_at, b.done_by, b.reached, b.resolved, b.satisfaction,"
      " b.notes, t.title, COALESCE(c.name, ''), COALESCE(s.display_name, '') FROM callbacks b"
      " JOIN tickets t ON t.id = b.ticket_id LEFT JOIN customers c ON c.id = t.customer_id"
      " LEFT JOIN staff s ON s.id = b.done_by WHERE ";
  std::vector<Value> params;
  if (queue == CallbackQueue::kDone) {
    sql += "b.done_at IS NOT NULL";
  } else {
    sql += "b.done_at IS NULL AND t.status = 'resolved'";
    if (queue == CallbackQueue::kOverdue) {
      sql += " AND b.due_at < ?";
      params.emplace_back(now);
    }
  }
  AppendVisibility(v, sql, params);
  sql +=
      queue == CallbackQueue::kDone ? " ORDER BY b.done_at DESC, b.id DESC" : " ORDER BY b.due_at ASC NULLS LAST, b.id";
  sql += " LIMIT ? OFFSET ?";
  params.emplace_back(limit);
  params.emplace_back(offset);
  std::vector<CallbackRow> out;
  for (const auto& r : db.Query(sql, params)) {
    out.push_back({CallbackFrom(r), r.Text(10), r.Text(11), r.Text(12)});
  }
  return out;
}

}  // namespace sqm::desk::repo
