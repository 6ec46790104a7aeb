#include "desk/service.h"

#include <span>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/json.h"
#include "org/repo.h"
#include "sla/repo.h"

namespace sqm::desk {

using storage::Connection;
using storage::WriteTx;
namespace bj = boost::json;

namespace {

constexpr TimeMs kDuplicateWindow = 7LL * 24 * 3600 * 1000;

bj::value OrNull(const std::optional<Id>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

// An in-app notification about ticket `t`. Its message key is "notification.<kind>" with the args
// number, title and `extra`; the args are stored as JSON beside the English text.
void Notify(WriteTx& tx, Id recipient, const Ticket& t, std::string_view kind, std::string_view english,
            MessageArgs extra = {}) {
  MessageArgs args{{"number", t.number}, {"title", t.title}};
  args.insert(args.end(), extra.begin(), extra.end());
  const Message m = Msg("notification." + std::string(kind), english, args);
  auto r = repo::InsertNotification(tx.db(), recipient, std::string(kind), t.id, m, tx.now());
  if (!r.ok()) throw storage::DbError("notification insert failed: " + r.error().message);
}

Status AddComment(WriteTx& tx, Id ticket_id, Id author, const std::string& visibility, const std::string& body) {
  return tx.db().Exec(
      "INSERT INTO ticket_comments (ticket_id, author_id, visibility, body, created_at) VALUES (?, ?, ?, ?, ?)",
      {ticket_id, author, visibility, body, tx.now()});
}

Status CheckStaff(Connection& db, Id id, std::string_view field) {
  auto s = org::repo::FindStaff(db, id);
  if (!s || !s->active)
    return Error::Invalid(std::string(field), Msg("desk.no_active_staff", "no such active staff member"));
  return {};
}

Status CheckDepartment(Connection& db, Id id, std::string_view field) {
  auto d = org::repo::FindDepartment(db, id);
  if (!d || !d->active)
    return Error::Invalid(std::string(field), Msg("desk.no_active_department", "no such active department"));
  return {};
}

}  // namespace

bj::object TicketJson(const Ticket& t) {
  auto time = [](const std::optional<TimeMs>& v) { return v ? bj::value(FormatIsoUtc(*v)) : bj::value(nullptr); };
  return {{"id", t.id},
          {"number", t.number},
          {"type", Name(t.type)},
          {"channel", Name(t.channel)},
          {"priority", PriorityName(t.priority)},
          {"status", Name(t.status)},
          {"title", t.title},
          {"description", t.description},
          {"customer_id", OrNull(t.customer_id)},
          {"customer_name", t.customer_name},
          {"category_id", OrNull(t.category_id)},
          {"category_name", t.category_name},
          {"department_id", OrNull(t.department_id)},
          {"department_name", t.department_name},
          {"assignee_id", OrNull(t.assignee_id)},
          {"assignee_name", t.assignee_name},
          {"merged_into", OrNull(t.merged_into)},
          {"cancel_reason", t.cancel_reason},
          {"transfer_count", t.transfer_count},
          {"sendback_count", t.sendback_count},
          {"reopen_count", t.reopen_count},
          {"escalation_level", t.escalation_level},
          {"sla_policy_id", OrNull(t.sla_policy_id)},
          {"sla_policy_version", t.sla_policy_version},
          {"sla_summary", t.sla_summary},
          {"sla_policy_name", t.sla_policy_id ? bj::value(t.sla_policy_name) : bj::value(nullptr)},
          {"sla_state", t.sla_state ? bj::value(sla::SlaStateName(*t.sla_state)) : bj::value(nullptr)},
          {"created_at", FormatIsoUtc(t.created_at)},
          {"accepted_at", time(t.accepted_at)},
          {"first_response_at", time(t.first_response_at)},
          {"resolved_at", time(t.resolved_at)},
          {"closed_at", time(t.closed_at)},
          {"updated_at", FormatIsoUtc(t.updated_at)}};
}

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
  if (!repo::CanSee(*t, {who.scope, who.staff_id}, repo::OriginDepartment(db, id))) {
    return Error::Forbidden(Msg("ticket.outside_scope", "this ticket is outside your departments"));
  }
  return *t;
}

Result<Ticket> Service::RegisterIn(WriteTx& tx, const org::Principal& who, const TicketDraft& draft) {
  const auto& reg = draft.registration;
  SQM_TRY(CheckRegistration(reg));
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
  const std::optional<Id> department = draft.department_id ? draft.department_id : who.department_id;
  const TicketStatus status = draft.assignee_id ? TicketStatus::kAccepted : TicketStatus::kNew;
  SQM_ASSIGN(
      auto r,
      db.Exec("INSERT INTO tickets (type, channel, priority, status, title, description, customer_id,"
              " category_id, department_id, origin_department_id, assignee_id, created_by,"
              " created_at, accepted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {Name(reg.type), Name(reg.channel), reg.priority, Name(status), reg.title, reg.description,
               reg.customer_id, reg.category_id, department, who.department_id, draft.assignee_id, who.staff_id,
               tx.now(), draft.assignee_id ? std::optional<TimeMs>(tx.now()) : std::nullopt, tx.now()}));
  const Id id = r.last_insert_id;
  if (reg.type == TicketType::kComplaint) {
    const ComplaintDraft c = draft.complaint.value_or(ComplaintDraft{});
    if (c.severity < 1 || c.severity > 3)
      return Error::Invalid("complaint.severity", Msg("complaint.bad_severity", "must be 1, 2 or 3"));
    if (c.about_staff_id) SQM_TRY(CheckStaff(db, *c.about_staff_id, "complaint.about_staff_id"));
    if (c.about_department_id) SQM_TRY(CheckDepartment(db, *c.about_department_id, "complaint.about_department_id"));
    if (c.responsible_id) SQM_TRY(CheckStaff(db, *c.responsible_id, "complaint.responsible_id"));
    SQM_TRY(db.Exec(
        "INSERT INTO complaints (ticket_id, category, about_staff_id, about_department_id, severity,"
        " responsible_id, deadline_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, Name(c.category), c.about_staff_id, c.about_department_id, c.severity, c.responsible_id, c.deadline_at}));
  }
  Ticket t = *repo::FindTicket(db, id);
  SQM_ASSIGN(auto applied, sla_.StartTicket(tx, id, FactsOf(db, t), tx.now()));
  if (applied) {
    SQM_TRY(db.Exec("UPDATE tickets SET sla_policy_id = ?, sla_policy_version = ?, sla_summary = ? WHERE id = ?",
                    {applied->policy_id, applied->policy_version, applied->summary, id}));
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
    Notify(tx, *draft.assignee_id, t, "assigned", "{number} {title} was assigned to you");
  }
  return *repo::FindTicket(db, id);
}

Result<RegisterResult> Service::Register(const org::Principal& who, const TicketDraft& draft) {
  const auto& reg = draft.registration;
  SQM_TRY(CheckRegistration(reg));
  RegisterResult out;
  auto ticket = db_.Write(who.username, [&](WriteTx& tx) { return RegisterIn(tx, who, draft); });
  if (!ticket.ok()) return ticket.error();
  sla_.Reschedule(ticket->id);
  out.ticket = std::move(ticket.value());
  if (reg.customer_id) {
    out.possible_duplicates = db_.Read([&](Connection& c) {
      return repo::PossibleDuplicates(c, *reg.customer_id, reg.category_id, clock_.Now() - kDuplicateWindow,
                                      out.ticket.id, {who.scope, who.staff_id});
    });
  }
  return out;
}

Result<Ticket> Service::ActIn(WriteTx& tx, const org::Principal& who, Id id, const ActionInput& in) {
  SQM_ASSIGN(Ticket t, Visible(tx.db(), who, id));
  return ActIn(tx, who, t, in);
}

Result<Ticket> Service::ActIn(WriteTx& tx, const org::Principal& who, const Ticket& t, const ActionInput& in) {
  auto& db = tx.db();
  const Id id = t.id;
  if (in.action == Action::kCallback) {
    if (!in.reached) return Error::Invalid("reached", Msg("field.required", "is required"));
    if (!*in.reached) {  // an attempt that did not reach the customer: the callback stays open
      SQM_TRY(Next(t.status, in.action, CallbackResolved::kResolved));
      SQM_TRY(AddComment(tx, id, who.staff_id, "internal",
                         in.note.empty() ? "callback attempt: customer not reached" : in.note));
      tx.Append("ticket", std::to_string(id), "ticket.callback_attempted", {{"reached", false}});
      return *repo::FindTicket(db, id);
    }
  }
  SQM_ASSIGN(TicketStatus next, Next(t.status, in.action, in.resolved));
  const std::string sid = std::to_string(id);
  const TimeMs now = tx.now();
  bj::object data{{"from", Name(t.status)}, {"to", Name(next)}};
  if (!in.note.empty()) data["note"] = in.note;
  auto set = [&](const char* sql, storage::Params params) -> Status { return db.Exec(sql, params); };

  switch (in.action) {
    case Action::kAccept: {
      SQM_TRY(
          set("UPDATE tickets SET accepted_at = coalesce(accepted_at, ?), assignee_id = coalesce(assignee_id, ?)"
              " WHERE id = ?",
              {now, who.staff_id, id}));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kHandover, now));
      break;
    }
    case Action::kRespond: {
      if (in.note.empty())
        return Error::Invalid("note", Msg("ticket.response_required", "the response to the customer is required"));
      SQM_TRY(AddComment(tx, id, who.staff_id, "public", in.note));
      SQM_TRY(
          set("UPDATE tickets SET first_response_at = coalesce(first_response_at, ?),"
              " accepted_at = coalesce(accepted_at, ?), assignee_id = coalesce(assignee_id, ?) WHERE id = ?",
              {now, now, who.staff_id, id}));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kFirstResponse, now));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kHandover, now));
      break;
    }
    case Action::kStart:  // the receiving side picked it up
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kHandover, now));
      break;
    case Action::kWait: SQM_TRY(sla_.PauseAll(tx, id, now)); break;
    case Action::kResume: SQM_TRY(sla_.ResumeAll(tx, id, now)); break;
    case Action::kResolve: {
      if (t.status == TicketStatus::kWaitingCustomer) SQM_TRY(sla_.ResumeAll(tx, id, now));
      SQM_TRY(set("UPDATE tickets SET resolved_at = ?, first_response_at = coalesce(first_response_at, ?) WHERE id = ?",
                  {now, now, id}));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kFirstResponse, now));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kHandover, now));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kResolution, now));
      if (t.sla_policy_id) {
        SQM_TRY(sla_.StartTimer(tx, id, sla::TimerKind::kCallback, *t.sla_policy_id, t.sla_policy_version, now));
      }
      std::optional<TimeMs> due;
      for (const auto& timer : sla_.TimersOf(tx, id)) {
        if (timer.kind == sla::TimerKind::kCallback && !timer.stopped_at) due = timer.due_at;
      }
      if (!due) due = now + 24LL * 3600 * 1000;  // the callback target when no policy sets one
      SQM_TRY(set("INSERT INTO callbacks (ticket_id, created_at, due_at) VALUES (?, ?, ?)", {id, now, *due}));
      if (!in.note.empty()) SQM_TRY(AddComment(tx, id, who.staff_id, "public", in.note));
      break;
    }
    case Action::kCallback: {
      auto cb = repo::OpenCallback(db, id);
      const Satisfaction sat = in.satisfaction.value_or(Satisfaction::kNotRated);
      if (cb) {
        SQM_TRY(
            set("UPDATE callbacks SET done_at = ?, done_by = ?, reached = ?, resolved = ?, satisfaction = ?,"
                " notes = ? WHERE id = ?",
                {now, who.staff_id, *in.reached ? 1 : 0, Name(*in.resolved), Name(sat), in.note, cb->id}));
      } else {
        SQM_TRY(
            set("INSERT INTO callbacks (ticket_id, created_at, done_at, done_by, reached, resolved, satisfaction,"
                " notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                {id, now, now, who.staff_id, *in.reached ? 1 : 0, Name(*in.resolved), Name(sat), in.note}));
      }
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kCallback, now));
      data["reached"] = *in.reached;
      data["resolved"] = Name(*in.resolved);
      data["satisfaction"] = Name(sat);
      if (next == TicketStatus::kInProgress) {  // "not resolved" reopens
        SQM_TRY(set("UPDATE tickets SET reopen_count = reopen_count + 1, resolved_at = NULL WHERE id = ?", {id}));
        if (t.sla_policy_id) {
          SQM_TRY(sla_.StartTimer(tx, id, sla::TimerKind::kResolution, *t.sla_policy_id, t.sla_policy_version, now));
        }
      }
      break;
    }
    case Action::kClose: SQM_TRY(set("UPDATE tickets SET closed_at = ? WHERE id = ?", {now, id})); break;
    case Action::kReopen: {
      if (in.note.empty())
        return Error::Invalid("note", Msg("ticket.reopen_reason_required", "say why the ticket is reopened"));
      SQM_TRY(
          set("UPDATE tickets SET reopen_count = reopen_count + 1, resolved_at = NULL, closed_at = NULL WHERE id = ?",
              {id}));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kCallback, now));
      if (t.sla_policy_id) {
        SQM_TRY(sla_.StartTimer(tx, id, sla::TimerKind::kResolution, *t.sla_policy_id, t.sla_policy_version, now));
      }
      break;
    }
    case Action::kCancel: {
      if (in.note.empty())
        return Error::Invalid("note", Msg("ticket.cancel_reason_required", "a reason is required to cancel"));
      SQM_TRY(set("UPDATE tickets SET cancel_reason = ? WHERE id = ?", {in.note, id}));
      SQM_TRY(sla_.StopAll(tx, id, now));
      break;
    }
    case Action::kMerge: {
      if (!in.merge_into) return Error::Invalid("merge_into", Msg("field.required", "is required"));
      if (*in.merge_into == id)
        return Error::Invalid("merge_into", Msg("ticket.merge_into_itself", "a ticket cannot be merged into itself"));
      SQM_ASSIGN(Ticket target, Visible(db, who, *in.merge_into));
      if (!IsOpen(target.status) && target.status != TicketStatus::kResolved) {
        return Error::Invalid("merge_into", Msg("ticket.merge_target_closed", "the target ticket is no longer open"));
      }
      SQM_TRY(set("UPDATE tickets SET merged_into = ? WHERE id = ?", {target.id, id}));
      SQM_TRY(sla_.StopAll(tx, id, now));
      SQM_TRY(
          AddComment(tx, target.id, who.staff_id, "internal", fmt::format("{} was merged into this ticket", t.number)));
      data["merge_into"] = target.id;
      break;
    }
    case Action::kTransfer:
    case Action::kEscalate: {
      const bool escalate = in.action == Action::kEscalate;
      if (escalate && !in.escalation) {
        return Error::Invalid("escalation", Msg("ticket.bad_escalation", "must be technical or manager"));
      }
      if (escalate && in.escalation == Escalation::kManager) {
        // Raise to the department's managers: no transfer, the ticket stays where it is.
        SQM_TRY(set("UPDATE tickets SET escalation_level = max(escalation_level, 2) WHERE id = ?", {id}));
        if (t.department_id) {
          for (Id m : org::repo::ManagersOf(db, *t.department_id)) {
            Notify(tx, m, t, "escalated", "{number} {title} was escalated to you");
          }
        }
        data["escalation"] = "manager";
        next = t.status;
        break;
      }
      if (!in.department_id) return Error::Invalid("department_id", Msg("field.required", "is required"));
      if (in.department_id == t.department_id) {
        return Error::Invalid("department_id",
                              Msg("ticket.already_in_department", "the ticket is already in this department"));
      }
      if (in.note.empty()) return Error::Invalid("note", Msg("ticket.reason_required", "a reason is required"));
      SQM_TRY(CheckDepartment(db, *in.department_id, "department_id"));
      if (in.assignee_id) SQM_TRY(CheckStaff(db, *in.assignee_id, "assignee_id"));
      const bool sendback = IsSendBack(t.department_id, *in.department_id, repo::TransferHistory(db, id));
      SQM_ASSIGN(auto tr, db.Exec("INSERT INTO ticket_transfers (ticket_id, from_department_id, to_department_id,"
                                  " to_assignee_id, reason, sendback, escalation, by_id, at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                  {id, t.department_id, *in.department_id, in.assignee_id, in.note, sendback ? 1 : 0,
                                   escalate ? 1 : 0, who.staff_id, now}));
      SQM_TRY(
          set("UPDATE tickets SET department_id = ?, assignee_id = ?, transfer_count = transfer_count + 1,"
              " sendback_count = sendback_count + ?, escalation_level = max(escalation_level, ?) WHERE id = ?",
              {*in.department_id, in.assignee_id, sendback ? 1 : 0, escalate ? 1 : 0, id}));
      next = in.assignee_id ? TicketStatus::kAccepted : TicketStatus::kNew;  // the receiving side picks it up
      if (t.status == TicketStatus::kWaitingCustomer) SQM_TRY(sla_.ResumeAll(tx, id, now));
      SQM_TRY(sla_.StopKind(tx, id, sla::TimerKind::kHandover, now));
      if (t.sla_policy_id) {
        SQM_TRY(sla_.StartTimer(tx, id, sla::TimerKind::kHandover, *t.sla_policy_id, t.sla_policy_version, now,
                                tr.last_insert_id));
      }
      std::vector<Id> notify =
          in.assignee_id ? std::vector<Id>{*in.assignee_id} : org::repo::ManagersOf(db, *in.department_id);
      for (Id m : notify) {
        Notify(tx, m, t, sendback ? "sent_back" : "transferred",
               sendback ? "{number} {title} was sent back to your department: {note}"
                        : "{number} {title} was transferred to your department: {note}",
               {{"note", in.note}});
      }
      data["from_department_id"] = OrNull(t.department_id);
      data["to_department_id"] = *in.department_id;
      data["sendback"] = sendback;
      if (escalate) data["escalation"] = "technical";
      break;
    }
    case Action::kAssign: {
      if (!in.assignee_id) return Error::Invalid("assignee_id", Msg("field.required", "is required"));
      SQM_TRY(CheckStaff(db, *in.assignee_id, "assignee_id"));
      SQM_TRY(set("UPDATE tickets SET assignee_id = ? WHERE id = ?", {*in.assignee_id, id}));
      if (*in.assignee_id != who.staff_id) {
        Notify(tx, *in.assignee_id, t, "assigned", "{number} {title} was assigned to you");
      }
      data["assignee_id"] = *in.assignee_id;
      break;
    }
    case Action::kComment: {
      if (in.note.empty()) return Error::Invalid("note", Msg("field.empty", "must not be empty"));
      SQM_TRY(AddComment(tx, id, who.staff_id, in.internal ? "internal" : "public", in.note));
      data["internal"] = in.internal;
      break;
    }
  }
  SQM_TRY(set("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?", {Name(next), now, id}));
  tx.Append("ticket", sid, std::string("ticket.") + Name(in.action), std::move(data));
  return *repo::FindTicket(db, id);
}

Result<Ticket> Service::Act(const org::Principal& who, Id id, const ActionInput& in) {
  auto result = db_.Write(who.username, [&](WriteTx& tx) { return ActIn(tx, who, id, in); });
  if (result.ok()) sla_.Reschedule(id);
  return result;
}

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
  return db_.Read([&](Connection& db) {
    auto tickets = repo::ListTickets(db, query, {who.scope, who.staff_id}, now);
    repo::FillSlaStates(db, tickets, now);
    return tickets;
  });
}

Result<std::vector<Ticket>> Service::Duplicates(const org::Principal& who, Id customer_id,
                                                std::optional<Id> category_id) {
  const TimeMs since = clock_.Now() - kDuplicateWindow;
  return db_.Read([&](Connection& db) {
    return repo::PossibleDuplicates(db, customer_id, category_id, since, {}, {who.scope, who.staff_id});
  });
}

Result<Ticket> Service::ReapplySla(const org::Principal& who, Id id) {
  auto result = db_.Write(who.username, [&](WriteTx& tx) -> Result<Ticket> {
    SQM_ASSIGN(Ticket t, Visible(tx.db(), who, id));
    SQM_ASSIGN(auto applied, sla_.Reapply(tx, id, FactsOf(tx.db(), t), tx.now()));
    if (applied) {
      SQM_TRY(
          tx.db().Exec("UPDATE tickets SET sla_policy_id = ?, sla_policy_version = ?, sla_summary = ?, updated_at = ?"
                       " WHERE id = ?",
                       {applied->policy_id, applied->policy_version, applied->summary, tx.now(), id}));
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
      Notify(tx, **p.responsible_id, t, "complaint_responsible", "You are responsible for complaint {number}");
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
  std::optional<int> substantiated;
  if (c->substantiated) substantiated = *c->substantiated ? 1 : 0;
  SQM_TRY(db.Exec(
      "UPDATE complaints SET category = ?, about_staff_id = ?, about_department_id = ?, severity = ?,"
      " responsible_id = ?, deadline_at = ?, findings = ?, substantiated = ?, remedy = ?,"
      " communicated_at = ?, communicated_how = ? WHERE ticket_id = ?",
      {Name(c->category), c->about_staff_id, c->about_department_id, c->severity, c->responsible_id, c->deadline_at,
       c->findings, substantiated, c->remedy, c->communicated_at, c->communicated_how, ticket_id}));
  SQM_TRY(db.Exec("UPDATE tickets SET updated_at = ? WHERE id = ?", {tx.now(), ticket_id}));
  tx.Append("ticket", std::to_string(ticket_id), "ticket.complaint_updated", std::move(changes));
  return *c;
}

// ---- customers and catalogue ----

Result<std::vector<Customer>> Service::ListCustomers(const std::optional<std::string>& q, int limit,
                                                     std::optional<Id> after) {
  return db_.Read([&](Connection& db) { return repo::ListCustomers(db, q, limit, after); });
}

Result<Customer> Service::GetCustomer(Id id) {
  auto c = db_.Read([&](Connection& db) { return repo::FindCustomer(db, id); });
  if (!c)
    return Error::NotFound(Msg("customer.not_found", "customer {id} does not exist", {{"id", std::to_string(id)}}));
  return *c;
}

Result<Customer> Service::CreateCustomer(const org::Principal& who, const CustomerDraft& d) {
  if (d.kind != "person" && d.kind != "organisation")
    return Error::Invalid("kind", Msg("customer.bad_kind", "must be person or organisation"));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Customer> {
    if (d.organisation_id) {
      auto o = repo::FindCustomer(tx.db(), *d.organisation_id);
      if (!o || o->kind != "organisation")
        return Error::Invalid("organisation_id", Msg("customer.no_organisation", "no such organisation"));
    }
    if (d.account_id) {
      auto s = org::repo::FindStaff(tx.db(), *d.account_id);
      if (!s || std::find(s->roles.begin(), s->roles.end(), "customer") == s->roles.end()) {
        return Error::Invalid("account_id",
                              Msg("customer.account_not_customer", "must be an account with the customer role"));
      }
    }
    auto r = tx.db().Exec(
        "INSERT INTO customers (name, kind, organisation_id, tier, phone, email, account_id,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {d.name, d.kind, d.organisation_id, d.tier, d.phone, d.email, d.account_id, tx.now(), tx.now()});
    if (!r.ok())
      return Error::Conflict(Msg("customer.account_taken", "this portal account already belongs to a customer"),
                             "account_id");
    tx.Append("customer", std::to_string(r->last_insert_id), "customer.created",
              {{"name", d.name}, {"kind", d.kind}, {"tier", d.tier}});
    return *repo::FindCustomer(tx.db(), r->last_insert_id);
  });
}

Result<std::vector<Category>> Service::ListCategories() {
  return db_.Read([](Connection& db) { return repo::ListCategories(db); });
}

namespace {

// A category name must be unique among the active children of its parent.
Status CheckSiblingName(Connection& db, std::optional<Id> parent, const std::string& name, Id self) {
  auto taken = db.QueryOne(
      "SELECT 1 FROM categories WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ? AND active = 1 AND id <> ?",
      {parent, name, self});
  if (taken) {
    return Error::Conflict(
        Msg("category.name_taken", "another active category here is already called '{name}'", {{"name", name}}),
        "name");
  }
  return {};
}

Status CheckParent(Connection& db, Id parent) {
  auto p = repo::FindCategory(db, parent);
  if (!p) return Error::Invalid("parent_id", Msg("desk.no_category", "no such category"));
  if (!p->active)
    return Error::Invalid("parent_id", Msg("category.parent_inactive", "the parent category is inactive"));
  return {};
}

}  // namespace

Result<Category> Service::CreateCategory(const org::Principal& who, const std::string& name, std::optional<Id> parent) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Category> {
    if (parent) SQM_TRY(CheckParent(tx.db(), *parent));
    SQM_TRY(CheckSiblingName(tx.db(), parent, name, 0));
    SQM_ASSIGN(auto r,
               tx.db().Exec("INSERT INTO categories (parent_id, name) VALUES (?, ?) RETURNING id", {parent, name}));
    tx.Append("category", std::to_string(r.last_insert_id), "category.created",
              {{"name", name}, {"parent_id", OrNull(parent)}});
    return *repo::FindCategory(tx.db(), r.last_insert_id);
  });
}

Result<Category> Service::UpdateCategory(const org::Principal& who, Id id, const CategoryPatch& patch) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Category> {
    auto& db = tx.db();
    auto c = repo::FindCategory(db, id);
    if (!c)
      return Error::NotFound(Msg("category.not_found", "category {id} does not exist", {{"id", std::to_string(id)}}));
    bj::object changes;
    if (patch.parent_id && *patch.parent_id != c->parent_id) {
      if (const auto& parent = *patch.parent_id) {
        SQM_TRY(CheckParent(db, *parent));
        const auto path = repo::CategoryPath(db, *parent);
        if (std::find(path.begin(), path.end(), id) != path.end()) {
          return Error::Conflict(
              Msg("category.move_into_itself", "a category cannot move into itself or one of its subcategories"),
              "parent_id");
        }
      }
      c->parent_id = *patch.parent_id;
      changes["parent_id"] = OrNull(c->parent_id);
    }
    if (patch.name && *patch.name != c->name) {
      c->name = *patch.name;
      changes["name"] = c->name;
    }
    if (patch.active && *patch.active != c->active) {
      if (!*patch.active) {
        auto child = db.QueryOne("SELECT 1 FROM categories WHERE parent_id = ? AND active = 1", {id});
        if (child) {
          return Error::Conflict(Msg("category.has_active_children", "deactivate its subcategories first"), "active");
        }
      } else if (c->parent_id) {
        SQM_TRY(CheckParent(db, *c->parent_id));
      }
      c->active = *patch.active;
      changes["active"] = c->active;
    }
    if (changes.empty()) return *c;
    if (c->active) SQM_TRY(CheckSiblingName(db, c->parent_id, c->name, id));
    SQM_TRY(db.Exec("UPDATE categories SET parent_id = ?, name = ?, active = ? WHERE id = ?",
                    {c->parent_id, c->name, c->active ? 1 : 0, id}));
    tx.Append("category", std::to_string(id), "category.updated", std::move(changes));
    return *c;
  });
}

// ---- portal ----

Result<Customer> Service::CallerCustomer(const org::Principal& who) {
  auto c = db_.Read([&](Connection& db) { return repo::FindCustomerByAccount(db, who.staff_id); });
  if (!c) return Error::Forbidden(Msg("portal.not_a_customer", "this account is not linked to a customer record"));
  return *c;
}

Result<RegisterResult> Service::PortalRegister(const org::Principal& who, TicketDraft draft) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  draft.registration.customer_id = me.id;
  draft.registration.channel = Channel::kPortal;
  draft.department_id.reset();
  draft.assignee_id.reset();
  if (draft.complaint) {  // customers say what it is about; the quality department handles the rest
    draft.complaint->responsible_id.reset();
    draft.complaint->deadline_at.reset();
  }
  return Register(who, draft);
}

Result<std::vector<Ticket>> Service::PortalList(const org::Principal& who) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  repo::TicketQuery q;
  q.customer_id = me.id;
  q.limit = 200;
  return db_.Read([&](Connection& db) { return repo::ListTickets(db, q, {org::Scope{true, {}}, who.staff_id}, 0); });
}

Result<TicketView> Service::PortalGet(const org::Principal& who, Id id) {
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

Result<Ticket> Service::PortalReply(const org::Principal& who, Id id, const std::string& body) {
  SQM_ASSIGN(Customer me, CallerCustomer(who));
  auto result = db_.Write(who.username, [&](WriteTx& tx) -> Result<Ticket> {
    auto t = repo::FindTicket(tx.db(), id);
    if (!t || t->customer_id != me.id)
      return Error::NotFound(Msg("ticket.not_found", "ticket {id} does not exist", {{"id", std::to_string(id)}}));
    if (!IsOpen(t->status))
      return Error::Conflict(Msg("portal.ticket_closed", "the ticket is no longer open; submit a new request"),
                             "ticket");
    SQM_TRY(AddComment(tx, id, who.staff_id, "public", body));
    bj::object data{{"from", Name(t->status)}};
    if (t->status == TicketStatus::kWaitingCustomer) {
      SQM_TRY(sla_.ResumeAll(tx, id, tx.now()));
      SQM_TRY(tx.db().Exec("UPDATE tickets SET status = 'in_progress' WHERE id = ?", {id}));
      data["to"] = "in_progress";
    }
    SQM_TRY(tx.db().Exec("UPDATE tickets SET updated_at = ? WHERE id = ?", {tx.now(), id}));
    if (t->assignee_id) {
      Notify(tx, *t->assignee_id, *t, "customer_replied", "The customer replied on {number}");
    }
    tx.Append("ticket", std::to_string(id), "ticket.customer_replied", std::move(data));
    return *repo::FindTicket(tx.db(), id);
  });
  if (result.ok()) sla_.Reschedule(id);
  return result;
}

// ---- SLA firing ----

Status Service::OnFiring(WriteTx& tx, const sla::Timer& timer, sla::FiringKind kind) {
  auto& db = tx.db();
  auto t = repo::FindTicket(db, timer.ticket_id);
  if (!t) return {};
  const bool breach = kind == sla::FiringKind::kBreach;
  std::vector<Id> recipients;
  if (t->assignee_id) recipients.push_back(*t->assignee_id);
  if (t->department_id) {
    for (Id m : org::repo::ManagersOf(db, *t->department_id)) recipients.push_back(m);
  }
  if (breach && t->priority > 1 && IsOpen(t->status)) {
    SQM_TRY(
        db.Exec("UPDATE tickets SET priority = priority - 1, escalation_level = max(escalation_level, 1),"
                " updated_at = ? WHERE id = ?",
                {tx.now(), t->id}));
    tx.Append("ticket", std::to_string(t->id), "ticket.escalated",
              {{"reason", fmt::format("{} breached", sla::TimerKindName(timer.kind))},
               {"priority", PriorityName(t->priority - 1)}});
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
    if (to && to != t->assignee_id && CheckStaff(db, *to, "breach_assignee_id").ok()) {
      SQM_TRY(db.Exec("UPDATE tickets SET assignee_id = ?, updated_at = ? WHERE id = ?", {*to, tx.now(), t->id}));
      tx.Append("ticket", std::to_string(t->id), "ticket.assign",
                {{"assignee_id", *to}, {"reason", fmt::format("{} breached", sla::TimerKindName(timer.kind))}});
      Notify(tx, *to, *t, "escalated", "{number} {title} was escalated to you");
    }
  }
  std::sort(recipients.begin(), recipients.end());
  recipients.erase(std::unique(recipients.begin(), recipients.end()), recipients.end());
  for (Id r : recipients) {
    Notify(tx, r, *t, breach ? "sla_breach" : "sla_warning",
           breach ? "{number} {title}: {timerKind} target breached"
                  : "{number} {title}: {timerKind} target nearly used up",
           {{"timerKind", sla::TimerKindName(timer.kind)}});
  }
  return {};
}

}  // namespace sqm::desk
