// Indicators (指标): arithmetic over measure codes with a unit, a direction and a default target,
// or a manual indicator whose value is entered per assessee and period (a manager's rating of
// team collaboration, a 360 review). Pure: the formula parser, its evaluation over measured
// values, and the checks of an indicator's definition.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/measures.h"
#include "assessment/model.h"
#include "base/result.h"

namespace sqm::assessment {

enum class IndicatorKind { kComputed, kManual };

const char* IndicatorKindName(IndicatorKind kind);  // "computed", "manual"
std::optional<IndicatorKind> ParseIndicatorKind(std::string_view text);

struct LocalText {
  std::string zh;
  std::string en;
  bool operator==(const LocalText&) const = default;
};

struct Indicator {
  std::string code;  // [a-z0-9_], 1-64
  LocalText name;
  LocalText definition;
  std::string unit;  // "percent", "minutes", "count", "per_mille", "points"
  Direction direction = Direction::kHigherIsBetter;
  IndicatorKind kind = IndicatorKind::kComputed;
  std::string formula;  // computed only: "first_response_met / first_response_due * 100"
  std::optional<double> target;
  std::int64_t updated_at = 0;
};

// A parsed formula: numbers, measure codes, + - * / and parentheses, unary minus.
class Formula {
 public:
  struct Node;
  Formula() = default;
  explicit Formula(std::shared_ptr<const Node> root) : root_(std::move(root)) {}

  // The measure codes it names, sorted, each once.
  std::vector<std::string> Measures() const;

  // The value over one subject's measures: a measure without a value makes the whole formula
  // "no data", and so does a division by zero (never inf or NaN).
  Figure Evaluate(const std::map<std::string, MeasureValue>& measures) const;

  // The sample behind the value: for a formula that is one measure, or one measure divided by
  // another, the counts (numerator / denominator) a Wilson interval needs; else nullopt.
  std::optional<Count> RateCount(const std::map<std::string, MeasureValue>& measures) const;
  // The largest sample of the measures it names (0 when none has facts).
  long long Sample(const std::map<std::string, MeasureValue>& measures) const;

 private:
  std::shared_ptr<const Node> root_;
};

// Parses `text`; `known` says whether a name is a measure code. Errors (kInvalid on `field`) say
// where and what: an unknown code names it ("unknown measure 'foo'"), a syntax error gives the
// character position.
Result<Formula> ParseFormula(std::string_view text, const std::function<bool(std::string_view)>& known,
                             const std::string& field = "formula");

// Every problem of an indicator's definition at once: code, names, unit, the formula (computed:
// required and parsed against `known`; manual: must be empty), target finite.
Status CheckIndicator(const Indicator& indicator, const std::function<bool(std::string_view)>& known);

// A code for indicators, schemes and scheme nodes: 1-64 of [A-Za-z0-9_-].
bool IsCode(std::string_view code);

}  // namespace sqm::assessment
