#include "desk/rules.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace sqm::desk {

std::vector<Action> AllowedActions(TicketStatus s) {
  using A = Action;
  switch (s) {
    case TicketStatus::kNew:
      return {A::kAccept, A::kRespond, A::kAssign, A::kTransfer, A::kEscalate, A::kCancel, A::kMerge, A::kComment};
    case TicketStatus::kAccepted:
      return {A::kRespond,  A::kStart,    A::kWait,   A::kResolve, A::kAssign,
              A::kTransfer, A::kEscalate, A::kCancel, A::kMerge,   A::kComment};
    case TicketStatus::kInProgress:
      return {A::kRespond,  A::kWait,   A::kResolve, A::kAssign, A::kTransfer,
              A::kEscalate, A::kCancel, A::kMerge,   A::kComment};
    case TicketStatus::kWaitingCustomer:
      return {A::kResume, A::kRespond, A::kResolve, A::kAssign, A::kCancel, A::kComment};
    case TicketStatus::kResolved: return {A::kCallback, A::kReopen, A::kComment};
    case TicketStatus::kCallbackDone: return {A::kClose, A::kReopen, A::kComment};
    case TicketStatus::kClosed: return {A::kReopen, A::kComment};
    case TicketStatus::kCancelled:
    case TicketStatus::kMerged: return {A::kComment};
  }
  return {};
}

Result<TicketStatus> Next(TicketStatus s, Action a, std::optional<CallbackResolved> callback_resolved) {
  const auto allowed = AllowedActions(s);
  if (std::find(allowed.begin(), allowed.end(), a) == allowed.end()) {
    std::string list;
    for (Action x : allowed) list += (list.empty() ? "" : ", ") + std::string(Name(x));
    return Error::Conflict(
        Msg("ticket.transition_refused", "cannot {action} a ticket that is {status}; allowed: {action_list}",
            {{"action", std::string(Name(a))}, {"status", std::string(Name(s))}, {"action_list", list}}),
        "action");
  }
  switch (a) {
    case Action::kAccept: return TicketStatus::kAccepted;
    case Action::kRespond: return s == TicketStatus::kNew ? TicketStatus::kAccepted : s;
    case Action::kStart:
    case Action::kResume:
    case Action::kReopen: return TicketStatus::kInProgress;
    case Action::kWait: return TicketStatus::kWaitingCustomer;
    case Action::kResolve: return TicketStatus::kResolved;
    case Action::kCallback:
      if (!callback_resolved) return Error::Invalid("resolved", Msg("field.required", "is required"));
      return *callback_resolved == CallbackResolved::kNotResolved ? TicketStatus::kInProgress
                                                                  : TicketStatus::kCallbackDone;
    case Action::kClose: return TicketStatus::kClosed;
    case Action::kCancel: return TicketStatus::kCancelled;
    case Action::kMerge: return TicketStatus::kMerged;
    case Action::kTransfer: return TicketStatus::kNew;  // the receiving department accepts it anew
    case Action::kEscalate:
    case Action::kAssign:
    case Action::kComment: return s;
  }
  return s;
}

bool IsOpen(TicketStatus s) {
  return s == TicketStatus::kNew || s == TicketStatus::kAccepted || s == TicketStatus::kInProgress ||
         s == TicketStatus::kWaitingCustomer;
}

Status CheckRegistration(const Registration& r) {
  if (r.priority < 1 || r.priority > 4)
    return Error::Invalid("priority", Msg("field.bad_priority", "must be P1, P2, P3 or P4"));
  const bool needs_customer =
      r.type == TicketType::kComplaint || r.type == TicketType::kIncident || r.type == TicketType::kRequest;
  if (needs_customer && !r.customer_id) {
    return Error::Invalid("customer_id", Msg("field.required_for_type", "is required for a {type}",
                                             {{"type", std::string(Name(r.type))}}));
  }
  if ((r.type == TicketType::kIncident || r.type == TicketType::kRequest) && !r.category_id) {
    return Error::Invalid("category_id", Msg("field.required_for_type", "is required for a {type}",
                                             {{"type", std::string(Name(r.type))}}));
  }
  if ((r.type == TicketType::kComplaint || r.type == TicketType::kIncident) && r.description.empty()) {
    return Error::Invalid("description", Msg("field.required_for_type", "is required for a {type}",
                                             {{"type", std::string(Name(r.type))}}));
  }
  return {};
}

bool IsSendBack(std::optional<Id> from_department, Id to_department,
                const std::vector<std::pair<std::optional<Id>, Id>>& history) {
  // The last transfer brought the ticket from `to_department` into `from_department`.
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->second == from_department) return it->first == to_department;
  }
  return false;
}

std::string TicketNumber(Id id) {
  return fmt::format("T{:06d}", id);
}

}  // namespace sqm::desk
