// RunOutWatch: tells the administrators, kRunOutNoticeDays ahead (rules.h), that a calendar in use
// runs out of holiday data — the State Council publishes next year's schedule in November, and
// until someone adds it, due times in the new year count public holidays as working days.
//
// Once per calendar and year. A notice is recorded in `calendar_run_out_notices` (calendar code,
// last known year) by an insert that does nothing when the row exists, in the same write as the
// notifications and a `calendar.run_out_notified` event; a server that finds the row there sends
// nothing. So several servers on one database send each notice once, and a notice whose write
// failed is sent by the next check. Adding the next year's holidays moves the last known year, so
// the following notice is a year later. Definitions are read from the database inside that write,
// so an edit made on another server counts at once.
//
// When. Check() looks at clock.Now(). Start() runs a thread that checks at once, then when the next
// notice falls due and at least daily (which calendars are in use changes with the SLA policies;
// another server may edit a calendar). Tests move a ManualClock and call Check(); nothing sleeps.
//
// Who hears and how is installed by the composition root (notifications belong to the desk, the
// administrators to org), as is which calendars are in use (those of the active SLA policies);
// without an InUse function every stored calendar counts.
//
// Threading: Check() may be called from any thread; Set* before Start().
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/rules.h"
#include "storage/database.h"

namespace sqm::calendar {

struct RunOutNotice {
  std::string code;
  RunOut run_out;
  bool operator==(const RunOutNotice& o) const {
    return code == o.code && run_out.known == o.run_out.known && run_out.runs_out_at == o.run_out.runs_out_at;
  }
};

class RunOutWatch {
 public:
  // Writes the notification of `kind` with message `m` to every administrator, inside the notice's write.
  using Notify = std::function<Status(storage::WriteTx&, std::string_view kind, const Message& m)>;
  // The codes of the calendars in use.
  using InUse = std::function<Result<std::set<std::string>>()>;

  // How often the thread looks at least, and how soon it tries again after a failed check.
  static constexpr TimeMs kMaxWait = 24LL * 3600 * 1000;
  static constexpr TimeMs kRetryWait = 3600LL * 1000;

  // Both outlive the watch.
  RunOutWatch(storage::Database& db, const Clock& clock);
  ~RunOutWatch();  // Stop()
  RunOutWatch(const RunOutWatch&) = delete;
  RunOutWatch& operator=(const RunOutWatch&) = delete;

  void SetNotify(Notify notify);
  void SetInUse(InUse in_use);

  // Sends every notice due at clock.Now() that no server has sent yet; returns the ones this call
  // sent. Fails when InUse or the write does (nothing is recorded then; the next check retries).
  // REQUIRES: SetNotify was called.
  Result<std::vector<RunOutNotice>> Check();
  // When the next notice falls due, as the last Check() saw it, but at most kMaxWait after it.
  TimeMs NextCheckAt() const;

  // Runs the checking thread (a no-op when it runs); Stop() joins it. Idempotent.
  void Start();
  void Stop();

 private:
  void Loop();

  storage::Database& db_;
  const Clock& clock_;
  Notify notify_;
  InUse in_use_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  TimeMs next_check_at_ = 0;
  std::thread thread_;
};

}  // namespace sqm::calendar
