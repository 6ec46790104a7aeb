#include "assessment/weights.h"

#include <numeric>

#include <gtest/gtest.h>

namespace sqm::assessment {
namespace {

// The 5x5 pairwise-comparison matrix of issue 10.
const Matrix kFive = {{1, 1.0 / 3, 1.0 / 2, 3, 2},
                      {3, 1, 2, 5, 4},
                      {2, 1.0 / 2, 1, 4, 3},
                      {1.0 / 3, 1.0 / 5, 1.0 / 4, 1, 1.0 / 2},
                      {1.0 / 2, 1.0 / 4, 1.0 / 3, 2, 1}};

TEST(Ahp, GeometricMeanReproducesThePublishedExample) {
  auto r = DeriveAhp(kFive, {.method = AhpMethod::kGeometricMean});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const double published[] = {0.1602, 0.4174, 0.2634, 0.0615, 0.0975};
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(r->weights[i], published[i], 5e-5) << i;
  EXPECT_NEAR(r->lambda_max, 5.068, 5e-4);
  EXPECT_NEAR(r->ci, 0.0170, 5e-5);
  EXPECT_NEAR(r->cr, 0.0152, 5e-5);
  EXPECT_EQ(r->ri, 1.12);
  EXPECT_TRUE(r->consistent);
  // Independently (Python, the same formulas): lambda 5.068036536404643, CR 0.015186726876036312.
  EXPECT_NEAR(r->lambda_max, 5.068036536404643, 1e-12);
  EXPECT_NEAR(r->cr, 0.015186726876036312, 1e-12);
}

TEST(Ahp, EigenvectorIsThePrincipalEigenvector) {
  auto r = DeriveAhp(kFive);
  ASSERT_TRUE(r.ok());
  // Python power iteration to 1e-15: 0.159923, 0.418539, 0.262518, 0.061767, 0.097254.
  const double expected[] = {0.159923, 0.418539, 0.262518, 0.061767, 0.097254};
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(r->weights[i], expected[i], 5e-7) << i;
  EXPECT_NEAR(std::accumulate(r->weights.begin(), r->weights.end(), 0.0), 1.0, 1e-12);
  EXPECT_NEAR(r->lambda_max, 5.068080256981167, 1e-9);
  EXPECT_NEAR(r->cr, 0.015196485933296238, 1e-9);
  // A w = lambda w: every component gives the same ratio.
  for (int i = 0; i < 5; ++i) {
    double aw = 0;
    for (int j = 0; j < 5; ++j) aw += kFive[i][j] * r->weights[j];
    EXPECT_NEAR(aw / r->weights[i], r->lambda_max, 1e-9);
  }
}

TEST(Ahp, AConsistentMatrixHasCrZeroAndExactWeights) {
  // a_ij = w_i / w_j for w = (0.5, 0.3, 0.2).
  const double w[] = {0.5, 0.3, 0.2};
  Matrix m(3, std::vector<double>(3));
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) m[i][j] = w[i] / w[j];
  for (auto method : {AhpMethod::kEigenvector, AhpMethod::kGeometricMean}) {
    auto r = DeriveAhp(m, {.method = method});
    ASSERT_TRUE(r.ok());
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(r->weights[i], w[i], 1e-12);
    EXPECT_NEAR(r->lambda_max, 3, 1e-12);
    EXPECT_NEAR(r->cr, 0, 1e-12);
  }
}

TEST(Ahp, InconsistentJudgementsAreFlagged) {
  // A > B (9), B > C (9), but C > A (9): a cycle.
  const Matrix m = {{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}};
  auto r = DeriveAhp(m);
  ASSERT_TRUE(r.ok());
  EXPECT_GE(r->cr, 0.1);
  EXPECT_FALSE(r->consistent);
  EXPECT_NEAR(r->ri, 0.58, 0);
}

TEST(Ahp, OneAndTwoCriteriaAreAlwaysConsistent) {
  auto one = DeriveAhp({{1}});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->weights, std::vector<double>{1});
  EXPECT_EQ(one->cr, 0);
  auto two = DeriveAhp({{1, 3}, {1.0 / 3, 1}}, {.method = AhpMethod::kGeometricMean});
  ASSERT_TRUE(two.ok());
  EXPECT_NEAR(two->weights[0], 0.75, 1e-12);
  EXPECT_NEAR(two->lambda_max, 2, 1e-12);
  EXPECT_EQ(two->ci, 0);
  EXPECT_EQ(two->cr, 0);
  EXPECT_TRUE(two->consistent);
}

TEST(Ahp, NamesTheCellThatIsWrong) {
  auto not_reciprocal = DeriveAhp({{1, 3, 2}, {1.0 / 3, 1, 4}, {0.5, 4, 1}});
  ASSERT_FALSE(not_reciprocal.ok());
  EXPECT_EQ(not_reciprocal.error().field, "matrix[2][1]");
  EXPECT_EQ(not_reciprocal.error().key, "ahp.not_reciprocal");
  EXPECT_EQ(not_reciprocal.error().message, "must be the reciprocal of matrix[1][2] (1/4 = 0.25), not 4");

  auto every = DeriveAhp({{2, 3, 0}, {1.0 / 3, 1, 4}, {0.5, 0.25, 1}});
  ASSERT_FALSE(every.ok());
  EXPECT_EQ(every.error().field, "matrix[0][2]");
  EXPECT_EQ(every.error().key, "matrix.not_positive");

  auto diagonal = DeriveAhp({{2, 3}, {1.0 / 3, 1}});
  EXPECT_EQ(diagonal.error().field, "matrix[0][0]");
  EXPECT_EQ(diagonal.error().key, "ahp.diagonal");

  EXPECT_EQ(DeriveAhp({{1, 2, 3}, {0.5, 1, 2}}).error().key, "ahp.not_square");
  EXPECT_EQ(DeriveAhp({{1, 2}, {0.5}}).error().field, "matrix[1]");
  EXPECT_EQ(DeriveAhp({}).error().field, "matrix");
  // Two-decimal entries pass for their fractions.
  EXPECT_TRUE(DeriveAhp({{1, 3, 8}, {0.33, 1, 2}, {0.13, 0.5, 1}}).ok());
}

TEST(Ahp, TheRandomIndexTableIsConfigurable) {
  Matrix big(16, std::vector<double>(16, 1.0));
  auto missing = DeriveAhp(big);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "ri_table");
  std::vector<double> ri = SaatyRandomIndex();
  ri.push_back(1.5924);
  auto r = DeriveAhp(big, {.random_index = ri});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ri, 1.5924);
  EXPECT_NEAR(r->weights[3], 1.0 / 16, 1e-15);
  auto own = DeriveAhp(kFive, {.method = AhpMethod::kGeometricMean, .random_index = {0, 0, 0.52, 0.89, 1.11}});
  EXPECT_NEAR(own->cr, 0.017009134101160672 / 1.11, 1e-12);
}

TEST(EntropyWeights, ReproducesXu2004) {
  auto r = EntropyWeights({{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const double published[] = {0.4630, 0.3992, 0.1378, 0.0000};
  for (int j = 0; j < 4; ++j) EXPECT_NEAR((*r)[j], published[j], 5e-5) << j;
  // Independently (Python): 0.4629522868993801, 0.39920354898959204, 0.13784085613853284, 3.307972495039232e-06.
  EXPECT_NEAR((*r)[0], 0.4629522868993801, 1e-12);
  EXPECT_NEAR((*r)[3], 3.307972495039232e-06, 1e-12);
}

TEST(EntropyWeights, AConstantOrZeroColumnGetsWeightZero) {
  auto r = EntropyWeights({{1, 5, 0, 0}, {2, 5, 0, 3}, {3, 5, 0, 0}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[1], 0.0);
  EXPECT_EQ((*r)[2], 0.0);
  // Column 3 has zeros beside a 3: 0 ln 0 counts as 0, and it is the most concentrated column.
  EXPECT_GT((*r)[3], (*r)[0]);
  EXPECT_NEAR((*r)[0] + (*r)[3], 1.0, 1e-15);
}

TEST(EntropyWeights, RefusesWhatItCannotWeigh) {
  EXPECT_EQ(EntropyWeights({{1, 2}}).error().key, "entropy.too_few_rows");
  EXPECT_EQ(EntropyWeights({{1, 2}, {1, 2}}).error().key, "entropy.no_variation");
  auto negative = EntropyWeights({{1, 2}, {-1, 2}});
  EXPECT_EQ(negative.error().field, "matrix[1][0]");
  EXPECT_EQ(negative.error().key, "matrix.negative");
}

}  // namespace
}  // namespace sqm::assessment
