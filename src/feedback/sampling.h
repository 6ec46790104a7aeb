// The sampling of a survey campaign, pure: the strata of a population, the proportional allocation
// of a sample to them (largest-remainder rounding, at least one from every non-empty stratum) and
// the draw itself, reproducible from a recorded seed (SplitMix64 and a partial Fisher-Yates shuffle
// of base/sampling.h, so the same population and seed pick the same customers on every platform).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/sampling.h"
#include "feedback/model.h"

namespace sqm::feedback {

// A campaign's sample may be no larger than this (invitations made in one write).
inline constexpr std::int64_t kMaxCampaignSample = 20'000;
// The generator, the allocation and the shuffle are base/sampling.h's (shared with inspection's
// sampling plans).
using sampling::Allocate;
using sampling::kMaxSeed;
using sampling::PartialShuffle;
using sampling::SplitMix64;

// "none", "department", "tier".
const char* Name(StratifyBy by);
std::optional<StratifyBy> ParseStratifyBy(std::string_view name);

// The campaign's plan: its population in strata (in key order; with StratifyBy::kNone one stratum,
// key ""), the sample size the calculator gives for it (stats::SampleSize with the population's
// size as N; all of it when that is larger), and each stratum's share. Errors name the calculator's
// field ("margin", "confidence", "proportion") or "population" (nobody is in it; or a sample above
// kMaxCampaignSample).
struct SamplingPlan {
  StratifyBy by = StratifyBy::kNone;
  std::int64_t population = 0;
  std::int64_t sample_size = 0;  // the calculator's n (before strata were raised to one)
  std::vector<Stratum> strata;
};
Result<SamplingPlan> PlanSample(const std::vector<Member>& population, StratifyBy by, const SamplingQuestion& q);

// The members drawn: in every stratum, `sample` of its members (ordered by customer id) by a
// partial Fisher-Yates shuffle driven by SplitMix64(seed), strata in the plan's order; the result
// ordered by customer id. The same population, plan and seed always give the same members.
std::vector<Member> Draw(const std::vector<Member>& population, const SamplingPlan& plan, std::uint64_t seed);

// A campaign's progress from its invitations counted per stratum: every planned stratum (in the
// plan's order, with its label and population) and the total, each with its response rate
// answered / invited and the 95 % Wilson interval (feedback::MakeRate).
CampaignProgress ProgressOf(const Campaign& c, const std::vector<StratumCount>& counts);

// The stratum key and label of a member.
std::string StratumKey(const Member& m, StratifyBy by);
std::string StratumLabel(const Member& m, StratifyBy by);

}  // namespace sqm::feedback
