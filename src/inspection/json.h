// The one JSON form of a scorecard's definition and of its score: what the API takes and answers
// and what scorecard_versions.definition stores.
//   {"method": "total_points" | "section_weights", "pass_mark": 80,
//    "sections": [{"code", "name", "weight", "items": [{"code", "name", "guidance",
//      "scale": "yes_no" | "three_point" | "four_point" | "five_point" | "points",
//      "max_points", "critical": "none" | "section" | "card", "bonus"}]}]}
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "base/result.h"
#include "inspection/sampling.h"
#include "inspection/scorecard.h"

namespace sqm::inspection {

boost::json::object ScorecardJson(const Scorecard& card);
// Reads the definition's keys (method, pass_mark, sections) from a request body object, adding
// every shape problem to `problems` ("sections[1].items[0].scale") and reading what it can, so
// CheckScorecard can judge the rest in the same answer. Other keys are left to the caller.
Scorecard ReadScorecard(const boost::json::object& body, Problems& problems);
// The stored text back (it was written by ScorecardJson).
Scorecard ParseStoredScorecard(std::string_view text);

// {"<item code>": number | "na"}: a value on the item's scale, or not applicable.
std::map<std::string, Answer> ReadAnswers(const boost::json::value& answers, std::string_view field,
                                          Problems& problems);
boost::json::object AnswersJson(const std::map<std::string, Answer>& answers);
// The stored text back (written by AnswersJson).
std::map<std::string, Answer> ParseStoredAnswers(std::string_view text);
boost::json::object CardResultJson(const CardResult& r);

std::string_view Name(Scale s);
std::string_view Name(Critical c);
std::string_view Name(CardMethod m);

// A sampling plan's stored lists: ids as a JSON array, and a run's coverage per agent
// [{"agent_id", "agent_name", "tickets", "planned", "earlier", "drawn", "shortfall"}] (the API's form too).
boost::json::array IdsJson(const std::vector<Id>& ids);
std::string IdsText(const std::vector<Id>& ids);
std::vector<Id> ParseStoredIds(std::string_view text);
boost::json::array CoverageJson(const std::vector<AgentCoverage>& coverage);
std::vector<AgentCoverage> ParseStoredCoverage(std::string_view text);

}  // namespace sqm::inspection
