// The one interface through which assessment asks for measured values: per subject (a staff
// member or a department with its subtree) and period, and the facts behind one value (the
// drill-down). The first implementation runs each measure's reference SQL (SqlMeasureSource);
// the analytics engine (issue 13) answers through the same interface and is checked against it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/model.h"
#include "base/result.h"

namespace sqm::assessment {

using SubjectId = std::int64_t;

// Who a value belongs to. A department's value counts the facts of its whole subtree; the
// organisation's (one subject, id 0) every fact, whoever it is charged to (none too: the desk's
// intake queue). The HTTP routes ask for staff and departments; the desk dashboard (through
// app/attainment_reader.h) for the organisation too.
enum class SubjectKind { kStaff, kDepartment, kOrganisation };
constexpr SubjectId kOrganisationSubject = 0;

// One measure as the catalogue lists it (the definition itself lives with the source).
struct MeasureInfo {
  std::string code;  // "first_response_attainment"
  std::string unit;  // "percent", "minutes", "count", "per_mille"
  Direction direction = Direction::kHigherIsBetter;
  bool ratio = false;  // a ratio of two counts: values carry numerator and denominator
};

// One value. `value` is no data (never 0) when nothing was counted: no facts, or a ratio
// without a denominator. `sample` is the number of facts the value rests on (a ratio's
// denominator).
struct MeasureValue {
  Figure value = Figure::NoData();
  long long sample = 0;
  std::optional<Count> ratio;  // set for ratio measures
};

// Approved exclusions (剔除) as a period froze them: ticket id -> reason code.
using Exclusions = std::map<std::int64_t, std::string>;

// The half-open window [from_ms, to_ms) in UTC milliseconds; a fact belongs to the window its
// own time (`at`) falls in, attributed to the staff member and department recorded on the fact.
struct MeasureQuery {
  SubjectKind kind = SubjectKind::kStaff;
  std::vector<std::string> measures;  // codes; an unknown code is a 400 naming it
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::optional<std::vector<SubjectId>> only;  // restrict to these subjects; nullopt: every subject with facts
  // The tickets whose facts leave the values: nullopt, the exclusions approved now; set, exactly
  // these (a period's frozen list, so that preview, evaluation and drill-down agree).
  std::optional<Exclusions> exclusions;
  // True: every value exactly as the reference SQL gives it. An evaluation asks so, because its
  // snapshot decides pay: a source that answers some measures within a bound (the engine's
  // percentiles, within its sketch's 1 %) hands those to the SQL. False: a live preview, which may
  // take the bound for speed.
  bool exact = false;
};

// subject -> measure code -> value. A subject or measure that is absent had no facts.
using MeasureTable = std::map<SubjectId, std::map<std::string, MeasureValue>>;

struct FactQuery {
  std::string measure;
  SubjectKind kind = SubjectKind::kStaff;
  SubjectId subject = 0;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::int64_t after = 0;                // keyset cursor: the last fact_id of the previous page
  int limit = 50;                        // 1..500
  std::optional<Exclusions> exclusions;  // as MeasureQuery's: which facts are marked excluded
};

// One fact behind a value. `counted` tells a ratio's numerator facts from the rest; an
// excluded fact (an approved exclusion of its ticket) is listed but counts nowhere.
struct Fact {
  std::int64_t fact_id = 0;
  std::optional<std::int64_t> ticket_id;
  std::string ticket_number;  // as people write it ("T000042"); empty without a ticket
  std::int64_t at_ms = 0;
  std::optional<SubjectId> staff_id;
  std::optional<SubjectId> department_id;
  std::optional<double> value;  // the aggregated field, for sum/mean/min/max/percentile
  bool counted = true;          // ratio: in the numerator
  bool excluded = false;
  std::string exclusion_reason;  // the reason code when excluded
};

struct FactPage {
  std::vector<Fact> facts;
  std::optional<std::int64_t> next_after;  // nullopt on the last page
};

class MeasureSource {
 public:
  virtual ~MeasureSource() = default;
  // Every measure the source can compute.
  virtual Result<std::vector<MeasureInfo>> Catalogue() = 0;
  // Values of `q.measures` for every subject of `q.kind` in the window, as of now.
  virtual Result<MeasureTable> Values(const MeasureQuery& q) = 0;
  // The facts behind one value, oldest first, excluded ones included and marked.
  virtual Result<FactPage> Facts(const FactQuery& q) = 0;
  // The exclusions approved now of the tickets with a fact in [from_ms, to_ms): what a period
  // freezes and then passes back in MeasureQuery/FactQuery::exclusions.
  virtual Result<Exclusions> ApprovedExclusions(std::int64_t from_ms, std::int64_t to_ms) = 0;
};

}  // namespace sqm::assessment
