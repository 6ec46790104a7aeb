#include "calendar/run_out_watch.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "calendar/registry.h"

namespace sqm::calendar {

using storage::WriteTx;

RunOutWatch::RunOutWatch(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

RunOutWatch::~RunOutWatch() {
  Stop();
}

void RunOutWatch::SetNotify(Notify notify) {
  notify_ = std::move(notify);
}

void RunOutWatch::SetInUse(InUse in_use) {
  in_use_ = std::move(in_use);
}

Result<std::vector<RunOutNotice>> RunOutWatch::Check() {
  std::optional<std::set<std::string>> in_use;
  if (in_use_) {
    SQM_ASSIGN(auto codes, in_use_());
    in_use = std::move(codes);
  }
  std::vector<RunOutNotice> sent;
  TimeMs next = 0;
  SQM_TRY(db_.Write("system", [&](WriteTx& tx) -> Status {
    sent.clear();
    next = tx.now() + kMaxWait;
    for (const Calendar& cal : ReadValidCalendars(tx.db())) {
      if (in_use && !in_use->contains(cal.code)) continue;
      const auto run_out = RunOutOf(cal);
      if (!run_out) continue;
      if (run_out->notice_at > tx.now()) {
        next = std::min(next, run_out->notice_at);
        continue;
      }
      SQM_ASSIGN(const bool recorded, RecordRunOutNotice(tx.db(), cal.code, run_out->known.last, tx.now()));
      if (!recorded) continue;  // sent before, by this server or another
      SQM_TRY(notify_(tx, kRunOutNotificationKind, RunOutMessage(cal, *run_out)));
      tx.Append("calendar", cal.code, "calendar.run_out_notified",
                {{"first_known_year", run_out->known.first},
                 {"last_known_year", run_out->known.last},
                 {"runs_out_at", FormatIsoUtc(run_out->runs_out_at)}});
      sent.push_back({cal.code, *run_out});
    }
    return {};
  }));
  {
    std::lock_guard lock(mu_);
    next_check_at_ = next;
  }
  return sent;
}

TimeMs RunOutWatch::NextCheckAt() const {
  std::lock_guard lock(mu_);
  return next_check_at_;
}

void RunOutWatch::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    TimeMs next = 0;
    try {
      auto sent = Check();
      if (sent.ok()) {
        for (const auto& n : *sent) {
          spdlog::info("calendar '{}' knows holidays only until {}: administrators notified", n.code,
                       FormatLocalDate(n.run_out.known.LastDay()));
        }
        next = NextCheckAt();
      } else {
        spdlog::error("calendar run-out check: {} {}", sent.error().field, sent.error().message);
        next = clock_.Now() + kRetryWait;
      }
    } catch (const std::exception& e) {
      spdlog::error("calendar run-out check: {}", e.what());
      next = clock_.Now() + kRetryWait;
    }
    lock.lock();
    const TimeMs wait = std::clamp<TimeMs>(next - clock_.Now(), 1, kMaxWait);
    cv_.wait_for(lock, std::chrono::milliseconds(wait), [this] { return stopping_; });
  }
}

void RunOutWatch::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void RunOutWatch::Stop() {
  std::thread thread;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    thread = std::move(thread_);
  }
  cv_.notify_all();
  if (thread.joinable()) thread.join();
}

}  // namespace sqm::calendar
