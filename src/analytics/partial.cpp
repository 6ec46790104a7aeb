#include "analytics/partial.h"

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
    : counts_(other.counts_),
      values_(other.values_),
      spread_(other.spread_),
      squares_known_(other.squares_known_),
      sketch_(other.sketch_ ? std::make_unique<QuantileSketch>(*other.sketch_) : nullptr) {}

Partial& Partial::operator=(const Partial& other) {
  if (this != &other) *this = Partial(other);
  return *this;
}

void Partial::Merge(const Partial& other) {
  assert(HasSketch() == other.HasSketch());
  Merge(other.counts_, &other.values_, other.squares_known_ ? &other.spread_ : nullptr, other.sketch_.get());
}

std::optional<double> Partial::Mean() const {
  if (values_.valued == 0) return std::nullopt;
  return Sum() / static_cast<double>(values_.valued);
}

std::optional<double> Partial::Min() const {
  if (values_.valued == 0 || !values_.extremes_known) return std::nullopt;
  return spread_.min;
}

std::optional<double> Partial::Max() const {
  if (values_.valued == 0 || !values_.extremes_known) return std::nullopt;
  return spread_.max;
}

std::optional<double> Partial::SumOfSquares() const {
  if (values_.valued == 0 || !squares_known_) return std::nullopt;
  return spread_.squares.Value();
}

std::optional<double> Partial::Percentile(double p) const {
  if (!sketch_) return std::nullopt;
  return sketch_->Percentile(p);
}

std::size_t Partial::Bytes() const {
  return sizeof(*this) + (sketch_ ? HeapBytes(sizeof(QuantileSketch)) + sketch_->BucketBytes() : 0);
}

}  // namespace sqm::analytics
