// The CSV and XLSX readers: records, line numbers, problems, progress.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "base/temp_file.h"
#include "desk/import/csv_reader.h"
#include "desk/import/times.h"
#include "desk/import/xlsx_reader.h"

namespace sqm::desk::import {
namespace {

// The business time zone of these tests.
calendar::Zone Shanghai() {
  return calendar::Zone::Named("Asia/Shanghai").value();
}

std::vector<Record> ReadAll(RecordReader& reader) {
  std::vector<Record> out;
  Record r;
  for (;;) {
    auto more = reader.Next(r);
    EXPECT_TRUE(more.ok()) << more.error().message;
    if (!more.ok() || !*more) break;
    out.push_back(r);
  }
  return out;
}

// The same bytes as a file without a name (an upload the server streamed to disk).
TempFile FileOf(std::string_view bytes) {
  auto file = TempFile::Create(TempFile::SystemFolder());
  EXPECT_TRUE(file.ok());
  EXPECT_TRUE(file->Append(bytes));
  return std::move(*file);
}

void ExpectSameRecords(const std::vector<Record>& a, const std::vector<Record>& b, std::size_t chunk) {
  ASSERT_EQ(a.size(), b.size()) << "chunk " << chunk;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].line, b[i].line) << "chunk " << chunk << ", record " << i;
    EXPECT_EQ(a[i].problem, b[i].problem) << "chunk " << chunk << ", record " << i;
    EXPECT_EQ(a[i].problem_cell, b[i].problem_cell) << "chunk " << chunk << ", record " << i;
    ASSERT_EQ(a[i].cells.size(), b[i].cells.size()) << "chunk " << chunk << ", record " << i;
    for (std::size_t c = 0; c < a[i].cells.size(); ++c) {
      EXPECT_EQ(a[i].cells[c].text, b[i].cells[c].text) << "chunk " << chunk << ", record " << i << ", cell " << c;
    }
  }
}

// Reads `text` from memory and, as every test here should agree, from a file in chunks of a few
// sizes (so that every record, field, quote and line break also falls across a chunk's end).
std::vector<Record> Csv(std::string_view text) {
  CsvReader reader(text);
  auto records = ReadAll(reader);
  const TempFile file = FileOf(text);
  for (std::size_t chunk : {1, 2, 3, 7, 64 << 10}) {
    CsvReader streamed(Input::File(file.fd()), chunk);
    ExpectSameRecords(records, ReadAll(streamed), chunk);
    EXPECT_EQ(streamed.Fraction(), 1.0);
  }
  return records;
}

std::vector<std::string> Texts(const Record& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) out.push_back(c.text);
  return out;
}

using Strings = std::vector<std::string>;

TEST(CsvReader, SplitsFieldsAndRecordsWithLineNumbers) {
  auto rows = Csv("a,b,c\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Texts(rows[0]), (Strings{"a", "b", "c"}));
  EXPECT_EQ(Texts(rows[1]), (Strings{"1", "2", "3"}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndNewlines) {
  auto rows = Csv("title,description\n\"VPN, office\",\"He said \"\"no\"\"\nsecond line\"\nnext,x\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Texts(rows[1]), (Strings{"VPN, office", "He said \"no\"\nsecond line"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 4) << "the record after an embedded newline starts on its physical line";
  EXPECT_EQ(rows[1].problem, RecordProblem::kNone);
}

TEST(CsvReader, AcceptsCrlfLoneCrAndAByteOrderMark) {
  auto rows = Csv("\xEF\xBB\xBFtype,title\r\nincident,\"a\r\nb\"\r\nrequest,c\rconsultation,d");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(Texts(rows[0]), (Strings{"type", "title"})) << "the BOM is not part of the first header";
  EXPECT_EQ(Texts(rows[1]), (Strings{"incident", "a\nb"})) << "CRLF inside quotes becomes LF";
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(Texts(rows[3]), (Strings{"consultation", "d"}));
  EXPECT_EQ(rows[3].line, 5);
}

TEST(CsvReader, EmptyFieldsAndTrailingCommas) {
  auto rows = Csv(",,\n\"\",x,\na,");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Texts(rows[0]), (Strings{"", "", ""}));
  EXPECT_EQ(Texts(rows[1]), (Strings{"", "x", ""}));
  EXPECT_EQ(Texts(rows[2]), (Strings{"a", ""}));
  EXPECT_TRUE(rows[0].Blank());
}

TEST(CsvReader, BlankLinesAreRecordsThatCallersSkip) {
  auto rows = Csv("a\n\nb\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[1].Blank());
  EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReader, StrayQuotesAreAProblemOfTheirRecordOnly) {
  auto rows = Csv("a,b\nx\"y,z\n\"p\"q,r\nok,fine\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].problem, RecordProblem::kQuoteInUnquotedField);
  EXPECT_EQ(rows[2].problem, RecordProblem::kTextAfterQuote);
  EXPECT_EQ(Texts(rows[2]), (Strings{"pq", "r"}));
  EXPECT_EQ(rows[3].problem, RecordProblem::kNone);
  const RowError row = ProblemError(rows[2]);
  EXPECT_EQ(row.line, 3);
  EXPECT_NE(row.reason.find("the row has text after a closing quote"), std::string::npos) << row.reason;
  EXPECT_EQ(row.key, "import.row_text_after_quote");
  EXPECT_EQ(ProblemError(rows[1], true).key, "import.header_quote_in_unquoted_field");
}

TEST(CsvReader, InvalidUtf8IsReportedOnItsLine) {
  // "投诉" in GBK, as a spreadsheet saved in the legacy Chinese encoding would write it.
  auto rows = Csv("type,title\n\xCD\xB6\xCB\xDF,x\nrequest,y\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].problem, RecordProblem::kInvalidUtf8);
  EXPECT_NE(ProblemError(rows[1]).reason.find("UTF-8"), std::string::npos);
  EXPECT_EQ(rows[2].problem, RecordProblem::kNone);
}

TEST(CsvReader, AFieldOverTheLimitIsAProblemOfItsCellAndIsNotKept) {
  const std::string most(kMaxCellChars, 'y');
  std::string over(kMaxCellChars - 1, 'x');
  over += "长";  // the limit counts characters, not bytes
  over += "z";
  const std::string quoted =
      "\"" + std::string(kMaxCellChars / 2, 'q') + "\"\"" + std::string(kMaxCellChars, 'q') + "\"";
  auto rows = Csv("a,b,c\n" + most + ",1\nok," + over + ",2\n3," + quoted + "\nfine,x\n");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1].problem, RecordProblem::kNone) << "exactly the limit is fine";
  EXPECT_EQ(rows[1].cells[0].text, most);
  EXPECT_EQ(rows[2].problem, RecordProblem::kCellTooLong);
  EXPECT_EQ(rows[2].problem_cell, 1);
  EXPECT_EQ(Texts(rows[2]), (Strings{"ok", "", "2"})) << "the long field is not kept";
  EXPECT_EQ(rows[3].problem, RecordProblem::kCellTooLong) << "a quoted field";
  EXPECT_EQ(rows[3].problem_cell, 1);
  EXPECT_TRUE(rows[3].cells[1].text.empty());
  EXPECT_EQ(rows[4].problem, RecordProblem::kNone);
  const RowError e = ProblemError(rows[2], false, "title");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, "title");
  EXPECT_EQ(e.key, "import.row_cell_too_long");
  EXPECT_EQ(e.args, (MessageArgs{{"position", "2"}}));
  EXPECT_LT(e.reason.size(), 200u);
}

TEST(CsvReader, KeepsAtMostAThousandCellsAndAMebibyteOfARow) {
  std::string wide;
  for (std::size_t i = 0; i < kMaxCells + 10; ++i) wide += "c,";
  wide += "end\n";
  std::string heavy;
  for (int i = 0; i < 40; ++i) heavy += std::string(30'000, 'h') + ",";
  heavy += "end\n";
  auto rows = Csv(wide + heavy + "ok\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].problem, RecordProblem::kTooManyCells);
  EXPECT_EQ(rows[0].cells.size(), kMaxCells);
  EXPECT_EQ(rows[1].problem, RecordProblem::kRowTooLong);
  std::size_t kept = 0;
  for (const auto& c : rows[1].cells) kept += c.text.size();
  EXPECT_LE(kept, kMaxRecordBytes);
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(ProblemError(rows[0], true).key, "import.header_too_many_cells");
  EXPECT_EQ(ProblemError(rows[1]).key, "import.row_too_long");
}

TEST(CsvReader, AnUnterminatedQuoteEndsTheFileNamingWhereItOpened) {
  CsvReader reader("a,b\nok,1\n\"never closed,2\nmore\n");
  Record r;
  ASSERT_TRUE(*reader.Next(r));
  ASSERT_TRUE(*reader.Next(r));
  auto bad = reader.Next(r);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 3"), std::string::npos) << bad.error().message;
  EXPECT_EQ(bad.error().key, "import.unclosed_quote");
  EXPECT_EQ(bad.error().args, (MessageArgs{{"line", "3"}}));
}

TEST(CsvReader, AFileIsReadInChunksNeverWhole) {
  // 8 MiB of rows read through a 4 KiB window: the reader's memory is the window and one record.
  std::string text = "type,title\n";
  int rows = 0;
  for (; text.size() < (8u << 20); ++rows) text += "incident,\"a title, with a comma\"\r\n";
  const TempFile file = FileOf(text);
  CsvReader reader(Input::File(file.fd()), 4096);
  Record r;
  int records = 0;
  double fraction = 0;
  while (*reader.Next(r)) {
    ASSERT_EQ(r.cells.size(), 2u);
    ++records;
    EXPECT_GE(reader.Fraction(), fraction);
    fraction = reader.Fraction();
  }
  EXPECT_EQ(records, 1 + rows);
  EXPECT_EQ(r.line, records + 1);
  EXPECT_EQ(fraction, 1.0);
  // An unterminated quote in a file names its line as in memory.
  const TempFile open_quote = FileOf("a,b\n1,\"two\n3,4\n");
  CsvReader bad(Input::File(open_quote.fd()), 2);
  ASSERT_TRUE(*bad.Next(r));
  auto end = bad.Next(r);
  ASSERT_FALSE(end.ok());
  EXPECT_EQ(bad.ErrorLine(), 2);
}

TEST(CsvReader, ReportsProgress) {
  CsvReader reader("a\nb\n");
  EXPECT_EQ(reader.Fraction(), 0.0);
  Record r;
  ASSERT_TRUE(*reader.Next(r));
  EXPECT_GT(reader.Fraction(), 0.0);
  ASSERT_TRUE(*reader.Next(r));
  EXPECT_EQ(reader.Fraction(), 1.0);
}

// ---- XLSX ----

class XlsxFile {
 public:
  explicit XlsxFile(bool constant_memory) {
    path_ = std::filesystem::temp_directory_path() /
            ("sqm_import_" + std::to_string(::getpid()) + (constant_memory ? "_cm" : "") + ".xlsx");
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    sheet_ = workbook_add_worksheet(workbook_, "工单");
    date_ = workbook_add_format(workbook_);
    format_set_num_format(date_, "yyyy-mm-dd hh:mm:ss");
  }
  ~XlsxFile() { std::filesystem::remove(path_); }

  lxw_worksheet* sheet() { return sheet_; }
  lxw_format* date() { return date_; }

  std::string Close() {
    EXPECT_EQ(workbook_close(workbook_), LXW_NO_ERROR);
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::filesystem::path path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* date_ = nullptr;
};

void WriteSample(XlsxFile& f) {
  auto* s = f.sheet();
  worksheet_write_string(s, 0, 0, "类型", nullptr);
  worksheet_write_string(s, 0, 1, "标题", nullptr);
  worksheet_write_string(s, 0, 2, "客户", nullptr);
  worksheet_write_string(s, 0, 3, "创建时间", nullptr);
  worksheet_write_string(s, 1, 0, "故障", nullptr);
  worksheet_write_string(s, 1, 1, "VPN 无法连接, \"急\"\n第二行", nullptr);
  worksheet_write_number(s, 1, 2, 13900000001.0, nullptr);
  // 2026-01-05 09:30:00 Beijing time.
  worksheet_write_number(s, 1, 3, ToExcelSerial(ParseIsoTime("2026-01-05T09:30:00+08:00").value(), Shanghai()),
                         f.date());
  // Row 3 left empty; row 4 has a gap in column B.
  worksheet_write_string(s, 3, 0, "咨询", nullptr);
  worksheet_write_string(s, 3, 2, "张三", nullptr);
}

void CheckSample(const std::string& bytes) {
  auto reader = XlsxReader::Open(bytes);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Texts(rows[0]), (Strings{"类型", "标题", "客户", "创建时间"}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].cells[1].text, "VPN 无法连接, \"急\"\n第二行");
  EXPECT_EQ(rows[1].cells[2].text, "13900000001") << "an integral number reads as digits";
  EXPECT_TRUE(rows[1].cells[2].number);
  EXPECT_TRUE(rows[1].cells[3].number);
  EXPECT_EQ(FromExcelSerial(std::stod(rows[1].cells[3].text), Shanghai()),
            ParseIsoTime("2026-01-05T09:30:00+08:00").value());
  EXPECT_EQ(rows[2].line, 4) << "an XLSX row keeps its row number";
  EXPECT_EQ(Texts(rows[2]), (Strings{"咨询", "", "张三"}));
  EXPECT_EQ((*reader)->Fraction(), 1.0);
}

TEST(XlsxReader, ReadsAWorkbookWrittenByLibxlsxwriterWithSharedStrings) {
  XlsxFile f(false);
  WriteSample(f);
  CheckSample(f.Close());
}

TEST(XlsxReader, ReadsAWorkbookFromAFileWithoutAName) {
  XlsxFile f(false);
  WriteSample(f);
  const TempFile file = FileOf(f.Close());
  auto reader = XlsxReader::Open(Input::File(file.fd()));
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Texts(rows[0]), (Strings{"类型", "标题", "客户", "创建时间"}));
  EXPECT_EQ(rows[1].cells[1].text, "VPN 无法连接, \"急\"\n第二行");
  const TempFile not_zip = FileOf("type,title\nincident,x\n");
  auto refused = XlsxReader::Open(Input::File(not_zip.fd()));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("not an XLSX"), std::string::npos);
}

TEST(XlsxReader, ReadsInlineStringsOfAConstantMemoryWorkbook) {
  XlsxFile f(true);
  WriteSample(f);
  CheckSample(f.Close());
}

// A zip archive of `parts` (name, content), made in memory.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, body] : parts) {
    const zip_int64_t i =
        zip_file_add(z, name.c_str(), zip_source_buffer(z, body.data(), body.size(), 0), ZIP_FL_OVERWRITE);
    if (body.size() > (1u << 20)) zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  zip_stat_t st;
  zip_stat_init(&st);
  zip_source_stat(src, &st);
  std::string out(st.size, '\0');
  zip_source_open(src);
  EXPECT_EQ(zip_source_read(src, out.data(), st.size), static_cast<zip_int64_t>(st.size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

TEST(XlsxReader, RefusesACellOverExcelsLimitAndKeepsNoMoreOfIt) {
  const std::string huge(kMaxCellChars + 1, 'x'), most(kMaxCellChars, 'y');
  auto bytes = Zip({{"xl/workbook.xml", R"(<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>)"},
                    {"xl/sharedStrings.xml",
                     "<sst><si><t>type</t></si><si><t>" + huge + "</t></si><si><t>" + most + "</t></si></sst>"},
                    {"xl/worksheets/sheet1.xml",
                     R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
                     R"(<row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row>)"
                     R"(<row r="4"><c r="A4" t="inlineStr"><is><t>)" +
                         huge + "</t></is></c></row></sheetData></worksheet>"}});
  auto reader = XlsxReader::Open(bytes);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].problem, RecordProblem::kNone);
  EXPECT_EQ(Texts(rows[0]), (Strings{"type"}));
  EXPECT_EQ(rows[1].problem, RecordProblem::kCellTooLong) << "a shared string over the limit";
  EXPECT_EQ(rows[1].problem_cell, 0);
  for (const auto& c : rows[1].cells) EXPECT_TRUE(c.text.empty());
  EXPECT_EQ(rows[2].problem, RecordProblem::kNone) << "exactly the limit is fine";
  EXPECT_EQ(Texts(rows[2]), (Strings{most}));
  EXPECT_EQ(rows[3].problem, RecordProblem::kCellTooLong) << "an inline string over the limit";
  for (const auto& c : rows[3].cells) EXPECT_TRUE(c.text.empty());
  EXPECT_EQ(ProblemError(rows[1]).key, "import.row_cell_too_long");
  EXPECT_EQ(ProblemError(rows[3], true).key, "import.header_cell_too_long");
}

// The workbook of the tests below: one sheet, its relationships, and `shared` as its shared strings.
std::string Workbook(const std::string& shared, const std::string& sheet) {
  return Zip({{"xl/workbook.xml", R"(<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>)"},
              {"xl/sharedStrings.xml", shared},
              {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + sheet + "</sheetData></worksheet>"}});
}

TEST(XlsxReader, ACellOverTheLimitNamesItsPositionAndTheRowKeepsAtMostAMebibyte) {
  const std::string big(30'000, 'b');
  std::string heavy = R"(<row r="2">)";
  for (int i = 0; i < 40; ++i) heavy += R"(<c t="s"><v>1</v></c>)";  // 40 copies of a 30,000-character string
  heavy += "</row>";
  std::string wide = R"(<row r="3">)";
  for (std::size_t i = 0; i < kMaxCells + 5; ++i) wide += R"(<c t="inlineStr"><is><t>w</t></is></c>)";
  wide += "</row>";
  auto bytes = Workbook("<sst><si><t>type</t></si><si><t>" + big + "</t></si></sst>",
                        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>)" +
                            std::string(kMaxCellChars + 1, 'x') + "</t></is></c></row>" + heavy + wide +
                            R"(<row r="99999999999"><c t="s"><v>0</v></c></row><row><c t="s"><v>0</v></c></row>)");
  auto reader = XlsxReader::Open(bytes);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].problem, RecordProblem::kCellTooLong);
  EXPECT_EQ(rows[0].problem_cell, 2) << "column C";
  EXPECT_EQ(ProblemError(rows[0], true).args, (MessageArgs{{"position", "3"}}));
  EXPECT_EQ(rows[1].problem, RecordProblem::kRowTooLong);
  std::size_t kept = 0;
  for (const auto& c : rows[1].cells) kept += c.text.size();
  EXPECT_LE(kept, kMaxRecordBytes);
  EXPECT_EQ(rows[2].problem, RecordProblem::kTooManyCells);
  EXPECT_LE(rows[2].cells.size(), kMaxCells);
  EXPECT_EQ(rows[3].line, 4) << "a row number past Excel's last row reads as the next row";
  EXPECT_EQ(rows[4].line, 5);
}

// Found by fuzz_xlsx: rows of one cell in the last column (XFD) became 16,384 cells each, and all
// the rows of a 64 KiB chunk were held at once (a timeout, and 40 bytes of XML making 650 KB).
// Now such a cell is beyond kMaxCells, and the reader holds one row at a time.
TEST(XlsxReader, AFarCellDoesNotMakeARowHugeAndRowsAreReadOneByOne) {
  std::string rows;
  for (int i = 1; i <= 5000; ++i) rows += R"(<row><c r="XFD1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c></row>)";
  const std::string book = Workbook("<sst/>", rows);  // the input outlives the reader
  auto reader = XlsxReader::Open(book);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  Record r;
  int n = 0;
  while (*(*reader)->Next(r)) {
    ++n;
    EXPECT_EQ(r.problem, RecordProblem::kTooManyCells);
    EXPECT_EQ(r.cells.size(), 2u) << "only column B is kept";
  }
  EXPECT_EQ(n, 5000);
}

TEST(XlsxReader, SharedStringsOverTheBudgetRefuseTheFile) {
  // 2,100 strings of 32,000 characters: more than 64 MiB of text, each string within the limit.
  std::string sst = "<sst>";
  const std::string one = "<si><t>" + std::string(32'000, 's') + "</t></si>";
  for (int i = 0; i < 2'100; ++i) sst += one;
  sst += "</sst>";
  auto r = XlsxReader::Open(Workbook(sst, R"(<row r="1"><c t="s"><v>0</v></c></row>)"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "import.shared_strings_too_large");
  EXPECT_NE(r.error().message.find("64 MiB"), std::string::npos);
}

TEST(XlsxReader, ATagLongerThanEightMebibytesIsRefusedNotBuffered) {
  auto r = XlsxReader::Open(Workbook(R"(<sst><si><t a=")" + std::string(9 << 20, 'a') + R"(">x</t></si></sst>)",
                                     R"(<row r="1"><c t="s"><v>0</v></c></row>)"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "import.workbook_xml_token_too_long");
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  auto r = XlsxReader::Open("type,title\nincident,x\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not an XLSX"), std::string::npos);
  auto empty = XlsxReader::Open("");
  EXPECT_FALSE(empty.ok());
}

}  // namespace
}  // namespace sqm::desk::import
