#include "calendar/codec.h"

#include <gtest/gtest.h>

#include "base/json.h"
#include "calendar/builtin.h"

namespace sqm::calendar {
namespace {

constexpr const char* kJson = R"({
  "code": "cn-2027", "name": "2027 工作日", "time_zone": "Asia/Shanghai",
  "week": {"mon": [["09:00", "12:00"], ["13:00", "18:00"]], "tue": [["09:00", "18:00"]],
           "sat": [], "sun": [["10:00", "24:00"]]},
  "exceptions": [
    {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
    {"date": "2027-02-07", "kind": "workday", "name": "春节补班"},
    {"date": "2027-02-20", "kind": "workday", "hours_of": "tue"},
    {"date": "2027-10-09", "kind": "workday", "hours": [["09:00", "12:00"]]}
  ]})";

Error JsonError(const std::string& text) {
  auto r = CalendarFromJsonText(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? Error{} : r.error();
}

TEST(CalendarJson, ReadsADefinition) {
  const auto cal = CalendarFromJsonText(kJson);
  ASSERT_TRUE(cal.ok()) << cal.error().field << ": " << cal.error().message;
  EXPECT_EQ(cal->code, "cn-2027");
  EXPECT_EQ(cal->week[0], (std::vector<Interval>{{540, 720}, {780, 1080}}));
  EXPECT_EQ(cal->week[1], (std::vector<Interval>{{540, 1080}}));
  EXPECT_TRUE(cal->week[2].empty());
  EXPECT_EQ(cal->week[6], (std::vector<Interval>{{600, 1440}}));
  ASSERT_EQ(cal->exceptions.size(), 4u);
  EXPECT_EQ(cal->exceptions[0].name, "元旦");
  EXPECT_EQ(cal->exceptions[1].kind, ExceptionKind::kWorkday);
  EXPECT_FALSE(cal->exceptions[1].hours_of.has_value());
  EXPECT_EQ(cal->exceptions[2].hours_of, Weekday::kTuesday);
  EXPECT_EQ(cal->exceptions[3].hours, (std::vector<Interval>{{540, 720}}));
}

TEST(CalendarJson, RoundTrips) {
  const Calendar cal = CalendarFromJsonText(kJson).value();
  EXPECT_EQ(CalendarFromJson(CalendarToJson(cal)).value(), cal);
  for (const Calendar& builtin : BuiltinCalendars()) {
    EXPECT_EQ(CalendarFromJson(CalendarToJson(builtin)).value(), builtin) << builtin.code;
  }
  const std::string text = json::Serialize(CalendarToJson(cal));
  EXPECT_NE(text.find(R"("mon":[["09:00","12:00"],["13:00","18:00"]])"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("sun":[["10:00","24:00"]])"), std::string::npos) << text;
  EXPECT_NE(text.find(R"({"date":"2027-02-20","kind":"workday","name":"","hours_of":"tue"})"), std::string::npos);
  EXPECT_NE(text.find(R"({"date":"2027-01-01","kind":"holiday","name":"元旦"})"), std::string::npos);
}

TEST(CalendarJson, NamesTheFieldInEveryError) {
  const std::string head = R"({"code":"x","name":"X","time_zone":"Asia/Shanghai",)";
  EXPECT_EQ(JsonError(R"({"name":"X","time_zone":"UTC","week":{"mon":[["09:00","10:00"]]}})").field, "code");
  EXPECT_EQ(JsonError(head + R"("week":{"mon":[["09:00","10:00"]]},"colour":"red"})").field, "colour");
  EXPECT_EQ(JsonError(head + R"("week":{"mon":[["09:00","25:00"]]}})").field, "week[0][0].end");
  EXPECT_EQ(JsonError(head + R"("week":{"wed":[["09:00","12:00"],["11:00","13:00"]]}})").field, "week[2][1].start");
  EXPECT_EQ(JsonError(head + R"("week":{"wed":[["9:00","12:00"]]}})").field, "week[2][0].start");
  EXPECT_EQ(JsonError(head + R"("week":{"wed":[["09:00"]]}})").field, "week[2][0]");
  EXPECT_EQ(JsonError(head + R"("week":{"weds":[]}})").field, "week.weds");
  EXPECT_EQ(JsonError(head + R"("week":[]})").field, "week");
  EXPECT_EQ(JsonError(head + R"("week":{}})").field, "week");
  const std::string week = R"("week":{"mon":[["09:00","18:00"]]},)";
  EXPECT_EQ(JsonError(head + week + R"("exceptions":[{"date":"2027-13-01","kind":"holiday"}]})").field,
            "exceptions[0].date");
  EXPECT_EQ(JsonError(head + week + R"("exceptions":[{"date":"2027-01-01","kind":"day off"}]})").field,
            "exceptions[0].kind");
  EXPECT_EQ(
      JsonError(head + week + R"("exceptions":[{"date":"2027-01-01","kind":"holiday"},{"kind":"holiday"}]})").field,
      "exceptions[1].date");
  EXPECT_EQ(JsonError(head + week + R"("exceptions":[{"date":"2027-01-01","kind":"holiday","hours_of":"mon"}]})").field,
            "exceptions[0].hours_of");
  EXPECT_EQ(JsonError(head + week + R"("exceptions":[{"date":"2027-01-01","kind":"workday","hours_of":"xyz"}]})").field,
            "exceptions[0].hours_of");
  EXPECT_EQ(
      JsonError(
          head + week +
          R"("exceptions":[{"date":"2027-01-01","kind":"workday","hours_of":"mon","hours":[["09:00","10:00"]]}]})")
          .field,
      "exceptions[0].hours_of");
  EXPECT_EQ(JsonError(head + week + R"("exceptions":[{"date":"2027-01-01","kind":"workday","when":1}]})").field,
            "exceptions[0].when");
  EXPECT_EQ(
      JsonError(head + week + R"("exceptions":[{"date":"2027-01-01","kind":"workday","hours":[["18:00","09:00"]]}]})")
          .field,
      "exceptions[0].hours[0].end");
  EXPECT_EQ(JsonError(head + week + R"("exceptions":{}})").field, "exceptions");
  EXPECT_EQ(
      JsonError(R"({"code":"x","name":"X","time_zone":"Mars/Olympus",)" + week.substr(0, week.size() - 1) + "}").field,
      "time_zone");
  EXPECT_FALSE(CalendarFromJsonText("{").ok());
}

TEST(CalendarJson, AlwaysOpenNeedsNoWeek) {
  const auto cal = CalendarFromJsonText(R"({"code":"ops","name":"Ops","time_zone":"UTC","always_open":true})");
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(cal->always_open);
}

// ---- iCalendar ----

constexpr const char* kIcs =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//example//holidays//CN\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Asia/Shanghai\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:1@example\r\n"
    "DTSTART;VALUE=DATE:20270101\r\n"
    "DTEND;VALUE=DATE:20270102\r\n"
    "SUMMARY:元旦\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270205\r\n"
    "DTEND;VALUE=DATE:20270212\r\n"
    "SUMMARY:春节\\, 假期\r\n"
    " 第一周\r\n"
    "BEGIN:VALARM\r\n"
    "TRIGGER:-PT15M\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20270207\r\n"
    "SUMMARY:春节 假期\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270213\r\n"
    "SUMMARY:春节补班\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270320\r\n"
    "DURATION:P1D\r\n"
    "SUMMARY:Company offsite\r\n"
    "X-SQM-KIND:workday\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270401\r\n"
    "SUMMARY:Cancelled day off\r\n"
    "STATUS:CANCELLED\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

TEST(CalendarICalendar, ReadsHolidaysAndMakeUpDays) {
  const auto days = ExceptionsFromICalendar(kIcs);
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 10u);
  EXPECT_EQ(days->front().date, (LocalDate{2027, 1, 1}));
  EXPECT_EQ(days->front().name, "元旦");
  EXPECT_EQ(days->front().kind, ExceptionKind::kHoliday);
  // Feb 5..11 from the 7-day event; the folded SUMMARY is joined and unescaped; the Feb 7
  // duplicate adds its name.
  EXPECT_EQ((*days)[1].date, (LocalDate{2027, 2, 5}));
  EXPECT_EQ((*days)[1].name, "春节, 假期第一周");
  EXPECT_EQ((*days)[3].date, (LocalDate{2027, 2, 7}));
  EXPECT_EQ((*days)[3].name, "春节, 假期第一周 / 春节 假期");
  EXPECT_EQ((*days)[7].date, (LocalDate{2027, 2, 11}));
  EXPECT_EQ((*days)[8].date, (LocalDate{2027, 2, 13}));
  EXPECT_EQ((*days)[8].kind, ExceptionKind::kWorkday);
  EXPECT_EQ((*days)[9].date, (LocalDate{2027, 3, 20}));
  EXPECT_EQ((*days)[9].kind, ExceptionKind::kWorkday);
}

TEST(CalendarICalendar, RecognisesMakeUpDayConventions) {
  auto kind_of = [](const std::string& summary, const std::string& extra = "") {
    const std::string ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270213\nSUMMARY:" + summary + "\n" +
                            extra + "END:VEVENT\nEND:VCALENDAR\n";
    return ExceptionsFromICalendar(ics).value().at(0).kind;
  };
  const auto W = ExceptionKind::kWorkday;
  const auto H = ExceptionKind::kHoliday;
  EXPECT_EQ(kind_of("春节补班"), W);
  EXPECT_EQ(kind_of("国庆节调休上班"), W);
  EXPECT_EQ(kind_of("春节（班）"), W);
  EXPECT_EQ(kind_of("班"), W);
  EXPECT_EQ(kind_of("Make-up WORKDAY"), W);
  EXPECT_EQ(kind_of("Extra working day"), W);
  EXPECT_EQ(kind_of("春节"), H);
  EXPECT_EQ(kind_of("春节（休）"), H);
  EXPECT_EQ(kind_of("春节补班", "X-SQM-KIND:holiday\n"), H);
  EXPECT_EQ(kind_of("Offsite", "X-SQM-KIND:Workday\n"), W);
}

struct IcsErrorCase {
  const char* name;
  std::string text;
  const char* field;
  const char* message_part;
};

TEST(CalendarICalendar, ReportsErrorsWithLineNumbers) {
  const std::string head = "BEGIN:VCALENDAR\nVERSION:2.0\n";
  const IcsErrorCase cases[] = {
      {"not a calendar", "hello\n", "line 1", "expected NAME:VALUE"},
      {"wrong first component", "BEGIN:VEVENT\nEND:VEVENT\n", "line 1", "BEGIN:VCALENDAR"},
      {"empty", "", "line 1", "empty file"},
      {"timed event", head + "BEGIN:VEVENT\nDTSTART:20270101T090000Z\nEND:VEVENT\nEND:VCALENDAR\n", "line 4",
       "timed events"},
      {"date-time param", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE-TIME:20270101\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 4", "all-day"},
      {"bad date", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270230\nEND:VEVENT\nEND:VCALENDAR\n", "line 4",
       "YYYYMMDD"},
      {"end before start",
       head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270105\nDTEND;VALUE=DATE:20270105\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 5", "DTEND must be after DTSTART"},
      {"no dtstart", head + "BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", "line 3", "no DTSTART"},
      {"recurring", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271225\nRRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 5", "RRULE"},
      {"missing end", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271225\n", "line 4", "missing END:VEVENT"},
      {"mismatched end", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271225\nEND:VCALENDAR\n", "line 5",
       "does not close BEGIN:VEVENT on line 3"},
      {"conflicting kinds",
       head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:元旦\nEND:VEVENT\n\nBEGIN:VEVENT\n"
              "DTSTART;VALUE=DATE:20270101\nSUMMARY:补班\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 9", "workday here but a holiday on line 4"},
      {"duplicate property",
       head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTSTART;VALUE=DATE:20270102\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 5", "given twice"},
      {"bad kind", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nX-SQM-KIND:maybe\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 5", "X-SQM-KIND"},
      {"bad duration", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDURATION:PT8H\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 5", "DURATION"},
      {"too long",
       head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20290101\nEND:VEVENT\nEND:VCALENDAR\n",
       "line 4", "at most 366 days"},
      {"malformed param", head + "BEGIN:VEVENT\nDTSTART;VALUE:20270101\nEND:VEVENT\nEND:VCALENDAR\n", "line 4",
       "malformed parameter"},
      {"trailing content", head + "END:VCALENDAR\nSUMMARY:stray\n", "line 4", "outside BEGIN:VCALENDAR"},
  };
  for (const auto& c : cases) {
    const auto r = ExceptionsFromICalendar(c.text);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().field, c.field) << c.name << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(c.message_part), std::string::npos) << c.name << ": " << r.error().message;
    // Keyed for the user's language, with the line as an argument (the field's number).
    EXPECT_TRUE(r.error().key.starts_with("calendar.ics.")) << c.name << ": " << r.error().key;
    ASSERT_FALSE(r.error().args.empty()) << c.name;
    EXPECT_EQ("line " + r.error().args.front().second, c.field) << c.name;
    EXPECT_EQ(r.error().message.rfind(std::string(c.field) + ":", 0), 0u) << c.name << ": " << r.error().message;
  }
}

TEST(CalendarICalendar, MergeReplacesSameDates) {
  Calendar cal = BuiltinCnMainland();
  const std::size_t before = cal.exceptions.size();
  const auto imported = ExceptionsFromICalendar(
                            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20251001\nSUMMARY:国庆节\nEND:VEVENT\n"
                            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n")
                            .value();
  const Calendar merged = MergeExceptions(cal, imported);
  EXPECT_EQ(merged.exceptions.size(), before + 1);
  EXPECT_TRUE(Validate(merged).ok());
  const auto it = std::find_if(merged.exceptions.begin(), merged.exceptions.end(), [](const DayException& e) {
    return e.date == LocalDate{2025, 10, 1};
  });
  ASSERT_NE(it, merged.exceptions.end());
  EXPECT_EQ(it->name, "国庆节");
}

}  // namespace
}  // namespace sqm::calendar
