// A small SMTP client (RFC 5321) for survey mail, on Boost.Asio: one message per connection,
// every step under one deadline, every reply bounded (a line of at most kMaxReplyLine bytes, a
// reply of at most kMaxReplyLines lines), STARTTLS when asked (the server's certificate and name
// are verified). Header values are checked here, so no caller can inject a header: CR, LF and NUL
// are refused in every address, name and subject.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace sqm::feedback::smtp {

inline constexpr std::size_t kMaxReplyLine = 1000;  // RFC 5321 4.5.3.1.5 allows 512
inline constexpr int kMaxReplyLines = 100;

struct Options {
  std::string host;  // empty: no e-mail is sent
  int port = 25;
  std::string from;       // the envelope and header address: "surveys@example.org"
  std::string from_name;  // shown as the sender: "服务质量中心"
  bool starttls = false;  // upgrade with STARTTLS before sending (refused when the server does not offer it)
  std::string helo = "sqm";
  std::chrono::milliseconds timeout{std::chrono::seconds(20)};  // the whole conversation
};

struct Mail {
  std::string to;
  std::string subject;  // UTF-8; sent RFC 2047-encoded
  std::string body;     // UTF-8 plain text; sent base64-encoded
};

// kInvalid naming `field` when `value` holds CR, LF or NUL (a header injection).
Status CheckHeader(std::string_view field, std::string_view value);
// kInvalid naming `field` unless `address` looks like local@domain, without spaces, brackets or
// control characters.
Status CheckAddress(std::string_view field, std::string_view address);
// Every problem of the options at once ("smtp.host", "smtp.port", "smtp.from", "smtp.from_name").
Status CheckOptions(const Options& o);

// The message as sent after DATA (headers, a blank line, the base64 body; CRLF line ends; no
// dot-stuffing needed: base64 has no dots). `date` is RFC 5322's ("Fri, 04 Dec 2026 05:00:00 +0000").
Result<std::string> Compose(const Options& o, const Mail& m, std::string_view date, std::string_view message_id);

// Sends `m`: kUnavailable when the server cannot be reached, times out or answers out of turn,
// kInvalid (field "to") when it refuses the recipient, the header checks' errors as above.
Status Send(const Options& o, const Mail& m);

}  // namespace sqm::feedback::smtp
