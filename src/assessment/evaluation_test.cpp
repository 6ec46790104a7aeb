#include "assessment/evaluation.h"

#include <gtest/gtest.h>

namespace sqm::assessment {
namespace {

constexpr auto kUp = Direction::kHigherIsBetter;
constexpr auto kDown = Direction::kLowerIsBetter;

TEST(WeightedSum, AddsWeightedCriteria) {
  auto r = WeightedSum({{90, 80}, {70, 100}}, std::vector<double>{0.25, 0.75});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ((*r)[0], 82.5);
  EXPECT_DOUBLE_EQ((*r)[1], 92.5);
  auto bad = WeightedSum({{90, 80}}, std::vector<double>{0.5, 0.4});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "weights");
  EXPECT_EQ(bad.error().message, "must add up to 1, not 0.9");
  EXPECT_EQ(WeightedSum({{90, 80}}, std::vector<double>{1}).error().key, "weights.count");
  EXPECT_EQ(WeightedSum({{90, 80}}, std::vector<double>{1.5, -0.5}).error().field, "weights[1]");
}

// Papathanasiou & Ploskas (2018), section 2.4.
const Matrix kPp = {{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4}, {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}};
const std::vector<double> kPpWeights = {0.4, 0.3, 0.1, 0.2};

TEST(Topsis, ReproducesPapathanasiouAndPloskas) {
  auto r = EvaluateTopsis(kPp, kPpWeights, {kUp, kUp, kUp, kUp});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const double published[] = {0.387, 0.327, 0.391, 0.615, 0.868, 0.493};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(r->closeness[i], published[i], 5e-4) << i;
  // Independently (Python), to 4 decimals: 0.3872, 0.3272, 0.3907, 0.6147, 0.8685, 0.4928.
  const double python[] = {0.3872147109596547, 0.3271696909695866, 0.3906699868642989,
                           0.6146603448592665, 0.8684953760646799, 0.49284833598994915};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(r->closeness[i], python[i], 1e-12) << i;
  EXPECT_EQ(r->rank, (std::vector<int>{5, 6, 4, 2, 1, 3}));
  EXPECT_NEAR(r->ideal[0], 0.22691267417693456, 1e-12);
  EXPECT_NEAR(r->anti_ideal[3], 0.018569533817705187, 1e-12);
}

TEST(Topsis, ACostCriterionSwapsIdealAndAntiIdeal) {
  auto r = EvaluateTopsis({{1, 10}, {2, 20}}, std::vector<double>{0.5, 0.5}, {kUp, kDown});
  ASSERT_TRUE(r.ok());
  EXPECT_LT(r->ideal[1], r->anti_ideal[1]);
  // Row 0 is worse on the benefit and better on the cost, by the same normalised amounts.
  EXPECT_NEAR(r->closeness[0], 0.5, 1e-12);
  EXPECT_EQ(r->rank, (std::vector<int>{1, 1}));
}

TEST(Topsis, NamesWhatIsWrong) {
  auto zero = EvaluateTopsis({{0, 1}, {0, 2}}, std::vector<double>{0.5, 0.5}, {kUp, kUp});
  EXPECT_EQ(zero.error().field, "matrix[*][0]");
  auto same = EvaluateTopsis({{1, 2}, {1, 2}}, std::vector<double>{0.5, 0.5}, {kUp, kUp});
  EXPECT_EQ(same.error().key, "topsis.identical_rows");
  auto both = EvaluateTopsis({{1, 2}, {3, 4}}, std::vector<double>{0.5}, {kUp});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "weights");
  ASSERT_EQ(both.error().more.size(), 1u);
  EXPECT_EQ(both.error().more[0].field, "benefit");
  EXPECT_EQ(EvaluateTopsis({{1, -2}}, std::vector<double>{0.5, 0.5}, {kUp, kUp}).error().field, "matrix[0][1]");
}

// A table worked by hand (and independently in Python 3.11, statistics.NormalDist; its figures
// are quoted below). Six units, response rate % (benefit), satisfaction % (benefit), complaints
// per 1,000 tickets (cost):
//
//   unit  X1  X2  X3  | R1   R2  R3  | sum   RSR = sum / 18
//   A     95  90  2.0 | 5.5  4   4.5 | 14    0.7778
//   B     88  92  3.5 | 3    5   3   | 11    0.6111
//   C     95  89  1.0 | 5.5  3   6   | 14.5  0.8056
//   D     80  80  4.0 | 1    1   2   |  4    0.2222
//   E     91  95  2.0 | 4    6   4.5 | 14.5  0.8056
//   F     85  88  5.0 | 2    2   1   |  5    0.2778
//
// Ties: X1 95 (A, C) share ranks 5 and 6 -> 5.5; X3 2.0 (A, E) share 4 and 5 -> 4.5; the cost
// criterion ranks the largest value 1. The distribution table (n = 6):
//
//   RSR     f  cf  positions  mean rank  p = mean/n          probit = 5 + z(p)
//   0.2222  1  1   1          1          0.1667              4.0326
//   0.2778  1  2   2          2          0.3333              4.5693
//   0.6111  1  3   3          3          0.5                 5
//   0.7778  1  4   4          4          0.6667              5.4307
//   0.8056  2  6   5-6        5.5        1 - 1/24 = 0.9583   6.7317   (last group corrected)
//
// Least squares through the 5 groups: RSR = -0.67095 + 0.23479 probit. Three tiers (<4, 4-6,
// >=6): C and E tier 1, the rest tier 2; four tiers (3.5, 5, 6.5): C, E 1; A, B 2; D, F 3.
const Matrix kUnits = {{95, 90, 2.0}, {88, 92, 3.5}, {95, 89, 1.0}, {80, 80, 4.0}, {91, 95, 2.0}, {85, 88, 5.0}};
const std::vector<Direction> kUnitDirections = {kUp, kUp, kDown};

TEST(Rsr, IntegerRanksReproduceTheHandTable) {
  auto r = EvaluateRsr(kUnits, kUnitDirections, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->ranks[0], (std::vector<double>{5.5, 4, 4.5}));
  EXPECT_EQ(r->ranks[5], (std::vector<double>{2, 2, 1}));
  const double rsr[] = {14.0 / 18, 11.0 / 18, 14.5 / 18, 4.0 / 18, 14.5 / 18, 5.0 / 18};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(r->rsr[i], rsr[i], 1e-15) << i;
  EXPECT_EQ(r->rsr[2], r->rsr[4]);  // one group, bit for bit

  ASSERT_EQ(r->distribution.size(), 5u);
  const auto& last = r->distribution.back();
  EXPECT_EQ(last.frequency, 2);
  EXPECT_EQ(last.cumulative, 6);
  EXPECT_EQ(last.mean_rank, 5.5);
  EXPECT_NEAR(last.percentile, 1 - 1.0 / 24, 1e-15);
  EXPECT_EQ(r->distribution[2].percentile, 0.5);
  EXPECT_EQ(r->distribution[2].probit, 5.0);
  const double probit[] = {4.032578433898299, 4.569272700704542, 5.0, 5.430727299295457, 6.7316643961222455};
  for (int g = 0; g < 5; ++g) {
    EXPECT_NEAR(r->distribution[g].probit, probit[g], 1e-12) << g;
    EXPECT_NEAR(r->distribution[g].probit, std::round(probit[g] * 1e4) / 1e4, 5e-5);
  }
  EXPECT_NEAR(r->regression.a, -0.6709503185795891, 1e-12);
  EXPECT_NEAR(r->regression.b, 0.23479036730295103, 1e-12);
  EXPECT_EQ(r->tier, (std::vector<int>{2, 2, 1, 2, 1, 2}));
  EXPECT_EQ(r->probit_cuts, (std::vector<double>{4, 6}));
  EXPECT_NEAR(r->rsr_cuts[0], 0.268211150632215, 1e-12);
  EXPECT_NEAR(r->rsr_cuts[1], 0.7377918852381171, 1e-12);
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(r->fitted[i], r->regression.a + r->regression.b * r->probit[i], 1e-15);

  auto four = EvaluateRsr(kUnits, kUnitDirections, {.tiers = 4});
  ASSERT_TRUE(four.ok());
  // B sits exactly on the cut 5 (p = 0.5) and belongs to the tier above it ("5~").
  EXPECT_EQ(four->tier, (std::vector<int>{2, 2, 1, 3, 1, 3}));
}

TEST(Rsr, NonIntegerRanks) {
  auto r = EvaluateRsr(kUnits, kUnitDirections, {.ranks = RsrRanks::kNonInteger});
  ASSERT_TRUE(r.ok());
  // R = 1 + 5 (x - 80) / 15 for X1; 1 + 5 (5 - x) / 4 for the cost X3.
  EXPECT_NEAR(r->ranks[0][0], 6, 1e-15);
  EXPECT_NEAR(r->ranks[1][0], 1 + 5.0 * 8 / 15, 1e-15);
  EXPECT_NEAR(r->ranks[1][2], 1 + 5.0 * 1.5 / 4, 1e-15);
  // Python: 0.8379629629629629, 0.6412037037037036, 0.8888888888888888, 0.23611111111111108,
  // 0.8564814814814814, 0.40740740740740744; a -0.7032076310881804, b 0.25486533706918907.
  const double rsr[] = {0.8379629629629629,  0.6412037037037036, 0.8888888888888888,
                        0.23611111111111108, 0.8564814814814814, 0.40740740740740744};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(r->rsr[i], rsr[i], 1e-12) << i;
  EXPECT_EQ(r->distribution.size(), 6u);
  EXPECT_NEAR(r->regression.a, -0.7032076310881804, 1e-12);
  EXPECT_NEAR(r->regression.b, 0.25486533706918907, 1e-12);
  EXPECT_EQ(r->tier, (std::vector<int>{2, 2, 1, 2, 2, 2}));
}

TEST(Rsr, WeightedRsr) {
  auto r = EvaluateRsr(kUnits, kUnitDirections, {.weights = {0.3, 0.5, 0.2}, .tiers = 4});
  ASSERT_TRUE(r.ok());
  // WRSR_A = (0.3 * 5.5 + 0.5 * 4 + 0.2 * 4.5) / 6 = 4.55 / 6.
  EXPECT_NEAR(r->rsr[0], 4.55 / 6, 1e-15);
  const double rsr[] = {0.7583333333333333, 0.6666666666666666, 0.725, 0.2, 0.85, 0.3};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(r->rsr[i], rsr[i], 1e-12) << i;
  EXPECT_NEAR(r->regression.a, -0.7383102832819687, 1e-12);
  EXPECT_NEAR(r->regression.b, 0.24990374285758793, 1e-12);
  EXPECT_EQ(r->tier, (std::vector<int>{2, 2, 2, 3, 1, 3}));
}

TEST(Rsr, SixTiersAndTheTextbookCuts) {
  EXPECT_EQ(RsrProbitCuts(5), (std::vector<double>{3.2, 4.4, 5.6, 6.8}));
  EXPECT_EQ(RsrProbitCuts(6), (std::vector<double>{3, 4, 5, 6, 7}));
  EXPECT_TRUE(RsrProbitCuts(7).empty());
  // The cuts are the probits of the textbook percentiles: P15.866 -> 4, P6.681 -> 3.5, P3.593 -> 3.2.
  EXPECT_NEAR(5 + stats::NormalQuantile(0.15866), 4, 1e-4);
  EXPECT_NEAR(5 + stats::NormalQuantile(0.06681), 3.5, 1e-4);
  EXPECT_NEAR(5 + stats::NormalQuantile(0.03593), 3.2, 1e-4);
  auto r = EvaluateRsr(kUnits, kUnitDirections, {.tiers = 6});
  ASSERT_TRUE(r.ok());
  // Probits 5.43, 5, 6.73, 4.03, 6.73, 4.57 against 3 | 4 | 5 | 6 | 7.
  EXPECT_EQ(r->tier, (std::vector<int>{3, 3, 2, 4, 2, 4}));
}

TEST(Rsr, NamesWhatIsWrong) {
  auto tiers = EvaluateRsr(kUnits, kUnitDirections, {.tiers = 7});
  EXPECT_EQ(tiers.error().field, "tiers");
  auto same = EvaluateRsr({{1, 2}, {1, 2}}, {kUp, kUp}, {});
  EXPECT_EQ(same.error().key, "rsr.no_spread");
  auto weights = EvaluateRsr(kUnits, {kUp, kUp}, {.weights = {0.5, 0.5, 0.5}});
  ASSERT_FALSE(weights.ok());
  EXPECT_EQ(weights.error().field, "benefit");
  EXPECT_EQ(weights.error().more.at(0).field, "weights");
}

}  // namespace
}  // namespace sqm::assessment
