// Request and Response as handlers see them: plain values, independent of Beast.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "base/clock.h"
#include "base/result.h"
#include "base/temp_file.h"
#include "org/model.h"

namespace sqm::http {

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string target;                                        // as received, with the query
  std::string path;                                          // percent-decoded, without the query
  std::map<std::string, std::string, std::less<>> query;     // decoded; last value wins
  std::map<std::string, std::string, std::less<>> params;    // from the route pattern
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  // The body of a route with RouteOptions::body_to_file, as the server streamed it to disk
  // (`body` stays empty then); null otherwise. A handler may keep it past the request.
  std::shared_ptr<const TempFile> body_file;
  std::string remote_address;
  std::string request_id;

  // Set by the pipeline before the handler runs; null on public routes without credentials.
  const org::Principal* principal = nullptr;
  std::string session_token;

  std::string_view Header(std::string_view lower_name) const;
  // The caller; REQUIRES: the route is not public.
  const org::Principal& who() const { return *principal; }

  // The body as a JSON value (400 naming the problem when malformed).
  Result<boost::json::value> Json() const;
  // A path parameter that must be a positive integer id.
  Result<std::int64_t> IdParam(std::string_view name) const;
  std::optional<std::string> QueryText(std::string_view name) const;
  Result<std::optional<std::int64_t>> QueryInt(std::string_view name, std::int64_t min = INT64_MIN,
                                               std::int64_t max = INT64_MAX) const;
  Result<std::optional<bool>> QueryBool(std::string_view name) const;
  // ISO-8601 date or date-time.
  Result<std::optional<TimeMs>> QueryTime(std::string_view name) const;
  // `limit` (1..max, default 50).
  Result<int> Limit(int max = 200) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void SetHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// The HTTP status for each ErrorCode; the one place this mapping lives.
int StatusOf(ErrorCode code);

Response JsonResponse(int status, const boost::json::value& body);
// {"error": {code, message, field, key, args}}; with several problems also "errors" (at most
// kMaxProblems) and "error_count" (all of them). A 429 carries Retry-After.
Response ErrorResponse(const Error& error);
// For statuses with no ErrorCode (405, 408, 415, 431).
Response ErrorResponse(int status, std::string_view code, Message message);
Response NoContent();

// Replies with `to_json(value)` and `status`, or with the error.
template <typename T, typename F>
Response Reply(const Result<T>& result, F&& to_json, int status = 200) {
  if (!result.ok()) return ErrorResponse(result.error());
  return JsonResponse(status, to_json(result.value()));
}
inline Response Reply(const Status& status) {
  return status.ok() ? NoContent() : ErrorResponse(status.error());
}

// {"items": [...], "next_cursor": ...}
boost::json::object PageJson(boost::json::array items, const std::optional<std::string>& next_cursor);

// Helpers for JSON mapping of optional values.
template <typename T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
inline boost::json::value TimeJson(TimeMs t) {
  return boost::json::value(FormatIsoUtc(t));
}
inline boost::json::value TimeJson(const std::optional<TimeMs>& t) {
  return t ? TimeJson(*t) : boost::json::value(nullptr);
}

}  // namespace sqm::http

// In a handler: declares/assigns from a successful Result or replies with its error.
#define SQM_ASSIGN_OR_REPLY(lhs, expr) SQM_ASSIGN_OR_REPLY_IMPL(SQM_CONCAT(sqm_reply_r_, __LINE__), lhs, expr)
#define SQM_ASSIGN_OR_REPLY_IMPL(tmp, lhs, expr)                 \
  auto tmp = (expr);                                             \
  if (!tmp.ok()) return ::sqm::http::ErrorResponse(tmp.error()); \
  lhs = std::move(tmp).value()
