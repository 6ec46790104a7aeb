#include "inspection/agreement.h"

#include <cmath>
#include <string>

namespace sqm::inspection {

Result<double> ShareWithin(std::span<const double> a, std::span<const double> b, double tolerance) {
  if (a.size() != b.size()) {
    return Error::Invalid("b", Msg("kappa.length", "must have as many ratings as a ({n}), not {actual}",
                                   {{"n", std::to_string(a.size())}, {"actual", std::to_string(b.size())}}));
  }
  if (a.empty()) return Error::Invalid("a", Msg("agreement.empty", "needs at least one item"));
  if (!std::isfinite(tolerance) || tolerance < 0) {
    return Error::Invalid("tolerance", Msg("rule.not_negative", "must not be negative"));
  }
  std::size_t within = 0;
  // The slack keeps 80 vs 90.0000000001 (a computed percentage) within 10 points.
  for (std::size_t i = 0; i < a.size(); ++i) within += std::abs(a[i] - b[i]) <= tolerance + 1e-9;
  return static_cast<double>(within) / static_cast<double>(a.size());
}

}  // namespace sqm::inspection
