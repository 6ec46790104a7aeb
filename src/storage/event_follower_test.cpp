#include "storage/event_follower.h"

#include <gtest/gtest.h>

#include "storage/testing.h"

namespace sqm::storage {
namespace {

// Runs on SQLite, or on PostgreSQL under SQM_TEST_DB=postgres (storage/testing.h).
class EventFollowerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>(DatabaseOptions{test_db_.url()}, clock_);
    db_->Migrate();
  }
  void Append(const std::string& entity, const std::string& id, const std::string& type) {
    auto r = db_->Write("tester", [&](WriteTx& tx) -> Result<int> {
      tx.Append(entity, id, type, {});
      return 0;
    });
    ASSERT_TRUE(r.ok());
  }

  testing::TestDb test_db_;
  ManualClock clock_{1'700'000'000'000};
  std::unique_ptr<Database> db_;
};

TEST_F(EventFollowerTest, HandsEachSubscriptionItsNewEventsOnceInOrder) {
  Append("ticket", "1", "sla.timer_started");  // before the follower: not handed over
  EventFollower follower(*db_, {.batch = 2});
  std::vector<std::string> sla, calendars;
  follower.Subscribe({.entity = "ticket", .type = "sla."}, [&](const std::vector<Event>& events) {
    for (const Event& e : events) sla.push_back(e.entity_id + " " + e.type);
  });
  follower.Subscribe({.entity = "calendar"}, [&](const std::vector<Event>& events) {
    for (const Event& e : events) calendars.push_back(e.entity_id + " " + e.type);
  });
  EXPECT_EQ(follower.Poll(), 0);

  Append("ticket", "2", "ticket.created");
  Append("ticket", "2", "sla.timer_started");
  Append("calendar", "cn-mainland", "calendar.updated");
  Append("ticket", "3", "sla.timer_started");
  Append("ticket", "2", "sla.timer_stopped");
  EXPECT_EQ(follower.Poll(), 3);  // two of three SLA events (the batch), the calendar one
  EXPECT_EQ(follower.Poll(), 1);  // the third
  EXPECT_EQ(follower.Poll(), 0);
  EXPECT_EQ(sla, (std::vector<std::string>{"2 sla.timer_started", "3 sla.timer_started", "2 sla.timer_stopped"}));
  EXPECT_EQ(calendars, (std::vector<std::string>{"cn-mainland calendar.updated"}));
}

TEST_F(EventFollowerTest, MovesPastEventsThatMatchNothing) {
  EventFollower follower(*db_);
  int handed = 0;
  follower.Subscribe({.entity = "calendar"}, [&](const std::vector<Event>& events) { handed += events.size(); });
  for (int i = 0; i < 5; ++i) Append("ticket", std::to_string(i), "ticket.created");
  EXPECT_EQ(follower.Poll(), 0);
  EXPECT_EQ(follower.seen_seq(0), db_->Read([](Connection& c) { return HeadSeq(c); }));
  Append("calendar", "24x7", "calendar.updated");
  EXPECT_EQ(follower.Poll(), 1);
  EXPECT_EQ(handed, 1);
}

TEST_F(EventFollowerTest, StartsAndStopsItsThread) {
  EventFollower follower(*db_, {.interval = std::chrono::milliseconds(1)});
  follower.Subscribe({.entity = "ticket"}, [](const std::vector<Event>&) {});
  follower.Start();
  follower.Stop();
  follower.Stop();  // idempotent
}

}  // namespace
}  // namespace sqm::storage
