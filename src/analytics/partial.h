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
//   measure asks for them (`with_sketch`), because a sketch costs far more than the scalars;
// - a store keeps of each measure only what its aggregation reads (store.h: the sums for a sum
//   or mean, the spread — squares, min, max — only for a minimum or maximum); a partial merged
//   from slots without a spread answers nullopt for the extremes and the squares.
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

// What the facts' values add up to, all a sum or mean needs (valued <= count: the facts that
// carried a value). extremes_known belongs to Spread; it sits here, in what would be padding.
template <class Int>
struct ValueSums {
  Int valued = 0;
  bool extremes_known = true;
  ExactSum sum;
};

// What a minimum, maximum or spread needs beside the sums: kept only for measures that ask.
struct Spread {
  ExactSum squares;
  double min = 0;
  double max = 0;
};

namespace facts {

// Adds one fact: its value (nullopt for a count- or ratio-only measure) and whether it is in a
// ratio's numerator. `values` is null for a measure that keeps no values, `spread` for one that
// keeps no extremes and squares, `sketch` for one that keeps no percentiles (a QuantileSketch, or
// anything with its bool Add(double) and Retract(double)). Returns false, changing nothing, when
// the count is at Int's limit, a value comes for a measure without values, or the sketch refuses
// the value. REQUIRES: no spread without values.
template <class Int, class Sketch>
bool Add(FactCounts<Int>& c, ValueSums<Int>* values, Spread* spread, Sketch* sketch, std::optional<double> value,
         bool counted) {
  if (c.count == std::numeric_limits<Int>::max() || (value && values == nullptr)) return false;
  if (value && sketch != nullptr && !sketch->Add(*value)) return false;
  ++c.count;
  if (counted) ++c.counted;
  if (!value) return true;
  ValueSums<Int>& v = *values;
  const double x = *value;
  if (spread != nullptr) {
    if (v.valued == 0) {
      spread->min = spread->max = x;
      v.extremes_known = true;
    } else {
      spread->min = x < spread->min ? x : spread->min;
      spread->max = x > spread->max ? x : spread->max;
    }
    spread->squares.Add(x * x);
  }
  ++v.valued;
  v.sum.Add(x);
  return true;
}

// Takes back one earlier Add with the same arguments. Returns false, changing nothing, when the
// facts held cannot include such a fact (none held, nothing counted, or the value is not in the
// sketch).
template <class Int, class Sketch>
bool Retract(FactCounts<Int>& c, ValueSums<Int>* values, Spread* spread, Sketch* sketch, std::optional<double> value,
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
  if (spread != nullptr) spread->squares.Add(-(x * x));
  if (v.valued == 0) {
    // Nothing left: start again exactly (a compensated sum of x - x is 0 anyway).
    v = {};
    if (spread != nullptr) *spread = {};
  } else if (spread != nullptr && (x <= spread->min || x >= spread->max)) {
    v.extremes_known = false;
  }
  return true;
}

// Adds every value sum of `from` to `into`, and its spread when it keeps one (null: the extremes
// become unknown).
template <class Int, class From>
void MergeValues(ValueSums<Int>& into, Spread& into_spread, const ValueSums<From>& from, const Spread* from_spread) {
  if (from.valued == 0) return;
  const bool known = from_spread != nullptr && from.extremes_known;
  if (from_spread != nullptr) {
    if (into.valued == 0) {
      into_spread.min = from_spread->min;
      into_spread.max = from_spread->max;
    } else {
      into_spread.min = from_spread->min < into_spread.min ? from_spread->min : into_spread.min;
      into_spread.max = from_spread->max > into_spread.max ? from_spread->max : into_spread.max;
    }
    into_spread.squares.Add(from_spread->squares.Value());
  }
  into.extremes_known = (into.valued == 0 || into.extremes_known) && known;
  into.valued += static_cast<Int>(from.valued);
  into.sum.Add(from.sum.Value());
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
  void Add(std::optional<double> value, bool counted) {
    facts::Add(counts_, &values_, &spread_, sketch_.get(), value, counted);
  }
  // Takes back one earlier Add with the same arguments. Returns false, changing nothing, when the
  // partial cannot hold such a fact (no facts, or the value is not in the sketch).
  bool Retract(std::optional<double> value, bool counted) {
    return facts::Retract(counts_, &values_, &spread_, sketch_.get(), value, counted);
  }
  // Adds every fact of `other`. REQUIRES: both kept a sketch or neither.
  void Merge(const Partial& other);
  // Adds the facts of a store's slot: its counts, its values (null when the measure keeps none),
  // its spread (null when it keeps none: then this partial's extremes and squares are unknown
  // once a value came from it) and its sketch (a QuantileSketch or PackedSketch of the same
  // accuracy; null when it keeps none). The sketch is merged only when this partial keeps one.
  template <class Int, class Sketch>
  void Merge(const FactCounts<Int>& counts, const ValueSums<Int>* values, const Spread* spread, const Sketch* sketch) {
    counts_.count += static_cast<long long>(counts.count);
    counts_.counted += static_cast<long long>(counts.counted);
    if (values != nullptr) {
      if (spread == nullptr && values->valued > 0) squares_known_ = false;
      facts::MergeValues(values_, spread_, *values, spread);
    }
    if (sketch_ && sketch != nullptr) sketch_->Merge(*sketch);
  }

  long long Count() const { return counts_.count; }
  long long Counted() const { return counts_.counted; }
  long long Valued() const { return values_.valued; }  // facts that carried a value
  double Sum() const { return values_.sum.Value(); }
  // nullopt without values, or when a merged slot kept no squares.
  std::optional<double> SumOfSquares() const;
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
  Spread spread_;
  bool squares_known_ = true;
  std::unique_ptr<QuantileSketch> sketch_;
};

}  // namespace sqm::analytics
