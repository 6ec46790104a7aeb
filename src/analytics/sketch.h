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

// The buckets' geometry of one relative accuracy: shared by every sketch of a store, so a packed
// sketch (below) keeps none of it.
struct SketchScale {
  // REQUIRES: 0 < relative_accuracy < 1.
  explicit SketchScale(double relative_accuracy);
  // The bucket of a magnitude above QuantileSketch::kZeroLimit.
  std::int32_t Key(double magnitude) const;
  double Representative(std::int32_t key) const;

  double accuracy;
  double gamma;
  double log_gamma;
  std::int32_t lowest_key;  // of the smallest magnitude above kZeroLimit
};

class PackedSketch;

class QuantileSketch {
 public:
  static constexpr double kDefaultAccuracy = 0.01;
  static constexpr double kZeroLimit = 1e-9;

  // REQUIRES: 0 < relative_accuracy < 1.
  explicit QuantileSketch(double relative_accuracy = kDefaultAccuracy);

  // Always true (the bool matches PackedSketch::Add).
  bool Add(double v) { return Change(v, +1); }
  // Takes back one earlier Add(v). Returns false (and changes nothing) when no value of v's bucket
  // is held: a caller's bookkeeping error, never user input.
  bool Retract(double v) { return Change(v, -1); }
  // Adds (sign +1) or takes back (sign -1) every value of `other`. REQUIRES: same accuracy.
  // Returns false, changing nothing, when taking back more than is held.
  bool Merge(const QuantileSketch& other, int sign = +1);
  // Adds every value of a packed sketch. REQUIRES: packed with this sketch's accuracy.
  void Merge(const PackedSketch& other);

  long long Count() const { return count_; }
  bool Empty() const { return count_ == 0; }
  double Accuracy() const { return scale_.accuracy; }
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

  SketchScale scale_;
  Store positive_;
  Store negative_;  // keyed by the magnitude of the value
  std::int64_t zero_ = 0;
  std::int64_t count_ = 0;
};

// A QuantileSketch's buckets packed in one heap block, for a store that holds millions of small
// sketches (a staff member's day holds a handful of values): the scale is the store's, the total
// is the slot's counter beside it, and each bucket is a 16-bit key and a 32-bit count (6 B, where a
// QuantileSketch takes 16 B per bucket and an 88-byte object). The block is
//
//   u16 negative buckets, u16 positive buckets,
//   u16 keys[]: the negative store's, then the positive store's, each ascending,
//   (u16 padding to 4 bytes), u32 counts[] in the same order,
//
// a key being the bucket's distance from the lowest key of the scale plus 1; key 0 of the
// positive store counts the zeros (|v| <= kZeroLimit). It is exactly as large as its buckets
// (one reallocation per new or emptied bucket, none per counted value), and nothing when empty.
//
// A handle, trivially copyable so that a store's rows can be moved with memcpy: the owner calls
// Release() once (the store does when the slot's last value goes). The scale must let every
// finite double's key fit 16 bits (Fits: a relative accuracy of 0.6 % or coarser).
class PackedSketch {
 public:
  static bool Fits(const SketchScale& scale);

  // Adds v. Returns false, changing nothing, when v is not finite or its bucket's count is at
  // 2^32 - 1 (the store's other counters are 32-bit too).
  bool Add(const SketchScale& scale, double v) { return Change(scale, v, +1); }
  // Takes back one earlier Add(v). Returns false, changing nothing, when no value of v's bucket
  // is held.
  bool Retract(const SketchScale& scale, double v) { return Change(scale, v, -1); }
  void Release();

  bool Empty() const { return block_ == nullptr; }
  std::size_t Buckets() const;
  // The heap block (see HeapBytes); 0 when empty.
  std::size_t Bytes() const;

 private:
  friend class QuantileSketch;
  struct Layout;
  bool Change(const SketchScale& scale, double v, int sign);

  std::byte* block_ = nullptr;
};

}  // namespace sqm::analytics
