// BusinessTime: a Calendar compiled for fast questions about UTC instants — is it working time, when
// does work resume, when is N business minutes after T, how much business time lies between A and B.
//
// Meaning. An instant t is business time when its local wall-clock time (t read in the calendar's
// zone) falls inside a working interval of its local day. This is exactly what a person looking at
// a wall clock would say, including on daylight-saving days: in a spring-forward gap the skipped
// local hour simply never happens; in a fall-back overlap a repeated local hour inside working
// hours is worked (and counted) twice.
//
// How it is fast. The UTC timeline is cut at the zone's offset changes into segments of constant
// offset (one segment for UTC and, since 1991, for Asia/Shanghai; two a year for DST zones). Inside
// a segment the problem is purely local: local days are either "regular" (weekly pattern) or listed
// exceptions kept in a sorted vector of local day numbers with prefix sums. Whole weeks of regular
// days are skipped in O(1), exceptions are crossed one at a time, and business time between two
// instants is O(log E) per segment (E = number of exceptions). Nothing walks minute by minute.
//
// Limits. Offsets come from the system tz database through date/tz. With the OS database that
// reader does not apply the rules of years after 2037, so DST zones are treated as staying on
// standard time from late 2037 on. Instants must lie between the years 1900 and 9999.
//
// Thread safety: immutable after Compile; share freely between threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/model.h"

namespace sqm::calendar {

inline constexpr std::int64_t kMsPerMinute = 60'000;
inline constexpr std::int64_t kMsPerDay = 86'400'000;

class BusinessTime {
 public:
  // Validates `cal` (see Validate) and compiles it. Fails with the validation error.
  static Result<BusinessTime> Compile(const Calendar& cal);

  const std::string& code() const { return code_; }
  const std::string& time_zone() const { return time_zone_; }
  bool always_open() const { return always_open_; }

  // The earliest instant at which `ms` business milliseconds have passed since `from`.
  //  - Counting starts at `from` if it is business time, else at the next opening.
  //  - The answer is the end of the last business stretch used, never the next opening after it:
  //    180 minutes from Monday 09:00 with hours 09:00-12:00, 13:00-18:00 is Monday 12:00.
  //  - ms <= 0 returns `from` unchanged, even when `from` is outside business hours (nothing has to
  //    elapse, so nothing waits for the opening).
  TimeMs AddBusinessMs(TimeMs from, std::int64_t ms) const;
  TimeMs AddBusinessMinutes(TimeMs from, std::int64_t minutes) const {
    return AddBusinessMs(from, minutes * kMsPerMinute);
  }

  // Business milliseconds in [a, b); 0 when b <= a.
  std::int64_t BusinessMsBetween(TimeMs a, TimeMs b) const;

  bool IsOpen(TimeMs t) const;

  // The earliest business instant >= t (t itself when open).
  TimeMs NextOpen(TimeMs t) const;

  // The years whose holidays the calendar knows (model.h); nullopt when it never runs out.
  const std::optional<KnownYears>& known_years() const { return known_years_; }

  // True when business time over [from, to) depends on a local day outside known_years(), where
  // the calendar could only apply its weekly hours: for an answer to = AddBusinessMs(from, ms),
  // the days from `from`'s to the one that holds the last counted millisecond. False when
  // to <= from (nothing was counted: a due time of 0 minutes is its start, whatever the day) and
  // for a calendar that never runs out.
  bool DependsOnUnknownDays(TimeMs from, TimeMs to) const;

 private:
  // Working intervals of one local day in ms since local midnight, in pool_[first, first+count).
  struct DayPlan {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    std::int64_t open_ms = 0;
  };
  struct ExceptionDay {
    std::int64_t day = 0;  // local day number
    DayPlan plan;
  };
  struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
  };
  // From `begin` (UTC) until the next entry's begin, local = UTC + offset.
  struct OffsetSegment {
    TimeMs begin = 0;
    std::int64_t offset = 0;
  };

  BusinessTime() = default;

  DayPlan AddPlan(const std::vector<Interval>& hours);
  const DayPlan& PlanFor(std::int64_t day) const;
  std::size_t SegmentAt(TimeMs t) const;

  // The same questions on the local timeline (ms since local 1970-01-01 00:00), without zones.
  std::int64_t LocalBusinessMs(std::int64_t a, std::int64_t b) const;
  std::int64_t LocalFullDaysMs(std::int64_t first_day, std::int64_t end_day) const;
  std::int64_t RegularDaysMs(std::int64_t first_day, std::int64_t end_day) const;
  std::int64_t LocalAdd(std::int64_t from, std::int64_t ms) const;  // REQUIRES: ms > 0
  bool LocalIsOpen(std::int64_t l) const;
  std::int64_t LocalNextOpen(std::int64_t l) const;
  std::int64_t InDayMs(const DayPlan& plan, std::int64_t from, std::int64_t to) const;

  std::int64_t LocalDay(TimeMs t) const;  // the local day number of instant t

  std::string code_;
  std::string time_zone_;
  bool always_open_ = false;
  std::optional<KnownYears> known_years_;
  std::vector<Span> pool_;
  std::array<DayPlan, kDaysPerWeek> week_{};
  std::int64_t week_ms_ = 0;
  // week_prefix_[i] = open ms of weekdays 0..i-1 over two weeks, so any 0..7-day run is one subtraction.
  std::array<std::int64_t, 2 * kDaysPerWeek + 1> week_prefix_{};
  std::vector<std::int64_t> exception_days_;  // sorted local day numbers, parallel to exceptions_
  std::vector<ExceptionDay> exceptions_;
  // delta_prefix_[i] = sum over exceptions_[0..i) of (their open ms - the weekday's open ms).
  std::vector<std::int64_t> delta_prefix_;
  std::vector<OffsetSegment> segments_;  // segments_[0].begin is the minimum TimeMs
};

// ---- running out of holiday data ----

// How many days ahead administrators hear that a calendar in use runs out of holiday data.
inline constexpr int kRunOutNoticeDays = 60;
// The kind of that notification; its message key is "notification.calendar_run_out".
inline constexpr std::string_view kRunOutNotificationKind = "calendar_run_out";

struct RunOut {
  KnownYears known;
  TimeMs runs_out_at = 0;  // local midnight starting the first unknown day: 1 January of known.last + 1
  TimeMs notice_at = 0;    // kRunOutNoticeDays local days before (2026-11-02 00:00 for a calendar that knows 2026)
};

// When `cal` runs out of holiday data, in its own zone; nullopt when it never does.
// REQUIRES: Validate(cal) is ok.
std::optional<RunOut> RunOutOf(const Calendar& cal);

// The administrators' notification that `cal` runs out (or ran out) at `r`.
Message RunOutMessage(const Calendar& cal, const RunOut& r);

}  // namespace sqm::calendar
