#include "base/sampling.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "base/crypto.h"

namespace sqm::sampling {

std::uint64_t RandomSeed() {
  // 13 hex digits: 52 bits, below kMaxSeed.
  return std::stoull(crypto::Sha256Hex(crypto::RandomToken(16)).substr(0, 13), nullptr, 16);
}

std::uint64_t SplitMix64::Next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::Below(std::uint64_t bound) {
  // Values at or above the largest multiple of `bound` would favour the small residues.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (;;) {
    const std::uint64_t x = Next();
    if (x < limit) return x % bound;
  }
}

std::vector<std::int64_t> Allocate(const std::vector<std::int64_t>& sizes, std::int64_t n, bool at_least_one) {
  const std::int64_t total = std::accumulate(sizes.begin(), sizes.end(), std::int64_t{0});
  std::vector<std::int64_t> out(sizes.size(), 0);
  if (total <= 0) return out;
  std::vector<std::pair<double, std::size_t>> remainders;  // (remainder, stratum)
  std::int64_t given = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    // Exact integer arithmetic for the whole part (n * N_h <= N^2 fits while N < 3e9); the
    // remainder only orders the leftovers.
    const std::int64_t whole = n * sizes[i] / total;
    const std::int64_t rest = n * sizes[i] % total;
    out[i] = whole;
    given += whole;
    remainders.emplace_back(static_cast<double>(rest) / static_cast<double>(total), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < n && k < remainders.size(); ++k) {
    const std::size_t i = remainders[k].second;
    if (out[i] < sizes[i]) {
      ++out[i];
      ++given;
    }
  }
  if (at_least_one) {
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      if (sizes[i] > 0 && out[i] == 0) out[i] = 1;
    }
  }
  return out;
}

}  // namespace sqm::sampling
