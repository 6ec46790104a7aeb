#include "calendar/working_days.h"

#include "calendar/zone.h"

namespace sqm::calendar {

TimeMs EndOfWorkingDaysAfter(const BusinessTime& calendar, TimeMs t, int days) {
  constexpr TimeMs kDayMs = 86'400'000;
  auto zone = Zone::Named(calendar.time_zone());
  const Zone z = zone.ok() ? *zone : Zone();
  // Half a day past a local midnight is always in the next local day, whatever the DST shift.
  auto next_day = [&](TimeMs day) { return z.StartOfDay(day + kDayMs + kDayMs / 2); };
  TimeMs day = z.StartOfDay(t);
  int counted = 0;
  for (int i = 0; i < 400 && counted < days; ++i) {
    day = next_day(day);
    if (calendar.BusinessMsBetween(day, next_day(day)) > 0) ++counted;
  }
  return next_day(day);
}

}  // namespace sqm::calendar
