#include "feedback/routes.h"

#include <charconv>
#include <cmath>

#include "base/json.h"
#include "base/stats.h"
#include "desk/import_routes.h"
#include "desk/model.h"
#include "feedback/json.h"
#include "org/rules.h"

namespace sqm::feedback {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::Response;
using http::TimeJson;

namespace {

// A decimal query parameter ("0.05", "5e-2"); `fallback` when absent.
Result<std::optional<double>> QueryNumber(const Request& req, std::string_view name) {
  auto text = req.QueryText(name);
  if (!text) return std::optional<double>{};
  double v = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) {
    return Error::Invalid(std::string(name), Msg("field.not_number", "must be a number"));
  }
  return std::optional<double>(v);
}

Response SampleSize(Request& req) {
  stats::SampleSizeQuestion q;
  SQM_ASSIGN_OR_REPLY(auto margin, QueryNumber(req, "margin"));
  if (!margin) return ErrorResponse(Error::Invalid("margin", Msg("field.required", "is required")));
  q.margin = *margin;
  SQM_ASSIGN_OR_REPLY(auto confidence, QueryNumber(req, "confidence"));
  q.confidence = confidence.value_or(0.95);
  SQM_ASSIGN_OR_REPLY(q.population, req.QueryInt("population"));
  SQM_ASSIGN_OR_REPLY(auto proportion, QueryNumber(req, "proportion"));
  q.proportion = proportion.value_or(0.5);
  return http::Reply(stats::SampleSize(q), [](std::int64_t n) { return bj::object{{"n", n}}; });
}

Response Interval(Request& req) {
  SQM_ASSIGN_OR_REPLY(auto successes, req.QueryInt("successes"));
  SQM_ASSIGN_OR_REPLY(auto n, req.QueryInt("n"));
  SQM_ASSIGN_OR_REPLY(auto confidence, QueryNumber(req, "confidence"));
  Problems missing;
  if (!successes) missing.Add("successes", Msg("field.required", "is required"));
  if (!n) missing.Add("n", Msg("field.required", "is required"));
  if (auto e = missing.Take()) return ErrorResponse(*e);
  return http::Reply(stats::WilsonInterval(*successes, *n, confidence.value_or(0.95)), [](const stats::Interval& i) {
    return bj::object{{"p", i.p}, {"low", i.low}, {"high", i.high}, {"margin", i.margin}};
  });
}

}  // namespace

void AddStatisticsRoutes(http::Router& r) {
  const std::string staff(org::kStaff);
  r.Add("GET", "/api/v1/surveys/sample-size", staff, SampleSize);
  r.Add("GET", "/api/v1/surveys/interval", staff, Interval);
}

namespace {

bj::object TemplateJson(const Template& t) {
  bj::object o = DefinitionJson(t.definition);
  o["id"] = t.id;
  o["name"] = t.name;
  o["version"] = t.version;
  o["active"] = t.active;
  o["created_at"] = TimeJson(t.created_at);
  o["updated_at"] = TimeJson(t.updated_at);
  return o;
}

bj::object RuleJson(const DispatchRule& r) {
  return {{"id", r.id},
          {"template_id", r.template_id},
          {"trigger", Name(r.trigger)},
          {"ticket_type", OrNull(r.ticket_type)},
          {"channel", OrNull(r.channel)},
          {"category_id", OrNull(r.category_id)},
          {"delay_minutes", r.delay_ms / 60'000},
          {"quiet_days", r.quiet_days},
          {"valid_days", r.valid_days},
          {"active", r.active},
          {"created_at", TimeJson(r.created_at)}};
}

bj::object AttributionJson(const Attribution& a) {
  return {{"department_id", OrNull(a.department_id)},
          {"department_name", a.department_name},
          {"staff_id", OrNull(a.staff_id)},
          {"staff_name", a.staff_name},
          {"channel", a.channel},
          {"category_id", OrNull(a.category_id)},
          {"category_name", a.category_name}};
}

bj::object InvitationJson(const Invitation& i, TimeMs now) {
  bj::object o{{"id", i.id},
               {"template_id", i.template_id},
               {"version", i.version},
               {"rule_id", OrNull(i.rule_id)},
               {"campaign_id", OrNull(i.campaign_id)},
               {"stratum", i.stratum},
               {"ticket_id", i.ticket_id},
               {"ticket_number", i.ticket_number},
               {"ticket_type", i.ticket_type},
               {"customer_id", OrNull(i.customer_id)},
               {"customer_email", i.customer_email},
               {"state", Name(StateOf(i, now))},
               {"has_link", i.has_link},
               {"created_at", TimeJson(i.created_at)},
               {"send_at", TimeJson(i.send_at)},
               {"expires_at", TimeJson(i.expires_at)},
               {"answered_at", TimeJson(i.answered_at)}};
  o["attribution"] = AttributionJson(i.attribution);
  return o;
}

bj::value RateJson(const Rate& r) {
  bj::object o{{"successes", r.successes}, {"n", r.n}, {"small_sample", r.small_sample}};
  if (r.interval) {
    o["p"] = r.interval->p;
    o["low"] = r.interval->low;
    o["high"] = r.interval->high;
  } else {
    o["p"] = nullptr;
    o["low"] = nullptr;
    o["high"] = nullptr;
  }
  return o;
}

bj::value NpsJson(const Nps& n) {
  return {{"score", OrNull(n.score)},
          {"n", n.n},
          {"promoters", n.promoters},
          {"passives", n.passives},
          {"detractors", n.detractors},
          {"promoter_rate", RateJson(n.promoter_rate)},
          {"detractor_rate", RateJson(n.detractor_rate)},
          {"small_sample", n.n < kSmallSample}};
}

bj::array GroupsJson(const std::vector<Group>& groups) {
  bj::array out;
  for (const auto& g : groups) {
    out.push_back({{"key", g.key},
                   {"label", g.label},
                   {"satisfaction", RateJson(g.satisfaction)},
                   {"csat", RateJson(g.csat)},
                   {"nps", NpsJson(g.nps)}});
  }
  return out;
}

bj::object ResultsJson(const Results& r) {
  bj::array questions;
  for (const auto& q : r.questions) {
    bj::array dist, texts;
    for (const auto& [value, count] : q.distribution) dist.push_back({{"value", value}, {"count", count}});
    for (const auto& t : q.texts) texts.push_back(bj::value(t));
    questions.push_back({{"id", q.question.id},
                         {"kind", Name(q.question.kind)},
                         {"text", TextJson(q.question.text)},
                         {"answered", q.answered},
                         {"distribution", std::move(dist)},
                         {"texts", std::move(texts)}});
  }
  return {{"invitations", r.invitations},
          {"response_rate", RateJson(r.response_rate)},
          {"csat", RateJson(r.csat)},
          {"nps", NpsJson(r.nps)},
          {"ces", {{"mean", OrNull(r.ces.mean)}, {"n", r.ces.n}}},
          {"callback", RateJson(r.callback)},
          {"satisfaction", RateJson(r.satisfaction)},
          {"small_sample_below", kSmallSample},
          {"questions", std::move(questions)},
          {"by_department", GroupsJson(r.by_department)},
          {"by_staff", GroupsJson(r.by_staff)},
          {"by_channel", GroupsJson(r.by_channel)},
          {"by_category", GroupsJson(r.by_category)},
          {"agency_answers", r.agency_answers}};
}

bj::object FollowUpJson(const FollowUp& f) {
  return {{"id", f.id},
          {"ticket_id", f.ticket_id},
          {"ticket_number", f.ticket_number},
          {"invitation_id", OrNull(f.invitation_id)},
          {"source", f.source},
          {"reason", f.reason},
          {"department_id", OrNull(f.department_id)},
          {"owner_id", OrNull(f.owner_id)},
          {"owner_name", f.owner_name},
          {"deadline_at", TimeJson(f.deadline_at)},
          {"outcome", f.outcome ? bj::value(Name(*f.outcome)) : nullptr},
          {"note", f.note},
          {"created_at", TimeJson(f.created_at)},
          {"closed_at", TimeJson(f.closed_at)}};
}

// {name, active?, title, intro, questions}: the name and active flag here, the rest by ReadDefinition.
struct TemplateBody {
  json::NamedHead head;
  Definition definition;
};
Result<TemplateBody> ReadTemplateBody(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  if (!body.is_object()) return Error::Invalid("", Msg("survey.not_object", "expected a JSON object"));
  Problems p;
  TemplateBody out;
  const auto& o = body.get_object();
  json::UnknownKeys(o, {"name", "active", "title", "intro", "questions"}, p);
  out.head = json::ReadNamedHead(o, p);
  out.definition = ReadDefinition(o, p);
  CheckTemplate(out.head.name, out.definition, p);
  if (auto e = p.Take()) return *e;
  return out;
}

Result<DispatchRule> ReadRule(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  DispatchRule r;
  r.template_id = in.Int("template_id", 1);
  const auto trigger = in.OptString("trigger");
  const auto type = in.OptString("ticket_type");
  const auto channel = in.OptString("channel");
  r.category_id = in.OptInt("category_id", 1);
  r.delay_ms = in.OptInt("delay_minutes", 0, 60 * 24 * 366).value_or(0) * 60'000;
  r.quiet_days = static_cast<int>(in.OptInt("quiet_days", 0, 366).value_or(0));
  r.valid_days = static_cast<int>(in.OptInt("valid_days", 1, 366).value_or(14));
  if (trigger) {
    if (auto t = ParseTrigger(*trigger)) {
      r.trigger = *t;
    } else {
      in.Fail("trigger", Msg("survey.bad_trigger", "must be resolved or closed"));
    }
  }
  if (type) {
    if (!desk::Parse<desk::TicketType>(*type)) {
      in.Fail("ticket_type",
              Msg("survey.not_one_of", "must be one of {names}", {{"names", desk::NameList<desk::TicketType>()}}));
    }
    r.ticket_type = type;
  }
  if (channel) {
    if (!desk::Parse<desk::Channel>(*channel)) {
      in.Fail("channel",
              Msg("survey.not_one_of", "must be one of {names}", {{"names", desk::NameList<desk::Channel>()}}));
    }
    r.channel = channel;
  }
  SQM_TRY(in.Done());
  SQM_TRY(CheckRule(r));
  return r;
}

// {"answers": {"q1": 5, "q2": [0, 2], "q3": "text"}}
Result<std::vector<Answer>> ReadAnswers(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  const bj::value* answers = in.OptValue("answers");
  SQM_TRY(in.Done());
  if (!answers || !answers->is_object()) {
    return Error::Invalid("answers", Msg("survey.bad_answers", "must be an object of answers by question id"));
  }
  Problems p;
  std::vector<Answer> out;
  for (const auto& [k, v] : answers->get_object()) {
    if (out.size() >= kMaxQuestions) {
      p.Add("answers", Msg("survey.too_many_answers", "has more answers than the survey has questions"));
      break;
    }
    Answer a{.question_id = std::string(k).substr(0, 40)};
    const std::string f = "answers." + a.question_id;
    if (v.is_int64()) {
      a.score = static_cast<int>(std::clamp<std::int64_t>(v.get_int64(), -1000, 1000));
    } else if (v.is_array()) {
      for (const auto& c : v.get_array()) {
        if (!c.is_int64() || a.choices.size() >= kMaxOptions) {
          p.Add(f, Msg("survey.no_such_option", "is not one of the options"));
          break;
        }
        a.choices.push_back(static_cast<int>(std::clamp<std::int64_t>(c.get_int64(), -1000, 1000)));
      }
    } else if (v.is_string()) {
      a.body = std::string(v.get_string());
      if (a.body.size() > 4 * kMaxAnswerText) {
        p.Add(f, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(kMaxAnswerText)}}));
        continue;
      }
    } else if (!v.is_null()) {
      p.Add(f, Msg("survey.bad_answer", "must be a score, a list of options or a text"));
      continue;
    }
    out.push_back(std::move(a));
  }
  if (auto e = p.Take()) return *e;
  return out;
}

bj::object CampaignJson(const Campaign& c) {
  // The filter as stored, with its times as the API writes times.
  bj::object o = StoredFilterJson(c.filter);
  o["from"] = TimeJson(c.filter.from);
  o["to"] = TimeJson(c.filter.to);
  for (auto& [k, v] : bj::object{{"id", c.id},
                                 {"name", c.name},
                                 {"template_id", c.template_id},
                                 {"version", c.version},
                                 {"stratify_by", Name(c.stratify_by)},
                                 {"margin", c.question.margin},
                                 {"confidence", c.question.confidence},
                                 {"proportion", c.question.proportion},
                                 {"seed", static_cast<std::int64_t>(c.seed)},
                                 {"population", c.population},
                                 {"sample_size", c.sample_size},
                                 {"strata", StrataJson(c.strata)},
                                 {"send_at", TimeJson(c.send_at)},
                                 {"valid_days", c.valid_days},
                                 {"created_at", TimeJson(c.created_at)}}) {
    o[k] = std::move(v);
  }
  return o;
}

bj::object StratumProgressJson(const StratumProgress& p) {
  return {{"key", p.key},
          {"label", p.label},
          {"population", p.population},
          {"invited", p.invited},
          {"sent", p.sent},
          {"answered", p.answered},
          {"expired", p.expired},
          {"response_rate", RateJson(p.response_rate)}};
}

bj::object ProgressJson(const CampaignProgress& p) {
  bj::object o = CampaignJson(p.campaign);
  bj::array strata;
  for (const auto& s : p.strata) strata.push_back(StratumProgressJson(s));
  o["progress"] = {{"total", StratumProgressJson(p.total)}, {"strata", std::move(strata)}};
  return o;
}

// {name?, template_id, from, to, department_ids?, category_ids?, tiers?, stratify_by?, margin?,
// confidence?, proportion?, seed?, send_at?, valid_days?}; the preview takes the same, the name optional.
Result<CampaignDraft> ReadCampaign(const Request& req, bool named) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  CampaignDraft d;
  // The preview takes the form as it is, name and all, and ignores the name.
  if (named) {
    d.name = in.String("name", {.max_len = 100});
  } else {
    in.OptString("name", {.min_len = 0, .max_len = 100});
  }
  d.template_id = in.Int("template_id", 1);
  const auto time = [&in](std::string_view key, bool required) -> std::optional<TimeMs> {
    auto text = in.OptString(key);
    if (!text) {
      if (required) in.Fail(key, Msg("field.required", "is required"));
      return std::nullopt;
    }
    auto t = ParseIsoTime(*text);
    if (!t) in.Fail(key, Msg("field.not_time", "must be a date or date-time with a time zone"));
    return t;
  };
  d.filter.from = time("from", true).value_or(0);
  d.filter.to = time("to", true).value_or(0);
  d.send_at = time("send_at", false);
  const auto ids = [&in](std::string_view key) {
    std::vector<Id> out;
    for (double v : in.OptNumberList(key, 200).value_or(std::vector<double>{})) {
      if (v < 1 || v > 1e15 || v != std::floor(v)) {
        in.Fail(std::string(key) + "[" + std::to_string(out.size()) + "]",
                Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", "1e15"}}));
      }
      out.push_back(static_cast<Id>(v));
    }
    return out;
  };
  d.filter.department_ids = ids("department_ids");
  d.filter.category_ids = ids("category_ids");
  d.filter.tiers = in.OptStringList("tiers", 50).value_or(std::vector<std::string>{});
  if (auto by = in.OptString("stratify_by")) {
    if (auto parsed = ParseStratifyBy(*by)) {
      d.stratify_by = *parsed;
    } else {
      in.Fail("stratify_by", Msg("survey.bad_stratify_by", "must be none, department or tier"));
    }
  }
  d.question.margin = in.OptNumber("margin").value_or(0.05);
  d.question.confidence = in.OptNumber("confidence").value_or(0.95);
  d.question.proportion = in.OptNumber("proportion").value_or(0.5);
  if (auto seed = in.OptInt("seed", 0, static_cast<std::int64_t>(kMaxSeed))) d.seed = static_cast<std::uint64_t>(*seed);
  d.valid_days = static_cast<int>(in.OptInt("valid_days", 1, 366).value_or(14));
  SQM_TRY(in.Done());
  return d;
}

std::string TokenOf(const Request& req) {
  auto it = req.params.find("token");
  return it == req.params.end() ? std::string() : it->second.substr(0, 64);
}

// ?source=link|callback|agency
Result<std::optional<Source>> QuerySource(const Request& req) {
  auto text = req.QueryText("source");
  if (!text) return std::optional<Source>{};
  auto s = ParseSource(*text);
  if (!s) return Error::Invalid("source", Msg("survey.bad_source", "must be link, callback or agency"));
  return std::optional<Source>(s);
}

Result<ResultsQuery> ReadResultsQuery(const Request& req) {
  ResultsQuery q;
  SQM_ASSIGN(q.template_id, req.QueryInt("template_id", 1));
  SQM_ASSIGN(q.from, req.QueryTime("from"));
  SQM_ASSIGN(q.to, req.QueryTime("to"));
  SQM_ASSIGN(q.campaign_id, req.QueryInt("campaign_id", 1));
  SQM_ASSIGN(q.source, QuerySource(req));
  return q;
}

bj::object TrendPointJson(const TrendPoint& p) {
  return {{"start", TimeJson(p.start)}, {"invitations", p.invitations}, {"response_rate", RateJson(p.response_rate)},
          {"csat", RateJson(p.csat)},   {"nps", NpsJson(p.nps)},        {"satisfaction", RateJson(p.satisfaction)}};
}

Result<TextsQuery> ReadTextsQuery(const Request& req) {
  TextsQuery q;
  SQM_ASSIGN(q.from, req.QueryTime("from"));
  SQM_ASSIGN(q.to, req.QueryTime("to"));
  SQM_ASSIGN(q.campaign_id, req.QueryInt("campaign_id", 1));
  SQM_ASSIGN(q.source, QuerySource(req));
  if (q.source == Source::kCallback) {
    return Error::Invalid("source", Msg("survey.text_source", "must be link or agency (callbacks have no text)"));
  }
  q.q = req.QueryText("q").value_or("");
  if (json::CodePoints(q.q) > 100) {
    return Error::Invalid("q", Msg("field.too_long", "must be at most {max} characters", {{"max", "100"}}));
  }
  q.topic = req.QueryText("topic");
  SQM_ASSIGN(q.limit, req.Limit());
  return q;
}

bj::object OpenTextJson(const OpenText& t) {
  bj::array topics;
  for (const auto& k : t.topics) topics.push_back(bj::value(k));
  return {{"source", Name(t.source)},
          {"id", t.id},
          {"at", TimeJson(t.at)},
          {"text", t.text},
          {"ticket_number", t.ticket_number},
          {"department_name", t.department_name},
          {"agency", t.agency},
          {"topics", std::move(topics)}};
}

bj::object AgencyImportJson(const AgencyImport& a) {
  return {{"import_id", a.import_id}, {"rows", a.rows}};
}

// 201 {import_id, rows}, or 400 with every problem (nothing written) and error_count.
Response ImportAgencyFile(Service& service, Request& req) {
  auto upload = desk::ReadSpreadsheetUpload(
      req, "agency", Msg("agency.bad_filename", "must be a file name of at most 200 bytes, without a folder"));
  if (auto* refused = std::get_if<Response>(&upload)) return std::move(*refused);
  const auto& file = std::get<desk::SpreadsheetUpload>(upload);
  SQM_ASSIGN_OR_REPLY(auto out, service.ImportAgency(req.who(), file.format, file.file.input(), file.filename));
  if (out.ok()) return JsonResponse(201, AgencyImportJson(out));
  // The usual error body ({error: {code, message, field, errors: [{field, message, key, args}]}}),
  // each problem also with its line and column.
  bj::array errors = desk::RowErrorsJson(out.errors, "column");
  for (auto& e : errors) {
    auto& o = e.as_object();
    o["field"] = o["column"];
    o["message"] = o["reason"];
    o.erase("reason");
  }
  const auto& first = out.errors.front();
  return JsonResponse(
      http::StatusOf(ErrorCode::kInvalid),
      bj::object{{"error",
                  {{"code", ErrorCodeName(ErrorCode::kInvalid)},
                   {"message", std::to_string(out.error_count) + " problem" + (out.error_count == 1 ? "" : "s") +
                                   "; nothing was imported (first: line " + std::to_string(first.line) + ": " +
                                   first.reason + ")"},
                   {"field", first.column},
                   {"errors", std::move(errors)}}},
                 {"error_count", out.error_count}});
}

}  // namespace

void AddRoutes(http::Router& r, Service& service, PublicLimiter& limiter) {
  const std::string manage(org::kFeedbackManage), read(org::kTicketRead), report(org::kDeskReport), pub(org::kPublic);

  r.Add("GET", "/api/v1/survey-templates", manage, [&service](Request&) {
    return Reply(service.ListTemplates(), [](const std::vector<Template>& list) {
      bj::array items;
      for (const auto& t : list) items.push_back(TemplateJson(t));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/survey-templates", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, ReadTemplateBody(req));
    return Reply(service.CreateTemplate(req.who(), body.head.name, body.definition), TemplateJson, 201);
  });
  r.Add("GET", "/api/v1/survey-templates/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto version, req.QueryInt("version", 1, 1'000'000));
    return Reply(service.GetTemplate(id, version ? std::optional<int>(static_cast<int>(*version)) : std::nullopt),
                 TemplateJson);
  });
  r.Add("PUT", "/api/v1/survey-templates/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, ReadTemplateBody(req));
    return Reply(service.UpdateTemplate(req.who(), id, body.head.name, body.definition, body.head.active),
                 TemplateJson);
  });

  r.Add("GET", "/api/v1/survey-rules", manage, [&service](Request&) {
    return Reply(service.ListRules(), [](const std::vector<DispatchRule>& list) {
      bj::array items;
      for (const auto& x : list) items.push_back(RuleJson(x));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/survey-rules", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto rule, ReadRule(req));
    return Reply(service.CreateRule(req.who(), rule), RuleJson, 201);
  });
  r.Add("DELETE", "/api/v1/survey-rules/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.DeactivateRule(req.who(), id));
  });

  r.Add("GET", "/api/v1/survey-settings", manage,
        [&service](Request&) { return Reply(service.GetSettings(), SettingsJson); });
  r.Add("PUT", "/api/v1/survey-settings", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    SQM_ASSIGN_OR_REPLY(auto current, service.GetSettings());
    SQM_ASSIGN_OR_REPLY(auto s, ReadSettings(body, current));
    return Reply(service.SaveSettings(req.who(), s), SettingsJson);
  });

  r.Add("GET", "/api/v1/survey-campaigns", manage, [&service](Request&) {
    return Reply(service.ListCampaigns(), [](const std::vector<Campaign>& list) {
      bj::array items;
      for (const auto& c : list) items.push_back(CampaignJson(c));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/survey-campaigns/preview", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto draft, ReadCampaign(req, false));
    return Reply(service.PreviewCampaign(draft), [](const CampaignPreview& p) {
      return bj::object{{"population", p.plan.population},
                        {"sample_size", p.plan.sample_size},
                        {"drawn", p.drawn},
                        {"with_email", p.with_email},
                        {"seed", static_cast<std::int64_t>(p.seed)},
                        {"strata", StrataJson(p.plan.strata)}};
    });
  });
  r.Add("POST", "/api/v1/survey-campaigns", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto draft, ReadCampaign(req, true));
    return Reply(service.CreateCampaign(req.who(), draft), CampaignJson, 201);
  });
  r.Add("GET", "/api/v1/survey-campaigns/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.GetCampaignProgress(id), ProgressJson);
  });

  r.Add("GET", "/api/v1/survey-invitations", read, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto ticket, req.QueryInt("ticket_id", 1));
    SQM_ASSIGN_OR_REPLY(auto tmpl, req.QueryInt("template_id", 1));
    SQM_ASSIGN_OR_REPLY(auto campaign, req.QueryInt("campaign_id", 1));
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    SQM_ASSIGN_OR_REPLY(auto cursor, req.QueryInt("cursor", 1));
    repo::InvitationQuery q{
        .ticket_id = ticket, .template_id = tmpl, .campaign_id = campaign, .limit = limit, .before_id = cursor};
    return Reply(service.ListInvitations(req.who(), q), [&](const std::vector<Invitation>& list) {
      bj::array items;
      const TimeMs at = service.Now();
      for (const auto& i : list) items.push_back(InvitationJson(i, at));
      std::optional<std::string> next;
      if (static_cast<int>(list.size()) == limit) next = std::to_string(list.back().id);
      return http::PageJson(std::move(items), next);
    });
  });
  r.Add("POST", "/api/v1/survey-invitations/{id}/link", read, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.IssueLink(req.who(), id), [&](const IssuedLink& l) {
      return bj::object{
          {"invitation", InvitationJson(l.invitation, service.Now())}, {"token", l.token}, {"path", l.path}};
    });
  });

  r.Add("GET", "/api/v1/survey-results", report, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto q, ReadResultsQuery(req));
    return Reply(service.GetResults(req.who(), q), ResultsJson);
  });
  r.Add("GET", "/api/v1/survey-results/trend", report, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto q, ReadResultsQuery(req));
    const std::string bucket = req.QueryText("bucket").value_or("week");
    if (bucket != "week" && bucket != "month") {
      return ErrorResponse(Error::Invalid("bucket", Msg("survey.bad_bucket", "must be week or month")));
    }
    return Reply(service.GetTrend(req.who(), q, bucket == "week" ? TrendBucket::kWeek : TrendBucket::kMonth),
                 [&bucket](const std::vector<TrendPoint>& points) {
                   bj::array items;
                   for (const auto& p : points) items.push_back(TrendPointJson(p));
                   return bj::object{{"bucket", bucket}, {"items", std::move(items)}};
                 });
  });

  // The file streams to a temporary file as it arrives (body_to_file) and is read from there.
  constexpr http::RouteOptions kAgencyFile{
      .max_body_bytes = 50u << 20, .read_timeout_s = 300, .body_to_file = true, .body_types = desk::kSpreadsheetTypes};
  r.Add(
      "POST", "/api/v1/survey-agency-imports", manage,
      [&service](Request& req) { return ImportAgencyFile(service, req); }, kAgencyFile);
  r.Add("GET", "/api/v1/survey-agency-imports/template", manage, [](Request& req) {
    const auto lang = req.QueryText("lang").value_or("zh-CN");
    if (lang != "en" && lang != "zh-CN") {
      return ErrorResponse(Error::Invalid("lang", Msg("import.lang_zh_or_en", "must be zh-CN or en")));
    }
    Response out;
    out.status = 200;
    out.content_type = "text/csv; charset=utf-8";
    out.body = AgencyTemplateCsv(lang == "zh-CN");
    out.SetHeader("Content-Disposition", "attachment; filename=\"agency-results-template.csv\"");
    out.SetHeader("Cache-Control", "no-store");
    return out;
  });

  r.Add("GET", "/api/v1/survey-topics", report, [&service](Request&) {
    return Reply(service.GetTopics(), [](const std::vector<Topic>& topics) {
      return bj::object{{"topics", TopicsJson(topics)}};
    });
  });
  r.Add("PUT", "/api/v1/survey-topics", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    const bj::value* list = in.OptValue("topics");
    if (!list) in.Fail("topics", Msg("field.required", "is required"));
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    SQM_ASSIGN_OR_REPLY(auto topics, ReadTopics(*list));
    return Reply(service.SaveTopics(req.who(), topics), [](const std::vector<Topic>& saved) {
      return bj::object{{"topics", TopicsJson(saved)}};
    });
  });
  r.Add("GET", "/api/v1/survey-texts", report, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto q, ReadTextsQuery(req));
    return Reply(service.ListTexts(req.who(), q), [](const std::vector<OpenText>& list) {
      bj::array items;
      for (const auto& t : list) items.push_back(OpenTextJson(t));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("GET", "/api/v1/survey-texts/summary", report, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto q, ReadTextsQuery(req));
    return Reply(service.SummarizeTexts(req.who(), q), [](const TextSummary& s) {
      bj::array topics, words;
      for (const auto& t : s.topics) {
        topics.push_back({{"key", t.topic.key}, {"label", TextJson(t.topic.label)}, {"count", t.count}});
      }
      for (const auto& w : s.words) {
        words.push_back({{"word", w.word}, {"count", w.count}, {"keyword", w.keyword}});
      }
      return bj::object{
          {"texts", s.texts}, {"truncated", s.truncated}, {"topics", std::move(topics)}, {"words", std::move(words)}};
    });
  });
  r.Add("GET", "/api/v1/survey-followups", report, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    const std::string state = req.QueryText("state").value_or("open");
    if (state != "open" && state != "all") {
      return ErrorResponse(Error::Invalid("state", Msg("survey.bad_followup_state", "must be open or all")));
    }
    return Reply(service.ListFollowUps(req.who(), state == "open", limit), [](const std::vector<FollowUp>& list) {
      bj::array items;
      for (const auto& f : list) items.push_back(FollowUpJson(f));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("PATCH", "/api/v1/survey-followups/{id}", report, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    FollowUpPatch patch;
    if (auto owner = in.NullableInt("owner_id")) patch.owner_id = *owner;
    if (auto deadline = in.OptString("deadline_at")) {
      if (auto t = ParseIsoTime(*deadline)) {
        patch.deadline_at = *t;
      } else {
        in.Fail("deadline_at", Msg("field.not_time", "must be a date or date-time with a time zone"));
      }
    }
    if (auto outcome = in.OptString("outcome")) {
      patch.outcome = ParseOutcome(*outcome);
      if (!patch.outcome) {
        in.Fail("outcome", Msg("survey.bad_outcome", "must be recontacted, satisfied_after_redo or rating_withdrawn"));
      }
    }
    patch.note = in.OptString("note", {.min_len = 0, .max_len = kMaxAnswerText});
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(service.UpdateFollowUp(req.who(), id, patch), FollowUpJson);
  });

  r.Add("GET", "/api/v1/public/surveys/{token}", pub, [&service, &limiter](Request& req) {
    if (auto st = limiter.Admit(req.remote_address); !st.ok()) return ErrorResponse(st.error());
    return Reply(service.Open(TokenOf(req)), [](const PublicSurvey& s) {
      bj::object o{
          {"state", Name(s.state)}, {"ticket_number", s.ticket_number}, {"expires_at", TimeJson(s.expires_at)}};
      if (s.definition) {
        for (auto& [k, v] : DefinitionJson(*s.definition)) o[k] = v;
      }
      return o;
    });
  });
  r.Add("POST", "/api/v1/public/surveys/{token}", pub, [&service, &limiter](Request& req) {
    if (auto st = limiter.Admit(req.remote_address); !st.ok()) return ErrorResponse(st.error());
    SQM_ASSIGN_OR_REPLY(auto answers, ReadAnswers(req));
    return Reply(service.SubmitAnswers(TokenOf(req), answers));
  });
}

}  // namespace sqm::feedback
