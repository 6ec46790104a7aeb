#include "desk/import/csv_reader.h"

#include "base/json.h"

namespace sqm::desk::import {

CsvReader::CsvReader(std::string_view data) : data_(data) {
  if (data_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

double CsvReader::Fraction() const {
  return data_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(data_.size());
}

Result<bool> CsvReader::Next(Record& out) {
  out.cells.clear();
  out.problem = RecordProblem::kNone;
  out.line = line_;
  if (pos_ >= data_.size()) return false;
  const std::size_t n = data_.size();
  auto end_of_line = [&](std::size_t& p) {  // at '\r' or '\n': step over one line break
    if (data_[p] == '\r' && p + 1 < n && data_[p + 1] == '\n') ++p;
    ++p;
    ++line_;
  };
  for (;;) {
    Cell cell;
    if (pos_ < n && data_[pos_] == '"') {
      const int opened = line_;
      ++pos_;
      for (;;) {
        if (pos_ >= n) {
          error_line_ = opened;
          return Error::Invalid("", Msg("import.unclosed_quote", "a quoted field opened on line {line} is never closed",
                                        {{"line", std::to_string(opened)}}));
        }
        const char c = data_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && data_[pos_ + 1] == '"') {
            cell.text += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\r' || c == '\n') {
          cell.text += '\n';
          end_of_line(pos_);
          continue;
        }
        std::size_t end = pos_;
        while (end < n && data_[end] != '"' && data_[end] != '\r' && data_[end] != '\n') ++end;
        cell.text.append(data_.substr(pos_, end - pos_));
        pos_ = end;
      }
      if (pos_ < n && data_[pos_] != ',' && data_[pos_] != '\r' && data_[pos_] != '\n') {
        if (out.problem == RecordProblem::kNone) out.problem = RecordProblem::kTextAfterQuote;
        const std::size_t stop = data_.find_first_of(",\r\n", pos_);
        const std::size_t end = stop == std::string_view::npos ? n : stop;
        cell.text.append(data_.substr(pos_, end - pos_));
        pos_ = end;
      }
    } else {
      std::size_t end = pos_;
      while (end < n && data_[end] != ',' && data_[end] != '\r' && data_[end] != '\n') ++end;
      cell.text.assign(data_.substr(pos_, end - pos_));
      if (cell.text.find('"') != std::string::npos && out.problem == RecordProblem::kNone) {
        out.problem = RecordProblem::kQuoteInUnquotedField;
      }
      pos_ = end;
    }
    if (!json::IsValidUtf8(cell.text) && out.problem == RecordProblem::kNone) out.problem = RecordProblem::kInvalidUtf8;
    out.cells.push_back(std::move(cell));
    if (pos_ >= n) return true;
    if (data_[pos_] == ',') {
      ++pos_;
      if (pos_ >= n) {  // a trailing comma at the very end: one more empty field
        out.cells.emplace_back();
        return true;
      }
      continue;
    }
    end_of_line(pos_);
    return true;
  }
}

}  // namespace sqm::desk::import
