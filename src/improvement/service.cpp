#include "improvement/service.h"

#include "base/json.h"
#include "calendar/model.h"
#include "calendar/working_days.h"
#include "desk/repo/tickets.h"
#include "feedback/repo.h"
#include "inspection/repo.h"
#include "org/repo.h"
#include "org/rules.h"
#include "storage/event_log.h"

namespace sqm::improvement {

namespace bj = boost::json;
using storage::Connection;
using storage::WriteTx;

namespace {

constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxTextChars = 4000;
constexpr int kMaxVerifyAfterDays = 366;
constexpr int kMaxWindowDays = 366;
constexpr const char* kEntity = "improvement_action";

Error ActionNotFound(Id id) {
  return Error::NotFound(
      Msg("improvement.not_found", "improvement action {id} does not exist", {{"id", std::to_string(id)}}));
}

void CheckText(const std::string& field, const std::string& text, std::size_t max, bool required, Problems& p) {
  if (required && text.empty()) {
    p.Add(field, Msg("field.required", "is required"));
  } else if (json::CodePoints(text) > max) {
    p.Add(field, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(max)}}));
  }
}

// An active staff member who may own an action (any staff role but the evaluator).
std::optional<org::Staff> CheckOwner(Connection& db, Id id, Problems& p) {
  auto s = org::repo::FindStaff(db, id);
  if (!s || !s->active) {
    p.Add("owner_id", Msg("improvement.no_staff", "no such staff member"));
    return std::nullopt;
  }
  if (!org::PermissionsOf(s->roles).contains(std::string(org::kImprovementUse))) {
    p.Add("owner_id",
          Msg("improvement.cannot_own", "{name} cannot own improvement actions", {{"name", s->display_name}}));
    return std::nullopt;
  }
  return s;
}

void CheckRootCause(Connection& db, std::optional<Id> id, Problems& p) {
  if (!id) return;
  auto c = repo::FindRootCause(db, *id);
  if (!c || !c->active) p.Add("root_cause_id", Msg("improvement.no_root_cause", "no such root-cause category"));
}

bj::object ActionData(const Action& a) {
  return {{"status", Name(a.status)},
          {"title", a.title},
          {"owner_id", a.owner_id ? bj::value(*a.owner_id) : bj::value(nullptr)},
          {"department_id", a.department_id ? bj::value(*a.department_id) : bj::value(nullptr)},
          {"due_date", a.due_date}};
}

}  // namespace

Service::Service(storage::Database& db, const Clock& clock, CalendarLookup calendar, ServiceOptions options)
    : db_(db), clock_(clock), calendar_(std::move(calendar)), options_(std::move(options)) {}

std::optional<TimeMs> Service::DueAt(const std::string& date) const {
  auto d = calendar::ParseLocalDate(date);
  if (!d) return std::nullopt;
  return options_.zone.FromLocal((calendar::DayNumber(*d) + 1) * kDayMs);
}

TimeMs Service::ManagerDue(TimeMs owner_notified_at) const {
  auto bt = calendar_ ? calendar_(options_.calendar_code) : nullptr;
  if (!bt) return owner_notified_at + options_.escalate_after_days * kDayMs;
  return calendar::EndOfWorkingDaysAfter(*bt, owner_notified_at, options_.escalate_after_days);
}

// ---- root causes ----

namespace {

void CheckRootCauseFields(const RootCause& c, Problems& p) {
  CheckText("code", c.code, 40, true, p);
  CheckText("name_zh", c.name_zh, 100, true, p);
  CheckText("name_en", c.name_en, 100, true, p);
}

Error CodeTaken(const std::string& code) {
  return Error::Conflict(
      Msg("improvement.code_taken", "another root-cause category has the code {code}", {{"code", code}}), "code");
}

}  // namespace

Result<std::vector<RootCause>> Service::ListRootCauses() {
  return db_.Read([](Connection& db) -> Result<std::vector<RootCause>> { return repo::ListRootCauses(db); });
}

Result<RootCause> Service::CreateRootCause(const org::Principal& who, const RootCause& c) {
  Problems p;
  CheckRootCauseFields(c, p);
  if (auto e = p.Take()) return *e;
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<RootCause> {
    if (repo::RootCauseCodeTaken(tx.db(), c.code, std::nullopt)) return CodeTaken(c.code);
    SQM_ASSIGN(const Id id, repo::InsertRootCause(tx.db(), c));
    tx.Append("improvement_root_cause", std::to_string(id), "improvement.root_cause_created",
              {{"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}});
    return *repo::FindRootCause(tx.db(), id);
  });
}

Result<RootCause> Service::UpdateRootCause(const org::Principal& who, Id id, const RootCause& c) {
  Problems p;
  CheckRootCauseFields(c, p);
  if (auto e = p.Take()) return *e;
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<RootCause> {
    if (!repo::FindRootCause(tx.db(), id)) {
      return Error::NotFound(Msg("improvement.no_root_cause", "no such root-cause category"));
    }
    if (repo::RootCauseCodeTaken(tx.db(), c.code, id)) return CodeTaken(c.code);
    RootCause updated = c;
    updated.id = id;
    SQM_TRY(repo::UpdateRootCause(tx.db(), updated));
    tx.Append("improvement_root_cause", std::to_string(id), "improvement.root_cause_updated",
              {{"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"active", c.active}});
    return *repo::FindRootCause(tx.db(), id);
  });
}

// ---- actions ----

Result<std::optional<Service::Reading>> Service::ReadBefore(const ActionDraft& d, TimeMs opened, Problems& p) const {
  if (d.subject_kind == SubjectKind::kNone) return std::optional<Reading>();
  if (!indicator_.known || !indicator_.value) {
    p.Add("subject_kind", Msg("improvement.no_measures", "measures cannot be read here"));
    return std::optional<Reading>();
  }
  Window w;
  if (!d.before_from.empty() || !d.before_to.empty()) {
    auto from = calendar::ParseLocalDate(d.before_from);
    auto to = calendar::ParseLocalDate(d.before_to);
    if (!from) p.Add("before_from", Msg("improvement.bad_date", "must be a date YYYY-MM-DD"));
    if (!to) p.Add("before_to", Msg("improvement.bad_date", "must be a date YYYY-MM-DD"));
    if (!from || !to) return std::optional<Reading>();
    const auto days = calendar::DayNumber(*to) - calendar::DayNumber(*from) + 1;
    if (days < 1 || days > kMaxWindowDays) {
      p.Add("before_to", Msg("improvement.bad_window", "must be on or after before_from and at most {max} days later",
                             {{"max", std::to_string(kMaxWindowDays)}}));
      return std::optional<Reading>();
    }
    w = {.from = options_.zone.FromLocal(calendar::DayNumber(*from) * kDayMs),
         .to = options_.zone.FromLocal((calendar::DayNumber(*to) + 1) * kDayMs)};
  } else if (d.window_days < 1 || d.window_days > kMaxWindowDays) {
    p.Add("window_days", Msg("field.out_of_range", "must be between {min} and {max}",
                             {{"min", "1"}, {"max", std::to_string(kMaxWindowDays)}}));
    return std::optional<Reading>();
  } else {
    w = BeforeWindow(opened, d.window_days);
  }
  if (d.measure_code.empty() || !d.subject_id) return std::optional<Reading>();  // CheckDraft names them
  SQM_ASSIGN(const bool known, indicator_.known(d.measure_code));
  if (!known) {
    p.Add("measure_code", Msg("improvement.no_measure", "no such measure"));
    return std::optional<Reading>();
  }
  SQM_ASSIGN(auto value, indicator_.value(d.measure_code, d.subject_kind, *d.subject_id, w.from, w.to));
  return std::optional<Reading>(Reading{.value = value, .window = w});
}

Result<std::optional<Service::Reading>> Service::ReadAfter(const Action& a, TimeMs now) const {
  const auto w = AfterWindow(a);
  if (a.subject_kind == SubjectKind::kNone || !a.subject_id || !w || now < w->to) return std::optional<Reading>();
  if (!indicator_.value) return std::optional<Reading>();
  SQM_ASSIGN(auto value, indicator_.value(a.measure_code, a.subject_kind, *a.subject_id, w->from, w->to));
  return std::optional<Reading>(Reading{.value = value, .window = *w});
}

void Service::CheckDraft(Connection& db, const org::Principal& who, const ActionDraft& d,
                         const std::optional<Reading>& before, Action& a, Problems& p) const {
  CheckText("title", d.title, kMaxTitleChars, true, p);
  CheckText("description", d.description, kMaxTextChars, false, p);
  CheckText("analysis", d.analysis, kMaxTextChars, false, p);
  CheckText("source_ref", d.source_ref, kMaxTitleChars, false, p);
  CheckText("measure_code", d.measure_code, 80, false, p);
  CheckText("value_before_source", d.value_before_source, kMaxTitleChars, false, p);
  a.source = d.source;
  a.source_id = d.source_id;
  a.source_ref = d.source_ref;
  a.title = d.title;
  a.description = d.description;
  a.analysis = d.analysis;
  a.root_cause_id = d.root_cause_id;
  a.measure_code = d.measure_code;
  a.direction = d.direction;
  a.subject_kind = d.subject_kind;
  a.subject_id = d.subject_kind == SubjectKind::kNone ? std::nullopt : d.subject_id;
  a.value_before = d.value_before;
  a.value_before_source = d.value_before_source;
  a.before_from.reset();
  a.before_to.reset();
  if (before) {
    a.value_before = before->value;
    a.value_before_source = "measure:" + d.measure_code;
    a.before_from = before->window.from;
    a.before_to = before->window.to;
  }
  a.verify_after_days = d.verify_after_days;
  // The source record, where the source has one.
  if (d.source_id) {
    bool found = true;
    switch (d.source) {
      case Source::kInspection: found = inspection::repo::FindInspection(db, *d.source_id).has_value(); break;
      case Source::kComplaint: found = desk::repo::FindTicket(db, *d.source_id).has_value(); break;
      case Source::kSurvey: found = feedback::repo::FindFollowUp(db, *d.source_id).has_value(); break;
      case Source::kAuditFinding: found = repo::FindFinding(db, *d.source_id).has_value(); break;
      case Source::kSlaTrend:
      case Source::kSuggestion:
      case Source::kOther:
        p.Add("source_id", Msg("improvement.source_without_record", "this source has no record to link"));
        break;
    }
    if (!found) p.Add("source_id", Msg("improvement.no_source", "no such source record"));
  } else if (d.source == Source::kAuditFinding) {
    p.Add("source_id", Msg("field.required", "is required"));
  }
  CheckRootCause(db, d.root_cause_id, p);
  std::optional<org::Staff> owner;
  if (!d.owner_id) {
    p.Add("owner_id", Msg("field.required", "is required"));
  } else {
    owner = CheckOwner(db, *d.owner_id, p);
  }
  a.owner_id = d.owner_id;
  a.department_id = d.department_id ? d.department_id : owner ? owner->department_id : std::nullopt;
  if (d.department_id && !org::repo::FindDepartment(db, *d.department_id)) {
    p.Add("department_id", Msg("improvement.no_department", "no such department"));
  }
  a.due_date = d.due_date;
  a.due_at = DueAt(d.due_date);
  if (d.due_date.empty()) {
    p.Add("due_date", Msg("field.required", "is required"));
  } else if (!a.due_at) {
    p.Add("due_date", Msg("improvement.bad_date", "must be a date YYYY-MM-DD"));
  }
  if (d.subject_kind != SubjectKind::kNone) {
    // The subject whose measure is read: someone or a department inside the caller's scope.
    if (d.measure_code.empty()) p.Add("measure_code", Msg("field.required", "is required"));
    if (d.direction == Direction::kNone) {
      p.Add("direction", Msg("improvement.direction_required", "say whether the indicator should go up or down"));
    }
    if (d.value_before) {
      p.Add("value_before", Msg("improvement.value_is_read", "is read from the measure when a subject is named"));
    }
    std::optional<Id> subject_department;
    if (!d.subject_id) {
      p.Add("subject_id", Msg("field.required", "is required"));
    } else if (d.subject_kind == SubjectKind::kStaff) {
      auto s = org::repo::FindStaff(db, *d.subject_id);
      if (!s) {
        p.Add("subject_id", Msg("improvement.no_staff", "no such staff member"));
      } else {
        subject_department = s->department_id;
      }
    } else if (!org::repo::FindDepartment(db, *d.subject_id)) {
      p.Add("subject_id", Msg("improvement.no_department", "no such department"));
    } else {
      subject_department = d.subject_id;
    }
    if (subject_department && !who.scope.Contains(subject_department)) {
      p.Add("subject_id", Msg("improvement.out_of_scope", "outside your scope"));
    }
  } else if (d.subject_id) {
    p.Add("subject_kind", Msg("field.required", "is required"));
  } else if (d.direction != Direction::kNone) {
    if (d.measure_code.empty()) p.Add("measure_code", Msg("field.required", "is required"));
    if (!d.value_before) p.Add("value_before", Msg("field.required", "is required"));
  } else if (!d.measure_code.empty()) {
    p.Add("direction", Msg("improvement.direction_required", "say whether the indicator should go up or down"));
  }
  if (d.verify_after_days < 0 || d.verify_after_days > kMaxVerifyAfterDays) {
    p.Add("verify_after_days", Msg("field.out_of_range", "must be between {min} and {max}",
                                   {{"min", "0"}, {"max", std::to_string(kMaxVerifyAfterDays)}}));
  }
}

Result<Action> Service::Create(const org::Principal& who, const ActionDraft& d) {
  Problems read;
  SQM_ASSIGN(const auto before, ReadBefore(d, clock_.Now(), read));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Action> {
    auto& db = tx.db();
    Action a;
    Problems p = read;
    CheckDraft(db, who, d, before, a, p);
    if (auto e = p.Take()) return *e;
    if (!who.scope.all && !who.scope.Contains(a.department_id)) {
      return Error::Forbidden(Msg("improvement.out_of_scope", "outside your scope"));
    }
    a.status = State::kOpen;
    a.created_by = who.staff_id;
    a.created_at = a.updated_at = tx.now();
    SQM_ASSIGN(const Id id, repo::InsertAction(db, a));
    bj::object data = ActionData(a);
    data["source"] = Name(a.source);
    if (a.source_id) data["source_id"] = *a.source_id;
    if (a.subject_kind != SubjectKind::kNone) {
      data["measure_code"] = a.measure_code;
      data["subject_kind"] = Name(a.subject_kind);
      data["subject_id"] = *a.subject_id;
      data["value_before"] = a.value_before ? bj::value(*a.value_before) : bj::value(nullptr);
    }
    tx.Append(kEntity, std::to_string(id), "improvement.created", std::move(data));
    return *repo::FindAction(db, id);
  });
}

Result<Action> Service::Load(Connection& db, const org::Principal& who, Id id) const {
  auto a = repo::FindAction(db, id);
  if (!a || !Sees(who, *a)) return ActionNotFound(id);
  return *a;
}

Result<Action> Service::Edit(const org::Principal& who, Id id, const ActionDraft& d) {
  // The window before stays anchored at the opening of the action.
  const auto opened = db_.Read([&](Connection& db) -> std::optional<TimeMs> {
    auto a = repo::FindAction(db, id);
    return a ? std::optional<TimeMs>(a->created_at) : std::nullopt;
  });
  Problems read;
  SQM_ASSIGN(const auto before, ReadBefore(d, opened.value_or(clock_.Now()), read));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Action> {
    auto& db = tx.db();
    SQM_ASSIGN(Action a, Load(db, who, id));
    SQM_TRY(MayAct(who, a, Op::kEdit));
    SQM_TRY(Next(a.status, Op::kEdit));
    Problems p = read;
    const auto before_owner = a.owner_id;
    const auto before_due = a.due_at;
    CheckDraft(db, who, d, before, a, p);
    if (auto e = p.Take()) return *e;
    if (!who.scope.all && !who.scope.Contains(a.department_id)) {
      return Error::Forbidden(Msg("improvement.out_of_scope", "outside your scope"));
    }
    // A new owner or a later due date starts the escalation afresh.
    if (a.owner_id != before_owner || a.due_at != before_due) {
      a.owner_notified_at.reset();
      a.manager_notified_at.reset();
    }
    a.updated_at = tx.now();
    SQM_TRY(repo::UpdateAction(db, a));
    tx.Append(kEntity, std::to_string(id), "improvement.edited", ActionData(a));
    return *repo::FindAction(db, id);
  });
}

Result<Action> Service::Suggest(const org::Principal& who, const Suggestion& s) {
  Problems p;
  CheckText("title", s.title, kMaxTitleChars, true, p);
  CheckText("description", s.description, kMaxTextChars, true, p);
  if (auto e = p.Take()) return *e;
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Action> {
    auto& db = tx.db();
    Action a;
    a.source = Source::kSuggestion;
    a.title = s.title;
    a.description = s.description;
    a.department_id = s.department_id ? s.department_id : who.department_id;
    if (s.department_id && !org::repo::FindDepartment(db, *s.department_id)) {
      return Error::Invalid("department_id", Msg("improvement.no_department", "no such department"));
    }
    a.status = State::kProposed;
    a.proposed_by = who.staff_id;
    a.created_by = who.staff_id;
    a.created_at = a.updated_at = tx.now();
    SQM_ASSIGN(const Id id, repo::InsertAction(db, a));
    tx.Append(kEntity, std::to_string(id), "improvement.suggested", ActionData(a));
    return *repo::FindAction(db, id);
  });
}

Result<Action> Service::DecideSuggestion(const org::Principal& who, Id id, const Triage& t) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Action> {
    auto& db = tx.db();
    SQM_ASSIGN(Action a, Load(db, who, id));
    const Op op = t.accept ? Op::kAccept : Op::kDecline;
    SQM_TRY(MayAct(who, a, op));
    SQM_ASSIGN(a.status, Next(a.status, op));
    Problems p;
    if (t.accept) {
      std::optional<org::Staff> owner;
      if (!t.owner_id) {
        p.Add("owner_id", Msg("field.required", "is required"));
      } else {
        owner = CheckOwner(db, *t.owner_id, p);
      }
      if (t.department_id && !org::repo::FindDepartment(db, *t.department_id)) {
        p.Add("department_id", Msg("improvement.no_department", "no such department"));
      }
      a.due_at = DueAt(t.due_date);
      if (t.due_date.empty()) {
        p.Add("due_date", Msg("field.required", "is required"));
      } else if (!a.due_at) {
        p.Add("due_date", Msg("improvement.bad_date", "must be a date YYYY-MM-DD"));
      }
      CheckRootCause(db, t.root_cause_id, p);
      a.owner_id = t.owner_id;
      if (t.department_id) {
        a.department_id = t.department_id;
      } else if (owner) {
        a.department_id = owner->department_id;
      }
      a.due_date = t.due_date;
      if (t.root_cause_id) a.root_cause_id = t.root_cause_id;
    } else {
      CheckText("reason", t.reason, kMaxTextChars, true, p);
      a.reason = t.reason;
    }
    if (auto e = p.Take()) return *e;
    a.updated_at = tx.now();
    SQM_TRY(repo::UpdateAction(db, a));
    bj::object data = ActionData(a);
    if (!t.accept) data["reason"] = t.reason;
    tx.Append(kEntity, std::to_string(id), t.accept ? "improvement.accepted" : "improvement.declined", std::move(data));
    return *repo::FindAction(db, id);
  });
}

Result<Action> Service::Apply(const org::Principal& who, Id id, const Change& c) {
  // A measured action's value after is read before the write, over its window after the fix.
  std::optional<Reading> after;
  if (c.op == Op::kVerify) {
    const auto pre = db_.Read([&](Connection& db) { return repo::FindAction(db, id); });
    if (pre) {
      SQM_ASSIGN(after, ReadAfter(*pre, clock_.Now()));
    }
  }
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Action> {
    auto& db = tx.db();
    SQM_ASSIGN(Action a, Load(db, who, id));
    SQM_TRY(MayAct(who, a, c.op));
    SQM_ASSIGN(const State to, Next(a.status, c.op));
    Problems p;
    CheckText("note", c.note, kMaxTextChars, false, p);
    bj::object data{{"from", Name(a.status)}};
    switch (c.op) {
      case Op::kComplete:
        CheckText("evidence", c.evidence, kMaxTextChars, true, p);
        a.evidence = c.evidence;
        a.done_at = tx.now();
        data["evidence"] = c.evidence;
        break;
      case Op::kVerify: {
        const TimeMs from = VerifyFrom(a, a.done_at.value_or(tx.now()));
        if (tx.now() < from) {
          return Error::Conflict(
              Msg("improvement.too_early", "the effect can be checked from {at}", {{"at", options_.zone.Format(from)}}),
              "verify_after_days");
        }
        std::optional<double> value_after = c.value_after;
        if (a.subject_kind != SubjectKind::kNone) {
          if (c.value_after) {
            p.Add("value_after", Msg("improvement.value_is_read", "is read from the measure when a subject is named"));
          }
          const auto w = AfterWindow(a);
          if (!after || !w || after->window.from != w->from || after->window.to != w->to) {
            return Error::Conflict(Msg("improvement.changed", "the action changed while it was read; try again"),
                                   "status");
          }
          value_after = after->value;
          a.value_after_source = "measure:" + a.measure_code;
          a.after_from = w->from;
          a.after_to = w->to;
          data["after_from"] = w->from;
          data["after_to"] = w->to;
        } else {
          if (!a.measure_code.empty() && !c.value_after) p.Add("value_after", Msg("field.required", "is required"));
          a.value_after_source.clear();
          a.after_from.reset();
          a.after_to.reset();
        }
        const auto effective = Effective(a, value_after, c.effective);
        // A verdict the values cannot give (no data, or no indicator) is the verifier's to state.
        if (!effective) p.Add("effective", Msg("field.required", "is required"));
        a.value_after = value_after;
        a.verification_note = c.note;
        a.verified_at = tx.now();
        a.status = effective.value_or(false) ? State::kVerified : State::kNotEffective;
        data["effective"] = effective.value_or(false);
        if (value_after) data["value_after"] = *value_after;
        break;
      }
      case Op::kReopen:
      case Op::kCancel:
        CheckText("reason", c.reason, kMaxTextChars, true, p);
        a.reason = c.reason;
        data["reason"] = c.reason;
        if (c.op == Op::kReopen) {
          a.done_at.reset();
          a.verified_at.reset();
          a.owner_notified_at.reset();
          a.manager_notified_at.reset();
        }
        break;
      default: break;
    }
    if (auto e = p.Take()) return *e;
    if (c.op != Op::kVerify) a.status = to;
    data["to"] = Name(a.status);
    if (!c.note.empty()) data["note"] = c.note;
    a.updated_at = tx.now();
    SQM_TRY(repo::UpdateAction(db, a));
    tx.Append(kEntity, std::to_string(id), "improvement." + std::string(Name(c.op)), std::move(data));
    return *repo::FindAction(db, id);
  });
}

Result<ActionDetail> Service::Get(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<ActionDetail> {
    SQM_ASSIGN(Action a, Load(db, who, id));
    ActionDetail out{.action = std::move(a)};
    auto events = storage::ListEvents(db, {.entity = kEntity, .entity_id = std::to_string(id), .limit = 500}).events;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      out.timeline.push_back({.at = it->at, .actor = it->actor, .type = it->type, .data = it->data});
    }
    return out;
  });
}

Result<std::vector<Action>> Service::List(const org::Principal& who, repo::ActionQuery q, bool overdue) {
  if (overdue) q.overdue_at = clock_.Now();
  const int limit = q.limit;
  q.limit = 1000;
  return db_.Read([&](Connection& db) -> Result<std::vector<Action>> {
    std::vector<Action> out;
    for (auto& a : repo::ListActions(db, q)) {
      if (static_cast<int>(out.size()) >= limit) break;
      if (Sees(who, a)) out.push_back(std::move(a));
    }
    return out;
  });
}

// ---- audits ----

Result<std::vector<Audit>> Service::ListAudits() {
  return db_.Read([](Connection& db) -> Result<std::vector<Audit>> { return repo::ListAudits(db, 200); });
}

Result<Audit> Service::GetAudit(Id id) {
  return db_.Read([&](Connection& db) -> Result<Audit> {
    auto a = repo::FindAudit(db, id);
    if (!a) {
      return Error::NotFound(Msg("improvement.no_audit", "audit {id} does not exist", {{"id", std::to_string(id)}}));
    }
    return *a;
  });
}

Result<Audit> Service::CreateAudit(const org::Principal& who, const AuditDraft& d) {
  Problems p;
  CheckText("title", d.title, kMaxTitleChars, true, p);
  CheckText("scope", d.scope, kMaxTextChars, false, p);
  CheckText("participants", d.participants, kMaxTextChars, false, p);
  CheckText("summary", d.summary, kMaxTextChars, false, p);
  if (!calendar::ParseLocalDate(d.held_on)) {
    p.Add("held_on", Msg("improvement.bad_date", "must be a date YYYY-MM-DD"));
  }
  for (std::size_t i = 0; i < d.findings.size(); ++i) {
    CheckText("findings." + std::to_string(i), d.findings[i], kMaxTextChars, true, p);
  }
  if (auto e = p.Take()) return *e;
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Audit> {
    Audit a{.kind = d.kind,
            .held_on = d.held_on,
            .title = d.title,
            .scope = d.scope,
            .participants = d.participants,
            .summary = d.summary,
            .created_by = who.staff_id,
            .created_at = tx.now()};
    SQM_ASSIGN(const Id id, repo::InsertAudit(tx.db(), a));
    for (const auto& f : d.findings) SQM_TRY(repo::InsertFinding(tx.db(), id, f, tx.now()));
    tx.Append("improvement_audit", std::to_string(id), "improvement.audit_recorded",
              {{"kind", Name(d.kind)}, {"held_on", d.held_on}, {"title", d.title}, {"findings", d.findings.size()}});
    return *repo::FindAudit(tx.db(), id);
  });
}

Result<Audit> Service::AddFinding(const org::Principal& who, Id audit_id, const std::string& text) {
  Problems p;
  CheckText("text", text, kMaxTextChars, true, p);
  if (auto e = p.Take()) return *e;
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Audit> {
    if (!repo::FindAudit(tx.db(), audit_id)) {
      return Error::NotFound(
          Msg("improvement.no_audit", "audit {id} does not exist", {{"id", std::to_string(audit_id)}}));
    }
    SQM_ASSIGN(const Id id, repo::InsertFinding(tx.db(), audit_id, text, tx.now()));
    tx.Append("improvement_audit", std::to_string(audit_id), "improvement.finding_added", {{"finding_id", id}});
    return *repo::FindAudit(tx.db(), audit_id);
  });
}

}  // namespace sqm::improvement
