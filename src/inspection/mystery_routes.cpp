// HTTP routes of mystery shopping (mystery_service.h; docs/inspection.md "Mystery shopping"):
//   inspection.manage   GET/POST /api/v1/mystery-scenarios, GET/PUT /api/v1/mystery-scenarios/{id},
//                       GET/POST /api/v1/mystery-scenarios/{id}/visits,
//                       GET /api/v1/mystery-scenarios/{id}/reimbursements[?format=csv],
//                       POST /api/v1/mystery-visits/{id}/reimbursement
//   inspection.perform  GET /api/v1/mystery-visits (the caller's own as a shopper),
//                       PUT /api/v1/mystery-visits/{id}/report, POST /api/v1/mystery-visits/{id}/receipts,
//                       DELETE /api/v1/mystery-visits/{id}/receipts/{receipt_id}
//   staff               GET /api/v1/mystery-visits/{id}[/receipts/{receipt_id}]: whoever sees the inspection
// Money is in the currency's unit with at most two decimals (stored as cents).
#include "base/clock.h"
#include "base/json.h"
#include "desk/export.h"
#include "inspection/json.h"
#include "inspection/routes.h"
#include "inspection/rules.h"
#include "org/rules.h"

namespace sqm::inspection {

namespace bj = boost::json;
using http::ErrorResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::Response;
using http::TimeJson;

namespace {

bj::value Money(const std::optional<std::int64_t>& cents) {
  return cents ? bj::value(static_cast<double>(*cents) / 100) : bj::value(nullptr);
}

bj::value HoursJson(const std::optional<int>& minutes) {
  return minutes ? bj::value(FormatHourMinute(*minutes)) : bj::value(nullptr);
}

bj::object ScenarioJson(const Scenario& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"channel", Name(s.channel)},
          {"department_ids", IdsJson(s.department_ids)},
          {"script", s.script},
          {"observe", s.observe},
          {"scorecard_id", s.scorecard_id},
          {"window_from", TimeJson(s.window_from)},
          {"window_to", TimeJson(s.window_to)},
          {"hours_from", HoursJson(s.hours_from)},
          {"hours_to", HoursJson(s.hours_to)},
          {"visits_per_target", s.visits_per_target},
          {"budget", Money(s.budget_cents)},
          {"active", s.active},
          {"created_by", s.created_by},
          {"created_at", TimeJson(s.created_at)},
          {"updated_at", TimeJson(s.updated_at)}};
}

bj::object VisitJson(const MysteryVisit& v) {
  const VisitReport& r = v.report;
  return {{"id", v.inspection_id},
          {"inspection_id", v.inspection_id},
          {"scenario_id", v.scenario_id},
          {"scenario_title", v.scenario_title},
          {"channel", Name(v.channel)},
          {"department_id", v.department_id},
          {"department_name", v.department_name},
          {"shopper_id", v.shopper_id},
          {"shopper_name", v.shopper_name},
          {"state", Name(v.state)},
          {"percent", OrNull(v.percent)},
          {"passed", v.passed},
          {"visited_at", TimeJson(r.visited_at)},
          {"duration_min", r.duration_min ? bj::value(*r.duration_min) : bj::value(nullptr)},
          {"served_by", r.served_by},
          {"served_by_id", OrNull(r.served_by_id)},
          {"served_by_name", v.served_by_name},
          {"dialled", r.dialled},
          {"spent", Money(r.spent_cents)},
          {"claim", Name(v.claim)},
          {"claim_reason", v.claim_reason},
          {"claim_decided_by", OrNull(v.claim_decided_by)},
          {"claim_decided_at", TimeJson(v.claim_decided_at)},
          {"receipts", v.receipts},
          {"created_at", TimeJson(v.created_at)}};
}

bj::object ReceiptJson(const Photo& p) {
  return {{"id", p.id},
          {"inspection_id", p.inspection_id},
          {"content_type", MediaTypeOf(p.type)},
          {"size", p.size},
          {"sha256", p.sha256},
          {"uploaded_by", p.uploaded_by},
          {"uploaded_at", TimeJson(p.uploaded_at)}};
}

bj::object VisitsJson(const std::vector<MysteryVisit>& list) {
  bj::array items;
  for (const auto& v : list) items.push_back(VisitJson(v));
  return {{"items", std::move(items)}};
}

std::optional<TimeMs> ReadTime(json::Reader& in, std::string_view key, bool required) {
  auto text = in.OptString(key, {.min_len = 1, .max_len = 40});
  if (!text) {
    if (required) in.Fail(key, Msg("field.required", "is required"));
    return std::nullopt;
  }
  auto t = ParseIsoTime(*text);
  if (!t) in.Fail(key, Msg("field.time", "must be a date (2026-11-01) or an ISO date-time"));
  return t;
}

std::optional<std::int64_t> ReadMoney(json::Reader& in, std::string_view key) {
  auto amount = in.OptNumber(key);
  if (!amount) return std::nullopt;
  auto cents = ToCents(*amount);
  if (!cents) in.Fail(key, Msg("mystery.money", "must be an amount from 0 with at most two decimals"));
  return cents;
}

std::optional<int> ReadHours(json::Reader& in, std::string_view key) {
  auto text = in.OptString(key, {.min_len = 1, .max_len = 5});
  if (!text) return std::nullopt;
  auto minutes = ParseHourMinute(*text);
  if (!minutes) in.Fail(key, Msg("mystery.hours", "must be a time of day as HH:MM"));
  return minutes;
}

// {title, channel, department_ids, script, observe?, scorecard_id, window_from, window_to,
//  hours_from?, hours_to?, visits_per_target, budget?, active?}
Result<Scenario> ReadScenario(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  Scenario s;
  s.title = in.String("title", {.min_len = 1, .max_len = 200});
  const std::string channel = in.String("channel", {.min_len = 1, .max_len = 20});
  s.department_ids = ReadIds(in, "department_ids");
  s.script = in.String("script", {.min_len = 1, .max_len = kMaxScriptChars, .trim = false});
  s.observe = in.OptString("observe", {.min_len = 0, .max_len = kMaxScriptChars, .trim = false}).value_or("");
  s.scorecard_id = in.Int("scorecard_id", 1);
  s.window_from = ReadTime(in, "window_from", true).value_or(0);
  s.window_to = ReadTime(in, "window_to", true).value_or(0);
  s.hours_from = ReadHours(in, "hours_from");
  s.hours_to = ReadHours(in, "hours_to");
  s.visits_per_target = static_cast<int>(in.Int("visits_per_target", 1, kMaxVisitsPerTarget));
  s.budget_cents = ReadMoney(in, "budget");
  s.active = in.OptBool("active").value_or(true);
  if (auto c = ParseChannel(channel)) {
    s.channel = *c;
  } else if (!channel.empty()) {
    in.Fail("channel", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "visit, call, chat"}}));
  }
  SQM_TRY(in.Done());
  return s;
}

// {visited_at?, duration_min?, served_by?, served_by_id?, dialled?, spent?}: the whole report.
Result<VisitReport> ReadReport(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  VisitReport r;
  r.visited_at = ReadTime(in, "visited_at", false);
  if (auto d = in.OptInt("duration_min", 0, kMaxVisitMinutes)) r.duration_min = static_cast<int>(*d);
  r.served_by = in.OptString("served_by", {.min_len = 0, .max_len = 200}).value_or("");
  r.served_by_id = in.OptInt("served_by_id", 1);
  r.dialled = in.OptString("dialled", {.min_len = 0, .max_len = 40}).value_or("");
  r.spent_cents = ReadMoney(in, "spent");
  SQM_TRY(in.Done());
  return r;
}

Result<ClaimDecision> ReadClaimDecision(const Request& req) {
  SQM_ASSIGN(auto body, req.Json());
  json::Reader in(body);
  ClaimDecision d;
  const std::string decision = in.String("decision", {.min_len = 1, .max_len = 20});
  d.reason = in.OptString("reason", {.min_len = 0, .max_len = 2000}).value_or("");
  if (decision == "approved" || decision == "rejected") {
    d.approve = decision == "approved";
  } else if (!decision.empty()) {
    in.Fail("decision", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "approved, rejected"}}));
  }
  SQM_TRY(in.Done());
  return d;
}

std::string MoneyText(std::int64_t cents) {
  std::string frac = std::to_string(cents % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(cents / 100) + "." + frac;
}

// The reimbursements as CSV (UTF-8 with a BOM, as the other exports): one row per visit, then the totals.
Response ReimbursementsCsv(const Reimbursements& list) {
  Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) r.body += (i ? "," : "") + desk::CsvField(cells[i]);
    r.body += "\r\n";
  };
  line({"inspection_id", "department", "shopper", "visited_at", "spent", "claim", "reason"});
  for (const MysteryVisit& v : list.visits) {
    line({std::to_string(v.inspection_id), v.department_name, v.shopper_name,
          v.report.visited_at ? FormatIsoUtc(*v.report.visited_at) : "", MoneyText(*v.report.spent_cents),
          std::string(Name(v.claim)), v.claim_reason});
  }
  const ClaimTotals& t = list.totals;
  line({"total", "", "", "", MoneyText(t.claimed), "", ""});
  line({"approved", "", "", "", MoneyText(t.approved), "", ""});
  line({"pending", "", "", "", MoneyText(t.pending), "", ""});
  line({"rejected", "", "", "", MoneyText(t.rejected), "", ""});
  r.SetHeader("Content-Disposition",
              "attachment; filename=\"reimbursements-" + std::to_string(list.scenario.id) + ".csv\"");
  return r;
}

}  // namespace

void AddMysteryRoutes(http::Router& r, MysteryService& service) {
  const std::string manage(org::kInspectionManage), perform(org::kInspectionPerform), staff(org::kStaff);
  r.Add("GET", "/api/v1/mystery-scenarios", manage, [&service](Request& req) {
    return Reply(service.ListScenarios(req.who()), [](const std::vector<Scenario>& list) {
      bj::array items;
      for (const auto& s : list) items.push_back(ScenarioJson(s));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/mystery-scenarios", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto s, ReadScenario(req));
    return Reply(service.CreateScenario(req.who(), s), ScenarioJson, 201);
  });
  r.Add("GET", "/api/v1/mystery-scenarios/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.GetScenario(req.who(), id), ScenarioJson);
  });
  r.Add("PUT", "/api/v1/mystery-scenarios/{id}", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto s, ReadScenario(req));
    return Reply(service.UpdateScenario(req.who(), id, s), ScenarioJson);
  });
  r.Add("GET", "/api/v1/mystery-scenarios/{id}/visits", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.ListVisits(req.who(), id), [](const ScenarioVisits& v) {
      bj::object o = VisitsJson(v.visits);
      bj::array coverage;
      for (const auto& c : v.coverage) {
        coverage.push_back(bj::object{{"department_id", c.department_id},
                                      {"department_name", c.department_name},
                                      {"wanted", c.wanted},
                                      {"assigned", c.assigned},
                                      {"done", c.done}});
      }
      o["scenario"] = ScenarioJson(v.scenario);
      o["coverage"] = std::move(coverage);
      return o;
    });
  });
  r.Add("POST", "/api/v1/mystery-scenarios/{id}/visits", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    const auto shoppers = ReadIds(in, "shopper_ids");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(service.GenerateVisits(req.who(), id, shoppers), VisitsJson, 201);
  });
  r.Add("GET", "/api/v1/mystery-scenarios/{id}/reimbursements", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    const std::string format = req.QueryText("format").value_or("json");
    if (format != "json" && format != "csv") {
      return ErrorResponse(
          Error::Invalid("format", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", "json, csv"}})));
    }
    SQM_ASSIGN_OR_REPLY(auto list, service.ListReimbursements(req.who(), id));
    if (format == "csv") return ReimbursementsCsv(list);
    bj::object o = VisitsJson(list.visits);
    const ClaimTotals& t = list.totals;
    o["totals"] = bj::object{{"visits", t.visits},
                             {"claimed", Money(t.claimed)},
                             {"pending", Money(t.pending)},
                             {"approved", Money(t.approved)},
                             {"rejected", Money(t.rejected)}};
    o["budget"] = Money(list.scenario.budget_cents);
    return http::JsonResponse(200, o);
  });

  r.Add("GET", "/api/v1/mystery-visits", perform,
        [&service](Request& req) { return Reply(service.MyVisits(req.who()), VisitsJson); });
  r.Add("GET", "/api/v1/mystery-visits/{id}", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(service.GetVisit(req.who(), id), [](const VisitView& v) {
      bj::object o = VisitJson(v.visit);
      bj::array receipts;
      for (const auto& p : v.receipts) receipts.push_back(ReceiptJson(p));
      o["scenario"] = ScenarioJson(v.scenario);
      o["receipt_files"] = std::move(receipts);
      return o;
    });
  });
  r.Add("PUT", "/api/v1/mystery-visits/{id}/report", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto report, ReadReport(req));
    return Reply(service.SaveReport(req.who(), id, report), VisitJson);
  });
  constexpr http::RouteOptions kReceiptUpload{.max_body_bytes = kMaxPhotoBytes,
                                              .read_timeout_s = 120,
                                              .body_types = "image/jpeg image/png image/webp application/octet-stream"};
  r.Add(
      "POST", "/api/v1/mystery-visits/{id}/receipts", perform,
      [&service](Request& req) {
        SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
        return Reply(service.AddReceipt(req.who(), id, req.body), ReceiptJson, 201);
      },
      kReceiptUpload);
  r.Add("GET", "/api/v1/mystery-visits/{id}/receipts/{receipt_id}", staff, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto receipt_id, req.IdParam("receipt_id"));
    SQM_ASSIGN_OR_REPLY(auto file, service.GetReceipt(req.who(), id, receipt_id));
    return PhotoResponse(std::move(file), "receipt");
  });
  r.Add("DELETE", "/api/v1/mystery-visits/{id}/receipts/{receipt_id}", perform, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto receipt_id, req.IdParam("receipt_id"));
    return Reply(service.DeleteReceipt(req.who(), id, receipt_id));
  });
  r.Add("POST", "/api/v1/mystery-visits/{id}/reimbursement", manage, [&service](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto d, ReadClaimDecision(req));
    return Reply(service.DecideClaim(req.who(), id, d), VisitJson);
  });
}

}  // namespace sqm::inspection
