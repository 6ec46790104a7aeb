// Calendars as text: the JSON the API and `sqm import` speak, and iCalendar (RFC 5545) holiday feeds.
// Pure functions on text; every error names the field (JSON) or the line (iCalendar).
//
// JSON (all keys but "always_open", "week" and "exceptions" required; unknown keys are errors):
//   {"code": "cn-2027", "name": "2027 工作日", "time_zone": "Asia/Shanghai", "always_open": false,
//    "week": {"mon": [["09:00", "12:00"], ["13:00", "18:00"]], ..., "sun": []},   // missing day = closed
//    "exceptions": [
//      {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
//      {"date": "2027-02-07", "kind": "workday", "name": "春节补班"},               // Monday's hours
//      {"date": "2027-02-20", "kind": "workday", "hours_of": "fri"},                // Friday's hours
//      {"date": "2027-10-09", "kind": "workday", "hours": [["09:00", "12:00"]]}]}   // explicit hours
// Field names in errors follow Validate: "week[2][0].end" (weekday index, Monday = 0),
// "exceptions[3].date".
//
// iCalendar: every VEVENT inside the VCALENDAR is an all-day event (DTSTART;VALUE=DATE:20270101,
// or a bare 8-digit date) covering DTSTART up to but excluding DTEND (or DURATION:P<n>D / P<n>W;
// one day when neither is given), and becomes one exception per day, named by its SUMMARY.
// A day is a make-up working day (worked with Monday's hours) when
//   - the event has X-SQM-KIND:workday (X-SQM-KIND:holiday forces a holiday), or else
//   - its SUMMARY contains 补班, 调休上班, （班）, (班), "workday" or "working day" (ASCII case-
//     insensitive), or is exactly 班;
// otherwise it is a holiday. Events with STATUS:CANCELLED are skipped. Timed events, RRULE and
// RDATE are rejected (list each date instead). A date listed twice with the same kind keeps one
// entry whose name joins both summaries; the same date as holiday and workday is an error.
// Error fields are "line N" and messages start with "line N:"; N counts physical lines from 1.
#pragma once

#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "calendar/model.h"

namespace sqm::calendar {

// Reads and validates a calendar definition.
Result<Calendar> CalendarFromJson(const boost::json::value& body);
Result<Calendar> CalendarFromJsonText(std::string_view text);

// The JSON form above. All seven weekdays are present; "hours_of" and "hours" appear when set.
// CalendarFromJson(CalendarToJson(c)) == c for a valid c.
boost::json::value CalendarToJson(const Calendar& cal);

// Day exceptions from an iCalendar feed, sorted by date.
Result<std::vector<DayException>> ExceptionsFromICalendar(std::string_view text);

// `cal` with `imported` added; an imported date replaces an existing exception for that date.
// The result is not validated (Compile or Validate it).
Calendar MergeExceptions(Calendar cal, const std::vector<DayException>& imported);

}  // namespace sqm::calendar
