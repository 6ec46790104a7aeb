// Campaign sampling: the calculator on a published example, proportional allocation with
// largest-remainder rounding and one per non-empty stratum, and a draw reproducible from its seed.
#include "feedback/sampling.h"

#include <gtest/gtest.h>

#include <set>

namespace sqm::feedback {
namespace {

// `n` customers (ids from `first`) of one tier and department.
std::vector<Member> Customers(Id first, int n, const std::string& tier, Id department) {
  std::vector<Member> out;
  for (int i = 0; i < n; ++i) {
    out.push_back({.customer_id = first + i,
                   .tier = tier,
                   .ticket_id = 1000 + first + i,
                   .department_id = department,
                   .department_name = "部门" + std::to_string(department)});
  }
  return out;
}

std::vector<Member> Population() {
  auto p = Customers(1, 6000, "standard", 1);
  for (auto& m : Customers(10'001, 3000, "gold", 2)) p.push_back(m);
  for (auto& m : Customers(20'001, 990, "vip", 3)) p.push_back(m);
  for (auto& m : Customers(30'001, 10, "partner", 4)) p.push_back(m);
  return p;
}

TEST(CampaignSampling, TheCalculatorGivesThePublishedSampleSize) {
  // Cochran with the finite-population correction: N = 10,000, 95 %, +-5 %, p = 0.5 -> 370
  // (n0 = 384.16; 384.16 / (1 + 383.16 / 10,000) = 369.98, rounded up).
  auto plan = PlanSample(Population(), StratifyBy::kNone, {.margin = 0.05, .confidence = 0.95, .proportion = 0.5});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->population, 10'000);
  EXPECT_EQ(plan->sample_size, 370);
  ASSERT_EQ(plan->strata.size(), 1u);
  EXPECT_EQ(plan->strata[0].sample, 370);
  // 99 % and 90 % at the same margin: 623 and 264.
  EXPECT_EQ(PlanSample(Population(), StratifyBy::kNone, {.margin = 0.05, .confidence = 0.99})->sample_size, 623);
  EXPECT_EQ(PlanSample(Population(), StratifyBy::kNone, {.margin = 0.05, .confidence = 0.90})->sample_size, 264);
}

TEST(CampaignSampling, AllocationIsProportionalWithLargestRemainders) {
  // 370 over 6000 / 3000 / 990 / 10: 222, 111, 36.63, 0.37 -> floors 369, the unit left goes to
  // the largest remainder (0.63), and the smallest stratum is raised to one: 222 111 37 1.
  EXPECT_EQ(Allocate({6000, 3000, 990, 10}, 370), (std::vector<std::int64_t>{222, 111, 37, 1}));
  // Equal remainders: the earlier stratum first.
  EXPECT_EQ(Allocate({1, 1, 1}, 2), (std::vector<std::int64_t>{1, 1, 1}));
  EXPECT_EQ(Allocate({5, 5}, 5), (std::vector<std::int64_t>{3, 2}));
  // An empty stratum gets nothing; everyone when n is the whole population.
  EXPECT_EQ(Allocate({0, 4, 6}, 10), (std::vector<std::int64_t>{0, 4, 6}));
  EXPECT_EQ(Allocate({}, 0), (std::vector<std::int64_t>{}));
}

TEST(CampaignSampling, StrataByTierAndByDepartment) {
  auto by_tier = PlanSample(Population(), StratifyBy::kTier, {});
  ASSERT_TRUE(by_tier.ok());
  ASSERT_EQ(by_tier->strata.size(), 4u);
  // Key order: gold, partner, standard, vip.
  EXPECT_EQ(by_tier->strata[0].key, "gold");
  EXPECT_EQ(by_tier->strata[0].sample, 111);
  EXPECT_EQ(by_tier->strata[1].key, "partner");
  EXPECT_EQ(by_tier->strata[1].sample, 1);
  EXPECT_EQ(by_tier->strata[2].sample, 222);
  EXPECT_EQ(by_tier->strata[3].sample, 37);
  auto by_department = PlanSample(Population(), StratifyBy::kDepartment, {});
  ASSERT_TRUE(by_department.ok());
  ASSERT_EQ(by_department->strata.size(), 4u);
  EXPECT_EQ(by_department->strata[0].key, "1");
  EXPECT_EQ(by_department->strata[0].label, "部门1");
  EXPECT_EQ(by_department->strata[0].population, 6000);
}

TEST(CampaignSampling, TheDrawIsReproducibleFromItsSeed) {
  const auto population = Population();
  const auto plan = *PlanSample(population, StratifyBy::kTier, {});
  const auto a = Draw(population, plan, 20'261'204);
  const auto b = Draw(population, plan, 20'261'204);
  const auto c = Draw(population, plan, 7);
  ASSERT_EQ(a.size(), 371u);
  ASSERT_EQ(b.size(), a.size());
  std::set<Id> ids;
  std::map<std::string, int> per_tier;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].customer_id, b[i].customer_id);
    ids.insert(a[i].customer_id);
    ++per_tier[a[i].tier];
  }
  EXPECT_EQ(ids.size(), a.size()) << "nobody is drawn twice";
  EXPECT_EQ(per_tier["gold"], 111);
  EXPECT_EQ(per_tier["partner"], 1);
  EXPECT_EQ(per_tier["standard"], 222);
  EXPECT_EQ(per_tier["vip"], 37);
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i].customer_id == c[i].customer_id ? 1 : 0;
  EXPECT_LT(same, 50) << "another seed draws other customers";
  // The draw does not depend on the order the population was read in.
  auto reversed = population;
  std::reverse(reversed.begin(), reversed.end());
  const auto d = Draw(reversed, plan, 20'261'204);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].customer_id, d[i].customer_id);
}

TEST(CampaignSampling, SplitMix64IsThePublishedSequence) {
  // The reference outputs of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
  SplitMix64 g(1234567);
  EXPECT_EQ(g.Next(), 6457827717110365317ULL);
  EXPECT_EQ(g.Next(), 3203168211198807973ULL);
  EXPECT_EQ(g.Next(), 9817491932198370423ULL);
  SplitMix64 h(1);
  for (int i = 0; i < 1000; ++i) EXPECT_LT(h.Below(7), 7u);
}

TEST(CampaignSampling, BadQuestionsAndEmptyPopulationsNameTheirField) {
  EXPECT_EQ(PlanSample({}, StratifyBy::kNone, {}).error().field, "population");
  EXPECT_EQ(PlanSample(Population(), StratifyBy::kNone, {.margin = 0}).error().field, "margin");
  EXPECT_EQ(PlanSample(Population(), StratifyBy::kNone, {.confidence = 1.0}).error().field, "confidence");
  EXPECT_EQ(PlanSample(Population(), StratifyBy::kNone, {.proportion = 0}).error().field, "proportion");
  // A small population is sampled whole (N = 20: 19.06, rounded up).
  auto small = PlanSample(Customers(1, 20, "standard", 1), StratifyBy::kNone, {});
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->sample_size, 20);
}

}  // namespace
}  // namespace sqm::feedback
