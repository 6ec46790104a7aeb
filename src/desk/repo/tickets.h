// SQL of tickets and what hangs off them: complaints, comments, transfers, callbacks. Functions
// take the connection they run on (a pooled reader, or the writer inside a WriteTx). Written by
// the rules of src/README.md, so they run on SQLite and PostgreSQL alike.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "desk/model.h"
#include "desk/rules.h"
#include "org/model.h"
#include "sla/model.h"
#include "storage/db.h"

namespace sqm::desk::repo {

using storage::Connection;

// ---- reading tickets ----

struct TicketQuery {
  std::vector<TicketStatus> statuses;
  std::optional<TicketType> type;
  std::optional<Channel> channel;
  std::optional<Id> department_id;
  std::optional<Id> assignee_id;
  std::optional<Id> customer_id;
  std::optional<int> priority;
  std::optional<TimeMs> from, to;  // created_at in [from, to)
  std::optional<sla::SlaState> sla_state;
  std::optional<std::string> q;  // number, title, customer name or (with q_phone) phone
  bool q_phone = true;
  std::string sort = "created_desc";  // created_desc | created_asc | priority | updated_desc
  std::optional<Id> after_id;         // keyset paging for created_asc: ids above this one
  int offset = 0;
  int limit = 50;
};
// Who may see what: staff see tickets in their department scope, plus those assigned to them or
// registered by them or registered in a department of their scope (origin department); managers and
// evaluators also see complaints about a department of their scope or a person in one, wherever
// the ticket is handled (rules.h, OverseesComplaints).
struct Visibility {
  org::Scope scope;
  Id staff_id = 0;
  bool complaints_about_scope = false;
};
// The visibility of `who`.
Visibility VisibilityOf(const org::Principal& who);
// `now` dates the SLA states the query filters by.
std::vector<Ticket> ListTickets(Connection& db, const TicketQuery& q, const Visibility& v, TimeMs now);
// Appends " AND (...)" limiting tickets aliased `t` to what `v` may see. desk::LiveBoard applies
// the same rule in memory (live_board.h); app/live_board_test.cpp checks that the two agree.
void AppendVisibility(const Visibility& v, std::string& sql, std::vector<storage::Value>& params);
std::optional<Ticket> FindTicket(Connection& db, Id id);
// Sets each ticket's sla_state at `now`, by the conditions TicketQuery::sla_state filters with.
void FillSlaStates(Connection& db, std::span<Ticket> tickets, TimeMs now);
// Whether `v` may see one of customer `customer_id`'s tickets.
bool SeesTicketOf(Connection& db, Id customer_id, const Visibility& v);
// Whether `v` may see ticket `id` (by AppendVisibility: the list and a single read agree).
bool CanSee(Connection& db, Id id, const Visibility& v);
// Open tickets of the same customer and category since `since`.
std::vector<Ticket> PossibleDuplicates(Connection& db, Id customer_id, std::optional<Id> category_id, TimeMs since,
                                       std::optional<Id> except, const Visibility& v);
// (from, to) department of each transfer, oldest first.
std::vector<std::pair<std::optional<Id>, Id>> TransferHistory(Connection& db, Id ticket_id);
std::vector<Comment> Comments(Connection& db, Id ticket_id, bool include_internal);
std::vector<Callback> CallbacksOf(Connection& db, Id ticket_id);
// A callback from a row whose first ten columns are callbacks' id, ticket_id, created_at, due_at,
// done_at, done_by, reached, resolved, satisfaction, notes (in that order).
Callback CallbackFrom(const storage::Row& r);
std::optional<Complaint> FindComplaint(Connection& db, Id ticket_id);
// A complaint about a staff member, with its ticket's title and registration time.
struct ComplaintAbout {
  Complaint complaint;
  std::string title;
  TimeMs created_at = 0;
};
// The complaints about `staff_id` (as recorded on them), newest first, at most `limit`; those
// of cancelled and merged tickets left out (the assessment archive's complaint card).
std::vector<ComplaintAbout> ComplaintsAbout(Connection& db, Id staff_id, int limit);
// The ticket imported with this external id, if any.
std::optional<Id> TicketWithExternalId(Connection& db, const std::string& external_id);

// ---- writing tickets ----

// A new ticket as registered at `at` (status from rules.h's InitialStatus); returns its id.
Result<Id> InsertTicket(Connection& db, const TicketDraft& draft, TicketStatus status, std::optional<Id> department_id,
                        std::optional<Id> origin_department_id, Id created_by, TimeMs at);
Status InsertComplaint(Connection& db, Id ticket_id, const ComplaintDraft& complaint);
Status SaveComplaint(Connection& db, const Complaint& complaint);
// The SLA policy version governing the ticket, and the summary of why.
Status SetSlaPolicy(Connection& db, Id ticket_id, std::int64_t policy_id, std::int32_t policy_version,
                    const std::string& summary, TimeMs at);
// An action's effect on the ticket row: its status and everything `change` and `transfer` say;
// a resolution records `resolver` (rules' ChargedFor), a reopening clears it.
Status ApplyChange(Connection& db, Id ticket_id, Id actor, TicketStatus status, const TicketChange& change,
                   const std::optional<Transfer>& transfer, TimeMs at, const Attribution& resolver = {});
// A breach of a P2-P4 ticket: one priority higher, escalated at least to level 1.
Status RaisePriority(Connection& db, Id ticket_id, TimeMs at);
Status Touch(Connection& db, Id ticket_id, TimeMs at);  // updated_at
Status SetExternalId(Connection& db, Id ticket_id, const std::string& external_id);
// Returns the transfer's id. A send-back marks the transfer it returns (sent_back_by).
Result<Id> InsertTransfer(Connection& db, Id ticket_id, const Transfer& transfer, Id by, TimeMs at);
// One reopening, charged to the resolver being reopened (rules' ResolverOf).
Status InsertReopen(Connection& db, Id ticket_id, const Attribution& resolver, const std::string& reason, TimeMs at);
Status InsertComment(Connection& db, Id ticket_id, Id author, bool internal, const std::string& body, TimeMs at);
// A callback falls due after the resolution; it rates `rated` (the resolver).
Status OpenCallback(Connection& db, Id ticket_id, TimeMs at, TimeMs due, const Attribution& rated);
// The outcome of a callback that reached the customer: on the open callback, or a new one.
Status RecordCallback(Connection& db, Id ticket_id, Id by, CallbackResolved resolved, Satisfaction satisfaction,
                      const std::string& notes, TimeMs at, const Attribution& rated);

// Raises the page cache of the SQLite writer for one long job (an import applying a file: much
// larger than the default 2 MiB) and restores it after. The one SQLite-only statement of the desk,
// the one place it asks the dialect: on PostgreSQL it does nothing (a failed PRAGMA there would
// abort the job's transaction). On SQLite failures are only logged.
class LargeCache {
 public:
  LargeCache(Connection& db, std::int64_t kib);
  ~LargeCache();
  LargeCache(const LargeCache&) = delete;
  LargeCache& operator=(const LargeCache&) = delete;

 private:
  Connection& db_;
  std::optional<std::int64_t> previous_;
};

}  // namespace sqm::desk::repo
