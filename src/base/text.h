// Bounded text: what user input may put into an event, an error, a log line or a notification.
// A value can be as large as the largest request body (hundreds of MiB for an import file); a
// message or audit record that quotes it must not be. Quote input through Bounded().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sqm {

// The longest quoted value, in code points, in messages and events by default.
inline constexpr std::size_t kQuoteChars = 200;

// `text` itself when it has at most `max_chars` code points; otherwise its first `max_chars` code
// points, an ellipsis and the full length: "aaaa… (314572800 bytes)". Never cuts a UTF-8
// sequence in two; bytes of invalid UTF-8 count as one code point each. The result has at most
// 4 * max_chars + 32 bytes.
std::string Bounded(std::string_view text, std::size_t max_chars = kQuoteChars);

}  // namespace sqm
