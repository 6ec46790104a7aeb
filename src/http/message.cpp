#include "http/message.h"

#include <algorithm>
#include <charconv>

#include "base/json.h"

namespace sqm::http {

namespace bj = boost::json;

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return {};
}

Result<bj::value> Request::Json() const {
  if (body.empty()) return Error::Invalid("", "a JSON request body is required");
  return json::Parse(body);
}

namespace {

std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t v;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

Result<std::int64_t> Request::IdParam(std::string_view name) const {
  auto it = params.find(name);
  auto v = it == params.end() ? std::nullopt : ParseInt(it->second);
  if (!v || *v <= 0) return Error::NotFound("no such " + std::string(name) + " in the path");
  return *v;
}

std::optional<std::string> Request::QueryText(std::string_view name) const {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Result<std::optional<std::int64_t>> Request::QueryInt(std::string_view name, std::int64_t min, std::int64_t max) const {
  auto text = QueryText(name);
  if (!text) return std::optional<std::int64_t>{};
  auto v = ParseInt(*text);
  if (!v) return Error::Invalid(std::string(name), Msg("field.not_integer", "must be an integer"));
  if (*v < min || *v > max) {
    return Error::Invalid(std::string(name), Msg("field.out_of_range", "must be between {min} and {max}",
                                                 {{"min", std::to_string(min)}, {"max", std::to_string(max)}}));
  }
  return std::optional<std::int64_t>(*v);
}

Result<std::optional<bool>> Request::QueryBool(std::string_view name) const {
  auto text = QueryText(name);
  if (!text) return std::optional<bool>{};
  if (*text == "true" || *text == "1") return std::optional<bool>(true);
  if (*text == "false" || *text == "0") return std::optional<bool>(false);
  return Error::Invalid(std::string(name), Msg("field.not_boolean", "must be true or false"));
}

Result<std::optional<TimeMs>> Request::QueryTime(std::string_view name) const {
  auto text = QueryText(name);
  if (!text) return std::optional<TimeMs>{};
  auto t = ParseIsoTime(*text);
  if (!t)
    return Error::Invalid(std::string(name),
                          Msg("field.not_time", "must be an ISO-8601 date or date-time with a zone"));
  return std::optional<TimeMs>(*t);
}

Result<int> Request::Limit(int max) const {
  SQM_ASSIGN(auto v, QueryInt("limit", 1, max));
  return static_cast<int>(v.value_or(50));
}

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response JsonResponse(int status, const bj::value& body) {
  Response r;
  r.status = status;
  r.body = json::Serialize(body);
  return r;
}

namespace {
void PutMessage(bj::object& out, const std::string& field, const std::string& message, const std::string& key,
                const MessageArgs& args) {
  out["message"] = message;
  if (!field.empty()) out["field"] = field;
  if (!key.empty()) {
    out["key"] = key;
    bj::object a;
    for (const auto& [name, value] : args) a[name] = value;
    out["args"] = std::move(a);
  }
}
}  // namespace

Response ErrorResponse(const Error& e) {
  bj::object err{{"code", ErrorCodeName(e.code)}};
  PutMessage(err, e.field, e.message, e.key, e.args);
  if (!e.more.empty() || e.omitted > 0) {
    bj::array all;
    bj::object first;
    PutMessage(first, e.field, e.message, e.key, e.args);
    all.push_back(std::move(first));
    for (const auto& m : e.more) {
      if (all.size() >= kMaxProblems) break;
      bj::object one;
      PutMessage(one, m.field, m.message, m.key, m.args);
      all.push_back(std::move(one));
    }
    err["errors"] = std::move(all);
    err["error_count"] = e.ProblemCount();
  }
  Response r = JsonResponse(StatusOf(e.code), bj::object{{"error", std::move(err)}});
  // RFC 9110 15.5.29 and 10.2.3: a throttled (or waiting) client is told when to come back.
  if (e.retry_after_s > 0 || e.code == ErrorCode::kTooManyRequests) {
    r.SetHeader("Retry-After", std::to_string(std::max<std::int64_t>(e.retry_after_s, 1)));
  }
  return r;
}

Response ErrorResponse(int status, std::string_view code, Message message) {
  bj::object err{{"code", code}};
  PutMessage(err, "", message.text, message.key, message.args);
  return JsonResponse(status, bj::object{{"error", std::move(err)}});
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

bj::object PageJson(bj::array items, const std::optional<std::string>& next_cursor) {
  return {{"items", std::move(items)}, {"next_cursor", OrNull(next_cursor)}};
}

}  // namespace sqm::http
