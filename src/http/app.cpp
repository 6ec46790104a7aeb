#include "http/app.h"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

#include "base/crypto.h"
#include "base/json.h"
#include "base/text.h"
#include "org/rules.h"

namespace sqm::http {

namespace {

// A handler that sets its own, stricter Content-Security-Policy (a served file) keeps it.
void AddSecurityHeaders(Response& r) {
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "same-origin");
  r.SetHeader("X-Frame-Options", "DENY");
  r.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  const bool own_policy = std::any_of(r.headers.begin(), r.headers.end(),
                                      [](const auto& h) { return h.first == "Content-Security-Policy"; });
  if (own_policy) return;
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

// The space-separated list `types` names `media`.
bool Lists(std::string_view types, std::string_view media) {
  while (!types.empty()) {
    const auto space = types.find(' ');
    if (types.substr(0, space) == media) return true;
    if (space == std::string_view::npos) break;
    types.remove_prefix(space + 1);
  }
  return false;
}

// The answer to the exception in flight, which escaped a credentials check or a handler; logged
// with the request id. A lost database is a 503 to retry; anything else a 500.
Response AnswerToException(const Request& req) {
  try {
    throw;
  } catch (const storage::Unavailable& e) {
    spdlog::error("request {} {} {}: database unavailable: {}", req.request_id, Bounded(req.method), Bounded(req.path),
                  Bounded(e.what()));
    Response r = ErrorResponse(Error{ErrorCode::kUnavailable,
                                     Msg("database.unavailable", "the database cannot be reached; try again shortly")});
    r.SetHeader("Retry-After", "5");
    return r;
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, Bounded(req.method), Bounded(req.target),
                  Bounded(e.what()));
  } catch (...) {
    spdlog::error("request {} {} {} failed", req.request_id, Bounded(req.method), Bounded(req.target));
  }
  return ErrorResponse(Error::Internal("internal error; quote request id " + req.request_id));
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

std::string MediaType(std::string_view content_type) {
  std::string out;
  for (const char c : content_type.substr(0, content_type.find(';'))) {
    if (c != ' ' && c != '\t') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
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

std::optional<Response> App::Authorize(Request& req, const Route& route, Admission& admission) {
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
    admission.principal = std::move(p.value());
    req.principal = &admission.principal;
  }
  if (is_public) return std::nullopt;
  if (!p.ok()) return ErrorResponse(p.error());
  const org::Principal& who = admission.principal;
  if (via_cookie && IsUnsafe(req.method)) {
    const auto sent = req.Header("x-csrf-token");
    if (sent.empty() || !crypto::SecretEquals(sent, who.csrf_token)) {
      return ErrorResponse(Error::Forbidden("missing or wrong X-CSRF-Token header"));
    }
  }
  if (route.permission != org::kAuthenticated && !who.Can(route.permission)) {
    return ErrorResponse(Error::Forbidden("this needs the permission '" + route.permission + "'"));
  }
  return std::nullopt;
}

std::optional<Response> App::Check(Request& req, Admission& admission, bool body_follows) {
  if (!ParseTarget(req))
    return ErrorResponse(Error::Invalid("", "the request target is not valid percent-encoded UTF-8"));
  const bool api = req.path.rfind("/api/", 0) == 0;
  auto match = router_.Find(req.method == "HEAD" ? "GET" : req.method, req.path, req.params);
  if (!match.route) {
    if (match.path_known) {
      admission.route_label = "(method not allowed)";
      Response r = ErrorResponse(
          405, "method_not_allowed",
          Msg("http.method_not_allowed", "method {method} is not allowed here", {{"method", req.method}}));
      r.SetHeader("Allow", match.allowed);
      return r;
    }
    if (!api && (req.method == "GET" || req.method == "HEAD") && static_.enabled()) {
      admission.route_label = "(static)";
      return std::nullopt;  // Handle serves the file
    }
    admission.route_label = "(not found)";
    return ErrorResponse(Error::NotFound(Msg("http.no_route", "no such resource: {path}", {{"path", req.path}})));
  }
  admission.route = match.route;
  admission.route_label = match.route->pattern;
  // Who asks comes first: a caller without the credentials learns nothing more about the route.
  if (auto refused = Authorize(req, *match.route, admission)) return refused;
  if (IsUnsafe(req.method) && (body_follows || !req.body.empty())) {
    const std::string_view types = match.route->options.body_types;
    if (!Lists(types, MediaType(req.Header("content-type")))) {
      std::string listed(types);
      std::replace(listed.begin(), listed.end(), ' ', ',');
      return ErrorResponse(
          415, "unsupported_media_type",
          Msg("http.unsupported_media_type", "the request body must be of type {types}", {{"types", listed}}));
    }
  }
  return std::nullopt;
}

std::optional<Response> App::Admit(Request& req, Admission& admission, bool body_follows) {
  admission.start = std::chrono::steady_clock::now();
  req.request_id = crypto::RandomToken(12);
  std::optional<Response> refused;
  try {
    refused = Check(req, admission, body_follows);
  } catch (...) {
    refused = AnswerToException(req);
  }
  if (refused) Finish(req, admission, *refused);
  return refused;
}

Response App::Run(Request& req, Admission& admission) {
  if (!admission.route) {
    if (auto r = static_.Serve(req)) return std::move(*r);
    admission.route_label = "(not found)";
    return ErrorResponse(Error::NotFound(Msg("http.no_route", "no such resource: {path}", {{"path", req.path}})));
  }
  const auto key = req.Header("idempotency-key");
  if (!key.empty() && req.principal && IsUnsafe(req.method) && options_.idempotency &&
      !admission.route->options.own_idempotency_key) {
    return RunOnce(req, *admission.route, *req.principal, key);
  }
  return admission.route->handler(req);
}

Response App::RunOnce(Request& req, const Route& route, const org::Principal& who, std::string_view key) {
  const std::string caller = IdempotencyKeys::CallerOf(who);
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

Response App::Handle(Request& req, Admission& admission) {
  Response r;
  try {
    r = Run(req, admission);
  } catch (...) {
    r = AnswerToException(req);
  }
  Finish(req, admission, r);
  return r;
}

Response App::Handle(Request& req) {
  Admission admission;
  if (auto refused = Admit(req, admission, /*body_follows=*/false)) return std::move(*refused);
  return Handle(req, admission);
}

void App::Finish(const Request& req, const Admission& admission, Response& r) {
  Decorate(r, req.request_id);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - admission.start).count();
  metrics_.Observe(admission.route_label, r.status, seconds);
  if (options_.access_log) {
    // Paths and names are quoted bounded: a log line is never as large as what a client sent.
    spdlog::info(
        R"({{"request_id":"{}","method":{},"path":{},"route":{},"status":{},"ms":{:.3f},"bytes":{},"user":{},"remote":"{}"}})",
        req.request_id, json::Serialize(boost::json::string(Bounded(req.method, 20))),
        json::Serialize(boost::json::string(Bounded(req.path))),
        json::Serialize(boost::json::string(admission.route_label)), r.status, seconds * 1000, r.body.size(),
        json::Serialize(boost::json::string(req.principal ? req.principal->username : "")), req.remote_address);
  }
}

}  // namespace sqm::http
