#include "inspection/scorecard.h"

#include <gtest/gtest.h>

#include "base/json.h"
#include "inspection/agreement.h"
#include "inspection/json.h"

namespace sqm::inspection {
namespace {

Answer Value(double v) {
  return {.value = v};
}
const Answer kNa{.not_applicable = true};

// Four sections of one "points" item each, with these maxima.
Scorecard Points(std::vector<double> max, std::vector<double> weights = {}) {
  Scorecard card;
  for (std::size_t s = 0; s < max.size(); ++s) {
    card.sections.push_back(
        {.code = "s" + std::to_string(s),
         .weight = weights.empty() ? 0 : weights[s],
         .items = {{.code = "i" + std::to_string(s), .scale = Scale::kPoints, .max_points = max[s]}}});
  }
  if (!weights.empty()) card.method = CardMethod::kSectionWeights;
  return card;
}

std::map<std::string, Answer> Answers(std::vector<Answer> v) {
  std::map<std::string, Answer> out;
  for (std::size_t i = 0; i < v.size(); ++i) out.emplace("i" + std::to_string(i), v[i]);
  return out;
}

TEST(ScoreCard, TotalPointsPublishedExample) {
  const Scorecard card = Points({5, 10, 15, 5});
  ASSERT_TRUE(CheckScorecard(card).ok());
  auto r = ScoreCard(card, Answers({Value(3), Value(5), Value(8), Value(5)}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->earned, 21);
  EXPECT_EQ(r->possible, 35);
  EXPECT_NEAR(*r->percent, 60, 1e-12);
  // The last section N/A leaves both earned and possible: 16 / 30.
  auto na = ScoreCard(card, Answers({Value(3), Value(5), Value(8), kNa}));
  ASSERT_TRUE(na.ok());
  EXPECT_EQ(na->earned, 16);
  EXPECT_EQ(na->possible, 30);
  EXPECT_NEAR(*na->percent, 53.3, 5e-2);
  EXPECT_NEAR(*na->percent, 160.0 / 3, 1e-12);
  EXPECT_FALSE(na->sections[3].percent.has_value());
}

TEST(ScoreCard, SectionWeightsPublishedExample) {
  const Scorecard card = Points({3, 10, 5, 2}, {10, 30, 50, 10});
  ASSERT_TRUE(CheckScorecard(card).ok());
  auto r = ScoreCard(card, Answers({Value(3), Value(5), Value(4), Value(1)}));
  ASSERT_TRUE(r.ok());
  // 10 % x 100 + 30 % x 50 + 50 % x 80 + 10 % x 50.
  EXPECT_NEAR(*r->percent, 70, 1e-12);
  Scorecard total = card;
  total.method = CardMethod::kTotalPoints;
  EXPECT_NEAR(*ScoreCard(total, Answers({Value(3), Value(5), Value(4), Value(1)}))->percent, 65, 1e-12);
  // A wholly N/A section leaves, and the other weights count for the whole: (10 + 15 + 40) / 90.
  auto na = ScoreCard(card, Answers({Value(3), Value(5), Value(4), kNa}));
  EXPECT_NEAR(*na->percent, 65.0 / 0.9, 1e-12);
}

TEST(ScoreCard, ScalesMapToPoints) {
  Scorecard card{.sections = {{.code = "conduct",
                               .items = {{.code = "greeting", .scale = Scale::kYesNo, .max_points = 2},
                                         {.code = "tone", .scale = Scale::kThreePoint, .max_points = 4},
                                         {.code = "accuracy", .scale = Scale::kFourPoint, .max_points = 3},
                                         {.code = "empathy", .scale = Scale::kFivePoint, .max_points = 8}}}}};
  ASSERT_TRUE(CheckScorecard(card).ok());
  auto r = ScoreCard(card, {{"greeting", Value(1)}, {"tone", Value(2)}, {"accuracy", Value(3)}, {"empathy", Value(4)}});
  ASSERT_TRUE(r.ok());
  // 2 + 4 x 1/2 + 3 x 2/3 + 8 x 3/4 = 12 of 17.
  EXPECT_NEAR(r->earned, 12, 1e-12);
  EXPECT_EQ(r->possible, 17);
  auto bad = ScoreCard(card, {{"greeting", Value(2)}, {"tone", Value(2.5)}, {"accuracy", Value(0)}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "answers.greeting");
  ASSERT_EQ(bad.error().more.size(), 3u);
  EXPECT_EQ(bad.error().more[0].field, "answers.tone");
  EXPECT_EQ(bad.error().more[0].message, "must be a whole rating from 1 to 3");
  EXPECT_EQ(bad.error().more[1].field, "answers.accuracy");
  EXPECT_EQ(bad.error().more[2].field, "answers.empathy");
  EXPECT_EQ(bad.error().more[2].key, "field.required");
}

TEST(ScoreCard, CriticalItemsFailTheSectionOrTheCard) {
  Scorecard card{.sections = {{.code = "identity",
                               .items = {{.code = "verified", .critical = Critical::kFailsSection},
                                         {.code = "recorded", .max_points = 3}}},
                              {.code = "compliance",
                               .items = {{.code = "disclosure", .critical = Critical::kFailsCard},
                                         {.code = "script", .scale = Scale::kPoints, .max_points = 4}}}},
                 .pass_mark = 80};
  ASSERT_TRUE(CheckScorecard(card).ok());
  auto section =
      ScoreCard(card, {{"verified", Value(0)}, {"recorded", Value(1)}, {"disclosure", Value(1)}, {"script", Value(4)}});
  ASSERT_TRUE(section.ok());
  EXPECT_TRUE(section->sections[0].failed);
  EXPECT_EQ(section->sections[0].earned, 0);
  EXPECT_NEAR(*section->percent, 100.0 * 5 / 9, 1e-12);
  EXPECT_FALSE(section->failed);
  EXPECT_FALSE(section->passed);
  EXPECT_EQ(section->critical_failures, std::vector<std::string>{"verified"});

  auto whole =
      ScoreCard(card, {{"verified", Value(1)}, {"recorded", Value(1)}, {"disclosure", Value(0)}, {"script", Value(4)}});
  ASSERT_TRUE(whole.ok());
  EXPECT_TRUE(whole->failed);
  EXPECT_EQ(*whole->percent, 0);
  EXPECT_NEAR(*whole->percent_before_failure, 800.0 / 9, 1e-12);
  EXPECT_FALSE(whole->passed);

  auto pass =
      ScoreCard(card, {{"verified", Value(1)}, {"recorded", Value(1)}, {"disclosure", Value(1)}, {"script", Value(3)}});
  EXPECT_NEAR(*pass->percent, 800.0 / 9, 1e-12);  // 4 + 1 + 3 of 9
  EXPECT_TRUE(pass->passed);
  // A critical item answered N/A does not fail anything.
  auto na = ScoreCard(card, {{"verified", kNa}, {"recorded", Value(1)}, {"disclosure", kNa}, {"script", Value(4)}});
  EXPECT_FALSE(na->failed);
  EXPECT_TRUE(na->critical_failures.empty());
}

TEST(ScoreCard, BonusItemsAddEarnedButNotPossible) {
  Scorecard card{
      .sections = {{.code = "service",
                    .items = {{.code = "resolved", .max_points = 8, .critical = Critical::kNone},
                              {.code = "extra_mile", .scale = Scale::kPoints, .max_points = 2, .bonus = true}}}}};
  auto r = ScoreCard(card, {{"resolved", Value(0)}, {"extra_mile", Value(2)}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->possible, 8);
  EXPECT_EQ(r->earned, 2);
  EXPECT_NEAR(*r->percent, 25, 1e-12);
  // Never above 100 %.
  EXPECT_EQ(*ScoreCard(card, {{"resolved", Value(1)}, {"extra_mile", Value(2)}})->percent, 100);
}

TEST(ScoreCard, NaOnlyWhereTheItemAllowsIt) {
  Scorecard card = Points({5, 10});
  card.sections[1].items[0].na_allowed = false;
  auto refused = ScoreCard(card, Answers({kNa, kNa}));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "answers.i1");
  EXPECT_TRUE(refused.error().more.empty());
  auto r = ScoreCard(card, Answers({kNa, Value(5)}));
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(*r->percent, 50, 1e-12);
}

TEST(ScorecardJson, NaAllowedDefaultsToTrueAndRoundTrips) {
  // A card stored before the field existed allows N/A on every item.
  const Scorecard old = ParseStoredScorecard(
      R"({"method": "total_points", "sections": [{"code": "s", "items": [{"code": "i", "scale": "yes_no", "max_points": 1}]}]})");
  ASSERT_EQ(old.sections.size(), 1u);
  EXPECT_TRUE(old.sections[0].items[0].na_allowed);
  Scorecard card = Points({3});
  card.sections[0].items[0].na_allowed = false;
  const Scorecard back = ParseStoredScorecard(json::Serialize(ScorecardJson(card)));
  EXPECT_FALSE(back.sections[0].items[0].na_allowed);
}

TEST(ScoreCard, NothingApplicableIsNoScoreNotZero) {
  auto r = ScoreCard(Points({5, 10}), Answers({kNa, kNa}));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->percent.has_value());
  EXPECT_FALSE(r->passed);
}

TEST(CheckScorecard, NamesEveryProblem) {
  Scorecard card = Points({3, 10, 5, 2}, {10, 30, 50, 5});
  card.sections[1].items[0].max_points = 0;
  card.sections[2].code = "s0";
  card.sections[3].items.push_back({.code = "x", .critical = Critical::kFailsCard, .bonus = true});
  card.pass_mark = 120;
  auto st = CheckScorecard(card);
  ASSERT_FALSE(st.ok());
  std::vector<std::string> fields = {st.error().field};
  for (const auto& m : st.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"sections[1].items[0].max_points", "sections[2].code",
                                              "sections[3].items[1].critical", "sections", "pass_mark"}));
  EXPECT_EQ(st.error().more[2].message, "weights add up to 95 %, not 100 %");
}

TEST(CheckScorecard, LimitsNamesAndGuidanceLengths) {
  Scorecard card = Points({5});
  card.sections[0].items[0].guidance = std::string(kMaxGuidanceChars + 1, 'x');
  card.sections[0].name = std::string(kMaxNameChars, 'y');  // at the limit: fine
  Problems p;
  CheckScorecard(card, p);
  CheckScorecardName("", p);
  auto e = p.Take();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->field, "sections[0].items[0].guidance");
  ASSERT_EQ(e->more.size(), 1u);
  EXPECT_EQ(e->more[0].field, "name");
}

TEST(ScorecardJson, RoundTripsAndNamesShapeProblems) {
  Scorecard card = Points({3, 10}, {40, 60});
  card.sections[1].items[0].critical = Critical::kFailsCard;
  card.sections[1].items[0].guidance = "不得使用服务忌语";
  card.pass_mark = 85;
  const Scorecard back = ParseStoredScorecard(json::Serialize(ScorecardJson(card)));
  EXPECT_EQ(json::Serialize(ScorecardJson(back)), json::Serialize(ScorecardJson(card)));
  EXPECT_EQ(back.method, CardMethod::kSectionWeights);

  auto body =
      json::Parse(R"({"method": "median", "sections": [{"code": "s", "items": [{"code": "i", "scale": "ten"}]}]})");
  ASSERT_TRUE(body.ok());
  Problems p;
  ReadScorecard(body->get_object(), p);
  auto e = p.Take();
  ASSERT_TRUE(e.has_value());
  std::vector<std::string> fields = {e->field};
  for (const auto& m : e->more) fields.push_back(m.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"method", "sections[0].items[0].scale", "sections[0].items[0].max_points"}));
}

TEST(ShareWithin, TenPoints) {
  const std::vector<double> a = {80, 90, 70, 100}, b = {90, 75, 70, 89.5};
  EXPECT_EQ(*ShareWithin(a, b, 10), 0.5);
  EXPECT_EQ(ShareWithin(a, std::vector<double>{1}, 10).error().field, "b");
  EXPECT_EQ(ShareWithin({}, {}, 10).error().field, "a");
  EXPECT_EQ(ShareWithin(a, b, -1).error().field, "tolerance");
}

}  // namespace
}  // namespace sqm::inspection
