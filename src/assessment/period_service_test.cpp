#include "assessment/period_service.h"

#include <gtest/gtest.h>

#include "assessment/period_repo.h"
#include "assessment/result_codec.h"
#include "base/json.h"
#include "calendar/builtin.h"
#include "calendar/model.h"
#include "org/rules.h"
#include "org/service.h"
#include "storage/testing.h"

namespace sqm::assessment {
namespace {

// Measures held in memory: per staff member, the counts of a response and a satisfaction rate.
class MemoryMeasures : public MeasureSource {
 public:
  Result<std::vector<MeasureInfo>> Catalogue() override {
    std::vector<MeasureInfo> out;
    for (const char* code : {"resp_met", "resp_due", "sat", "rated"}) {
      out.push_back({.code = code, .unit = "count", .direction = Direction::kHigherIsBetter, .ratio = false});
    }
    return out;
  }
  Result<MeasureTable> Values(const MeasureQuery& q) override {
    ++calls;
    MeasureTable out;
    for (const auto& [subject, values] : table) {
      if (q.only && std::find(q.only->begin(), q.only->end(), subject) == q.only->end()) continue;
      for (const std::string& m : q.measures) {
        if (auto it = values.find(m); it != values.end()) out[subject].insert_or_assign(m, it->second);
      }
    }
    // An excluded ticket takes one fact off the count it was in.
    for (const auto& [ticket, reason] : q.exclusions.value_or(approved)) {
      auto fact = facts.find(ticket);
      if (fact == facts.end() || !out.contains(fact->second.first)) continue;
      auto& v = out[fact->second.first][fact->second.second];
      v.sample -= 1;
      v.value = Figure::Of(static_cast<double>(v.sample));
    }
    return out;
  }
  Result<FactPage> Facts(const FactQuery&) override { return FactPage{}; }
  Result<Exclusions> ApprovedExclusions(std::int64_t, std::int64_t) override { return approved; }

  void Set(SubjectId who, const std::string& code, long long n) {
    table[who].insert_or_assign(
        code, MeasureValue{.value = Figure::Of(static_cast<double>(n)), .sample = n, .ratio = std::nullopt});
  }
  MeasureTable table;
  Exclusions approved;                                              // the exclusions approved now
  std::map<std::int64_t, std::pair<SubjectId, std::string>> facts;  // ticket -> the count its fact is in
  int calls = 0;
};

constexpr const char* kDocument = R"({
  "tree": {"code": "total", "max_points": 100, "children": [
    {"code": "service", "name": {"zh": "服务质量", "en": "Service"}, "max_points": 80, "children": [
      {"code": "response", "max_points": 40, "indicator": {"code": "response", "rule": {"kind": "weighted_rate"}}},
      {"code": "satisfaction", "max_points": 40, "indicator": {"code": "satisfaction",
         "rule": {"kind": "threshold_deduction", "threshold": 98, "per_unit": 0.5, "min_points": 20}}}]},
    {"code": "team", "max_points": 20, "indicator": {"code": "team", "rule": {"kind": "linear", "floor": 0, "target": 10}}}]},
  "rounding": {"decimals": 2}, "appeal_days": 3})";

class PeriodServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{.url = file_.url()}, clock_);
    db_->Migrate();
    org_ = std::make_unique<org::Service>(*db_, clock_);
    const org::Principal system = org::Principal::System();
    root_ = org_->CreateDepartment(system, {"中心", std::nullopt, "ROOT"}).value().id;
    desk_ = org_->CreateDepartment(system, {"客服部", root_, "DESK"}).value().id;
    tech_ = org_->CreateDepartment(system, {"技术部", root_, "TECH"}).value().id;
    a1_ = Staff("agent1", desk_, "agent");
    a2_ = Staff("agent2", desk_, "agent");
    e1_ = Staff("engineer1", tech_, "engineer");
    quality_ = Who(Staff("quality", root_, "quality"), root_, {"quality"}, true);
    quality2_ = Who(Staff("quality2", root_, "quality"), root_, {"quality"}, true);
    exec_ = Who(Staff("exec", root_, "executive"), root_, {"executive"}, true);
    business_ = std::make_shared<calendar::BusinessTime>(
        calendar::BusinessTime::Compile(calendar::BuiltinCnMainland()).value());
    svc_ = std::make_unique<PeriodService>(*db_, clock_, measures_, [this](const std::string&) { return business_; });
    for (auto [code, formula, kind] : {std::tuple{"response", "resp_met / resp_due * 100", IndicatorKind::kComputed},
                                       {"satisfaction", "sat / rated * 100", IndicatorKind::kComputed},
                                       {"team", "", IndicatorKind::kManual}}) {
      Indicator ind{.code = code,
                    .name = {code, code},
                    .definition = {},
                    .unit = "percent",
                    .direction = Direction::kHigherIsBetter,
                    .kind = kind,
                    .formula = formula,
                    .target = 95.0,
                    .updated_at = 0};
      auto saved = svc_->SaveIndicator(quality_, ind, true);
      ASSERT_TRUE(saved.ok()) << saved.error().field << " " << saved.error().message;
    }
    measures_.Set(a1_, "resp_met", 95);
    measures_.Set(a1_, "resp_due", 100);
    measures_.Set(a1_, "sat", 49);
    measures_.Set(a1_, "rated", 50);
    measures_.Set(a2_, "resp_met", 80);
    measures_.Set(a2_, "resp_due", 100);
    measures_.Set(a2_, "sat", 45);
    measures_.Set(a2_, "rated", 50);
  }

  org::Id Staff(const std::string& name, org::Id dept, const std::string& role) {
    auto s = org_->CreateStaffAsSystem({name, name, dept, "", "", "", {role}, "Demo-pass-2026", {}});
    EXPECT_TRUE(s.ok()) << s.error().field << " " << s.error().message;
    return s->id;
  }
  org::Principal Who(org::Id id, std::optional<org::Id> dept, std::vector<std::string> roles, bool all,
                     std::set<org::Id> scope = {}) {
    org::Principal p;
    p.staff_id = id;
    p.username = "u" + std::to_string(id);
    p.department_id = dept;
    p.permissions = org::PermissionsOf(roles);
    p.roles = std::move(roles);
    p.scope = {all, std::move(scope)};
    return p;
  }
  RecordId ApprovedScheme() {
    auto s = svc_->CreateScheme(quality_, {"staff", {"员工考核", "Staff"}, SubjectKind::kStaff});
    EXPECT_TRUE(s.ok());
    auto v = svc_->AddVersion(quality_, s->id, json::Parse(kDocument).value());
    EXPECT_TRUE(v.ok()) << v.error().field << " " << v.error().message;
    EXPECT_TRUE(svc_->ApproveVersion(exec_, s->id, v->number, 0).ok());
    return s->id;
  }

  storage::testing::TestDb file_;
  ManualClock clock_{1'790'000'000'000};  // 2026-09-21 (a Monday)
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<org::Service> org_;
  MemoryMeasures measures_;
  std::shared_ptr<calendar::BusinessTime> business_;
  std::unique_ptr<PeriodService> svc_;
  org::Id root_ = 0, desk_ = 0, tech_ = 0, a1_ = 0, a2_ = 0, e1_ = 0;
  org::Principal quality_, quality2_, exec_;
};

TEST_F(PeriodServiceTest, AnIndicatorNamingAnUnknownMeasureIsRefused) {
  Indicator ind{.code = "bad",
                .name = {"坏", "Bad"},
                .definition = {},
                .unit = "percent",
                .direction = Direction::kHigherIsBetter,
                .kind = IndicatorKind::kComputed,
                .formula = "nosuch / rated",
                .target = std::nullopt,
                .updated_at = 0};
  auto r = svc_->SaveIndicator(quality_, ind, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "formula");
  EXPECT_NE(r.error().message.find("nosuch"), std::string::npos);
  EXPECT_EQ(svc_->SaveIndicator(quality_, svc_->ListIndicators(quality_)->front(), true).error().code,
            ErrorCode::kConflict);
}

TEST_F(PeriodServiceTest, TheAuthorCannotApproveAndApprovedVersionsNeverChange) {
  auto s = svc_->CreateScheme(quality_, {"s", {"甲", "A"}, SubjectKind::kStaff});
  ASSERT_TRUE(s.ok());
  auto v = svc_->AddVersion(quality_, s->id, json::Parse(kDocument).value());
  ASSERT_TRUE(v.ok());
  org::Principal author_exec = exec_;
  author_exec.staff_id = quality_.staff_id;
  EXPECT_EQ(svc_->ApproveVersion(author_exec, s->id, 1, 0).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(svc_->ApproveVersion(exec_, s->id, 1, 0).ok());
  EXPECT_EQ(svc_->UpdateVersion(quality_, s->id, 1, json::Parse(kDocument).value()).error().code, ErrorCode::kConflict);
  auto bad = svc_->AddVersion(quality_, s->id,
                              json::Parse(R"({"tree": {"code": "t", "max_points": 100, "children": [
      {"code": "a", "max_points": 30, "indicator": {"code": "response", "rule": {"kind": "weighted_rate"}}}]}})")
                                  .value());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "tree.children");
  EXPECT_EQ(svc_->ListSchemes(quality_)->front().current_version, 1);
}

TEST_F(PeriodServiceTest, AWholePeriodFromPlanToLockAndVerify) {
  const RecordId scheme = ApprovedScheme();
  auto p = svc_->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(svc_->Step(quality_, p->id, PeriodStep::kEvaluate).error().field, "status");
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kCollect).ok());
  ASSERT_TRUE(svc_->PutInput(quality_, p->id, a1_, "team", 10, "组长评分表").ok());
  EXPECT_EQ(svc_->PutInput(quality_, p->id, a1_, "team", 10, "").error().field, "evidence");
  EXPECT_EQ(svc_->PutInput(quality_, p->id, a1_, "response", 10, "x").error().field, "indicator_code");
  // A rating above the scale and no evidence: both problems at once.
  auto both = svc_->PutInput(quality_, p->id, a1_, "team", 11, "");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "value");
  ASSERT_EQ(both.error().more.size(), 1u);
  EXPECT_EQ(both.error().more[0].field, "evidence");
  // The sheet: the manual field with its range, the assessees, the value entered and by whom.
  auto sheet = svc_->Inputs(quality_, p->id);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  EXPECT_TRUE(sheet->editable);
  ASSERT_EQ(sheet->fields.size(), 1u);
  EXPECT_EQ(sheet->fields[0].code, "team");
  EXPECT_EQ(sheet->fields[0].max, 10);
  EXPECT_EQ(sheet->assessees.size(), 3u);
  ASSERT_EQ(sheet->inputs.size(), 1u);
  EXPECT_EQ(sheet->inputs[0].value, 10);
  EXPECT_EQ(sheet->inputs[0].evidence, "组长评分表");
  EXPECT_EQ(sheet->entered_by.count(sheet->inputs[0].entered_by), 1u);

  // Live while collecting.
  auto live = svc_->Results(quality_, p->id);
  ASSERT_TRUE(live.ok());
  EXPECT_TRUE(live->live);
  ASSERT_EQ(live->results.items.size(), 3u);                   // a1, a2, e1
  EXPECT_DOUBLE_EQ(live->results.items[0].total.value(), 98);  // 38 + 40 + 20
  EXPECT_FALSE(live->results.items[2].total.has_value());      // e1: nothing measured

  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kEvaluate).ok());
  // Later measures never move an evaluated period.
  measures_.Set(a1_, "resp_met", 10);
  auto frozen = svc_->Results(quality_, p->id);
  EXPECT_FALSE(frozen->live);
  EXPECT_DOUBLE_EQ(frozen->results.items[0].total.value(), 98);
  EXPECT_EQ(svc_->PutInput(quality_, p->id, a2_, "team", 1, "x").error().code, ErrorCode::kConflict);
  // Frozen: the sheet is read-only; a manager of 客服部 sees its two agents and their value only.
  auto sheet_of_desk = svc_->Inputs(Who(a1_, desk_, {"manager"}, false, {desk_}), p->id);
  ASSERT_TRUE(sheet_of_desk.ok());
  EXPECT_FALSE(sheet_of_desk->editable);
  EXPECT_EQ(sheet_of_desk->assessees.size(), 2u);
  EXPECT_EQ(sheet_of_desk->inputs.size(), 1u);

  // An assessee sees only their own results, and only once published.
  const org::Principal agent = Who(a2_, desk_, {"agent"}, false, {desk_});
  EXPECT_EQ(svc_->ResultOf(agent, p->id, a2_).error().code, ErrorCode::kNotFound);
  auto published = svc_->Step(quality_, p->id, PeriodStep::kPublish);
  ASSERT_TRUE(published.ok());
  ASSERT_TRUE(published->appeal_deadline);
  EXPECT_GT(*published->appeal_deadline, clock_.Now() + 3 * 86'400'000LL - 1);
  EXPECT_TRUE(svc_->ResultOf(agent, p->id, a2_).ok());
  EXPECT_EQ(svc_->ResultOf(agent, p->id, a1_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc_->MyResults(agent)->size(), 1u);

  // A manager sees his subtree only.
  const org::Principal tech_manager = Who(e1_, tech_, {"manager"}, false, {tech_});
  auto scoped = svc_->Results(tech_manager, p->id);
  ASSERT_EQ(scoped->results.items.size(), 1u);
  EXPECT_EQ(scoped->results.items[0].assessee.id, e1_);

  // Appeal: reviewed by someone other than the evaluator; the adjustment needs an approver.
  auto appeal = svc_->FileAppeal(agent, p->id, a2_, "satisfaction", "两张差评属于恶意评价", "录音 2026-09-03");
  ASSERT_TRUE(appeal.ok()) << appeal.error().message;
  EXPECT_EQ(svc_->DecideAppeal(quality_, appeal->id, AppealStatus::kUpheld, "属实", 2.0).error().code,
            ErrorCode::kForbidden);
  auto decided = svc_->DecideAppeal(quality2_, appeal->id, AppealStatus::kUpheld, "属实", 2.0);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  ASSERT_TRUE(decided->adjustment);
  EXPECT_EQ(svc_->Step(quality_, p->id, PeriodStep::kLock).error().field, "adjustments");
  EXPECT_EQ(svc_->ApproveAdjustment(quality2_, decided->adjustment->id).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(svc_->ApproveAdjustment(exec_, decided->adjustment->id).ok());
  // No team rating: the scheme rescales, (32 + 36) / 80 x 100 = 85; and the 2 points of the adjustment.
  EXPECT_DOUBLE_EQ(svc_->ResultOf(agent, p->id, a2_)->results.items[0].total.value(), 87);

  auto locked = svc_->Step(quality_, p->id, PeriodStep::kLock);
  ASSERT_TRUE(locked.ok());
  auto v = svc_->Verify(quality_, p->id);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->identical);
  EXPECT_EQ(v->sha256, *locked->results_sha256);
  // Locked: every write is a 409 naming the status.
  EXPECT_EQ(svc_->PutInput(quality_, p->id, a1_, "team", 1, "x").error().field, "status");
  EXPECT_EQ(svc_->FileAppeal(agent, p->id, a2_, std::nullopt, "again", "").error().field, "status");
  EXPECT_EQ(svc_->Step(quality_, p->id, PeriodStep::kLock).error().code, ErrorCode::kConflict);
}

// Evaluation writes the approved exclusions into the snapshot and the values leave out exactly
// those; one approved afterwards changes neither the snapshot nor the results, and verify stays
// identical.
TEST_F(PeriodServiceTest, EvaluationFreezesTheApprovedExclusions) {
  const RecordId scheme = ApprovedScheme();
  auto p = svc_->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kCollect).ok());
  measures_.facts[7] = {a2_, "rated"};
  measures_.facts[8] = {a2_, "rated"};
  measures_.approved = {{7, "duplicate"}};
  auto live = svc_->Results(quality_, p->id);
  ASSERT_TRUE(live.ok());
  // a2: response 80 % -> 32 of 40; satisfaction 45 satisfied of 50 rated, ticket 7's rating
  // excluded: 45 / 49 = 91.84 % -> 40 - 0.5 x (98 - 91.84) = 36.92; no team rating, so the
  // scheme rescales: (32 + 36.92) / 80 x 100 = 86.15 (85 without the exclusion, 87.34 with 8 too).
  EXPECT_DOUBLE_EQ(live->results.items[1].total.value(), 86.15);
  const double preview = live->results.items[1].total.value();

  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kEvaluate).ok());
  const auto snapshot = [&] {
    auto texts = db_->Read([&](storage::Connection& c) { return repo::PeriodTexts(c, p->id); });
    return SnapshotFromJson(json::Parse(texts->first).value()).value();
  };
  EXPECT_EQ(snapshot().exclusions, (Exclusions{{7, "duplicate"}}));
  auto evaluated = svc_->Results(quality_, p->id);
  EXPECT_DOUBLE_EQ(evaluated->results.items[1].total.value(), preview);  // preview and evaluation agree
  const std::string sha = *svc_->GetPeriod(quality_, p->id)->results_sha256;

  // Approved after evaluation: nothing moves.
  measures_.approved[8] = "court";
  EXPECT_EQ(snapshot().exclusions, (Exclusions{{7, "duplicate"}}));
  EXPECT_DOUBLE_EQ(svc_->Results(quality_, p->id)->results.items[1].total.value(), preview);
  auto v = svc_->Verify(quality_, p->id);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->identical);
  EXPECT_EQ(v->sha256, sha);
}

// Who is assessed is part of the scheme: roles and departments (their subtrees); default agent,
// engineer and manager everywhere. Each bad entry is named.
TEST_F(PeriodServiceTest, TheSchemeChoosesItsAssessees) {
  auto bad = svc_->CheckDocument(json::Parse(R"({"tree": {"code": "total", "max_points": 100, "children": [
      {"code": "team", "max_points": 100, "indicator": {"code": "team", "rule": {"kind": "weighted_rate"}}}]},
      "assessees": {"roles": ["agent", "customer"], "departments": [0]}})")
                                     .value());
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields{bad.error().field};
  for (const auto& p : bad.error().more) fields.insert(p.field);
  EXPECT_EQ(fields, (std::set<std::string>{"assessees.roles", "assessees.departments"}));

  auto ids = [&](const std::string& assessees) {
    std::string doc = kDocument;
    doc.insert(doc.rfind('}'), R"(, "assessees": )" + assessees);
    auto s = svc_->CreateScheme(quality_, {"s" + std::to_string(measures_.calls++), {"甲", "A"}, SubjectKind::kStaff});
    auto v = svc_->AddVersion(quality_, s->id, json::Parse(doc).value());
    EXPECT_TRUE(v.ok()) << v.error().field << " " << v.error().message;
    EXPECT_TRUE(svc_->ApproveVersion(exec_, s->id, v->number, 0).ok());
    auto p = svc_->CreatePeriod(quality_, {"2026-09", s->id, PeriodKind::kMonth, 0, clock_.Now()});
    auto results = svc_->Results(quality_, p->id);
    std::vector<RecordId> out;
    for (const auto& r : results->results.items) out.push_back(r.assessee.id);
    return out;
  };
  EXPECT_EQ(ids(R"({"roles": ["engineer"]})"), (std::vector<RecordId>{e1_}));
  EXPECT_EQ(ids(R"({"departments": [)" + std::to_string(desk_) + "]}"), (std::vector<RecordId>{a1_, a2_}));
  EXPECT_EQ(ids(R"({"roles": ["quality"], "departments": [)" + std::to_string(root_) + "]}"),
            (std::vector<RecordId>{quality_.staff_id, quality2_.staff_id}));
  EXPECT_EQ(ids("{}"), (std::vector<RecordId>{a1_, a2_, e1_}));  // the default
}

TEST_F(PeriodServiceTest, AnAppealAfterTheDeadlineIsRefused) {
  const RecordId scheme = ApprovedScheme();
  auto p = svc_->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  for (PeriodStep s : {PeriodStep::kCollect, PeriodStep::kEvaluate, PeriodStep::kPublish}) {
    ASSERT_TRUE(svc_->Step(quality_, p->id, s).ok());
  }
  clock_.Advance(10LL * 86'400'000);
  const org::Principal agent = Who(a1_, desk_, {"agent"}, false, {desk_});
  auto late = svc_->FileAppeal(agent, p->id, a1_, std::nullopt, "too late", "");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "appeal_deadline");
}

// The appeal window counts the working days of the calendar the service is configured with (the
// organisation's default, `--business-calendar`), not a fixed one: published on Monday 2026-09-21,
// three working days on a Monday-to-Friday calendar end with Thursday; with Tuesday and Wednesday
// holidays there, with the next Monday.
TEST_F(PeriodServiceTest, TheAppealWindowCountsTheOrganisationsCalendar) {
  calendar::Calendar plain;
  plain.code = "acme";
  plain.name = "Acme";
  plain.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) plain.week[d] = {{9 * 60, 18 * 60}};
  calendar::Calendar holidays = plain;
  holidays.code = "acme-holidays";
  holidays.exceptions = {
      {.date = {2026, 9, 22}, .kind = calendar::ExceptionKind::kHoliday, .name = "厂庆", .hours_of = {}, .hours = {}},
      {.date = {2026, 9, 23}, .kind = calendar::ExceptionKind::kHoliday, .name = "厂庆", .hours_of = {}, .hours = {}}};
  std::map<std::string, std::shared_ptr<const calendar::BusinessTime>> calendars;
  for (const calendar::Calendar& c : {plain, holidays}) {
    auto compiled = calendar::BusinessTime::Compile(c);
    ASSERT_TRUE(compiled.ok()) << compiled.error().message;
    calendars[c.code] = std::make_shared<calendar::BusinessTime>(std::move(*compiled));
  }
  auto service = [&](const std::string& code) {
    return std::make_unique<PeriodService>(
        *db_, clock_, measures_, [&](const std::string& c) { return calendars.at(c); },
        PeriodServiceOptions{.calendar_code = code});
  };
  EXPECT_EQ(service("acme")->AppealDeadline(clock_.Now(), 3), 1'790'265'600'000);  // 2026-09-25 00:00 +08:00
  auto svc = service("acme-holidays");
  EXPECT_EQ(svc->AppealDeadline(clock_.Now(), 3), 1'790'611'200'000);  // 2026-09-29 00:00 +08:00
  // Publishing sets it, and an appeal on the Saturday after (when the plain calendar's window had closed) is heard.
  const RecordId scheme = ApprovedScheme();
  auto p = svc->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  for (PeriodStep s : {PeriodStep::kCollect, PeriodStep::kEvaluate, PeriodStep::kPublish}) {
    ASSERT_TRUE(svc->Step(quality_, p->id, s).ok());
  }
  EXPECT_EQ(*svc->GetPeriod(quality_, p->id)->appeal_deadline, 1'790'611'200'000);
  clock_.Advance(5LL * 86'400'000);
  const org::Principal agent = Who(a1_, desk_, {"agent"}, false, {desk_});
  EXPECT_TRUE(svc->FileAppeal(agent, p->id, a1_, std::nullopt, "节后申诉", "").ok());
}

// A quarter of a scheme that rolls up (mean_of_months, the default) is made of its locked months:
// evaluated only once they are all locked, its total the mean of theirs, verified bit-identically.
TEST_F(PeriodServiceTest, AQuarterIsTheMeanOfItsLockedMonths) {
  const RecordId scheme = ApprovedScheme();
  const std::int64_t mid = clock_.Now() / 2;
  auto m1 = svc_->CreatePeriod(quality_, {"2026-08", scheme, PeriodKind::kMonth, 0, mid});
  auto m2 = svc_->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, mid, clock_.Now()});
  auto q = svc_->CreatePeriod(quality_, {"2026-Q3", scheme, PeriodKind::kQuarter, 0, clock_.Now()});
  ASSERT_TRUE(m1.ok() && m2.ok() && q.ok());
  const auto run = [&](RecordId id, std::initializer_list<PeriodStep> steps) {
    for (PeriodStep s : steps) ASSERT_TRUE(svc_->Step(quality_, id, s).ok()) << PeriodStepName(s);
  };
  // a1 in August: 38 + 40 = 78 of 80, no team rating: 97.5.
  run(m1->id, {PeriodStep::kCollect, PeriodStep::kEvaluate, PeriodStep::kPublish, PeriodStep::kLock});
  // a1 in September: 85 % -> 34, 80 % satisfied -> 40 - 0.5 x 18 = 31: 65 of 80 = 81.25.
  measures_.Set(a1_, "resp_met", 85);
  measures_.Set(a1_, "sat", 40);
  run(m2->id, {PeriodStep::kCollect, PeriodStep::kEvaluate});
  run(q->id, {PeriodStep::kCollect});
  EXPECT_TRUE(svc_->Inputs(quality_, q->id)->fields.empty());  // a quarter takes no input of its own
  EXPECT_EQ(svc_->PutInput(quality_, q->id, a1_, "team", 5, "x").error().field, "indicator_code");
  // September is not locked yet: the preview has August only, and evaluation waits.
  auto preview = svc_->Results(quality_, q->id);
  ASSERT_TRUE(preview.ok());
  EXPECT_DOUBLE_EQ(preview->results.items[0].total.value(), 97.5);
  ASSERT_EQ(preview->results.items[0].months->size(), 1u);
  auto early = svc_->Step(quality_, q->id, PeriodStep::kEvaluate);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  EXPECT_EQ(early.error().field, "months");
  EXPECT_NE(early.error().message.find("2026-09"), std::string::npos);

  run(m2->id, {PeriodStep::kPublish, PeriodStep::kLock});
  measures_.Set(a1_, "resp_met", 0);  // the quarter reads no measure
  run(q->id, {PeriodStep::kEvaluate});
  auto r = svc_->ResultOf(quality_, q->id, a1_);
  ASSERT_TRUE(r.ok());
  const AssesseeResult& a1 = r->results.items[0];
  EXPECT_DOUBLE_EQ(a1.total.value(), 89.38);  // (97.5 + 81.25) / 2 = 89.375, rounded to 2 decimals
  ASSERT_EQ(a1.months->size(), 2u);
  EXPECT_EQ((*a1.months)[0].period_id, m1->id);
  EXPECT_DOUBLE_EQ((*a1.months)[1].total.value(), 81.25);
  EXPECT_DOUBLE_EQ(a1.nodes[2].measured.value(), 90);  // response: (95 + 85) / 2
  auto e1 = svc_->ResultOf(quality_, q->id, e1_);
  EXPECT_FALSE(e1->results.items[0].total.has_value());  // no data in any month: no data, never 0
  auto v = svc_->Verify(quality_, q->id);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->identical);
}

}  // namespace
}  // namespace sqm::assessment
