#include "analytics/store.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <chrono>
#include <cstring>
#include <new>
#include <type_traits>

namespace sqm::analytics {

std::int32_t MonthOf(Day d) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d}}};
  return static_cast<std::int32_t>(static_cast<int>(ymd.year()) * 12 +
                                   static_cast<int>(static_cast<unsigned>(ymd.month())) - 1);
}

Day FirstDayOfMonth(std::int32_t month) {
  const int y = month >= 0 ? month / 12 : (month - 11) / 12;
  const auto m = static_cast<unsigned>(month - y * 12 + 1);
  const std::chrono::sys_days first{std::chrono::year{y} / std::chrono::month{m} / 1};
  return static_cast<Day>(first.time_since_epoch().count());
}

namespace {

// The slots of a row. Rows are copied with memcpy, so every slot is trivially copyable; a count
// slot is the first member of every shape's slot.
using Counts = FactCounts<std::uint32_t>;
using Values = ValueSums<std::uint32_t>;
struct SumSlot {
  Counts counts;
  Values values;
};
struct ValueSlot {
  Counts counts;
  Values values;
  Spread spread;
};
struct SketchSlot {
  Counts counts;
  Values values;
  PackedSketch sketch;  // owned by the store; no block while no value is held
};
static_assert(sizeof(Counts) == 8 && sizeof(SumSlot) == 32 && sizeof(ValueSlot) == 64 && sizeof(SketchSlot) == 40);
static_assert(std::is_trivially_copyable_v<SumSlot> && std::is_trivially_copyable_v<ValueSlot> &&
              std::is_trivially_copyable_v<SketchSlot>);

std::size_t SlotBytes(MeasureShape shape) {
  switch (shape) {
    case MeasureShape::kCounts: return sizeof(Counts);
    case MeasureShape::kSums: return sizeof(SumSlot);
    case MeasureShape::kValues: return sizeof(ValueSlot);
    case MeasureShape::kSketch: return sizeof(SketchSlot);
  }
  return 0;
}

template <class T>
T* At(std::byte* row, std::size_t offset) {
  return std::launder(reinterpret_cast<T*>(row + offset));
}
template <class T>
const T* At(const std::byte* row, std::size_t offset) {
  return std::launder(reinterpret_cast<const T*>(row + offset));
}

// One measure's slot in a row, whatever its shape.
struct Slot {
  Counts* counts = nullptr;
  Values* values = nullptr;        // null for a count measure
  Spread* spread = nullptr;        // null unless a min or max measure
  PackedSketch* sketch = nullptr;  // null unless a percentile measure
};

// A slot's packed sketch with the store's scale, as facts::Add and Retract take a sketch.
struct ScaledSketch {
  PackedSketch* sketch;
  const SketchScale* scale;
  bool Add(double v) { return sketch->Add(*scale, v); }
  bool Retract(double v) { return sketch->Retract(*scale, v); }
};

Slot SlotAt(std::byte* row, std::size_t offset, MeasureShape shape) {
  switch (shape) {
    case MeasureShape::kCounts: return {At<Counts>(row, offset)};
    case MeasureShape::kSums: {
      auto* s = At<SumSlot>(row, offset);
      return {&s->counts, &s->values};
    }
    case MeasureShape::kValues: {
      auto* s = At<ValueSlot>(row, offset);
      return {&s->counts, &s->values, &s->spread};
    }
    case MeasureShape::kSketch: {
      auto* s = At<SketchSlot>(row, offset);
      return {&s->counts, &s->values, nullptr, &s->sketch};
    }
  }
  return {};
}

std::uint32_t DaysBefore(std::uint32_t days, int day_of_month) {
  return static_cast<std::uint32_t>(std::popcount(days & ((std::uint32_t{1} << day_of_month) - 1)));
}

}  // namespace

PartialStore::PartialStore(std::vector<MeasureShape> measures)
    : shapes_(std::move(measures)), scale_(QuantileSketch::kDefaultAccuracy) {
  assert(PackedSketch::Fits(scale_));
  for (std::size_t m = 0; m < shapes_.size(); ++m) {
    offsets_.push_back(static_cast<std::uint32_t>(stride_));
    if (shapes_[m] == MeasureShape::kSketch) sketch_offsets_.push_back(stride_ + offsetof(SketchSlot, sketch));
    stride_ += SlotBytes(shapes_[m]);
  }
  blank_ = std::make_unique<std::byte[]>(stride_);
  for (std::size_t m = 0; m < shapes_.size(); ++m) {
    std::byte* at = blank_.get() + offsets_[m];
    switch (shapes_[m]) {
      case MeasureShape::kCounts: new (at) Counts{}; break;
      case MeasureShape::kSums: new (at) SumSlot{}; break;
      case MeasureShape::kValues: new (at) ValueSlot{}; break;
      case MeasureShape::kSketch: new (at) SketchSlot{}; break;
    }
  }
}

PartialStore::~PartialStore() {
  for (const auto& [subject, series] : series_) {
    for (const auto& block : series) {
      for (std::size_t r = 0; r < Rows(block); ++r) ReleaseSketches(block.rows.get() + r * stride_);
    }
  }
}

std::size_t PartialStore::Rows(const MonthBlock& b) const {
  return 1 + static_cast<std::size_t>(std::popcount(b.days));
}

std::byte* PartialStore::Row(const MonthBlock& b, int day_of_month) const {
  return b.rows.get() + (1 + DaysBefore(b.days, day_of_month)) * stride_;
}

std::byte* PartialStore::InsertDay(MonthBlock& b, int day_of_month) {
  const std::size_t rows = Rows(b);
  const std::size_t at = 1 + DaysBefore(b.days, day_of_month);
  auto grown = std::make_unique_for_overwrite<std::byte[]>((rows + 1) * stride_);
  std::memcpy(grown.get(), b.rows.get(), at * stride_);
  std::memcpy(grown.get() + at * stride_, blank_.get(), stride_);
  std::memcpy(grown.get() + (at + 1) * stride_, b.rows.get() + at * stride_, (rows - at) * stride_);
  b.rows = std::move(grown);
  b.days |= std::uint32_t{1} << day_of_month;
  return b.rows.get() + at * stride_;
}

void PartialStore::EraseDay(MonthBlock& b, int day_of_month) {
  const std::size_t rows = Rows(b);
  const std::size_t at = 1 + DaysBefore(b.days, day_of_month);
  ReleaseSketches(b.rows.get() + at * stride_);
  auto shrunk = std::make_unique_for_overwrite<std::byte[]>((rows - 1) * stride_);
  std::memcpy(shrunk.get(), b.rows.get(), at * stride_);
  std::memcpy(shrunk.get() + at * stride_, b.rows.get() + (at + 1) * stride_, (rows - at - 1) * stride_);
  b.rows = std::move(shrunk);
  b.days &= ~(std::uint32_t{1} << day_of_month);
}

bool PartialStore::AddTo(std::byte* row, std::size_t m, std::optional<double> value, bool counted) {
  Slot slot = SlotAt(row, offsets_[m], shapes_[m]);
  ScaledSketch sketch{slot.sketch, &scale_};
  return facts::Add(*slot.counts, slot.values, slot.spread, slot.sketch != nullptr ? &sketch : nullptr, value, counted);
}

// A packed sketch gives its block back with its last value.
bool PartialStore::RetractFrom(std::byte* row, std::size_t m, std::optional<double> value, bool counted) {
  Slot slot = SlotAt(row, offsets_[m], shapes_[m]);
  ScaledSketch sketch{slot.sketch, &scale_};
  return facts::Retract(*slot.counts, slot.values, slot.spread, slot.sketch != nullptr ? &sketch : nullptr, value,
                        counted);
}

void PartialStore::MergeInto(Partial& out, const std::byte* row, std::size_t m) const {
  Slot slot = SlotAt(const_cast<std::byte*>(row), offsets_[m], shapes_[m]);
  out.Merge(*slot.counts, slot.values, slot.spread, static_cast<const PackedSketch*>(slot.sketch));
}

bool PartialStore::Empty(const std::byte* row) const {
  for (std::size_t m = 0; m < shapes_.size(); ++m) {
    if (At<Counts>(row, offsets_[m])->count != 0) return false;
  }
  return true;
}

void PartialStore::ReleaseSketches(std::byte* row) const {
  for (std::size_t offset : sketch_offsets_) At<PackedSketch>(row, offset)->Release();
}

bool PartialStore::Apply(std::size_t m, Subject s, Day d, std::optional<double> value, bool counted, int sign) {
  if (value && shapes_[m] == MeasureShape::kCounts) return false;
  const std::int32_t month = MonthOf(d);
  const int day_of_month = d - FirstDayOfMonth(month);
  const std::uint32_t bit = std::uint32_t{1} << day_of_month;
  auto by_month = [month](const MonthBlock& b, std::int32_t key) { return b.month < key; };
  if (sign > 0) {
    Series& series = series_[s];
    auto block = std::lower_bound(series.begin(), series.end(), month, by_month);
    if (block == series.end() || block->month != month) {
      block = series.insert(block, MonthBlock{month, 0, std::make_unique_for_overwrite<std::byte[]>(stride_)});
      std::memcpy(block->rows.get(), blank_.get(), stride_);
    }
    // The month holds at least what its days hold: when it takes the fact, so does the day.
    if (!AddTo(block->rows.get(), m, value, counted)) {
      if (block->days == 0) series.erase(block);
      if (series.empty()) series_.erase(s);
      return false;
    }
    std::byte* row = (block->days & bit) != 0 ? Row(*block, day_of_month) : InsertDay(*block, day_of_month);
    return AddTo(row, m, value, counted);
  }
  auto it = series_.find(s);
  if (it == series_.end()) return false;
  Series& series = it->second;
  auto block = std::lower_bound(series.begin(), series.end(), month, by_month);
  if (block == series.end() || block->month != month || (block->days & bit) == 0) return false;
  std::byte* row = Row(*block, day_of_month);
  if (!RetractFrom(row, m, value, counted)) return false;
  // The month holds every fact its days hold, so this cannot fail while the store is consistent.
  const bool in_month = RetractFrom(block->rows.get(), m, value, counted);
  if (Empty(row)) EraseDay(*block, day_of_month);
  if (block->days == 0) {
    ReleaseSketches(block->rows.get());
    series.erase(block);
  }
  if (series.empty()) series_.erase(it);
  if (series_.empty()) decltype(series_)().swap(series_);  // give the hash table's buckets back
  return in_month;
}

Partial PartialStore::Range(std::size_t m, Subject s, Day from, Day to) const {
  Partial out(shapes_[m] == MeasureShape::kSketch);
  auto it = series_.find(s);
  if (it == series_.end() || from >= to) return out;
  const Series& series = it->second;
  const std::int32_t last = MonthOf(to - 1);
  auto block = std::lower_bound(series.begin(), series.end(), MonthOf(from),
                                [](const MonthBlock& b, std::int32_t key) { return b.month < key; });
  for (; block != series.end() && block->month <= last; ++block) {
    const Day first_day = FirstDayOfMonth(block->month);
    const Day next = FirstDayOfMonth(block->month + 1);
    if (from <= first_day && next <= to) {
      MergeInto(out, block->rows.get(), m);
      continue;
    }
    const int lo = std::max(from, first_day) - first_day;
    const int hi = std::min(to, next) - first_day;
    const std::uint32_t wanted =
        (hi >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << hi) - 1) & ~((std::uint32_t{1} << lo) - 1);
    std::size_t r = 1 + DaysBefore(block->days, lo);
    for (std::uint32_t held = block->days & wanted; held != 0; held &= held - 1, ++r) {
      MergeInto(out, block->rows.get() + r * stride_, m);
    }
  }
  return out;
}

std::vector<std::int64_t> PartialStore::Subjects(SubjectKind kind) const {
  std::vector<std::int64_t> out;
  for (const auto& [subject, series] : series_) {
    if (subject.kind == kind) out.push_back(subject.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

PartialStore::Size PartialStore::Report() const {
  Size size;
  size.subjects = series_.size();
  size.measures = shapes_.size();
  if (series_.empty()) return size;
  // libstdc++'s node: the next pointer, the key and value, the cached hash.
  constexpr std::size_t kNode = sizeof(void*) + sizeof(std::pair<const Subject, Series>) + sizeof(std::size_t);
  size.bytes += HeapBytes(series_.bucket_count() * sizeof(void*));
  for (const auto& [subject, series] : series_) {
    size.bytes += HeapBytes(kNode) + HeapBytes(series.capacity() * sizeof(MonthBlock));
    for (const auto& block : series) {
      const std::size_t rows = Rows(block);
      size.bytes += HeapBytes(rows * stride_);
      size.day_partials += (rows - 1) * shapes_.size();
      size.month_partials += shapes_.size();
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t offset : sketch_offsets_) {
          size.sketch_bytes += At<PackedSketch>(block.rows.get() + r * stride_, offset)->Bytes();
        }
      }
    }
  }
  size.bytes += size.sketch_bytes;
  return size;
}

}  // namespace sqm::analytics
