#include "desk/service.h"

#include <algorithm>
#include <set>
#include <span>

#include <fmt/format.h>

#include "desk/repo/catalogue.h"
#include "desk/repo/notifications.h"
#include "org/repo.h"
#include "sla/repo.h"

namespace sqm::desk {

using storage::Connection;
using storage::WriteTx;
namespace bj = boost::json;

namespace {

// Who hears of a transfer to `department` without a person (Audience::kTransferTarget), but not
// the actor.
std::vector<Id> TeamOf(Connection& db, Id department, Id actor) {
  std::set<Id> team;
  for (Id m : org::repo::MembersWithRoles(db, department, HandlingRoles())) team.insert(m);
  // The team's managers, or those of the nearest department above it that has some.
  std::optional<Id> d = department;
  for (int depth = 0; d && depth < 64; ++depth) {
    auto managers = org::repo::ManagersOf(db, *d);
    if (!managers.empty()) {
      team.insert(managers.begin(), managers.end());
      break;
    }
    auto dep = org::repo::FindDepartment(db, *d);
    d = dep ? dep->parent_id : std::nullopt;
  }
  team.erase(actor);
  return {team.begin(), team.end()};
}

constexpr TimeMs kDuplicateWindow = 7LL * 24 * 3600 * 1000;

bj::value OrNull(const std::optional<Id>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

// An in-app notification about ticket `t`: the args are number, title and `extra`.
Status Notify(WriteTx& tx, Id recipient, const Ticket& t, Notice notice, MessageArgs extra = {}) {
  MessageArgs args{{"number", t.number}, {"title", t.title}};
  args.insert(args.end(), extra.begin(), extra.end());
  const std::string kind = NoticeKind(notice);
  return repo::InsertNotification(tx.db(), recipient, kind, t.id,
                                  Msg("notification." + kind, NoticeEnglish(notice), args), tx.now());
}

Status CheckStaff(Connection& db, Id id, std::string_view field) {
  if (!org::repo::IsActiveStaff(db, id)) {
    return Error::Invalid(std::string(field), Msg("desk.no_active_staff", "no such active staff member"));
  }
  return {};
}

Status CheckDepartment(Connection& db, Id id, std::string_view field) {
  auto d = org::repo::FindDepartment(db, id);
  if (!d || !d->active)
    return Error::Invalid(std::string(field), Msg("desk.no_active_department", "no such active department"));
  return {};
}

// What the event of an action says: the status it left and reached, its note, and what the action
// did beyond that.
bj::object EventData(const Ticket& t, const ActionInput& in, const ActionPlan& plan) {
  if (plan.attempt_only) return {{"reached", false}};
  bj::object data{{"from", Name(t.status)}, {"to", Name(plan.next)}};
  if (!in.note.empty()) data["note"] = in.note;
  if (plan.callback == CallbackTask::kRecord) {
    data["reached"] = true;
    data["resolved"] = Name(*in.resolved);
    data["satisfaction"] = Name(in.satisfaction.value_or(Satisfaction::kNotRated));
  }
  if (plan.change.merged_into) data["merge_into"] = *plan.change.merged_into;
  if (plan.transfer) {
    data["from_department_id"] = OrNull(plan.transfer->from_department);
    data["to_department_id"] = plan.transfer->to_department;
    data["sendback"] = plan.transfer->sendback;
  }
  if (plan.escalation) data["escalation"] = Name(*plan.escalation);
  if (plan.change.assignee) data["assignee_id"] = *plan.change.assignee;
  if (plan.event == "ticket.comment") data["internal"] = in.internal;
  return data;
}

}  // namespace

Service::Service(storage::Database& db, sla::Service& sla, const Clock& clock) : db_(db), sla_(sla), clock_(clock) {}

sla::TicketFacts Service::FactsOf(Connection& db, const Ticket& t) {
  sla::TicketFacts f;
  f.ticket_type = Name(t.type);
  f.priority = static_cast<sla::Priority>(t.priority);
  f.channel = Name(t.channel);
  if (t.category_id) f.category_path = repo::CategoryPath(db, *t.category_id);
  if (t.customer_id) {
    if (auto c = repo::FindCustomer(db, *t.customer_id)) {
      f.customer_tier = c->tier;
      // A person inherits the tier of their organisation's contract when they have none.
      if (c->organisation_id && c->tier == "standard") {
        if (auto o = repo::FindCustomer(db, *c->organisation_id)) f.customer_tier = o->tier;
      }
    }
  }
  return f;
}

Result<Ticket> Service::Visible(Connection& db, const org::Principal& who, Id id) {
  auto t = repo::FindTicket(db, id);
  if (!t) return Error::NotFound(Msg("ticket.not_found", "ticket {id} does not exist", {{"id", std::to_string(id)}}));
  if (!t->department_id) return *t;  // the intake queue is visible to everyone who reads tickets
  if (!repo::CanSee(db, id, repo::VisibilityOf(who))) {
    return Error::Forbidden(Msg("ticket.outside_scope", "this ticket is outside your departments"));
  }
  return *t;
}

// ---- registration ----

Result<Ticket> Service::RegisterIn(WriteTx& tx, const org::Principal& who, const TicketDraft& draft) {
  const auto& reg = draft.registration;
  SQM_TRY(CheckRegistration(draft));
  auto& db = tx.db();
  if (reg.customer_id && !repo::FindCustomer(db, *reg.customer_id)) {
    return Error::Invalid("customer_id", Msg("desk.no_customer", "no such customer"));
  }
  if (reg.category_id) {
    auto c = repo::FindCategory(db, *reg.category_id);
    if (!c || !c->active)
      return Error::Invalid("category_id", Msg("desk.no_active_category", "no such active category"));
  }
  if (draft.department_id) SQM_TRY(CheckDepartment(db, *draft.department_id, "department_id"));
  if (draft.assignee_id) SQM_TRY(CheckStaff(db, *draft.assignee_id, "assignee_id"));
  if (const auto& c = draft.complaint) {
    if (c->about_staff_id) SQM_TRY(CheckStaff(db, *c->about_staff_id, "complaint.about_staff_id"));
    if (c->about_department_id) SQM_TRY(CheckDepartment(db, *c->about_department_id, "complaint.about_department_id"));
    if (c->responsible_id) SQM_TRY(CheckStaff(db, *c->responsible_id, "complaint.responsible_id"));
  }
  const std::optional<Id> department = draft.department_id ? draft.department_id : who.department_id;
  SQM_ASSIGN(const Id id, repo::InsertTicket(db, draft, InitialStatus(draft), department, who.department_id,
                                             who.staff_id, tx.now()));
  if (reg.type == TicketType::kComplaint) SQM_TRY(repo::InsertComplaint(db, id, *draft.complaint));
  Ticket t = *repo::FindTicket(db, id);
  SQM_ASSIGN(auto applied, sla_.StartTicket(tx, id, FactsOf(db, t), tx.now()));
  if (applied) {
    SQM_TRY(repo::SetSlaPolicy(db, id, applied->policy_id, applied->policy_version, applied->summary, tx.now()));
  }
  tx.Append("ticket", std::to_string(id), "ticket.created",
            {{"number", t.number},
             {"type", Name(reg.type)},
             {"channel", Name(reg.channel)},
             {"priority", PriorityName(reg.priority)},
             {"title", reg.title},
             {"customer_id", OrNull(reg.customer_id)},
             {"category_id", OrNull(reg.category_id)},
             {"department_id", OrNull(department)},
             {"assignee_id", OrNull(draft.assignee_id)},
             {"sla", applied ? bj::value(applied->summary) : bj::value(nullptr)}});
  if (draft.assignee_id && *draft.assignee_id != who.staff_id) {
    SQM_TRY(Notify(tx, *draft.assignee_id, t, Notice::kAssigned));
  }
  return *repo::FindTicket(db, id);
}

Result<RegisterResult> Service::Register(const org::Principal& who, const TicketDraft& draft) {
  SQM_TRY(CheckRegistration(draft));
  RegisterResult out;
  auto ticket = db_.Write(who.username, [&](WriteTx& tx) { return RegisterIn(tx, who, draft); });
  if (!ticket.ok()) return ticket.error();
  sla_.Reschedule(ticket->id);
  out.ticket = std::move(ticket.value());
  if (const auto& customer = draft.registration.customer_id) {
    out.possible_duplicates = db_.Read([&](Connection& c) {
      return repo::PossibleDuplicates(c, *customer, draft.registration.category_id, clock_.Now() - kDuplicateWindow,
                                      out.ticket.id, repo::VisibilityOf(who));
    });
  }
  return out;
}

// ---- actions ----

Result<Ticket> Service::ActIn(WriteTx& tx, const org::Principal& who, Id id, const ActionInput& in) {
  SQM_ASSIGN(Ticket t, Visible(tx.db(), who, id));
  return ActIn(tx, who, t, in);
}

Result<Ticket> Service::ActIn(WriteTx& tx, const org::Principal& who, const Ticket& t, const ActionInput& in) {
  auto& db = tx.db();
  ActionContext context{who.staff_id, {}};
  if (in.action == Action::kTransfer || in.action == Action::kEscalate) {
    context.transfer_history = repo::TransferHistory(db, t.id);
  }
  SQM_ASSIGN(const ActionPlan plan, Plan(t, in, context));
  // What the plan refers to must exist, be active and, for a merge, be visible and still open.
  if (const auto& tr = plan.transfer) {
    SQM_TRY(CheckDepartment(db, tr->to_department, "department_id"));
    if (tr->to_assignee) SQM_TRY(CheckStaff(db, *tr->to_assignee, "assignee_id"));
  }
  if (plan.change.assignee) SQM_TRY(CheckStaff(db, *plan.change.assignee, "assignee_id"));
  if (plan.change.merged_into) {
    SQM_ASSIGN(const Ticket target, Visible(db, who, *plan.change.merged_into));
    SQM_TRY(CheckMergeTarget(target));
  }
  return Apply(tx, who, t, in, plan);
}

Result<Ticket> Service::Apply(WriteTx& tx, const org::Principal& who, const Ticket& t, const ActionInput& in,
                              const ActionPlan& plan) {
  auto& db = tx.db();
  const Id id = t.id;
  const TimeMs now = tx.now();
  const Attribution charged = ChargedFor(t, plan, who.staff_id);
  if (!plan.attempt_only) {
    SQM_TRY(repo::ApplyChange(db, id, who.staff_id, plan.next, plan.change, plan.transfer, now, charged));
  }
  if (plan.change.reopen) {
    const std::string reason =
        plan.callback == CallbackTask::kRecord && in.note.empty() ? "callback: not resolved" : in.note;
    SQM_TRY(repo::InsertReopen(db, id, ResolverOf(t), reason, now));
  }
  Id transfer_id = 0;
  if (plan.transfer) {
    SQM_ASSIGN(transfer_id, repo::InsertTransfer(db, id, *plan.transfer, who.staff_id, now));
  }

  const TimerEffects& timers = plan.timers;
  if (timers.resume_all) SQM_TRY(sla_.ResumeAll(tx, id, now));
  if (timers.pause_all) SQM_TRY(sla_.PauseAll(tx, id, now));
  for (sla::TimerKind kind : timers.stop) SQM_TRY(sla_.StopKind(tx, id, kind, now));
  if (timers.stop_all) SQM_TRY(sla_.StopAll(tx, id, now));
  if (!timers.stop.empty() || timers.stop_all) {
    SQM_TRY(sla::repo::AttributeStoppedTimers(db, id, now, charged.staff_id, charged.department_id));
  }
  if (t.sla_policy_id) {
    for (sla::TimerKind kind : timers.start) {
      SQM_TRY(sla_.StartTimer(tx, id, kind, *t.sla_policy_id, t.sla_policy_version, now,
                              kind == sla::TimerKind::kHandover ? transfer_id : 0));
    }
  }

  if (plan.callback == CallbackTask::kOpen) {
    std::optional<TimeMs> due;
    for (const auto& timer : sla_.TimersOf(tx, id)) {
      if (timer.kind == sla::TimerKind::kCallback && !timer.stopped_at) due = timer.due_at;
    }
    SQM_TRY(repo::OpenCallback(db, id, now, due.value_or(now + kDefaultCallbackDue), charged));
  } else if (plan.callback == CallbackTask::kRecord) {
    SQM_TRY(repo::RecordCallback(db, id, who.staff_id, *in.resolved, in.satisfaction.value_or(Satisfaction::kNotRated),
                                 in.note, now, ResolverOf(t)));
  }
  for (const NewComment& c : plan.comments) {
    SQM_TRY(repo::InsertComment(db, c.on_merge_target ? *plan.change.merged_into : id, who.staff_id, c.internal, c.body,
                                now));
  }

  // Who hears of it, each once.
  for (const NoticeTo& n : plan.notices) {
    std::vector<Id> to;
    switch (n.audience) {
      case Audience::kAssignee: {
        const auto assignee = plan.change.assignee ? plan.change.assignee : t.assignee_id;
        if (assignee && *assignee != who.staff_id) to.push_back(*assignee);
        break;
      }
      case Audience::kDepartmentManagers:
        if (t.department_id) to = org::repo::ManagersOf(db, *t.department_id);
        break;
      case Audience::kTransferTarget:
        to = plan.transfer->to_assignee ? std::vector<Id>{*plan.transfer->to_assignee}
                                        : TeamOf(db, plan.transfer->to_department, who.staff_id);
        break;
    }
    for (Id r : to) {
      SQM_TRY(Notify(tx, r, t, n.notice, plan.transfer ? MessageArgs{{"note", in.note}} : MessageArgs{}));
    }
  }
  tx.Append("ticket", std::to_string(id), plan.event, EventData(t, in, plan));
  auto now_ticket = *repo::FindTicket(db, id);
  if (action_hook_) SQM_TRY(action_hook_(tx, now_ticket, in));
  return now_ticket;
}

Result<Ticket> Service::Act(const org::Principal& who, Id id, const ActionInput& in) {
  auto result = db_.Write(who.username, [&](WriteTx& tx) { return ActIn(tx, who, id, in); });
  if (result.ok()) sla_.Reschedule(id);
  return result;
}

Result<Ticket> Service::CustomerReply(const org::Principal& who, Id customer_id, Id id, const std::string& body) {
  auto result = db_.Write(who.username, [&](WriteTx& tx) -> Result<Ticket> {
    auto t = repo::FindTicket(tx.db(), id);
    if (!t || t->customer_id != customer_id)
      return Error::NotFound(Msg("ticket.not_found", "ticket {id} does not exist", {{"id", std::to_string(id)}}));
    SQM_ASSIGN(const ActionPlan plan, PlanCustomerReply(*t, body));
    return Apply(tx, who, *t, ActionInput{}, plan);  // the reply is the plan's comment
  });
  if (result.ok()) sla_.Reschedule(id);
  return result;
}

// ---- reading ----

Result<TicketView> Service::Get(const org::Principal& who, Id id) {
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) -> Result<TicketView> {
    TicketView v;
    SQM_ASSIGN(v.ticket, Visible(db, who, id));
    repo::FillSlaStates(db, std::span<Ticket>(&v.ticket, 1), now);
    v.complaint = repo::FindComplaint(db, id);
    v.callbacks = repo::CallbacksOf(db, id);
    v.comments = repo::Comments(db, id, /*include_internal=*/true);
    v.timers = sla_.TimersOf(db, id);
    for (const auto& t : v.timers) v.timer_status.push_back(sla_.StatusAt(t, now));
    auto events = storage::ListEvents(db, {.entity = "ticket", .entity_id = std::to_string(id), .limit = 500}).events;
    v.timeline.assign(events.rbegin(), events.rend());
    v.allowed = AllowedActions(v.ticket.status);
    return v;
  });
}

Result<std::vector<Ticket>> Service::List(const org::Principal& who, const repo::TicketQuery& query) {
  const TimeMs now = clock_.Now();
  repo::TicketQuery q = query;
  q.q_phone = ContactAccessOf(who) != ContactAccess::kMasked;  // no phone oracle for read-only roles
  return db_.Read([&](Connection& db) {
    auto tickets = repo::ListTickets(db, q, repo::VisibilityOf(who), now);
    repo::FillSlaStates(db, tickets, now);
    return tickets;
  });
}

Result<std::vector<Ticket>> Service::Duplicates(const org::Principal& who, Id customer_id,
                                                std::optional<Id> category_id) {
  const TimeMs since = clock_.Now() - kDuplicateWindow;
  return db_.Read([&](Connection& db) {
    return repo::PossibleDuplicates(db, customer_id, category_id, since, {}, repo::VisibilityOf(who));
  });
}

// ---- SLA and complaints ----

Result<Ticket> Service::ReapplySla(const org::Principal& who, Id id) {
  auto result = db_.Write(who.username, [&](WriteTx& tx) -> Result<Ticket> {
    SQM_ASSIGN(Ticket t, Visible(tx.db(), who, id));
    SQM_ASSIGN(auto applied, sla_.Reapply(tx, id, FactsOf(tx.db(), t), tx.now()));
    if (applied) {
      SQM_TRY(repo::SetSlaPolicy(tx.db(), id, applied->policy_id, applied->policy_version, applied->summary, tx.now()));
    }
    tx.Append("ticket", std::to_string(id), "ticket.sla_reapplied",
              {{"from_policy_id", OrNull(t.sla_policy_id)},
               {"from_version", t.sla_policy_version},
               {"to_policy_id", applied ? bj::value(applied->policy_id) : bj::value(nullptr)},
               {"to_version", applied ? bj::value(applied->policy_version) : bj::value(nullptr)}});
    return *repo::FindTicket(tx.db(), id);
  });
  if (result.ok()) sla_.Reschedule(id);
  return result;
}

Result<Complaint> Service::UpdateComplaint(const org::Principal& who, Id ticket_id, const ComplaintPatch& p) {
  return db_.Write(who.username, [&](WriteTx& tx) { return UpdateComplaintIn(tx, who, ticket_id, p); });
}

Result<Complaint> Service::UpdateComplaintIn(WriteTx& tx, const org::Principal& who, Id ticket_id,
                                             const ComplaintPatch& p) {
  auto& db = tx.db();
  SQM_ASSIGN(Ticket t, Visible(db, who, ticket_id));
  if (t.type != TicketType::kComplaint)
    return Error::Invalid("ticket", Msg("complaint.not_a_complaint", "this ticket is not a complaint"));
  auto c = repo::FindComplaint(db, ticket_id);
  if (!c) return Error::NotFound(Msg("complaint.missing", "no complaint record"));
  bj::object changes;
  if (p.category) {
    c->category = *p.category;
    changes["category"] = Name(*p.category);
  }
  if (p.about_staff_id) {
    if (*p.about_staff_id) SQM_TRY(CheckStaff(db, **p.about_staff_id, "about_staff_id"));
    c->about_staff_id = *p.about_staff_id;
    changes["about_staff_id"] = OrNull(*p.about_staff_id);
  }
  if (p.about_department_id) {
    if (*p.about_department_id) SQM_TRY(CheckDepartment(db, **p.about_department_id, "about_department_id"));
    c->about_department_id = *p.about_department_id;
    changes["about_department_id"] = OrNull(*p.about_department_id);
  }
  if (p.responsible_id) {
    if (*p.responsible_id) SQM_TRY(CheckStaff(db, **p.responsible_id, "responsible_id"));
    c->responsible_id = *p.responsible_id;
    changes["responsible_id"] = OrNull(*p.responsible_id);
    if (*p.responsible_id && **p.responsible_id != who.staff_id) {
      SQM_TRY(Notify(tx, **p.responsible_id, t, Notice::kComplaintResponsible));
    }
  }
  if (p.severity) {
    if (*p.severity < 1 || *p.severity > 3)
      return Error::Invalid("severity", Msg("complaint.bad_severity", "must be 1, 2 or 3"));
    c->severity = *p.severity;
    changes["severity"] = *p.severity;
  }
  if (p.deadline_at) {
    c->deadline_at = *p.deadline_at;
    changes["deadline_at"] = OrNull(*p.deadline_at);
  }
  if (p.findings) {
    c->findings = *p.findings;
    changes["findings"] = *p.findings;
  }
  if (p.remedy) {
    c->remedy = *p.remedy;
    changes["remedy"] = *p.remedy;
  }
  if (p.substantiated) {
    c->substantiated = *p.substantiated;
    changes["substantiated"] = *p.substantiated ? bj::value(**p.substantiated) : bj::value(nullptr);
  }
  if (p.communicated_at) {
    c->communicated_at = *p.communicated_at;
    changes["communicated_at"] = OrNull(*p.communicated_at);
  }
  if (p.communicated_how) {
    c->communicated_how = *p.communicated_how;
    changes["communicated_how"] = *p.communicated_how;
  }
  if (changes.empty()) return *c;
  SQM_TRY(repo::SaveComplaint(db, *c));
  SQM_TRY(repo::Touch(db, ticket_id, tx.now()));
  tx.Append("ticket", std::to_string(ticket_id), "ticket.complaint_updated", std::move(changes));
  return *c;
}

// ---- SLA firing ----

Status Service::OnFiring(WriteTx& tx, const sla::Timer& timer, sla::FiringKind kind) {
  auto& db = tx.db();
  auto t = repo::FindTicket(db, timer.ticket_id);
  if (!t) return {};
  const bool breach = kind == sla::FiringKind::kBreach;
  // A breach is charged to whoever holds the ticket now; a later stop overwrites it.
  if (breach) SQM_TRY(sla::repo::AttributeTimer(db, timer.id, t->assignee_id, t->department_id));
  const std::string reason = fmt::format("{} breached", sla::TimerKindName(timer.kind));
  std::vector<Id> recipients;
  if (t->assignee_id) recipients.push_back(*t->assignee_id);
  if (t->department_id) {
    for (Id m : org::repo::ManagersOf(db, *t->department_id)) recipients.push_back(m);
  }
  if (breach && t->priority > 1 && IsOpen(t->status)) {
    SQM_TRY(repo::RaisePriority(db, t->id, tx.now()));
    tx.Append("ticket", std::to_string(t->id), "ticket.escalated",
              {{"reason", reason}, {"priority", PriorityName(t->priority - 1)}});
    if (t->department_id) {
      if (auto d = org::repo::FindDepartment(db, *t->department_id); d && d->parent_id) {
        for (Id m : org::repo::ManagersOf(db, *d->parent_id)) recipients.push_back(m);
      }
    }
  }
  // A policy may name who takes over its breached tickets (a duty manager): the ticket goes to them.
  if (breach && IsOpen(t->status)) {
    const auto policy = sla::repo::FindPolicy(db, timer.policy_id, timer.policy_version);
    const auto to = policy ? policy->breach_assignee_id : std::nullopt;
    if (to && to != t->assignee_id && org::repo::IsActiveStaff(db, *to)) {
      SQM_TRY(repo::ApplyChange(db, t->id, *to, t->status, {.assignee = *to}, std::nullopt, tx.now()));
      tx.Append("ticket", std::to_string(t->id), "ticket.assign", {{"assignee_id", *to}, {"reason", reason}});
      SQM_TRY(Notify(tx, *to, *t, Notice::kEscalated));
    }
  }
  std::sort(recipients.begin(), recipients.end());
  recipients.erase(std::unique(recipients.begin(), recipients.end()), recipients.end());
  for (Id r : recipients) {
    SQM_TRY(Notify(tx, r, *t, breach ? Notice::kSlaBreach : Notice::kSlaWarning,
                   {{"timerKind", sla::TimerKindName(timer.kind)}}));
  }
  return {};
}

}  // namespace sqm::desk
