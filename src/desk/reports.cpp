#include "desk/reports.h"

#include <map>

#include <fmt/format.h>

#include "base/json.h"
#include "desk/rules.h"

namespace sqm::desk {

using storage::Connection;
using storage::Value;
namespace bj = boost::json;

namespace {

constexpr TimeMs kDay = 24LL * 3600 * 1000;

// A notification's stored args; `{}` for rows written before they were kept.
bj::value ArgsJson(const std::string& text) {
  auto parsed = json::Parse(text);
  return parsed.ok() && parsed->is_object() ? parsed.value() : bj::object{};
}

void Scope(const org::Principal& who, std::string& sql, std::vector<Value>& params) {
  repo::AppendVisibility({who.scope, who.staff_id}, sql, params);
}

bj::value RateJson(const Rate& r) {
  return {{"met", r.met}, {"total", r.total}, {"rate", r.total ? bj::value(double(r.met) / double(r.total)) : nullptr}};
}

// Attainment of timers of `kind` started in [from, to) on tickets visible to `who`, by department.
std::map<std::optional<std::int64_t>, Rate> Attainment(Connection& db, const org::Principal& who, const char* kind,
                                                       TimeMs from, TimeMs to, TimeMs now) {
  std::string sql =
      "SELECT t.department_id, sum(CASE WHEN m.stopped_at IS NOT NULL AND m.state = 'met' THEN 1 ELSE 0 END),"
      " sum(CASE WHEN m.stopped_at IS NOT NULL OR (m.due_at IS NOT NULL AND m.due_at < ?) OR m.state = 'breached'"
      " THEN 1 ELSE 0 END) FROM sla_timers m JOIN tickets t ON t.id = m.ticket_id"
      " WHERE m.kind = ? AND m.started_at >= ? AND m.started_at < ? AND t.status NOT IN ('cancelled', 'merged')";
  std::vector<Value> params{now, kind, from, to};
  Scope(who, sql, params);
  sql += " GROUP BY t.department_id";
  std::map<std::optional<std::int64_t>, Rate> out;
  for (const auto& r : db.Query(sql, params)) out[r.OptInt(0)] = Rate{r.Int(1), r.Int(2)};
  return out;
}

Rate Total(const std::map<std::optional<std::int64_t>, Rate>& by) {
  Rate t;
  for (const auto& [d, r] : by) {
    t.met += r.met;
    t.total += r.total;
  }
  return t;
}

}  // namespace

Result<bj::object> Reports::Dashboard(const org::Principal& who) {
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) -> Result<bj::object> {
    bj::object open_by_status;
    for (const char* s : {"new", "accepted", "in_progress", "waiting_customer", "resolved"}) open_by_status[s] = 0;
    {
      std::string sql =
          "SELECT t.status, count(*) FROM tickets t WHERE t.status IN ('new','accepted','in_progress',"
          "'waiting_customer','resolved')";
      std::vector<Value> params;
      Scope(who, sql, params);
      sql += " GROUP BY t.status";
      for (const auto& r : db.Query(sql, params)) open_by_status[r.Text(0)] = r.Int(1);
    }
    auto count = [&](const char* condition, std::vector<Value> params) {
      std::string sql = std::string(
                            "SELECT count(DISTINCT t.id) FROM tickets t JOIN sla_timers m ON m.ticket_id = t.id"
                            " WHERE m.stopped_at IS NULL AND ") +
                        condition;
      Scope(who, sql, params);
      return db.QueryOne(sql, params)->Int(0);
    };
    const auto breaches = count("m.due_at IS NOT NULL AND m.due_at < ?", {now});
    const auto warnings =
        count("m.state = 'running' AND m.warning_at IS NOT NULL AND m.warning_at <= ? AND m.due_at >= ?", {now, now});

    bj::array attainment;
    const std::pair<const char*, TimeMs> periods[] = {
        {"today", zone_.StartOfDay(now)}, {"week", zone_.StartOfWeek(now)}, {"month", zone_.StartOfMonth(now)}};
    for (const auto& [name, from] : periods) {
      attainment.push_back(
          {{"period", name},
           {"first_response", RateJson(Total(Attainment(db, who, "first_response", from, now + 1, now)))},
           {"resolution", RateJson(Total(Attainment(db, who, "resolution", from, now + 1, now)))}});
    }

    // By department, this month.
    const TimeMs month = zone_.StartOfMonth(now);
    auto fr = Attainment(db, who, "first_response", month, now + 1, now);
    auto res = Attainment(db, who, "resolution", month, now + 1, now);
    std::map<std::optional<std::int64_t>, std::pair<std::int64_t, std::int64_t>> open;  // open, breached
    {
      std::string sql =
          "SELECT t.department_id, count(*), sum(EXISTS (SELECT 1 FROM sla_timers m WHERE m.ticket_id = t.id"
          " AND m.stopped_at IS NULL AND m.due_at < ?)) FROM tickets t"
          " WHERE t.status IN ('new','accepted','in_progress','waiting_customer')";
      std::vector<Value> params{now};
      Scope(who, sql, params);
      sql += " GROUP BY t.department_id";
      for (const auto& r : db.Query(sql, params)) open[r.OptInt(0)] = {r.Int(1), r.Int(2)};
    }
    std::map<std::int64_t, std::string> names;
    for (const auto& r : db.Query("SELECT id, name FROM departments")) names[r.Int(0)] = r.Text(1);
    std::set<std::optional<std::int64_t>> departments;
    for (const auto& m : {fr, res}) {
      for (const auto& [d, _] : m) departments.insert(d);
    }
    for (const auto& [d, _] : open) departments.insert(d);
    bj::array by_department;
    for (const auto& d : departments) {
      auto rate = [](const std::map<std::optional<std::int64_t>, Rate>& m, const std::optional<std::int64_t>& d) {
        auto it = m.find(d);
        return it == m.end() || it->second.total == 0 ? bj::value(nullptr)
                                                      : bj::value(double(it->second.met) / double(it->second.total));
      };
      by_department.push_back({{"department_id", d ? bj::value(*d) : bj::value(nullptr)},
                               {"department_name", d && names.contains(*d) ? names[*d] : ""},
                               {"open", open.contains(d) ? open[d].first : 0},
                               {"breached", open.contains(d) ? open[d].second : 0},
                               {"first_response_rate", rate(fr, d)},
                               {"resolution_rate", rate(res, d)}});
    }
    return bj::object{{"open_by_status", std::move(open_by_status)},
                      {"warnings_now", warnings},
                      {"breaches_now", breaches},
                      {"attainment", std::move(attainment)},
                      {"by_department", std::move(by_department)},
                      {"at", FormatIsoUtc(now)}};
  });
}

Result<bj::object> Reports::ComplaintSummary(const org::Principal& who, std::optional<TimeMs> from_or_default,
                                             std::optional<TimeMs> to_or_default) {
  const TimeMs now = clock_.Now();
  const TimeMs to = to_or_default.value_or(now + 1);
  const TimeMs from = from_or_default.value_or(zone_.StartOfWeek(to) - 11 * 7 * kDay);
  if (to <= from) return Error::Invalid("to", "must be after from");
  return db_.Read([&](Connection& db) -> Result<bj::object> {
    const std::string base =
        " FROM tickets t JOIN complaints c ON c.ticket_id = t.id WHERE t.type = 'complaint'"
        " AND t.created_at >= ? AND t.created_at < ?";
    auto query = [&](const std::string& select, const std::string& tail, std::vector<Value> extra = {}) {
      std::string sql = select + base;
      std::vector<Value> params{from, to};
      Scope(who, sql, params);
      sql += tail;
      params.insert(params.end(), extra.begin(), extra.end());
      return db.Query(sql, params);
    };
    // Overdue: still open past the complaint's deadline.
    std::string overdue_sql =
        "SELECT count(*)" + base +
        " AND t.status IN ('new','accepted','in_progress','waiting_customer') AND c.deadline_at < ?";
    std::vector<Value> overdue_params{from, to, now};
    {
      std::string scoped;
      std::vector<Value> scope_params;
      Scope(who, scoped, scope_params);
      overdue_sql += scoped;
      overdue_params.insert(overdue_params.end(), scope_params.begin(), scope_params.end());
    }
    auto all = query(
        "SELECT count(*), coalesce(sum(t.status IN ('new','accepted','in_progress','waiting_customer')), 0),"
        " coalesce(sum(c.substantiated = 1), 0)",
        "");
    bj::array by_category, by_department, repeat, weekly;
    for (const auto& r : query("SELECT c.category, count(*)", " GROUP BY c.category ORDER BY count(*) DESC")) {
      by_category.push_back({{"category", r.Text(0)}, {"count", r.Int(1)}});
    }
    for (const auto& r : query("SELECT c.about_department_id, coalesce((SELECT name FROM departments WHERE id ="
                               " c.about_department_id), ''), count(*)",
                               " GROUP BY c.about_department_id ORDER BY count(*) DESC")) {
      by_department.push_back({{"department_id", r.IsNull(0) ? bj::value(nullptr) : bj::value(r.Int(0))},
                               {"department_name", r.Text(1)},
                               {"count", r.Int(2)}});
    }
    for (const auto& r :
         query("SELECT t.customer_id, coalesce((SELECT name FROM customers WHERE id = t.customer_id), ''),"
               " count(*)",
               " AND t.customer_id IS NOT NULL GROUP BY t.customer_id HAVING count(*) > 1"
               " ORDER BY count(*) DESC LIMIT 20")) {
      repeat.push_back({{"customer_id", r.Int(0)}, {"customer_name", r.Text(1)}, {"count", r.Int(2)}});
    }
    std::map<TimeMs, std::int64_t> weeks;
    for (TimeMs w = zone_.StartOfWeek(from); w < to; w = zone_.StartOfWeek(w + 8 * kDay)) weeks[w] = 0;
    for (const auto& r : query("SELECT t.created_at", "")) weeks[zone_.StartOfWeek(r.Int(0))]++;
    for (const auto& [w, n] : weeks) {
      weekly.push_back({{"week_start", FormatIsoUtc(w)}, {"count", n}});
    }
    const auto& a = all.at(0);
    return bj::object{{"from", FormatIsoUtc(from)},
                      {"to", FormatIsoUtc(to)},
                      {"total", a.Int(0)},
                      {"open", a.Int(1)},
                      {"overdue", db.QueryOne(overdue_sql, overdue_params)->Int(0)},
                      {"substantiated", a.Int(2)},
                      {"by_category", std::move(by_category)},
                      {"by_department", std::move(by_department)},
                      {"repeat_complainants", std::move(repeat)},
                      {"weekly", std::move(weekly)}};
  });
}

Result<bj::object> Reports::Callbacks(const org::Principal& who, const std::string& state, int limit, int offset) {
  if (state != "open" && state != "overdue" && state != "done") {
    return Error::Invalid("state", "must be open, overdue or done");
  }
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) -> Result<bj::object> {
    std::string sql =
        "SELECT b.id, b.ticket_id, t.title, coalesce(c.name, ''), b.due_at, b.done_at, b.reached, b.resolved,"
        " b.satisfaction, b.notes, coalesce(s.display_name, '') FROM callbacks b JOIN tickets t ON t.id = b.ticket_id"
        " LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN staff s ON s.id = b.done_by WHERE ";
    std::vector<Value> params;
    if (state == "done") {
      sql += "b.done_at IS NOT NULL";
    } else {
      sql += "b.done_at IS NULL AND t.status = 'resolved'";
      if (state == "overdue") {
        sql += " AND b.due_at < ?";
        params.emplace_back(now);
      }
    }
    Scope(who, sql, params);
    sql += state == "done" ? " ORDER BY b.done_at DESC" : " ORDER BY b.due_at ASC";
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(limit);
    params.emplace_back(offset);
    bj::array items;
    for (const auto& r : db.Query(sql, params)) {
      items.push_back({{"id", r.Int(0)},
                       {"ticket_id", r.Int(1)},
                       {"ticket_number", TicketNumber(r.Int(1))},
                       {"ticket_title", r.Text(2)},
                       {"customer_name", r.Text(3)},
                       {"due_at", r.IsNull(4) ? bj::value(nullptr) : bj::value(FormatIsoUtc(r.Int(4)))},
                       {"done_at", r.IsNull(5) ? bj::value(nullptr) : bj::value(FormatIsoUtc(r.Int(5)))},
                       {"reached", r.IsNull(6) ? bj::value(nullptr) : bj::value(r.Bool(6))},
                       {"resolved", r.IsNull(7) ? bj::value(nullptr) : bj::value(r.Text(7))},
                       {"satisfaction", r.IsNull(8) ? bj::value(nullptr) : bj::value(r.Text(8))},
                       {"notes", r.Text(9)},
                       {"done_by", r.Text(10)},
                       {"overdue", r.IsNull(5) && !r.IsNull(4) && r.Int(4) < now}});
    }
    std::optional<std::string> next;
    if (static_cast<int>(items.size()) == limit) next = std::to_string(offset + limit);
    return bj::object{{"items", std::move(items)}, {"next_cursor", next ? bj::value(*next) : bj::value(nullptr)}};
  });
}

Result<bj::object> Reports::Notifications(const org::Principal& who, bool unread_only, int limit) {
  return db_.Read([&](Connection& db) -> Result<bj::object> {
    bj::array items;
    for (const auto& r : db.Query("SELECT id, kind, ticket_id, message, created_at, read_at, args FROM notifications"
                                  " WHERE recipient_id = ? AND (? = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT ?",
                                  {who.staff_id, unread_only ? 1 : 0, limit})) {
      items.push_back({{"id", r.Int(0)},
                       {"kind", r.Text(1)},
                       {"ticket_id", r.IsNull(2) ? bj::value(nullptr) : bj::value(r.Int(2))},
                       {"message", r.Text(3)},
                       {"key", "notification." + r.Text(1)},
                       {"args", ArgsJson(r.Text(6))},
                       {"created_at", FormatIsoUtc(r.Int(4))},
                       {"read_at", r.IsNull(5) ? bj::value(nullptr) : bj::value(FormatIsoUtc(r.Int(5)))}});
    }
    const auto unread =
        db.QueryOne("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL", {who.staff_id})
            ->Int(0);
    return bj::object{{"items", std::move(items)}, {"unread_count", unread}};
  });
}

Status Reports::MarkRead(const org::Principal& who, std::optional<std::int64_t> id) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Status {
    if (id) {
      SQM_ASSIGN(auto r, tx.db().Exec("UPDATE notifications SET read_at = ? WHERE id = ? AND recipient_id = ?"
                                      " AND read_at IS NULL",
                                      {tx.now(), *id, who.staff_id}));
      if (r.changes == 0) {
        auto exists =
            tx.db().QueryOne("SELECT 1 FROM notifications WHERE id = ? AND recipient_id = ?", {*id, who.staff_id});
        if (!exists) return Error::NotFound(fmt::format("notification {} does not exist", *id));
      }
    } else {
      SQM_TRY(tx.db().Exec("UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL",
                           {tx.now(), who.staff_id}));
    }
    tx.Append("notification", id ? std::to_string(*id) : "all", "notification.read", {{"staff_id", who.staff_id}});
    return {};
  });
}

Result<bj::array> Reports::Views(const org::Principal& who) {
  return db_.Read([&](Connection& db) -> Result<bj::array> {
    bj::array out;
    for (const auto& r :
         db.Query("SELECT id, name, filters, created_at FROM saved_views WHERE owner_id = ? ORDER BY name",
                  {who.staff_id})) {
      auto filters = json::Parse(r.Text(2));
      out.push_back({{"id", r.Int(0)},
                     {"name", r.Text(1)},
                     {"filters", filters.ok() ? filters.value() : bj::object{}},
                     {"created_at", FormatIsoUtc(r.Int(3))}});
    }
    return out;
  });
}

Result<bj::object> Reports::SaveView(const org::Principal& who, const std::string& name, const bj::object& filters) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<bj::object> {
    auto r =
        tx.db().Exec("INSERT INTO saved_views (owner_id, name, filters, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                     {who.staff_id, name, json::Serialize(filters), tx.now()});
    if (!r.ok()) return Error::Conflict("you already have a view with this name", "name");
    tx.Append("saved_view", std::to_string(r->last_insert_id), "saved_view.created", {{"name", name}});
    return bj::object{
        {"id", r->last_insert_id}, {"name", name}, {"filters", filters}, {"created_at", FormatIsoUtc(tx.now())}};
  });
}

Status Reports::DeleteView(const org::Principal& who, std::int64_t id) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Status {
    SQM_ASSIGN(auto r, tx.db().Exec("DELETE FROM saved_views WHERE id = ? AND owner_id = ?", {id, who.staff_id}));
    if (r.changes == 0) return Error::NotFound(fmt::format("saved view {} does not exist", id));
    tx.Append("saved_view", std::to_string(id), "saved_view.deleted", {});
    return {};
  });
}

}  // namespace sqm::desk
