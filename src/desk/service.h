// Service-desk use cases. Every write is one Database::Write job that checks the caller's scope,
// applies the lifecycle rules, updates the ticket and its SLA timers (sla::Service, same
// transaction), and appends a `ticket.*` event; the deadline queue is rescheduled after commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/clock.h"
#include "desk/model.h"
#include "desk/repo.h"
#include "desk/rules.h"
#include "org/model.h"
#include "org/service.h"
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

struct CategoryPatch {
  std::optional<std::string> name;
  std::optional<std::optional<Id>> parent_id;  // present and null: to the top level
  std::optional<bool> active;
};

// Everything the ticket page shows.
struct TicketView {
  Ticket ticket;
  std::optional<Complaint> complaint;
  std::vector<Callback> callbacks;
  std::vector<repo::Comment> comments;
  std::vector<sla::Timer> timers;
  std::vector<sla::TimerStatus> timer_status;  // one per timer, at the time of the request
  std::vector<storage::Event> timeline;        // oldest first
  std::vector<Action> allowed;
};

struct CustomerDraft {
  std::string name;
  std::string kind = "person";
  std::optional<Id> organisation_id;
  std::string tier = "standard";
  std::string phone, email;
  std::optional<Id> account_id;
};

class Service {
 public:
  Service(storage::Database& db, sla::Service& sla, const Clock& clock);

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

  // Customers and the catalogue.
  Result<std::vector<Customer>> ListCustomers(const std::optional<std::string>& q, int limit, std::optional<Id> after);
  Result<Customer> GetCustomer(Id id);
  Result<Customer> CreateCustomer(const org::Principal& who, const CustomerDraft& draft);
  Result<std::vector<Category>> ListCategories();
  Result<Category> CreateCategory(const org::Principal& who, const std::string& name, std::optional<Id> parent_id);
  // Renames, moves (parent_id present and null: to the top level) or (de)activates a category.
  // A move never goes into the category's own subtree or under an inactive parent; a category
  // with active children stays active; active siblings have distinct names.
  Result<Category> UpdateCategory(const org::Principal& who, Id id, const CategoryPatch& patch);

  // The customer portal: only the caller's own tickets, never internal notes.
  Result<RegisterResult> PortalRegister(const org::Principal& who, TicketDraft draft);
  Result<std::vector<Ticket>> PortalList(const org::Principal& who);
  Result<TicketView> PortalGet(const org::Principal& who, Id id);
  // A reply from the customer; resumes a ticket that was waiting for them.
  Result<Ticket> PortalReply(const org::Principal& who, Id id, const std::string& body);

  // Installed as the SLA monitor's FiringHandler: notifies the assignee and the department's
  // managers; a breach of a P2-P4 ticket also raises its priority by one and notifies the
  // managers of the parent department (the next level).
  Status OnFiring(storage::WriteTx& tx, const sla::Timer& timer, sla::FiringKind kind);

 private:
  Result<Ticket> Visible(storage::Connection& db, const org::Principal& who, Id id);
  Result<Customer> CallerCustomer(const org::Principal& who);
  sla::TicketFacts FactsOf(storage::Connection& db, const Ticket& t);

  storage::Database& db_;
  sla::Service& sla_;
  const Clock& clock_;
};

boost::json::object TicketJson(const Ticket& t);

}  // namespace sqm::desk
