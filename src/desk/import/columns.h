// The columns of a ticket file (docs/import.md): their English and Chinese headers and the other
// headers people write for them. The same columns name the keys of a bulk NDJSON line.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "desk/model.h"

namespace sqm::desk::import {

enum class Column {
  kType,
  kChannel,
  kPriority,
  kTitle,
  kDescription,
  kCustomer,
  kCategory,
  kDepartment,
  kAssignee,
  kCreatedAt,
  kFirstResponseAt,
  kResolvedAt,
  kClosedAt,
  kCallbackAt,
  kCallbackResolved,
  kSatisfaction,
  kExternalId,
  kComplaintCategory,
};
inline constexpr int kColumnCount = 18;
inline constexpr std::array<Column, kColumnCount> kColumns = {
    Column::kType,        Column::kChannel,          Column::kPriority,         Column::kTitle,
    Column::kDescription, Column::kCustomer,         Column::kCategory,         Column::kDepartment,
    Column::kAssignee,    Column::kCreatedAt,        Column::kFirstResponseAt,  Column::kResolvedAt,
    Column::kClosedAt,    Column::kCallbackAt,       Column::kCallbackResolved, Column::kSatisfaction,
    Column::kExternalId,  Column::kComplaintCategory};

const char* ColumnName(Column c);    // the English header: "type", "created_at", ...
const char* ColumnNameZh(Column c);  // the Chinese header: "类型", "创建时间", ...
// A header cell: English or Chinese, case-insensitive, spaces and '-' read as '_', or both names
// together ("创建时间 (created_at)", "类型/type").
std::optional<Column> ParseColumn(std::string_view header);
// Headers an export writes for people, skipped on import: status/状态, customer_name/客户名称,
// number/编号.
bool IsInformationalColumn(std::string_view header);

// A priority cell: "P1".."P4" in either case, or "1".."4". (The values of the other enumerated
// columns are read with desk::ParseLabel.)
std::optional<int> ParsePriorityValue(std::string_view s);

}  // namespace sqm::desk::import

namespace sqm::desk {
template <>
std::span<const Label<import::Column>> Labels();
}  // namespace sqm::desk
