#include "analytics/sketch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "base/stats.h"

namespace sqm::analytics {
namespace {

// Every estimate of an order statistic is within the relative accuracy of the true one.
void ExpectWithinAccuracy(const QuantileSketch& s, std::vector<double> values) {
  std::sort(values.begin(), values.end());
  ASSERT_EQ(s.Count(), static_cast<long long>(values.size()));
  for (std::size_t k = 0; k < values.size(); ++k) {
    EXPECT_LE(std::fabs(s.OrderStatistic(static_cast<long long>(k)) - values[k]),
              s.Accuracy() * std::fabs(values[k]) + 1e-12)
        << "k=" << k;
  }
  for (double p : {0.0, 1.0, 10.0, 50.0, 90.0, 95.0, 99.0, 100.0}) {
    const double exact = stats::Percentile(values, p);
    EXPECT_LE(std::fabs(*s.Percentile(p) - exact), s.Accuracy() * std::fabs(exact) + 1e-12) << "p=" << p;
  }
}

TEST(QuantileSketch, EveryRankIsWithinTheRelativeAccuracy) {
  std::mt19937_64 rng(42);
  std::lognormal_distribution<double> minutes(2.5, 1.2);  // response times: a long right tail
  QuantileSketch s;
  std::vector<double> values;
  for (int i = 0; i < 5000; ++i) {
    values.push_back(minutes(rng));
    s.Add(values.back());
  }
  ExpectWithinAccuracy(s, values);
  // A 1 % sketch of 5,000 values spread over four decades keeps a few hundred buckets, not 5,000.
  EXPECT_LT(s.Buckets(), 1000u);
}

TEST(QuantileSketch, ZeroAndNegativeValuesKeepTheirOrder) {
  QuantileSketch s;
  const std::vector<double> values{-120, -3.5, 0, 0, 1e-12, 2, 7.25, 1e6};
  for (double v : values) s.Add(v);
  ExpectWithinAccuracy(s, values);
  EXPECT_EQ(s.OrderStatistic(2), 0);
  EXPECT_LT(s.OrderStatistic(0), s.OrderStatistic(1));
}

TEST(QuantileSketch, EmptyHasNoPercentileNotZero) {
  QuantileSketch s;
  EXPECT_FALSE(s.Percentile(90).has_value());
  s.Add(3);
  ASSERT_TRUE(s.Retract(3));
  EXPECT_TRUE(s.Empty());
  EXPECT_FALSE(s.Percentile(90).has_value());
}

TEST(QuantileSketch, RetractingLeavesTheSketchOfWhatRemains) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.5, 500);
  QuantileSketch s;
  std::vector<double> held;
  for (int step = 0; step < 20000; ++step) {
    if (!held.empty() && rng() % 3 == 0) {
      const auto i = rng() % held.size();
      ASSERT_TRUE(s.Retract(held[i]));
      held[i] = held.back();
      held.pop_back();
    } else {
      held.push_back(u(rng));
      s.Add(held.back());
    }
  }
  QuantileSketch fresh;
  for (double v : held) fresh.Add(v);
  ASSERT_EQ(s.Count(), fresh.Count());
  ASSERT_EQ(s.Buckets(), fresh.Buckets());  // no empty bucket left behind
  for (long long k = 0; k < s.Count(); k += 97) EXPECT_EQ(s.OrderStatistic(k), fresh.OrderStatistic(k));
  ExpectWithinAccuracy(s, held);
}

TEST(QuantileSketch, ARetractionOfWhatIsNotHeldChangesNothing) {
  QuantileSketch s;
  s.Add(10);
  EXPECT_FALSE(s.Retract(1000));
  EXPECT_FALSE(s.Retract(0));
  EXPECT_FALSE(s.Retract(-10));
  EXPECT_EQ(s.Count(), 1);
  EXPECT_EQ(*s.Percentile(50), s.OrderStatistic(0));
}

TEST(QuantileSketch, MergedDaysEqualOneSketchOfAllTheirValues) {
  QuantileSketch monday, tuesday, both;
  for (int i = 1; i <= 300; ++i) {
    const double v = i * 1.7;
    (i % 2 ? monday : tuesday).Add(v);
    both.Add(v);
  }
  QuantileSketch week;
  ASSERT_TRUE(week.Merge(monday));
  ASSERT_TRUE(week.Merge(tuesday));
  for (long long k = 0; k < both.Count(); ++k) EXPECT_EQ(week.OrderStatistic(k), both.OrderStatistic(k));
  // Taking a day back out of the week leaves the other day.
  ASSERT_TRUE(week.Merge(tuesday, -1));
  for (long long k = 0; k < monday.Count(); ++k) EXPECT_EQ(week.OrderStatistic(k), monday.OrderStatistic(k));
  // Taking back more than is held is refused and changes nothing.
  EXPECT_FALSE(week.Merge(both, -1));
  EXPECT_EQ(week.Count(), monday.Count());
}

// The store's packed sketches answer exactly as the QuantileSketch they replace: the same buckets,
// so the same rank estimates and percentiles, after any sequence of additions and retractions of
// negative, zero, tiny and huge values.
TEST(PackedSketch, AnswersEveryPercentileExactlyAsTheQuantileSketch) {
  const SketchScale scale(QuantileSketch::kDefaultAccuracy);
  ASSERT_TRUE(PackedSketch::Fits(scale));
  std::mt19937_64 rng(2026);
  std::lognormal_distribution<double> minutes(2.5, 1.5);
  auto draw = [&]() -> double {
    switch (rng() % 8) {
      case 0: return 0;
      case 1: return 1e-12;  // counts as zero
      case 2: return -minutes(rng);
      case 3: return std::ldexp(1.0, static_cast<int>(rng() % 2000) - 1000);  // 1e-301 .. 1e301
      case 4: return -1e300;
      case 5: return 1e300;
      default: return minutes(rng);
    }
  };
  for (int run = 0; run < 40; ++run) {
    PackedSketch packed;
    QuantileSketch reference;
    std::vector<double> held;
    const int steps = run < 20 ? 8 : 3000;  // a staff member's day, and a department's month
    for (int step = 0; step < steps; ++step) {
      if (!held.empty() && rng() % 5 < 2) {
        const auto i = rng() % held.size();
        ASSERT_TRUE(packed.Retract(scale, held[i]));
        ASSERT_TRUE(reference.Retract(held[i]));
        held[i] = held.back();
        held.pop_back();
      } else {
        held.push_back(draw());
        ASSERT_TRUE(packed.Add(scale, held.back()));
        reference.Add(held.back());
      }
      QuantileSketch answer;
      answer.Merge(packed);
      ASSERT_EQ(answer.Count(), reference.Count());
      ASSERT_EQ(answer.Buckets(), reference.Buckets());
      // The packed form counts the zeros in a bucket of their own.
      const bool zeros =
          std::any_of(held.begin(), held.end(), [](double v) { return std::fabs(v) <= QuantileSketch::kZeroLimit; });
      ASSERT_EQ(packed.Buckets(), reference.Buckets() + (zeros ? 1 : 0));
      if (steps > 8 && step % 97 != 0) continue;
      for (long long k = 0; k < answer.Count(); ++k) ASSERT_EQ(answer.OrderStatistic(k), reference.OrderStatistic(k));
      for (double p = 0; p <= 100; p += 2.5) ASSERT_EQ(answer.Percentile(p), reference.Percentile(p)) << p;
    }
    // Every value taken back leaves no block behind.
    for (double v : held) ASSERT_TRUE(packed.Retract(scale, v));
    EXPECT_TRUE(packed.Empty());
    EXPECT_EQ(packed.Bytes(), 0u);
  }
}

TEST(PackedSketch, RefusesWhatItCannotHoldAndChangesNothing) {
  const SketchScale scale(QuantileSketch::kDefaultAccuracy);
  PackedSketch s;
  EXPECT_FALSE(s.Retract(scale, 10));
  ASSERT_TRUE(s.Add(scale, 10));
  ASSERT_TRUE(s.Add(scale, 0));
  EXPECT_FALSE(s.Retract(scale, 1000));
  EXPECT_FALSE(s.Retract(scale, -10));
  EXPECT_FALSE(s.Add(scale, std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(s.Add(scale, std::numeric_limits<double>::quiet_NaN()));
  ASSERT_TRUE(s.Retract(scale, 0));
  EXPECT_FALSE(s.Retract(scale, 0));
  QuantileSketch answer;
  answer.Merge(s);
  EXPECT_EQ(answer.Count(), 1);
  EXPECT_EQ(s.Buckets(), 1u);
  // One bucket: two 16-bit numbers, a key and its padding, a count: 12 bytes, a 32-byte chunk.
  EXPECT_EQ(s.Bytes(), 32u);
  s.Release();
  EXPECT_TRUE(s.Empty());
  // A finer accuracy has more buckets than 16-bit keys can tell apart.
  EXPECT_FALSE(PackedSketch::Fits(SketchScale(0.001)));
}

}  // namespace
}  // namespace sqm::analytics
