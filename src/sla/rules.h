// SLA rules: choosing a ticket's policy, and running its timers. Pure functions: no clock reads
// (every instant is an argument), no storage, no I/O.
//
// ---- Policy matching ----
// A policy matches a ticket when every criterion it sets matches (an unset criterion matches
// anything; a set criterion never matches a ticket that lacks the fact). A category criterion
// matches the ticket's category or any ancestor of it, i.e. any id on the ticket's category path.
// Among active matching policies the most specific wins:
//   1. more criteria set;
//   2. then a deeper matched category (its 1-based position on the ticket's category path; none = 0);
//   3. then customer tier set, 4. ticket type set, 5. priority set, 6. channel set;
//   7. then the lower policy id.
// The answer carries a report on every candidate so the UI can say why.
//
// ---- Timers ----
// Notation: target = target_minutes in ms; cal = the timer's business calendar; B(a, b) = business
// ms in [a, b); Add(t, n) = the earliest instant at which n business ms have passed since t.
//
//   elapsed(at) = B(start, end) - Σ B(pause.from, min(pause.to, end))    end = min(at, stopped_at)
//   due         = when elapsed first reaches target:
//                   d0 = Add(start, target);  for pauses p_1, p_2, ... in order:
//                     if p_k.from >= d_{k-1}: stop — the target was reached before this pause;
//                     if p_k is still open: due is unknown until it ends;
//                     else d_k = Add(start, target + Σ_{j<=k} B(p_j.from, p_j.to)).
//                 So paused business time is really deducted (a pause on a closed day deducts
//                 nothing; a pause in business hours moves the due time by exactly its business
//                 length), and a pause that starts at or after the due time does not undo a breach.
//   warning_at  = the same with floor(target * warning_fraction) instead of target.
//   state       = met if stopped_at <= due; breached if stopped_at > due, or not stopped and at > due;
//                 otherwise paused or running. Met exactly at the due instant; breached from due+1 ms.
//   overrun     = when breached: business = max(0, elapsed - target) (pauses excluded),
//                 wall = min(at, stopped_at) - due.
// Stopping while paused closes the pause at the stop instant first.
//
// The transition functions take a timer by value and return the changed copy (or an error for an
// impossible transition), with the derived fields of model.h's Timer recomputed.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/rules.h"
#include "sla/model.h"

namespace sqm::sla {

// ---- policy matching ----

// In tie-break order.
enum class Criterion { kCategory, kCustomerTier, kTicketType, kPriority, kChannel };
const char* CriterionName(Criterion c);  // "category", "customer_tier", "ticket_type", "priority", "channel"

struct CriterionCheck {
  Criterion criterion = Criterion::kTicketType;
  std::string wanted;  // the policy's value ("P1", "incident", "12" for a category id)
  std::string actual;  // the ticket's value (empty when unknown; the category path as "1/5/12")
  bool matched = false;
};

enum class Verdict {
  kApplied,       // this policy governs the ticket
  kInactive,      // switched off
  kNotMatching,   // some criterion did not match
  kLessSpecific,  // matched, but fewer criteria than the applied policy
  kLostTieBreak,  // matched with as many criteria, lost on the tie-break order
};
const char* VerdictName(Verdict v);  // "applied", "inactive", "not_matching", "less_specific", "lost_tie_break"

struct CandidateReport {
  std::int64_t policy_id = 0;
  std::int32_t policy_version = 0;
  std::string policy_name;
  Verdict verdict = Verdict::kNotMatching;
  int specificity = 0;                  // criteria set
  int category_depth = 0;               // see "Policy matching"; 0 when no category criterion matched
  std::vector<CriterionCheck> checks;   // one per criterion the policy sets, in tie-break order
  std::optional<Criterion> decided_by;  // kLostTieBreak: the deciding criterion; empty = lower id won
  std::string reason;                   // one English sentence
};

struct PolicyMatch {
  const Policy* policy = nullptr;  // points into the caller's list; nullptr when nothing applies
  // The applied policy first, then the other matching ones best first, then non-matching, then
  // inactive ones (each group by id).
  std::vector<CandidateReport> candidates;
  std::string summary;  // e.g. `policy #3 "P1 incidents" v2 applied because ticket_type=incident, ...`
};

// REQUIRES: at most one version per policy id in `policies`.
PolicyMatch MatchPolicy(std::span<const Policy> policies, const TicketFacts& ticket);

// ---- timers ----

// What a new timer measures; SpecFor reads it off a policy.
struct TimerSpec {
  TimerKind kind = TimerKind::kResolution;
  std::int64_t policy_id = 0;
  std::int32_t policy_version = 0;
  std::int64_t target_minutes = 0;
  std::string calendar_code;
  double warning_fraction = kDefaultWarningFraction;
};

// nullopt when the policy sets no target for `kind`.
std::optional<TimerSpec> SpecFor(const Policy& policy, TimerKind kind);

// Every function taking `cal` REQUIRES cal.code() == the timer's calendar_code; the transitions
// check it and fail with kInvalid on field "calendar_code".
//
// Transition errors: kConflict for a transition the state does not allow (pause a paused or
// stopped timer, resume a running one, stop a stopped one); kInvalid on field "at" for an instant
// before the timer's last start/pause/resume.
Result<Timer> StartTimer(const TimerSpec& spec, TimeMs at, const calendar::BusinessTime& cal);
Result<Timer> PauseTimer(Timer timer, TimeMs at, const calendar::BusinessTime& cal);
Result<Timer> ResumeTimer(Timer timer, TimeMs at, const calendar::BusinessTime& cal);
Result<Timer> StopTimer(Timer timer, TimeMs at, const calendar::BusinessTime& cal);

enum class FiringKind { kWarning, kBreach };
const char* FiringKindName(FiringKind k);  // "warning", "breach"

// Records that a notification was handled, so NextFiring moves on. Idempotent (keeps the first).
Result<Timer> MarkFired(Timer timer, FiringKind kind, TimeMs at, const calendar::BusinessTime& cal);

// The timer at instant `at`, which may be before its last change (facts after `at` are ignored).
struct TimerStatus {
  TimerState state = TimerState::kRunning;
  std::optional<TimeMs> due_at;      // empty while paused before the due time
  std::optional<TimeMs> warning_at;  // empty while paused before the warning time
  bool warning_reached = false;      // warning_at <= at (or stopped after it)
  std::int64_t elapsed_business_ms = 0;
  std::int64_t remaining_business_ms = 0;  // target - elapsed; negative once overrun
  std::int64_t paused_business_ms = 0;     // business time in the pauses that moved the due time
  std::int64_t overrun_business_ms = 0;    // kBreached only
  std::int64_t overrun_wall_ms = 0;        // kBreached only
};
TimerStatus Evaluate(const Timer& timer, TimeMs at, const calendar::BusinessTime& cal);

bool IsPaused(const Timer& timer);  // the last pause has no end
// The instant of the timer's last start, pause or resume (the transitions refuse instants before it).
TimeMs LastChange(const Timer& timer);
// The derived fields (state, due_at, warning_at, paused and overrun time) recomputed from the facts
// as of `at`, or the last fact if later, on `cal`: what every transition does, and what the service
// does when the calendar or the target changed. REQUIRES: cal.code() == the timer's calendar_code.
Timer Derive(Timer timer, TimeMs at, const calendar::BusinessTime& cal);

// Target minus elapsed business time at `at`; negative once overrun. Frozen while paused.
std::int64_t RemainingBusinessMs(const Timer& timer, TimeMs at, const calendar::BusinessTime& cal);

// The next notification a deadline queue should hold for this timer: the warning at warning_at
// unless already fired, else the breach at due_at + 1 ms (the first breached instant) unless
// already fired. nullopt when stopped, when both have fired, or while paused before the instant
// in question (due unknown). Reads the derived fields, so it needs no calendar.
struct Firing {
  TimeMs at = 0;
  FiringKind kind = FiringKind::kWarning;
  bool operator==(const Firing&) const = default;
};
std::optional<Firing> NextFiring(const Timer& timer);

}  // namespace sqm::sla
