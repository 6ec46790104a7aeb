#include "calendar/builtin.h"

#include <string>

namespace sqm::calendar {

namespace {

struct Range {
  const char* first;  // "YYYY-MM-DD"
  int days;
  ExceptionKind kind;
  const char* name;
};

// Mainland-China public holidays and make-up working days. Holiday ranges are inclusive of
// weekend days inside them; that is harmless (a weekend day is closed anyway) and keeps the table
// a literal copy of the notices.
constexpr Range kCnHolidays[] = {
    // 2025 — 国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)
    {"2025-01-01", 1, ExceptionKind::kHoliday, "元旦"},
    {"2025-01-26", 1, ExceptionKind::kWorkday, "春节补班"},
    {"2025-01-28", 8, ExceptionKind::kHoliday, "春节"},
    {"2025-02-08", 1, ExceptionKind::kWorkday, "春节补班"},
    {"2025-04-04", 3, ExceptionKind::kHoliday, "清明节"},
    {"2025-04-27", 1, ExceptionKind::kWorkday, "劳动节补班"},
    {"2025-05-01", 5, ExceptionKind::kHoliday, "劳动节"},
    {"2025-05-31", 3, ExceptionKind::kHoliday, "端午节"},
    {"2025-09-28", 1, ExceptionKind::kWorkday, "国庆节、中秋节补班"},
    {"2025-10-01", 8, ExceptionKind::kHoliday, "国庆节、中秋节"},
    {"2025-10-11", 1, ExceptionKind::kWorkday, "国庆节、中秋节补班"},
    // 2026 — 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
    {"2026-01-01", 3, ExceptionKind::kHoliday, "元旦"},
    {"2026-01-04", 1, ExceptionKind::kWorkday, "元旦补班"},
    {"2026-02-14", 1, ExceptionKind::kWorkday, "春节补班"},
    {"2026-02-15", 9, ExceptionKind::kHoliday, "春节"},
    {"2026-02-28", 1, ExceptionKind::kWorkday, "春节补班"},
    {"2026-04-04", 3, ExceptionKind::kHoliday, "清明节"},
    {"2026-05-01", 5, ExceptionKind::kHoliday, "劳动节"},
    {"2026-05-09", 1, ExceptionKind::kWorkday, "劳动节补班"},
    {"2026-06-19", 3, ExceptionKind::kHoliday, "端午节"},
    {"2026-09-20", 1, ExceptionKind::kWorkday, "国庆节补班"},
    {"2026-09-25", 3, ExceptionKind::kHoliday, "中秋节"},
    {"2026-10-01", 7, ExceptionKind::kHoliday, "国庆节"},
    {"2026-10-10", 1, ExceptionKind::kWorkday, "国庆节补班"},
};

Calendar Make24x7() {
  Calendar cal;
  cal.code = std::string(k24x7Code);
  cal.name = "24x7";
  cal.time_zone = "UTC";
  cal.always_open = true;
  return cal;
}

Calendar MakeCnMainland() {
  Calendar cal;
  cal.code = std::string(kCnMainlandCode);
  cal.name = "中国大陆工作日 (Mainland China working days)";
  cal.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) cal.week[static_cast<std::size_t>(d)] = {{9 * 60, 12 * 60}, {13 * 60, 18 * 60}};
  for (const Range& r : kCnHolidays) {
    const std::int64_t first = DayNumber(*ParseLocalDate(r.first));
    for (int i = 0; i < r.days; ++i) {
      DayException ex;
      ex.date = DateFromDayNumber(first + i);
      ex.kind = r.kind;
      ex.name = r.name;
      cal.exceptions.push_back(std::move(ex));
    }
  }
  return cal;
}

}  // namespace

const Calendar& Builtin24x7() {
  static const Calendar kCal = Make24x7();
  return kCal;
}

const Calendar& BuiltinCnMainland() {
  static const Calendar kCal = MakeCnMainland();
  return kCal;
}

std::vector<Calendar> BuiltinCalendars() {
  return {Builtin24x7(), BuiltinCnMainland()};
}

const Calendar* FindBuiltin(std::string_view code) {
  if (code == k24x7Code) return &Builtin24x7();
  if (code == kCnMainlandCode) return &BuiltinCnMainland();
  return nullptr;
}

}  // namespace sqm::calendar
