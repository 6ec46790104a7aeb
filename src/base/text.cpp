#include "base/text.h"

namespace sqm {

std::string Bounded(std::string_view text, std::size_t max_chars) {
  std::size_t end = 0;
  for (std::size_t chars = 0; end < text.size() && chars < max_chars; ++chars) {
    const auto lead = static_cast<unsigned char>(text[end]);
    const std::size_t len = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    std::size_t next = end + 1;  // whole sequence only when its continuation bytes are all there
    while (next < end + len && next < text.size() && (static_cast<unsigned char>(text[next]) & 0xc0) == 0x80) ++next;
    end = next == end + len ? next : end + 1;
  }
  if (end >= text.size()) return std::string(text);
  std::string out(text.substr(0, end));
  out += "\u2026 (";
  out += std::to_string(text.size());
  out += " bytes)";
  return out;
}

}  // namespace sqm
