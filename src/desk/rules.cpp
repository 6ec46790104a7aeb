#include "desk/rules.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace sqm::desk {

namespace {

template <typename E, std::size_t N>
std::optional<E> ParseName(std::string_view s, const std::array<E, N>& all) {
  for (E e : all) {
    if (s == Name(e)) return e;
  }
  return std::nullopt;
}

constexpr std::array kTypes = {TicketType::kConsultation, TicketType::kRequest, TicketType::kIncident,
                               TicketType::kComplaint, TicketType::kSuggestion};
constexpr std::array kChannels = {Channel::kPhone,  Channel::kEmail,  Channel::kChat,
                                  Channel::kPortal, Channel::kWalkIn, Channel::kApi};
constexpr std::array kStatuses = {
    TicketStatus::kNew,      TicketStatus::kAccepted,     TicketStatus::kInProgress, TicketStatus::kWaitingCustomer,
    TicketStatus::kResolved, TicketStatus::kCallbackDone, TicketStatus::kClosed,     TicketStatus::kCancelled,
    TicketStatus::kMerged};
constexpr std::array kActions = {Action::kAccept,   Action::kRespond, Action::kStart,    Action::kWait,
                                 Action::kResume,   Action::kResolve, Action::kCallback, Action::kClose,
                                 Action::kReopen,   Action::kCancel,  Action::kMerge,    Action::kTransfer,
                                 Action::kEscalate, Action::kAssign,  Action::kComment};
constexpr std::array kCallbackResolved = {CallbackResolved::kResolved, CallbackResolved::kPartly,
                                          CallbackResolved::kNotResolved};
constexpr std::array kSatisfactions = {Satisfaction::kSatisfied, Satisfaction::kBasicallySatisfied,
                                       Satisfaction::kDissatisfied, Satisfaction::kNotRated};
constexpr std::array kComplaintCategories = {ComplaintCategory::kAttitude,        ComplaintCategory::kEfficiency,
                                             ComplaintCategory::kProfessionalism, ComplaintCategory::kOutcome,
                                             ComplaintCategory::kFacilities,      ComplaintCategory::kOther};

}  // namespace

const char* Name(TicketType t) {
  switch (t) {
    case TicketType::kConsultation: return "consultation";
    case TicketType::kRequest: return "request";
    case TicketType::kIncident: return "incident";
    case TicketType::kComplaint: return "complaint";
    case TicketType::kSuggestion: return "suggestion";
  }
  return "";
}
const char* Name(Channel c) {
  switch (c) {
    case Channel::kPhone: return "phone";
    case Channel::kEmail: return "email";
    case Channel::kChat: return "chat";
    case Channel::kPortal: return "portal";
    case Channel::kWalkIn: return "walk_in";
    case Channel::kApi: return "api";
  }
  return "";
}
const char* Name(TicketStatus s) {
  switch (s) {
    case TicketStatus::kNew: return "new";
    case TicketStatus::kAccepted: return "accepted";
    case TicketStatus::kInProgress: return "in_progress";
    case TicketStatus::kWaitingCustomer: return "waiting_customer";
    case TicketStatus::kResolved: return "resolved";
    case TicketStatus::kCallbackDone: return "callback_done";
    case TicketStatus::kClosed: return "closed";
    case TicketStatus::kCancelled: return "cancelled";
    case TicketStatus::kMerged: return "merged";
  }
  return "";
}
const char* Name(Action a) {
  switch (a) {
    case Action::kAccept: return "accept";
    case Action::kRespond: return "respond";
    case Action::kStart: return "start";
    case Action::kWait: return "wait";
    case Action::kResume: return "resume";
    case Action::kResolve: return "resolve";
    case Action::kCallback: return "callback";
    case Action::kClose: return "close";
    case Action::kReopen: return "reopen";
    case Action::kCancel: return "cancel";
    case Action::kMerge: return "merge";
    case Action::kTransfer: return "transfer";
    case Action::kEscalate: return "escalate";
    case Action::kAssign: return "assign";
    case Action::kComment: return "comment";
  }
  return "";
}
const char* Name(CallbackResolved r) {
  switch (r) {
    case CallbackResolved::kResolved: return "resolved";
    case CallbackResolved::kPartly: return "partly";
    case CallbackResolved::kNotResolved: return "not_resolved";
  }
  return "";
}
const char* Name(Satisfaction s) {
  switch (s) {
    case Satisfaction::kSatisfied: return "satisfied";
    case Satisfaction::kBasicallySatisfied: return "basically_satisfied";
    case Satisfaction::kDissatisfied: return "dissatisfied";
    case Satisfaction::kNotRated: return "not_rated";
  }
  return "";
}
const char* Name(ComplaintCategory c) {
  switch (c) {
    case ComplaintCategory::kAttitude: return "attitude";
    case ComplaintCategory::kEfficiency: return "efficiency";
    case ComplaintCategory::kProfessionalism: return "professionalism";
    case ComplaintCategory::kOutcome: return "outcome";
    case ComplaintCategory::kFacilities: return "facilities";
    case ComplaintCategory::kOther: return "other";
  }
  return "";
}

std::optional<TicketType> ParseTicketType(std::string_view s) {
  return ParseName(s, kTypes);
}
std::optional<Channel> ParseChannel(std::string_view s) {
  return ParseName(s, kChannels);
}
std::optional<TicketStatus> ParseStatus(std::string_view s) {
  return ParseName(s, kStatuses);
}
std::optional<Action> ParseAction(std::string_view s) {
  return ParseName(s, kActions);
}
std::optional<CallbackResolved> ParseCallbackResolved(std::string_view s) {
  return ParseName(s, kCallbackResolved);
}
std::optional<Satisfaction> ParseSatisfaction(std::string_view s) {
  return ParseName(s, kSatisfactions);
}
std::optional<ComplaintCategory> ParseComplaintCategory(std::string_view s) {
  return ParseName(s, kComplaintCategories);
}

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
