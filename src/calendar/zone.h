// A time zone of the tz database, for the local dates and times people read and write. sqm has one
// business time zone (`--business-zone`, default Asia/Shanghai): import files without an offset,
// exports, and the days, weeks and months of the desk's reports are read in it.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace date {
class time_zone;
}  // namespace date

namespace sqm::calendar {

class Zone {
 public:
  Zone() = default;  // UTC
  // kInvalid on field "time_zone" when the tz database does not know `name`.
  static Result<Zone> Named(std::string_view name);

  const std::string& name() const { return name_; }
  // Local time minus UTC at instant `t`, in ms.
  TimeMs OffsetAt(TimeMs t) const;
  // `t` as local wall time: ms since local 1970-01-01 00:00.
  TimeMs ToLocal(TimeMs t) const { return t + OffsetAt(t); }
  // The instant a local wall time stands for: the earlier one when the clocks went back, the first
  // instant after the gap when they went forward.
  TimeMs FromLocal(TimeMs local) const;
  // Start of the local day, ISO week (Monday) and month containing `t`, as instants.
  TimeMs StartOfDay(TimeMs t) const;
  TimeMs StartOfWeek(TimeMs t) const;
  TimeMs StartOfMonth(TimeMs t) const;
  // "2026-01-05T09:30:00+08:00", with ".123" when the milliseconds are not zero.
  std::string Format(TimeMs t) const;

 private:
  const date::time_zone* zone_ = nullptr;  // nullptr: UTC
  std::string name_ = "UTC";
};

}  // namespace sqm::calendar
