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

constexpr std::size_t kMaskBytes = sizeof(std::uint64_t);
constexpr std::uint64_t Bit(std::size_t m) {
  return std::uint64_t{1} << m;
}
constexpr std::uint32_t DayBit(int day_of_month) {
  return std::uint32_t{1} << day_of_month;
}

}  // namespace

PartialStore::PartialStore(std::vector<MeasureShape> measures)
    : shapes_(std::move(measures)), scale_(QuantileSketch::kDefaultAccuracy), sparse_(shapes_.size() <= 64) {
  assert(PackedSketch::Fits(scale_));
  for (std::size_t m = 0; m < shapes_.size(); ++m) {
    offsets_.push_back(static_cast<std::uint32_t>(stride_));
    if (shapes_[m] == MeasureShape::kSketch) sketch_measures_.push_back(m);
    stride_ += SlotBytes(shapes_[m]);
  }
  if (sparse_) {
    const std::size_t mask_bytes = (shapes_.size() + 7) / 8;
    mask_bytes_.assign(mask_bytes * 256, 0);
    for (std::size_t i = 0; i < mask_bytes; ++i) {
      for (std::size_t b = 0; b < 256; ++b) {
        for (std::size_t bit = 0; bit < 8 && 8 * i + bit < shapes_.size(); ++bit) {
          if ((b >> bit) & 1) mask_bytes_[256 * i + b] += static_cast<std::uint16_t>(SlotBytes(shapes_[8 * i + bit]));
        }
      }
    }
  }
  blank_ = std::make_unique<std::byte[]>(kMaskBytes + stride_);
  for (std::size_t m = 0; m < shapes_.size(); ++m) {
    std::byte* at = blank_.get() + kMaskBytes + offsets_[m];
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
    for (const auto& block : series) EachSketch(block, [](PackedSketch& sketch) { sketch.Release(); });
  }
}

std::uint64_t PartialStore::MaskOf(const std::byte* day_row) {
  std::uint64_t mask;
  std::memcpy(&mask, day_row, sizeof mask);
  return mask;
}

bool PartialStore::Holds(std::uint64_t mask, std::size_t m) const {
  return !sparse_ || (mask & Bit(m)) != 0;
}

std::size_t PartialStore::SlotsBytes(std::uint64_t mask) const {
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < mask_bytes_.size(); i += 256, mask >>= 8) bytes += mask_bytes_[i + (mask & 255)];
  return bytes;
}

std::size_t PartialStore::DayBytes(std::uint64_t mask) const {
  return kMaskBytes + (sparse_ ? SlotsBytes(mask) : stride_);
}

std::size_t PartialStore::SlotOffset(std::uint64_t mask, std::size_t m) const {
  return kMaskBytes + (sparse_ ? SlotsBytes(mask & (Bit(m) - 1)) : offsets_[m]);
}

bool PartialStore::DayEmpty(const std::byte* day_row) const {
  return sparse_ ? MaskOf(day_row) == 0 : Empty(day_row + kMaskBytes);
}

namespace {
// The index of a block's day rows: a 32-bit offset per day held, padded to 8 bytes.
std::size_t IndexBytes(std::size_t days) {
  return (days * sizeof(std::uint32_t) + 7) / 8 * 8;
}
std::size_t Held(std::uint32_t days) {
  return static_cast<std::size_t>(std::popcount(days));
}
}  // namespace

std::size_t PartialStore::DaysStart(const MonthBlock& b) const {
  return stride_ + IndexBytes(Held(b.days));
}

std::size_t PartialStore::DayOffset(const MonthBlock& b, int day_of_month) const {
  const std::size_t before = Held(b.days & (DayBit(day_of_month) - 1));
  if (before == Held(b.days)) return b.bytes;
  std::uint32_t at;
  std::memcpy(&at, b.rows.get() + stride_ + before * sizeof at, sizeof at);
  return at;
}

void PartialStore::Reindex(MonthBlock& b) const {
  std::size_t at = DaysStart(b);
  std::byte* index = b.rows.get() + stride_;
  for (std::uint32_t held = b.days; held != 0; held &= held - 1, index += sizeof(std::uint32_t)) {
    const auto offset = static_cast<std::uint32_t>(at);
    std::memcpy(index, &offset, sizeof offset);
    at += DayBytes(MaskOf(b.rows.get() + at));
  }
}

void PartialStore::Splice(MonthBlock& b, std::size_t at, std::size_t erase, const std::byte* insert,
                          std::size_t insert_bytes) {
  const std::size_t bytes = b.bytes - erase + insert_bytes;
  auto next = std::make_unique_for_overwrite<std::byte[]>(bytes);
  std::memcpy(next.get(), b.rows.get(), at);
  if (insert_bytes > 0) std::memcpy(next.get() + at, insert, insert_bytes);
  std::memcpy(next.get() + at + insert_bytes, b.rows.get() + at + erase, b.bytes - at - erase);
  b.rows = std::move(next);
  b.bytes = static_cast<std::uint32_t>(bytes);
}

std::size_t PartialStore::InsertDay(MonthBlock& b, int day_of_month) {
  const std::size_t days = Held(b.days);
  const std::size_t grow = IndexBytes(days + 1) - IndexBytes(days);
  const std::size_t at = DayOffset(b, day_of_month) + grow;
  if (grow > 0) Splice(b, stride_ + IndexBytes(days), 0, blank_.get(), grow);  // zeros, rewritten below
  // A sparse day starts with no slot; otherwise with every slot.
  Splice(b, at, 0, blank_.get(), sparse_ ? kMaskBytes : kMaskBytes + stride_);
  b.days |= DayBit(day_of_month);
  Reindex(b);
  return at;
}

// Only an empty day goes, so it holds no sketch block.
void PartialStore::EraseDay(MonthBlock& b, int day_of_month) {
  const std::size_t at = DayOffset(b, day_of_month);
  Splice(b, at, DayBytes(MaskOf(b.rows.get() + at)), nullptr, 0);
  const std::size_t days = Held(b.days);
  const std::size_t shrink = IndexBytes(days) - IndexBytes(days - 1);
  if (shrink > 0) Splice(b, stride_ + IndexBytes(days - 1), shrink, nullptr, 0);
  b.days &= ~DayBit(day_of_month);
  Reindex(b);
}

std::size_t PartialStore::InsertSlot(MonthBlock& b, std::size_t day, std::size_t m) {
  const std::uint64_t mask = MaskOf(b.rows.get() + day);
  const std::size_t slot = day + SlotOffset(mask, m);
  Splice(b, slot, 0, blank_.get() + kMaskBytes + offsets_[m], SlotBytes(shapes_[m]));
  const std::uint64_t held = mask | Bit(m);
  std::memcpy(b.rows.get() + day, &held, sizeof held);
  Reindex(b);
  return slot;
}

// Only an empty slot goes, so it holds no sketch block.
void PartialStore::EraseSlot(MonthBlock& b, std::size_t day, std::size_t m) {
  const std::uint64_t mask = MaskOf(b.rows.get() + day);
  Splice(b, day + SlotOffset(mask, m), SlotBytes(shapes_[m]), nullptr, 0);
  const std::uint64_t held = mask & ~Bit(m);
  std::memcpy(b.rows.get() + day, &held, sizeof held);
  Reindex(b);
}

bool PartialStore::AddTo(std::byte* slot, std::size_t m, std::optional<double> value, bool counted) {
  Slot s = SlotAt(slot, 0, shapes_[m]);
  ScaledSketch sketch{s.sketch, &scale_};
  return facts::Add(*s.counts, s.values, s.spread, s.sketch != nullptr ? &sketch : nullptr, value, counted);
}

// A packed sketch gives its block back with its last value.
bool PartialStore::RetractFrom(std::byte* slot, std::size_t m, std::optional<double> value, bool counted) {
  Slot s = SlotAt(slot, 0, shapes_[m]);
  ScaledSketch sketch{s.sketch, &scale_};
  return facts::Retract(*s.counts, s.values, s.spread, s.sketch != nullptr ? &sketch : nullptr, value, counted);
}

void PartialStore::MergeInto(Partial& out, const std::byte* slot, std::size_t m) const {
  Slot s = SlotAt(const_cast<std::byte*>(slot), 0, shapes_[m]);
  out.Merge(*s.counts, s.values, s.spread, static_cast<const PackedSketch*>(s.sketch));
}

bool PartialStore::Empty(const std::byte* row) const {
  for (std::size_t m = 0; m < shapes_.size(); ++m) {
    if (At<Counts>(row, offsets_[m])->count != 0) return false;
  }
  return true;
}

template <class F>
void PartialStore::EachSketch(const MonthBlock& b, F f) const {
  std::byte* rows = b.rows.get();
  for (std::size_t m : sketch_measures_) f(*At<PackedSketch>(rows, offsets_[m] + offsetof(SketchSlot, sketch)));
  std::size_t at = DaysStart(b);
  for (std::uint32_t held = b.days; held != 0; held &= held - 1) {
    const std::uint64_t mask = MaskOf(rows + at);
    for (std::size_t m : sketch_measures_) {
      if (Holds(mask, m)) f(*At<PackedSketch>(rows + at, SlotOffset(mask, m) + offsetof(SketchSlot, sketch)));
    }
    at += DayBytes(mask);
  }
}

bool PartialStore::Apply(std::size_t m, Subject s, Day d, std::optional<double> value, bool counted, int sign) {
  if (value && shapes_[m] == MeasureShape::kCounts) return false;
  const std::int32_t month = MonthOf(d);
  const int day_of_month = d - FirstDayOfMonth(month);
  const std::uint32_t bit = DayBit(day_of_month);
  auto by_month = [month](const MonthBlock& b, std::int32_t key) { return b.month < key; };
  if (sign > 0) {
    Series& series = series_[s];
    auto block = std::lower_bound(series.begin(), series.end(), month, by_month);
    if (block == series.end() || block->month != month) {
      block = series.insert(block, MonthBlock{month, 0, static_cast<std::uint32_t>(stride_),
                                              std::make_unique_for_overwrite<std::byte[]>(stride_)});
      std::memcpy(block->rows.get(), blank_.get() + kMaskBytes, stride_);
    }
    // The month holds at least what its days hold: when it takes the fact, so does the day.
    if (!AddTo(block->rows.get() + offsets_[m], m, value, counted)) {
      if (block->days == 0) series.erase(block);
      if (series.empty()) series_.erase(s);
      return false;
    }
    const std::size_t day =
        (block->days & bit) != 0 ? DayOffset(*block, day_of_month) : InsertDay(*block, day_of_month);
    const std::uint64_t mask = MaskOf(block->rows.get() + day);
    const std::size_t slot = Holds(mask, m) ? day + SlotOffset(mask, m) : InsertSlot(*block, day, m);
    return AddTo(block->rows.get() + slot, m, value, counted);
  }
  auto it = series_.find(s);
  if (it == series_.end()) return false;
  Series& series = it->second;
  auto block = std::lower_bound(series.begin(), series.end(), month, by_month);
  if (block == series.end() || block->month != month || (block->days & bit) == 0) return false;
  const std::size_t day = DayOffset(*block, day_of_month);
  const std::uint64_t mask = MaskOf(block->rows.get() + day);
  if (!Holds(mask, m)) return false;
  std::byte* slot = block->rows.get() + day + SlotOffset(mask, m);
  if (!RetractFrom(slot, m, value, counted)) return false;
  // The month holds every fact its days hold, so this cannot fail while the store is consistent.
  const bool in_month = RetractFrom(block->rows.get() + offsets_[m], m, value, counted);
  if (sparse_ && At<Counts>(slot, 0)->count == 0) EraseSlot(*block, day, m);
  if (DayEmpty(block->rows.get() + day)) EraseDay(*block, day_of_month);
  if (block->days == 0) series.erase(block);  // an empty month holds no sketch block
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
      MergeInto(out, block->rows.get() + offsets_[m], m);
      continue;
    }
    const int lo = std::max(from, first_day) - first_day;
    const int hi = std::min(to, next) - first_day;
    if (lo == 0 && (block->days & ~(DayBit(hi) - 1)) == 0) {
      // The month so far (a dashboard's month to date): no day at or after `to` holds a row, so
      // the month's rollup is the sum of the days asked for.
      MergeInto(out, block->rows.get() + offsets_[m], m);
      continue;
    }
    std::size_t at = DayOffset(*block, lo);
    for (std::uint32_t held = block->days & ~(DayBit(lo) - 1); held != 0; held &= held - 1) {
      if (std::countr_zero(held) >= hi) break;
      const std::byte* row = block->rows.get() + at;
      const std::uint64_t mask = MaskOf(row);
      if (Holds(mask, m)) MergeInto(out, row + SlotOffset(mask, m), m);
      at += DayBytes(mask);
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
      size.bytes += HeapBytes(block.bytes);
      size.day_partials += static_cast<std::size_t>(std::popcount(block.days)) * shapes_.size();
      size.month_partials += shapes_.size();
      EachSketch(block, [&](const PackedSketch& sketch) { size.sketch_bytes += sketch.Bytes(); });
    }
  }
  size.bytes += size.sketch_bytes;
  return size;
}

}  // namespace sqm::analytics
