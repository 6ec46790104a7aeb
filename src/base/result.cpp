#include "base/result.h"

#include <algorithm>

namespace sqm {

Message::Message(std::string k, std::string_view english, MessageArgs a) : key(std::move(k)), args(std::move(a)) {
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
}

void Problems::Add(Error e) {
  if (!first_) {
    first_ = std::move(e);
    return;
  }
  more_.push_back({std::move(e.field), std::move(e.message), std::move(e.key), std::move(e.args)});
  for (auto& m : e.more) more_.push_back(std::move(m));
}

std::optional<Error> Problems::Take() {
  if (!first_) return std::nullopt;
  Error e = std::move(*first_);
  for (auto& m : more_) e.more.push_back(std::move(m));
  first_.reset();
  more_.clear();
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
