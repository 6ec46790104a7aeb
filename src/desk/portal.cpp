#include "desk/portal.h"

#include <set>

#include "desk/repo/catalogue.h"

namespace sqm::desk {

using storage::Connection;

Result<Customer> Portal::CallerCustomer(const org::Principal& who) {
  auto c = db_.Read([&](Connection& db) { return repo::FindCustomerByAccount(db, who.staff_id); });
  if (!c) return Error::Forbidden(Msg("portal.not_a_customer", "this account is not linked to a customer record"));
  return *c;
}

Result<RegisterResult> Portal::Register(const org::Principal& who, TicketDraft draft) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  draft.registration.customer_id = me.id;
  draft.registration.channel = Channel::kPortal;
  draft.department_id.reset();
  draft.assignee_id.reset();
  if (draft.complaint) {  // customers say what it is about; the quality department handles the rest
    draft.complaint->responsible_id.reset();
    draft.complaint->deadline_at.reset();
  }
  return tickets_.Register(who, draft);
}

Result<std::vector<Ticket>> Portal::List(const org::Principal& who) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  repo::TicketQuery q;
  q.customer_id = me.id;
  q.limit = 200;
  return db_.Read([&](Connection& db) { return repo::ListTickets(db, q, {org::Scope{true, {}}, who.staff_id}, 0); });
}

Result<TicketView> Portal::Get(const org::Principal& who, Id id) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  return db_.Read([&](Connection& db) -> Result<TicketView> {
    auto t = repo::FindTicket(db, id);
    if (!t || t->customer_id != me.id)
      return Error::NotFound(Msg("ticket.not_found", "ticket {id} does not exist", {{"id", std::to_string(id)}}));
    TicketView v;
    v.ticket = *t;
    v.comments = repo::Comments(db, id, /*include_internal=*/false);
    // The customer's timeline: what happened to the request, without internal details (no SLA
    // bookkeeping, internal notes, transfers, assignments or who did it).
    static const std::set<std::string> kShown = {
        "ticket.created", "ticket.accept",  "ticket.respond",         "ticket.start", "ticket.wait",
        "ticket.resume",  "ticket.resolve", "ticket.callback",        "ticket.close", "ticket.reopen",
        "ticket.cancel",  "ticket.merge",   "ticket.customer_replied"};
    for (auto& e :
         storage::ListEvents(db, {.entity = "ticket", .entity_id = std::to_string(id), .limit = 500}).events) {
      const bool public_comment = e.type == "ticket.comment" && e.data.find("\"internal\":false") != std::string::npos;
      if (!kShown.contains(e.type) && !public_comment) continue;
      e.data = "{}";
      e.actor.clear();
      v.timeline.insert(v.timeline.begin(), std::move(e));
    }
    return v;
  });
}

Result<Ticket> Portal::Reply(const org::Principal& who, Id id, const std::string& body) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  return tickets_.CustomerReply(who, me.id, id, body);
}

}  // namespace sqm::desk
