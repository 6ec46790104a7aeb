// Surveys through the real desk, storage and a manual clock: a resolution sends a survey by rule,
// the link is single-use and expires, a low score opens a follow-up, callback ratings count.
#include "feedback/service.h"

#include <gtest/gtest.h>

#include "desk/test_fixture.h"

namespace sqm::feedback {
namespace {

using desk::Action;
using desk::ActionInput;
using desk::Ticket;
using org::Principal;

class FeedbackTest : public desk::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    feedback_ = std::make_unique<Service>(*db_, clock_);
    desk_->SetActionHook([this](storage::WriteTx& tx, const Ticket& t, const ActionInput& in) {
      return feedback_->OnTicketAction(tx, t, in);
    });
    Definition d;
    d.title = {"服务满意度", "Service satisfaction"};
    d.questions = {{"csat", QuestionKind::kCsat, {"满意吗", "Satisfied?"}, true, {}, 5},
                   {"nps", QuestionKind::kNps, {"推荐吗", "Recommend?"}, false, {}, 5},
                   {"why", QuestionKind::kText, {"说明", "Why"}, false, {}, 5}};
    auto t = feedback_->CreateTemplate(quality_, "售后", d);
    ASSERT_TRUE(t.ok()) << t.error().message;
    template_ = t->id;
    auto r =
        feedback_->CreateRule(quality_, {.template_id = template_, .trigger = Trigger::kResolved, .quiet_days = 30});
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  void TearDown() override {
    desk_->SetActionHook({});
    feedback_.reset();
    DeskFixture::TearDown();
  }

  Ticket Resolved(Id customer) {
    desk::TicketDraft d;
    d.registration = {desk::TicketType::kIncident, desk::Channel::kPhone, 3, "VPN", "VPN 报错", customer, vpn_};
    d.department_id = desk_dept_;
    auto t = desk_->Register(agent_, d);
    EXPECT_TRUE(t.ok()) << t.error().message;
    ActionInput accept{.action = Action::kAccept};
    EXPECT_TRUE(desk_->Act(agent_, t->ticket.id, accept).ok());
    ActionInput resolve{.action = Action::kResolve, .note = "已处理"};
    auto r = desk_->Act(agent_, t->ticket.id, resolve);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : Ticket{};
  }

  std::vector<Invitation> Invitations(Id ticket) {
    return feedback_->ListInvitations(quality_, {.ticket_id = ticket}).value();
  }

  std::unique_ptr<Service> feedback_;
  Id template_ = 0;
};

TEST_F(FeedbackTest, AResolutionSendsOneSurveyAndTheQuietDaysHoldBackTheNext) {
  const Ticket t = Resolved(a_);
  const auto inv = Invitations(t.id);
  ASSERT_EQ(inv.size(), 1u);
  EXPECT_EQ(inv[0].version, 1);
  EXPECT_EQ(inv[0].attribution.department_id, desk_dept_);
  EXPECT_FALSE(inv[0].has_link);
  EXPECT_EQ(CountEvents("survey.invited"), 1);
  // The same customer again within 30 days: no survey.
  const Ticket again = Resolved(a_);
  EXPECT_TRUE(Invitations(again.id).empty());
  // Another customer: a survey.
  EXPECT_EQ(Invitations(Resolved(b_).id).size(), 1u);
}

TEST_F(FeedbackTest, TheLinkIsSingleUseStoredHashedAndAnswersKeepTheirVersion) {
  const Ticket t = Resolved(a_);
  const Id inv = Invitations(t.id).at(0).id;
  auto link = feedback_->IssueLink(agent_, inv);
  ASSERT_TRUE(link.ok()) << link.error().message;
  EXPECT_EQ(link->token.size(), 32u);  // 24 random bytes: 192 bits
  EXPECT_EQ(Count("SELECT count(*) FROM survey_invitations WHERE token_hash = '" + link->token + "'"), 0);

  // A new version of the template does not change what this invitation asks.
  auto tmpl = feedback_->GetTemplate(template_, std::nullopt).value();
  tmpl.definition.questions[0].text.en = "How satisfied are you?";
  ASSERT_EQ(feedback_->UpdateTemplate(quality_, template_, tmpl.name, tmpl.definition, std::nullopt)->version, 2);

  auto open = feedback_->Open(link->token);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->state, InvitationState::kOpen);
  EXPECT_EQ(open->definition->questions[0].text.en, "Satisfied?");

  auto missing = feedback_->SubmitAnswers(link->token, {{"nps", 9, {}, ""}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "answers.csat");
  ASSERT_TRUE(feedback_->SubmitAnswers(link->token, {{"csat", 5, {}, ""}, {"nps", 10, {}, ""}}).ok());
  auto second = feedback_->SubmitAnswers(link->token, {{"csat", 1, {}, ""}});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().key, "survey.already_answered");
  EXPECT_EQ(feedback_->Open(link->token)->state, InvitationState::kAnswered);
  EXPECT_FALSE(feedback_->Open(link->token)->definition);

  // A guessed token of the right shape, and one of the wrong shape.
  EXPECT_EQ(feedback_->Open(std::string(32, 'A')).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(feedback_->Open("x").error().code, ErrorCode::kNotFound);

  const auto results = feedback_->GetResults(quality_, {.template_id = template_}).value();
  EXPECT_EQ(results.csat.successes, 1);
  EXPECT_EQ(results.nps.promoters, 1);
  EXPECT_EQ(results.response_rate.n, 1);
}

TEST_F(FeedbackTest, ALinkExpiresAndANewLinkReplacesTheOld) {
  const Id inv = Invitations(Resolved(a_).id).at(0).id;
  const auto first = feedback_->IssueLink(agent_, inv).value();
  const auto second = feedback_->IssueLink(agent_, inv).value();
  EXPECT_EQ(feedback_->Open(first.token).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(feedback_->Open(second.token).ok());
  clock_.Advance(15LL * 24 * 3600 * 1000);
  EXPECT_EQ(feedback_->Open(second.token)->state, InvitationState::kExpired);
  auto late = feedback_->SubmitAnswers(second.token, {{"csat", 5, {}, ""}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().key, "survey.expired");
}

TEST_F(FeedbackTest, LowScoresAndDissatisfiedCallbacksOpenFollowUps) {
  const Ticket t = Resolved(a_);
  const auto link = feedback_->IssueLink(agent_, Invitations(t.id).at(0).id).value();
  ASSERT_TRUE(
      feedback_->SubmitAnswers(link.token, {{"csat", 1, {}, ""}, {"why", std::nullopt, {}, "<script>x</script>"}})
          .ok());
  auto open = feedback_->ListFollowUps(quality_, true, 50).value();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].reason, "csat=1");
  EXPECT_EQ(open[0].source, "survey");

  // The callback of another ticket: 不满意 opens one, and counts in the satisfaction rate.
  const Ticket u = Resolved(b_);
  ActionInput cb{.action = Action::kCallback, .reached = true};
  cb.resolved = desk::CallbackResolved::kResolved;
  cb.satisfaction = desk::Satisfaction::kDissatisfied;
  ASSERT_TRUE(desk_->Act(agent_, u.id, cb).ok());
  open = feedback_->ListFollowUps(quality_, true, 50).value();
  ASSERT_EQ(open.size(), 2u);
  const auto results = feedback_->GetResults(quality_, {}).value();
  EXPECT_EQ(results.callback.n, 1);
  EXPECT_EQ(results.satisfaction.n, 2);
  EXPECT_EQ(results.satisfaction.successes, 0);

  auto closed = feedback_->UpdateFollowUp(quality_, open[0].id, {.outcome = Outcome::kRecontacted, .note = "已回电"});
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_TRUE(closed->closed_at);
  EXPECT_EQ(feedback_->ListFollowUps(quality_, true, 50)->size(), 1u);
  EXPECT_EQ(feedback_->UpdateFollowUp(quality_, open[0].id, {.note = "again"}).error().code, ErrorCode::kConflict);
}

TEST_F(FeedbackTest, ResultsAndInvitationsAreScopedByDepartment) {
  Resolved(a_);
  // The manager sees the TECH subtree only; the survey is in DESK.
  EXPECT_TRUE(feedback_->ListInvitations(manager_, {}).value().empty());
  EXPECT_EQ(feedback_->GetResults(manager_, {}).value().invitations, 0);
  EXPECT_EQ(feedback_->GetResults(quality_, {}).value().invitations, 1);
}

}  // namespace
}  // namespace sqm::feedback
