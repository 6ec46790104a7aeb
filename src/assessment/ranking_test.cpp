#include "assessment/ranking.h"

#include <gtest/gtest.h>

namespace sqm::assessment {
namespace {

Assessee A(double total, std::string group = "", long long volume = 100) {
  return {.group = std::move(group), .total = Figure::Of(total), .volume = volume};
}

std::vector<std::optional<int>> Ranks(const std::vector<Standing>& s) {
  std::vector<std::optional<int>> out;
  for (const auto& x : s) out.push_back(x.rank);
  return out;
}

std::vector<std::string> Grades(const std::vector<Standing>& s) {
  std::vector<std::string> out;
  for (const auto& x : s) out.push_back(x.grade.value_or("-"));
  return out;
}

TEST(Rank, TiesShareARankAndTheNextSkips) {
  auto r = Rank({A(91), A(85.5), A(85.5), A(70)}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ranks(*r), (std::vector<std::optional<int>>{1, 2, 2, 4}));
  // Sums that differ by binary noise are equal totals.
  auto noise = Rank({A(0.1 + 0.2), A(0.3)}, {});
  EXPECT_EQ(Ranks(*noise), (std::vector<std::optional<int>>{1, 1}));
}

TEST(Rank, DefaultGradeBands) {
  auto r = Rank({A(90), A(89.99), A(80), A(79.9), A(60), A(59.99), A(-3)}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Grades(*r), (std::vector<std::string>{"excellent", "good", "good", "pass", "pass", "fail", "fail"}));
}

TEST(Rank, ConfigurableBandsAndCoefficients) {
  RankingRules rules{.grades = {{"A", 95}, {"B", 85}, {"C", 0}}, .coefficients = {{"A", 1.2}, {"B", 1.0}, {"C", 0.8}}};
  auto r = Rank({A(96), A(90), A(50)}, rules);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Grades(*r), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ((*r)[0].coefficient, 1.2);
  EXPECT_EQ((*r)[2].coefficient, 0.8);
  EXPECT_FALSE(Rank({A(96)}, {}).value()[0].coefficient.has_value());
}

TEST(Rank, GroupsAreRankedSeparately) {
  auto r = Rank({A(90, "district"), A(95, "city"), A(80, "district"), A(85, "city")}, {.red_list = 1, .black_list = 1});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ranks(*r), (std::vector<std::optional<int>>{1, 1, 2, 2}));
  EXPECT_TRUE((*r)[0].red_list);
  EXPECT_TRUE((*r)[1].red_list);
  EXPECT_TRUE((*r)[2].black_list);
  EXPECT_TRUE((*r)[3].black_list);
}

TEST(Rank, BelowTheMinimumVolumeScoredAndGradedButNotRanked) {
  auto r = Rank({A(99, "", 5), A(90, "", 300), A(70, "", 120)}, {.red_list = 1, .minimum_volume = 20});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE((*r)[0].rank.has_value());
  EXPECT_EQ((*r)[0].not_ranked, NotRanked::kBelowMinimumVolume);
  EXPECT_EQ((*r)[0].grade, "excellent");
  EXPECT_FALSE((*r)[0].red_list);
  EXPECT_EQ((*r)[1].rank, 1);
  EXPECT_TRUE((*r)[1].red_list);
  EXPECT_EQ((*r)[2].rank, 2);
}

TEST(Rank, NoDataHasNoRankAndNoGrade) {
  auto r = Rank({{.total = Figure::NoData(), .volume = 100}, A(80)}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].not_ranked, NotRanked::kNoData);
  EXPECT_FALSE((*r)[0].rank.has_value());
  EXPECT_FALSE((*r)[0].grade.has_value());
  EXPECT_EQ((*r)[1].rank, 1);
}

TEST(Rank, AVetoFailsAndRanksAfterEveryoneWhoPassed) {
  Assessee vetoed = A(98);
  vetoed.failed = true;
  Assessee capped = A(95);
  capped.grade_cap = "pass";
  auto r = Rank({vetoed, A(70), capped}, {.black_list = 1, .yellow_card = true});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ranks(*r), (std::vector<std::optional<int>>{3, 2, 1}));
  EXPECT_EQ(Grades(*r), (std::vector<std::string>{"fail", "pass", "pass"}));
  EXPECT_EQ((*r)[0].band_grade, "excellent");
  EXPECT_TRUE((*r)[0].black_list);
  EXPECT_TRUE((*r)[0].yellow_card);
}

TEST(Rank, YellowCardOnlyForTheFailingBottom) {
  auto r = Rank({A(95), A(75), A(55), A(65)}, {.black_list = 2, .yellow_card = true});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)[2].black_list);
  EXPECT_TRUE((*r)[2].yellow_card);
  EXPECT_TRUE((*r)[3].black_list);
  EXPECT_FALSE((*r)[3].yellow_card);  // bottom two, but graded pass
  EXPECT_FALSE((*r)[1].black_list);
}

TEST(QuotaSeats, LargestRemainder) {
  // 20 % of 12 = 2.4 -> 2 (the rest's remainder 0.6 wins the last seat); of 13 = 2.6 -> 3.
  EXPECT_EQ(QuotaSeats({{"excellent", 0.2}}, 12), std::vector<int>{2});
  EXPECT_EQ(QuotaSeats({{"excellent", 0.2}}, 13), std::vector<int>{3});
  EXPECT_EQ(QuotaSeats({{"excellent", 0.2}}, 10), std::vector<int>{2});
  // 20 / 30 % of 13 = 2.6 / 3.9, rest 6.5: floors 2, 3, 6 and two seats left for 0.9 and 0.6.
  EXPECT_EQ(QuotaSeats({{"excellent", 0.2}, {"good", 0.3}}, 13), (std::vector<int>{3, 4}));
  // 0.5 each of 1: tie between the grade and the rest; the rest takes it.
  EXPECT_EQ(QuotaSeats({{"excellent", 0.5}}, 1), std::vector<int>{0});
}

TEST(Rank, ForcedDistributionCapsExcellentAtTwentyPercent) {
  std::vector<Assessee> ten;
  for (double t : {99.0, 98.0, 97.0, 96.0, 95.0, 94.0, 85.0, 84.0, 70.0, 50.0}) ten.push_back(A(t));
  RankingRules rules{.forced_distribution = {{"excellent", 0.2}}};
  auto r = Rank(ten, rules);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Grades(*r), (std::vector<std::string>{"excellent", "excellent", "good", "good", "good", "good", "good",
                                                  "good", "pass", "fail"}));
  EXPECT_TRUE((*r)[2].demoted_by_quota);
  EXPECT_EQ((*r)[2].band_grade, "excellent");
  EXPECT_FALSE((*r)[6].demoted_by_quota);
}

TEST(Rank, ForcedDistributionMovesATieDownTogether) {
  // Two seats for excellent; the 2nd and 3rd tie: both go down rather than exceed the quota.
  std::vector<Assessee> ten;
  for (double t : {99.0, 97.0, 97.0, 92.0, 88.0, 85.0, 84.0, 70.0, 65.0, 50.0}) ten.push_back(A(t));
  RankingRules rules{.forced_distribution = {{"excellent", 0.2}, {"good", 0.3}}};
  auto r = Rank(ten, rules);
  ASSERT_TRUE(r.ok());
  // The pair leaves excellent's last seat empty and closes it: 92 must not pass them. good has 3
  // seats: the pair and 92 fill them; 88, 85 and 84 (good by band) drop to pass.
  EXPECT_EQ(Grades(*r), (std::vector<std::string>{"excellent", "good", "good", "good", "pass", "pass", "pass", "pass",
                                                  "pass", "fail"}));
  EXPECT_TRUE((*r)[3].demoted_by_quota);
  EXPECT_TRUE((*r)[6].demoted_by_quota);
}

TEST(Rank, ForcedDistributionNeverGivesALowerTotalABetterGrade) {
  const std::vector<std::string> order = {"excellent", "good", "pass", "fail"};
  auto index = [&](const std::string& g) { return std::find(order.begin(), order.end(), g) - order.begin(); };
  unsigned seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::vector<Assessee> group;
    const int n = 1 + round % 23;
    for (int i = 0; i < n; ++i) {
      seed = seed * 1103515245 + 12345;
      group.push_back(A(50 + (seed >> 16) % 50));  // many ties
    }
    auto r = Rank(group, {.forced_distribution = {{"excellent", 0.2}, {"good", 0.3}}});
    ASSERT_TRUE(r.ok());
    int excellent = 0, good = 0;
    for (int i = 0; i < n; ++i) {
      excellent += (*r)[i].grade == "excellent";
      good += (*r)[i].grade == "good";
      for (int j = 0; j < n; ++j) {
        if (group[i].total.value() > group[j].total.value()) {
          EXPECT_LE(index(*(*r)[i].grade), index(*(*r)[j].grade)) << round;
        }
      }
    }
    const std::vector<int> seats = QuotaSeats({{"excellent", 0.2}, {"good", 0.3}}, n);
    EXPECT_LE(excellent, seats[0]);
    EXPECT_LE(good, seats[1]);
  }
}

TEST(Rank, RulesAreChecked) {
  auto r = Rank({}, {.grades = {{"a", 80}, {"b", 90}, {"a", 0}},
                     .forced_distribution = {{"z", 0.5}, {"b", 0.7}},
                     .coefficients = {{"q", 1}},
                     .red_list = -1});
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields = {r.error().field};
  for (const auto& m : r.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"grades[1].min_score", "grades[2].code", "forced_distribution[0].grade",
                                              "forced_distribution", "coefficients.q", "red_list"}));
  Assessee capped = A(90);
  capped.grade_cap = "platinum";
  EXPECT_EQ(Rank({capped}, {}).error().field, "assessees[0].grade_cap");
}

// Unsatisfied callbacks per unit: A has 2 of 4, B 150 of 400.
const std::vector<Count> kUnsatisfied = {{2, 4}, {150, 400}, {20, 200}, {30, 250}, {15, 180}, {40, 300}, {10, 120}};

TEST(FitBetaPrior, MethodOfMoments) {
  // Independently (Python): mu 0.18363136176066025, rho 0.11562005189280825, M 7.64901877856882.
  BetaPrior p = FitBetaPrior(kUnsatisfied);
  EXPECT_NEAR(p.mean, 0.18363136176066025, 1e-15);
  EXPECT_NEAR(p.rho, 0.11562005189280825, 1e-12);
  ASSERT_TRUE(p.strength.has_value());
  EXPECT_NEAR(*p.strength, 7.64901877856882, 1e-10);
}

TEST(FitBetaPrior, Limits) {
  // Identical rates: every difference is noise; all shrink to the mean.
  BetaPrior same = FitBetaPrior({{10, 100}, {20, 200}, {5, 50}});
  EXPECT_EQ(same.rho, 0);
  EXPECT_FALSE(same.strength.has_value());
  EXPECT_EQ(ShrunkRate({1, 3}, same).value(), same.mean);
  // One unit: nothing to shrink toward.
  BetaPrior one = FitBetaPrior({{3, 4}, {0, 0}});
  EXPECT_NEAR(ShrunkRate({3, 4}, one).value(), 0.75, 1e-15);
  EXPECT_FALSE(ShrunkRate({0, 0}, one).has_value());
}

TEST(EstimateRates, ShrinkageStopsTwoOfFourRankingBelowOneHundredFiftyOfFourHundred) {
  auto observed = EstimateRates(kUnsatisfied, Direction::kLowerIsBetter, RateBasis::kObserved);
  auto shrunk = EstimateRates(kUnsatisfied, Direction::kLowerIsBetter, RateBasis::kShrunk);
  // Observed, 50 % unsatisfied looks worse than 37.5 %.
  EXPECT_GT(observed[0].basis.value(), observed[1].basis.value());
  // Shrunk: (2 + mu M) / (4 + M) = 0.2923 against (150 + mu M) / (400 + M) = 0.3714.
  EXPECT_NEAR(shrunk[0].basis.value(), 0.2922649365717426, 1e-12);
  EXPECT_NEAR(shrunk[1].basis.value(), 0.371409209295026, 1e-12);
  EXPECT_LT(shrunk[0].basis.value(), shrunk[1].basis.value());
  // Ranked as scores (fewer unsatisfied is better): A is now above B.
  std::vector<Assessee> units;
  for (const auto& e : shrunk) units.push_back(A(100 * (1 - e.basis.value())));
  auto r = Rank(units, {});
  EXPECT_LT(*(*r)[0].rank, *(*r)[1].rank);
  // Every rate carries its Wilson interval: 2/4 -> 0.1500-0.8500, 150/400 -> 0.3290-0.4234.
  EXPECT_NEAR(shrunk[0].wilson->low, 0.15003898915214958, 1e-12);
  EXPECT_NEAR(shrunk[1].wilson->high, 0.4234209941204111, 1e-12);
}

TEST(EstimateRates, TheConservativeWilsonBoundKeepsLuckySmallSamplesOffTheTop) {
  // Satisfaction: 4 of 4 satisfied against 390 of 400.
  auto bound = EstimateRates({{4, 4}, {390, 400}}, Direction::kHigherIsBetter, RateBasis::kWilsonBound);
  EXPECT_NEAR(bound[0].basis.value(), 0.5101, 5e-5);  // Wilson low of 4/4
  EXPECT_NEAR(bound[1].basis.value(), 0.9546, 5e-5);  // Wilson low of 390/400
  EXPECT_LT(bound[0].basis.value(), bound[1].basis.value());
  // For a lower-is-better rate the conservative end is the high one.
  auto cost = EstimateRates({{0, 4}}, Direction::kLowerIsBetter, RateBasis::kWilsonBound);
  EXPECT_NEAR(cost[0].basis.value(), 1 - 0.5101, 5e-5);
  auto none = EstimateRates({{0, 0}}, Direction::kLowerIsBetter, RateBasis::kWilsonBound);
  EXPECT_FALSE(none[0].basis.has_value());
  EXPECT_FALSE(none[0].wilson.has_value());
}

}  // namespace
}  // namespace sqm::assessment
