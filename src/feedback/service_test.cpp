// Surveys through the real desk, storage and a manual clock: a resolution sends a survey by rule,
// the link is single-use and expires, a low score opens a follow-up, callback ratings count, and
// the fact sources give assessment's measures (CSAT, NPS, CES, response rate, satisfaction) with
// worked numbers (SQLite, or PostgreSQL under SQM_TEST_DB=postgres).
#include "feedback/service.h"

#include <gtest/gtest.h>

#include "assessment/measure_source.h"
#include "desk/repo/facts.h"
#include "desk/test_fixture.h"
#include "feedback/facts.h"
#include "feedback/mailer.h"

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

// Scope is part of the query, so a limit counts only what the caller may see.
TEST_F(FeedbackTest, ScopeIsAppliedInTheQueryBeforeTheLimit) {
  const Ticket older = Resolved(a_);
  const Ticket newer = Resolved(b_);
  ASSERT_TRUE(db_->Write("test",
                         [&](storage::WriteTx& tx) -> Status {
                           return tx.db().Exec("UPDATE survey_invitations SET department_id = ? WHERE ticket_id = ?",
                                               {tech_dept_, newer.id});
                         })
                  .ok());
  const auto tech = feedback_->ListInvitations(manager_, {.limit = 1}).value();
  ASSERT_EQ(tech.size(), 1u);
  EXPECT_EQ(tech[0].ticket_id, newer.id);
  const auto desk = feedback_->ListInvitations(agent_, {.limit = 1}).value();
  ASSERT_EQ(desk.size(), 1u);
  EXPECT_EQ(desk[0].ticket_id, older.id);
  EXPECT_EQ(feedback_->GetResults(manager_, {}).value().invitations, 1);
  EXPECT_EQ(feedback_->GetResults(quality_, {}).value().invitations, 2);
}

// 12 surveys due, 10 answered: CSAT 5 5 4 4 4 3 3 2 1 5 (6 of 10 are 4-5: 60 %), NPS 9 10 10 7 7 8
// 8 7 3 6 (3 promoters, 2 detractors: +10), CES 4 5 6 4 5 6 4 5 6 4 (mean 4.9); callbacks 满意,
// 基本满意, 不满意. Satisfaction by default: (6 + 2) / 13; with 3 counted satisfied and 基本满意
// not: (8 + 1) / 13. Everything is charged to the resolver and their department at the time.
TEST_F(FeedbackTest, AssessmentMeasuresCountSurveysAndCallbacksThroughTheMapping) {
  ASSERT_TRUE(feedback_->DeactivateRule(quality_, feedback_->ListRules().value().at(0).id).ok());
  ASSERT_TRUE(feedback_->CreateRule(quality_, {.template_id = template_, .trigger = Trigger::kResolved}).ok());
  auto tmpl = feedback_->GetTemplate(template_, std::nullopt).value();
  tmpl.definition.questions.push_back({"ces", QuestionKind::kCes, {"省力吗", "Easy?"}, false, {}, 5});
  tmpl.definition.questions.push_back({"ces2", QuestionKind::kCes, {"再问", "Again?"}, false, {}, 5});
  ASSERT_TRUE(feedback_->UpdateTemplate(quality_, template_, tmpl.name, tmpl.definition, std::nullopt).ok());

  const TimeMs from = clock_.Now();
  const int csat[] = {5, 5, 4, 4, 4, 3, 3, 2, 1, 5};
  const int nps[] = {9, 10, 10, 7, 7, 8, 8, 7, 3, 6};
  std::vector<Id> tickets;
  for (int i = 0; i < 12; ++i) {
    const Ticket t = Resolved(i % 2 ? a_ : b_);
    tickets.push_back(t.id);
    if (i >= 10) continue;  // due, never answered
    const auto link = feedback_->IssueLink(agent_, Invitations(t.id).at(0).id).value();
    // The second CES question is no headline: only the first counts.
    ASSERT_TRUE(
        feedback_
            ->SubmitAnswers(
                link.token,
                {{"csat", csat[i], {}, ""}, {"nps", nps[i], {}, ""}, {"ces", 4 + i % 3, {}, ""}, {"ces2", 1, {}, ""}})
            .ok());
    clock_.Advance(1000);
  }
  for (auto [i, rating] :
       {std::pair{0, desk::Satisfaction::kSatisfied}, std::pair{1, desk::Satisfaction::kBasicallySatisfied},
        std::pair{2, desk::Satisfaction::kDissatisfied}}) {
    ActionInput cb{.action = Action::kCallback, .reached = true};
    cb.resolved = desk::CallbackResolved::kResolved;
    cb.satisfaction = rating;
    ASSERT_TRUE(desk_->Act(agent_, tickets[static_cast<std::size_t>(i)], cb).ok());
  }
  clock_.Advance(1000);

  assessment::FactRegistry registry;
  registry.Register(desk::repo::FactSources());
  registry.Register(FactSources());
  assessment::SqlMeasureSource source(*db_, registry);
  const std::vector<std::string> codes = {"csat", "nps", "ces_mean", "survey_response_rate", "customer_satisfaction"};
  auto values = [&](assessment::SubjectKind kind, Id subject) {
    auto t = source.Values({kind, codes, from, clock_.Now(), std::vector<Id>{subject}});
    EXPECT_TRUE(t.ok()) << t.error().message;
    std::map<std::string, std::pair<double, long long>> out;
    if (!t.ok() || !t->contains(subject)) return out;
    for (const auto& [code, v] : t->at(subject)) out[code] = {v.value.has_value() ? v.value.value() : -1, v.sample};
    return out;
  };
  auto check = [&](double satisfaction) {
    for (auto [kind, subject] : {std::pair{assessment::SubjectKind::kStaff, agent_.staff_id},
                                 std::pair{assessment::SubjectKind::kDepartment, desk_dept_}}) {
      auto v = values(kind, subject);
      ASSERT_EQ(v.size(), codes.size()) << subject;
      EXPECT_NEAR(v["csat"].first, 60, 1e-9);
      EXPECT_EQ(v["csat"].second, 10);
      EXPECT_NEAR(v["nps"].first, 10, 1e-9);
      EXPECT_NEAR(v["ces_mean"].first, 4.9, 1e-9);
      EXPECT_NEAR(v["survey_response_rate"].first, 100.0 * 10 / 12, 1e-9);
      EXPECT_EQ(v["survey_response_rate"].second, 12);
      EXPECT_NEAR(v["customer_satisfaction"].first, satisfaction, 1e-9);
      EXPECT_EQ(v["customer_satisfaction"].second, 13);
    }
  };
  check(100.0 * 8 / 13);

  // The mapping follows the settings; CSAT % stays the share of 4 and 5.
  Settings s = feedback_->GetSettings().value();
  s.csat_satisfied_from = 3;
  s.basically_satisfied_counts = false;
  ASSERT_TRUE(feedback_->SaveSettings(quality_, s).ok());
  check(100.0 * 9 / 13);
  EXPECT_EQ(feedback_->GetResults(quality_, {}).value().satisfaction.successes, 9);

  // The resolver moving to another department later does not move the facts; answers from before
  // the scores were kept, and a lost mapping, are put right at start.
  ASSERT_TRUE(
      db_->Write(
             "test",
             [&](storage::WriteTx& tx) -> Status {
               SQM_TRY(tx.db().Exec("UPDATE staff SET department_id = ? WHERE id = ?", {tech_dept_, agent_.staff_id}));
               SQM_TRY(tx.db().Exec("UPDATE survey_invitations SET csat = NULL, nps = NULL, ces = NULL, scored = 0"));
               return tx.db().Exec("DELETE FROM survey_satisfaction_map");
             })
          .ok());
  ASSERT_TRUE(feedback_->Prepare().ok());
  EXPECT_EQ(Count("SELECT count(*) FROM survey_invitations WHERE scored = 1"), 10);
  check(100.0 * 9 / 13);
  EXPECT_TRUE(values(assessment::SubjectKind::kDepartment, tech_dept_).empty());
}

// E-mail: the invitation mail goes out once when due, with a working link; one reminder after
// reminder_days with a new link (the first stops working); nothing once answered or expired; a
// refused mail is given back and tried again, at most kMaxMailAttempts times.
TEST_F(FeedbackTest, SurveyMailGoesOutOnceThenOneReminderAndAFailureIsTriedAgain) {
  ASSERT_TRUE(feedback_->DeactivateRule(quality_, feedback_->ListRules().value().at(0).id).ok());
  ASSERT_TRUE(feedback_->CreateRule(quality_, {.template_id = template_, .trigger = Trigger::kResolved}).ok());
  ASSERT_TRUE(db_->Write("test",
                         [&](storage::WriteTx& tx) -> Status {
                           return tx.db().Exec("UPDATE customers SET email = 'a@example.org' WHERE id = ?", {a_});
                         })
                  .ok());
  std::vector<smtp::Mail> sent;
  bool refuse = false;
  Mailer mailer(*feedback_, {.base_url = "https://sqm.example.org"}, [&](const smtp::Options&, const smtp::Mail& m) {
    if (refuse) return Status(Error(ErrorCode::kUnavailable, "connection refused"));
    sent.push_back(m);
    return Status{};
  });
  auto token_of = [](const smtp::Mail& m) {
    const auto at = m.body.find("https://sqm.example.org/answer.html#t=");
    EXPECT_NE(at, std::string::npos) << m.body;
    return at == std::string::npos ? std::string() : m.body.substr(at + 38, 32);
  };

  const Ticket t = Resolved(a_);
  Resolved(b_);  // no e-mail address: no mail
  refuse = true;
  EXPECT_EQ(mailer.RunOnce().value(), 0);
  EXPECT_EQ(Count("SELECT mail_attempts FROM survey_invitations WHERE ticket_id = " + std::to_string(t.id)), 1);
  EXPECT_EQ(CountEvents("survey.mail_failed"), 1);
  refuse = false;
  ASSERT_EQ(mailer.RunOnce().value(), 1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].to, "a@example.org");
  EXPECT_EQ(sent[0].subject, "服务满意度 / Service satisfaction");
  const std::string first = token_of(sent[0]);
  EXPECT_EQ(feedback_->Open(first)->state, InvitationState::kOpen);
  EXPECT_EQ(mailer.RunOnce().value(), 0);  // once

  clock_.Advance(3LL * 24 * 3600 * 1000 - 1000);
  EXPECT_EQ(mailer.RunOnce().value(), 0);
  clock_.Advance(1000);
  ASSERT_EQ(mailer.RunOnce().value(), 1);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].subject, "提醒：服务满意度 / Reminder: Service satisfaction");
  const std::string second = token_of(sent[1]);
  EXPECT_EQ(feedback_->Open(first).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(feedback_->SubmitAnswers(second, {{"csat", 5, {}, ""}}).ok());
  clock_.Advance(30LL * 24 * 3600 * 1000);
  EXPECT_EQ(mailer.RunOnce().value(), 0);  // one reminder only
  EXPECT_EQ(CountEvents("survey.mailed"), 1);
  EXPECT_EQ(CountEvents("survey.reminded"), 1);

  // Unanswered and expired: no reminder. A mail server that keeps refusing: five tries.
  Resolved(a_);
  ASSERT_EQ(mailer.RunOnce().value(), 1);
  clock_.Advance(15LL * 24 * 3600 * 1000);
  EXPECT_EQ(mailer.RunOnce().value(), 0);
  const Ticket v = Resolved(a_);
  refuse = true;
  for (int i = 0; i < kMaxMailAttempts + 2; ++i) EXPECT_EQ(mailer.RunOnce().value(), 0);
  EXPECT_EQ(Count("SELECT mail_attempts FROM survey_invitations WHERE ticket_id = " + std::to_string(v.id)),
            kMaxMailAttempts);
}

// A campaign over 30 standard customers of the service desk and 10 gold customers of technical
// support, each with a ticket this week: N = 40 at +-5 %, 95 % -> 37 (36.36 rounded up), by tier
// 27.75 and 9.25 -> 28 and 9.
class CampaignTest : public FeedbackTest {
 protected:
  void SetUp() override {
    FeedbackTest::SetUp();
    for (int i = 0; i < 40; ++i) {
      const bool gold = i >= 30;
      auto c = catalogue_->CreateCustomer(
          agent_, {"客户" + std::to_string(i), "person", std::nullopt, gold ? "gold" : "standard",
                   "1380000" + std::to_string(1000 + i), i % 4 == 0 ? "" : "c" + std::to_string(i) + "@example.org",
                   std::nullopt});
      ASSERT_TRUE(c.ok()) << c.error().message;
      desk::TicketDraft d;
      d.registration = {desk::TicketType::kRequest, desk::Channel::kPhone, 3, "咨询", "问题", c->id, vpn_};
      d.department_id = gold ? tech_dept_ : desk_dept_;
      ASSERT_TRUE(desk_->Register(agent_, d).ok());
    }
  }

  CampaignDraft Draft(std::string name, StratifyBy by, std::optional<std::uint64_t> seed) {
    return {.name = std::move(name),
            .template_id = template_,
            .filter = {.from = desk::Shanghai(0, 0), .to = desk::Shanghai(7, 0), .tiers = {"standard", "gold"}},
            .stratify_by = by,
            .seed = seed};
  }

  // The customers a campaign invited, in id order.
  std::vector<Id> Invited(Id campaign) {
    return db_->Read([&](storage::Connection& c) {
      std::vector<Id> out;
      for (const auto& r : c.Query(
               "SELECT customer_id FROM survey_invitations WHERE campaign_id = ? ORDER BY customer_id", {campaign})) {
        out.push_back(r.Int(0));
      }
      return out;
    });
  }
};

TEST_F(CampaignTest, AStratifiedCampaignInvitesItsSampleReproducibly) {
  auto preview = feedback_->PreviewCampaign(Draft("", StratifyBy::kTier, 42));
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  EXPECT_EQ(preview->plan.population, 40);
  EXPECT_EQ(preview->plan.sample_size, 37);
  ASSERT_EQ(preview->plan.strata.size(), 2u);
  EXPECT_EQ(preview->plan.strata[0].key, "gold");
  EXPECT_EQ(preview->plan.strata[0].sample, 9);
  EXPECT_EQ(preview->plan.strata[1].sample, 28);
  EXPECT_EQ(preview->drawn, 37);

  auto c = feedback_->CreateCampaign(quality_, Draft("年度满意度调查", StratifyBy::kTier, 42));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->seed, 42u);
  EXPECT_EQ(Invited(c->id).size(), 37u);
  EXPECT_EQ(CountEvents("survey.campaign_created"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM survey_invitations WHERE campaign_id = " + std::to_string(c->id) +
                  " AND stratum = 'gold' AND department_id = " + std::to_string(tech_dept_)),
            9);
  // The same population and seed draw the same customers; the recorded seed says which.
  auto again = feedback_->CreateCampaign(quality_, Draft("复核", StratifyBy::kTier, c->seed));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Invited(again->id), Invited(c->id));
  // Without a seed one is drawn and recorded.
  auto random = feedback_->CreateCampaign(quality_, Draft("随机", StratifyBy::kNone, std::nullopt));
  ASSERT_TRUE(random.ok());
  EXPECT_LE(random->seed, kMaxSeed);
  EXPECT_EQ(feedback_->GetCampaignProgress(random->id)->campaign.seed, random->seed);

  // Mail goes out like every invitation (customers with an address); answers count per stratum.
  std::vector<smtp::Mail> sent;
  Mailer mailer(*feedback_, {.base_url = "https://sqm.example.org", .batch = 500},
                [&](const smtp::Options&, const smtp::Mail& m) {
                  sent.push_back(m);
                  return Status{};
                });
  ASSERT_TRUE(mailer.RunOnce().ok());
  const auto invited = feedback_->ListInvitations(quality_, {.limit = 500}).value();
  int answered_gold = 0;
  for (const auto& inv : invited) {
    if (inv.campaign_id != c->id || inv.stratum != "gold" || answered_gold == 3) continue;
    auto link = feedback_->IssueLink(quality_, inv.id);
    ASSERT_TRUE(link.ok());
    ASSERT_TRUE(feedback_->SubmitAnswers(link->token, {{"csat", 5, {}, ""}}).ok());
    ++answered_gold;
  }
  auto progress = feedback_->GetCampaignProgress(c->id);
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(progress->total.invited, 37);
  EXPECT_EQ(progress->total.answered, 3);
  EXPECT_GT(progress->total.sent, 20);  // three in four have an address, and the 3 links
  ASSERT_EQ(progress->strata.size(), 2u);
  EXPECT_EQ(progress->strata[0].key, "gold");
  EXPECT_EQ(progress->strata[0].answered, 3);
  EXPECT_EQ(progress->strata[0].response_rate.n, 9);
  ASSERT_TRUE(progress->strata[0].response_rate.interval);
  EXPECT_NEAR(progress->strata[0].response_rate.interval->p, 3.0 / 9, 1e-12);
  EXPECT_EQ(progress->strata[1].answered, 0);
  clock_.Advance(15LL * 24 * 3600 * 1000);
  EXPECT_EQ(feedback_->GetCampaignProgress(c->id)->total.expired, 34);
}

TEST_F(CampaignTest, ADraftWithProblemsNamesThemAll) {
  auto d = Draft("", StratifyBy::kDepartment, 1);
  d.template_id = 999;
  d.filter.to = d.filter.from;
  d.question.margin = 0;
  d.filter.department_ids = {desk_dept_, 12345};
  auto r = feedback_->CreateCampaign(quality_, d);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields{r.error().field};
  for (const auto& p : r.error().more) fields.push_back(p.field);
  for (const char* f : {"name", "template_id", "to", "margin", "department_ids[1]"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
  // Nobody fits: the population is named.
  auto empty = Draft("空", StratifyBy::kNone, 1);
  empty.filter.tiers = {"platinum"};
  EXPECT_EQ(feedback_->PreviewCampaign(empty).error().field, "population");
  // A department filter takes its subtree: the service desk's 30.
  auto desk_only = Draft("客服部", StratifyBy::kDepartment, 1);
  desk_only.filter.department_ids = {desk_dept_};
  EXPECT_EQ(feedback_->PreviewCampaign(desk_only)->plan.population, 30);
  EXPECT_EQ(Count("SELECT count(*) FROM survey_campaigns"), 0);
}

}  // namespace
}  // namespace sqm::feedback

namespace sqm::feedback {
namespace {

// An external agency's file: refused whole while a ticket or department is unknown; imported, its
// answers count in the results (by source) and in the fact sources, charged to the ticket's
// resolver and department or to the department named; its comments are tagged and searchable.
TEST_F(FeedbackTest, AgencyResultsImportAllOrNothingAndCountInResultsAndFacts) {
  const TimeMs from = clock_.Now();
  const Ticket t = Resolved(a_);
  clock_.Advance(60'000);
  const std::string day = calendar::Zone().Format(clock_.Now() - 1000);
  const std::string header = "agency,surveyed_on,ticket,department,csat,satisfaction,nps,comment\n";
  auto bad = feedback_->ImportAgency(quality_, desk::import::Format::kCsv,
                                     header + "X," + day + ",T999999,,5,,,\nX," + day + ",,NOPE,4,,,\n", "a.csv");
  ASSERT_TRUE(bad.ok()) << bad.error().message;
  ASSERT_EQ(bad->error_count, 2);
  EXPECT_EQ(bad->errors[0].line, 2);
  EXPECT_EQ(bad->errors[0].key, "agency.unknown_ticket");
  EXPECT_EQ(bad->errors[1].line, 3);
  EXPECT_EQ(bad->errors[1].column, "department");
  EXPECT_EQ(Count("SELECT count(*) FROM survey_agency_results"), 0);

  const std::string csv = header + "某调查公司," + day + "," + t.number + ",,5,,10,客服态度很好\n" + "某调查公司," +
                          day + ",,desk,2,,,收费太贵\n" + "某调查公司," + day + ",,DESK,,不满意,,\n";
  auto ok = feedback_->ImportAgency(quality_, desk::import::Format::kCsv, csv, "agency.csv");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  ASSERT_EQ(ok->error_count, 0) << ok->errors.at(0).reason;
  EXPECT_EQ(ok->rows, 3);
  EXPECT_EQ(CountEvents("survey.agency_imported"), 1);

  auto agency = feedback_->GetResults(quality_, {.source = Source::kAgency}).value();
  EXPECT_EQ(agency.agency_answers, 3);
  EXPECT_EQ(agency.csat.n, 2);
  EXPECT_EQ(agency.csat.successes, 1);
  EXPECT_EQ(agency.nps.promoters, 1);
  EXPECT_EQ(agency.satisfaction.n, 3);
  EXPECT_EQ(agency.satisfaction.successes, 1);
  EXPECT_EQ(agency.response_rate.n, 0);
  EXPECT_EQ(feedback_->GetResults(quality_, {.source = Source::kLink}).value().agency_answers, 0);
  EXPECT_EQ(feedback_->GetResults(quality_, {}).value().agency_answers, 3);
  // A campaign's results have only its surveys; a template keeps the callbacks, not the agency answers.
  const auto campaign = feedback_->GetResults(quality_, {.campaign_id = 999}).value();
  EXPECT_EQ(campaign.agency_answers, 0);
  EXPECT_EQ(campaign.invitations, 0);
  EXPECT_EQ(feedback_->GetResults(quality_, {.template_id = template_}).value().agency_answers, 0);
  EXPECT_EQ(feedback_->GetResults(quality_, {.source = Source::kLink}).value().invitations, 1);
  const auto trend = feedback_->GetTrend(quality_, {.source = Source::kAgency}, TrendBucket::kMonth).value();
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(trend[0].satisfaction.n, 3);

  clock_.Advance(1000);
  assessment::FactRegistry registry;
  registry.Register(desk::repo::FactSources());
  registry.Register(FactSources());
  assessment::SqlMeasureSource source(*db_, registry);
  auto value = [&](assessment::SubjectKind kind, Id subject, const std::string& code) {
    auto v = source.Values({kind, {code}, from, clock_.Now(), std::vector<Id>{subject}});
    EXPECT_TRUE(v.ok()) << v.error().message;
    const auto& m = v->at(subject).at(code);
    return std::pair{m.value.has_value() ? m.value.value() : -1, m.sample};
  };
  EXPECT_NEAR(value(assessment::SubjectKind::kDepartment, desk_dept_, "customer_satisfaction").first, 100.0 / 3, 1e-9);
  EXPECT_EQ(value(assessment::SubjectKind::kDepartment, desk_dept_, "customer_satisfaction").second, 3);
  EXPECT_NEAR(value(assessment::SubjectKind::kDepartment, desk_dept_, "csat").first, 50, 1e-9);
  EXPECT_EQ(value(assessment::SubjectKind::kStaff, agent_.staff_id, "customer_satisfaction").second, 1);
  EXPECT_NEAR(value(assessment::SubjectKind::kStaff, agent_.staff_id, "nps").first, 100, 1e-9);

  auto found = feedback_->ListTexts(quality_, {.q = "态度"}).value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].source, Source::kAgency);
  EXPECT_EQ(found[0].ticket_number, t.number);
  EXPECT_EQ(found[0].topics, (std::vector<std::string>{"attitude"}));
  EXPECT_TRUE(feedback_->ListTexts(quality_, {.q = "%"}).value().empty());  // % is escaped
  const auto summary = feedback_->SummarizeTexts(quality_, {}).value();
  EXPECT_EQ(summary.texts, 2);
  for (const auto& c : summary.topics) {
    EXPECT_EQ(c.count, c.topic.key == "attitude" || c.topic.key == "fees" ? 1 : 0) << c.topic.key;
  }
  // An edited dictionary tags the stored answers at once.
  auto topics = feedback_->GetTopics().value();
  topics.push_back({"price", {"价格", "Price"}, {"太贵"}});
  ASSERT_TRUE(feedback_->SaveTopics(quality_, topics).ok());
  EXPECT_EQ(feedback_->ListTexts(quality_, {.topic = "price"}).value().size(), 1u);
}

}  // namespace
}  // namespace sqm::feedback
