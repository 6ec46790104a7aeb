#include "inspection/sampling.h"

#include <algorithm>
#include <map>

#include "base/json.h"
#include "base/sampling.h"

namespace sqm::inspection {

std::string_view Name(Cycle c) {
  return c == Cycle::kWeek ? "week" : "month";
}
std::string_view Name(Quota q) {
  return q == Quota::kPercent ? "percent" : "per_agent";
}

std::optional<Cycle> ParseCycle(std::string_view s) {
  if (s == "week") return Cycle::kWeek;
  if (s == "month") return Cycle::kMonth;
  return std::nullopt;
}

std::optional<Quota> ParseQuota(std::string_view s) {
  if (s == "percent") return Quota::kPercent;
  if (s == "per_agent") return Quota::kPerAgent;
  return std::nullopt;
}

void CheckPlan(const SamplingPlan& plan, Problems& p) {
  const auto length = json::CodePoints(plan.name);
  if (length == 0) p.Add("name", Msg("field.empty", "must not be empty"));
  if (length > 120) p.Add("name", Msg("field.too_long", "must be at most {max} characters", {{"max", "120"}}));
  const int max = plan.quota == Quota::kPercent ? 100 : kMaxPerAgent;
  if (plan.amount < 1 || plan.amount > max) {
    p.Add("amount",
          Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", std::to_string(max)}}));
  }
  if (plan.department_ids.empty()) p.Add("department_ids", Msg("field.required", "is required"));
  if (plan.department_ids.size() > kMaxPlanDepartments) {
    p.Add("department_ids", Msg("sampling.too_many", "at most {max}", {{"max", std::to_string(kMaxPlanDepartments)}}));
  }
  if (plan.inspector_ids.empty()) p.Add("inspector_ids", Msg("field.required", "is required"));
  if (plan.inspector_ids.size() > kMaxPlanInspectors) {
    p.Add("inspector_ids", Msg("sampling.too_many", "at most {max}", {{"max", std::to_string(kMaxPlanInspectors)}}));
  }
  const std::set<Id> inspectors(plan.inspector_ids.begin(), plan.inspector_ids.end());
  if (inspectors.size() != plan.inspector_ids.size()) {
    p.Add("inspector_ids", Msg("sampling.named_twice", "names someone twice"));
  }
}

std::int64_t Planned(const SamplingPlan& plan, std::int64_t tickets) {
  if (plan.quota == Quota::kPerAgent) return plan.amount;
  return (tickets * plan.amount + 99) / 100;
}

std::string StratumOf(const Candidate& c, const SamplingPlan& plan) {
  return (plan.by_channel ? c.channel : std::string()) + "|" + (plan.by_type ? c.type : std::string());
}

Sample DrawSample(const std::vector<Candidate>& candidates, const std::set<Id>& earlier, const SamplingPlan& plan,
                  std::uint64_t seed) {
  std::map<Id, std::vector<const Candidate*>> by_agent;
  for (const auto& c : candidates) by_agent[c.agent_id].push_back(&c);
  sampling::SplitMix64 rng(seed);
  Sample out;
  for (auto& [agent, tickets] : by_agent) {
    std::sort(tickets.begin(), tickets.end(),
              [](const Candidate* a, const Candidate* b) { return a->ticket_id < b->ticket_id; });
    AgentCoverage cov{.agent_id = agent,
                      .agent_name = tickets.front()->agent_name,
                      .tickets = std::ssize(tickets),
                      .planned = Planned(plan, std::ssize(tickets))};
    std::vector<const Candidate*> must;
    std::map<std::string, std::vector<const Candidate*>> strata;  // the rest, by stratum key
    for (const Candidate* c : tickets) {
      if (earlier.contains(c->ticket_id)) {
        ++cov.earlier;
      } else if ((plan.complaints && c->complaint) || (plan.breaches && c->breached)) {
        must.push_back(c);
      } else {
        strata[StratumOf(*c, plan)].push_back(c);
      }
    }
    std::vector<const Candidate*> picked = must;
    const std::int64_t need = cov.planned - cov.earlier - std::ssize(must);
    if (need > 0) {
      std::vector<std::int64_t> sizes;
      std::int64_t total = 0;
      for (const auto& [key, list] : strata) {
        sizes.push_back(std::ssize(list));
        total += std::ssize(list);
      }
      const auto shares = sampling::Allocate(sizes, std::min(need, total), false);
      std::size_t k = 0;
      for (auto& [key, list] : strata) {
        const auto take = static_cast<std::size_t>(shares[k++]);
        sampling::PartialShuffle(list, take, rng);
        picked.insert(picked.end(), list.begin(), list.begin() + static_cast<std::ptrdiff_t>(take));
      }
    }
    std::sort(picked.begin(), picked.end(),
              [](const Candidate* a, const Candidate* b) { return a->ticket_id < b->ticket_id; });
    for (const Candidate* c : picked) out.tickets.push_back(*c);
    cov.drawn = std::ssize(picked);
    if (cov.earlier + cov.drawn < cov.planned) cov.shortfall = std::string(kTooFewTickets);
    out.coverage.push_back(std::move(cov));
  }
  return out;
}

std::vector<std::optional<Id>> RoundRobin(const std::vector<Candidate>& tickets, const std::vector<Id>& inspectors,
                                          std::size_t start) {
  std::vector<std::optional<Id>> out;
  std::size_t next = start;
  for (const auto& t : tickets) {
    std::optional<Id> chosen;
    for (std::size_t k = 0; k < inspectors.size() && !chosen; ++k) {
      const std::size_t i = (next + k) % inspectors.size();
      if (inspectors[i] != t.agent_id) {
        chosen = inspectors[i];
        next = i + 1;
      }
    }
    out.push_back(chosen);
  }
  return out;
}

}  // namespace sqm::inspection
