#include "base/stats.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace sqm::stats {
namespace {

// Reference quantiles from Python 3.11's statistics.NormalDist().inv_cdf, an independent
// implementation of the same algorithm (AS 241); they agree to the last bits or nearly.
TEST(NormalQuantile, MatchesReferenceValuesAcrossAllThreeRegions) {
  const struct {
    double p, z;
  } cases[] = {
      {1e-300, -37.0470962993612},    {1e-20, -9.262340089798405},  {1e-10, -6.361340902404056},
      {0.001, -3.090232306167813},    {0.025, -1.9599639845400538}, {0.075, -1.4395314709384557},
      {0.1, -1.2815515655446008},     {0.3, -0.5244005127080407},   {0.5, 0.0},
      {0.6, 0.2533471031357998},      {0.975, 1.9599639845400536},  {0.999, 3.090232306167813},
      {1 - 1e-10, 6.361340889697421},
  };
  for (const auto& c : cases) EXPECT_NEAR(NormalQuantile(c.p), c.z, 1e-12 * std::max(1.0, std::abs(c.z))) << c.p;
  EXPECT_EQ(NormalQuantile(0.5), 0.0);
}

TEST(NormalQuantile, InvertsTheCdfToOneInABillion) {
  for (double p = 0.0005; p < 1; p += 0.0005) {
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)), p, 1e-9 * std::min(p, 1 - p)) << p;
  }
  // Upper tail through symmetry: 1 - Phi(z) itself loses digits as Phi(z) nears 1.
  for (double z = -8; z <= 0; z += 0.25) EXPECT_NEAR(NormalQuantile(NormalCdf(z)), z, 1e-9) << z;
  for (double p = 0.001; p < 0.5; p += 0.001) EXPECT_NEAR(NormalQuantile(1 - p), -NormalQuantile(p), 1e-9) << p;
}

TEST(NormalQuantile, EndsAreInfinite) {
  EXPECT_EQ(NormalQuantile(0), -INFINITY);
  EXPECT_EQ(NormalQuantile(1), INFINITY);
  EXPECT_EQ(NormalQuantile(-0.5), -INFINITY);
}

TEST(NormalCdf, KnownValues) {
  EXPECT_DOUBLE_EQ(NormalCdf(0), 0.5);
  EXPECT_NEAR(NormalCdf(1), 0.8413447460685429, 1e-15);
  EXPECT_NEAR(NormalCdf(-3), 0.0013498980316301035, 1e-17);
  // erfc keeps the tail accurate where 1 + erf(x) would lose it.
  EXPECT_NEAR(NormalCdf(-8) / 6.220960574271785e-16, 1.0, 1e-12);
  EXPECT_NEAR(CriticalValue(0.95), 1.959963984540054, 1e-14);
}

TEST(WilsonInterval, PublishedExamples) {
  auto r = WilsonInterval(81, 263);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->p, 0.3080, 5e-5);
  EXPECT_NEAR(r->low, 0.2553, 5e-5);
  EXPECT_NEAR(r->high, 0.3662, 5e-5);
  // Independently (Python, statistics.NormalDist): 0.2552885198782743 .. 0.3662095769828001.
  EXPECT_NEAR(r->low, 0.2552885198782743, 1e-13);
  EXPECT_NEAR(r->high, 0.3662095769828001, 1e-13);
  EXPECT_NEAR(r->margin, (0.3662095769828001 - 0.2552885198782743) / 2, 1e-13);

  auto zero = WilsonInterval(0, 20);
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(zero->low, 0.0);
  EXPECT_NEAR(zero->high, 0.1611, 5e-5);
  EXPECT_NEAR(zero->high, 0.1611251580528193, 1e-13);
}

TEST(WilsonInterval, StaysInsideZeroToOne) {
  auto all = WilsonInterval(20, 20);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->high, 1.0);
  EXPECT_NEAR(all->low, 1 - 0.1611251580528193, 1e-13);
  auto one = WilsonInterval(1, 1, 0.99);
  ASSERT_TRUE(one.ok());
  EXPECT_GE(one->low, 0.0);
  EXPECT_EQ(one->high, 1.0);
}

TEST(WilsonInterval, NamesEveryBadParameter) {
  auto r = WilsonInterval(-1, 0, 1.5);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "n");
  EXPECT_EQ(r.error().key, "stats.n_positive");
  ASSERT_EQ(r.error().more.size(), 2u);
  EXPECT_EQ(r.error().more[0].field, "successes");
  EXPECT_EQ(r.error().more[1].field, "confidence");

  auto over = WilsonInterval(11, 10);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().field, "successes");
  EXPECT_EQ(over.error().message, "must be between 0 and n (10)");
  EXPECT_EQ(WilsonInterval(-1, 10).error().field, "successes");
  EXPECT_EQ(WilsonInterval(1, 10, 0).error().field, "confidence");
  EXPECT_EQ(WilsonInterval(1, 10, 1).error().field, "confidence");
  EXPECT_EQ(WilsonInterval(1, 10, NAN).error().field, "confidence");
}

TEST(SampleSize, PublishedExamplesRoundUp) {
  EXPECT_EQ(*SampleSize({.margin = 0.05}), 385);                      // 384.146
  EXPECT_EQ(*SampleSize({.margin = 0.03}), 1068);                     // 1067.07
  EXPECT_EQ(*SampleSize({.margin = 0.05, .population = 2000}), 323);  // 322.39
  EXPECT_EQ(*SampleSize({.margin = 0.05, .confidence = 0.99}), 664);  // 663.49
  EXPECT_EQ(*SampleSize({.margin = 0.05, .proportion = 0.9}), 139);   // 138.29
}

TEST(SampleSize, FinitePopulationNeverAsksForMoreThanThePopulation) {
  EXPECT_EQ(*SampleSize({.margin = 0.05, .population = 1}), 1);
  EXPECT_EQ(*SampleSize({.margin = 0.05, .population = 50}), 45);  // 44.34
  EXPECT_LE(*SampleSize({.margin = 0.01, .population = 300}), 300);
}

TEST(SampleSize, NamesEveryBadParameter) {
  auto r = SampleSize({.margin = 0, .confidence = 1, .population = 0, .proportion = 1.2});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "margin");
  ASSERT_EQ(r.error().more.size(), 3u);
  EXPECT_EQ(r.error().more[0].field, "confidence");
  EXPECT_EQ(r.error().more[1].field, "population");
  EXPECT_EQ(r.error().more[2].field, "proportion");
  EXPECT_EQ(SampleSize({.margin = -0.05}).error().field, "margin");
}

TEST(CohenKappa, PublishedExampleWithEachWeighting) {
  const std::vector<double> a = {1, 1, 2, 2, 3, 3, 1, 3};
  const std::vector<double> b = {1, 3, 2, 1, 3, 2, 1, 3};
  auto none = CohenKappa(a, b, KappaWeights::kNone);
  ASSERT_TRUE(none.ok());
  EXPECT_NEAR(*none->kappa, 0.4286, 5e-5);
  EXPECT_NEAR(*none->kappa, 3.0 / 7.0, 1e-15);
  EXPECT_NEAR(none->observed, 0.625, 1e-15);
  EXPECT_NEAR(none->expected, 0.34375, 1e-15);
  EXPECT_EQ(none->n, 8);
  auto linear = CohenKappa(a, b, KappaWeights::kLinear);
  EXPECT_NEAR(*linear->kappa, 0.4667, 5e-5);
  EXPECT_NEAR(*linear->kappa, 7.0 / 15.0, 1e-15);
  EXPECT_NEAR(linear->observed, 0.75, 1e-15);
  EXPECT_NEAR(linear->expected, 0.53125, 1e-15);
  auto quadratic = CohenKappa(a, b, KappaWeights::kQuadratic);
  EXPECT_NEAR(*quadratic->kappa, 0.5, 1e-15);
  EXPECT_NEAR(quadratic->observed, 0.8125, 1e-15);
  EXPECT_NEAR(quadratic->expected, 0.625, 1e-15);
}

TEST(CohenKappa, GivenCategoriesSetTheWeightScale) {
  // With 5 categories the same disagreements are smaller steps on the scale.
  const std::vector<double> a = {1, 1, 2, 2, 3, 3, 1, 3};
  const std::vector<double> b = {1, 3, 2, 1, 3, 2, 1, 3};
  auto r = CohenKappa(a, b, KappaWeights::kLinear, std::vector<double>{1, 2, 3, 4, 5});
  ASSERT_TRUE(r.ok());
  // Agreement weights 1 - |i-j|/4: 5 exact, 2 one step apart, 1 two apart: (5 + 2 * 0.75 + 0.5) / 8.
  EXPECT_NEAR(r->observed, 7.0 / 8, 1e-15);
  // Unweighted kappa does not depend on unused categories.
  EXPECT_NEAR(*CohenKappa(a, b, KappaWeights::kNone, std::vector<double>{1, 2, 3, 4, 5})->kappa, 3.0 / 7.0, 1e-15);
}

TEST(CohenKappa, PerfectAgreementInOneCategoryHasNoKappa) {
  const std::vector<double> a = {1, 1, 1};
  auto r = CohenKappa(a, a, KappaWeights::kNone);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->kappa.has_value());
  EXPECT_EQ(r->observed, 1.0);
  EXPECT_EQ(r->expected, 1.0);
  // Complete disagreement between two categories is kappa -1, not an error.
  auto opposite = CohenKappa(std::vector<double>{1, 2}, std::vector<double>{2, 1}, KappaWeights::kNone);
  EXPECT_NEAR(*opposite->kappa, -1.0, 1e-15);
}

TEST(CohenKappa, NamesTheBadField) {
  const std::vector<double> a = {1, 2, 3}, b = {1, 2};
  EXPECT_EQ(CohenKappa(a, b, KappaWeights::kNone).error().field, "b");
  EXPECT_EQ(CohenKappa(std::vector<double>{1}, std::vector<double>{1}, KappaWeights::kNone).error().field, "a");
  auto unknown = CohenKappa(a, std::vector<double>{1, 2, 4}, KappaWeights::kNone, std::vector<double>{1, 2, 3});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "b[2]");
  EXPECT_EQ(unknown.error().message, "4 is not a category");
  EXPECT_EQ(CohenKappa(a, a, KappaWeights::kNone, std::vector<double>{1, 2, 2, 3}).error().field, "categories");
}

TEST(MidRanks, TiesShareTheirMeanRank) {
  EXPECT_EQ(MidRanks(std::vector<double>{10, 20, 20, 30}), (std::vector<double>{1, 2.5, 2.5, 4}));
  EXPECT_EQ(MidRanks(std::vector<double>{3, 1, 2}), (std::vector<double>{3, 1, 2}));
  EXPECT_EQ(MidRanks(std::vector<double>{5, 5, 5}), (std::vector<double>{2, 2, 2}));
  EXPECT_TRUE(MidRanks(std::vector<double>{}).empty());
}

TEST(CompetitionRanks, TiesShareTheBestRankAndTheNextSkips) {
  EXPECT_EQ(CompetitionRanks(std::vector<double>{90, 80, 80, 70}), (std::vector<int>{1, 2, 2, 4}));
  EXPECT_EQ(CompetitionRanks(std::vector<double>{70, 90, 80, 90}), (std::vector<int>{4, 1, 3, 1}));
  EXPECT_TRUE(CompetitionRanks(std::vector<double>{}).empty());
}

TEST(LeastSquares, FitsALine) {
  const std::vector<double> x = {1, 2, 3, 4}, y = {3, 5, 7, 9};
  Line l = LeastSquares(x, y);
  EXPECT_NEAR(l.a, 1, 1e-12);
  EXPECT_NEAR(l.b, 2, 1e-12);
  EXPECT_NEAR(l.r2, 1, 1e-12);
  const std::vector<double> noisy = {1, 3, 2, 4};
  // sxx = 5, sxy = 4, syy = 5: b = 0.8, a = 2.5 - 0.8 * 2.5 = 0.5, r2 = 16 / 25.
  Line m = LeastSquares(x, noisy);
  EXPECT_NEAR(m.b, 0.8, 1e-12);
  EXPECT_NEAR(m.a, 0.5, 1e-12);
  EXPECT_NEAR(m.r2, 0.64, 1e-12);
}

TEST(Percentile, InterpolatesBetweenTheClosestRanks) {
  using V = std::vector<double>;
  EXPECT_DOUBLE_EQ(Percentile(V{5, 15, 30}, 90), 27);
  EXPECT_DOUBLE_EQ(Percentile(V{5, 15}, 90), 14);
  EXPECT_DOUBLE_EQ(Percentile(V{7}, 90), 7);
  EXPECT_DOUBLE_EQ(Percentile(V{1, 2, 3, 4}, 50), 2.5);
  EXPECT_DOUBLE_EQ(Percentile(V{1, 2, 3, 4}, 0), 1);
  EXPECT_DOUBLE_EQ(Percentile(V{1, 2, 3, 4}, 100), 4);
}

}  // namespace
}  // namespace sqm::stats
