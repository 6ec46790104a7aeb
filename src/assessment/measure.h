// Measures (docs/assessment.md, "Measures"): an aggregation over a fact source with a filter in a
// closed, typed condition language. This file is pure: the definition, the built-in library,
// the filter language (parsed and checked against the source's fields; compiled to SQL with
// bound values by measure_repo), the checks of a new measure, and the percentile rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "assessment/facts.h"
#include "assessment/measures.h"
#include "base/result.h"

namespace sqm::assessment {

struct Text {
  std::string zh;
  std::string en;
};

enum class AggregationKind { kCount, kSum, kMean, kMin, kMax, kPercentile, kRatio };
const char* AggregationName(AggregationKind k);
std::optional<AggregationKind> ParseAggregation(std::string_view name);

struct Aggregation {
  AggregationKind kind = AggregationKind::kCount;
  std::string field;  // sum, mean, min, max, percentile: a number, integer or boolean field
  double p = 0;       // percentile: 0 < p < 100
  // ratio: numerator = count(source where filter and numerator_filter); denominator =
  // count(source where filter), or count(denominator_source where denominator_filter) when a
  // denominator source is named (complaints per 1,000 tickets).
  std::string numerator_filter;
  std::string denominator_source;
  std::string denominator_filter;
};

struct Measure {
  std::string code;  // lower-case identifier: "first_response_attainment"
  Text name;
  Text definition;  // one line
  std::string source;
  Aggregation aggregation;
  std::string filter;  // may be empty: every fact
  std::string unit;    // percent, per_mille, ratio (ratios); minutes, count, number, points
  Direction direction = Direction::kHigherIsBetter;
  bool builtin = false;
};

// What a ratio is multiplied by for its unit: percent 100, per_mille 1000, otherwise 1.
double RatioScale(std::string_view unit);
MeasureInfo InfoOf(const Measure& m);

// The default library, ready on first start (measure_library.cpp).
const std::vector<Measure>& BuiltinMeasures();

// ---- the filter language ----
// filter    := condition ("and" condition)*        (empty: every fact)
// condition := field op literal | field "in" "(" literal ("," literal)* ")" | field "is" ["not"] "null"
// op        := "=" | "!=" | "<>" | "<" | "<=" | ">" | ">="
// literal   := number | 'text' ('' inside for a quote) | true | false
// Keywords are case-insensitive. Booleans take = and != with true/false; text takes =, !=, in;
// integers and numbers take every comparison with a number.
enum class FilterOp { kEq, kNe, kLt, kLe, kGt, kGe, kIn, kIsNull, kIsNotNull };
using Literal = std::variant<double, std::string, bool>;
struct Condition {
  std::string field;
  storage::FactFieldType type = storage::FactFieldType::kInteger;  // the field's
  FilterOp op = FilterOp::kEq;
  std::vector<Literal> values;  // one, several for kIn, none for the null tests
};

// The conditions of `text` checked against `source`; kInvalid on `field_name` naming the problem
// and its position ("unknown field 'foo' at 12; fields: kind, met, ...").
Result<std::vector<Condition>> ParseFilter(std::string_view text, const storage::FactSource& source,
                                           const std::string& field_name);

// A fact's value of one field as the evaluator sees it: NULL, a number (integers, and booleans as
// 0/1), or text.
using FieldValue = std::variant<std::monostate, double, std::string>;

// Whether a fact's value `v` of `c.field` satisfies `c` as the compiled SQL (repo::CompileFilter)
// does in a WHERE clause or a CASE WHEN: a comparison with NULL is unknown, which neither keeps a
// fact nor counts it, so only `is null` is true of NULL (and `!=` or `in` are false of it). Text
// compares byte by byte (SQL's binary equality). A value of the wrong kind (text for a number
// field) never matches: ParseFilter has typed the literals by the field.
bool Matches(const Condition& c, const FieldValue& v);

// Checks a new measure whole against the registry and the existing codes: every problem at once,
// each naming its field (code, name.zh, source, aggregation.field, filter, ...).
Status CheckMeasure(const Measure& m, const FactRegistry& registry, const std::vector<std::string>& taken_codes);

}  // namespace sqm::assessment
