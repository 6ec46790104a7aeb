#include "analytics/sketch.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>

namespace sqm::analytics {

SketchScale::SketchScale(double relative_accuracy)
    : accuracy(relative_accuracy),
      gamma((1 + relative_accuracy) / (1 - relative_accuracy)),
      log_gamma(std::log(gamma)),
      lowest_key(Key(QuantileSketch::kZeroLimit)) {
  assert(relative_accuracy > 0 && relative_accuracy < 1);
}

std::int32_t SketchScale::Key(double magnitude) const {
  return static_cast<std::int32_t>(std::ceil(std::log(magnitude) / log_gamma));
}

double SketchScale::Representative(std::int32_t key) const {
  return 2 * std::pow(gamma, key) / (gamma + 1);
}

QuantileSketch::QuantileSketch(double relative_accuracy) : scale_(relative_accuracy) {}

bool QuantileSketch::ChangeStore(Store& s, std::int32_t key, std::int64_t by) {
  auto it = std::lower_bound(s.begin(), s.end(), key, [](const auto& b, std::int32_t k) { return b.first < k; });
  const bool found = it != s.end() && it->first == key;
  if (by < 0) {
    if (!found || it->second < -by) return false;
    it->second += by;
    if (it->second == 0) s.erase(it);
    return true;
  }
  if (found) {
    it->second += by;
  } else {
    s.insert(it, {key, by});
  }
  return true;
}

bool QuantileSketch::Change(double v, int sign) {
  const double m = std::fabs(v);
  bool ok = true;
  if (m <= kZeroLimit) {
    if (sign < 0 && zero_ == 0) return false;
    zero_ += sign;
  } else {
    ok = ChangeStore(v > 0 ? positive_ : negative_, scale_.Key(m), sign);
  }
  if (ok) count_ += sign;
  return ok;
}

bool QuantileSketch::Merge(const QuantileSketch& other, int sign) {
  assert(other.scale_.accuracy == scale_.accuracy);
  if (sign < 0) {
    // Check first, so that a refused retraction changes nothing.
    auto holds = [](const Store& mine, const Store& theirs) {
      return std::all_of(theirs.begin(), theirs.end(), [&](const auto& b) {
        auto it = std::lower_bound(mine.begin(), mine.end(), b.first,
                                   [](const auto& x, std::int32_t k) { return x.first < k; });
        return it != mine.end() && it->first == b.first && it->second >= b.second;
      });
    };
    if (other.zero_ > zero_ || !holds(positive_, other.positive_) || !holds(negative_, other.negative_)) return false;
  }
  for (const auto& [k, c] : other.positive_) ChangeStore(positive_, k, sign * c);
  for (const auto& [k, c] : other.negative_) ChangeStore(negative_, k, sign * c);
  zero_ += sign * other.zero_;
  count_ += sign * other.count_;
  return true;
}

double QuantileSketch::OrderStatistic(long long k) const {
  assert(k >= 0 && k < count_);
  long long seen = 0;
  // Most negative first: the negative store from its largest magnitude down.
  for (auto it = negative_.rbegin(); it != negative_.rend(); ++it) {
    seen += it->second;
    if (k < seen) return -scale_.Representative(it->first);
  }
  seen += zero_;
  if (k < seen) return 0;
  for (const auto& [key, c] : positive_) {
    seen += c;
    if (k < seen) return scale_.Representative(key);
  }
  return scale_.Representative(positive_.back().first);  // unreachable while count_ is right
}

std::optional<double> QuantileSketch::Percentile(double p) const {
  if (count_ == 0) return std::nullopt;
  const double h = static_cast<double>(count_ - 1) * p / 100.0;
  const auto lo = static_cast<std::int64_t>(std::floor(h));
  const auto hi = std::min<std::int64_t>(lo + 1, count_ - 1);
  const double x_lo = OrderStatistic(lo);
  const double x_hi = hi == lo ? x_lo : OrderStatistic(hi);
  return x_lo + (h - static_cast<double>(lo)) * (x_hi - x_lo);
}

std::size_t QuantileSketch::BucketBytes() const {
  return HeapBytes(positive_.capacity() * sizeof(Store::value_type)) +
         HeapBytes(negative_.capacity() * sizeof(Store::value_type));
}

// PackedSketch's block: the bucket numbers, then where the keys and the counts start.
struct PackedSketch::Layout {
  std::uint16_t negative = 0;
  std::uint16_t positive = 0;

  static constexpr std::size_t kKeys = 2 * sizeof(std::uint16_t);
  std::size_t Buckets() const { return std::size_t{negative} + positive; }
  std::size_t Counts() const { return kKeys + (Buckets() + 1) / 2 * 2 * sizeof(std::uint16_t); }
  std::size_t Size() const { return Buckets() == 0 ? 0 : Counts() + Buckets() * sizeof(std::uint32_t); }

  static Layout Of(const std::byte* block) {
    Layout l;
    if (block != nullptr) {
      std::memcpy(&l.negative, block, sizeof l.negative);
      std::memcpy(&l.positive, block + sizeof l.negative, sizeof l.positive);
    }
    return l;
  }
  std::uint16_t Key(const std::byte* block, std::size_t i) const {
    std::uint16_t k;
    std::memcpy(&k, block + kKeys + i * sizeof k, sizeof k);
    return k;
  }
  std::uint32_t Count(const std::byte* block, std::size_t i) const {
    std::uint32_t c;
    std::memcpy(&c, block + Counts() + i * sizeof c, sizeof c);
    return c;
  }
  void SetCount(std::byte* block, std::size_t i, std::uint32_t c) const {
    std::memcpy(block + Counts() + i * sizeof c, &c, sizeof c);
  }
};

bool PackedSketch::Fits(const SketchScale& scale) {
  return static_cast<std::int64_t>(scale.Key(std::numeric_limits<double>::max())) - scale.lowest_key + 1 <=
         std::numeric_limits<std::uint16_t>::max();
}

bool PackedSketch::Change(const SketchScale& scale, double v, int sign) {
  if (!std::isfinite(v)) return false;
  const double m = std::fabs(v);
  const bool positive = m <= QuantileSketch::kZeroLimit || v > 0;
  const auto key =
      static_cast<std::uint16_t>(m <= QuantileSketch::kZeroLimit ? 0 : scale.Key(m) - scale.lowest_key + 1);
  const Layout l = Layout::Of(block_);
  // Binary search in the store's keys.
  std::size_t lo = positive ? l.negative : 0;
  std::size_t hi = positive ? l.Buckets() : l.negative;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (l.Key(block_, mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const std::size_t at = lo;
  const bool found = at < (positive ? l.Buckets() : l.negative) && l.Key(block_, at) == key;
  if (found) {
    const std::uint32_t c = l.Count(block_, at);
    if (sign > 0 && c == std::numeric_limits<std::uint32_t>::max()) return false;
    if (sign > 0 || c > 1) {
      l.SetCount(block_, at, sign > 0 ? c + 1 : c - 1);
      return true;
    }
  } else if (sign < 0) {
    return false;
  }
  // A bucket comes or goes: the block is made again at its new size.
  Layout next = l;
  std::uint16_t& side = positive ? next.positive : next.negative;
  side = static_cast<std::uint16_t>(sign > 0 ? side + 1 : side - 1);
  std::byte* grown = next.Size() == 0 ? nullptr : static_cast<std::byte*>(::operator new(next.Size()));
  if (grown != nullptr) {
    std::memcpy(grown, &next.negative, sizeof next.negative);
    std::memcpy(grown + sizeof next.negative, &next.positive, sizeof next.positive);
    // Copies buckets [from, to) of the old block to position `into` of the new one.
    auto copy = [&](std::size_t from, std::size_t to, std::size_t into) {
      if (to <= from) return;
      std::memcpy(grown + Layout::kKeys + into * sizeof(std::uint16_t),
                  block_ + Layout::kKeys + from * sizeof(std::uint16_t), (to - from) * sizeof(std::uint16_t));
      std::memcpy(grown + next.Counts() + into * sizeof(std::uint32_t),
                  block_ + l.Counts() + from * sizeof(std::uint32_t), (to - from) * sizeof(std::uint32_t));
    };
    copy(0, at, 0);
    if (sign > 0) {
      std::memcpy(grown + Layout::kKeys + at * sizeof key, &key, sizeof key);
      next.SetCount(grown, at, 1);
      copy(at, l.Buckets(), at + 1);
    } else {
      copy(at + 1, l.Buckets(), at);
    }
  }
  ::operator delete(block_);
  block_ = grown;
  return true;
}

void PackedSketch::Release() {
  ::operator delete(block_);
  block_ = nullptr;
}

std::size_t PackedSketch::Buckets() const {
  return Layout::Of(block_).Buckets();
}

std::size_t PackedSketch::Bytes() const {
  return HeapBytes(Layout::Of(block_).Size());
}

void QuantileSketch::Merge(const PackedSketch& other) {
  const PackedSketch::Layout l = PackedSketch::Layout::Of(other.block_);
  for (std::size_t i = 0; i < l.Buckets(); ++i) {
    const std::uint16_t key = l.Key(other.block_, i);
    const std::int64_t c = l.Count(other.block_, i);
    count_ += c;
    if (i >= l.negative && key == 0) {
      zero_ += c;
    } else {
      ChangeStore(i < l.negative ? negative_ : positive_, key - 1 + scale_.lowest_key, c);
    }
  }
}

}  // namespace sqm::analytics
