// EngineMeasureSource: the MeasureSource (measures.h) that answers values from the analytics
// engine's per-day partials (analytics/store.h) instead of running each measure's SQL, and is
// checked against SqlMeasureSource on the same data (engine_source_test.cpp, issue 13).
//
// Rebuild() reads every fact of every registered fact source once (repo::EachFact), evaluates each
// measure's filter in C++ (Matches, measure.h) and applies the fact to the store for the staff
// member recorded on it, the department recorded on it and each of that department's ancestors
// (the department tree as it is now, as the reference SQL's recursive tree does), and the
// organisation, on the fact's day in the business time zone. Facts of tickets with an approved
// exclusion are left out, as the SQL leaves them. A count or ratio measure keeps counts, a sum,
// mean, min or max the values, a percentile a sketch; a ratio over two sources keeps its
// numerator's and its denominator's counts apart.
//
// What the engine answers (Values), and what it hands to the SQL:
// - a window whose bounds are both starts of business days, with the exclusions approved now
//   (q.exclusions unset), for measures known at the last Rebuild: from the store;
// - anything else (a window inside a day, a period's frozen exclusion list, a measure created
//   since the Rebuild, a minimum or maximum whose extreme was taken back by Apply, which only a
//   rebuild knows again): SqlMeasureSource, so the answer is always the reference one.
// Counts and ratios equal the SQL's exactly; sums and means to about 1e-12 relative (compensated
// sums); a percentile is within the sketch's relative accuracy of 1 % (sketch.h) of the SQL's.
// "No data" stays no data: a subject without facts is absent, a ratio without a denominator has
// no value.
//
// Not live yet: the store is as of the last Rebuild (no event tailing); Apply takes back one fact
// and adds its new version, so a caller that knows a fact changed keeps the store right.
// Catalogue, Facts and ApprovedExclusions are the SqlMeasureSource's.
//
// Threading: Values, Apply and Rebuild take one lock; the FactRegistry must outlive the source.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/store.h"
#include "assessment/measure.h"
#include "assessment/measure_repo.h"
#include "assessment/measure_source.h"
#include "calendar/zone.h"
#include "storage/database.h"

namespace sqm::assessment {

class EngineMeasureSource final : public MeasureSource {
 public:
  EngineMeasureSource(storage::Database& db, const FactRegistry& facts, calendar::Zone zone);
  ~EngineMeasureSource() override;

  // Forgets the store and fills it again from the database: every measure of the catalogue now,
  // every fact of every source, the department tree and the approved exclusions now.
  void Rebuild();

  Result<std::vector<MeasureInfo>> Catalogue() override { return sql_.Catalogue(); }
  // As SqlMeasureSource::Values (the same errors); see the header comment for which queries the
  // store answers.
  Result<MeasureTable> Values(const MeasureQuery& q) override;
  Result<FactPage> Facts(const FactQuery& q) override { return sql_.Facts(q); }
  Result<Exclusions> ApprovedExclusions(std::int64_t from_ms, std::int64_t to_ms) override {
    return sql_.ApprovedExclusions(from_ms, to_ms);
  }

  // The organisation's values (every fact, whoever it is charged to), which no SQL subject has;
  // nullopt when the store cannot answer the window (see Values). A measure without facts is
  // absent.
  std::optional<std::map<std::string, MeasureValue>> OrganisationValues(const std::vector<std::string>& measures,
                                                                        std::int64_t from_ms, std::int64_t to_ms);

  // A fact of `source` changed (a reopened ticket): takes back `before`'s contribution and adds
  // `after`'s; either may be nullopt (a new fact, a fact gone). Returns false when the store held
  // no such `before` (the caller then rebuilds). Attribution is each version's own.
  bool Apply(const std::string& source, const std::optional<repo::FactRow>& before,
             const std::optional<repo::FactRow>& after);

  analytics::PartialStore::Size Report() const;

 private:
  // One measure as the engine evaluates it.
  struct Compiled {
    Measure measure;
    std::size_t slot = 0;                                   // its index in the store's shapes
    std::optional<std::size_t> denominator;                 // a two-source ratio's denominator slot
    std::vector<std::pair<std::size_t, Condition>> filter;  // (field index, condition)
    std::vector<std::pair<std::size_t, Condition>> numerator;
    std::vector<std::pair<std::size_t, Condition>> denominator_filter;
    std::optional<std::size_t> field;  // the aggregated field's index
  };
  // What one fact adds to one slot: its value and whether a ratio counts it.
  struct Contribution {
    std::size_t slot;
    std::optional<double> value;
    bool counted;
    bool operator==(const Contribution&) const = default;
  };

  std::vector<Contribution> ContributionsOf(const std::string& source, const repo::FactRow& f) const;
  bool ApplyFact(const std::string& source, const repo::FactRow& f, int sign);
  // Adds (+1) or takes back (-1) `contributions` of `f` for each of its subjects on its day.
  bool ApplyContributions(const std::vector<Contribution>& contributions, const repo::FactRow& f, int sign);
  std::optional<analytics::Day> DayStarting(std::int64_t ms) const;
  // nullopt when the store cannot tell: a minimum or maximum whose extreme value was taken back.
  std::optional<MeasureValue> ValueOf(const Compiled& c, analytics::Subject s, analytics::Day from,
                                      analytics::Day to) const;

  storage::Database& db_;
  const FactRegistry& facts_;
  calendar::Zone zone_;
  SqlMeasureSource sql_;

  mutable std::mutex mu_;
  std::vector<Compiled> measures_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> parent_;  // department -> parent
  std::set<std::int64_t> excluded_;                                       // tickets
  std::unique_ptr<analytics::PartialStore> store_;
};

}  // namespace sqm::assessment
