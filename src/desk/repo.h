// SQL for the service desk. Functions take the connection they run on (a pooled reader, or the
// writer inside a WriteTx).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "desk/import/directory.h"
#include "desk/model.h"
#include "org/model.h"
#include "sla/model.h"
#include "storage/db.h"

namespace sqm::desk::repo {

using storage::Connection;

// ---- customers ----
std::vector<Customer> ListCustomers(Connection& db, const std::optional<std::string>& q, int limit,
                                    std::optional<Id> after_id);
std::optional<Customer> FindCustomer(Connection& db, Id id);
std::optional<Customer> FindCustomerByAccount(Connection& db, Id account_id);

// ---- categories ----
std::vector<Category> ListCategories(Connection& db);
std::optional<Category> FindCategory(Connection& db, Id id);
// Root first, `id` last; empty when unknown.
std::vector<Id> CategoryPath(Connection& db, Id id);

// What an import checks names against and an export writes names from: categories, departments
// and staff, and the customers when asked (an export writes customer ids and names as listed).
import::Directory LoadDirectory(Connection& db, bool with_customers);

// ---- tickets ----
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
  std::optional<std::string> q;       // number, title, customer name or phone
  std::string sort = "created_desc";  // created_desc | created_asc | priority | updated_desc
  std::optional<Id> after_id;         // keyset paging for created_asc: ids above this one
  int offset = 0;
  int limit = 50;
};
// Who may see what: staff see tickets in their department scope, plus those assigned to them or
// registered by them or in their scope's origin departments; `now` dates SLA states.
struct Visibility {
  org::Scope scope;
  Id staff_id = 0;
};
std::vector<Ticket> ListTickets(Connection& db, const TicketQuery& q, const Visibility& v, TimeMs now);
// Appends " AND (...)" limiting tickets aliased `t` to what `v` may see.
void AppendVisibility(const Visibility& v, std::string& sql, std::vector<storage::Value>& params);
std::optional<Ticket> FindTicket(Connection& db, Id id);
// Sets each ticket's sla_state at `now`, by the same conditions as TicketQuery::sla_state.
void FillSlaStates(Connection& db, std::span<Ticket> tickets, TimeMs now);
bool CanSee(const Ticket& t, const Visibility& v, std::optional<Id> origin_department);
std::optional<Id> OriginDepartment(Connection& db, Id ticket_id);

// Open tickets of the same customer and category since `since`.
std::vector<Ticket> PossibleDuplicates(Connection& db, Id customer_id, std::optional<Id> category_id, TimeMs since,
                                       std::optional<Id> except, const Visibility& v);

// (from, to) department of each transfer, oldest first.
std::vector<std::pair<std::optional<Id>, Id>> TransferHistory(Connection& db, Id ticket_id);

struct Comment {
  Id id = 0;
  Id author_id = 0;
  std::string author_name;
  std::string visibility;  // "public" | "internal"
  std::string body;
  TimeMs created_at = 0;
};
std::vector<Comment> Comments(Connection& db, Id ticket_id, bool include_internal);

std::optional<Callback> OpenCallback(Connection& db, Id ticket_id);
std::vector<Callback> CallbacksOf(Connection& db, Id ticket_id);
std::optional<Complaint> FindComplaint(Connection& db, Id ticket_id);

// ---- notifications ----
// An in-app notification for `recipient`: its key is "notification.<kind>"; the English text and
// the args (as JSON) are stored. `ticket_id` is empty for one about no ticket (a calendar running out).
Status InsertNotification(Connection& db, Id recipient, const std::string& kind, std::optional<Id> ticket_id,
                          const Message& m, TimeMs at);

}  // namespace sqm::desk::repo
