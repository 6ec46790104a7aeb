// Calendar import: the JSON definition and iCalendar feeds (calendar/codec.h), then what the
// server does with an accepted calendar: merge, validate, compile, and ask it for due times.
// The first byte picks the format. Must never crash, leak or hang; a calendar read from JSON
// reads back the same from its JSON (the codec's contract).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "calendar/builtin.h"
#include "calendar/codec.h"
#include "calendar/rules.h"

using namespace sqm;
using namespace sqm::calendar;

namespace {

void Use(const Calendar& cal) {
  auto compiled = BusinessTime::Compile(cal);
  if (!compiled.ok()) return;
  constexpr TimeMs kJan2026 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
  const TimeMs due = compiled->AddBusinessMinutes(kJan2026, 7 * 24 * 60);
  (void)compiled->BusinessMsBetween(kJan2026, due);
  (void)compiled->NextOpen(kJan2026);
  (void)compiled->IsOpen(due);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    auto cal = CalendarFromJsonText(text);
    if (!cal.ok()) return 0;
    auto back = CalendarFromJson(CalendarToJson(*cal));
    if (!back.ok() || !(*back == *cal)) __builtin_trap();
    Use(*cal);
  } else {
    auto days = ExceptionsFromICalendar(text);
    if (!days.ok()) return 0;
    Use(MergeExceptions(BuiltinCnMainland(), *days));
  }
  return 0;
}
