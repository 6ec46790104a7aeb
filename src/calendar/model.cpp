#include "calendar/model.h"

#include <algorithm>
#include <exception>
#include <set>

#include <date/date.h>
#include <date/tz.h>

namespace sqm::calendar {

namespace {

constexpr std::array<const char*, kDaysPerWeek> kWeekdayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::string TwoDigits(int v) {
  std::string s(2, '0');
  s[0] = static_cast<char>('0' + v / 10);
  s[1] = static_cast<char>('0' + v % 10);
  return s;
}

bool ValidCode(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!plain(code[0])) return false;
  return std::all_of(code.begin(), code.end(), [&](char c) { return plain(c) || c == '_' || c == '-'; });
}

bool KnownZone(const std::string& name) {
  if (name.empty()) return false;
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

// Checks one day's list; `path` is e.g. "week[2]" or "exceptions[3].hours".
Status ValidateIntervals(const std::vector<Interval>& list, const std::string& path) {
  if (list.size() > kMaxIntervalsPerDay) {
    return Error::Invalid(path, Msg("calendar.too_many_intervals", "at most {max} intervals a day",
                                    {{"max", std::to_string(kMaxIntervalsPerDay)}}));
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const Interval& iv = list[i];
    if (iv.start < 0 || iv.start >= kMinutesPerDay) {
      return Error::Invalid(at + ".start", Msg("calendar.bad_start", "must be a time from 00:00 to 23:59"));
    }
    if (iv.end <= 0 || iv.end > kMinutesPerDay) {
      return Error::Invalid(at + ".end", Msg("calendar.bad_end", "must be a time from 00:01 to 24:00"));
    }
    if (iv.end <= iv.start) {
      return Error::Invalid(at + ".end", Msg("calendar.end_before_start", "must be after the start ({start})",
                                             {{"start", FormatMinuteOfDay(iv.start)}}));
    }
    if (i > 0 && iv.start < list[i - 1].end) {
      return Error::Invalid(at + ".start",
                            Msg("calendar.intervals_overlap",
                                "intervals must be sorted and must not overlap; the previous one ends at {end}",
                                {{"end", FormatMinuteOfDay(list[i - 1].end)}}));
    }
  }
  return {};
}

}  // namespace

const char* WeekdayKey(Weekday d) {
  return kWeekdayKeys[static_cast<std::size_t>(d)];
}

std::optional<Weekday> ParseWeekdayKey(std::string_view key) {
  for (std::size_t i = 0; i < kWeekdayKeys.size(); ++i) {
    if (key == kWeekdayKeys[i]) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

std::optional<int> ParseMinuteOfDay(std::string_view text) {
  int h = 0;
  int m = 0;
  if (text.size() != 5 || text[2] != ':' || !Digits(text, 0, 2, h) || !Digits(text, 3, 2, m)) {
    return std::nullopt;
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatMinuteOfDay(int minute) {
  return TwoDigits(minute / 60) + ":" + TwoDigits(minute % 60);
}

std::optional<LocalDate> ParseLocalDate(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, y) || !Digits(text, 5, 2, m) ||
      !Digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  if (y < kMinYear || y > kMaxYear) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalDate{y, m, d};
}

std::string FormatLocalDate(LocalDate d) {
  std::string y = std::to_string(d.year);
  while (y.size() < 4) y.insert(y.begin(), '0');
  return y + "-" + TwoDigits(d.month) + "-" + TwoDigits(d.day);
}

std::int64_t DayNumber(LocalDate d) {
  const date::year_month_day ymd{date::year{d.year}, date::month{static_cast<unsigned>(d.month)},
                                 date::day{static_cast<unsigned>(d.day)}};
  return date::sys_days{ymd}.time_since_epoch().count();
}

LocalDate DateFromDayNumber(std::int64_t day_number) {
  const date::year_month_day ymd{date::sys_days{date::days{day_number}}};
  return LocalDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Weekday WeekdayOfDayNumber(std::int64_t day_number) {
  // 1970-01-01 was a Thursday (index 3).
  std::int64_t w = (day_number + 3) % kDaysPerWeek;
  if (w < 0) w += kDaysPerWeek;
  return static_cast<Weekday>(w);
}

const char* ExceptionKindName(ExceptionKind k) {
  return k == ExceptionKind::kHoliday ? "holiday" : "workday";
}

std::optional<ExceptionKind> ParseExceptionKind(std::string_view name) {
  if (name == "holiday") return ExceptionKind::kHoliday;
  if (name == "workday") return ExceptionKind::kWorkday;
  return std::nullopt;
}

std::optional<KnownYears> KnownYearsOf(const Calendar& cal) {
  if (cal.always_open || cal.exceptions.empty()) return std::nullopt;
  const auto [lo, hi] = std::minmax_element(cal.exceptions.begin(), cal.exceptions.end(),
                                            [](const auto& a, const auto& b) { return a.date < b.date; });
  return KnownYears{lo->date.year, hi->date.year};
}

const std::vector<Interval>& WorkdayHours(const Calendar& cal, const DayException& ex) {
  static const std::vector<Interval> kNone;
  if (ex.kind == ExceptionKind::kHoliday) return kNone;
  if (!ex.hours.empty()) return ex.hours;
  return cal.week[static_cast<std::size_t>(ex.hours_of.value_or(Weekday::kMonday))];
}

Status Validate(const Calendar& cal) {
  if (!ValidCode(cal.code)) {
    return Error::Invalid(
        "code",
        Msg("calendar.bad_code", "must be 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit"));
  }
  const std::size_t name_len = CodePoints(cal.name);
  if (name_len == 0 || name_len > 100)
    return Error::Invalid("name", Msg("calendar.bad_name", "must be 1-100 characters"));
  if (!KnownZone(cal.time_zone)) {
    return Error::Invalid(
        "time_zone", Msg("calendar.unknown_zone", "unknown time zone '{zone}'; use an IANA name such as Asia/Shanghai",
                         {{"zone", cal.time_zone}}));
  }
  if (cal.always_open) {
    for (const auto& day : cal.week) {
      if (!day.empty()) {
        return Error::Invalid("week", Msg("calendar.always_open_hours", "an always-open calendar has no weekly hours"));
      }
    }
    if (!cal.exceptions.empty()) {
      return Error::Invalid("exceptions",
                            Msg("calendar.always_open_exceptions", "an always-open calendar has no exceptions"));
    }
    return {};
  }
  bool any_hours = false;
  for (std::size_t d = 0; d < cal.week.size(); ++d) {
    SQM_TRY(ValidateIntervals(cal.week[d], "week[" + std::to_string(d) + "]"));
    any_hours = any_hours || !cal.week[d].empty();
  }
  if (!any_hours) {
    return Error::Invalid("week", Msg("calendar.no_working_hours", "at least one weekday must have working hours"));
  }
  if (cal.exceptions.size() > kMaxExceptions) {
    return Error::Invalid("exceptions", Msg("calendar.too_many_exceptions", "at most {max} exceptions",
                                            {{"max", std::to_string(kMaxExceptions)}}));
  }
  std::set<LocalDate> seen;
  for (std::size_t i = 0; i < cal.exceptions.size(); ++i) {
    const DayException& ex = cal.exceptions[i];
    const std::string at = "exceptions[" + std::to_string(i) + "]";
    const date::year_month_day ymd{date::year{ex.date.year}, date::month{static_cast<unsigned>(ex.date.month)},
                                   date::day{static_cast<unsigned>(ex.date.day)}};
    if (!ymd.ok() || ex.date.year < kMinYear || ex.date.year > kMaxYear) {
      return Error::Invalid(at + ".date", Msg("calendar.invalid_date", "not a valid date"));
    }
    if (!seen.insert(ex.date).second) {
      return Error::Invalid(at + ".date", Msg("calendar.date_twice", "{date} is listed more than once",
                                              {{"date", FormatLocalDate(ex.date)}}));
    }
    if (CodePoints(ex.name) > 100) {
      return Error::Invalid(at + ".name", Msg("field.too_long", "must be at most {max} characters", {{"max", "100"}}));
    }
    if (ex.kind == ExceptionKind::kHoliday) {
      const Message closed = Msg("calendar.holiday_hours", "a holiday is closed all day and has no hours");
      if (!ex.hours.empty()) return Error::Invalid(at + ".hours", closed);
      if (ex.hours_of) return Error::Invalid(at + ".hours_of", closed);
      continue;
    }
    SQM_TRY(ValidateIntervals(ex.hours, at + ".hours"));
    if (ex.hours_of && !ex.hours.empty()) {
      return Error::Invalid(at + ".hours_of",
                            Msg("calendar.hours_and_hours_of", "give either hours or hours_of, not both"));
    }
    if (WorkdayHours(cal, ex).empty()) {
      return Error::Invalid(
          at + ".hours_of",
          Msg("calendar.workday_without_hours",
              "a make-up working day needs hours, but {weekday} has none; give hours or another hours_of",
              {{"weekday", std::string(WeekdayKey(ex.hours_of.value_or(Weekday::kMonday)))}}));
    }
  }
  return {};
}

}  // namespace sqm::calendar
