// The pure half of ticket import: CSV and XLSX reading, headers, times and row validation.
#include "desk/import.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <xlsxwriter.h>

namespace sqm::desk::import {
namespace {

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

std::vector<Record> Csv(std::string_view text) {
  CsvReader reader(text);
  return ReadAll(reader);
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
  worksheet_write_number(s, 1, 3, ToExcelSerial(ParseIsoTime("2026-01-05T09:30:00+08:00").value()), f.date());
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
  EXPECT_EQ(FromExcelSerial(std::stod(rows[1].cells[3].text)), ParseIsoTime("2026-01-05T09:30:00+08:00").value());
  EXPECT_EQ(rows[2].line, 4) << "an XLSX row keeps its row number";
  EXPECT_EQ(Texts(rows[2]), (Strings{"咨询", "", "张三"}));
  EXPECT_EQ((*reader)->Fraction(), 1.0);
}

TEST(XlsxReader, ReadsAWorkbookWrittenByLibxlsxwriterWithSharedStrings) {
  XlsxFile f(false);
  WriteSample(f);
  CheckSample(f.Close());
}

TEST(XlsxReader, ReadsInlineStringsOfAConstantMemoryWorkbook) {
  XlsxFile f(true);
  WriteSample(f);
  CheckSample(f.Close());
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  auto r = XlsxReader::Open("type,title\nincident,x\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not an XLSX"), std::string::npos);
  auto empty = XlsxReader::Open("");
  EXPECT_FALSE(empty.ok());
}

// ---- columns, values, times ----

TEST(ImportColumns, EnglishChineseAndBilingualHeaders) {
  EXPECT_EQ(ParseColumn("created_at"), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn("Created At"), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn(" 创建时间 "), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn("创建时间 (created_at)"), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn("首次响应时间（first_response_at）"), Column::kFirstResponseAt);
  EXPECT_EQ(ParseColumn("类型/type"), Column::kType);
  EXPECT_EQ(ParseColumn("类型/channel"), std::nullopt) << "the two names disagree";
  EXPECT_EQ(ParseColumn("created"), std::nullopt);
  for (Column c : kColumns) {
    EXPECT_EQ(ParseColumn(ColumnName(c)), c);
    EXPECT_EQ(ParseColumn(ColumnNameZh(c)), c);
  }
  EXPECT_TRUE(IsInformationalColumn("Status"));
  EXPECT_TRUE(IsInformationalColumn("客户名称"));
}

TEST(ImportValues, BothLanguages) {
  EXPECT_EQ(ParseLabel<TicketType>("投诉"), TicketType::kComplaint);
  EXPECT_EQ(ParseLabel<TicketType>("Incident"), TicketType::kIncident);
  EXPECT_EQ(ParseLabel<Channel>("walk-in"), Channel::kWalkIn);
  EXPECT_EQ(ParseLabel<Channel>("现场"), Channel::kWalkIn);
  EXPECT_EQ(ParsePriorityValue("p2"), 2);
  EXPECT_EQ(ParsePriorityValue("4"), 4);
  EXPECT_EQ(ParsePriorityValue("P5"), std::nullopt);
  EXPECT_EQ(ParseLabel<CallbackResolved>("部分解决"), CallbackResolved::kPartly);
  EXPECT_EQ(ParseLabel<Satisfaction>("基本满意"), Satisfaction::kBasicallySatisfied);
  EXPECT_EQ(ParseLabel<ComplaintCategory>("服务态度"), ComplaintCategory::kAttitude);
  EXPECT_EQ(ParseLabel<TicketType>(NameZh(TicketType::kRequest)), TicketType::kRequest);
  EXPECT_EQ(ParseLabel<Channel>(NameZh(Channel::kChat)), Channel::kChat);
}

TEST(ImportTimes, LocalTimesAreBeijingTimeAndZonesAreHonoured) {
  const TimeMs t = ParseIsoTime("2026-01-05T01:30:00Z").value();
  EXPECT_EQ(ParseTime("2026-01-05 09:30"), t);
  EXPECT_EQ(ParseTime("2026-01-05 09:30:00"), t);
  EXPECT_EQ(ParseTime("2026/1/5 9:30"), t);
  EXPECT_EQ(ParseTime("2026-01-05T09:30:00+08:00"), t);
  EXPECT_EQ(ParseTime("2026-01-05T01:30:00Z"), t);
  EXPECT_EQ(ParseTime("2026-01-05 09:30:00.250"), t + 250);
  EXPECT_EQ(ParseTime("2026-01-05"), std::nullopt) << "a date alone has no time of day";
  EXPECT_EQ(ParseTime("2026-02-30 09:30"), std::nullopt);
  EXPECT_EQ(ParseTime("2026-01-05 25:00"), std::nullopt);
  EXPECT_EQ(ParseTime("yesterday"), std::nullopt);
  EXPECT_EQ(ParseTime("2026-01-05 09:30 +0100"), ParseIsoTime("2026-01-05T08:30:00Z"));
}

TEST(ImportTimes, ExcelSerialsAndLocalFormatRoundTrip) {
  const TimeMs t = ParseIsoTime("2026-03-01T23:59:59.123+08:00").value();
  EXPECT_EQ(FromExcelSerial(ToExcelSerial(t)), t);
  EXPECT_EQ(FormatLocalTime(t), "2026-03-01T23:59:59.123+08:00");
  EXPECT_EQ(FormatLocalTime(t - 123), "2026-03-01T23:59:59+08:00");
  EXPECT_EQ(ParseTime(FormatLocalTime(t)), t);
  EXPECT_DOUBLE_EQ(ToExcelSerial(ParseIsoTime("1970-01-01T00:00:00+08:00").value()), 25569.0);
}

// ---- validation ----

class ImportValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Add(Directory::Customer{1, "客户甲", "13900000001"});
    dir_.Add(Directory::Customer{2, "同名", "13900000002"});
    dir_.Add(Directory::Customer{3, "同名", "13900000003"});
    dir_.Add(Directory::Category{10, std::nullopt, "网络与连接", true});
    dir_.Add(Directory::Category{11, 10, "VPN", true});
    dir_.Add(Directory::Category{12, std::nullopt, "软件", true});
    dir_.Add(Directory::Category{13, 12, "VPN", true});
    dir_.Add(Directory::Category{14, 12, "旧系统", false});
    dir_.Add(Directory::Department{20, "客服部", "DESK", true});
    dir_.Add(Directory::Department{21, "技术支持部", "TECH", true});
    dir_.Add(Directory::Staff{30, "agent", "客服", 20, true});
    dir_.Add(Directory::Staff{31, "gone", "离职", 20, false});
    options_.now = ParseIsoTime("2026-02-01T00:00:00+08:00").value();
    options_.caller_department = 20;
  }

  // Validates a CSV text (header first); returns the tickets and fills errors_.
  std::vector<ImportTicket> Run(std::string_view csv) {
    errors_.clear();
    CsvReader reader(csv);
    Record r;
    std::optional<Header> header;
    Validator v(dir_, options_);
    std::vector<ImportTicket> out;
    while (*reader.Next(r)) {
      if (r.Blank()) continue;
      if (!header) {
        header = Header::Read(r, errors_);
        if (!header) break;
        continue;
      }
      if (r.problem != RecordProblem::kNone) {
        errors_.push_back(ProblemError(r));
        continue;
      }
      auto row = header->Row(r, errors_);
      if (auto t = v.Check(row, errors_)) out.push_back(std::move(*t));
    }
    return out;
  }

  std::string Errors() const {
    std::string s;
    for (const auto& e : errors_) s += std::to_string(e.line) + " " + e.column + ": " + e.reason + "\n";
    return s;
  }

  const RowError* Find(int line, const std::string& column) const {
    for (const auto& e : errors_) {
      if (e.line == line && e.column == column) return &e;
    }
    return nullptr;
  }

  bool HasError(int line, const std::string& column, const std::string& words) const {
    for (const auto& e : errors_) {
      if (e.line == line && e.column == column && e.reason.find(words) != std::string::npos) return true;
    }
    return false;
  }

  Directory dir_;
  ValidateOptions options_;
  std::vector<RowError> errors_;
};

constexpr const char* kHeader =
    "type,channel,priority,title,description,customer,category,department,assignee,created_at,first_response_at,"
    "resolved_at,callback_at,callback_resolved,satisfaction,closed_at,external_id\n";

TEST_F(ImportValidation, AGoodRowBecomesATicketWithResolvedReferences) {
  auto tickets = Run(std::string(kHeader) +
                     "故障,电话,P2,VPN 无法连接,出差期间报错,13900000001,网络与连接/VPN,TECH,agent,2026-01-05 09:30,"
                     "2026-01-05 09:40,2026-01-05 12:00,2026-01-06 10:00,解决,满意,2026-01-06 11:00,CC-1\n");
  ASSERT_EQ(tickets.size(), 1u) << Errors();
  const auto& t = tickets[0];
  EXPECT_EQ(t.line, 2);
  EXPECT_EQ(t.draft.registration.type, TicketType::kIncident);
  EXPECT_EQ(t.draft.registration.priority, 2);
  EXPECT_EQ(t.draft.registration.customer_id, 1);
  EXPECT_EQ(t.draft.registration.category_id, 11);
  EXPECT_EQ(t.draft.department_id, 21);
  EXPECT_EQ(t.draft.assignee_id, 30);
  EXPECT_EQ(t.created_at, ParseIsoTime("2026-01-05T09:30:00+08:00"));
  EXPECT_EQ(t.closed_at, ParseIsoTime("2026-01-06T11:00:00+08:00"));
  EXPECT_EQ(t.callback_resolved, CallbackResolved::kResolved);
  EXPECT_EQ(t.satisfaction, Satisfaction::kSatisfied);
  EXPECT_EQ(t.external_id, "CC-1");
}

TEST_F(ImportValidation, EveryProblemIsReportedWithItsLineAndColumn) {
  Run(std::string(kHeader) +
      "outage,fax,P9,,,,,,,,,,,,,,\n"                                                               // line 2
      "故障,电话,P3,x,\"多行\n描述\",无此人,网络与连接/不存在,NOPE,gone,2026-01-05 09:30,,,,,,,\n"  // 3-4
      "咨询,电话,P3,y,,同名,VPN,DESK,,2026-13-01 09:00,,,,,,,\n"                                    // 5
      "咨询,电话,P3,z,,,,,,2026-01-05 10:00,2026-01-05 09:00,,,,,,\n"                               // 6
      "咨询,电话,P3,w,,,,,,2026-03-01 10:00,,,,,,,\n");                                             // 7
  EXPECT_TRUE(HasError(2, "type", "unknown type 'outage'")) << Errors();
  EXPECT_TRUE(HasError(2, "channel", "unknown channel 'fax'"));
  EXPECT_TRUE(HasError(2, "priority", "P1, P2, P3 or P4"));
  EXPECT_TRUE(HasError(2, "title", "is required"));
  EXPECT_TRUE(HasError(2, "created_at", "is required"));
  EXPECT_TRUE(HasError(3, "customer", "unknown customer '无此人'"));
  EXPECT_TRUE(HasError(3, "category", "no '不存在' under '网络与连接'"));
  EXPECT_TRUE(HasError(3, "department", "unknown department 'NOPE'"));
  EXPECT_TRUE(HasError(3, "assignee", "no longer active"));
  EXPECT_TRUE(HasError(5, "customer", "matches 2 customers"));
  EXPECT_TRUE(HasError(5, "category", "names 2 categories"));
  EXPECT_TRUE(HasError(5, "created_at", "is not a date-time"));
  EXPECT_TRUE(HasError(6, "first_response_at", "is before created_at"));
  EXPECT_TRUE(HasError(7, "created_at", "is in the future"));
}

TEST_F(ImportValidation, ARejectedRowCarriesItsMessageKeyAndArgs) {
  const std::string long_name(70, 'x');
  Run(std::string(kHeader) +
      "outage,电话,P3,a,,无此人,,,,2026-01-05 10:00,2026-01-05 09:00,,,,,,\n"  // line 2
      "故障,电话,P3,b,描述,13900000001,,," +
      long_name + ",2026-01-05 09:30,,,,,,,\n");  // line 3
  const RowError* type = Find(2, "type");
  ASSERT_NE(type, nullptr) << Errors();
  EXPECT_EQ(type->key, "import.unknown_type");
  EXPECT_EQ(type->args, (MessageArgs{{"value", "outage"}}));
  EXPECT_TRUE(type->reason.starts_with("unknown type 'outage'; use consultation")) << type->reason;

  const RowError* customer = Find(2, "customer");  // from the Directory's Error
  ASSERT_NE(customer, nullptr) << Errors();
  EXPECT_EQ(customer->key, "import.unknown_customer");
  EXPECT_EQ(customer->args, (MessageArgs{{"value", "无此人"}}));

  const RowError* order = Find(2, "first_response_at");
  ASSERT_NE(order, nullptr) << Errors();
  EXPECT_EQ(order->key, "import.time_before");
  EXPECT_EQ(order->args, (MessageArgs{{"time", "2026-01-05T09:00:00+08:00"},
                                      {"other_column", "created_at"},
                                      {"other_time", "2026-01-05T10:00:00+08:00"}}));
  EXPECT_EQ(order->reason, "(2026-01-05T09:00:00+08:00) is before created_at (2026-01-05T10:00:00+08:00)");

  const RowError* assignee = Find(3, "assignee");
  ASSERT_NE(assignee, nullptr) << Errors();
  EXPECT_EQ(assignee->key, "import.unknown_staff");
  ASSERT_EQ(assignee->args.size(), 1u);
  EXPECT_EQ(assignee->args[0].second, std::string(60, 'x') + "…") << "long user text is cut in the args too";
  EXPECT_EQ(assignee->reason, "unknown staff member '" + std::string(60, 'x') + "…' (give the username)");

  const RowError* category = Find(3, "category");  // the desk rule: an incident needs a category
  ASSERT_NE(category, nullptr) << Errors();
  EXPECT_FALSE(category->key.empty()) << "the rule's key is carried across: " << category->reason;
  EXPECT_EQ(category->args, (MessageArgs{{"type", "incident"}}));
  for (const auto& e : errors_) {
    EXPECT_FALSE(e.key.empty()) << "no key: " << e.line << " " << e.column << ": " << e.reason;
  }
}

TEST_F(ImportValidation, TypeSpecificRequirementsComeFromTheDeskRules) {
  Run(std::string(kHeader) +
      "故障,电话,P3,a,描述,13900000001,,,,2026-01-05 09:30,,,,,,,\n"
      "投诉,电话,P3,b,,客户甲,,,,2026-01-05 09:30,,,,,,,\n"
      "服务请求,电话,P3,c,,,网络与连接/VPN,,,2026-01-05 09:30,,,,,,,\n");
  EXPECT_TRUE(HasError(2, "category", "is required for a incident")) << Errors();
  EXPECT_TRUE(HasError(3, "description", "is required for a complaint"));
  EXPECT_TRUE(HasError(4, "customer", "is required for a request"));
}

TEST_F(ImportValidation, TheLifecycleOrderIsChecked) {
  Run(std::string(kHeader) +
      "咨询,电话,P3,a,,,,,,2026-01-05 09:30,,,2026-01-05 10:00,解决,,,\n"                  // callback, no resolve
      "咨询,电话,P3,b,,,,,,2026-01-05 09:30,,2026-01-05 10:00,,,满意,2026-01-05 11:00,\n"  // close, no callback
      "咨询,电话,P3,c,,,,,,2026-01-05 09:30,,2026-01-05 10:00,2026-01-05 11:00,未解决,,2026-01-05 12:00,\n"
      "咨询,电话,P3,d,,,,,,2026-01-05 09:30,,2026-01-05 10:00,2026-01-05 11:00,,,,\n"
      "咨询,电话,P3,e,,,,,,2026-01-05 09:30,,2026-01-05 10:00,2026-01-05 09:50,解决,,,\n");
  EXPECT_TRUE(HasError(2, "callback_at", "needs resolved_at")) << Errors();
  EXPECT_TRUE(HasError(3, "closed_at", "after its callback"));
  EXPECT_TRUE(HasError(3, "satisfaction", "needs callback_at"));
  EXPECT_TRUE(HasError(4, "closed_at", "not_resolved"));
  EXPECT_TRUE(HasError(5, "callback_resolved", "is required when callback_at"));
  EXPECT_TRUE(HasError(6, "callback_at", "is before resolved_at"));
}

TEST_F(ImportValidation, HeaderProblemsAreReportedOnLineOne) {
  Run("type,title,when,title\nincident,x,y,z\n");
  EXPECT_TRUE(HasError(1, "when", "unknown column")) << Errors();
  EXPECT_TRUE(HasError(1, "title", "appears twice"));
  EXPECT_TRUE(HasError(1, "channel", "required"));
  EXPECT_TRUE(HasError(1, "created_at", "required"));
}

TEST_F(ImportValidation, ChineseHeadersNameTheColumnInErrors) {
  Run("类型,渠道,标题,创建时间,客户\n咨询,电话,问一下,2026-01-05 9:30,无此人\n");
  EXPECT_TRUE(HasError(2, "客户", "unknown customer")) << Errors();
}

TEST_F(ImportValidation, ExtraCellsAndRepeatedExternalIdsAreRefused) {
  Run("type,channel,title,created_at,external_id\n"
      "咨询,电话,a,2026-01-05 09:30,X1\n"
      "咨询,电话,b,2026-01-05 09:30,X1,surplus\n"
      "咨询,电话,c,2026-01-05 09:30,X1\n");
  EXPECT_TRUE(HasError(3, "", "the header only 5")) << Errors();
  EXPECT_TRUE(HasError(3, "external_id", "also on line 2"));
  EXPECT_TRUE(HasError(4, "external_id", "also on line 2"));
}

TEST_F(ImportValidation, ADepartmentOutsideTheCallersScopeIsRefused) {
  options_.scope = org::Scope{false, {20}};
  Run("type,channel,title,created_at,department\n"
      "咨询,电话,a,2026-01-05 09:30,TECH\n"
      "咨询,电话,b,2026-01-05 09:30,DESK\n"
      "咨询,电话,c,2026-01-05 09:30,\n");
  EXPECT_TRUE(HasError(2, "department", "outside the departments")) << Errors();
  EXPECT_EQ(errors_.size(), 1u) << Errors();
}

TEST_F(ImportValidation, ComplaintCategoryAndDefaults) {
  auto tickets =
      Run("type,channel,title,description,customer,created_at,complaint_category\n"
          "投诉,电话,态度差,客服挂断电话,1,2026-01-05 09:30,服务态度\n"
          "投诉,电话,没分类,描述,1,2026-01-05 09:30,\n"
          "咨询,电话,问,,,2026-01-05 09:30,服务态度\n");
  EXPECT_TRUE(HasError(4, "complaint_category", "only for complaints")) << Errors();
  ASSERT_EQ(tickets.size(), 2u);
  EXPECT_EQ(tickets[0].draft.complaint->category, ComplaintCategory::kAttitude);
  EXPECT_EQ(tickets[1].draft.complaint->category, ComplaintCategory::kOther);
  EXPECT_EQ(tickets[0].draft.registration.priority, 3) << "P3 when no priority is given";
}

TEST_F(ImportValidation, IdOnlyFieldsNeverMatchNamesOrPhones) {
  Validator v(dir_, options_);
  RowInput row;
  row.line = 1;
  row.fields[static_cast<int>(Column::kType)] = Field{"consultation", false, false, "type"};
  row.fields[static_cast<int>(Column::kChannel)] = Field{"api", false, false, "channel"};
  row.fields[static_cast<int>(Column::kTitle)] = Field{"x", false, false, "title"};
  row.fields[static_cast<int>(Column::kCreatedAt)] = Field{"2026-01-05 09:30", false, false, "created_at"};
  row.fields[static_cast<int>(Column::kCustomer)] = Field{"13900000001", false, true, "customer_id"};
  std::vector<RowError> errors;
  EXPECT_FALSE(v.Check(row, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, "customer_id");
  row.fields[static_cast<int>(Column::kCustomer)] = Field{"1", false, true, "customer_id"};
  errors.clear();
  EXPECT_TRUE(v.Check(row, errors));
}

TEST_F(ImportValidation, DefaultCreatedAtForTheBulkApi) {
  options_.default_created_at = options_.now;
  Validator v(dir_, options_);
  RowInput row;
  row.line = 7;
  row.fields[static_cast<int>(Column::kType)] = Field{"consultation", false, false, "type"};
  row.fields[static_cast<int>(Column::kChannel)] = Field{"api", false, false, "channel"};
  row.fields[static_cast<int>(Column::kTitle)] = Field{"x", false, false, "title"};
  std::vector<RowError> errors;
  auto t = v.Check(row, errors);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->created_at, options_.now);
}

TEST(ImportDirectory, CategoryPathsAndDepartmentCodes) {
  Directory d;
  d.Add(Directory::Category{1, std::nullopt, "网络与连接", true});
  d.Add(Directory::Category{2, 1, "VPN", true});
  d.Add(Directory::Department{5, "客服部", "DESK", true});
  EXPECT_EQ(d.CategoryPath(2), "网络与连接/VPN");
  EXPECT_EQ(*d.FindCategory(Field{"网络与连接 / VPN", false, false, "category"}), 2);
  EXPECT_EQ(*d.FindCategory(Field{"VPN", false, false, "category"}), 2);
  EXPECT_EQ(*d.FindCategory(Field{"2", false, false, "category"}), 2);
  EXPECT_EQ(*d.FindDepartment(Field{"desk", false, false, "department"}), 5);
  EXPECT_EQ(*d.FindDepartment(Field{"客服部", false, false, "department"}), 5);
  EXPECT_EQ(*d.FindDepartment(Field{"5", false, false, "department"}), 5);
  EXPECT_FALSE(d.FindCategory(Field{"网络与连接//VPN", false, false, "category"}).ok());
}

}  // namespace
}  // namespace sqm::desk::import
