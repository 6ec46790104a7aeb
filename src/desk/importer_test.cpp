// Imports against real storage, the real desk and SLA services and a manual clock: all or
// nothing, SLA results as if the tickets had been worked live, jobs with progress, the bulk API
// with Idempotency-Key, exports that import again, and the HTTP mapping.
#include "desk/importer.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "base/json.h"
#include "base/text.h"
#include "desk/export.h"
#include "desk/import/times.h"
#include "desk/import/xlsx_reader.h"
#include "desk/import_routes.h"
#include "desk/json.h"
#include "desk/test_fixture.h"

namespace sqm::desk {
namespace {

using org::Principal;

class ImportTest : public DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    importer_ =
        std::make_unique<Importer>(*db_, *desk_, *sla_, clock_, zone_, ImporterOptions{.run_jobs_inline = true});
    exporter_ = std::make_unique<Exporter>(*db_, clock_, zone_);
    clock_.Set(Shanghai(7, 10));  // a week later: the imported history is in the past
  }

  void TearDown() override {
    exporter_.reset();
    importer_.reset();
    DeskFixture::TearDown();
  }

  static std::string Errors(const std::vector<import::RowError>& errors) {
    std::string s;
    for (const auto& e : errors) s += std::to_string(e.line) + " " + e.column + ": " + e.reason + "\n";
    return s;
  }

  ImportOutcome ImportCsv(const std::string& csv, const Principal* who = nullptr) {
    return importer_->Import(who ? *who : quality_, import::Format::kCsv, csv, "test.csv");
  }

  std::unique_ptr<Importer> importer_;
  std::unique_ptr<Exporter> exporter_;
};

constexpr const char* kHeader =
    "type,channel,priority,title,description,customer,category,department,assignee,created_at,first_response_at,"
    "resolved_at,callback_at,callback_resolved,satisfaction,closed_at,external_id\n";

TEST_F(ImportTest, SlaIsComputedAsIfTheTicketsHadBeenWorkedLive) {
  // Monday 10:00; the first response is due at 11:00 (60 business minutes).
  auto out = ImportCsv(std::string(kHeader) +
                       "故障,电话,P3,按时响应,描述,13900000001,网络与连接/VPN,TECH,engineer,2026-11-23 10:00,"
                       "2026-11-23 10:30,2026-11-23 15:00,2026-11-24 09:00,解决,满意,2026-11-24 09:30,CC-1\n"
                       "故障,电话,P3,超时响应,描述,客户甲,VPN,TECH,engineer,2026-11-23 10:00,"
                       "2026-11-23 12:00,2026-11-23 16:00,2026-11-24 09:00,部分解决,基本满意,2026-11-24 10:00,CC-2\n");
  ASSERT_TRUE(out.ok()) << Errors(out.errors);
  EXPECT_EQ(out.created_tickets, 2);
  ASSERT_TRUE(out.first_ticket_id && out.last_ticket_id);
  const Id met = *out.first_ticket_id, late = *out.last_ticket_id;

  auto first = TimerOf(met, sla::TimerKind::kFirstResponse);
  EXPECT_EQ(first.state, sla::TimerState::kMet);
  EXPECT_EQ(first.due_at, Shanghai(0, 11));
  EXPECT_EQ(first.stopped_at, Shanghai(0, 10, 30));
  auto breached = TimerOf(late, sla::TimerKind::kFirstResponse);
  EXPECT_EQ(breached.state, sla::TimerState::kBreached);
  EXPECT_EQ(breached.stopped_at, Shanghai(0, 12));
  EXPECT_EQ(TimerOf(met, sla::TimerKind::kResolution).state, sla::TimerState::kMet);
  EXPECT_EQ(TimerOf(met, sla::TimerKind::kCallback).state, sla::TimerState::kMet);

  auto view = desk_->Get(quality_, met).value();
  EXPECT_EQ(view.ticket.status, TicketStatus::kClosed);
  EXPECT_EQ(view.ticket.created_at, Shanghai(0, 10));
  EXPECT_EQ(view.ticket.first_response_at, Shanghai(0, 10, 30));
  EXPECT_EQ(view.ticket.resolved_at, Shanghai(0, 15));
  EXPECT_EQ(view.ticket.closed_at, Shanghai(1, 9, 30));
  EXPECT_EQ(view.ticket.assignee_id, engineer_.staff_id);
  EXPECT_EQ(view.ticket.department_id, tech_dept_);
  ASSERT_EQ(view.callbacks.size(), 1u);
  EXPECT_EQ(view.callbacks[0].done_at, Shanghai(1, 9));
  EXPECT_EQ(view.callbacks[0].satisfaction, Satisfaction::kSatisfied);

  // The events carry the historical instants and the people who acted; the import is recorded.
  std::map<std::string, storage::Event> by_type;
  for (const auto& e : view.timeline) by_type[e.type] = e;
  EXPECT_EQ(by_type["ticket.created"].at, Shanghai(0, 10));
  EXPECT_EQ(by_type["ticket.respond"].at, Shanghai(0, 10, 30));
  EXPECT_EQ(by_type["ticket.respond"].actor, "engineer");
  EXPECT_EQ(by_type["ticket.close"].at, Shanghai(1, 9, 30));
  EXPECT_NE(by_type["ticket.imported"].data.find("\"external_id\":\"CC-1\""), std::string::npos);
  EXPECT_EQ(by_type["ticket.imported"].actor, "quality");
  EXPECT_EQ(CountEvents("import.completed"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM notifications"), 0) << "history notifies nobody";
  EXPECT_FALSE(db_->VerifyAudit().has_value());
}

TEST_F(ImportTest, OneBadRowWritesNothingAndEveryErrorHasItsLine) {
  const auto tickets_before = Count("SELECT count(*) FROM tickets");
  const auto events_before = CountEvents("ticket.");
  auto out = ImportCsv(std::string(kHeader) +
                       "咨询,电话,P3,好的一行,,,,,,2026-11-23 10:00,,,,,,,\n"
                       "咨询,传真,P3,坏渠道,,,,,,2026-11-23 10:00,,,,,,,\n"
                       "咨询,电话,P3,好的一行,,,,,,2026-11-23 10:00,,,,,,,\n"
                       "咨询,电话,P3,时间倒序,,,,,,2026-11-23 10:00,2026-11-23 09:00,,,,,,\n");
  EXPECT_FALSE(out.ok());
  EXPECT_EQ(out.error_count, 2) << Errors(out.errors);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_EQ(out.errors[0].line, 3);
  EXPECT_EQ(out.errors[0].column, "channel");
  EXPECT_EQ(out.errors[1].line, 5);
  EXPECT_EQ(out.errors[1].column, "first_response_at");
  EXPECT_EQ(out.created_tickets, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), tickets_before);
  EXPECT_EQ(CountEvents("ticket."), events_before);
  EXPECT_EQ(CountEvents("import.failed"), 1);
}

TEST_F(ImportTest, ARowTheDeskRefusesWhileApplyingRollsBackTheWholeBatch) {
  // The validator does not look inside a bulk line's complaint object; desk::Service refuses a
  // complaint about a staff member who does not exist, in the middle of the job.
  const auto before = Count("SELECT count(*) FROM tickets");
  auto out =
      importer_->Bulk(quality_,
                      "{\"type\":\"consultation\",\"channel\":\"api\",\"title\":\"ok\"}\n"
                      "{\"type\":\"complaint\",\"channel\":\"api\",\"title\":\"bad\",\"description\":\"d\","
                      "\"customer_id\":" +
                          std::to_string(a_) + ",\"complaint\":{\"category\":\"attitude\",\"about_staff_id\":999}}\n");
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_FALSE(out->ok());
  EXPECT_TRUE(out->while_applying);
  ASSERT_EQ(out->errors.size(), 1u);
  EXPECT_EQ(out->errors[0].line, 2);
  EXPECT_EQ(out->errors[0].column, "complaint.about_staff_id");
  EXPECT_TRUE(out->created.empty());
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), before) << "the first line is rolled back too";
}

TEST_F(ImportTest, OpenTicketsKeepRunningTimersThatFireAfterTheImport) {
  auto out = ImportCsv(std::string(kHeader) + "故障,电话,P3,还没人处理,描述,1,VPN,TECH,,2026-11-30 08:00,,,,,,,\n");
  ASSERT_TRUE(out.ok()) << Errors(out.errors);
  const Id id = *out.first_ticket_id;
  EXPECT_EQ(TimerOf(id, sla::TimerKind::kFirstResponse).state, sla::TimerState::kRunning);
  clock_.Set(Shanghai(7, 10, 1));  // due 10:00 (business hours start at 09:00)
  EXPECT_GE(sla_->FireDue(), 1);
  EXPECT_EQ(CountEvents("sla.breached"), 1);
}

TEST_F(ImportTest, ImportsAnXlsxWorkbook) {
  auto file = std::filesystem::temp_directory_path() / ("sqm_import_" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(file.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd hh:mm");
  const char* header[] = {"类型", "渠道", "标题", "客户", "分类", "创建时间", "首次响应时间"};
  for (int i = 0; i < 7; ++i) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), header[i], nullptr);
  worksheet_write_string(ws, 1, 0, "服务请求", nullptr);
  worksheet_write_string(ws, 1, 1, "邮件", nullptr);
  worksheet_write_string(ws, 1, 2, "申请 VPN 账号", nullptr);
  worksheet_write_number(ws, 1, 3, 13900000002.0, nullptr);  // a phone typed as a number
  worksheet_write_string(ws, 1, 4, "网络与连接/VPN", nullptr);
  worksheet_write_number(ws, 1, 5, import::ToExcelSerial(Shanghai(1, 9), zone_), date);
  worksheet_write_number(ws, 1, 6, import::ToExcelSerial(Shanghai(1, 9, 10), zone_), date);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(file);

  auto out = importer_->Import(quality_, import::Format::kXlsx, ss.str(), "tickets.xlsx");
  ASSERT_TRUE(out.ok()) << Errors(out.errors);
  auto t = desk_->Get(quality_, *out.first_ticket_id).value().ticket;
  EXPECT_EQ(t.customer_id, b_);
  EXPECT_EQ(t.category_id, vpn_);
  EXPECT_EQ(t.created_at, Shanghai(1, 9));
  EXPECT_EQ(t.first_response_at, Shanghai(1, 9, 10));
  EXPECT_EQ(t.status, TicketStatus::kAccepted);
}

TEST_F(ImportTest, CallersOutsideTheirScopeAreRefusedPerRow) {
  auto out = ImportCsv(std::string(kHeader) +
                           "咨询,电话,P3,给技术部,,,,TECH,,2026-11-23 10:00,,,,,,,\n"
                           "咨询,电话,P3,本部门,,,,,,2026-11-23 10:00,,,,,,,\n",
                       &agent_);
  ASSERT_EQ(out.error_count, 1) << Errors(out.errors);
  EXPECT_EQ(out.errors[0].line, 2);
  EXPECT_EQ(out.errors[0].column, "department");
}

TEST_F(ImportTest, EmptyAndHeaderOnlyFilesAreRefused) {
  EXPECT_FALSE(ImportCsv("").ok());
  auto header_only = ImportCsv(kHeader);
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.errors[0].reason.find("no tickets"), std::string::npos);
  auto broken = ImportCsv(std::string(kHeader) + "咨询,电话,P3,\"never closed,,,,,,,\n");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.errors[0].line, 2);
}

TEST_F(ImportTest, JobsReportProgressAndBelongToTheirStarter) {
  std::string csv = kHeader;
  for (int i = 0; i < 50; ++i) {
    csv +=
        fmt::format("咨询,电话,P3,问题 {},,,,,,2026-11-23 10:{:02d},2026-11-23 10:{:02d},,,,,,J-{}\n", i, i, i + 1, i);
  }
  auto job = importer_->Start(quality_, import::Format::kCsv, csv, "fifty.csv");
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_EQ(importer_->Job(agent_, job->id).error().code, ErrorCode::kNotFound);
  ImportJob now = importer_->Job(quality_, job->id).value();  // the job ran inside Start()
  EXPECT_EQ(now.status, ImportStatus::kDone) << Errors(now.errors);
  EXPECT_EQ(now.total, 50);
  EXPECT_EQ(now.done, 50);
  EXPECT_EQ(now.created_tickets, 50);
  auto json = json::Serialize(ImportJobJson(now));
  EXPECT_NE(json.find("\"status\":\"done\""), std::string::npos) << json;
  EXPECT_EQ(importer_->Start(quality_, import::Format::kCsv, "", "x.csv").error().code, ErrorCode::kInvalid);
}

// An upload the server streamed to a temporary file is read from it, and the job lets the file go
// when it ends (done or failed): the file has no name, so that removes it.
TEST_F(ImportTest, AnUploadInATemporaryFileIsReadFromItAndLetGoWhenTheJobEnds) {
  auto upload = [](std::string_view bytes) {
    auto file = TempFile::Create(TempFile::SystemFolder());
    EXPECT_TRUE(file.ok());
    EXPECT_TRUE(file->Append(bytes));
    return std::make_shared<const TempFile>(std::move(*file));
  };
  std::string csv = kHeader;
  for (int i = 0; i < 30; ++i) csv += fmt::format("咨询,电话,P3,上传 {},,,,,,2026-11-23 10:00,,,,,,,U-{}\n", i, i);
  auto good = upload(csv);
  auto job = importer_->Start(quality_, import::Format::kCsv, ImportFile(good), "upload.csv");
  ASSERT_TRUE(job.ok()) << job.error().message;
  ImportJob done = importer_->Job(quality_, job->id).value();
  EXPECT_EQ(done.status, ImportStatus::kDone) << Errors(done.errors);
  EXPECT_EQ(done.created_tickets, 30);
  EXPECT_EQ(good.use_count(), 1) << "the job let go of the file";

  auto bad = upload(std::string(kHeader) + "咨询,传真,P3,x,,,,,,2026-11-23 10:00,,,,,,,\n");
  auto failed = importer_->Start(quality_, import::Format::kCsv, ImportFile(bad), "bad.csv");
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(importer_->Job(quality_, failed->id).value().status, ImportStatus::kFailed);
  EXPECT_EQ(bad.use_count(), 1);
  auto empty = upload("");
  EXPECT_EQ(importer_->Start(quality_, import::Format::kCsv, ImportFile(empty), "x.csv").error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(empty.use_count(), 1);
}

// The job's row follows its states, and a second server (another Importer on the same Database)
// answers for it from the row. On SQLite both share ONE Database: two on one file would each keep
// their own event chain.
TEST_F(ImportTest, AJobsRowFollowsItsStatesAndAnotherServerSeesIt) {
  Importer other(*db_, *desk_, *sla_, clock_, zone_, {.server = "other"});
  std::vector<std::string> seen;  // what the other server answered after each write of the row
  ImporterOptions options{.run_jobs_inline = true, .server = "here", .progress_rows = 10};
  options.after_job_write = [&](std::int64_t id, ImportStatus written) {
    auto j = other.Job(quality_, id);
    ASSERT_TRUE(j.ok()) << j.error().message;
    EXPECT_EQ(j->status, written);
    seen.push_back(fmt::format("{} {}/{}", ImportStatusName(j->status), j->done, j->total));
  };
  Importer here(*db_, *desk_, *sla_, clock_, zone_, options);
  std::string csv = kHeader;
  for (int i = 0; i < 25; ++i) csv += fmt::format("咨询,电话,P3,问题 {},,,,,,2026-11-23 10:00,,,,,,,R-{}\n", i, i);
  auto job = here.Start(quality_, import::Format::kCsv, csv, "rows.csv");
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_EQ(seen, (std::vector<std::string>{"validating 0/10", "validating 0/20", "applying 0/25", "done 25/25"}));
  auto there = other.Job(quality_, job->id).value();
  EXPECT_EQ(there.status, ImportStatus::kDone);
  EXPECT_EQ(there.created_tickets, 25);
  EXPECT_EQ(there.filename, "rows.csv");
  EXPECT_EQ(there.first_ticket_id, job->first_ticket_id);
  EXPECT_EQ(other.Job(agent_, job->id).error().code, ErrorCode::kNotFound) << "only its starter sees it";
  EXPECT_EQ(Count("SELECT count(*) FROM import_jobs WHERE status = 'done' AND server = 'here'"), 1);

  // A failed one: its errors are in the row, as the API answers them.
  seen.clear();
  auto bad = here.Start(quality_, import::Format::kCsv,
                        std::string(kHeader) + "咨询,传真,P3,x,,,,,,2026-11-23 10:00,,,,,,,\n", "bad.csv");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"failed 0/1"}));
  auto failed = other.Job(quality_, bad->id).value();
  EXPECT_EQ(failed.error_count, 1);
  ASSERT_EQ(failed.errors.size(), 1u);
  EXPECT_EQ(failed.errors[0].line, 2);
  EXPECT_EQ(failed.errors[0].column, "channel");
  EXPECT_EQ(failed.errors[0].key, "import.unknown_channel");
  EXPECT_EQ(failed.errors[0].args, (MessageArgs{{"value", "传真"}}));
}

// A job whose server stopped answering is reported failed once its heartbeat is old; while
// applying it has an allowance per row (nothing can be written during the apply).
TEST_F(ImportTest, AJobWhoseServerStoppedIsReportedFailed) {
  const TimeMs now = clock_.Now();
  auto insert = [&](const char* status, std::int64_t rows) {
    repo::ImportJobRow row;
    row.created_by = quality_.staff_id;
    row.created_at = row.updated_at = row.heartbeat_at = now;
    row.filename = "lost.csv";
    row.format = "csv";
    row.status = row.phase = status;
    row.rows_total = rows;
    row.server = "gone:1";
    return db_->Write("test", [&](storage::WriteTx& tx) { return repo::InsertImportJob(tx.db(), row); }).value();
  };
  const Id validating = insert("validating", 500), applying = insert("applying", 6000);
  Importer here(*db_, *desk_, *sla_, clock_, zone_, {.server = "here"});  // allowance: 10 ms a row
  EXPECT_EQ(here.Job(quality_, validating)->status, ImportStatus::kValidating);
  clock_.Set(now + 2 * 60 * 1000);
  EXPECT_EQ(here.Job(quality_, validating)->status, ImportStatus::kValidating) << "two minutes is not yet stale";
  clock_.Set(now + 2 * 60 * 1000 + 1);
  auto lost = here.Job(quality_, validating).value();
  EXPECT_EQ(lost.status, ImportStatus::kFailed);
  EXPECT_EQ(lost.error_count, 1);
  ASSERT_EQ(lost.errors.size(), 1u);
  EXPECT_EQ(lost.errors[0].key, "import.server_lost");
  EXPECT_EQ(lost.errors[0].args, (MessageArgs{{"server", "gone:1"}}));
  EXPECT_EQ(here.Job(quality_, applying)->status, ImportStatus::kApplying) << "6,000 rows: one more minute";
  clock_.Set(now + 3 * 60 * 1000 + 1);
  EXPECT_EQ(here.Job(quality_, applying)->status, ImportStatus::kFailed);
}

// A header of thousands of columns is reported like rows are (capped, all counted), and no
// header text reaches the import.failed event or the errors unbounded (issue 9). A header cell
// is at most 32,767 characters (a longer one is one error of its own, below), so the long one
// here is 30,000; and a header has at most 1,024 cells (more is one error: import/validator_test).
TEST_F(ImportTest, HeaderErrorsAreCappedAndHugeHeaderTextIsBounded) {
  Importer capped(*db_, *desk_, *sla_, clock_, zone_, {.max_reported_errors = 100});
  std::string header(30'000, 'h');
  for (int i = 0; i < 1000; ++i) header += fmt::format(",x{}", i);  // a header has at most 1,024 cells
  auto out = capped.Import(quality_, import::Format::kCsv, header + "\n咨询\n", std::string(5000, 'f') + ".csv");
  EXPECT_EQ(out.error_count, 1001 + 4) << "1,001 unknown columns and the 4 required ones missing";
  ASSERT_EQ(out.errors.size(), 100u);
  EXPECT_LE(out.errors[0].column.size(), 4 * kQuoteChars + 32);
  auto page = db_->Read([](storage::Connection& c) { return storage::ListEvents(c, {.type = "import.failed"}); });
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_LT(page.events[0].data.size(), 20'000u) << "the long header cell and the long name are cut";

  // A 1 MiB header cell: one error, naming its position, and none of its text anywhere.
  auto huge = capped.Import(quality_, import::Format::kCsv, std::string(1 << 20, 'h') + ",type\n咨询\n", "huge.csv");
  EXPECT_EQ(huge.error_count, 1);
  ASSERT_EQ(huge.errors.size(), 1u);
  EXPECT_EQ(huge.errors[0].key, "import.header_cell_too_long");
  EXPECT_EQ(huge.errors[0].args, (MessageArgs{{"position", "1"}}));
  page = db_->Read([](storage::Connection& c) { return storage::ListEvents(c, {.type = "import.failed"}); });
  ASSERT_EQ(page.events.size(), 2u);
  for (const auto& e : page.events) EXPECT_LT(e.data.size(), 20'000u);
}

TEST_F(ImportTest, TheTemplateImportsAsItIsInBothLanguagesAndFormats) {
  for (auto format : {ExportFormat::kCsv, ExportFormat::kXlsx}) {
    for (auto language : {ExportLanguage::kChinese, ExportLanguage::kEnglish}) {
      auto file = exporter_->Template({.format = format, .language = language});
      ASSERT_TRUE(file.ok()) << file.error().message;
      EXPECT_EQ(file->rows, 1);
      const bool csv = format == ExportFormat::kCsv;
      if (csv) {
        EXPECT_TRUE(file->body.starts_with(language == ExportLanguage::kChinese
                                               ? "\xEF\xBB\xBF类型,渠道,优先级,标题"
                                               : "\xEF\xBB\xBFtype,channel,priority,title"));
      }
      auto out =
          importer_->Import(quality_, csv ? import::Format::kCsv : import::Format::kXlsx, file->body, file->filename);
      ASSERT_TRUE(out.ok()) << Errors(out.errors);
      EXPECT_EQ(out.created_tickets, 1);
      auto t = desk_->Get(quality_, *out.first_ticket_id).value();
      EXPECT_EQ(t.ticket.type, TicketType::kConsultation);
      EXPECT_EQ(t.ticket.created_at, ParseIsoTime("2026-01-05T09:30:00+08:00").value());
    }
  }
}

TEST_F(ImportTest, StoppingMidwayLeavesAllOrNothing) {
  std::string csv = kHeader;
  for (int i = 0; i < 1500; ++i) {
    csv += fmt::format("咨询,电话,P3,问题 {},,,,,,2026-11-23 10:00,2026-11-23 10:05,2026-11-23 10:30,,,,,\n", i);
  }
  Importer threaded(*db_, *desk_, *sla_, clock_, zone_);  // jobs on threads of their own, as when serving
  auto job = threaded.Start(quality_, import::Format::kCsv, csv, "big.csv");
  ASSERT_TRUE(job.ok());
  // Stop once the job is applying rows (a condition, not a guessed delay), or has ended.
  for (ImportJob seen = *job;
       seen.done == 0 && seen.status != ImportStatus::kDone && seen.status != ImportStatus::kFailed;
       seen = threaded.Job(quality_, job->id).value()) {
    std::this_thread::yield();
  }
  threaded.Stop();
  auto now = threaded.Job(quality_, job->id).value();
  const auto tickets = Count("SELECT count(*) FROM tickets");
  if (now.status == ImportStatus::kDone) {
    EXPECT_EQ(tickets, 1500);
  } else {
    EXPECT_EQ(now.status, ImportStatus::kFailed);
    EXPECT_EQ(tickets, 0);
    EXPECT_NE(now.errors.at(0).reason.find("stopped"), std::string::npos) << Errors(now.errors);
  }
  EXPECT_EQ(threaded.Start(quality_, import::Format::kCsv, csv, "again.csv").error().code, ErrorCode::kUnavailable);
}

TEST_F(ImportTest, ABulkComplaintNeedsItsCategoryAndEmptyBodiesAreRefused) {
  auto out = importer_->Bulk(quality_,
                             "{\"type\":\"complaint\",\"channel\":\"api\",\"title\":\"t\",\"description\":\"d\","
                             "\"customer_id\":" +
                                 std::to_string(a_) + ",\"complaint\":{\"severity\":3}}");
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->error_count, 1u);
  EXPECT_EQ(out->errors[0].key, "complaint.category_required");
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), 0);
  EXPECT_EQ(importer_->Bulk(quality_, "\n\n").error().code, ErrorCode::kInvalid);
}

TEST_F(ImportTest, ALiveBulkTicketNotifiesItsAssigneeAHistoricalOneDoesNot) {
  auto live = importer_->Bulk(
      quality_, "{\"type\":\"suggestion\",\"channel\":\"api\",\"title\":\"现在\",\"assignee\":\"engineer\"}");
  ASSERT_TRUE(live.ok());
  ASSERT_TRUE(live->ok()) << live->errors.at(0).reason;
  EXPECT_EQ(Count("SELECT count(*) FROM notifications WHERE kind = 'assigned'"), 1);
  auto old =
      importer_->Bulk(quality_,
                      "{\"type\":\"suggestion\",\"channel\":\"api\",\"title\":\"从前\",\"assignee\":\"engineer\","
                      "\"created_at\":\"2026-11-23T10:00:00+08:00\"}");
  ASSERT_TRUE(old->ok()) << old->errors.at(0).reason;
  EXPECT_EQ(Count("SELECT count(*) FROM notifications WHERE kind = 'assigned'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM tickets WHERE assignee_id IS NOT NULL AND status = 'accepted'"), 2);
}

TEST_F(ImportTest, BulkRefusesMoreLinesThanTheLimit) {
  Importer small(*db_, *desk_, *sla_, clock_, zone_, {.max_bulk_lines = 2});
  std::string body;
  for (int i = 0; i < 3; ++i) body += "{\"type\":\"suggestion\",\"channel\":\"api\",\"title\":\"x\"}\n";
  EXPECT_EQ(small.Bulk(quality_, body).error().code, ErrorCode::kPayloadTooLarge);
}

// Issue 9: a file's data rows are bounded. At the limit it imports; one row more and it is refused
// with one keyed error naming the limit, nothing written, as soon as that row is read: neither the
// bad rows before it nor the broken end of the file after it are reported, because they are never
// looked at.
TEST_F(ImportTest, AFileWithMoreRowsThanTheLimitIsRefusedEarlyWithOneError) {
  Importer small(*db_, *desk_, *sla_, clock_, zone_, {.max_rows = 3});
  const std::string row = "咨询,电话,P3,一行,,,,,,2026-11-23 10:00,,,,,,,\n";
  const auto tickets_before = Count("SELECT count(*) FROM tickets");

  auto at_limit = small.Import(quality_, import::Format::kCsv, kHeader + row + row + row, "three.csv");
  ASSERT_TRUE(at_limit.ok()) << Errors(at_limit.errors);
  EXPECT_EQ(at_limit.created_tickets, 3);
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), tickets_before + 3);

  ImportProgress progress;
  const std::string over = kHeader + row + "咨询,传真,P3,坏渠道,,,,,,2026-11-23 10:00,,,,,,,\n" + row + row +
                           "咨询,电话,P3,\"never closed,,,,,,,\n";
  auto refused = small.Import(quality_, import::Format::kCsv, over, "five.csv", &progress);
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(refused.error_count, 1) << Errors(refused.errors);
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].line, 0);
  EXPECT_EQ(refused.errors[0].key, "import.too_many_rows");
  EXPECT_EQ(refused.errors[0].args, (MessageArgs{{"limit", "3"}}));
  EXPECT_EQ(refused.errors[0].reason,
            "the file has more than 3 rows; import it as several files of at most 3 rows each");
  EXPECT_EQ(refused.created_tickets, 0);
  EXPECT_EQ(refused.rows, 3) << "the scan stopped at the fourth row";
  EXPECT_EQ(progress.total.load(), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), tickets_before + 3);
  auto page = db_->Read([](storage::Connection& c) { return storage::ListEvents(c, {.type = "import.failed"}); });
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_NE(page.events[0].data.find("import.too_many_rows"), std::string::npos) << page.events[0].data;

  // The same as a job (what the route runs): failed, one error, nothing written.
  Importer jobs(*db_, *desk_, *sla_, clock_, zone_, {.max_rows = 3, .run_jobs_inline = true});
  auto job = jobs.Start(quality_, import::Format::kCsv, kHeader + row + row + row + row, "four.csv");
  ASSERT_TRUE(job.ok()) << job.error().message;
  ImportJob done = jobs.Job(quality_, job->id).value();
  EXPECT_EQ(done.status, ImportStatus::kFailed);
  EXPECT_EQ(done.error_count, 1);
  ASSERT_EQ(done.errors.size(), 1u);
  EXPECT_EQ(done.errors[0].key, "import.too_many_rows");
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), tickets_before + 3);
}

TEST_F(ImportTest, ACsvExportImportsAgainWithTheSameFacts) {
  auto out =
      ImportCsv(std::string(kHeader) +
                "故障,电话,P2,\"=VPN, 断线\",\"第一行\n=第二行\",1,网络与连接/VPN,TECH,engineer,2026-11-23 10:00,"
                "2026-11-23 10:30:15.250,2026-11-23 15:00,2026-11-24 09:00,解决,满意,2026-11-24 09:30,\n"
                "咨询,在线,P4,问价,,,,,,2026-11-24 09:00,2026-11-24 09:01,,,,,,\n");
  ASSERT_TRUE(out.ok()) << Errors(out.errors);
  // One ticket per page: the export pages by the last id and still finds both, in order.
  auto csv = exporter_->Export(quality_, {}, {.format = ExportFormat::kCsv, .page_size = 1});
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->rows, 2);
  EXPECT_LT(csv->body.find("=VPN"), csv->body.find("问价"));
  EXPECT_EQ(csv->filename, "tickets-20261130.csv");
  EXPECT_TRUE(csv->body.starts_with("\xEF\xBB\xBFtype,channel,priority,title"));
  EXPECT_NE(csv->body.find("\"'=VPN, 断线\""), std::string::npos) << "formula-like text is defused";

  auto again = ImportCsv(csv->body);
  ASSERT_TRUE(again.ok()) << Errors(again.errors);
  ASSERT_EQ(again.created_tickets, 2);
  auto original = desk_->Get(quality_, *out.first_ticket_id).value();
  auto copy = desk_->Get(quality_, *again.first_ticket_id).value();
  EXPECT_EQ(copy.ticket.title, "=VPN, 断线");
  EXPECT_EQ(copy.ticket.description, "第一行\n=第二行");
  EXPECT_EQ(copy.ticket.priority, original.ticket.priority);
  EXPECT_EQ(copy.ticket.status, TicketStatus::kClosed);
  EXPECT_EQ(copy.ticket.first_response_at, Shanghai(0, 10, 30) + 15'250);
  EXPECT_EQ(copy.ticket.closed_at, original.ticket.closed_at);
  EXPECT_EQ(copy.ticket.assignee_id, original.ticket.assignee_id);
  EXPECT_EQ(copy.ticket.category_id, original.ticket.category_id);
  EXPECT_EQ(copy.callbacks.back().satisfaction, Satisfaction::kSatisfied);
}

TEST_F(ImportTest, XlsxExportIsAWorkbookWithRealDates) {
  auto out = ImportCsv(std::string(kHeader) + "咨询,在线,P4,问价,,,,,,2026-11-24 09:00,2026-11-24 09:01,,,,,,\n");
  ASSERT_TRUE(out.ok()) << Errors(out.errors);
  auto file = exporter_->Export(quality_, {}, {.format = ExportFormat::kXlsx, .language = ExportLanguage::kChinese});
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->filename, "tickets-20261130.xlsx");
  auto reader = import::XlsxReader::Open(file->body);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  import::Record header, row;
  ASSERT_TRUE(*(*reader)->Next(header));
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(header.cells[0].text, "类型");
  EXPECT_EQ(row.cells[0].text, "咨询");
  EXPECT_TRUE(row.cells[10].number) << "created_at is an Excel date";
  EXPECT_EQ(import::FromExcelSerial(std::stod(row.cells[10].text), zone_), Shanghai(1, 9));
  auto again = importer_->Import(quality_, import::Format::kXlsx, file->body, "x.xlsx");
  EXPECT_TRUE(again.ok()) << Errors(again.errors);
}

TEST_F(ImportTest, AnExternalIdIsImportedOnlyOnce) {
  const std::string row = "咨询,电话,P3,问,,,,,,2026-11-23 10:00,,,,,,,CC-7781\n";
  auto first = ImportCsv(std::string(kHeader) + row);
  ASSERT_TRUE(first.ok()) << Errors(first.errors);
  auto again = ImportCsv(std::string(kHeader) + row);
  ASSERT_FALSE(again.ok());
  ASSERT_EQ(again.errors.size(), 1u);
  EXPECT_EQ(again.errors[0].line, 2);
  EXPECT_EQ(again.errors[0].key, "import.external_id_imported");
  EXPECT_EQ(again.errors[0].reason, "'CC-7781' was already imported as " + TicketNumber(*first.first_ticket_id));
}

TEST_F(ImportTest, ExportIsScopedLikeTheList) {
  ASSERT_TRUE(ImportCsv(std::string(kHeader) + "咨询,电话,P3,技术部的,,,,TECH,,2026-11-23 10:00,,,,,,,\n"
                                               "咨询,电话,P3,客服部的,,,,DESK,,2026-11-23 10:00,,,,,,,\n")
                  .ok());
  auto mine = exporter_->Export(agent_, {}, {});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->rows, 1);
  EXPECT_NE(mine->body.find("客服部的"), std::string::npos);
  auto capped = exporter_->Export(quality_, {}, {.max_rows = 1});
  EXPECT_EQ(capped.error().field, "format");
}

// ---- the HTTP mapping ----

class ImportRoutesTest : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    keys_ = std::make_unique<http::IdempotencyKeys>(*db_, clock_);
    AddImportRoutes(router_, *importer_, *exporter_, *keys_);
  }

  http::Response Call(const std::string& method, const std::string& path, std::string body = {},
                      std::vector<std::pair<std::string, std::string>> headers = {},
                      std::map<std::string, std::string, std::less<>> query = {}, const Principal* who = nullptr) {
    http::Request req;
    req.method = method;
    req.path = path;
    req.query = std::move(query);
    req.body = std::move(body);
    req.headers = std::move(headers);
    req.principal = who ? who : &quality_;
    auto m = router_.Find(method, path, req.params);
    EXPECT_TRUE(m.route) << method << " " << path;
    return m.route->handler(req);
  }

  // POST /api/v1/tickets/bulk with an Idempotency-Key (none when empty).
  http::Response Bulk(std::string body, const std::string& key, const Principal* who = nullptr) {
    std::vector<std::pair<std::string, std::string>> headers = {{"content-type", "application/x-ndjson"}};
    if (!key.empty()) headers.emplace_back("idempotency-key", key);
    return Call("POST", "/api/v1/tickets/bulk", std::move(body), std::move(headers), {}, who);
  }

  static std::string ErrorField(const http::Response& r) {
    auto body = json::Parse(r.body);
    if (!body.ok() || !body->is_object() || !body->as_object().contains("error")) return {};
    const auto& e = body->as_object().at("error").as_object();
    return e.contains("field") ? std::string(e.at("field").as_string()) : std::string();
  }

  static std::string Header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return {};
  }

  std::unique_ptr<http::IdempotencyKeys> keys_;
  http::Router router_;
};

TEST_F(ImportRoutesTest, ImportAnswers202AndTheJobCanBePolled) {
  auto r =
      Call("POST", "/api/v1/tickets/imports", std::string(kHeader) + "咨询,电话,P3,问,,,,,,2026-11-23 10:00,,,,,,,\n",
           {{"content-type", "text/csv; charset=utf-8"}}, {{"filename", "history.csv"}});
  ASSERT_EQ(r.status, 202) << r.body;
  auto job = json::Parse(r.body).value().as_object();
  const auto id = job["id"].as_int64();
  EXPECT_EQ(Header(r, "Location"), fmt::format("/api/v1/tickets/imports/{}", id));
  auto g = Call("GET", fmt::format("/api/v1/tickets/imports/{}", id));  // the job ran inside the POST
  ASSERT_EQ(g.status, 200) << g.body;
  EXPECT_EQ(std::string(json::Parse(g.body).value().as_object()["status"].as_string()), "done");
  EXPECT_EQ(Call("GET", "/api/v1/tickets/imports/12345").status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/tickets/imports", "x", {{"content-type", "application/pdf"}}).status, 415);
}

TEST_F(ImportRoutesTest, BulkIsIdempotentPerKey) {
  const std::string body =
      "{\"type\":\"incident\",\"channel\":\"api\",\"priority\":\"P2\",\"title\":\"监控告警\",\"description\":\"d\","
      "\"customer_id\":" +
      std::to_string(a_) + ",\"category\":\"网络与连接/VPN\",\"external_id\":\"CC-9\"}\n\n" +
      "{\"type\":\"consultation\",\"channel\":\"phone\",\"title\":\"问价\",\"created_at\":\"2026-11-24T09:00:00+08:"
      "00\","
      "\"first_response_at\":\"2026-11-24T09:05:00+08:00\"}\n";
  auto first = Bulk(body, "key-1");
  EXPECT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(Header(first, "Idempotent-Replayed"), "");
  EXPECT_NE(first.body.find("\"line\":3"), std::string::npos) << "blank lines keep the numbering";
  const auto tickets = Count("SELECT count(*) FROM tickets");
  EXPECT_EQ(tickets, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM idempotency_keys"), 1);

  auto again = Bulk(body, "key-1");
  EXPECT_EQ(Header(again, "Idempotent-Replayed"), "true");
  EXPECT_EQ(again.status, first.status);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), tickets);

  auto other = Bulk(body + "{\"type\":\"suggestion\",\"channel\":\"api\",\"title\":\"x\"}\n", "key-1");
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(ErrorField(other), "Idempotency-Key");

  // Keys belong to their caller: the same key from someone else is a new request.
  auto theirs = Bulk("{\"type\":\"suggestion\",\"channel\":\"api\",\"title\":\"x\"}", "key-1", &agent_);
  EXPECT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(Header(theirs, "Idempotent-Replayed"), "");
}

TEST_F(ImportRoutesTest, BulkReportsEveryBadLineAndKeepsTheKeyUnused) {
  auto bad = Bulk(
      "{\"type\":\"incident\",\"channel\":\"api\",\"title\":\"x\"}\n"
      "not json\n"
      "{\"type\":\"consultation\",\"channel\":\"api\",\"title\":\"y\",\"colour\":\"red\","
      "\"customer\":\"客户甲\",\"customer_id\":1}\n",
      "key-2");
  EXPECT_EQ(bad.status, 400);
  auto body = json::Parse(bad.body).value().as_object();
  std::vector<std::string> seen;
  for (const auto& e : body["errors"].as_array()) {
    seen.push_back(fmt::format("{} {}", e.at("line").as_int64(), std::string(e.at("field").as_string())));
  }
  EXPECT_NE(std::find(seen.begin(), seen.end(), "1 customer"), seen.end()) << bad.body;
  EXPECT_NE(std::find(seen.begin(), seen.end(), "2 "), seen.end()) << bad.body;
  EXPECT_NE(std::find(seen.begin(), seen.end(), "3 colour"), seen.end()) << bad.body;
  EXPECT_NE(std::find(seen.begin(), seen.end(), "3 customer_id"), seen.end()) << bad.body;
  EXPECT_EQ(Count("SELECT count(*) FROM tickets"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM idempotency_keys"), 0);
  auto fixed = Bulk("{\"type\":\"consultation\",\"channel\":\"api\",\"title\":\"y\"}", "key-2");
  EXPECT_EQ(fixed.status, 201);

  EXPECT_EQ(Bulk("\n\n", "").status, 400);
  EXPECT_EQ(ErrorField(Bulk("{}", "bad key")), "Idempotency-Key");
}

TEST_F(ImportRoutesTest, BulkReplaysWithTheHeaderAndConflictsOnAnotherBody) {
  const std::string body = "{\"type\":\"suggestion\",\"channel\":\"api\",\"title\":\"多开一个窗口\"}\n";
  const std::vector<std::pair<std::string, std::string>> headers = {{"content-type", "application/x-ndjson"},
                                                                    {"idempotency-key", "abc-123"}};
  auto first = Call("POST", "/api/v1/tickets/bulk", body, headers);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(Header(first, "Idempotent-Replayed"), "");
  auto again = Call("POST", "/api/v1/tickets/bulk", body, headers);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(Header(again, "Idempotent-Replayed"), "true");
  auto conflict = Call("POST", "/api/v1/tickets/bulk", body + body, headers);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Idempotency-Key"), std::string::npos);
  EXPECT_EQ(Call("POST", "/api/v1/tickets/bulk", body, {{"content-type", "application/json"}}).status, 415);
}

TEST_F(ImportRoutesTest, ExportIsAnAttachment) {
  ASSERT_TRUE(ImportCsv(std::string(kHeader) + "咨询,电话,P3,问,,,,,,2026-11-23 10:00,,,,,,,\n").ok());
  auto csv = Call("GET", "/api/v1/tickets/export", {}, {}, {{"format", "csv"}, {"type", "consultation"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(Header(csv, "Content-Disposition"), "attachment; filename=\"tickets-20261130.csv\"");
  EXPECT_EQ(Header(csv, "X-Total-Count"), "1");
  auto none = Call("GET", "/api/v1/tickets/export", {}, {}, {{"type", "complaint"}});
  EXPECT_EQ(Header(none, "X-Total-Count"), "0");
  auto xlsx = Call("GET", "/api/v1/tickets/export", {}, {}, {{"format", "xlsx"}});
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  EXPECT_EQ(Call("GET", "/api/v1/tickets/export", {}, {}, {{"format", "pdf"}}).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/tickets/export", {}, {}, {{"priority", "P9"}}).status, 400);
}

}  // namespace
}  // namespace sqm::desk
