// Scorecards stored through the real storage (SQLite, or PostgreSQL with SQM_TEST_DB=postgres):
// versions, names, every problem at once, nothing half-written; and inspections through the real
// desk: assignment, scoring, publication, the appeal window in working days, the correction; and
// calibration sessions: blind until closed, revealed with the agreement, never a score.
#include "inspection/service.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "base/sampling.h"
#include "desk/test_fixture.h"
#include "inspection/calibration_service.h"
#include "inspection/facts.h"

namespace sqm::inspection {
namespace {

class InspectionTest : public desk::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    inspection_ =
        std::make_unique<Service>(*db_, clock_, [this](const std::string& code) { return calendars_->Get(code); });
    calibrations_ = std::make_unique<CalibrationService>(*db_, clock_);
  }
  void TearDown() override {
    calibrations_.reset();
    inspection_.reset();
    DeskFixture::TearDown();
  }

  // The weighted example: sections of 3/10/5/2 points weighted 10/30/50/10 %.
  static Scorecard Weighted() {
    Scorecard card{.method = CardMethod::kSectionWeights, .pass_mark = 80};
    const double points[] = {3, 10, 5, 2}, weights[] = {10, 30, 50, 10};
    for (int s = 0; s < 4; ++s) {
      card.sections.push_back({.code = "s" + std::to_string(s),
                               .weight = weights[s],
                               .items = {{.code = "i" + std::to_string(s),
                                          .scale = Scale::kPoints,
                                          .max_points = points[s],
                                          .name = "第 " + std::to_string(s + 1) + " 项",
                                          .guidance = "按规范评分"}},
                               .name = "部分 " + std::to_string(s + 1)});
    }
    return card;
  }

  // A third-party evaluator engaged for `dept`.
  org::Principal Evaluator(const std::string& name, Id dept) {
    org::StaffDraft d{name, name, std::nullopt, "", "", "", {"evaluator"}, "Demo-pass-2026", {dept}};
    EXPECT_TRUE(org_->CreateStaffAsSystem(d).ok());
    return org_->Login(name, "Demo-pass-2026", "t").value().principal;
  }

  // A phone incident registered and resolved by agent_ (or `by`) in DESK.
  desk::Ticket Resolved() { return ResolvedBy(agent_); }
  desk::Ticket ResolvedBy(const org::Principal& by, desk::Channel channel = desk::Channel::kPhone) {
    desk::TicketDraft d;
    d.registration = {desk::TicketType::kIncident, channel, 3, "VPN", "VPN 报错", a_, vpn_};
    d.department_id = desk_dept_;
    auto t = desk_->Register(by, d);
    EXPECT_TRUE(t.ok()) << t.error().message;
    EXPECT_TRUE(desk_->Act(by, t->ticket.id, {.action = desk::Action::kAccept}).ok());
    auto r = desk_->Act(by, t->ticket.id, {.action = desk::Action::kResolve, .note = "已处理"});
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : desk::Ticket{};
  }

  static std::map<std::string, Answer> Points(double a, double b, double c, double d) {
    return {{"i0", {.value = a}}, {"i1", {.value = b}}, {"i2", {.value = c}}, {"i3", {.value = d}}};
  }

  std::unique_ptr<Service> inspection_;
  std::unique_ptr<CalibrationService> calibrations_;
};

TEST_F(InspectionTest, AChangedDefinitionIsTheNextVersionAndTheOldOneStaysReadable) {
  auto made = inspection_->CreateScorecard(quality_, "服务质检", Weighted());
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->version, 1);
  EXPECT_EQ(made->card.sections[2].items[0].guidance, "按规范评分");
  EXPECT_EQ(CountEvents("scorecard.created"), 1);

  // A new name alone: still version 1.
  auto renamed = inspection_->UpdateScorecard(quality_, made->id, "服务质检 A", Weighted(), std::nullopt);
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  EXPECT_EQ(renamed->version, 1);

  Scorecard changed = Weighted();
  changed.pass_mark = 90;
  changed.sections[3].items[0].critical = Critical::kFailsCard;
  auto v2 = inspection_->UpdateScorecard(quality_, made->id, "服务质检 A", changed, false);
  ASSERT_TRUE(v2.ok()) << v2.error().message;
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->latest_version, 2);
  EXPECT_FALSE(v2->active);

  auto v1 = inspection_->GetScorecard(made->id, 1);
  ASSERT_TRUE(v1.ok());
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->latest_version, 2);
  EXPECT_EQ(v1->card.pass_mark, 80);
  EXPECT_EQ(v1->card.sections[3].items[0].critical, Critical::kNone);
  // The stored card scores the published example as it did before it was stored.
  auto score =
      ScoreCard(v1->card, {{"i0", {.value = 3}}, {"i1", {.value = 5}}, {"i2", {.value = 4}}, {"i3", {.value = 1}}});
  ASSERT_TRUE(score.ok());
  EXPECT_NEAR(*score->percent, 70, 1e-9);

  EXPECT_EQ(inspection_->GetScorecard(made->id, 3).error().field, "version");
  EXPECT_EQ(inspection_->GetScorecard(made->id + 100, std::nullopt).error().code, ErrorCode::kNotFound);
  auto list = inspection_->ListScorecards();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].version, 2);
}

TEST_F(InspectionTest, EveryProblemAtOnceAndNothingWritten) {
  Scorecard bad = Weighted();
  bad.sections[0].weight = 15;  // 105 %
  bad.sections[1].items[0].max_points = -1;
  auto r = inspection_->CreateScorecard(quality_, "", bad);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields = {r.error().field};
  for (const auto& m : r.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "sections[1].items[0].max_points", "sections"}));
  EXPECT_EQ(CountEvents("scorecard.created"), 0);
  EXPECT_TRUE(inspection_->ListScorecards()->empty());

  ASSERT_TRUE(inspection_->CreateScorecard(quality_, "Calls", Weighted()).ok());
  auto other = inspection_->CreateScorecard(quality_, "Visits", Weighted());
  ASSERT_TRUE(other.ok());
  auto taken = inspection_->CreateScorecard(quality_, "calls", Weighted());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  EXPECT_EQ(taken.error().field, "name");
  EXPECT_EQ(inspection_->UpdateScorecard(quality_, other->id, "CALLS", Weighted(), std::nullopt).error().field, "name");
}

TEST_F(InspectionTest, ATicketReviewGoesFromAssignmentThroughAnAppealToACorrection) {
  const Id card = inspection_->CreateScorecard(quality_, "服务质检", Weighted())->id;
  const desk::Ticket t = Resolved();
  const org::Principal evaluator = Evaluator("eval.desk", desk_dept_);

  auto assigned = inspection_->Assign(
      quality_,
      {.kind = Kind::kTicketReview, .scorecard_id = card, .ticket_id = t.id, .inspector_id = evaluator.staff_id});
  ASSERT_TRUE(assigned.ok()) << assigned.error().message;
  const Id id = assigned->id;
  EXPECT_EQ(assigned->department_id, desk_dept_);
  EXPECT_EQ(assigned->agent_id, agent_.staff_id);
  EXPECT_EQ(assigned->scorecard_version, 1);

  // The card changes after assignment: the inspection keeps version 1.
  Scorecard v2 = Weighted();
  v2.pass_mark = 95;
  ASSERT_TRUE(inspection_->UpdateScorecard(quality_, card, "服务质检", v2, std::nullopt).ok());

  // Before publication the inspected agent does not see it; a manager of another department never does.
  EXPECT_EQ(inspection_->GetInspection(agent_, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(inspection_->GetInspection(manager_, id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(inspection_->GetInspection(evaluator, id).ok());

  // Only the inspector scores; a draft may be partial, submission needs every item.
  EXPECT_EQ(inspection_->SaveAnswers(quality_, id, Points(3, 5, 4, 1), "").error().code, ErrorCode::kForbidden);
  auto draft = inspection_->SaveAnswers(evaluator, id, {{"i0", {.value = 3}}}, "开场白规范");
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  EXPECT_EQ(draft->state, State::kInProgress);
  auto partial = inspection_->Submit(evaluator, id, {{"i0", {.value = 3}}}, "");
  ASSERT_FALSE(partial.ok());
  EXPECT_EQ(partial.error().field, "answers.i1");
  auto submitted = inspection_->Submit(evaluator, id, Points(3, 5, 4, 1), "");
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  EXPECT_NEAR(*submitted->percent, 70, 1e-9);  // the published weighted example, on version 1
  EXPECT_FALSE(submitted->passed);             // pass mark 80 of version 1

  // Published on Monday 2026-11-23 10:00: 5 working days -> the end of Monday 11-30.
  auto published = inspection_->Publish(quality_, id);
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(*published->appeal_deadline, desk::Shanghai(8, 0));
  EXPECT_EQ(inspection_->SaveAnswers(evaluator, id, Points(3, 10, 5, 2), "").error().field, "state");
  EXPECT_TRUE(inspection_->GetInspection(agent_, id).ok());

  // Only the inspected agent appeals; the inspector cannot decide it.
  EXPECT_EQ(inspection_->FileAppeal(agent2_, id, "不服").error().code, ErrorCode::kNotFound);
  auto appealed = inspection_->FileAppeal(agent_, id, "第三项已按规范处理");
  ASSERT_TRUE(appealed.ok()) << appealed.error().message;
  EXPECT_EQ(appealed->state, State::kAppealed);
  EXPECT_EQ(inspection_->Decide(evaluator, id, {.outcome = Outcome::kUpheld, .reason = "x"}).error().code,
            ErrorCode::kForbidden);
  auto no_reason = inspection_->Decide(quality_, id, {.outcome = Outcome::kUpheld, .reason = ""});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");

  auto decided = inspection_->Decide(
      quality_, id, {.outcome = Outcome::kPartlyUpheld, .reason = "第三项改判", .answers = {{"i2", {.value = 5}}}});
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->state, State::kFinal);
  EXPECT_NEAR(*decided->percent, 70, 1e-9) << "the published record is never edited";
  ASSERT_TRUE(decided->corrected_by_id.has_value());
  auto fixed = inspection_->GetInspection(agent_, *decided->corrected_by_id);
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_EQ(fixed->corrects_id, id);
  EXPECT_EQ(fixed->scorecard_version, 1);
  EXPECT_NEAR(*fixed->percent, 80, 1e-9);  // 10 + 15 + 50 + 5
  EXPECT_TRUE(fixed->passed);
  EXPECT_EQ(CountEvents("inspection.corrected"), 1);

  // Assessment's fact source: the correction stands in for the original and carries its appeal.
  const auto sources = FactSources();
  ASSERT_EQ(sources.size(), 1u);
  auto rows = db_->Read([&](storage::Connection& c) {
    return c.Query(
        "SELECT fact_id, staff_id, department_id, percent, passed, appealed, appeal_upheld, corrected FROM (" +
        sources[0].Sql(c.dialect()) + ") f ORDER BY fact_id");
  });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), fixed->id);
  EXPECT_EQ(rows[0].Int(1), agent_.staff_id);
  EXPECT_EQ(rows[0].Int(2), desk_dept_);
  EXPECT_NEAR(rows[0].Real(3), 80, 1e-9);
  EXPECT_EQ(rows[0].Int(4), 1);
  EXPECT_EQ(rows[0].Int(5), 1);
  EXPECT_EQ(rows[0].Int(6), 1);
  EXPECT_EQ(rows[0].Int(7), 1);
}

TEST_F(InspectionTest, AssignmentNamesEveryProblemAndAppealsCloseAtTheDeadline) {
  const Id card = inspection_->CreateScorecard(quality_, "巡检", Weighted())->id;
  const org::Principal tech_evaluator = Evaluator("eval.tech", tech_dept_);
  auto bad = inspection_->Assign(
      quality_, {.kind = Kind::kTicketReview, .scorecard_id = card + 9, .inspector_id = agent_.staff_id});
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields = {bad.error().field};
  for (const auto& m : bad.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"scorecard_id", "ticket_id", "inspector_id"}));
  // An evaluator engaged for TECH cannot be sent to DESK; no one inspects themselves.
  auto outside = inspection_->Assign(quality_, {.kind = Kind::kRoutineCheck,
                                                .scorecard_id = card,
                                                .department_id = desk_dept_,
                                                .inspector_id = tech_evaluator.staff_id});
  EXPECT_EQ(outside.error().field, "inspector_id");
  auto self = inspection_->Assign(quality_, {.kind = Kind::kRoutineCheck,
                                             .scorecard_id = card,
                                             .department_id = desk_dept_,
                                             .agent_id = quality_.staff_id,
                                             .inspector_id = quality_.staff_id});
  EXPECT_EQ(self.error().field, "inspector_id");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inspections"), 0);

  // A covert surprise check of DESK with agent2 inspected.
  auto check = inspection_->Assign(quality_, {.kind = Kind::kSurpriseCheck,
                                              .covert = true,
                                              .scorecard_id = card,
                                              .department_id = desk_dept_,
                                              .agent_id = agent2_.staff_id,
                                              .inspector_id = quality_.staff_id});
  ASSERT_TRUE(check.ok()) << check.error().message;
  const Id id = check->id;
  EXPECT_EQ(inspection_->GetInspection(agent2_, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(inspection_->GetInspection(tech_evaluator, id).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(inspection_->Submit(quality_, id, Points(3, 10, 5, 2), "").ok());
  ASSERT_TRUE(inspection_->Publish(quality_, id).ok());
  EXPECT_EQ(inspection_->ListInspections(agent2_, {})->size(), 1u);
  // The queue's department filter: the department inspected, exactly.
  EXPECT_EQ(inspection_->ListInspections(quality_, {.department_id = desk_dept_})->size(), 1u);
  EXPECT_EQ(inspection_->ListInspections(quality_, {.department_id = tech_dept_})->size(), 0u);
  clock_.Set(desk::Shanghai(8, 0) + 1);  // just past the deadline
  EXPECT_EQ(inspection_->FileAppeal(agent2_, id, "迟到的申诉").error().field, "appeal_deadline");
  auto ack = inspection_->Acknowledge(agent2_, id);
  ASSERT_TRUE(ack.ok()) << ack.error().message;
  EXPECT_EQ(ack->state, State::kAcknowledged);
}

// ---- sampling plans ----

std::vector<Id> TicketIds(const SamplingRun& run) {
  std::vector<Id> out;
  for (const auto& t : run.tickets) out.push_back(t.ticket.ticket_id);
  return out;
}

TEST_F(InspectionTest, APlanWithBadFieldsNamesEveryProblemAndWritesNothing) {
  const Id card = inspection_->CreateScorecard(quality_, "服务质检", Weighted())->id;
  SamplingPlan bad{.name = "",
                   .department_ids = {desk_dept_, 99'999},
                   .quota = Quota::kPercent,
                   .amount = 150,
                   .scorecard_id = card + 100,
                   .inspector_ids = {agent_.staff_id}};
  auto r = inspection_->CreatePlan(quality_, bad);
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields{r.error().field};
  for (const auto& m : r.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "amount", "scorecard_id", "department_ids[1]", "inspector_ids[0]"}));
  EXPECT_EQ(CountEvents("sampling.plan_created"), 0);
  EXPECT_TRUE(inspection_->ListPlans(quality_)->empty());
  // A department outside the caller's scope.
  SamplingPlan out_of_scope{
      .name = "技术部抽检", .department_ids = {desk_dept_}, .scorecard_id = card, .inspector_ids = {quality_.staff_id}};
  EXPECT_EQ(inspection_->CreatePlan(manager_, out_of_scope).error().field, "department_ids[0]");
}

TEST_F(InspectionTest, ARunDrawsReproduciblyAssignsRoundRobinAndNeverTwice) {
  const Id card = inspection_->CreateScorecard(quality_, "服务质检", Weighted())->id;
  const org::Principal evaluator = Evaluator("eval.desk", desk_dept_);
  for (int k = 0; k < 6; ++k) ResolvedBy(agent_, k % 2 == 0 ? desk::Channel::kPhone : desk::Channel::kEmail);
  const Id lone = ResolvedBy(agent2_).id;
  auto plan = inspection_->CreatePlan(quality_, {.name = "客服部每周抽检",
                                                 .cycle = Cycle::kWeek,
                                                 .department_ids = {desk_dept_},
                                                 .quota = Quota::kPerAgent,
                                                 .amount = 2,
                                                 .scorecard_id = card,
                                                 .inspector_ids = {quality_.staff_id, evaluator.staff_id}});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(CountEvents("sampling.plan_created"), 1);

  // A dry run stores nothing; the run with the same seed draws the same tickets.
  auto dry = inspection_->RunPlan(quality_, plan->id, {.seed = 7, .dry_run = true});
  ASSERT_TRUE(dry.ok()) << dry.error().message;
  EXPECT_EQ(dry->id, 0);
  EXPECT_EQ(dry->candidates, 7);
  EXPECT_EQ(dry->drawn, 3);
  EXPECT_EQ(CountEvents("inspection.assigned"), 0);
  auto run = inspection_->RunPlan(quality_, plan->id, {.seed = 7});
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_GT(run->id, 0);
  EXPECT_EQ(run->seed, 7u);
  EXPECT_EQ(TicketIds(*run), TicketIds(*dry));
  EXPECT_EQ(CountEvents("sampling.sample_drawn"), 1);
  EXPECT_EQ(CountEvents("inspection.assigned"), 3);
  // Stratified by channel: agent's two are one phone and one web ticket.
  std::set<std::string> channels;
  for (const auto& t : run->tickets) {
    if (t.ticket.agent_id == agent_.staff_id) channels.insert(t.ticket.channel);
  }
  EXPECT_EQ(channels, (std::set<std::string>{"email", "phone"}));

  // Round robin: quality, evaluator, quality; each inspection is in its inspector's queue.
  ASSERT_EQ(run->tickets.size(), 3u);
  EXPECT_EQ(run->tickets[0].inspector_id, quality_.staff_id);
  EXPECT_EQ(run->tickets[1].inspector_id, evaluator.staff_id);
  EXPECT_EQ(run->tickets[2].inspector_id, quality_.staff_id);
  EXPECT_EQ(run->tickets[2].ticket.ticket_id, lone);
  auto queue = inspection_->ListInspections(evaluator, {.inspector_id = evaluator.staff_id});
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].ticket_id, run->tickets[1].ticket.ticket_id);
  EXPECT_EQ((*queue)[0].state, State::kAssigned);

  // Coverage: agent2 has one ticket for a quota of two.
  ASSERT_EQ(run->coverage.size(), 2u);
  EXPECT_EQ(run->coverage[0].agent_id, agent_.staff_id);
  EXPECT_EQ(run->coverage[0].shortfall, "");
  EXPECT_EQ(run->coverage[1].agent_id, agent2_.staff_id);
  EXPECT_EQ(run->coverage[1].tickets, 1);
  EXPECT_EQ(run->coverage[1].drawn, 1);
  EXPECT_EQ(run->coverage[1].shortfall, kTooFewTickets);

  // A second run of the cycle (another seed): the quota is met, nothing is drawn again.
  auto again = inspection_->RunPlan(quality_, plan->id, {.seed = 8});
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->drawn, 0);
  EXPECT_EQ(again->coverage[0].earlier, 2);
  EXPECT_EQ(CountEvents("inspection.assigned"), 3);
  auto runs = inspection_->ListRuns(quality_, plan->id);
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[1].seed, 7u);
  EXPECT_EQ((*runs)[1].coverage.size(), 2u);

  // Someone whose scope does not hold the plan's departments does not see it.
  EXPECT_EQ(inspection_->GetPlan(manager_, plan->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(inspection_->RunPlan(manager_, plan->id, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(inspection_->RunPlan(quality_, plan->id, {.seed = sampling::kMaxSeed + 1}).error().field, "seed");
}

// ---- edits of a plan ----

TEST_F(InspectionTest, AnEditedOrDeactivatedPlanKeepsWhatItDrew) {
  const Id card = inspection_->CreateScorecard(quality_, "服务质检", Weighted())->id;
  for (int k = 0; k < 4; ++k) ResolvedBy(agent_);
  auto plan = inspection_->CreatePlan(quality_, {.name = "客服部每月抽检",
                                                 .department_ids = {desk_dept_},
                                                 .amount = 1,
                                                 .scorecard_id = card,
                                                 .inspector_ids = {quality_.staff_id}});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  auto other = inspection_->CreatePlan(quality_, {.name = "另一个计划",
                                                  .department_ids = {desk_dept_},
                                                  .scorecard_id = card,
                                                  .inspector_ids = {quality_.staff_id}});
  ASSERT_TRUE(other.ok());
  auto run = inspection_->RunPlan(quality_, plan->id, {.seed = 3});
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->drawn, 1);

  // Every problem at once, nothing written.
  auto bad =
      inspection_->UpdatePlan(quality_, plan->id, {.name = "另一个计划", .quota = Quota::kPercent, .amount = 150});
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields{bad.error().field};
  for (const auto& m : bad.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "amount"}));
  EXPECT_EQ(CountEvents("sampling.plan_updated"), 0);
  EXPECT_EQ(inspection_->UpdatePlan(quality_, plan->id, {.name = "另一个计划"}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(inspection_->UpdatePlan(manager_, plan->id, {.active = false}).error().code, ErrorCode::kNotFound);

  // Renamed with a larger quota and without strata: one event naming what changed.
  auto edited = inspection_->UpdatePlan(
      quality_, plan->id, {.name = "客服部每月抽检（新）", .amount = 3, .by_channel = false, .by_type = false});
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->amount, 3);
  EXPECT_FALSE(edited->by_channel);
  EXPECT_EQ(inspection_->GetPlan(quality_, plan->id)->name, "客服部每月抽检（新）");
  EXPECT_EQ(CountEvents("sampling.plan_updated"), 1);
  // The same values again change nothing and log nothing.
  ASSERT_TRUE(inspection_->UpdatePlan(quality_, plan->id, {.amount = 3}).ok());
  EXPECT_EQ(CountEvents("sampling.plan_updated"), 1);

  // Deactivated: it draws nothing, not even on a dry run; its past run and inspection stay.
  auto off = inspection_->UpdatePlan(quality_, plan->id, {.active = false});
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE(off->active);
  EXPECT_EQ(inspection_->RunPlan(quality_, plan->id, {.seed = 4}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(inspection_->RunPlan(quality_, plan->id, {.seed = 4, .dry_run = true}).error().code, ErrorCode::kConflict);
  auto runs = inspection_->ListRuns(quality_, plan->id);
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].drawn, 1);
  EXPECT_EQ((*runs)[0].seed, 3u);
  EXPECT_TRUE(inspection_->GetInspection(quality_, *run->tickets[0].inspection_id).ok());
  EXPECT_EQ(CountEvents("sampling.plan_updated"), 2);

  // Active again: the cycle's earlier draw still counts, and the larger quota draws the rest.
  ASSERT_TRUE(inspection_->UpdatePlan(quality_, plan->id, {.active = true}).ok());
  auto more = inspection_->RunPlan(quality_, plan->id, {.seed = 5});
  ASSERT_TRUE(more.ok()) << more.error().message;
  EXPECT_EQ(more->drawn, 2);
  EXPECT_EQ(more->coverage[0].earlier, 1);
}

// ---- site checks: photos, time and place ----

TEST_F(InspectionTest, ASiteCheckKeepsPhotosPerItemAndWhereAndWhenItWasMade) {
  using namespace std::string_literals;
  const std::string jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00 photo"s;
  const Id card = inspection_->CreateScorecard(quality_, "门店巡检", Weighted())->id;
  const org::Principal inspector = Evaluator("eval.desk", desk_dept_);
  auto check = inspection_->Assign(quality_, {.kind = Kind::kRoutineCheck,
                                              .covert = true,
                                              .scorecard_id = card,
                                              .department_id = desk_dept_,
                                              .agent_id = agent2_.staff_id,
                                              .inspector_id = inspector.staff_id});
  ASSERT_TRUE(check.ok()) << check.error().message;
  const Id id = check->id;

  auto photo = inspection_->AddPhoto(inspector, id, "i0", jpeg);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->type, ImageType::kJpeg);
  EXPECT_EQ(photo->size, static_cast<std::int64_t>(jpeg.size()));
  EXPECT_EQ(photo->sha256.size(), 64u);
  EXPECT_EQ(CountEvents("inspection.photo_added"), 1);
  auto file = inspection_->GetPhoto(inspector, id, photo->id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->bytes, jpeg);

  // Refused: not an image, an unknown item, someone else than the inspector; nothing written.
  EXPECT_EQ(inspection_->AddPhoto(inspector, id, "i0", "<html><script>alert(1)</script></html>").error().field, "file");
  EXPECT_EQ(inspection_->AddPhoto(inspector, id, "nope", jpeg).error().field, "item");
  EXPECT_EQ(inspection_->AddPhoto(manager_, id, "i0", jpeg).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(inspection_->AddPhoto(quality_, id, "i0", jpeg).error().code, ErrorCode::kForbidden);
  // Covert: the inspected agent sees neither the inspection nor its photos before publication.
  EXPECT_EQ(inspection_->GetPhoto(agent2_, id, photo->id).error().code, ErrorCode::kNotFound);
  // At most kMaxPhotosPerItem per item.
  for (std::size_t k = 1; k < kMaxPhotosPerItem; ++k)
    ASSERT_TRUE(inspection_->AddPhoto(inspector, id, "i0", jpeg).ok());
  EXPECT_EQ(inspection_->AddPhoto(inspector, id, "i0", jpeg).error().field, "item");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inspection_photos"), static_cast<std::int64_t>(kMaxPhotosPerItem));
  ASSERT_TRUE(inspection_->DeletePhoto(inspector, id, photo->id).ok());
  EXPECT_EQ(inspection_->GetPhoto(inspector, id, photo->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(CountEvents("inspection.photo_removed"), 1);

  // When and where: out of range names each field, nothing written; in range is kept.
  const TimeMs now = clock_.Now();
  auto bad = inspection_->SaveAnswers(inspector, id, {}, "",
                                      {.checked_at = now + 3'600'000, .location = Location{91, 0, std::nullopt}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "checked_at");
  EXPECT_EQ(inspection_->GetInspection(inspector, id)->state, State::kAssigned);
  auto saved = inspection_->SaveAnswers(inspector, id, {{"i0", {.value = 3}}}, "",
                                        {.checked_at = now, .location = Location{31.2304, 121.4737, 15}});
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->checked_at, now);
  ASSERT_TRUE(saved->location);
  EXPECT_DOUBLE_EQ(saved->location->latitude, 31.2304);
  EXPECT_EQ(saved->location->accuracy_m, 15);
  // A later draft without them keeps them.
  auto kept = inspection_->SaveAnswers(inspector, id, {{"i0", {.value = 2}}}, "");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->checked_at, now);
  ASSERT_TRUE(kept->location);

  // Submitted and published: photos are neither added nor removed any more; the agent sees them now.
  ASSERT_TRUE(inspection_->Submit(inspector, id, Points(3, 10, 5, 2), "").ok());
  EXPECT_EQ(inspection_->AddPhoto(inspector, id, "i1", jpeg).error().field, "state");
  ASSERT_TRUE(inspection_->Publish(quality_, id).ok());
  auto photos = inspection_->ListPhotos(agent2_, id);
  ASSERT_TRUE(photos.ok());
  EXPECT_EQ(photos->size(), kMaxPhotosPerItem - 1);
  EXPECT_EQ(inspection_->DeletePhoto(inspector, id, (*photos)[0].id).error().field, "state");
  EXPECT_TRUE(inspection_->GetPhoto(agent2_, id, (*photos)[0].id).ok());
  EXPECT_EQ(inspection_->GetPhoto(agent2_, id + 1, (*photos)[0].id).error().code, ErrorCode::kNotFound);
}

// Uploads to the same item at once (on PostgreSQL from two servers on one database): the count and
// the insert are one step (the inspection's row locked on PostgreSQL; SQLite's one writer), so
// exactly as many pass as the limit leaves and the rest are refused naming the item.
TEST_F(InspectionTest, SimultaneousUploadsFromTwoServersNeverPassThePhotoLimit) {
  using namespace std::string_literals;
  const std::string jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00 photo"s;
  const Id card = inspection_->CreateScorecard(quality_, "门店巡检", Weighted())->id;
  const org::Principal inspector = Evaluator("eval.desk", desk_dept_);
  const Id id = inspection_
                    ->Assign(quality_, {.kind = Kind::kRoutineCheck,
                                        .scorecard_id = card,
                                        .department_id = desk_dept_,
                                        .agent_id = agent2_.staff_id,
                                        .inspector_id = inspector.staff_id})
                    ->id;
  ASSERT_TRUE(inspection_->AddPhoto(inspector, id, "i0", jpeg).ok());
  // PostgreSQL: a second server on the same database; SQLite serves one server, whose threads upload.
  std::unique_ptr<storage::Database> other_db;
  std::unique_ptr<Service> other_server;
  if (file_.dialect() == storage::Dialect::kPostgres) {
    other_db = std::make_unique<storage::Database>(storage::DatabaseOptions{file_.url()}, clock_);
    other_server = std::make_unique<Service>(*other_db, clock_);
  }
  Service& other = other_server ? *other_server : *inspection_;
  constexpr int kEach = 6;
  std::atomic<int> passed = 0, refused = 0;
  const auto upload = [&](Service& service) {
    for (int k = 0; k < kEach; ++k) {
      auto r = service.AddPhoto(inspector, id, "i0", jpeg);
      if (r.ok()) {
        ++passed;
      } else if (r.error().code == ErrorCode::kConflict && r.error().field == "item") {
        ++refused;
      }
    }
  };
  std::thread a([&] { upload(*inspection_); });
  std::thread b([&] { upload(other); });
  a.join();
  b.join();
  EXPECT_EQ(passed.load(), static_cast<int>(kMaxPhotosPerItem) - 1);
  EXPECT_EQ(refused.load(), 2 * kEach - passed.load());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inspection_photos"), static_cast<std::int64_t>(kMaxPhotosPerItem));
}

// ---- calibration sessions ----

// Eight three-point items q1..q8, and the answers of ratings in that order.
Scorecard ThreePoint() {
  Scorecard card{.pass_mark = 60};
  Section s{.code = "s1", .name = "服务规范"};
  for (int k = 1; k <= 8; ++k) {
    s.items.push_back({.code = "q" + std::to_string(k), .scale = Scale::kThreePoint, .max_points = 2});
  }
  card.sections.push_back(s);
  return card;
}
std::map<std::string, Answer> Ratings(const std::vector<double>& r) {
  std::map<std::string, Answer> out;
  for (std::size_t k = 0; k < r.size(); ++k) out["q" + std::to_string(k + 1)] = {.value = r[k]};
  return out;
}

TEST_F(InspectionTest, ACalibrationIsBlindUntilClosedRevealsTheAgreementAndNeverCountsTowardAScore) {
  const Id card = inspection_->CreateScorecard(quality_, "校准卡", ThreePoint())->id;
  const desk::Ticket t = Resolved();  // agent_'s work
  const org::Principal a = Evaluator("eval.a", desk_dept_), b = Evaluator("eval.b", desk_dept_);
  const org::Principal outsider = Evaluator("eval.c", desk_dept_);
  const org::Principal expert = Staff("expert", desk_dept_, {"quality"});

  // A published inspection of the same ticket: the fact source's one row, before and after.
  const Id published =
      inspection_
          ->Assign(
              quality_,
              {.kind = Kind::kTicketReview, .scorecard_id = card, .ticket_id = t.id, .inspector_id = outsider.staff_id})
          ->id;
  ASSERT_TRUE(inspection_->Submit(outsider, published, Ratings({3, 3, 3, 3, 3, 3, 3, 1}), "").ok());
  ASSERT_TRUE(inspection_->Publish(quality_, published).ok());
  const auto facts = [&] {
    return db_->Read([&](storage::Connection& c) {
      std::vector<std::string> out;
      for (const auto& source : FactSources()) {
        for (const auto& r : c.Query("SELECT fact_id, staff_id, percent FROM (" + source.Sql(c.dialect()) + ") f")) {
          out.push_back(std::to_string(r.Int(0)) + "/" + std::to_string(r.Int(1)) + "/" + std::to_string(r.Real(2)));
        }
      }
      return out;
    });
  };
  const auto facts_before = facts();
  ASSERT_EQ(facts_before.size(), 1u);
  const auto inspections_before = Count("SELECT COUNT(*) FROM inspections");

  // Made from the inspection: its ticket; the card's current version is pinned.
  auto made = calibrations_->Create(quality_, {.inspection_id = published,
                                               .scorecard_id = card,
                                               .reviewer_ids = {a.staff_id, b.staff_id},
                                               .expert_id = expert.staff_id,
                                               .deadline = clock_.Now() + 86'400'000});
  ASSERT_TRUE(made.ok()) << made.error().message;
  const Id id = made->session.id;
  EXPECT_EQ(made->session.ticket_id, t.id);
  EXPECT_EQ(made->session.scorecard_version, 1);
  EXPECT_EQ(made->session.scores.size(), 3u);
  EXPECT_EQ(CountEvents("calibration.created"), 1);
  // Version 2 drops q8: the session keeps scoring (and checking answers) with version 1.
  Scorecard changed = ThreePoint();
  changed.sections[0].items.pop_back();
  ASSERT_TRUE(inspection_->UpdateScorecard(quality_, card, "校准卡", changed, std::nullopt).ok());

  // Scoring: a draft, then the submission; the answers must match the pinned card.
  ASSERT_TRUE(calibrations_->Save(a, id, Ratings({1, 1}), "草稿").ok());
  EXPECT_EQ(calibrations_->Submit(a, id, Ratings({1, 1}), "").error().field, "answers.q3");
  auto wrong = calibrations_->Submit(a, id, {{"zz", {.value = 1}}}, "");
  EXPECT_EQ(wrong.error().field, "answers.zz");
  auto sent = calibrations_->Submit(a, id, Ratings({1, 1, 2, 2, 3, 3, 1, 3}), "");
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_DOUBLE_EQ(*sent->percent, 50);
  EXPECT_EQ(calibrations_->Save(a, id, Ratings({1}), "").error().field, "submitted_at");
  auto stranger = calibrations_->Submit(outsider, id, Ratings({1, 1, 1, 1, 1, 1, 1, 1}), "");
  EXPECT_EQ(stranger.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(stranger.error().field, "reviewer_ids");

  // Blind: b reads only their own card; a's answers are withheld, also from the quality department.
  auto seen_by_b = calibrations_->Get(b, id);
  ASSERT_TRUE(seen_by_b.ok()) << seen_by_b.error().message;
  EXPECT_TRUE(seen_by_b->session.scores[0].hidden);
  EXPECT_TRUE(seen_by_b->session.scores[0].answers.empty());
  EXPECT_TRUE(seen_by_b->session.scores[0].submitted_at.has_value());
  EXPECT_FALSE(seen_by_b->results.has_value());
  EXPECT_EQ(calibrations_->GetScore(b, id, a.staff_id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(calibrations_->GetScore(quality_, id, a.staff_id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(calibrations_->GetScore(a, id, a.staff_id)->answers.size(), 8u);
  EXPECT_EQ(calibrations_->Get(outsider, id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(calibrations_->Get(manager_, id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(calibrations_->List(outsider)->items.size(), 0u);
  EXPECT_EQ(calibrations_->List(b)->items.size(), 1u);

  // Closing waits for two reviewers and the expert, and is the quality department's.
  EXPECT_EQ(calibrations_->Close(quality_, id).error().field, "reviewer_ids");
  ASSERT_TRUE(calibrations_->Submit(b, id, Ratings({1, 3, 2, 1, 3, 2, 1, 3}), "").ok());
  EXPECT_EQ(calibrations_->Close(quality_, id).error().field, "expert_id");
  ASSERT_TRUE(calibrations_->Submit(expert, id, Ratings({1, 3, 2, 1, 3, 2, 1, 3}), "参考").ok());
  EXPECT_EQ(calibrations_->Close(a, id).error().code, ErrorCode::kForbidden);
  auto closed = calibrations_->Close(quality_, id);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->session.state, CalibrationState::kClosed);
  ASSERT_TRUE(closed->results.has_value());
  const auto& agreement = closed->results->agreement;
  ASSERT_EQ(agreement.size(), 2u);
  EXPECT_EQ(agreement[0].reviewer_id, a.staff_id);
  EXPECT_EQ(agreement[0].reference_id, expert.staff_id);
  EXPECT_NEAR(*agreement[0].kappa, 0.4286, 5e-5);
  EXPECT_NEAR(*agreement[0].kappa_linear, 0.4667, 5e-5);
  EXPECT_NEAR(*agreement[0].kappa_quadratic, 0.5, 1e-9);
  EXPECT_DOUBLE_EQ(*agreement[0].share_within, 0.625);
  EXPECT_EQ(closed->results->items[0].code, "q2");
  EXPECT_EQ(closed->results->items.size(), 8u) << "the pinned version 1, with q8";
  EXPECT_EQ(CountEvents("calibration.closed"), 1);
  EXPECT_EQ(CountEvents("calibration.submitted"), 3);

  // Revealed to every participant; nothing more is scored.
  EXPECT_EQ(calibrations_->GetScore(b, id, a.staff_id)->answers.size(), 8u);
  EXPECT_EQ(calibrations_->Submit(b, id, Ratings({1, 1, 1, 1, 1, 1, 1, 1}), "").error().field, "state");
  EXPECT_EQ(calibrations_->Close(quality_, id).error().field, "state");

  // Never a score: no inspection made, the fact source unchanged.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inspections"), inspections_before);
  EXPECT_EQ(facts(), facts_before);
}

// A session's deadline ends its scoring (409 naming "deadline") and marks it overdue in the list,
// which pages newest first with a cursor.
TEST_F(InspectionTest, ACalibrationIsScoredUntilItsDeadlineAndTheListPages) {
  const Id card = inspection_->CreateScorecard(quality_, "校准卡", ThreePoint())->id;
  const desk::Ticket t = Resolved();
  const org::Principal a = Evaluator("eval.a", desk_dept_), b = Evaluator("eval.b", desk_dept_);
  std::vector<Id> ids;
  for (int k = 1; k <= 3; ++k) {
    auto made = calibrations_->Create(quality_, {.ticket_id = t.id,
                                                 .scorecard_id = card,
                                                 .reviewer_ids = {a.staff_id, b.staff_id},
                                                 .deadline = clock_.Now() + k * 86'400'000});
    ASSERT_TRUE(made.ok()) << made.error().message;
    ids.push_back(made->session.id);
  }
  auto first = calibrations_->List(a, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].id, ids[2]);
  ASSERT_TRUE(first->next_cursor.has_value());
  auto second = calibrations_->List(a, 2, std::stoll(*first->next_cursor));
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].id, ids[0]);
  EXPECT_FALSE(second->next_cursor.has_value());
  EXPECT_EQ(calibrations_->List(a, 0).error().field, "limit");

  ASSERT_TRUE(calibrations_->Save(a, ids[0], Ratings({1}), "").ok());
  clock_.Set(clock_.Now() + 86'400'000);  // the first session's deadline
  EXPECT_EQ(calibrations_->Save(a, ids[0], Ratings({1, 2}), "").error().field, "deadline");
  EXPECT_EQ(calibrations_->Submit(b, ids[0], Ratings({1, 1, 2, 2, 3, 3, 1, 3}), "").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(calibrations_->Save(a, ids[1], Ratings({1}), "").ok());
  auto listed = calibrations_->List(quality_);
  ASSERT_EQ(listed->items.size(), 3u);
  EXPECT_FALSE(listed->items[0].overdue);
  EXPECT_FALSE(listed->items[1].overdue);
  EXPECT_TRUE(listed->items[2].overdue);
  EXPECT_TRUE(calibrations_->Get(quality_, ids[0])->session.overdue);
}

TEST_F(InspectionTest, ABadCalibrationNamesEveryFieldAndWritesNothing) {
  const Id card = inspection_->CreateScorecard(quality_, "校准卡", ThreePoint())->id;
  const desk::Ticket t = Resolved();
  const org::Principal a = Evaluator("eval.a", desk_dept_), tech = Evaluator("eval.tech", tech_dept_);

  auto bad = calibrations_->Create(quality_, {.ticket_id = t.id + 100,
                                              .scorecard_id = card + 100,
                                              .reviewer_ids = {a.staff_id},
                                              .expert_id = a.staff_id,
                                              .deadline = clock_.Now() - 1});
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields{bad.error().field};
  for (const auto& m : bad.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"ticket_id", "scorecard_id", "reviewer_ids", "expert_id", "deadline"}));

  // The ticket's own agent, someone not engaged for its department, someone named twice.
  auto people =
      calibrations_->Create(quality_, {.ticket_id = t.id,
                                       .scorecard_id = card,
                                       .reviewer_ids = {agent_.staff_id, tech.staff_id, a.staff_id, a.staff_id},
                                       .deadline = clock_.Now() + 1});
  ASSERT_FALSE(people.ok());
  fields = {people.error().field};
  for (const auto& m : people.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"reviewer_ids[0]", "reviewer_ids[1]", "reviewer_ids[3]"}));
  EXPECT_EQ(calibrations_
                ->Create(quality_, {.scorecard_id = card,
                                    .reviewer_ids = {a.staff_id, quality_.staff_id},
                                    .deadline = clock_.Now() + 1})
                .error()
                .field,
            "ticket_id");

  EXPECT_EQ(Count("SELECT COUNT(*) FROM calibration_sessions"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calibration_scores"), 0);
  EXPECT_EQ(CountEvents("calibration.created"), 0);
  EXPECT_EQ(calibrations_->Get(quality_, 1).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace sqm::inspection
