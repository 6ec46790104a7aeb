// SLA service: the stored policies (versioned), the timers of every ticket (the breach ledger),
// and the monitor that fires warnings and breaches at the right instant from a deadline queue
// restored at start-up (never by scanning every ticket).
//
// Policies. Every edit inserts a new version (sla_policies: one row per id and version, `current`
// on the newest). New tickets get the current active versions; running timers keep the
// (policy_id, policy_version) they started with until someone calls Reapply.
//
// Timers. The desk calls the timer functions from inside its own write job (same transaction,
// same events), passing the job's time, then Reschedule() once its write has committed. Each
// timer change appends an `sla.timer_started|paused|resumed|stopped` event on the ticket (entity
// "ticket"), so the ticket's timeline shows every pause. Calendars come from the Registry as they
// are at the change: a calendar edit moves a running timer's due time at its next change.
// Within one write job the service remembers the current policies and the timers of the ticket it
// touched last (WriteTx::Memo) and keeps them in step with its own writes, so a job replaying many
// tickets step by step (an import) reads each once; no other request can change them meanwhile.
//
// Monitor. The deadline queue holds the next warning or breach instant of every open timer. One
// thread sleeps until the earliest (or until Reschedule moves it) and calls FireDue(): for each
// due entry one `db.Write("system", ...)` job re-reads the timer, checks it still fires (stale
// entries are only rescheduled), MarkFired, saves it, appends `sla.warning` / `sla.breached`
// (entity "ticket") and calls the FiringHandler the desk installed (notify, escalate) — all in
// one transaction, so a failing handler rolls the firing back and it is retried later. When the
// breach instant has also passed by the time a warning is handled (the server was down), the
// warning is recorded as fired without a notification and only the breach is announced.
// Each firing happens once: it is recorded on the timer in the same transaction as its event.
//
// Lifetime: construct after the Database and the Registry; migrate and Registry::Load() before
// the first call; Start() once the FiringHandler's owner (the desk) exists and the server is
// about to serve; Stop() (or destroy) before the Database closes.
//
// Threading: thread-safe. Start() runs one monitor thread; tests call Restore() and FireDue()
// with a ManualClock instead. The clock is the only source of "now" outside write jobs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "calendar/registry.h"
#include "sla/deadline_queue.h"
#include "sla/model.h"
#include "sla/rules.h"
#include "storage/database.h"

namespace sqm::sla {

// Runs inside the firing's write job; an error rolls the firing back (it is retried later).
using FiringHandler = std::function<Status(storage::WriteTx&, const Timer&, FiringKind)>;

// The category path of a category id, root first (the desk's categories). Used by Explain for
// facts that name only a category id.
using CategoryPathFn = std::function<std::vector<std::int64_t>(storage::Connection&, std::int64_t)>;

// Whether a staff id names an active staff member (the organisation's; a policy's
// breach_assignee_id must). Without one installed, no policy may name a breach assignee.
using ActiveStaffFn = std::function<bool(storage::Connection&, std::int64_t staff_id)>;

struct ServiceOptions {
  TimeMs retry_delay = 60'000;  // a firing whose job failed is tried again this much later
  TimeMs max_sleep = 60'000;    // the monitor looks at the clock at least this often
};

struct AppliedPolicy {
  std::int64_t policy_id = 0;
  std::int32_t policy_version = 0;
  std::string summary;                      // PolicyMatch::summary
  std::vector<CandidateReport> candidates;  // why
};

// Which policy a ticket would get, and why (an owning copy of rules.h's PolicyMatch).
struct Explanation {
  std::optional<Policy> policy;  // the applied one; empty when none matches
  std::string summary;
  std::vector<CandidateReport> candidates;
};

class Service {
 public:
  // All three outlive the service. REQUIRES: `calendars` is Load()ed before any other call.
  Service(storage::Database& db, calendar::Registry& calendars, const Clock& clock, ServiceOptions options = {});
  ~Service();  // Stop()
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Installs the handler, restores the deadline queue from the open timers and starts the
  // monitor thread. A second call only replaces the handler.
  void Start(FiringHandler on_firing);
  // Stops and joins the monitor thread (finishing a firing in progress). Idempotent.
  void Stop();
  // Refills the deadline queue from every open timer (stopped_at IS NULL). Start() does this.
  void Restore();
  // Fires everything due at clock.Now(); returns how many warnings and breaches were announced.
  // (The monitor thread calls this; tests call it after moving a ManualClock.)
  int FireDue();
  void SetFiringHandler(FiringHandler on_firing);
  void SetCategoryPaths(CategoryPathFn category_paths);
  void SetActiveStaff(ActiveStaffFn active_staff);
  // Timers in the deadline queue (for /metrics and tests).
  std::size_t QueueSize() const;

  // ---- policies ----
  // The current version of every policy (active ones only unless asked), by id.
  Result<std::vector<Policy>> ListPolicies(bool include_inactive);
  // The current version, or the given one. kNotFound when either does not exist.
  Result<Policy> GetPolicy(std::int64_t id, std::optional<std::int32_t> version = std::nullopt);
  // Assigns the id and version 1. kInvalid with sla::Validate's field names, and
  // "targets[1].calendar_code" for a calendar the registry does not know.
  Result<Policy> CreatePolicy(const std::string& actor, Policy policy);
  // A new version (the current one + 1); running timers keep the version they started with.
  // `base_version`, when given, must be the current version (else kConflict on "version": someone
  // else saved a newer version meanwhile).
  Result<Policy> UpdatePolicy(const std::string& actor, std::int64_t id, Policy policy,
                              std::optional<std::int32_t> base_version = std::nullopt);
  // Which current policy (inactive ones included in the report) a ticket with these facts would
  // get, and why. `category_id`, when given and facts.category_path is empty, is turned into its
  // path with the CategoryPathFn (or taken as a root category when none is installed).
  Result<Explanation> Explain(TicketFacts facts, std::optional<std::int64_t> category_id = std::nullopt);

  // ---- inside a desk write job ----
  // Every `at` is the job's time (tx.now()). An `at` before a timer's last change (a clock step
  // back) is taken as that change's instant, so a ticket action never fails on it.

  // Chooses among the current active policies and starts the first-response and resolution
  // timers. nullopt when no policy applies (the ticket then has no timers).
  Result<std::optional<AppliedPolicy>> StartTicket(storage::WriteTx& tx, std::int64_t ticket_id,
                                                   const TicketFacts& facts, TimeMs at);
  // Starts one more timer of `kind` under the given policy version (callback after resolution, a
  // hand-over per transfer, a new resolution round on reopen). No-op when that version sets no
  // target for `kind`. kNotFound when the policy version does not exist.
  Status StartTimer(storage::WriteTx& tx, std::int64_t ticket_id, TimerKind kind, std::int64_t policy_id,
                    std::int32_t policy_version, TimeMs at, std::int64_t transfer_id = 0);
  // Pauses every running open timer / resumes every paused one; no-op when there is none.
  Status PauseAll(storage::WriteTx& tx, std::int64_t ticket_id, TimeMs at);
  Status ResumeAll(storage::WriteTx& tx, std::int64_t ticket_id, TimeMs at);
  // Stops the open timer(s) of `kind`; no-op when there is none.
  Status StopKind(storage::WriteTx& tx, std::int64_t ticket_id, TimerKind kind, TimeMs at);
  // Stops every open timer (cancel, merge).
  Status StopAll(storage::WriteTx& tx, std::int64_t ticket_id, TimeMs at);
  // Re-matches the ticket with the current active policies and moves its open timers to the
  // chosen version's targets, keeping their start and pauses (an `sla.reapplied` event lists
  // what changed). A timer whose kind the new policy does not target keeps its old target.
  // Returns the policy now governing the ticket (store it on the ticket for later StartTimer
  // calls); nullopt when none matches, in which case nothing changes.
  Result<std::optional<AppliedPolicy>> Reapply(storage::WriteTx& tx, std::int64_t ticket_id, const TicketFacts& facts,
                                               TimeMs at);

  // The ticket's timers, oldest first.
  std::vector<Timer> TimersOf(storage::Connection& db, std::int64_t ticket_id);
  // The same inside a write job (remembered for the rest of the job).
  std::vector<Timer> TimersOf(storage::WriteTx& tx, std::int64_t ticket_id);
  // The timer at `at` (state, remaining business time), using its calendar as it is now. Falls
  // back to the stored derived fields when the calendar is not loaded.
  TimerStatus StatusAt(const Timer& timer, TimeMs at);

  // ---- after the desk write committed ----
  // Re-reads the ticket's timers and moves their deadline-queue entries (waking the monitor).
  void Reschedule(std::int64_t ticket_id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sqm::sla
