// The pure feedback rules: template and answer validation, dispatch matching, low scores and the
// published figures (NPS 30 % - 20 % = +10; Wilson 81/263 -> 0.2553-0.3662; 0/20 -> 0-0.1611).
#include "feedback/rules.h"

#include <gtest/gtest.h>

namespace sqm::feedback {
namespace {

Question Q(std::string id, QuestionKind kind, bool required = false, std::vector<Text> options = {}) {
  return {std::move(id), kind, {"问题", "Question"}, required, std::move(options), 5};
}

Definition Sample() {
  Definition d;
  d.title = {"满意度调查", "Satisfaction survey"};
  d.questions = {Q("csat", QuestionKind::kCsat, true),
                 Q("nps", QuestionKind::kNps),
                 Q("ces", QuestionKind::kCes),
                 Q("pick", QuestionKind::kSingle, false, {{"甲", "A"}, {"乙", "B"}}),
                 Q("many", QuestionKind::kMultiple, false, {{"甲", "A"}, {"乙", "B"}, {"丙", "C"}}),
                 Q("why", QuestionKind::kText)};
  return d;
}

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out{e.field};
  for (const auto& p : e.more) out.push_back(p.field);
  return out;
}

TEST(FeedbackRules, AValidTemplatePasses) {
  EXPECT_TRUE(CheckTemplate("售后回访", Sample()).ok());
}

TEST(FeedbackRules, TemplateProblemsAreAllReportedWithTheirFields) {
  Definition d = Sample();
  d.questions[2].options = {{"x", "x"}};   // a scale with options
  d.questions[3].options = {{"甲", "A"}};  // one option only
  d.questions[4].options[1].en = "";       // a missing translation
  d.questions[5].id = "csat";              // a repeated id
  d.questions.push_back(Q("lk", QuestionKind::kLikert));
  d.questions.back().points = 4;
  const auto st = CheckTemplate("", d);
  ASSERT_FALSE(st.ok());
  const auto fields = Fields(st.error());
  for (const char* f : {"name", "questions[2].options", "questions[3].options", "questions[4].options[1].en",
                        "questions[5].id", "questions[6].points"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
}

TEST(FeedbackRules, AnEmptyTemplateIsRefused) {
  Definition d;
  d.title = {"t", "t"};
  const auto st = CheckTemplate("x", d);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "questions");
}

TEST(FeedbackRules, AnswersAreCheckedAgainstTheQuestions) {
  const Definition d = Sample();
  auto ok = CheckAnswers(d, {{"csat", 5, {}, ""}, {"many", std::nullopt, {2, 0}, ""}, {"why", std::nullopt, {}, "好"}});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  ASSERT_EQ(ok->size(), 3u);
  EXPECT_EQ(ok->at(1).choices, (std::vector<int>{0, 2}));

  auto bad = CheckAnswers(d, {{"nps", 11, {}, ""}, {"pick", 2, {}, ""}, {"nope", 1, {}, ""}});
  ASSERT_FALSE(bad.ok());
  const auto fields = Fields(bad.error());
  for (const char* f : {"answers", "answers.csat", "answers.nps", "answers.pick"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
  auto long_text =
      CheckAnswers(d, {{"csat", 3, {}, ""}, {"why", std::nullopt, {}, std::string(kMaxAnswerText + 1, 'x')}});
  ASSERT_FALSE(long_text.ok());
  EXPECT_EQ(long_text.error().field, "answers.why");
}

TEST(FeedbackRules, DispatchRulesMatchTypeChannelAndCategory) {
  DispatchRule r{.trigger = Trigger::kResolved, .ticket_type = "incident", .channel = "phone", .category_id = 7};
  TicketFacts t{.type = "incident", .channel = "phone", .category_id = 7};
  EXPECT_TRUE(Matches(r, Trigger::kResolved, t));
  EXPECT_FALSE(Matches(r, Trigger::kClosed, t));
  t.channel = "email";
  EXPECT_FALSE(Matches(r, Trigger::kResolved, t));
  r.channel.reset();
  EXPECT_TRUE(Matches(r, Trigger::kResolved, t));
  r.active = false;
  EXPECT_FALSE(Matches(r, Trigger::kResolved, t));
}

TEST(FeedbackRules, InvitationStates) {
  Invitation inv{.send_at = 100, .expires_at = 200};
  EXPECT_EQ(StateOf(inv, 50), InvitationState::kPending);
  EXPECT_EQ(StateOf(inv, 150), InvitationState::kOpen);
  EXPECT_EQ(StateOf(inv, 200), InvitationState::kExpired);
  inv.answered_at = 150;
  EXPECT_EQ(StateOf(inv, 250), InvitationState::kAnswered);
}

TEST(FeedbackRules, LowScoresFollowTheSettings) {
  const Definition d = Sample();
  Settings s;
  EXPECT_EQ(LowScore(s, d, {{"csat", 2, {}, ""}}), "csat=2");
  EXPECT_EQ(LowScore(s, d, {{"csat", 3, {}, ""}, {"nps", 6, {}, ""}}), "nps=6");
  EXPECT_EQ(LowScore(s, d, {{"csat", 3, {}, ""}, {"nps", 7, {}, ""}}), std::nullopt);
  s.csat_low = 3;
  EXPECT_EQ(LowScore(s, d, {{"csat", 3, {}, ""}}), "csat=3");
  EXPECT_EQ(CallbackSatisfied(s, "basically_satisfied"), true);
  s.basically_satisfied_counts = false;
  EXPECT_EQ(CallbackSatisfied(s, "basically_satisfied"), false);
  EXPECT_EQ(CallbackSatisfied(s, "not_rated"), std::nullopt);
}

TEST(FeedbackRules, TheSatisfactionMappingCountsCallbacksAndCsatAlike) {
  Settings s;
  auto satisfied = [](const std::vector<MappedRating>& map) {
    std::vector<std::string> out;
    for (const auto& m : map) {
      if (m.satisfied) out.push_back(m.source + ":" + m.rating);
    }
    return out;
  };
  EXPECT_EQ(SatisfactionMap(s).size(), 8u);  // three rated callback answers, five CSAT scores
  EXPECT_EQ(satisfied(SatisfactionMap(s)),
            (std::vector<std::string>{"callback:satisfied", "callback:basically_satisfied", "csat:4", "csat:5"}));
  s.basically_satisfied_counts = false;
  s.csat_satisfied_from = 3;
  EXPECT_EQ(satisfied(SatisfactionMap(s)),
            (std::vector<std::string>{"callback:satisfied", "csat:3", "csat:4", "csat:5"}));
  s.csat_satisfied_from = 6;
  EXPECT_EQ(CheckSettings(s).error().field, "csat_satisfied_from");
  // The headline is the first question of each kind, answered or not.
  const Definition d = Sample();
  const Headlines h = HeadlinesOf(d, {{"nps", 9, {}, ""}, {"ces", 6, {}, ""}});
  EXPECT_EQ(h.csat, std::nullopt);
  EXPECT_EQ(h.nps, 9);
  EXPECT_EQ(h.ces, 6);
}

TEST(FeedbackRules, WilsonIntervalsOfThePublishedExamples) {
  const Rate a = MakeRate(81, 263);
  ASSERT_TRUE(a.interval);
  EXPECT_NEAR(a.interval->low, 0.2553, 5e-5);
  EXPECT_NEAR(a.interval->high, 0.3662, 5e-5);
  EXPECT_FALSE(a.small_sample);
  const Rate b = MakeRate(0, 20);
  EXPECT_NEAR(b.interval->low, 0, 1e-12);
  EXPECT_NEAR(b.interval->high, 0.1611, 5e-5);
  EXPECT_TRUE(b.small_sample);
  EXPECT_FALSE(MakeRate(0, 0).interval);
}

TEST(FeedbackRules, SummaryGivesCsatNpsCesDistributionsAndGroups) {
  const Definition d = Sample();
  std::vector<AnsweredSurvey> surveys;
  // 10 answers: NPS 3 promoters (9, 10, 10), 5 passives, 2 detractors -> 30 % - 20 % = +10.
  const int nps[] = {9, 10, 10, 7, 7, 8, 8, 7, 3, 6};
  const int csat[] = {5, 5, 4, 4, 4, 3, 3, 2, 1, 5};
  for (int i = 0; i < 10; ++i) {
    AnsweredSurvey s;
    s.invitation.id = i + 1;
    s.invitation.answered_at = 1000 + i;
    s.invitation.attribution = {i < 5 ? std::optional<Id>(1) : std::optional<Id>(2),
                                i < 5 ? "一部" : "二部",
                                std::nullopt,
                                "",
                                "phone",
                                std::nullopt,
                                ""};
    s.answers = {{"csat", csat[i], {}, ""}, {"nps", nps[i], {}, ""}, {"ces", 4 + i % 3, {}, ""}};
    if (i == 0) s.answers.push_back({"why", std::nullopt, {}, "<b>好</b>"});
    s.definition = &d;
    surveys.push_back(s);
  }
  AnsweredSurvey unanswered;
  unanswered.invitation.id = 99;
  unanswered.definition = &d;
  surveys.push_back(unanswered);
  const std::vector<CallbackRating> callbacks = {{1, "satisfied", {1, "一部", {}, "", "phone", {}, ""}, 5},
                                                 {2, "dissatisfied", {2, "二部", {}, "", "phone", {}, ""}, 6},
                                                 {3, "not_rated", {}, 7}};
  const Results r = Summarize(Settings{}, surveys, callbacks, &d);
  EXPECT_EQ(r.invitations, 11);
  EXPECT_EQ(r.response_rate.successes, 10);
  EXPECT_EQ(r.csat.successes, 6);  // 4 and 5
  EXPECT_EQ(r.csat.n, 10);
  ASSERT_TRUE(r.nps.score);
  EXPECT_NEAR(*r.nps.score, 10.0, 1e-9);
  EXPECT_EQ(r.nps.promoters, 3);
  EXPECT_EQ(r.nps.detractors, 2);
  ASSERT_TRUE(r.ces.mean);
  EXPECT_NEAR(*r.ces.mean, (4 + 5 + 6 + 4 + 5 + 6 + 4 + 5 + 6 + 4) / 10.0, 1e-9);
  EXPECT_EQ(r.callback.n, 2);  // not rated is left out
  EXPECT_EQ(r.callback.successes, 1);
  EXPECT_EQ(r.satisfaction.n, 12);
  EXPECT_EQ(r.satisfaction.successes, 7);
  ASSERT_EQ(r.questions.size(), d.questions.size());
  EXPECT_EQ(r.questions[0].distribution.size(), 5u);
  EXPECT_EQ(r.questions[0].distribution[4], (std::pair<int, std::int64_t>{5, 3}));
  EXPECT_EQ(r.questions[1].distribution.size(), 11u);
  EXPECT_EQ(r.questions[5].texts, std::vector<std::string>{"<b>好</b>"});  // kept as written: shown escaped
  ASSERT_EQ(r.by_department.size(), 2u);
  EXPECT_EQ(r.by_department[0].satisfaction.n, 6);
  EXPECT_TRUE(r.by_department[0].satisfaction.small_sample);
  ASSERT_EQ(r.by_channel.size(), 1u);
  EXPECT_EQ(r.by_channel[0].key, "phone");
  // The mapping moves satisfaction, never CSAT %: 3 counts as satisfied, 基本满意 does not.
  Settings strict;
  strict.csat_satisfied_from = 3;
  const Results m = Summarize(strict, surveys, callbacks, &d);
  EXPECT_EQ(m.csat.successes, 6);
  EXPECT_EQ(m.satisfaction.successes, 9);  // 8 answers of 3-5 and one satisfied callback
}

}  // namespace
}  // namespace sqm::feedback
