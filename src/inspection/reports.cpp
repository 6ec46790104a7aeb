#include "inspection/reports.h"

#include <algorithm>
#include <tuple>

namespace sqm::inspection {

std::string_view Name(TrendBy by) {
  return by == TrendBy::kAgent ? "agent" : "department";
}

std::optional<TrendBy> ParseTrendBy(std::string_view s) {
  if (s == "agent") return TrendBy::kAgent;
  if (s == "department") return TrendBy::kDepartment;
  return std::nullopt;
}

std::vector<TrendPoint> Trend(const std::vector<Inspection>& inspections, TrendBy by,
                              const std::function<TimeMs(TimeMs)>& period_of) {
  struct Sum {
    std::string name;
    std::int64_t count = 0;
    double total = 0;
  };
  std::map<std::pair<Id, TimeMs>, Sum> sums;
  for (const auto& i : inspections) {
    if (!i.percent || !i.published_at) continue;
    if (by == TrendBy::kAgent && !i.agent_id) continue;
    const Id key = by == TrendBy::kAgent ? *i.agent_id : i.department_id;
    auto& s = sums[{key, period_of(*i.published_at)}];
    s.name = by == TrendBy::kAgent ? i.agent_name : i.department_name;
    ++s.count;
    s.total += *i.percent;
  }
  std::vector<TrendPoint> out;
  for (const auto& [k, s] : sums) {
    out.push_back({.key = k.first,
                   .name = s.name,
                   .period_start = k.second,
                   .count = s.count,
                   .mean = s.total / static_cast<double>(s.count)});
  }
  return out;
}

std::vector<ParetoBar> Pareto(const std::vector<Inspection>& inspections,
                              const std::function<const Scorecard*(const Inspection&)>& card_of) {
  std::map<std::string, ParetoBar> bars;
  std::int64_t failures = 0;
  for (const auto& i : inspections) {
    const Scorecard* card = card_of(i);
    if (!card) continue;
    for (const Section& s : card->sections) {
      for (const Item& item : s.items) {
        auto a = i.answers.find(item.code);
        if (a == i.answers.end() || a->second.not_applicable) continue;
        const auto earned = ItemEarned(item, a->second);
        if (!earned) continue;
        auto& bar = bars[item.code];
        bar.code = item.code;
        if (bar.name.empty()) bar.name = item.name.empty() ? item.code : item.name;
        ++bar.answered;
        if (*earned <= 0) {
          ++bar.failed;
          ++failures;
        }
      }
    }
  }
  std::vector<ParetoBar> out;
  for (auto& [code, bar] : bars) {
    if (bar.failed > 0) out.push_back(std::move(bar));
  }
  std::stable_sort(out.begin(), out.end(), [](const ParetoBar& a, const ParetoBar& b) { return a.failed > b.failed; });
  std::int64_t running = 0;
  for (auto& bar : out) {
    running += bar.failed;
    bar.share = 100.0 * static_cast<double>(bar.failed) / static_cast<double>(failures);
    bar.cumulative = 100.0 * static_cast<double>(running) / static_cast<double>(failures);
  }
  return out;
}

}  // namespace sqm::inspection
