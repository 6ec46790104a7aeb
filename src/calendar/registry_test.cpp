#include "calendar/registry.h"

#include <gtest/gtest.h>

#include "calendar/builtin.h"
#include "calendar/codec.h"
#include "storage/event_log.h"
#include "storage/testing.h"

namespace sqm::calendar {
namespace {

TimeMs At(const char* iso) {
  return *ParseIsoTime(iso);
}

Calendar NineToFive(std::string code) {
  Calendar c;
  c.code = std::move(code);
  c.name = "Shanghai office";
  c.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) c.week[d] = {{540, 1020}};  // 09:00-17:00
  return c;
}

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{.url = file_.url()}, clock_);
    db_->Migrate();
    registry_ = std::make_unique<Registry>(*db_);
    ASSERT_TRUE(registry_->Load().ok());
  }
  void TearDown() override {
    registry_.reset();
    db_.reset();
  }
  std::vector<storage::Event> Events(const std::string& type_prefix) {
    return db_->Read(
        [&](storage::Connection& c) { return storage::ListEvents(c, {.type = type_prefix, .limit = 500}).events; });
  }
  std::string StoredDefinition(const std::string& code) {
    return db_->Read([&](storage::Connection& c) {
      return c.QueryOne("SELECT definition FROM calendars WHERE code = ?", {code})->Text(0);
    });
  }

  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  ManualClock clock_{At("2026-09-01T00:00:00Z")};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(RegistryTest, FirstLoadSeedsTheBuiltinsOnce) {
  auto list = registry_->List();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].calendar.code, "24x7");
  EXPECT_EQ(list[1].calendar, BuiltinCnMainland());
  EXPECT_TRUE(list[1].builtin);
  ASSERT_NE(registry_->Get("cn-mainland"), nullptr);
  EXPECT_EQ(registry_->Get("cn-mainland")->time_zone(), "Asia/Shanghai");
  EXPECT_TRUE(registry_->Get("24x7")->always_open());
  EXPECT_EQ(registry_->Get("nowhere"), nullptr);
  EXPECT_FALSE(registry_->Find("nowhere"));
  EXPECT_EQ(Events("calendar.created").size(), 2u);

  // Loading again (a restart) adds nothing.
  Registry again(*db_);
  ASSERT_TRUE(again.Load().ok());
  EXPECT_EQ(again.List().size(), 2u);
  EXPECT_EQ(Events("calendar.created").size(), 2u);
}

TEST_F(RegistryTest, AnEditedBuiltinIsNeverOverwritten) {
  Calendar cal = BuiltinCnMainland();
  cal.week[0] = {{480, 720}, {780, 1080}};  // Mondays start at 08:00
  ASSERT_TRUE(registry_->Update("admin", "cn-mainland", cal).ok());

  Registry restarted(*db_);
  ASSERT_TRUE(restarted.Load().ok());
  auto found = restarted.Find("cn-mainland");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->calendar, cal);
  EXPECT_TRUE(found->builtin);
  // Monday 2026-09-07 08:30 Shanghai is working time under the edit.
  EXPECT_TRUE(restarted.Get("cn-mainland")->IsOpen(At("2026-09-07T08:30:00+08:00")));
}

TEST_F(RegistryTest, CreateValidatesAndRefusesATakenCode) {
  Calendar bad = NineToFive("shanghai");
  bad.week[2] = {{600, 540}};
  auto r = registry_->Create("admin", bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().field, "week[2][0].end");

  bad = NineToFive("shanghai");
  bad.time_zone = "Mars/Olympus";
  EXPECT_EQ(registry_->Create("admin", bad).error().field, "time_zone");

  auto created = registry_->Create("admin", NineToFive("shanghai"));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_FALSE(created->builtin);
  EXPECT_EQ(created->updated_at, clock_.Now());
  ASSERT_NE(registry_->Get("shanghai"), nullptr);

  auto again = registry_->Create("admin", NineToFive("shanghai"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "code");

  auto dup = registry_->Create("admin", NineToFive("24x7"));
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);

  const auto events = Events("calendar.created");
  ASSERT_EQ(events.size(), 3u);  // the two built-ins and "shanghai"
  EXPECT_EQ(events[0].entity_id, "shanghai");
  EXPECT_EQ(events[0].actor, "admin");
  EXPECT_NE(events[0].data.find("\"definition\""), std::string::npos);
}

TEST_F(RegistryTest, UpdateSwapsTheCompiledCalendarAndKeepsOldCopiesIntact) {
  ASSERT_TRUE(registry_->Create("admin", NineToFive("shanghai")).ok());
  auto before = registry_->Get("shanghai");
  const TimeMs monday_0930 = At("2026-09-07T09:30:00+08:00");
  EXPECT_EQ(before->AddBusinessMinutes(monday_0930, 60), At("2026-09-07T10:30:00+08:00"));

  Calendar later = NineToFive("shanghai");
  later.name = "Shanghai office (10:00 start)";
  for (int d = 0; d < 5; ++d) later.week[d] = {{600, 1020}};
  clock_.Advance(1000);
  auto updated = registry_->Update("quality", "shanghai", later);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->updated_at, clock_.Now());

  EXPECT_EQ(registry_->Get("shanghai")->AddBusinessMinutes(monday_0930, 60), At("2026-09-07T11:00:00+08:00"));
  // Whoever still holds the old compiled calendar keeps computing with it.
  EXPECT_EQ(before->AddBusinessMinutes(monday_0930, 60), At("2026-09-07T10:30:00+08:00"));
  EXPECT_EQ(registry_->Find("shanghai")->calendar.name, "Shanghai office (10:00 start)");
  EXPECT_EQ(CalendarFromJsonText(StoredDefinition("shanghai")).value(), later);

  const auto events = Events("calendar.updated");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, "quality");
  EXPECT_EQ(events[0].entity, "calendar");
}

TEST_F(RegistryTest, UpdateRefusesACodeChangeUnknownCodesAndInvalidDefinitions) {
  auto renamed = registry_->Update("admin", "cn-mainland", NineToFive("cn"));
  EXPECT_EQ(renamed.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(renamed.error().field, "code");

  EXPECT_EQ(registry_->Update("admin", "nowhere", NineToFive("nowhere")).error().code, ErrorCode::kNotFound);

  Calendar closed = NineToFive("cn-mainland");
  for (auto& day : closed.week) day.clear();
  auto r = registry_->Update("admin", "cn-mainland", closed);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().field, "week");
  EXPECT_EQ(registry_->Find("cn-mainland")->calendar, BuiltinCnMainland());
  EXPECT_TRUE(Events("calendar.updated").empty());
}

constexpr const char* kIcs2027 =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270101\r\n"
    "DTEND;VALUE=DATE:20270104\r\n"
    "SUMMARY:元旦\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270207\r\n"
    "SUMMARY:春节补班\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

TEST_F(RegistryTest, ImportsAnICalendarFeed) {
  clock_.Advance(5000);
  auto r = registry_->Import("admin", "cn-mainland", kIcs2027);
  ASSERT_TRUE(r.ok()) << r.error().field << " " << r.error().message;
  EXPECT_EQ(r->added, 4);
  EXPECT_EQ(r->replaced, 0);
  EXPECT_EQ(r->stored.updated_at, clock_.Now());
  EXPECT_EQ(r->stored.calendar.exceptions.size(), BuiltinCnMainland().exceptions.size() + 4);

  auto cal = registry_->Get("cn-mainland");
  EXPECT_FALSE(cal->IsOpen(At("2027-01-01T10:00:00+08:00")));  // Friday, 元旦
  EXPECT_TRUE(cal->IsOpen(At("2027-02-07T10:00:00+08:00")));   // Sunday, 春节补班
  // Stored, so a restart sees it.
  Registry restarted(*db_);
  ASSERT_TRUE(restarted.Load().ok());
  EXPECT_EQ(restarted.Find("cn-mainland")->calendar, r->stored.calendar);

  const auto events = Events("calendar.imported");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].data.find("\"format\":\"icalendar\""), std::string::npos);
  EXPECT_NE(events[0].data.find("\"added\":4"), std::string::npos);

  // Importing the same feed again replaces those days.
  auto again = registry_->Import("admin", "cn-mainland", kIcs2027);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->replaced, 4);
}

TEST_F(RegistryTest, AFaultyICalendarFeedNamesTheLineAndChangesNothing) {
  const std::string before = StoredDefinition("cn-mainland");
  auto r = registry_->Import(
      "admin", "cn-mainland",
      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101T090000Z\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().field, "line 3");
  EXPECT_EQ(r.error().message.rfind("line 3:", 0), 0u) << r.error().message;
  EXPECT_EQ(StoredDefinition("cn-mainland"), before);
  EXPECT_EQ(registry_->Find("cn-mainland")->calendar, BuiltinCnMainland());
  EXPECT_TRUE(Events("calendar.imported").empty());

  auto empty = registry_->Import("admin", "cn-mainland", "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(registry_->Import("admin", "cn-mainland", "  \n").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(registry_->Import("admin", "nowhere", kIcs2027).error().code, ErrorCode::kNotFound);
  auto always_open = registry_->Import("admin", "24x7", kIcs2027);
  EXPECT_EQ(always_open.error().code, ErrorCode::kConflict);
}

TEST_F(RegistryTest, ImportsJsonInThreeShapes) {
  ASSERT_TRUE(registry_->Create("admin", NineToFive("shanghai")).ok());
  // A bare list, with hours_of read against the target's week.
  auto list = registry_->Import("admin", "shanghai",
                                R"([{"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
          {"date": "2027-02-06", "kind": "workday", "hours_of": "fri"}])");
  ASSERT_TRUE(list.ok()) << list.error().field << " " << list.error().message;
  EXPECT_EQ(list->added, 2);
  EXPECT_TRUE(registry_->Get("shanghai")->IsOpen(At("2027-02-06T16:30:00+08:00")));

  auto wrapped =
      registry_->Import("admin", "shanghai", R"({"exceptions": [{"date": "2027-05-03", "kind": "holiday"}]})");
  ASSERT_TRUE(wrapped.ok());
  EXPECT_EQ(wrapped->added, 1);

  // A whole definition: only its exceptions are taken; the week stays.
  Calendar other = NineToFive("whatever");
  for (int d = 0; d < 7; ++d) other.week[d] = {{0, 1440}};
  other.exceptions = {{{2027, 1, 1}, ExceptionKind::kHoliday, "New Year", std::nullopt, {}}};
  auto whole = registry_->Import("admin", "shanghai", boost::json::serialize(CalendarToJson(other)));
  ASSERT_TRUE(whole.ok()) << whole.error().field << " " << whole.error().message;
  EXPECT_EQ(whole->replaced, 1);
  EXPECT_EQ(registry_->Find("shanghai")->calendar.week, NineToFive("x").week);
  EXPECT_EQ(Events("calendar.imported").size(), 3u);
}

TEST_F(RegistryTest, AFaultyJsonImportNamesTheField) {
  auto r =
      registry_->Import("admin", "cn-mainland",
                        R"([{"date": "2027-01-01", "kind": "holiday"}, {"date": "2027-02-30", "kind": "holiday"}])");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "exceptions[1].date");

  auto unknown = registry_->Import("admin", "cn-mainland", R"([{"date": "2027-01-01", "kind": "party"}])");
  EXPECT_EQ(unknown.error().field, "exceptions[0].kind");
  EXPECT_EQ(registry_->Import("admin", "cn-mainland", "[1, 2").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(registry_->Import("admin", "cn-mainland", R"({"exceptions": 3})").error().field, "exceptions");

  // A make-up day worked with Sunday's hours on a calendar closed on Sundays has no hours.
  auto hourless =
      registry_->Import("admin", "cn-mainland", R"([{"date": "2027-02-07", "kind": "workday", "hours_of": "sun"}])");
  EXPECT_EQ(hourless.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(hourless.error().field, "exceptions[0].hours_of");
  EXPECT_EQ(registry_->Find("cn-mainland")->calendar, BuiltinCnMainland());
  EXPECT_TRUE(Events("calendar.imported").empty());
}

TEST_F(RegistryTest, AnICalendarDayThatCannotBeMergedNamesItsDate) {
  // Closed on Mondays, so a make-up day "with Monday's hours" (what iCalendar imports) has none.
  Calendar shop = NineToFive("shop");
  shop.week[0].clear();
  shop.week[5] = {{540, 1020}};
  ASSERT_TRUE(registry_->Create("admin", shop).ok());
  auto r = registry_->Import("admin", "shop", kIcs2027);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("2027-02-07"), std::string::npos) << r.error().field << " " << r.error().message;
  EXPECT_EQ(registry_->Find("shop")->calendar, shop);
}

}  // namespace
}  // namespace sqm::calendar
