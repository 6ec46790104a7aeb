#include "calendar/builtin.h"

#include <map>

#include <gtest/gtest.h>

#include "calendar/rules.h"

namespace sqm::calendar {
namespace {

TEST(BuiltinCalendars, AreValid) {
  for (const Calendar& cal : BuiltinCalendars()) {
    const Status st = Validate(cal);
    EXPECT_TRUE(st.ok()) << cal.code << ": " << (st.ok() ? "" : st.error().field + " " + st.error().message);
  }
  EXPECT_EQ(FindBuiltin("24x7"), &Builtin24x7());
  EXPECT_EQ(FindBuiltin("cn-mainland"), &BuiltinCnMainland());
  EXPECT_EQ(FindBuiltin("cn"), nullptr);
}

TEST(BuiltinCalendars, CnMainlandHasTheOfficialDays) {
  std::map<std::string, ExceptionKind> days;
  for (const DayException& ex : BuiltinCnMainland().exceptions) days[FormatLocalDate(ex.date)] = ex.kind;
  const auto H = ExceptionKind::kHoliday;
  const auto W = ExceptionKind::kWorkday;
  const std::map<std::string, ExceptionKind> expected = {
      {"2025-01-01", H}, {"2025-01-26", W}, {"2025-01-28", H}, {"2025-01-29", H}, {"2025-01-30", H}, {"2025-01-31", H},
      {"2025-02-01", H}, {"2025-02-02", H}, {"2025-02-03", H}, {"2025-02-04", H}, {"2025-02-08", W}, {"2025-04-04", H},
      {"2025-04-05", H}, {"2025-04-06", H}, {"2025-04-27", W}, {"2025-05-01", H}, {"2025-05-02", H}, {"2025-05-03", H},
      {"2025-05-04", H}, {"2025-05-05", H}, {"2025-05-31", H}, {"2025-06-01", H}, {"2025-06-02", H}, {"2025-09-28", W},
      {"2025-10-01", H}, {"2025-10-02", H}, {"2025-10-03", H}, {"2025-10-04", H}, {"2025-10-05", H}, {"2025-10-06", H},
      {"2025-10-07", H}, {"2025-10-08", H}, {"2025-10-11", W}, {"2026-01-01", H}, {"2026-01-02", H}, {"2026-01-03", H},
      {"2026-01-04", W}, {"2026-02-14", W}, {"2026-02-15", H}, {"2026-02-16", H}, {"2026-02-17", H}, {"2026-02-18", H},
      {"2026-02-19", H}, {"2026-02-20", H}, {"2026-02-21", H}, {"2026-02-22", H}, {"2026-02-23", H}, {"2026-02-28", W},
      {"2026-04-04", H}, {"2026-04-05", H}, {"2026-04-06", H}, {"2026-05-01", H}, {"2026-05-02", H}, {"2026-05-03", H},
      {"2026-05-04", H}, {"2026-05-05", H}, {"2026-05-09", W}, {"2026-06-19", H}, {"2026-06-20", H}, {"2026-06-21", H},
      {"2026-09-20", W}, {"2026-09-25", H}, {"2026-09-26", H}, {"2026-09-27", H}, {"2026-10-01", H}, {"2026-10-02", H},
      {"2026-10-03", H}, {"2026-10-04", H}, {"2026-10-05", H}, {"2026-10-06", H}, {"2026-10-07", H}, {"2026-10-10", W},
  };
  EXPECT_EQ(days, expected);
}

TEST(BuiltinCalendars, MakeUpDaysFallOnWeekends) {
  for (const DayException& ex : BuiltinCnMainland().exceptions) {
    if (ex.kind != ExceptionKind::kWorkday) continue;
    const Weekday wd = WeekdayOfDayNumber(DayNumber(ex.date));
    EXPECT_TRUE(wd == Weekday::kSaturday || wd == Weekday::kSunday) << FormatLocalDate(ex.date);
    EXPECT_FALSE(ex.name.empty());
  }
}

TEST(BuiltinCalendars, CnMainlandWeek) {
  const Calendar& cal = BuiltinCnMainland();
  EXPECT_EQ(cal.time_zone, "Asia/Shanghai");
  const std::vector<Interval> office = {{540, 720}, {780, 1080}};
  for (int d = 0; d < 5; ++d) EXPECT_EQ(cal.week[static_cast<std::size_t>(d)], office);
  EXPECT_TRUE(cal.week[5].empty());
  EXPECT_TRUE(cal.week[6].empty());
  EXPECT_TRUE(Builtin24x7().always_open);
  EXPECT_EQ(Builtin24x7().time_zone, "UTC");
}

}  // namespace
}  // namespace sqm::calendar
