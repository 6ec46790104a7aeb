// The JSON form of a template's definition and of the settings: what the API takes and answers
// and what survey_template_versions.definition and survey_settings.body store (one form for both).
#pragma once

#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "base/result.h"
#include "feedback/model.h"
#include "feedback/text.h"

namespace sqm::feedback {

boost::json::object DefinitionJson(const Definition& d);
boost::json::object TextJson(const Text& t);
// Reads {title, intro, questions: [{id, kind, text: {zh, en}, required, options, points}]} from a
// request body object, adding every shape problem to `problems` ("questions[2].kind") and reading
// what it can, so the rules (CheckTemplate) can judge the rest in the same answer. Keys other than
// these are left to the caller.
Definition ReadDefinition(const boost::json::object& body, Problems& problems);
// The stored text of a definition back (it was written by DefinitionJson).
Definition ParseStoredDefinition(std::string_view text);

boost::json::object SettingsJson(const Settings& s);
// Unknown keys and wrong types are reported; absent keys keep `base`'s values.
Result<Settings> ReadSettings(const boost::json::value& body, const Settings& base);

// The stored forms of a campaign's population filter ({from, to: UTC ms, department_ids,
// category_ids, tiers}) and strata ([{key, label, population, sample}]): survey_campaigns.filter and
// .strata. The strata form is also what the API answers.
boost::json::object StoredFilterJson(const PopulationFilter& f);
PopulationFilter ParseStoredFilter(std::string_view text);
boost::json::array StrataJson(const std::vector<Stratum>& strata);
std::vector<Stratum> ParseStoredStrata(std::string_view text);

// The topic dictionary: [{key, label: {zh, en}, keywords: [...]}], what the API takes and answers
// and survey_topic_dictionary.body stores. ReadTopics reports every shape problem at once
// ("topics[1].keywords"); CheckTopics judges the rest.
boost::json::array TopicsJson(const std::vector<Topic>& topics);
Result<std::vector<Topic>> ReadTopics(const boost::json::value& list);
std::vector<Topic> ParseStoredTopics(std::string_view text);

}  // namespace sqm::feedback
