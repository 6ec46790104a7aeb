// IndicatorReader: how improvement reads the value of an assessment measure for the subject an
// action should move, over a window, to verify the action's effect. The measures belong to
// assessment, which improvement never links: the composition root installs a reader over
// assessment::MeasureSource (app/indicator_reader.h), as it installs the archive's sources.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "improvement/model.h"

namespace sqm::improvement {

struct IndicatorReader {
  // Whether `code` is a measure of the catalogue.
  std::function<Result<bool>(const std::string& code)> known;
  // The measure's value for the subject over [from, to); nullopt when nothing was counted (no data).
  std::function<Result<std::optional<double>>(const std::string& code, SubjectKind kind, Id subject, TimeMs from,
                                              TimeMs to)>
      value;
};

}  // namespace sqm::improvement
