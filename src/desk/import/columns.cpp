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

// "类型 (type)", "类型（type）", "类型/type", "type 类型": every recognised part must agree.
std::optional<Column> ParseBilingual(std::string_view header) {
  std::vector<std::string_view> parts;
  const std::string_view open[] = {"(", "\xEF\xBC\x88"};  // ( and （
  for (auto o : open) {
    if (auto p = header.find(o); p != std::string_view::npos && p > 0) {
      parts.push_back(header.substr(0, p));
      auto inside = header.substr(p + o.size());
      for (std::string_view close : {")", "\xEF\xBC\x89"}) {
        if (inside.ends_with(close)) inside.remove_suffix(close.size());
      }
      parts.push_back(inside);
      break;
    }
  }
  if (parts.empty()) {
    for (char sep : {'/', '|', ' '}) {
      auto s = TrimSpace(header);
      if (auto p = s.find(sep); p != std::string_view::npos) {
        parts.push_back(s.substr(0, p));
        parts.push_back(s.substr(p + 1));
        break;
      }
    }
  }
  std::optional<Column> found;
  for (auto part : parts) {
    auto c = ParseLabel<Column>(part);
    if (!c) continue;
    if (found && *found != *c) return std::nullopt;
    found = c;
  }
  return found;
}

}  // namespace

const char* ColumnName(Column c) {
  return Name(c);
}

const char* ColumnNameZh(Column c) {
  return NameZh(c);
}

std::optional<Column> ParseColumn(std::string_view header) {
  if (auto c = ParseLabel<Column>(header)) return c;
  return ParseBilingual(header);
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
