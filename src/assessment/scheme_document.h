// A scheme version's document (考核办法): the one JSON form a version is stored, exported and
// imported in (docs/assessment.md, "The scheme document"). It carries scoring.h's Scheme (the
// tree of dimensions and indicators with their max points and rules, bonus and deduction items,
// rounding, the no-data policy) and everything else a period needs: names, the library indicator
// behind each leaf, the evaluation method, grades and their coefficients, forced distribution,
// groups ranked separately, the minimum volume, the small-sample option, red and black lists, the
// appeal window and how months roll up. Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "assessment/indicator.h"
#include "assessment/ranking.h"
#include "assessment/scoring.h"
#include "base/result.h"

namespace sqm::assessment {

const char* SubjectKindText(SubjectKind kind);  // "staff", "department"
std::optional<SubjectKind> ParseSubjectKind(std::string_view text);

enum class EvaluationMethod { kWeightedSum, kRsr, kTopsis };
const char* EvaluationMethodName(EvaluationMethod m);  // "weighted_sum", "rsr", "topsis"

// How the months of a quarter or a year make its result.
enum class Rollup { kMeanOfMonths, kVolumeWeighted, kRecompute };

// Assessees ranked apart from the others: the listed ones, or (no list) those whose volume is at
// least `min_volume` and below the band above (bands listed from the largest volume down).
struct SchemeGroup {
  std::string code;
  LocalText name;
  std::vector<std::int64_t> members;
  std::optional<long long> min_volume;
};

// One leaf of the tree as the document names it.
struct SchemeLeaf {
  std::string indicator;         // a library indicator's code
  std::optional<double> target;  // shown beside the score (the rule holds the thresholds)
};

// Who a scheme assesses: a staff scheme, the staff holding one of `roles` (default: agent,
// engineer, manager); both kinds, only within the subtrees of `departments` when it lists any (a
// department scheme then assesses those departments and the departments below them).
struct AssesseeSet {
  std::vector<std::string> roles = {"agent", "engineer", "manager"};
  std::vector<std::int64_t> departments;
};

struct SchemeDocument {
  Scheme scheme;
  std::map<std::string, LocalText> names;    // node code -> name
  std::map<std::string, SchemeLeaf> leaves;  // leaf node code -> its indicator
  EvaluationMethod method = EvaluationMethod::kWeightedSum;
  RankingRules ranking;  // grades, forced distribution, coefficients, lists, minimum volume
  std::map<std::string, LocalText> grade_names;
  std::vector<SchemeGroup> groups;
  RateBasis small_sample = RateBasis::kObserved;
  std::optional<std::string> volume_measure;  // the measure that is an assessee's volume; default: its largest sample
  int appeal_days = 5;                        // working days after publication
  Rollup rollup = Rollup::kMeanOfMonths;
  AssesseeSet assessees;
};

// Looks a library indicator up by code.
using IndicatorLookup = std::function<std::optional<Indicator>(const std::string& code)>;

// Reads and validates a document, reporting every problem at once, each named by its JSON path:
// "tree.children[1].max_points", "tree.children[0].children[2].indicator.code" (an unknown
// indicator), "tree.children[1].children" (points that do not add up), "grades[2].min".
// A leaf's rule reads its indicator's direction from the library.
Result<SchemeDocument> ParseSchemeDocument(const boost::json::value& doc, const IndicatorLookup& lookup);

}  // namespace sqm::assessment
