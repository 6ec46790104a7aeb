#include "desk/reports.h"

#include <set>

#include "desk/rules.h"
#include "org/repo.h"

namespace sqm::desk {

using storage::Connection;

namespace {

constexpr TimeMs kDay = 24LL * 3600 * 1000;

Rate Total(const repo::ByDepartment& by) {
  Rate t;
  for (const auto& [d, r] : by) {
    t.met += r.met;
    t.total += r.total;
  }
  return t;
}

std::optional<double> RateOf(const repo::ByDepartment& by, const std::optional<Id>& department) {
  auto it = by.find(department);
  if (it == by.end() || it->second.total == 0) return std::nullopt;
  return double(it->second.met) / double(it->second.total);
}

// Department names, through org's repo.
std::map<Id, std::string> DepartmentNames(Connection& db) {
  std::map<Id, std::string> out;
  for (auto& d : org::repo::ListDepartments(db)) out[d.id] = std::move(d.name);
  return out;
}

std::string NameOf(const std::map<Id, std::string>& names, const std::optional<Id>& id) {
  auto it = id ? names.find(*id) : names.end();
  return it == names.end() ? "" : it->second;
}

}  // namespace

Result<Dashboard> Reports::GetDashboard(const org::Principal& who) {
  const TimeMs now = clock_.Now();
  const repo::Visibility v = repo::VisibilityOf(who);
  return db_.Read([&](Connection& db) -> Result<Dashboard> {
    Dashboard d;
    d.at = now;
    const std::vector<TicketStatus> shown = {TicketStatus::kNew, TicketStatus::kAccepted, TicketStatus::kInProgress,
                                             TicketStatus::kWaitingCustomer, TicketStatus::kResolved};
    auto counts = repo::CountByStatus(db, v, shown);
    for (TicketStatus s : shown) d.open_by_status.emplace_back(s, counts[s]);
    d.breaches_now = repo::TicketsBreachedAt(db, v, now);
    d.warnings_now = repo::TicketsWarnedAt(db, v, now);
    const std::pair<const char*, TimeMs> periods[] = {
        {"today", zone_.StartOfDay(now)}, {"week", zone_.StartOfWeek(now)}, {"month", zone_.StartOfMonth(now)}};
    for (const auto& [name, from] : periods) {
      d.attainment.push_back({name, Total(repo::Attainment(db, v, sla::TimerKind::kFirstResponse, from, now + 1, now)),
                              Total(repo::Attainment(db, v, sla::TimerKind::kResolution, from, now + 1, now))});
    }
    // By department, this month.
    const TimeMs month = zone_.StartOfMonth(now);
    const auto fr = repo::Attainment(db, v, sla::TimerKind::kFirstResponse, month, now + 1, now);
    const auto res = repo::Attainment(db, v, sla::TimerKind::kResolution, month, now + 1, now);
    const auto open = repo::OpenByDepartment(db, v, now);
    std::set<std::optional<Id>> departments;
    for (const auto* by : {&fr, &res}) {
      for (const auto& [id, _] : *by) departments.insert(id);
    }
    for (const auto& [id, _] : open) departments.insert(id);
    const auto names = DepartmentNames(db);
    for (const auto& id : departments) {
      auto load = open.find(id);
      d.by_department.push_back({id, NameOf(names, id), load == open.end() ? 0 : load->second.open,
                                 load == open.end() ? 0 : load->second.breached, RateOf(fr, id), RateOf(res, id)});
    }
    return d;
  });
}

Result<ComplaintSummary> Reports::GetComplaintSummary(const org::Principal& who, std::optional<TimeMs> from,
                                                      std::optional<TimeMs> to) {
  const TimeMs now = clock_.Now();
  ComplaintSummary s;
  s.to = to.value_or(now + 1);
  s.from = from.value_or(zone_.StartOfWeek(s.to) - 11 * 7 * kDay);
  SQM_TRY(CheckReportPeriod(s.from, s.to));
  const repo::Visibility v = repo::VisibilityOf(who);
  return db_.Read([&](Connection& db) -> Result<ComplaintSummary> {
    s.counts = repo::CountComplaints(db, v, s.from, s.to, now);
    s.by_category = repo::ComplaintsByCategory(db, v, s.from, s.to);
    const auto names = DepartmentNames(db);
    for (const auto& [id, n] : repo::ComplaintsByDepartment(db, v, s.from, s.to)) {
      s.by_department.push_back({id, NameOf(names, id), n});
    }
    s.repeat_complainants = repo::RepeatComplainants(db, v, s.from, s.to);
    std::map<TimeMs, std::int64_t> weeks;
    for (TimeMs w = zone_.StartOfWeek(s.from); w < s.to; w = zone_.StartOfWeek(w + 8 * kDay)) weeks[w] = 0;
    for (TimeMs t : repo::ComplaintTimes(db, v, s.from, s.to)) weeks[zone_.StartOfWeek(t)]++;
    s.weekly.assign(weeks.begin(), weeks.end());
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
