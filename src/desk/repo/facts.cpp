#include "desk/repo/facts.h"

#include "desk/rules.h"

namespace sqm::desk::repo {

namespace {

using storage::FactField;
using storage::FactSource;
using T = storage::FactFieldType;

FactSource Portable(std::string name, std::string en, std::string zh, std::string sql, std::vector<FactField> fields) {
  return FactSource{std::move(name), std::move(en), std::move(zh), sql, sql, std::move(fields), TicketNumber};
}

// A ticket is one fact at its registration, charged to its resolver (when resolved) or to whoever
// holds it now (an open ticket is still being worked: its holder answers for it).
FactSource Tickets() {
  return Portable(
      "tickets", "Tickets, at registration", "工单（按登记时间）",
      "SELECT t.id AS fact_id, t.id AS ticket_id, t.created_at AS at,"
      " COALESCE(t.resolved_by, t.assignee_id) AS staff_id,"
      " COALESCE(t.resolved_department_id, t.department_id) AS department_id,"
      " t.type AS type, t.channel AS channel, t.priority AS priority, t.status AS status,"
      " t.category_id AS category_id,"
      " CASE WHEN t.status IN ('cancelled', 'merged') THEN 1 ELSE 0 END AS cancelled,"
      " CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved,"
      " CASE WHEN t.resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sla_timers m WHERE m.ticket_id = t.id"
      " AND m.kind = 'resolution' AND m.state = 'breached') THEN 1 ELSE 0 END AS resolved_on_time,"
      " CASE WHEN t.reopen_count > 0 THEN 1 ELSE 0 END AS reopened,"
      " CASE WHEN t.resolved_at IS NOT NULL AND t.reopen_count = 0 AND t.transfer_count = 0 THEN 1 ELSE 0 END"
      " AS one_time,"
      " t.reopen_count AS reopen_count, t.transfer_count AS transfer_count, t.sendback_count AS sendback_count,"
      " CAST(t.first_response_at - t.created_at AS DOUBLE PRECISION) / 60000.0 AS first_response_minutes,"
      " CAST(t.resolved_at - t.created_at AS DOUBLE PRECISION) / 60000.0 AS resolution_minutes"
      " FROM tickets t",
      {
          {"type", T::kText, "consultation, request, incident, complaint, suggestion", "工单类型"},
          {"channel", T::kText, "phone, email, chat, portal, ...", "渠道"},
          {"priority", T::kInteger, "1 (most urgent) to 4", "优先级（1 最紧急）"},
          {"status", T::kText, "the ticket's status now", "当前状态"},
          {"category_id", T::kInteger, "the service category", "服务目录"},
          {"cancelled", T::kBoolean, "cancelled or merged into another ticket", "已取消或已合并"},
          {"resolved", T::kBoolean, "resolved (办结) and not reopened since", "已办结"},
          {"resolved_on_time", T::kBoolean, "resolved without a breached resolution timer", "按时办结"},
          {"reopened", T::kBoolean, "reopened at least once", "曾重办"},
          {"one_time", T::kBoolean, "resolved without a transfer or a reopening", "一次性解决"},
          {"reopen_count", T::kInteger, "how often it was reopened", "重办次数"},
          {"transfer_count", T::kInteger, "how often it was transferred", "转派次数"},
          {"sendback_count", T::kInteger, "how often it was sent back", "退单次数"},
          {"first_response_minutes", T::kNumber, "minutes from registration to the first response (wall clock)",
           "首次响应用时（分钟，自然时间）"},
          {"resolution_minutes", T::kNumber, "minutes from registration to the resolution (wall clock)",
           "办结用时（分钟，自然时间）"},
      });
}

// A timer is a fact once it is decided: when it stops, or when it fires its breach first.
FactSource SlaTimers() {
  return Portable("sla_timers", "SLA timers, when decided", "SLA 计时（按达成或超时时间）",
                  "SELECT m.id AS fact_id, m.ticket_id AS ticket_id, COALESCE(m.stopped_at, m.breach_fired_at) AS at,"
                  " m.staff_id AS staff_id, m.department_id AS department_id, m.kind AS kind,"
                  " CASE WHEN m.stopped_at IS NOT NULL AND m.state = 'met' THEN 1 ELSE 0 END AS met,"
                  " CASE WHEN m.state = 'breached' THEN 1 ELSE 0 END AS breached,"
                  " CAST(m.overrun_business_ms AS DOUBLE PRECISION) / 60000.0 AS overrun_minutes,"
                  " m.target_minutes AS target_minutes, t.type AS ticket_type, t.priority AS priority,"
                  " CASE WHEN t.status IN ('cancelled', 'merged') THEN 1 ELSE 0 END AS cancelled"
                  " FROM sla_timers m JOIN tickets t ON t.id = m.ticket_id"
                  " WHERE m.stopped_at IS NOT NULL OR m.breach_fired_at IS NOT NULL",
                  {
                      {"kind", T::kText, "first_response, resolution, callback or handover (sign-for)",
                       "first_response 首次响应、resolution 解决、callback 回访、handover 签收"},
                      {"met", T::kBoolean, "stopped within its target", "按时达成"},
                      {"breached", T::kBoolean, "breached its target", "超时"},
                      {"overrun_minutes", T::kNumber, "business minutes past the target", "超出目标的工作时间（分钟）"},
                      {"target_minutes", T::kInteger, "the target in business minutes", "目标（工作分钟）"},
                      {"ticket_type", T::kText, "the ticket's type", "工单类型"},
                      {"priority", T::kInteger, "the ticket's priority now", "工单优先级"},
                      {"cancelled", T::kBoolean, "the ticket was cancelled or merged", "工单已取消或已合并"},
                  });
}

// A callback (回访) is a fact when it falls due, at the resolution, charged to the resolver it rates.
FactSource Callbacks() {
  return Portable(
      "callbacks", "Callbacks, when they fall due", "回访（按应回访时间）",
      "SELECT c.id AS fact_id, c.ticket_id AS ticket_id, c.created_at AS at, c.staff_id AS staff_id,"
      " c.department_id AS department_id,"
      " CASE WHEN c.done_at IS NOT NULL THEN 1 ELSE 0 END AS done,"
      " CASE WHEN c.reached = 1 THEN 1 ELSE 0 END AS reached,"
      " CASE WHEN c.done_at IS NOT NULL AND c.done_at - c.created_at <= 86400000 THEN 1 ELSE 0 END AS within_24h,"
      " COALESCE(c.resolved, '') AS resolved, COALESCE(c.satisfaction, '') AS satisfaction,"
      " CASE WHEN c.satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied') THEN 1 ELSE 0 END AS rated,"
      " CASE WHEN c.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END AS satisfied,"
      " CASE WHEN c.satisfaction = 'satisfied' THEN 1 ELSE 0 END AS fully_satisfied,"
      " CAST(c.done_at - c.created_at AS DOUBLE PRECISION) / 60000.0 AS minutes_to_callback"
      " FROM callbacks c",
      {
          {"done", T::kBoolean, "the callback was made", "已回访"},
          {"reached", T::kBoolean, "the customer was reached", "联系上客户"},
          {"within_24h", T::kBoolean, "made within 24 hours of the resolution", "24 小时内回访"},
          {"resolved", T::kText, "the customer's answer: resolved, partly, not_resolved", "是否解决"},
          {"satisfaction", T::kText, "satisfied, basically_satisfied, dissatisfied, not_rated", "满意度"},
          {"rated", T::kBoolean, "the customer gave a rating", "已评价"},
          {"satisfied", T::kBoolean, "satisfied or basically satisfied (满意 + 基本满意)", "满意或基本满意"},
          {"fully_satisfied", T::kBoolean, "satisfied (满意 only)", "满意"},
          {"minutes_to_callback", T::kNumber, "minutes from the resolution to the callback", "回访用时（分钟）"},
      });
}

// A complaint is a fact at its registration, charged to whom it is about, as recorded on it.
FactSource Complaints() {
  return Portable(
      "complaints", "Complaints, at registration", "投诉（按登记时间）",
      "SELECT c.ticket_id AS fact_id, c.ticket_id AS ticket_id, t.created_at AS at, c.about_staff_id AS staff_id,"
      " c.about_department_id AS department_id, c.category AS category, c.severity AS severity,"
      " CASE WHEN c.substantiated = 1 THEN 1 ELSE 0 END AS substantiated,"
      " CASE WHEN c.substantiated IS NOT NULL THEN 1 ELSE 0 END AS decided,"
      " CASE WHEN c.communicated_at IS NOT NULL THEN 1 ELSE 0 END AS handled,"
      " CASE WHEN c.communicated_at IS NOT NULL AND (c.deadline_at IS NULL OR c.communicated_at <= c.deadline_at)"
      " THEN 1 ELSE 0 END AS on_time,"
      " CASE WHEN t.status IN ('cancelled', 'merged') THEN 1 ELSE 0 END AS cancelled"
      " FROM complaints c JOIN tickets t ON t.id = c.ticket_id",
      {
          {"category", T::kText, "attitude, efficiency, professionalism, outcome, facilities, other", "投诉类别"},
          {"severity", T::kInteger, "1 minor, 2 normal, 3 serious", "严重程度"},
          {"substantiated", T::kBoolean, "found substantiated (属实)", "经核实属实"},
          {"decided", T::kBoolean, "the finding is recorded", "已有核实结论"},
          {"handled", T::kBoolean, "the outcome was communicated to the customer", "已答复"},
          {"on_time", T::kBoolean, "answered by its deadline", "按期答复"},
          {"cancelled", T::kBoolean, "the ticket was cancelled or merged", "工单已取消或已合并"},
      });
}

// A transfer is a fact when made, charged to its sender. A send-back marks the transfer it returns
// (sent_back): that transfer was wrong, and its sender answers for it.
FactSource Transfers() {
  return Portable("transfers", "Transfers and send-backs, when made", "转派与退单（按转派时间）",
                  "SELECT r.id AS fact_id, r.ticket_id AS ticket_id, r.at AS at, r.by_id AS staff_id,"
                  " r.from_department_id AS department_id, r.to_department_id AS to_department_id,"
                  " r.sendback AS sendback, CASE WHEN r.sent_back_by IS NOT NULL THEN 1 ELSE 0 END AS sent_back,"
                  " r.escalation AS escalation FROM ticket_transfers r",
                  {
                      {"to_department_id", T::kInteger, "where it went", "转至部门"},
                      {"sendback", T::kBoolean, "this transfer sends the ticket back (退单)", "本次为退单"},
                      {"sent_back", T::kBoolean, "this transfer was sent back: it was wrong", "本次转派被退回"},
                      {"escalation", T::kBoolean, "an escalation to technical support", "技术升级"},
                  });
}

// A reopening is a fact when it happens, charged to the resolver being reopened.
FactSource Reopens() {
  return Portable("reopens", "Reopenings, when they happen", "重办（按重办时间）",
                  "SELECT o.id AS fact_id, o.ticket_id AS ticket_id, o.at AS at, o.staff_id AS staff_id,"
                  " o.department_id AS department_id, o.reason AS reason FROM ticket_reopens o",
                  {{"reason", T::kText, "why it was reopened", "重办原因"}});
}

}  // namespace

std::vector<storage::FactSource> FactSources() {
  return {Tickets(), SlaTimers(), Callbacks(), Complaints(), Transfers(), Reopens()};
}

}  // namespace sqm::desk::repo
