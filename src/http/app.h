// The request pipeline between the socket and the handlers:
//
//   Admit (request line and headers only):
//     request id -> target -> route -> credentials (bearer token or session cookie) -> CSRF
//     for cookie writes -> permission -> Content-Type
//   Handle (once the body is in):
//     Idempotency-Key -> handler -> security headers -> metrics and access log
//
// The server calls Admit as soon as the headers are read and reads the body only when Admit lets
// the request through, so nobody can make the server read (and hold) a large body without the
// credentials for its route. Paths outside /api/ (and the system routes) go to the static web
// build. Neither step throws: an exception becomes a 500 with the request id, and is logged.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "http/idempotency.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"
#include "org/service.h"

namespace sqm::http {

inline constexpr std::string_view kSessionCookie = "sqm_session";

struct AppOptions {
  std::string web_root;         // the Vite build; empty disables static files
  bool secure_cookies = false;  // add `Secure` to the session cookie (behind TLS)
  bool access_log = true;
  IdempotencyKeys* idempotency = nullptr;  // null: Idempotency-Key headers are ignored
};

// What Admit learned from the request line and headers, for Handle. Owns the caller that
// `Request::principal` points to, so it lives as long as the request.
struct Admission {
  std::chrono::steady_clock::time_point start;
  const Route* route = nullptr;  // null: a static file (or nothing) is served
  std::string route_label = "(unknown)";
  org::Principal principal;
};

class App {
 public:
  App(const Router& router, org::Service& org, Metrics& metrics, AppOptions options);

  // The first step, on the request line and headers (`req.body` not read yet; `body_follows`
  // when the headers announce one). Returns the answer when the request is refused here (bad
  // target, no route, missing or wrong credentials or CSRF token, missing permission, a
  // Content-Type the route does not take): it is already counted and logged, and the body must
  // not be read. Returns nothing when the body should be read and Handle(req, admission) called.
  std::optional<Response> Admit(Request& req, Admission& admission, bool body_follows);
  // The second step. REQUIRES: Admit(req, admission, ...) returned nothing; `req.body` is read.
  Response Handle(Request& req, Admission& admission);
  // Both steps on a request that is already complete (tests, fuzzing).
  Response Handle(Request& req);

  const Router& router() const { return router_; }

 private:
  std::optional<Response> Check(Request& req, Admission& admission, bool body_follows);
  std::optional<Response> Authorize(Request& req, const Route& route, Admission& admission);
  Response Run(Request& req, Admission& admission);
  Response RunOnce(Request& req, const Route& route, const org::Principal& who, std::string_view key);
  // Security headers, metrics and the access log line.
  void Finish(const Request& req, const Admission& admission, Response& r);

  const Router& router_;
  org::Service& org_;
  Metrics& metrics_;
  AppOptions options_;
  StaticFiles static_;
};

// Adds the security headers and X-Request-Id every response carries (also those the server
// writes itself: 400 for malformed HTTP, 413, 431).
void Decorate(Response& r, const std::string& request_id);

// `Set-Cookie` value for the session cookie; an empty token clears it.
std::string SessionCookie(const std::string& token, TimeMs max_age_ms, bool secure);

// Decodes %XX and (in queries) '+'; nullopt on a malformed escape or invalid UTF-8.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// Fills `req.path` and `req.query` from `req.target`; false when either is not valid
// percent-encoded UTF-8 (or holds a NUL).
bool ParseTarget(Request& req);

// The media type of a Content-Type value: before any ';', without spaces, in lower case.
std::string MediaType(std::string_view content_type);

}  // namespace sqm::http
