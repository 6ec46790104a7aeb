// Reading an external agency's file (feedback/agency.h) with the desk importer's readers: every
// bad row reported with its line, column and reason; dates in the business time zone.
#include "feedback/agency.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/temp_file.h"
#include "desk/import/times.h"

namespace sqm::feedback {
namespace {

using desk::import::Format;

constexpr TimeMs kNow = 1'780'000'000'000;  // 2026-05-28

calendar::Zone Beijing() {
  return calendar::Zone::Named("Asia/Shanghai").value();
}

TEST(AgencyFile, ReadsChineseHeadersTicketsAndDepartments) {
  const std::string csv =
      "\xEF\xBB\xBF测评机构,调查日期,工单编号,部门,满意度评分,满意度,推荐度,意见\r\n"
      "某调查公司,2026-03-01,T000042,,5,满意,9,态度很好\r\n"
      "\r\n"
      "某调查公司,2026/3/2 10:30,,DESK,,基本满意,,\r\n";
  const auto f = ReadAgencyFile(Format::kCsv, csv, Beijing(), kNow);
  ASSERT_EQ(f.error_count, 0) << f.errors.at(0).reason;
  ASSERT_EQ(f.rows.size(), 2u);
  EXPECT_EQ(f.rows[0].line, 2);
  EXPECT_EQ(f.rows[0].agency, "某调查公司");
  EXPECT_EQ(f.rows[0].surveyed_at, 1'772'294'400'000);  // 2026-03-01 00:00 +08:00
  EXPECT_EQ(f.rows[0].ticket_id, 42);
  EXPECT_EQ(f.rows[0].csat, 5);
  EXPECT_EQ(f.rows[0].satisfaction, "satisfied");
  EXPECT_EQ(f.rows[0].nps, 9);
  EXPECT_EQ(f.rows[0].body, "态度很好");
  EXPECT_EQ(f.rows[1].line, 4);  // the blank line keeps its number
  EXPECT_EQ(f.rows[1].department_code, "DESK");
  EXPECT_EQ(f.rows[1].satisfaction, "basically_satisfied");
  EXPECT_FALSE(f.rows[1].csat);
}

TEST(AgencyFile, EveryBadRowWithItsLineColumnAndReason) {
  const std::string csv =
      "agency,surveyed_on (调查日期),ticket,department,csat,satisfaction,nps,comment\n"
      "A,2026-03-01,T000001,,6,,11,\n"     // 2: csat and nps out of range
      ",2026-13-01,X1,,,meh,,\n"           // 3: agency missing, bad date, bad ticket, bad category
      "A,2026-03-01,T000001,DESK,5,,,\n"   // 4: both keys
      "A,2026-03-01,,,5,,,\n"              // 5: no key
      "A,2099-01-01,T000001,,5,,,\n"       // 6: the future
      "A,2026-03-01,T000001,,,,,\n"        // 7: no answer
      "A,2026-03-01,T000001,,5,,,fine\n";  // 8: good
  const auto f = ReadAgencyFile(Format::kCsv, csv, Beijing(), kNow);
  std::vector<std::tuple<int, std::string, std::string>> got;
  for (const auto& e : f.errors) got.emplace_back(e.line, e.column, e.key);
  EXPECT_EQ(got, (std::vector<std::tuple<int, std::string, std::string>>{
                     {2, "csat", "agency.bad_score"},
                     {2, "nps", "agency.bad_score"},
                     {3, "agency", "agency.required"},
                     {3, "surveyed_on (调查日期)", "agency.bad_date"},
                     {3, "ticket", "agency.bad_ticket_number"},
                     {3, "satisfaction", "agency.bad_satisfaction"},
                     {4, "department", "agency.ticket_or_department"},
                     {5, "ticket", "agency.ticket_or_department_missing"},
                     {6, "surveyed_on (调查日期)", "agency.future_date"},
                     {7, "", "agency.no_answer"},
                 }));
  EXPECT_EQ(f.error_count, 10);
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(f.rows[0].line, 8);
}

TEST(AgencyFile, HeaderProblemsRowCapAndTheReadersLimits) {
  auto f = ReadAgencyFile(Format::kCsv, "agency,when,csat\nA,2026-03-01,5\n", Beijing(), kNow);
  std::vector<std::string> keys;
  for (const auto& e : f.errors) keys.push_back(e.key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"agency.unknown_column", "agency.column_missing", "agency.key_column_missing"}));

  std::string many = "agency,surveyed_on,department,csat\n";
  for (int i = 0; i < 4; ++i) many += "A,2026-03-01,DESK,5\n";
  f = ReadAgencyFile(Format::kCsv, many, Beijing(), kNow, {.max_rows = 3});
  ASSERT_EQ(f.error_count, 1);
  EXPECT_EQ(f.errors[0].line, 0);
  EXPECT_EQ(f.errors[0].key, "import.too_many_rows");
  EXPECT_TRUE(f.rows.empty());

  // A cell over Excel's limit: the reader's own error, on its line, never quoted.
  f = ReadAgencyFile(Format::kCsv,
                     "agency,surveyed_on,department,comment\nA,2026-03-01,DESK," + std::string(40'000, 'x') + "\n",
                     Beijing(), kNow);
  ASSERT_EQ(f.error_count, 1);
  EXPECT_EQ(f.errors[0].line, 2);
  EXPECT_EQ(f.errors[0].column, "comment");
  EXPECT_EQ(f.errors[0].key, "import.row_cell_too_long");
  EXPECT_EQ(f.errors[0].reason.find("xxxx"), std::string::npos);

  f = ReadAgencyFile(Format::kCsv, "agency,surveyed_on,department\n", Beijing(), kNow);
  ASSERT_EQ(f.error_count, 1);
  EXPECT_EQ(f.errors[0].key, "agency.no_rows");
}

// A workbook: an Excel date cell and number cells; a bad score is reported on its sheet row.
TEST(AgencyFile, ReadsAnXlsxWorkbookWithDateAndNumberCells) {
  auto file = std::filesystem::temp_directory_path() / ("sqm_agency_" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(file.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  const char* header[] = {"测评机构", "调查日期", "部门", "满意度评分", "推荐度"};
  for (int i = 0; i < 5; ++i) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), header[i], nullptr);
  const TimeMs day = 1'772'294'400'000;  // 2026-03-01 00:00 +08:00
  for (lxw_row_t row : {1, 2}) {
    worksheet_write_string(ws, row, 0, "某调查公司", nullptr);
    worksheet_write_number(ws, row, 1, desk::import::ToExcelSerial(day, Beijing()), date);
    worksheet_write_string(ws, row, 2, "DESK", nullptr);
    worksheet_write_number(ws, row, 3, row == 1 ? 4 : 6, nullptr);
    worksheet_write_number(ws, row, 4, 9, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(file);

  const auto f = ReadAgencyFile(Format::kXlsx, ss.str(), Beijing(), kNow);
  ASSERT_EQ(f.error_count, 1);
  EXPECT_EQ(f.errors[0].line, 3);
  EXPECT_EQ(f.errors[0].column, "满意度评分");
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(f.rows[0].surveyed_at, day);
  EXPECT_EQ(f.rows[0].csat, 4);
  EXPECT_EQ(f.rows[0].nps, 9);

  // The same workbook from a temporary file (an upload the server streamed to disk), each good
  // row handed on as it is read instead of kept.
  auto upload = TempFile::Create(TempFile::SystemFolder());
  ASSERT_TRUE(upload.ok());
  ASSERT_TRUE(upload->Append(ss.str()));
  std::vector<int> lines;
  const auto g =
      ReadAgencyFile(Format::kXlsx, desk::import::Input::File(upload->fd()), Beijing(), kNow, {}, [&](AgencyRow& row) {
        lines.push_back(row.line);
        return true;
      });
  ASSERT_EQ(g.error_count, 1);
  EXPECT_EQ(g.errors[0].line, 3);
  EXPECT_TRUE(g.rows.empty());
  EXPECT_EQ(g.good_rows, 1);
  EXPECT_EQ(lines, std::vector<int>{2});
}

TEST(AgencyFile, TheTemplateReadsBackInBothLanguages) {
  for (bool zh : {true, false}) {
    const auto f = ReadAgencyFile(Format::kCsv, AgencyTemplateCsv(zh), Beijing(), kNow);
    EXPECT_EQ(f.error_count, 0) << (f.errors.empty() ? "" : f.errors[0].reason);
    EXPECT_EQ(f.rows.size(), 2u);
    // A sink that says stop ends the reading there.
    int handed = 0;
    const auto g = ReadAgencyFile(Format::kCsv, AgencyTemplateCsv(zh), Beijing(), kNow, {}, [&](AgencyRow&) {
      ++handed;
      return false;
    });
    EXPECT_EQ(handed, 1);
    EXPECT_EQ(g.good_rows, 1);
    EXPECT_TRUE(g.rows.empty());
  }
}

}  // namespace
}  // namespace sqm::feedback
