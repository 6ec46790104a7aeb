// The JSON forms of SLA policies: the API's answers, and the data of the sla.policy_created and
// sla.policy_updated events (the same form, so an event reads like the answer that caused it).
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "sla/model.h"

namespace sqm::sla {

// [{"kind", "business_minutes", "calendar_code"}, ...]; also the sla_policies.targets column.
boost::json::array TargetsJson(const std::vector<Target>& targets);
// {"id", "version", "name", "match": {"ticket_type", "priority", "channel", "category_id",
//  "customer_tier"} (null = any), "targets": [{"kind", "business_minutes", "calendar_code"}],
//  "warning_fraction", "active"}: the API form, also stored in policy events.
boost::json::object PolicyToJson(const Policy& policy);
}  // namespace sqm::sla
