#include "app/attainment_reader.h"

namespace sqm::app {

namespace {

constexpr const char* kFirstResponse = "first_response_attainment";
constexpr const char* kResolution = "resolution_attainment";

// A ratio's counts as the desk's rate; an absent measure had nothing decided.
desk::Rate RateOf(const std::map<std::string, assessment::MeasureValue>& values, const char* code) {
  const auto it = values.find(code);
  if (it == values.end() || !it->second.ratio) return {};
  return {it->second.ratio->numerator, it->second.ratio->denominator};
}

desk::AttainmentRates RatesOf(const std::map<std::string, assessment::MeasureValue>& values) {
  return {RateOf(values, kFirstResponse), RateOf(values, kResolution)};
}

}  // namespace

desk::AttainmentReader AttainmentReader(assessment::MeasureSource& measures) {
  desk::AttainmentReader r;
  r.organisation = [&measures](TimeMs from, TimeMs to) -> Result<desk::AttainmentRates> {
    SQM_ASSIGN(const auto table, measures.Values({.kind = assessment::SubjectKind::kOrganisation,
                                                  .measures = {kFirstResponse, kResolution},
                                                  .from_ms = from,
                                                  .to_ms = to}));
    const auto row = table.find(assessment::kOrganisationSubject);
    return row == table.end() ? desk::AttainmentRates{} : RatesOf(row->second);
  };
  r.departments = [&measures](const std::optional<std::vector<desk::Id>>& departments, TimeMs from,
                              TimeMs to) -> Result<std::map<desk::Id, desk::AttainmentRates>> {
    std::optional<std::vector<assessment::SubjectId>> only;
    if (departments) only.emplace(departments->begin(), departments->end());
    SQM_ASSIGN(const auto table, measures.Values({.kind = assessment::SubjectKind::kDepartment,
                                                  .measures = {kFirstResponse, kResolution},
                                                  .from_ms = from,
                                                  .to_ms = to,
                                                  .only = std::move(only)}));
    std::map<desk::Id, desk::AttainmentRates> out;
    for (const auto& [subject, values] : table) out.emplace(subject, RatesOf(values));
    return out;
  };
  return r;
}

}  // namespace sqm::app
