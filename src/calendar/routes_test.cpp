#include "calendar/routes.h"

#include <tuple>

#include <gtest/gtest.h>

#include "base/json.h"
#include "org/rules.h"
#include "storage/testing.h"

namespace sqm::calendar {
namespace {

namespace bj = boost::json;

class CalendarRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{.url = file_.url()}, clock_);
    db_->Migrate();
    registry_ = std::make_unique<Registry>(*db_);
    ASSERT_TRUE(registry_->Load().ok());
    AddRoutes(router_, *registry_);
    who_.username = "quality";
  }
  void TearDown() override {
    registry_.reset();
    db_.reset();
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

  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
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

TEST_F(CalendarRoutesTest, DuePreviewWarnsWhenTheAnswerDependsOnDaysPastTheKnownYears) {
  // The issue's case: the built-in schedule ends with 2026, so New Year's Day 2027 is counted
  // (30 minutes before 18:00 on 12-31, 30 from 09:00 on 01-01).
  auto r = Call("GET", "/api/v1/calendars/cn-mainland/due", {{"from", "2026-12-31T17:30:00+08:00"}, {"minutes", "60"}});
  ASSERT_EQ(r.status, 200);
  auto o = Body(r);
  EXPECT_EQ(o.at("due").as_string(), "2027-01-01T09:30:00+08:00") << "still computed, with the weekly hours";
  ASSERT_TRUE(o.contains("warning")) << r.body;
  const auto& warning = o.at("warning").as_object();
  EXPECT_EQ(warning.at("key").as_string(), "calendar.beyond_known_years");
  EXPECT_EQ(warning.at("args").at("code").as_string(), "cn-mainland");
  EXPECT_EQ(warning.at("args").at("first").as_string(), "2025");
  EXPECT_EQ(warning.at("args").at("last").as_string(), "2026");
  EXPECT_NE(warning.at("message").as_string().find("2025-2026"), bj::string::npos);

  // Answers inside the known days, of 0 minutes, and of a calendar without holidays carry none.
  for (const auto& [code, from, minutes] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"cn-mainland", "2026-12-31T10:00:00+08:00", "60"},
           {"cn-mainland", "2027-01-01T10:00:00+08:00", "0"},
           {"24x7", "2027-01-01T10:00:00+08:00", "60"}}) {
    r = Call("GET", "/api/v1/calendars/" + code + "/due", {{"from", from}, {"minutes", minutes}});
    ASSERT_EQ(r.status, 200);
    EXPECT_FALSE(Body(r).contains("warning")) << code << " " << from << " " << minutes << ": " << r.body;
  }

  // Once 2027 is added, the same question is answered without a warning.
  ASSERT_TRUE(registry_->Import("quality", "cn-mainland", R"([{"date": "2027-01-01", "kind": "holiday"}])").ok());
  r = Call("GET", "/api/v1/calendars/cn-mainland/due", {{"from", "2026-12-31T17:30:00+08:00"}, {"minutes", "60"}});
  EXPECT_EQ(Body(r).at("due").as_string(), "2027-01-04T09:30:00+08:00");  // Friday 01-01 off
  EXPECT_FALSE(Body(r).contains("warning"));
}

// Helper D made the page ask nothing for 0 minutes; the server answers it all the same: nothing has
// to elapse, so the due time is the start, in hours or out of them.
TEST_F(CalendarRoutesTest, DuePreviewOfZeroMinutesIsTheStart) {
  EXPECT_EQ(Due("cn-mainland", "2026-10-09T10:15:00+08:00", "0"), "2026-10-09T10:15:00+08:00");
  EXPECT_EQ(Due("cn-mainland", "2026-10-09T12:30:00+08:00", "0"), "2026-10-09T12:30:00+08:00");  // lunch
  EXPECT_EQ(Due("cn-mainland", "2026-10-03T08:00:00Z", "0"), "2026-10-03T16:00:00+08:00");       // a holiday
  EXPECT_EQ(Due("24x7", "2026-10-03T08:00:00+08:00", "0"), "2026-10-03T00:00:00+00:00");
}

TEST_F(CalendarRoutesTest, CalendarsSayWhichYearsOfHolidaysTheyKnow) {
  auto list = Call("GET", "/api/v1/calendars");
  ASSERT_EQ(list.status, 200);
  std::map<std::string, bj::value> known;
  const bj::object body = Body(list);
  for (const auto& c : body.at("items").as_array()) {
    known[std::string(c.at("code").as_string())] = c.at("known_years");
  }
  EXPECT_EQ(known.at("cn-mainland"), (bj::value{{"first", 2025},
                                                {"last", 2026},
                                                {"runs_out_at", "2026-12-31T16:00:00.000Z"},
                                                {"notice_at", "2026-11-01T16:00:00.000Z"}}));
  EXPECT_TRUE(known.at("24x7").is_null());
  // The field is read-only: a definition sent back with it is accepted and it is ignored.
  auto got = Body(Call("GET", "/api/v1/calendars/cn-mainland"));
  got["known_years"] = bj::object{{"first", 1999}, {"last", 2999}};
  auto put = Call("PUT", "/api/v1/calendars/cn-mainland", {}, json::Serialize(got));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Body(put).at("known_years").at("last"), 2026);
  EXPECT_EQ(Body(put).at("known_years").at("first"), 2025);
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
