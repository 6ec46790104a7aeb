// Demo data: 示例服务中心 / Demo Service Centre with its departments, about 60 staff across all
// roles, and customers, including one login named after each role.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "org/service.h"
#include "storage/database.h"

namespace sqm::cli {

struct SeedReport {
  bool created = false;  // false: the database already had data
  int accounts = 0;      // accounts created or whose password was set
};

// Seeds an empty database. On a seeded one, only sets the demo accounts' password when given.
Result<SeedReport> SeedDemo(storage::Database& db, org::Service& org, const std::string& password);

}  // namespace sqm::cli
