#include "calendar/routes.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "base/json.h"
#include "org/rules.h"

namespace sqm::calendar {
namespace {

namespace bj = boost::json;

class CalendarRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sqm_calendar_routes_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{path_.string()}, clock_);
    db_->Migrate();
    registry_ = std::make_unique<Registry>(*db_);
    ASSERT_TRUE(registry_->Load().ok());
    AddRoutes(router_, *registry_);
    who_.username = "quality";
  }
  void TearDown() override {
    registry_.reset();
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  // Runs the handler as the pipeline would after the permission check.
  http::Response Call(const std::string& method, const std::string& path,
                      std::map<std::string, std::string, std::less<>> query = {}, std::string body = {}) {
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
  std::string Due(const std::string& code, const std::string& from, const std::string& minutes) {
    auto r = Call("GET", "/api/v1/calendars/" + code + "/due", {{"from", from}, {"minutes", minutes}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? std::string(Body(r).at("due").as_string()) : r.body;
  }

  std::filesystem::path path_;
  ManualClock clock_{*ParseIsoTime("2026-09-01T00:00:00Z")};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Registry> registry_;
  http::Router router_;
  org::Principal who_;
};

TEST_F(CalendarRoutesTest, NamesItsPermissions) {
  std::map<std::string, std::string> perms;
  for (const auto& r : router_.routes()) perms[r.method + " " + r.pattern] = r.permission;
  const std::map<std::string, std::string> expected = {{"GET /api/v1/calendars", "authenticated"},
                                                       {"POST /api/v1/calendars", "sla.manage"},
                                                       {"GET /api/v1/calendars/{code}", "sla.manage"},
                                                       {"PUT /api/v1/calendars/{code}", "sla.manage"},
                                                       {"POST /api/v1/calendars/{code}/import", "sla.manage"},
                                                       {"GET /api/v1/calendars/{code}/due", "authenticated"}};
  EXPECT_EQ(perms, expected);
}

TEST_F(CalendarRoutesTest, DuePreviewCountsBusinessMinutesInTheCalendarsZone) {
  // Wednesday 2026-09-30 17:00: one hour today, then the National Day holidays (10-01 .. 10-07).
  EXPECT_EQ(Due("cn-mainland", "2026-09-30T17:00:00+08:00", "120"), "2026-10-08T10:00:00+08:00");
  EXPECT_EQ(Due("cn-mainland", "2026-10-08T17:00:00+08:00", "120"), "2026-10-09T10:00:00+08:00");
  // The same instant given in UTC; and the lunch break.
  EXPECT_EQ(Due("cn-mainland", "2026-10-08T09:00:00Z", "120"), "2026-10-09T10:00:00+08:00");
  EXPECT_EQ(Due("cn-mainland", "2026-10-09T11:30:00+08:00", "60"), "2026-10-09T13:30:00+08:00");
  // An unencoded '+' arrives as a space.
  EXPECT_EQ(Due("cn-mainland", "2026-10-08T17:00:00 08:00", "120"), "2026-10-09T10:00:00+08:00");
  // Zero minutes is the instant itself, even out of hours; 24x7 answers in UTC.
  EXPECT_EQ(Due("cn-mainland", "2026-10-01T12:00:00+08:00", "0"), "2026-10-01T12:00:00+08:00");
  EXPECT_EQ(Due("24x7", "2026-10-01T12:00:00.250+08:00", "90"), "2026-10-01T05:30:00.250+00:00");
}

TEST_F(CalendarRoutesTest, DuePreviewRefusesBadInput) {
  const std::string due = "/api/v1/calendars/cn-mainland/due";
  auto r = Call("GET", due, {{"minutes", "60"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(ErrorField(r), "from");
  for (const char* from : {"2026-10-08", "2026-10-08T17:00:00", "yesterday", "0001-01-01T00:00:00Z"}) {
    r = Call("GET", due, {{"from", from}, {"minutes", "60"}});
    EXPECT_EQ(r.status, 400) << from;
    EXPECT_EQ(ErrorField(r), "from") << from;
  }
  for (const char* minutes : {"", "-1", "1.5", "ten", "99999999999"}) {
    r = Call("GET", due, {{"from", "2026-10-08T17:00:00+08:00"}, {"minutes", minutes}});
    EXPECT_EQ(r.status, 400) << minutes;
    EXPECT_EQ(ErrorField(r), "minutes") << minutes;
  }
  r = Call("GET", "/api/v1/calendars/mars/due", {{"from", "2026-10-08T17:00:00+08:00"}, {"minutes", "60"}});
  EXPECT_EQ(r.status, 404);
  // Every refusal carries a key the web UI translates.
  auto error = json::Parse(r.body).value().at("error").as_object();
  EXPECT_EQ(error.at("key").as_string(), "calendar.not_found");
  EXPECT_EQ(error.at("args").at("code").as_string(), "mars");
  r = Call("GET", due, {{"minutes", "60"}});
  EXPECT_EQ(json::Parse(r.body).value().at("error").at("key").as_string(), "calendar.from_required");
}

TEST_F(CalendarRoutesTest, FormatsInDaylightSavingZones) {
  EXPECT_EQ(FormatInZone(*ParseIsoTime("2026-07-01T16:00:00Z"), "America/New_York"), "2026-07-01T12:00:00-04:00");
  EXPECT_EQ(FormatInZone(*ParseIsoTime("2026-12-01T16:00:00Z"), "America/New_York"), "2026-12-01T11:00:00-05:00");
  EXPECT_EQ(FormatInZone(*ParseIsoTime("2026-12-01T16:00:00Z"), "Asia/Kolkata"), "2026-12-01T21:30:00+05:30");
}

TEST_F(CalendarRoutesTest, CreateGetPutRoundTrip) {
  const std::string def = R"({"code": "shanghai", "name": "上海办公室", "time_zone": "Asia/Shanghai",
      "week": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]]}})";
  auto created = Call("POST", "/api/v1/calendars", {}, def);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Body(created).at("builtin"), bj::value(false));

  auto got = Call("GET", "/api/v1/calendars/shanghai");
  ASSERT_EQ(got.status, 200);
  bj::object o = Body(got);
  EXPECT_EQ(o.at("name"), bj::value("上海办公室"));
  // What GET answers can be sent back with a change (its read-only fields are ignored).
  o["name"] = "上海办公室（新）";
  auto put = Call("PUT", "/api/v1/calendars/shanghai", {}, json::Serialize(o));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(registry_->Find("shanghai")->calendar.name, "上海办公室（新）");

  auto list = Call("GET", "/api/v1/calendars");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Body(list).at("items").as_array().size(), 3u);

  EXPECT_EQ(Call("GET", "/api/v1/calendars/nowhere").status, 404);
  auto bad =
      Call("POST", "/api/v1/calendars", {}, R"({"code": "x", "name": "x", "time_zone": "UTC", "colour": "red"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorField(bad), "colour");
  auto taken = Call("POST", "/api/v1/calendars", {}, def);
  EXPECT_EQ(taken.status, 409);
  o["code"] = "elsewhere";
  auto moved = Call("PUT", "/api/v1/calendars/shanghai", {}, json::Serialize(o));
  EXPECT_EQ(moved.status, 400);
  EXPECT_EQ(ErrorField(moved), "code");
}

TEST_F(CalendarRoutesTest, ImportTakesICalendarOrJsonAndReportsCounts) {
  auto ics =
      Call("POST", "/api/v1/calendars/cn-mainland/import", {},
           "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n");
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(Body(ics).at("imported").at("added"), bj::value(1));
  auto js = Call("POST", "/api/v1/calendars/cn-mainland/import", {}, R"([{"date": "2027-01-01", "kind": "holiday"}])");
  ASSERT_EQ(js.status, 200) << js.body;
  EXPECT_EQ(Body(js).at("imported").at("replaced"), bj::value(1));
  // The holiday moves the preview past New Year's Day 2027 (a Friday) and the weekend.
  EXPECT_EQ(Due("cn-mainland", "2026-12-31T17:00:00+08:00", "120"), "2027-01-04T10:00:00+08:00");

  auto bad =
      Call("POST", "/api/v1/calendars/cn-mainland/import", {}, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nRRULE:FREQ=YEARLY\n");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorField(bad).rfind("line ", 0), 0u) << bad.body;
}

}  // namespace
}  // namespace sqm::calendar
