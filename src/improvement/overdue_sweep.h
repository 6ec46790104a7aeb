// OverdueSweep: the escalation of overdue improvement actions, on a periodic sweep (not the SLA
// monitor: an action's due time is a local day's end, and minutes do not matter). Each sweep looks
// at the pending actions whose due day has ended and
//   - tells the owner (a desk notification, kind improvement_overdue) once the action is overdue;
//   - tells the managers of the action's department (kind improvement_escalated), once, when
//     ServiceOptions::escalate_after_days working days (`--improvement-escalate-days`) (the business calendar) have
//     passed since the owner was told and the action is still not done.
// Each notice is recorded on the action (owner_notified_at, manager_notified_at) by an update that
// changes nothing when the column is set, in the same write as its notifications and an event, so
// a restarted server, or several servers on one database, send each notice once. A new owner, a
// new due date or a reopening clears both, so the escalation starts afresh.
//
// Check() looks at clock.Now(); Start() runs a thread that checks at once and every
// ServiceOptions::sweep_interval (`--improvement-sweep-minutes`, default 15).
// Tests move a ManualClock and call Check(); nothing sleeps. Threading: Check() may be called from
// any thread.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "base/clock.h"
#include "base/result.h"
#include "improvement/service.h"
#include "storage/database.h"

namespace sqm::improvement {

struct SweepReport {
  int owners_notified = 0;    // actions whose owner was told this time
  int managers_notified = 0;  // actions escalated to the department's managers this time
};

class OverdueSweep {
 public:
  static constexpr int kBatch = 500;  // actions looked at per write

  // All three outlive the sweep.
  OverdueSweep(storage::Database& db, const Service& service, const Clock& clock);
  ~OverdueSweep();  // Stop()
  OverdueSweep(const OverdueSweep&) = delete;
  OverdueSweep& operator=(const OverdueSweep&) = delete;

  Result<SweepReport> Check();
  void Start();  // idempotent
  void Stop();

 private:
  void Loop();

  storage::Database& db_;
  const Service& service_;
  const Clock& clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sqm::improvement
