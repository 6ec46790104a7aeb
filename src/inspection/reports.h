// The inspection charts, pure: the mean score per agent or department and period (the score
// trend), and the item failure Pareto (the items most often failed, with the cumulative share). An
// item fails when its answer earns nothing — no, the lowest rating, 0 points — the same reading
// as a critical item's failure (scorecard.h). No SQL, no clock reads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "inspection/model.h"

namespace sqm::inspection {

enum class TrendBy { kAgent, kDepartment };
std::string_view Name(TrendBy by);
std::optional<TrendBy> ParseTrendBy(std::string_view s);

struct TrendPoint {
  Id key = 0;  // the agent's or department's id
  std::string name;
  TimeMs period_start = 0;
  std::int64_t count = 0;
  double mean = 0;  // mean percent
};

// Per key and period (`period_of` maps an instant to its period's start), the mean percent of the
// scored inspections (those without a percent are left out; so are inspections of no agent when
// by agent). Ordered by key, then period.
std::vector<TrendPoint> Trend(const std::vector<Inspection>& inspections, TrendBy by,
                              const std::function<TimeMs(TimeMs)>& period_of);

struct ParetoBar {
  std::string code;
  std::string name;
  std::int64_t failed = 0;
  std::int64_t answered = 0;  // answered and applicable
  double share = 0;           // of all failures, percent
  double cumulative = 0;      // percent, in the bars' order
};

// Over each inspection's answers read with the card version it was scored with (`card_of`; null
// when unknown), the items by failures, most first (ties: code); items that never failed are left
// out. Items are told apart by code.
std::vector<ParetoBar> Pareto(const std::vector<Inspection>& inspections,
                              const std::function<const Scorecard*(const Inspection&)>& card_of);

}  // namespace sqm::inspection
