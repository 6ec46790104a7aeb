#include "calendar/rules.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "calendar/builtin.h"
#include "calendar/naive_reference.h"

namespace sqm::calendar {
namespace {

constexpr std::int64_t kHour = 60 * kMsPerMinute;
constexpr std::int64_t kWorkdayMinutes = 480;  // a cn-mainland working day
constexpr std::int64_t kWorkdayMs = 8 * kHour;

// "2025-01-06T09:00" in Beijing time.
TimeMs Bj(const std::string& local) {
  return ParseIsoTime(local + ":00+08:00").value();
}
TimeMs Utc(const std::string& text) {
  return ParseIsoTime(text).value();
}

const BusinessTime& Cn() {
  static const BusinessTime kBt = BusinessTime::Compile(BuiltinCnMainland()).value();
  return kBt;
}

// Prints instants in Beijing time so a failing expectation reads like the calendar.
std::string Show(TimeMs t) {
  return FormatIsoUtc(t + 8 * kHour).substr(0, 23) + "+08:00";
}

#define EXPECT_AT(actual, expected) EXPECT_EQ(Show(actual), Show(expected))

TEST(BusinessTime, AddStopsAtTheEndOfAnIntervalNotAtTheNextOpening) {
  // 2025-01-06 is a Monday.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T09:00"), 180), Bj("2025-01-06T12:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T09:00"), 181), Bj("2025-01-06T13:01"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T09:00"), 480), Bj("2025-01-06T18:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T09:00"), 481), Bj("2025-01-07T09:01"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T17:59"), 1), Bj("2025-01-06T18:00"));
}

TEST(BusinessTime, AddFromClosedTimeStartsAtTheNextOpening) {
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T12:00"), 1), Bj("2025-01-06T13:01"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T12:30"), 60), Bj("2025-01-06T14:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T07:15"), 60), Bj("2025-01-06T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T18:00"), 1), Bj("2025-01-07T09:01"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T23:59"), 180), Bj("2025-01-07T12:00"));
}

TEST(BusinessTime, AddOneMillisecondAroundTheEdges) {
  const TimeMs noon = Bj("2025-01-06T12:00");
  EXPECT_AT(Cn().AddBusinessMinutes(noon - 1, 1), Bj("2025-01-06T13:00") + kMsPerMinute - 1);
  EXPECT_AT(Cn().AddBusinessMs(noon - 1, 1), noon);
  EXPECT_AT(Cn().AddBusinessMs(noon - 1, 2), Bj("2025-01-06T13:00") + 1);
  EXPECT_AT(Cn().AddBusinessMs(Bj("2025-01-06T13:00") + 1, 1), Bj("2025-01-06T13:00") + 2);
  EXPECT_AT(Cn().AddBusinessMs(Bj("2025-01-06T09:00") - 1, 1), Bj("2025-01-06T09:00") + 1);
  EXPECT_AT(Cn().AddBusinessMs(Bj("2025-01-06T18:00") - 1, 1), Bj("2025-01-06T18:00"));
}

TEST(BusinessTime, AddingZeroReturnsTheStartEvenWhenClosed) {
  for (const char* t : {"2025-01-06T12:30", "2025-01-06T13:00", "2025-01-11T10:00", "2025-01-01T10:00"}) {
    EXPECT_EQ(Cn().AddBusinessMinutes(Bj(t), 0), Bj(t)) << t;
  }
  EXPECT_EQ(Cn().AddBusinessMs(Bj("2025-01-11T10:00"), -5), Bj("2025-01-11T10:00"));
}

TEST(BusinessTime, OpenExactlyAtIntervalEdges) {
  EXPECT_FALSE(Cn().IsOpen(Bj("2025-01-06T09:00") - 1));
  EXPECT_TRUE(Cn().IsOpen(Bj("2025-01-06T09:00")));
  EXPECT_TRUE(Cn().IsOpen(Bj("2025-01-06T12:00") - 1));
  EXPECT_FALSE(Cn().IsOpen(Bj("2025-01-06T12:00")));
  EXPECT_FALSE(Cn().IsOpen(Bj("2025-01-06T13:00") - 1));
  EXPECT_TRUE(Cn().IsOpen(Bj("2025-01-06T13:00")));
  EXPECT_TRUE(Cn().IsOpen(Bj("2025-01-06T18:00") - 1));
  EXPECT_FALSE(Cn().IsOpen(Bj("2025-01-06T18:00")));
  EXPECT_FALSE(Cn().IsOpen(Bj("2025-01-11T10:00")));  // Saturday
  EXPECT_FALSE(Cn().IsOpen(Bj("2025-01-01T10:00")));  // New Year
  EXPECT_TRUE(Cn().IsOpen(Bj("2025-01-26T10:00")));   // make-up Sunday
}

TEST(BusinessTime, NextOpen) {
  EXPECT_AT(Cn().NextOpen(Bj("2025-01-06T10:00")), Bj("2025-01-06T10:00"));
  EXPECT_AT(Cn().NextOpen(Bj("2025-01-06T12:00")), Bj("2025-01-06T13:00"));
  EXPECT_AT(Cn().NextOpen(Bj("2025-01-06T13:00") - 1), Bj("2025-01-06T13:00"));
  EXPECT_AT(Cn().NextOpen(Bj("2025-01-10T18:00")), Bj("2025-01-13T09:00"));
  EXPECT_AT(Cn().NextOpen(Bj("2025-01-27T18:00")), Bj("2025-02-05T09:00"));  // over the Spring Festival
  EXPECT_AT(Cn().NextOpen(Bj("2025-09-27T08:00")), Bj("2025-09-28T09:00"));  // make-up Sunday
}

TEST(BusinessTime, SkipsWeekends) {
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-10T17:00"), 120), Bj("2025-01-13T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-11T10:00"), 60), Bj("2025-01-13T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T09:00"), 5 * kWorkdayMinutes), Bj("2025-01-10T18:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-06T09:00"), 5 * kWorkdayMinutes + 1), Bj("2025-01-13T09:01"));
  // Exactly one and two working weeks from Friday evening end on a Friday evening, not Monday.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-03-07T18:00"), 5 * kWorkdayMinutes), Bj("2025-03-14T18:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-03-07T18:00"), 10 * kWorkdayMinutes), Bj("2025-03-21T18:00"));
  // Four whole weeks from Monday morning end on the fourth Friday evening (no holidays in March 2025).
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-03-03T09:00"), 20 * kWorkdayMinutes), Bj("2025-03-28T18:00"));
}

TEST(BusinessTime, SpringFestival2025) {
  // Off Jan 28 - Feb 4; Sunday Jan 26 and Saturday Feb 8 are worked.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-27T17:00"), 120), Bj("2025-02-05T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-25T10:00"), 60), Bj("2025-01-26T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-24T17:00"), 120), Bj("2025-01-26T10:00"));
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2025-01-25T00:00"), Bj("2025-02-10T00:00")), 6 * kWorkdayMs);
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2025-01-28T00:00"), Bj("2025-02-05T00:00")), 0);
}

TEST(BusinessTime, NationalDay2025) {
  // Off Oct 1 - 8; Sunday Sep 28 and Saturday Oct 11 are worked.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-09-30T16:00"), 180), Bj("2025-10-09T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-09-26T17:00"), 120), Bj("2025-09-28T10:00"));
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2025-09-27T00:00"), Bj("2025-10-13T00:00")), 6 * kWorkdayMs);
}

TEST(BusinessTime, DueTimeCrossesAMakeUpSaturday) {
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-02-07T17:00"), 120), Bj("2025-02-08T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-10-10T17:00"), 480), Bj("2025-10-11T17:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-10-10T17:00"), 540), Bj("2025-10-11T18:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-10-10T17:00"), 541), Bj("2025-10-13T09:01"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-02-27T17:00"), 120), Bj("2026-02-28T10:00"));
}

TEST(BusinessTime, Holidays2026) {
  // New Year Jan 1-3, Sunday Jan 4 worked.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-12-31T17:00"), 120), Bj("2026-01-04T10:00"));
  // Spring Festival Feb 15-23; Saturdays Feb 14 and Feb 28 worked.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-02-13T17:00"), 120), Bj("2026-02-14T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-02-14T17:00"), 120), Bj("2026-02-24T10:00"));
  // Labour Day May 1-5, Saturday May 9 worked.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-04-30T17:00"), 120), Bj("2026-05-06T10:00"));
  EXPECT_TRUE(Cn().IsOpen(Bj("2026-05-09T10:00")));
  // Dragon Boat Jun 19-21 (Fri-Sun).
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-06-18T17:00"), 120), Bj("2026-06-22T10:00"));
  // Mid-Autumn Sep 25-27, National Day Oct 1-7; Sunday Sep 20 and Saturday Oct 10 worked.
  EXPECT_TRUE(Cn().IsOpen(Bj("2026-09-20T10:00")));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-09-24T17:00"), 120), Bj("2026-09-28T10:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2026-09-30T17:00"), 120), Bj("2026-10-08T10:00"));
  EXPECT_TRUE(Cn().IsOpen(Bj("2026-10-10T10:00")));
  EXPECT_FALSE(Cn().IsOpen(Bj("2026-10-11T10:00")));
}

TEST(BusinessTime, WorkingDaysPerYear) {
  // 2025: 261 weekdays - 18 holiday weekdays + 5 make-up days; 2026: 261 - 19 + 6. Both equal
  // 365 days - 104 weekend days - 13 statutory holidays.
  const auto days_2025 = Cn().BusinessMsBetween(Bj("2025-01-01T00:00"), Bj("2026-01-01T00:00")) / kWorkdayMs;
  const auto days_2026 = Cn().BusinessMsBetween(Bj("2026-01-01T00:00"), Bj("2027-01-01T00:00")) / kWorkdayMs;
  EXPECT_EQ(days_2025, 248);
  EXPECT_EQ(days_2026, 248);
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-01T00:00"), 248 * kWorkdayMinutes), Bj("2025-12-31T18:00"));
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2025-01-01T00:00"), 248 * kWorkdayMinutes + 1),
            Bj("2026-01-04T09:01"));  // make-up Sunday
}

TEST(BusinessTime, BetweenIsHalfOpenAndZeroWhenReversed) {
  const TimeMs a = Bj("2025-01-06T09:00");
  EXPECT_EQ(Cn().BusinessMsBetween(a, a), 0);
  EXPECT_EQ(Cn().BusinessMsBetween(a + 10, a), 0);
  EXPECT_EQ(Cn().BusinessMsBetween(a, a + 1), 1);
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2025-01-06T11:00"), Bj("2025-01-06T14:00")), 2 * kHour);
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2025-01-06T12:00"), Bj("2025-01-06T13:00")), 0);
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2025-01-10T17:00"), Bj("2025-01-13T10:00")), 2 * kHour);
}

// The case: the built-in schedule ends with 2026, so New Year's Day 2027 counts as a
// working day (17:30 + 60 minutes: 30 before 18:00 on 12-31, 30 from 09:00 on 01-01). The answer is
// still given (weekly hours), but it says it depends on unknown days.
TEST(BusinessTime, SaysWhenAnAnswerDependsOnDaysPastItsHolidayData) {
  ASSERT_TRUE(Cn().known_years().has_value());
  EXPECT_EQ(*Cn().known_years(), (KnownYears{2025, 2026}));
  const TimeMs from = Bj("2026-12-31T17:30");
  const TimeMs due = Cn().AddBusinessMinutes(from, 60);
  EXPECT_AT(due, Bj("2027-01-01T09:30"));
  EXPECT_TRUE(Cn().DependsOnUnknownDays(from, due));
  // Within the known days, up to the last minute of 2026's last working hour.
  EXPECT_FALSE(Cn().DependsOnUnknownDays(Bj("2026-12-31T10:00"), Cn().AddBusinessMinutes(Bj("2026-12-31T10:00"), 60)));
  EXPECT_FALSE(Cn().DependsOnUnknownDays(from, Cn().AddBusinessMinutes(from, 30)));  // ends 18:00 on 12-31
  // A due time of 0 minutes is its start: nothing was counted, on any day.
  EXPECT_FALSE(Cn().DependsOnUnknownDays(Bj("2027-03-01T10:00"), Cn().AddBusinessMinutes(Bj("2027-03-01T10:00"), 0)));
  // Starting in an unknown year, or before the first known one.
  EXPECT_TRUE(Cn().DependsOnUnknownDays(Bj("2027-01-04T10:00"), Bj("2027-01-04T11:00")));
  EXPECT_TRUE(Cn().DependsOnUnknownDays(Bj("2024-12-31T17:00"), Cn().AddBusinessMinutes(Bj("2024-12-31T17:00"), 60)));
  EXPECT_FALSE(Cn().DependsOnUnknownDays(Bj("2025-01-02T09:00"), Bj("2026-12-31T18:00")));
  // Local days: 2026-12-31T23:30Z is already 2027 in Beijing.
  EXPECT_TRUE(Cn().DependsOnUnknownDays(Utc("2026-12-31T15:00:00Z"), Utc("2026-12-31T16:00:01Z")));
  EXPECT_FALSE(Cn().DependsOnUnknownDays(Utc("2026-12-31T15:00:00Z"), Utc("2026-12-31T16:00:00Z")));

  // Calendars without holiday data never run out.
  const auto always = BusinessTime::Compile(Builtin24x7()).value();
  EXPECT_FALSE(always.known_years().has_value());
  EXPECT_FALSE(always.DependsOnUnknownDays(Utc("2999-01-01T00:00:00Z"), Utc("2999-01-02T00:00:00Z")));
  Calendar plain = BuiltinCnMainland();
  plain.exceptions.clear();
  const auto weekly = BusinessTime::Compile(plain).value();
  EXPECT_FALSE(weekly.DependsOnUnknownDays(Bj("2027-01-01T09:00"), Bj("2027-01-04T10:00")));
}

TEST(RunOut, SixtyDaysBeforeTheFirstUnknownDayInTheCalendarsZone) {
  const auto cn = RunOutOf(BuiltinCnMainland());
  ASSERT_TRUE(cn.has_value());
  EXPECT_EQ(cn->known, (KnownYears{2025, 2026}));
  EXPECT_AT(cn->runs_out_at, Bj("2027-01-01T00:00"));
  EXPECT_AT(cn->notice_at, Bj("2026-11-02T00:00"));
  EXPECT_EQ(cn->runs_out_at - cn->notice_at, kRunOutNoticeDays * kMsPerDay);

  Calendar ny = BuiltinCnMainland();
  ny.time_zone = "America/New_York";
  const auto in_ny = RunOutOf(ny);
  ASSERT_TRUE(in_ny.has_value());
  EXPECT_EQ(in_ny->runs_out_at, Utc("2027-01-01T05:00:00Z"));
  EXPECT_EQ(in_ny->notice_at, Utc("2026-11-02T05:00:00Z"));  // standard time again since 2026-11-01

  EXPECT_FALSE(RunOutOf(Builtin24x7()).has_value());

  const Message m = RunOutMessage(BuiltinCnMainland(), *cn);
  EXPECT_EQ(m.key, "notification.calendar_run_out");
  EXPECT_NE(m.text.find("until 2026-12-31"), std::string::npos) << m.text;
  EXPECT_NE(m.text.find("holidays of 2027"), std::string::npos) << m.text;
}

TEST(BusinessTime, AlwaysOpen) {
  const auto bt = BusinessTime::Compile(Builtin24x7()).value();
  const TimeMs t = Utc("2025-10-01T03:04:05.006Z");
  EXPECT_TRUE(bt.always_open());
  EXPECT_TRUE(bt.IsOpen(t));
  EXPECT_EQ(bt.NextOpen(t), t);
  EXPECT_EQ(bt.AddBusinessMinutes(t, 90), t + 90 * kMsPerMinute);
  EXPECT_EQ(bt.AddBusinessMinutes(t, 0), t);
  EXPECT_EQ(bt.BusinessMsBetween(t, t + 12345), 12345);
}

TEST(BusinessTime, WeekendHoursAndTouchingIntervals) {
  Calendar cal;
  cal.code = "shop";
  cal.name = "Shop";
  cal.time_zone = "Asia/Shanghai";
  cal.week[static_cast<int>(Weekday::kSaturday)] = {{10 * 60, 12 * 60}, {12 * 60, 14 * 60}};
  cal.week[static_cast<int>(Weekday::kSunday)] = {{0, kMinutesPerDay}};
  const auto bt = BusinessTime::Compile(cal).value();
  // 2025-01-11 is a Saturday; 120 minutes end at the touching edge 12:00, not later.
  EXPECT_AT(bt.AddBusinessMinutes(Bj("2025-01-11T10:00"), 120), Bj("2025-01-11T12:00"));
  EXPECT_AT(bt.AddBusinessMinutes(Bj("2025-01-11T10:00"), 240), Bj("2025-01-11T14:00"));
  EXPECT_AT(bt.AddBusinessMinutes(Bj("2025-01-11T10:00"), 241), Bj("2025-01-12T00:01"));
  EXPECT_AT(bt.AddBusinessMinutes(Bj("2025-01-11T10:00"), 240 + 1440), Bj("2025-01-13T00:00"));
  EXPECT_AT(bt.AddBusinessMinutes(Bj("2025-01-11T10:00"), 240 + 1441), Bj("2025-01-18T10:01"));
  EXPECT_AT(bt.NextOpen(Bj("2025-01-13T00:00")), Bj("2025-01-18T10:00"));
}

TEST(BusinessTime, ExplicitMakeUpHoursAndHoursOf) {
  Calendar cal;
  cal.code = "half-day";
  cal.name = "Half days";
  cal.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) cal.week[static_cast<std::size_t>(d)] = {{9 * 60, 18 * 60}};
  cal.week[static_cast<int>(Weekday::kFriday)] = {{9 * 60, 15 * 60}};
  DayException sat{
      .date = {2025, 1, 11}, .kind = ExceptionKind::kWorkday, .name = "stocktake", .hours = {{8 * 60, 10 * 60}}};
  DayException sun{.date = {2025, 1, 12}, .kind = ExceptionKind::kWorkday, .name = "", .hours_of = Weekday::kFriday};
  cal.exceptions = {sat, sun};
  const auto bt = BusinessTime::Compile(cal).value();
  EXPECT_EQ(bt.BusinessMsBetween(Bj("2025-01-11T00:00"), Bj("2025-01-12T00:00")), 2 * kHour);
  EXPECT_EQ(bt.BusinessMsBetween(Bj("2025-01-12T00:00"), Bj("2025-01-13T00:00")), 6 * kHour);
  EXPECT_AT(bt.AddBusinessMinutes(Bj("2025-01-10T14:00"), 60 + 120 + 360 + 1), Bj("2025-01-13T09:01"));
}

// ---- daylight saving time --------------------------------------------------------------------

Calendar Berlin(const std::vector<Interval>& every_day) {
  Calendar cal;
  cal.code = "berlin";
  cal.name = "Berlin";
  cal.time_zone = "Europe/Berlin";
  for (auto& day : cal.week) day = every_day;
  return cal;
}

TEST(BusinessTimeDst, SpringForwardSkipsTheMissingHour) {
  // 2025-03-30 02:00 CET -> 03:00 CEST: local 01:00-04:00 lasts two real hours.
  const auto bt = BusinessTime::Compile(Berlin({{60, 240}})).value();
  EXPECT_EQ(bt.BusinessMsBetween(Utc("2025-03-29T23:00:00Z"), Utc("2025-03-30T22:00:00Z")), 2 * kHour);
  EXPECT_EQ(bt.AddBusinessMinutes(Utc("2025-03-30T00:00:00Z"), 61), Utc("2025-03-30T01:01:00Z"));   // 03:01 CEST
  EXPECT_EQ(bt.AddBusinessMinutes(Utc("2025-03-30T00:00:00Z"), 120), Utc("2025-03-30T02:00:00Z"));  // 04:00 CEST
  EXPECT_EQ(bt.AddBusinessMinutes(Utc("2025-03-30T00:00:00Z"), 121), Utc("2025-03-30T23:01:00Z"));  // Mon 01:01
  EXPECT_TRUE(bt.IsOpen(Utc("2025-03-30T01:00:00Z")));
  EXPECT_EQ(bt.NextOpen(Utc("2025-03-30T02:00:00Z")), Utc("2025-03-30T23:00:00Z"));
}

TEST(BusinessTimeDst, FallBackWorksTheRepeatedHourTwice) {
  // 2025-10-26 03:00 CEST -> 02:00 CET: local 01:00-04:00 lasts four real hours.
  const auto bt = BusinessTime::Compile(Berlin({{60, 240}})).value();
  EXPECT_EQ(bt.BusinessMsBetween(Utc("2025-10-25T22:00:00Z"), Utc("2025-10-26T23:00:00Z")), 4 * kHour);
  EXPECT_EQ(bt.AddBusinessMinutes(Utc("2025-10-25T23:00:00Z"), 180), Utc("2025-10-26T02:00:00Z"));  // 03:00 CET
  EXPECT_TRUE(bt.IsOpen(Utc("2025-10-26T00:30:00Z")));                                              // 02:30 CEST
  EXPECT_TRUE(bt.IsOpen(Utc("2025-10-26T01:30:00Z")));                                              // 02:30 CET
  // Local 02:00-02:30 is worked on both passes.
  const auto short_bt = BusinessTime::Compile(Berlin({{120, 150}})).value();
  EXPECT_EQ(short_bt.BusinessMsBetween(Utc("2025-10-25T22:00:00Z"), Utc("2025-10-26T23:00:00Z")), kHour);
  EXPECT_EQ(short_bt.AddBusinessMinutes(Utc("2025-10-26T00:00:00Z"), 45), Utc("2025-10-26T01:15:00Z"));
}

TEST(BusinessTimeDst, OfficeHoursAcrossTheClockChange) {
  Calendar cal = Berlin({});
  for (int d = 0; d < 5; ++d) cal.week[static_cast<std::size_t>(d)] = {{9 * 60, 17 * 60}};
  const auto bt = BusinessTime::Compile(cal).value();
  // Friday 16:00 CET + 2h = Monday 10:00 CEST.
  EXPECT_EQ(bt.AddBusinessMinutes(Utc("2025-03-28T15:00:00Z"), 120), Utc("2025-03-31T08:00:00Z"));
  // Friday 16:00 CEST + 2h = Monday 10:00 CET.
  EXPECT_EQ(bt.AddBusinessMinutes(Utc("2025-10-24T14:00:00Z"), 120), Utc("2025-10-27T09:00:00Z"));
  EXPECT_EQ(bt.BusinessMsBetween(Utc("2025-03-24T00:00:00Z"), Utc("2025-04-07T00:00:00Z")), 10 * kWorkdayMs);
}

// ---- cross-check against the minute-by-minute reference ------------------------------------

struct Case {
  TimeMs from;
  std::int64_t minutes;
};

// Random instants over 2025-2026: half anywhere, half within a millisecond of an interval edge.
std::vector<Case> RandomCases(std::uint32_t seed, int n, TimeMs lo, TimeMs hi, std::int64_t offset_ms) {
  std::mt19937_64 rng(seed);
  std::vector<Case> out;
  const int edges[] = {0, 9 * 60, 12 * 60, 13 * 60, 18 * 60};
  for (int i = 0; i < n; ++i) {
    TimeMs from;
    if (i % 2 == 0) {
      from = lo + static_cast<TimeMs>(rng() % static_cast<std::uint64_t>(hi - lo));
    } else {
      const TimeMs day =
          lo + static_cast<TimeMs>(rng() % static_cast<std::uint64_t>((hi - lo) / kMsPerDay)) * kMsPerDay;
      from = day - offset_ms + edges[rng() % 5] * kMsPerMinute + static_cast<TimeMs>(rng() % 3) - 1;
    }
    std::int64_t minutes;
    switch (rng() % 4) {
      case 0: minutes = static_cast<std::int64_t>(rng() % 10); break;
      case 1: minutes = static_cast<std::int64_t>(rng() % 600); break;
      case 2: minutes = 60 * static_cast<std::int64_t>(rng() % 48); break;
      default: minutes = static_cast<std::int64_t>(rng() % 6000); break;
    }
    out.push_back({from, minutes});
  }
  return out;
}

TEST(BusinessTimeProperty, MatchesNaiveLoopOnCnMainland) {
  const naive::Reference ref(BuiltinCnMainland());
  const auto cases = RandomCases(20250101, 3000, Bj("2025-01-01T00:00"), Bj("2026-12-31T00:00"), 8 * kHour);
  for (const Case& c : cases) {
    const TimeMs fast = Cn().AddBusinessMinutes(c.from, c.minutes);
    ASSERT_EQ(Show(fast), Show(ref.AddBusinessMinutes(c.from, c.minutes)))
        << "from " << Show(c.from) << " + " << c.minutes << " min";
    ASSERT_EQ(Cn().IsOpen(c.from), ref.IsOpen(c.from)) << Show(c.from);
    ASSERT_EQ(Cn().BusinessMsBetween(c.from, fast), c.minutes * kMsPerMinute) << Show(c.from);
  }
}

TEST(BusinessTimeProperty, BetweenMatchesNaiveLoop) {
  const naive::Reference ref(BuiltinCnMainland());
  const auto cases = RandomCases(7, 600, Bj("2025-01-01T00:00"), Bj("2026-12-31T00:00"), 8 * kHour);
  for (std::size_t i = 0; i + 1 < cases.size(); i += 2) {
    const TimeMs a = cases[i].from;
    const TimeMs b = a + cases[i + 1].minutes * 7 * kMsPerMinute + cases[i + 1].from % 1000;
    ASSERT_EQ(Cn().BusinessMsBetween(a, b), ref.BusinessMsBetween(a, b)) << Show(a) << " .. " << Show(b);
  }
}

TEST(BusinessTimeProperty, NextOpenIsTheFirstOpenInstant) {
  const auto cases = RandomCases(99, 2000, Bj("2025-01-01T00:00"), Bj("2026-12-31T00:00"), 8 * kHour);
  for (const Case& c : cases) {
    const TimeMs next = Cn().NextOpen(c.from);
    ASSERT_GE(next, c.from);
    ASSERT_TRUE(Cn().IsOpen(next)) << Show(c.from);
    ASSERT_EQ(Cn().BusinessMsBetween(c.from, next), 0) << Show(c.from);
  }
}

TEST(BusinessTimeProperty, MatchesNaiveLoopAcrossDst) {
  Calendar cal = Berlin({});
  for (int d = 0; d < 6; ++d) cal.week[static_cast<std::size_t>(d)] = {{0, 150}, {8 * 60, 12 * 60}, {13 * 60, 17 * 60}};
  cal.week[6] = {{90, 200}};
  cal.exceptions.push_back({.date = {2025, 3, 30}, .kind = ExceptionKind::kWorkday, .name = "", .hours = {{60, 240}}});
  cal.exceptions.push_back({.date = {2025, 10, 26}, .kind = ExceptionKind::kWorkday, .name = "", .hours = {{60, 240}}});
  cal.exceptions.push_back({.date = {2025, 12, 25}, .kind = ExceptionKind::kHoliday, .name = "Weihnachten"});
  const auto bt = BusinessTime::Compile(cal).value();
  const naive::Reference ref(cal);
  auto cases = RandomCases(4242, 1500, Utc("2025-01-01T00:00:00Z"), Utc("2026-12-31T00:00:00Z"), kHour);
  // Plus starts right around both 2025 clock changes.
  for (TimeMs t = Utc("2025-03-29T22:00:00Z"); t < Utc("2025-03-30T04:00:00Z"); t += 7 * kMsPerMinute) {
    cases.push_back({t, (t / kMsPerMinute) % 400});
  }
  for (TimeMs t = Utc("2025-10-25T21:00:00Z"); t < Utc("2025-10-26T04:00:00Z"); t += 7 * kMsPerMinute) {
    cases.push_back({t, (t / kMsPerMinute) % 400});
  }
  for (const Case& c : cases) {
    const TimeMs fast = bt.AddBusinessMinutes(c.from, c.minutes);
    ASSERT_EQ(FormatIsoUtc(fast), FormatIsoUtc(ref.AddBusinessMinutes(c.from, c.minutes)))
        << "from " << FormatIsoUtc(c.from) << " + " << c.minutes << " min";
    ASSERT_EQ(bt.IsOpen(c.from), ref.IsOpen(c.from)) << FormatIsoUtc(c.from);
    ASSERT_EQ(bt.BusinessMsBetween(c.from, fast), ref.BusinessMsBetween(c.from, fast)) << FormatIsoUtc(c.from);
  }
}

TEST(BusinessTimeProperty, FarFutureDoesNotNeedTheHolidayTable) {
  // Past the last listed exception only the weekly pattern applies.
  EXPECT_AT(Cn().AddBusinessMinutes(Bj("2030-01-07T09:00"), kWorkdayMinutes * 5 * 52), Bj("2031-01-03T18:00"));
  EXPECT_EQ(Cn().BusinessMsBetween(Bj("2030-01-07T00:00"), Bj("2031-01-06T00:00")), kWorkdayMs * 5 * 52);
}

}  // namespace
}  // namespace sqm::calendar
