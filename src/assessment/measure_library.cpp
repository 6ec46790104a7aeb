// The default library of measures (issue 10), ready on first start: each a code, a name and a
// one-line definition in both languages, over the desk's fact sources (desk/repo/facts.cpp) and
// feedback's (feedback/repo/facts.cpp).
// Built-in measures are code, not rows: an organisation adds its own beside them
// (POST /api/v1/assessment/measures) and cannot change these.
#include "assessment/measure.h"

namespace sqm::assessment {

namespace {

using A = AggregationKind;
constexpr auto kHigher = Direction::kHigherIsBetter;
constexpr auto kLower = Direction::kLowerIsBetter;

Measure Of(std::string code, Text name, Text definition, std::string source, Aggregation aggregation,
           std::string filter, std::string unit, Direction direction) {
  Measure m;
  m.code = std::move(code);
  m.name = std::move(name);
  m.definition = std::move(definition);
  m.source = std::move(source);
  m.aggregation = std::move(aggregation);
  m.filter = std::move(filter);
  m.unit = std::move(unit);
  m.direction = direction;
  m.builtin = true;
  return m;
}

Measure Ratio(std::string code, Text name, Text definition, std::string source, std::string filter,
              std::string numerator, Direction direction, std::string unit = "percent") {
  return Of(std::move(code), std::move(name), std::move(definition), std::move(source),
            {.kind = A::kRatio, .numerator_filter = std::move(numerator)}, std::move(filter), std::move(unit),
            direction);
}

std::vector<Measure> Library() {
  std::vector<Measure> l;
  l.push_back(Ratio("first_response_attainment", {"响应率", "First-response attainment"},
                    {"首次响应计时中按时达成的比例", "Share of first-response timers met within target"}, "sla_timers",
                    "kind = 'first_response' and cancelled = false", "met = true", kHigher));
  l.push_back(
      Ratio("sign_for_on_time", {"签收率", "Sign-for on time"},
            {"转派后在签收时限内签收的比例", "Share of transfers signed for (accepted) within the hand-over target"},
            "sla_timers", "kind = 'handover' and cancelled = false", "met = true", kHigher));
  l.push_back(Ratio("resolution_attainment", {"解决及时率", "Resolution attainment"},
                    {"解决计时中按时达成的比例", "Share of resolution timers met within target"}, "sla_timers",
                    "kind = 'resolution' and cancelled = false", "met = true", kHigher));
  l.push_back(Ratio(
      "on_time_closure", {"按时办结率", "On-time closure"},
      {"登记的工单中按时办结的比例", "Share of registered tickets resolved without breaching the resolution target"},
      "tickets", "cancelled = false", "resolved_on_time = true", kHigher));
  l.push_back(Ratio("closure_rate", {"办结率", "Closure rate"},
                    {"登记的工单中已办结的比例", "Share of registered tickets resolved"}, "tickets",
                    "cancelled = false", "resolved = true", kHigher));
  l.push_back(Of(
      "mean_first_response_minutes", {"平均首次响应时长", "Mean first-response time"},
      {"登记到首次响应的平均分钟数（自然时间）", "Mean minutes from registration to the first response (wall clock)"},
      "tickets", {.kind = A::kMean, .field = "first_response_minutes"}, "cancelled = false", "minutes", kLower));
  l.push_back(
      Of("p90_first_response_minutes", {"首次响应时长 P90", "p90 first-response time"},
         {"90% 的工单在此分钟数内得到首次响应", "90 % of tickets had their first response within these minutes"},
         "tickets", {.kind = A::kPercentile, .field = "first_response_minutes", .p = 90}, "cancelled = false",
         "minutes", kLower));
  l.push_back(Ratio("callback_within_24h", {"回访率", "Callback within 24 h"},
                    {"办结后 24 小时内完成回访的比例", "Share of resolutions called back within 24 hours"}, "callbacks",
                    "", "within_24h = true", kHigher));
  l.push_back(Ratio("satisfaction_rate", {"满意率", "Satisfaction"},
                    {"(满意 + 基本满意) / 已评价回访", "(satisfied + basically satisfied) / rated callbacks"},
                    "callbacks", "rated = true", "satisfied = true", kHigher));
  l.push_back(Ratio(
      "one_time_resolution", {"一次性解决率", "One-time resolution"},
      {"办结工单中未转派、未重办即解决的比例", "Share of resolved tickets resolved without a transfer or a reopening"},
      "tickets", "resolved = true", "one_time = true", kHigher));
  l.push_back(Ratio("reopen_rate", {"重办率", "Reopen rate"},
                    {"办结工单中曾被重办的比例", "Share of resolved tickets that were reopened at least once"},
                    "tickets", "resolved = true", "reopened = true", kLower));
  l.push_back(Ratio("sendback_rate", {"退单率", "Send-back rate"},
                    {"转出的工单被退回的比例（计入错误转派的发出方）",
                     "Share of a sender's transfers that were sent back (charged to the sender of the wrong transfer)"},
                    "transfers", "sendback = false", "sent_back = true", kLower));
  Measure per_mille = Ratio("complaints_per_1000_tickets", {"千件投诉率", "Complaints per 1,000 tickets"},
                            {"每千件登记工单的投诉件数", "Complaints registered per 1,000 tickets registered"},
                            "complaints", "cancelled = false", "", kLower, "per_mille");
  per_mille.aggregation.denominator_source = "tickets";
  per_mille.aggregation.denominator_filter = "cancelled = false";
  l.push_back(per_mille);
  l.push_back(Ratio("complaints_on_time", {"投诉按期答复率", "Complaints handled on time"},
                    {"投诉中在期限内答复客户的比例", "Share of complaints answered by their deadline"}, "complaints",
                    "cancelled = false", "on_time = true", kHigher));
  l.push_back(Of("substantiated_complaints", {"有效投诉数", "Substantiated complaints"},
                 {"经核实属实的投诉件数", "Complaints found substantiated"}, "complaints", {.kind = A::kCount},
                 "substantiated = true", "count", kLower));
  l.push_back(Of("tickets_registered", {"工单量", "Tickets"},
                 {"登记的工单件数（不含取消与合并）", "Tickets registered, not cancelled or merged"}, "tickets",
                 {.kind = A::kCount}, "cancelled = false", "count", kHigher));
  l.push_back(Of("reopens", {"重办次数", "Reopenings"},
                 {"计入被重办的办结人的重办次数", "Reopenings, charged to the resolver reopened"}, "reopens",
                 {.kind = A::kCount}, "", "count", kLower));
  // Customer feedback (feedback/repo/facts.cpp).
  l.push_back(Ratio("csat", {"CSAT 满意度", "CSAT"},
                    {"问卷 CSAT 评分为 4 或 5 的比例", "Share of survey CSAT answers of 4 or 5"}, "survey_answers",
                    "csat is not null", "csat >= 4", kHigher));
  l.push_back(Of("nps", {"净推荐值 NPS", "NPS"},
                 {"推荐者（9-10 分）占比减贬损者（0-6 分）占比", "% promoters (9-10) minus % detractors (0-6)"},
                 "survey_answers", {.kind = A::kMean, .field = "nps_points"}, "nps is not null", "points", kHigher));
  l.push_back(Of("ces_mean", {"客户费力度 CES", "Customer effort (CES)"},
                 {"问卷 CES 评分（1-7，7 为非常容易）的平均值", "Mean survey CES score (1-7, 7 = very easy)"},
                 "survey_answers", {.kind = A::kMean, .field = "ces"}, "ces is not null", "number", kHigher));
  l.push_back(Ratio("survey_response_rate", {"问卷回复率", "Survey response rate"},
                    {"到期的问卷邀请中客户作答的比例", "Share of survey invitations due that the customer answered"},
                    "survey_invitations", "", "answered = true", kHigher));
  l.push_back(Ratio("customer_satisfaction",
                    {"客户满意率（问卷与回访）", "Customer satisfaction (surveys and callbacks)"},
                    {"问卷 CSAT 与回访评价中计为满意的比例（按满意度对应关系）",
                     "Share of survey CSAT answers and callback ratings that count as satisfied (the satisfaction "
                     "mapping)"},
                    "satisfaction", "", "satisfied = true", kHigher));
  return l;
}

}  // namespace

const std::vector<Measure>& BuiltinMeasures() {
  static const std::vector<Measure> library = Library();
  return library;
}

}  // namespace sqm::assessment
