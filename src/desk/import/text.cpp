#include "desk/import/text.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "base/json.h"

namespace sqm::desk::import {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::int64_t> ToInt(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::string Shown(std::string_view s) {
  constexpr std::size_t kShow = 60;
  if (json::CodePoints(s) <= kShow) return std::string(s);
  std::size_t cut = 0, n = 0;
  while (cut < s.size() && n < kShow) {
    ++cut;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    ++n;
  }
  return fmt::format("{}…", s.substr(0, cut));
}

}  // namespace sqm::desk::import
