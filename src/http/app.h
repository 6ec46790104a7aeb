// The request pipeline between the socket and the handlers:
//
//   request id -> route -> credentials (bearer token or session cookie) -> CSRF for cookie
//   writes -> permission -> handler -> security headers -> metrics and access log
//
// Paths outside /api/ (and the system routes) go to the static web build. Handle() never
// throws: an exception in a handler becomes a 500 with the request id, and is logged.
#pragma once

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

class App {
 public:
  App(const Router& router, org::Service& org, Metrics& metrics, AppOptions options);
  Response Handle(Request& req);
  const Router& router() const { return router_; }

 private:
  Response Dispatch(Request& req, std::string& route_label, org::Principal& principal, const org::Principal*& who);
  Response Authorize(Request& req, const Route& route, org::Principal& storage, const org::Principal*& who);
  Response RunOnce(Request& req, const Route& route, const org::Principal& who, std::string_view key);

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

}  // namespace sqm::http
