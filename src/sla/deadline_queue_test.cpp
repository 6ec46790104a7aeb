#include "sla/deadline_queue.h"

#include <algorithm>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "calendar/builtin.h"

namespace sqm::sla {
namespace {

using Entry = DeadlineQueue::Entry;

TEST(SlaDeadlineQueue, PopsDueEntriesInOrder) {
  DeadlineQueue q;
  q.Schedule(1, {300, FiringKind::kBreach});
  q.Schedule(2, {100, FiringKind::kWarning});
  q.Schedule(3, {200, FiringKind::kWarning});
  q.Schedule(4, {200, FiringKind::kBreach});
  EXPECT_EQ(q.NextAt(), 100);
  EXPECT_TRUE(q.PopDue(99).empty());
  const auto due = q.PopDue(200);
  EXPECT_EQ(due, (std::vector<Entry>{
                     {100, 2, FiringKind::kWarning}, {200, 3, FiringKind::kWarning}, {200, 4, FiringKind::kBreach}}));
  EXPECT_EQ(q.size(), 1u);
  EXPECT_EQ(q.NextAt(), 300);
}

TEST(SlaDeadlineQueue, RescheduleMovesAndCancelRemoves) {
  DeadlineQueue q;
  q.Schedule(1, {100, FiringKind::kWarning});
  q.Schedule(2, {200, FiringKind::kWarning});
  q.Schedule(1, {500, FiringKind::kBreach});
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q.NextAt(), 200);
  EXPECT_EQ(q.Find(1), (Entry{500, 1, FiringKind::kBreach}));
  EXPECT_TRUE(q.Cancel(2));
  EXPECT_FALSE(q.Cancel(2));
  EXPECT_EQ(q.NextAt(), 500);
  EXPECT_TRUE(q.Cancel(1));
  EXPECT_TRUE(q.empty());
  EXPECT_FALSE(q.NextAt().has_value());
  EXPECT_FALSE(q.Find(1).has_value());
}

TEST(SlaDeadlineQueue, AgreesWithASortedListUnderRandomOperations) {
  std::mt19937 rng(12345);
  DeadlineQueue q;
  std::map<std::int64_t, Entry> model;
  TimeMs now = 0;
  for (int step = 0; step < 20000; ++step) {
    const std::int64_t id = static_cast<std::int64_t>(rng() % 200);
    switch (rng() % 4) {
      case 0:
      case 1: {
        const TimeMs at = now + static_cast<TimeMs>(rng() % 1000);
        q.Schedule(id, {at, FiringKind::kWarning});
        model[id] = {at, id, FiringKind::kWarning};
        break;
      }
      case 2: EXPECT_EQ(q.Cancel(id), model.erase(id) == 1); break;
      default: {
        now += static_cast<TimeMs>(rng() % 50);
        std::vector<Entry> expected;
        for (const auto& [k, e] : model) {
          if (e.at <= now) expected.push_back(e);
        }
        std::sort(expected.begin(), expected.end(),
                  [](const Entry& a, const Entry& b) { return a.at != b.at ? a.at < b.at : a.timer_id < b.timer_id; });
        for (const Entry& e : expected) model.erase(e.timer_id);
        ASSERT_EQ(q.PopDue(now), expected) << "step " << step;
      }
    }
    ASSERT_EQ(q.size(), model.size());
  }
}

TEST(SlaDeadlineQueue, DrivesATimerThroughWarningAndBreach) {
  const auto cal = calendar::BusinessTime::Compile(calendar::BuiltinCnMainland()).value();
  const TimeMs start = ParseIsoTime("2025-01-06T09:00:00+08:00").value();
  Timer t = StartTimer({TimerKind::kResolution, 1, 1, 240, "cn-mainland", 0.75}, start, cal).value();
  t.id = 42;
  DeadlineQueue q;
  q.Reschedule(t);
  ManualClock clock(start);

  clock.Set(ParseIsoTime("2025-01-06T11:59:59.999+08:00").value());
  EXPECT_TRUE(q.PopDue(clock.Now()).empty());
  clock.Advance(1);
  auto due = q.PopDue(clock.Now());
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].kind, FiringKind::kWarning);
  t = MarkFired(t, FiringKind::kWarning, clock.Now(), cal).value();
  q.Reschedule(t);
  EXPECT_EQ(q.NextAt(), ParseIsoTime("2025-01-06T14:00:00.001+08:00").value());

  // Paused at 13:30 with 30 minutes left (the breach entry goes away); resumed at 15:00, due 15:30.
  t = PauseTimer(t, ParseIsoTime("2025-01-06T13:30:00+08:00").value(), cal).value();
  q.Reschedule(t);
  EXPECT_TRUE(q.empty());
  t = ResumeTimer(t, ParseIsoTime("2025-01-06T15:00:00+08:00").value(), cal).value();
  q.Reschedule(t);
  EXPECT_EQ(q.NextAt(), ParseIsoTime("2025-01-06T15:30:00.001+08:00").value());

  clock.Set(ParseIsoTime("2025-01-06T16:00:00+08:00").value());
  due = q.PopDue(clock.Now());
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].kind, FiringKind::kBreach);
  EXPECT_EQ(due[0].timer_id, 42);
  t = MarkFired(t, FiringKind::kBreach, clock.Now(), cal).value();
  q.Reschedule(t);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(t.state, TimerState::kBreached);
}

}  // namespace
}  // namespace sqm::sla
