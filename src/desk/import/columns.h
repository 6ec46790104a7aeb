// The columns of a ticket file (docs/import.md): their English and Chinese headers and the other
// headers people write for them. The same columns name the keys of a bulk NDJSON line.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

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

// A header naming a label of E in both languages (also used by feedback's agency import):
// "类型 (type)", "类型（type）", "类型/type", "type 类型": every recognised part must agree.
template <typename E>
std::optional<E> ParseBilingualLabel(std::string_view header) {
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
  std::optional<E> found;
  for (auto part : parts) {
    auto c = ParseLabel<E>(part);
    if (!c) continue;
    if (found && *found != *c) return std::nullopt;
    found = c;
  }
  return found;
}

}  // namespace sqm::desk::import

namespace sqm::desk {
template <>
std::span<const Label<import::Column>> Labels();
}  // namespace sqm::desk
