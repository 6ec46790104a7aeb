#include "http/app.h"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

#include "base/crypto.h"
#include "base/json.h"
#include "org/rules.h"

namespace sqm::http {

namespace {

void AddSecurityHeaders(Response& r) {
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "same-origin");
  r.SetHeader("X-Frame-Options", "DENY");
  r.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  r.SetHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
              "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
              "frame-ancestors 'none'");
}

std::string CookieValue(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    auto end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    auto item = header.substr(pos, end - pos);
    auto eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

bool IsUnsafe(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool ParseTarget(Request& req) {
  const auto q = req.target.find('?');
  auto path = PercentDecode(std::string_view(req.target).substr(0, q), false);
  if (!path) return false;
  req.path = std::move(*path);
  if (q == std::string::npos) return true;
  std::string_view rest = std::string_view(req.target).substr(q + 1);
  while (!rest.empty()) {
    auto amp = rest.find('&');
    auto item = rest.substr(0, amp);
    auto eq = item.find('=');
    auto key = PercentDecode(item.substr(0, eq), true);
    auto value =
        eq == std::string_view::npos ? std::optional<std::string>("") : PercentDecode(item.substr(eq + 1), true);
    if (!key || !value) return false;
    if (!key->empty()) req.query[*key] = *value;
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return true;
}

}  // namespace

void Decorate(Response& r, const std::string& request_id) {
  AddSecurityHeaders(r);
  if (r.content_type == "application/json") r.SetHeader("Cache-Control", "no-store");
  r.SetHeader("X-Request-Id", request_id);
}

std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  if (!json::IsValidUtf8(out) || out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

std::string SessionCookie(const std::string& token, TimeMs max_age_ms, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(token.empty() ? 0 : max_age_ms / 1000);
  if (secure) c += "; Secure";
  return c;
}

App::App(const Router& router, org::Service& org, Metrics& metrics, AppOptions options)
    : router_(router), org_(org), metrics_(metrics), options_(std::move(options)), static_(options_.web_root) {}

Response App::Authorize(Request& req, const Route& route, org::Principal& storage, const org::Principal*& who) {
  const bool is_public = route.permission == org::kPublic;
  const auto auth = req.Header("authorization");
  Result<org::Principal> p = Error::Unauthenticated("sign in first");
  bool via_cookie = false;
  if (auth.size() > 7 && (auth.substr(0, 7) == "Bearer " || auth.substr(0, 7) == "bearer ")) {
    p = org_.AuthenticateToken(std::string(auth.substr(7)));
  } else if (auto token = CookieValue(req.Header("cookie"), kSessionCookie); !token.empty()) {
    p = org_.AuthenticateSession(token);
    via_cookie = true;
    if (p.ok()) req.session_token = std::move(token);
  } else if (!auth.empty() && !is_public) {
    return ErrorResponse(Error::Unauthenticated("the Authorization header must be 'Bearer <token>'"));
  }
  if (p.ok()) {
    storage = std::move(p.value());
    who = &storage;
    req.principal = who;
  }
  if (is_public) return Response{0};
  if (!p.ok()) return ErrorResponse(p.error());
  if (via_cookie && IsUnsafe(req.method)) {
    const auto sent = req.Header("x-csrf-token");
    if (sent.empty() || !crypto::SecretEquals(sent, storage.csrf_token)) {
      return ErrorResponse(Error::Forbidden("missing or wrong X-CSRF-Token header"));
    }
  }
  if (route.permission != org::kAuthenticated && !storage.Can(route.permission)) {
    return ErrorResponse(Error::Forbidden("this needs the permission '" + route.permission + "'"));
  }
  return Response{0};
}

Response App::Dispatch(Request& req, std::string& route_label, org::Principal& principal, const org::Principal*& who) {
  if (!ParseTarget(req))
    return ErrorResponse(Error::Invalid("", "the request target is not valid percent-encoded UTF-8"));
  const bool api = req.path.rfind("/api/", 0) == 0;
  auto match = router_.Find(req.method == "HEAD" ? "GET" : req.method, req.path, req.params);
  if (!match.route) {
    if (match.path_known) {
      route_label = "(method not allowed)";
      Response r = ErrorResponse(405, "method_not_allowed", "method " + req.method + " is not allowed here");
      r.SetHeader("Allow", match.allowed);
      return r;
    }
    if (!api && (req.method == "GET" || req.method == "HEAD")) {
      route_label = "(static)";
      if (auto r = static_.Serve(req)) return std::move(*r);
    }
    route_label = "(not found)";
    return ErrorResponse(Error::NotFound("no such resource: " + req.path));
  }
  route_label = match.route->pattern;
  if (IsUnsafe(req.method) && !req.body.empty()) {
    const auto ct = req.Header("content-type");
    constexpr std::string_view kAccepted[] = {"application/json", "application/x-ndjson", "text/csv", "text/calendar",
                                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    if (std::none_of(std::begin(kAccepted), std::end(kAccepted),
                     [&](std::string_view t) { return ct.rfind(t, 0) == 0; })) {
      return ErrorResponse(
          415, "unsupported_media_type",
          "the request body must be JSON (or CSV, XLSX, NDJSON, iCalendar where a route takes a file)");
    }
  }
  if (Response denied = Authorize(req, *match.route, principal, who); denied.status != 0) return denied;
  const auto key = req.Header("idempotency-key");
  if (!key.empty() && who && IsUnsafe(req.method) && options_.idempotency &&
      !match.route->options.own_idempotency_key) {
    return RunOnce(req, *match.route, *who, key);
  }
  return match.route->handler(req);
}

Response App::RunOnce(Request& req, const Route& route, const org::Principal& who, std::string_view key) {
  const std::string caller = "staff:" + std::to_string(who.staff_id);
  const std::string k(key);
  auto reserved = options_.idempotency->Reserve(caller, k, req);
  if (!reserved.ok()) return ErrorResponse(reserved.error());
  if (*reserved) return std::move(**reserved);
  Response r;
  try {
    r = route.handler(req);
  } catch (...) {
    options_.idempotency->Finish(caller, k, Response{500});
    throw;
  }
  options_.idempotency->Finish(caller, k, r);
  return r;
}

Response App::Handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  req.request_id = crypto::RandomToken(12);
  std::string route_label = "(unknown)";
  org::Principal principal;
  const org::Principal* who = nullptr;
  Response r;
  try {
    r = Dispatch(req, route_label, principal, who);
  } catch (const storage::Unavailable& e) {
    spdlog::error("request {} {} {}: database unavailable: {}", req.request_id, req.method, req.path, e.what());
    Error unavailable{ErrorCode::kUnavailable,
                      Msg("database.unavailable", "the database cannot be reached; try again shortly")};
    unavailable.retry_after_s = 5;
    r = ErrorResponse(unavailable);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.target, e.what());
    r = ErrorResponse(Error::Internal("internal error; quote request id " + req.request_id));
  }
  Decorate(r, req.request_id);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Observe(route_label, r.status, seconds);
  if (options_.access_log) {
    spdlog::info(
        R"({{"request_id":"{}","method":"{}","path":{},"route":{},"status":{},"ms":{:.3f},"bytes":{},"user":{},"remote":"{}"}})",
        req.request_id, req.method, json::Serialize(boost::json::string(req.path)),
        json::Serialize(boost::json::string(route_label)), r.status, seconds * 1000, r.body.size(),
        json::Serialize(boost::json::string(who ? who->username : "")), req.remote_address);
  }
  return r;
}

}  // namespace sqm::http
