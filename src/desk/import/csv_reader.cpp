#include "desk/import/csv_reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "base/json.h"

namespace sqm::desk::import {

CsvReader::CsvReader(Input input, std::size_t chunk) : input_(input), chunk_(std::max<std::size_t>(chunk, 1)) {
  if (input_.fd < 0) {
    window_ = input_.bytes;
    size_ = window_.size();
  } else {
    struct stat st {};
    if (::fstat(input_.fd, &st) == 0) size_ = static_cast<std::uint64_t>(st.st_size);
  }
  if (Peek() == 0xEF && Peek(1) == 0xBB && Peek(2) == 0xBF) pos_ = 3;
}

bool CsvReader::Fill(std::size_t need) {
  if (input_.fd < 0 || read_failed_) return false;
  // Keep the unread rest, then read chunks behind it until `need` bytes are there or the file ends.
  buffer_.erase(0, pos_);
  offset_ += pos_;
  pos_ = 0;
  while (buffer_.size() < need) {
    const std::size_t had = buffer_.size();
    buffer_.resize(had + chunk_);
    ssize_t n;
    do {
      n = ::pread(input_.fd, buffer_.data() + had, chunk_, static_cast<off_t>(offset_ + had));
    } while (n < 0 && errno == EINTR);
    buffer_.resize(had + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0) read_failed_ = true;
    if (n <= 0) break;
  }
  window_ = buffer_;
  return buffer_.size() >= need;
}

std::string_view CsvReader::Run(std::string_view stops) {
  const std::size_t stop = window_.find_first_of(stops, pos_);
  const std::size_t end = stop == std::string_view::npos ? window_.size() : stop;
  const auto run = window_.substr(pos_, end - pos_);
  pos_ = end;
  return run;
}

Result<bool> CsvReader::EndOfInput(bool result) const {
  if (read_failed_) return Error{ErrorCode::kInternal, "the uploaded file cannot be read back", {}};
  return result;
}

double CsvReader::Fraction() const {
  return size_ == 0 ? 1.0 : std::min(1.0, static_cast<double>(offset_ + pos_) / static_cast<double>(size_));
}

Result<bool> CsvReader::Next(Record& out) {
  out.cells.clear();
  out.problem = RecordProblem::kNone;
  out.problem_cell = -1;
  out.line = line_;
  if (Peek() < 0) return EndOfInput(false);
  auto end_of_line = [&] {  // at '\r' or '\n': step over one line break
    if (Peek() == '\r' && Peek(1) == '\n') ++pos_;
    ++pos_;
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
    if (Peek() == '"') {
      const int opened = line_;
      ++pos_;
      for (;;) {
        const int c = Peek();
        if (c < 0) {
          if (read_failed_) return EndOfInput(false);
          error_line_ = opened;
          return Error::Invalid("", Msg("import.unclosed_quote", "a quoted field opened on line {line} is never closed",
                                        {{"line", std::to_string(opened)}}));
        }
        if (c == '"') {
          if (Peek(1) == '"') {
            take("\"");
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\r' || c == '\n') {
          take("\n");
          end_of_line();
          continue;
        }
        take(Run("\"\r\n"));
      }
      if (const int c = Peek(); c >= 0 && c != ',' && c != '\r' && c != '\n') {
        out.Flag(RecordProblem::kTextAfterQuote, position);
        for (int d = c; d >= 0 && d != ',' && d != '\r' && d != '\n'; d = Peek()) take(Run(",\r\n"));
      }
    } else {
      bool quote = false;
      for (int c = Peek(); c >= 0 && c != ',' && c != '\r' && c != '\n'; c = Peek()) {
        const auto piece = Run(",\r\n");
        quote = quote || piece.find('"') != std::string_view::npos;
        take(piece);
      }
      if (quote) out.Flag(RecordProblem::kQuoteInUnquotedField, position);
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
    const int c = Peek();
    if (c < 0) return EndOfInput(true);
    if (c == ',') {
      ++pos_;
      if (Peek() < 0) {  // a trailing comma at the very end: one more empty field
        if (static_cast<std::size_t>(position) < kMaxCells) out.cells.emplace_back();
        return EndOfInput(true);
      }
      continue;
    }
    end_of_line();
    return true;
  }
}

}  // namespace sqm::desk::import
