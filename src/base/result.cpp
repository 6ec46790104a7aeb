#include "base/result.h"

#include <algorithm>

#include "base/text.h"

namespace sqm {

namespace {

void BoundInPlace(std::string& s, std::size_t max_chars) {
  // Bytes are an upper bound on code points: only a long string can be over.
  if (s.size() > max_chars) s = Bounded(s, max_chars);
}

}  // namespace

Message::Message(std::string plain) : text(std::move(plain)) {
  BoundInPlace(text, kMaxMessageChars);
}

Message::Message(std::string k, std::string_view english, MessageArgs a) : key(std::move(k)), args(std::move(a)) {
  for (auto& [name, value] : args) BoundInPlace(value, kQuoteChars);
  text.reserve(english.size());
  for (std::size_t i = 0; i < english.size();) {
    const std::size_t close = english[i] == '{' ? english.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const std::string_view name = english.substr(i + 1, close - i - 1);
      auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
      if (it != args.end()) {
        text += it->second;
        i = close + 1;
        continue;
      }
    }
    text += english[i++];
  }
  BoundInPlace(text, kMaxMessageChars);
}

Error::Error(ErrorCode c, Message m, std::string f)
    : code(c), message(std::move(m.text)), field(std::move(f)), key(std::move(m.key)), args(std::move(m.args)) {
  BoundInPlace(field, kQuoteChars);
}

Error Error::TooManyRequests(Message m, int retry_after_s) {
  Error e(ErrorCode::kTooManyRequests, std::move(m));
  e.retry_after_s = std::max(retry_after_s, 1);
  return e;
}

void Problems::Add(Error e) {
  const std::size_t extra = e.more.size() + e.omitted;
  if (!first_) {
    first_ = std::move(e);
    first_->omitted = 0;
    more_ = std::move(first_->more);
    first_->more.clear();
    if (more_.size() >= kMaxProblems) more_.resize(kMaxProblems - 1);
    omitted_ += extra - more_.size();
    return;
  }
  std::size_t kept = 0;
  if (more_.size() + 1 < kMaxProblems) {
    more_.push_back({std::move(e.field), std::move(e.message), std::move(e.key), std::move(e.args)});
    ++kept;
  }
  for (auto& m : e.more) {
    if (more_.size() + 1 >= kMaxProblems) break;
    more_.push_back(std::move(m));
    ++kept;
  }
  omitted_ += 1 + extra - kept;
}

std::optional<Error> Problems::Take() {
  if (!first_) return std::nullopt;
  Error e = std::move(*first_);
  e.more = std::move(more_);
  e.omitted = omitted_;
  first_.reset();
  more_.clear();
  omitted_ = 0;
  return e;
}

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return "invalid";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace sqm
