#include "improvement/overdue_sweep.h"

#include <spdlog/spdlog.h>

#include "desk/repo/notifications.h"
#include "improvement/repo.h"
#include "improvement/rules.h"
#include "org/repo.h"

namespace sqm::improvement {

OverdueSweep::OverdueSweep(storage::Database& db, const Service& service, const Clock& clock)
    : db_(db), service_(service), clock_(clock) {}

OverdueSweep::~OverdueSweep() {
  Stop();
}

Result<SweepReport> OverdueSweep::Check() {
  return db_.Write("system", [&](storage::WriteTx& tx) -> Result<SweepReport> {
    auto& db = tx.db();
    SweepReport report;
    const TimeMs now = tx.now();
    for (const Action& a : repo::EscalationCandidates(db, now, kBatch)) {
      std::optional<TimeMs> manager_due;
      if (a.owner_notified_at) manager_due = service_.ManagerDue(*a.owner_notified_at);
      const MessageArgs args{{"id", std::to_string(a.id)}, {"title", a.title}, {"due_date", a.due_date}};
      switch (NextEscalation(a, now, manager_due)) {
        case Escalation::kNone: break;
        case Escalation::kOwner: {
          SQM_ASSIGN(const bool first, repo::MarkOwnerNotified(db, a.id, now));
          if (!first) break;
          SQM_TRY(desk::repo::InsertNotification(
              db, *a.owner_id, "improvement_overdue", std::nullopt,
              Msg("notification.improvement_overdue", "Improvement action {id} {title} was due on {due_date}", args),
              now));
          tx.Append("improvement_action", std::to_string(a.id), "improvement.overdue_notified",
                    {{"owner_id", *a.owner_id}});
          ++report.owners_notified;
          break;
        }
        case Escalation::kManager: {
          SQM_ASSIGN(const bool first, repo::MarkManagerNotified(db, a.id, now));
          if (!first) break;
          std::vector<Id> managers;
          if (a.department_id) managers = org::repo::ManagersOf(db, *a.department_id);
          boost::json::array told;
          for (Id m : managers) {
            if (m == *a.owner_id) continue;
            SQM_TRY(desk::repo::InsertNotification(
                db, m, "improvement_escalated", std::nullopt,
                Msg("notification.improvement_escalated",
                    "Improvement action {id} {title}, owned by {owner}, is still not done (due {due_date})",
                    {{"id", std::to_string(a.id)},
                     {"title", a.title},
                     {"owner", a.owner_name},
                     {"due_date", a.due_date}}),
                now));
            told.push_back(m);
          }
          tx.Append("improvement_action", std::to_string(a.id), "improvement.escalated",
                    {{"manager_ids", std::move(told)}});
          ++report.managers_notified;
          break;
        }
      }
    }
    return report;
  });
}

void OverdueSweep::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    try {
      auto r = Check();
      if (!r.ok()) {
        spdlog::error("improvement overdue sweep: {} {}", r.error().field, r.error().message);
      } else if (r->owners_notified + r->managers_notified > 0) {
        spdlog::info("improvement overdue sweep: {} owners told, {} actions escalated", r->owners_notified,
                     r->managers_notified);
      }
    } catch (const std::exception& e) {
      spdlog::error("improvement overdue sweep: {}", e.what());
    }
    lock.lock();
    cv_.wait_for(lock, std::chrono::milliseconds(service_.options().sweep_interval), [this] { return stopping_; });
  }
}

void OverdueSweep::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void OverdueSweep::Stop() {
  std::thread thread;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    thread = std::move(thread_);
  }
  cv_.notify_all();
  if (thread.joinable()) thread.join();
}

}  // namespace sqm::improvement
