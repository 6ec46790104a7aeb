#include "desk/import/times.h"

#include <cmath>

#include <fmt/format.h>

#include "desk/model.h"

namespace sqm::desk::import {

namespace {

constexpr TimeMs kDayMs = 86'400'000;
constexpr double kExcelUnixEpoch = 25569.0;  // 1970-01-01 as an Excel serial

}  // namespace

std::optional<TimeMs> ParseTime(std::string_view text, const calendar::Zone& zone) {
  std::string_view s = TrimSpace(text);
  std::size_t pos = 0;
  auto number = [&](std::size_t min_digits, std::size_t max_digits, int& out) {
    std::size_t n = 0;
    out = 0;
    while (pos < s.size() && n < max_digits && s[pos] >= '0' && s[pos] <= '9') {
      out = out * 10 + (s[pos] - '0');
      ++pos;
      ++n;
    }
    return n >= min_digits;
  };
  int y, mo, d, h, mi, sec = 0;
  if (!number(4, 4, y) || pos >= s.size() || (s[pos] != '-' && s[pos] != '/')) return std::nullopt;
  const char sep = s[pos++];
  if (!number(1, 2, mo) || pos >= s.size() || s[pos] != sep) return std::nullopt;
  ++pos;
  if (!number(1, 2, d)) return std::nullopt;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;  // a time is required
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T' || s[pos] == 't')) ++pos;
  if (!number(1, 2, h) || pos >= s.size() || s[pos] != ':') return std::nullopt;
  ++pos;
  if (!number(2, 2, mi)) return std::nullopt;
  std::string fraction;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!number(2, 2, sec)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') fraction += s[pos++];
      if (fraction.empty()) return std::nullopt;
    }
  }
  const std::string_view offset = TrimSpace(s.substr(pos));
  std::string iso = fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", y, mo, d, h, mi, sec);
  if (!fraction.empty()) iso += "." + fraction;
  if (!offset.empty()) return ParseIsoTime(iso + std::string(offset));
  // Local wall time: read as if it were UTC (which also checks the date), then placed in the zone.
  auto local = ParseIsoTime(iso + "Z");
  if (!local) return std::nullopt;
  return zone.FromLocal(*local);
}

TimeMs FromExcelSerial(double serial, const calendar::Zone& zone) {
  return zone.FromLocal(std::llround((serial - kExcelUnixEpoch) * static_cast<double>(kDayMs)));
}

double ToExcelSerial(TimeMs t, const calendar::Zone& zone) {
  return static_cast<double>(zone.ToLocal(t)) / static_cast<double>(kDayMs) + kExcelUnixEpoch;
}

}  // namespace sqm::desk::import
