// The demo organisation: 示例服务中心 / Demo Service Centre with its departments, about 60 staff
// across all roles, and portal accounts for customers, including one login named after each role
// (admin, quality, executive, manager, agent, engineer, evaluator, customer). Made through
// org::Service, so its events are the ones a person creating the same records would leave.
#pragma once

#include <string>

#include "base/result.h"
#include "org/service.h"

namespace sqm::demo {

struct OrganisationReport {
  bool created = false;  // false: the database already had departments
  int accounts = 0;      // accounts created, or whose password was set
};

// Seeds a database without departments. On one that has them, only sets the demo accounts'
// password (and ends their sessions).
Result<OrganisationReport> SeedOrganisation(org::Service& org, const std::string& password);

}  // namespace sqm::demo
