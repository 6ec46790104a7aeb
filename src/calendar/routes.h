// HTTP routes of business calendars (src/calendar/registry.h):
//   GET  /api/v1/calendars                      authenticated  every calendar, with its definition
//   POST /api/v1/calendars                      sla.manage     create
//   GET  /api/v1/calendars/{code}               sla.manage     one calendar
//   PUT  /api/v1/calendars/{code}               sla.manage     replace the definition
//   POST /api/v1/calendars/{code}/import        sla.manage     add holidays / make-up days (iCalendar or JSON)
//   GET  /api/v1/calendars/{code}/due           authenticated  ?from=<ISO-8601 with offset>&minutes=N
//                                                              -> {"due": "<ISO-8601 in the calendar's zone>"},
//                                                              plus "warning" ({message, key, args}) when the
//                                                              answer depends on days outside the known holiday
//                                                              years (BusinessTime::DependsOnUnknownDays)
// Every calendar answer carries "known_years": {"first", "last", "runs_out_at", "notice_at"} (rules.h
// RunOut: the first unknown day's local midnight, and when administrators hear of it), or null when
// the calendar never runs out.
#pragma once

#include <string>

#include "base/clock.h"
#include "calendar/registry.h"
#include "http/router.h"

namespace sqm::calendar {

void AddRoutes(http::Router& router, Registry& registry);

// `t` as ISO-8601 local time of `time_zone` with its offset: "2026-10-09T10:00:00+08:00"
// (milliseconds only when not zero). REQUIRES: time_zone is known to the tz database.
std::string FormatInZone(TimeMs t, const std::string& time_zone);

}  // namespace sqm::calendar
