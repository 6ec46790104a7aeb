// Service desk: tickets (consultations, service requests, incidents, complaints, suggestions),
// their lifecycle, transfers, callbacks (回访) and complaint handling; customers and the service
// catalogue (categories).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "sla/model.h"

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

enum class CallbackResolved { kResolved, kPartly, kNotResolved };
enum class Satisfaction { kSatisfied, kBasicallySatisfied, kDissatisfied, kNotRated };
enum class ComplaintCategory { kAttitude, kEfficiency, kProfessionalism, kOutcome, kFacilities, kOther };
enum class Escalation { kTechnical, kManager };  // to technical support (a transfer), to the managers

// ---- names and labels ----
// One table per enumeration gives each value its API name (also the English export), its Chinese
// label (Chinese exports, import values) and up to two more spellings an import accepts. The
// tables in model.cpp are the only place these words are written: routes, the export and the
// import read them through the functions below. (The import's columns use the same form.)
template <typename E>
struct Label {
  E value;
  const char* name;
  const char* zh;
  std::array<const char*, 2> aliases{};
};
// Defined for TicketType, Channel, TicketStatus, Action, CallbackResolved, Satisfaction,
// ComplaintCategory and Escalation, in the order of the enumeration.
// White space trimmed, including the no-break and ideographic spaces spreadsheets leave behind.
std::string_view TrimSpace(std::string_view text);
// Trimmed, lower-case ASCII, ' ' and '-' as '_': how labels are compared.
std::string NormalizeLabel(std::string_view text);

template <typename E>
std::span<const Label<E>> Labels();
template <>
std::span<const Label<TicketType>> Labels();
template <>
std::span<const Label<Channel>> Labels();
template <>
std::span<const Label<TicketStatus>> Labels();
template <>
std::span<const Label<Action>> Labels();
template <>
std::span<const Label<CallbackResolved>> Labels();
template <>
std::span<const Label<Satisfaction>> Labels();
template <>
std::span<const Label<ComplaintCategory>> Labels();
template <>
std::span<const Label<Escalation>> Labels();

// "incident", "walk_in", "in_progress", ...
template <typename E>
const char* Name(E value) {
  for (const auto& l : Labels<E>()) {
    if (l.value == value) return l.name;
  }
  return "";
}
// "故障", "现场", "处理中", ...
template <typename E>
const char* NameZh(E value) {
  for (const auto& l : Labels<E>()) {
    if (l.value == value) return l.zh;
  }
  return "";
}
// The API name, exactly.
template <typename E>
std::optional<E> Parse(std::string_view name) {
  for (const auto& l : Labels<E>()) {
    if (name == l.name) return l.value;
  }
  return std::nullopt;
}
// What a person wrote in a file: the name, the Chinese label or an alias; ASCII case, white space
// around it and ' ' or '-' for '_' do not matter ("Walk-in", "现场").
template <typename E>
std::optional<E> ParseLabel(std::string_view text) {
  const std::string key = NormalizeLabel(text);
  for (const auto& l : Labels<E>()) {
    if (key == l.name || key == l.zh) return l.value;
    for (const char* alias : l.aliases) {
      if (alias && key == alias) return l.value;
    }
  }
  return std::nullopt;
}
// Every name, for messages: "consultation, request, incident, complaint, suggestion".
template <typename E>
std::string NameList() {
  std::string out;
  for (const auto& l : Labels<E>()) out += (out.empty() ? "" : ", ") + std::string(l.name);
  return out;
}

// Priorities are 1 (P1, the most urgent) to 4.
std::string PriorityName(int priority);                // "P3"
std::optional<int> ParsePriority(std::string_view s);  // "P1".."P4", "p1".."p4"

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
  bool contact_masked = false;  // phone and e-mail masked for the caller (rules.h, ContactAccessOf)
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
  std::string sla_policy_name;             // of sla_policy_id at sla_policy_version; empty without a policy
  std::optional<sla::SlaState> sla_state;  // at read time; empty without timers
  TimeMs created_at = 0;
  std::optional<TimeMs> accepted_at, first_response_at, resolved_at, closed_at;
  TimeMs updated_at = 0;
  // Who resolved it and their department then (cleared with resolved_at on reopen).
  std::optional<Id> resolved_by, resolved_department_id;
};

// Who a fact (a stopped timer, a resolution, a callback, a reopening) is charged to, as recorded
// on the fact's row when it happens (docs/assessment.md, "Attribution").
struct Attribution {
  std::optional<Id> staff_id;
  std::optional<Id> department_id;
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

struct Comment {
  Id id = 0;
  Id author_id = 0;
  std::string author_name;
  std::string visibility;  // "public" | "internal"
  std::string body;
  TimeMs created_at = 0;
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

// What a registration carries (POST /api/v1/tickets, the portal, a row of an import).
struct Registration {
  TicketType type = TicketType::kRequest;
  Channel channel = Channel::kPhone;
  int priority = 3;
  std::string title;
  std::string description;
  std::optional<Id> customer_id;
  std::optional<Id> category_id;
};

struct ComplaintDraft {
  std::optional<ComplaintCategory> category;  // required (rules.h's CheckRegistration)
  std::optional<Id> about_staff_id;
  std::optional<Id> about_department_id;
  int severity = 2;
  std::optional<Id> responsible_id;
  std::optional<TimeMs> deadline_at;
};

struct TicketDraft {
  Registration registration;
  std::optional<Id> department_id;
  std::optional<Id> assignee_id;
  std::optional<ComplaintDraft> complaint;  // a complaint's category and what it is about
};

// What an action on a ticket carries (POST /api/v1/tickets/{id}/actions/{action}).
struct ActionInput {
  Action action = Action::kComment;
  std::string note;                 // reply, note, reason
  bool internal = false;            // comment: an internal note the customer never sees
  std::optional<Id> department_id;  // transfer, escalate (technical)
  std::optional<Id> assignee_id;    // assign, transfer
  std::optional<Id> merge_into;     // merge
  std::optional<Escalation> escalation;
  std::optional<bool> reached;  // callback
  std::optional<CallbackResolved> resolved;
  std::optional<Satisfaction> satisfaction;
};

}  // namespace sqm::desk
