#include "desk/import/header.h"

#include "base/text.h"
#include "desk/import/text.h"

namespace sqm::desk::import {

const Field* RowInput::Get(Column c) const {
  const auto& f = fields[static_cast<int>(c)];
  return f ? &*f : nullptr;
}

std::optional<Header> Header::Read(const Record& record, const std::function<void(RowError)>& on_error) {
  Header h;
  bool failed = false;
  auto error = [&](RowError e) {
    failed = true;
    on_error(std::move(e));
  };
  if (record.problem != RecordProblem::kNone) {
    on_error(ProblemError(record, true));
    return std::nullopt;
  }
  for (const auto& cell : record.cells) {
    const auto text = TrimSpace(cell.text);
    if (text.empty() || IsInformationalColumn(text)) {
      h.at_.push_back(std::nullopt);
      continue;
    }
    auto c = ParseColumn(text);
    if (!c) {
      error({record.line, Bounded(text),
             Msg("import.unknown_column",
                 "unknown column; the columns are type, channel, priority, title, description, customer, "
                 "category, department, assignee, created_at, first_response_at, resolved_at, closed_at, "
                 "callback_at, callback_resolved, satisfaction, external_id, complaint_category (or their "
                 "Chinese names, see docs/import.md)")});
      h.at_.push_back(std::nullopt);
      continue;
    }
    auto& name = h.names_[static_cast<int>(*c)];
    if (!name.empty()) {
      error({record.line, Bounded(text),
             Msg("import.column_twice", "the column {column} appears twice (also as '{name}')",
                 {{"column", ColumnName(*c)}, {"name", Shown(name)}})});
    } else {
      name = Bounded(text);
    }
    h.at_.push_back(c);
  }
  for (Column c : {Column::kType, Column::kChannel, Column::kTitle, Column::kCreatedAt}) {
    if (h.names_[static_cast<int>(c)].empty()) {
      error({record.line, ColumnName(c),
             Msg("import.column_missing", "the header has no {column} ({column_zh}) column, which is required",
                 {{"column", ColumnName(c)}, {"column_zh", ColumnNameZh(c)}})});
    }
  }
  if (failed) return std::nullopt;
  return h;
}

const std::string& Header::NameOf(Column c) const {
  return names_[static_cast<int>(c)];
}

std::string Header::NameAt(int position) const {
  if (position < 0 || static_cast<std::size_t>(position) >= at_.size() || !at_[static_cast<std::size_t>(position)]) {
    return "";
  }
  return NameOf(*at_[static_cast<std::size_t>(position)]);
}

RowInput Header::Row(const Record& record, std::vector<RowError>& errors) const {
  RowInput row;
  row.line = record.line;
  bool extra = false;
  for (std::size_t i = 0; i < record.cells.size(); ++i) {
    const auto& cell = record.cells[i];
    if (i >= at_.size() || !at_[i]) {
      if (!TrimSpace(cell.text).empty() && i >= at_.size()) extra = true;
      continue;
    }
    const Column c = *at_[i];
    row.fields[static_cast<int>(c)] = Field{cell.text, cell.number, false, names_[static_cast<int>(c)]};
  }
  if (extra) {
    errors.emplace_back(record.line, "",
                        Msg("import.extra_cells", "the row has {cells} cells but the header only {columns}",
                            {{"cells", std::to_string(record.cells.size())}, {"columns", std::to_string(at_.size())}}));
  }
  return row;
}

}  // namespace sqm::desk::import
