// SLA policies and timers.
//
// A Policy says which tickets it governs (match criteria) and how many business minutes each kind
// of timer allows, counted on which business calendar. rules.h picks the most specific matching
// policy for a ticket and runs its timers.
//
// A Timer measures one obligation on one ticket: the first response, the resolution, the callback
// (回访), or one hand-over (per transfer, the receiving team's pick-up). Its facts are the start,
// the pauses (waiting for the customer) and the stop; everything else — due time, warning time,
// state, overrun — is derived from those facts by rules.h and cached on the record so storage can
// query it ("open timers due before X"). The derived fields describe the timer as of its last
// change; rules.h's Evaluate gives the state at any other instant.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"

namespace sqm::sla {

enum class TimerKind { kFirstResponse, kResolution, kCallback, kHandover };
inline constexpr std::array<TimerKind, 4> kTimerKinds = {TimerKind::kFirstResponse, TimerKind::kResolution,
                                                         TimerKind::kCallback, TimerKind::kHandover};
// "first_response", "resolution", "callback", "handover".
const char* TimerKindName(TimerKind kind);
std::optional<TimerKind> ParseTimerKind(std::string_view name);

enum class Priority { kP1 = 1, kP2, kP3, kP4 };  // P1 is the most urgent
const char* PriorityName(Priority p);            // "P1" ... "P4"
std::optional<Priority> ParsePriority(std::string_view name);

inline constexpr std::int64_t kMaxTargetMinutes = 5'256'000;  // ten years of minutes
inline constexpr double kDefaultWarningFraction = 0.75;

// The allowance for one timer kind.
struct Target {
  TimerKind kind = TimerKind::kResolution;
  std::int64_t business_minutes = 0;  // 1..kMaxTargetMinutes
  std::string calendar_code;          // a calendar::Calendar code, e.g. "cn-mainland", "24x7"
  bool operator==(const Target&) const = default;
};

// Each criterion is optional; an unset criterion matches every ticket.
struct MatchCriteria {
  std::optional<std::string> ticket_type;  // "incident", "request", "consultation", "complaint", ...
  std::optional<Priority> priority;
  std::optional<std::string> channel;        // "phone", "email", "chat", "portal", ...
  std::optional<std::int64_t> category_id;   // this category or any category below it
  std::optional<std::string> customer_tier;  // "vip", "gold", ...
  bool operator==(const MatchCriteria&) const = default;
};

struct Policy {
  std::int64_t id = 0;
  std::int32_t version = 1;  // a policy edit makes a new version; running timers keep theirs
  std::string name;
  MatchCriteria match;
  std::vector<Target> targets;                        // at most one per kind
  double warning_fraction = kDefaultWarningFraction;  // warn when this share of the target is used
  std::optional<std::int64_t> breach_assignee_id;     // a breach reassigns the open ticket to this person
  bool active = true;

  // nullptr when the policy sets no target for `kind`.
  const Target* TargetFor(TimerKind kind) const;
  bool operator==(const Policy&) const = default;
};

// Field names in errors: name, version, warning_fraction, match.ticket_type, match.channel,
// match.customer_tier, match.category_id, targets, targets[1].kind, targets[1].business_minutes,
// targets[1].calendar_code. Calendar codes are not looked up here (the service knows them).
Status Validate(const Policy& policy);

// What is known about a ticket when its policy is chosen. Empty strings mean "not known".
struct TicketFacts {
  std::string ticket_type;
  std::optional<Priority> priority;
  std::string channel;
  std::vector<std::int64_t> category_path;  // root first, the ticket's own category last
  std::string customer_tier;
};

// ---- timers -----------------------------------------------------------------------------------

enum class TimerState {
  kRunning,   // counting, not past due
  kPaused,    // clock stopped (waiting for the customer), not past due
  kMet,       // stopped at or before the due time
  kBreached,  // past due: stopped after it, or still open after it
};
const char* TimerStateName(TimerState s);  // "running", "paused", "met", "breached"

// A ticket's SLA state at an instant, from its timers, the most serious first: breached when any
// timer is breached, warning when a running timer is past its warning time, paused when an open
// timer is paused, ok otherwise. repo.h writes the same definition in SQL.
enum class SlaState { kOk, kWarning, kBreached, kPaused };
const char* SlaStateName(SlaState s);  // "ok", "warning", "breached", "paused"
std::optional<SlaState> ParseSlaState(std::string_view name);

// Clock stopped over [from, to); `to` is empty while the pause lasts.
struct Pause {
  TimeMs from = 0;
  std::optional<TimeMs> to;
  bool operator==(const Pause&) const = default;
};

struct Timer {
  // Identity (set by storage; 0 until then).
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::int64_t transfer_id = 0;  // kHandover: the transfer measured; 0 otherwise

  // What is measured.
  TimerKind kind = TimerKind::kResolution;
  std::int64_t policy_id = 0;
  std::int32_t policy_version = 0;
  std::int64_t target_minutes = 0;
  std::string calendar_code;
  double warning_fraction = kDefaultWarningFraction;

  // Facts.
  TimeMs started_at = 0;
  std::vector<Pause> pauses;  // in time order; only the last may be open
  std::optional<TimeMs> stopped_at;
  std::optional<TimeMs> warning_fired_at;  // when the warning notification was handled
  std::optional<TimeMs> breach_fired_at;   // when the breach notification was handled

  // Derived as of the last change (see rules.h for the formulas).
  TimerState state = TimerState::kRunning;
  std::optional<TimeMs> due_at;          // empty while paused before the due time
  std::optional<TimeMs> warning_at;      // empty while paused before the warning time
  std::int64_t paused_business_ms = 0;   // business time inside the pauses that moved the due time
  std::int64_t overrun_business_ms = 0;  // kBreached: business time used beyond the target
  std::int64_t overrun_wall_ms = 0;      // kBreached: wall time past the due time

  bool operator==(const Timer&) const = default;
};

}  // namespace sqm::sla
