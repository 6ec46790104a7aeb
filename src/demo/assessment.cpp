#include "demo/assessment.h"

#include <algorithm>

#include "base/json.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::demo {

namespace {

constexpr TimeMs kHour = 3'600'000;
constexpr TimeMs kPublishedAfterMonth = 33 * kHour;  // from the month's end: the 2nd, 09:00

using assessment::Direction;
using assessment::Indicator;
using assessment::IndicatorKind;

Result<org::Principal> Login(storage::Database& db, const std::string& username) {
  return db.Read([&](storage::Connection& c) -> Result<org::Principal> {
    auto id = org::repo::FindStaffIdByUsername(c, username);
    if (!id) return Error::NotFound("demo login '" + username + "' is missing");
    org::Principal p;
    p.staff_id = *id;
    p.username = username;
    p.display_name = username;
    p.roles = org::repo::RolesOf(c, *id);
    p.permissions = org::PermissionsOf(p.roles);
    p.scope.all = true;
    return p;
  });
}

Indicator Computed(const std::string& code, const std::string& zh, const std::string& en, const std::string& formula,
                   Direction direction, double target, const std::string& unit = "percent") {
  return {.code = code,
          .name = {zh, en},
          .definition = {zh, en},
          .unit = unit,
          .direction = direction,
          .kind = IndicatorKind::kComputed,
          .formula = formula,
          .target = target,
          .updated_at = 0};
}

Indicator Manual(const std::string& code, const std::string& zh, const std::string& en) {
  return {.code = code,
          .name = {zh, en},
          .definition = {zh + "（主管评分 0-10）", en + " (rated 0-10 by the manager)"},
          .unit = "points",
          .direction = Direction::kHigherIsBetter,
          .kind = IndicatorKind::kManual,
          .formula = "",
          .target = 8.0,
          .updated_at = 0};
}

constexpr const char* kDepartmentScheme = R"({
  "tree": {"code": "total", "max_points": 100, "children": [
    {"code": "response", "name": {"zh": "响应率", "en": "Response"}, "max_points": 30,
     "indicator": {"code": "response_rate", "target": 95, "rule": {"kind": "weighted_rate"}}},
    {"code": "resolution", "name": {"zh": "解决率", "en": "Resolution"}, "max_points": 35,
     "indicator": {"code": "resolution_rate", "target": 90, "rule": {"kind": "weighted_rate"}}},
    {"code": "satisfaction", "name": {"zh": "满意率", "en": "Satisfaction"}, "max_points": 35,
     "indicator": {"code": "satisfaction", "target": 98,
                   "rule": {"kind": "threshold_deduction", "threshold": 98, "per_unit": 0.5, "min_points": 17.5}}}]},
  "rounding": {"decimals": 2, "what": "total"},
  "grades": [{"code": "excellent", "name": {"zh": "优秀", "en": "Excellent"}, "min": 90},
             {"code": "good", "name": {"zh": "良好", "en": "Good"}, "min": 80},
             {"code": "pass", "name": {"zh": "合格", "en": "Pass"}, "min": 60},
             {"code": "fail", "name": {"zh": "不合格", "en": "Fail"}, "min": 0}],
  "coefficients": {"excellent": 1.2, "good": 1.0, "pass": 0.8, "fail": 0.6},
  "red_list": 1, "black_list": 1, "yellow_card": true, "small_sample": "wilson_lower", "appeal_days": 5
})";

constexpr const char* kStaffScheme = R"({
  "tree": {"code": "total", "max_points": 100, "children": [
    {"code": "customer", "name": {"zh": "客户满意", "en": "Customer satisfaction"}, "max_points": 30, "children": [
      {"code": "satisfaction", "name": {"zh": "满意率", "en": "Satisfaction"}, "max_points": 20,
       "indicator": {"code": "satisfaction", "rule": {"kind": "threshold_deduction", "threshold": 98, "per_unit": 0.5, "min_points": 10}}},
      {"code": "callback", "name": {"zh": "回访率", "en": "Callback within 24 h"}, "max_points": 10,
       "indicator": {"code": "callback_rate", "rule": {"kind": "weighted_rate"}}}]},
    {"code": "quality", "name": {"zh": "服务质量", "en": "Service quality"}, "max_points": 25, "children": [
      {"code": "one_time", "name": {"zh": "一次性解决率", "en": "One-time resolution"}, "max_points": 15,
       "indicator": {"code": "one_time_resolution", "rule": {"kind": "weighted_rate"}}},
      {"code": "reopen", "name": {"zh": "重办率", "en": "Reopen rate"}, "max_points": 10,
       "indicator": {"code": "reopen_rate", "rule": {"kind": "linear", "floor": 20, "target": 0}}}]},
    {"code": "efficiency", "name": {"zh": "流程效率", "en": "Process efficiency"}, "max_points": 25, "children": [
      {"code": "response", "name": {"zh": "响应率", "en": "Response"}, "max_points": 10,
       "indicator": {"code": "response_rate", "rule": {"kind": "weighted_rate"}}},
      {"code": "closure", "name": {"zh": "按时办结率", "en": "On-time closure"}, "max_points": 15,
       "indicator": {"code": "on_time_closure", "rule": {"kind": "linear", "floor": 60, "target": 95}}}]},
    {"code": "team", "name": {"zh": "团队协作", "en": "Team collaboration"}, "max_points": 10,
     "indicator": {"code": "team_collaboration", "rule": {"kind": "linear", "floor": 0, "target": 10}}},
    {"code": "resources", "name": {"zh": "资源配置", "en": "Resource allocation"}, "max_points": 10,
     "indicator": {"code": "resource_allocation", "rule": {"kind": "linear", "floor": 0, "target": 10}}}]},
  "rounding": {"decimals": 2, "what": "total"},
  "grades": [{"code": "excellent", "name": {"zh": "优秀", "en": "Excellent"}, "min": 90},
             {"code": "good", "name": {"zh": "良好", "en": "Good"}, "min": 80},
             {"code": "pass", "name": {"zh": "合格", "en": "Pass"}, "min": 60},
             {"code": "fail", "name": {"zh": "不合格", "en": "Fail"}, "min": 0}],
  "forced_distribution": [{"grade": "excellent", "share": 0.2}],
  "coefficients": {"excellent": 1.2, "good": 1.0, "pass": 0.8, "fail": 0.6},
  "min_volume": 5, "red_list": 3, "black_list": 3, "yellow_card": true,
  "small_sample": "wilson_lower", "appeal_days": 5
})";

}  // namespace

Result<AssessmentSummary> MakeAssessment(storage::Database& db, assessment::PeriodService& svc,
                                         const calendar::Zone& zone, TimeMs now) {
  AssessmentSummary out;
  SQM_ASSIGN(org::Principal quality, Login(db, "quality"));
  SQM_ASSIGN(org::Principal executive, Login(db, "executive"));
  const std::vector<Indicator> library = {
      Computed("response_rate", "响应率", "Response rate", "first_response_attainment", Direction::kHigherIsBetter, 95),
      Computed("resolution_rate", "解决率", "Resolution rate", "resolution_attainment", Direction::kHigherIsBetter, 90),
      Computed("satisfaction", "满意率", "Satisfaction", "satisfaction_rate", Direction::kHigherIsBetter, 98),
      Computed("callback_rate", "回访率", "Callback rate", "callback_within_24h", Direction::kHigherIsBetter, 95),
      Computed("one_time_resolution", "一次性解决率", "One-time resolution", "one_time_resolution",
               Direction::kHigherIsBetter, 90),
      Computed("reopen_rate", "重办率", "Reopen rate", "reopen_rate", Direction::kLowerIsBetter, 3),
      Computed("on_time_closure", "按时办结率", "On-time closure", "on_time_closure", Direction::kHigherIsBetter, 95),
      Manual("team_collaboration", "团队协作", "Team collaboration"),
      Manual("resource_allocation", "资源配置", "Resource allocation"),
  };
  for (const Indicator& ind : library) {
    SQM_TRY(svc.SaveIndicator(quality, ind, true));
    ++out.indicators;
  }
  const std::int64_t since_2020 = 1'577'836'800'000LL - 8 * 3'600'000LL;
  struct Plan {
    const char* code;
    assessment::LocalText name;
    assessment::SubjectKind kind;
    const char* document;
  };
  const Plan plans[] = {
      {"dept-12345",
       {"承办单位三率考核", "Handling units: the three rates"},
       assessment::SubjectKind::kDepartment,
       kDepartmentScheme},
      {"staff-five", {"员工五维度考核", "Staff: five dimensions"}, assessment::SubjectKind::kStaff, kStaffScheme},
  };
  // The current month and the three before it, as local months.
  std::vector<std::pair<TimeMs, TimeMs>> months;
  TimeMs end = zone.StartOfMonth(now);
  months.push_back({end, zone.StartOfMonth(end + 40LL * 86'400'000)});
  for (int i = 0; i < 3; ++i) {
    const TimeMs start = zone.StartOfMonth(end - 1);
    months.insert(months.begin(), {start, end});
    end = start;
  }
  for (const Plan& plan : plans) {
    SQM_ASSIGN(auto scheme, svc.CreateScheme(quality, {plan.code, plan.name, plan.kind}));
    SQM_ASSIGN(auto version, svc.AddVersion(quality, scheme.id, json::Parse(plan.document).value()));
    SQM_TRY(svc.ApproveVersion(executive, scheme.id, version.number, since_2020));
    ++out.schemes;
    for (std::size_t m = 0; m < months.size(); ++m) {
      const std::string name = zone.Format(months[m].first).substr(0, 7) + " " + plan.name.zh;
      SQM_ASSIGN(auto period, svc.CreatePeriod(quality, {name, scheme.id, assessment::PeriodKind::kMonth,
                                                         months[m].first, months[m].second, std::nullopt}));
      ++out.periods;
      SQM_TRY(svc.Step(quality, period.id, assessment::PeriodStep::kCollect, months[m].first));
      if (plan.kind == assessment::SubjectKind::kStaff) {
        SQM_ASSIGN(auto live, svc.Results(quality, period.id));
        for (const auto& r : live.results.items) {
          // Ratings 6-10, the same for a person and month every time the demo is made.
          const auto rating = [&](int salt) { return 6 + static_cast<double>((r.assessee.id * 7 + m * 3 + salt) % 5); };
          SQM_TRY(svc.PutInput(quality, period.id, r.assessee.id, "team_collaboration", rating(1), "主管月度评分表"));
          SQM_TRY(
              svc.PutInput(quality, period.id, r.assessee.id, "resource_allocation", rating(2), "排班与资源使用记录"));
        }
      }
      if (m + 1 == months.size()) continue;  // the current month keeps collecting
      // A closed month as it went: evaluated and published on the 2nd of the next month at 09:00
      // (or now, when that is still to come), its appeal window counted from there, and locked
      // the hour after the window closed — or, when that hour is still to come, published with
      // the window open.
      const TimeMs published = std::min(months[m].second + kPublishedAfterMonth, now);
      SQM_TRY(svc.Step(quality, period.id, assessment::PeriodStep::kEvaluate, published));
      SQM_ASSIGN(auto p, svc.Step(quality, period.id, assessment::PeriodStep::kPublish, published));
      const TimeMs locked = p.appeal_deadline.value_or(published) + kHour;
      if (locked > now) continue;
      SQM_TRY(svc.Step(quality, period.id, assessment::PeriodStep::kLock, locked));
      ++out.locked;
    }
  }
  return out;
}

}  // namespace sqm::demo
