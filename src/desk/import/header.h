// The header row of a file and the rows it gives: which position holds which column.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "desk/import/columns.h"
#include "desk/import/record.h"
#include "desk/model.h"

namespace sqm::desk::import {

struct Field {
  std::string text;
  bool number = false;   // from an XLSX numeric cell
  bool id_only = false;  // the value is an id (JSON customer_id, category_id, ...), never a name
  std::string name;      // how the input named this column
};

// One input row, by column, whatever the file format.
struct RowInput {
  int line = 0;
  std::array<std::optional<Field>, kColumnCount> fields;
  std::optional<ComplaintDraft> complaint;  // NDJSON `complaint` object

  const Field* Get(Column c) const;
};

// The header row of a file: which position holds which column.
class Header {
 public:
  // Unknown and repeated headers, and missing required columns (type, channel, title, created_at),
  // are reported on the header's line, each as it is found (the caller caps and counts them; a
  // header may have a million columns), the header text cut with Bounded(); nullopt then.
  static std::optional<Header> Read(const Record& record, const std::function<void(RowError)>& on_error);
  // The record as a row; cells beyond the header are an error unless empty.
  RowInput Row(const Record& record, std::vector<RowError>& errors) const;
  const std::string& NameOf(Column c) const;
  // The header of the cell at `position` of a record, as written (bounded); "" where the header
  // has no known column.
  std::string NameAt(int position) const;

 private:
  std::vector<std::optional<Column>> at_;  // per position; nullopt: informational, skipped
  std::array<std::string, kColumnCount> names_;
};

}  // namespace sqm::desk::import
