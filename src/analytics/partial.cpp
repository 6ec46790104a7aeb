#include "analytics/partial.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sqm::analytics {

void ExactSum::Add(double x) {
  const double t = sum_ + x;
  if (std::fabs(sum_) >= std::fabs(x)) {
    compensation_ += (sum_ - t) + x;
  } else {
    compensation_ += (x - t) + sum_;
  }
  sum_ = t;
}

Partial::Partial(const Partial& other)
    : count_(other.count_),
      counted_(other.counted_),
      valued_(other.valued_),
      sum_(other.sum_),
      squares_(other.squares_),
      min_(other.min_),
      max_(other.max_),
      extremes_known_(other.extremes_known_),
      sketch_(other.sketch_ ? std::make_unique<QuantileSketch>(*other.sketch_) : nullptr) {}

Partial& Partial::operator=(const Partial& other) {
  if (this != &other) *this = Partial(other);
  return *this;
}

void Partial::Add(std::optional<double> value, bool counted) {
  ++count_;
  if (counted) ++counted_;
  if (!value) return;
  const double v = *value;
  if (valued_ == 0) {
    min_ = max_ = v;
    extremes_known_ = true;
  } else {
    min_ = std::min(min_, v);
    max_ = std::max(max_, v);
  }
  ++valued_;
  sum_.Add(v);
  squares_.Add(v * v);
  if (sketch_) sketch_->Add(v);
}

bool Partial::Retract(std::optional<double> value, bool counted) {
  if (count_ == 0 || (counted && counted_ == 0) || (value && valued_ == 0)) return false;
  if (value && sketch_ && !sketch_->Retract(*value)) return false;
  --count_;
  if (counted) --counted_;
  if (!value) return true;
  const double v = *value;
  --valued_;
  sum_.Add(-v);
  squares_.Add(-(v * v));
  if (valued_ == 0) {
    // Nothing left: start again exactly (a compensated sum of x - x is 0 anyway).
    sum_ = {};
    squares_ = {};
    extremes_known_ = true;
  } else if (v <= min_ || v >= max_) {
    extremes_known_ = false;
  }
  return true;
}

void Partial::Merge(const Partial& other) {
  assert(HasSketch() == other.HasSketch());
  count_ += other.count_;
  counted_ += other.counted_;
  if (other.valued_ > 0) {
    if (valued_ == 0) {
      min_ = other.min_;
      max_ = other.max_;
      extremes_known_ = other.extremes_known_;
    } else {
      min_ = std::min(min_, other.min_);
      max_ = std::max(max_, other.max_);
      extremes_known_ = extremes_known_ && other.extremes_known_;
    }
    valued_ += other.valued_;
    sum_.Add(other.sum_.Value());
    squares_.Add(other.squares_.Value());
  }
  if (sketch_) sketch_->Merge(*other.sketch_);
}

std::optional<double> Partial::Mean() const {
  if (valued_ == 0) return std::nullopt;
  return Sum() / static_cast<double>(valued_);
}

std::optional<double> Partial::Min() const {
  if (valued_ == 0 || !extremes_known_) return std::nullopt;
  return min_;
}

std::optional<double> Partial::Max() const {
  if (valued_ == 0 || !extremes_known_) return std::nullopt;
  return max_;
}

std::optional<double> Partial::Percentile(double p) const {
  if (!sketch_) return std::nullopt;
  return sketch_->Percentile(p);
}

std::size_t Partial::Bytes() const {
  return sizeof(*this) + (sketch_ ? sketch_->Bytes() : 0);
}

}  // namespace sqm::analytics
