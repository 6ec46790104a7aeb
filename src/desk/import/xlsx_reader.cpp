#include "desk/import/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include "base/json.h"
#include "desk/import/text.h"

namespace sqm::desk::import {

namespace {

// UTF-8 code points in text expat hands over (a sequence may span two calls: its bytes after
// the first count nothing, so the sum is exact).
std::size_t CodePoints(const XML_Char* text, int len) {
  std::size_t n = 0;
  for (int i = 0; i < len; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

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
  std::vector<std::size_t> too_long;  // indexes of shared strings over kMaxCellChars, ascending
  std::deque<Record> ready;

  // Parser state for the sheet.
  int last_row = 0;
  int row = 0;
  std::vector<std::pair<int, Cell>> row_cells;
  RecordProblem row_problem = RecordProblem::kNone;
  int col = -1, next_col = 0;
  std::string cell_type;
  std::string value, inline_text;
  std::size_t cell_chars = 0;  // of value and inline_text
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
      auto idx = ToInt(TrimSpace(value));
      if (!idx || *idx < 0 || *idx >= static_cast<std::int64_t>(shared.size())) {
        if (row_problem == RecordProblem::kNone) row_problem = RecordProblem::kMissingSharedString;
      } else if (std::binary_search(too_long.begin(), too_long.end(), static_cast<std::size_t>(*idx))) {
        if (row_problem == RecordProblem::kNone) row_problem = RecordProblem::kCellTooLong;
      } else {
        c.text = shared[static_cast<std::size_t>(*idx)];
      }
    } else if (cell_type == "inlineStr") {
      c.text = DecodeOoxmlEscapes(inline_text);
    } else if (cell_type == "str" || cell_type == "e" || cell_type == "d") {
      c.text = DecodeOoxmlEscapes(value);
    } else if (cell_type == "b") {
      c.text = TrimSpace(value) == "1" ? "TRUE" : "FALSE";
    } else if (!TrimSpace(value).empty()) {
      c.text = NumberText(std::string(TrimSpace(value)));
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
      s.cell_chars = 0;
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
    if (!s.in_v && !s.in_t) return;
    s.cell_chars += CodePoints(text, len);
    if (s.cell_chars > kMaxCellChars) {  // keep no more of it: the row is refused
      if (s.row_problem == RecordProblem::kNone) s.row_problem = RecordProblem::kCellTooLong;
      s.value.clear();
      s.inline_text.clear();
      return;
    }
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
  std::vector<std::size_t>* too_long;
  std::string current;
  std::size_t chars = 0;
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
    SharedStrings ss{&impl->shared, &impl->too_long};
    SQM_TRY(ParseXml(
        *shared_xml, ss,
        [](void* self, const XML_Char* name, const XML_Char**) {
          auto& s = *static_cast<SharedStrings*>(self);
          const auto n = LocalName(name);
          if (n == "si") {
            s.in_si = true;
            s.current.clear();
            s.chars = 0;
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
            if (s.chars > kMaxCellChars) s.too_long->push_back(s.out->size());
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
          if (!s.in_t) return;
          s.chars += CodePoints(text, len);
          if (s.chars > kMaxCellChars) {
            s.current.clear();  // keep no more of it: a cell that uses it is refused
          } else {
            s.current.append(text, static_cast<std::size_t>(len));
          }
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

}  // namespace sqm::desk::import
