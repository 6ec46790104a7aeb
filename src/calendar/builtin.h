// The calendars every installation has:
//   "24x7"        — UTC, always open.
//   "cn-mainland" — Asia/Shanghai, Monday to Friday 09:00-12:00 and 13:00-18:00, without the
//                   mainland-China public holidays of 2025 and 2026 and with their make-up working
//                   days (调休上班, worked with Monday's hours), as announced by the State Council
//                   General Office on 2024-11-12 (for 2025) and 2025-11-04 (for 2026).
// Later years are added by importing the next notice (JSON or iCalendar, see codec.h).
#pragma once

#include <string_view>
#include <vector>

#include "calendar/model.h"

namespace sqm::calendar {

inline constexpr std::string_view k24x7Code = "24x7";
inline constexpr std::string_view kCnMainlandCode = "cn-mainland";

const Calendar& Builtin24x7();
const Calendar& BuiltinCnMainland();
// Both, in the order above.
std::vector<Calendar> BuiltinCalendars();
// nullptr when `code` is not built in.
const Calendar* FindBuiltin(std::string_view code);

}  // namespace sqm::calendar
