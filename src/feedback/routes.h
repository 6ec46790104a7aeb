// HTTP routes of the survey statistics calculators (any staff member; permission "staff"):
//   GET /api/v1/surveys/sample-size?margin=0.05[&confidence=0.95][&population=N][&proportion=0.5] -> {"n": 385}
//   GET /api/v1/surveys/interval?successes=81&n=263[&confidence=0.95] -> {"p", "low", "high", "margin"}
// The campaign page and the results page call them; the formulas are in base/stats.h.
#pragma once

#include "http/router.h"

namespace sqm::feedback {

void AddStatisticsRoutes(http::Router& router);

}  // namespace sqm::feedback
