#include "desk/repo/live.h"

#include <algorithm>
#include <map>

#include "desk/rules.h"

namespace sqm::desk::repo {

using storage::Placeholders;
using storage::Row;
using storage::Value;

namespace {

constexpr const char* kLiveColumns =
    "SELECT t.id, t.status, t.department_id, t.origin_department_id, t.assignee_id, t.created_by,"
    " c.about_department_id, c.about_staff_id, t.type, c.ticket_id, t.created_at, c.category, c.substantiated,"
    " c.deadline_at, t.customer_id";
const std::string kLiveSelect =
    std::string(kLiveColumns) + " FROM tickets t LEFT JOIN complaints c ON c.ticket_id = t.id";
// From the complaints (a tenth of the tickets or fewer) to their tickets.
const std::string kComplaintSelect =
    std::string(kLiveColumns) + " FROM complaints c JOIN tickets t ON t.id = c.ticket_id";
constexpr const char* kTimerSelect = "SELECT m.ticket_id, m.state, m.warning_at, m.due_at FROM sla_timers m";

LiveTicket TicketFrom(const Row& r) {
  LiveTicket t;
  t.id = r.Int(0);
  t.status = Parse<TicketStatus>(r.Text(1)).value_or(TicketStatus::kNew);
  t.department_id = r.OptInt(2);
  t.origin_department_id = r.OptInt(3);
  t.assignee_id = r.OptInt(4);
  t.created_by = r.OptInt(5);
  t.complaint_department_id = r.OptInt(6);
  t.complaint_staff_id = r.OptInt(7);
  if (r.Text(8) == Name(TicketType::kComplaint) && r.OptInt(9)) {
    t.complaint = LiveComplaint{r.Int(10), Parse<ComplaintCategory>(r.Text(11)).value_or(ComplaintCategory::kOther),
                                r.OptInt(12).value_or(0) == 1, r.OptInt(13), r.OptInt(14)};
  }
  return t;
}

LiveTimer TimerFrom(const Row& r) {
  const std::string state = r.Text(1);
  return {state == "breached", state == "running", r.OptInt(2), r.OptInt(3)};
}

}  // namespace

bool IsLive(const LiveTicket& t) {
  const auto& shown = DashboardStatuses();
  return !t.open_timers.empty() || std::find(shown.begin(), shown.end(), t.status) != shown.end();
}

void EachLiveTicket(Connection& db, const std::function<void(const LiveTicket&)>& each) {
  // The open timers first (few: hundreds of thousands at scale L), then the tickets in a shown
  // status with theirs, then the tickets in another status that still hold an open timer, then the
  // complaints in another status without one.
  std::map<Id, std::vector<LiveTimer>> timers;
  db.QueryEach(std::string(kTimerSelect) + " WHERE m.stopped_at IS NULL", {},
               [&](const Row& r) { timers[r.Int(0)].push_back(TimerFrom(r)); });
  std::vector<Value> shown;
  for (TicketStatus s : DashboardStatuses()) shown.emplace_back(Name(s));
  const std::string in_shown = kLiveSelect + " WHERE t.status IN (" + Placeholders(shown.size()) + ")";
  db.QueryEach(in_shown, shown, [&](const Row& r) {
    LiveTicket t = TicketFrom(r);
    if (auto it = timers.find(t.id); it != timers.end()) {
      t.open_timers = std::move(it->second);
      timers.erase(it);
    }
    each(t);
  });
  for (auto& [id, open] : timers) {
    if (auto row = db.QueryOne(kLiveSelect + " WHERE t.id = ?", {id})) {
      LiveTicket t = TicketFrom(*row);
      t.open_timers = std::move(open);
      each(t);
    }
  }
  // (Not "NOT EXISTS an open timer" in the SQL: SQLite searched the open timers by their state
  // index for each complaint, hundreds of gigabytes read at scale L.)
  std::vector<Value> params{Name(TicketType::kComplaint)};
  params.insert(params.end(), shown.begin(), shown.end());
  db.QueryEach(kComplaintSelect + " WHERE t.type = ? AND t.status NOT IN (" + Placeholders(shown.size()) + ")", params,
               [&](const Row& r) {
                 if (!timers.contains(r.Int(0))) each(TicketFrom(r));
               });
}

std::optional<LiveTicket> FindLiveTicket(Connection& db, Id id) {
  auto row = db.QueryOne(kLiveSelect + " WHERE t.id = ?", {id});
  if (!row) return std::nullopt;
  LiveTicket t = TicketFrom(*row);
  for (const auto& r : db.Query(std::string(kTimerSelect) + " WHERE m.ticket_id = ? AND m.stopped_at IS NULL", {id})) {
    t.open_timers.push_back(TimerFrom(r));
  }
  if (!IsLive(t) && !t.complaint) return std::nullopt;
  return t;
}

std::vector<std::pair<Id, std::optional<Id>>> StaffDepartments(Connection& db) {
  std::vector<std::pair<Id, std::optional<Id>>> out;
  for (const auto& r : db.Query("SELECT id, department_id FROM staff", {})) out.emplace_back(r.Int(0), r.OptInt(1));
  return out;
}

std::optional<std::optional<Id>> StaffDepartment(Connection& db, Id staff_id) {
  auto row = db.QueryOne("SELECT department_id FROM staff WHERE id = ?", {staff_id});
  if (!row) return std::nullopt;
  return row->OptInt(0);
}

}  // namespace sqm::desk::repo
