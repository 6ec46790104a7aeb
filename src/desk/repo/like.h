// A LIKE pattern for "contains `text`", its % _ and \ escaped; compare with
// `lower(col) LIKE lower(?) ESCAPE '\'` (LIKE is case-sensitive on PostgreSQL).
#pragma once

#include <string>
#include <string_view>

namespace sqm::desk::repo {

inline std::string Contains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace sqm::desk::repo
