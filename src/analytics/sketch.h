// A mergeable quantile sketch with a relative-error guarantee (DDSketch: Masson, Rim and Lee,
// "DDSketch: A fast and fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019),
// extended to take values back: a fact whose value changes retracts its old value and adds the new
// one, so a day's sketch always equals the sketch of the facts it holds now.
//
// Each value v > 0 falls in bucket ceil(log_gamma(v)), gamma = (1 + a) / (1 - a); the bucket stands
// for 2 gamma^k / (gamma + 1), which is within the relative accuracy a of every value in it. Values
// with |v| <= kZeroLimit count as 0; negative values use a mirrored store. Buckets are kept sparse
// (a sorted vector of key and count), because a staff member's day holds a few dozen values.
//
// Percentile(p) interpolates between the closest ranks like the reference SQL
// (assessment::Percentile, PERCENTILE_CONT): h = (n - 1) p / 100, x_lo + (h - lo)(x_hi - x_lo). With
// both neighbours estimated within a of their true values, the interpolation is within a of the
// true percentile when the values have one sign, and within a * max(|x_lo|, |x_hi|) otherwise.
//
// Not thread-safe; the engine guards its stores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace sqm::analytics {

// What glibc's malloc takes for a request of `n` bytes: the request and one header word, rounded
// up to 16 bytes, at least 32; nothing for nothing. The memory reports count the heap with it.
constexpr std::size_t HeapBytes(std::size_t n) {
  if (n == 0) return 0;
  const std::size_t chunk = (n + sizeof(std::size_t) + 15) / 16 * 16;
  return chunk < 32 ? 32 : chunk;
}

class QuantileSketch {
 public:
  static constexpr double kDefaultAccuracy = 0.01;
  static constexpr double kZeroLimit = 1e-9;

  // REQUIRES: 0 < relative_accuracy < 1.
  explicit QuantileSketch(double relative_accuracy = kDefaultAccuracy);

  void Add(double v) { Change(v, +1); }
  // Takes back one earlier Add(v). Returns false (and changes nothing) when no value of v's bucket
  // is held: a caller's bookkeeping error, never user input.
  bool Retract(double v) { return Change(v, -1); }
  // Adds (sign +1) or takes back (sign -1) every value of `other`. REQUIRES: same accuracy.
  // Returns false, changing nothing, when taking back more than is held.
  bool Merge(const QuantileSketch& other, int sign = +1);

  long long Count() const { return count_; }
  bool Empty() const { return count_ == 0; }
  double Accuracy() const { return accuracy_; }
  // The estimate of the k-th smallest value (0-based). REQUIRES: k < Count().
  double OrderStatistic(long long k) const;
  // The interpolated p-th percentile, 0 <= p <= 100; nullopt when empty.
  std::optional<double> Percentile(double p) const;
  // Buckets held (for memory reports).
  std::size_t Buckets() const { return positive_.size() + negative_.size(); }
  // The heap the buckets take (see HeapBytes), and that with the object itself.
  std::size_t BucketBytes() const;
  std::size_t Bytes() const { return sizeof(*this) + BucketBytes(); }

 private:
  using Store = std::vector<std::pair<std::int32_t, std::int64_t>>;  // key -> count, sorted by key
  bool Change(double v, int sign);
  static bool ChangeStore(Store& s, std::int32_t key, std::int64_t by);
  std::int32_t Key(double magnitude) const;
  double Representative(std::int32_t key) const;

  double accuracy_;
  double gamma_;
  double log_gamma_;
  Store positive_;
  Store negative_;  // keyed by the magnitude of the value
  std::int64_t zero_ = 0;
  std::int64_t count_ = 0;
};

}  // namespace sqm::analytics
