#include "calendar/rules.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include <date/date.h>
#include <date/tz.h>

namespace sqm::calendar {

namespace {

constexpr TimeMs kMinTime = std::numeric_limits<TimeMs>::min();

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::size_t WeekdayIndex(std::int64_t day) {
  return static_cast<std::size_t>(WeekdayOfDayNumber(day));
}

}  // namespace

Result<BusinessTime> BusinessTime::Compile(const Calendar& cal) {
  SQM_TRY(Validate(cal));
  BusinessTime bt;
  bt.code_ = cal.code;
  bt.time_zone_ = cal.time_zone;
  bt.always_open_ = cal.always_open;
  bt.known_years_ = KnownYearsOf(cal);
  bt.segments_.push_back({kMinTime, 0});
  if (cal.always_open) return bt;

  for (std::size_t d = 0; d < kDaysPerWeek; ++d) {
    bt.week_[d] = bt.AddPlan(cal.week[d]);
    bt.week_ms_ += bt.week_[d].open_ms;
  }
  for (std::size_t i = 0; i + 1 < bt.week_prefix_.size(); ++i) {
    bt.week_prefix_[i + 1] = bt.week_prefix_[i] + bt.week_[i % kDaysPerWeek].open_ms;
  }

  std::vector<const DayException*> sorted;
  sorted.reserve(cal.exceptions.size());
  for (const auto& ex : cal.exceptions) sorted.push_back(&ex);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->date < b->date; });
  bt.delta_prefix_.push_back(0);
  for (const DayException* ex : sorted) {
    const std::int64_t day = DayNumber(ex->date);
    const DayPlan plan = bt.AddPlan(WorkdayHours(cal, *ex));
    bt.exception_days_.push_back(day);
    bt.exceptions_.push_back({day, plan});
    bt.delta_prefix_.push_back(bt.delta_prefix_.back() + plan.open_ms - bt.week_[WeekdayIndex(day)].open_ms);
  }

  // Offset segments from 1900 on; Validate has checked that the zone exists.
  const date::time_zone* zone = date::locate_zone(cal.time_zone);
  const date::sys_seconds limit{date::sys_days{date::year{9999} / 12 / 31}};
  date::sys_info info = zone->get_info(date::sys_seconds{date::sys_days{date::year{1900} / 1 / 1}});
  bt.segments_.front().offset = std::chrono::milliseconds(info.offset).count();
  while (info.end < limit) {
    info = zone->get_info(info.end);
    const std::int64_t offset = std::chrono::milliseconds(info.offset).count();
    if (offset != bt.segments_.back().offset) {
      bt.segments_.push_back({std::chrono::milliseconds(info.begin.time_since_epoch()).count(), offset});
    }
  }
  return bt;
}

BusinessTime::DayPlan BusinessTime::AddPlan(const std::vector<Interval>& hours) {
  DayPlan plan;
  plan.first = static_cast<std::uint32_t>(pool_.size());
  plan.count = static_cast<std::uint32_t>(hours.size());
  for (const Interval& iv : hours) {
    pool_.push_back({iv.start * kMsPerMinute, iv.end * kMsPerMinute});
    plan.open_ms += (iv.end - iv.start) * kMsPerMinute;
  }
  return plan;
}

const BusinessTime::DayPlan& BusinessTime::PlanFor(std::int64_t day) const {
  const auto it = std::lower_bound(exception_days_.begin(), exception_days_.end(), day);
  if (it != exception_days_.end() && *it == day)
    return exceptions_[static_cast<std::size_t>(it - exception_days_.begin())].plan;
  return week_[WeekdayIndex(day)];
}

std::size_t BusinessTime::SegmentAt(TimeMs t) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), t,
                                   [](TimeMs v, const OffsetSegment& s) { return v < s.begin; });
  return static_cast<std::size_t>(it - segments_.begin()) - 1;
}

std::int64_t BusinessTime::InDayMs(const DayPlan& plan, std::int64_t from, std::int64_t to) const {
  std::int64_t total = 0;
  for (std::uint32_t k = 0; k < plan.count; ++k) {
    const Span& s = pool_[plan.first + k];
    const std::int64_t lo = std::max(s.start, from);
    const std::int64_t hi = std::min(s.end, to);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

std::int64_t BusinessTime::RegularDaysMs(std::int64_t first_day, std::int64_t end_day) const {
  const std::int64_t n = end_day - first_day;
  const std::size_t wd = WeekdayIndex(first_day);
  const auto rem = static_cast<std::size_t>(n % kDaysPerWeek);
  return (n / kDaysPerWeek) * week_ms_ + week_prefix_[wd + rem] - week_prefix_[wd];
}

std::int64_t BusinessTime::LocalFullDaysMs(std::int64_t first_day, std::int64_t end_day) const {
  if (end_day <= first_day) return 0;
  const auto lo = std::lower_bound(exception_days_.begin(), exception_days_.end(), first_day) - exception_days_.begin();
  const auto hi = std::lower_bound(exception_days_.begin(), exception_days_.end(), end_day) - exception_days_.begin();
  return RegularDaysMs(first_day, end_day) + delta_prefix_[static_cast<std::size_t>(hi)] -
         delta_prefix_[static_cast<std::size_t>(lo)];
}

std::int64_t BusinessTime::LocalBusinessMs(std::int64_t a, std::int64_t b) const {
  if (b <= a) return 0;
  const std::int64_t da = FloorDiv(a, kMsPerDay);
  const std::int64_t db = FloorDiv(b, kMsPerDay);
  const std::int64_t xa = a - da * kMsPerDay;
  const std::int64_t xb = b - db * kMsPerDay;
  if (da == db) return InDayMs(PlanFor(da), xa, xb);
  return InDayMs(PlanFor(da), xa, kMsPerDay) + LocalFullDaysMs(da + 1, db) + InDayMs(PlanFor(db), 0, xb);
}

std::int64_t BusinessTime::LocalAdd(std::int64_t from, std::int64_t ms) const {
  // Walks `plan` from local midnight of `day` until `ms` (0 < ms <= plan.open_ms) is used up.
  auto finish_in = [this](const DayPlan& plan, std::int64_t day, std::int64_t left) {
    for (std::uint32_t k = 0; k < plan.count; ++k) {
      const Span& s = pool_[plan.first + k];
      if (left <= s.end - s.start) return day * kMsPerDay + s.start + left;
      left -= s.end - s.start;
    }
    return day * kMsPerDay + pool_[plan.first + plan.count - 1].end;  // unreachable when REQUIRES hold
  };

  std::int64_t day = FloorDiv(from, kMsPerDay);
  const std::int64_t x = from - day * kMsPerDay;
  const DayPlan& today = PlanFor(day);
  for (std::uint32_t k = 0; k < today.count; ++k) {
    const Span& s = pool_[today.first + k];
    const std::int64_t start = std::max(s.start, x);
    if (s.end <= start) continue;
    if (ms <= s.end - start) return day * kMsPerDay + start + ms;
    ms -= s.end - start;
  }
  ++day;

  auto next = static_cast<std::size_t>(std::lower_bound(exception_days_.begin(), exception_days_.end(), day) -
                                       exception_days_.begin());
  for (;;) {
    if (next < exception_days_.size() && exception_days_[next] == day) {
      const DayPlan& plan = exceptions_[next].plan;
      if (ms <= plan.open_ms) return finish_in(plan, day, ms);
      ms -= plan.open_ms;
      ++day;
      ++next;
      continue;
    }
    // Regular days from `day` up to the next exception (or forever).
    if (next < exception_days_.size()) {
      const std::int64_t run = RegularDaysMs(day, exception_days_[next]);
      if (ms > run) {
        ms -= run;
        day = exception_days_[next];
        continue;
      }
    }
    // The answer lies in this run. Skip whole weeks, leaving 1..week_ms_ to place; a run holds
    // at least that many weeks because the days past its last whole week hold at most week_ms_.
    const std::int64_t weeks = (ms - 1) / week_ms_;
    day += weeks * kDaysPerWeek;
    ms -= weeks * week_ms_;
    for (;;) {
      const DayPlan& plan = week_[WeekdayIndex(day)];
      if (ms <= plan.open_ms) return finish_in(plan, day, ms);
      ms -= plan.open_ms;
      ++day;
    }
  }
}

bool BusinessTime::LocalIsOpen(std::int64_t l) const {
  const std::int64_t day = FloorDiv(l, kMsPerDay);
  const std::int64_t x = l - day * kMsPerDay;
  const DayPlan& plan = PlanFor(day);
  for (std::uint32_t k = 0; k < plan.count; ++k) {
    const Span& s = pool_[plan.first + k];
    if (s.start <= x && x < s.end) return true;
  }
  return false;
}

std::int64_t BusinessTime::LocalNextOpen(std::int64_t l) const {
  std::int64_t day = FloorDiv(l, kMsPerDay);
  const std::int64_t x = l - day * kMsPerDay;
  const DayPlan& today = PlanFor(day);
  for (std::uint32_t k = 0; k < today.count; ++k) {
    const Span& s = pool_[today.first + k];
    if (s.end > x) return day * kMsPerDay + std::max(s.start, x);
  }
  // Some weekday has hours, so this ends after the exceptions in the way plus at most a week.
  for (++day;; ++day) {
    const DayPlan& plan = PlanFor(day);
    if (plan.count > 0) return day * kMsPerDay + pool_[plan.first].start;
  }
}

TimeMs BusinessTime::AddBusinessMs(TimeMs from, std::int64_t ms) const {
  if (ms <= 0) return from;
  if (always_open_) return from + ms;
  std::size_t i = SegmentAt(from);
  TimeMs t = from;
  for (;;) {
    const std::int64_t offset = segments_[i].offset;
    if (i + 1 == segments_.size()) return LocalAdd(t + offset, ms) - offset;
    const TimeMs end = segments_[i + 1].begin;
    const std::int64_t available = LocalBusinessMs(t + offset, end + offset);
    if (ms <= available) return LocalAdd(t + offset, ms) - offset;
    ms -= available;
    t = end;
    ++i;
  }
}

std::int64_t BusinessTime::BusinessMsBetween(TimeMs a, TimeMs b) const {
  if (b <= a) return 0;
  if (always_open_) return b - a;
  std::size_t i = SegmentAt(a);
  TimeMs t = a;
  std::int64_t total = 0;
  while (t < b) {
    const std::int64_t offset = segments_[i].offset;
    const TimeMs end = i + 1 == segments_.size() ? b : std::min(b, segments_[i + 1].begin);
    total += LocalBusinessMs(t + offset, end + offset);
    t = end;
    ++i;
  }
  return total;
}

bool BusinessTime::IsOpen(TimeMs t) const {
  if (always_open_) return true;
  return LocalIsOpen(t + segments_[SegmentAt(t)].offset);
}

TimeMs BusinessTime::NextOpen(TimeMs t) const {
  if (always_open_) return t;
  std::size_t i = SegmentAt(t);
  for (;;) {
    const std::int64_t offset = segments_[i].offset;
    const TimeMs candidate = LocalNextOpen(t + offset) - offset;
    if (i + 1 == segments_.size() || candidate < segments_[i + 1].begin) return candidate;
    t = segments_[i + 1].begin;
    ++i;
  }
}

std::int64_t BusinessTime::LocalDay(TimeMs t) const {
  return FloorDiv(t + segments_[SegmentAt(t)].offset, kMsPerDay);
}

bool BusinessTime::DependsOnUnknownDays(TimeMs from, TimeMs to) const {
  if (!known_years_ || to <= from) return false;
  return LocalDay(from) < DayNumber(known_years_->FirstDay()) || LocalDay(to - 1) > DayNumber(known_years_->LastDay());
}

std::optional<RunOut> RunOutOf(const Calendar& cal) {
  const auto known = KnownYearsOf(cal);
  if (!known) return std::nullopt;
  const date::time_zone* zone = date::locate_zone(cal.time_zone);
  // Local midnight of a day, as an instant (the first instant after a gap, should midnight be skipped).
  auto midnight = [zone](std::int64_t day) {
    const date::local_seconds local{date::local_days{date::days{day}}};
    return std::chrono::milliseconds(zone->to_sys(local, date::choose::earliest).time_since_epoch()).count();
  };
  const std::int64_t first_unknown = DayNumber({known->last + 1, 1, 1});
  return RunOut{*known, midnight(first_unknown), midnight(first_unknown - kRunOutNoticeDays)};
}

Message RunOutMessage(const Calendar& cal, const RunOut& r) {
  return Msg("notification.calendar_run_out",
             "Calendar {name} ({code}) knows public holidays only until {last_day}: due times after that day count "
             "holidays as working days. Add the holidays of {next_year}.",
             {{"name", cal.name},
              {"code", cal.code},
              {"last_day", FormatLocalDate(r.known.LastDay())},
              {"next_year", std::to_string(r.known.last + 1)}});
}

}  // namespace sqm::calendar
