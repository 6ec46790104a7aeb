#include "calendar/run_out_watch.h"

#include <condition_variable>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "calendar/registry.h"
#include "storage/event_log.h"
#include "storage/testing.h"

namespace sqm::calendar {
namespace {

TimeMs At(const char* iso) {
  return *ParseIsoTime(iso);
}

// One server: a database handle, its registry and its watch, on the shared test database.
struct Server {
  Server(const std::string& url, const Clock& clock)
      : db(storage::DatabaseOptions{.url = url}, clock), registry(db), watch(db, clock) {
    db.Migrate();
    EXPECT_TRUE(registry.Load().ok());
    watch.SetNotify([this](storage::WriteTx&, std::string_view kind, const Message& m) -> Status {
      std::lock_guard lock(mu);
      if (fail) return Error::Invalid("", "the notification could not be written");
      notified.push_back(std::string(kind) + " " + m.key + " " + m.text);
      cv.notify_all();
      return {};
    });
  }
  std::vector<std::string> Notified() {
    std::lock_guard lock(mu);
    return notified;
  }

  storage::Database db;
  Registry registry;
  RunOutWatch watch;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> notified;
  bool fail = false;
};

class RunOutWatchTest : public ::testing::Test {
 protected:
  void SetUp() override { one_ = std::make_unique<Server>(file_.url(), clock_); }
  std::vector<RunOutNotice> Check(Server& s) {
    auto r = s.watch.Check();
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : std::vector<RunOutNotice>{};
  }
  std::vector<storage::Event> Events(Server& s) {
    return s.db.Read([](storage::Connection& c) {
      return storage::ListEvents(c, {.type = "calendar.run_out_notified", .limit = 50}).events;
    });
  }

  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  // cn-mainland knows 2025 and 2026: its notice falls due at 2026-11-02 00:00 in Beijing.
  ManualClock clock_{At("2026-11-01T23:59:00+08:00")};
  std::unique_ptr<Server> one_;
};

TEST_F(RunOutWatchTest, NotifiesOnceSixtyDaysBeforeTheDataRunsOut) {
  EXPECT_TRUE(Check(*one_).empty());
  EXPECT_EQ(one_->watch.NextCheckAt(), At("2026-11-02T00:00:00+08:00")) << "wakes when the notice falls due";

  clock_.Set(At("2026-11-02T00:00:00+08:00"));
  const auto sent = Check(*one_);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].code, "cn-mainland");
  EXPECT_EQ(sent[0].run_out.known.last, 2026);
  ASSERT_EQ(one_->Notified().size(), 1u);
  EXPECT_EQ(one_->Notified()[0].rfind("calendar_run_out notification.calendar_run_out ", 0), 0u) << one_->Notified()[0];
  const auto events = Events(*one_);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].entity_id, "cn-mainland");

  // Not every day: the next checks, today and on later days, send nothing.
  EXPECT_TRUE(Check(*one_).empty());
  clock_.Advance(kMsPerDay);
  EXPECT_TRUE(Check(*one_).empty());
  EXPECT_EQ(one_->watch.NextCheckAt(), clock_.Now() + RunOutWatch::kMaxWait);
  clock_.Set(At("2027-02-01T09:00:00+08:00"));  // ran out, still not told again
  EXPECT_TRUE(Check(*one_).empty());
  EXPECT_EQ(one_->Notified().size(), 1u);
}

TEST_F(RunOutWatchTest, AddingTheNextYearMovesTheNoticeAYear) {
  clock_.Set(At("2026-11-20T10:00:00+08:00"));
  ASSERT_EQ(Check(*one_).size(), 1u);
  auto imported = one_->registry.Import("quality", "cn-mainland", R"([{"date": "2027-01-01", "kind": "holiday"}])");
  ASSERT_TRUE(imported.ok());
  EXPECT_TRUE(Check(*one_).empty());
  EXPECT_EQ(one_->watch.NextCheckAt(), clock_.Now() + RunOutWatch::kMaxWait);

  clock_.Set(At("2027-11-01T23:59:59+08:00"));
  EXPECT_TRUE(Check(*one_).empty());
  EXPECT_EQ(one_->watch.NextCheckAt(), At("2027-11-02T00:00:00+08:00"));
  clock_.Set(At("2027-11-02T00:00:00+08:00"));
  const auto sent = Check(*one_);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].run_out.known.last, 2027);
  EXPECT_NE(one_->Notified().back().find("until 2027-12-31"), std::string::npos) << one_->Notified().back();
}

TEST_F(RunOutWatchTest, OnlyCalendarsInUseAndOnlyThoseThatCanRunOut) {
  clock_.Set(At("2026-12-01T10:00:00+08:00"));
  one_->watch.SetInUse([]() -> Result<std::set<std::string>> { return std::set<std::string>{"24x7"}; });
  EXPECT_TRUE(Check(*one_).empty()) << "24x7 has no holidays; cn-mainland is not in use";
  one_->watch.SetInUse([]() -> Result<std::set<std::string>> { return Error::Invalid("", "no policies"); });
  EXPECT_FALSE(one_->watch.Check().ok());
  one_->watch.SetInUse([]() -> Result<std::set<std::string>> { return std::set<std::string>{"cn-mainland"}; });
  EXPECT_EQ(Check(*one_).size(), 1u);
}

TEST_F(RunOutWatchTest, AFailedNotificationRecordsNothingAndTheNextCheckSendsIt) {
  clock_.Set(At("2026-12-01T10:00:00+08:00"));
  one_->fail = true;
  EXPECT_FALSE(one_->watch.Check().ok());
  EXPECT_TRUE(Events(*one_).empty());
  one_->fail = false;
  EXPECT_EQ(Check(*one_).size(), 1u);
  EXPECT_EQ(one_->Notified().size(), 1u);
}

TEST_F(RunOutWatchTest, ARestartedServerDoesNotNotifyAgain) {
  clock_.Set(At("2026-12-01T10:00:00+08:00"));
  ASSERT_EQ(Check(*one_).size(), 1u);
  one_.reset();
  one_ = std::make_unique<Server>(file_.url(), clock_);
  EXPECT_TRUE(Check(*one_).empty()) << "the notice is recorded in the database, not in the process";
  EXPECT_TRUE(one_->Notified().empty());
  EXPECT_EQ(Events(*one_).size(), 1u);
}

// Several servers share a PostgreSQL database (a SQLite file belongs to one server: its writer
// keeps the event chain's head, see storage/database.h).
TEST_F(RunOutWatchTest, SeveralServersOnOneDatabaseNotifyOnce) {
  if (file_.dialect() != storage::Dialect::kPostgres) GTEST_SKIP() << "several servers need PostgreSQL";
  Server two(file_.url(), clock_);
  clock_.Set(At("2026-12-01T10:00:00+08:00"));
  std::vector<RunOutNotice> a, b;
  std::thread first([&] { a = Check(*one_); });
  std::thread second([&] { b = Check(two); });
  first.join();
  second.join();
  EXPECT_EQ(a.size() + b.size(), 1u);
  EXPECT_EQ(one_->Notified().size() + two.Notified().size(), 1u);
  EXPECT_EQ(Events(two).size(), 1u);
  // A calendar edited on one server counts on the other at once (definitions are read in the check).
  ASSERT_TRUE(one_->registry.Import("admin", "cn-mainland", R"([{"date": "2027-10-01", "kind": "holiday"}])").ok());
  clock_.Set(At("2027-11-02T08:00:00+08:00"));
  EXPECT_EQ(Check(two).size(), 1u);
  EXPECT_TRUE(Check(*one_).empty());
}

TEST_F(RunOutWatchTest, TheThreadChecksAtOnceWhenStarted) {
  clock_.Set(At("2026-12-01T10:00:00+08:00"));
  one_->watch.Start();
  {
    std::unique_lock lock(one_->mu);
    ASSERT_TRUE(one_->cv.wait_for(lock, std::chrono::seconds(30), [&] { return !one_->notified.empty(); }));
  }
  one_->watch.Stop();
  one_->watch.Stop();  // idempotent
  EXPECT_EQ(one_->Notified().size(), 1u);
}

}  // namespace
}  // namespace sqm::calendar
