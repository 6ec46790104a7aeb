// Result<T>: the value of an operation that can fail in an expected way (bad input, missing
// record, conflict, missing permission). Exceptions are kept for what ends an operation for
// reasons the caller cannot fix (lost database, corrupt state).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace sqm {

// Protocol-agnostic failure kinds; http/ maps each to a status code in one place.
enum class ErrorCode {
  kInvalid,          // input fails validation; `field` names the offending field
  kUnauthenticated,  // no or bad credentials
  kForbidden,        // authenticated but not allowed
  kNotFound,
  kConflict,         // unique key taken, state changed under the caller, invalid transition
  kTooManyRequests,  // throttled
  kPayloadTooLarge,
  kUnavailable,  // shutting down, database busy
  kInternal,
};

// Stable wire name of a code ("invalid", "not_found", ...).
const char* ErrorCodeName(ErrorCode code);

// The variable parts of a message, by name: {"state", "resolved"}.
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

// A message for a person. `text` is the English rendering (logs, API clients); `key` is its
// stable id, and with `args` it lets a client show the message in the user's language. A plain
// string converts to a message without a key, which clients show as it is.
//
// Messages are bounded whatever the caller quotes: each arg value is cut to kQuoteChars code
// points and the text to kMaxMessageChars (see base/text.h), so no input bloats an error, a log
// line or an event that carries one.
inline constexpr std::size_t kMaxMessageChars = 1000;

struct Message {
  std::string text;
  std::string key;
  MessageArgs args;

  Message(std::string plain);                                  // NOLINT(google-explicit-constructor)
  Message(const char* plain) : Message(std::string(plain)) {}  // NOLINT(google-explicit-constructor)
  Message(std::string key, std::string_view english, MessageArgs args);
};

// Msg("ticket.transition_refused", "cannot {action} a ticket that is {state}", {{"action", "close"}, ...}):
// a keyed message whose English text fills each {name} of `english` from `args`.
inline Message Msg(std::string key, std::string_view english, MessageArgs args = {}) {
  return {std::move(key), english, std::move(args)};
}

// One more problem of the same request, about one field (see Error::more).
struct FieldProblem {
  std::string field;
  std::string message;
  std::string key;
  MessageArgs args;
};

// At most this many problems are listed for one request (the first and kMaxProblems - 1 in
// Error::more); the rest are only counted (Error::omitted).
inline constexpr std::size_t kMaxProblems = 100;

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;  // empty when the error is not about one field; bounded like a quote
  std::string key;    // Message::key; empty when the message has none
  MessageArgs args;   // Message::args
  // Further problems found in the same request, so a form can show them all at once. The error
  // itself is the first problem; the answer's "errors" list is it followed by these.
  std::vector<FieldProblem> more;
  std::size_t omitted = 0;  // problems found beyond `more` and left out (Problems caps the list)
  // kTooManyRequests: whole seconds until a retry can succeed (the HTTP answer's Retry-After);
  // 0 when unknown.
  std::int64_t retry_after_s = 0;

  Error() = default;
  Error(ErrorCode c, Message m, std::string f = {});

  static Error Invalid(std::string field, Message m) { return {ErrorCode::kInvalid, std::move(m), std::move(field)}; }
  static Error NotFound(Message m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Error Conflict(Message m, std::string field = {}) {
    return {ErrorCode::kConflict, std::move(m), std::move(field)};
  }
  static Error Forbidden(Message m) { return {ErrorCode::kForbidden, std::move(m)}; }
  static Error Unauthenticated(Message m) { return {ErrorCode::kUnauthenticated, std::move(m)}; }
  static Error Internal(Message m) { return {ErrorCode::kInternal, std::move(m)}; }
  // A throttle: `retry_after_s` (at least 1) says when the caller may try again.
  static Error TooManyRequests(Message m, int retry_after_s);

  // Problems in all: this one, `more` and the omitted ones.
  std::size_t ProblemCount() const { return 1 + more.size() + omitted; }
};

// Collects every field problem of one request; Take() is the first as an Error with the rest in
// `more`, or nothing when all is well. Use it where a form is validated, so one save reports all.
// Keeps kMaxProblems; further ones are counted in Error::omitted.
class Problems {
 public:
  void Add(std::string field, Message m) { Add(Error::Invalid(std::move(field), std::move(m))); }
  // Keeps `e`'s code when it is the first problem (a conflict on a taken name, say).
  void Add(Error e);
  bool empty() const { return !first_; }
  std::optional<Error> Take();

 private:
  std::optional<Error> first_;
  std::vector<FieldProblem> more_;
  std::size_t omitted_ = 0;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok()
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  // Keeps only the success or failure of another result.
  template <typename T>
  Result(const Result<T>& other) {  // NOLINT(google-explicit-constructor)
    if (!other.ok()) error_ = other.error();
  }
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace sqm

// Propagates a failed Result from the enclosing function.
#define SQM_TRY(expr)                                \
  do {                                               \
    auto&& sqm_try_r_ = (expr);                      \
    if (!sqm_try_r_.ok()) return sqm_try_r_.error(); \
  } while (0)

#define SQM_CONCAT_INNER(a, b) a##b
#define SQM_CONCAT(a, b) SQM_CONCAT_INNER(a, b)
// SQM_ASSIGN(auto x, Expr()); declares x from a successful Result or returns its error.
#define SQM_ASSIGN(decl, expr) SQM_ASSIGN_IMPL(SQM_CONCAT(sqm_assign_r_, __LINE__), decl, expr)
#define SQM_ASSIGN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                     \
  if (!tmp.ok()) return tmp.error();     \
  decl = std::move(tmp).value()
