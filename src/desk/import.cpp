#include "desk/import.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <utility>

#include <date/date.h>
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include "base/json.h"

namespace sqm::desk::import {

namespace {

constexpr TimeMs kDayMs = 86'400'000;
constexpr double kExcelUnixEpoch = 25569.0;  // 1970-01-01 as an Excel serial
constexpr TimeMs kClockSkew = 60'000;        // times this far ahead of `now` are still accepted
constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxDescription = 20000;
constexpr std::size_t kMaxExternalId = 100;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Trims ASCII white space and the no-break and ideographic spaces spreadsheets leave behind.
std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else if (s.starts_with("\xE3\x80\x80")) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else if (s.ends_with("\xE3\x80\x80")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// Lower-case ASCII; ' ' and '-' become '_' (so "Created At" and "walk-in" match).
std::string Normalize(std::string_view s) {
  std::string out(Trim(s));
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::int64_t> ToInt(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

template <typename T>
struct Alias {
  const char* name;
  T value;
};

template <typename T, std::size_t N>
std::optional<T> Lookup(std::string_view s, const Alias<T> (&table)[N]) {
  const std::string key = Normalize(s);
  for (const auto& a : table) {
    if (key == a.name) return a.value;
  }
  return std::nullopt;
}

constexpr Alias<Column> kColumnAliases[] = {
    {"type", Column::kType},
    {"ticket_type", Column::kType},
    {"类型", Column::kType},
    {"工单类型", Column::kType},
    {"channel", Column::kChannel},
    {"渠道", Column::kChannel},
    {"来源渠道", Column::kChannel},
    {"priority", Column::kPriority},
    {"优先级", Column::kPriority},
    {"title", Column::kTitle},
    {"标题", Column::kTitle},
    {"主题", Column::kTitle},
    {"description", Column::kDescription},
    {"描述", Column::kDescription},
    {"问题描述", Column::kDescription},
    {"customer", Column::kCustomer},
    {"customer_id", Column::kCustomer},
    {"客户", Column::kCustomer},
    {"category", Column::kCategory},
    {"category_id", Column::kCategory},
    {"分类", Column::kCategory},
    {"服务分类", Column::kCategory},
    {"department", Column::kDepartment},
    {"department_id", Column::kDepartment},
    {"部门", Column::kDepartment},
    {"处理部门", Column::kDepartment},
    {"assignee", Column::kAssignee},
    {"assignee_id", Column::kAssignee},
    {"处理人", Column::kAssignee},
    {"负责人", Column::kAssignee},
    {"created_at", Column::kCreatedAt},
    {"创建时间", Column::kCreatedAt},
    {"登记时间", Column::kCreatedAt},
    {"first_response_at", Column::kFirstResponseAt},
    {"首次响应时间", Column::kFirstResponseAt},
    {"resolved_at", Column::kResolvedAt},
    {"解决时间", Column::kResolvedAt},
    {"closed_at", Column::kClosedAt},
    {"关闭时间", Column::kClosedAt},
    {"callback_at", Column::kCallbackAt},
    {"回访时间", Column::kCallbackAt},
    {"callback_resolved", Column::kCallbackResolved},
    {"回访结果", Column::kCallbackResolved},
    {"satisfaction", Column::kSatisfaction},
    {"满意度", Column::kSatisfaction},
    {"external_id", Column::kExternalId},
    {"外部编号", Column::kExternalId},
    {"外部单号", Column::kExternalId},
    {"complaint_category", Column::kComplaintCategory},
    {"投诉类别", Column::kComplaintCategory},
};

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
      auto s = Trim(header);
      if (auto p = s.find(sep); p != std::string_view::npos) {
        parts.push_back(s.substr(0, p));
        parts.push_back(s.substr(p + 1));
        break;
      }
    }
  }
  std::optional<Column> found;
  for (auto part : parts) {
    auto c = Lookup(part, kColumnAliases);
    if (!c) continue;
    if (found && *found != *c) return std::nullopt;
    found = c;
  }
  return found;
}

// User text as a message arg: at most 60 code points, then "…". The templates quote it ('{value}').
std::string Shown(std::string_view s) {
  constexpr std::size_t kShow = 60;
  if (json::CodePoints(s) <= kShow) return std::string(s);
  std::size_t cut = 0, n = 0;
  while (cut < s.size() && n < kShow) {
    ++cut;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    ++n;
  }
  return fmt::format("{}…", s.substr(0, cut));
}

}  // namespace

// ---- columns and values ----------------------------------------------------------------------

const char* ColumnName(Column c) {
  switch (c) {
    case Column::kType: return "type";
    case Column::kChannel: return "channel";
    case Column::kPriority: return "priority";
    case Column::kTitle: return "title";
    case Column::kDescription: return "description";
    case Column::kCustomer: return "customer";
    case Column::kCategory: return "category";
    case Column::kDepartment: return "department";
    case Column::kAssignee: return "assignee";
    case Column::kCreatedAt: return "created_at";
    case Column::kFirstResponseAt: return "first_response_at";
    case Column::kResolvedAt: return "resolved_at";
    case Column::kClosedAt: return "closed_at";
    case Column::kCallbackAt: return "callback_at";
    case Column::kCallbackResolved: return "callback_resolved";
    case Column::kSatisfaction: return "satisfaction";
    case Column::kExternalId: return "external_id";
    case Column::kComplaintCategory: return "complaint_category";
  }
  return "";
}

const char* ColumnNameZh(Column c) {
  switch (c) {
    case Column::kType: return "类型";
    case Column::kChannel: return "渠道";
    case Column::kPriority: return "优先级";
    case Column::kTitle: return "标题";
    case Column::kDescription: return "描述";
    case Column::kCustomer: return "客户";
    case Column::kCategory: return "分类";
    case Column::kDepartment: return "部门";
    case Column::kAssignee: return "处理人";
    case Column::kCreatedAt: return "创建时间";
    case Column::kFirstResponseAt: return "首次响应时间";
    case Column::kResolvedAt: return "解决时间";
    case Column::kClosedAt: return "关闭时间";
    case Column::kCallbackAt: return "回访时间";
    case Column::kCallbackResolved: return "回访结果";
    case Column::kSatisfaction: return "满意度";
    case Column::kExternalId: return "外部编号";
    case Column::kComplaintCategory: return "投诉类别";
  }
  return "";
}

std::optional<Column> ParseColumn(std::string_view header) {
  if (auto c = Lookup(header, kColumnAliases)) return c;
  return ParseBilingual(header);
}

bool IsInformationalColumn(std::string_view header) {
  const std::string key = Normalize(header);
  return std::any_of(std::begin(kInformational), std::end(kInformational), [&](const char* n) { return key == n; });
}

std::optional<int> ParsePriorityValue(std::string_view s) {
  const std::string k = Normalize(s);
  if (k.size() == 2 && k[0] == 'p' && k[1] >= '1' && k[1] <= '4') return k[1] - '0';
  if (k.size() == 1 && k[0] >= '1' && k[0] <= '4') return k[0] - '0';
  return std::nullopt;
}
// ---- times -----------------------------------------------------------------------------------

std::optional<TimeMs> ParseTime(std::string_view text) {
  std::string_view s = Trim(text);
  std::size_t pos = 0;
  auto number = [&](std::size_t min_digits, std::size_t max_digits, int& out) {
    std::size_t n = 0;
    out = 0;
    while (pos < s.size() && n < max_digits && s[pos] >= '0' && s[pos] <= '9') {
      out = out * 10 + (s[pos] - '0');
      ++pos;
      ++n;
    }
    return n >= min_digits;
  };
  int y, mo, d, h, mi, sec = 0;
  if (!number(4, 4, y) || pos >= s.size() || (s[pos] != '-' && s[pos] != '/')) return std::nullopt;
  const char sep = s[pos++];
  if (!number(1, 2, mo) || pos >= s.size() || s[pos] != sep) return std::nullopt;
  ++pos;
  if (!number(1, 2, d)) return std::nullopt;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;  // a time is required
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T' || s[pos] == 't')) ++pos;
  if (!number(1, 2, h) || pos >= s.size() || s[pos] != ':') return std::nullopt;
  ++pos;
  if (!number(2, 2, mi)) return std::nullopt;
  std::string fraction;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!number(2, 2, sec)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') fraction += s[pos++];
      if (fraction.empty()) return std::nullopt;
    }
  }
  std::string_view zone = Trim(s.substr(pos));
  std::string iso = fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", y, mo, d, h, mi, sec);
  if (!fraction.empty()) iso += "." + fraction;
  if (zone.empty()) {
    iso += "+08:00";
  } else {
    iso += zone;
  }
  return ParseIsoTime(iso);
}

TimeMs FromExcelSerial(double serial) {
  return std::llround((serial - kExcelUnixEpoch) * static_cast<double>(kDayMs)) - kLocalOffset;
}

double ToExcelSerial(TimeMs t) {
  return static_cast<double>(t + kLocalOffset) / static_cast<double>(kDayMs) + kExcelUnixEpoch;
}

std::string FormatLocalTime(TimeMs t) {
  using namespace std::chrono;
  const date::sys_time<milliseconds> tp{milliseconds{t + kLocalOffset}};
  const bool whole = ((t % 1000) + 1000) % 1000 == 0;
  return whole ? date::format("%FT%T", date::floor<seconds>(tp)) + "+08:00" : date::format("%FT%T", tp) + "+08:00";
}

// ---- records ---------------------------------------------------------------------------------

bool Record::Blank() const {
  return std::all_of(cells.begin(), cells.end(), [](const Cell& c) { return Trim(c.text).empty(); });
}

const Field* RowInput::Get(Column c) const {
  const auto& f = fields[static_cast<int>(c)];
  return f ? &*f : nullptr;
}

RowError RowError::Of(int line, std::string column, const Error& e) {
  RowError out(line, std::move(column), e.message);
  out.key = e.key;
  out.args = e.args;
  return out;
}

RowError ProblemError(const Record& record, bool header) {
  auto problem = [&]() -> Message {
    switch (record.problem) {
      case RecordProblem::kTextAfterQuote:
        return header ? Msg("import.header_text_after_quote",
                            "the header row has text after a closing quote (quote the whole field and double the "
                            "quotes inside it)")
                      : Msg("import.row_text_after_quote",
                            "the row has text after a closing quote (quote the whole field and double the quotes "
                            "inside it)");
      case RecordProblem::kQuoteInUnquotedField:
        return header ? Msg("import.header_quote_in_unquoted_field",
                            "the header row has a quote inside an unquoted field (quote the whole field and double "
                            "the quotes inside it)")
                      : Msg("import.row_quote_in_unquoted_field",
                            "the row has a quote inside an unquoted field (quote the whole field and double the "
                            "quotes inside it)");
      case RecordProblem::kInvalidUtf8:
        return header
                   ? Msg("import.header_invalid_utf8",
                         "the header row is not valid UTF-8 text (save the file as \"CSV UTF-8\")")
                   : Msg("import.row_invalid_utf8", "the row is not valid UTF-8 text (save the file as \"CSV UTF-8\")");
      case RecordProblem::kMissingSharedString:
      case RecordProblem::kNone: break;
    }
    return header ? Msg("import.header_missing_shared_string",
                        "the header row has a cell that refers to a shared string the workbook does not have")
                  : Msg("import.row_missing_shared_string",
                        "the row has a cell that refers to a shared string the workbook does not have");
  };
  return {record.line, "", problem()};
}

const char* FormatName(Format f) {
  return f == Format::kCsv ? "csv" : "xlsx";
}

// ---- CSV -------------------------------------------------------------------------------------

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

// ---- XLSX ------------------------------------------------------------------------------------

namespace {

std::string_view LocalName(const XML_Char* name) {
  std::string_view s(name);
  auto colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

const XML_Char* Attr(const XML_Char** attrs, std::string_view local) {
  for (int i = 0; attrs[i]; i += 2) {
    if (LocalName(attrs[i]) == local) return attrs[i + 1];
  }
  return nullptr;
}

// OOXML escapes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_).
std::string DecodeOoxmlEscapes(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int v = 0;
      bool ok = true;
      for (int k = 2; k < 6; ++k) {
        const int h = hex(s[i + k]);
        if (h < 0) ok = false;
        v = v * 16 + h;
      }
      if (ok && v < 0x80) {
        out += static_cast<char>(v);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// A whole (small) XML document through expat with the given handlers.
template <typename State>
sqm::Status ParseXml(std::string_view text, State& state, XML_StartElementHandler start, XML_EndElementHandler end,
                     XML_CharacterDataHandler chars, std::string_view what) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &state);
  XML_SetElementHandler(p, start, end);
  if (chars) XML_SetCharacterDataHandler(p, chars);
  sqm::Status st;
  if (XML_Parse(p, text.data(), static_cast<int>(text.size()), XML_TRUE) == XML_STATUS_ERROR) {
    st = Error::Invalid(
        "", Msg("import.workbook_xml_malformed", "the workbook's {part} is not well-formed XML (line {line}: {detail})",
                {{"part", std::string(what)},
                 {"line", std::to_string(XML_GetCurrentLineNumber(p))},
                 {"detail", XML_ErrorString(XML_GetErrorCode(p))}}));
  }
  XML_ParserFree(p);
  return st;
}

constexpr zip_uint64_t kMaxPartBytes = 512ULL << 20;  // shared strings, workbook and relationships

Result<std::optional<std::string>> ReadPart(zip_t* zip, const std::string& name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) return std::optional<std::string>{};
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) {
    return Error::Invalid(
        "", Msg("import.workbook_part_too_large", "the workbook part {part} is too large", {{"part", name}}));
  }
  zip_file_t* f = zip_fopen(zip, name.c_str(), 0);
  if (!f) {
    return Error::Invalid(
        "", Msg("import.workbook_part_unreadable", "the workbook part {part} cannot be read", {{"part", name}}));
  }
  std::string out;
  char buf[65536];
  for (;;) {
    const zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      return Error::Invalid(
          "", Msg("import.workbook_part_damaged", "the workbook part {part} is damaged", {{"part", name}}));
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > kMaxPartBytes) {
      zip_fclose(f);
      return Error::Invalid(
          "", Msg("import.workbook_part_too_large", "the workbook part {part} is too large", {{"part", name}}));
    }
  }
  zip_fclose(f);
  return std::optional<std::string>(std::move(out));
}

std::string ResolveTarget(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

// Column index of a cell reference ("B7" -> 1); -1 when malformed.
int ColumnOfRef(std::string_view ref) {
  int col = 0, letters = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') {
      col = col * 26 + (c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      col = col * 26 + (c - 'a' + 1);
    } else {
      break;
    }
    if (++letters > 3) return -1;
  }
  return letters == 0 || col > 16384 ? -1 : col - 1;
}

// Integral numbers print as integers (a phone or an id typed into a number cell).
std::string NumberText(const std::string& raw) {
  char* end = nullptr;
  const double v = std::strtod(raw.c_str(), &end);
  if (end != raw.c_str() + raw.size() || !std::isfinite(v)) return raw;
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return raw;
}

}  // namespace

struct XlsxReader::Impl {
  std::string_view data;
  zip_t* zip = nullptr;
  zip_file_t* sheet = nullptr;
  XML_Parser parser = nullptr;
  zip_uint64_t sheet_size = 0, sheet_read = 0;
  bool finished = false;
  std::vector<std::string> shared;
  std::deque<Record> ready;

  // Parser state for the sheet.
  int last_row = 0;
  int row = 0;
  std::vector<std::pair<int, Cell>> row_cells;
  RecordProblem row_problem = RecordProblem::kNone;
  int col = -1, next_col = 0;
  std::string cell_type;
  std::string value, inline_text;
  bool in_v = false, in_is = false, in_t = false;
  int in_rph = 0;

  ~Impl() {
    if (parser) XML_ParserFree(parser);
    if (sheet) zip_fclose(sheet);
    if (zip) zip_discard(zip);
  }

  void FinishCell() {
    Cell c;
    if (cell_type == "s") {
      auto idx = ToInt(Trim(value));
      if (!idx || *idx < 0 || *idx >= static_cast<std::int64_t>(shared.size())) {
        if (row_problem == RecordProblem::kNone) row_problem = RecordProblem::kMissingSharedString;
      } else {
        c.text = shared[static_cast<std::size_t>(*idx)];
      }
    } else if (cell_type == "inlineStr") {
      c.text = DecodeOoxmlEscapes(inline_text);
    } else if (cell_type == "str" || cell_type == "e" || cell_type == "d") {
      c.text = DecodeOoxmlEscapes(value);
    } else if (cell_type == "b") {
      c.text = Trim(value) == "1" ? "TRUE" : "FALSE";
    } else if (!Trim(value).empty()) {
      c.text = NumberText(std::string(Trim(value)));
      c.number = true;
    }
    if (!c.text.empty() && col >= 0) row_cells.emplace_back(col, std::move(c));
  }

  void FinishRow() {
    Record r;
    r.line = row;
    int width = 0;
    for (const auto& [i, c] : row_cells) width = std::max(width, i + 1);
    r.cells.resize(static_cast<std::size_t>(width));
    for (auto& [i, c] : row_cells) r.cells[static_cast<std::size_t>(i)] = std::move(c);
    r.problem = row_problem;
    row_cells.clear();
    row_problem = RecordProblem::kNone;
    ready.push_back(std::move(r));
  }

  static void OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<Impl*>(self);
    const auto n = LocalName(name);
    if (n == "row") {
      const XML_Char* r = Attr(attrs, "r");
      auto num = r ? ToInt(r) : std::nullopt;
      s.row = num && *num > 0 ? static_cast<int>(*num) : s.last_row + 1;
      s.last_row = s.row;
      s.next_col = 0;
      s.row_cells.clear();
    } else if (n == "c") {
      const XML_Char* r = Attr(attrs, "r");
      s.col = r ? ColumnOfRef(r) : s.next_col;
      s.next_col = s.col + 1;
      const XML_Char* t = Attr(attrs, "t");
      s.cell_type = t ? t : "n";
      s.value.clear();
      s.inline_text.clear();
    } else if (n == "v") {
      s.in_v = true;
    } else if (n == "is") {
      s.in_is = true;
    } else if (n == "rPh") {
      ++s.in_rph;
    } else if (n == "t" && s.in_is && s.in_rph == 0) {
      s.in_t = true;
    }
  }

  static void OnEnd(void* self, const XML_Char* name) {
    auto& s = *static_cast<Impl*>(self);
    const auto n = LocalName(name);
    if (n == "v") {
      s.in_v = false;
    } else if (n == "t") {
      s.in_t = false;
    } else if (n == "rPh") {
      --s.in_rph;
    } else if (n == "is") {
      s.in_is = false;
    } else if (n == "c") {
      s.FinishCell();
    } else if (n == "row") {
      s.FinishRow();
    }
  }

  static void OnText(void* self, const XML_Char* text, int len) {
    auto& s = *static_cast<Impl*>(self);
    if (s.in_v) s.value.append(text, static_cast<std::size_t>(len));
    if (s.in_t) s.inline_text.append(text, static_cast<std::size_t>(len));
  }

  sqm::Status Feed() {
    char buf[1 << 16];
    const zip_int64_t n = zip_fread(sheet, buf, sizeof buf);
    if (n < 0) {
      return Error::Invalid("", Msg("import.worksheet_damaged", "the worksheet is damaged (cannot decompress it)"));
    }
    sheet_read += static_cast<zip_uint64_t>(n);
    const bool last = n == 0;
    if (XML_Parse(parser, buf, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
      return Error::Invalid(
          "", Msg("import.worksheet_xml_malformed", "the worksheet is not well-formed XML (line {line}: {detail})",
                  {{"line", std::to_string(XML_GetCurrentLineNumber(parser))},
                   {"detail", XML_ErrorString(XML_GetErrorCode(parser))}}));
    }
    if (last) finished = true;
    return {};
  }
};

namespace {

struct SharedStrings {
  std::vector<std::string>* out;
  std::string current;
  bool in_si = false, in_t = false;
  int in_rph = 0;
};

struct Workbook {
  std::string first_sheet_rid;
};

struct Rels {
  std::map<std::string, std::string> targets;  // id -> target
  std::string shared_strings;
};

}  // namespace

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxReader::~XlsxReader() = default;

Result<std::unique_ptr<XlsxReader>> XlsxReader::Open(std::string_view data) {
  auto impl = std::make_unique<Impl>();
  impl->data = data;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &zerr);
  if (!src) {
    zip_error_fini(&zerr);
    return Error::Invalid("", Msg("import.xlsx_unreadable", "the file cannot be read as an XLSX workbook"));
  }
  impl->zip = zip_open_from_source(src, ZIP_RDONLY, &zerr);
  zip_error_fini(&zerr);
  if (!impl->zip) {
    zip_source_free(src);
    return Error::Invalid("",
                          Msg("import.xlsx_not_zip",
                              "the file is not an XLSX workbook (it is not a zip archive); save it as .xlsx or CSV"));
  }

  // The first sheet, through the workbook and its relationships.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  std::string shared_path = "xl/sharedStrings.xml";
  SQM_ASSIGN(auto workbook_xml, ReadPart(impl->zip, "xl/workbook.xml"));
  SQM_ASSIGN(auto rels_xml, ReadPart(impl->zip, "xl/_rels/workbook.xml.rels"));
  if (!workbook_xml) {
    return Error::Invalid(
        "", Msg("import.xlsx_no_workbook", "the file is not an XLSX workbook (it has no xl/workbook.xml)"));
  }
  Workbook wb;
  SQM_TRY(ParseXml(
      *workbook_xml, wb,
      [](void* self, const XML_Char* name, const XML_Char** attrs) {
        auto& w = *static_cast<Workbook*>(self);
        if (LocalName(name) != "sheet" || !w.first_sheet_rid.empty()) return;
        for (int i = 0; attrs[i]; i += 2) {
          std::string_view a(attrs[i]);
          if (a.size() > 3 && a.ends_with(":id")) w.first_sheet_rid = attrs[i + 1];
        }
      },
      [](void*, const XML_Char*) {}, nullptr, "workbook"));
  if (rels_xml) {
    Rels rels;
    SQM_TRY(ParseXml(
        *rels_xml, rels,
        [](void* self, const XML_Char* name, const XML_Char** attrs) {
          auto& r = *static_cast<Rels*>(self);
          if (LocalName(name) != "Relationship") return;
          const XML_Char* id = Attr(attrs, "Id");
          const XML_Char* target = Attr(attrs, "Target");
          const XML_Char* type = Attr(attrs, "Type");
          if (!id || !target) return;
          r.targets[id] = target;
          if (type && std::string_view(type).ends_with("/sharedStrings")) r.shared_strings = target;
        },
        [](void*, const XML_Char*) {}, nullptr, "relationships"));
    if (auto it = rels.targets.find(wb.first_sheet_rid); it != rels.targets.end()) {
      sheet_path = ResolveTarget(it->second);
    }
    if (!rels.shared_strings.empty()) shared_path = ResolveTarget(rels.shared_strings);
  }

  SQM_ASSIGN(auto shared_xml, ReadPart(impl->zip, shared_path));
  if (shared_xml) {
    SharedStrings ss{&impl->shared};
    SQM_TRY(ParseXml(
        *shared_xml, ss,
        [](void* self, const XML_Char* name, const XML_Char**) {
          auto& s = *static_cast<SharedStrings*>(self);
          const auto n = LocalName(name);
          if (n == "si") {
            s.in_si = true;
            s.current.clear();
          } else if (n == "rPh") {
            ++s.in_rph;
          } else if (n == "t" && s.in_si && s.in_rph == 0) {
            s.in_t = true;
          }
        },
        [](void* self, const XML_Char* name) {
          auto& s = *static_cast<SharedStrings*>(self);
          const auto n = LocalName(name);
          if (n == "si") {
            s.out->push_back(DecodeOoxmlEscapes(std::move(s.current)));
            s.current.clear();
            s.in_si = false;
          } else if (n == "rPh") {
            --s.in_rph;
          } else if (n == "t") {
            s.in_t = false;
          }
        },
        [](void* self, const XML_Char* text, int len) {
          auto& s = *static_cast<SharedStrings*>(self);
          if (s.in_t) s.current.append(text, static_cast<std::size_t>(len));
        },
        "shared strings"));
  }

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(impl->zip, sheet_path.c_str(), 0, &st) != 0) {
    return Error::Invalid("", Msg("import.xlsx_no_worksheet", "the workbook has no worksheet"));
  }
  impl->sheet_size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  impl->sheet = zip_fopen(impl->zip, sheet_path.c_str(), 0);
  if (!impl->sheet) return Error::Invalid("", Msg("import.worksheet_unreadable", "the worksheet cannot be read"));
  impl->parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(impl->parser, impl.get());
  XML_SetElementHandler(impl->parser, &Impl::OnStart, &Impl::OnEnd);
  XML_SetCharacterDataHandler(impl->parser, &Impl::OnText);
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

Result<bool> XlsxReader::Next(Record& out) {
  auto& s = *impl_;
  while (s.ready.empty() && !s.finished) SQM_TRY(s.Feed());
  if (s.ready.empty()) return false;
  out = std::move(s.ready.front());
  s.ready.pop_front();
  return true;
}

double XlsxReader::Fraction() const {
  if (impl_->finished) return 1.0;
  if (impl_->sheet_size == 0) return 0.0;
  return std::min(1.0, static_cast<double>(impl_->sheet_read) / static_cast<double>(impl_->sheet_size));
}

Result<std::unique_ptr<RecordReader>> OpenReader(Format format, std::string_view data) {
  if (format == Format::kCsv) return std::unique_ptr<RecordReader>(std::make_unique<CsvReader>(data));
  SQM_ASSIGN(auto x, XlsxReader::Open(data));
  return std::unique_ptr<RecordReader>(std::move(x));
}

// ---- header ----------------------------------------------------------------------------------

std::optional<Header> Header::Read(const Record& record, std::vector<RowError>& errors) {
  Header h;
  const std::size_t before = errors.size();
  if (record.problem != RecordProblem::kNone) {
    errors.push_back(ProblemError(record, true));
    return std::nullopt;
  }
  for (const auto& cell : record.cells) {
    const auto text = Trim(cell.text);
    if (text.empty() || IsInformationalColumn(text)) {
      h.at_.push_back(std::nullopt);
      continue;
    }
    auto c = ParseColumn(text);
    if (!c) {
      errors.emplace_back(record.line, std::string(text),
                          Msg("import.unknown_column",
                              "unknown column; the columns are type, channel, priority, title, description, customer, "
                              "category, department, assignee, created_at, first_response_at, resolved_at, closed_at, "
                              "callback_at, callback_resolved, satisfaction, external_id, complaint_category (or their "
                              "Chinese names, see docs/import.md)"));
      h.at_.push_back(std::nullopt);
      continue;
    }
    auto& name = h.names_[static_cast<int>(*c)];
    if (!name.empty()) {
      errors.emplace_back(record.line, std::string(text),
                          Msg("import.column_twice", "the column {column} appears twice (also as '{name}')",
                              {{"column", ColumnName(*c)}, {"name", name}}));
    } else {
      name = std::string(text);
    }
    h.at_.push_back(c);
  }
  for (Column c : {Column::kType, Column::kChannel, Column::kTitle, Column::kCreatedAt}) {
    if (h.names_[static_cast<int>(c)].empty()) {
      errors.emplace_back(
          record.line, ColumnName(c),
          Msg("import.column_missing", "the header has no {column} ({column_zh}) column, which is required",
              {{"column", ColumnName(c)}, {"column_zh", ColumnNameZh(c)}}));
    }
  }
  if (errors.size() != before) return std::nullopt;
  return h;
}

const std::string& Header::NameOf(Column c) const {
  return names_[static_cast<int>(c)];
}

RowInput Header::Row(const Record& record, std::vector<RowError>& errors) const {
  RowInput row;
  row.line = record.line;
  bool extra = false;
  for (std::size_t i = 0; i < record.cells.size(); ++i) {
    const auto& cell = record.cells[i];
    if (i >= at_.size() || !at_[i]) {
      if (!Trim(cell.text).empty() && i >= at_.size()) extra = true;
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

// ---- directory -------------------------------------------------------------------------------

void Directory::Add(Customer c) {
  if (!c.phone.empty()) customers_by_phone_.emplace(std::string(Trim(c.phone)), c.id);
  customers_by_name_.emplace(std::string(Trim(c.name)), c.id);
  const Id id = c.id;
  customers_[id] = std::move(c);
}

void Directory::Add(Category c) {
  categories_by_name_.emplace(std::string(Trim(c.name)), c.id);
  const Id id = c.id;
  categories_[id] = std::move(c);
}

void Directory::Add(Department d) {
  const Id id = d.id;
  departments_[id] = std::move(d);
}

void Directory::Add(Staff s) {
  staff_by_username_[Lower(s.username)] = s.id;
  const Id id = s.id;
  staff_[id] = std::move(s);
}

const Directory::Staff* Directory::StaffById(Id id) const {
  auto it = staff_.find(id);
  return it == staff_.end() ? nullptr : &it->second;
}

const Directory::Department* Directory::DepartmentById(Id id) const {
  auto it = departments_.find(id);
  return it == departments_.end() ? nullptr : &it->second;
}

const Directory::Category* Directory::CategoryById(Id id) const {
  auto it = categories_.find(id);
  return it == categories_.end() ? nullptr : &it->second;
}

std::string Directory::CategoryPath(Id id) const {
  std::vector<const Category*> chain;
  for (const Category* c = CategoryById(id); c && chain.size() < 32;
       c = c->parent_id ? CategoryById(*c->parent_id) : nullptr) {
    chain.push_back(c);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) out += (out.empty() ? "" : "/") + (*it)->name;
  return out;
}

Result<Id> Directory::FindCustomer(const Field& f) const {
  const auto text = Trim(f.text);
  if (f.id_only) {
    auto id = ToInt(text);
    if (id && customers_.contains(*id)) return *id;
    return Error::Invalid(f.name,
                          Msg("import.no_customer_id", "no customer has the id '{value}'", {{"value", Shown(text)}}));
  }
  if (AllDigits(text)) {
    if (auto id = ToInt(text); id && customers_.contains(*id)) return *id;
  }
  for (const auto* index : {&customers_by_phone_, &customers_by_name_}) {
    const auto n = index->count(std::string(text));
    if (n == 1) return index->find(std::string(text))->second;
    if (n > 1) {
      return Error::Invalid(f.name,
                            Msg("import.customer_ambiguous", "'{value}' matches {n} customers; give the customer id",
                                {{"value", Shown(text)}, {"n", std::to_string(n)}}));
    }
  }
  return Error::Invalid(
      f.name, Msg("import.unknown_customer", "unknown customer '{value}' (give the customer id, phone or exact name)",
                  {{"value", Shown(text)}}));
}

Result<Id> Directory::FindCategory(const Field& f) const {
  const auto text = Trim(f.text);
  auto checked = [&](Id id) -> Result<Id> {
    const Category* c = CategoryById(id);
    if (!c->active) {
      return Error::Invalid(f.name, Msg("import.category_inactive", "the category '{value}' is no longer active",
                                        {{"value", Shown(text)}}));
    }
    return id;
  };
  if (f.id_only || AllDigits(text)) {
    if (auto id = ToInt(text); id && categories_.contains(*id)) return checked(*id);
    if (f.id_only) {
      return Error::Invalid(f.name,
                            Msg("import.no_category_id", "no category has the id '{value}'", {{"value", Shown(text)}}));
    }
  }
  std::vector<std::string_view> parts;
  std::string_view rest = text;
  for (;;) {
    std::size_t cut = std::string_view::npos, len = 0;
    for (std::string_view sep : {"/", ">", "\xEF\xBC\x8F"}) {  // '/', '>', '／'
      auto p = rest.find(sep);
      if (p < cut) {
        cut = p;
        len = sep.size();
      }
    }
    parts.push_back(Trim(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest = rest.substr(cut + len);
  }
  if (std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); })) {
    return Error::Invalid(f.name,
                          Msg("import.category_path_invalid", "'{value}' is not a category path like '网络与连接/VPN'",
                              {{"value", Shown(text)}}));
  }
  if (parts.size() == 1) {
    const auto n = categories_by_name_.count(std::string(parts[0]));
    if (n == 1) return checked(categories_by_name_.find(std::string(parts[0]))->second);
    if (n > 1) {
      return Error::Invalid(f.name, Msg("import.category_ambiguous",
                                        "'{value}' names {n} categories; give the path from the top, like "
                                        "'网络与连接/VPN'",
                                        {{"value", Shown(text)}, {"n", std::to_string(n)}}));
    }
    return Error::Invalid(f.name,
                          Msg("import.unknown_category", "unknown category '{value}'", {{"value", Shown(text)}}));
  }
  std::optional<Id> parent;
  for (std::size_t level = 0; level < parts.size(); ++level) {
    std::optional<Id> found;
    auto [lo, hi] = categories_by_name_.equal_range(std::string(parts[level]));
    for (auto it = lo; it != hi; ++it) {
      if (CategoryById(it->second)->parent_id == parent) {
        found = it->second;
        break;
      }
    }
    if (!found) {
      if (level == 0) {
        return Error::Invalid(
            f.name, Msg("import.unknown_category_top", "unknown category '{value}': no '{part}' at the top level",
                        {{"value", Shown(text)}, {"part", Shown(parts[level])}}));
      }
      return Error::Invalid(
          f.name, Msg("import.unknown_category_under", "unknown category '{value}': no '{part}' under '{parent}'",
                      {{"value", Shown(text)}, {"part", Shown(parts[level])}, {"parent", Shown(parts[level - 1])}}));
    }
    parent = found;
  }
  return checked(*parent);
}

Result<Id> Directory::FindDepartment(const Field& f) const {
  const auto text = Trim(f.text);
  auto checked = [&](const Department& d) -> Result<Id> {
    if (!d.active) {
      return Error::Invalid(f.name, Msg("import.department_inactive", "the department '{value}' is no longer active",
                                        {{"value", Shown(text)}}));
    }
    return d.id;
  };
  if (!f.id_only) {
    const std::string lower = Lower(text);
    for (const auto& [id, d] : departments_) {
      if (!d.code.empty() && Lower(d.code) == lower) return checked(d);
    }
    const Department* by_name = nullptr;
    int n = 0;
    for (const auto& [id, d] : departments_) {
      if (Trim(d.name) == text) {
        by_name = &d;
        ++n;
      }
    }
    if (n == 1) return checked(*by_name);
    if (n > 1) {
      return Error::Invalid(
          f.name, Msg("import.department_ambiguous", "'{value}' names {n} departments; give the department code",
                      {{"value", Shown(text)}, {"n", std::to_string(n)}}));
    }
  }
  if (auto id = AllDigits(text) ? ToInt(text) : std::nullopt) {
    if (auto it = departments_.find(*id); it != departments_.end()) return checked(it->second);
  }
  return Error::Invalid(f.name, Msg("import.unknown_department", "unknown department '{value}' (give its code or name)",
                                    {{"value", Shown(text)}}));
}

Result<Id> Directory::FindStaff(const Field& f) const {
  const auto text = Trim(f.text);
  const Staff* s = nullptr;
  if (!f.id_only) {
    if (auto it = staff_by_username_.find(Lower(text)); it != staff_by_username_.end()) s = StaffById(it->second);
  }
  if (!s && (f.id_only || AllDigits(text))) {
    if (auto id = ToInt(text)) s = StaffById(*id);
  }
  if (!s) {
    return Error::Invalid(f.name, Msg("import.unknown_staff", "unknown staff member '{value}' (give the username)",
                                      {{"value", Shown(text)}}));
  }
  if (!s->active) {
    return Error::Invalid(f.name, Msg("import.staff_inactive", "the staff member '{value}' is no longer active",
                                      {{"value", Shown(text)}}));
  }
  return s->id;
}

// ---- validation ------------------------------------------------------------------------------

Validator::Validator(const Directory& directory, ValidateOptions options)
    : dir_(directory), options_(std::move(options)) {}

std::optional<ImportTicket> Validator::Check(const RowInput& row, std::vector<RowError>& errors) {
  const std::size_t before = errors.size();
  auto name = [&](Column c) -> std::string {
    const Field* f = row.Get(c);
    return f && !f->name.empty() ? f->name : ColumnName(c);
  };
  auto fail = [&](Column c, Message reason) { errors.emplace_back(row.line, name(c), std::move(reason)); };
  auto fail_with = [&](Column c, const Error& e) { errors.push_back(RowError::Of(row.line, name(c), e)); };
  const Message required = Msg("import.required", "is required");
  // The trimmed text of a column; nullopt when absent or empty.
  auto text = [&](Column c) -> std::optional<std::string_view> {
    const Field* f = row.Get(c);
    if (!f) return std::nullopt;
    auto t = Trim(f->text);
    if (t.empty()) return std::nullopt;
    // An export protects text starting with = + - @ from spreadsheet formulas with a leading '.
    if ((c == Column::kTitle || c == Column::kDescription || c == Column::kExternalId) && t.size() > 1 &&
        t[0] == '\'' && std::string_view("=+-@").find(t[1]) != std::string_view::npos) {
      t.remove_prefix(1);
    }
    return t;
  };
  auto field = [&](Column c) {  // the field with its text trimmed
    Field f = *row.Get(c);
    f.text = std::string(Trim(f.text));
    f.name = name(c);
    return f;
  };
  auto no_controls = [](std::string_view s, bool multiline) {
    return std::none_of(s.begin(), s.end(), [&](char ch) {
      const auto u = static_cast<unsigned char>(ch);
      return u < 0x20 && !(multiline && (ch == '\n' || ch == '\t' || ch == '\r'));
    });
  };

  ImportTicket t;
  t.line = row.line;
  auto& reg = t.draft.registration;

  if (auto s = text(Column::kType)) {
    if (auto v = ParseLabel<TicketType>(*s)) {
      reg.type = *v;
    } else {
      fail(Column::kType, Msg("import.unknown_type",
                              "unknown type '{value}'; use consultation, request, incident, complaint or suggestion "
                              "(咨询, 服务请求, 故障, 投诉, 建议)",
                              {{"value", Shown(*s)}}));
    }
  } else {
    fail(Column::kType, required);
  }
  if (auto s = text(Column::kChannel)) {
    if (auto v = ParseLabel<Channel>(*s)) {
      reg.channel = *v;
    } else {
      fail(Column::kChannel, Msg("import.unknown_channel",
                                 "unknown channel '{value}'; use phone, email, chat, portal, walk_in or api "
                                 "(电话, 邮件, 在线, 门户, 现场, 接口)",
                                 {{"value", Shown(*s)}}));
    }
  } else {
    fail(Column::kChannel, required);
  }
  bool priority_ok = true;
  if (auto s = text(Column::kPriority)) {
    if (auto v = ParsePriorityValue(*s)) {
      reg.priority = *v;
    } else {
      fail(Column::kPriority,
           Msg("import.unknown_priority", "unknown priority '{value}'; use P1, P2, P3 or P4", {{"value", Shown(*s)}}));
      priority_ok = false;
    }
  }
  if (auto s = text(Column::kTitle)) {
    if (json::CodePoints(*s) > kMaxTitle) {
      fail(Column::kTitle,
           Msg("import.too_long", "is longer than {max} characters", {{"max", std::to_string(kMaxTitle)}}));
    } else if (!no_controls(*s, true)) {
      fail(Column::kTitle, Msg("import.control_characters", "must not contain control characters"));
    } else {
      reg.title = std::string(*s);
    }
  } else {
    fail(Column::kTitle, required);
  }
  bool description_ok = true;
  if (auto s = text(Column::kDescription)) {
    if (json::CodePoints(*s) > kMaxDescription) {
      fail(Column::kDescription,
           Msg("import.too_long", "is longer than {max} characters", {{"max", std::to_string(kMaxDescription)}}));
      description_ok = false;
    } else if (!no_controls(*s, true)) {
      fail(Column::kDescription, Msg("import.control_characters", "must not contain control characters"));
      description_ok = false;
    } else {
      reg.description = std::string(*s);
    }
  }

  bool customer_ok = true, category_ok = true;
  if (text(Column::kCustomer)) {
    auto r = dir_.FindCustomer(field(Column::kCustomer));
    if (r.ok()) {
      reg.customer_id = *r;
    } else {
      fail_with(Column::kCustomer, r.error());
      customer_ok = false;
    }
  }
  if (text(Column::kCategory)) {
    auto r = dir_.FindCategory(field(Column::kCategory));
    if (r.ok()) {
      reg.category_id = *r;
    } else {
      fail_with(Column::kCategory, r.error());
      category_ok = false;
    }
  }
  bool department_ok = true;
  if (text(Column::kDepartment)) {
    auto r = dir_.FindDepartment(field(Column::kDepartment));
    if (r.ok()) {
      t.draft.department_id = *r;
    } else {
      fail_with(Column::kDepartment, r.error());
      department_ok = false;
    }
  }
  if (text(Column::kAssignee)) {
    auto r = dir_.FindStaff(field(Column::kAssignee));
    if (r.ok()) {
      t.draft.assignee_id = *r;
    } else {
      fail_with(Column::kAssignee, r.error());
    }
  }
  if (department_ok && !options_.scope.all) {
    const auto dept = t.draft.department_id ? t.draft.department_id : options_.caller_department;
    if (!options_.scope.Contains(dept)) {
      fail(Column::kDepartment,
           dept ? Msg("import.department_out_of_scope", "is outside the departments you may register tickets for")
                : Msg("import.department_required_no_own",
                      "is required: you have no department of your own to register tickets for"));
    }
  }

  // Times, in the order they must happen.
  struct Moment {
    Column column;
    std::optional<TimeMs>* into;
  };
  std::optional<TimeMs> created;
  const Moment moments[] = {{Column::kCreatedAt, &created},
                            {Column::kFirstResponseAt, &t.first_response_at},
                            {Column::kResolvedAt, &t.resolved_at},
                            {Column::kCallbackAt, &t.callback_at},
                            {Column::kClosedAt, &t.closed_at}};
  bool times_ok = true;
  for (const auto& m : moments) {
    auto s = text(m.column);
    if (!s) continue;
    const Field* f = row.Get(m.column);
    std::optional<TimeMs> v;
    if (f->number) {
      char* end = nullptr;
      const std::string raw(*s);
      const double serial = std::strtod(raw.c_str(), &end);
      if (end == raw.c_str() + raw.size() && std::isfinite(serial) && serial > 1 && serial < 2958466) {
        v = FromExcelSerial(serial);
      }
    } else {
      v = ParseTime(*s);
    }
    if (!v) {
      fail(m.column, Msg("import.not_a_date_time",
                         "is not a date-time: '{value}' (write 2026-01-05 09:30, taken as Beijing time, or "
                         "ISO-8601 with an offset such as 2026-01-05T09:30:00+08:00)",
                         {{"value", Shown(*s)}}));
      times_ok = false;
      continue;
    }
    if (*v > options_.now + kClockSkew) {
      fail(m.column, Msg("import.in_the_future", "is in the future ({time})", {{"time", FormatLocalTime(*v)}}));
      times_ok = false;
      continue;
    }
    *m.into = v;
  }
  if (!created && !text(Column::kCreatedAt)) {
    if (options_.default_created_at) {
      created = options_.default_created_at;
      t.live = true;
    } else {
      fail(Column::kCreatedAt, required);
      times_ok = false;
    }
  }
  if (times_ok) {
    const Moment* previous = nullptr;
    for (const auto& m : moments) {
      if (!*m.into) continue;
      if (previous && **m.into < **previous->into) {
        fail(m.column, Msg("import.time_before", "({time}) is before {other_column} ({other_time})",
                           {{"time", FormatLocalTime(**m.into)},
                            {"other_column", name(previous->column)},
                            {"other_time", FormatLocalTime(**previous->into)}}));
      }
      previous = &m;
    }
  }
  if (created) t.created_at = *created;

  // The lifecycle: resolved -> callback (回访) -> closed.
  if (auto s = text(Column::kCallbackResolved)) {
    if (auto v = ParseLabel<CallbackResolved>(*s)) {
      t.callback_resolved = v;
    } else {
      fail(Column::kCallbackResolved,
           Msg("import.unknown_callback_result",
               "unknown callback result '{value}'; use resolved, partly or not_resolved (解决, 部分解决, 未解决)",
               {{"value", Shown(*s)}}));
    }
  }
  if (auto s = text(Column::kSatisfaction)) {
    if (auto v = ParseLabel<Satisfaction>(*s)) {
      t.satisfaction = v;
    } else {
      fail(Column::kSatisfaction, Msg("import.unknown_satisfaction",
                                      "unknown satisfaction '{value}'; use satisfied, basically_satisfied, "
                                      "dissatisfied or not_rated (满意, 基本满意, 不满意, 未评价)",
                                      {{"value", Shown(*s)}}));
    }
  }
  const bool has_resolved = text(Column::kResolvedAt).has_value();
  const bool has_callback = text(Column::kCallbackAt).has_value();
  if (has_callback && !has_resolved) {
    fail(Column::kCallbackAt,
         Msg("import.callback_needs_resolved", "needs resolved_at: a callback follows the resolution"));
  }
  if (has_callback && !text(Column::kCallbackResolved)) {
    fail(Column::kCallbackResolved, Msg("import.callback_result_required",
                                        "is required when callback_at is given (resolved, partly or not_resolved)"));
  }
  const Message needs_callback = Msg("import.needs_callback", "needs callback_at");
  if (!has_callback && text(Column::kCallbackResolved)) fail(Column::kCallbackResolved, needs_callback);
  if (!has_callback && text(Column::kSatisfaction)) fail(Column::kSatisfaction, needs_callback);
  if (text(Column::kClosedAt)) {
    if (!has_callback) {
      fail(Column::kClosedAt, Msg("import.close_needs_callback",
                                  "needs resolved_at and callback_at: a ticket is closed after its callback (回访)"));
    } else if (t.callback_resolved == CallbackResolved::kNotResolved) {
      fail(Column::kClosedAt, Msg("import.close_after_not_resolved",
                                  "cannot be set when the callback result is not_resolved (that reopens the ticket)"));
    }
  }

  if (auto s = text(Column::kExternalId)) {
    if (json::CodePoints(*s) > kMaxExternalId) {
      fail(Column::kExternalId,
           Msg("import.too_long", "is longer than {max} characters", {{"max", std::to_string(kMaxExternalId)}}));
    } else if (auto [it, fresh] = external_ids_.emplace(std::string(*s), row.line); !fresh) {
      fail(Column::kExternalId, Msg("import.external_id_repeated", "'{value}' is also on line {line}",
                                    {{"value", Shown(*s)}, {"line", std::to_string(it->second)}}));
    } else if (auto number = options_.imported_as ? options_.imported_as(std::string(*s)) : std::nullopt) {
      fail(Column::kExternalId, Msg("import.external_id_imported", "'{value}' was already imported as {number}",
                                    {{"value", Shown(*s)}, {"number", *number}}));
    } else {
      t.external_id = std::string(*s);
    }
  }

  const Message only_for_complaints = Msg("import.only_for_complaints", "is only for complaints");
  if (auto s = text(Column::kComplaintCategory)) {
    auto v = ParseLabel<ComplaintCategory>(*s);
    if (!v) {
      fail(Column::kComplaintCategory,
           Msg("import.unknown_complaint_category",
               "unknown complaint category '{value}'; use attitude, efficiency, professionalism, outcome, "
               "facilities or other (服务态度, 处理效率, 专业能力, 处理结果, 设施环境, 其他)",
               {{"value", Shown(*s)}}));
    } else if (reg.type != TicketType::kComplaint) {
      fail(Column::kComplaintCategory, only_for_complaints);
    } else {
      t.draft.complaint = ComplaintDraft{.category = *v};
    }
  }
  if (row.complaint) {
    if (reg.type != TicketType::kComplaint) {
      errors.emplace_back(row.line, "complaint", only_for_complaints);
    } else {
      t.draft.complaint = row.complaint;
    }
  }
  if (reg.type == TicketType::kComplaint && !t.draft.complaint) t.draft.complaint = ComplaintDraft{};

  // What a registration of this type needs (a customer, a category, a description).
  if (customer_ok && category_ok && description_ok && priority_ok) {
    if (auto st = CheckRegistration(reg); !st.ok()) {
      const auto& f = st.error().field;
      const Column c = f == "customer_id"   ? Column::kCustomer
                       : f == "category_id" ? Column::kCategory
                       : f == "priority"    ? Column::kPriority
                                            : Column::kDescription;
      fail_with(c, st.error());
    }
  }
  if (errors.size() != before) return std::nullopt;
  return t;
}

}  // namespace sqm::desk::import
