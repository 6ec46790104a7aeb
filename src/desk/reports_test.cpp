#include "desk/reports.h"

#include <gtest/gtest.h>

namespace sqm::desk {
namespace {

TEST(ReportPeriods, LocalDayWeekAndMonthInShanghai) {
  // 2026-11-22T00:43:02Z is Sunday 08:43 in Shanghai.
  const TimeMs t = 1795308182123;
  EXPECT_EQ(FormatIsoUtc(StartOfLocalDay(t, kReportUtcOffset)), "2026-11-21T16:00:00.000Z");
  EXPECT_EQ(FormatIsoUtc(StartOfLocalWeek(t, kReportUtcOffset)), "2026-11-15T16:00:00.000Z");  // Monday 16th
  EXPECT_EQ(FormatIsoUtc(StartOfLocalMonth(t, kReportUtcOffset)), "2026-10-31T16:00:00.000Z");
  // Just before local midnight stays on the same day.
  const TimeMs late = 1795276799999;  // 2026-11-21T15:59:59.999Z = 23:59:59.999 local
  EXPECT_EQ(FormatIsoUtc(StartOfLocalDay(late, kReportUtcOffset)), "2026-11-20T16:00:00.000Z");
}

}  // namespace
}  // namespace sqm::desk
