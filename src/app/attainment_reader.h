// The reader through which the desk dashboard reads SLA attainment (desk/attainment.h): the
// assessment's measures first_response_attainment and resolution_attainment, wired here so that
// desk never links assessment.
#pragma once

#include "assessment/measures.h"
#include "desk/attainment.h"

namespace sqm::app {

// `measures` (the server's live source: the analytics engine, which hands what it cannot answer to
// the reference SQL) outlives the reader.
desk::AttainmentReader AttainmentReader(assessment::MeasureSource& measures);

}  // namespace sqm::app
