#include "calendar/zone.h"

#include <gtest/gtest.h>

namespace sqm::calendar {
namespace {

TEST(Zone, LocalDayWeekAndMonthInShanghai) {
  const Zone shanghai = Zone::Named("Asia/Shanghai").value();
  // 2026-11-22T00:43:02Z is Sunday 08:43 in Shanghai.
  const TimeMs t = 1795308182123;
  EXPECT_EQ(FormatIsoUtc(shanghai.StartOfDay(t)), "2026-11-21T16:00:00.000Z");
  EXPECT_EQ(FormatIsoUtc(shanghai.StartOfWeek(t)), "2026-11-15T16:00:00.000Z");  // Monday 16th
  EXPECT_EQ(FormatIsoUtc(shanghai.StartOfMonth(t)), "2026-10-31T16:00:00.000Z");
  // Just before local midnight stays on the same day.
  const TimeMs late = 1795276799999;  // 2026-11-21T15:59:59.999Z = 23:59:59.999 local
  EXPECT_EQ(FormatIsoUtc(shanghai.StartOfDay(late)), "2026-11-20T16:00:00.000Z");
}

TEST(Zone, FormatsWithTheOffsetAndReadsLocalTimesBack) {
  const Zone shanghai = Zone::Named("Asia/Shanghai").value();
  const TimeMs t = ParseIsoTime("2026-03-01T23:59:59.123+08:00").value();
  EXPECT_EQ(shanghai.Format(t), "2026-03-01T23:59:59.123+08:00");
  EXPECT_EQ(shanghai.Format(t - 123), "2026-03-01T23:59:59+08:00");
  EXPECT_EQ(shanghai.FromLocal(shanghai.ToLocal(t)), t);
  EXPECT_EQ(Zone().Format(t), "2026-03-01T15:59:59.123+00:00");
  EXPECT_EQ(Zone().name(), "UTC");
  EXPECT_EQ(Zone::Named("Mars/Olympus").error().field, "time_zone");
}

TEST(Zone, DaylightSavingGapsAndRepeats) {
  const Zone berlin = Zone::Named("Europe/Berlin").value();
  // 2026-03-29 02:30 does not exist in Berlin (02:00 -> 03:00): the first instant after the gap.
  const TimeMs gap = ParseIsoTime("2026-03-29T02:30:00Z").value();
  EXPECT_EQ(berlin.FromLocal(gap), ParseIsoTime("2026-03-29T01:00:00Z").value());
  // 2026-10-25 02:30 happens twice: the earlier one (still +02:00).
  const TimeMs twice = ParseIsoTime("2026-10-25T02:30:00Z").value();
  EXPECT_EQ(berlin.FromLocal(twice), ParseIsoTime("2026-10-25T00:30:00Z").value());
  EXPECT_EQ(berlin.StartOfDay(ParseIsoTime("2026-10-25T12:00:00Z").value()),
            ParseIsoTime("2026-10-24T22:00:00Z").value());
}

}  // namespace
}  // namespace sqm::calendar
