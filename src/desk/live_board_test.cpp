// The board on its own, at the instants where a flag changes (sla/repo.h's TimerBreachedAt and
// TimerWarningAt: breached from due + 1 ms, or always once marked; warned over [warning, due] of a
// running timer only), with tickets replaced and removed, a staff member moved, and many tickets
// in and out of its table. app/live_board_test.cpp checks it against the SQL on random histories.
#include "desk/live_board.h"

#include <random>

#include <gtest/gtest.h>

namespace sqm::desk {
namespace {

using repo::LiveState;
using repo::LiveTicket;
using repo::LiveTimer;
using repo::Visibility;

Visibility All() {
  return {org::Scope{.all = true, .departments = {}}, 0, false};
}

LiveTicket Ticket(Id id, TicketStatus status, std::optional<Id> department, std::vector<LiveTimer> timers = {}) {
  LiveTicket t;
  t.id = id;
  t.status = status;
  t.department_id = department;
  t.open_timers = std::move(timers);
  return t;
}

void Fill(LiveBoard& board, const std::vector<LiveTicket>& tickets,
          const std::vector<std::pair<Id, std::optional<Id>>>& staff = {}, TimeMs now = 0) {
  board.Rebuild(
      [&](const auto& put) {
        for (const auto& t : tickets) put(t);
      },
      staff, now);
}

TEST(LiveBoard, FlagsChangeExactlyWhereTheSqlsConditionsDo) {
  LiveBoard board;
  // 1: running, warned over [100, 200], breached from 201. 2: paused in that window (never warned).
  // 3: marked breached, due later (breached now). 4: two running timers whose windows overlap and
  // one later: warned over [300, 450] and [600, 700], once each; breached from 401.
  Fill(board, {Ticket(1, TicketStatus::kInProgress, 10, {{false, true, 100, 200}}),
               Ticket(2, TicketStatus::kWaitingCustomer, 10, {{false, false, 100, 200}}),
               Ticket(3, TicketStatus::kResolved, std::nullopt, {{true, false, std::nullopt, 5000}}),
               Ticket(4, TicketStatus::kAccepted, 11,
                      {{false, true, 300, 400}, {false, true, 350, 450}, {false, true, 600, 700}})});
  struct Want {
    TimeMs at;
    std::int64_t warned, breached, breached_in_10;
  };
  for (const Want& w : std::vector<Want>{{99, 0, 1, 0},
                                         {100, 1, 1, 0},
                                         {200, 1, 1, 0},
                                         {201, 0, 3, 2},
                                         {300, 1, 3, 2},
                                         {400, 1, 3, 2},
                                         {401, 1, 4, 2},
                                         {450, 1, 4, 2},
                                         {451, 0, 4, 2},
                                         {599, 0, 4, 2},
                                         {600, 1, 4, 2},
                                         {700, 1, 4, 2},
                                         {701, 0, 4, 2},
                                         {700, 0, 4, 2}}) {  // an earlier instant reads as of the cursor
    LiveState s = board.Read(All(), w.at);
    EXPECT_EQ(s.warned, w.warned) << "at " << w.at;
    EXPECT_EQ(s.breached, w.breached) << "at " << w.at;
    EXPECT_EQ(s.by_department[10].breached, w.breached_in_10) << "at " << w.at;
  }
  const LiveState s = board.Read(All(), 800);
  EXPECT_EQ(s.by_status.at(TicketStatus::kInProgress), 1);
  EXPECT_EQ(s.by_status.at(TicketStatus::kResolved), 1);
  EXPECT_EQ(s.by_department.size(), 2u);  // the resolved ticket in the queue is not open load
  EXPECT_EQ((s.by_department.at(10)), (repo::OpenLoad{2, 2}));
}

TEST(LiveBoard, APutReplacesWhatTheTicketWasAndAStaffMoveMovesTheComplaintsAboutThem) {
  LiveBoard board;
  LiveTicket complaint = Ticket(1, TicketStatus::kNew, 20, {{false, true, 100, 200}});
  complaint.complaint_staff_id = 7;
  complaint.created_by = 8;
  Fill(board, {complaint}, {{7, 30}, {8, 20}});
  // A manager over department 30 sees the complaint about their person 7, held by department 20.
  const Visibility manager{org::Scope{.all = false, .departments = {30}}, 9, true};
  EXPECT_EQ(board.Read(manager, 150).by_department.at(20), (repo::OpenLoad{1, 0}));
  EXPECT_EQ(board.Read(manager, 150).warned, 1);
  // Person 7 moves to 40: no longer.
  board.SetStaffDepartment(7, 40);
  EXPECT_TRUE(board.Read(manager, 150).by_department.empty());
  // The registrar still sees it wherever it goes; transferred to 30, the manager sees it again.
  const Visibility registrar{org::Scope{.all = false, .departments = {50}}, 8, false};
  EXPECT_EQ(board.Read(registrar, 150).by_status.at(TicketStatus::kNew), 1);
  complaint.department_id = 30;
  complaint.status = TicketStatus::kClosed;  // closed with an open timer: still counts as warned
  board.Put(1, complaint);
  LiveState s = board.Read(manager, 160);
  EXPECT_TRUE(s.by_status.empty());
  EXPECT_EQ(s.warned, 1);
  EXPECT_EQ(board.Read(registrar, 160).warned, 1);
  // Gone from the board: nothing left anywhere, and its pending changes are gone too.
  board.Put(1, std::nullopt);
  EXPECT_EQ(board.size().pending, 0u);
  EXPECT_EQ(board.size().tickets, 0u);
  EXPECT_EQ(board.Read(All(), 250), LiveState{});
}

// Complaints in any order at a rebuild, changed in place, one no longer a complaint, an older
// ticket made one: the summary counts each once, as it is now.
TEST(LiveBoard, ComplaintsAreCountedOnceAsTheyAreNow) {
  auto complaint = [](Id id, TicketStatus status, TimeMs at, ComplaintCategory category) {
    LiveTicket t = Ticket(id, status, 10);
    t.complaint = repo::LiveComplaint{at, category, false, std::nullopt, 77};
    return t;
  };
  LiveBoard board;
  Fill(board, {complaint(9, TicketStatus::kClosed, 100, ComplaintCategory::kOutcome),
               complaint(3, TicketStatus::kNew, 200, ComplaintCategory::kAttitude),
               complaint(6, TicketStatus::kCancelled, 300, ComplaintCategory::kAttitude)});
  const std::vector<TimeMs> weeks = {0, 250};
  auto figures = [&] { return board.Complaints(All(), 1000, 0, 1000, weeks); };
  repo::ComplaintFigures f = figures();
  EXPECT_EQ(f.counts.total, 3);
  EXPECT_EQ(f.counts.open, 1);
  EXPECT_EQ(f.weekly, (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(f.repeat_complainants, (std::vector<std::pair<Id, std::int64_t>>{{77, 3}}));
  // 3 closed, 6 no longer a complaint, 4 (older than 6 and 9) made one.
  board.Put(3, complaint(3, TicketStatus::kClosed, 200, ComplaintCategory::kOther));
  board.Put(6, Ticket(6, TicketStatus::kCancelled, 10));
  board.Put(4, complaint(4, TicketStatus::kNew, 260, ComplaintCategory::kOutcome));
  f = figures();
  EXPECT_EQ(f.counts.total, 3);
  EXPECT_EQ(f.counts.open, 1);
  EXPECT_EQ(f.by_category, (std::vector<std::pair<ComplaintCategory, std::int64_t>>{{ComplaintCategory::kOutcome, 2},
                                                                                    {ComplaintCategory::kOther, 1}}));
  EXPECT_EQ(f.weekly, (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(board.size().tickets, 1u);  // only 4 is live
}

// Many tickets in and out of the open-addressing table (growth, backward-shift deletion, clusters
// wrapping round its end at a load near 3/4): every count stays what the tickets left in it say.
TEST(LiveBoard, ManyTicketsInAndOut) {
  LiveBoard board;
  Fill(board, {});
  std::mt19937_64 rng(5);
  std::map<Id, std::pair<Id, TicketStatus>> held;  // id -> department, status
  const std::vector<TicketStatus> statuses = {TicketStatus::kNew, TicketStatus::kInProgress, TicketStatus::kResolved};
  for (int i = 0; i < 200'000; ++i) {
    const Id id = 1 + static_cast<Id>(rng() % 2'900) * 7919 % 1'000'003;  // ~1,450 held: 2,048 slots
    if (rng() % 2 == 0) {
      board.Put(id, std::nullopt);
      held.erase(id);
    } else {
      const Id department = 1 + static_cast<Id>(rng() % 5);
      const TicketStatus status = statuses[rng() % 3];
      board.Put(id, Ticket(id, status, department));
      held[id] = {department, status};
    }
  }
  std::map<TicketStatus, std::int64_t> by_status;
  std::map<std::optional<Id>, repo::OpenLoad> by_department;
  for (const auto& [id, held_as] : held) {
    by_status[held_as.second]++;
    if (held_as.second != TicketStatus::kResolved) by_department[held_as.first].open++;
  }
  const LiveState s = board.Read(All(), 0);
  EXPECT_EQ(s.by_status, by_status);
  EXPECT_EQ(s.by_department, by_department);
  EXPECT_EQ(board.size().tickets, held.size());
}

}  // namespace
}  // namespace sqm::desk
