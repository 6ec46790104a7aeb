// The desk's fact sources for assessment (storage/fact_source.h; docs/assessment.md): tickets,
// SLA timers, callbacks, complaints, transfers and reopenings, each charged to the staff member
// and department recorded on the fact's row when it happened. The composition root registers them
// in assessment's FactRegistry; the desk never links assessment.
#pragma once

#include <vector>

#include "storage/fact_source.h"

namespace sqm::desk::repo {

std::vector<storage::FactSource> FactSources();

}  // namespace sqm::desk::repo
