#include "assessment/scoring.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/stats.h"

namespace sqm::assessment {

namespace {

using stats::ShortNumber;

// Measured values are compared with thresholds, bands and gates with this much slack (relative),
// so that a value computed along another path than the literal it is compared with (a mean of
// minutes, a rescaled rate) is not judged below a bound it meets. No real measurement lies
// within a billionth of a bound without meeting it.
constexpr double kSlack = 1e-9;

bool AtLeast(double v, double bound) {
  return v >= bound - kSlack * std::max(1.0, std::abs(bound));
}

// Whether `v` is as good as `bound` or better, for the direction.
bool Reaches(double v, double bound, Direction d) {
  return d == Direction::kHigherIsBetter ? AtLeast(v, bound) : AtLeast(-v, -bound);
}

// How far `v` falls short of `bound` (0 when it reaches it).
double Shortfall(double v, double bound, Direction d) {
  if (Reaches(v, bound, d)) return 0;
  return d == Direction::kHigherIsBetter ? bound - v : v - bound;
}

bool Higher(Direction d) {
  return d == Direction::kHigherIsBetter;
}

struct Scorer {
  const Scheme& scheme;
  const std::map<std::string, Figure>& measured;
  AssesseeScore& out;

  double Round(double v) const {
    const auto& r = scheme.rounding;
    return r.decimals && r.what == RoundWhat::kSubScores ? RoundHalfAwayFromZero(v, *r.decimals) : v;
  }

  Figure Score(const SchemeNode& node, const std::string& path, int depth) {
    const std::size_t at = out.nodes.size();
    out.nodes.push_back({.code = node.code, .path = path, .depth = depth, .max_points = node.max_points});
    if (node.indicator) return ScoreLeaf(node, at);
    double points = 0, max_with_data = 0;
    bool any = false, missing = false;
    for (const SchemeNode& child : node.children) {
      const Figure f = Score(child, path + "/" + child.code, depth + 1);
      if (!f.has_value()) {
        missing = true;
        continue;
      }
      any = true;
      points += f.value();
      max_with_data += child.max_points;
    }
    Figure result = Figure::NoData();
    if (any) {
      // Only kRescale leaves children without data; scale the rest up to the dimension's points.
      if (missing) points *= node.max_points / max_with_data;
      result = Figure::Of(Round(points));
    }
    out.nodes[at].outcome.points = result;
    return result;
  }

  Figure ScoreLeaf(const SchemeNode& node, std::size_t at) {
    const IndicatorRule& rule = *node.indicator;
    auto it = measured.find(node.code);
    const Figure value = it == measured.end() ? Figure::NoData() : it->second;
    RuleOutcome outcome = ApplyRule(rule, node.max_points, value);
    if (!value.has_value()) {
      if (scheme.no_data == NoDataPolicy::kZero) outcome.points = Figure::Of(0);
      if (scheme.no_data == NoDataPolicy::kFullPoints) outcome.points = Figure::Of(node.max_points);
    }
    if (outcome.points.has_value()) outcome.points = Figure::Of(Round(outcome.points.value()));
    if (rule.gate) {
      if (!value.has_value()) {
        out.gates_unchecked.push_back(node.code);
      } else if (!Reaches(value.value(), rule.gate->limit, rule.direction)) {
        out.nodes[at].gate_fired = true;
        out.gates_fired.push_back(node.code);
        if (rule.gate->effect == GateEffect::kFail) out.failed = true;
        if (rule.gate->effect == GateEffect::kCapGrade && !out.grade_cap) out.grade_cap = rule.gate->cap_grade;
      }
    }
    out.nodes[at].measured = value;
    out.nodes[at].outcome = outcome;
    return outcome.points;
  }
};

double Adjustments(const std::vector<AdjustmentItem>& items, const std::optional<double>& cap,
                   const std::map<std::string, double>& counts) {
  double sum = 0;
  for (const AdjustmentItem& item : items) {
    auto it = counts.find(item.code);
    const double n = it == counts.end() ? 0 : std::max(0.0, it->second);
    double points = item.points_each * n;
    if (item.cap) points = std::min(points, *item.cap);
    sum += points;
  }
  return cap ? std::min(sum, *cap) : sum;
}

// Problems of one scheme, collected with the node's path in every field name.
struct SchemeChecker {
  Problems problems;
  std::set<std::string> codes;

  void Add(const std::string& field, Message m) { problems.Add(field, std::move(m)); }

  void Points(const std::string& field, double v, double max) {
    if (!std::isfinite(v) || v < 0 || v > max) {
      Add(field, Msg("scheme.points_range", "must be between 0 and the indicator's {max} points",
                     {{"max", ShortNumber(max)}}));
    }
  }

  void Node(const SchemeNode& node, const std::string& path) {
    if (node.code.empty()) Add(path + ".code", Msg("field.required", "is required"));
    if (!node.code.empty() && !codes.insert(node.code).second) {
      Add(path + ".code", Msg("scheme.duplicate_code", "'{code}' is used by another node", {{"code", node.code}}));
    }
    if (node.indicator && (!std::isfinite(node.max_points) || node.max_points < 0)) {
      Add(path + ".max_points", Msg("rule.not_negative", "must not be negative"));
      return;
    }
    if (!node.indicator && (!std::isfinite(node.max_points) || node.max_points <= 0)) {
      Add(path + ".max_points", Msg("scheme.points_positive", "must be greater than 0"));
      return;
    }
    if (node.indicator) {
      if (!node.children.empty()) {
        Add(path + ".children", Msg("scheme.indicator_with_children", "must be empty for an indicator"));
      }
      Indicator(*node.indicator, node.max_points, path);
      return;
    }
    if (node.children.empty()) {
      Add(path, Msg("scheme.empty_dimension", "needs indicators or sub-dimensions, or a rule of its own"));
      return;
    }
    double sum = 0;
    for (const SchemeNode& child : node.children) {
      Node(child, path + "/" + (child.code.empty() ? "?" : child.code));
      if (std::isfinite(child.max_points)) sum += child.max_points;
    }
    if (std::abs(sum - node.max_points) > 1e-9 * std::max(1.0, node.max_points)) {
      Add(path + ".children",
          Msg("scheme.points_sum", "add up to {sum} points, not the {max} of '{code}'",
              {{"sum", ShortNumber(sum)}, {"max", ShortNumber(node.max_points)}, {"code", node.code}}));
    }
  }

  void Indicator(const IndicatorRule& r, double max, const std::string& path) {
    const std::string rule = path + ".rule";
    const bool higher = Higher(r.direction);
    if (const auto* l = std::get_if<Linear>(&r.rule)) {
      if (!std::isfinite(l->floor) || !std::isfinite(l->target) ||
          (higher ? l->floor >= l->target : l->floor <= l->target)) {
        Add(rule + ".floor",
            higher ? Msg("rule.floor_below_target", "must be below the target ({target})",
                         {{"target", ShortNumber(l->target)}})
                   : Msg("rule.floor_above_target", "must be above the target ({target}) when lower is better",
                         {{"target", ShortNumber(l->target)}}));
      }
    } else if (const auto* t = std::get_if<ThresholdDeduction>(&r.rule)) {
      if (!std::isfinite(t->threshold)) Add(rule + ".threshold", Msg("field.not_number", "must be a number"));
      if (!std::isfinite(t->per_unit) || t->per_unit < 0) {
        Add(rule + ".per_unit", Msg("rule.not_negative", "must not be negative"));
      }
      Points(rule + ".min_points", t->min_points, max);
    } else if (const auto* b = std::get_if<Bands>(&r.rule)) {
      if (b->bands.empty()) Add(rule + ".bands", Msg("rule.no_bands", "needs at least one band"));
      for (std::size_t i = 0; i < b->bands.size(); ++i) {
        const std::string band = rule + ".bands[" + std::to_string(i) + "]";
        Points(band + ".points", b->bands[i].points, max);
        if (!std::isfinite(b->bands[i].bound)) {
          Add(band + ".bound", Msg("field.not_number", "must be a number"));
        } else if (i > 0 &&
                   (higher ? b->bands[i].bound >= b->bands[i - 1].bound : b->bands[i].bound <= b->bands[i - 1].bound)) {
          Add(band + ".bound", higher ? Msg("rule.bands_descending", "must be below the band before it, best first")
                                      : Msg("rule.bands_ascending",
                                            "must be above the band before it, best first, when lower is better"));
        }
      }
      Points(rule + ".otherwise", b->otherwise, max);
    } else if (const auto* e = std::get_if<PerEvent>(&r.rule)) {
      if (!std::isfinite(e->per_event) || e->per_event < 0) {
        Add(rule + ".per_event", Msg("rule.not_negative", "must not be negative"));
      }
      if (e->cap) Points(rule + ".cap", *e->cap, max);
    }
    if (r.gate) {
      if (!std::isfinite(r.gate->limit)) Add(path + ".gate.limit", Msg("field.not_number", "must be a number"));
      if (r.gate->effect == GateEffect::kCapGrade && r.gate->cap_grade.empty()) {
        Add(path + ".gate.cap_grade", Msg("field.required", "is required"));
      }
    }
  }

  void Items(const std::vector<AdjustmentItem>& items, const std::string& field) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item = field + "[" + std::to_string(i) + "]";
      if (items[i].code.empty()) Add(item + ".code", Msg("field.required", "is required"));
      if (!items[i].code.empty() && !codes.insert(items[i].code).second) {
        Add(item + ".code",
            Msg("scheme.duplicate_code", "'{code}' is used by another node", {{"code", items[i].code}}));
      }
      if (!std::isfinite(items[i].points_each) || items[i].points_each < 0) {
        Add(item + ".points_each", Msg("rule.not_negative", "must not be negative"));
      }
      if (items[i].cap && (!std::isfinite(*items[i].cap) || *items[i].cap < 0)) {
        Add(item + ".cap", Msg("rule.not_negative", "must not be negative"));
      }
    }
  }
};

}  // namespace

double RoundHalfAwayFromZero(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  double y = x * scale;
  // 39.895 is stored as 39.89499999999999602: take off the noise below a millionth of the last
  // place first (while y is small enough for that to be exact), then round half away from zero.
  if (std::abs(y) < 1e9) y = std::round(y * 1e6) / 1e6;
  return std::round(y) / scale;
}

RuleOutcome ApplyRule(const IndicatorRule& r, double max, const Figure& measured) {
  RuleOutcome out;
  if (!measured.has_value()) return out;
  const double v = measured.value();
  const Direction d = r.direction;
  double points = 0;
  if (std::holds_alternative<WeightedRate>(r.rule)) {
    const double rate = std::clamp(v, 0.0, 100.0);
    out.limited = rate != v;
    points = max * (Higher(d) ? rate : 100 - rate) / 100;
  } else if (const auto* l = std::get_if<Linear>(&r.rule)) {
    // (v - floor) / (target - floor) is the share of the way from floor to target in either direction.
    const double share = (v - l->floor) / (l->target - l->floor);
    const double clamped = std::clamp(share, 0.0, 1.0);
    out.limited = clamped != share;
    points = max * clamped;
  } else if (const auto* t = std::get_if<ThresholdDeduction>(&r.rule)) {
    const double raw = max - t->per_unit * Shortfall(v, t->threshold, d);
    out.limited = raw < t->min_points;
    points = std::max(raw, t->min_points);
    out.deducted = max - points;
  } else if (const auto* b = std::get_if<Bands>(&r.rule)) {
    points = b->otherwise;
    for (std::size_t i = 0; i < b->bands.size(); ++i) {
      if (Reaches(v, b->bands[i].bound, d)) {
        points = b->bands[i].points;
        out.band = static_cast<int>(i);
        break;
      }
    }
  } else if (const auto* e = std::get_if<PerEvent>(&r.rule)) {
    const double cap = e->cap.value_or(max);
    const double deduction = e->per_event * std::max(0.0, v);
    out.limited = deduction > cap;
    out.deducted = std::min(deduction, cap);
    points = max - out.deducted;
  }
  out.points = Figure::Of(points);
  return out;
}

Status CheckScheme(const Scheme& scheme) {
  SchemeChecker c;
  c.Node(scheme.root, scheme.root.code.empty() ? "root" : scheme.root.code);
  c.Items(scheme.bonus_items, "bonus_items");
  c.Items(scheme.deduction_items, "deduction_items");
  for (const auto& [field, cap] : {std::pair{"bonus_cap", scheme.bonus_cap}, {"deduction_cap", scheme.deduction_cap}}) {
    if (cap && (!std::isfinite(*cap) || *cap < 0)) c.Add(field, Msg("rule.not_negative", "must not be negative"));
  }
  if (scheme.rounding.decimals && (*scheme.rounding.decimals < 0 || *scheme.rounding.decimals > 9)) {
    c.Add("rounding.decimals",
          Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "0"}, {"max", "9"}}));
  }
  if (auto e = c.problems.Take()) return *e;
  return {};
}

AssesseeScore ScoreAssessee(const Scheme& scheme, const std::map<std::string, Figure>& measured,
                            const std::map<std::string, double>& counts) {
  AssesseeScore out;
  Scorer scorer{scheme, measured, out};
  out.base = scorer.Score(scheme.root, scheme.root.code, 0);
  out.bonus = scorer.Round(Adjustments(scheme.bonus_items, scheme.bonus_cap, counts));
  out.deductions = scorer.Round(Adjustments(scheme.deduction_items, scheme.deduction_cap, counts));
  if (out.base.has_value()) {
    double total = out.base.value() + out.bonus - out.deductions;
    if (scheme.rounding.decimals) total = RoundHalfAwayFromZero(total, *scheme.rounding.decimals);
    out.total = Figure::Of(total);
  }
  return out;
}

}  // namespace sqm::assessment
