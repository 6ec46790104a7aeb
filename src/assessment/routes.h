// HTTP routes of the assessment methods as calculators (any staff member; permission "staff"):
//   POST /api/v1/assessment/methods/ahp      {"matrix", "method"?, "ri_table"?} -> weights, lambda_max, ci, cr, ri,
//   consistent POST /api/v1/assessment/methods/entropy  {"matrix"} -> weights POST /api/v1/assessment/methods/topsis
//   {"matrix", "weights", "benefit"?} -> closeness, rank, ideal, anti_ideal POST /api/v1/assessment/methods/rsr
//   {"matrix", "benefit"?, "weights"?, "ranks"?, "tiers"?}
//                                            -> rsr, probit, regression, tier, distribution, ...
// The scheme editor and the results page call them; integrations may too. Every figure is
// unrounded double precision; bad input is a 400 naming the field ("matrix[1][3]", "weights").
#pragma once

#include "http/router.h"

namespace sqm::assessment {

void AddMethodRoutes(http::Router& router);

}  // namespace sqm::assessment
