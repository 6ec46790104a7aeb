// Times in ticket files. A time without an offset is local time in the business time zone
// (calendar::Zone, `--business-zone`); an XLSX date is a serial day number in that zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "calendar/zone.h"

namespace sqm::desk::import {

// ISO-8601 with an offset ("2026-01-05T09:30:00+08:00", "...Z"), or a local date-time
// "YYYY-MM-DD HH:MM[:SS[.fff]]" (also with 'T', or '/' between the date parts, single-digit month
// and day allowed) read in `zone`. A date without a time of day is refused: nullopt.
std::optional<TimeMs> ParseTime(std::string_view text, const calendar::Zone& zone);
// An Excel date serial (days since 1899-12-30, local time in `zone`), rounded to the millisecond.
TimeMs FromExcelSerial(double serial, const calendar::Zone& zone);
double ToExcelSerial(TimeMs t, const calendar::Zone& zone);

}  // namespace sqm::desk::import
