// The customer portal: a customer (an account linked to a customer record) registers requests and
// complaints, follows only their own tickets without internal notes or SLA bookkeeping, and
// replies. Who the customer is, and what they may see, is decided here; the ticket work is the
// desk Service's.
#pragma once

#include <string>
#include <vector>

#include "desk/service.h"

namespace sqm::desk {

class Portal {
 public:
  Portal(storage::Database& db, Service& tickets) : db_(db), tickets_(tickets) {}

  // kForbidden for an account without a customer record. The ticket is the caller's, from the
  // portal; staff-only fields (department, assignee, who handles a complaint) are dropped.
  Result<RegisterResult> Register(const org::Principal& who, TicketDraft draft);
  Result<std::vector<Ticket>> List(const org::Principal& who);
  // Public comments only; the timeline without internal details (no SLA bookkeeping, internal
  // notes, transfers, assignments or who did it). kNotFound for another customer's ticket.
  Result<TicketView> Get(const org::Principal& who, Id id);
  // A reply from the customer; resumes a ticket that was waiting for them.
  Result<Ticket> Reply(const org::Principal& who, Id id, const std::string& body);

 private:
  Result<Customer> CallerCustomer(const org::Principal& who);

  storage::Database& db_;
  Service& tickets_;
};

}  // namespace sqm::desk
