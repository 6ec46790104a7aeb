#include "base/clock.h"

#include <gtest/gtest.h>

namespace sqm {
namespace {

TEST(IsoTime, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIsoUtc(1795308182123), "2026-11-22T00:43:02.123Z");
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
