// The inspection module's fact sources for assessment (storage/fact_source.h): registered by the
// composition root, so inspection never links assessment.
#pragma once

#include <vector>

#include "storage/fact_source.h"

namespace sqm::inspection {

// "inspections": one fact per published inspection that stands (a corrected one gives way to its
// correction), at its publication, charged to the inspected staff member and department. Fields:
// percent, passed, critical_failed, appealed, appeal_upheld, kind, covert, corrected.
std::vector<storage::FactSource> FactSources();

}  // namespace sqm::inspection
