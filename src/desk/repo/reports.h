// SQL of the desk's read models (reports.h): counts over the tickets a caller may see. The SLA
// conditions come from sla/repo.h; department names from org's repo (the caller's business); SLA
// attainment from the assessment's measures (desk/attainment.h), not from here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "desk/model.h"
#include "desk/repo/tickets.h"
#include "storage/db.h"

namespace sqm::desk::repo {

std::map<TicketStatus, std::int64_t> CountByStatus(Connection& db, const Visibility& v,
                                                   const std::vector<TicketStatus>& statuses);
// Tickets with an open timer that is past its warning time (not yet due) / past due at `now`.
std::int64_t TicketsWarnedAt(Connection& db, const Visibility& v, TimeMs now);
std::int64_t TicketsBreachedAt(Connection& db, const Visibility& v, TimeMs now);
// Open tickets per department, and how many of them have an open timer past due at `now`.
struct OpenLoad {
  std::int64_t open = 0;
  std::int64_t breached = 0;
  bool operator==(const OpenLoad&) const = default;
};
std::map<std::optional<Id>, OpenLoad> OpenByDepartment(Connection& db, const Visibility& v, TimeMs now);
// The dashboard's state now, for what `v` sees: the four above (statuses: DashboardStatuses()).
// desk::LiveBoard answers the same from memory.
struct LiveState {
  std::map<TicketStatus, std::int64_t> by_status;  // statuses with none are absent
  std::int64_t warned = 0, breached = 0;
  std::map<std::optional<Id>, OpenLoad> by_department;  // departments holding an open ticket
  bool operator==(const LiveState&) const = default;
};
LiveState LiveStateOf(Connection& db, const Visibility& v, TimeMs now);

// Complaints registered in [from, to).
struct ComplaintCounts {
  std::int64_t total = 0, open = 0, overdue = 0, substantiated = 0;  // overdue: open past its deadline at `now`
  bool operator==(const ComplaintCounts&) const = default;
};
ComplaintCounts CountComplaints(Connection& db, const Visibility& v, TimeMs from, TimeMs to, TimeMs now);
// Most first, ties by key.
std::vector<std::pair<ComplaintCategory, std::int64_t>> ComplaintsByCategory(Connection& db, const Visibility& v,
                                                                             TimeMs from, TimeMs to);
std::vector<std::pair<std::optional<Id>, std::int64_t>> ComplaintsByDepartment(Connection& db, const Visibility& v,
                                                                               TimeMs from, TimeMs to);
struct Complainant {
  Id customer_id = 0;
  std::string customer_name;
  std::int64_t count = 0;
};
// Customers with more than one complaint, the 20 with most (ties by id).
std::vector<std::pair<Id, std::int64_t>> RepeatComplainants(Connection& db, const Visibility& v, TimeMs from,
                                                            TimeMs to);
std::vector<TimeMs> ComplaintTimes(Connection& db, const Visibility& v, TimeMs from, TimeMs to);  // created_at
// The complaint summary's figures, from the five above; desk::LiveBoard answers the same. Weekly:
// per start of `weeks` (ascending, the first at or before `from`), the complaints up to the next.
struct ComplaintFigures {
  ComplaintCounts counts;
  std::vector<std::pair<ComplaintCategory, std::int64_t>> by_category;
  std::vector<std::pair<std::optional<Id>, std::int64_t>> by_department;
  std::vector<std::pair<Id, std::int64_t>> repeat_complainants;  // customer, complaints
  std::vector<std::int64_t> weekly;
  bool operator==(const ComplaintFigures&) const = default;
};
ComplaintFigures ComplaintFiguresOf(Connection& db, const Visibility& v, TimeMs from, TimeMs to, TimeMs now,
                                    const std::vector<TimeMs>& weeks);
// Customers' names by id ("" for one that is gone).
std::map<Id, std::string> CustomerNames(Connection& db, const std::vector<Id>& ids);

// The callback queue: open callbacks of resolved tickets (soonest due first; overdue: due before
// `now`), or done ones (latest first).
enum class CallbackQueue { kOpen, kOverdue, kDone };
struct CallbackRow {
  Callback callback;
  std::string ticket_title;
  std::string customer_name;
  std::string done_by_name;
};
std::vector<CallbackRow> ListCallbacks(Connection& db, const Visibility& v, CallbackQueue queue, TimeMs now, int limit,
                                       int offset);

}  // namespace sqm::desk::repo
