// HTTP routes of SLA policies (src/sla/service.h); every route needs sla.manage:
//   GET  /api/v1/sla/policies           ?include_inactive=true   current version of each policy
//   POST /api/v1/sla/policies                                    create (version 1)
//   GET  /api/v1/sla/policies/{id}      ?version=N               current or given version
//   PUT  /api/v1/sla/policies/{id}                               save a new version
//   POST /api/v1/sla/explain                                     which policy ticket facts get, and why
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "http/router.h"
#include "sla/service.h"

namespace sqm::sla {

void AddRoutes(http::Router& router, Service& service);

// {"summary", "candidates": [{"policy_id", "policy_version", "policy_name", "verdict",
//  "specificity", "category_depth", "checks": [{"criterion", "wanted", "actual", "matched"}],
//  "decided_by", "reason"}]}
boost::json::object ExplanationJson(const std::string& summary, const std::vector<CandidateReport>& candidates);

}  // namespace sqm::sla
