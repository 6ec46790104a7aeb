// Business calendars: when an organisation is at work. A calendar says, in its own IANA time zone,
// which minutes of which local days are working time: a weekly pattern (several intervals a day,
// e.g. 09:00-12:00 and 13:00-18:00) plus exceptions on dated local days — public holidays (closed all
// day) and make-up working days (调休上班: a weekend day worked with a weekday's hours). An
// `always_open` calendar is open every instant (24x7) and has neither pattern nor exceptions.
//
// Everything here is local wall-clock time. rules.h compiles a Calendar into BusinessTime, which
// answers questions about UTC instants.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sqm::calendar {

inline constexpr int kMinutesPerDay = 1440;
inline constexpr int kDaysPerWeek = 7;
// Upper bounds a definition must respect (they keep compiled calendars small and loops bounded).
inline constexpr std::size_t kMaxIntervalsPerDay = 48;
inline constexpr std::size_t kMaxExceptions = 10'000;
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2999;

// Index order is the ISO order: Monday is 0, Sunday is 6.
enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// "mon" ... "sun", the keys used in JSON.
const char* WeekdayKey(Weekday d);
std::optional<Weekday> ParseWeekdayKey(std::string_view key);

// Working time on one local day, in minutes since local midnight: [start, end).
// A valid interval has 0 <= start < end <= 1440 (end 1440 is "24:00").
struct Interval {
  int start = 0;
  int end = 0;
  bool operator==(const Interval&) const = default;
};

// "HH:MM" with 00:00 <= t <= 24:00. nullopt when malformed.
std::optional<int> ParseMinuteOfDay(std::string_view text);
// 540 -> "09:00", 1440 -> "24:00".
std::string FormatMinuteOfDay(int minute);

// A date on the proleptic Gregorian calendar, read in the calendar's own time zone.
struct LocalDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const LocalDate&) const = default;
};

// "YYYY-MM-DD"; nullopt when malformed, not a real date, or outside kMinYear..kMaxYear.
std::optional<LocalDate> ParseLocalDate(std::string_view text);
std::string FormatLocalDate(LocalDate d);
// Days since 1970-01-01 (negative before). REQUIRES: d is a real date.
std::int64_t DayNumber(LocalDate d);
LocalDate DateFromDayNumber(std::int64_t day_number);
Weekday WeekdayOfDayNumber(std::int64_t day_number);

enum class ExceptionKind {
  kHoliday,  // closed all day, whatever the weekly pattern says
  kWorkday,  // open although the weekly pattern may say closed (make-up working day, 调休上班)
};
const char* ExceptionKindName(ExceptionKind k);  // "holiday", "workday"
std::optional<ExceptionKind> ParseExceptionKind(std::string_view name);

struct DayException {
  LocalDate date;
  ExceptionKind kind = ExceptionKind::kHoliday;
  std::string name;  // "春节", "春节补班"; may be empty
  // kWorkday only, at most one of the two: worked with exactly `hours`, or with the weekly hours
  // of `hours_of`; with neither, with Monday's hours. A holiday has neither.
  std::optional<Weekday> hours_of;
  std::vector<Interval> hours;
  bool operator==(const DayException&) const = default;
};

struct Calendar {
  std::string code;  // [a-z0-9][a-z0-9_-]{0,63}, e.g. "cn-mainland", "24x7"
  std::string name;
  std::string time_zone = "UTC";  // IANA name known to the system tz database
  bool always_open = false;
  std::array<std::vector<Interval>, kDaysPerWeek> week;  // indexed by Weekday; empty = closed
  std::vector<DayException> exceptions;                  // any order; one per date
  bool operator==(const Calendar&) const = default;
};

// The years whose public holidays and make-up working days a calendar knows. Holiday data comes a
// whole year at a time (one State Council notice a year), so a calendar knows every day of the
// years from its earliest dated exception to its latest. Outside those years it knows only the
// weekly pattern, and would count a public holiday there as a working day: answers that depend on
// such days carry a warning, and administrators hear of it before the data runs out.
struct KnownYears {
  int first = 0;
  int last = 0;
  LocalDate FirstDay() const { return {first, 1, 1}; }
  LocalDate LastDay() const { return {last, 12, 31}; }
  bool operator==(const KnownYears&) const = default;
};

// nullopt for a calendar with no dated exceptions (always open, or a weekly pattern that observes
// no holidays): it has no holiday data to run out of.
std::optional<KnownYears> KnownYearsOf(const Calendar& cal);

// The intervals a day exception is worked with (empty for a holiday).
const std::vector<Interval>& WorkdayHours(const Calendar& cal, const DayException& ex);

// Checks a definition. The error's field names the first offending part:
//   code, name, time_zone, week, week[2][0].start, week[2][1].end (index = Weekday, then interval),
//   exceptions, exceptions[3].date, exceptions[3].hours[0].end, exceptions[3].hours_of
// Rules: intervals have 0 <= start < end <= 1440 and are sorted and non-overlapping (touching is
// fine); the zone is known; a calendar that is not always_open has working hours on at least one
// weekday (so every due time exists); an always_open calendar has no week and no exceptions;
// exception dates are unique; a holiday has no hours; a make-up day has hours or hours_of (not both)
// and ends up with some hours.
Status Validate(const Calendar& cal);

}  // namespace sqm::calendar
