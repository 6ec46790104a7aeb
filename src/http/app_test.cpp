#include "http/app.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "http/static_files.h"
#include "org/rules.h"

namespace sqm::http {
namespace {

TEST(PercentDecode, DecodesAndRejectsBadInput) {
  EXPECT_EQ(PercentDecode("/a%20b", false), "/a b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%E5%AE%A2", false), "客");
  EXPECT_FALSE(PercentDecode("%zz", false));
  EXPECT_FALSE(PercentDecode("%4", false));
  EXPECT_FALSE(PercentDecode("%ff%fe", false));  // not UTF-8
  EXPECT_FALSE(PercentDecode("a%00b", false));   // NUL
}

TEST(SessionCookie, IsHttpOnlyAndSameSite) {
  auto c = SessionCookie("tok", 3'600'000, false);
  EXPECT_EQ(c, "sqm_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
  EXPECT_NE(SessionCookie("tok", 1000, true).find("; Secure"), std::string::npos);
  EXPECT_NE(SessionCookie("", 0, false).find("Max-Age=0"), std::string::npos);
}

TEST(StatusOf, MapsEveryCode) {
  EXPECT_EQ(StatusOf(ErrorCode::kInvalid), 400);
  EXPECT_EQ(StatusOf(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(StatusOf(ErrorCode::kForbidden), 403);
  EXPECT_EQ(StatusOf(ErrorCode::kNotFound), 404);
  EXPECT_EQ(StatusOf(ErrorCode::kConflict), 409);
  EXPECT_EQ(StatusOf(ErrorCode::kTooManyRequests), 429);
  EXPECT_EQ(StatusOf(ErrorCode::kUnavailable), 503);
}

TEST(ErrorResponse, HasTheErrorShape) {
  auto r = ErrorResponse(Error::Invalid("name", "must not be empty"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":{"code":"invalid","message":"must not be empty","field":"name"}})");
}

TEST(ErrorResponse, ListsEveryProblemWhenThereAreSeveral) {
  Problems p;
  p.Add("username", "taken");
  p.Add("password", Msg("password.too_short", "too short"));
  auto r = ErrorResponse(*p.Take());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":{"code":"invalid","message":"taken","field":"username","errors":[)"
                    R"({"message":"taken","field":"username"},)"
                    R"({"message":"too short","field":"password","key":"password.too_short","args":{}}],)"
                    R"("error_count":2}})");
}

TEST(ErrorResponse, CountsEveryProblemAndListsAtMost100) {
  Problems p;
  for (int i = 0; i < 1000; ++i) p.Add("f" + std::to_string(i), "bad");
  auto r = ErrorResponse(*p.Take());
  auto body = boost::json::parse(r.body).as_object().at("error").as_object();
  EXPECT_EQ(body.at("errors").as_array().size(), kMaxProblems);
  EXPECT_EQ(body.at("error_count").as_int64(), 1000);
}

TEST(ErrorResponse, A429SaysWhenToRetry) {
  auto r = ErrorResponse(Error::TooManyRequests("slow down", 42));
  EXPECT_EQ(r.status, 429);
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers.back(), (std::pair<std::string, std::string>{"Retry-After", "42"}));
  // A throttle that did not say when still tells the client to wait.
  auto unsaid = ErrorResponse(Error{ErrorCode::kTooManyRequests, "busy"});
  EXPECT_EQ(unsaid.headers.back(), (std::pair<std::string, std::string>{"Retry-After", "1"}));
}

TEST(MediaType, IsTheTypeWithoutParametersInLowerCase) {
  EXPECT_EQ(MediaType("application/json"), "application/json");
  EXPECT_EQ(MediaType("Application/JSON; charset=UTF-8"), "application/json");
  EXPECT_EQ(MediaType(" text/csv ;charset=utf-8"), "text/csv");
  EXPECT_EQ(MediaType(""), "");
}

TEST(ParseTarget, SplitsPathAndQuery) {
  Request req;
  req.target = "/api/v1/staff?q=%E5%AE%A2+a&limit=5&flag&=x&limit=7";
  ASSERT_TRUE(ParseTarget(req));
  EXPECT_EQ(req.path, "/api/v1/staff");
  EXPECT_EQ(req.query["q"], "客 a");
  EXPECT_EQ(req.query["limit"], "7");  // the last wins
  EXPECT_EQ(req.query["flag"], "");
  EXPECT_FALSE(req.query.contains(""));
  req.target = "/a?b=%zz";
  EXPECT_FALSE(ParseTarget(req));
}

// The pipeline with real credentials on a throwaway database.
class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sqm_app_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{path_.string(), "OFF"}, clock_);
    db_->Migrate();
    org_ = std::make_unique<org::Service>(*db_, clock_);
    const org::Principal system{0, "system", "", std::nullopt, {"admin"}, {}, org::Scope{true, {}}, "", false};
    const auto root = org_->CreateDepartment(system, {"Root", std::nullopt, "ROOT"}).value().id;
    ASSERT_TRUE(org_->CreateStaffAsSystem({"admin", "Admin", root, "", "", "", {"admin"}, kPassword, {}}).ok());
    auto login = org_->Login("admin", kPassword, "127.0.0.1").value();
    cookie_ = "sqm_session=" + login.session_token;
    csrf_ = login.principal.csrf_token;
    router_.Add("POST", "/api/v1/things", std::string(org::kOrgWrite), [this](Request& req) {
      ++handled_;
      return JsonResponse(201, boost::json::object{{"bytes", req.body.size()}});
    });
    router_.Add("POST", "/api/v1/things/import", std::string(org::kOrgWrite),
                [this](Request&) {
                  ++handled_;
                  return NoContent();
                },
                {.max_body_bytes = 1 << 20, .body_types = "text/csv application/octet-stream"});
    app_ = std::make_unique<App>(router_, *org_, metrics_, AppOptions{.access_log = false});
  }
  void TearDown() override {
    app_.reset();
    org_.reset();
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  Request Post(std::string target, std::vector<std::pair<std::string, std::string>> headers) {
    Request r;
    r.method = "POST";
    r.target = std::move(target);
    r.headers = std::move(headers);
    return r;
  }

  static constexpr const char* kPassword = "App-test-pass-2026";
  std::filesystem::path path_;
  ManualClock clock_{1'790'000'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<org::Service> org_;
  Router router_;
  Metrics metrics_;
  std::unique_ptr<App> app_;
  std::string cookie_, csrf_;
  int handled_ = 0;
};

TEST_F(AppTest, RefusesFromTheHeadersBeforeABodyIsRead) {
  const std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, int>> cases = {
      {{{"content-type", "text/csv"}, {"content-length", "209715200"}}, 401},
      {{{"content-type", "text/csv"}, {"cookie", cookie_}}, 403},                             // no CSRF token
      {{{"content-type", "text/csv"}, {"cookie", cookie_}, {"x-csrf-token", "wrong"}}, 403},  // wrong token
      {{{"content-type", "application/json"}, {"cookie", cookie_}, {"x-csrf-token", csrf_}}, 415},
      {{{"content-type", "text/csv"}, {"authorization", "Bearer sqm_unknown"}}, 401},
  };
  for (const auto& [headers, status] : cases) {
    Request req = Post("/api/v1/things/import", headers);
    Admission admission;
    auto refused = app_->Admit(req, admission, /*body_follows=*/true);
    ASSERT_TRUE(refused.has_value()) << status;
    EXPECT_EQ(refused->status, status) << refused->body;
  }
  EXPECT_EQ(handled_, 0);
}

TEST_F(AppTest, AdmitsWithTheRightCredentialsThenHandlesTheBody) {
  Request req = Post("/api/v1/things/import",
                     {{"content-type", "text/csv; charset=utf-8"}, {"cookie", cookie_}, {"x-csrf-token", csrf_}});
  Admission admission;
  ASSERT_FALSE(app_->Admit(req, admission, /*body_follows=*/true).has_value());
  ASSERT_NE(req.principal, nullptr);
  EXPECT_EQ(req.principal->username, "admin");
  req.body = "a,b\n";
  EXPECT_EQ(app_->Handle(req, admission).status, 204);
  EXPECT_EQ(handled_, 1);
}

TEST_F(AppTest, JsonRoutesTakeOnlyJson) {
  for (const char* type : {"text/csv", "application/x-ndjson", "text/plain", "", "application/jsonp"}) {
    Request req = Post("/api/v1/things", {{"content-type", type}, {"cookie", cookie_}, {"x-csrf-token", csrf_}});
    req.body = R"({"name":"x"})";
    const Response r = app_->Handle(req);
    EXPECT_EQ(r.status, 415) << type;
    EXPECT_NE(r.body.find("http.unsupported_media_type"), std::string::npos) << r.body;
  }
  Request ok =
      Post("/api/v1/things", {{"content-type", "application/json"}, {"cookie", cookie_}, {"x-csrf-token", csrf_}});
  ok.body = R"({"name":"x"})";
  EXPECT_EQ(app_->Handle(ok).status, 201);
  // Without a body there is no Content-Type to check.
  Request empty = Post("/api/v1/things", {{"cookie", cookie_}, {"x-csrf-token", csrf_}});
  EXPECT_EQ(app_->Handle(empty).status, 201);
}

TEST_F(AppTest, QuotesAHugePathBounded) {
  Request req;
  req.method = "GET";
  req.target = "/api/v1/" + std::string(100'000, 'p');
  const Response r = app_->Handle(req);
  EXPECT_EQ(r.status, 404);
  EXPECT_LT(r.body.size(), 2000u);
  EXPECT_NE(r.body.find("(100008 bytes)"), std::string::npos) << r.body;
}

TEST(ContentType, KnownExtensions) {
  EXPECT_EQ(ContentTypeFor(".js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor(".html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor(".exe"), "application/octet-stream");
}

}  // namespace
}  // namespace sqm::http
