// EngineMeasureSource: the MeasureSource (measures.h) that answers values from the analytics
// engine's per-day partials (analytics/store.h) instead of running each measure's SQL, and is
// checked against SqlMeasureSource on the same data (engine_source_test.cpp, issue 13).
//
// Rebuild() reads every fact of every registered fact source once (repo::EachFact), evaluates each
// measure's filter in C++ (Matches, measure.h) and applies the fact to the store for the staff
// member recorded on it, the department recorded on it and each of that department's ancestors
// (the department tree as it is now, as the reference SQL's recursive tree does), and the
// organisation, on the fact's day in the business time zone. Facts of tickets with an approved
// exclusion are left out of the store, as the SQL leaves them (the ledger keeps them, marked). A count or ratio measure
// keeps counts, a sum, mean, min or max the values, a percentile a sketch; a ratio over two sources keeps its
// numerator's and its denominator's counts apart.
//
// What the engine answers (Values), and what it hands to the SQL:
// - a window whose bounds are both starts of business days, with the exclusions approved now
//   (q.exclusions unset), or a period's frozen list that leaves out in that window what the store
//   leaves out (SameExclusions), for measures known at the last Rebuild: from the store;
// - anything else (a window inside a day, a frozen list that differs, a measure created since the
//   Rebuild, a minimum or maximum whose extreme was taken back, which only a rebuild knows again,
//   or a store that has not caught up with the log: see SetFreshness): SqlMeasureSource, so the
//   answer is always the reference one.
// Counts and ratios equal the SQL's exactly; sums and means to about 1e-12 relative (compensated
// sums); a percentile is within the sketch's relative accuracy of 1 % (sketch.h) of the SQL's.
// "No data" stays no data: a subject without facts is absent, a ratio without a denominator has
// no value.
//
// Live (issue 13): Rebuild() fills a new store off to the side and swaps it in (Values answers
// from the old one, or the SQL, meanwhile), and returns the event seq it is as of; the caller (the
// server's analytics tail, app/analytics_tail.h) then hands it what changed since, as entities to
// read again: RefreshTicket re-reads every fact of one ticket in every source (and whether it is
// excluded), RefreshSource a whole source (for evidence not keyed by ticket: inspections, whose
// corrections change two rows, improvement actions, agency results). Each fact read again is a
// retraction of what it added before and an addition of what it adds now.
//
// What it added before is kept per fact, in a ledger per source (one record per fact that adds
// anything, engine_ledger.h): the staff member, department and day it was applied for, its
// ticket, a bit per measure slot of its source that took it (and a bit per ratio that counted it),
// whether its ticket is excluded, and the values it gave. Packed in arrays sorted by fact_id with
// 32-bit ids (the fact's own too) and a ticket index of 32-bit positions: 27 bytes per fact on the
// bench data (Tracked(), capacities counted; 140 with the hash map of records before,
// bench/README.md); the tail's additions go to a side map merged in now and then; a fact whose id
// or one of whose ids does not fit 32 bits (an agency result's negative fact id) keeps a whole
// 64-bit record in the side map. A fact is taken back exactly as it was added, whatever
// changed since (a filter's answer, an exclusion, a person moved). A source that more than 64
// measure slots read is refused (Rebuild throws): the SQL then answers everything.
//
// Catalogue, Facts and ApprovedExclusions are the SqlMeasureSource's.
//
// Threading: one shared lock. Values, OrganisationValues, Report and Tracked only read and share
// it (two dashboard readers at once, issue 13); the refreshes and the swap of a rebuild own it. The refreshes and
// Rebuild must not run at the same time as each other (the tail serialises them): RefreshTicket
// merges a ledger's side part after releasing the lock, reading the ledger while Values and Tracked
// may read it too, and takes the lock only to swap the merged copy in. The FactRegistry must
// outlive the source.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/store.h"
#include "assessment/engine_ledger.h"
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

  // Fills a new store from the database and swaps it in: every measure of the catalogue now,
  // every fact of every source, the department tree and the approved exclusions now. Returns the
  // seq of the newest event before the reading began: every change of a later event is yet to be
  // refreshed (refreshing one that the reading already saw changes nothing). Throws DbError when
  // the database fails, std::logic_error on a measure the engine cannot compile.
  std::int64_t Rebuild();
  // Whether a Rebuild has completed (before it, Values is the SQL's).
  bool Ready() const;
  // Asked (without the lock held) before the store answers: false hands the query to the SQL. The
  // server installs "the tail has applied the log up to its head now" (AnalyticsTail::CatchUp),
  // so a value read after a write includes it. Set before use; none: the store answers as it is.
  void SetFreshness(std::function<bool()> fresh) { fresh_ = std::move(fresh); }

  // Reads every fact of `ticket_id` in every source again, and whether the ticket is excluded, and
  // applies the difference. False (the store unchanged for the fact at fault) when the store held
  // less than the ledger says: a bookkeeping error, after which the caller rebuilds. True and
  // nothing done before the first Rebuild.
  bool RefreshTicket(std::int64_t ticket_id);
  // The same for every fact of one source (unknown name: true, nothing to do).
  bool RefreshSource(const std::string& source);

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

  analytics::PartialStore::Size Report() const;
  // The ledger: facts it keeps a record of, and the heap those records and their indexes take.
  struct Tracking {
    std::size_t facts = 0;
    std::size_t bytes = 0;
  };
  Tracking Tracked() const;

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
  // The slots one source's facts may add to: a fact's record keeps one bit per entry.
  struct Plan {
    std::string source;
    std::vector<std::size_t> slots;                      // entry -> slot
    std::vector<std::optional<std::size_t>> value;       // entry -> index of its value in a record
    std::vector<std::size_t> fields;                     // value index -> the field it is read from
    std::unordered_map<std::size_t, std::size_t> entry;  // slot -> entry
  };
  static constexpr std::int64_t kNone = LedgerRecord::kNone;
  // What one fact added (see the header comment and engine_ledger.h).
  using Applied = LedgerRecord;
  // Everything a rebuild makes, swapped in whole.
  struct State {
    std::vector<Compiled> measures;
    std::map<std::string, std::size_t, std::less<>> by_code;
    std::unordered_map<std::int64_t, std::optional<std::int64_t>> parent;  // department -> parent
    std::set<std::int64_t> excluded;                                       // tickets
    std::unique_ptr<analytics::PartialStore> store;
    std::vector<Plan> plans;         // per source, in registry order
    std::vector<FactLedger> ledger;  // per source
  };

  static std::vector<Contribution> ContributionsOf(const State& st, const std::string& source, const repo::FactRow& f);
  Applied Record(const State& st, std::size_t source, const repo::FactRow& f) const;
  static std::vector<Contribution> Decode(const Plan& plan, const Applied& a);
  static bool SameRecord(const Plan& plan, const Applied& a, const Applied& b);
  // Adds (+1) or takes back (-1) `a` for each of its subjects on its day.
  static bool ApplyRecord(State& st, const Plan& plan, const Applied& a, int sign);
  // Replaces what fact `f` of source `source` added by what it adds now; Forget takes it back.
  bool Replace(State& st, std::size_t source, const repo::FactRow& f) const;
  static bool Forget(State& st, std::size_t source, std::int64_t fact_id);
  // Puts each due ledger's merged copy in its place (FactLedger::CompactDue); `locked`: the caller
  // holds the lock. Otherwise the copy is built without it (the threading note) and the old
  // ledger freed after it is released.
  void CompactLedgers(bool locked);
  // Whether leaving out `list` (a period's frozen exclusions) over days [from, to) is what the
  // store does: every ticket on it is excluded in the store, and every other ticket the store
  // excludes has no fact in the window.
  static bool SameExclusions(const State& st, const Exclusions& list, analytics::Day from, analytics::Day to);
  std::optional<analytics::Day> DayStarting(std::int64_t ms) const;
  analytics::Day DayOf(TimeMs at) const;
  // nullopt when the store cannot tell: a minimum or maximum whose extreme value was taken back.
  static std::optional<MeasureValue> ValueOf(const State& st, const Compiled& c, analytics::Subject s,
                                             analytics::Day from, analytics::Day to);

  storage::Database& db_;
  const FactRegistry& facts_;
  calendar::Zone zone_;
  SqlMeasureSource sql_;

  std::function<bool()> fresh_;

  mutable std::shared_mutex mu_;  // readers (Values, Report, ...) share it; the rebuild and refreshes own it
  std::unique_ptr<State> state_;  // null before the first Rebuild
};

}  // namespace sqm::assessment
