// Sampling plans (抽检计划), pure: which resolved tickets of a cycle are inspected. Per agent a
// quota (a percentage of their tickets in the cycle, or a fixed number), complaints and SLA breaches
// always taken when the plan says so, the rest drawn stratified by channel and/or ticket type
// (proportional shares, base/sampling.h's Allocate without raising small strata) by a partial
// Fisher-Yates shuffle driven by SplitMix64(seed). The same candidates, plan and seed always give
// the same tickets; a ticket sampled by an earlier run of the cycle is never drawn again and counts
// toward its agent's quota. No SQL, no clock reads.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "inspection/model.h"

namespace sqm::inspection {

enum class Cycle { kWeek, kMonth };
enum class Quota { kPercent, kPerAgent };

std::string_view Name(Cycle c);
std::string_view Name(Quota q);
std::optional<Cycle> ParseCycle(std::string_view s);
std::optional<Quota> ParseQuota(std::string_view s);

// A plan's upper bounds: a fixed number per agent, inspectors named, departments in scope.
inline constexpr int kMaxPerAgent = 200;
inline constexpr std::size_t kMaxPlanInspectors = 50;
inline constexpr std::size_t kMaxPlanDepartments = 100;

struct SamplingPlan {
  Id id = 0;
  std::string name;
  Cycle cycle = Cycle::kMonth;
  std::vector<Id> department_ids;  // the scope: tickets resolved in these departments' subtrees
  Quota quota = Quota::kPerAgent;
  int amount = 1;  // percent (1..100) of an agent's tickets, or tickets per agent (1..kMaxPerAgent)
  bool by_channel = true;
  bool by_type = true;
  bool complaints = false;  // always take an agent's complaints
  bool breaches = false;    // always take an agent's tickets with a breached SLA timer
  Id scorecard_id = 0;
  std::vector<Id> inspector_ids;  // assigned round robin; no one inspects their own ticket
  bool active = true;
  Id created_by = 0;
  TimeMs created_at = 0;
};

// A ticket a plan may sample: resolved in the cycle, in scope, with the agent it is charged to.
struct Candidate {
  Id ticket_id = 0;
  std::string ticket_number;
  Id agent_id = 0;
  std::string agent_name;
  std::string channel;
  std::string type;
  bool complaint = false;
  bool breached = false;
};

// Why an agent has fewer reviews than planned.
inline constexpr std::string_view kTooFewTickets = "too_few_tickets";

struct AgentCoverage {
  Id agent_id = 0;
  std::string agent_name;
  std::int64_t tickets = 0;  // resolved in the cycle, in scope
  std::int64_t planned = 0;  // the quota
  std::int64_t earlier = 0;  // sampled by earlier runs of the cycle
  std::int64_t drawn = 0;    // by this run
  std::string shortfall;     // "" or kTooFewTickets
};

struct Sample {
  std::vector<Candidate> tickets;       // by agent id, then ticket id
  std::vector<AgentCoverage> coverage;  // by agent id
};

// A ticket a run sampled, and the inspection it made (none on a dry run).
struct SampledTicket {
  Candidate ticket;
  std::optional<Id> inspector_id;
  std::optional<Id> inspection_id;
};

// One draw of a plan for a cycle [cycle_start, cycle_end), with the seed that reproduces it.
struct SamplingRun {
  Id id = 0;  // 0 on a dry run (nothing stored)
  Id plan_id = 0;
  TimeMs cycle_start = 0;
  TimeMs cycle_end = 0;
  std::uint64_t seed = 0;
  std::int64_t candidates = 0;  // tickets of the cycle in scope
  std::int64_t drawn = 0;
  std::vector<AgentCoverage> coverage;
  std::vector<SampledTicket> tickets;  // filled when the run is made or read alone
  Id created_by = 0;
  TimeMs created_at = 0;
};

// Every problem of a plan's own fields at once (name, cycle, amount, department_ids, inspector_ids).
void CheckPlan(const SamplingPlan& plan, Problems& p);

// An agent's quota for `tickets` resolved in the cycle: ceil(amount % of them), or `amount`.
std::int64_t Planned(const SamplingPlan& plan, std::int64_t tickets);

// The stratum of a candidate under the plan: "channel|type", a part left empty when not stratified.
std::string StratumOf(const Candidate& c, const SamplingPlan& plan);

// The draw: `candidates` are every ticket of the cycle in scope (in any order), `earlier` those
// already sampled in the cycle. Per agent (by id): the quota less what is already sampled; the
// complaints and breaches the plan asks for, all of them; the rest allocated over the strata in
// proportion to their sizes and drawn from each.
Sample DrawSample(const std::vector<Candidate>& candidates, const std::set<Id>& earlier, const SamplingPlan& plan,
                  std::uint64_t seed);

// The inspector of each sampled ticket, round robin over `inspectors` from `start`, skipping the
// ticket's own agent; nullopt when every inspector is that agent.
std::vector<std::optional<Id>> RoundRobin(const std::vector<Candidate>& tickets, const std::vector<Id>& inspectors,
                                          std::size_t start = 0);

}  // namespace sqm::inspection
