#include "base/clock.h"

#include <chrono>
#include <cstdio>

#include <date/date.h>

namespace sqm {

TimeMs SystemClock::Now() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string FormatIsoUtc(TimeMs t) {
  using namespace std::chrono;
  const date::sys_time<milliseconds> tp{milliseconds{t}};
  const auto day = date::floor<date::days>(tp);
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  // Printed by hand: date::format goes through streams and locales, and every SLA timer event
  // formats two instants. date::format stays the answer for years that are not four digits.
  if (year < 0 || year > 9999) return date::format("%FT%TZ", tp);
  const date::hh_mm_ss<milliseconds> time{tp - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year, static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return buf;
}

namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<TimeMs> ParseIsoTime(std::string_view s) {
  int y, mo, d;
  if (!Digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, mo) || s[7] != '-' ||
      !Digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  const std::int64_t day_ms = static_cast<std::int64_t>(date::sys_days{ymd}.time_since_epoch().count()) * 86'400'000;
  if (s.size() == 10) return day_ms;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  int h, mi, sec = 0;
  if (!Digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !Digits(s, 14, 2, mi)) return std::nullopt;
  size_t pos = 16;
  std::int64_t ms = 0;
  if (pos < s.size() && s[pos] == ':') {
    if (!Digits(s, pos + 1, 2, sec)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      int scale = 100, ndigits = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (ndigits < 3) ms += (s[pos] - '0') * scale;
        scale /= 10;
        ++ndigits;
        ++pos;
      }
      if (ndigits == 0) return std::nullopt;
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  std::int64_t offset_min = 0;
  if (pos >= s.size()) return std::nullopt;  // a zone is required for date-times
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '-' ? -1 : 1;
    int oh, om;
    if (!Digits(s, pos + 1, 2, oh)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (!Digits(s, pos, 2, om)) return std::nullopt;
    pos += 2;
    if (oh > 23 || om > 59) return std::nullopt;
    offset_min = sign * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  return day_ms + ((h * 60 + mi) * 60 + sec) * 1000LL + ms - offset_min * 60'000;
}

}  // namespace sqm
