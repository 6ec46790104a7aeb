#include "analytics/partial.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

#include "base/stats.h"

namespace sqm::analytics {
namespace {

struct Held {
  std::optional<double> value;
  bool counted;
};

// What the reference SQL would compute over exactly the facts held.
void ExpectEqualsRecomputation(const Partial& p, const std::vector<Held>& held) {
  long long counted = 0;
  std::vector<double> values;
  for (const auto& h : held) {
    counted += h.counted ? 1 : 0;
    if (h.value) values.push_back(*h.value);
  }
  std::sort(values.begin(), values.end());
  ASSERT_EQ(p.Count(), static_cast<long long>(held.size()));
  ASSERT_EQ(p.Counted(), counted);
  ASSERT_EQ(p.Valued(), static_cast<long long>(values.size()));
  double sum = 0, squares = 0;
  for (double v : values) {
    sum += v;
    squares += v * v;
  }
  EXPECT_NEAR(p.Sum(), sum, 1e-9 * std::max(1.0, std::fabs(sum)));
  if (values.empty()) {
    EXPECT_FALSE(p.SumOfSquares().has_value());
    EXPECT_FALSE(p.Mean().has_value());
    EXPECT_FALSE(p.Min().has_value());
    EXPECT_FALSE(p.Percentile(90).has_value());
    return;
  }
  EXPECT_NEAR(*p.SumOfSquares(), squares, 1e-9 * std::max(1.0, squares));
  EXPECT_NEAR(*p.Mean(), sum / static_cast<double>(values.size()), 1e-9 * std::max(1.0, std::fabs(*p.Mean())));
  if (p.ExtremesKnown()) {
    EXPECT_EQ(*p.Min(), values.front());
    EXPECT_EQ(*p.Max(), values.back());
  } else {
    EXPECT_FALSE(p.Min().has_value());
  }
  const double exact = stats::Percentile(values, 90);
  EXPECT_LE(std::fabs(*p.Percentile(90) - exact), QuantileSketch::kDefaultAccuracy * exact + 1e-12);
}

TEST(Partial, RandomAddsAndRetractionsEqualARecomputation) {
  std::mt19937_64 rng(2026);
  std::lognormal_distribution<double> minutes(3, 1);
  Partial p(/*with_sketch=*/true);
  std::vector<Held> held;
  for (int step = 0; step < 50000; ++step) {
    if (!held.empty() && rng() % 5 < 2) {
      const auto i = rng() % held.size();
      ASSERT_TRUE(p.Retract(held[i].value, held[i].counted));
      held[i] = held.back();
      held.pop_back();
    } else {
      Held h{rng() % 4 == 0 ? std::nullopt : std::optional<double>(minutes(rng)), rng() % 3 != 0};
      p.Add(h.value, h.counted);
      held.push_back(h);
    }
    if (step % 5000 == 0) ExpectEqualsRecomputation(p, held);
  }
  ExpectEqualsRecomputation(p, held);
}

TEST(Partial, ExtremesStayExactUnderAdditionsAndBecomeUnknownWhenOneIsTakenBack) {
  Partial p;
  for (double v : {5.0, 2.0, 9.0, 4.0}) p.Add(v, false);
  EXPECT_EQ(*p.Min(), 2);
  EXPECT_EQ(*p.Max(), 9);
  ASSERT_TRUE(p.Retract(4.0, false));  // inside: still exact
  EXPECT_EQ(*p.Min(), 2);
  ASSERT_TRUE(p.Retract(9.0, false));  // the maximum: the partial cannot know the next one
  EXPECT_FALSE(p.ExtremesKnown());
  EXPECT_FALSE(p.Max().has_value());
  ASSERT_TRUE(p.Retract(5.0, false));
  ASSERT_TRUE(p.Retract(2.0, false));  // empty again: exact again
  p.Add(7.0, false);
  EXPECT_TRUE(p.ExtremesKnown());
  EXPECT_EQ(*p.Min(), 7);
}

TEST(Partial, NoFactsIsNoDataNotZero) {
  Partial p(true);
  EXPECT_EQ(p.Count(), 0);
  EXPECT_FALSE(p.Mean().has_value());
  EXPECT_FALSE(p.Min().has_value());
  EXPECT_FALSE(p.Max().has_value());
  EXPECT_FALSE(p.Percentile(50).has_value());
  p.Add(std::nullopt, true);  // a ratio's fact carries no value
  EXPECT_EQ(p.Counted(), 1);
  EXPECT_FALSE(p.Mean().has_value());
}

TEST(Partial, ARetractionItCannotHoldChangesNothing) {
  Partial p(true);
  EXPECT_FALSE(p.Retract(std::nullopt, false));
  p.Add(3.0, false);
  EXPECT_FALSE(p.Retract(std::nullopt, true));  // nothing counted
  EXPECT_FALSE(p.Retract(300.0, false));        // not in the sketch
  EXPECT_EQ(p.Count(), 1);
  EXPECT_EQ(p.Sum(), 3);
}

TEST(Partial, AMonthIsTheMergeOfItsDays) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 100);
  Partial month(true), direct(true);
  std::vector<Held> all;
  for (int day = 0; day < 30; ++day) {
    Partial d(true);
    for (int i = 0; i < 40; ++i) {
      Held h{u(rng), i % 3 == 0};
      d.Add(h.value, h.counted);
      direct.Add(h.value, h.counted);
      all.push_back(h);
    }
    month.Merge(d);
  }
  ExpectEqualsRecomputation(month, all);
  EXPECT_EQ(*month.Percentile(90), *direct.Percentile(90));
  EXPECT_EQ(*month.Min(), *direct.Min());
}

}  // namespace
}  // namespace sqm::analytics
