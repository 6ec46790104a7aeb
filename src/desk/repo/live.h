// SQL of the live dashboard board (desk/live_board.h): the tickets it holds, as they are now. A
// ticket is live while it is in a status the dashboard shows (new .. resolved) or holds an open
// SLA timer: exactly the tickets repo::CountByStatus, TicketsWarnedAt, TicketsBreachedAt and
// OpenByDepartment (reports.h) can count.
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "desk/model.h"
#include "storage/db.h"

namespace sqm::desk::repo {

using storage::Connection;

// An open timer (stopped_at IS NULL), as sla/repo.h's TimerBreachedAt and TimerWarningAt read it.
struct LiveTimer {
  bool marked_breached = false;  // state 'breached'
  bool running = false;          // state 'running'
  std::optional<TimeMs> warning_at, due_at;
};

// What decides who sees a ticket (repo::AppendVisibility) and what it counts for.
struct LiveTicket {
  Id id = 0;
  TicketStatus status = TicketStatus::kNew;
  std::optional<Id> department_id, origin_department_id, assignee_id, created_by;
  std::optional<Id> complaint_department_id, complaint_staff_id;  // what its complaint is about
  std::vector<LiveTimer> open_timers;
};

// Every live ticket, in no particular order, one at a time (`each` must not use `db`).
void EachLiveTicket(Connection& db, const std::function<void(const LiveTicket&)>& each);
// Ticket `id` now, or nullopt when it is not live (or does not exist).
std::optional<LiveTicket> FindLiveTicket(Connection& db, Id id);
// Each staff member's department now (a complaint about them is seen from there).
std::vector<std::pair<Id, std::optional<Id>>> StaffDepartments(Connection& db);
std::optional<std::optional<Id>> StaffDepartment(Connection& db, Id staff_id);  // nullopt: no such staff member

}  // namespace sqm::desk::repo
