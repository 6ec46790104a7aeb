// SQL of the live dashboard board (desk/live_board.h): the tickets it holds, as they are now. A
// ticket is held while it is live — in a status the dashboard shows (new .. resolved) or holding an
// open SLA timer: exactly the tickets repo::CountByStatus, TicketsWarnedAt, TicketsBreachedAt and
// OpenByDepartment (reports.h) can count — or while it is a complaint (any status: the complaint
// summary's, repo::CountComplaints and the others).
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

// What the complaint summary counts of a complaint ticket (a ticket of type complaint with its
// complaints row).
struct LiveComplaint {
  TimeMs created_at = 0;  // the ticket's registration
  ComplaintCategory category = ComplaintCategory::kOther;
  bool substantiated = false;
  std::optional<TimeMs> deadline_at;
  std::optional<Id> customer_id;
};

// What decides who sees a ticket (repo::AppendVisibility) and what it counts for.
struct LiveTicket {
  Id id = 0;
  TicketStatus status = TicketStatus::kNew;
  std::optional<Id> department_id, origin_department_id, assignee_id, created_by;
  std::optional<Id> complaint_department_id, complaint_staff_id;  // what its complaint is about
  std::vector<LiveTimer> open_timers;
  std::optional<LiveComplaint> complaint;
};
// Whether the board counts `t` as live (its status is shown, or it holds an open timer).
bool IsLive(const LiveTicket& t);

// Every ticket the board holds, in no particular order, one at a time (`each` must not use `db`).
void EachLiveTicket(Connection& db, const std::function<void(const LiveTicket&)>& each);
// Ticket `id` now, or nullopt when the board does not hold it (or it does not exist).
std::optional<LiveTicket> FindLiveTicket(Connection& db, Id id);
// Each staff member's department now (a complaint about them is seen from there).
std::vector<std::pair<Id, std::optional<Id>>> StaffDepartments(Connection& db);
std::optional<std::optional<Id>> StaffDepartment(Connection& db, Id staff_id);  // nullopt: no such staff member

}  // namespace sqm::desk::repo
