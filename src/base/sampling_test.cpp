// The shared sampling pieces: allocation without raising small strata, and the partial shuffle
// (the published SplitMix64 sequence and the campaign allocations are tested in
// feedback/sampling_test.cpp, which uses them).
#include "base/sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sqm::sampling {
namespace {

TEST(Sampling, AllocateCanLeaveSmallStrataEmptyWhenAskedTo) {
  // Two to share over strata of 8, 1 and 1: the largest stratum takes both, the total is kept.
  EXPECT_EQ(Allocate({8, 1, 1}, 2, false), (std::vector<std::int64_t>{2, 0, 0}));
  EXPECT_EQ(Allocate({8, 1, 1}, 2), (std::vector<std::int64_t>{2, 1, 1}));
  EXPECT_EQ(Allocate({5, 5}, 5, false), (std::vector<std::int64_t>{3, 2}));
  EXPECT_EQ(Allocate({3, 0}, 3, false), (std::vector<std::int64_t>{3, 0}));
}

TEST(Sampling, PartialShuffleTakesDistinctMembersFromTheSeedAlone) {
  std::vector<int> items(100);
  for (int i = 0; i < 100; ++i) items[i] = i;
  auto a = items, b = items;
  SplitMix64 ra(42), rb(42);
  PartialShuffle(a, 10, ra);
  PartialShuffle(b, 10, rb);
  EXPECT_TRUE(std::equal(a.begin(), a.begin() + 10, b.begin()));
  EXPECT_EQ(std::set<int>(a.begin(), a.begin() + 10).size(), 10u);
  // Asking for more than there are takes them all.
  std::vector<int> few{1, 2, 3};
  SplitMix64 r(7);
  PartialShuffle(few, 10, r);
  EXPECT_EQ(std::set<int>(few.begin(), few.end()), (std::set<int>{1, 2, 3}));
  EXPECT_LT(RandomSeed(), kMaxSeed);
}

}  // namespace
}  // namespace sqm::sampling
