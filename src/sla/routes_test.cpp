#include "sla/routes.h"

#include <gtest/gtest.h>

#include "base/json.h"
#include "storage/testing.h"

namespace sqm::sla {
namespace {

namespace bj = boost::json;

class SlaRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{file_.url()}, clock_);
    db_->Migrate();
    calendars_ = std::make_unique<calendar::Registry>(*db_);
    ASSERT_TRUE(calendars_->Load().ok());
    svc_ = std::make_unique<Service>(*db_, *calendars_, clock_);
    AddRoutes(router_, *svc_);
    who_.username = "quality";
  }
  void TearDown() override {
    svc_.reset();
    calendars_.reset();
    db_.reset();
  }
  http::Response Call(const std::string& method, const std::string& path, std::string body = {},
                      std::map<std::string, std::string, std::less<>> query = {}) {
    http::Request req;
    req.method = method;
    req.path = path;
    req.query = std::move(query);
    req.body = std::move(body);
    req.principal = &who_;
    auto match = router_.Find(method, path, req.params);
    EXPECT_NE(match.route, nullptr) << method << " " << path;
    if (!match.route) return {};
    return match.route->handler(req);
  }
  static bj::object Body(const http::Response& r) { return json::Parse(r.body).value().as_object(); }
  static std::string ErrorField(const http::Response& r) {
    auto o = Body(r);
    const auto& e = o.at("error").as_object();
    return e.contains("field") ? std::string(e.at("field").as_string()) : std::string();
  }

  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  ManualClock clock_{*ParseIsoTime("2026-09-07T09:00:00+08:00")};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<calendar::Registry> calendars_;
  std::unique_ptr<Service> svc_;
  http::Router router_;
  org::Principal who_;
};

constexpr const char* kP1 = R"({"name": "P1 incidents",
  "match": {"ticket_type": "incident", "priority": "P1"},
  "targets": [{"kind": "first_response", "business_minutes": 15, "calendar_code": "24x7"},
              {"kind": "resolution", "business_minutes": 240, "calendar_code": "24x7"}],
  "warning_fraction": 0.8})";

TEST_F(SlaRoutesTest, EveryRouteNeedsSlaManage) {
  ASSERT_EQ(router_.routes().size(), 5u);
  for (const auto& r : router_.routes()) EXPECT_EQ(r.permission, "sla.manage") << r.method << " " << r.pattern;
}

TEST_F(SlaRoutesTest, CreateReadAndVersionAPolicy) {
  auto created = Call("POST", "/api/v1/sla/policies", kP1);
  ASSERT_EQ(created.status, 201) << created.body;
  bj::object p = Body(created);
  EXPECT_EQ(p.at("id"), bj::value(1));
  EXPECT_EQ(p.at("version"), bj::value(1));
  EXPECT_EQ(p.at("match").at("priority"), bj::value("P1"));
  EXPECT_EQ(p.at("match").at("channel"), bj::value(nullptr));
  EXPECT_EQ(p.at("warning_fraction"), bj::value(0.8));
  EXPECT_EQ(p.at("active"), bj::value(true));
  EXPECT_EQ(p.at("targets").as_array().size(), 2u);

  // The policy as read can be sent back with a change: a new version.
  p["name"] = "P1 incidents (faster)";
  auto v2 = Call("PUT", "/api/v1/sla/policies/1", json::Serialize(p));
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(Body(v2).at("version"), bj::value(2));
  // Sending the same (now stale) version again is a conflict.
  auto stale = Call("PUT", "/api/v1/sla/policies/1", json::Serialize(p));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(ErrorField(stale), "version");
  p["id"] = 2;
  p.erase("version");
  auto wrong_id = Call("PUT", "/api/v1/sla/policies/1", json::Serialize(p));
  EXPECT_EQ(wrong_id.status, 400);
  EXPECT_EQ(ErrorField(wrong_id), "id");
  EXPECT_EQ(Call("PUT", "/api/v1/sla/policies/9", kP1).status, 404);

  EXPECT_EQ(Body(Call("GET", "/api/v1/sla/policies/1")).at("name"), bj::value("P1 incidents (faster)"));
  auto v1 = Call("GET", "/api/v1/sla/policies/1", {}, {{"version", "1"}});
  ASSERT_EQ(v1.status, 200);
  EXPECT_EQ(Body(v1).at("name"), bj::value("P1 incidents"));
  EXPECT_EQ(Call("GET", "/api/v1/sla/policies/1", {}, {{"version", "5"}}).status, 404);
  EXPECT_EQ(ErrorField(Call("GET", "/api/v1/sla/policies/1", {}, {{"version", "0"}})), "version");
  EXPECT_EQ(Call("GET", "/api/v1/sla/policies/abc").status, 404);

  // Deactivated: listed only with include_inactive.
  bj::object off = Body(Call("GET", "/api/v1/sla/policies/1"));
  off["active"] = false;
  ASSERT_EQ(Call("PUT", "/api/v1/sla/policies/1", json::Serialize(off)).status, 200);
  EXPECT_EQ(Body(Call("GET", "/api/v1/sla/policies")).at("items").as_array().size(), 0u);
  auto all = Call("GET", "/api/v1/sla/policies", {}, {{"include_inactive", "true"}});
  ASSERT_EQ(Body(all).at("items").as_array().size(), 1u);
  EXPECT_EQ(Body(all).at("items").as_array()[0].at("version"), bj::value(3));
}

TEST_F(SlaRoutesTest, BadPolicyBodiesNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7"}]})", "name"},
      {R"({"name": "x"})", "targets"},
      {R"({"name": "x", "targets": {}})", "targets"},
      {R"({"name": "x", "targets": []})", "targets"},
      {R"({"name": "x", "targets": [{"kind": "lunch", "business_minutes": 60, "calendar_code": "24x7"}]})",
       "targets[0].kind"},
      {R"({"name": "x", "targets": [{"kind": "resolution", "business_minutes": 0, "calendar_code": "24x7"}]})",
       "targets[0].business_minutes"},
      {R"({"name": "x", "targets": [{"kind": "resolution", "business_minutes": 60}]})", "targets[0].calendar_code"},
      {R"({"name": "x", "targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7"},
                                    {"kind": "callback", "business_minutes": 60, "calendar_code": "mars"}]})",
       "targets[1].calendar_code"},
      {R"({"name": "x", "targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7", "x": 1}]})",
       "targets[0].x"},
      {R"({"name": "x", "match": {"priority": "urgent"},
           "targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7"}]})",
       "match.priority"},
      {R"({"name": "x", "match": {"category_id": 0},
           "targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7"}]})",
       "match.category_id"},
      {R"({"name": "x", "warning_fraction": 1.5,
           "targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7"}]})",
       "warning_fraction"},
      {R"({"name": "x", "version": 3,
           "targets": [{"kind": "resolution", "business_minutes": 60, "calendar_code": "24x7"}]})",
       "version"},
  };
  for (const auto& [body, field] : cases) {
    auto r = Call("POST", "/api/v1/sla/policies", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(ErrorField(r), field) << body << " -> " << r.body;
  }
  EXPECT_EQ(Call("POST", "/api/v1/sla/policies", "[1]").status, 400);
  EXPECT_EQ(Body(Call("GET", "/api/v1/sla/policies", {}, {{"include_inactive", "true"}})).at("items").as_array().size(),
            0u);
}

TEST_F(SlaRoutesTest, ExplainSaysWhichPolicyAppliesAndWhy) {
  ASSERT_EQ(Call("POST", "/api/v1/sla/policies", kP1).status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/sla/policies",
                 R"({"name": "default", "targets": [{"kind": "resolution", "business_minutes": 960,
                     "calendar_code": "cn-mainland"}]})")
                .status,
            201);
  auto r = Call("POST", "/api/v1/sla/explain", R"({"ticket_type": "incident", "priority": "P1", "channel": "phone"})");
  ASSERT_EQ(r.status, 200) << r.body;
  bj::object e = Body(r);
  EXPECT_EQ(e.at("policy_id"), bj::value(1));
  EXPECT_EQ(e.at("policy_version"), bj::value(1));
  EXPECT_EQ(e.at("policy").at("name"), bj::value("P1 incidents"));
  const auto& candidates = e.at("candidates").as_array();
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].at("verdict"), bj::value("applied"));
  EXPECT_EQ(candidates[1].at("verdict"), bj::value("less_specific"));
  EXPECT_EQ(candidates[0].at("checks").as_array().size(), 2u);
  EXPECT_FALSE(e.at("summary").as_string().empty());

  auto p3 = Body(Call("POST", "/api/v1/sla/explain", R"({"ticket_type": "incident", "priority": "P3"})"));
  EXPECT_EQ(p3.at("policy_id"), bj::value(2));
  EXPECT_EQ(p3.at("candidates").as_array()[1].at("verdict"), bj::value("not_matching"));

  auto bad = Call("POST", "/api/v1/sla/explain", R"({"priority": "P9"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorField(bad), "priority");
  EXPECT_EQ(ErrorField(Call("POST", "/api/v1/sla/explain", R"({"category_path": [1, "x"]})")), "category_path");
  EXPECT_EQ(ErrorField(Call("POST", "/api/v1/sla/explain", R"({"category_id": 3, "category_path": [1, 2]})")),
            "category_path");
  EXPECT_EQ(ErrorField(Call("POST", "/api/v1/sla/explain", R"({"tier": "vip"})")), "tier");
}

}  // namespace
}  // namespace sqm::sla
