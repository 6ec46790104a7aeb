#include "calendar/zone.h"

#include <chrono>

#include <date/tz.h>
#include <fmt/format.h>

namespace sqm::calendar {

namespace {

using std::chrono::milliseconds;
constexpr TimeMs kDay = 24LL * 3600 * 1000;

TimeMs FloorDiv(TimeMs a, TimeMs b) {
  return a / b - (a % b < 0 ? 1 : 0);
}

}  // namespace

Result<Zone> Zone::Named(std::string_view name) {
  Zone z;
  try {
    z.zone_ = date::locate_zone(name);
  } catch (const std::exception&) {
    return Error::Invalid("time_zone", "the time zone database has no zone '" + std::string(name) + "'");
  }
  z.name_ = std::string(name);
  return z;
}

TimeMs Zone::OffsetAt(TimeMs t) const {
  if (!zone_) return 0;
  const auto info = zone_->get_info(date::sys_time<milliseconds>{milliseconds{t}});
  return std::chrono::duration_cast<milliseconds>(info.offset).count();
}

TimeMs Zone::FromLocal(TimeMs local) const {
  if (!zone_) return local;
  const date::local_time<milliseconds> lt{milliseconds{local}};
  const auto info = zone_->get_info(lt);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:
      return local - std::chrono::duration_cast<milliseconds>(info.first.offset).count();
    case date::local_info::nonexistent: break;
  }
  return std::chrono::duration_cast<milliseconds>(info.second.begin.time_since_epoch()).count();
}

TimeMs Zone::StartOfDay(TimeMs t) const {
  return FromLocal(FloorDiv(ToLocal(t), kDay) * kDay);
}

TimeMs Zone::StartOfWeek(TimeMs t) const {
  const TimeMs days = FloorDiv(ToLocal(t), kDay);
  const TimeMs weekday = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  return FromLocal((days - weekday) * kDay);
}

TimeMs Zone::StartOfMonth(TimeMs t) const {
  const date::sys_days day{date::days{FloorDiv(ToLocal(t), kDay)}};
  const date::year_month_day ymd{day};
  const date::sys_days first{ymd.year() / ymd.month() / 1};
  return FromLocal(static_cast<TimeMs>(first.time_since_epoch().count()) * kDay);
}

std::string Zone::Format(TimeMs t) const {
  const TimeMs offset = OffsetAt(t);
  const date::sys_time<milliseconds> local{milliseconds{t + offset}};
  const bool whole = ((t % 1000) + 1000) % 1000 == 0;
  const std::string clock =
      whole ? date::format("%FT%T", date::floor<std::chrono::seconds>(local)) : date::format("%FT%T", local);
  const TimeMs minutes = (offset < 0 ? -offset : offset) / 60'000;
  return fmt::format("{}{}{:02d}:{:02d}", clock, offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

}  // namespace sqm::calendar
