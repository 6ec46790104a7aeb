#include "desk/import/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include "base/json.h"
#include "base/text.h"
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

// Decompressed XML a part may have: the workbook and its relationships are small; the shared
// strings and the worksheet are streamed, so these bound time, not memory.
constexpr zip_uint64_t kMaxSmallPartBytes = 16ULL << 20;
constexpr zip_uint64_t kMaxSharedStringsXml = 512ULL << 20;
constexpr zip_uint64_t kMaxSheetBytes = 1ULL << 30;
// The longest XML token (a tag with its attributes, a comment) read: expat keeps a token whole
// until it ends, so a longer one is refused rather than buffered. Text between tags is not a
// token: expat hands it over in pieces.
constexpr zip_uint64_t kMaxXmlToken = 8ULL << 20;

// One part of the archive, decompressed in chunks and parsed by expat as it comes: nothing holds
// the part whole. `what` names the part in messages ("the workbook part …" or "the worksheet").
class PartStream {
 public:
  PartStream() = default;
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;
  ~PartStream() {
    if (parser_) XML_ParserFree(parser_);
    if (file_) zip_fclose(file_);
  }

  // false when the archive has no part `name`.
  Result<bool> Open(zip_t* zip, const std::string& name, bool worksheet, zip_uint64_t max_bytes, void* state,
                    XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler chars) {
    name_ = Bounded(name, 100);
    worksheet_ = worksheet;
    max_bytes_ = max_bytes;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name.c_str(), 0, &st) != 0) return false;
    size_ = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    if (size_ > max_bytes_) return TooLarge();
    file_ = zip_fopen(zip, name.c_str(), 0);
    if (!file_) {
      return Error::Invalid("", worksheet_ ? Msg("import.worksheet_unreadable", "the worksheet cannot be read")
                                           : Msg("import.workbook_part_unreadable",
                                                 "the workbook part {part} cannot be read", {{"part", name_}}));
    }
    parser_ = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser_, state);
    XML_SetElementHandler(parser_, start, end);
    if (chars) XML_SetCharacterDataHandler(parser_, chars);
    return true;
  }

  // Decompresses and parses the next chunk (the last one ends the document).
  // Decompresses and parses the next chunk (the last one ends the document); or, when a handler
  // paused the parser (Pause), goes on from where it stopped.
  Status Feed() {
    XML_Status parsed;
    bool last = last_;
    if (paused_) {
      paused_ = false;
      parsed = XML_ResumeParser(parser_);
    } else {
      char buf[1 << 16];
      const zip_int64_t n = zip_fread(file_, buf, sizeof buf);
      if (n < 0) {
        return Error::Invalid(
            "", worksheet_
                    ? Msg("import.worksheet_damaged", "the worksheet is damaged (cannot decompress it)")
                    : Msg("import.workbook_part_damaged", "the workbook part {part} is damaged", {{"part", name_}}));
      }
      read_ += static_cast<zip_uint64_t>(n);
      if (read_ > max_bytes_) return TooLarge();  // the size in the archive's directory may lie
      last = last_ = n == 0;
      parsed = XML_Parse(parser_, buf, static_cast<int>(n), last ? XML_TRUE : XML_FALSE);  // copies what it keeps
    }
    if (parsed == XML_STATUS_ERROR) {
      const std::string line = std::to_string(XML_GetCurrentLineNumber(parser_));
      const std::string detail = XML_ErrorString(XML_GetErrorCode(parser_));
      return Error::Invalid("", worksheet_ ? Msg("import.worksheet_xml_malformed",
                                                 "the worksheet is not well-formed XML (line {line}: {detail})",
                                                 {{"line", line}, {"detail", detail}})
                                           : Msg("import.workbook_xml_malformed",
                                                 "the workbook's {part} is not well-formed XML (line {line}: {detail})",
                                                 {{"part", name_}, {"line", line}, {"detail", detail}}));
    }
    if (parsed == XML_STATUS_SUSPENDED) {
      paused_ = true;
      return {};
    }
    // Where expat stopped: the start of a token it keeps until the token ends.
    const XML_Index at = XML_GetCurrentByteIndex(parser_);
    if (!last && at >= 0 && read_ - static_cast<zip_uint64_t>(at) > kMaxXmlToken) {
      return Error::Invalid(
          "", Msg("import.workbook_xml_token_too_long",
                  "the workbook part {part} has an XML tag or comment of more than 8 MiB", {{"part", name_}}));
    }
    done_ = last;
    return {};
  }

  // From a handler: stop parsing after this event; the next Feed() goes on from there. The
  // worksheet pauses after each row, so the rows of a chunk are not all held at once.
  void Pause() { XML_StopParser(parser_, XML_TRUE); }

  // The whole part, with `check` after each chunk (a handler's verdict: stop with its error).
  Status ParseAll(const std::function<Status()>& check = {}) {
    while (!done_) {
      SQM_TRY(Feed());
      if (check) SQM_TRY(check());
    }
    return {};
  }

  bool done() const { return done_; }
  zip_uint64_t size() const { return size_; }
  zip_uint64_t read() const { return read_; }

 private:
  Error TooLarge() const {
    return Error::Invalid(
        "", Msg("import.workbook_part_too_large", "the workbook part {part} is too large", {{"part", name_}}));
  }

  std::string name_;
  bool worksheet_ = false;
  zip_uint64_t max_bytes_ = 0, size_ = 0, read_ = 0;
  zip_file_t* file_ = nullptr;
  XML_Parser parser_ = nullptr;
  bool done_ = false, paused_ = false, last_ = false;
};

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
  struct Archive {
    zip_t* zip = nullptr;
    ~Archive() {
      if (zip) zip_discard(zip);
    }
  };

  Archive archive;
  PartStream sheet;  // declared after the archive: closed before it
  std::vector<std::string> shared;
  std::vector<std::size_t> too_long;  // indexes of shared strings over kMaxCellChars, ascending
  std::deque<Record> ready;

  // Parser state for the sheet.
  int last_row = 0;
  int row = 0;
  std::vector<std::pair<int, Cell>> row_cells;
  Record problems;            // the problem of the row being read (and its cell)
  std::size_t row_bytes = 0;  // text kept in row_cells
  int col = -1, next_col = 0;
  std::string cell_type;
  std::string value, inline_text;
  std::size_t cell_chars = 0;  // of value and inline_text
  bool in_v = false, in_is = false, in_t = false;
  int in_rph = 0;

  void FinishCell() {
    if (col < 0) return;
    if (static_cast<std::size_t>(col) >= kMaxCells) {
      problems.Flag(RecordProblem::kTooManyCells, -1);
      return;
    }
    Cell c;
    if (cell_chars > kMaxCellChars) {
      problems.Flag(RecordProblem::kCellTooLong, col);
      return;
    }
    if (cell_type == "s") {
      auto idx = ToInt(TrimSpace(value));
      if (!idx || *idx < 0 || *idx >= static_cast<std::int64_t>(shared.size())) {
        problems.Flag(RecordProblem::kMissingSharedString, col);
      } else if (std::binary_search(too_long.begin(), too_long.end(), static_cast<std::size_t>(*idx))) {
        problems.Flag(RecordProblem::kCellTooLong, col);
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
    if (c.text.empty()) return;
    row_bytes += c.text.size();
    if (row_bytes > kMaxRecordBytes) {  // keep no more of the row: it is refused
      problems.Flag(RecordProblem::kRowTooLong, -1);
      return;
    }
    row_cells.emplace_back(col, std::move(c));
  }

  void FinishRow() {
    Record r;
    r.line = row;
    int width = 0;
    for (const auto& [i, c] : row_cells) width = std::max(width, i + 1);
    r.cells.resize(static_cast<std::size_t>(width));
    for (auto& [i, c] : row_cells) r.cells[static_cast<std::size_t>(i)] = std::move(c);
    r.problem = problems.problem;
    r.problem_cell = problems.problem_cell;
    row_cells.clear();
    problems = Record{};
    row_bytes = 0;
    ready.push_back(std::move(r));
  }

  static void OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<Impl*>(self);
    const auto n = LocalName(name);
    if (n == "row") {
      constexpr std::int64_t kMaxRows = 1'048'576;  // Excel's
      const XML_Char* r = Attr(attrs, "r");
      auto num = r ? ToInt(r) : std::nullopt;
      s.row = num && *num > 0 && *num <= kMaxRows ? static_cast<int>(*num)
                                                  : static_cast<int>(std::min<std::int64_t>(s.last_row + 1, kMaxRows));
      s.last_row = s.row;
      s.next_col = 0;
      s.row_cells.clear();
      s.problems = Record{};
      s.row_bytes = 0;
    } else if (n == "c") {
      const XML_Char* r = Attr(attrs, "r");
      s.col = r ? ColumnOfRef(r) : s.next_col;
      s.next_col = s.col < 0 ? s.next_col : std::min(s.col, static_cast<int>(kMaxCells)) + 1;
      const XML_Char* t = Attr(attrs, "t");
      s.cell_type = t ? Bounded(t, 16) : "n";
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
      s.sheet.Pause();
    }
  }

  static void OnText(void* self, const XML_Char* text, int len) {
    auto& s = *static_cast<Impl*>(self);
    if (!s.in_v && !s.in_t) return;
    s.cell_chars += CodePoints(text, len);
    if (s.cell_chars > kMaxCellChars) {  // keep no more of it: the row is refused
      s.value.clear();
      s.value.shrink_to_fit();
      s.inline_text.clear();
      s.inline_text.shrink_to_fit();
      return;
    }
    if (s.in_v) s.value.append(text, static_cast<std::size_t>(len));
    if (s.in_t) s.inline_text.append(text, static_cast<std::size_t>(len));
  }
};

namespace {

// The shared strings table, read as it streams: a string over kMaxCellChars is kept empty and
// noted; the table's whole size (text and a string's own overhead) is held to
// kMaxSharedStringsBytes.
struct SharedStrings {
  std::vector<std::string>* out;
  std::vector<std::size_t>* too_long;
  std::string current;
  std::size_t chars = 0, bytes = 0;
  bool in_si = false, in_t = false, over_budget = false;
  int in_rph = 0;

  static void OnStart(void* self, const XML_Char* name, const XML_Char**) {
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
  }

  static void OnEnd(void* self, const XML_Char* name) {
    auto& s = *static_cast<SharedStrings*>(self);
    const auto n = LocalName(name);
    if (n == "si") {
      s.in_si = false;
      if (s.over_budget) return;
      if (s.chars > kMaxCellChars) s.too_long->push_back(s.out->size());
      s.bytes += sizeof(std::string) + s.current.size();
      if (s.bytes > kMaxSharedStringsBytes) {
        s.over_budget = true;
        return;
      }
      s.out->push_back(DecodeOoxmlEscapes(std::move(s.current)));
      s.current = std::string();
    } else if (n == "rPh") {
      --s.in_rph;
    } else if (n == "t") {
      s.in_t = false;
    }
  }

  static void OnText(void* self, const XML_Char* text, int len) {
    auto& s = *static_cast<SharedStrings*>(self);
    if (!s.in_t || s.over_budget) return;
    s.chars += CodePoints(text, len);
    if (s.chars > kMaxCellChars) {
      s.current.clear();  // keep no more of it: a cell that uses it is refused
      s.current.shrink_to_fit();
    } else {
      s.current.append(text, static_cast<std::size_t>(len));
    }
  }
};

struct Workbook {
  std::string first_sheet_rid;

  static void OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto& w = *static_cast<Workbook*>(self);
    if (LocalName(name) != "sheet" || !w.first_sheet_rid.empty()) return;
    for (int i = 0; attrs[i]; i += 2) {
      std::string_view a(attrs[i]);
      if (a.size() > 3 && a.ends_with(":id")) w.first_sheet_rid = Bounded(attrs[i + 1], 100);
    }
  }
};

// The workbook's relationships: only the two targets the reader needs are kept.
struct Rels {
  std::string sheet_rid;
  std::optional<std::string> sheet, shared_strings;

  static void OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto& r = *static_cast<Rels*>(self);
    if (LocalName(name) != "Relationship") return;
    const XML_Char* id = Attr(attrs, "Id");
    const XML_Char* target = Attr(attrs, "Target");
    const XML_Char* type = Attr(attrs, "Type");
    if (!id || !target || std::strlen(target) > 1000) return;
    if (!r.sheet && id == r.sheet_rid) r.sheet = target;
    if (!r.shared_strings && type && std::string_view(type).ends_with("/sharedStrings")) r.shared_strings = target;
  }
};

void NoEnd(void*, const XML_Char*) {}

}  // namespace

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxReader::~XlsxReader() = default;

Result<std::unique_ptr<XlsxReader>> XlsxReader::Open(Input input) {
  auto impl = std::make_unique<Impl>();
  zip_error_t zerr;
  zip_error_init(&zerr);
  // A file is opened again through /proc (a descriptor of its own, so libzip's seeks move nobody
  // else's position; this also works for a file without a name) and read where libzip needs it.
  zip_source_t* src = input.fd >= 0
                          ? zip_source_file_create(fmt::format("/proc/self/fd/{}", input.fd).c_str(), 0, -1, &zerr)
                          : zip_source_buffer_create(input.bytes.data(), input.bytes.size(), 0, &zerr);
  if (!src) {
    zip_error_fini(&zerr);
    return Error::Invalid("", Msg("import.xlsx_unreadable", "the file cannot be read as an XLSX workbook"));
  }
  impl->archive.zip = zip_open_from_source(src, ZIP_RDONLY, &zerr);
  zip_error_fini(&zerr);
  if (!impl->archive.zip) {
    zip_source_free(src);
    return Error::Invalid("",
                          Msg("import.xlsx_not_zip",
                              "the file is not an XLSX workbook (it is not a zip archive); save it as .xlsx or CSV"));
  }

  // The first sheet, through the workbook and its relationships.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  std::string shared_path = "xl/sharedStrings.xml";
  Workbook wb;
  {
    PartStream part;
    SQM_ASSIGN(const bool found, part.Open(impl->archive.zip, "xl/workbook.xml", false, kMaxSmallPartBytes, &wb,
                                           &Workbook::OnStart, &NoEnd, nullptr));
    if (!found) {
      return Error::Invalid(
          "", Msg("import.xlsx_no_workbook", "the file is not an XLSX workbook (it has no xl/workbook.xml)"));
    }
    SQM_TRY(part.ParseAll());
  }
  {
    Rels rels{wb.first_sheet_rid, std::nullopt, std::nullopt};
    PartStream part;
    SQM_ASSIGN(const bool found, part.Open(impl->archive.zip, "xl/_rels/workbook.xml.rels", false, kMaxSmallPartBytes,
                                           &rels, &Rels::OnStart, &NoEnd, nullptr));
    if (found) {
      SQM_TRY(part.ParseAll());
      if (rels.sheet) sheet_path = ResolveTarget(*rels.sheet);
      if (rels.shared_strings) shared_path = ResolveTarget(*rels.shared_strings);
    }
  }
  {
    SharedStrings ss{&impl->shared, &impl->too_long};
    PartStream part;
    SQM_ASSIGN(const bool found, part.Open(impl->archive.zip, shared_path, false, kMaxSharedStringsXml, &ss,
                                           &SharedStrings::OnStart, &SharedStrings::OnEnd, &SharedStrings::OnText));
    if (found) {
      SQM_TRY(part.ParseAll([&]() -> Status {
        if (!ss.over_budget) return {};
        return Error::Invalid("", Msg("import.shared_strings_too_large",
                                      "the workbook's shared strings hold more than 64 MiB of text; split the "
                                      "workbook into smaller files, or save it as CSV"));
      }));
    }
  }

  SQM_ASSIGN(const bool found, impl->sheet.Open(impl->archive.zip, sheet_path, true, kMaxSheetBytes, impl.get(),
                                                &Impl::OnStart, &Impl::OnEnd, &Impl::OnText));
  if (!found) return Error::Invalid("", Msg("import.xlsx_no_worksheet", "the workbook has no worksheet"));
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

Result<bool> XlsxReader::Next(Record& out) {
  auto& s = *impl_;
  while (s.ready.empty() && !s.sheet.done()) SQM_TRY(s.sheet.Feed());
  if (s.ready.empty()) return false;
  out = std::move(s.ready.front());
  s.ready.pop_front();
  return true;
}

double XlsxReader::Fraction() const {
  if (impl_->sheet.done()) return 1.0;
  if (impl_->sheet.size() == 0) return 0.0;
  return std::min(1.0, static_cast<double>(impl_->sheet.read()) / static_cast<double>(impl_->sheet.size()));
}

}  // namespace sqm::desk::import
