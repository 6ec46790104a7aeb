#include "sla/service.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "sla/json.h"
#include "sla/repo.h"

namespace sqm::sla {

namespace bj = boost::json;
using calendar::BusinessTime;
using storage::Connection;
using storage::WriteTx;

namespace {

constexpr const char* kTicket = "ticket";
constexpr const char* kPolicyEntity = "sla_policy";

bj::value TimeOrNull(const std::optional<TimeMs>& t) {
  return t ? bj::value(FormatIsoUtc(*t)) : bj::value(nullptr);
}

template <typename T>
bj::value OrNull(const std::optional<T>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

// What every timer event says about the timer after the change.
bj::object TimerData(const Timer& t) {
  bj::object o{{"timer_id", t.id},
               {"kind", TimerKindName(t.kind)},
               {"state", TimerStateName(t.state)},
               {"due_at", TimeOrNull(t.due_at)},
               {"warning_at", TimeOrNull(t.warning_at)}};
  if (t.transfer_id != 0) o["transfer_id"] = t.transfer_id;
  return o;
}

// What the service remembers during one write job (WriteTx::Memo): the current active policies,
// the policy versions it read, and every timer of the ticket it touched last. A job that replays
// thousands of tickets step by step (an import) then reads the policies once and each ticket's
// timers once instead of at every step. The service's policy and timer writes go through here,
// which keeps it in step with the job; nothing else writes those tables.
class JobMemo {
 public:
  static JobMemo& Of(WriteTx& tx) { return tx.Memo<JobMemo>(); }

  const std::vector<Policy>& ActivePolicies(Connection& db) {
    if (!active_) active_ = repo::CurrentPolicies(db, /*include_inactive=*/false);
    return *active_;
  }
  // nullptr when that version does not exist.
  const Policy* FindPolicy(Connection& db, std::int64_t id, std::int32_t version) {
    auto it = versions_.find({id, version});
    if (it == versions_.end()) {
      auto p = repo::FindPolicy(db, id, version);
      if (!p) return nullptr;
      it = versions_.emplace(std::pair(id, version), std::move(*p)).first;
    }
    return &it->second;
  }
  Status InsertPolicyVersion(Connection& db, const Policy& policy, TimeMs created_at, const std::string& created_by) {
    active_.reset();
    return repo::InsertPolicyVersion(db, policy, created_at, created_by);
  }

  // Oldest first.
  const std::vector<Timer>& TimersOf(Connection& db, std::int64_t ticket_id) {
    if (ticket_id != timers_ticket_) {
      timers_ = repo::TimersOf(db, ticket_id);
      timers_ticket_ = ticket_id;
    }
    return timers_;
  }
  std::vector<Timer> OpenTimersOf(Connection& db, std::int64_t ticket_id) {
    std::vector<Timer> open;
    for (const Timer& t : TimersOf(db, ticket_id)) {
      if (!t.stopped_at) open.push_back(t);
    }
    return open;
  }
  // Returns the new id.
  Result<std::int64_t> InsertTimer(Connection& db, Timer timer) {
    SQM_ASSIGN(timer.id, repo::InsertTimer(db, timer));
    if (timer.ticket_id == timers_ticket_) {
      auto later = std::upper_bound(timers_.begin(), timers_.end(), timer.id,
                                    [](std::int64_t id, const Timer& t) { return id < t.id; });
      timers_.insert(later, timer);
    }
    return timer.id;
  }
  Status UpdateTimer(Connection& db, const Timer& timer) {
    SQM_TRY(repo::UpdateTimer(db, timer));
    if (timer.ticket_id == timers_ticket_) {
      for (Timer& t : timers_) {
        if (t.id == timer.id) t = timer;
      }
    }
    return {};
  }

 private:
  std::optional<std::vector<Policy>> active_;
  std::map<std::pair<std::int64_t, std::int32_t>, Policy> versions_;
  std::optional<std::int64_t> timers_ticket_;
  std::vector<Timer> timers_;
};

bj::object TimerTargetJson(const Timer& t) {
  return {{"policy_id", t.policy_id},
          {"policy_version", t.policy_version},
          {"target_minutes", t.target_minutes},
          {"calendar_code", t.calendar_code},
          {"due_at", TimeOrNull(t.due_at)}};
}

}  // namespace

// ---- Impl -------------------------------------------------------------------------------------

struct Service::Impl {
  Impl(storage::Database& d, calendar::Registry& c, const Clock& k, ServiceOptions o)
      : db(d), calendars(c), clock(k), options(o) {}

  storage::Database& db;
  calendar::Registry& calendars;
  const Clock& clock;
  const ServiceOptions options;

  ActiveStaffFn ActiveStaff() const {
    std::lock_guard lock(mu);
    return active_staff;
  }

  // Guards queue, handler, category_paths, active_staff, stopping and monitor.
  mutable std::mutex mu;
  std::condition_variable cv;
  DeadlineQueue queue;
  FiringHandler handler;
  CategoryPathFn category_paths;
  ActiveStaffFn active_staff;
  bool stopping = false;
  std::thread monitor;

  // Held across a database read and the queue update made from it, so queue updates apply in
  // the order of the reads: the last one applied always saw the newest committed timer.
  std::mutex reschedule_mu;
  // One FireDue at a time (the monitor thread, or a test).
  std::mutex fire_mu;

  Result<std::shared_ptr<const BusinessTime>> CalendarOf(const std::string& code) {
    auto cal = calendars.Get(code);
    if (!cal) return Error::Conflict("business calendar '" + code + "' is not loaded", "calendar_code");
    return cal;
  }

  Status CheckCalendars(const Policy& p) {
    for (std::size_t i = 0; i < p.targets.size(); ++i) {
      if (!calendars.Get(p.targets[i].calendar_code)) {
        return Error::Invalid("targets[" + std::to_string(i) + "].calendar_code",
                              "no business calendar '" + p.targets[i].calendar_code + "'");
      }
    }
    return {};
  }

  Status StartOne(WriteTx& tx, std::int64_t ticket_id, const Policy& policy, TimerKind kind, TimeMs at,
                  std::int64_t transfer_id) {
    auto spec = SpecFor(policy, kind);
    if (!spec) return {};
    SQM_ASSIGN(auto cal, CalendarOf(spec->calendar_code));
    SQM_ASSIGN(Timer t, sla::StartTimer(*spec, at, *cal));
    t.ticket_id = ticket_id;
    t.transfer_id = transfer_id;
    SQM_ASSIGN(t.id, JobMemo::Of(tx).InsertTimer(tx.db(), t));
    bj::object data = TimerData(t);
    data["policy_id"] = t.policy_id;
    data["policy_version"] = t.policy_version;
    data["target_minutes"] = t.target_minutes;
    data["calendar_code"] = t.calendar_code;
    tx.Append(kTicket, std::to_string(ticket_id), "sla.timer_started", std::move(data));
    return {};
  }

  // Applies `transition` to the ticket's open timers that `wanted` picks, saving each and
  // appending `event`. A transition the timer's state does not allow is skipped.
  template <typename Pick, typename Transition>
  Status Apply(WriteTx& tx, std::int64_t ticket_id, TimeMs at, Pick wanted, Transition transition, const char* event) {
    for (const Timer& t : JobMemo::Of(tx).OpenTimersOf(tx.db(), ticket_id)) {
      if (!wanted(t)) continue;
      SQM_ASSIGN(auto cal, CalendarOf(t.calendar_code));
      auto changed = transition(t, std::max(at, LastChange(t)), *cal);
      if (!changed.ok()) {
        if (changed.error().code == ErrorCode::kConflict) continue;
        return changed.error();
      }
      SQM_TRY(JobMemo::Of(tx).UpdateTimer(tx.db(), *changed));
      bj::object data = TimerData(*changed);
      if (changed->stopped_at) {
        data["met"] = changed->state == TimerState::kMet;
        data["overrun_business_ms"] = changed->overrun_business_ms;
      } else {
        data["paused_business_ms"] = changed->paused_business_ms;
      }
      tx.Append(kTicket, std::to_string(ticket_id), event, std::move(data));
    }
    return {};
  }

  // One due entry, inside its own write job. Returns 1 when a warning or breach was announced.
  Result<int> FireOne(WriteTx& tx, std::int64_t timer_id, const FiringHandler& on_firing) {
    auto stored = repo::FindTimer(tx.db(), timer_id);
    if (!stored || stored->stopped_at) return 0;
    SQM_ASSIGN(auto cal, CalendarOf(stored->calendar_code));
    const TimeMs now = std::max(tx.now(), LastChange(*stored));
    Timer t = Derive(*stored, now, *cal);
    auto firing = NextFiring(t);
    if (!firing || firing->at > now) {
      // A stale entry. If the calendar changed under the timer, store the moved times so the
      // queue (rebuilt from the row) agrees.
      if (t.due_at != stored->due_at || t.warning_at != stored->warning_at) {
        SQM_TRY(JobMemo::Of(tx).UpdateTimer(tx.db(), t));
        tx.Append(kTicket, std::to_string(t.ticket_id), "sla.timer_recomputed", TimerData(t));
      }
      return 0;
    }
    bool warning_skipped = false;
    if (firing->kind == FiringKind::kWarning && t.due_at && *t.due_at + 1 <= now) {
      SQM_ASSIGN(t, MarkFired(std::move(t), FiringKind::kWarning, now, *cal));
      firing = Firing{*t.due_at + 1, FiringKind::kBreach};
      warning_skipped = true;
    }
    SQM_ASSIGN(t, MarkFired(std::move(t), firing->kind, now, *cal));
    SQM_TRY(JobMemo::Of(tx).UpdateTimer(tx.db(), t));
    bj::object data = TimerData(t);
    if (firing->kind == FiringKind::kBreach) {
      data["overrun_wall_ms"] = t.overrun_wall_ms;
      if (warning_skipped) data["warning_skipped"] = true;
    }
    tx.Append(kTicket, std::to_string(t.ticket_id),
              firing->kind == FiringKind::kWarning ? "sla.warning" : "sla.breached", std::move(data));
    if (on_firing) SQM_TRY(on_firing(tx, t, firing->kind));
    return 1;
  }

  void RescheduleTimer(std::int64_t timer_id) {
    std::lock_guard order(reschedule_mu);
    auto t = db.Read([&](Connection& c) { return repo::FindTimer(c, timer_id); });
    {
      std::lock_guard lock(mu);
      if (t) {
        queue.Reschedule(*t);
      } else {
        queue.Cancel(timer_id);
      }
    }
    cv.notify_all();
  }

  void Retry(const DeadlineQueue::Entry& e) {
    {
      std::lock_guard lock(mu);
      queue.Schedule(e.timer_id, Firing{clock.Now() + options.retry_delay, e.kind});
    }
    cv.notify_all();
  }

  int FireDue() {
    std::lock_guard one(fire_mu);
    int announced = 0;
    // Each round handles what is due now; a firing only moves a timer's next entry later, so a
    // few rounds settle everything (the bound only guards against a clock that misbehaves).
    for (int round = 0; round < 16; ++round) {
      std::vector<DeadlineQueue::Entry> due;
      FiringHandler on_firing;
      {
        std::lock_guard lock(mu);
        due = queue.PopDue(clock.Now());
        on_firing = handler;
      }
      if (due.empty()) break;
      for (const DeadlineQueue::Entry& e : due) {
        try {
          auto fired = db.Write("system", [&](WriteTx& tx) { return FireOne(tx, e.timer_id, on_firing); });
          if (!fired.ok()) {
            spdlog::warn("SLA {} of timer {} not handled, retrying in {} ms: {}", FiringKindName(e.kind), e.timer_id,
                         options.retry_delay, fired.error().message);
            Retry(e);
            continue;
          }
          announced += *fired;
          RescheduleTimer(e.timer_id);
        } catch (const std::exception& ex) {
          spdlog::error("SLA {} of timer {} failed, retrying in {} ms: {}", FiringKindName(e.kind), e.timer_id,
                        options.retry_delay, ex.what());
          Retry(e);
        }
      }
    }
    return announced;
  }

  void Loop() {
    std::unique_lock lock(mu);
    while (!stopping) {
      const TimeMs now = clock.Now();
      const auto next = queue.NextAt();
      if (next && *next <= now) {
        lock.unlock();
        bool failed = false;
        try {
          FireDue();
        } catch (const std::exception& e) {
          spdlog::error("SLA monitor: {}", e.what());
          failed = true;
        }
        lock.lock();
        if (failed) cv.wait_for(lock, std::chrono::milliseconds(options.retry_delay), [&] { return stopping; });
        continue;
      }
      const TimeMs wait = next ? std::min(options.max_sleep, *next - now) : options.max_sleep;
      cv.wait_for(lock, std::chrono::milliseconds(std::max<TimeMs>(wait, 1)));
    }
  }
};

// ---- Service ----------------------------------------------------------------------------------

Service::Service(storage::Database& db, calendar::Registry& calendars, const Clock& clock, ServiceOptions options)
    : impl_(std::make_unique<Impl>(db, calendars, clock, options)) {}

Service::~Service() {
  Stop();
}

void Service::Start(FiringHandler on_firing) {
  SetFiringHandler(std::move(on_firing));
  Restore();
  std::lock_guard lock(impl_->mu);
  if (impl_->monitor.joinable()) return;
  impl_->stopping = false;
  impl_->monitor = std::thread([impl = impl_.get()] { impl->Loop(); });
}

void Service::Stop() {
  std::thread monitor;
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
    monitor = std::move(impl_->monitor);
  }
  impl_->cv.notify_all();
  if (monitor.joinable()) monitor.join();
}

void Service::Restore() {
  std::lock_guard order(impl_->reschedule_mu);
  const auto open = impl_->db.Read([](Connection& c) { return repo::OpenTimers(c); });
  {
    std::lock_guard lock(impl_->mu);
    impl_->queue = DeadlineQueue{};
    for (const Timer& t : open) impl_->queue.Reschedule(t);
  }
  impl_->cv.notify_all();
}

int Service::FireDue() {
  return impl_->FireDue();
}

void Service::SetFiringHandler(FiringHandler on_firing) {
  std::lock_guard lock(impl_->mu);
  impl_->handler = std::move(on_firing);
}

void Service::SetCategoryPaths(CategoryPathFn category_paths) {
  std::lock_guard lock(impl_->mu);
  impl_->category_paths = std::move(category_paths);
}

void Service::SetActiveStaff(ActiveStaffFn active_staff) {
  std::lock_guard lock(impl_->mu);
  impl_->active_staff = std::move(active_staff);
}

std::size_t Service::QueueSize() const {
  std::lock_guard lock(impl_->mu);
  return impl_->queue.size();
}

// ---- policies ----

Result<std::vector<Policy>> Service::ListPolicies(bool include_inactive) {
  return impl_->db.Read([&](Connection& c) { return repo::CurrentPolicies(c, include_inactive); });
}

Result<Policy> Service::GetPolicy(std::int64_t id, std::optional<std::int32_t> version) {
  auto p = impl_->db.Read([&](Connection& c) { return repo::FindPolicy(c, id, version); });
  if (p) return *p;
  const bool exists = version && impl_->db.Read([&](Connection& c) { return repo::FindPolicy(c, id).has_value(); });
  if (exists)
    return Error::NotFound("SLA policy #" + std::to_string(id) + " has no version " + std::to_string(*version));
  return Error::NotFound("SLA policy #" + std::to_string(id) + " does not exist");
}

namespace {

Status CheckBreachAssignee(Connection& db, const Policy& p, const ActiveStaffFn& active_staff) {
  if (p.breach_assignee_id && !(active_staff && active_staff(db, *p.breach_assignee_id))) {
    return Error::Invalid("breach_assignee_id", Msg("desk.no_active_staff", "no such active staff member"));
  }
  return {};
}

}  // namespace

Result<Policy> Service::CreatePolicy(const std::string& actor, Policy policy) {
  policy.version = 1;
  SQM_TRY(Validate(policy));
  SQM_TRY(impl_->CheckCalendars(policy));
  return impl_->db.Write(actor, [&](WriteTx& tx) -> Result<Policy> {
    SQM_TRY(CheckBreachAssignee(tx.db(), policy, impl_->ActiveStaff()));
    policy.id = repo::NextPolicyId(tx.db());
    SQM_TRY(JobMemo::Of(tx).InsertPolicyVersion(tx.db(), policy, tx.now(), actor));
    tx.Append(kPolicyEntity, std::to_string(policy.id), "sla.policy_created", PolicyToJson(policy));
    return policy;
  });
}

Result<Policy> Service::UpdatePolicy(const std::string& actor, std::int64_t id, Policy policy,
                                     std::optional<std::int32_t> base_version) {
  policy.id = id;
  policy.version = 1;  // checked here; the real number is assigned below
  SQM_TRY(Validate(policy));
  SQM_TRY(impl_->CheckCalendars(policy));
  return impl_->db.Write(actor, [&](WriteTx& tx) -> Result<Policy> {
    auto current = repo::FindPolicy(tx.db(), id);
    if (!current) return Error::NotFound("SLA policy #" + std::to_string(id) + " does not exist");
    if (base_version && *base_version != current->version) {
      return Error::Conflict("SLA policy #" + std::to_string(id) + " is at version " +
                                 std::to_string(current->version) + " now, not " + std::to_string(*base_version) +
                                 "; reload it and make the change again",
                             "version");
    }
    SQM_TRY(CheckBreachAssignee(tx.db(), policy, impl_->ActiveStaff()));
    policy.version = current->version + 1;
    SQM_TRY(JobMemo::Of(tx).InsertPolicyVersion(tx.db(), policy, tx.now(), actor));
    tx.Append(kPolicyEntity, std::to_string(id), "sla.policy_updated", PolicyToJson(policy));
    return policy;
  });
}

Result<Explanation> Service::Explain(TicketFacts facts, std::optional<std::int64_t> category_id) {
  CategoryPathFn paths;
  {
    std::lock_guard lock(impl_->mu);
    paths = impl_->category_paths;
  }
  return impl_->db.Read([&](Connection& c) -> Result<Explanation> {
    if (category_id && facts.category_path.empty()) {
      if (paths) facts.category_path = paths(c, *category_id);
      if (facts.category_path.empty()) facts.category_path = {*category_id};
    }
    const std::vector<Policy> policies = repo::CurrentPolicies(c, /*include_inactive=*/true);
    const PolicyMatch match = MatchPolicy(policies, facts);
    Explanation out;
    if (match.policy) out.policy = *match.policy;
    out.summary = match.summary;
    out.candidates = match.candidates;
    return out;
  });
}

// ---- timers, inside a desk write job ----

Result<std::optional<AppliedPolicy>> Service::StartTicket(WriteTx& tx, std::int64_t ticket_id, const TicketFacts& facts,
                                                          TimeMs at) {
  PolicyMatch match = MatchPolicy(JobMemo::Of(tx).ActivePolicies(tx.db()), facts);
  if (!match.policy) return std::optional<AppliedPolicy>{};
  for (TimerKind kind : {TimerKind::kFirstResponse, TimerKind::kResolution}) {
    SQM_TRY(impl_->StartOne(tx, ticket_id, *match.policy, kind, at, 0));
  }
  return std::optional<AppliedPolicy>(
      AppliedPolicy{match.policy->id, match.policy->version, std::move(match.summary), std::move(match.candidates)});
}

Status Service::StartTimer(WriteTx& tx, std::int64_t ticket_id, TimerKind kind, std::int64_t policy_id,
                           std::int32_t policy_version, TimeMs at, std::int64_t transfer_id) {
  const Policy* policy = JobMemo::Of(tx).FindPolicy(tx.db(), policy_id, policy_version);
  if (!policy) {
    return Error::NotFound("SLA policy #" + std::to_string(policy_id) + " v" + std::to_string(policy_version) +
                           " does not exist");
  }
  return impl_->StartOne(tx, ticket_id, *policy, kind, at, transfer_id);
}

Status Service::PauseAll(WriteTx& tx, std::int64_t ticket_id, TimeMs at) {
  return impl_->Apply(
      tx, ticket_id, at, [](const Timer& t) { return !IsPaused(t); },
      [](Timer t, TimeMs when, const BusinessTime& cal) { return PauseTimer(std::move(t), when, cal); },
      "sla.timer_paused");
}

Status Service::ResumeAll(WriteTx& tx, std::int64_t ticket_id, TimeMs at) {
  return impl_->Apply(
      tx, ticket_id, at, [](const Timer& t) { return IsPaused(t); },
      [](Timer t, TimeMs when, const BusinessTime& cal) { return ResumeTimer(std::move(t), when, cal); },
      "sla.timer_resumed");
}

Status Service::StopKind(WriteTx& tx, std::int64_t ticket_id, TimerKind kind, TimeMs at) {
  return impl_->Apply(
      tx, ticket_id, at, [kind](const Timer& t) { return t.kind == kind; },
      [](Timer t, TimeMs when, const BusinessTime& cal) { return StopTimer(std::move(t), when, cal); },
      "sla.timer_stopped");
}

Status Service::StopAll(WriteTx& tx, std::int64_t ticket_id, TimeMs at) {
  return impl_->Apply(
      tx, ticket_id, at, [](const Timer&) { return true; },
      [](Timer t, TimeMs when, const BusinessTime& cal) { return StopTimer(std::move(t), when, cal); },
      "sla.timer_stopped");
}

Result<std::optional<AppliedPolicy>> Service::Reapply(WriteTx& tx, std::int64_t ticket_id, const TicketFacts& facts,
                                                      TimeMs at) {
  PolicyMatch match = MatchPolicy(JobMemo::Of(tx).ActivePolicies(tx.db()), facts);
  const std::string sid = std::to_string(ticket_id);
  if (!match.policy) {
    tx.Append(kTicket, sid, "sla.reapplied",
              {{"policy_id", nullptr}, {"summary", match.summary}, {"changed", bj::array{}}, {"kept", bj::array{}}});
    return std::optional<AppliedPolicy>{};
  }
  const Policy& policy = *match.policy;
  bj::array changed, kept;
  for (const Timer& old : JobMemo::Of(tx).OpenTimersOf(tx.db(), ticket_id)) {
    auto spec = SpecFor(policy, old.kind);
    if (!spec) {
      bj::object k = TimerData(old);
      k["reason"] = std::string("the policy sets no ") + TimerKindName(old.kind) + " target";
      kept.push_back(std::move(k));
      continue;
    }
    if (old.policy_id == spec->policy_id && old.policy_version == spec->policy_version &&
        old.target_minutes == spec->target_minutes && old.calendar_code == spec->calendar_code &&
        old.warning_fraction == spec->warning_fraction) {
      continue;
    }
    SQM_ASSIGN(auto cal, impl_->CalendarOf(spec->calendar_code));
    Timer t = old;
    t.policy_id = spec->policy_id;
    t.policy_version = spec->policy_version;
    t.target_minutes = spec->target_minutes;
    t.calendar_code = spec->calendar_code;
    t.warning_fraction = spec->warning_fraction;
    const TimeMs when = std::max(at, LastChange(t));
    t = Derive(std::move(t), when, *cal);
    // Notifications already sent stay sent, unless the new target puts their instant ahead again.
    if (t.warning_fired_at && (!t.warning_at || *t.warning_at > when)) t.warning_fired_at.reset();
    if (t.breach_fired_at && (!t.due_at || *t.due_at >= when)) t.breach_fired_at.reset();
    SQM_TRY(JobMemo::Of(tx).UpdateTimer(tx.db(), t));
    changed.push_back({{"timer_id", t.id},
                       {"kind", TimerKindName(t.kind)},
                       {"state", TimerStateName(t.state)},
                       {"from", TimerTargetJson(old)},
                       {"to", TimerTargetJson(t)}});
  }
  tx.Append(kTicket, sid, "sla.reapplied",
            {{"policy_id", policy.id},
             {"policy_version", policy.version},
             {"summary", match.summary},
             {"changed", std::move(changed)},
             {"kept", std::move(kept)}});
  return std::optional<AppliedPolicy>(
      AppliedPolicy{policy.id, policy.version, std::move(match.summary), std::move(match.candidates)});
}

std::vector<Timer> Service::TimersOf(Connection& db, std::int64_t ticket_id) {
  return repo::TimersOf(db, ticket_id);
}

std::vector<Timer> Service::TimersOf(WriteTx& tx, std::int64_t ticket_id) {
  return JobMemo::Of(tx).TimersOf(tx.db(), ticket_id);
}

TimerStatus Service::StatusAt(const Timer& timer, TimeMs at) {
  if (auto cal = impl_->calendars.Get(timer.calendar_code)) return Evaluate(timer, at, *cal);
  TimerStatus s;
  s.state = timer.state;
  s.due_at = timer.due_at;
  s.warning_at = timer.warning_at;
  s.warning_reached = timer.warning_at && *timer.warning_at <= at;
  s.paused_business_ms = timer.paused_business_ms;
  s.overrun_business_ms = timer.overrun_business_ms;
  s.overrun_wall_ms = timer.overrun_wall_ms;
  return s;
}

void Service::Reschedule(std::int64_t ticket_id) {
  try {
    std::lock_guard order(impl_->reschedule_mu);
    const auto timers = impl_->db.Read([&](Connection& c) { return repo::TimersOf(c, ticket_id); });
    {
      std::lock_guard lock(impl_->mu);
      for (const Timer& t : timers) impl_->queue.Reschedule(t);
    }
    impl_->cv.notify_all();
  } catch (const std::exception& e) {
    // The write already committed; the timers are picked up again at the next start.
    spdlog::error("SLA timers of ticket {} not rescheduled: {}", ticket_id, e.what());
  }
}

}  // namespace sqm::sla
