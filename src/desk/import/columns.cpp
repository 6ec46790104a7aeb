#include "desk/import/columns.h"

#include <algorithm>
#include <vector>

namespace sqm::desk {

namespace {

using import::Column;

constexpr Label<Column> kColumnLabels[] = {
    {Column::kType, "type", "类型", {"ticket_type", "工单类型"}},
    {Column::kChannel, "channel", "渠道", {"来源渠道"}},
    {Column::kPriority, "priority", "优先级"},
    {Column::kTitle, "title", "标题", {"主题"}},
    {Column::kDescription, "description", "描述", {"问题描述"}},
    {Column::kCustomer, "customer", "客户", {"customer_id"}},
    {Column::kCategory, "category", "分类", {"category_id", "服务分类"}},
    {Column::kDepartment, "department", "部门", {"department_id", "处理部门"}},
    {Column::kAssignee, "assignee", "处理人", {"assignee_id", "负责人"}},
    {Column::kCreatedAt, "created_at", "创建时间", {"登记时间"}},
    {Column::kFirstResponseAt, "first_response_at", "首次响应时间"},
    {Column::kResolvedAt, "resolved_at", "解决时间"},
    {Column::kClosedAt, "closed_at", "关闭时间"},
    {Column::kCallbackAt, "callback_at", "回访时间"},
    {Column::kCallbackResolved, "callback_resolved", "回访结果"},
    {Column::kSatisfaction, "satisfaction", "满意度"},
    {Column::kExternalId, "external_id", "外部编号", {"外部单号"}},
    {Column::kComplaintCategory, "complaint_category", "投诉类别"},
};

}  // namespace

template <>
std::span<const Label<Column>> Labels() {
  return kColumnLabels;
}

}  // namespace sqm::desk

namespace sqm::desk::import {

namespace {

constexpr const char* kInformational[] = {"status", "状态", "customer_name", "客户名称", "number", "编号", "工单编号"};

}  // namespace

const char* ColumnName(Column c) {
  return Name(c);
}

const char* ColumnNameZh(Column c) {
  return NameZh(c);
}

std::optional<Column> ParseColumn(std::string_view header) {
  if (auto c = ParseLabel<Column>(header)) return c;
  return ParseBilingualLabel<Column>(header);
}

bool IsInformationalColumn(std::string_view header) {
  const std::string key = NormalizeLabel(header);
  return std::any_of(std::begin(kInformational), std::end(kInformational), [&](const char* n) { return key == n; });
}

std::optional<int> ParsePriorityValue(std::string_view s) {
  const std::string k = NormalizeLabel(s);
  if (k.size() == 1 && k[0] >= '1' && k[0] <= '4') return k[0] - '0';
  return ParsePriority(k);
}

}  // namespace sqm::desk::import
