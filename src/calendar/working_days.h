// Deadlines counted in working days (工作日), as appeal windows are: a day counts when the
// calendar has business time on it, in the calendar's own time zone.
#pragma once

#include "base/clock.h"
#include "calendar/rules.h"

namespace sqm::calendar {

// The end (the next local midnight) of the `days`-th working day after the day of `t`. Looks at
// most 400 days ahead. days <= 0: the end of `t`'s own day.
TimeMs EndOfWorkingDaysAfter(const BusinessTime& calendar, TimeMs t, int days);

}  // namespace sqm::calendar
