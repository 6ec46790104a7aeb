#include "inspection/facts.h"

#include "desk/rules.h"

namespace sqm::inspection {

std::vector<storage::FactSource> FactSources() {
  using T = storage::FactFieldType;
  const std::string sql =
      "SELECT i.id AS fact_id, i.ticket_id AS ticket_id, i.published_at AS at, i.agent_id AS staff_id,"
      " i.department_id AS department_id, i.percent AS percent, i.passed AS passed,"
      " i.critical_failed AS critical_failed,"
      " CASE WHEN i.appellant_id IS NULL THEN 0 ELSE 1 END AS appealed,"
      " CASE WHEN i.appeal_outcome IN ('upheld', 'partly_upheld') THEN 1 ELSE 0 END AS appeal_upheld,"
      " i.kind AS kind, i.covert AS covert,"
      " CASE WHEN i.corrects_id IS NULL THEN 0 ELSE 1 END AS corrected"
      " FROM inspections i WHERE i.published_at IS NOT NULL AND i.corrected_by_id IS NULL";
  // An appeal upheld against the original counts on its correction's row too: the original gives
  // way, so the correction carries the appeal's outcome through corrects_id.
  const std::string with_appeals =
      "SELECT f.fact_id, f.ticket_id, f.at, f.staff_id, f.department_id, f.percent, f.passed, f.critical_failed,"
      " CASE WHEN f.appealed = 1 OR o.appellant_id IS NOT NULL THEN 1 ELSE 0 END AS appealed,"
      " CASE WHEN f.appeal_upheld = 1 OR o.appeal_outcome IN ('upheld', 'partly_upheld') THEN 1 ELSE 0 END"
      " AS appeal_upheld,"
      " f.kind, f.covert, f.corrected FROM (" +
      sql + ") f LEFT JOIN inspections o ON o.corrected_by_id = f.fact_id";
  return {storage::FactSource{
      "inspections",
      "Inspections (质检), at publication; a corrected one gives way to its correction",
      "质检（按发布时间；被更正的以更正记录为准）",
      with_appeals,
      with_appeals,
      {
          {"percent", T::kNumber, "the score in percent (0 when a card-critical item failed)", "得分（百分制）"},
          {"passed", T::kBoolean, "reached the pass mark without a critical failure", "合格"},
          {"critical_failed", T::kBoolean, "a card-critical item failed", "关键项不合格"},
          {"appealed", T::kBoolean, "the inspected party appealed", "被申诉"},
          {"appeal_upheld", T::kBoolean, "an appeal was upheld or partly upheld", "申诉成立（含部分成立）"},
          {"kind", T::kText, "ticket_review, routine_check, surprise_check", "质检类型"},
          {"covert", T::kBoolean, "a covert (mystery) check", "暗访"},
          {"corrected", T::kBoolean, "the correction of an earlier record", "更正记录"},
      },
      desk::TicketNumber}};
}

}  // namespace sqm::inspection
