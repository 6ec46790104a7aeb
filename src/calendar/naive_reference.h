// Minute-by-minute reference implementation of BusinessTime, for tests and benchmarks only.
//
// It shares nothing with rules.cpp but the Calendar definition: it reads each instant's local time
// straight from date/tz and the day's hours by a linear search of the exceptions, then steps to the
// next local minute boundary. Slow on purpose, obviously right, and therefore the oracle that the
// property tests and the benchmark check the fast implementation against.
//
// REQUIRES: a valid calendar (Validate) whose zone offsets are whole minutes, which holds for every
// zone after 1972.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>

#include <date/tz.h>

#include "base/clock.h"
#include "calendar/model.h"

namespace sqm::calendar::naive {

class Reference {
 public:
  explicit Reference(const Calendar& cal) : cal_(cal), zone_(date::locate_zone(cal.time_zone)) {}

  bool IsOpen(TimeMs t) const {
    if (cal_.always_open) return true;
    const std::int64_t local = t + OffsetAt(t);
    const std::int64_t day = FloorDiv(local, kDayMs);
    const std::int64_t minute = (local - day * kDayMs) / kMinuteMs;
    for (const Interval& iv : HoursOn(day)) {
      if (iv.start <= minute && minute < iv.end) return true;
    }
    return false;
  }

  TimeMs AddBusinessMinutes(TimeMs from, std::int64_t minutes) const {
    std::int64_t remaining = minutes * kMinuteMs;
    if (remaining <= 0) return from;
    TimeMs t = from;
    for (;;) {
      const TimeMs next = NextMinuteBoundary(t);
      if (IsOpen(t)) {
        const std::int64_t take = std::min(remaining, next - t);
        remaining -= take;
        if (remaining == 0) return t + take;
      }
      t = next;
    }
  }

  std::int64_t BusinessMsBetween(TimeMs a, TimeMs b) const {
    std::int64_t total = 0;
    for (TimeMs t = a; t < b;) {
      const TimeMs next = std::min(b, NextMinuteBoundary(t));
      if (IsOpen(t)) total += next - t;
      t = next;
    }
    return total;
  }

 private:
  static constexpr std::int64_t kMinuteMs = 60'000;
  static constexpr std::int64_t kDayMs = 86'400'000;

  static std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

  std::int64_t OffsetAt(TimeMs t) const {
    const date::sys_seconds s{std::chrono::seconds{FloorDiv(t, 1000)}};
    if (!(cached_.begin <= s && s < cached_.end)) cached_ = zone_->get_info(s);
    return std::chrono::duration_cast<std::chrono::milliseconds>(cached_.offset).count();
  }

  TimeMs NextMinuteBoundary(TimeMs t) const {
    const std::int64_t local = t + OffsetAt(t);
    return t + (kMinuteMs - (local - FloorDiv(local, kMinuteMs) * kMinuteMs));
  }

  const std::vector<Interval>& HoursOn(std::int64_t day) const {
    const LocalDate date = DateFromDayNumber(day);
    for (const DayException& ex : cal_.exceptions) {
      if (ex.date == date) return WorkdayHours(cal_, ex);
    }
    return cal_.week[static_cast<std::size_t>(WeekdayOfDayNumber(day))];
  }

  const Calendar& cal_;
  const date::time_zone* zone_;
  mutable date::sys_info cached_{};
};

inline TimeMs NaiveAddBusinessMinutes(const Calendar& cal, TimeMs from, std::int64_t minutes) {
  return Reference(cal).AddBusinessMinutes(from, minutes);
}

inline std::int64_t NaiveBusinessMsBetween(const Calendar& cal, TimeMs a, TimeMs b) {
  return Reference(cal).BusinessMsBetween(a, b);
}

}  // namespace sqm::calendar::naive
