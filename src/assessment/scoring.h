// Scoring rules: how an indicator's measured value becomes points, how a scheme's tree of
// indicators adds up, bonus and deduction items outside the base, gates and vetoes (一票否决),
// and rounding. Pure; a period's evaluation feeds it measured values and keeps its answer.
//
// Units: a rule reads the indicator's value in the indicator's own unit, as a scheme writes its
// thresholds: a rate in percent (98 means 98 %), a time in minutes, a count of events.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "assessment/model.h"
#include "base/result.h"

namespace sqm::assessment {

// 1. points = max x rate / 100 (a rate in percent, clamped to 0-100); for a lower-is-better
//    rate, max x (100 - rate) / 100.
struct WeightedRate {};

// 2. Linear between a floor (0 points) and the target (full points), clamped. For a
//    higher-is-better indicator floor < target; for lower-is-better floor > target
//    (e.g. mean first response 60 min -> 0, 10 min -> full).
struct Linear {
  double floor = 0;
  double target = 100;
};

// 3. Full points at or better than the threshold, minus `per_unit` points per unit worse, never
//    below `min_points`. Satisfaction: 25 - 0.5 x (98 - rate), never below 12.5.
struct ThresholdDeduction {
  double threshold = 0;
  double per_unit = 0;
  double min_points = 0;
};

// 4. Bands from the best down: the first band the value reaches (>= bound, or <= bound when
//    lower is better) gives its points; below every band, `otherwise`. (>= 95 -> 10, >= 90 -> 8.)
struct Band {
  double bound = 0;
  double points = 0;
};
struct Bands {
  std::vector<Band> bands;
  double otherwise = 0;
};

// 5. The value is a count of events (substantiated complaints, missing items): max minus
//    `per_event` each, the deduction at most `cap` (default: all of the indicator's points).
struct PerEvent {
  double per_event = 0;
  std::optional<double> cap;
};

using Rule = std::variant<WeightedRate, Linear, ThresholdDeduction, Bands, PerEvent>;

// 7. A gate (门槛) or veto (一票否决): a value worse than `limit` (below it, or above it when lower
//    is better) fails the assessee whatever the sum, or caps its grade at `cap_grade`.
enum class GateEffect { kFail, kCapGrade };
struct Gate {
  double limit = 0;
  GateEffect effect = GateEffect::kFail;
  std::string cap_grade;  // a grade code (ranking.h), for kCapGrade
};

struct IndicatorRule {
  Direction direction = Direction::kHigherIsBetter;
  Rule rule;
  std::optional<Gate> gate;
};

// A node of a scheme: a dimension whose children add up to its max points, or an indicator
// (a leaf with a rule). Weights are max points: a 30 % dimension of a 100-point scheme has 30.
// An indicator of 0 points only gates (a veto on major incidents).
struct SchemeNode {
  std::string code;  // unique in the scheme; measured values are keyed by it
  double max_points = 0;
  std::optional<IndicatorRule> indicator;  // set on leaves only
  std::vector<SchemeNode> children;
};

// 6. A bonus item (加分项) or deduction item (扣分项) outside the base score: `points_each` per
//    counted occurrence, at most `cap` for the item.
struct AdjustmentItem {
  std::string code;
  double points_each = 0;
  std::optional<double> cap;
};

// What an indicator without data (no rated tickets, nothing due) contributes.
enum class NoDataPolicy {
  kRescale,     // it leaves its dimension, whose other indicators are scaled up to the dimension's points
  kZero,        // 0 points (无数据不得分)
  kFullPoints,  // full points (无此项业务得满分)
};

// 8. Rounding, half away from zero, of the value as written in decimal (39.895 -> 39.90 even
// though the nearest double is 39.894999...): only the total, or every sub-score (each indicator
// and dimension, then their sums) as well.
enum class RoundWhat { kTotalOnly, kSubScores };
struct Rounding {
  std::optional<int> decimals;  // nullopt: no rounding
  RoundWhat what = RoundWhat::kTotalOnly;
};

struct Scheme {
  SchemeNode root;  // its max_points is the base, usually 100
  std::vector<AdjustmentItem> bonus_items;
  std::optional<double> bonus_cap;  // on the sum of bonus items
  std::vector<AdjustmentItem> deduction_items;
  std::optional<double> deduction_cap;  // on the sum of deduction items
  NoDataPolicy no_data = NoDataPolicy::kRescale;
  Rounding rounding;
};

// Half away from zero at `decimals` places (0-9), after removing binary noise below a
// millionth of the last place, so that a value a person would write as ...5 rounds up.
double RoundHalfAwayFromZero(double x, int decimals);

// What a rule did with one value.
struct RuleOutcome {
  Figure points = Figure::NoData();
  double deducted = 0;      // ThresholdDeduction, PerEvent: points taken off (after the floor or cap)
  bool limited = false;     // clamped (Linear, WeightedRate), floored (ThresholdDeduction) or capped (PerEvent)
  std::optional<int> band;  // Bands: the index of the band reached; nullopt when `otherwise`
};

// Points of one indicator for a measured value; no data in, no data out.
// REQUIRES: CheckScheme accepted the rule (max_points > 0 and consistent parameters).
RuleOutcome ApplyRule(const IndicatorRule& rule, double max_points, const Figure& measured);

// Every problem of a scheme at once, each naming its node by code path ("service/callback"):
// children's points must add up to their parent's (within 1e-9), codes must be unique, leaves
// need a rule and dimensions children, and each rule's parameters must make sense for its
// direction and points.
Status CheckScheme(const Scheme& scheme);

struct NodeScore {
  std::string code;
  std::string path;  // "service/callback"
  int depth = 0;     // 0 for the root
  double max_points = 0;
  Figure measured = Figure::NoData();  // leaves only
  RuleOutcome outcome;                 // leaves: the rule's points; dimensions: the sum of children
  bool gate_fired = false;
};

struct AssesseeScore {
  std::vector<NodeScore> nodes;              // the tree in pre-order; nodes[0] is the root
  Figure base = Figure::NoData();            // the root's points, before bonus and deductions
  double bonus = 0;                          // after item caps and the bonus cap
  double deductions = 0;                     // the same for deduction items, as a positive number
  Figure total = Figure::NoData();           // base + bonus - deductions, rounded as the scheme says
  bool failed = false;                       // a kFail gate fired
  std::optional<std::string> grade_cap;      // the cap of a kCapGrade gate that fired (the first)
  std::vector<std::string> gates_fired;      // indicator codes
  std::vector<std::string> gates_unchecked;  // gated indicators without data
};

// Scores one assessee. `measured` holds each indicator's value by code (absent = no data);
// `counts` the occurrences of each bonus and deduction item by code (absent = 0).
// REQUIRES: CheckScheme(scheme) is ok.
AssesseeScore ScoreAssessee(const Scheme& scheme, const std::map<std::string, Figure>& measured,
                            const std::map<std::string, double>& counts = {});

}  // namespace sqm::assessment
