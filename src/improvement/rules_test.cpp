// The pure rules: the workflow, who may act and see, overdue, escalation and the verdict on effect.
#include "improvement/rules.h"

#include <gtest/gtest.h>

#include "org/rules.h"

namespace sqm::improvement {
namespace {

org::Principal Who(Id id, std::vector<std::string> roles, std::set<Id> scope, bool all = false) {
  org::Principal p;
  p.staff_id = id;
  p.roles = roles;
  p.permissions = org::PermissionsOf(roles);
  p.scope = {.all = all, .departments = std::move(scope)};
  return p;
}

Action Owned(Id owner, Id dept) {
  return {.id = 1, .owner_id = owner, .department_id = dept, .due_at = 1000, .status = State::kOpen};
}

TEST(ImprovementRules, NamesRoundTrip) {
  for (auto s : {State::kProposed, State::kNotEffective, State::kDeclined}) EXPECT_EQ(ParseStatus(Name(s)), s);
  for (auto s : {Source::kInspection, Source::kAuditFinding, Source::kOther}) EXPECT_EQ(ParseSource(Name(s)), s);
  EXPECT_FALSE(ParseStatus("closed"));
  EXPECT_EQ(SourceNames(), "inspection, complaint, sla_trend, survey, audit_finding, suggestion, other");
}

TEST(ImprovementRules, WorkflowMovesOnlyAlongItsEdges) {
  EXPECT_EQ(Next(State::kOpen, Op::kStart).value(), State::kInProgress);
  EXPECT_EQ(Next(State::kInProgress, Op::kComplete).value(), State::kDone);
  EXPECT_EQ(Next(State::kDone, Op::kVerify).value(), State::kVerified);
  EXPECT_EQ(Next(State::kVerified, Op::kReopen).value(), State::kReopened);
  EXPECT_EQ(Next(State::kReopened, Op::kStart).value(), State::kInProgress);
  EXPECT_EQ(Next(State::kProposed, Op::kAccept).value(), State::kOpen);
  EXPECT_EQ(Next(State::kProposed, Op::kDecline).value(), State::kDeclined);
  EXPECT_EQ(Next(State::kInProgress, Op::kCancel).value(), State::kCancelled);
  auto refused = Next(State::kOpen, Op::kVerify);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "status");
  EXPECT_FALSE(Next(State::kDone, Op::kCancel).ok());
  EXPECT_FALSE(Next(State::kCancelled, Op::kStart).ok());
  EXPECT_FALSE(Next(State::kDone, Op::kEdit).ok());
  EXPECT_FALSE(Next(State::kOpen, Op::kAccept).ok());
}

TEST(ImprovementRules, OwnersStartAndCompleteQualityDoesEverything) {
  const Action a = Owned(7, 3);
  const auto owner = Who(7, {"agent"}, {3});
  const auto other = Who(8, {"agent"}, {3});
  const auto quality = Who(9, {"quality"}, {}, true);
  const auto manager = Who(10, {"manager"}, {3});
  EXPECT_TRUE(MayAct(owner, a, Op::kStart).ok());
  EXPECT_TRUE(MayAct(owner, a, Op::kComplete).ok());
  EXPECT_EQ(MayAct(owner, a, Op::kVerify).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(MayAct(owner, a, Op::kCancel).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(MayAct(other, a, Op::kStart).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(MayAct(manager, a, Op::kComplete).error().code, ErrorCode::kForbidden);
  for (auto o : {Op::kEdit, Op::kVerify, Op::kReopen, Op::kCancel, Op::kAccept})
    EXPECT_TRUE(MayAct(quality, a, o).ok());
}

TEST(ImprovementRules, WhoSeesWhat) {
  Action a = Owned(7, 3);
  a.proposed_by = 11;
  EXPECT_TRUE(Sees(Who(7, {"agent"}, {3}), a));        // the owner
  EXPECT_FALSE(Sees(Who(8, {"agent"}, {3}), a));       // a colleague in the same department
  EXPECT_TRUE(Sees(Who(11, {"engineer"}, {5}), a));    // the proposer
  EXPECT_TRUE(Sees(Who(10, {"manager"}, {3, 4}), a));  // the department's manager (subtree)
  EXPECT_FALSE(Sees(Who(12, {"manager"}, {4}), a));    // another subtree's manager
  EXPECT_TRUE(Sees(Who(13, {"executive"}, {}, true), a));
  EXPECT_TRUE(Sees(Who(9, {"quality"}, {}, true), a));
  EXPECT_FALSE(Sees(Who(14, {"evaluator"}, {3}), a));
}

TEST(ImprovementRules, OverdueAndClosedOnTime) {
  Action a = Owned(7, 3);
  EXPECT_FALSE(Overdue(a, 999));
  EXPECT_TRUE(Overdue(a, 1000));
  a.status = State::kDone;
  a.done_at = 999;
  EXPECT_FALSE(Overdue(a, 5000));
  EXPECT_TRUE(ClosedOnTime(a));
  a.done_at = 1000;
  EXPECT_FALSE(ClosedOnTime(a));
  a.status = State::kCancelled;
  a.done_at = 10;
  EXPECT_FALSE(ClosedOnTime(a));
}

TEST(ImprovementRules, EscalationTellsTheOwnerThenTheManagerOnce) {
  Action a = Owned(7, 3);
  EXPECT_EQ(NextEscalation(a, 999, std::nullopt), Escalation::kNone);
  EXPECT_EQ(NextEscalation(a, 1000, std::nullopt), Escalation::kOwner);
  a.owner_notified_at = 1000;
  EXPECT_EQ(NextEscalation(a, 1500, 2000), Escalation::kNone);
  EXPECT_EQ(NextEscalation(a, 2000, 2000), Escalation::kManager);
  a.manager_notified_at = 2000;
  EXPECT_EQ(NextEscalation(a, 9000, 2000), Escalation::kNone);
  a.manager_notified_at.reset();
  a.status = State::kDone;
  EXPECT_EQ(NextEscalation(a, 9000, 2000), Escalation::kNone);
}

TEST(ImprovementRules, EffectFollowsTheDirectionElseWhatTheVerifierSays) {
  Action a = Owned(7, 3);
  a.direction = Direction::kDown;
  a.value_before = 12;
  EXPECT_EQ(Effective(a, 8.0, false), true);
  EXPECT_EQ(Effective(a, 12.0, true), false);
  a.direction = Direction::kUp;
  EXPECT_EQ(Effective(a, 13.0, std::nullopt), true);
  a.direction = Direction::kNone;
  EXPECT_EQ(Effective(a, 13.0, std::nullopt), std::nullopt);
  EXPECT_EQ(Effective(a, std::nullopt, true), true);
}

TEST(ImprovementRules, TheWindowAfterIsAsLongAsTheOneBeforeAndTheVerificationWaitsForIt) {
  const Window before = BeforeWindow(100 * kDayMs, 30);
  EXPECT_EQ(before.from, 70 * kDayMs);
  EXPECT_EQ(before.to, 100 * kDayMs);
  Action a = Owned(7, 3);
  a.verify_after_days = 7;
  EXPECT_FALSE(AfterWindow(a).has_value());  // not done
  EXPECT_EQ(VerifyFrom(a, 200 * kDayMs), 207 * kDayMs);
  a.before_from = before.from;
  a.before_to = before.to;
  a.done_at = 200 * kDayMs;
  ASSERT_TRUE(AfterWindow(a).has_value());
  EXPECT_EQ(AfterWindow(a)->from, 200 * kDayMs);
  EXPECT_EQ(AfterWindow(a)->to, 230 * kDayMs);
  EXPECT_EQ(VerifyFrom(a, 200 * kDayMs), 230 * kDayMs);  // the window outlasts verify_after_days
  a.verify_after_days = 45;
  EXPECT_EQ(VerifyFrom(a, 200 * kDayMs), 245 * kDayMs);
}

TEST(ImprovementRules, EscalationSettingsAreCheckedNamingTheOption) {
  EXPECT_TRUE(CheckEscalationSettings(kDefaultSweepInterval, kDefaultEscalateAfterDays).ok());
  EXPECT_TRUE(CheckEscalationSettings(60'000, 0).ok());
  EXPECT_TRUE(CheckEscalationSettings(kDayMs, 30).ok());
  EXPECT_EQ(CheckEscalationSettings(59'999, 2).error().field, "improvement-sweep-minutes");
  EXPECT_EQ(CheckEscalationSettings(kDayMs + 1, 2).error().field, "improvement-sweep-minutes");
  EXPECT_EQ(CheckEscalationSettings(60'000, -1).error().field, "improvement-escalate-days");
  EXPECT_EQ(CheckEscalationSettings(60'000, 31).error().field, "improvement-escalate-days");
}

}  // namespace
}  // namespace sqm::improvement
