// The request path through the pipeline: http::App (target, route, Content-Type, credentials,
// CSRF, permission, handler, error mapping, security headers, metrics) over a router of test
// routes, the real system routes (/healthz, /metrics, the audit-log query) and static files,
// with an org::Service on a throwaway SQLite database.
//
// Input: "<METHOD> <target>\n", header lines "<name>: <value>\n", an empty line, the body.
// "@SESSION@", "@CSRF@" and "@TOKEN@" are replaced by a signed-in admin's session cookie value,
// CSRF token and an API token, so the fuzzer reaches the handlers behind the credentials.
// Must never crash, leak, hang or answer a 5xx other than the route that throws on purpose.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include <spdlog/spdlog.h>

#include "base/json.h"
#include "http/app.h"
#include "http/system_routes.h"
#include "org/rules.h"
#include "org/service.h"

using namespace sqm;
namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSecret = "the contents of a file outside the web root";

http::Response Things(http::Request& req) {
  SQM_ASSIGN_OR_REPLY(const int limit, req.Limit());
  SQM_ASSIGN_OR_REPLY(const auto department, req.QueryInt("department_id", 1));
  SQM_ASSIGN_OR_REPLY(const auto active, req.QueryBool("active"));
  SQM_ASSIGN_OR_REPLY(const auto from, req.QueryTime("from"));
  bj::object o{{"limit", limit}, {"q", req.QueryText("q").value_or("")}};
  o["department_id"] = http::OrNull(department);
  o["active"] = http::OrNull(active);
  o["from"] = http::TimeJson(from);
  return http::JsonResponse(200, o);
}

http::Response Thing(http::Request& req) {
  SQM_ASSIGN_OR_REPLY(const auto id, req.IdParam("id"));
  return http::JsonResponse(200, bj::object{{"id", id}, {"by", req.who().username}});
}

http::Response CreateThing(http::Request& req) {
  SQM_ASSIGN_OR_REPLY(const auto body, req.Json());
  json::Reader in(body);
  Problems problems;
  const auto name = in.String("name", {.max_len = 100});
  const auto parent = in.OptInt("parent_id", 1);
  const auto tags = in.OptStringList("tags", 20);
  if (const auto* c = in.OptValue("complaint")) {
    json::Reader nested(*c, "complaint");
    (void)nested.String("category", {.max_len = 20});
    if (auto st = nested.Done(); !st.ok()) problems.Add(st.error());
  }
  if (auto st = in.Done(); !st.ok()) problems.Add(st.error());
  if (tags) {
    for (std::size_t i = 0; i < tags->size(); ++i) {
      if ((*tags)[i].empty()) problems.Add("tags[" + std::to_string(i) + "]", Msg("field.empty", "must not be empty"));
    }
  }
  if (auto e = problems.Take()) return http::ErrorResponse(*e);
  return http::JsonResponse(201, bj::object{{"name", name}, {"parent_id", http::OrNull(parent)}});
}

http::Response Upload(http::Request& req) {
  return http::JsonResponse(
      202, bj::object{{"bytes", req.body.size()}, {"type", http::MediaType(req.Header("content-type"))}});
}

struct World {
  World() {
    spdlog::set_level(spdlog::level::off);
    dir = fs::temp_directory_path() / ("sqm-fuzz-http-" + std::to_string(::getpid()));
    fs::create_directories(dir / "web" / "assets");
    std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>sqm</title>";
    std::ofstream(dir / "web" / "assets" / "app.js") << "console.log(1)";
    std::ofstream(dir / "secret.txt") << kSecret;
    db = std::make_unique<storage::Database>(
        storage::DatabaseOptions{.url = (dir / "fuzz.db").string(), .synchronous = "OFF", .readers = 2}, clock);
    db->Migrate();
    org = std::make_unique<org::Service>(*db, clock);
    const org::Principal system{0, "system", "", std::nullopt, {"admin"}, {}, org::Scope{true, {}}, "", false};
    const auto root = org->CreateDepartment(system, {"Fuzz", std::nullopt, "FUZZ"}).value().id;
    const auto admin = org->CreateStaffAsSystem({"admin", "Admin", root, "", "", "", {"admin"}, kPassword, {}}).value();
    org->CreateStaffAsSystem({"agent", "Agent", root, "", "", "", {"agent"}, kPassword, {}}).value();
    auto login = org->Login("admin", kPassword, "127.0.0.1").value();
    session = login.session_token;
    csrf = login.principal.csrf_token;
    token = org->CreateToken(login.principal, {"fuzz", admin.id, {"org.read"}, std::nullopt}).value().secret;

    const std::string pub(org::kPublic), auth(org::kAuthenticated), read(org::kOrgRead), write(org::kOrgWrite);
    router.Add("GET", "/api/v1/things", auth, Things);
    router.Add("GET", "/api/v1/things/{id}", read, Thing);
    router.Add("POST", "/api/v1/things", write, CreateThing);
    router.Add("PUT", "/api/v1/things/{id}", write, CreateThing);
    router.Add("POST", "/api/v1/things/import", write, Upload,
               {.max_body_bytes = 1 << 20, .read_timeout_s = 60, .body_types = "text/csv application/octet-stream"});
    router.Add("POST", "/api/v1/public/echo", pub, Upload);
    router.Add("DELETE", "/api/v1/boom", write,
               [](http::Request&) -> http::Response { throw std::runtime_error("thrown on purpose"); });
    http::AddSystemRoutes(router, *db, metrics, {.metrics_token = "fuzz-metrics-token"});
    app = std::make_unique<http::App>(router, *org, metrics,
                                      http::AppOptions{.web_root = (dir / "web").string(), .access_log = false});
  }
  ~World() {
    app.reset();
    org.reset();
    db.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  static constexpr const char* kPassword = "Fuzz-pass-2026-ok";
  fs::path dir;
  ManualClock clock{1'790'000'000'000};
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<org::Service> org;
  std::string session, csrf, token;
  http::Router router;
  http::Metrics metrics;
  std::unique_ptr<http::App> app;
};

World& TheWorld() {
  static World* world = [] {
    auto* w = new World();
    std::atexit([] { delete &TheWorld(); });
    return w;
  }();
  return *world;
}

void ReplaceAll(std::string& s, std::string_view from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  TheWorld();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& w = TheWorld();
  std::string input(reinterpret_cast<const char*>(data), size);
  ReplaceAll(input, "@SESSION@", w.session);
  ReplaceAll(input, "@CSRF@", w.csrf);
  ReplaceAll(input, "@TOKEN@", w.token);

  http::Request req;
  req.remote_address = "127.0.0.1";
  std::size_t pos = input.find('\n');
  const std::string line = input.substr(0, pos);
  const auto space = line.find(' ');
  if (space == std::string::npos) return 0;
  req.method = line.substr(0, space);
  req.target = line.substr(space + 1);
  while (pos != std::string::npos && pos + 1 <= input.size()) {
    const auto next = input.find('\n', pos + 1);
    const std::string header = input.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    pos = next;
    if (header.empty()) break;
    const auto colon = header.find(':');
    if (colon == std::string::npos) continue;
    std::string name = header.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = header.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    req.headers.emplace_back(std::move(name), std::move(value));
  }
  if (pos != std::string::npos) req.body = input.substr(pos + 1);

  const http::Response r = w.app->Handle(req);
  const bool thrown_on_purpose = req.method == "DELETE" && req.path == "/api/v1/boom";
  if (r.status >= 500 && !(thrown_on_purpose && r.status == 500)) __builtin_trap();
  if (r.body == kSecret) __builtin_trap();                             // a file outside the web root was served
  if (r.status >= 400 && r.body.size() > 64 * 1024) __builtin_trap();  // errors quote input bounded
  return 0;
}
