#include "desk/rules.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "org/rules.h"

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

const std::vector<TicketStatus>& DashboardStatuses() {
  static const std::vector<TicketStatus> kStatuses = {TicketStatus::kNew, TicketStatus::kAccepted,
                                                      TicketStatus::kInProgress, TicketStatus::kWaitingCustomer,
                                                      TicketStatus::kResolved};
  return kStatuses;
}

bool OverseesComplaints(const std::vector<std::string>& roles) {
  return std::any_of(roles.begin(), roles.end(),
                     [](const std::string& r) { return r == "manager" || r == "evaluator"; });
}

std::vector<std::string> HandlingRoles() {
  std::vector<std::string> out;
  for (const auto& role : org::AllRoles()) {
    if (org::PermissionsOf({role}).contains(std::string(org::kTicketWrite)) && !org::SeesEverything({role})) {
      out.push_back(role);
    }
  }
  return out;
}

ContactAccess ContactAccessOf(const org::Principal& who) {
  if (who.Can(org::kCustomerWrite)) return ContactAccess::kFull;
  if (who.Can(org::kTicketWrite)) return ContactAccess::kTheirTickets;
  return ContactAccess::kMasked;
}

std::string MaskPhone(std::string_view phone) {
  std::string out(phone);
  if (out.size() >= 9) {
    for (std::size_t i = 3; i + 4 < out.size(); ++i) out[i] = '*';
  } else {
    for (std::size_t i = 0; i + 2 < out.size(); ++i) out[i] = '*';
  }
  return out;
}

std::string MaskEmail(std::string_view email) {
  const auto at = email.find('@');
  if (email.empty()) return "";
  if (at == std::string_view::npos || at == 0) return "***";
  return std::string(email.substr(0, 1)) + "***" + std::string(email.substr(at));
}

void MaskContact(Customer& c) {
  c.phone = MaskPhone(c.phone);
  c.email = MaskEmail(c.email);
  c.contact_masked = true;
}

Status CheckReportPeriod(TimeMs from, TimeMs to) {
  constexpr TimeMs kDay = 24LL * 3600 * 1000;
  if (to <= from) {
    return Error::Invalid("to", Msg("report.to_before_from", "must be after the start of the period ({from})",
                                    {{"from", FormatIsoUtc(from)}}));
  }
  if (to - from > TimeMs{kMaxReportDays} * kDay) {
    return Error::Invalid(
        "from", Msg("report.range_too_long", "the period may span at most {days} days (at most {weeks} weekly rows)",
                    {{"days", std::to_string(kMaxReportDays)}, {"weeks", std::to_string(kMaxReportDays / 7 + 2)}}));
  }
  return {};
}

namespace {

// What each type needs (the registration form and CheckRegistration read this one table).
struct TypeNeeds {
  TicketType type;
  bool customer, category, description, complaint;
};
constexpr TypeNeeds kTypeNeeds[] = {
    {TicketType::kConsultation, false, false, false, false}, {TicketType::kRequest, true, true, false, false},
    {TicketType::kIncident, true, true, true, false},        {TicketType::kComplaint, true, false, true, true},
    {TicketType::kSuggestion, false, false, false, false},
};

const TypeNeeds& NeedsOf(TicketType type) {
  for (const auto& n : kTypeNeeds) {
    if (n.type == type) return n;
  }
  return kTypeNeeds[0];
}

Message RequiredFor(TicketType type) {
  return Msg("field.required_for_type", "is required for a {type}", {{"type", std::string(Name(type))}});
}

}  // namespace

std::vector<std::string> RequiredFields(TicketType type) {
  const TypeNeeds& n = NeedsOf(type);
  std::vector<std::string> out{"title"};
  if (n.customer) out.emplace_back("customer_id");
  if (n.category) out.emplace_back("category_id");
  if (n.description) out.emplace_back("description");
  if (n.complaint) out.emplace_back("complaint.category");
  return out;
}

Status CheckRegistration(const TicketDraft& d) {
  const Registration& r = d.registration;
  const TypeNeeds& n = NeedsOf(r.type);
  Problems problems;
  if (r.priority < 1 || r.priority > 4) problems.Add("priority", Msg("field.bad_priority", "must be P1, P2, P3 or P4"));
  if (n.customer && !r.customer_id) problems.Add("customer_id", RequiredFor(r.type));
  if (n.category && !r.category_id) problems.Add("category_id", RequiredFor(r.type));
  if (n.description && r.description.empty()) problems.Add("description", RequiredFor(r.type));
  if (n.complaint && !(d.complaint && d.complaint->category)) {
    problems.Add("complaint.category", Msg("complaint.category_required", "a complaint needs its category"));
  }
  if (d.complaint && (d.complaint->severity < 1 || d.complaint->severity > 3)) {
    problems.Add("complaint.severity", Msg("complaint.bad_severity", "must be 1, 2 or 3"));
  }
  if (auto e = problems.Take()) return *e;
  return {};
}

TicketStatus InitialStatus(const TicketDraft& d) {
  return d.assignee_id ? TicketStatus::kAccepted : TicketStatus::kNew;
}

// ---- notifications ----

namespace {

struct NoticeText {
  Notice notice;
  const char* kind;
  const char* english;
};
constexpr NoticeText kNotices[] = {
    {Notice::kAssigned, "assigned", "{number} {title} was assigned to you"},
    {Notice::kTransferred, "transferred", "{number} {title} was transferred to your department: {note}"},
    {Notice::kSentBack, "sent_back", "{number} {title} was sent back to your department: {note}"},
    {Notice::kEscalated, "escalated", "{number} {title} was escalated to you"},
    {Notice::kCustomerReplied, "customer_replied", "The customer replied on {number}"},
    {Notice::kComplaintResponsible, "complaint_responsible", "You are responsible for complaint {number}"},
    {Notice::kSlaWarning, "sla_warning", "{number} {title}: {timerKind} target nearly used up"},
    {Notice::kSlaBreach, "sla_breach", "{number} {title}: {timerKind} target breached"},
};

const NoticeText& TextOf(Notice n) {
  for (const auto& t : kNotices) {
    if (t.notice == n) return t;
  }
  return kNotices[0];
}

}  // namespace

const char* NoticeKind(Notice n) {
  return TextOf(n).kind;
}

const char* NoticeEnglish(Notice n) {
  return TextOf(n).english;
}

// ---- actions ----

namespace {

using sla::TimerKind;

ActionPlan Base(const Ticket& t, Action a, TicketStatus next) {
  ActionPlan p;
  p.next = next;
  p.event = std::string("ticket.") + Name(a);
  (void)t;
  return p;
}

Error Required(std::string field) {
  return Error::Invalid(std::move(field), Msg("field.required", "is required"));
}

Result<ActionPlan> PlanAccept(const Ticket& t, const ActionInput&, TicketStatus next) {
  ActionPlan p = Base(t, Action::kAccept, next);
  p.change.take = true;
  p.timers.stop = {TimerKind::kHandover};
  return p;
}

Result<ActionPlan> PlanRespond(const Ticket& t, const ActionInput& in, TicketStatus next) {
  if (in.note.empty()) {
    return Error::Invalid("note", Msg("ticket.response_required", "the response to the customer is required"));
  }
  ActionPlan p = Base(t, Action::kRespond, next);
  p.comments.push_back({false, in.note});
  p.change.take = true;
  p.change.first_response = true;
  p.timers.stop = {TimerKind::kFirstResponse, TimerKind::kHandover};
  return p;
}

Result<ActionPlan> PlanStart(const Ticket& t, const ActionInput&, TicketStatus next) {
  ActionPlan p = Base(t, Action::kStart, next);  // the receiving side picked it up
  p.timers.stop = {TimerKind::kHandover};
  return p;
}

Result<ActionPlan> PlanWait(const Ticket& t, const ActionInput&, TicketStatus next) {
  ActionPlan p = Base(t, Action::kWait, next);
  p.timers.pause_all = true;
  return p;
}

Result<ActionPlan> PlanResume(const Ticket& t, const ActionInput&, TicketStatus next) {
  ActionPlan p = Base(t, Action::kResume, next);
  p.timers.resume_all = true;
  return p;
}

Result<ActionPlan> PlanResolve(const Ticket& t, const ActionInput& in, TicketStatus next) {
  ActionPlan p = Base(t, Action::kResolve, next);
  p.change.resolve = true;
  p.change.first_response = true;
  p.timers.resume_all = t.status == TicketStatus::kWaitingCustomer;
  p.timers.stop = {TimerKind::kFirstResponse, TimerKind::kHandover, TimerKind::kResolution};
  p.timers.start = {TimerKind::kCallback};
  p.callback = CallbackTask::kOpen;
  if (!in.note.empty()) p.comments.push_back({false, in.note});
  return p;
}

Result<ActionPlan> PlanCallback(const Ticket& t, const ActionInput& in, TicketStatus next) {
  ActionPlan p = Base(t, Action::kCallback, next);
  p.callback = CallbackTask::kRecord;
  p.timers.stop = {TimerKind::kCallback};
  if (next == TicketStatus::kInProgress) {  // "not resolved" reopens
    p.change.reopen = true;
    p.timers.start = {TimerKind::kResolution};
  }
  (void)in;
  return p;
}

Result<ActionPlan> PlanClose(const Ticket& t, const ActionInput&, TicketStatus next) {
  ActionPlan p = Base(t, Action::kClose, next);
  p.change.close = true;
  return p;
}

Result<ActionPlan> PlanReopen(const Ticket& t, const ActionInput& in, TicketStatus next) {
  if (in.note.empty())
    return Error::Invalid("note", Msg("ticket.reopen_reason_required", "say why the ticket is reopened"));
  ActionPlan p = Base(t, Action::kReopen, next);
  p.change.reopen = true;
  p.timers.stop = {TimerKind::kCallback};
  p.timers.start = {TimerKind::kResolution};
  return p;
}

Result<ActionPlan> PlanCancel(const Ticket& t, const ActionInput& in, TicketStatus next) {
  if (in.note.empty()) {
    return Error::Invalid("note", Msg("ticket.cancel_reason_required", "a reason is required to cancel"));
  }
  ActionPlan p = Base(t, Action::kCancel, next);
  p.change.cancel_reason = in.note;
  p.timers.stop_all = true;
  return p;
}

Result<ActionPlan> PlanMerge(const Ticket& t, const ActionInput& in, TicketStatus next) {
  if (!in.merge_into) return Required("merge_into");
  if (*in.merge_into == t.id) {
    return Error::Invalid("merge_into", Msg("ticket.merge_into_itself", "a ticket cannot be merged into itself"));
  }
  ActionPlan p = Base(t, Action::kMerge, next);
  p.change.merged_into = in.merge_into;
  p.timers.stop_all = true;
  p.comments.push_back({true, fmt::format("{} was merged into this ticket", t.number), true});
  return p;
}

// A transfer, or an escalation (to technical support: a transfer; to the managers: the ticket
// stays where it is and they hear of it).
Result<ActionPlan> PlanTransfer(const Ticket& t, const ActionInput& in, TicketStatus next, const ActionContext& ctx) {
  const bool escalate = in.action == Action::kEscalate;
  if (escalate && !in.escalation) {
    return Error::Invalid("escalation", Msg("ticket.bad_escalation", "must be technical or manager"));
  }
  ActionPlan p = Base(t, in.action, next);
  if (escalate) p.escalation = in.escalation;
  if (escalate && in.escalation == Escalation::kManager) {
    p.change.escalation_level = 2;
    p.notices.push_back({Notice::kEscalated, Audience::kDepartmentManagers});
    return p;
  }
  Problems problems;
  if (!in.department_id) {
    problems.Add("department_id", Msg("field.required", "is required"));
  } else if (in.department_id == t.department_id) {
    problems.Add("department_id", Msg("ticket.already_in_department", "the ticket is already in this department"));
  }
  if (in.note.empty()) problems.Add("note", Msg("ticket.reason_required", "a reason is required"));
  if (auto e = problems.Take()) return *e;
  Transfer tr;
  tr.from_department = t.department_id;
  tr.to_department = *in.department_id;
  tr.to_assignee = in.assignee_id;
  tr.reason = in.note;
  tr.sendback = IsSendBack(t.department_id, *in.department_id, ctx.transfer_history);
  tr.technical = escalate;
  p.transfer = tr;
  p.change.escalation_level = escalate ? 1 : 0;
  p.next = in.assignee_id ? TicketStatus::kAccepted : TicketStatus::kNew;  // the receiving side picks it up
  p.timers.stop = {TimerKind::kHandover};
  p.timers.start = {TimerKind::kHandover};
  p.notices.push_back({tr.sendback ? Notice::kSentBack : Notice::kTransferred, Audience::kTransferTarget});
  return p;
}

Result<ActionPlan> PlanAssign(const Ticket& t, const ActionInput& in, TicketStatus next) {
  if (!in.assignee_id) return Required("assignee_id");
  ActionPlan p = Base(t, Action::kAssign, next);
  p.change.assignee = in.assignee_id;
  p.notices.push_back({Notice::kAssigned, Audience::kAssignee});
  return p;
}

Result<ActionPlan> PlanComment(const Ticket& t, const ActionInput& in, TicketStatus next) {
  if (in.note.empty()) return Error::Invalid("note", Msg("field.empty", "must not be empty"));
  ActionPlan p = Base(t, Action::kComment, next);
  p.comments.push_back({in.internal, in.note});
  return p;
}

}  // namespace

Result<ActionPlan> Plan(const Ticket& t, const ActionInput& in, const ActionContext& ctx) {
  if (in.action == Action::kCallback) {
    if (!in.reached) return Required("reached");
    if (!*in.reached) {  // an attempt that did not reach the customer: the callback stays open
      SQM_TRY(Next(t.status, in.action, CallbackResolved::kResolved));
      ActionPlan p;
      p.next = t.status;
      p.event = "ticket.callback_attempted";
      p.attempt_only = true;
      p.comments.push_back({true, in.note.empty() ? "callback attempt: customer not reached" : in.note});
      return p;
    }
  }
  SQM_ASSIGN(const TicketStatus next, Next(t.status, in.action, in.resolved));
  switch (in.action) {
    case Action::kAccept: return PlanAccept(t, in, next);
    case Action::kRespond: return PlanRespond(t, in, next);
    case Action::kStart: return PlanStart(t, in, next);
    case Action::kWait: return PlanWait(t, in, next);
    case Action::kResume: return PlanResume(t, in, next);
    case Action::kResolve: return PlanResolve(t, in, next);
    case Action::kCallback: return PlanCallback(t, in, next);
    case Action::kClose: return PlanClose(t, in, next);
    case Action::kReopen: return PlanReopen(t, in, next);
    case Action::kCancel: return PlanCancel(t, in, next);
    case Action::kMerge: return PlanMerge(t, in, next);
    case Action::kTransfer:
    case Action::kEscalate: return PlanTransfer(t, in, next, ctx);
    case Action::kAssign: return PlanAssign(t, in, next);
    case Action::kComment: return PlanComment(t, in, next);
  }
  return Error::Internal("unknown action");
}

Status CheckMergeTarget(const Ticket& target) {
  if (!IsOpen(target.status) && target.status != TicketStatus::kResolved) {
    return Error::Invalid("merge_into", Msg("ticket.merge_target_closed", "the target ticket is no longer open"));
  }
  return {};
}

Result<ActionPlan> PlanCustomerReply(const Ticket& t, const std::string& body) {
  if (!IsOpen(t.status)) {
    return Error::Conflict(Msg("portal.ticket_closed", "the ticket is no longer open; submit a new request"), "ticket");
  }
  ActionPlan p;
  p.event = "ticket.customer_replied";
  p.next = t.status;
  if (t.status == TicketStatus::kWaitingCustomer) {
    p.next = TicketStatus::kInProgress;
    p.timers.resume_all = true;
  }
  p.comments.push_back({false, body});
  p.notices.push_back({Notice::kCustomerReplied, Audience::kAssignee});
  return p;
}

Attribution ChargedFor(const Ticket& t, const ActionPlan& plan, Id actor) {
  Attribution a{t.assignee_id, t.department_id};
  if (!a.staff_id && (plan.change.take || plan.change.resolve)) a.staff_id = actor;
  return a;
}

Attribution ResolverOf(const Ticket& t) {
  if (t.resolved_by || t.resolved_department_id) return {t.resolved_by, t.resolved_department_id};
  return {t.assignee_id, t.department_id};
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

std::optional<Id> ParseTicketNumber(std::string_view text) {
  if (text.size() < 7 || text.size() > 19 || (text[0] != 'T' && text[0] != 't')) return std::nullopt;
  Id id = 0;
  for (char c : text.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  if (TicketNumber(id) != "T" + std::string(text.substr(1))) return std::nullopt;
  return id;
}

}  // namespace sqm::desk
