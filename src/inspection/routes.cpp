#include "inspection/routes.h"

#include "base/json.h"
#include "base/sampling.h"
#include "base/stats.h"
#include "inspection/agreement.h"
#include "inspection/json.h"
#include "inspection/rules.h"
#include "org/rules.h"

namespace sqm::inspection {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::Response;
using http::TimeJson;

namespace {

Response Agreement(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  json::Reader in(body);
  std::vector<double> ratings[2];
  for (int k = 0; k < 2; ++k) {
    const char* key = k == 0 ? "a" : "b";
    auto list = in.OptNumberList(key);
    if (!list && !in.Has(key)) in.Fail(key, Msg("field.required", "is required"));
    ratings[k] = list.value_or(std::vector<double>{});
  }
  const std::string weights = in.OptString("weights").value_or("none");
  stats::KappaWeights w = stats::KappaWeights::kNone;
  if (weights == "linear") {
    w = stats::KappaWeights::kLinear;
  } else if (weights == "quadratic") {
    w = stats::KappaWeights::kQuadratic;
  } else if (weights != "none") {
    in.Fail("weights", Msg("kappa.weights", "must be none, linear or quadratic"));
  }
  auto categories = in.OptNumberList("categories", 100);
  auto tolerance = in.OptNumber("tolerance");
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());

  SQM_ASSIGN_OR_REPLY(auto kappa, stats::CohenKappa(ratings[0], ratings[1], w, categories));
  bj::object out{{"kappa", kappa.kappa ? bj::value(*kappa.kappa) : bj::value(nullptr)},
                 {"observed", kappa.observed},
                 {"expected", kappa.expected},
                 {"n", kappa.n}};
  if (tolerance) {
    SQM_ASSIGN_OR_REPLY(double share, ShareWithin(ratings[0], ratings[1], *tolerance));
    out["share_within"] = share;
  }
  return JsonResponse(200, out);
}

}  // namespace

void AddAgreementRoutes(http::Router& r) {
  r.Add("POST", "/api/v1/inspections/agreement", std::string(org::kStaff), Agreement);
}

namespace {

bj::object SavedScorecardJson(const SavedScorecard& c) {
  bj::object o = ScorecardJson(c.card);
  o["id"] = c.id;
  o["name"] = c.name;
  o["version"] = c.version;
  o["latest_version"] = c.latest_version;
  o["active"] = c.active;
  o["created_at"] = TimeJson(c.created_at);
  o["updated_at"] = TimeJson(c.updated_at);
  return o;
}

// {name, active?, method, pass_mark, sections}: every problem of the shape, the name and the card
// at once.
struct ScorecardBody {
  json::NamedHead head;
  Scorecard card;
};
Result<ScorecardBody> ReadScorecardBody(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  if (!body.is_object()) return Error::Invalid("", Msg("scorecard.not_object", "must be an object"));
  Problems p;
  ScorecardBody out;
  const auto& o = body.get_object();
  json::UnknownKeys(o, {"name", "active", "method", "pass_mark", "sections"}, p);
  out.head = json::ReadNamedHead(o, p);
  out.card = ReadScorecard(o, p);
  CheckScorecardName(out.head.name, p);
  CheckScorecard(out.card, p);
  if (auto e = p.Take()) return *e;
  return out;
}

// {method, pass_mark, sections, answers} -> the score, without storing anything.
Response Preview(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  if (!body.is_object()) return ErrorResponse(Error::Invalid("", Msg("scorecard.not_object", "must be an object")));
  Problems p;
  const auto& o = body.get_object();
  json::UnknownKeys(o, {"method", "pass_mark", "sections", "answers"}, p);
  Scorecard card = ReadScorecard(o, p);
  CheckScorecard(card, p);
  std::map<std::string, Answer> answers;
  if (const auto* a = o.if_contains("answers")) {
    answers = ReadAnswers(*a, "answers", p);
  } else {
    p.Add("answers", Msg("field.required", "is required"));
  }
  if (auto e = p.Take()) return ErrorResponse(*e);
  return Reply(ScoreCard(card, answers), CardResultJson);
}

std::optional<int> AsVersion(const std::optional<std::int64_t>& v) {
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

bj::object InspectionJson(const Inspection& i) {
  bj::object o{{"id", i.id},
               {"kind", Name(i.kind)},
               {"covert", i.covert},
               {"scorecard_id", i.scorecard_id},
               {"scorecard_version", i.scorecard_version},
               {"ticket_id", OrNull(i.ticket_id)},
               {"ticket_number", i.ticket_number},
               {"department_id", i.department_id},
               {"department_name", i.department_name},
               {"agent_id", OrNull(i.agent_id)},
               {"agent_name", i.agent_name},
               {"inspector_id", i.inspector_id},
               {"inspector_name", i.inspector_name},
               {"state", Name(i.state)},
               {"answers", AnswersJson(i.answers)},
               {"notes", i.notes},
               {"percent", OrNull(i.percent)},
               {"passed", i.passed},
               {"critical_failed", i.critical_failed},
               {"corrects_id", OrNull(i.corrects_id)},
               {"corrected_by_id", OrNull(i.corrected_by_id)},
               {"created_at", TimeJson(i.created_at)},
               {"submitted_at", TimeJson(i.submitted_at)},
               {"published_at", TimeJson(i.published_at)},
               {"appeal_deadline", TimeJson(i.appeal_deadline)},
               {"acknowledged_at", TimeJson(i.acknowledged_at)},
               {"final_at", TimeJson(i.final_at)},
               {"checked_at", TimeJson(i.checked_at)}};
  if (i.location) {
    o["location"] = bj::object{{"latitude", i.location->latitude},
                               {"longitude", i.location->longitude},
                               {"accuracy_m", OrNull(i.location->accuracy_m)}};
  } else {
    o["location"] = nullptr;
  }
  if (i.appeal) {
    const Appeal& a = *i.appeal;
    o["appeal"] = bj::object{{"appellant_id", a.appellant_id},
                             {"reason", a.reason},
                             {"filed_at", TimeJson(a.filed_at)},
                             {"reviewer_id", OrNull(a.reviewer_id)},
                             {"outcome", a.outcome ? bj::value(Name(*a.outcome)) : bj::value(nullptr)},
                             {"decision", a.decision},
                             {"decided_at", TimeJson(a.decided_at)}};
  } else {
    o["appeal"] = nullptr;
  }
  return o;
}

bj::object PhotoJson(const Photo& p) {
  return {{"id", p.id},
          {"inspection_id", p.inspection_id},
          {"item", p.item_code},
          {"content_type", MediaTypeOf(p.type)},
          {"size", p.size},
          {"sha256", p.sha256},
          {"uploaded_by", p.uploaded_by},
          {"uploaded_at", TimeJson(p.uploaded_at)}};
}

}  // namespace

// The image with the type sniffed from its bytes, always as an attachment: an <img> shows it all
// the same, while opening its address downloads it instead of rendering anything in sqm's origin.
// nosniff (on every answer) and a CSP that allows nothing keep a browser from reading it as more.
Response PhotoResponse(PhotoFile file, std::string_view name) {
  Response r;
  r.status = 200;
  r.content_type = std::string(MediaTypeOf(file.photo.type));
  r.body = std::move(file.bytes);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + std::string(name) + "-" +
                                         std::to_string(file.photo.id) + "." +
                                         std::string(ExtensionOf(file.photo.type)) + "\"");
  r.SetHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
  r.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
  r.SetHeader("Cache-Control", "private, max-age=300");
  return r;
}

namespace {

Result<Assignment> ReadAssignment(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  Assignment a;
  const std::string kind = in.String("kind", {.min_len = 1, .max_len = 40});
  a.covert = in.OptBool("covert").value_or(false);
  a.scorecard_id = in.Int("scorecard_id", 1);
  a.ticket_id = in.OptInt("ticket_id", 1);
  a.department_id = in.OptInt("department_id", 1);
  a.agent_id = in.OptInt("agent_id", 1);
  a.inspector_id = in.Int("inspector_id", 1);
  if (auto k = ParseKind(kind)) {
    a.kind = *k;
  } else if (!kind.empty()) {
    in.Fail("kind", Msg("scorecard.not_one_of", "must be one of {names}",
                        {{"names", "ticket_review, routine_check, surprise_check"}}));
  }
  SQM_TRY(in.Done());
  return a;
}

// {"latitude", "longitude", "accuracy_m"?} (ranges: site.h CheckSiteRecord, in the service).
Result<Location> ReadLocation(const bj::value& v) {
  json::Reader in(v, "location");
  Location l;
  const auto latitude = in.OptNumber("latitude");
  const auto longitude = in.OptNumber("longitude");
  l.accuracy_m = in.OptNumber("accuracy_m");
  if (!latitude) in.Fail("latitude", Msg("field.required", "is required"));
  if (!longitude) in.Fail("longitude", Msg("field.required", "is required"));
  SQM_TRY(in.Done());
  l.latitude = *latitude;
  l.longitude = *longitude;
  return l;
}

// {"answers": {...}, "notes"?: "...", "checked_at"?: ISO time, "location"?: {...}}
struct AnswersBody {
  std::map<std::string, Answer> answers;
  std::string notes;
  SiteRecord site;
};
Result<AnswersBody> ReadAnswersBody(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  AnswersBody out;
  const bj::value* answers = in.OptValue("answers");
  out.notes = in.OptString("notes", {.min_len = 0, .max_len = 4000, .trim = false}).value_or("");
  if (auto at = in.OptString("checked_at", {.min_len = 1, .max_len = 40})) {
    out.site.checked_at = ParseIsoTime(*at);
    if (!out.site.checked_at)
      in.Fail("checked_at", Msg("field.time", "must be a date (2026-11-01) or an ISO date-time"));
  }
  const bj::value* location = in.OptValue("location");
  SQM_TRY(in.Done());
  if (location && !location->is_null()) {
    SQM_ASSIGN(out.site.location, ReadLocation(*location));
  }
  Problems p;
  if (answers) out.answers = ReadAnswers(*answers, "answers", p);
  if (auto e = p.Take()) return *e;
  return out;
}

Result<Decision> ReadDecision(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  Decision d;
  const std::string outcome = in.String("outcome", {.min_len = 1, .max_len = 40});
  d.reason = in.String("reason", {.min_len = 1, .max_len = 2000});
  const bj::value* answers = in.OptValue("answers");
  if (auto o = ParseOutcome(outcome)) {
    d.outcome = *o;
  } else if (!outcome.empty()) {
    in.Fail("outcome",
            Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "upheld, partly_upheld, rejected"}}));
  }
  SQM_TRY(in.Done());
  Problems p;
  if (answers) d.answers = ReadAnswers(*answers, "answers", p);
  if (auto e = p.Take()) return *e;
  return d;
}

bj::object PlanJson(const SamplingPlan& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"cycle", Name(p.cycle)},
          {"department_ids", IdsJson(p.department_ids)},
          {"quota", Name(p.quota)},
          {"amount", p.amount},
          {"by_channel", p.by_channel},
          {"by_type", p.by_type},
          {"complaints", p.complaints},
          {"breaches", p.breaches},
          {"scorecard_id", p.scorecard_id},
          {"inspector_ids", IdsJson(p.inspector_ids)},
          {"active", p.active},
          {"created_at", TimeJson(p.created_at)}};
}

bj::object RunJson(const SamplingRun& r) {
  bj::array tickets;
  for (const auto& t : r.tickets) {
    tickets.push_back(bj::object{{"ticket_id", t.ticket.ticket_id},
                                 {"ticket_number", t.ticket.ticket_number},
                                 {"agent_id", t.ticket.agent_id},
                                 {"agent_name", t.ticket.agent_name},
                                 {"channel", t.ticket.channel},
                                 {"type", t.ticket.type},
                                 {"complaint", t.ticket.complaint},
                                 {"breached", t.ticket.breached},
                                 {"inspector_id", OrNull(t.inspector_id)},
                                 {"inspection_id", OrNull(t.inspection_id)}});
  }
  return {{"id", r.id == 0 ? bj::value(nullptr) : bj::value(r.id)},
          {"plan_id", r.plan_id},
          {"cycle_start", TimeJson(r.cycle_start)},
          {"cycle_end", TimeJson(r.cycle_end)},
          {"seed", static_cast<std::int64_t>(r.seed)},
          {"candidates", r.candidates},
          {"drawn", r.drawn},
          {"coverage", CoverageJson(r.coverage)},
          {"tickets", std::move(tickets)},
          {"created_at", TimeJson(r.created_at)}};
}

}  // namespace

std::vector<Id> ReadIds(json::Reader& in, std::string_view key) {
  std::vector<Id> out;
  const auto list = in.OptNumberList(key, 100);
  if (!list) {
    in.Fail(key, Msg("field.required", "is required"));
    return out;
  }
  for (double v : *list) {
    if (v < 1 || v != static_cast<double>(static_cast<Id>(v))) {
      in.Fail(key, Msg("sampling.ids", "must be a list of ids"));
      return {};
    }
    out.push_back(static_cast<Id>(v));
  }
  return out;
}

namespace {

// {name, cycle, department_ids, quota, amount, by_channel?, by_type?, complaints?, breaches?,
//  scorecard_id, inspector_ids}
Result<SamplingPlan> ReadPlan(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  SamplingPlan p;
  p.name = in.String("name", {.min_len = 1, .max_len = 120});
  const std::string cycle = in.String("cycle", {.min_len = 1, .max_len = 20});
  p.department_ids = ReadIds(in, "department_ids");
  const std::string quota = in.String("quota", {.min_len = 1, .max_len = 20});
  p.amount = static_cast<int>(in.Int("amount", 1, kMaxPerAgent));
  p.by_channel = in.OptBool("by_channel").value_or(true);
  p.by_type = in.OptBool("by_type").value_or(true);
  p.complaints = in.OptBool("complaints").value_or(false);
  p.breaches = in.OptBool("breaches").value_or(false);
  p.scorecard_id = in.Int("scorecard_id", 1);
  p.inspector_ids = ReadIds(in, "inspector_ids");
  if (auto c = ParseCycle(cycle)) {
    p.cycle = *c;
  } else if (!cycle.empty()) {
    in.Fail("cycle", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "week, month"}}));
  }
  if (auto q = ParseQuota(quota)) {
    p.quota = *q;
  } else if (!quota.empty()) {
    in.Fail("quota", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "percent, per_agent"}}));
  }
  SQM_TRY(in.Done());
  return p;
}

// {name?, quota?, amount?, by_channel?, by_type?, complaints?, breaches?, active?}: the scope
// (cycle, departments, scorecard, inspectors) is not editable, so those keys are unknown fields.
Result<PlanChange> ReadPlanChange(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  PlanChange c;
  c.name = in.OptString("name", {.min_len = 1, .max_len = 120});
  const auto quota = in.OptString("quota", {.min_len = 1, .max_len = 20});
  if (auto amount = in.OptInt("amount", 1, kMaxPerAgent)) c.amount = static_cast<int>(*amount);
  c.by_channel = in.OptBool("by_channel");
  c.by_type = in.OptBool("by_type");
  c.complaints = in.OptBool("complaints");
  c.breaches = in.OptBool("breaches");
  c.active = in.OptBool("active");
  if (quota) {
    c.quota = ParseQuota(*quota);
    if (!c.quota)
      in.Fail("quota", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "percent, per_agent"}}));
  }
  SQM_TRY(in.Done());
  return c;
}

// The charts' range: `from` and `to` (dates or date-times), both required.
Result<std::pair<TimeMs, TimeMs>> ReportRange(const Request& req) {
  SQM_ASSIGN(const auto from, req.QueryTime("from"));
  SQM_ASSIGN(const auto to, req.QueryTime("to"));
  Problems p;
  if (!from) p.Add("from", Msg("field.required", "is required"));
  if (!to) p.Add("to", Msg("field.required", "is required"));
  if (auto e = p.Take()) return *e;
  return std::make_pair(*from, *to);
}

Result<RunRequest> ReadRun(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  RunRequest r;
  if (auto at = in.OptString("at", {.min_len = 1, .max_len = 40})) {
    r.at = ParseIsoTime(*at);
    if (!r.at) in.Fail("at", Msg("field.time", "must be a date (2026-11-01) or an ISO date-time"));
  }
  if (auto seed = in.OptInt("seed", 0, static_cast<std::int64_t>(sampling::kMaxSeed))) {
    r.seed = static_cast<std::uint64_t>(*seed);
  }
  r.dry_run = in.OptBool("dry_run").value_or(false);
  SQM_TRY(in.Done());
  return r;
}

// ---- calibration sessions ----

bj::value AnswerJson(const Answer& a) {
  return a.not_applicable ? bj::value("na") : bj::value(a.value);
}

bj::object ScoreJson(const CalibrationScore& c) {
  bj::object o{{"staff_id", c.staff_id},
               {"name", c.staff_name},
               {"role", Name(c.role)},
               {"submitted", c.submitted_at.has_value()},
               {"submitted_at", TimeJson(c.submitted_at)},
               {"hidden", c.hidden}};
  if (c.hidden) {
    o["answers"] = nullptr;
    o["notes"] = nullptr;
    o["percent"] = nullptr;
  } else {
    o["answers"] = AnswersJson(c.answers);
    o["notes"] = c.notes;
    o["percent"] = OrNull(c.percent);
  }
  return o;
}

bj::object ResultsJson(const CalibrationResults& r) {
  bj::array totals, items, agreement;
  for (const auto& t : r.totals) {
    totals.push_back(bj::object{{"staff_id", t.staff_id},
                                {"role", Name(t.role)},
                                {"percent", OrNull(t.percent)},
                                {"passed", t.passed},
                                {"critical_failed", t.critical_failed}});
  }
  for (const auto& i : r.items) {
    bj::array scores;
    for (const auto& [staff, answer] : i.answers) {
      const auto p = i.points.find(staff);
      scores.push_back(bj::object{{"staff_id", staff},
                                  {"answer", AnswerJson(answer)},
                                  {"points", p == i.points.end() ? bj::value(nullptr) : OrNull(p->second)}});
    }
    items.push_back(bj::object{{"code", i.code},
                               {"name", i.name},
                               {"section_code", i.section_code},
                               {"spread", OrNull(i.spread)},
                               {"scores", std::move(scores)}});
  }
  for (const auto& a : r.agreement) {
    agreement.push_back(bj::object{{"reviewer_id", a.reviewer_id},
                                   {"reference_id", a.reference_id},
                                   {"items", a.items},
                                   {"share_within", OrNull(a.share_within)},
                                   {"kappa", OrNull(a.kappa)},
                                   {"kappa_linear", OrNull(a.kappa_linear)},
                                   {"kappa_quadratic", OrNull(a.kappa_quadratic)}});
  }
  return {{"against_expert", r.against_expert},
          {"tolerance", kAgreementTolerance},
          {"totals", std::move(totals)},
          {"items", std::move(items)},
          {"agreement", std::move(agreement)}};
}

bj::object SessionJson(const CalibrationSession& s) {
  bj::array participants;
  for (const auto& c : s.scores) participants.push_back(ScoreJson(c));
  return {{"id", s.id},
          {"ticket_id", s.ticket_id},
          {"ticket_number", s.ticket_number},
          {"inspection_id", OrNull(s.inspection_id)},
          {"department_id", s.department_id},
          {"agent_id", OrNull(s.agent_id)},
          {"scorecard_id", s.scorecard_id},
          {"scorecard_name", s.scorecard_name},
          {"scorecard_version", s.scorecard_version},
          {"deadline", TimeJson(s.deadline)},
          {"overdue", s.overdue},
          {"state", Name(s.state)},
          {"created_by", s.created_by},
          {"created_by_name", s.created_by_name},
          {"created_at", TimeJson(s.created_at)},
          {"closed_by", OrNull(s.closed_by)},
          {"closed_at", TimeJson(s.closed_at)},
          {"participants", std::move(participants)}};
}

bj::object ViewJson(const CalibrationView& v) {
  bj::object o = SessionJson(v.session);
  o["results"] = v.results ? bj::value(ResultsJson(*v.results)) : bj::value(nullptr);
  return o;
}

// {ticket_id? | inspection_id?, scorecard_id, reviewer_ids, expert_id?, deadline}
Result<CalibrationDraft> ReadCalibration(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  CalibrationDraft d;
  d.ticket_id = in.OptInt("ticket_id", 1);
  d.inspection_id = in.OptInt("inspection_id", 1);
  d.scorecard_id = in.Int("scorecard_id", 1);
  d.reviewer_ids = ReadIds(in, "reviewer_ids");
  d.expert_id = in.OptInt("expert_id", 1);
  if (auto deadline = in.OptString("deadline", {.min_len = 1, .max_len = 40})) {
    d.deadline = ParseIsoTime(*deadline);
    if (!d.deadline) in.Fail("deadline", Msg("field.time", "must be a date (2026-11-01) or an ISO date-time"));
  }
  SQM_TRY(in.Done());
  return d;
}
}  // namespace

void AddRoutes(http::Router& r, Service& service) {
  const std::string manage(org::kInspectionManage), perform(org::kInspectionPerform), staff(org::kStaff);
  r.Add("POST", "/api/v1/scorecards/preview", staff, Preview);
  r.Add("GET", "/api/v1/scorecards", perform, [&service](Request&) {
    return Reply(service.ListScorecards(), [](const std::vector<SavedScorecard>& list) {
      bj::array items;
      for (const auto& c : list) items.push_back(SavedScorecardJson(c));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/scorecards", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, ReadScorecardBody(req));
    return Reply(service.CreateScorecard(req.who(), body.head.name, body.card), SavedScorecardJson, 201);
  });
  r.Add("GET", "/api/v1/scorecards/{id}", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto version, req.QueryInt("version", 1, 1'000'000));
    return Reply(service.GetScorecard(id, AsVersion(version)), SavedScorecardJson);
  });
  r.Add("PUT", "/api/v1/scorecards/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, ReadScorecardBody(req));
    return Reply(service.UpdateScorecard(req.who(), id, body.head.name, body.card, body.head.active),
                 SavedScorecardJson);
  });

  r.Add("POST", "/api/v1/inspections", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto a, ReadAssignment(req));
    return Reply(service.Assign(req.who(), a), InspectionJson, 201);
  });
  // Every staff member: each sees only what rules.h Sees lets them.
  r.Add("GET", "/api/v1/inspections", staff, [&service](Request& req) {
    repo::InspectionQuery q;
    if (auto s = req.QueryText("state")) {
      q.state = ParseState(*s);
      if (!q.state)
        return ErrorResponse(Error::Invalid(
            "state", Msg("scorecard.not_one_of", "must be one of {names}",
                         {{"names", "assigned, in_progress, submitted, published, acknowledged, appealed, final"}})));
    }
    SQM_ASSIGN_OR_REPLY(q.inspector_id, req.QueryInt("inspector_id", 1));
    SQM_ASSIGN_OR_REPLY(q.agent_id, req.QueryInt("agent_id", 1));
    SQM_ASSIGN_OR_REPLY(q.ticket_id, req.QueryInt("ticket_id", 1));
    SQM_ASSIGN_OR_REPLY(q.department_id, req.QueryInt("department_id", 1));
    SQM_ASSIGN_OR_REPLY(q.before_id, req.QueryInt("before_id", 1));
    SQM_ASSIGN_OR_REPLY(auto limit, req.QueryInt("limit", 1, 200));
    q.limit = static_cast<int>(limit.value_or(50));
    return Reply(service.ListInspections(req.who(), q), [](const std::vector<Inspection>& list) {
      bj::array items;
      for (const auto& i : list) items.push_back(InspectionJson(i));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("GET", "/api/v1/inspections/{id}", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto inspection, service.GetInspection(req.who(), id));
    // The card version it is scored with, so whoever sees the inspection (the inspected person
    // too, who may not read scorecards) reads its items and guidance.
    bj::object o = InspectionJson(inspection);
    if (auto card = service.GetScorecard(inspection.scorecard_id, inspection.scorecard_version); card.ok()) {
      o["scorecard"] = SavedScorecardJson(*card);
    }
    SQM_ASSIGN_OR_REPLY(auto photos, service.ListPhotos(req.who(), id));
    bj::array items;
    for (const auto& p : photos) items.push_back(PhotoJson(p));
    o["photos"] = std::move(items);
    return JsonResponse(200, o);
  });
  // A photo of an item: the image as the body, of any of the listed types (the bytes decide).
  constexpr http::RouteOptions kPhotoUpload{.max_body_bytes = kMaxPhotoBytes,
                                            .read_timeout_s = 120,
                                            .body_types = "image/jpeg image/png image/webp application/octet-stream"};
  r.Add(
      "POST", "/api/v1/inspections/{id}/photos", perform,
      [&service](Request& req) {
        SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
        const auto item = req.QueryText("item");
        if (!item || item->empty() || item->size() > 100) {
          return ErrorResponse(Error::Invalid("item", Msg("field.required", "is required")));
        }
        return Reply(service.AddPhoto(req.who(), id, *item, req.body), PhotoJson, 201);
      },
      kPhotoUpload);
  r.Add("GET", "/api/v1/inspections/{id}/photos/{photo_id}", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto photo_id, req.IdParam("photo_id"));
    SQM_ASSIGN_OR_REPLY(auto file, service.GetPhoto(req.who(), id, photo_id));
    return PhotoResponse(std::move(file), "photo");
  });
  r.Add("DELETE", "/api/v1/inspections/{id}/photos/{photo_id}", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto photo_id, req.IdParam("photo_id"));
    return Reply(service.DeletePhoto(req.who(), id, photo_id));
  });
  r.Add("PUT", "/api/v1/inspections/{id}/answers", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, ReadAnswersBody(req));
    return Reply(service.SaveAnswers(req.who(), id, body.answers, body.notes, body.site), InspectionJson);
  });
  r.Add("POST", "/api/v1/inspections/{id}/submit", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, ReadAnswersBody(req));
    return Reply(service.Submit(req.who(), id, body.answers, body.notes, body.site), InspectionJson);
  });
  r.Add("POST", "/api/v1/inspections/{id}/publish", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.Publish(req.who(), id), InspectionJson);
  });
  r.Add("POST", "/api/v1/inspections/{id}/acknowledge", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.Acknowledge(req.who(), id), InspectionJson);
  });
  r.Add("POST", "/api/v1/inspections/{id}/appeal", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    const std::string reason = in.String("reason", {.min_len = 1, .max_len = 2000});
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(service.FileAppeal(req.who(), id, reason), InspectionJson);
  });
  r.Add("POST", "/api/v1/inspections/{id}/decision", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto d, ReadDecision(req));
    return Reply(service.Decide(req.who(), id, d), InspectionJson);
  });

  r.Add("GET", "/api/v1/sampling-plans", manage, [&service](Request& req) {
    return Reply(service.ListPlans(req.who()), [](const std::vector<SamplingPlan>& list) {
      bj::array items;
      for (const auto& p : list) items.push_back(PlanJson(p));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/sampling-plans", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto plan, ReadPlan(req));
    return Reply(service.CreatePlan(req.who(), plan), PlanJson, 201);
  });
  r.Add("GET", "/api/v1/sampling-plans/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.GetPlan(req.who(), id), PlanJson);
  });
  r.Add("PATCH", "/api/v1/sampling-plans/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto change, ReadPlanChange(req));
    return Reply(service.UpdatePlan(req.who(), id, change), PlanJson);
  });
  r.Add("GET", "/api/v1/sampling-plans/{id}/runs", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.ListRuns(req.who(), id), [](const std::vector<SamplingRun>& list) {
      bj::array items;
      for (const auto& run : list) items.push_back(RunJson(run));
      return bj::object{{"items", std::move(items)}};
    });
  });
  // The charts: every staff member, over the inspections they see.
  r.Add("GET", "/api/v1/inspection-reports/trend", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(const auto range, ReportRange(req));
    const auto by = ParseTrendBy(req.QueryText("by").value_or("agent"));
    if (!by) {
      return ErrorResponse(Error::Invalid(
          "by", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "agent, department"}})));
    }
    const auto period = ParseCycle(req.QueryText("period").value_or("week"));
    if (!period) {
      return ErrorResponse(
          Error::Invalid("period", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "week, month"}})));
    }
    return Reply(service.ScoreTrend(req.who(), *by, *period, range.first, range.second),
                 [](const std::vector<TrendPoint>& points) {
                   bj::array items;
                   for (const auto& p : points) {
                     items.push_back(bj::object{{"key", p.key},
                                                {"name", p.name},
                                                {"period_start", TimeJson(p.period_start)},
                                                {"count", p.count},
                                                {"mean", p.mean}});
                   }
                   return bj::object{{"items", std::move(items)}};
                 });
  });
  r.Add("GET", "/api/v1/inspection-reports/pareto", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(const auto range, ReportRange(req));
    return Reply(service.FailurePareto(req.who(), range.first, range.second), [](const std::vector<ParetoBar>& bars) {
      bj::array items;
      for (const auto& b : bars) {
        items.push_back(bj::object{{"code", b.code},
                                   {"name", b.name},
                                   {"failed", b.failed},
                                   {"answered", b.answered},
                                   {"share", b.share},
                                   {"cumulative", b.cumulative}});
      }
      return bj::object{{"items", std::move(items)}};
    });
  });

  // A dry run answers 200 and stores nothing; a run answers 201 with the inspections it made.
  r.Add("POST", "/api/v1/sampling-plans/{id}/runs", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto run, ReadRun(req));
    return Reply(service.RunPlan(req.who(), id, run), RunJson, run.dry_run ? 200 : 201);
  });
}

void AddCalibrationRoutes(http::Router& r, CalibrationService& service) {
  const std::string manage(org::kInspectionManage), perform(org::kInspectionPerform);
  r.Add("GET", "/api/v1/calibrations", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto cursor, req.QueryInt("cursor", 1));
    SQM_ASSIGN_OR_REPLY(auto limit, req.QueryInt("limit", 1, 200));
    return Reply(service.List(req.who(), static_cast<int>(limit.value_or(50)), cursor),
                 [](const CalibrationPage& page) {
                   bj::array items;
                   for (const auto& s : page.items) items.push_back(SessionJson(s));
                   return http::PageJson(std::move(items), page.next_cursor);
                 });
  });
  r.Add("POST", "/api/v1/calibrations", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto d, ReadCalibration(req));
    return Reply(service.Create(req.who(), d), ViewJson, 201);
  });
  r.Add("GET", "/api/v1/calibrations/{id}", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.Get(req.who(), id), ViewJson);
  });
  r.Add("GET", "/api/v1/calibrations/{id}/scores/{staff_id}", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto staff_id, req.IdParam("staff_id"));
    return Reply(service.GetScore(req.who(), id, staff_id), ScoreJson);
  });
  r.Add("PUT", "/api/v1/calibrations/{id}/answers", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, ReadAnswersBody(req));
    return Reply(service.Save(req.who(), id, body.answers, body.notes), ScoreJson);
  });
  r.Add("POST", "/api/v1/calibrations/{id}/submit", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, ReadAnswersBody(req));
    return Reply(service.Submit(req.who(), id, body.answers, body.notes), ScoreJson);
  });
  r.Add("POST", "/api/v1/calibrations/{id}/close", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.Close(req.who(), id), ViewJson);
  });
}

}  // namespace sqm::inspection
