#include "assessment/period_service.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

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
  RecordId ApprovedScheme(const std::string& document = kDocument) {
    auto s = svc_->CreateScheme(quality_, {"staff", {"员工考核", "Staff"}, SubjectKind::kStaff});
    EXPECT_TRUE(s.ok());
    auto v = svc_->AddVersion(quality_, s->id, json::Parse(document).value());
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

// A period of kDocument published on the steps, as the API walks them.
RecordId Published(PeriodService& svc, const org::Principal& by, RecordId scheme, std::int64_t to) {
  auto p = svc.CreatePeriod(by, {"2026-09", scheme, PeriodKind::kMonth, 0, to});
  EXPECT_TRUE(p.ok());
  for (PeriodStep s : {PeriodStep::kCollect, PeriodStep::kEvaluate, PeriodStep::kPublish}) {
    auto stepped = svc.Step(by, p->id, s);
    EXPECT_TRUE(stepped.ok()) << stepped.error().message;
  }
  return p->id;
}

// Withdrawing the adjustment an appeal's decision proposed puts the appeal back in review: open,
// its decision cleared, so that locking waits for a new decision.
TEST_F(PeriodServiceTest, WithdrawingAnAdjustmentReopensItsAppeal) {
  const RecordId period = Published(*svc_, quality_, ApprovedScheme(), clock_.Now());
  const org::Principal agent = Who(a2_, desk_, {"agent"}, false, {desk_});
  auto appeal = svc_->FileAppeal(agent, period, a2_, "satisfaction", "差评属于恶意评价", "录音");
  ASSERT_TRUE(appeal.ok());
  auto decided = svc_->DecideAppeal(quality2_, appeal->id, AppealStatus::kUpheld, "属实", 2.0);
  ASSERT_TRUE(decided.ok());
  ASSERT_TRUE(svc_->WithdrawAdjustment(quality2_, decided->adjustment->id).ok());
  auto open = svc_->ListAppeals(quality_, AppealStatus::kOpen);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].id, appeal->id);
  EXPECT_FALSE((*open)[0].decided_by.has_value());
  EXPECT_EQ((*open)[0].decision_reason, "");
  EXPECT_EQ((*open)[0].adjustment->status, AdjustmentStatus::kWithdrawn);
  EXPECT_EQ(svc_->Step(quality_, period, PeriodStep::kLock).error().field, "appeals");
  // Decided again (rejected this time), the period locks; the withdrawn points never counted.
  ASSERT_TRUE(svc_->DecideAppeal(quality2_, appeal->id, AppealStatus::kRejected, "复核后不属实", std::nullopt).ok());
  ASSERT_TRUE(svc_->Step(quality_, period, PeriodStep::kLock).ok());
  EXPECT_DOUBLE_EQ(svc_->ResultOf(agent, period, a2_)->results.items[0].total.value(), 85);
}

// Publishing tells each yellow-carded staff member and the nearest managers above them, in the
// publishing write, once: engineer1 fails at the bottom of the one group (black list 1).
TEST_F(PeriodServiceTest, PublishingNotifiesTheYellowCardsOnce) {
  const org::Id boss = Staff("techboss", tech_, "manager");
  std::vector<std::tuple<RecordId, std::string, Message>> told;
  svc_->SetNotify([&](storage::WriteTx&, RecordId to, std::string_view kind, const Message& m) -> Status {
    told.emplace_back(to, std::string(kind), m);
    return {};
  });
  measures_.Set(e1_, "resp_met", 10);
  measures_.Set(e1_, "resp_due", 100);
  measures_.Set(e1_, "sat", 10);
  measures_.Set(e1_, "rated", 50);
  std::string doc = kDocument;
  doc.insert(doc.rfind('}'), R"(, "black_list": 1, "yellow_card": true)");
  const RecordId scheme = ApprovedScheme(doc);
  auto p = svc_->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kCollect).ok());
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kEvaluate).ok());
  EXPECT_TRUE(told.empty());
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kPublish).ok());
  ASSERT_EQ(told.size(), 2u);
  std::set<RecordId> recipients;
  for (const auto& [to, kind, m] : told) {
    recipients.insert(to);
    EXPECT_EQ(kind, "assessment_yellow_card");
    EXPECT_EQ(m.key, "notification.assessment_yellow_card");
    auto arg = [&m](const std::string& key) {
      for (const auto& [k, v] : m.args) {
        if (k == key) return v;
      }
      return std::string("(none)");
    };
    EXPECT_EQ(arg("name"), "engineer1");
    EXPECT_EQ(arg("rank"), "3");
    EXPECT_EQ(arg("total"), "30");  // (4 + 20) / 80 x 100
  }
  EXPECT_EQ(recipients, (std::set<RecordId>{e1_, boss}));
  // Never again: the period is published once; a refused step tells nobody.
  EXPECT_FALSE(svc_->Step(quality_, p->id, PeriodStep::kPublish).ok());
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kLock).ok());
  EXPECT_EQ(told.size(), 2u);
  // A failing notification fails the publication: nothing half-written.
  svc_->SetNotify([](storage::WriteTx&, RecordId, std::string_view, const Message&) -> Status {
    return Error::Internal("no notifications");
  });
  auto q = svc_->CreatePeriod(quality_, {"2026-09b", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  ASSERT_TRUE(svc_->Step(quality_, q->id, PeriodStep::kCollect).ok());
  ASSERT_TRUE(svc_->Step(quality_, q->id, PeriodStep::kEvaluate).ok());
  EXPECT_FALSE(svc_->Step(quality_, q->id, PeriodStep::kPublish).ok());
  EXPECT_EQ(svc_->GetPeriod(quality_, q->id)->status, PeriodStatus::kEvaluated);
}

// Comments: quality writes them while the period is evaluated or published, overall and per
// indicator; the assessee reads them with the published result and in the archive; once locked
// they are frozen with the period, and verify stays identical (they are not in the snapshot).
TEST_F(PeriodServiceTest, CommentsAreWrittenUntilTheLockAndReadByTheAssessee) {
  const RecordId scheme = ApprovedScheme();
  auto p = svc_->CreatePeriod(quality_, {"2026-09", scheme, PeriodKind::kMonth, 0, clock_.Now()});
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kCollect).ok());
  EXPECT_EQ(svc_->PutComment(quality_, p->id, a2_, std::nullopt, "x").error().field, "status");
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kEvaluate).ok());
  EXPECT_EQ(svc_->PutComment(quality_, p->id, a2_, std::nullopt, "").error().field, "text");
  EXPECT_EQ(svc_->PutComment(quality_, p->id, a2_, std::nullopt, std::string(kCommentMaxChars + 1, 'x')).error().field,
            "text");
  // 2000 Chinese characters are 2000 characters, not 6000 bytes.
  std::string long_zh;
  for (std::size_t i = 0; i < kCommentMaxChars; ++i) long_zh += "评";
  EXPECT_TRUE(svc_->PutComment(quality_, p->id, a1_, std::nullopt, long_zh).ok());
  EXPECT_EQ(svc_->PutComment(quality_, p->id, a2_, "nope", "x").error().field, "indicator_code");
  EXPECT_EQ(svc_->PutComment(quality_, p->id, 999999, std::nullopt, "x").error().field, "assessee_id");
  const org::Principal tech_manager = Who(e1_, tech_, {"manager"}, false, {tech_});
  EXPECT_EQ(svc_->PutComment(tech_manager, p->id, a2_, std::nullopt, "x").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(svc_->PutComment(quality_, p->id, a2_, std::nullopt, "整体尚可").ok());
  ASSERT_TRUE(svc_->PutComment(quality_, p->id, a2_, "satisfaction", "满意率低于目标，注意回访话术").ok());
  auto replaced = svc_->PutComment(quality2_, p->id, a2_, std::nullopt, "整体良好");
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->written_by_name, "quality2");
  const org::Principal agent = Who(a2_, desk_, {"agent"}, false, {desk_});
  EXPECT_EQ(svc_->ResultOf(agent, p->id, a2_).error().code, ErrorCode::kNotFound);  // not yet published
  ASSERT_TRUE(svc_->Step(quality_, p->id, PeriodStep::kPublish).ok());
  auto mine = svc_->ResultOf(agent, p->id, a2_);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->comments.size(), 2u);
  EXPECT_EQ(mine->comments[0].indicator_code, "");
  EXPECT_EQ(mine->comments[0].text, "整体良好");
  EXPECT_EQ(mine->comments[1].indicator_code, "satisfaction");
  EXPECT_EQ(mine->comments[1].written_by_name, "quality");
  auto archive = svc_->MyResults(agent);
  ASSERT_TRUE(archive.ok());
  ASSERT_EQ(archive->size(), 1u);
  EXPECT_EQ((*archive)[0].comments.size(), 2u);
  auto locked = svc_->Step(quality_, p->id, PeriodStep::kLock);
  ASSERT_TRUE(locked.ok());
  EXPECT_EQ(svc_->PutComment(quality_, p->id, a2_, std::nullopt, "锁定后").error().field, "status");
  EXPECT_EQ(svc_->ResultOf(agent, p->id, a2_)->comments[0].text, "整体良好");
  EXPECT_TRUE(svc_->Verify(quality_, p->id)->identical);
}

// A locked result is corrected by a new record beside it: proposed with reason and evidence by
// quality, approved by someone else; the locked snapshot and results never change (verify stays
// identical, the stored SHA-256 too) and the correction is what pay reads.
TEST_F(PeriodServiceTest, ALockedResultIsCorrectedByALinkedRecord) {
  const RecordId period = Published(*svc_, quality_, ApprovedScheme(), clock_.Now());
  EXPECT_EQ(svc_->ProposeCorrection(quality_, period, a2_, 90, "漏计加分", "审批单 7").error().field, "status");
  auto locked = svc_->Step(quality_, period, PeriodStep::kLock);
  ASSERT_TRUE(locked.ok());
  // Every problem at once.
  auto bad = svc_->ProposeCorrection(quality_, period, a2_, -1, "", "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "total");
  EXPECT_EQ(bad.error().more.size(), 2u);
  auto no_total = svc_->ProposeCorrection(quality_, period, a2_, std::nullopt, "x", "y");
  ASSERT_FALSE(no_total.ok());
  EXPECT_EQ(no_total.error().field, "total");
  EXPECT_EQ(no_total.error().key, "field.required");
  EXPECT_EQ(svc_->ProposeCorrection(quality_, period, 999999, 90, "x", "y").error().field, "assessee_id");
  const org::Principal tech_manager = Who(e1_, tech_, {"manager"}, false, {tech_});
  EXPECT_EQ(svc_->ProposeCorrection(tech_manager, period, a2_, 90, "x", "y").error().code, ErrorCode::kNotFound);

  auto proposed = svc_->ProposeCorrection(quality_, period, a2_, 90.5, "漏计加分", "审批单 7");
  ASSERT_TRUE(proposed.ok()) << proposed.error().message;
  EXPECT_EQ(proposed->status, CorrectionStatus::kProposed);
  ASSERT_TRUE(proposed->original_total);
  EXPECT_DOUBLE_EQ(*proposed->original_total, 85);
  EXPECT_EQ(proposed->grade, "excellent");
  EXPECT_EQ(svc_->ProposeCorrection(quality2_, period, a2_, 80, "x", "y").error().field, "assessee_id");
  EXPECT_EQ(svc_->ApproveCorrection(quality_, proposed->id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(svc_->WithdrawCorrection(exec_, proposed->id).error().code, ErrorCode::kForbidden);
  // Not in force until approved.
  EXPECT_TRUE(InForce(svc_->Results(quality_, period)->corrections).empty());
  auto approved = svc_->ApproveCorrection(exec_, proposed->id);
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->approved_by, exec_.staff_id);
  EXPECT_EQ(svc_->ApproveCorrection(exec_, proposed->id).error().field, "status");
  EXPECT_EQ(svc_->WithdrawCorrection(quality_, proposed->id).error().field, "status");

  // Beside the locked result: the result itself is what was locked.
  const org::Principal agent = Who(a2_, desk_, {"agent"}, false, {desk_});
  auto mine = svc_->ResultOf(agent, period, a2_);
  ASSERT_TRUE(mine.ok());
  EXPECT_DOUBLE_EQ(mine->results.items[0].total.value(), 85);
  ASSERT_EQ(mine->corrections.size(), 1u);
  auto in_force = InForce(mine->corrections);
  ASSERT_EQ(in_force.count(a2_), 1u);
  EXPECT_DOUBLE_EQ(in_force.at(a2_)->corrected_total, 90.5);
  // A second correction supersedes the first once approved; a withdrawn one never counts.
  auto second = svc_->ProposeCorrection(quality2_, period, a2_, 70, "复核", "复核记录");
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(svc_->WithdrawCorrection(quality2_, second->id).ok());
  auto third = svc_->ProposeCorrection(quality2_, period, a2_, 75, "再复核", "复核记录 2");
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE(svc_->ApproveCorrection(quality_, third->id).ok());
  auto all = svc_->Corrections(quality_, period);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  EXPECT_DOUBLE_EQ(InForce(*all).at(a2_)->corrected_total, 75);
  EXPECT_EQ(InForce(*all).at(a2_)->grade, "pass");
  EXPECT_TRUE(svc_->Corrections(tech_manager, period)->empty());

  auto v = svc_->Verify(quality_, period);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->identical);
  EXPECT_EQ(v->sha256, *locked->results_sha256);
  EXPECT_EQ(svc_->GetPeriod(quality_, period)->results_sha256, locked->results_sha256);
}

// An approver other than the proposer rejects a proposed correction with a reason; it changes
// nothing: the correction in force, the locked result and verify stay as they were.
TEST_F(PeriodServiceTest, ARejectedCorrectionChangesNothing) {
  const RecordId period = Published(*svc_, quality_, ApprovedScheme(), clock_.Now());
  auto locked = svc_->Step(quality_, period, PeriodStep::kLock);
  ASSERT_TRUE(locked.ok());
  auto proposed = svc_->ProposeCorrection(quality_, period, a2_, 60, "漏计扣分", "复核单 3");
  ASSERT_TRUE(proposed.ok()) << proposed.error().message;
  EXPECT_EQ(svc_->RejectCorrection(exec_, proposed->id, "").error().field, "reason");
  EXPECT_EQ(svc_->RejectCorrection(exec_, proposed->id, std::string(501, 'x')).error().field, "reason");
  // 500 characters of three bytes each are within the bound.
  std::string longest;
  for (int i = 0; i < 500; ++i) longest += "证";
  EXPECT_EQ(svc_->RejectCorrection(quality_, proposed->id, longest).error().code, ErrorCode::kForbidden);
  const org::Principal tech_manager = Who(e1_, tech_, {"manager"}, false, {tech_});
  EXPECT_EQ(svc_->RejectCorrection(tech_manager, proposed->id, "x").error().code, ErrorCode::kNotFound);

  auto rejected = svc_->RejectCorrection(exec_, proposed->id, longest);
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ(rejected->status, CorrectionStatus::kRejected);
  EXPECT_EQ(rejected->rejected_by, exec_.staff_id);
  EXPECT_EQ(rejected->rejection_reason, longest);
  EXPECT_FALSE(rejected->approved_by);
  EXPECT_EQ(svc_->RejectCorrection(exec_, proposed->id, "again").error().field, "status");
  EXPECT_EQ(svc_->ApproveCorrection(exec_, proposed->id).error().field, "status");
  EXPECT_EQ(svc_->WithdrawCorrection(quality_, proposed->id).error().field, "status");

  auto all = svc_->Corrections(quality_, period);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].status, CorrectionStatus::kRejected);
  EXPECT_EQ((*all)[0].rejection_reason, longest);
  EXPECT_TRUE(InForce(*all).empty());
  const org::Principal agent = Who(a2_, desk_, {"agent"}, false, {desk_});
  EXPECT_DOUBLE_EQ(svc_->ResultOf(agent, period, a2_)->results.items[0].total.value(), 85);
  auto v = svc_->Verify(quality_, period);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->identical);
  EXPECT_EQ(v->sha256, *locked->results_sha256);
  // Another may be proposed once it is rejected.
  EXPECT_TRUE(svc_->ProposeCorrection(quality_, period, a2_, 88, "重新复核", "复核单 4").ok());
}

}  // namespace
}  // namespace sqm::assessment
