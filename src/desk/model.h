// Service desk: tickets (consultations, service requests, incidents, complaints, suggestions),
// their lifecycle, transfers, callbacks (回访) and complaint handling; customers and the service
// catalogue (categories).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"

namespace sqm::desk {

using Id = std::int64_t;

enum class TicketType { kConsultation, kRequest, kIncident, kComplaint, kSuggestion };
enum class Channel { kPhone, kEmail, kChat, kPortal, kWalkIn, kApi };
enum class TicketStatus {
  kNew,       // registered, nobody has taken it
  kAccepted,  // 受理: a person owns it
  kInProgress,
  kWaitingCustomer,  // timers paused
  kResolved,         // callback pending
  kCallbackDone,     // 回访 recorded
  kClosed,
  kCancelled,
  kMerged,  // a duplicate of another ticket
};

// The things people do to a ticket. Each is allowed from some states only (rules.h).
enum class Action {
  kAccept,
  kRespond,  // first response to the customer (phone call back, reply)
  kStart,
  kWait,    // waiting for the customer: timers pause
  kResume,  // the customer answered
  kResolve,
  kCallback,  // record the callback; "not resolved" reopens
  kClose,
  kReopen,
  kCancel,
  kMerge,
  kTransfer,
  kEscalate,
  kAssign,
  kComment,
};

const char* Name(TicketType t);    // "consultation", "request", "incident", "complaint", "suggestion"
const char* Name(Channel c);       // "phone", "email", "chat", "portal", "walk_in", "api"
const char* Name(TicketStatus s);  // "new", "accepted", "in_progress", "waiting_customer", "resolved",
                                   // "callback_done", "closed", "cancelled", "merged"
const char* Name(Action a);        // "accept", "respond", ... (lower case as in the enum)
std::optional<TicketType> ParseTicketType(std::string_view s);
std::optional<Channel> ParseChannel(std::string_view s);
std::optional<TicketStatus> ParseStatus(std::string_view s);
std::optional<Action> ParseAction(std::string_view s);

enum class CallbackResolved { kResolved, kPartly, kNotResolved };  // 解决 / 部分解决 / 未解决
enum class Satisfaction {
  kSatisfied,
  kBasicallySatisfied,
  kDissatisfied,
  kNotRated
};                                     // 满意 / 基本满意 / 不满意 / 未评价
const char* Name(CallbackResolved r);  // "resolved", "partly", "not_resolved"
const char* Name(Satisfaction s);      // "satisfied", "basically_satisfied", "dissatisfied", "not_rated"
std::optional<CallbackResolved> ParseCallbackResolved(std::string_view s);
std::optional<Satisfaction> ParseSatisfaction(std::string_view s);

enum class ComplaintCategory { kAttitude, kEfficiency, kProfessionalism, kOutcome, kFacilities, kOther };
const char* Name(ComplaintCategory c);  // "attitude", "efficiency", "professionalism", "outcome", "facilities", "other"
std::optional<ComplaintCategory> ParseComplaintCategory(std::string_view s);

struct Customer {
  Id id = 0;
  std::string name;
  std::string kind = "person";        // "person" | "organisation"
  std::optional<Id> organisation_id;  // a person's organisation (another customer)
  std::string organisation_name;
  std::string tier = "standard";  // service tier / contract: "standard", "gold", "vip", ...
  std::string phone, email;
  std::optional<Id> account_id;  // the portal login (org staff with role customer)
  TimeMs created_at = 0;
};

struct Category {
  Id id = 0;
  std::optional<Id> parent_id;
  std::string name;
  bool active = true;
};

struct Ticket {
  Id id = 0;
  std::string number;  // "T000123"
  TicketType type = TicketType::kRequest;
  Channel channel = Channel::kPhone;
  int priority = 3;  // 1 (P1, most urgent) .. 4
  TicketStatus status = TicketStatus::kNew;
  std::string title;
  std::string description;
  std::optional<Id> customer_id;
  std::string customer_name;
  std::optional<Id> category_id;
  std::string category_name;
  std::optional<Id> department_id;
  std::string department_name;
  std::optional<Id> assignee_id;
  std::string assignee_name;
  Id created_by = 0;
  std::optional<Id> merged_into;
  std::string cancel_reason;
  int transfer_count = 0;
  int sendback_count = 0;
  int reopen_count = 0;
  int escalation_level = 0;  // 0 none, 1 technical support, 2 manager
  std::optional<Id> sla_policy_id;
  int sla_policy_version = 0;
  std::string sla_summary;
  std::string sla_policy_name;  // of sla_policy_id at sla_policy_version; empty without a policy
  std::string sla_state;        // at read time: ok, warning, breached, paused; empty without timers
  TimeMs created_at = 0;
  std::optional<TimeMs> accepted_at, first_response_at, resolved_at, closed_at;
  TimeMs updated_at = 0;
};

struct Complaint {
  Id ticket_id = 0;
  ComplaintCategory category = ComplaintCategory::kOther;
  std::optional<Id> about_staff_id;
  std::optional<Id> about_department_id;
  int severity = 2;  // 1 minor, 2 normal, 3 serious
  std::optional<Id> responsible_id;
  std::optional<TimeMs> deadline_at;
  std::string findings;
  std::optional<bool> substantiated;
  std::string remedy;
  std::optional<TimeMs> communicated_at;
  std::string communicated_how;
};

struct Callback {
  Id id = 0;
  Id ticket_id = 0;
  TimeMs created_at = 0;
  std::optional<TimeMs> due_at;
  std::optional<TimeMs> done_at;
  std::optional<Id> done_by;
  std::optional<bool> reached;
  std::optional<CallbackResolved> resolved;
  std::optional<Satisfaction> satisfaction;
  std::string notes;
};

}  // namespace sqm::desk
