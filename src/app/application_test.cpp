// The composition root builds a whole server in process: migrated, wired, serving, and shut down
// once. Two of them run side by side, which is what "no globals" buys.
#include "app/application.h"

#include <filesystem>
#include <future>
#include <thread>

#include <gtest/gtest.h>

namespace sqm::app {
namespace {

class ApplicationTest : public ::testing::Test {
 protected:
  std::filesystem::path DbPath(const std::string& name) {
    auto dir =
        std::filesystem::temp_directory_path() / ("sqm_app_" + std::to_string(::getpid()) + "_" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    dirs_.push_back(dir);
    std::filesystem::remove_all(dir);
    return dir / "nested" / (name + ".db");  // the folder does not exist yet
  }
  void TearDown() override {
    for (const auto& d : dirs_) std::filesystem::remove_all(d);
  }
  static Options OptionsFor(const std::filesystem::path& path) {
    Options o;
    o.database.url = path.string();
    o.access_log = false;
    return o;
  }

  ManualClock clock_{1'790'000'000'000};
  std::vector<std::filesystem::path> dirs_;
};

TEST_F(ApplicationTest, MigratesWiresAndLoadsOnConstruction) {
  Application app(OptionsFor(DbPath("one")), clock_);
  EXPECT_FALSE(app.applied_migrations().empty());
  EXPECT_TRUE(app.calendars().Find("cn-mainland").has_value());  // calendars loaded
  bool login = false, tickets = false, events = false;
  for (const auto& r : app.router().routes()) {
    login |= r.method == "POST" && r.pattern == "/api/v1/auth/login";
    tickets |= r.method == "GET" && r.pattern == "/api/v1/tickets";
    events |= r.method == "GET" && r.pattern == "/api/v1/events";
  }
  EXPECT_TRUE(login && tickets && events) << "every module's routes are added";
}

TEST_F(ApplicationTest, ReopeningAMigratedDatabaseAppliesNothing) {
  const auto path = DbPath("again");
  { Application first(OptionsFor(path), clock_); }
  Application second(OptionsFor(path), clock_);
  EXPECT_TRUE(second.applied_migrations().empty());
}

TEST_F(ApplicationTest, TwoApplicationsRunSideBySide) {
  Application a(OptionsFor(DbPath("a")), clock_);
  Application b(OptionsFor(DbPath("b")), clock_);
  const org::Principal system = org::Principal::System();
  ASSERT_TRUE(a.org().CreateDepartment(system, {"甲中心", std::nullopt, "A"}).ok());
  EXPECT_EQ(a.org().ListDepartments(system)->size(), 1u);
  EXPECT_TRUE(b.org().ListDepartments(system)->empty()) << "b has its own database";
}

// Wiring of calendar::RunOutWatch: the calendars of active policies, told to every active admin
// through the desk's notifications (the watch's own rules are tested in calendar/).
TEST_F(ApplicationTest, TellsTheAdministratorsWhenAPolicysCalendarRunsOutOfHolidays) {
  Application app(OptionsFor(DbPath("run_out")), clock_);
  const org::Principal system = org::Principal::System();
  auto dept = app.org().CreateDepartment(system, {"服务台", std::nullopt, "DESK"});
  ASSERT_TRUE(dept.ok());
  auto staff = [&](const std::string& username, const std::string& role) {
    auto s = app.org().CreateStaffAsSystem({.username = username,
                                            .display_name = username,
                                            .department_id = dept->id,
                                            .roles = {role},
                                            .password = "Tq7!vRw2#pLm9x"});
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return s.ok() ? s->id : 0;
  };
  const org::Id admin = staff("root2", "admin"), agent = staff("agent1", "agent");
  auto notifications = [&](org::Id who) {
    return app.database().Read([&](storage::Connection& c) {
      std::vector<std::string> out;
      for (const auto& r :
           c.Query("SELECT kind, message FROM notifications WHERE recipient_id = ? AND ticket_id IS NULL"
                   " ORDER BY id",
                   {who}))
        out.push_back(r.Text(0) + " " + r.Text(1));
      return out;
    });
  };

  clock_.Set(*ParseIsoTime("2026-12-01T09:00:00+08:00"));  // cn-mainland knows 2025-2026
  sla::Policy policy;
  policy.name = "round the clock";
  policy.targets = {{sla::TimerKind::kResolution, 60, "24x7"}};
  ASSERT_TRUE(app.sla().CreatePolicy("quality", policy).ok());
  ASSERT_TRUE(app.run_out_watch().Check().ok());
  EXPECT_TRUE(notifications(admin).empty()) << "24x7 never runs out; cn-mainland is in no policy";

  policy.name = "office hours";
  policy.targets = {{sla::TimerKind::kResolution, 480, "cn-mainland"}};
  ASSERT_TRUE(app.sla().CreatePolicy("quality", policy).ok());
  auto sent = app.run_out_watch().Check();
  ASSERT_TRUE(sent.ok());
  ASSERT_EQ(sent->size(), 1u);
  const auto told = notifications(admin);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].rfind("calendar_run_out ", 0), 0u) << told[0];
  EXPECT_NE(told[0].find("2026-12-31"), std::string::npos) << told[0];
  EXPECT_TRUE(notifications(agent).empty());
  ASSERT_TRUE(app.run_out_watch().Check().ok());
  EXPECT_EQ(notifications(admin).size(), 1u) << "once per calendar and year";
}

TEST_F(ApplicationTest, ServesUntilStoppedThenShutsDownOnce) {
  Application app(OptionsFor(DbPath("serve")), clock_);
  http::ServerOptions so;
  so.port = 0;
  so.workers = 2;
  std::promise<std::uint16_t> listening;
  std::thread serving(
      [&] { app.Serve(so, /*handle_signals=*/false, [&](std::uint16_t port) { listening.set_value(port); }); });
  const auto port = listening.get_future().get();
  EXPECT_GT(port, 0);
  app.StopServing();
  serving.join();
  // Serve() shut everything down: the database takes no more writes.
  auto late = app.database().Write("test", [](storage::WriteTx&) -> Status { return {}; });
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kUnavailable);
  app.Shutdown();  // idempotent
}

}  // namespace
}  // namespace sqm::app
