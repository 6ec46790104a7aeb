// The reader through which improvement verifies an action's effect (improvement/indicator.h),
// over assessment's measures: wired here so that improvement never links assessment.
#pragma once

#include "assessment/measures.h"
#include "improvement/indicator.h"

namespace sqm::app {

// `measures` outlives the reader.
improvement::IndicatorReader IndicatorReader(assessment::MeasureSource& measures);

}  // namespace sqm::app
