// Pure service-desk rules: the ticket lifecycle (which action is allowed in which state, and the
// whole plan of each action), registration requirements per ticket type, notifications, limits
// and send-back detection.
//
//   new ──accept/respond──▶ accepted ──start──▶ in_progress ◀──resume── waiting_customer
//    │                        │  ▲                 │   ▲ └──wait──────────────▲
//    │                        └──┼──────wait───────┼───┼──────────────────────┘
//    └─transfer (stays new)      │                 │   │
//                              resolve ◀───────────┘   reopen (also "not resolved" at callback)
//                                ▼                     │
//                             resolved ──callback──▶ callback_done ──close──▶ closed
//
// cancel and merge end any open ticket; comment is allowed in every state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "desk/model.h"
#include "org/model.h"
#include "sla/model.h"

namespace sqm::desk {

// Length limits, in characters, of what people write; the API, the import and the registration
// form (GET /api/v1/desk/ticket-form) take them from here.
inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxText = 20000;  // descriptions, notes, replies, findings, remedies
inline constexpr std::size_t kMaxExternalId = 100;
inline constexpr std::size_t kMaxName = 100;  // customers and categories
inline constexpr std::size_t kMaxPhone = 40;
inline constexpr std::size_t kMaxEmail = 200;
inline constexpr std::size_t kMaxTier = 40;
inline constexpr std::size_t kMaxShortText = 200;  // how a complaint's outcome was communicated

// The actions allowed in `status`, in display order.
std::vector<Action> AllowedActions(TicketStatus status);

// The state after `action`, or kConflict naming the current state and what is allowed.
// `callback_resolved` is needed for kCallback: kNotResolved reopens the ticket.
Result<TicketStatus> Next(TicketStatus status, Action action,
                          std::optional<CallbackResolved> callback_resolved = std::nullopt);

bool IsOpen(TicketStatus status);  // not resolved, callback_done, closed, cancelled or merged
// The statuses the dashboard counts: the open ones and resolved (its callback pending), in this order.
const std::vector<TicketStatus>& DashboardStatuses();

// ---- who sees what ----

// Managers and evaluators oversee the departments of their scope: besides the tickets handled or
// registered there, they see the complaints about those departments or a person in them, wherever
// the ticket is handled (managers may also answer them; evaluators only read).
bool OverseesComplaints(const std::vector<std::string>& roles);

// Customers' contact details (phone, e-mail) are need-to-know (docs/security.md):
enum class ContactAccess {
  kFull,          // customer.write (admin, manager, agent): they register customers and take calls
  kTheirTickets,  // other ticket handlers (ticket.write: quality, engineer): the customers of tickets
                  // they may see; masked in customer lists
  kMasked,        // read-only roles (evaluator, executive): always masked; no search by phone or e-mail
};
ContactAccess ContactAccessOf(const org::Principal& who);
// "138****0001": the first 3 and last 4 characters of 9 or more, else all but the last 2 masked.
std::string MaskPhone(std::string_view phone);
// "z***@example.com": the first character of the local part and the domain.
std::string MaskEmail(std::string_view email);
// Masks `c`'s phone and e-mail and marks it contact_masked.
void MaskContact(Customer& c);

// ---- reports ----

// A report's period is bounded, so no request makes an unbounded number of rows (the complaint
// summary has one row per week): at most two years.
inline constexpr int kMaxReportDays = 731;
// kInvalid on "to" unless from < to; on "from" when the period spans more than kMaxReportDays.
Status CheckReportPeriod(TimeMs from, TimeMs to);

// ---- registration ----

// What a registration of each type must carry beyond its type and channel, by API field name:
// "title" always; a customer for requests, incidents and complaints; a
// category for requests and incidents; a description for incidents and complaints; and a
// complaint's category ("complaint.category"). GET /api/v1/desk/ticket-form answers these.
std::vector<std::string> RequiredFields(TicketType type);
// Every problem of a registration at once (Problems), by the same field names; the priority is
// P1 to P4.
Status CheckRegistration(const TicketDraft& draft);
// A ticket registered with an assignee is accepted at once.
TicketStatus InitialStatus(const TicketDraft& draft);

// ---- notifications ----

// The in-app notifications of the desk. Each has a kind (its message key is
// "notification.<kind>") and an English template over {number}, {title} and its own args.
enum class Notice {
  kAssigned,
  kTransferred,  // {note}
  kSentBack,     // {note}
  kEscalated,
  kCustomerReplied,
  kComplaintResponsible,
  kSlaWarning,  // {timerKind}
  kSlaBreach,   // {timerKind}
};
const char* NoticeKind(Notice n);     // "assigned", "transferred", ...
const char* NoticeEnglish(Notice n);  // "{number} {title} was assigned to you", ...

// ---- actions ----
// One function per action decides everything the action does to a ticket: its next status, the
// fields it requires, and its effects on the ticket row, the SLA timers, the callback task,
// comments and notifications. desk::Service looks up what the plan refers to (departments, staff,
// the ticket to merge into), then carries the plan out in one transaction.

// Effects on the ticket's SLA timers, applied in the order of the members.
struct TimerEffects {
  bool resume_all = false;  // the ticket stops waiting for the customer
  bool pause_all = false;
  std::vector<sla::TimerKind> stop;  // the open timers of these kinds
  bool stop_all = false;
  // New timers under the ticket's policy version (none without a policy); a hand-over timer
  // measures the transfer of this action.
  std::vector<sla::TimerKind> start;
};

// What changes on the ticket row besides its status and updated_at.
struct TicketChange {
  bool take = false;            // accepted_at and the assignee, when not set yet: now and the actor
  bool first_response = false;  // first_response_at, when not set yet: now
  bool resolve = false;         // resolved_at: now
  bool reopen = false;          // one more reopening; resolved_at and closed_at cleared
  bool close = false;           // closed_at: now
  std::optional<Id> assignee;
  std::optional<std::string> cancel_reason;
  std::optional<Id> merged_into;
  int escalation_level = 0;  // raised to at least this (1 technical support, 2 managers)
};

// A transfer (or a technical escalation): the ticket moves to another department.
struct Transfer {
  std::optional<Id> from_department;
  Id to_department = 0;
  std::optional<Id> to_assignee;  // the ticket is unassigned without one
  std::string reason;
  bool sendback = false;   // back to where it came from (IsSendBack)
  bool technical = false;  // an escalation to technical support
};

enum class CallbackTask {
  kNone,
  kOpen,    // resolved: a callback falls due (when the policy's callback timer says, or in 24 h)
  kRecord,  // the callback's outcome is recorded on the open one
};

struct NewComment {
  bool internal = false;
  std::string body;
  bool on_merge_target = false;  // written on the ticket this one is merged into
};

// Who hears of it.
enum class Audience {
  kAssignee,            // the ticket's assignee after the action (when someone else than the actor)
  kDepartmentManagers,  // the managers of the ticket's department
  // The new assignee of a transfer; without one, the receiving team: its members who may handle
  // tickets (HandlingRoles) and the managers of the team or, when it has none, of the nearest
  // department above it that has some.
  kTransferTarget,
};
// The roles that handle tickets (hold ticket.write) but do not see every department: agent,
// engineer, manager.
std::vector<std::string> HandlingRoles();
struct NoticeTo {
  Notice notice;
  Audience audience;
};

struct ActionPlan {
  TicketStatus next = TicketStatus::kNew;
  std::string event;          // "ticket.<action>", or "ticket.callback_attempted"
  bool attempt_only = false;  // a callback that did not reach the customer: the ticket is unchanged
  TicketChange change;
  std::optional<Transfer> transfer;
  std::optional<Escalation> escalation;
  TimerEffects timers;
  CallbackTask callback = CallbackTask::kNone;
  std::vector<NewComment> comments;
  std::vector<NoticeTo> notices;
};

// What an action needs to know beyond the ticket: who acts, and the ticket's earlier transfers
// as (from, to) department pairs, oldest first (transfers and escalations).
struct ActionContext {
  Id actor = 0;
  std::vector<std::pair<std::optional<Id>, Id>> transfer_history;
};

// The plan of `input` on `ticket`: kConflict when the ticket's status does not allow the action,
// kInvalid naming each missing or wrong field.
Result<ActionPlan> Plan(const Ticket& ticket, const ActionInput& input, const ActionContext& context);
// The ticket to merge into must still be open (or resolved).
Status CheckMergeTarget(const Ticket& target);
// A reply from the customer on the portal: resumes a ticket that waits for them; kConflict on
// "ticket" when the ticket is no longer open.
Result<ActionPlan> PlanCustomerReply(const Ticket& ticket, const std::string& body);
// When a resolved ticket's callback falls due without a policy callback target.
inline constexpr TimeMs kDefaultCallbackDue = 24LL * 3600 * 1000;

// Who the facts of `plan` (the timers it stops, the resolution) are charged to: the ticket's
// assignee, or the actor when the action takes or resolves an unassigned ticket, and the
// department that held the ticket while the timers ran (before a transfer moves it).
Attribution ChargedFor(const Ticket& ticket, const ActionPlan& plan, Id actor);
// Who a callback rates and a reopening is charged to: the resolver of the ticket, or, for a ticket
// resolved before resolvers were recorded, its assignee and department.
Attribution ResolverOf(const Ticket& ticket);

// A transfer back to the department the ticket came from is a send-back (回退). The send-back is
// charged to the sender of the transfer it returns (that transfer was wrong), not to the
// department that sends it back: ticket_transfers.sent_back_by marks the returned transfer.
// `history` lists earlier transfers, oldest first, as (from, to) department pairs.
bool IsSendBack(std::optional<Id> from_department, Id to_department,
                const std::vector<std::pair<std::optional<Id>, Id>>& history);

std::string TicketNumber(Id id);  // "T000042"
// The id whose TicketNumber `text` is, in any case ("t000042"); nullopt for anything else.
std::optional<Id> ParseTicketNumber(std::string_view text);

}  // namespace sqm::desk
