#include "assessment/scoring.h"

#include <gtest/gtest.h>

#include "base/stats.h"

namespace sqm::assessment {
namespace {

constexpr auto kUp = Direction::kHigherIsBetter;
constexpr auto kDown = Direction::kLowerIsBetter;

double Points(const IndicatorRule& rule, double max, double value) {
  return ApplyRule(rule, max, Figure::Of(value)).points.value();
}

TEST(RoundHalfAwayFromZero, RoundsTheDecimalAPersonSees) {
  EXPECT_EQ(RoundHalfAwayFromZero(39.895, 2), 39.9);  // stored as 39.894999999999996
  EXPECT_EQ(RoundHalfAwayFromZero(2.675, 2), 2.68);   // stored as 2.67499999999999982236431605997495353221893310546875
  EXPECT_EQ(RoundHalfAwayFromZero(1.005, 2), 1.01);
  EXPECT_EQ(RoundHalfAwayFromZero(0.125, 2), 0.13);
  EXPECT_EQ(RoundHalfAwayFromZero(-2.5, 0), -3.0);
  EXPECT_EQ(RoundHalfAwayFromZero(39.894, 2), 39.89);
  EXPECT_EQ(RoundHalfAwayFromZero(0.1 + 0.2, 1), 0.3);
  EXPECT_EQ(RoundHalfAwayFromZero(24.200000000000003, 2), 24.2);
  EXPECT_EQ(RoundHalfAwayFromZero(87.6543, 0), 88.0);
}

TEST(ApplyRule, WeightedRate) {
  EXPECT_DOUBLE_EQ(Points({kUp, WeightedRate{}}, 20, 95), 19);
  EXPECT_DOUBLE_EQ(Points({kDown, WeightedRate{}}, 20, 5), 19);  // a 5 % reopen rate keeps 95 %
  auto clamped = ApplyRule({kUp, WeightedRate{}}, 20, Figure::Of(104));
  EXPECT_DOUBLE_EQ(clamped.points.value(), 20);
  EXPECT_TRUE(clamped.limited);
}

TEST(ApplyRule, LinearBetweenFloorAndTargetClamped) {
  const IndicatorRule rate{kUp, Linear{.floor = 60, .target = 95}};
  EXPECT_NEAR(Points(rate, 10, 80), 10.0 * 20 / 35, 1e-12);
  EXPECT_EQ(Points(rate, 10, 50), 0);
  EXPECT_EQ(Points(rate, 10, 99), 10);
  EXPECT_TRUE(ApplyRule(rate, 10, Figure::Of(99)).limited);
  // Mean first response in minutes: 60 -> nothing, 10 or faster -> full.
  const IndicatorRule minutes{kDown, Linear{.floor = 60, .target = 10}};
  EXPECT_DOUBLE_EQ(Points(minutes, 10, 35), 5);
  EXPECT_EQ(Points(minutes, 10, 8), 10);
  EXPECT_EQ(Points(minutes, 10, 75), 0);
}

TEST(ApplyRule, ThresholdThenDeductionWithAFloor) {
  // Satisfaction: 25 - 0.5 x (98 - rate), never below 12.5.
  const IndicatorRule satisfaction{kUp, ThresholdDeduction{.threshold = 98, .per_unit = 0.5, .min_points = 12.5}};
  EXPECT_EQ(Points(satisfaction, 25, 98), 25);
  EXPECT_EQ(Points(satisfaction, 25, 99.1), 25);
  EXPECT_NEAR(Points(satisfaction, 25, 96.4), 24.2, 1e-12);
  EXPECT_NEAR(Points(satisfaction, 25, 80), 16, 1e-12);
  auto floor = ApplyRule(satisfaction, 25, Figure::Of(70));  // 25 - 14 = 11 -> 12.5
  EXPECT_EQ(floor.points.value(), 12.5);
  EXPECT_TRUE(floor.limited);
  EXPECT_EQ(floor.deducted, 12.5);
  // Lower is better: full at or under 30 minutes, 0.2 per minute over.
  const IndicatorRule late{kDown, ThresholdDeduction{.threshold = 30, .per_unit = 0.2, .min_points = 0}};
  EXPECT_NEAR(Points(late, 10, 45), 7, 1e-12);
  EXPECT_EQ(Points(late, 10, 30), 10);
}

TEST(ApplyRule, ThresholdBands) {
  const IndicatorRule rule{kUp, Bands{.bands = {{95, 10}, {90, 8}, {85, 5}}, .otherwise = 0}};
  EXPECT_EQ(Points(rule, 10, 95), 10);  // the bound itself reaches the band
  EXPECT_EQ(Points(rule, 10, 92.3), 8);
  EXPECT_EQ(Points(rule, 10, 85), 5);
  auto none = ApplyRule(rule, 10, Figure::Of(80));
  EXPECT_EQ(none.points.value(), 0);
  EXPECT_FALSE(none.band.has_value());
  EXPECT_EQ(ApplyRule(rule, 10, Figure::Of(91)).band, 1);
  // A rate computed from counts (57 of 60) meets the 95 band exactly.
  EXPECT_EQ(Points(rule, 10, PercentOf({57, 60}).value()), 10);
  const IndicatorRule minutes{kDown, Bands{.bands = {{5, 10}, {10, 6}}, .otherwise = 2}};
  EXPECT_EQ(Points(minutes, 10, 4), 10);
  EXPECT_EQ(Points(minutes, 10, 10), 6);
  EXPECT_EQ(Points(minutes, 10, 11), 2);
}

TEST(ApplyRule, DeductionPerEventWithACap) {
  const IndicatorRule complaints{kDown, PerEvent{.per_event = 2, .cap = 10}};
  EXPECT_EQ(Points(complaints, 15, 0), 15);
  EXPECT_EQ(Points(complaints, 15, 3), 9);
  auto capped = ApplyRule(complaints, 15, Figure::Of(7));
  EXPECT_EQ(capped.points.value(), 5);
  EXPECT_EQ(capped.deducted, 10);
  EXPECT_TRUE(capped.limited);
  // Without a cap, at most the indicator's own points go (扣完为止).
  EXPECT_EQ(Points({kDown, PerEvent{.per_event = 0.5}}, 5, 30), 0);
  EXPECT_NEAR(Points({kDown, PerEvent{.per_event = 0.5}}, 5, 3), 3.5, 1e-12);
}

TEST(ApplyRule, NoDataStaysNoData) {
  auto r = ApplyRule({kUp, WeightedRate{}}, 20, Figure::NoData());
  EXPECT_FALSE(r.points.has_value());
  EXPECT_FALSE(PercentOf({0, 0}).has_value());
  EXPECT_THROW(PercentOf({0, 0}).value(), std::logic_error);
  EXPECT_THROW(Figure::Of(NAN), std::logic_error);
}

SchemeNode Leaf(std::string code, double max, IndicatorRule rule) {
  return {.code = std::move(code), .max_points = max, .indicator = std::move(rule)};
}

// The 12345 hotline's 三率: response 30 %, resolution 35 %, satisfaction 35 % of 100 points.
Scheme Hotline() {
  Scheme s;
  s.root = {
      .code = "hotline",
      .max_points = 100,
      .children = {
          Leaf("response", 30, {kUp, WeightedRate{}}), Leaf("resolution", 35, {kUp, Linear{.floor = 60, .target = 95}}),
          Leaf("satisfaction", 35, {kUp, ThresholdDeduction{.threshold = 98, .per_unit = 0.5, .min_points = 17.5}})}};
  return s;
}

TEST(ScoreAssessee, AddsTheTree) {
  const Scheme s = Hotline();
  ASSERT_TRUE(CheckScheme(s).ok());
  auto r = ScoreAssessee(
      s, {{"response", Figure::Of(98)}, {"resolution", Figure::Of(88)}, {"satisfaction", Figure::Of(93)}});
  // 29.4 + 35 x 28/35 + (35 - 0.5 x 5) = 29.4 + 28 + 32.5.
  ASSERT_TRUE(r.total.has_value());
  EXPECT_NEAR(r.total.value(), 89.9, 1e-12);
  ASSERT_EQ(r.nodes.size(), 4u);
  EXPECT_EQ(r.nodes[0].path, "hotline");
  EXPECT_EQ(r.nodes[2].path, "hotline/resolution");
  EXPECT_EQ(r.nodes[2].depth, 1);
  EXPECT_NEAR(r.nodes[2].outcome.points.value(), 28, 1e-12);
  EXPECT_EQ(r.nodes[3].measured, Figure::Of(93));
  EXPECT_EQ(r.nodes[3].outcome.deducted, 2.5);
}

TEST(ScoreAssessee, NoDataIsNeverZeroUnlessTheSchemeSaysSo) {
  Scheme s = Hotline();
  const std::map<std::string, Figure> values = {{"response", Figure::Of(90)}, {"resolution", Figure::Of(95)}};
  // Rescale: 27 + 35 of the 65 points with data, scaled to 100.
  auto rescaled = ScoreAssessee(s, values);
  EXPECT_NEAR(rescaled.total.value(), (27.0 + 35) * 100 / 65, 1e-12);
  EXPECT_FALSE(rescaled.nodes[3].measured.has_value());
  EXPECT_FALSE(rescaled.nodes[3].outcome.points.has_value());
  s.no_data = NoDataPolicy::kZero;
  EXPECT_NEAR(ScoreAssessee(s, values).total.value(), 62, 1e-12);
  s.no_data = NoDataPolicy::kFullPoints;
  EXPECT_NEAR(ScoreAssessee(s, values).total.value(), 97, 1e-12);
  // Nothing measured at all: the total is no data, not 0.
  s.no_data = NoDataPolicy::kRescale;
  auto nothing = ScoreAssessee(s, {});
  EXPECT_FALSE(nothing.base.has_value());
  EXPECT_FALSE(nothing.total.has_value());
}

TEST(ScoreAssessee, RescalingKeepsEachDimensionsWeight) {
  Scheme s;
  s.root = {.code = "staff",
            .max_points = 100,
            .children = {
                {.code = "satisfaction",
                 .max_points = 40,
                 .children = {Leaf("callback", 20, {kUp, WeightedRate{}}), Leaf("survey", 20, {kUp, WeightedRate{}})}},
                {.code = "efficiency", .max_points = 60, .children = {Leaf("on_time", 60, {kUp, WeightedRate{}})}}}};
  ASSERT_TRUE(CheckScheme(s).ok());
  // No survey answers: the callback rate stands for the whole satisfaction dimension (40 points).
  auto r = ScoreAssessee(s, {{"callback", Figure::Of(90)}, {"on_time", Figure::Of(80)}});
  EXPECT_NEAR(r.nodes[1].outcome.points.value(), 36, 1e-12);
  EXPECT_NEAR(r.total.value(), 36 + 48, 1e-12);
}

TEST(ScoreAssessee, BonusAndDeductionItemsOutsideTheBase) {
  Scheme s = Hotline();
  s.bonus_items = {{.code = "commendation", .points_each = 1, .cap = 3}, {.code = "innovation", .points_each = 2}};
  s.bonus_cap = 5;
  s.deduction_items = {{.code = "late_report", .points_each = 0.5, .cap = 2}, {.code = "violation", .points_each = 3}};
  s.deduction_cap = 10;
  ASSERT_TRUE(CheckScheme(s).ok());
  const std::map<std::string, Figure> full = {
      {"response", Figure::Of(100)}, {"resolution", Figure::Of(100)}, {"satisfaction", Figure::Of(100)}};
  // Bonus min(4, 3) + 2 x 1 = 5; deductions min(0.5 x 6, 2) + 3 x 1 = 5: 100 + 5 - 5.
  auto r = ScoreAssessee(s, full, {{"commendation", 4}, {"innovation", 1}, {"late_report", 6}, {"violation", 1}});
  EXPECT_EQ(r.bonus, 5);
  EXPECT_EQ(r.deductions, 5);
  EXPECT_EQ(r.total.value(), 100);
  // The caps on the sums: bonus 3 + 6 = 9 -> 5; deductions 2 + 12 = 14 -> 10.
  auto capped = ScoreAssessee(s, full, {{"commendation", 9}, {"innovation", 3}, {"late_report", 9}, {"violation", 4}});
  EXPECT_EQ(capped.bonus, 5);
  EXPECT_EQ(capped.deductions, 10);
  EXPECT_EQ(capped.total.value(), 95);
}

TEST(ScoreAssessee, GatesFailOrCapTheGradeWhateverTheSum) {
  Scheme s = Hotline();
  // A veto without points of its own: any major incident fails the unit.
  s.root.children.push_back(Leaf("major_incidents", 0, {kDown, PerEvent{}, Gate{.limit = 0}}));
  s.root.children[2].indicator->gate = Gate{.limit = 80, .effect = GateEffect::kCapGrade, .cap_grade = "pass"};
  ASSERT_TRUE(CheckScheme(s).ok()) << CheckScheme(s).error().message;
  const std::map<std::string, Figure> good = {{"response", Figure::Of(99)},
                                              {"resolution", Figure::Of(96)},
                                              {"satisfaction", Figure::Of(99)},
                                              {"major_incidents", Figure::Of(0)}};
  auto clean = ScoreAssessee(s, good);
  EXPECT_FALSE(clean.failed);
  EXPECT_TRUE(clean.gates_fired.empty());

  auto vetoed = good;
  vetoed.insert_or_assign("major_incidents", Figure::Of(1));
  auto v = ScoreAssessee(s, vetoed);
  EXPECT_TRUE(v.failed);
  EXPECT_EQ(v.gates_fired, std::vector<std::string>{"major_incidents"});
  EXPECT_EQ(v.total.value(), clean.total.value());  // the score stands; the veto decides the grade

  auto low = good;
  low.insert_or_assign("satisfaction", Figure::Of(79.9));
  auto c = ScoreAssessee(s, low);
  EXPECT_FALSE(c.failed);
  EXPECT_EQ(c.grade_cap, "pass");
  EXPECT_TRUE(c.nodes[3].gate_fired);

  auto unknown = good;
  unknown.erase("satisfaction");
  EXPECT_EQ(ScoreAssessee(s, unknown).gates_unchecked, std::vector<std::string>{"satisfaction"});
}

// Rounding decides ranks: two agents, two 20-point indicators scored by weighted rate.
TEST(ScoreAssessee, RoundingSubScoresOrOnlyTheTotalDecidesARank) {
  Scheme s;
  s.root = {.code = "agent",
            .max_points = 40,
            .children = {Leaf("a", 20, {kUp, WeightedRate{}}), Leaf("b", 20, {kUp, WeightedRate{}})}};
  s.rounding = {.decimals = 2, .what = RoundWhat::kTotalOnly};
  // Agent X: 19.944 + 19.954 = 39.898; agent Y: 19.946 + 19.946 = 39.892.
  const std::map<std::string, Figure> x = {{"a", Figure::Of(99.72)}, {"b", Figure::Of(99.77)}};
  const std::map<std::string, Figure> y = {{"a", Figure::Of(99.73)}, {"b", Figure::Of(99.73)}};
  const double x_total = ScoreAssessee(s, x).total.value(), y_total = ScoreAssessee(s, y).total.value();
  EXPECT_EQ(x_total, 39.90);
  EXPECT_EQ(y_total, 39.89);
  EXPECT_EQ(stats::CompetitionRanks(std::vector<double>{x_total, y_total}), (std::vector<int>{1, 2}));

  // Rounding each sub-score first: X 19.94 + 19.95 = 39.89, Y 19.95 + 19.95 = 39.90. Y now ranks first.
  s.rounding.what = RoundWhat::kSubScores;
  auto xs = ScoreAssessee(s, x), ys = ScoreAssessee(s, y);
  EXPECT_EQ(xs.nodes[1].outcome.points.value(), 19.94);
  EXPECT_EQ(xs.nodes[2].outcome.points.value(), 19.95);
  EXPECT_EQ(xs.total.value(), 39.89);
  EXPECT_EQ(ys.total.value(), 39.90);
  EXPECT_EQ(stats::CompetitionRanks(std::vector<double>{xs.total.value(), ys.total.value()}), (std::vector<int>{2, 1}));
}

TEST(CheckScheme, NamesEveryNodeThatIsWrong) {
  Scheme s = Hotline();
  s.root.children[0].max_points = 25;                                      // 25 + 35 + 35 = 95
  s.root.children[1].indicator->rule = Linear{.floor = 95, .target = 60};  // floor above target
  s.root.children[2].code = "response";                                    // taken
  s.rounding.decimals = 12;
  auto st = CheckScheme(s);
  ASSERT_FALSE(st.ok());
  std::vector<std::string> fields = {st.error().field};
  for (const auto& m : st.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"hotline/resolution.rule.floor", "hotline/response.code",
                                              "hotline.children", "rounding.decimals"}));
  EXPECT_EQ(st.error().more[1].message, "add up to 95 points, not the 100 of 'hotline'");
}

TEST(CheckScheme, RuleParameters) {
  Scheme s;
  s.root = {.code = "r",
            .max_points = 30,
            .children = {Leaf("bands", 10, {kUp, Bands{.bands = {{90, 8}, {95, 10}}}}),
                         Leaf("late", 10, {kDown, Linear{.floor = 10, .target = 60}}),
                         Leaf("events", 10,
                              {kDown, PerEvent{.per_event = -1, .cap = 20}, Gate{.effect = GateEffect::kCapGrade}})}};
  auto st = CheckScheme(s);
  ASSERT_FALSE(st.ok());
  std::vector<std::string> fields = {st.error().field};
  for (const auto& m : st.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"r/bands.rule.bands[1].bound", "r/late.rule.floor", "r/events.rule.per_event",
                                      "r/events.rule.cap", "r/events.gate.cap_grade"}));
  EXPECT_EQ(st.error().more[0].key, "rule.floor_above_target");
}

}  // namespace
}  // namespace sqm::assessment
