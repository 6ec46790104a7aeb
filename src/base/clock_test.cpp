#include "base/clock.h"

#include <vector>

#include <date/date.h>
#include <gtest/gtest.h>

namespace sqm {
namespace {

TEST(IsoTime, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIsoUtc(1795308182123), "2026-11-22T00:43:02.123Z");
}

TEST(IsoTime, FormatsLikeDateFormatAcrossTheRange) {
  std::vector<TimeMs> instants = {
      -1,                   // 1969-12-31T23:59:59.999Z
      -86'400'000,          // a whole day before 1970
      951'782'400'000,      // 2000-02-29
      4'107'542'399'999,    // 2100-02-28T23:59:59.999Z (2100 is no leap year)
      253'402'300'799'999,  // 9999-12-31T23:59:59.999Z
      253'402'300'800'000,  // 10000-01-01: past four digits
      -62'167'219'200'000,  // 0000-01-01
      -62'167'219'200'001,  // the year -1: before four digits
  };
  const TimeMs year = 366LL * 24 * 3600 * 1000;
  for (TimeMs t = -2100 * year; t < 9000 * year; t += 2 * year + 86'399'937) instants.push_back(t);
  for (TimeMs t : instants) {
    const date::sys_time<std::chrono::milliseconds> tp{std::chrono::milliseconds{t}};
    EXPECT_EQ(FormatIsoUtc(t), date::format("%FT%TZ", tp)) << t;
  }
}

TEST(IsoTime, ParsesOffsetsAndDates) {
  EXPECT_EQ(ParseIsoTime("2026-11-22T00:43:02.123Z"), 1795308182123);
  EXPECT_EQ(ParseIsoTime("2026-11-22T08:43:02.123+08:00"), 1795308182123);
  EXPECT_EQ(ParseIsoTime("2026-11-22T08:43+0800"), 1795308180000);
  EXPECT_EQ(ParseIsoTime("1970-01-02"), 86'400'000);
}

TEST(IsoTime, RejectsMalformed) {
  EXPECT_FALSE(ParseIsoTime("2026-02-30"));
  EXPECT_FALSE(ParseIsoTime("2026-11-22T08:43:02"));  // no zone
  EXPECT_FALSE(ParseIsoTime("2026-11-22T25:00Z"));
  EXPECT_FALSE(ParseIsoTime("yesterday"));
  EXPECT_FALSE(ParseIsoTime("2026-11-22T08:43Zjunk"));
}

TEST(ManualClock, MovesOnlyWhenTold) {
  ManualClock c(1000);
  EXPECT_EQ(c.Now(), 1000);
  c.Advance(500);
  EXPECT_EQ(c.Now(), 1500);
}

}  // namespace
}  // namespace sqm
