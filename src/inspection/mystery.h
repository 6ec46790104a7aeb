// Mystery shopping (神秘顾客), pure: a scenario is the shopper's script — a visit, a phone call or an
// online chat to each of its target departments within a window — with the scorecard the visits are
// scored on; a visit is a covert inspection of one target (the inspected party sees nothing before
// publication: rules.h Sees) carrying the shopper's report, the amount spent and its reimbursement.
// No SQL, no clock reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "inspection/model.h"
#include "org/model.h"

namespace sqm::inspection {

enum class Channel { kVisit, kCall, kChat };
std::string_view Name(Channel c);
std::optional<Channel> ParseChannel(std::string_view s);

// The reimbursement of a visit's spending: none until the shopper reports an amount, then pending
// until someone in the quality department approves or rejects it.
enum class Claim { kNone, kPending, kApproved, kRejected };
std::string_view Name(Claim c);
std::optional<Claim> ParseClaim(std::string_view s);

// The bounds of a scenario (docs/inspection.md "Mystery shopping").
inline constexpr std::size_t kMaxScenarioTargets = 50;
inline constexpr int kMaxVisitsPerTarget = 20;
inline constexpr std::size_t kMaxScriptChars = 8000;
inline constexpr int kMaxWindowDays = 366;
inline constexpr std::int64_t kMaxMoneyCents = 100'000'000;  // 1,000,000.00
inline constexpr int kMaxVisitMinutes = 24 * 60;
inline constexpr std::size_t kMaxShoppers = 100;

struct Scenario {
  Id id = 0;
  std::string title;
  Channel channel = Channel::kVisit;
  std::vector<Id> department_ids;  // the targets
  std::string script;              // what to do and say
  std::string observe;             // what to observe
  Id scorecard_id = 0;             // its newest version is pinned on each visit as it is made
  TimeMs window_from = 0;          // visits happen in [window_from, window_to]
  TimeMs window_to = 0;
  std::optional<int> hours_from;  // minutes after local midnight in the business zone: [from, to)
  std::optional<int> hours_to;
  int visits_per_target = 1;
  std::optional<std::int64_t> budget_cents;  // what one visit may spend
  bool active = true;
  Id created_by = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

// Every problem of the scenario's own fields at once, naming each (title, channel, department_ids,
// script, observe, window_to, hours_from, hours_to, visits_per_target, budget). The scorecard and
// the departments' existence and scope are the service's.
void CheckScenario(const Scenario& s, Problems& p);

// What the shopper reports of a visit or call.
struct VisitReport {
  std::optional<TimeMs> visited_at;
  std::optional<int> duration_min;
  std::string served_by;           // who served them, as they describe it
  std::optional<Id> served_by_id;  // or the staff member (then inspected: they see it once published)
  std::string dialled;             // a call: the number dialled
  std::optional<std::int64_t> spent_cents;
};

struct MysteryVisit {
  Id inspection_id = 0;
  Id scenario_id = 0;
  std::string scenario_title;
  Channel channel = Channel::kVisit;
  Id department_id = 0;  // the target
  std::string department_name;
  Id shopper_id = 0;
  std::string shopper_name;
  State state = State::kAssigned;  // the inspection's
  std::optional<double> percent;
  bool passed = false;
  VisitReport report;
  std::string served_by_name;  // of served_by_id
  Claim claim = Claim::kNone;
  std::string claim_reason;
  std::optional<Id> claim_decided_by;
  std::optional<TimeMs> claim_decided_at;
  int receipts = 0;
  TimeMs created_at = 0;
};

// Every problem of a report at once: visited_at inside the scenario's window (and its hours, in
// local time: `local_minute` is the minute of the day visited_at falls on in the business zone)
// and not after `now` (kClockSkewMs allowed); dialled only for a call, digits and + - ( ) space;
// spent within 0..kMaxMoneyCents. served_by_id is the service's.
void CheckReport(const Scenario& s, const VisitReport& r, std::optional<int> local_minute, TimeMs now, Problems& p);

// Whether the shopper may still change the report and the receipts: before publication and while the
// reimbursement is undecided; kConflict naming "state" or "claim".
Status MayReport(const MysteryVisit& v);

// A decision on the reimbursement: approved, or rejected (with a reason).
struct ClaimDecision {
  bool approve = false;
  std::string reason;
};
// Whether `who` may decide `v`'s reimbursement as `d`: never the shopper (kForbidden); an amount
// reported (kConflict "spent"), undecided (kConflict "claim"), with a receipt to approve (kConflict
// "receipts"); a reason to reject or to approve more than the budget (kInvalid "reason").
Status MayDecideClaim(const org::Principal& who, const MysteryVisit& v, const Scenario& s, const ClaimDecision& d);

// Coverage of a scenario: per target, the visits wanted, made and done (submitted or published).
struct TargetCoverage {
  Id department_id = 0;
  std::string department_name;
  int wanted = 0;
  int assigned = 0;
  int done = 0;
};
std::vector<TargetCoverage> Coverage(const Scenario& s, const std::vector<MysteryVisit>& visits,
                                     const std::map<Id, std::string>& department_names);

// The visits to make: per target, as many as are wanted beyond those made, each dealt to the next
// shopper (round robin over `shoppers`, in order) who may inspect it (`eligible(shopper, target)`);
// a target no shopper may inspect is skipped and reported in `uncovered`.
struct PlannedVisit {
  Id department_id = 0;
  Id shopper_id = 0;
};
struct VisitPlan {
  std::vector<PlannedVisit> visits;
  std::vector<Id> uncovered;
};
template <typename Eligible>
VisitPlan PlanVisits(const Scenario& s, const std::map<Id, int>& made, const std::vector<Id>& shoppers,
                     Eligible eligible) {
  VisitPlan plan;
  std::size_t next = 0;
  for (const Id target : s.department_ids) {
    const auto it = made.find(target);
    const int missing = s.visits_per_target - (it == made.end() ? 0 : it->second);
    for (int k = 0; k < missing; ++k) {
      std::optional<Id> chosen;
      for (std::size_t tried = 0; tried < shoppers.size() && !chosen; ++tried) {
        const Id candidate = shoppers[(next + tried) % shoppers.size()];
        if (eligible(candidate, target)) {
          chosen = candidate;
          next = (next + tried + 1) % shoppers.size();
        }
      }
      if (!chosen) {
        plan.uncovered.push_back(target);
        break;
      }
      plan.visits.push_back({target, *chosen});
    }
  }
  return plan;
}

// Totals of a scenario's reimbursements, in cents: what was claimed (every reported amount) and
// what is pending, approved and rejected.
struct ClaimTotals {
  int visits = 0;  // with an amount
  std::int64_t claimed = 0, pending = 0, approved = 0, rejected = 0;
};
ClaimTotals Totals(const std::vector<MysteryVisit>& visits);

// "09:30" -> 570; nullopt for anything but HH:MM in 00:00..24:00.
std::optional<int> ParseHourMinute(std::string_view text);
std::string FormatHourMinute(int minutes);
// A money amount in the currency's unit (12.5) -> cents; nullopt beyond two decimals or out of
// 0..kMaxMoneyCents.
std::optional<std::int64_t> ToCents(double amount);

}  // namespace sqm::inspection
