#include "feedback/sampling.h"

#include <algorithm>
#include <map>

#include "base/stats.h"
#include "feedback/rules.h"

namespace sqm::feedback {

const char* Name(StratifyBy by) {
  switch (by) {
    case StratifyBy::kNone: return "none";
    case StratifyBy::kDepartment: return "department";
    case StratifyBy::kTier: return "tier";
  }
  return "none";
}

std::optional<StratifyBy> ParseStratifyBy(std::string_view name) {
  for (auto by : {StratifyBy::kNone, StratifyBy::kDepartment, StratifyBy::kTier}) {
    if (name == Name(by)) return by;
  }
  return std::nullopt;
}

std::string StratumKey(const Member& m, StratifyBy by) {
  switch (by) {
    case StratifyBy::kNone: return "";
    case StratifyBy::kDepartment: return m.department_id ? std::to_string(*m.department_id) : "";
    case StratifyBy::kTier: return m.tier;
  }
  return "";
}

std::string StratumLabel(const Member& m, StratifyBy by) {
  switch (by) {
    case StratifyBy::kNone: return "";
    case StratifyBy::kDepartment: return m.department_name;
    case StratifyBy::kTier: return m.tier;
  }
  return "";
}

Result<SamplingPlan> PlanSample(const std::vector<Member>& population, StratifyBy by, const SamplingQuestion& q) {
  if (population.empty()) {
    return Error::Invalid("population", Msg("survey.empty_population", "no customer has a ticket that fits"));
  }
  SamplingPlan plan;
  plan.by = by;
  plan.population = static_cast<std::int64_t>(population.size());
  SQM_ASSIGN(
      const std::int64_t n,
      stats::SampleSize(
          {.margin = q.margin, .confidence = q.confidence, .population = plan.population, .proportion = q.proportion}));
  plan.sample_size = std::min(n, plan.population);
  std::map<std::string, Stratum> strata;
  for (const auto& m : population) {
    auto& s = strata[StratumKey(m, by)];
    if (s.population == 0) {
      s.key = StratumKey(m, by);
      s.label = StratumLabel(m, by);
    }
    ++s.population;
  }
  std::vector<std::int64_t> sizes;
  for (auto& [key, s] : strata) {
    sizes.push_back(s.population);
    plan.strata.push_back(std::move(s));
  }
  const auto allocation = Allocate(sizes, plan.sample_size);
  std::int64_t drawn = 0;
  for (std::size_t i = 0; i < plan.strata.size(); ++i) {
    plan.strata[i].sample = allocation[i];
    drawn += allocation[i];
  }
  if (drawn > kMaxCampaignSample) {
    return Error::Invalid(
        "population", Msg("survey.sample_too_large", "the sample of {n} is larger than the {max} a campaign may send",
                          {{"n", std::to_string(drawn)}, {"max", std::to_string(kMaxCampaignSample)}}));
  }
  return plan;
}

std::vector<Member> Draw(const std::vector<Member>& population, const SamplingPlan& plan, std::uint64_t seed) {
  const StratifyBy by = plan.by;
  SplitMix64 rng(seed);
  std::vector<Member> out;
  for (const auto& s : plan.strata) {
    std::vector<const Member*> members;
    for (const auto& m : population) {
      if (StratumKey(m, by) == s.key) members.push_back(&m);
    }
    std::sort(members.begin(), members.end(),
              [](const Member* a, const Member* b) { return a->customer_id < b->customer_id; });
    const auto take = static_cast<std::size_t>(std::min<std::int64_t>(s.sample, std::ssize(members)));
    PartialShuffle(members, take, rng);
    for (std::size_t i = 0; i < take; ++i) out.push_back(*members[i]);
  }
  std::sort(out.begin(), out.end(), [](const Member& a, const Member& b) { return a.customer_id < b.customer_id; });
  return out;
}

CampaignProgress ProgressOf(const Campaign& c, const std::vector<StratumCount>& counts) {
  CampaignProgress out{.campaign = c, .total = {.key = "*", .population = c.population}};
  const auto add = [](StratumProgress& p, const StratumCount& n) {
    p.invited += n.invited;
    p.sent += n.sent;
    p.answered += n.answered;
    p.expired += n.expired;
  };
  for (const auto& s : c.strata) {
    StratumProgress p{.key = s.key, .label = s.label, .population = s.population};
    for (const auto& n : counts) {
      if (n.stratum == s.key) add(p, n);
    }
    p.response_rate = MakeRate(p.answered, p.invited);
    out.strata.push_back(std::move(p));
  }
  for (const auto& n : counts) add(out.total, n);
  out.total.response_rate = MakeRate(out.total.answered, out.total.invited);
  return out;
}

}  // namespace sqm::feedback
