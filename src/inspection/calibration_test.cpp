// The revealed results of a calibration session: the published kappa example through the
// session's own computation, the 0-100 item scale, the order of the items and the checks.
#include "inspection/calibration.h"

#include <gtest/gtest.h>

namespace sqm::inspection {
namespace {

// Eight three-point items q1..q8.
Scorecard ThreePoint() {
  Scorecard card{.pass_mark = 60};
  Section s{.code = "s1"};
  for (int k = 1; k <= 8; ++k) {
    s.items.push_back({.code = "q" + std::to_string(k), .scale = Scale::kThreePoint, .max_points = 2});
  }
  card.sections.push_back(s);
  return card;
}

CalibrationScore Scored(Id id, ParticipantRole role, const std::vector<double>& ratings) {
  CalibrationScore c{.staff_id = id, .role = role, .submitted_at = 1};
  for (std::size_t k = 0; k < ratings.size(); ++k) c.answers["q" + std::to_string(k + 1)] = {.value = ratings[k]};
  return c;
}

TEST(Calibration, ThePublishedKappaExampleAgainstTheExpert) {
  // [1,1,2,2,3,3,1,3] vs [1,3,2,1,3,2,1,3] -> 0.4286 / 0.4667 / 0.5 (base/stats.h).
  const auto results = Reveal(ThreePoint(), {Scored(11, ParticipantRole::kReviewer, {1, 1, 2, 2, 3, 3, 1, 3}),
                                             Scored(12, ParticipantRole::kReviewer, {1, 3, 2, 1, 3, 2, 1, 3}),
                                             Scored(20, ParticipantRole::kExpert, {1, 3, 2, 1, 3, 2, 1, 3})});
  ASSERT_TRUE(results.against_expert);
  ASSERT_EQ(results.agreement.size(), 2u);
  const PairAgreement& a = results.agreement[0];
  EXPECT_EQ(a.reviewer_id, 11);
  EXPECT_EQ(a.reference_id, 20);
  EXPECT_EQ(a.items, 8);
  EXPECT_NEAR(*a.kappa, 0.4286, 5e-5);
  EXPECT_NEAR(*a.kappa_linear, 0.4667, 5e-5);
  EXPECT_NEAR(*a.kappa_quadratic, 0.5, 1e-9);
  // Equal on q1, q3, q5, q7, q8; 50 points apart on the others.
  EXPECT_DOUBLE_EQ(*a.share_within, 5.0 / 8.0);
  // The second reviewer agrees with the expert on everything.
  EXPECT_DOUBLE_EQ(*results.agreement[1].kappa, 1);
  EXPECT_DOUBLE_EQ(*results.agreement[1].share_within, 1);

  // Totals by the card's own scoring: 1,1,2,2,3,3,1,3 earn 0+0+1+1+2+2+0+2 = 8 of 16.
  ASSERT_EQ(results.totals.size(), 3u);
  EXPECT_DOUBLE_EQ(*results.totals[0].percent, 50);
  EXPECT_FALSE(results.totals[0].passed);

  // The items the reviewers disagree on (spread 100: q2) come first, card order within a spread.
  ASSERT_EQ(results.items.size(), 8u);
  EXPECT_EQ(results.items[0].code, "q2");
  EXPECT_DOUBLE_EQ(*results.items[0].spread, 100);
  EXPECT_EQ(results.items[1].code, "q4");
  EXPECT_DOUBLE_EQ(*results.items[1].spread, 50);
  EXPECT_EQ(results.items.back().code, "q8");
  EXPECT_DOUBLE_EQ(*results.items.back().spread, 0);
  EXPECT_DOUBLE_EQ(*results.items[0].points.at(11), 0);
  EXPECT_DOUBLE_EQ(*results.items[0].points.at(20), 100);
}

TEST(Calibration, WithoutAnExpertEveryPairOfReviewers) {
  const auto results = Reveal(ThreePoint(), {Scored(1, ParticipantRole::kReviewer, {1, 1, 2, 2, 3, 3, 1, 3}),
                                             Scored(2, ParticipantRole::kReviewer, {1, 3, 2, 1, 3, 2, 1, 3}),
                                             Scored(3, ParticipantRole::kReviewer, {1, 1, 2, 2, 3, 3, 1, 3})});
  EXPECT_FALSE(results.against_expert);
  ASSERT_EQ(results.agreement.size(), 3u);
  EXPECT_EQ(results.agreement[0].reviewer_id, 1);
  EXPECT_EQ(results.agreement[0].reference_id, 2);
  EXPECT_NEAR(*results.agreement[0].kappa, 0.4286, 5e-5);
  EXPECT_EQ(results.agreement[1].reference_id, 3);
  EXPECT_DOUBLE_EQ(*results.agreement[1].kappa, 1);
  EXPECT_EQ(results.agreement[2].reviewer_id, 2);
}

TEST(Calibration, NotApplicableLeavesTheComparisonAndDraftsAreNotRevealed) {
  auto a = Scored(1, ParticipantRole::kReviewer, {1, 1, 2, 2, 3, 3, 1, 3});
  auto b = Scored(2, ParticipantRole::kReviewer, {1, 1, 2, 2, 3, 3, 1, 3});
  a.answers["q1"] = {.not_applicable = true};
  auto draft = Scored(3, ParticipantRole::kReviewer, {3, 3, 3, 3, 3, 3, 3, 3});
  draft.submitted_at.reset();
  const auto results = Reveal(ThreePoint(), {a, b, draft});
  ASSERT_EQ(results.agreement.size(), 1u);
  EXPECT_EQ(results.agreement[0].items, 7);
  EXPECT_EQ(results.totals.size(), 2u);
  for (const auto& item : results.items) EXPECT_FALSE(item.points.contains(3));
  // q1 has one value only: no spread, listed last.
  EXPECT_EQ(results.items.back().code, "q1");
  EXPECT_FALSE(results.items.back().spread);
}

TEST(Calibration, TheItemScaleIsTheShareOfTheItemsPoints) {
  EXPECT_EQ(*ItemPoints({.scale = Scale::kYesNo, .max_points = 5}, {.value = 1}), 100);
  EXPECT_EQ(*ItemPoints({.scale = Scale::kFivePoint, .max_points = 8}, {.value = 2}), 25);
  EXPECT_EQ(*ItemPoints({.scale = Scale::kPoints, .max_points = 10}, {.value = 7}), 70);
  EXPECT_FALSE(ItemPoints({.scale = Scale::kPoints, .max_points = 10}, {.not_applicable = true}));
  EXPECT_FALSE(ItemPoints({.scale = Scale::kThreePoint}, {.value = 4}));
  Scorecard card;
  card.sections.push_back(
      {.code = "s", .items = {{.code = "a", .scale = Scale::kYesNo}, {.code = "b", .scale = Scale::kFivePoint}}});
  EXPECT_EQ(ScaleValues(card), (std::vector<double>{0, 25, 50, 75, 100}));
}

TEST(Calibration, ParticipantsAndClosing) {
  Problems p;
  CheckParticipants({5}, std::nullopt, p);
  EXPECT_EQ(p.Take()->field, "reviewer_ids");
  CheckParticipants({5, 6, 5}, 6, p);
  auto e = p.Take();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "reviewer_ids[2]");
  ASSERT_EQ(e->more.size(), 1u);
  EXPECT_EQ(e->more[0].field, "expert_id");
  CheckParticipants({5, 6}, 7, p);
  EXPECT_TRUE(p.empty());

  CalibrationSession s;
  s.scores = {Scored(1, ParticipantRole::kReviewer, {}), Scored(2, ParticipantRole::kReviewer, {}),
              Scored(3, ParticipantRole::kExpert, {})};
  s.scores[1].submitted_at.reset();
  EXPECT_EQ(MayClose(s).error().field, "reviewer_ids");
  s.scores[1].submitted_at = 2;
  s.scores[2].submitted_at.reset();
  EXPECT_EQ(MayClose(s).error().field, "expert_id");
  s.scores[2].submitted_at = 3;
  EXPECT_TRUE(MayClose(s).ok());
  s.state = CalibrationState::kClosed;
  EXPECT_EQ(MayClose(s).error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace sqm::inspection
