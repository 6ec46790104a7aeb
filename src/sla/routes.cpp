#include "sla/routes.h"

#include <limits>

#include "base/json.h"
#include "org/rules.h"
#include "sla/json.h"

namespace sqm::sla {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

constexpr json::Reader::StringRule kLabel{.min_len = 1, .max_len = 64};
constexpr std::int64_t kMaxVersion = std::numeric_limits<std::int32_t>::max();

std::optional<Priority> ReadPriority(json::Reader& in, std::string_view key) {
  auto text = in.OptString(key, {.min_len = 1, .max_len = 2});
  if (!text) return std::nullopt;
  auto p = ParsePriority(*text);
  if (!p) in.Fail(key, "must be P1, P2, P3 or P4");
  return p;
}

Status ReadMatch(const bj::value& body, MatchCriteria& m) {
  json::Reader in(body, "match");
  m.ticket_type = in.OptString("ticket_type", kLabel);
  m.priority = ReadPriority(in, "priority");
  m.channel = in.OptString("channel", kLabel);
  m.category_id = in.OptInt("category_id", 1);
  m.customer_tier = in.OptString("customer_tier", kLabel);
  return in.Done();
}

Status ReadTarget(const bj::value& body, std::size_t i, Target& t) {
  json::Reader in(body, "targets[" + std::to_string(i) + "]");
  const std::string kind = in.String("kind", {.min_len = 1, .max_len = 32});
  if (auto k = ParseTimerKind(kind)) {
    t.kind = *k;
  } else if (!kind.empty()) {
    in.Fail("kind", "must be first_response, resolution, callback or handover");
  }
  t.business_minutes = in.Int("business_minutes", 1, kMaxTargetMinutes);
  t.calendar_code = in.String("calendar_code", kLabel);
  return in.Done();
}

// The policy fields of a POST or PUT body. `in` stays open for the caller's extra keys.
Status ReadPolicy(json::Reader& in, Policy& p) {
  p.name = in.String("name", {.min_len = 1, .max_len = 100});
  const bj::value* match = in.OptValue("match");
  const bj::value* targets = in.OptValue("targets");
  p.warning_fraction = in.OptNumber("warning_fraction").value_or(kDefaultWarningFraction);
  p.active = in.OptBool("active").value_or(true);
  p.breach_assignee_id = in.OptInt("breach_assignee_id", 1);
  if (!targets || targets->is_null())
    in.Fail("targets", Msg("field.required", "is required"));
  else if (!targets->is_array())
    in.Fail("targets", "must be a list of targets");
  else if (targets->get_array().size() > kTimerKinds.size())
    in.Fail("targets", "has at most one target per kind");
  SQM_TRY(in.Done());
  if (match && !match->is_null()) SQM_TRY(ReadMatch(*match, p.match));
  const bj::array& list = targets->get_array();
  p.targets.resize(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) SQM_TRY(ReadTarget(list[i], i, p.targets[i]));
  return {};
}

Response List(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto include_inactive, req.QueryBool("include_inactive"));
  return http::Reply(svc.ListPolicies(include_inactive.value_or(false)), [](const std::vector<Policy>& v) {
    bj::array items;
    for (const Policy& p : v) items.push_back(PolicyToJson(p));
    return http::PageJson(std::move(items), std::nullopt);
  });
}

Response Get(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
  SQM_ASSIGN_OR_REPLY(auto version, req.QueryInt("version", 1, kMaxVersion));
  std::optional<std::int32_t> v;
  if (version) v = static_cast<std::int32_t>(*version);
  return http::Reply(svc.GetPolicy(id, v), PolicyToJson);
}

Response Create(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  Policy p;
  if (auto st = ReadPolicy(in, p); !st.ok()) return ErrorResponse(st.error());
  return http::Reply(svc.CreatePolicy(req.who().username, std::move(p)), PolicyToJson, 201);
}

Response Update(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  // A policy read with GET may be sent back: `id` must then be this one, and `version` is the
  // version the edit started from (409 when someone saved a newer one meanwhile).
  const auto body_id = in.OptInt("id", 1);
  const auto base = in.OptInt("version", 1, kMaxVersion);
  Policy p;
  if (auto st = ReadPolicy(in, p); !st.ok()) return ErrorResponse(st.error());
  if (body_id && *body_id != id) {
    return ErrorResponse(Error::Invalid("id", "does not match the policy in the path (" + std::to_string(id) + ")"));
  }
  std::optional<std::int32_t> base_version;
  if (base) base_version = static_cast<std::int32_t>(*base);
  return http::Reply(svc.UpdatePolicy(req.who().username, id, std::move(p), base_version), PolicyToJson);
}

Response Explain(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  TicketFacts facts;
  facts.ticket_type = in.OptString("ticket_type", kLabel).value_or("");
  facts.priority = ReadPriority(in, "priority");
  facts.channel = in.OptString("channel", kLabel).value_or("");
  facts.customer_tier = in.OptString("customer_tier", kLabel).value_or("");
  const auto category_id = in.OptInt("category_id", 1);
  if (const bj::value* path = in.OptValue("category_path"); path && !path->is_null()) {
    const bj::array* a = path->if_array();
    bool ok = a && a->size() <= 32;
    if (ok) {
      for (const bj::value& v : *a) {
        if (!v.is_int64() || v.get_int64() < 1) {
          ok = false;
          break;
        }
        facts.category_path.push_back(v.get_int64());
      }
    }
    if (!ok) in.Fail("category_path", "must be a list of up to 32 category ids, the root first");
  }
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  if (category_id && !facts.category_path.empty() && facts.category_path.back() != *category_id) {
    return ErrorResponse(Error::Invalid("category_path", "must end with category_id"));
  }
  SQM_ASSIGN_OR_REPLY(Explanation e, svc.Explain(std::move(facts), category_id));
  bj::object out = ExplanationJson(e.summary, e.candidates);
  out["policy_id"] = e.policy ? bj::value(e.policy->id) : bj::value(nullptr);
  out["policy_version"] = e.policy ? bj::value(e.policy->version) : bj::value(nullptr);
  out["policy"] = e.policy ? bj::value(PolicyToJson(*e.policy)) : bj::value(nullptr);
  return JsonResponse(200, out);
}

}  // namespace

bj::object ExplanationJson(const std::string& summary, const std::vector<CandidateReport>& candidates) {
  bj::array items;
  for (const CandidateReport& c : candidates) {
    bj::array checks;
    for (const CriterionCheck& k : c.checks) {
      checks.push_back({{"criterion", CriterionName(k.criterion)},
                        {"wanted", k.wanted},
                        {"actual", k.actual},
                        {"matched", k.matched}});
    }
    items.push_back({{"policy_id", c.policy_id},
                     {"policy_version", c.policy_version},
                     {"policy_name", c.policy_name},
                     {"verdict", VerdictName(c.verdict)},
                     {"specificity", c.specificity},
                     {"category_depth", c.category_depth},
                     {"checks", std::move(checks)},
                     {"decided_by", c.decided_by ? bj::value(CriterionName(*c.decided_by)) : bj::value(nullptr)},
                     {"reason", c.reason}});
  }
  return {{"summary", summary}, {"candidates", std::move(items)}};
}

void AddRoutes(http::Router& r, Service& svc) {
  const std::string manage(org::kSlaManage);
  r.Add("GET", "/api/v1/sla/policies", manage, [&svc](Request& req) { return List(svc, req); });
  r.Add("POST", "/api/v1/sla/policies", manage, [&svc](Request& req) { return Create(svc, req); });
  r.Add("GET", "/api/v1/sla/policies/{id}", manage, [&svc](Request& req) { return Get(svc, req); });
  r.Add("PUT", "/api/v1/sla/policies/{id}", manage, [&svc](Request& req) { return Update(svc, req); });
  r.Add("POST", "/api/v1/sla/explain", manage, [&svc](Request& req) { return Explain(svc, req); });
}

}  // namespace sqm::sla
