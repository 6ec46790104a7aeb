// The improvement module's fact source for assessment (storage/fact_source.h): registered by the
// composition root, so improvement never links assessment.
#pragma once

#include <vector>

#include "storage/fact_source.h"

namespace sqm::improvement {

// "improvement_actions": one fact per action given to an owner with a due date (not a declined
// suggestion, not a cancelled action), at the end of its due day, charged to the owner and the
// action's department. Fields: on_time (done by the due day's end: "actions closed on time"),
// closed, verified (effect checked and effective), not_effective, source.
std::vector<storage::FactSource> FactSources();

}  // namespace sqm::improvement
