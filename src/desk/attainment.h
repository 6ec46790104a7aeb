// AttainmentReader: how the desk dashboard reads SLA attainment. One concept, one definition: the
// dashboard's first-response and resolution attainment are the assessment's measures
// `first_response_attainment` and `resolution_attainment` — timers decided in the period (met or
// breached), charged to the department recorded on the timer (a department's figure covers its
// subtree), approved exclusions (剔除) left out, on tickets neither cancelled nor merged. The
// measures belong to assessment, which desk never links: the composition root installs a reader
// over the server's measure source (app/attainment_reader.h: the analytics engine, which hands
// what it cannot answer to the reference SQL), as it installs improvement's IndicatorReader.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "desk/model.h"

namespace sqm::desk {

// Timers met out of timers decided; total 0: no data (the rate is null, never 0).
struct Rate {
  std::int64_t met = 0;
  std::int64_t total = 0;
};

struct AttainmentRates {
  Rate first_response, resolution;
};

struct AttainmentReader {
  // The whole organisation over [from, to): every timer, the intake queue's too.
  std::function<Result<AttainmentRates>(TimeMs from, TimeMs to)> organisation;
  // Each department of `departments` (nullopt: every department) over [from, to), a department
  // counting its subtree; one without a timer decided in the window is absent.
  std::function<Result<std::map<Id, AttainmentRates>>(const std::optional<std::vector<Id>>& departments, TimeMs from,
                                                      TimeMs to)>
      departments;
};

}  // namespace sqm::desk
