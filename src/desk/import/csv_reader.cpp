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
  out.problem_cell = -1;
  out.line = line_;
  if (pos_ >= data_.size()) return false;
  const std::size_t n = data_.size();
  auto end_of_line = [&](std::size_t& p) {  // at '\r' or '\n': step over one line break
    if (data_[p] == '\r' && p + 1 < n && data_[p + 1] == '\n') ++p;
    ++p;
    ++line_;
  };
  std::size_t kept = 0;  // bytes of text in out.cells
  int position = 0;      // of the field being read
  for (;;) {
    Cell cell;
    std::size_t chars = 0;
    bool too_long = false;
    // Appends a piece of the field, unless the field is already over kMaxCellChars: then it is
    // dropped and only counted, so a huge field is never copied.
    auto take = [&](std::string_view piece) {
      if (too_long) return;
      chars += json::CodePoints(piece);
      if (chars > kMaxCellChars) {
        too_long = true;
        cell.text.clear();
        cell.text.shrink_to_fit();
        return;
      }
      cell.text.append(piece);
    };
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
            take("\"");
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\r' || c == '\n') {
          take("\n");
          end_of_line(pos_);
          continue;
        }
        std::size_t end = pos_;
        while (end < n && data_[end] != '"' && data_[end] != '\r' && data_[end] != '\n') ++end;
        take(data_.substr(pos_, end - pos_));
        pos_ = end;
      }
      if (pos_ < n && data_[pos_] != ',' && data_[pos_] != '\r' && data_[pos_] != '\n') {
        out.Flag(RecordProblem::kTextAfterQuote, position);
        const std::size_t stop = data_.find_first_of(",\r\n", pos_);
        const std::size_t end = stop == std::string_view::npos ? n : stop;
        take(data_.substr(pos_, end - pos_));
        pos_ = end;
      }
    } else {
      std::size_t end = pos_;
      while (end < n && data_[end] != ',' && data_[end] != '\r' && data_[end] != '\n') ++end;
      const auto field = data_.substr(pos_, end - pos_);
      take(field);
      if (field.find('"') != std::string_view::npos) out.Flag(RecordProblem::kQuoteInUnquotedField, position);
      pos_ = end;
    }
    if (too_long) {
      out.Flag(RecordProblem::kCellTooLong, position);
    } else if (!json::IsValidUtf8(cell.text)) {
      out.Flag(RecordProblem::kInvalidUtf8, position);
    }
    if (static_cast<std::size_t>(position) >= kMaxCells) {
      out.Flag(RecordProblem::kTooManyCells, -1);  // the cell is not kept
    } else {
      kept += cell.text.size();
      if (kept > kMaxRecordBytes) {
        out.Flag(RecordProblem::kRowTooLong, -1);
        cell.text.clear();
      }
      out.cells.push_back(std::move(cell));
    }
    ++position;
    if (pos_ >= n) return true;
    if (data_[pos_] == ',') {
      ++pos_;
      if (pos_ >= n) {  // a trailing comma at the very end: one more empty field
        if (static_cast<std::size_t>(position) < kMaxCells) out.cells.emplace_back();
        return true;
      }
      continue;
    }
    end_of_line(pos_);
    return true;
  }
}

}  // namespace sqm::desk::import
