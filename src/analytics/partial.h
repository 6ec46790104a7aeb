// The partial aggregate of one measure for one subject over one day (or a month, or any merge of
// them): what every aggregation of assessment's measures needs, kept so that a fact can be taken
// back as exactly as it was added.
//
// - count and counted (a ratio's numerator) are integers: exact under any sequence of Add/Retract;
// - the sum and the sum of squares are compensated (Neumaier) sums, so adding and retracting
//   millions of values leaves them within a few ulps of the sum of the values held;
// - min and max are exact while only values are added; retracting a value equal to the current
//   minimum or maximum makes them unknown (ExtremesKnown() false) until the owner rebuilds the
//   partial from its facts — a day holds few facts, and min/max measures are rare;
// - percentiles come from a QuantileSketch (relative accuracy, see sketch.h), kept only when the
//   measure asks for them (`with_sketch`), because a sketch costs far more than the scalars.
#pragma once

#include <memory>
#include <optional>

#include "analytics/sketch.h"

namespace sqm::analytics {

// A sum that can take values back: Neumaier's compensated summation.
class ExactSum {
 public:
  void Add(double x);
  double Value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0;
  double compensation_ = 0;
};

class Partial {
 public:
  explicit Partial(bool with_sketch = false) : sketch_(with_sketch ? std::make_unique<QuantileSketch>() : nullptr) {}
  // The sketch lives on the heap (most measures keep none); a copy copies it.
  Partial(const Partial& other);
  Partial& operator=(const Partial& other);
  Partial(Partial&&) noexcept = default;
  Partial& operator=(Partial&&) noexcept = default;

  // One fact: its value (nullopt for a count- or ratio-only measure) and whether it is in a
  // ratio's numerator.
  void Add(std::optional<double> value, bool counted);
  // Takes back one earlier Add with the same arguments. Returns false, changing nothing, when the
  // partial cannot hold such a fact (no facts, or the value is not in the sketch).
  bool Retract(std::optional<double> value, bool counted);
  // Adds every fact of `other`. REQUIRES: both kept a sketch or neither.
  void Merge(const Partial& other);

  long long Count() const { return count_; }
  long long Counted() const { return counted_; }
  long long Valued() const { return valued_; }  // facts that carried a value
  double Sum() const { return sum_.Value(); }
  double SumOfSquares() const { return squares_.Value(); }
  std::optional<double> Mean() const;
  bool ExtremesKnown() const { return extremes_known_; }
  // nullopt without values, or when not known (see ExtremesKnown).
  std::optional<double> Min() const;
  std::optional<double> Max() const;
  // nullopt without values or without a sketch.
  std::optional<double> Percentile(double p) const;
  bool HasSketch() const { return sketch_ != nullptr; }
  std::size_t Bytes() const;

 private:
  long long count_ = 0;
  long long counted_ = 0;
  long long valued_ = 0;
  ExactSum sum_;
  ExactSum squares_;
  double min_ = 0;
  double max_ = 0;
  bool extremes_known_ = true;
  std::unique_ptr<QuantileSketch> sketch_;
};

}  // namespace sqm::analytics
