// The dashboard's board (desk/live_board.h) in a whole server (issue 13): rebuilt, then kept by
// the analytics tail while the real services make a random history — tickets and complaints (about
// a person or a department) registered by people of different departments, every action the
// lifecycle allows, transfers and assignments across departments, the clock moving through
// warnings and breaches (fired or not), staff members moved. After each round, for an executive, a
// quality manager, a manager overseeing complaints, agents, engineers and a person with no ticket,
// what the board answers equals what the SQL answers at the same instant: the dashboard's state
// (repo::LiveStateOf) and the complaint summary's figures over two windows
// (repo::ComplaintFiguresOf; complaints of three customers, every category, deadlines, found
// substantiated or not, moved to another department).
// SQLite, or PostgreSQL under SQM_TEST_DB=postgres.
#include "desk/live_board.h"

#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/server_fixture.h"
#include "desk/repo/reports.h"
#include "desk/rules.h"

namespace sqm::app {
namespace {

using desk::Action;
using desk::repo::ComplaintFigures;
using desk::repo::LiveState;

std::string Show(const LiveState& s) {
  std::string out;
  for (const auto& [status, n] : s.by_status) out += fmt::format("{}={} ", desk::Name(status), n);
  out += fmt::format("warned={} breached={} |", s.warned, s.breached);
  for (const auto& [d, load] : s.by_department) {
    out += fmt::format(" {}:{}/{}", d ? std::to_string(*d) : "queue", load.open, load.breached);
  }
  return out;
}

std::string Show(const ComplaintFigures& f) {
  std::string out = fmt::format("total={} open={} overdue={} substantiated={} |", f.counts.total, f.counts.open,
                                f.counts.overdue, f.counts.substantiated);
  for (const auto& [c, n] : f.by_category) out += fmt::format(" {}={}", desk::Name(c), n);
  out += " |";
  for (const auto& [d, n] : f.by_department) out += fmt::format(" {}={}", d ? std::to_string(*d) : "none", n);
  out += " |";
  for (const auto& [c, n] : f.repeat_complainants) out += fmt::format(" {}x{}", c, n);
  out += " |";
  for (auto n : f.weekly) out += fmt::format(" {}", n);
  return out;
}

class LiveBoardTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    AddSecondLevel();
    idle_ = Staff("idle", desk_dept_, {"agent"});
  }

  std::vector<org::Principal> Callers() {
    return {org::Principal::System(), quality_, manager_, agent_, agent2_, engineer_, engineer2_, idle_};
  }

  void ExpectBoardEqualsSql(const std::string& where) {
    const TimeMs now = clock_.Now();
    for (const auto& who : Callers()) {
      const auto v = desk::repo::VisibilityOf(who);
      const LiveState board = app_->live_board().Read(v, now);
      const LiveState sql =
          app_->database().Read([&](storage::Connection& c) { return desk::repo::LiveStateOf(c, v, now); });
      EXPECT_EQ(board, sql) << where << ", " << who.username << "\n board: " << Show(board)
                            << "\n   sql: " << Show(sql);
      seen_warned_ = seen_warned_ || sql.warned > 0;
      seen_breached_ = seen_breached_ || sql.breached > 0;
      // The complaint summary over all of it and over the last day, by week.
      for (const TimeMs from : {Shanghai(-1, 0), now - 24 * 3600 * 1000}) {
        std::vector<TimeMs> weeks;
        for (TimeMs w = from; w <= now; w += 2 * 3600 * 1000) weeks.push_back(w);  // any ascending starts
        const ComplaintFigures mine = app_->live_board().Complaints(v, now, from, now + 1, weeks);
        const ComplaintFigures theirs = app_->database().Read(
            [&](storage::Connection& c) { return desk::repo::ComplaintFiguresOf(c, v, from, now + 1, now, weeks); });
        EXPECT_EQ(mine, theirs) << where << ", " << who.username << ", complaints from " << from
                                << "\n board: " << Show(mine) << "\n   sql: " << Show(theirs);
        seen_repeat_ = seen_repeat_ || !theirs.repeat_complainants.empty();
        seen_overdue_ = seen_overdue_ || theirs.counts.overdue > 0;
      }
    }
  }

  // The principal of `name` again (a move changes their scope).
  org::Principal Again(const std::string& name) {
    return app_->org().Login(name, "Demo-pass-2026", "t").value().principal;
  }

  org::Principal idle_;
  bool seen_warned_ = false, seen_breached_ = false, seen_repeat_ = false, seen_overdue_ = false;
};

TEST_F(LiveBoardTest, FollowsARandomHistoryAndEqualsTheSql) {
  std::mt19937_64 rng(2026);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<std::int64_t> departments = {desk_dept_, tech_dept_, tech_l2_};
  std::vector<std::int64_t> tickets;
  int acted = 0, refused = 0, moved = 0, complaints = 0;

  auto registrars = [&] { return std::vector<org::Principal*>{&agent_, &agent2_, &engineer_, &manager_}; };
  std::vector<std::int64_t> customers = {customer_};
  for (const char* phone : {"13900000002", "13900000003"}) {
    customers.push_back(app_->catalogue()
                            .CreateCustomer(agent_, {"客户", "person", std::nullopt, "standard", phone, "", {}})
                            .value()
                            .id);
  }
  const auto& categories = desk::Labels<desk::ComplaintCategory>();
  auto register_one = [&] {
    org::Principal& who = *registrars()[pick(4)];
    desk::TicketDraft d = Draft();
    d.registration.customer_id = customers[pick(customers.size())];
    if (pick(3) == 0) {
      d.registration.type = desk::TicketType::kComplaint;
      desk::ComplaintDraft c;
      c.category = categories[pick(categories.size())].value;
      if (pick(2) == 0) c.deadline_at = clock_.Now() + static_cast<TimeMs>(pick(48)) * 3600 * 1000;
      if (pick(2) == 0) {
        c.about_staff_id = std::vector<std::int64_t>{engineer_.staff_id, engineer2_.staff_id, agent_.staff_id}[pick(3)];
      } else {
        c.about_department_id = departments[pick(3)];
      }
      d.complaint = c;
      ++complaints;
    }
    if (pick(2) == 0) d.department_id = departments[pick(3)];
    auto r = app_->desk().Register(who, d);
    ASSERT_TRUE(r.ok()) << r.error().message;
    tickets.push_back(r->ticket.id);
  };
  auto act_on_one = [&] {
    const std::int64_t id = tickets[pick(tickets.size())];
    const auto t = app_->database().Read([&](storage::Connection& c) { return desk::repo::FindTicket(c, id); });
    ASSERT_TRUE(t.has_value());
    const auto allowed = desk::AllowedActions(t->status);
    if (allowed.empty()) return;
    desk::ActionInput in;
    in.action = allowed[pick(allowed.size())];
    in.note = "处理";
    if (in.action == Action::kMerge || in.action == Action::kEscalate) return;
    if (t->type == desk::TicketType::kComplaint && pick(4) == 0) {
      // Found substantiated or not, or about someone else.
      desk::ComplaintPatch patch;
      if (pick(2) == 0) {
        patch.substantiated = std::optional<bool>(pick(2) == 0);
      } else {
        patch.about_department_id = std::optional<std::int64_t>(departments[pick(3)]);
      }
      auto r = app_->desk().UpdateComplaint(quality_, id, patch);
      r.ok() ? ++acted : ++refused;
      return;
    }
    if (in.action == Action::kTransfer) in.department_id = departments[pick(3)];
    if (in.action == Action::kAssign) {
      in.assignee_id = std::vector<std::int64_t>{engineer_.staff_id, engineer2_.staff_id, agent2_.staff_id}[pick(3)];
    }
    if (in.action == Action::kCallback) {
      in.reached = true;
      in.resolved = pick(3) == 0 ? desk::CallbackResolved::kNotResolved : desk::CallbackResolved::kResolved;
      in.satisfaction = desk::Satisfaction::kSatisfied;
    }
    // Whoever holds it may act; System sees and may do everything else.
    auto r = app_->desk().Act(pick(2) == 0 ? quality_ : org::Principal::System(), id, in);
    r.ok() ? ++acted : ++refused;
  };

  for (int i = 0; i < 6; ++i) register_one();
  app_->analytics().Rebuild();
  ASSERT_TRUE(app_->live_board().ready());
  ExpectBoardEqualsSql("after the rebuild");

  for (int round = 0; round < 30; ++round) {
    for (int step = 0; step < 8; ++step) {
      const std::size_t what = pick(20);
      if (what < 4) {
        register_one();
      } else if (what < 15) {
        act_on_one();
      } else if (what < 19) {
        clock_.Set(clock_.Now() + static_cast<TimeMs>(1 + pick(180)) * 60'000);
        if (pick(2) == 0) app_->sla().FireDue();
      } else {
        // A person moved: the complaints about them are seen from their new department.
        org::StaffPatch move;
        move.department_id = departments[pick(3)];
        const bool first = pick(2) == 0;
        ASSERT_TRUE(
            app_->org().UpdateStaff(org::Principal::System(), (first ? engineer2_ : agent2_).staff_id, move).ok());
        (first ? engineer2_ : agent2_) = Again(first ? "engineer2" : "agent2");
        ++moved;
      }
    }
    CatchUp();
    ExpectBoardEqualsSql(fmt::format("round {}", round));
    if (HasFailure()) break;
  }
  // Rebuilt from the tables as they are now: closed and cancelled complaints, tickets resolved
  // with timers still open, the intake queue.
  app_->analytics().Rebuild();
  ExpectBoardEqualsSql("after a second rebuild");
  const auto gone = app_->database().Read([](storage::Connection& c) {
    return c.QueryOne("SELECT count(*) FROM tickets WHERE type = 'complaint' AND status IN ('closed', 'cancelled')")
        ->Int(0);
  });
  EXPECT_GT(gone, 0) << "complaints closed or cancelled";
  // The history did what it is meant to test.
  EXPECT_GT(acted, 60);
  EXPECT_GT(complaints, 5);
  EXPECT_GT(moved, 0);
  EXPECT_TRUE(seen_warned_);
  EXPECT_TRUE(seen_breached_);
  EXPECT_TRUE(seen_repeat_);
  EXPECT_TRUE(seen_overdue_);
  EXPECT_EQ(app_->analytics().stats().fallbacks, 0);
  RecordProperty("refused", refused);
}

// Until its first rebuild the board is not ready, and the dashboard reads the SQL.
TEST_F(LiveBoardTest, BeforeTheRebuildTheSqlAnswers) {
  Register(agent_);
  EXPECT_FALSE(app_->live_board().ready());
  const auto d = app_->reports().GetDashboard(agent_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->open_by_status.front().second, 1);
}

}  // namespace
}  // namespace sqm::app
