// Mystery shopping: the pure checks (a scenario's fields, a report inside the window and its hours,
// who decides a reimbursement, the dealing of visits) and the use cases through the real storage
// (SQLite, or PostgreSQL with SQM_TEST_DB=postgres): covert until published, nothing half-written.
#include "inspection/mystery_service.h"

#include <gtest/gtest.h>

#include "desk/test_fixture.h"

namespace sqm::inspection {
namespace {

constexpr TimeMs kHour = 3'600'000, kDay = 24 * kHour;

Scenario Valid() {
  return {.title = "门店暗访",
          .channel = Channel::kVisit,
          .department_ids = {1, 2},
          .script = "点一杯咖啡，询问会员卡",
          .scorecard_id = 1,
          .window_from = 10 * kDay,
          .window_to = 20 * kDay,
          .visits_per_target = 2,
          .budget_cents = 5000};
}

std::string FirstField(const Scenario& s) {
  Problems p;
  CheckScenario(s, p);
  auto e = p.Take();
  return e ? e->field : "";
}

TEST(MysteryRules, AScenarioNamesTheFieldThatIsWrong) {
  EXPECT_EQ(FirstField(Valid()), "");
  Scenario s = Valid();
  s.title = "";
  EXPECT_EQ(FirstField(s), "title");
  s = Valid();
  s.department_ids = {};
  EXPECT_EQ(FirstField(s), "department_ids");
  s = Valid();
  s.department_ids = {1, 1};
  EXPECT_EQ(FirstField(s), "department_ids[1]");
  s = Valid();
  s.window_to = s.window_from;
  EXPECT_EQ(FirstField(s), "window_to");
  s = Valid();
  s.hours_from = 9 * 60;
  EXPECT_EQ(FirstField(s), "hours_to");
  s.hours_to = 8 * 60;
  EXPECT_EQ(FirstField(s), "hours_to");
  s = Valid();
  s.visits_per_target = 0;
  EXPECT_EQ(FirstField(s), "visits_per_target");
  s = Valid();
  s.budget_cents = -1;
  EXPECT_EQ(FirstField(s), "budget");
}

TEST(MysteryRules, AVisitHappensInsideTheWindowAndItsHours) {
  Scenario s = Valid();
  s.hours_from = 9 * 60;
  s.hours_to = 18 * 60;
  auto field = [&](VisitReport r, std::optional<int> minute, TimeMs now = 30 * kDay) {
    Problems p;
    CheckReport(s, r, minute, now, p);
    auto e = p.Take();
    return e ? e->field : "";
  };
  EXPECT_EQ(field({.visited_at = 12 * kDay}, 10 * 60), "");
  EXPECT_EQ(field({.visited_at = 9 * kDay}, 10 * 60), "visited_at");              // before the window
  EXPECT_EQ(field({.visited_at = 21 * kDay}, 10 * 60), "visited_at");             // after it
  EXPECT_EQ(field({.visited_at = 12 * kDay}, 8 * 60), "visited_at");              // before opening
  EXPECT_EQ(field({.visited_at = 12 * kDay}, 18 * 60), "visited_at");             // at closing
  EXPECT_EQ(field({.visited_at = 12 * kDay}, 10 * 60, 11 * kDay), "visited_at");  // in the future
  EXPECT_EQ(field({.dialled = "400-820-8820"}, std::nullopt), "dialled");         // not a call
  s.channel = Channel::kCall;
  EXPECT_EQ(field({.dialled = "400-820-8820"}, std::nullopt), "");
  EXPECT_EQ(field({.dialled = "javascript:1"}, std::nullopt), "dialled");
  EXPECT_EQ(field({.duration_min = -1}, std::nullopt), "duration_min");
}

TEST(MysteryRules, TheShopperNeverDecidesTheirOwnReimbursementAndOverBudgetNeedsAReason) {
  const Scenario s = Valid();  // budget 50.00
  MysteryVisit v{.shopper_id = 7, .claim = Claim::kPending, .receipts = 1};
  v.report.spent_cents = 4800;
  org::Principal shopper, quality;
  shopper.staff_id = 7;
  quality.staff_id = 8;
  EXPECT_EQ(MayDecideClaim(shopper, v, s, {.approve = true}).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(MayDecideClaim(quality, v, s, {.approve = true}).ok());
  EXPECT_EQ(MayDecideClaim(quality, v, s, {.approve = false}).error().field, "reason");
  v.report.spent_cents = 5001;
  EXPECT_EQ(MayDecideClaim(quality, v, s, {.approve = true}).error().field, "reason");
  EXPECT_TRUE(MayDecideClaim(quality, v, s, {.approve = true, .reason = "含停车费"}).ok());
  v.receipts = 0;
  EXPECT_EQ(MayDecideClaim(quality, v, s, {.approve = true, .reason = "x"}).error().field, "receipts");
  v.claim = Claim::kApproved;
  EXPECT_EQ(MayDecideClaim(quality, v, s, {.approve = false, .reason = "x"}).error().field, "claim");
  v.report.spent_cents.reset();
  EXPECT_EQ(MayDecideClaim(quality, v, s, {.approve = false, .reason = "x"}).error().field, "spent");
}

TEST(MysteryRules, VisitsAreDealtRoundRobinToShoppersWhoMayMakeThem) {
  Scenario s = Valid();  // targets 1 and 2, two visits each
  // Shopper 10 may visit only target 1; shopper 11 both.
  auto eligible = [](Id shopper, Id target) { return shopper == 11 || target == 1; };
  const VisitPlan plan = PlanVisits(s, {{1, 1}}, {10, 11}, eligible);
  ASSERT_EQ(plan.visits.size(), 3u);  // one of target 1 was made before
  EXPECT_EQ(plan.visits[0].department_id, 1);
  EXPECT_EQ(plan.visits[0].shopper_id, 10);
  EXPECT_EQ(plan.visits[1].shopper_id, 11);
  EXPECT_EQ(plan.visits[2].shopper_id, 11);  // 10 may not visit target 2
  EXPECT_TRUE(plan.uncovered.empty());
  const VisitPlan none = PlanVisits(s, {}, {10}, eligible);
  ASSERT_EQ(none.uncovered.size(), 1u);
  EXPECT_EQ(none.uncovered[0], 2);
}

TEST(MysteryRules, MoneyHasAtMostTwoDecimalsAndHoursAreHHMM) {
  EXPECT_EQ(ToCents(12.5), 1250);
  EXPECT_EQ(ToCents(0.1 + 0.2), 30);
  EXPECT_EQ(ToCents(1.005), std::nullopt);
  EXPECT_EQ(ToCents(-1), std::nullopt);
  EXPECT_EQ(ParseHourMinute("09:30"), 570);
  EXPECT_EQ(ParseHourMinute("24:00"), 1440);
  EXPECT_EQ(ParseHourMinute("24:01"), std::nullopt);
  EXPECT_EQ(ParseHourMinute("9:30"), std::nullopt);
  EXPECT_EQ(FormatHourMinute(570), "09:30");
}

class MysteryTest : public desk::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    inspection_ = std::make_unique<Service>(*db_, clock_);
    mystery_ = std::make_unique<MysteryService>(*db_, *inspection_, zone_);
    Scorecard card{.method = CardMethod::kTotalPoints, .pass_mark = 60};
    card.sections.push_back({.code = "s0",
                             .items = {{.code = "greet", .scale = Scale::kYesNo, .max_points = 1, .name = "问候"}},
                             .name = "服务"});
    card_ = inspection_->CreateScorecard(quality_, "暗访评分表", card).value().id;
    org::StaffDraft d{"shopper", "shopper", std::nullopt, "", "", "", {"evaluator"}, "Demo-pass-2026", {desk_dept_}};
    EXPECT_TRUE(org_->CreateStaffAsSystem(d).ok());
    shopper_ = org_->Login("shopper", "Demo-pass-2026", "t").value().principal;
  }
  void TearDown() override {
    mystery_.reset();
    inspection_.reset();
    DeskFixture::TearDown();
  }

  Scenario Draft() {
    return {.title = "营业厅暗访",
            .channel = Channel::kVisit,
            .department_ids = {desk_dept_},
            .script = "咨询宽带套餐",
            .scorecard_id = card_,
            .window_from = clock_.Now() - kDay,
            .window_to = clock_.Now() + 10 * kDay,
            .visits_per_target = 2,
            .budget_cents = 3000};
  }

  std::unique_ptr<Service> inspection_;
  std::unique_ptr<MysteryService> mystery_;
  Id card_ = 0;
  org::Principal shopper_;
};

TEST_F(MysteryTest, AVisitIsCovertUntilPublishedAndItsReimbursementIsDecidedByAnother) {
  auto s = mystery_->CreateScenario(quality_, Draft());
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(CountEvents("mystery.scenario_created"), 1);

  // An evaluator engaged elsewhere may make none of the visits: nothing is made.
  org::StaffDraft d{"far", "far", std::nullopt, "", "", "", {"evaluator"}, "Demo-pass-2026", {ops_dept_}};
  ASSERT_TRUE(org_->CreateStaffAsSystem(d).ok());
  const Id far = org_->Login("far", "Demo-pass-2026", "t").value().principal.staff_id;
  auto refused = mystery_->GenerateVisits(quality_, s->id, {far});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "shopper_ids[0]");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inspections"), 0);

  auto visits = mystery_->GenerateVisits(quality_, s->id, {shopper_.staff_id});
  ASSERT_TRUE(visits.ok()) << visits.error().message;
  ASSERT_EQ(visits->size(), 2u);
  // A second generation tops up only: nothing is missing.
  EXPECT_EQ(mystery_->GenerateVisits(quality_, s->id, {shopper_.staff_id})->size(), 0u);
  const Id id = (*visits)[0].inspection_id;
  EXPECT_TRUE(inspection_->GetInspection(quality_, id)->covert);

  // Outside the window: 400 on visited_at, nothing written.
  auto late = mystery_->SaveReport(shopper_, id, {.visited_at = clock_.Now() + 20 * kDay});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "visited_at");
  EXPECT_EQ(CountEvents("mystery.visit_reported"), 0);

  // The shopper names the agent who served them and reports 35.50 spent (over the 30.00 budget).
  auto reported = mystery_->SaveReport(
      shopper_, id,
      {.visited_at = clock_.Now() - kHour, .duration_min = 12, .served_by_id = agent_.staff_id, .spent_cents = 3550});
  ASSERT_TRUE(reported.ok()) << reported.error().message;
  EXPECT_EQ(reported->claim, Claim::kPending);
  EXPECT_EQ(reported->served_by_name, "agent");
  EXPECT_EQ(mystery_->SaveReport(quality_, id, {}).error().code, ErrorCode::kForbidden);

  // The served agent sees nothing before publication.
  EXPECT_EQ(mystery_->GetVisit(agent_, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(inspection_->GetInspection(agent_, id).error().code, ErrorCode::kNotFound);

  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(mystery_->AddReceipt(shopper_, id, "<html>").error().field, "file");
  ASSERT_TRUE(mystery_->AddReceipt(shopper_, id, png).ok());
  EXPECT_EQ(mystery_->AddReceipt(quality_, id, png).error().code, ErrorCode::kForbidden);

  EXPECT_EQ(mystery_->DecideClaim(shopper_, id, {.approve = true, .reason = "x"}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(mystery_->DecideClaim(quality_, id, {.approve = true}).error().field, "reason");
  auto approved = mystery_->DecideClaim(quality_, id, {.approve = true, .reason = "含打车费"});
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->claim, Claim::kApproved);
  // Decided: the report and the receipts are fixed.
  EXPECT_EQ(mystery_->SaveReport(shopper_, id, {}).error().field, "claim");

  auto totals = mystery_->ListReimbursements(quality_, s->id);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->totals.visits, 1);
  EXPECT_EQ(totals->totals.approved, 3550);
  auto coverage = mystery_->ListVisits(quality_, s->id);
  ASSERT_TRUE(coverage.ok());
  ASSERT_EQ(coverage->coverage.size(), 1u);
  EXPECT_EQ(coverage->coverage[0].wanted, 2);
  EXPECT_EQ(coverage->coverage[0].assigned, 2);
  EXPECT_EQ(coverage->coverage[0].done, 0);

  ASSERT_TRUE(inspection_->Submit(shopper_, id, {{"greet", {.value = 1}}}, "").ok());
  ASSERT_TRUE(inspection_->Publish(quality_, id).ok());
  auto seen = mystery_->GetVisit(agent_, id);
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(seen->scenario.script, "咨询宽带套餐");
  EXPECT_EQ(mystery_->ListVisits(quality_, s->id)->coverage[0].done, 1);
}

}  // namespace
}  // namespace sqm::inspection
