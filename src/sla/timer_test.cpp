#include <string>

#include <gtest/gtest.h>

#include "calendar/builtin.h"
#include "sla/rules.h"

namespace sqm::sla {
namespace {

using calendar::BusinessTime;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

TimeMs Bj(const std::string& local) {
  return ParseIsoTime(local + ":00+08:00").value();
}
std::string Show(std::optional<TimeMs> t) {
  return t ? FormatIsoUtc(*t + 8 * kHour).substr(0, 23) + "+08:00" : "(none)";
}

const BusinessTime& Cn() {
  static const BusinessTime kBt = BusinessTime::Compile(calendar::BuiltinCnMainland()).value();
  return kBt;
}

TimerSpec Spec(std::int64_t minutes, TimerKind kind = TimerKind::kResolution) {
  return TimerSpec{kind, 7, 2, minutes, "cn-mainland", 0.75};
}

Timer Must(Result<Timer> r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : Timer{};
}

TEST(SlaTimer, StartComputesDueAndWarning) {
  // Monday 09:00, 4 business hours: warning at 3h = 12:00 (the lunch edge), due 14:00.
  const Timer t = Must(StartTimer(Spec(240), Bj("2025-01-06T09:00"), Cn()));
  EXPECT_EQ(t.state, TimerState::kRunning);
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T14:00")));
  EXPECT_EQ(Show(t.warning_at), Show(Bj("2025-01-06T12:00")));
  EXPECT_EQ(t.policy_id, 7);
  EXPECT_EQ(t.policy_version, 2);
}

TEST(SlaTimer, WarnsAtSeventyFivePercent) {
  const Timer t = Must(StartTimer(Spec(240), Bj("2025-01-06T09:00"), Cn()));
  EXPECT_FALSE(Evaluate(t, Bj("2025-01-06T12:00") - 1, Cn()).warning_reached);
  const TimerStatus at_warning = Evaluate(t, Bj("2025-01-06T12:00"), Cn());
  EXPECT_TRUE(at_warning.warning_reached);
  EXPECT_EQ(at_warning.elapsed_business_ms, 3 * kHour);
  EXPECT_EQ(at_warning.remaining_business_ms, kHour);
  // Lunch is not business time: still exactly one hour left at 12:59.
  EXPECT_EQ(RemainingBusinessMs(t, Bj("2025-01-06T12:59"), Cn()), kHour);
}

TEST(SlaTimer, MetAtDueExactlyBreachedOneMillisecondLater) {
  const Timer t = Must(StartTimer(Spec(240), Bj("2025-01-06T09:00"), Cn()));
  const TimeMs due = Bj("2025-01-06T14:00");
  EXPECT_EQ(Evaluate(t, due, Cn()).state, TimerState::kRunning);
  EXPECT_EQ(Evaluate(t, due, Cn()).remaining_business_ms, 0);
  EXPECT_EQ(Evaluate(t, due + 1, Cn()).state, TimerState::kBreached);

  const Timer met = Must(StopTimer(t, due, Cn()));
  EXPECT_EQ(met.state, TimerState::kMet);
  EXPECT_EQ(met.overrun_business_ms, 0);
  EXPECT_EQ(met.overrun_wall_ms, 0);

  const Timer late = Must(StopTimer(t, due + 1, Cn()));
  EXPECT_EQ(late.state, TimerState::kBreached);
  EXPECT_EQ(late.overrun_business_ms, 1);
  EXPECT_EQ(late.overrun_wall_ms, 1);
}

TEST(SlaTimer, BreachedOvernightWithNoBusinessOverrun) {
  // Due Monday 18:00; stopped Tuesday 08:00: late by 14 wall hours but no business time.
  const Timer t = Must(StartTimer(Spec(480), Bj("2025-01-06T09:00"), Cn()));
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T18:00")));
  const Timer late = Must(StopTimer(t, Bj("2025-01-07T08:00"), Cn()));
  EXPECT_EQ(late.state, TimerState::kBreached);
  EXPECT_EQ(late.overrun_business_ms, 0);
  EXPECT_EQ(late.overrun_wall_ms, 14 * kHour);
  // And stopped Tuesday 10:30: 1.5 business hours over.
  const Timer later = Must(StopTimer(t, Bj("2025-01-07T10:30"), Cn()));
  EXPECT_EQ(later.overrun_business_ms, 90 * kMinute);
  EXPECT_EQ(later.overrun_wall_ms, 16 * kHour + 30 * kMinute);
}

TEST(SlaTimer, PauseInBusinessHoursMovesDueByExactlyThatMuch) {
  // Friday 16:00 + 4h: due Monday 11:00. Pause Friday 17:00 - Monday 09:30 holds 1h30 of business time.
  Timer t = Must(StartTimer(Spec(240), Bj("2025-01-10T16:00"), Cn()));
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-13T11:00")));
  t = Must(PauseTimer(t, Bj("2025-01-10T17:00"), Cn()));
  EXPECT_EQ(t.state, TimerState::kPaused);
  EXPECT_FALSE(t.due_at.has_value());
  EXPECT_EQ(RemainingBusinessMs(t, Bj("2025-01-12T12:00"), Cn()), 3 * kHour);  // frozen over the weekend
  t = Must(ResumeTimer(t, Bj("2025-01-13T09:30"), Cn()));
  EXPECT_EQ(t.state, TimerState::kRunning);
  EXPECT_EQ(t.paused_business_ms, 90 * kMinute);
  // due = Add(start, 4h + 1h30) = Monday 13:30 (09:30-12:00 is 2h30, then 13:00-13:30).
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-13T13:30")));
  EXPECT_EQ(Show(t.due_at), Show(Cn().AddBusinessMs(t.started_at, 240 * kMinute + t.paused_business_ms)));
}

TEST(SlaTimer, PauseOnAClosedDayDeductsNothing) {
  Timer t = Must(StartTimer(Spec(240), Bj("2025-01-10T16:00"), Cn()));
  const auto due = t.due_at;
  t = Must(PauseTimer(t, Bj("2025-01-11T10:00"), Cn()));   // Saturday
  t = Must(ResumeTimer(t, Bj("2025-01-12T18:00"), Cn()));  // Sunday
  EXPECT_EQ(t.paused_business_ms, 0);
  EXPECT_EQ(Show(t.due_at), Show(due));
}

TEST(SlaTimer, PauseOverTheNationalDayHoliday) {
  // Tuesday Sep 30 2025 14:00 + 8h: 4h that day, then Oct 9 (after the Oct 1-8 holiday) 09:00-14:00.
  Timer t = Must(StartTimer(Spec(480), Bj("2025-09-30T14:00"), Cn()));
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-10-09T14:00")));
  // Paused only inside the holiday: nothing deducted.
  Timer holiday_only = Must(PauseTimer(t, Bj("2025-10-02T10:00"), Cn()));
  holiday_only = Must(ResumeTimer(holiday_only, Bj("2025-10-05T10:00"), Cn()));
  EXPECT_EQ(Show(holiday_only.due_at), Show(Bj("2025-10-09T14:00")));
  // Paused Sep 30 17:00 - Oct 9 10:00: 1h + 1h of business time deducted.
  t = Must(PauseTimer(t, Bj("2025-09-30T17:00"), Cn()));
  t = Must(ResumeTimer(t, Bj("2025-10-09T10:00"), Cn()));
  EXPECT_EQ(t.paused_business_ms, 2 * kHour);
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-10-09T16:00")));
}

TEST(SlaTimer, MultiplePausesAddUp) {
  Timer t = Must(StartTimer(Spec(120), Bj("2025-01-06T09:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T09:30"), Cn()));
  t = Must(ResumeTimer(t, Bj("2025-01-06T10:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T10:15"), Cn()));
  t = Must(ResumeTimer(t, Bj("2025-01-06T13:15"), Cn()));  // 2h of business time (lunch excluded)
  EXPECT_EQ(t.paused_business_ms, 30 * kMinute + 120 * kMinute);
  // Used 30 + 15 minutes; 75 left from 13:15 -> 14:30.
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T14:30")));
  ASSERT_EQ(t.pauses.size(), 2u);
  EXPECT_EQ(Evaluate(t, Bj("2025-01-06T14:00"), Cn()).elapsed_business_ms, 90 * kMinute);
}

TEST(SlaTimer, PauseAfterDueDoesNotUndoTheBreach) {
  Timer t = Must(StartTimer(Spec(60), Bj("2025-01-06T09:00"), Cn()));  // due 10:00
  t = Must(PauseTimer(t, Bj("2025-01-06T10:30"), Cn()));
  EXPECT_EQ(t.state, TimerState::kBreached);
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T10:00")));
  t = Must(ResumeTimer(t, Bj("2025-01-06T11:00"), Cn()));
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T10:00")));
  EXPECT_EQ(t.paused_business_ms, 0);
  t = Must(StopTimer(t, Bj("2025-01-06T11:30"), Cn()));
  EXPECT_EQ(t.state, TimerState::kBreached);
  EXPECT_EQ(t.overrun_business_ms, 60 * kMinute);  // 10:00-10:30 and 11:00-11:30
  EXPECT_EQ(t.overrun_wall_ms, 90 * kMinute);
}

TEST(SlaTimer, PauseStartingExactlyAtDueComesTooLate) {
  // The target is used up at 10:00; a pause from 10:00 cannot give the time back.
  Timer t = Must(StartTimer(Spec(60), Bj("2025-01-06T09:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T10:00"), Cn()));
  EXPECT_EQ(t.state, TimerState::kPaused);
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T10:00")));
  t = Must(StopTimer(t, Bj("2025-01-06T11:00"), Cn()));
  EXPECT_EQ(t.state, TimerState::kBreached);
  EXPECT_EQ(t.overrun_business_ms, 0);
  EXPECT_EQ(t.overrun_wall_ms, kHour);
}

TEST(SlaTimer, ResumeAfterTheOriginalDueTime) {
  // Paused before the due time, resumed after it: the due time moves and nothing is breached.
  Timer t = Must(StartTimer(Spec(60), Bj("2025-01-06T09:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T09:40"), Cn()));
  EXPECT_EQ(Evaluate(t, Bj("2025-01-06T11:00"), Cn()).state, TimerState::kPaused);
  t = Must(ResumeTimer(t, Bj("2025-01-06T15:00"), Cn()));
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T15:20")));
  EXPECT_EQ(Must(StopTimer(t, Bj("2025-01-06T15:20"), Cn())).state, TimerState::kMet);
}

TEST(SlaTimer, StopWhilePausedClosesThePause) {
  Timer t = Must(StartTimer(Spec(60), Bj("2025-01-06T09:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T09:10"), Cn()));
  t = Must(StopTimer(t, Bj("2025-01-07T09:00"), Cn()));
  EXPECT_EQ(t.state, TimerState::kMet);
  ASSERT_TRUE(t.pauses.back().to.has_value());
  EXPECT_EQ(*t.pauses.back().to, Bj("2025-01-07T09:00"));
  EXPECT_EQ(Evaluate(t, Bj("2025-01-08T09:00"), Cn()).elapsed_business_ms, 10 * kMinute);
}

TEST(SlaTimer, EvaluatesHistoryAsItStood) {
  Timer t = Must(StartTimer(Spec(60), Bj("2025-01-06T09:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T09:20"), Cn()));
  t = Must(ResumeTimer(t, Bj("2025-01-06T09:50"), Cn()));
  t = Must(StopTimer(t, Bj("2025-01-06T10:25"), Cn()));
  EXPECT_EQ(t.state, TimerState::kMet);
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-06T10:30")));
  EXPECT_EQ(Evaluate(t, Bj("2025-01-06T09:10"), Cn()).state, TimerState::kRunning);
  const TimerStatus mid_pause = Evaluate(t, Bj("2025-01-06T09:30"), Cn());
  EXPECT_EQ(mid_pause.state, TimerState::kPaused);
  EXPECT_FALSE(mid_pause.due_at.has_value());
  EXPECT_EQ(mid_pause.paused_business_ms, 10 * kMinute);
  EXPECT_EQ(Evaluate(t, Bj("2025-01-06T10:00"), Cn()).remaining_business_ms, 30 * kMinute);
}

TEST(SlaTimer, RejectsImpossibleTransitions) {
  Timer t = Must(StartTimer(Spec(60), Bj("2025-01-06T09:00"), Cn()));
  EXPECT_EQ(ResumeTimer(t, Bj("2025-01-06T09:10"), Cn()).error().code, ErrorCode::kConflict);
  t = Must(PauseTimer(t, Bj("2025-01-06T09:10"), Cn()));
  EXPECT_EQ(PauseTimer(t, Bj("2025-01-06T09:20"), Cn()).error().code, ErrorCode::kConflict);
  const auto backwards = ResumeTimer(t, Bj("2025-01-06T09:05"), Cn());
  EXPECT_EQ(backwards.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(backwards.error().field, "at");
  t = Must(StopTimer(t, Bj("2025-01-06T09:30"), Cn()));
  EXPECT_EQ(StopTimer(t, Bj("2025-01-06T09:40"), Cn()).error().code, ErrorCode::kConflict);
  EXPECT_EQ(PauseTimer(t, Bj("2025-01-06T09:40"), Cn()).error().code, ErrorCode::kConflict);

  const auto always = BusinessTime::Compile(calendar::Builtin24x7()).value();
  const auto wrong_calendar = StartTimer(Spec(60), Bj("2025-01-06T09:00"), always);
  EXPECT_EQ(wrong_calendar.error().field, "calendar_code");
  EXPECT_EQ(StartTimer(Spec(0), Bj("2025-01-06T09:00"), Cn()).error().field, "target_minutes");
  TimerSpec bad_fraction = Spec(60);
  bad_fraction.warning_fraction = 1.0;
  EXPECT_EQ(StartTimer(bad_fraction, Bj("2025-01-06T09:00"), Cn()).error().field, "warning_fraction");
}

TEST(SlaTimer, CountsAroundTheClockOn24x7) {
  const auto always = BusinessTime::Compile(calendar::Builtin24x7()).value();
  TimerSpec spec = Spec(90, TimerKind::kFirstResponse);
  spec.calendar_code = "24x7";
  const TimeMs start = Bj("2025-01-11T23:30");  // Saturday night
  Timer t = Must(StartTimer(spec, start, always));
  EXPECT_EQ(t.due_at, start + 90 * kMinute);
  t = Must(PauseTimer(t, start + 10 * kMinute, always));
  t = Must(ResumeTimer(t, start + 40 * kMinute, always));
  EXPECT_EQ(t.due_at, start + 120 * kMinute);
  EXPECT_EQ(t.warning_at, start + 67 * kMinute + 30'000 + 30 * kMinute);
}

TEST(SlaTimer, NextFiringWalksWarningThenBreach) {
  Timer t = Must(StartTimer(Spec(240), Bj("2025-01-06T09:00"), Cn()));
  EXPECT_EQ(NextFiring(t), (Firing{Bj("2025-01-06T12:00"), FiringKind::kWarning}));
  t = Must(MarkFired(t, FiringKind::kWarning, Bj("2025-01-06T12:00"), Cn()));
  EXPECT_EQ(NextFiring(t), (Firing{Bj("2025-01-06T14:00") + 1, FiringKind::kBreach}));
  t = Must(MarkFired(t, FiringKind::kBreach, Bj("2025-01-06T14:00") + 1, Cn()));
  EXPECT_EQ(t.state, TimerState::kBreached);
  EXPECT_FALSE(NextFiring(t).has_value());
  // Marking twice keeps the first instant.
  t = Must(MarkFired(t, FiringKind::kBreach, Bj("2025-01-06T15:00"), Cn()));
  EXPECT_EQ(t.breach_fired_at, Bj("2025-01-06T14:00") + 1);
}

TEST(SlaTimer, NoFiringWhilePausedOrStopped) {
  Timer t = Must(StartTimer(Spec(240), Bj("2025-01-06T09:00"), Cn()));
  t = Must(PauseTimer(t, Bj("2025-01-06T10:00"), Cn()));
  EXPECT_FALSE(NextFiring(t).has_value());
  t = Must(ResumeTimer(t, Bj("2025-01-06T13:00"), Cn()));  // lunch: no business time paused after 12:00
  EXPECT_EQ(NextFiring(t), (Firing{Bj("2025-01-06T15:00"), FiringKind::kWarning}));
  t = Must(StopTimer(t, Bj("2025-01-06T13:30"), Cn()));
  EXPECT_FALSE(NextFiring(t).has_value());
}

TEST(SlaTimer, HandoverTimersRunPerTransfer) {
  Policy policy;
  policy.id = 3;
  policy.version = 1;
  policy.name = "Incidents";
  policy.targets = {{TimerKind::kResolution, 480, "cn-mainland"}, {TimerKind::kHandover, 30, "cn-mainland"}};
  ASSERT_TRUE(SpecFor(policy, TimerKind::kHandover).has_value());
  EXPECT_FALSE(SpecFor(policy, TimerKind::kCallback).has_value());

  Timer first = Must(StartTimer(*SpecFor(policy, TimerKind::kHandover), Bj("2025-01-06T11:50"), Cn()));
  first.transfer_id = 1;
  Timer second = Must(StartTimer(*SpecFor(policy, TimerKind::kHandover), Bj("2025-01-06T15:00"), Cn()));
  second.transfer_id = 2;
  EXPECT_EQ(first.kind, TimerKind::kHandover);
  EXPECT_EQ(Show(first.due_at), Show(Bj("2025-01-06T13:20")));  // 10 minutes before lunch, 20 after
  EXPECT_EQ(Show(second.due_at), Show(Bj("2025-01-06T15:30")));
  first = Must(StopTimer(first, Bj("2025-01-06T13:10"), Cn()));
  second = Must(StopTimer(second, Bj("2025-01-06T15:45"), Cn()));
  EXPECT_EQ(first.state, TimerState::kMet);
  EXPECT_EQ(second.state, TimerState::kBreached);
  EXPECT_EQ(second.overrun_business_ms, 15 * kMinute);
}

TEST(SlaTimer, DueAcrossTheSpringFestivalAndAMakeUpSunday) {
  // Friday Jan 24 2025 17:00, 3 business hours: 1h Friday, then the make-up Sunday Jan 26.
  Timer t = Must(StartTimer(Spec(180), Bj("2025-01-24T17:00"), Cn()));
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-01-26T11:00")));
  // Waiting for the customer from Sunday 10:00 to Feb 5 09:30 (the festival in between).
  t = Must(PauseTimer(t, Bj("2025-01-26T10:00"), Cn()));
  t = Must(ResumeTimer(t, Bj("2025-02-05T09:30"), Cn()));
  // Paused business: Sun 10-12, 13-18 (7h), Mon Jan 27 8h, Feb 5 0.5h.
  EXPECT_EQ(t.paused_business_ms, 15 * kHour + 30 * kMinute);
  EXPECT_EQ(Show(t.due_at), Show(Bj("2025-02-05T10:30")));
}

}  // namespace
}  // namespace sqm::sla
