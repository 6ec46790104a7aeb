// The engine's memory: for every subject (a staff member, a department, the organisation) and
// every measure, the partial aggregate of each local day with facts, and the same merged per
// month, so that a period's value is the merge of its whole months and the days at its edges,
// never a rescan.
//
// Days are counted from 1970-01-01 in the organisation's business time zone (the caller converts
// a fact's instant); a month is the civil month of its days. Each change of a fact is applied as
// a retraction of its old contribution and an addition of the new one; the store keeps days and
// months in step, and drops a day (a month) as soon as it holds no fact.
//
// Layout (issue 13: 10,000 staff x 365 days and 300 departments must fit in well under 3 GB). A
// store has one schema: each measure has a shape (MeasureShape) and a fixed offset in a row of
// `stride` bytes. A row is one flat run of typed slots, not objects, each keeping only what its
// aggregation reads: a count slot is two 32-bit counters (8 B); a sums slot adds the valued
// counter and the compensated sum (32 B); a values slot adds the spread, the compensated sum of
// squares, min and max (64 B); a sketch slot is a sums slot and a PackedSketch (sketch.h: 6 B a
// bucket in one heap block, made with the slot's first value and freed with its last; 40 B).
// With the 22 built-in measures and the one denominator they count apart (19 count slots, 3
// means and a percentile) a whole row is 288 B.
//
// A subject keeps one block per month with facts, sorted by month: the month's whole row, then a
// row per day held, in day order (a bit per day of the month says which); a block is one
// allocation of exactly its rows. A day row holds only the slots its day has facts for: a 64-bit
// mask of them, then those slots in measure order (a staff member's day with a few tickets leaves
// about a third of the built-in slots empty). A slot comes with its first fact and goes with its
// last, a day with its first slot and its last; each reallocates the month's block. A store of
// more than 64 measures keeps whole day rows (the mask then unused).
//
// Counters are 32-bit: a day or month of one subject holds at most 2^32 - 1 facts of a measure
// (an Apply beyond that is refused), while Range answers in 64-bit Partials.
//
// Not thread-safe: the engine applies events on one thread and guards readers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "analytics/partial.h"

namespace sqm::analytics {

using Day = std::int32_t;  // days since 1970-01-01, local

enum class SubjectKind : std::uint8_t { kStaff, kDepartment, kOrganisation };

struct Subject {
  SubjectKind kind = SubjectKind::kStaff;
  std::int64_t id = 0;
  bool operator==(const Subject&) const = default;
};

// What a measure's partials keep.
enum class MeasureShape : std::uint8_t {
  kCounts,  // count and ratio measures: facts and counted facts; a fact with a value is refused
  kSums,    // sum and mean: also the values' count and compensated sum
  kValues,  // min and max: also the spread (sum of squares, minimum, maximum)
  kSketch,  // percentiles: the sums and a packed sketch of the values
};

// The civil month (year * 12 + month - 1) a day falls in.
std::int32_t MonthOf(Day d);
// The first day of a month index.
Day FirstDayOfMonth(std::int32_t month);

class PartialStore {
 public:
  explicit PartialStore(std::vector<MeasureShape> measures);
  ~PartialStore();
  // The store owns the sketches its rows point to.
  PartialStore(const PartialStore&) = delete;
  PartialStore& operator=(const PartialStore&) = delete;

  // Adds (sign +1) or takes back (sign -1) one fact of measure `m` (an index into the shapes)
  // for `s` on day `d`. Returns false, changing nothing, when a retraction does not match what
  // is held (the engine's bookkeeping error: it then rebuilds), when a count measure is given a
  // value, or when the month's counter of the measure is full.
  bool Apply(std::size_t m, Subject s, Day d, std::optional<double> value, bool counted, int sign);

  // The merge of days [from, to) of measure `m` for `s`: whole months from the month rows, the
  // days at the edges from the day rows. Empty (Count() == 0) when nothing is held.
  Partial Range(std::size_t m, Subject s, Day from, Day to) const;

  // Every subject of `kind` that holds any fact.
  std::vector<std::int64_t> Subjects(SubjectKind kind) const;

  // The bytes of one row (every measure's slot of one subject and day or month).
  std::size_t RowBytes() const { return stride_; }

  struct Size {
    std::size_t subjects = 0;
    std::size_t measures = 0;
    std::size_t day_partials = 0;    // days held x measures
    std::size_t month_partials = 0;  // months held x measures
    // The heap the held data takes, counted as glibc's malloc hands it out (HeapBytes): the
    // subjects' hash table and nodes, the month blocks and their rows, the sketches and their
    // buckets. 0 when nothing is held.
    std::size_t bytes = 0;
    std::size_t sketch_bytes = 0;  // of which the sketches and their buckets
  };
  Size Report() const;

 private:
  struct MonthBlock {
    std::int32_t month = 0;
    std::uint32_t days = 0;             // bit i: day i + 1 of the month has a row
    std::uint32_t bytes = 0;            // of `rows`
    std::unique_ptr<std::byte[]> rows;  // the month's row, the days' offsets, the days' rows in day order
  };
  using Series = std::vector<MonthBlock>;  // sorted by month
  struct SubjectHash {
    std::size_t operator()(const Subject& s) const {
      return std::hash<std::int64_t>()(s.id * 4 + static_cast<std::int64_t>(s.kind));
    }
  };

  // A day row: the mask of the slots it holds, then those slots in measure order.
  static std::uint64_t MaskOf(const std::byte* day_row);
  bool Holds(std::uint64_t mask, std::size_t m) const;
  std::size_t SlotsBytes(std::uint64_t mask) const;
  std::size_t DayBytes(std::uint64_t mask) const;
  std::size_t SlotOffset(std::uint64_t mask, std::size_t m) const;  // from the day row's start
  bool DayEmpty(const std::byte* day_row) const;
  // Where day `day_of_month`'s row is (or would go) in `b`, from the block's index.
  std::size_t DayOffset(const MonthBlock& b, int day_of_month) const;
  std::size_t DaysStart(const MonthBlock& b) const;  // the first day row, after the index
  void Reindex(MonthBlock& b) const;                 // writes the index of the rows as they are
  // Replaces `erase` bytes at `at` of the block by `insert_bytes` bytes from `insert`.
  static void Splice(MonthBlock& b, std::size_t at, std::size_t erase, const std::byte* insert,
                     std::size_t insert_bytes);
  // Makes room for a day's row (blank) in `b`; returns its offset.
  std::size_t InsertDay(MonthBlock& b, int day_of_month);
  void EraseDay(MonthBlock& b, int day_of_month);
  // Makes room for measure m's slot (blank) in the day row at `day`; returns the slot's offset.
  std::size_t InsertSlot(MonthBlock& b, std::size_t day, std::size_t m);
  void EraseSlot(MonthBlock& b, std::size_t day, std::size_t m);
  bool AddTo(std::byte* slot, std::size_t m, std::optional<double> value, bool counted);
  bool RetractFrom(std::byte* slot, std::size_t m, std::optional<double> value, bool counted);
  void MergeInto(Partial& out, const std::byte* slot, std::size_t m) const;
  bool Empty(const std::byte* row) const;  // a whole row (the month's, or a day's without a mask)
  template <class F>
  void EachSketch(const MonthBlock& b, F f) const;

  std::vector<MeasureShape> shapes_;
  SketchScale scale_;                   // of every sketch slot
  std::vector<std::uint32_t> offsets_;  // of each measure's slot in a whole row
  std::vector<std::size_t> sketch_measures_;
  std::size_t stride_ = 0;
  bool sparse_ = false;  // up to 64 measures: day rows hold only their slots
  // The bytes of the slots of each byte of a mask: [8 * i + b] for the slots set in byte value b
  // at byte i (without a popcount instruction in the baseline x86-64, std::popcount is a call).
  std::vector<std::uint16_t> mask_bytes_;
  std::unique_ptr<std::byte[]> blank_;  // a day row of every slot, empty: the mask, then a row
  std::unordered_map<Subject, Series, SubjectHash> series_;
};

}  // namespace sqm::analytics
