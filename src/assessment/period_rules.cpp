#include "assessment/period_rules.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "assessment/evaluation.h"
#include "assessment/period_model.h"

namespace sqm::assessment {

const char* PeriodStatusName(PeriodStatus s) {
  switch (s) {
    case PeriodStatus::kPlanned: return "planned";
    case PeriodStatus::kCollecting: return "collecting";
    case PeriodStatus::kEvaluated: return "evaluated";
    case PeriodStatus::kPublished: return "published";
    case PeriodStatus::kLocked: return "locked";
  }
  return "planned";
}

std::optional<PeriodStatus> ParsePeriodStatus(std::string_view text) {
  for (PeriodStatus s : {PeriodStatus::kPlanned, PeriodStatus::kCollecting, PeriodStatus::kEvaluated,
                         PeriodStatus::kPublished, PeriodStatus::kLocked}) {
    if (text == PeriodStatusName(s)) return s;
  }
  return std::nullopt;
}

const char* PeriodStepName(PeriodStep s) {
  switch (s) {
    case PeriodStep::kCollect: return "collect";
    case PeriodStep::kEvaluate: return "evaluate";
    case PeriodStep::kPublish: return "publish";
    case PeriodStep::kLock: return "lock";
  }
  return "collect";
}

Result<PeriodStatus> NextStatus(PeriodStatus from, PeriodStep step) {
  const auto from_to = [&]() -> std::pair<PeriodStatus, PeriodStatus> {
    switch (step) {
      case PeriodStep::kCollect: return {PeriodStatus::kPlanned, PeriodStatus::kCollecting};
      case PeriodStep::kEvaluate: return {PeriodStatus::kCollecting, PeriodStatus::kEvaluated};
      case PeriodStep::kPublish: return {PeriodStatus::kEvaluated, PeriodStatus::kPublished};
      case PeriodStep::kLock: return {PeriodStatus::kPublished, PeriodStatus::kLocked};
    }
    return {PeriodStatus::kPlanned, PeriodStatus::kCollecting};
  }();
  if (from != from_to.first) {
    return Error::Conflict(Msg("period.step_refused", "cannot {step} a period that is {status}",
                               {{"step", PeriodStepName(step)}, {"status", PeriodStatusName(from)}}),
                           "status");
  }
  return from_to.second;
}

Status CheckNotLocked(PeriodStatus s) {
  if (s == PeriodStatus::kLocked) {
    return Error::Conflict(Msg("period.locked", "the period is locked: its results never change"), "status");
  }
  return {};
}

const char* PeriodKindName(PeriodKind k) {
  switch (k) {
    case PeriodKind::kQuarter: return "quarter";
    case PeriodKind::kYear: return "year";
    case PeriodKind::kCustom: return "custom";
    default: return "month";
  }
}

std::optional<PeriodKind> ParsePeriodKind(std::string_view text) {
  for (PeriodKind k : {PeriodKind::kMonth, PeriodKind::kQuarter, PeriodKind::kYear, PeriodKind::kCustom}) {
    if (text == PeriodKindName(k)) return k;
  }
  return std::nullopt;
}

namespace {

const char* RuleName(const Rule& r) {
  if (std::holds_alternative<Linear>(r)) return "linear";
  if (std::holds_alternative<ThresholdDeduction>(r)) return "threshold_deduction";
  if (std::holds_alternative<Bands>(r)) return "bands";
  if (std::holds_alternative<PerEvent>(r)) return "per_event";
  return "weighted_rate";
}

void Leaves(const SchemeNode& n, std::vector<const SchemeNode*>& out) {
  if (n.indicator) out.push_back(&n);
  for (const SchemeNode& c : n.children) Leaves(c, out);
}

void PreOrder(const SchemeNode& n, std::vector<const SchemeNode*>& out) {
  out.push_back(&n);
  for (const SchemeNode& c : n.children) PreOrder(c, out);
}

// One leaf's measured value for one assessee, before small-sample estimates.
struct Measured {
  Figure value = Figure::NoData();
  long long sample = 0;
  std::optional<Count> count;
};

Measured Measure(const Indicator& ind, SubjectId who, const Snapshot& s) {
  Measured m;
  if (ind.kind == IndicatorKind::kManual) {
    auto a = s.inputs.find(who);
    if (a != s.inputs.end()) {
      if (auto v = a->second.find(ind.code); v != a->second.end()) {
        m.value = Figure::Of(v->second);
        m.sample = 1;
      }
    }
    return m;
  }
  auto formula = ParseFormula(ind.formula, [](std::string_view) { return true; });
  if (!formula.ok()) return m;
  static const std::map<std::string, MeasureValue> kNone;
  auto it = s.measures.find(who);
  const auto& values = it == s.measures.end() ? kNone : it->second;
  m.value = formula->Evaluate(values);
  m.sample = formula->Sample(values);
  m.count = formula->RateCount(values);
  if (m.count && m.count->denominator > 0) m.sample = m.count->denominator;
  return m;
}

std::string GroupOf(const SchemeDocument& doc, SubjectId id, long long volume) {
  for (const SchemeGroup& g : doc.groups) {
    if (std::find(g.members.begin(), g.members.end(), id) != g.members.end()) return g.code;
  }
  for (const SchemeGroup& g : doc.groups) {
    if (g.members.empty() && g.min_volume && volume >= *g.min_volume) return g.code;
  }
  return "";
}

// TOPSIS or RSR over the leaves' points, per group: the score that ranks becomes 100 x the
// closeness (or the RSR). Assessees without a total keep no score. A group the method cannot
// evaluate (fewer than two assessees, identical rows) keeps the weighted sum.
void ApplyMethod(const SchemeDocument& doc, const std::vector<const SchemeNode*>& leaves, PeriodResults& out) {
  if (doc.method == EvaluationMethod::kWeightedSum) return;
  std::vector<std::size_t> columns;
  double weight_sum = 0;
  for (std::size_t l = 0; l < leaves.size(); ++l) {
    if (leaves[l]->max_points > 0) {
      columns.push_back(l);
      weight_sum += leaves[l]->max_points;
    }
  }
  if (columns.empty()) return;
  std::vector<double> weights;
  for (std::size_t l : columns) weights.push_back(leaves[l]->max_points / weight_sum);
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t a = 0; a < out.items.size(); ++a) {
    if (out.items[a].total.has_value()) groups[out.items[a].group].push_back(a);
  }
  for (const auto& [group, members] : groups) {
    if (members.size() < 2) continue;
    Matrix x;
    for (std::size_t a : members) {
      std::vector<double> row;
      for (std::size_t l : columns) {
        // The leaves in pre-order are found among the nodes by code.
        double points = 0;
        for (const NodeResult& node : out.items[a].nodes) {
          if (node.code == leaves[l]->code && node.points.has_value()) points = node.points.value();
        }
        row.push_back(points);
      }
      x.push_back(std::move(row));
    }
    const std::vector<Direction> directions(columns.size(), Direction::kHigherIsBetter);
    std::vector<double> scores;
    if (doc.method == EvaluationMethod::kTopsis) {
      auto t = EvaluateTopsis(x, weights, directions);
      if (!t.ok()) continue;
      scores = t->closeness;
    } else {
      auto r = EvaluateRsr(x, directions, {.ranks = RsrRanks::kInteger, .weights = weights, .tiers = 3});
      if (!r.ok()) continue;
      scores = r->rsr;
    }
    for (std::size_t i = 0; i < members.size(); ++i) out.items[members[i]].score = Figure::Of(kPercent * scores[i]);
  }
}

}  // namespace

const char* ManualFieldKindName(ManualField::Kind k) {
  switch (k) {
    case ManualField::Kind::kBonus: return "bonus";
    case ManualField::Kind::kDeduction: return "deduction";
    default: return "indicator";
  }
}

namespace {

void CollectManual(const SchemeNode& node, const SchemeDocument& doc,
                   const std::map<std::string, Indicator>& indicators, std::vector<ManualField>& out) {
  for (const SchemeNode& child : node.children) CollectManual(child, doc, indicators, out);
  auto leaf = doc.leaves.find(node.code);
  if (leaf == doc.leaves.end() || !node.indicator) return;
  auto ind = indicators.find(leaf->second.indicator);
  if (ind == indicators.end() || ind->second.kind != IndicatorKind::kManual) return;
  ManualField f{.code = ind->first, .kind = ManualField::Kind::kIndicator, .node = node.code};
  if (ind->second.unit == "percent") f.max = kPercent;
  if (const auto* linear = std::get_if<Linear>(&node.indicator->rule);
      linear && node.indicator->direction == Direction::kHigherIsBetter && linear->target > linear->floor) {
    f.max = f.max ? std::min(*f.max, linear->target) : linear->target;
  }
  out.push_back(std::move(f));
}

}  // namespace

std::vector<ManualField> ManualFields(const SchemeDocument& doc, const std::map<std::string, Indicator>& indicators) {
  std::vector<ManualField> out;
  CollectManual(doc.scheme.root, doc, indicators, out);
  for (const AdjustmentItem& item : doc.scheme.bonus_items) {
    out.push_back({.code = item.code, .kind = ManualField::Kind::kBonus, .whole = true});
  }
  for (const AdjustmentItem& item : doc.scheme.deduction_items) {
    out.push_back({.code = item.code, .kind = ManualField::Kind::kDeduction, .whole = true});
  }
  return out;
}

Status CheckManualValue(const ManualField& field, double value) {
  if (field.whole && value != std::floor(value)) {
    return Error::Invalid("value", Msg("input.whole", "must be a whole number of occurrences"));
  }
  if (value < field.min || (field.max && value > *field.max)) {
    if (!field.max) {
      return Error::Invalid("value",
                            Msg("input.at_least", "must be at least {min}", {{"min", stats::ShortNumber(field.min)}}));
    }
    return Error::Invalid("value",
                          Msg("input.range", "must be between {min} and {max}",
                              {{"min", stats::ShortNumber(field.min)}, {"max", stats::ShortNumber(*field.max)}}));
  }
  return {};
}

std::vector<std::string> NeededMeasures(const SchemeDocument& doc, const std::map<std::string, Indicator>& indicators) {
  std::set<std::string> out;
  for (const auto& [node, leaf] : doc.leaves) {
    auto it = indicators.find(leaf.indicator);
    if (it == indicators.end() || it->second.kind != IndicatorKind::kComputed) continue;
    auto f = ParseFormula(it->second.formula, [](std::string_view) { return true; });
    if (!f.ok()) continue;
    for (std::string& m : f->Measures()) out.insert(std::move(m));
  }
  if (doc.volume_measure) out.insert(*doc.volume_measure);
  return {out.begin(), out.end()};
}

bool RollsUp(PeriodKind kind, Rollup rollup) {
  return (kind == PeriodKind::kQuarter || kind == PeriodKind::kYear) && rollup != Rollup::kRecompute;
}

Figure RollUp(Rollup how, const std::vector<std::pair<Figure, long long>>& months) {
  double sum = 0, weighted = 0;
  long long volume = 0;
  int with_value = 0;
  for (const auto& [value, v] : months) {
    if (!value.has_value()) continue;
    ++with_value;
    sum += value.value();
    weighted += value.value() * static_cast<double>(v);
    volume += v;
  }
  if (with_value == 0) return Figure::NoData();
  if (how == Rollup::kVolumeWeighted && volume > 0) return Figure::Of(weighted / static_cast<double>(volume));
  return Figure::Of(sum / with_value);
}

namespace {

// A quarter or year from its months (Snapshot::months): see ComputeResults.
PeriodResults RolledUpResults(const SchemeDocument& doc, const Snapshot& s) {
  PeriodResults out;
  std::vector<const SchemeNode*> leaves, pre;
  Leaves(doc.scheme.root, leaves);
  PreOrder(doc.scheme.root, pre);
  std::vector<std::pair<std::string, int>>
      paths;  // parallel to pre: the code path and depth, as ScoreAssessee names them
  const auto walk = [&](const auto& self, const SchemeNode& n, const std::string& path, int depth) -> void {
    paths.emplace_back(path, depth);
    for (const SchemeNode& c : n.children) self(self, c, path + "/" + c.code, depth + 1);
  };
  walk(walk, doc.scheme.root, doc.scheme.root.code, 0);
  const double root_max = doc.scheme.root.max_points > 0 ? doc.scheme.root.max_points : 1;
  const std::optional<int> decimals = doc.scheme.rounding.decimals;
  const bool round_nodes = decimals && doc.scheme.rounding.what == RoundWhat::kSubScores;
  auto rounded = [](Figure f, std::optional<int> d) {
    return f.has_value() && d ? Figure::Of(RoundHalfAwayFromZero(f.value(), *d)) : f;
  };
  for (const AssesseeRef& who : s.assessees) {
    AssesseeResult r;
    r.assessee = who;
    r.months.emplace();
    std::vector<const MonthFigures*> months;  // parallel to *s.months; nullptr: not assessed that month
    for (const MonthResults& m : *s.months) {
      auto it = m.items.find(who.id);
      const MonthFigures* f = it == m.items.end() ? nullptr : &it->second;
      months.push_back(f);
      r.months->push_back({.period_id = m.period_id,
                           .name = m.name,
                           .total = f ? f->total : Figure::NoData(),
                           .volume = f ? f->volume : 0});
      if (!f) continue;
      r.volume += f->volume;
      r.failed = r.failed || f->failed;
    }
    auto roll = [&](auto figure_of) {
      std::vector<std::pair<Figure, long long>> values;
      for (const MonthFigures* f : months) {
        if (f) values.emplace_back(figure_of(*f), f->volume);
      }
      return RollUp(doc.rollup, values);
    };
    auto find = [](const std::map<std::string, Figure>& m, const std::string& code) {
      auto it = m.find(code);
      return it == m.end() ? Figure::NoData() : it->second;
    };
    r.base = roll([](const MonthFigures& f) { return f.total; });
    if (auto adj = s.adjustments.find(who.id); adj != s.adjustments.end()) r.adjustment = adj->second;
    r.total = r.base.has_value() ? rounded(Figure::Of(r.base.value() + r.adjustment), decimals) : r.base;
    r.score = r.total;
    r.group = GroupOf(doc, who.id, r.volume);
    for (std::size_t i = 0; i < pre.size(); ++i) {
      const SchemeNode& n = *pre[i];
      NodeResult node;
      node.code = n.code;
      node.path = paths[i].first;
      node.depth = paths[i].second;
      node.max_points = n.max_points;
      node.weight = n.max_points / root_max;
      node.points = rounded(roll([&](const MonthFigures& f) { return find(f.points, n.code); }),
                            round_nodes ? decimals : std::nullopt);
      if (node.points.has_value()) node.contribution = Figure::Of(node.points.value() / root_max * kPercent);
      if (n.indicator) {
        const SchemeLeaf& leaf = doc.leaves.at(n.code);
        node.indicator = leaf.indicator;
        node.target = leaf.target;
        node.rule = RuleName(n.indicator->rule);
        node.measured = roll([&](const MonthFigures& f) { return find(f.measured, n.code); });
        node.basis = node.measured;
      }
      r.nodes.push_back(std::move(node));
    }
    out.items.push_back(std::move(r));
  }
  ApplyMethod(doc, leaves, out);
  std::vector<Assessee> ranked;
  for (const AssesseeResult& r : out.items) {
    ranked.push_back({.group = r.group, .total = r.score, .volume = r.volume, .failed = r.failed, .grade_cap = {}});
  }
  if (auto standings = Rank(ranked, doc.ranking); standings.ok()) {
    for (std::size_t a = 0; a < out.items.size(); ++a) out.items[a].standing = (*standings)[a];
  }
  return out;
}

}  // namespace

PeriodResults ComputeResults(const SchemeDocument& doc, const Snapshot& s) {
  if (s.months) return RolledUpResults(doc, s);
  PeriodResults out;
  std::vector<const SchemeNode*> leaves;
  Leaves(doc.scheme.root, leaves);
  const std::size_t n = s.assessees.size();

  // Measured values per assessee and leaf.
  std::vector<std::vector<Measured>> measured(n, std::vector<Measured>(leaves.size()));
  for (std::size_t a = 0; a < n; ++a) {
    AssesseeResult r;
    r.assessee = s.assessees[a];
    for (std::size_t l = 0; l < leaves.size(); ++l) {
      const SchemeLeaf& leaf = doc.leaves.at(leaves[l]->code);
      auto ind = s.indicators.find(leaf.indicator);
      if (ind != s.indicators.end()) measured[a][l] = Measure(ind->second, r.assessee.id, s);
      r.volume = std::max(r.volume, measured[a][l].sample);
    }
    if (doc.volume_measure) {
      r.volume = 0;
      if (auto m = s.measures.find(r.assessee.id); m != s.measures.end()) {
        if (auto v = m->second.find(*doc.volume_measure); v != m->second.end()) {
          r.volume = v->second.value.has_value() ? std::llround(v->second.value.value()) : v->second.sample;
        }
      }
    }
    r.group = GroupOf(doc, r.assessee.id, r.volume);
    out.items.push_back(std::move(r));
  }

  // The value each leaf is scored by: the observed one, or a small-sample estimate over the group.
  std::vector<std::vector<Figure>> basis(n, std::vector<Figure>(leaves.size(), Figure::NoData()));
  for (std::size_t l = 0; l < leaves.size(); ++l) {
    for (std::size_t a = 0; a < n; ++a) basis[a][l] = measured[a][l].value;
    if (doc.small_sample == RateBasis::kObserved) continue;
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t a = 0; a < n; ++a) {
      if (measured[a][l].count) groups[out.items[a].group].push_back(a);
    }
    for (const auto& [group, members] : groups) {
      std::vector<Count> counts;
      for (std::size_t a : members) counts.push_back(*measured[a][l].count);
      auto est = EstimateRates(counts, leaves[l]->indicator->direction, doc.small_sample);
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (est[i].basis.has_value()) basis[members[i]][l] = Figure::Of(kPercent * est[i].basis.value());
      }
    }
  }

  // Scores.
  std::vector<const SchemeNode*> pre;
  PreOrder(doc.scheme.root, pre);
  const double root_max = doc.scheme.root.max_points > 0 ? doc.scheme.root.max_points : 1;
  std::vector<std::optional<std::string>> grade_caps;
  for (std::size_t a = 0; a < n; ++a) {
    AssesseeResult& r = out.items[a];
    std::map<std::string, Figure> values;
    for (std::size_t l = 0; l < leaves.size(); ++l) {
      if (basis[a][l].has_value()) values.insert_or_assign(leaves[l]->code, basis[a][l]);
    }
    std::map<std::string, double> counts;
    if (auto in = s.inputs.find(r.assessee.id); in != s.inputs.end()) {
      for (const auto& items : {doc.scheme.bonus_items, doc.scheme.deduction_items}) {
        for (const AdjustmentItem& item : items) {
          if (auto v = in->second.find(item.code); v != in->second.end()) counts[item.code] = v->second;
        }
      }
    }
    const AssesseeScore score = ScoreAssessee(doc.scheme, values, counts);
    r.base = score.base;
    r.bonus = score.bonus;
    r.deductions = score.deductions;
    r.failed = score.failed;
    if (auto adj = s.adjustments.find(r.assessee.id); adj != s.adjustments.end()) r.adjustment = adj->second;
    r.total = score.total;
    if (r.total.has_value() && r.adjustment != 0) {
      double t = r.total.value() + r.adjustment;
      if (doc.scheme.rounding.decimals) t = RoundHalfAwayFromZero(t, *doc.scheme.rounding.decimals);
      r.total = Figure::Of(t);
    }
    r.score = r.total;
    std::map<std::string, std::size_t> leaf_index;
    for (std::size_t l = 0; l < leaves.size(); ++l) leaf_index[leaves[l]->code] = l;
    for (std::size_t i = 0; i < score.nodes.size() && i < pre.size(); ++i) {
      const NodeScore& ns = score.nodes[i];
      NodeResult node;
      node.code = ns.code;
      node.path = ns.path;
      node.depth = ns.depth;
      node.max_points = ns.max_points;
      node.weight = ns.max_points / root_max;
      node.points = ns.outcome.points;
      node.gate_fired = ns.gate_fired;
      if (node.points.has_value()) node.contribution = Figure::Of(node.points.value() / root_max * kPercent);
      if (pre[i]->indicator) {
        const std::size_t l = leaf_index.at(ns.code);
        const SchemeLeaf& leaf = doc.leaves.at(ns.code);
        node.indicator = leaf.indicator;
        node.target = leaf.target;
        node.rule = RuleName(pre[i]->indicator->rule);
        node.measured = measured[a][l].value;
        node.sample = measured[a][l].sample;
        node.count = measured[a][l].count;
        node.basis = basis[a][l];
        if (node.count && node.count->denominator > 0 && node.count->numerator >= 0 &&
            node.count->numerator <= node.count->denominator) {
          if (auto w = stats::WilsonInterval(node.count->numerator, node.count->denominator); w.ok()) node.wilson = *w;
        }
      }
      r.nodes.push_back(std::move(node));
    }
    grade_caps.push_back(score.grade_cap);
  }
  ApplyMethod(doc, leaves, out);

  std::vector<Assessee> ranked;
  for (std::size_t a = 0; a < n; ++a) {
    const AssesseeResult& r = out.items[a];
    ranked.push_back(
        {.group = r.group, .total = r.score, .volume = r.volume, .failed = r.failed, .grade_cap = grade_caps[a]});
  }
  if (auto standings = Rank(ranked, doc.ranking); standings.ok()) {
    for (std::size_t a = 0; a < n; ++a) out.items[a].standing = (*standings)[a];
  }
  return out;
}

}  // namespace sqm::assessment

namespace sqm::assessment {

const char* AppealStatusName(AppealStatus s) {
  switch (s) {
    case AppealStatus::kUpheld: return "upheld";
    case AppealStatus::kPartlyUpheld: return "partly_upheld";
    case AppealStatus::kRejected: return "rejected";
    default: return "open";
  }
}

const char* AdjustmentStatusName(AdjustmentStatus s) {
  switch (s) {
    case AdjustmentStatus::kApproved: return "approved";
    case AdjustmentStatus::kWithdrawn: return "withdrawn";
    default: return "proposed";
  }
}

std::optional<AdjustmentStatus> ParseAdjustmentStatus(std::string_view text) {
  for (AdjustmentStatus s : {AdjustmentStatus::kProposed, AdjustmentStatus::kApproved, AdjustmentStatus::kWithdrawn}) {
    if (text == AdjustmentStatusName(s)) return s;
  }
  return std::nullopt;
}

const char* CorrectionStatusName(CorrectionStatus s) {
  switch (s) {
    case CorrectionStatus::kApproved: return "approved";
    case CorrectionStatus::kWithdrawn: return "withdrawn";
    case CorrectionStatus::kRejected: return "rejected";
    default: return "proposed";
  }
}

std::optional<CorrectionStatus> ParseCorrectionStatus(std::string_view text) {
  for (CorrectionStatus s : {CorrectionStatus::kProposed, CorrectionStatus::kApproved, CorrectionStatus::kWithdrawn,
                             CorrectionStatus::kRejected}) {
    if (text == CorrectionStatusName(s)) return s;
  }
  return std::nullopt;
}

CorrectedStanding StandingOfCorrection(const RankingRules& rules, double total, bool failed) {
  CorrectedStanding out;
  if (rules.grades.empty()) return out;
  const std::size_t band = failed ? rules.grades.size() - 1 : BandOf(rules.grades, total);
  out.grade = rules.grades[band].code;
  if (auto c = rules.coefficients.find(out.grade); c != rules.coefficients.end()) out.coefficient = c->second;
  return out;
}

std::optional<AppealStatus> ParseAppealStatus(std::string_view text) {
  for (AppealStatus s :
       {AppealStatus::kOpen, AppealStatus::kUpheld, AppealStatus::kPartlyUpheld, AppealStatus::kRejected}) {
    if (text == AppealStatusName(s)) return s;
  }
  return std::nullopt;
}

}  // namespace sqm::assessment
