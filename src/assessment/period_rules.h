// Periods (考核周期) and their results, pure: the state machine planned -> collecting -> evaluated
// -> published -> locked, the snapshot that evaluation freezes (every input a result depends on),
// and the computation of a period's results from a snapshot alone — indicator values from the
// snapshot's measures and manual inputs, small-sample estimates, scores (scoring.h), the
// comprehensive method (evaluation.h), groups, ranks, grades and lists (ranking.h). The same
// snapshot always gives the same results, bit for bit: that is what `verify` checks on a locked
// period.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/indicator.h"
#include "assessment/measures.h"
#include "assessment/scheme_document.h"
#include "base/result.h"
#include "base/stats.h"

namespace sqm::assessment {

enum class PeriodStatus { kPlanned, kCollecting, kEvaluated, kPublished, kLocked };
const char* PeriodStatusName(PeriodStatus s);
std::optional<PeriodStatus> ParsePeriodStatus(std::string_view text);

enum class PeriodStep { kCollect, kEvaluate, kPublish, kLock };
const char* PeriodStepName(PeriodStep s);

// The status a step leads to; kConflict on "status" when the period is not in the step's one
// starting state (collect: planned; evaluate: collecting; publish: evaluated; lock: published).
Result<PeriodStatus> NextStatus(PeriodStatus from, PeriodStep step);

// A locked period refuses every write: kConflict on "status".
Status CheckNotLocked(PeriodStatus s);

enum class PeriodKind { kMonth, kQuarter, kYear, kCustom };
const char* PeriodKindName(PeriodKind k);
std::optional<PeriodKind> ParsePeriodKind(std::string_view text);

// Who is assessed, as they were when the period was evaluated.
struct AssesseeRef {
  SubjectId id = 0;
  std::string name;
  std::optional<std::int64_t> department_id;
  std::string department;
};

// One month's final figures for one assessee, as a quarter or a year rolls them up.
struct MonthFigures {
  Figure total = Figure::NoData();
  long long volume = 0;
  bool failed = false;
  std::map<std::string, Figure> points;    // scheme node code -> its points
  std::map<std::string, Figure> measured;  // leaf code -> the value measured
};

// A locked month period inside a quarter or year, with its results.
struct MonthResults {
  std::int64_t period_id = 0;
  std::string name;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::map<SubjectId, MonthFigures> items;
};

// Whether a period of `kind` is made from its months' results (a quarter or a year whose scheme
// rolls up by mean_of_months or volume_weighted) rather than from the measures over its range.
bool RollsUp(PeriodKind kind, Rollup rollup);

// One figure of a quarter or year from its months' (value, volume): the mean of the months that
// have a value (mean_of_months), or their mean weighted by volume (volume_weighted: when no such
// month has a volume, the plain mean). Months without a value are left out, never counted as 0;
// none at all gives no data.
Figure RollUp(Rollup how, const std::vector<std::pair<Figure, long long>>& months);

// Everything a period's results are computed from, frozen at evaluation.
struct Snapshot {
  std::vector<AssesseeRef> assessees;
  std::map<std::string, Indicator> indicators;  // the library indicators the scheme names, as they were
  MeasureTable measures;
  std::map<SubjectId, std::map<std::string, double>> inputs;  // manual indicator and item values
  Exclusions exclusions;                    // approved then: the measures above leave these tickets out
  std::map<SubjectId, double> adjustments;  // points added by approved appeal adjustments
  // Set for a period that rolls up (RollsUp): the locked months it is made of, in time order.
  // Measures and inputs are then not read; every figure comes from these months.
  std::optional<std::vector<MonthResults>> months;
};

// A value a person enters for a period (人工录入): a manual indicator of the scheme (by its library
// code) or a bonus or deduction item (a count of occurrences), with the values it accepts. Every
// value is at least 0; a percent is at most 100; a manual indicator scored by a linear rule rated
// upward is at most the rule's target (the top of the rating scale: 0-10 for "linear 0 -> 10");
// an item is a whole count.
struct ManualField {
  enum class Kind { kIndicator, kBonus, kDeduction };
  std::string code;
  Kind kind = Kind::kIndicator;
  std::string node;  // the leaf scoring it (indicators)
  double min = 0;
  std::optional<double> max;
  bool whole = false;
};
const char* ManualFieldKindName(ManualField::Kind k);  // "indicator", "bonus", "deduction"

// The manual fields of a scheme, in tree order then bonus and deduction items. `indicators` holds
// the library indicators the scheme names; only those of kind manual make a field.
std::vector<ManualField> ManualFields(const SchemeDocument& doc, const std::map<std::string, Indicator>& indicators);

// `value` for `field`: kInvalid on "value" naming the range when it lies outside it.
Status CheckManualValue(const ManualField& field, double value);

// The measure codes the scheme's computed indicators (and its volume measure) need.
std::vector<std::string> NeededMeasures(const SchemeDocument& doc, const std::map<std::string, Indicator>& indicators);

struct NodeResult {
  std::string code;
  std::string path;
  std::string indicator;  // leaves: the library indicator; "" for dimensions
  int depth = 0;
  double max_points = 0;
  double weight = 0;  // share of the base: max_points / root max_points
  Figure measured = Figure::NoData();
  long long sample = 0;
  std::optional<Count> count;
  std::optional<stats::Interval> wilson;  // of the observed rate, when there are counts
  Figure basis = Figure::NoData();        // the value scored (small-sample option applied)
  std::optional<double> target;
  std::string rule;  // "weighted_rate", "linear", ...; "" for dimensions
  Figure points = Figure::NoData();
  Figure contribution = Figure::NoData();  // points / root max_points x 100: its share of the total
  bool gate_fired = false;
};

// A month that entered one assessee's rolled-up result.
struct MonthTotal {
  std::int64_t period_id = 0;
  std::string name;
  Figure total = Figure::NoData();
  long long volume = 0;
};

struct AssesseeResult {
  AssesseeRef assessee;
  std::string group;
  long long volume = 0;
  Figure base = Figure::NoData();
  double bonus = 0;
  double deductions = 0;
  double adjustment = 0;
  Figure total = Figure::NoData();
  Figure score = Figure::NoData();  // what ranks: the total, or 100 x TOPSIS closeness / RSR
  bool failed = false;
  Standing standing;
  std::vector<NodeResult> nodes;
  std::optional<std::vector<MonthTotal>> months;  // a rolled-up period: every month, with or without data
};

struct PeriodResults {
  std::vector<AssesseeResult> items;  // in assessee order
};

// REQUIRES: `doc` came from ParseSchemeDocument.
// A snapshot with `months` gives a rolled-up result: each node's points and measured value, and
// the total, are the roll-up (doc.rollup) of the months' with the assessee's monthly volume as
// weight; the base is the rolled-up total of the months (which carry their own bonus, deductions
// and adjustments), to which the period's own approved adjustments are added; the volume is the
// months' sum; a month failed by a veto fails the period. Groups, method, ranks and grades then
// follow the scheme as for any period.
PeriodResults ComputeResults(const SchemeDocument& doc, const Snapshot& snapshot);

// What the corrected total of a locked result earns (a correction, period_model.h): the grade of
// its band (the lowest when a veto failed the result; a forced distribution is not applied again)
// and that grade's bonus coefficient, when the scheme gives one.
struct CorrectedStanding {
  std::string grade;
  std::optional<double> coefficient;
};
CorrectedStanding StandingOfCorrection(const RankingRules& rules, double total, bool failed);

// Rate indicators are in percent: a fraction estimate times 100.
inline constexpr double kPercent = 100.0;

}  // namespace sqm::assessment
