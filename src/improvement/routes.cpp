#include "improvement/routes.h"

#include "base/json.h"
#include "improvement/rules.h"
#include "org/rules.h"

namespace sqm::improvement {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::Response;
using http::TimeJson;

namespace {

constexpr std::size_t kMaxText = 4000;

bj::object RootCauseJson(const RootCause& c) {
  return {{"id", c.id},           {"code", c.code},     {"name_zh", c.name_zh},
          {"name_en", c.name_en}, {"active", c.active}, {"position", c.position}};
}

bj::object ActionJson(const Action& a) {
  return {{"id", a.id},
          {"source", Name(a.source)},
          {"source_id", OrNull(a.source_id)},
          {"source_ref", a.source_ref},
          {"title", a.title},
          {"description", a.description},
          {"root_cause_id", OrNull(a.root_cause_id)},
          {"analysis", a.analysis},
          {"owner_id", OrNull(a.owner_id)},
          {"owner_name", a.owner_name},
          {"department_id", OrNull(a.department_id)},
          {"department_name", a.department_name},
          {"due_date", a.due_date.empty() ? bj::value(nullptr) : bj::value(a.due_date)},
          {"due_at", TimeJson(a.due_at)},
          {"status", Name(a.status)},
          {"evidence", a.evidence},
          {"measure_code", a.measure_code},
          {"direction", a.direction == Direction::kNone ? bj::value(nullptr) : bj::value(Name(a.direction))},
          {"subject_kind", a.subject_kind == SubjectKind::kNone ? bj::value(nullptr) : bj::value(Name(a.subject_kind))},
          {"subject_id", OrNull(a.subject_id)},
          {"subject_name", a.subject_name},
          {"value_before", OrNull(a.value_before)},
          {"value_before_source", a.value_before_source},
          {"before_from", TimeJson(a.before_from)},
          {"before_to", TimeJson(a.before_to)},
          {"verify_after_days", a.verify_after_days},
          {"value_after", OrNull(a.value_after)},
          {"value_after_source", a.value_after_source},
          {"after_from", TimeJson(a.after_from)},
          {"after_to", TimeJson(a.after_to)},
          {"verification_note", a.verification_note},
          {"reason", a.reason},
          {"proposed_by", OrNull(a.proposed_by)},
          {"proposed_by_name", a.proposed_by_name},
          {"created_at", TimeJson(a.created_at)},
          {"updated_at", TimeJson(a.updated_at)},
          {"done_at", TimeJson(a.done_at)},
          {"verified_at", TimeJson(a.verified_at)},
          {"owner_notified_at", TimeJson(a.owner_notified_at)},
          {"manager_notified_at", TimeJson(a.manager_notified_at)}};
}

bj::object DetailJson(const ActionDetail& d) {
  bj::object o = ActionJson(d.action);
  bj::array timeline;
  for (const auto& e : d.timeline) {
    bj::value data;
    try {
      data = bj::parse(e.data);
    } catch (const std::exception&) {
      data = bj::object{};
    }
    timeline.push_back(bj::object{{"at", TimeJson(e.at)}, {"actor", e.actor}, {"type", e.type}, {"data", data}});
  }
  o["timeline"] = std::move(timeline);
  return o;
}

bj::object AuditJson(const Audit& a) {
  bj::array findings;
  for (const auto& f : a.findings) {
    bj::array actions;
    for (Id id : f.action_ids) actions.push_back(id);
    findings.push_back(bj::object{
        {"id", f.id}, {"text", f.text}, {"created_at", TimeJson(f.created_at)}, {"action_ids", std::move(actions)}});
  }
  return {{"id", a.id},
          {"kind", Name(a.kind)},
          {"held_on", a.held_on},
          {"title", a.title},
          {"scope", a.scope},
          {"participants", a.participants},
          {"summary", a.summary},
          {"created_at", TimeJson(a.created_at)},
          {"findings", std::move(findings)}};
}

template <typename T, typename F>
bj::object Items(const std::vector<T>& list, F&& to_json) {
  bj::array items;
  for (const auto& x : list) items.push_back(to_json(x));
  return bj::object{{"items", std::move(items)}};
}

json::Reader::StringRule Text(std::size_t max) {
  return {.min_len = 0, .max_len = max, .trim = false};
}

Message OneOf(const std::string& names) {
  return Msg("improvement.not_one_of", "must be one of {names}", {{"names", names}});
}

Result<RootCause> ReadRootCause(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  RootCause c;
  c.code = in.String("code", {.min_len = 1, .max_len = 40});
  c.name_zh = in.String("name_zh", {.min_len = 1, .max_len = 100});
  c.name_en = in.String("name_en", {.min_len = 1, .max_len = 100});
  c.active = in.OptBool("active").value_or(true);
  c.position = static_cast<int>(in.OptInt("position", 0, 10'000).value_or(0));
  SQM_TRY(in.Done());
  return c;
}

Result<ActionDraft> ReadDraft(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  ActionDraft d;
  const std::string source = in.String("source", {.min_len = 1, .max_len = 40});
  d.source_id = in.OptInt("source_id", 1);
  d.source_ref = in.OptString("source_ref", Text(200)).value_or("");
  d.title = in.String("title", {.min_len = 1, .max_len = 200});
  d.description = in.OptString("description", Text(kMaxText)).value_or("");
  d.root_cause_id = in.OptInt("root_cause_id", 1);
  d.analysis = in.OptString("analysis", Text(kMaxText)).value_or("");
  d.owner_id = in.OptInt("owner_id", 1);
  d.department_id = in.OptInt("department_id", 1);
  d.due_date = in.OptString("due_date", Text(10)).value_or("");
  d.measure_code = in.OptString("measure_code", Text(80)).value_or("");
  const std::string direction = in.OptString("direction", Text(10)).value_or("");
  const std::string subject_kind = in.OptString("subject_kind", Text(20)).value_or("");
  d.subject_id = in.OptInt("subject_id", 1);
  d.window_days = static_cast<int>(in.OptInt("window_days", 1, 366).value_or(30));
  d.before_from = in.OptString("before_from", Text(10)).value_or("");
  d.before_to = in.OptString("before_to", Text(10)).value_or("");
  d.value_before = in.OptNumber("value_before");
  d.value_before_source = in.OptString("value_before_source", Text(200)).value_or("");
  d.verify_after_days = static_cast<int>(in.OptInt("verify_after_days", 0, 366).value_or(0));
  if (auto s = ParseSource(source)) {
    d.source = *s;
  } else if (!source.empty()) {
    in.Fail("source", OneOf(SourceNames()));
  }
  if (auto dir = ParseDirection(direction)) {
    d.direction = *dir;
  } else {
    in.Fail("direction", OneOf("up, down"));
  }
  if (auto k = ParseSubjectKind(subject_kind)) {
    d.subject_kind = *k;
  } else {
    in.Fail("subject_kind", OneOf("staff, department"));
  }
  SQM_TRY(in.Done());
  return d;
}

Result<Change> ReadChange(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  Change c;
  const std::string op = in.String("op", {.min_len = 1, .max_len = 20});
  c.evidence = in.OptString("evidence", Text(kMaxText)).value_or("");
  c.reason = in.OptString("reason", Text(kMaxText)).value_or("");
  c.note = in.OptString("note", Text(kMaxText)).value_or("");
  c.value_after = in.OptNumber("value_after");
  c.effective = in.OptBool("effective");
  const auto parsed = ParseOp(op);
  if (parsed && *parsed != Op::kEdit && *parsed != Op::kAccept && *parsed != Op::kDecline) {
    c.op = *parsed;
  } else if (!op.empty()) {
    in.Fail("op", OneOf("start, complete, verify, reopen, cancel"));
  }
  SQM_TRY(in.Done());
  return c;
}

Result<Triage> ReadTriage(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  Triage t;
  const std::string decision = in.String("decision", {.min_len = 1, .max_len = 20});
  t.owner_id = in.OptInt("owner_id", 1);
  t.department_id = in.OptInt("department_id", 1);
  t.due_date = in.OptString("due_date", Text(10)).value_or("");
  t.root_cause_id = in.OptInt("root_cause_id", 1);
  t.reason = in.OptString("reason", Text(kMaxText)).value_or("");
  if (decision == "accept" || decision == "decline") {
    t.accept = decision == "accept";
  } else if (!decision.empty()) {
    in.Fail("decision", OneOf("accept, decline"));
  }
  SQM_TRY(in.Done());
  return t;
}

Result<AuditDraft> ReadAudit(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  AuditDraft d;
  const std::string kind = in.String("kind", {.min_len = 1, .max_len = 40});
  d.held_on = in.String("held_on", {.min_len = 1, .max_len = 10});
  d.title = in.String("title", {.min_len = 1, .max_len = 200});
  d.scope = in.OptString("scope", Text(kMaxText)).value_or("");
  d.participants = in.OptString("participants", Text(kMaxText)).value_or("");
  d.summary = in.OptString("summary", Text(kMaxText)).value_or("");
  d.findings = in.OptStringList("findings", 100).value_or(std::vector<std::string>{});
  if (auto k = ParseAuditKind(kind)) {
    d.kind = *k;
  } else if (!kind.empty()) {
    in.Fail("kind", OneOf(AuditKindNames()));
  }
  SQM_TRY(in.Done());
  return d;
}

Result<repo::ActionQuery> ReadQuery(const Request& req) {
  repo::ActionQuery q;
  if (auto s = req.QueryText("status")) {
    q.status = ParseStatus(*s);
    if (!q.status) return Error::Invalid("status", OneOf(StatusNames()));
  }
  if (auto s = req.QueryText("source")) {
    q.source = ParseSource(*s);
    if (!q.source) return Error::Invalid("source", OneOf(SourceNames()));
  }
  SQM_ASSIGN(q.source_id, req.QueryInt("source_id", 1));
  SQM_ASSIGN(q.owner_id, req.QueryInt("owner_id", 1));
  SQM_ASSIGN(q.department_id, req.QueryInt("department_id", 1));
  SQM_ASSIGN(auto limit, req.QueryInt("limit", 1, 500));
  q.limit = static_cast<int>(limit.value_or(200));
  return q;
}

}  // namespace

void AddRoutes(http::Router& r, Service& service) {
  const std::string manage(org::kImprovementManage), use(org::kImprovementUse);
  r.Add("GET", "/api/v1/improvement/root-causes", use, [&service](Request&) {
    return Reply(service.ListRootCauses(), [](const auto& list) { return Items(list, RootCauseJson); });
  });
  r.Add("POST", "/api/v1/improvement/root-causes", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto c, ReadRootCause(req));
    return Reply(service.CreateRootCause(req.who(), c), RootCauseJson, 201);
  });
  r.Add("PUT", "/api/v1/improvement/root-causes/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto c, ReadRootCause(req));
    return Reply(service.UpdateRootCause(req.who(), id, c), RootCauseJson);
  });

  r.Add("GET", "/api/v1/improvement/actions", use, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto q, ReadQuery(req));
    SQM_ASSIGN_OR_REPLY(auto overdue, req.QueryBool("overdue"));
    return Reply(service.List(req.who(), q, overdue.value_or(false)),
                 [](const auto& list) { return Items(list, ActionJson); });
  });
  r.Add("POST", "/api/v1/improvement/actions", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto d, ReadDraft(req));
    return Reply(service.Create(req.who(), d), ActionJson, 201);
  });
  r.Add("GET", "/api/v1/improvement/actions/{id}", use, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.Get(req.who(), id), DetailJson);
  });
  r.Add("PUT", "/api/v1/improvement/actions/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto d, ReadDraft(req));
    return Reply(service.Edit(req.who(), id, d), ActionJson);
  });
  r.Add("POST", "/api/v1/improvement/actions/{id}/transitions", use, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto c, ReadChange(req));
    return Reply(service.Apply(req.who(), id, c), ActionJson);
  });
  r.Add("POST", "/api/v1/improvement/actions/{id}/triage", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto t, ReadTriage(req));
    return Reply(service.DecideSuggestion(req.who(), id, t), ActionJson);
  });
  r.Add("POST", "/api/v1/improvement/suggestions", use, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    Suggestion s;
    s.title = in.String("title", {.min_len = 1, .max_len = 200});
    s.description = in.String("description", {.min_len = 1, .max_len = kMaxText});
    s.department_id = in.OptInt("department_id", 1);
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(service.Suggest(req.who(), s), ActionJson, 201);
  });

  r.Add("GET", "/api/v1/improvement/audits", use, [&service](Request&) {
    return Reply(service.ListAudits(), [](const auto& list) { return Items(list, AuditJson); });
  });
  r.Add("POST", "/api/v1/improvement/audits", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto d, ReadAudit(req));
    return Reply(service.CreateAudit(req.who(), d), AuditJson, 201);
  });
  r.Add("GET", "/api/v1/improvement/audits/{id}", use, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.GetAudit(id), AuditJson);
  });
  r.Add("POST", "/api/v1/improvement/audits/{id}/findings", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    const std::string text = in.String("text", {.min_len = 1, .max_len = kMaxText});
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(service.AddFinding(req.who(), id, text), AuditJson, 201);
  });
}

}  // namespace sqm::improvement
