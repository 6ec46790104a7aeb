#include "analytics/sketch.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sqm::analytics {

QuantileSketch::QuantileSketch(double relative_accuracy)
    : accuracy_(relative_accuracy),
      gamma_((1 + relative_accuracy) / (1 - relative_accuracy)),
      log_gamma_(std::log(gamma_)) {
  assert(relative_accuracy > 0 && relative_accuracy < 1);
}

std::int32_t QuantileSketch::Key(double magnitude) const {
  return static_cast<std::int32_t>(std::ceil(std::log(magnitude) / log_gamma_));
}

double QuantileSketch::Representative(std::int32_t key) const {
  return 2 * std::pow(gamma_, key) / (gamma_ + 1);
}

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
    ok = ChangeStore(v > 0 ? positive_ : negative_, Key(m), sign);
  }
  if (ok) count_ += sign;
  return ok;
}

bool QuantileSketch::Merge(const QuantileSketch& other, int sign) {
  assert(other.accuracy_ == accuracy_);
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
    if (k < seen) return -Representative(it->first);
  }
  seen += zero_;
  if (k < seen) return 0;
  for (const auto& [key, c] : positive_) {
    seen += c;
    if (k < seen) return Representative(key);
  }
  return Representative(positive_.back().first);  // unreachable while count_ is right
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

}  // namespace sqm::analytics
