#include "demo/improvement.h"

#include "calendar/model.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::demo {

namespace {

using improvement::ActionDraft;
using improvement::Direction;
using improvement::Op;
using improvement::Source;

// The demo login `username` acting with its roles' permissions over every department.
Result<org::Principal> Acting(storage::Database& db, const std::string& username) {
  return db.Read([&](storage::Connection& c) -> Result<org::Principal> {
    const auto id = org::repo::FindStaffIdByUsername(c, username);
    const auto staff = id ? org::repo::FindStaff(c, *id) : std::nullopt;
    if (!staff) return Error::NotFound("demo login '" + username + "' is missing");
    org::Principal p{.staff_id = staff->id,
                     .username = username,
                     .display_name = staff->display_name,
                     .department_id = staff->department_id,
                     .roles = staff->roles,
                     .permissions = org::PermissionsOf(staff->roles)};
    p.scope.all = true;
    return p;
  });
}

}  // namespace

Result<ImprovementSummary> MakeImprovement(storage::Database& db, improvement::Service& service,
                                           const calendar::Zone& zone, TimeMs now) {
  SQM_ASSIGN(const auto quality, Acting(db, "quality"));
  SQM_ASSIGN(const auto agent, Acting(db, "agent"));
  SQM_ASSIGN(const auto engineer, Acting(db, "engineer"));
  constexpr TimeMs kDayMs = 86'400'000;
  const std::int64_t today = zone.ToLocal(now) / kDayMs;
  auto day = [&](int offset) { return calendar::FormatLocalDate(calendar::DateFromDayNumber(today + offset)); };
  SQM_ASSIGN(const auto causes, service.ListRootCauses());
  auto cause = [&](const std::string& code) -> std::optional<improvement::Id> {
    for (const auto& c : causes) {
      if (c.code == code) return c.id;
    }
    return std::nullopt;
  };
  ImprovementSummary out;

  // Verified: the callback backlog that the SLA breach trend showed.
  SQM_ASSIGN(auto callbacks,
             service.Create(quality, {.source = Source::kSlaTrend,
                                      .source_ref = "回访超时趋势（近三个月）",
                                      .title = "投诉回访超时整改",
                                      .description = "投诉回访 24 小时内完成率连续三个月下降",
                                      .root_cause_id = cause("process"),
                                      .analysis = "为什么 1：回访任务无人认领；为什么 2：排班未含回访时段",
                                      .owner_id = agent.staff_id,
                                      .due_date = day(10),
                                      .measure_code = "callback_breach_rate",
                                      .direction = Direction::kDown,
                                      .value_before = 12.5,
                                      .value_before_source = "上月考核结果"}));
  SQM_TRY(service.Apply(agent, callbacks.id, {.op = Op::kStart}));
  SQM_TRY(service.Apply(agent, callbacks.id, {.op = Op::kComplete, .evidence = "排班表增加每日 16:00-17:00 回访时段"}));
  SQM_TRY(service.Apply(quality, callbacks.id, {.op = Op::kVerify, .note = "本月回访超时率 4.0%", .value_after = 4.0}));
  ++out.actions;

  // In progress: the knowledge base.
  SQM_ASSIGN(auto kb, service.Create(quality, {.source = Source::kOther,
                                               .source_ref = "质检周会",
                                               .title = "VPN 故障知识库补全",
                                               .description = "一线工程师处理 VPN 报错时缺少标准步骤",
                                               .root_cause_id = cause("materials"),
                                               .owner_id = engineer.staff_id,
                                               .due_date = day(14)}));
  SQM_TRY(service.Apply(engineer, kb.id, {.op = Op::kStart, .note = "已整理 5 条常见报错"}));
  ++out.actions;

  // Overdue: due three days ago and still open.
  SQM_ASSIGN(auto overdue, service.Create(quality, {.source = Source::kOther,
                                                    .source_ref = "客户满意度月报",
                                                    .title = "远程协助工具使用培训",
                                                    .root_cause_id = cause("people"),
                                                    .owner_id = engineer.staff_id,
                                                    .due_date = day(-3)}));
  (void)overdue;
  ++out.actions;

  // An internal audit with findings; the first raises an action.
  SQM_ASSIGN(auto audit,
             service.CreateAudit(quality, {.kind = improvement::AuditKind::kInternalAudit,
                                           .held_on = day(-7),
                                           .title = "第四季度服务质量内审",
                                           .scope = "客服部、技术支持部",
                                           .participants = "质量管理部、客服部、技术支持部",
                                           .summary = "抽查工单 60 张，回访记录与投诉分级存在问题",
                                           .findings = {"投诉工单回访记录不完整", "投诉分级标准执行不一致"}}));
  ++out.audits;
  SQM_TRY(service.Create(quality, {.source = Source::kAuditFinding,
                                   .source_id = audit.findings.front().id,
                                   .title = "规范投诉回访记录",
                                   .root_cause_id = cause("method"),
                                   .owner_id = agent.staff_id,
                                   .due_date = day(21)}));
  ++out.actions;

  // Staff suggestions: one waiting for triage, one declined.
  SQM_TRY(service.Suggest(agent, {.title = "夜班增加知识库快捷入口", .description = "夜班查询知识库需要多次跳转"}));
  SQM_ASSIGN(auto headsets, service.Suggest(agent, {.title = "更换降噪耳机", .description = "座席区噪音影响通话"}));
  SQM_TRY(service.DecideSuggestion(quality, headsets.id, {.accept = false, .reason = "已列入下季度采购计划"}));
  out.actions += 2;
  return out;
}

}  // namespace sqm::demo
