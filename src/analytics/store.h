// The engine's memory: for every subject (a staff member, a department, the organisation) and
// every measure, one Partial per local day with facts, and the same merged per month, so that a
// period's value is the merge of its whole months and the days at its edges, never a rescan.
//
// Days are counted from 1970-01-01 in the organisation's business time zone (the caller converts
// a fact's instant); a month is the civil month of its days. Each change of a fact is applied as
// a retraction of its old contribution and an addition of the new one; the store keeps days and
// months in step.
//
// Not thread-safe: the engine applies events on one thread and guards readers.
#pragma once

#include <cstdint>
#include <map>
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

// What a measure's partials keep besides counts and sums.
struct MeasureShape {
  bool with_sketch = false;  // percentiles
};

// The civil month (year * 12 + month - 1) a day falls in.
std::int32_t MonthOf(Day d);
// The first day of a month index.
Day FirstDayOfMonth(std::int32_t month);

class PartialStore {
 public:
  explicit PartialStore(std::vector<MeasureShape> measures);

  // Adds (sign +1) or takes back (sign -1) one fact of measure `m` (an index into the shapes)
  // for `s` on day `d`. Returns false, changing nothing, when a retraction does not match what
  // is held (the engine's bookkeeping error: it then rebuilds).
  bool Apply(std::size_t m, Subject s, Day d, std::optional<double> value, bool counted, int sign);

  // The merge of days [from, to) of measure `m` for `s`: whole months from the month partials,
  // the days at the edges from the day partials. Empty (Count() == 0) when nothing is held.
  Partial Range(std::size_t m, Subject s, Day from, Day to) const;

  // Every subject of `kind` that holds any fact.
  std::vector<std::int64_t> Subjects(SubjectKind kind) const;

  struct Size {
    std::size_t subjects = 0;
    std::size_t day_partials = 0;
    std::size_t month_partials = 0;
    std::size_t bytes = 0;  // an estimate: partials, sketches and the maps' nodes
  };
  Size Report() const;

 private:
  struct SubjectHash {
    std::size_t operator()(const Subject& s) const {
      return std::hash<std::int64_t>()(s.id * 4 + static_cast<std::int64_t>(s.kind));
    }
  };
  // One subject's partials: per day and per month, each a vector with one Partial per measure.
  struct Series {
    std::map<Day, std::vector<Partial>> days;
    std::map<std::int32_t, std::vector<Partial>> months;
  };
  std::vector<Partial> Blank() const;
  static void Prune(std::map<std::int32_t, std::vector<Partial>>& by, std::int32_t key);

  std::vector<MeasureShape> measures_;
  std::unordered_map<Subject, Series, SubjectHash> series_;
};

}  // namespace sqm::analytics
