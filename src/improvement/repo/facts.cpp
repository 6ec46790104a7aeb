#include "improvement/facts.h"

namespace sqm::improvement {

std::vector<storage::FactSource> FactSources() {
  using T = storage::FactFieldType;
  const std::string sql =
      "SELECT a.id AS fact_id, CAST(NULL AS BIGINT) AS ticket_id, a.due_at AS at, a.owner_id AS staff_id,"
      " a.department_id AS department_id,"
      " CASE WHEN a.done_at IS NOT NULL AND a.done_at < a.due_at THEN 1 ELSE 0 END AS on_time,"
      " CASE WHEN a.done_at IS NOT NULL THEN 1 ELSE 0 END AS closed,"
      " CASE WHEN a.status = 'verified' THEN 1 ELSE 0 END AS verified,"
      " CASE WHEN a.status = 'not_effective' THEN 1 ELSE 0 END AS not_effective,"
      " a.source AS source"
      " FROM improvement_actions a"
      " WHERE a.due_at IS NOT NULL AND a.owner_id IS NOT NULL AND a.status NOT IN ('cancelled', 'declined')";
  return {storage::FactSource{
      "improvement_actions",
      "Improvement actions (整改), at the end of their due day",
      "整改措施（按到期日）",
      sql,
      sql,
      {
          {"on_time", T::kBoolean, "done by the end of its due day (actions closed on time)", "按期完成"},
          {"closed", T::kBoolean, "done (whenever)", "已完成"},
          {"verified", T::kBoolean, "its effect was checked and found effective", "验证有效"},
          {"not_effective", T::kBoolean, "its effect was checked and not found", "验证无效"},
          {"source", T::kText, "inspection, complaint, sla_trend, survey, audit_finding, suggestion, other", "来源"},
      },
      {}}};
}

}  // namespace sqm::improvement
