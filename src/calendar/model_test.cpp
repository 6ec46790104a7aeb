#include "calendar/model.h"

#include <gtest/gtest.h>

namespace sqm::calendar {
namespace {

Calendar Office() {
  Calendar cal;
  cal.code = "office";
  cal.name = "Office";
  cal.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) cal.week[static_cast<std::size_t>(d)] = {{540, 720}, {780, 1080}};
  return cal;
}

std::string FieldOf(const Calendar& cal) {
  const Status st = Validate(cal);
  return st.ok() ? "ok" : st.error().field;
}

TEST(CalendarModel, ParsesAndFormatsTimesOfDay) {
  EXPECT_EQ(ParseMinuteOfDay("09:00"), 540);
  EXPECT_EQ(ParseMinuteOfDay("00:00"), 0);
  EXPECT_EQ(ParseMinuteOfDay("24:00"), 1440);
  for (const char* bad : {"24:01", "9:00", "09:60", "25:00", "09-00", "", "09:00:00", "ab:cd"}) {
    EXPECT_FALSE(ParseMinuteOfDay(bad).has_value()) << bad;
  }
  EXPECT_EQ(FormatMinuteOfDay(540), "09:00");
  EXPECT_EQ(FormatMinuteOfDay(1440), "24:00");
  EXPECT_EQ(FormatMinuteOfDay(61), "01:01");
}

TEST(CalendarModel, ParsesDatesAndCountsDays) {
  EXPECT_EQ(ParseLocalDate("2025-01-28"), (LocalDate{2025, 1, 28}));
  EXPECT_FALSE(ParseLocalDate("2025-02-29").has_value());
  EXPECT_TRUE(ParseLocalDate("2024-02-29").has_value());
  EXPECT_FALSE(ParseLocalDate("2025-1-28").has_value());
  EXPECT_FALSE(ParseLocalDate("1899-12-31").has_value());
  EXPECT_EQ(DayNumber({1970, 1, 1}), 0);
  EXPECT_EQ(DayNumber({1969, 12, 31}), -1);
  EXPECT_EQ(DateFromDayNumber(DayNumber({2026, 10, 10})), (LocalDate{2026, 10, 10}));
  EXPECT_EQ(FormatLocalDate({2026, 2, 4}), "2026-02-04");
  EXPECT_EQ(WeekdayOfDayNumber(DayNumber({2025, 1, 6})), Weekday::kMonday);
  EXPECT_EQ(WeekdayOfDayNumber(DayNumber({2025, 1, 26})), Weekday::kSunday);
  EXPECT_EQ(WeekdayOfDayNumber(DayNumber({1969, 12, 29})), Weekday::kMonday);
  EXPECT_EQ(ParseWeekdayKey("sat"), Weekday::kSaturday);
  EXPECT_FALSE(ParseWeekdayKey("Sat").has_value());
}

TEST(CalendarModel, AcceptsAGoodDefinition) {
  Calendar cal = Office();
  cal.week[5] = {{540, 720}, {720, 780}};  // touching intervals are fine
  cal.exceptions.push_back({.date = {2025, 1, 1}, .kind = ExceptionKind::kHoliday, .name = "元旦"});
  cal.exceptions.push_back({.date = {2025, 1, 26}, .kind = ExceptionKind::kWorkday, .name = "补班"});
  EXPECT_EQ(FieldOf(cal), "ok");
}

TEST(CalendarModel, RejectsBadIntervalsWithTheirPath) {
  Calendar cal = Office();
  cal.week[2] = {{540, 720}, {700, 1080}};
  EXPECT_EQ(FieldOf(cal), "week[2][1].start");  // overlap
  cal.week[2] = {{780, 1080}, {540, 720}};
  EXPECT_EQ(FieldOf(cal), "week[2][1].start");  // unsorted
  cal.week[2] = {{540, 540}};
  EXPECT_EQ(FieldOf(cal), "week[2][0].end");
  cal.week[2] = {{540, 1441}};
  EXPECT_EQ(FieldOf(cal), "week[2][0].end");
  cal.week[2] = {{-1, 60}};
  EXPECT_EQ(FieldOf(cal), "week[2][0].start");
  cal.week[2] = {{1440, 1440}};
  EXPECT_EQ(FieldOf(cal), "week[2][0].start");
  cal.week[2] = std::vector<Interval>(49, Interval{0, 1});
  EXPECT_EQ(FieldOf(cal), "week[2]");
}

TEST(CalendarModel, RejectsBadHeaderFields) {
  Calendar cal = Office();
  cal.code = "Bad Code";
  EXPECT_EQ(FieldOf(cal), "code");
  cal = Office();
  cal.code = "-x";
  EXPECT_EQ(FieldOf(cal), "code");
  cal = Office();
  cal.name = "";
  EXPECT_EQ(FieldOf(cal), "name");
  cal = Office();
  cal.time_zone = "Asia/Beijing";
  EXPECT_EQ(FieldOf(cal), "time_zone");
  EXPECT_NE(Validate(cal).error().message.find("Asia/Beijing"), std::string::npos);
  cal.time_zone = "";
  EXPECT_EQ(FieldOf(cal), "time_zone");
}

TEST(CalendarModel, RejectsACalendarThatIsNeverOpen) {
  Calendar cal = Office();
  for (auto& d : cal.week) d.clear();
  EXPECT_EQ(FieldOf(cal), "week");
}

TEST(CalendarModel, AlwaysOpenHasNoHoursOrExceptions) {
  Calendar cal;
  cal.code = "24x7";
  cal.name = "24x7";
  cal.always_open = true;
  EXPECT_EQ(FieldOf(cal), "ok");
  cal.week[0] = {{0, 60}};
  EXPECT_EQ(FieldOf(cal), "week");
  cal.week[0].clear();
  cal.exceptions.push_back({.date = {2025, 1, 1}});
  EXPECT_EQ(FieldOf(cal), "exceptions");
}

TEST(CalendarModel, RejectsBadExceptionsWithTheirPath) {
  Calendar cal = Office();
  cal.exceptions.push_back({.date = {2025, 1, 1}, .kind = ExceptionKind::kHoliday});
  cal.exceptions.push_back({.date = {2025, 2, 30}, .kind = ExceptionKind::kHoliday});
  EXPECT_EQ(FieldOf(cal), "exceptions[1].date");
  cal.exceptions[1].date = {2025, 1, 1};
  EXPECT_EQ(FieldOf(cal), "exceptions[1].date");  // duplicate
  cal.exceptions[1] = {.date = {2025, 1, 2}, .kind = ExceptionKind::kHoliday, .hours = {{540, 600}}};
  EXPECT_EQ(FieldOf(cal), "exceptions[1].hours");
  cal.exceptions[1] = {.date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday, .hours_of = Weekday::kSunday};
  EXPECT_EQ(FieldOf(cal), "exceptions[1].hours_of");
  cal.exceptions[1] = {.date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday, .hours = {{600, 540}}};
  EXPECT_EQ(FieldOf(cal), "exceptions[1].hours[0].end");
  cal.exceptions[1] = {.date = {2025, 1, 4}, .kind = ExceptionKind::kHoliday, .hours_of = Weekday::kMonday};
  EXPECT_EQ(FieldOf(cal), "exceptions[1].hours_of");
  cal.exceptions[1] = {
      .date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday, .hours_of = Weekday::kMonday, .hours = {{540, 600}}};
  EXPECT_EQ(FieldOf(cal), "exceptions[1].hours_of");
  cal.exceptions[1] = {.date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday, .hours = {{540, 600}}};
  EXPECT_EQ(FieldOf(cal), "ok");
}

TEST(CalendarModel, WorkdayHoursFollowHoursOfOrExplicitHours) {
  Calendar cal = Office();
  cal.week[4] = {{540, 900}};
  const DayException by_default{.date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday};
  const DayException as_friday{.date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday, .hours_of = Weekday::kFriday};
  const DayException explicit_hours{.date = {2025, 1, 4}, .kind = ExceptionKind::kWorkday, .hours = {{600, 660}}};
  const DayException holiday{.date = {2025, 1, 4}, .kind = ExceptionKind::kHoliday};
  EXPECT_EQ(WorkdayHours(cal, by_default), cal.week[0]);
  EXPECT_EQ(WorkdayHours(cal, as_friday), cal.week[4]);
  EXPECT_EQ(WorkdayHours(cal, explicit_hours), (std::vector<Interval>{{600, 660}}));
  EXPECT_TRUE(WorkdayHours(cal, holiday).empty());
}

TEST(CalendarModel, KnowsTheWholeYearsOfItsHolidayData) {
  Calendar cal = Office();
  EXPECT_FALSE(KnownYearsOf(cal).has_value()) << "no holidays: nothing to run out of";
  cal.exceptions.push_back({{2026, 10, 1}, ExceptionKind::kHoliday, "国庆节", std::nullopt, {}});
  cal.exceptions.push_back({{2025, 12, 31}, ExceptionKind::kWorkday, "补班", std::nullopt, {}});
  cal.exceptions.push_back({{2026, 1, 1}, ExceptionKind::kHoliday, "元旦", std::nullopt, {}});
  const auto known = KnownYearsOf(cal);
  ASSERT_TRUE(known.has_value());
  EXPECT_EQ(*known, (KnownYears{2025, 2026}));
  EXPECT_EQ(known->FirstDay(), (LocalDate{2025, 1, 1}));
  EXPECT_EQ(known->LastDay(), (LocalDate{2026, 12, 31}));
  Calendar always;
  always.always_open = true;
  EXPECT_FALSE(KnownYearsOf(always).has_value());
}

}  // namespace
}  // namespace sqm::calendar
