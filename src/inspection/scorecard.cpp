#include "inspection/scorecard.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/json.h"
#include "base/stats.h"

namespace sqm::inspection {

namespace {

// The highest answer of a rating scale (1..K), or 0 for yes/no and points.
int ScaleTop(Scale s) {
  switch (s) {
    case Scale::kThreePoint: return 3;
    case Scale::kFourPoint: return 4;
    case Scale::kFivePoint: return 5;
    default: return 0;
  }
}

// Points earned by an answer, or an error message when it is not on the scale.
Result<double> Earned(const Item& item, double v, const std::string& field) {
  if (!std::isfinite(v)) return Error::Invalid(field, Msg("field.not_number", "must be a number"));
  switch (item.scale) {
    case Scale::kYesNo:
      if (v != 0 && v != 1) return Error::Invalid(field, Msg("scorecard.yes_no", "must be 1 (yes) or 0 (no)"));
      return item.max_points * v;
    case Scale::kPoints:
      if (v < 0 || v > item.max_points) {
        return Error::Invalid(field, Msg("scorecard.points", "must be between 0 and {max} points",
                                         {{"max", stats::ShortNumber(item.max_points)}}));
      }
      return v;
    default: {
      const int top = ScaleTop(item.scale);
      if (v != std::floor(v) || v < 1 || v > top) {
        return Error::Invalid(
            field, Msg("scorecard.rating", "must be a whole rating from 1 to {top}", {{"top", std::to_string(top)}}));
      }
      return item.max_points * (v - 1) / (top - 1);
    }
  }
}

}  // namespace

Status CheckScorecard(const Scorecard& card) {
  Problems problems;
  CheckScorecard(card, problems);
  if (auto e = problems.Take()) return *e;
  return {};
}

void CheckScorecardName(std::string_view name, Problems& problems) {
  const std::size_t n = json::CodePoints(name);
  if (n == 0) problems.Add("name", Msg("field.required", "is required"));
  if (n > kMaxScorecardNameChars) {
    problems.Add("name", Msg("field.too_long", "must be at most {max} characters",
                             {{"max", std::to_string(kMaxScorecardNameChars)}}));
  }
}

void CheckScorecard(const Scorecard& card, Problems& problems) {
  std::set<std::string> codes;
  auto code = [&](const std::string& field, const std::string& c) {
    if (c.empty()) {
      problems.Add(field, Msg("field.required", "is required"));
    } else if (!codes.insert(c).second) {
      problems.Add(field, Msg("scheme.duplicate_code", "'{code}' is used by another node", {{"code", c}}));
    }
  };
  auto text = [&](const std::string& field, const std::string& t, std::size_t max) {
    if (json::CodePoints(t) > max) {
      problems.Add(field, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(max)}}));
    }
  };
  if (card.sections.empty()) problems.Add("sections", Msg("scorecard.no_sections", "needs at least one section"));
  if (card.sections.size() > kMaxSections) {
    problems.Add("sections", Msg("scorecard.too_many_sections", "must have at most {max} sections",
                                 {{"max", std::to_string(kMaxSections)}}));
  }
  std::size_t items = 0;
  for (const Section& section : card.sections) items += section.items.size();
  if (items > kMaxItems) {
    problems.Add("sections", Msg("scorecard.too_many_items", "must have at most {max} items in all",
                                 {{"max", std::to_string(kMaxItems)}}));
  }
  double weights = 0;
  for (std::size_t s = 0; s < card.sections.size(); ++s) {
    const Section& section = card.sections[s];
    const std::string field = "sections[" + std::to_string(s) + "]";
    code(field + ".code", section.code);
    text(field + ".code", section.code, kMaxCodeChars);
    text(field + ".name", section.name, kMaxNameChars);
    if (section.items.empty()) problems.Add(field + ".items", Msg("scorecard.no_items", "needs at least one item"));
    if (card.method == CardMethod::kSectionWeights) {
      if (!std::isfinite(section.weight) || section.weight < 0) {
        problems.Add(field + ".weight", Msg("rule.not_negative", "must not be negative"));
      } else {
        weights += section.weight;
      }
    }
    for (std::size_t i = 0; i < section.items.size(); ++i) {
      const Item& item = section.items[i];
      const std::string item_field = field + ".items[" + std::to_string(i) + "]";
      code(item_field + ".code", item.code);
      text(item_field + ".code", item.code, kMaxCodeChars);
      text(item_field + ".name", item.name, kMaxNameChars);
      text(item_field + ".guidance", item.guidance, kMaxGuidanceChars);
      if (!std::isfinite(item.max_points) || item.max_points <= 0) {
        problems.Add(item_field + ".max_points", Msg("scheme.points_positive", "must be greater than 0"));
      }
      if (item.bonus && item.critical != Critical::kNone) {
        problems.Add(item_field + ".critical", Msg("scorecard.bonus_critical", "cannot be set on a bonus item"));
      }
    }
  }
  if (card.method == CardMethod::kSectionWeights && std::abs(weights - 100) > 1e-9) {
    problems.Add("sections", Msg("scorecard.weights_sum", "weights add up to {sum} %, not 100 %",
                                 {{"sum", stats::ShortNumber(weights)}}));
  }
  if (!std::isfinite(card.pass_mark) || card.pass_mark < 0 || card.pass_mark > 100) {
    problems.Add("pass_mark",
                 Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "0"}, {"max", "100"}}));
  }
}

Result<CardResult> ScoreCard(const Scorecard& card, const std::map<std::string, Answer>& answers) {
  CardResult out;
  Problems problems;
  for (const Section& section : card.sections) {
    SectionResult sr{.code = section.code};
    bool applicable = false;
    for (const Item& item : section.items) {
      const std::string field = "answers." + item.code;
      auto it = answers.find(item.code);
      if (it == answers.end()) {
        problems.Add(field, Msg("field.required", "is required"));
        continue;
      }
      if (it->second.not_applicable) {
        if (!item.na_allowed) problems.Add(field, Msg("scorecard.na_not_allowed", "cannot be N/A on this item"));
        continue;
      }
      auto earned = Earned(item, it->second.value, field);
      if (!earned.ok()) {
        problems.Add(earned.error());
        continue;
      }
      sr.earned += *earned;
      if (!item.bonus) {
        sr.possible += item.max_points;
        applicable = true;
      }
      if (item.critical != Critical::kNone && *earned == 0) {
        out.critical_failures.push_back(item.code);
        if (item.critical == Critical::kFailsSection) sr.failed = true;
        if (item.critical == Critical::kFailsCard) out.failed = true;
      }
    }
    if (sr.failed) sr.earned = 0;
    // Bonus points lift a section to 100 % at most.
    sr.earned = std::min(sr.earned, sr.possible);
    if (applicable) sr.percent = 100 * sr.earned / sr.possible;
    out.sections.push_back(sr);
  }
  if (auto e = problems.Take()) return *e;

  double weighted = 0, weight_used = 0;
  for (std::size_t s = 0; s < out.sections.size(); ++s) {
    const SectionResult& sr = out.sections[s];
    out.earned += sr.earned;
    out.possible += sr.possible;
    if (sr.percent) {
      weighted += card.sections[s].weight * *sr.percent;
      weight_used += card.sections[s].weight;
    }
  }
  std::optional<double> percent;
  if (card.method == CardMethod::kTotalPoints && out.possible > 0) percent = 100 * out.earned / out.possible;
  if (card.method == CardMethod::kSectionWeights && weight_used > 0) percent = weighted / weight_used;
  out.percent_before_failure = percent;
  out.percent = out.failed && percent ? std::optional<double>(0.0) : percent;
  out.passed = !out.failed && out.percent && *out.percent >= card.pass_mark - 1e-9;
  return out;
}

std::optional<double> ItemEarned(const Item& item, const Answer& answer) {
  if (answer.not_applicable) return std::nullopt;
  auto earned = Earned(item, answer.value, "");
  if (!earned.ok()) return std::nullopt;
  return *earned;
}

}  // namespace sqm::inspection
