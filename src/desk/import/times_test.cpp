#include "desk/import/times.h"

#include <gtest/gtest.h>

namespace sqm::desk::import {
namespace {

TEST(ImportTimes, LocalTimesAreBeijingTimeAndZonesAreHonoured) {
  const auto zone = calendar::Zone::Named("Asia/Shanghai").value();
  const TimeMs t = ParseIsoTime("2026-01-05T01:30:00Z").value();
  EXPECT_EQ(ParseTime("2026-01-05 09:30", zone), t);
  EXPECT_EQ(ParseTime("2026-01-05 09:30:00", zone), t);
  EXPECT_EQ(ParseTime("2026/1/5 9:30", zone), t);
  EXPECT_EQ(ParseTime("2026-01-05T09:30:00+08:00", zone), t);
  EXPECT_EQ(ParseTime("2026-01-05T01:30:00Z", zone), t);
  EXPECT_EQ(ParseTime("2026-01-05 09:30:00.250", zone), t + 250);
  EXPECT_EQ(ParseTime("2026-01-05", zone), std::nullopt) << "a date alone has no time of day";
  EXPECT_EQ(ParseTime("2026-02-30 09:30", zone), std::nullopt);
  EXPECT_EQ(ParseTime("2026-01-05 25:00", zone), std::nullopt);
  EXPECT_EQ(ParseTime("yesterday", zone), std::nullopt);
  EXPECT_EQ(ParseTime("2026-01-05 09:30 +0100", zone), ParseIsoTime("2026-01-05T08:30:00Z"));
  EXPECT_EQ(ParseTime("2026-01-05 09:30", calendar::Zone()), ParseIsoTime("2026-01-05T09:30:00Z"))
      << "local times are read in the business zone given";
}

TEST(ImportTimes, ExcelSerialsAndLocalFormatRoundTrip) {
  const auto zone = calendar::Zone::Named("Asia/Shanghai").value();
  const TimeMs t = ParseIsoTime("2026-03-01T23:59:59.123+08:00").value();
  EXPECT_EQ(FromExcelSerial(ToExcelSerial(t, zone), zone), t);
  EXPECT_EQ(zone.Format(t), "2026-03-01T23:59:59.123+08:00");
  EXPECT_EQ(zone.Format(t - 123), "2026-03-01T23:59:59+08:00");
  EXPECT_EQ(ParseTime(zone.Format(t), zone), t);
  EXPECT_DOUBLE_EQ(ToExcelSerial(ParseIsoTime("1970-01-01T00:00:00+08:00").value(), zone), 25569.0);
}

}  // namespace
}  // namespace sqm::desk::import
