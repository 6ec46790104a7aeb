// HTTP route of the calibration agreement calculator (any staff member; permission "staff"):
//   POST /api/v1/inspections/agreement {"a": [...], "b": [...], "weights"?: "none" | "linear" | "quadratic",
//        "categories"?: [...], "tolerance"?: 10} -> {"kappa", "observed", "expected", "n", "share_within"?}
// kappa is null when it is undefined (every rating in one and the same category).
#pragma once

#include "http/router.h"

namespace sqm::inspection {

void AddAgreementRoutes(http::Router& router);

}  // namespace sqm::inspection
