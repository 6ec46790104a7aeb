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
//
// The arithmetic lives in FactCounts / ValueSums and the functions of namespace `facts`, templated
// on the counters' integer type: a Partial (a query's answer) counts in long long, the store's
// compact slots (store.h) in std::uint32_t, and both run the same code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
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

// How many facts, and how many of them are in a ratio's numerator (counted <= count).
template <class Int>
struct FactCounts {
  Int count = 0;
  Int counted = 0;
};

// What the facts' values add up to (valued <= count: the facts that carried a value).
template <class Int>
struct ValueSums {
  Int valued = 0;
  bool extremes_known = true;
  ExactSum sum;
  ExactSum squares;
  double min = 0;
  double max = 0;
};

namespace facts {

// Adds one fact: its value (nullopt for a count- or ratio-only measure) and whether it is in a
// ratio's numerator. `values` is null for a measure that keeps no values, `sketch` for one that
// keeps no percentiles. Returns false, changing nothing, when the count is at Int's limit or a
// value comes for a measure without values.
template <class Int>
bool Add(FactCounts<Int>& c, ValueSums<Int>* values, QuantileSketch* sketch, std::optional<double> value,
         bool counted) {
  if (c.count == std::numeric_limits<Int>::max() || (value && values == nullptr)) return false;
  ++c.count;
  if (counted) ++c.counted;
  if (!value) return true;
  ValueSums<Int>& v = *values;
  const double x = *value;
  if (v.valued == 0) {
    v.min = v.max = x;
    v.extremes_known = true;
  } else {
    v.min = x < v.min ? x : v.min;
    v.max = x > v.max ? x : v.max;
  }
  ++v.valued;
  v.sum.Add(x);
  v.squares.Add(x * x);
  if (sketch != nullptr) sketch->Add(x);
  return true;
}

// Takes back one earlier Add with the same arguments. Returns false, changing nothing, when the
// facts held cannot include such a fact (none held, nothing counted, or the value is not in the
// sketch).
template <class Int>
bool Retract(FactCounts<Int>& c, ValueSums<Int>* values, QuantileSketch* sketch, std::optional<double> value,
             bool counted) {
  if (c.count == 0 || (counted && c.counted == 0) || (value && (values == nullptr || values->valued == 0))) {
    return false;
  }
  if (value && sketch != nullptr && !sketch->Retract(*value)) return false;
  --c.count;
  if (counted) --c.counted;
  if (!value) return true;
  ValueSums<Int>& v = *values;
  const double x = *value;
  --v.valued;
  v.sum.Add(-x);
  v.squares.Add(-(x * x));
  if (v.valued == 0) {
    // Nothing left: start again exactly (a compensated sum of x - x is 0 anyway).
    v = {};
  } else if (x <= v.min || x >= v.max) {
    v.extremes_known = false;
  }
  return true;
}

// Adds every value sum of `from` to `into`.
template <class Int, class From>
void MergeValues(ValueSums<Int>& into, const ValueSums<From>& from) {
  if (from.valued == 0) return;
  if (into.valued == 0) {
    into.min = from.min;
    into.max = from.max;
    into.extremes_known = from.extremes_known;
  } else {
    into.min = from.min < into.min ? from.min : into.min;
    into.max = from.max > into.max ? from.max : into.max;
    into.extremes_known = into.extremes_known && from.extremes_known;
  }
  into.valued += static_cast<Int>(from.valued);
  into.sum.Add(from.sum.Value());
  into.squares.Add(from.squares.Value());
}

}  // namespace facts

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
  void Add(std::optional<double> value, bool counted) { facts::Add(counts_, &values_, sketch_.get(), value, counted); }
  // Takes back one earlier Add with the same arguments. Returns false, changing nothing, when the
  // partial cannot hold such a fact (no facts, or the value is not in the sketch).
  bool Retract(std::optional<double> value, bool counted) {
    return facts::Retract(counts_, &values_, sketch_.get(), value, counted);
  }
  // Adds every fact of `other`. REQUIRES: both kept a sketch or neither.
  void Merge(const Partial& other);
  // Adds the facts of a store's slot: its counts, its values (null when the measure keeps none)
  // and its sketch (null when it holds no values or keeps none). The sketch is merged only when
  // this partial keeps one.
  template <class Int>
  void Merge(const FactCounts<Int>& counts, const ValueSums<Int>* values, const QuantileSketch* sketch) {
    counts_.count += static_cast<long long>(counts.count);
    counts_.counted += static_cast<long long>(counts.counted);
    if (values != nullptr) facts::MergeValues(values_, *values);
    if (sketch_ && sketch != nullptr) sketch_->Merge(*sketch);
  }

  long long Count() const { return counts_.count; }
  long long Counted() const { return counts_.counted; }
  long long Valued() const { return values_.valued; }  // facts that carried a value
  double Sum() const { return values_.sum.Value(); }
  double SumOfSquares() const { return values_.squares.Value(); }
  std::optional<double> Mean() const;
  bool ExtremesKnown() const { return values_.extremes_known; }
  // nullopt without values, or when not known (see ExtremesKnown).
  std::optional<double> Min() const;
  std::optional<double> Max() const;
  // nullopt without values or without a sketch.
  std::optional<double> Percentile(double p) const;
  bool HasSketch() const { return sketch_ != nullptr; }
  // This object and its sketch on the heap (see HeapBytes).
  std::size_t Bytes() const;

 private:
  FactCounts<long long> counts_;
  ValueSums<long long> values_;
  std::unique_ptr<QuantileSketch> sketch_;
};

}  // namespace sqm::analytics
