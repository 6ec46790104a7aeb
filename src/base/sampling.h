// Reproducible random sampling, shared by every module that draws a sample from a recorded seed
// (survey campaigns, inspection sampling plans): SplitMix64, the proportional allocation of a
// sample to strata, and the partial Fisher-Yates shuffle. Defined here, so the same population and
// seed pick the same members on every platform and in every module.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace sqm::sampling {

// Seeds are below 2^53, so they travel through JSON as exact numbers.
inline constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 53) - 1;

// A fresh seed below kMaxSeed from the system's random source, for a draw that names none.
std::uint64_t RandomSeed();

// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
// 2014): a 64-bit generator whose every output is defined by the seed alone.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform in [0, bound) without modulo bias (rejection). REQUIRES: bound >= 1.
  std::uint64_t Below(std::uint64_t bound);

 private:
  std::uint64_t state_;
};

// Proportional allocation of `n` over strata of the given sizes: n * N_h / N, rounded down, the
// units left over given one each to the largest remainders (ties: the earlier stratum), then, when
// `at_least_one`, every non-empty stratum raised to at least one (so the total may exceed n by the
// strata raised). A stratum never gets more than its size. REQUIRES: 0 <= n <= sum of sizes.
std::vector<std::int64_t> Allocate(const std::vector<std::int64_t>& sizes, std::int64_t n, bool at_least_one = true);

// Moves a uniform random choice of `take` elements of `items` to its front (a partial
// Fisher-Yates shuffle driven by `rng`); the rest of `items` is left in some order. The caller
// orders `items` first (by id) so the choice depends on the seed alone.
template <typename T>
void PartialShuffle(std::vector<T>& items, std::size_t take, SplitMix64& rng) {
  for (std::size_t i = 0; i < take && i < items.size(); ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng.Below(items.size() - i));
    std::swap(items[i], items[j]);
  }
}

}  // namespace sqm::sampling
