#include "desk/reports.h"

#include <set>

#include "desk/rules.h"
#include "org/repo.h"

namespace sqm::desk {

using storage::Connection;

namespace {

constexpr TimeMs kDay = 24LL * 3600 * 1000;

void Add(Rate& to, const Rate& r) {
  to.met += r.met;
  to.total += r.total;
}

std::optional<double> RateOf(const Rate& r) {
  if (r.total == 0) return std::nullopt;
  return double(r.met) / double(r.total);
}

// Department names, through org's repo.
std::map<Id, std::string> DepartmentNames(const std::vector<org::Department>& departments) {
  std::map<Id, std::string> out;
  for (const auto& d : departments) out[d.id] = d.name;
  return out;
}

std::map<Id, std::string> DepartmentNames(Connection& db) {
  return DepartmentNames(org::repo::ListDepartmentTree(db));
}

std::string NameOf(const std::map<Id, std::string>& names, const std::optional<Id>& id) {
  auto it = id ? names.find(*id) : names.end();
  return it == names.end() ? "" : it->second;
}

// The departments of `scope` whose parent is outside it: their subtrees are disjoint and cover it.
std::vector<Id> TopDepartments(const org::Scope& scope, const std::vector<org::Department>& departments) {
  std::vector<Id> out;
  for (const auto& d : departments) {
    if (scope.Contains(d.id) && !scope.Contains(d.parent_id)) out.push_back(d.id);
  }
  return out;
}

}  // namespace

Result<Dashboard> Reports::GetDashboard(const org::Principal& who) {
  const TimeMs now = clock_.Now();
  const repo::Visibility v = repo::VisibilityOf(who);
  Dashboard d;
  d.at = now;
  std::optional<repo::LiveState> live;
  if (live_) live = live_(v, now);
  const auto departments = db_.Read([&](Connection& db) {
    if (!live) live = repo::LiveStateOf(db, v, now);
    return org::repo::ListDepartmentTree(db);
  });
  for (TicketStatus s : DashboardStatuses()) {
    const auto it = live->by_status.find(s);
    d.open_by_status.emplace_back(s, it == live->by_status.end() ? 0 : it->second);
  }
  d.breaches_now = live->breached;
  d.warnings_now = live->warned;
  const auto& open = live->by_department;
  // Attainment: the measures, for the organisation or the caller's departments, up to the start of
  // tomorrow (whole business days, which the engine answers; nothing is decided after now).
  const TimeMs today = zone_.StartOfDay(now), tomorrow = zone_.StartOfDay(today + kDay + kDay / 2);
  const TimeMs month = zone_.StartOfMonth(now);
  std::map<Id, AttainmentRates> by_department;  // this month
  if (attainment_.departments && (who.scope.all || !who.scope.departments.empty())) {
    std::vector<Id> scope;  // every department, or those of the scope
    for (const auto& dept : departments) {
      if (who.scope.Contains(dept.id)) scope.push_back(dept.id);
    }
    SQM_ASSIGN(by_department, attainment_.departments(scope, month, tomorrow));
  }
  const std::vector<Id> tops = TopDepartments(who.scope, departments);
  const std::pair<const char*, TimeMs> periods[] = {
      {"today", today}, {"week", zone_.StartOfWeek(now)}, {"month", month}};
  for (const auto& [name, from] : periods) {
    AttainmentRates total;
    if (who.scope.all && attainment_.organisation) {
      SQM_ASSIGN(total, attainment_.organisation(from, tomorrow));
    } else if (!who.scope.all && !tops.empty() && attainment_.departments) {
      std::map<Id, AttainmentRates> rates;
      if (from == month) {
        rates = by_department;
      } else {
        SQM_ASSIGN(rates, attainment_.departments(tops, from, tomorrow));
      }
      for (Id top : tops) {
        if (auto it = rates.find(top); it != rates.end()) {
          Add(total.first_response, it->second.first_response);
          Add(total.resolution, it->second.resolution);
        }
      }
    }
    d.attainment.push_back({name, total.first_response, total.resolution});
  }
  // By department: the open load now, the rates this month.
  std::set<std::optional<Id>> rows;
  for (const auto& [id, _] : by_department) rows.insert(id);
  for (const auto& [id, _] : open) rows.insert(id);
  const auto names = DepartmentNames(departments);
  for (const auto& id : rows) {
    const auto load = open.find(id);
    const auto rates = id ? by_department.find(*id) : by_department.end();
    Dashboard::Department row;
    row.department_id = id;
    row.department_name = NameOf(names, id);
    if (load != open.end()) {
      row.open = load->second.open;
      row.breached = load->second.breached;
    }
    if (rates != by_department.end()) {
      row.first_response_rate = RateOf(rates->second.first_response);
      row.resolution_rate = RateOf(rates->second.resolution);
    }
    d.by_department.push_back(std::move(row));
  }
  return d;
}

Result<ComplaintSummary> Reports::GetComplaintSummary(const org::Principal& who, std::optional<TimeMs> from,
                                                      std::optional<TimeMs> to) {
  const TimeMs now = clock_.Now();
  ComplaintSummary s;
  s.to = to.value_or(now + 1);
  s.from = from.value_or(zone_.StartOfWeek(s.to) - 11 * 7 * kDay);
  SQM_TRY(CheckReportPeriod(s.from, s.to));
  const repo::Visibility v = repo::VisibilityOf(who);
  std::vector<TimeMs> weeks;
  for (TimeMs w = zone_.StartOfWeek(s.from); w < s.to; w = zone_.StartOfWeek(w + 8 * kDay)) weeks.push_back(w);
  std::optional<repo::ComplaintFigures> figures;
  if (complaints_) figures = complaints_(v, now, s.from, s.to, weeks);
  return db_.Read([&](Connection& db) -> Result<ComplaintSummary> {
    if (!figures) figures = repo::ComplaintFiguresOf(db, v, s.from, s.to, now, weeks);
    s.counts = figures->counts;
    s.by_category = figures->by_category;
    const auto names = DepartmentNames(db);
    for (const auto& [id, n] : figures->by_department) s.by_department.push_back({id, NameOf(names, id), n});
    std::vector<Id> customers;
    for (const auto& [id, n] : figures->repeat_complainants) customers.push_back(id);
    const auto customer_names = repo::CustomerNames(db, customers);
    for (const auto& [id, n] : figures->repeat_complainants) {
      const auto name = customer_names.find(id);
      s.repeat_complainants.push_back({id, name == customer_names.end() ? "" : name->second, n});
    }
    for (std::size_t i = 0; i < weeks.size(); ++i) s.weekly.emplace_back(weeks[i], figures->weekly[i]);
    return s;
  });
}

Result<std::vector<CallbackItem>> Reports::Callbacks(const org::Principal& who, CallbackQueue queue, int limit,
                                                     int offset) {
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) {
    std::vector<CallbackItem> out;
    for (auto& row : repo::ListCallbacks(db, repo::VisibilityOf(who), queue, now, limit, offset)) {
      const bool overdue = !row.callback.done_at && row.callback.due_at && *row.callback.due_at < now;
      out.push_back({std::move(row), overdue});
    }
    return out;
  });
}

}  // namespace sqm::desk
