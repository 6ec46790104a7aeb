// Ticket use cases. Every write is one Database::Write job that checks the caller's scope, asks
// the rules (rules.h) for the plan of the action, carries it out — the ticket, its SLA timers
// (sla::Service, same transaction), comments, the callback task, notifications — and appends a
// `ticket.*` event; the deadline queue is rescheduled after commit. Customers and categories are
// catalogue.h's, the customer portal portal.h's.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "desk/model.h"
#include "desk/repo/tickets.h"
#include "desk/rules.h"
#include "org/model.h"
#include "sla/service.h"
#include "storage/database.h"

namespace sqm::desk {

struct RegisterResult {
  Ticket ticket;
  std::vector<Ticket> possible_duplicates;  // same customer and category, open, last 7 days
};

struct ComplaintPatch {
  std::optional<ComplaintCategory> category;
  std::optional<std::optional<Id>> about_staff_id, about_department_id, responsible_id;
  std::optional<int> severity;
  std::optional<std::optional<TimeMs>> deadline_at;
  std::optional<std::string> findings, remedy, communicated_how;
  std::optional<std::optional<bool>> substantiated;
  std::optional<std::optional<TimeMs>> communicated_at;
};

// Everything the ticket page shows.
struct TicketView {
  Ticket ticket;
  std::optional<Complaint> complaint;
  std::vector<Callback> callbacks;
  std::vector<Comment> comments;
  std::vector<sla::Timer> timers;
  std::vector<sla::TimerStatus> timer_status;  // one per timer, at the time of the request
  std::vector<storage::Event> timeline;        // oldest first
  std::vector<Action> allowed;
};

// Called at the end of every ticket action, inside its write job, with the ticket as it is now
// and what the action carried; an error rolls the action back. The composition root installs
// feedback's survey dispatch here (desk does not depend on feedback).
using ActionHook = std::function<Status(storage::WriteTx&, const Ticket&, const ActionInput&)>;

class Service {
 public:
  Service(storage::Database& db, sla::Service& sla, const Clock& clock);

  // REQUIRES: called before the service is used from other threads (the composition root).
  void SetActionHook(ActionHook hook) { action_hook_ = std::move(hook); }

  Result<RegisterResult> Register(const org::Principal& who, const TicketDraft& draft);
  Result<Ticket> Act(const org::Principal& who, Id id, const ActionInput& input);
  // The same inside a caller's write job, dated tx.now() (imports and generated history replay
  // many of these in one transaction). The caller reschedules the SLA queue after commit.
  Result<Ticket> RegisterIn(storage::WriteTx& tx, const org::Principal& who, const TicketDraft& draft);
  Result<Ticket> ActIn(storage::WriteTx& tx, const org::Principal& who, Id id, const ActionInput& input);
  // The same for a caller holding the ticket as this job last returned it (a replay passes each
  // step's result to the next), which saves reading it again. The caller has checked that `who`
  // may see it.
  Result<Ticket> ActIn(storage::WriteTx& tx, const org::Principal& who, const Ticket& current,
                       const ActionInput& input);
  // A customer's reply on their own ticket (the portal checked who they are): resumes a ticket
  // that was waiting for them. kNotFound unless ticket `id` is customer `customer_id`'s.
  Result<Ticket> CustomerReply(const org::Principal& who, Id customer_id, Id id, const std::string& body);

  Result<TicketView> Get(const org::Principal& who, Id id);
  Result<std::vector<Ticket>> List(const org::Principal& who, const repo::TicketQuery& query);
  Result<std::vector<Ticket>> Duplicates(const org::Principal& who, Id customer_id, std::optional<Id> category_id);
  // An administrator moves the ticket's open timers to the policy that matches it now (recorded
  // as an event; timers otherwise keep the policy version they started with).
  Result<Ticket> ReapplySla(const org::Principal& who, Id id);
  Result<Complaint> UpdateComplaint(const org::Principal& who, Id ticket_id, const ComplaintPatch& patch);
  // The same inside a caller's write job, dated tx.now() (the demo history records findings when
  // they were made).
  Result<Complaint> UpdateComplaintIn(storage::WriteTx& tx, const org::Principal& who, Id ticket_id,
                                      const ComplaintPatch& patch);

  // Installed as the SLA monitor's FiringHandler: notifies the assignee and the department's
  // managers; a breach of a P2-P4 ticket also raises its priority by one and notifies the
  // managers of the parent department (the next level); a breach of a policy that names a breach
  // assignee hands the open ticket to them.
  Status OnFiring(storage::WriteTx& tx, const sla::Timer& timer, sla::FiringKind kind);

 private:
  Result<Ticket> Visible(storage::Connection& db, const org::Principal& who, Id id);
  // Carries out `plan` on `t`: the ticket row, the transfer, timers, the callback task, comments,
  // notifications and the event. Returns the ticket as it is now.
  Result<Ticket> Apply(storage::WriteTx& tx, const org::Principal& who, const Ticket& t, const ActionInput& in,
                       const ActionPlan& plan);
  sla::TicketFacts FactsOf(storage::Connection& db, const Ticket& t);

  storage::Database& db_;
  sla::Service& sla_;
  const Clock& clock_;
  ActionHook action_hook_;
};

}  // namespace sqm::desk
