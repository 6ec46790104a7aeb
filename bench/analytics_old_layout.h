// The analytics store's first layout, kept only as the benchmark's reference (analytics_bench):
// every subject-day and subject-month a std::map node holding a std::vector of one Partial object
// per measure (count, counted, valued, two compensated sums, min, max, a flag and a sketch
// pointer: 96 bytes each, whatever the measure needs), the sketch allocated for every day of a
// percentile measure. This is the code of src/analytics before the compact rows, trimmed to what
// the benchmark calls; it is not used anywhere else.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "analytics/partial.h"
#include "analytics/store.h"

namespace sqm::analytics::old_layout {

class Partial {
 public:
  explicit Partial(bool with_sketch = false) : sketch_(with_sketch ? std::make_unique<QuantileSketch>() : nullptr) {}
  Partial(Partial&&) noexcept = default;
  Partial& operator=(Partial&&) noexcept = default;

  void Add(std::optional<double> value, bool counted) {
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

  bool Retract(std::optional<double> value, bool counted) {
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
      sum_ = {};
      squares_ = {};
      extremes_known_ = true;
    } else if (v <= min_ || v >= max_) {
      extremes_known_ = false;
    }
    return true;
  }

  void Merge(const Partial& other) {
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

  long long Count() const { return count_; }
  long long Counted() const { return counted_; }
  long long Valued() const { return valued_; }
  double Sum() const { return sum_.Value(); }
  std::optional<double> Percentile(double p) const {
    if (!sketch_) return std::nullopt;
    return sketch_->Percentile(p);
  }
  std::size_t Bytes() const { return sizeof(*this) + (sketch_ ? sketch_->Bytes() : 0); }

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

class PartialStore {
 public:
  explicit PartialStore(std::vector<bool> with_sketch) : with_sketch_(std::move(with_sketch)) {}

  bool Apply(std::size_t m, Subject s, Day d, std::optional<double> value, bool counted, int sign) {
    const std::int32_t month = MonthOf(d);
    if (sign > 0) {
      auto& series = series_[s];
      auto day = series.days.try_emplace(d).first;
      if (day->second.empty()) day->second = Blank();
      auto mon = series.months.try_emplace(month).first;
      if (mon->second.empty()) mon->second = Blank();
      day->second[m].Add(value, counted);
      mon->second[m].Add(value, counted);
      return true;
    }
    auto it = series_.find(s);
    if (it == series_.end()) return false;
    auto day = it->second.days.find(d);
    if (day == it->second.days.end() || !day->second[m].Retract(value, counted)) return false;
    const bool in_month = it->second.months.at(month)[m].Retract(value, counted);
    Prune(it->second.days, d);
    Prune(it->second.months, month);
    if (it->second.days.empty()) series_.erase(it);
    return in_month;
  }

  Partial Range(std::size_t m, Subject s, Day from, Day to) const {
    Partial out(with_sketch_[m]);
    auto it = series_.find(s);
    if (it == series_.end()) return out;
    const Series& series = it->second;
    for (Day d = from; d < to;) {
      const std::int32_t month = MonthOf(d);
      const Day next = FirstDayOfMonth(month + 1);
      if (d == FirstDayOfMonth(month) && next <= to) {
        if (auto mon = series.months.find(month); mon != series.months.end()) out.Merge(mon->second[m]);
        d = next;
        continue;
      }
      const Day end = std::min(next, to);
      for (auto day = series.days.lower_bound(d); day != series.days.end() && day->first < end; ++day) {
        out.Merge(day->second[m]);
      }
      d = end;
    }
    return out;
  }

  struct Size {
    std::size_t subjects = 0;
    std::size_t day_partials = 0;
    std::size_t month_partials = 0;
    std::size_t bytes = 0;
  };
  // As the first layout reported it: partials, sketches and an estimate of the maps' nodes.
  Size Report() const;

 private:
  struct SubjectHash {
    std::size_t operator()(const Subject& s) const {
      return std::hash<std::int64_t>()(s.id * 4 + static_cast<std::int64_t>(s.kind));
    }
  };
  struct Series {
    std::map<Day, std::vector<Partial>> days;
    std::map<std::int32_t, std::vector<Partial>> months;
  };
  std::vector<Partial> Blank() const {
    std::vector<Partial> out;
    out.reserve(with_sketch_.size());
    for (bool s : with_sketch_) out.emplace_back(s);
    return out;
  }
  static void Prune(std::map<std::int32_t, std::vector<Partial>>& by, std::int32_t key) {
    auto it = by.find(key);
    if (it == by.end()) return;
    if (std::all_of(it->second.begin(), it->second.end(), [](const Partial& p) { return p.Count() == 0; })) {
      by.erase(it);
    }
  }

  std::vector<bool> with_sketch_;
  std::unordered_map<Subject, Series, SubjectHash> series_;
};

inline PartialStore::Size PartialStore::Report() const {
  Size size;
  size.subjects = series_.size();
  constexpr std::size_t kMapNode = 48;
  for (const auto& [subject, series] : series_) {
    size.bytes += sizeof(Subject) + sizeof(Series) + 2 * sizeof(void*);
    for (const auto* by : {&series.days, &series.months}) {
      for (const auto& [key, partials] : *by) {
        size.bytes += kMapNode;
        for (const auto& p : partials) size.bytes += p.Bytes();
      }
    }
    size.day_partials += series.days.size() * with_sketch_.size();
    size.month_partials += series.months.size() * with_sketch_.size();
  }
  return size;
}

}  // namespace sqm::analytics::old_layout
