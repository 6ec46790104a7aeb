// Calibration agreement between reviewers who scored the same items blind: the share of items on
// which two scores lie within a tolerance (±10 points), beside Cohen's kappa (base/stats.h).
#pragma once

#include <span>

#include "base/result.h"

namespace sqm::inspection {

// The share (0-1) of items i with |a_i - b_i| <= tolerance. Errors name "b" (a different
// number of scores than "a"), "a" (no items) or "tolerance" (negative).
Result<double> ShareWithin(std::span<const double> a, std::span<const double> b, double tolerance);

}  // namespace sqm::inspection
