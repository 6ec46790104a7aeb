// The demo's improvement actions (整改), made through improvement::Service like any user would:
// quality raises actions in different states (one verified as effective, one in progress, one
// overdue, one from an audit finding), the agent suggests two improvements (one declined), and one
// internal audit with findings is recorded. Due dates are relative to `now` in the business zone.
#pragma once

#include "base/result.h"
#include "calendar/zone.h"
#include "improvement/service.h"
#include "storage/database.h"

namespace sqm::demo {

struct ImprovementSummary {
  int actions = 0;
  int audits = 0;
};

// REQUIRES: SeedOrganisation ran (the quality, agent, engineer and manager logins exist).
Result<ImprovementSummary> MakeImprovement(storage::Database& db, improvement::Service& service,
                                           const calendar::Zone& zone, TimeMs now);

}  // namespace sqm::demo
