// LiveBoard: the desk dashboard's state now — tickets by status, tickets warned and breached now,
// the open load per department — and the complaint summary's complaints, held in memory, so that a dashboard read does
// not count millions of rows (issue 13: a dashboard for 300 departments in 20 ms p99 at 500 requests/s at scale L,
// where the SQL takes seconds). It answers exactly what repo::LiveStateOf answers for the same
// Visibility at the same instant (app/live_board_test.cpp checks both on random histories).
//
// Fed like the analytics engine (app/analytics_tail.h): rebuilt from the tables, then every ticket
// the event log names is read again and put in place of what it was, and every staff member it
// names gets their department again (a complaint about a person is seen from their department).
//
// How it counts:
// - Each live ticket (repo/live.h) keeps its group — department, origin department, and the
//   department and staff member its complaint is about —, its status, assignee and registrar, and,
//   when it holds open timers, its timing: breached from (a timer marked breached: always; else
//   the earliest due + 1 ms) and the intervals it is warned ([warning, due] of running timers,
//   merged).
// - A Tally per group, per (origin, department) pair and per department adds up statuses and flags
//   (breached, warned) as of the board's cursor. A read moves the cursor to its instant and applies the flag changes
//   due by then (a set of pending (time, ticket)); an instant before the cursor reads as of the cursor (the server's
//   clock does not go back; tests' clocks only move forward).
// - Every complaint ticket (any status) keeps what the summary counts (registered, category,
//   substantiated, deadline, customer) with its own key (as a group's), assignee and registrar; a summary reads
//   them all, keeping those in its window that the caller sees (64 bytes and one pass a complaint;
//   a closed complaint makes no group).
// - A caller who sees every department reads the departments' tallies. Any other caller reads
//   the tallies of the intake queue and of the departments of their scope, plus the groups held
//   elsewhere that they see through the origin department (the pairs of their origins) or a
//   complaint (the groups by the department complained about, when held by another one; the groups
//   by the person complained about), plus their own tickets (as assignee or registrar) that no
//   group gave them.
//
// Memory: 24 B per live ticket in an open-addressing table (a std::unordered_map node costs ~56),
// 16 B in the staff members' lists, a Tally per group, pair and department, 64 B per complaint: at
// scale L (2.9 million live tickets, 773,000 complaints) 274 MB by its own count (bench/README.md).
// Thread-safe: one mutex around each call.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "desk/repo/live.h"
#include "desk/repo/reports.h"

namespace sqm::desk {

class LiveBoard {
 public:
  LiveBoard();
  ~LiveBoard();
  LiveBoard(const LiveBoard&) = delete;
  LiveBoard& operator=(const LiveBoard&) = delete;

  // Fills the board again as of `now`: each staff member's department, then every ticket it holds
  // through `put` (callers pass repo::EachLiveTicket); readers see the old board until it is done,
  // then `ready` says true.
  void Rebuild(const std::function<void(const std::function<void(const repo::LiveTicket&)>& put)>& fill,
               const std::vector<std::pair<Id, std::optional<Id>>>& staff_departments, TimeMs now);
  // Ticket `id` as it is now: nullopt when the board no longer holds it.
  void Put(Id id, const std::optional<repo::LiveTicket>& ticket);
  void SetStaffDepartment(Id staff_id, std::optional<Id> department_id);

  bool ready() const;
  // What `v` sees at `now` (see the header comment).
  repo::LiveState Read(const repo::Visibility& v, TimeMs now);

  // The complaint summary's figures: the complaints `v` sees registered in [from, to), overdue as
  // of `now`, per week of `weeks` (see repo::ComplaintFiguresOf, which answers the same).
  repo::ComplaintFigures Complaints(const repo::Visibility& v, TimeMs now, TimeMs from, TimeMs to,
                                    const std::vector<TimeMs>& weeks) const;

  struct Size {
    std::size_t tickets = 0, groups = 0, timed = 0, pending = 0, bytes = 0;
  };
  Size size() const;

 private:
  struct State;
  mutable std::mutex mu_;
  std::unique_ptr<State> state_;
};

}  // namespace sqm::desk
