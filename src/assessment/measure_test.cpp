// Measures: the filter language, the built-in library against the desk's fact sources, and
// SqlMeasureSource on a small fixture whose every value is computed by hand below (SQLite, or
// PostgreSQL under SQM_TEST_DB=postgres).
#include <set>

#include <gtest/gtest.h>

#include "assessment/exclusion.h"
#include "assessment/measure.h"
#include "assessment/measure_repo.h"
#include "assessment/measure_service.h"
#include "assessment/measure_source.h"
#include "desk/repo/facts.h"
#include "feedback/facts.h"
#include "org/rules.h"
#include "storage/database.h"
#include "storage/event_log.h"
#include "storage/testing.h"

namespace sqm::assessment {
namespace {

// The desk's sources, and feedback's (the library's satisfaction measures read them).
FactRegistry DeskRegistry() {
  FactRegistry r;
  r.Register(desk::repo::FactSources());
  r.Register(feedback::FactSources());
  return r;
}

TEST(MeasureFilter, ParsesTypedConditionsAndCompilesThemToBoundValues) {
  const auto registry = DeskRegistry();
  const auto& timers = *registry.Find("sla_timers");
  auto c = ParseFilter("kind = 'first_response' AND met = true and overrun_minutes >= 2.5 and priority in (1, 2)",
                       timers, "filter");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->size(), 4u);
  const auto sql = repo::CompileFilter(*c);
  EXPECT_EQ(sql.text, "f.kind = ? AND f.met = ? AND f.overrun_minutes >= ? AND f.priority IN (?,?)");
  ASSERT_EQ(sql.params.size(), 5u);
  EXPECT_EQ(sql.params[0].get(), storage::Value("first_response").get());
  EXPECT_EQ(sql.params[1].get(), storage::Value(1).get());
  EXPECT_EQ(sql.params[2].get(), storage::Value(2.5).get());
  EXPECT_EQ(sql.params[3].get(), storage::Value(1).get());
  // Text with a quote stays a value; nothing of it reaches the SQL text.
  auto q = ParseFilter("kind = 'x'' OR 1=1 --'", timers, "filter");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(repo::CompileFilter(*q).text, "f.kind = ?");
  EXPECT_EQ(repo::CompileFilter(*q).params[0].get(), storage::Value("x' OR 1=1 --").get());
  EXPECT_TRUE(ParseFilter("", timers, "filter")->empty());
  EXPECT_EQ(ParseFilter("kind is not null", timers, "filter")->at(0).op, FilterOp::kIsNotNull);
}

TEST(MeasureFilter, RefusesWhatIsNotInTheLanguageNamingTheField) {
  const auto registry = DeskRegistry();
  const auto& timers = *registry.Find("sla_timers");
  for (const char* bad : {"colour = 'red'", "met = 1", "kind = 3", "kind > 'a'", "met", "kind = 'a' or met = true",
                          "kind = 'a' and", "priority in ()", "kind = 'open", "met = true; DROP TABLE tickets",
                          "priority = 1.2.3", "(met = true)", "met in (true)"}) {
    auto r = ParseFilter(bad, timers, "aggregation.numerator_filter");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "aggregation.numerator_filter") << bad;
  }
  auto unknown = ParseFilter("met = true and colour = 'red'", timers, "filter");
  EXPECT_NE(unknown.error().message.find("colour"), std::string::npos) << unknown.error().message;
  EXPECT_NE(unknown.error().message.find("at 16"), std::string::npos) << unknown.error().message;
}

// The evaluator the engine runs in C++ keeps a fact exactly when the compiled SQL's WHERE would:
// a comparison with NULL is unknown (neither kept nor counted), so only `is null` matches it.
TEST(MeasureFilter, MatchesAFactAsTheSqlDoesNullsIncluded) {
  const auto registry = DeskRegistry();
  const auto& timers = *registry.Find("sla_timers");
  auto one = [&](const char* text) { return ParseFilter(text, timers, "filter").value().at(0); };
  const FieldValue null;
  struct Case {
    const char* filter;
    FieldValue value;
    bool match;
  };
  const Case cases[] = {
      {"kind = 'handover'", std::string("handover"), true},
      {"kind = 'handover'", std::string("Handover"), false},  // binary equality
      {"kind = 'handover'", null, false},
      {"kind != 'handover'", std::string("callback"), true},
      {"kind <> 'handover'", std::string("handover"), false},
      {"kind != 'handover'", null, false},  // NULL <> 'x' is unknown
      {"kind in ('a', 'handover')", std::string("handover"), true},
      {"kind in ('a', 'b')", std::string("handover"), false},
      {"kind in ('a', 'b')", null, false},
      {"kind is null", null, true},
      {"kind is null", std::string(""), false},  // the empty text is a value
      {"kind is not null", std::string(""), true},
      {"kind is not null", null, false},
      {"met = true", 1.0, true},
      {"met = true", 0.0, false},
      {"met = false", 0.0, true},
      {"met != true", 0.0, true},
      {"met = false", null, false},
      {"met != true", null, false},
      {"overrun_minutes >= 2.5", 2.5, true},
      {"overrun_minutes > 2.5", 2.5, false},
      {"overrun_minutes < 2.5", -1.0, true},
      {"overrun_minutes <= 2.5", null, false},
      {"overrun_minutes < 2.5", std::string("1"), false},  // a value of the wrong kind never matches
      {"priority in (1, 2)", 2.0, true},
      {"priority in (1, 2)", 3.0, false},
      {"priority != 1", 2.0, true},
      {"priority = 1", 1.0, true},
  };
  for (const Case& c : cases) EXPECT_EQ(Matches(one(c.filter), c.value), c.match) << c.filter;
}

TEST(MeasureLibrary, EveryBuiltinMeasureChecksAgainstTheDeskSources) {
  const auto registry = DeskRegistry();
  std::vector<std::string> codes;
  for (const Measure& m : BuiltinMeasures()) {
    auto st = CheckMeasure(m, registry, codes);
    EXPECT_TRUE(st.ok()) << m.code << ": " << st.error().field << " " << st.error().message;
    EXPECT_FALSE(m.name.zh.empty() || m.name.en.empty() || m.definition.zh.empty() || m.definition.en.empty())
        << m.code;
    codes.push_back(m.code);
  }
  for (const char* code :
       {"first_response_attainment", "sign_for_on_time", "resolution_attainment", "on_time_closure", "closure_rate",
        "mean_first_response_minutes", "p90_first_response_minutes", "callback_within_24h", "satisfaction_rate",
        "one_time_resolution", "reopen_rate", "sendback_rate", "complaints_per_1000_tickets", "complaints_on_time",
        "substantiated_complaints"}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
  }
}

TEST(MeasureLibrary, ANewMeasureIsCheckedWholeEachProblemNamed) {
  const auto registry = DeskRegistry();
  Measure m;
  m.code = "Bad Code";
  m.source = "tickets";
  m.aggregation = {.kind = AggregationKind::kPercentile, .field = "status", .p = 100};
  m.filter = "colour = 1";
  m.unit = "parsecs";
  auto st = CheckMeasure(m, registry, {});
  ASSERT_FALSE(st.ok());
  std::set<std::string> fields{st.error().field};
  for (const auto& e : st.error().more) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"code", "name.zh", "name.en", "unit", "filter", "aggregation.field",
                                           "aggregation.p"}));
  m = BuiltinMeasures().front();
  m.builtin = false;
  EXPECT_EQ(CheckMeasure(m, registry, {m.code}).error().code, ErrorCode::kConflict);
  m.code = "no_denominator";
  m.aggregation.numerator_filter.clear();
  EXPECT_EQ(CheckMeasure(m, registry, {}).error().field, "aggregation.numerator_filter");
}

// Departments: 1 中心 (root) ── 2 A ── 4 A1; 1 ── 3 B. Staff: 10 alice (A, moved to B on
// 2000), 11 bob (B), 12 carol (A1). November is [1000, 2000), December [2000, 3000).
class MeasureSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{file_.url()}, clock_);
    db_->Migrate();
    registry_.Register(desk::repo::FactSources());
    source_ = std::make_unique<SqlMeasureSource>(*db_, registry_);
    Exec({
        "INSERT INTO departments (id, parent_id, name, created_at, updated_at) VALUES (1, NULL, '中心', 0, 0),"
        " (2, 1, 'A', 0, 0), (3, 1, 'B', 0, 0), (4, 2, 'A1', 0, 0)",
        "INSERT INTO staff (id, username, display_name, department_id, password_hash, created_at, updated_at) VALUES"
        " (1, 'quality', 'quality', 1, 'x', 0, 0), (10, 'alice', 'alice', 3, 'x', 0, 0), (11, 'bob', 'bob', 3, 'x', 0, "
        "0), (12, 'carol', 'carol', 4, 'x', 0, 0)",
        // Tickets: first responses after 5, 15, 30, 1 and 20 minutes.
        "INSERT INTO tickets (id, type, channel, priority, status, title, created_by, created_at, updated_at,"
        " assignee_id, department_id, first_response_at, resolved_at, resolved_by, resolved_department_id,"
        " reopen_count, transfer_count) VALUES"
        " (1, 'incident', 'phone', 3, 'closed', 't1', 10, 1100, 0, 10, 3, 1100 + 300000, 1100 + 600000, 10, 2, 0, 0),"
        " (2, 'incident', 'phone', 3, 'closed', 't2', 10, 1200, 0, 10, 3, 1200 + 900000, 1200 + 900000, 10, 2, 1, 0),"
        " (3, 'request', 'phone', 3, 'in_progress', 't3', 10, 1300, 0, 12, 4, 1300 + 1800000, NULL, NULL, NULL, 0, 0),"
        " (4, 'request', 'phone', 3, 'cancelled', 't4', 10, 1400, 0, 11, 3, 1400 + 60000, NULL, NULL, NULL, 0, 0),"
        " (5, 'complaint', 'phone', 2, 'new', 't5', 10, 1500, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0),"
        " (6, 'incident', 'phone', 3, 'closed', 't6', 10, 2100, 0, 10, 3, 2100 + 1200000, 2200, 10, 3, 0, 0)",
        "INSERT INTO sla_timers (id, ticket_id, kind, policy_id, policy_version, target_minutes, calendar_code,"
        " warning_fraction, started_at, stopped_at, breach_fired_at, state, staff_id, department_id) VALUES"
        " (1, 1, 'first_response', 1, 1, 60, '24x7', 0.75, 1100, 1105, NULL, 'met', 10, 2),"
        " (2, 2, 'first_response', 1, 1, 60, '24x7', 0.75, 1200, 1290, 1205, 'breached', 10, 2),"
        " (3, 3, 'first_response', 1, 1, 60, '24x7', 0.75, 1300, 1305, NULL, 'met', 12, 4),"
        " (4, 4, 'first_response', 1, 1, 60, '24x7', 0.75, 1400, 1405, NULL, 'met', 11, 3),"
        " (5, 3, 'resolution', 1, 1, 480, '24x7', 0.75, 1300, NULL, NULL, 'running', NULL, NULL)",
        "INSERT INTO callbacks (id, ticket_id, created_at, done_at, reached, satisfaction, staff_id, department_id)"
        " VALUES (1, 1, 1150, 1160, 1, 'satisfied', 10, 2), (2, 2, 1250, 1260, 1, 'dissatisfied', 10, 2),"
        " (3, 2, 1270, 1280, 1, 'basically_satisfied', 10, 2), (4, 3, 1350, NULL, NULL, NULL, 12, 4)",
        "INSERT INTO complaints (ticket_id, category, about_staff_id, about_department_id, substantiated)"
        " VALUES (5, 'attitude', 11, 3, 1)",
        "INSERT INTO ticket_transfers (id, ticket_id, from_department_id, to_department_id, reason, sendback, by_id, "
        "at)"
        " VALUES (1, 1, 2, 3, 'r', 0, 10, 1110), (2, 1, 3, 2, 'r', 1, 11, 1120), (3, 2, 2, 3, 'r', 0, 10, 1210)",
        "UPDATE ticket_transfers SET sent_back_by = 2 WHERE id = 1",
        "INSERT INTO ticket_reopens (id, ticket_id, at, staff_id, department_id, reason) VALUES (1, 2, 1230, 10, 2, "
        "'r')",
    });
  }

  void Exec(const std::vector<std::string>& statements) {
    auto st = db_->Write("test", [&](storage::WriteTx& tx) -> Status {
      for (const auto& s : statements) SQM_TRY(tx.db().Exec(s, std::span<const storage::Value>{}));
      return {};
    });
    ASSERT_TRUE(st.ok()) << st.error().message;
  }

  MeasureTable Values(SubjectKind kind, std::vector<std::string> measures, TimeMs from = 1000, TimeMs to = 2000) {
    auto r = source_->Values({kind, std::move(measures), from, to, std::nullopt});
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r.value() : MeasureTable{};
  }
  static double Of(const MeasureTable& t, SubjectId s, const std::string& code) {
    auto it = t.find(s);
    if (it == t.end() || !it->second.contains(code)) {
      ADD_FAILURE() << "no value of " << code << " for " << s;
      return -1;
    }
    const auto& v = it->second.at(code);
    if (!v.value.has_value()) {
      ADD_FAILURE() << code << " of " << s << " is no data";
      return -1;
    }
    return v.value.value();
  }

  storage::testing::TestDb file_;
  ManualClock clock_{1'000'000};
  std::unique_ptr<storage::Database> db_;
  FactRegistry registry_;
  std::unique_ptr<SqlMeasureSource> source_;
};

TEST_F(MeasureSourceTest, CountsAndRatiosPerStaffAndDepartmentSubtree) {
  const auto staff = Values(SubjectKind::kStaff, {"closure_rate", "first_response_attainment", "satisfaction_rate",
                                                  "sendback_rate", "substantiated_complaints", "reopens"});
  // closure: alice 2 of 2, carol 0 of 1 (0 %, a value), bob's only ticket is cancelled (no value).
  EXPECT_DOUBLE_EQ(Of(staff, 10, "closure_rate"), 100);
  EXPECT_DOUBLE_EQ(Of(staff, 12, "closure_rate"), 0);
  EXPECT_EQ(staff.at(12).at("closure_rate").ratio->denominator, 1);
  EXPECT_FALSE(staff.contains(11) && staff.at(11).contains("closure_rate"));
  EXPECT_DOUBLE_EQ(Of(staff, 10, "first_response_attainment"), 50);  // met 1 of 2
  EXPECT_DOUBLE_EQ(Of(staff, 10, "satisfaction_rate"), 100.0 * 2 / 3);
  EXPECT_EQ(staff.at(10).at("satisfaction_rate").sample, 3);
  EXPECT_DOUBLE_EQ(Of(staff, 10, "sendback_rate"), 50);  // 1 of alice's 2 transfers came back
  EXPECT_FALSE(staff.at(11).contains("sendback_rate"));  // bob's send-back is not charged to bob
  EXPECT_DOUBLE_EQ(Of(staff, 11, "substantiated_complaints"), 1);
  EXPECT_DOUBLE_EQ(Of(staff, 10, "reopens"), 1);

  const auto dept = Values(SubjectKind::kDepartment, {"closure_rate", "first_response_attainment"});
  EXPECT_DOUBLE_EQ(Of(dept, 2, "closure_rate"), 100.0 * 2 / 3);  // A with A1: t1, t2 of t1-t3
  EXPECT_DOUBLE_EQ(Of(dept, 4, "closure_rate"), 0);
  EXPECT_DOUBLE_EQ(Of(dept, 1, "closure_rate"), 100.0 * 2 / 3);  // the organisation
  EXPECT_FALSE(dept.contains(3));                                // B: only a cancelled ticket
  EXPECT_DOUBLE_EQ(Of(dept, 2, "first_response_attainment"), 100.0 * 2 / 3);
}

TEST_F(MeasureSourceTest, MeanPercentileSumMinMax) {
  const auto staff = Values(SubjectKind::kStaff, {"mean_first_response_minutes", "p90_first_response_minutes"});
  EXPECT_DOUBLE_EQ(Of(staff, 10, "mean_first_response_minutes"), 10);  // (5 + 15) / 2
  EXPECT_DOUBLE_EQ(Of(staff, 10, "p90_first_response_minutes"), 14);
  EXPECT_EQ(staff.at(10).at("p90_first_response_minutes").sample, 2);
  const auto dept = Values(SubjectKind::kDepartment, {"mean_first_response_minutes", "p90_first_response_minutes"});
  EXPECT_NEAR(Of(dept, 2, "mean_first_response_minutes"), 50.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(Of(dept, 2, "p90_first_response_minutes"), 27);  // 15 + 0.8 × (30 − 15)

  // sum, min and max as an organisation defines them.
  Exec(
      {"INSERT INTO assessment_measures (code, name_zh, name_en, source, aggregation, field, filter, unit,"
       " direction, created_at) VALUES"
       " ('fr_sum', '和', 'sum', 'tickets', 'sum', 'first_response_minutes', 'cancelled = false', 'minutes', 'lower', "
       "0),"
       " ('fr_min', '最小', 'min', 'tickets', 'min', 'first_response_minutes', '', 'minutes', 'lower', 0),"
       " ('fr_max', '最大', 'max', 'tickets', 'max', 'first_response_minutes', '', 'minutes', 'lower', 0)"});
  const auto custom = Values(SubjectKind::kStaff, {"fr_sum", "fr_min", "fr_max"});
  EXPECT_DOUBLE_EQ(Of(custom, 10, "fr_sum"), 20);
  EXPECT_DOUBLE_EQ(Of(custom, 10, "fr_min"), 5);
  EXPECT_DOUBLE_EQ(Of(custom, 10, "fr_max"), 15);
  EXPECT_DOUBLE_EQ(Of(custom, 11, "fr_max"), 1);  // bob's cancelled ticket counts without the filter
}

TEST_F(MeasureSourceTest, ARatioWithoutADenominatorIsNoDataNeverZero) {
  // Complaints per 1,000 tickets: bob has a complaint and no counted ticket.
  const auto staff = Values(SubjectKind::kStaff, {"complaints_per_1000_tickets"});
  const auto& bob = staff.at(11).at("complaints_per_1000_tickets");
  EXPECT_FALSE(bob.value.has_value());
  EXPECT_EQ(bob.ratio->numerator, 1);
  EXPECT_EQ(bob.ratio->denominator, 0);
  EXPECT_EQ(bob.sample, 0);
  EXPECT_DOUBLE_EQ(Of(staff, 10, "complaints_per_1000_tickets"), 0);  // 0 of 2: a value
  const auto dept = Values(SubjectKind::kDepartment, {"complaints_per_1000_tickets"});
  EXPECT_DOUBLE_EQ(Of(dept, 1, "complaints_per_1000_tickets"), 1000.0 / 3);
}

TEST_F(MeasureSourceTest, APersonMovedKeepsTheOldMonthsAttribution) {
  // alice moved from A to B; her December ticket is B's, her November tickets stay A's.
  const auto december = Values(SubjectKind::kDepartment, {"closure_rate"}, 2000, 3000);
  EXPECT_DOUBLE_EQ(Of(december, 3, "closure_rate"), 100);
  EXPECT_FALSE(december.contains(2));
  const auto november = Values(SubjectKind::kDepartment, {"closure_rate"});
  EXPECT_EQ(november.at(2).at("closure_rate").ratio->denominator, 3);
  EXPECT_FALSE(november.contains(3));
  const auto both = Values(SubjectKind::kStaff, {"closure_rate"}, 1000, 3000);
  EXPECT_EQ(both.at(10).at("closure_rate").ratio->denominator, 3);
}

TEST_F(MeasureSourceTest, AnApprovedExclusionLeavesEveryMeasureAndIsMarkedInTheFacts) {
  Exec(
      {"INSERT INTO assessment_exclusions (ticket_id, reason_code, evidence, status, requested_by, requested_at)"
       " VALUES (2, 'duplicate', 'same as t1', 'approved', 10, 0), (1, 'duplicate', 'x', 'requested', 10, 0)"});
  const auto staff = Values(SubjectKind::kStaff, {"closure_rate", "mean_first_response_minutes", "satisfaction_rate",
                                                  "first_response_attainment", "reopens", "sendback_rate"});
  EXPECT_EQ(staff.at(10).at("closure_rate").ratio->denominator, 1);
  EXPECT_DOUBLE_EQ(Of(staff, 10, "mean_first_response_minutes"), 5);
  EXPECT_DOUBLE_EQ(Of(staff, 10, "satisfaction_rate"), 100);
  EXPECT_DOUBLE_EQ(Of(staff, 10, "first_response_attainment"), 100);
  EXPECT_FALSE(staff.at(10).contains("reopens"));
  EXPECT_DOUBLE_EQ(Of(staff, 10, "sendback_rate"), 100);  // only t1's transfer is left

  auto page = source_->Facts({"closure_rate", SubjectKind::kStaff, 10, 1000, 2000, 0, 50});
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->facts.size(), 2u);
  EXPECT_EQ(page->facts[0].ticket_id, 1);
  EXPECT_TRUE(page->facts[0].counted);
  EXPECT_FALSE(page->facts[0].excluded);  // only requested
  EXPECT_EQ(page->facts[1].ticket_id, 2);
  EXPECT_TRUE(page->facts[1].excluded);
  EXPECT_FALSE(page->facts[1].counted);
  EXPECT_EQ(page->facts[1].exclusion_reason, "duplicate");
}

// A period freezes its exclusions: the values and the facts then follow that list, not the
// approvals of today (t2 approved now; the frozen list names t1 only).
TEST_F(MeasureSourceTest, AFrozenListOfExclusionsReplacesTheApprovedOnes) {
  Exec(
      {"INSERT INTO assessment_exclusions (ticket_id, reason_code, evidence, status, requested_by, requested_at)"
       " VALUES (2, 'duplicate', 'same as t1', 'approved', 10, 0)"});
  EXPECT_EQ(source_->ApprovedExclusions(1000, 2000).value(), (Exclusions{{2, "duplicate"}}));
  EXPECT_TRUE(source_->ApprovedExclusions(2000, 3000)->empty());

  MeasureQuery q{SubjectKind::kStaff, {"mean_first_response_minutes", "closure_rate"}, 1000, 2000, std::nullopt};
  EXPECT_DOUBLE_EQ(Of(source_->Values(q).value(), 10, "mean_first_response_minutes"), 5);  // t1 only
  q.exclusions = Exclusions{{1, "court"}};
  EXPECT_DOUBLE_EQ(Of(source_->Values(q).value(), 10, "mean_first_response_minutes"), 15);  // t2 only
  q.exclusions = Exclusions{};
  EXPECT_DOUBLE_EQ(Of(source_->Values(q).value(), 10, "mean_first_response_minutes"), 10);  // both
  EXPECT_EQ(source_->Values(q)->at(10).at("closure_rate").ratio->denominator, 2);

  FactQuery f{"closure_rate", SubjectKind::kStaff, 10, 1000, 2000, 0, 50};
  f.exclusions = Exclusions{{1, "court"}};
  auto page = source_->Facts(f);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->facts.size(), 2u);
  EXPECT_TRUE(page->facts[0].excluded);
  EXPECT_FALSE(page->facts[0].counted);
  EXPECT_EQ(page->facts[0].exclusion_reason, "court");
  EXPECT_FALSE(page->facts[1].excluded);  // approved today, after the freeze
  EXPECT_TRUE(page->facts[1].counted);
  EXPECT_EQ(page->facts[1].exclusion_reason, "");
}

TEST_F(MeasureSourceTest, ThePeriodServiceReadsTheApprovedExclusionsOfAWindowWithoutAScope) {
  Exec(
      {"INSERT INTO assessment_exclusions (ticket_id, reason_code, evidence, status, requested_by, requested_at)"
       " VALUES (6, 'duplicate', 'x', 'approved', 10, 0), (2, 'duplicate', 'x', 'approved', 10, 0),"
       " (1, 'duplicate', 'x', 'requested', 10, 0), (3, 'duplicate', 'x', 'rejected', 10, 0)"});
  ExclusionService exclusions(*db_, registry_);
  auto tickets = [&](TimeMs from, TimeMs to) {
    std::vector<std::int64_t> out;
    for (const auto& e : exclusions.ApprovedIn(from, to)) {
      EXPECT_EQ(e.status, ExclusionStatus::kApproved);
      EXPECT_EQ(e.reason_code, "duplicate");
      out.push_back(e.ticket_id);
    }
    return out;
  };
  EXPECT_EQ(tickets(1000, 2000), (std::vector<std::int64_t>{2}));  // requested t1, rejected t3 do not count
  EXPECT_EQ(tickets(2000, 3000), (std::vector<std::int64_t>{6}));
  EXPECT_EQ(tickets(1000, 3000), (std::vector<std::int64_t>{2, 6}));  // by ticket id
  EXPECT_EQ(tickets(1240, 1260), (std::vector<std::int64_t>{2}));     // only t2's callback of 1250 lies in it
  EXPECT_EQ(tickets(1300, 1400), (std::vector<std::int64_t>{}));      // none of t2's facts
  // The same inside a caller's own transaction.
  auto st = db_->Write("test", [&](storage::WriteTx& tx) -> Status {
    const auto in = ApprovedExclusionsIn(tx.db(), registry_, 1000, 3000);
    EXPECT_EQ(in.size(), 2u);
    if (!in.empty()) {
      EXPECT_EQ(in.front().ticket_number, "T000002");
    }
    return {};
  });
  EXPECT_TRUE(st.ok());
}

TEST_F(MeasureSourceTest, FactsPageBySubjectTreeWithValuesAndNumerators) {
  auto first = source_->Facts({"mean_first_response_minutes", SubjectKind::kDepartment, 2, 1000, 2000, 0, 2});
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->facts.size(), 2u);
  EXPECT_DOUBLE_EQ(*first->facts[0].value, 5);
  ASSERT_TRUE(first->next_after.has_value());
  auto second =
      source_->Facts({"mean_first_response_minutes", SubjectKind::kDepartment, 2, 1000, 2000, *first->next_after, 2});
  ASSERT_EQ(second->facts.size(), 1u);
  EXPECT_EQ(second->facts[0].ticket_id, 3);  // carol's, in A1 under A
  EXPECT_DOUBLE_EQ(*second->facts[0].value, 30);
  EXPECT_FALSE(second->next_after.has_value());

  auto ratio = source_->Facts({"first_response_attainment", SubjectKind::kStaff, 10, 1000, 2000, 0, 50});
  ASSERT_EQ(ratio->facts.size(), 2u);
  EXPECT_TRUE(ratio->facts[0].counted);   // met
  EXPECT_FALSE(ratio->facts[1].counted);  // breached
}

TEST_F(MeasureSourceTest, UnknownMeasuresAndEmptyWindowsAreRefusedNamingTheField) {
  EXPECT_EQ(source_->Values({SubjectKind::kStaff, {"closure_rate", "nope"}, 1000, 2000, std::nullopt}).error().field,
            "measures");
  EXPECT_EQ(source_->Values({SubjectKind::kStaff, {"closure_rate"}, 2000, 2000, std::nullopt}).error().field, "to");
  EXPECT_EQ(source_->Facts({"nope", SubjectKind::kStaff, 10, 1000, 2000, 0, 50}).error().field, "measure");
  auto only = source_->Values({SubjectKind::kStaff, {"closure_rate"}, 1000, 2000, std::vector<SubjectId>{12}});
  ASSERT_TRUE(only.ok());
  EXPECT_EQ(only->size(), 1u);
  EXPECT_TRUE(only->contains(12));
  const auto reference = source_->ReferenceSql(*source_->Find("complaints_per_1000_tickets"), SubjectKind::kDepartment);
  EXPECT_NE(reference.find("WITH RECURSIVE tree"), std::string::npos);
  EXPECT_NE(reference.find(";\n"), std::string::npos);  // numerator and denominator queries
}

// Who may do what with exclusions and measures: a principal with the permissions of a role and a
// department scope, as org would resolve them.
org::Principal As(std::int64_t staff_id, std::vector<std::string> roles, std::set<std::int64_t> scope = {}) {
  org::Principal p;
  p.staff_id = staff_id;
  p.username = "u" + std::to_string(staff_id);
  p.permissions = org::PermissionsOf(roles);
  p.roles = std::move(roles);
  p.scope.all = scope.empty();
  p.scope.departments = std::move(scope);
  return p;
}

TEST_F(MeasureSourceTest, AnExclusionIsRequestedWithEvidenceAndDecidedByQuality) {
  ExclusionService exclusions(*db_, registry_);
  const auto alice = As(10, {"agent"}, {2, 4});  // handles t1 and t2, charged to A
  const auto bob = As(11, {"agent"}, {3});
  const auto quality = As(1, {"quality"});

  auto bad = exclusions.Request(alice, {2, "nope", ""});
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields{bad.error().field};
  for (const auto& e : bad.error().more) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"reason_code", "evidence"}));
  EXPECT_EQ(exclusions.Request(bob, {2, "duplicate", "x"}).error().code, ErrorCode::kForbidden);  // A's ticket
  EXPECT_EQ(exclusions.Request(As(12, {"evaluator"}), {2, "duplicate", "x"}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(exclusions.Request(alice, {999, "duplicate", "x"}).error().field, "ticket_id");

  auto req = exclusions.Request(alice, {2, "duplicate", "same as t1"});
  ASSERT_TRUE(req.ok()) << req.error().message;
  EXPECT_EQ(req->status, ExclusionStatus::kRequested);
  auto again = exclusions.Request(alice, {2, "duplicate", "again"});
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "ticket_id");
  EXPECT_EQ(Values(SubjectKind::kStaff, {"closure_rate"}).at(10).at("closure_rate").ratio->denominator, 2);

  EXPECT_EQ(exclusions.Approve(alice, req->id, "").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(exclusions.Reject(quality, req->id, "").error().field, "note");
  auto ok = exclusions.Approve(quality, req->id, "checked");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->status, ExclusionStatus::kApproved);
  EXPECT_EQ(ok->decided_by, 1);
  EXPECT_EQ(exclusions.Reject(quality, req->id, "no").error().field, "status");
  EXPECT_EQ(Values(SubjectKind::kStaff, {"closure_rate"}).at(10).at("closure_rate").ratio->denominator, 1);

  // Each step is an event; the list keeps to the reader's departments.
  db_->Read([](storage::Connection& c) {
    EXPECT_EQ(storage::CountEvents(c, {.type = "assessment.exclusion_requested"}), 1);
    EXPECT_EQ(storage::CountEvents(c, {.type = "assessment.exclusion_approved"}), 1);
  });
  EXPECT_EQ(exclusions.List(quality, ExclusionStatus::kApproved)->size(), 1u);
  EXPECT_EQ(exclusions.List(As(11, {"manager"}, {3}), std::nullopt)->size(), 0u);
  EXPECT_EQ(exclusions.List(As(12, {"manager"}, {2, 4}), std::nullopt)->size(), 1u);
  EXPECT_EQ(exclusions.List(alice, std::nullopt).error().code, ErrorCode::kForbidden);  // no assessment.read

  // Reasons: an editable list; a retired reason cannot be chosen.
  EXPECT_EQ(exclusions.AddReason(quality, {"duplicate", {"重复", "Duplicate"}}).error().field, "code");
  ASSERT_TRUE(exclusions.AddReason(quality, {"pilot", {"试点", "Pilot"}}).ok());
  ASSERT_TRUE(exclusions.SetReasonActive(quality, "pilot", false).ok());
  EXPECT_EQ(exclusions.Request(alice, {1, "pilot", "x"}).error().field, "reason_code");
  EXPECT_EQ(exclusions.SetReasonActive(alice, "pilot", true).error().code, ErrorCode::kForbidden);
}

TEST_F(MeasureSourceTest, AManagerSeesTheValuesOfTheirSubtreeOnly) {
  MeasureService measures(*db_, *source_, *source_);
  const auto manager = As(12, {"manager"}, {2, 4});  // A and A1
  auto departments = measures.Values(manager, "closure_rate", SubjectKind::kDepartment, 1000, 2000);
  ASSERT_TRUE(departments.ok()) << departments.error().message;
  std::set<SubjectId> seen;
  for (const auto& v : *departments) seen.insert(v.subject_id);
  EXPECT_EQ(seen, (std::set<SubjectId>{2, 4}));  // not the root
  // Staff by their department now: alice moved to B, carol is in A1.
  auto staff = measures.Values(manager, "closure_rate", SubjectKind::kStaff, 1000, 2000);
  ASSERT_EQ(staff->size(), 1u);
  EXPECT_EQ(staff->front().subject_id, 12);
  EXPECT_EQ(staff->front().name, "carol");
  EXPECT_EQ(measures.Facts(manager, {"closure_rate", SubjectKind::kStaff, 10, 1000, 2000, 0, 50}).error().code,
            ErrorCode::kForbidden);
  EXPECT_TRUE(measures.Facts(manager, {"closure_rate", SubjectKind::kDepartment, 2, 1000, 2000, 0, 50}).ok());
  EXPECT_EQ(measures.List(As(13, {"evaluator"}, {2})).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(measures.List(As(13, {"agent"}, {2})).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(measures.Values(manager, "nope", SubjectKind::kStaff, 1000, 2000).error().code, ErrorCode::kNotFound);

  Measure m = *source_->Find("closure_rate");
  m.code = "closure_again";
  EXPECT_EQ(measures.Create(manager, m).error().code, ErrorCode::kForbidden);
  auto created = measures.Create(As(1, {"quality"}), m);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_FALSE(created->builtin);
  EXPECT_EQ(measures.Create(As(1, {"quality"}), m).error().code, ErrorCode::kConflict);
  auto again = Values(SubjectKind::kStaff, {"closure_again", "closure_rate"});
  EXPECT_DOUBLE_EQ(Of(again, 10, "closure_again"), Of(again, 10, "closure_rate"));
}

}  // namespace
}  // namespace sqm::assessment
