#include "analytics/store.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "base/stats.h"

namespace sqm::analytics {
namespace {

TEST(Months, CivilMonthsOfDaysSinceTheEpoch) {
  EXPECT_EQ(MonthOf(0), 1970 * 12);                 // 1970-01-01
  EXPECT_EQ(MonthOf(31), 1970 * 12 + 1);            // 1970-02-01
  EXPECT_EQ(MonthOf(-1), 1969 * 12 + 11);           // 1969-12-31
  EXPECT_EQ(FirstDayOfMonth(1970 * 12 + 1), 31);    // February 1970
  EXPECT_EQ(FirstDayOfMonth(1969 * 12 + 11), -31);  // December 1969
  // 2024-02-29 is a leap day: 19782.
  EXPECT_EQ(MonthOf(19782), 2024 * 12 + 1);
  EXPECT_EQ(FirstDayOfMonth(2024 * 12 + 2), 19783);  // 2024-03-01
  for (Day d = 19000; d < 21000; ++d) {
    const auto m = MonthOf(d);
    ASSERT_LE(FirstDayOfMonth(m), d);
    ASSERT_GT(FirstDayOfMonth(m + 1), d);
  }
}

struct Fact {
  std::size_t measure;
  Subject subject;
  Day day;
  std::optional<double> value;
  bool counted;
};

// Random additions and retractions of facts of every measure of `shapes` (a value for every
// measure that keeps values), then random ranges of every subject against a recomputation over
// the facts held, and the rows held against the days and months that hold facts.
void ExpectAnyRangeEqualsARecomputation(const std::vector<MeasureShape>& shapes, std::uint64_t seed) {
  PartialStore store(shapes);
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> minutes(2.8, 0.9);
  const Day first = 20454;  // 2026-01-01
  const std::vector<Subject> subjects{{SubjectKind::kStaff, 1},
                                      {SubjectKind::kStaff, 2},
                                      {SubjectKind::kDepartment, 1},
                                      {SubjectKind::kOrganisation, 0}};
  std::vector<Fact> held;
  for (int step = 0; step < 30000; ++step) {
    if (!held.empty() && rng() % 10 < 3) {
      // A fact changes or goes: its old contribution is taken back.
      const auto i = rng() % held.size();
      const Fact& f = held[i];
      ASSERT_TRUE(store.Apply(f.measure, f.subject, f.day, f.value, f.counted, -1));
      held[i] = held.back();
      held.pop_back();
      continue;
    }
    Fact f{rng() % shapes.size(), subjects[rng() % subjects.size()], first + static_cast<Day>(rng() % 400),
           std::nullopt, rng() % 4 != 0};
    if (shapes[f.measure] != MeasureShape::kCounts) f.value = minutes(rng);
    ASSERT_TRUE(store.Apply(f.measure, f.subject, f.day, f.value, f.counted, +1));
    held.push_back(f);
  }
  for (int q = 0; q < 300; ++q) {
    const Day from = first - 10 + static_cast<Day>(rng() % 420);
    const Day to = from + static_cast<Day>(rng() % 200);
    const std::size_t m = rng() % shapes.size();
    const Subject s = subjects[rng() % subjects.size()];
    long long count = 0, counted = 0;
    std::vector<double> values;
    for (const auto& f : held) {
      if (f.measure != m || !(f.subject == s) || f.day < from || f.day >= to) continue;
      ++count;
      counted += f.counted ? 1 : 0;
      if (f.value) values.push_back(*f.value);
    }
    const Partial p = store.Range(m, s, from, to);
    ASSERT_EQ(p.Count(), count) << from << ".." << to;
    ASSERT_EQ(p.Counted(), counted);
    ASSERT_EQ(p.Valued(), static_cast<long long>(values.size()));
    ASSERT_EQ(p.HasSketch(), shapes[m] == MeasureShape::kSketch);
    if (values.empty()) {
      EXPECT_FALSE(p.Mean().has_value());
      EXPECT_FALSE(p.Percentile(90).has_value());
      continue;
    }
    std::sort(values.begin(), values.end());
    double sum = 0, squares = 0;
    for (double v : values) {
      sum += v;
      squares += v * v;
    }
    EXPECT_NEAR(p.Sum(), sum, 1e-9 * sum);
    EXPECT_NEAR(*p.Mean(), sum / static_cast<double>(values.size()), 1e-9 * *p.Mean());
    if (shapes[m] == MeasureShape::kValues) {
      EXPECT_NEAR(*p.SumOfSquares(), squares, 1e-9 * squares);
      if (p.ExtremesKnown()) {
        EXPECT_EQ(*p.Max(), values.back());
        EXPECT_EQ(*p.Min(), values.front());
      }
    } else {
      // Kept only for a min or max measure: unknown, not 0.
      EXPECT_FALSE(p.SumOfSquares().has_value());
      EXPECT_FALSE(p.Min().has_value());
      EXPECT_FALSE(p.Max().has_value());
    }
    if (shapes[m] == MeasureShape::kSketch) {
      const double exact = stats::Percentile(values, 90);
      EXPECT_LE(std::fabs(*p.Percentile(90) - exact), QuantileSketch::kDefaultAccuracy * exact + 1e-12);
    }
  }
  // Exactly the days and months with facts keep rows.
  std::set<std::pair<std::int64_t, Day>> days;
  std::set<std::pair<std::int64_t, std::int32_t>> months;
  for (const auto& f : held) {
    const std::int64_t key = f.subject.id * 4 + static_cast<std::int64_t>(f.subject.kind);
    days.insert({key, f.day});
    months.insert({key, MonthOf(f.day)});
  }
  const auto size = store.Report();
  EXPECT_EQ(size.measures, shapes.size());
  EXPECT_EQ(size.day_partials, days.size() * shapes.size());
  EXPECT_EQ(size.month_partials, months.size() * shapes.size());
  // Whole month rows; a day row holds its mask and the slots its day holds.
  EXPECT_GE(size.bytes, months.size() * store.RowBytes() + days.size() * (sizeof(std::uint64_t) + 8));
  // Then every fact goes, in random order: nothing is left behind.
  std::shuffle(held.begin(), held.end(), rng);
  for (const auto& f : held) ASSERT_TRUE(store.Apply(f.measure, f.subject, f.day, f.value, f.counted, -1));
  EXPECT_EQ(store.Report().subjects, 0u);
  EXPECT_EQ(store.Report().day_partials, 0u);
  EXPECT_EQ(store.Report().bytes, 0u);
}

TEST(PartialStore, AnyRangeEqualsARecomputationAfterRandomChanges) {
  // Measures: a ratio (no value), a mean (value), a minimum (value and spread), a percentile
  // (value and sketch).
  ExpectAnyRangeEqualsARecomputation(
      {MeasureShape::kCounts, MeasureShape::kSums, MeasureShape::kValues, MeasureShape::kSketch}, 13);
}

TEST(PartialStore, EveryShapeAtAnyOffsetOfTheRowEqualsARecomputation) {
  // Slots of every size side by side, in an order unlike the first test's.
  ExpectAnyRangeEqualsARecomputation(
      {MeasureShape::kSketch, MeasureShape::kCounts, MeasureShape::kValues, MeasureShape::kSums, MeasureShape::kCounts,
       MeasureShape::kSketch, MeasureShape::kSums, MeasureShape::kValues},
      2026);
}

TEST(PartialStore, MoreMeasuresThanAMaskHoldsKeepWholeDayRows) {
  std::vector<MeasureShape> shapes;
  for (int m = 0; m < 70; ++m) shapes.push_back(static_cast<MeasureShape>(m % 4));
  ExpectAnyRangeEqualsARecomputation(shapes, 70);
}

TEST(PartialStore, ADayHoldsOnlyTheSlotsOfItsFacts) {
  std::vector<MeasureShape> shapes(19, MeasureShape::kCounts);
  shapes.insert(shapes.end(), {MeasureShape::kSums, MeasureShape::kSketch});
  PartialStore store(shapes);
  const Subject carol{SubjectKind::kStaff, 5};
  ASSERT_TRUE(store.Apply(3, carol, 20500, std::nullopt, true, +1));
  const std::size_t one_day = store.Report().bytes;
  // A second day with one ratio's fact: its mask and one count slot, not a whole row.
  ASSERT_TRUE(store.Apply(3, carol, 20501, std::nullopt, false, +1));
  const std::size_t two_days = store.Report().bytes;
  EXPECT_LE(two_days - one_day, 16u + 8u);
  EXPECT_LT(two_days - one_day, store.RowBytes() / 4);
  // A percentile's value adds its slot and sketch; taking it back gives both back.
  ASSERT_TRUE(store.Apply(20, carol, 20501, 42.0, false, +1));
  EXPECT_GT(store.Report().bytes, two_days);
  EXPECT_EQ(*store.Range(20, carol, 20501, 20502).Percentile(50), *store.Range(20, carol, 20500, 20510).Percentile(50));
  ASSERT_TRUE(store.Apply(20, carol, 20501, 42.0, false, -1));
  EXPECT_EQ(store.Report().bytes, two_days);
  EXPECT_EQ(store.Range(3, carol, 20500, 20502).Count(), 2);
  EXPECT_EQ(store.Range(3, carol, 20501, 20502).Counted(), 0);
}

// A month so far (from its first day) is read from the month's rollup when no later day of the
// month holds a row, else day by day: the same counts, sums and percentiles either way.
TEST(PartialStore, TheMonthSoFarEqualsItsDays) {
  PartialStore store({MeasureShape::kCounts, MeasureShape::kSketch});
  const Subject dept{SubjectKind::kDepartment, 3};
  const Day june = 20605;  // 2026-06-01
  for (int day = 0; day < 10; ++day) {
    ASSERT_TRUE(store.Apply(0, dept, june + day, std::nullopt, day % 3 == 0, +1));
    ASSERT_TRUE(store.Apply(1, dept, june + day, 10.0 + day, false, +1));
  }
  for (int days = 1; days <= 18; ++days) {
    const int held = std::min(days, 10);
    EXPECT_EQ(store.Range(0, dept, june, june + days).Count(), held) << days;
    EXPECT_EQ(store.Range(0, dept, june, june + days).Counted(), (held + 2) / 3) << days;
    EXPECT_NEAR(*store.Range(1, dept, june, june + days).Percentile(100), 10.0 + held - 1, 0.01 * (10.0 + held))
        << days;
  }
  // A fact on the 20th: the month so far to the 18th must leave it out.
  ASSERT_TRUE(store.Apply(0, dept, june + 19, std::nullopt, true, +1));
  ASSERT_TRUE(store.Apply(1, dept, june + 19, 1000.0, false, +1));
  EXPECT_EQ(store.Range(0, dept, june, june + 18).Count(), 10);
  EXPECT_EQ(store.Range(0, dept, june, june + 18).Counted(), 4);
  EXPECT_LT(*store.Range(1, dept, june, june + 18).Percentile(100), 100.0);
  EXPECT_EQ(store.Range(0, dept, june, june + 20).Count(), 11);
}

TEST(PartialStore, WhatIsTakenBackLeavesNoPartialBehind) {
  PartialStore store({MeasureShape::kCounts, MeasureShape::kSketch});
  const Subject alice{SubjectKind::kStaff, 7};
  ASSERT_TRUE(store.Apply(1, alice, 20500, 12.5, false, +1));
  ASSERT_TRUE(store.Apply(0, alice, 20531, std::nullopt, true, +1));
  EXPECT_EQ(store.Report().subjects, 1u);
  EXPECT_EQ(store.Report().day_partials, 4u);  // two days, two measures each
  EXPECT_EQ(store.Subjects(SubjectKind::kStaff), std::vector<std::int64_t>{7});
  // A retraction that matches nothing is refused and changes nothing.
  EXPECT_FALSE(store.Apply(1, alice, 20500, 99.0, false, -1));
  EXPECT_FALSE(store.Apply(1, alice, 20501, 12.5, false, -1));
  EXPECT_FALSE(store.Apply(1, {SubjectKind::kStaff, 8}, 20500, 12.5, false, -1));
  EXPECT_EQ(store.Range(1, alice, 20500, 20501).Count(), 1);
  ASSERT_TRUE(store.Apply(1, alice, 20500, 12.5, false, -1));
  ASSERT_TRUE(store.Apply(0, alice, 20531, std::nullopt, true, -1));
  EXPECT_EQ(store.Report().subjects, 0u);
  EXPECT_EQ(store.Report().bytes, 0u);
  EXPECT_TRUE(store.Subjects(SubjectKind::kStaff).empty());
  EXPECT_EQ(store.Range(0, alice, 0, 30000).Count(), 0);
}

// glibc's own malloc only: the sanitizer build (scripts/sanitize.sh) replaces it.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
// What the heap hands out now: small chunks in use and mapped blocks.
std::size_t HeapInUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

TEST(PartialStore, ReportCountsTheHeapTheStoreTakes) {
  PartialStore store({MeasureShape::kCounts, MeasureShape::kCounts, MeasureShape::kValues, MeasureShape::kSketch,
                      MeasureShape::kCounts});
  std::mt19937_64 rng(7);
  std::lognormal_distribution<double> minutes(2.8, 0.9);
  const std::size_t before = HeapInUse();
  // On a thread of its own: a thread's cache of freed chunks (glibc's tcache, which mallinfo2
  // counts as in use) goes back to the heap when the thread ends. Rows regrown a day and a slot at
  // a time leave a few hundred kilobytes in it.
  bool applied = true;
  std::thread fill([&] {
    for (Day d = 20454; d < 20454 + 120; ++d) {
      for (std::int64_t id = 0; id < 150; ++id) {
        for (std::size_t m = 0; m < 5; ++m) {
          for (auto n = rng() % 6; n > 0; --n) {
            std::optional<double> value;
            if (m == 2 || m == 3) value = minutes(rng);
            applied = store.Apply(m, {SubjectKind::kStaff, id}, d, value, rng() % 2 == 0, +1) && applied;
          }
        }
      }
    }
  });
  fill.join();
  ASSERT_TRUE(applied);
  const double taken = static_cast<double>(HeapInUse() - before);
  const double reported = static_cast<double>(store.Report().bytes);
  EXPECT_GT(reported, 2e6);
  EXPECT_NEAR(reported, taken, 0.03 * taken) << "the heap grew by " << taken << " bytes";
}
#endif

TEST(PartialStore, AValueForACountMeasureIsRefused) {
  PartialStore store({MeasureShape::kCounts, MeasureShape::kValues});
  const Subject bob{SubjectKind::kStaff, 3};
  EXPECT_FALSE(store.Apply(0, bob, 20500, 4.0, true, +1));
  EXPECT_EQ(store.Report().subjects, 0u);
  ASSERT_TRUE(store.Apply(0, bob, 20500, std::nullopt, true, +1));
  ASSERT_TRUE(store.Apply(1, bob, 20500, 4.0, true, +1));
  EXPECT_FALSE(store.Apply(0, bob, 20500, 4.0, true, -1));
  EXPECT_EQ(store.Range(0, bob, 20500, 20501).Count(), 1);
  EXPECT_EQ(store.RowBytes(), 8u + 64u);
  // Each shape keeps what its aggregations read: counts 8 B, sums 32, spread 64, sketch 40.
  EXPECT_EQ(PartialStore({MeasureShape::kCounts, MeasureShape::kSums, MeasureShape::kValues, MeasureShape::kSketch})
                .RowBytes(),
            8u + 32u + 64u + 40u);
}

}  // namespace
}  // namespace sqm::analytics
