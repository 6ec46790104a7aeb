#include "assessment/measure_routes.h"

#include "base/json.h"
#include "org/rules.h"

namespace sqm::assessment {

namespace bj = boost::json;
using http::ErrorResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::TimeJson;

namespace {

bj::object TextJson(const Text& t) {
  return {{"zh", t.zh}, {"en", t.en}};
}

bj::object AggregationJson(const Aggregation& a) {
  bj::object o{{"kind", AggregationName(a.kind)}};
  if (!a.field.empty()) o["field"] = a.field;
  if (a.kind == AggregationKind::kPercentile) o["p"] = a.p;
  if (a.kind == AggregationKind::kRatio) {
    o["numerator_filter"] = a.numerator_filter;
    if (!a.denominator_source.empty()) {
      o["denominator_source"] = a.denominator_source;
      o["denominator_filter"] = a.denominator_filter;
    }
  }
  return o;
}

bj::object MeasureJson(const Measure& m) {
  return {{"code", m.code},
          {"name", TextJson(m.name)},
          {"definition", TextJson(m.definition)},
          {"source", m.source},
          {"aggregation", AggregationJson(m.aggregation)},
          {"filter", m.filter},
          {"unit", m.unit},
          {"direction", DirectionName(m.direction)},
          {"ratio", m.aggregation.kind == AggregationKind::kRatio},
          {"builtin", m.builtin}};
}

bj::object SourceJson(const storage::FactSource& s) {
  bj::array fields;
  for (const auto& f : s.fields) {
    fields.push_back({{"name", f.name},
                      {"type", storage::FactFieldTypeName(f.type)},
                      {"description", bj::object{{"zh", f.zh}, {"en", f.en}}}});
  }
  return {{"name", s.name}, {"description", bj::object{{"zh", s.zh}, {"en", s.en}}}, {"fields", std::move(fields)}};
}

// A name in both languages: {"zh": ..., "en": ...}, both required.
Text ReadText(json::Reader& in, std::string_view key, std::size_t max_len, bool required) {
  Text t;
  const bj::value* v = in.OptValue(key);
  if (!v) {
    if (required) in.Fail(key, Msg("field.required", "is required"));
    return t;
  }
  if (!v->is_object()) {
    in.Fail(key, Msg("field.object_zh_en", "must be an object {\"zh\": ..., \"en\": ...}"));
    return t;
  }
  json::Reader sub(*v, std::string(key));
  t.zh = sub.String("zh", {.min_len = required ? 1u : 0u, .max_len = max_len});
  t.en = sub.String("en", {.min_len = required ? 1u : 0u, .max_len = max_len});
  if (auto st = sub.Done(); !st.ok()) in.Fail(st.error().field, st.error().message);
  return t;
}

Result<Measure> ReadMeasure(const bj::value& body) {
  json::Reader in(body);
  Measure m;
  m.code = in.String("code", {.min_len = 1, .max_len = 64});
  m.name = ReadText(in, "name", 100, true);
  m.definition = ReadText(in, "definition", 300, false);
  m.source = in.String("source", {.min_len = 1, .max_len = 64});
  const bj::value* a = in.OptValue("aggregation");
  if (!a || !a->is_object()) {
    in.Fail("aggregation",
            Msg("measure.aggregation_object", "must be an object {kind, field?, p?, numerator_filter?}"));
  } else {
    json::Reader ain(*a, "aggregation");
    const std::string kind = ain.String("kind", {.min_len = 1, .max_len = 20});
    if (auto k = ParseAggregation(kind)) {
      m.aggregation.kind = *k;
    } else if (!kind.empty()) {
      ain.Fail("kind", Msg("measure.bad_aggregation", "must be count, sum, mean, min, max, percentile or ratio"));
    }
    m.aggregation.field = ain.OptString("field", {.min_len = 0, .max_len = 64}).value_or("");
    m.aggregation.p = ain.OptNumber("p").value_or(0);
    m.aggregation.numerator_filter = ain.OptString("numerator_filter", {.min_len = 0, .max_len = 2000}).value_or("");
    m.aggregation.denominator_source = ain.OptString("denominator_source", {.min_len = 0, .max_len = 64}).value_or("");
    m.aggregation.denominator_filter =
        ain.OptString("denominator_filter", {.min_len = 0, .max_len = 2000}).value_or("");
    if (auto st = ain.Done(); !st.ok()) in.Fail(st.error().field, st.error().message);
  }
  m.filter = in.OptString("filter", {.min_len = 0, .max_len = 2000}).value_or("");
  m.unit = in.String("unit", {.min_len = 1, .max_len = 20});
  const std::string direction = in.OptString("direction", {.max_len = 10}).value_or("higher");
  if (auto d = ParseDirection(direction)) {
    m.direction = *d;
  } else {
    in.Fail("direction", Msg("measure.bad_direction", "must be higher or lower"));
  }
  SQM_TRY(in.Done());
  return m;
}

Result<SubjectKind> KindParam(const Request& req) {
  const auto kind = req.QueryText("kind").value_or("staff");
  if (kind == "staff") return SubjectKind::kStaff;
  if (kind == "department") return SubjectKind::kDepartment;
  return Error::Invalid("kind", Msg("measure.bad_kind", "must be staff or department"));
}

// A date is the business zone's midnight; an ISO time is taken as it is.
Result<TimeMs> TimeParam(const Request& req, std::string_view name, const calendar::Zone& zone) {
  SQM_ASSIGN(auto t, req.QueryTime(name));
  if (!t) return Error::Invalid(std::string(name), Msg("field.required", "is required"));
  const auto text = req.QueryText(name).value_or("");
  return text.size() == 10 ? zone.FromLocal(*t) : *t;
}

bj::value Number(const Figure& f) {
  return f.has_value() ? bj::value(f.value()) : bj::value(nullptr);
}

}  // namespace

bj::object FactPageJson(const FactPage& page) {
  bj::array items;
  for (const auto& f : page.facts) {
    items.push_back({{"fact_id", f.fact_id},
                     {"ticket_id", OrNull(f.ticket_id)},
                     {"ticket_number", f.ticket_id ? bj::value(f.ticket_number) : bj::value(nullptr)},
                     {"at", TimeJson(f.at_ms)},
                     {"staff_id", OrNull(f.staff_id)},
                     {"department_id", OrNull(f.department_id)},
                     {"value", OrNull(f.value)},
                     {"counted", f.counted},
                     {"excluded", f.excluded},
                     {"exclusion_reason", f.excluded ? bj::value(f.exclusion_reason) : bj::value(nullptr)}});
  }
  return bj::object{{"items", std::move(items)}, {"next_after", OrNull(page.next_after)}};
}

void AddMeasureRoutes(http::Router& r, MeasureService& measures, const calendar::Zone& zone) {
  const std::string read(org::kAssessmentRead), manage(org::kAssessmentManage);
  const std::string base = "/api/v1/assessment";

  r.Add("GET", base + "/measures", read, [&measures](Request& req) {
    return Reply(measures.List(req.who()), [](const std::vector<Measure>& list) {
      bj::array items;
      for (const auto& m : list) items.push_back(MeasureJson(m));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("GET", base + "/measures/{code}", read, [&measures](Request& req) {
    return Reply(measures.Get(req.who(), req.params.at("code")), [](const MeasureDetail& d) {
      bj::object o = MeasureJson(d.measure);
      o["reference_sql"] = d.reference_sql_staff;
      o["reference_sql_department"] = d.reference_sql_department;
      o["fields"] = SourceJson(d.source).at("fields");
      return o;
    });
  });
  r.Add("POST", base + "/measures", manage, [&measures](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    SQM_ASSIGN_OR_REPLY(auto m, ReadMeasure(body));
    return Reply(measures.Create(req.who(), std::move(m)), MeasureJson, 201);
  });
  r.Add("GET", base + "/fact-sources", read, [&measures](Request& req) {
    return Reply(measures.Sources(req.who()), [](const std::vector<storage::FactSource>& list) {
      bj::array items;
      for (const auto& s : list) items.push_back(SourceJson(s));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("GET", base + "/measures/{code}/values", read, [&measures, &zone](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto kind, KindParam(req));
    SQM_ASSIGN_OR_REPLY(auto from, TimeParam(req, "from", zone));
    SQM_ASSIGN_OR_REPLY(auto to, TimeParam(req, "to", zone));
    return Reply(measures.Values(req.who(), req.params.at("code"), kind, from, to),
                 [](const std::vector<SubjectValue>& list) {
                   bj::array items;
                   for (const auto& v : list) {
                     bj::object o{{"subject_id", v.subject_id},
                                  {"subject_name", v.name},
                                  {"value", Number(v.value.value)},
                                  {"no_data", !v.value.value.has_value()},
                                  {"sample", v.value.sample}};
                     if (v.value.ratio) {
                       o["numerator"] = v.value.ratio->numerator;
                       o["denominator"] = v.value.ratio->denominator;
                     }
                     items.push_back(std::move(o));
                   }
                   return bj::object{{"items", std::move(items)}};
                 });
  });
  r.Add("GET", base + "/measures/{code}/facts", read, [&measures, &zone](Request& req) {
    FactQuery q;
    q.measure = req.params.at("code");
    SQM_ASSIGN_OR_REPLY(q.kind, KindParam(req));
    SQM_ASSIGN_OR_REPLY(auto subject, req.QueryInt("subject_id", 1));
    if (!subject) return ErrorResponse(Error::Invalid("subject_id", Msg("field.required", "is required")));
    q.subject = *subject;
    SQM_ASSIGN_OR_REPLY(q.from_ms, TimeParam(req, "from", zone));
    SQM_ASSIGN_OR_REPLY(q.to_ms, TimeParam(req, "to", zone));
    SQM_ASSIGN_OR_REPLY(auto after, req.QueryInt("after", 0));
    q.after = after.value_or(0);
    SQM_ASSIGN_OR_REPLY(q.limit, req.Limit(500));
    return Reply(measures.Facts(req.who(), q), FactPageJson);
  });
}

namespace {

bj::object ReasonJson(const ExclusionReason& r) {
  return {{"code", r.code}, {"name", TextJson(r.name)}, {"active", r.active}};
}

bj::object ExclusionJson(const Exclusion& e) {
  return {{"id", e.id},
          {"ticket_id", e.ticket_id},
          {"ticket_number", e.ticket_number},
          {"reason_code", e.reason_code},
          {"evidence", e.evidence},
          {"status", ExclusionStatusName(e.status)},
          {"requested_by", e.requested_by},
          {"requested_by_name", e.requested_by_name},
          {"requested_at", TimeJson(e.requested_at)},
          {"decided_by", OrNull(e.decided_by)},
          {"decided_by_name", e.decided_by ? bj::value(e.decided_by_name) : bj::value(nullptr)},
          {"decided_at", TimeJson(e.decided_at)},
          {"decision_note", e.decision_note}};
}

Result<std::string> Note(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  auto note = in.OptString("note", {.min_len = 0, .max_len = 2000}).value_or("");
  SQM_TRY(in.Done());
  return note;
}

}  // namespace

void AddExclusionRoutes(http::Router& r, ExclusionService& exclusions) {
  const std::string read(org::kAssessmentRead), manage(org::kAssessmentManage), staff(org::kStaff),
      t_write(org::kTicketWrite);
  const std::string base = "/api/v1/assessment";
  auto one = [](const Exclusion& e) { return ExclusionJson(e); };

  r.Add("GET", base + "/exclusion-reasons", staff, [&exclusions](Request& req) {
    return Reply(exclusions.Reasons(req.who()), [](const std::vector<ExclusionReason>& list) {
      bj::array items;
      for (const auto& x : list) items.push_back(ReasonJson(x));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/exclusion-reasons", manage, [&exclusions](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    ExclusionReason reason;
    reason.code = in.String("code", {.min_len = 1, .max_len = 40});
    reason.name = ReadText(in, "name", 100, true);
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(exclusions.AddReason(req.who(), reason), ReasonJson, 201);
  });
  r.Add("PATCH", base + "/exclusion-reasons/{code}", manage, [&exclusions](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    auto active = in.OptBool("active");
    if (!active && !in.Has("active")) in.Fail("active", Msg("field.required", "is required"));
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(exclusions.SetReasonActive(req.who(), req.params.at("code"), active.value_or(true)), ReasonJson);
  });
  r.Add("GET", base + "/exclusions", read, [&exclusions](Request& req) {
    std::optional<ExclusionStatus> status;
    if (auto s = req.QueryText("status")) {
      status = ParseExclusionStatus(*s);
      if (!status) {
        return ErrorResponse(
            Error::Invalid("status", Msg("exclusion.bad_status", "must be requested, approved or rejected")));
      }
    }
    return Reply(exclusions.List(req.who(), status), [](const std::vector<Exclusion>& list) {
      bj::array items;
      for (const auto& e : list) items.push_back(ExclusionJson(e));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/exclusions", t_write, [&exclusions, one](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    ExclusionRequest x;
    x.ticket_id = in.Int("ticket_id", 1);
    x.reason_code = in.OptString("reason_code", {.min_len = 0, .max_len = 40}).value_or("");
    x.evidence = in.OptString("evidence", {.min_len = 0, .max_len = 4000}).value_or("");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(exclusions.Request(req.who(), x), one, 201);
  });
  r.Add("POST", base + "/exclusions/{id}/approve", manage, [&exclusions, one](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto note, Note(req));
    return Reply(exclusions.Approve(req.who(), id, note), one);
  });
  r.Add("POST", base + "/exclusions/{id}/reject", manage, [&exclusions, one](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto note, Note(req));
    return Reply(exclusions.Reject(req.who(), id, note), one);
  });
}

}  // namespace sqm::assessment
