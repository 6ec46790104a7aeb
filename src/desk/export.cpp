#include "desk/export.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <date/date.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

#include "base/crypto.h"
#include "desk/import/columns.h"
#include "desk/import/directory.h"
#include "desk/import/times.h"
#include "desk/repo/catalogue.h"
#include "desk/rules.h"

namespace sqm::desk {

namespace {

// clang-format reads a line that starts with `import::` as a C++20 module import and mangles the
// function after it, so the import types used in declarations are named here.
using import::Column;
using import::Directory;

struct OutCell {
  std::string text;
  std::optional<TimeMs> time;  // a date-time (XLSX writes it as an Excel date)
};

// Export columns: the import columns in the documented order, with two for people.
enum class Out {
  kType,
  kChannel,
  kPriority,
  kTitle,
  kDescription,
  kCustomer,
  kCustomerName,
  kCategory,
  kDepartment,
  kAssignee,
  kCreatedAt,
  kFirstResponseAt,
  kResolvedAt,
  kCallbackAt,
  kCallbackResolved,
  kSatisfaction,
  kClosedAt,
  kExternalId,
  kComplaintCategory,
  kStatus,
};
constexpr int kOutColumns = 20;
constexpr Column kImportColumn[] = {
    Column::kType,        Column::kChannel,    Column::kPriority,          Column::kTitle,
    Column::kDescription, Column::kCustomer,   Column::kCustomer,          Column::kCategory,
    Column::kDepartment,  Column::kAssignee,   Column::kCreatedAt,         Column::kFirstResponseAt,
    Column::kResolvedAt,  Column::kCallbackAt, Column::kCallbackResolved,  Column::kSatisfaction,
    Column::kClosedAt,    Column::kExternalId, Column::kComplaintCategory, Column::kType};

const char* StatusZh(TicketStatus s) {
  switch (s) {
    case TicketStatus::kNew: return "新建";
    case TicketStatus::kAccepted: return "已受理";
    case TicketStatus::kInProgress: return "处理中";
    case TicketStatus::kWaitingCustomer: return "等待客户";
    case TicketStatus::kResolved: return "已解决";
    case TicketStatus::kCallbackDone: return "已回访";
    case TicketStatus::kClosed: return "已关闭";
    case TicketStatus::kCancelled: return "已取消";
    case TicketStatus::kMerged: return "已合并";
  }
  return "";
}

std::vector<OutCell> Cells(storage::Connection& db, const Ticket& t, const Directory& dir, bool zh,
                           const calendar::Zone& zone) {
  std::vector<OutCell> row(kOutColumns);
  auto set = [&](Out c, std::string text) { row[static_cast<int>(c)].text = std::move(text); };
  auto set_time = [&](Out c, std::optional<TimeMs> v) {
    if (!v) return;
    row[static_cast<int>(c)].text = zone.Format(*v);
    row[static_cast<int>(c)].time = v;
  };
  set(Out::kType, zh ? NameZh(t.type) : Name(t.type));
  set(Out::kChannel, zh ? NameZh(t.channel) : Name(t.channel));
  set(Out::kPriority, PriorityName(t.priority));
  set(Out::kTitle, t.title);
  set(Out::kDescription, t.description);
  if (t.customer_id) set(Out::kCustomer, std::to_string(*t.customer_id));
  set(Out::kCustomerName, t.customer_name);
  if (t.category_id) set(Out::kCategory, dir.CategoryPath(*t.category_id));
  if (t.department_id) {
    const auto* d = dir.DepartmentById(*t.department_id);
    set(Out::kDepartment, d ? (d->code.empty() ? d->name : d->code) : std::to_string(*t.department_id));
  }
  if (t.assignee_id) {
    const auto* s = dir.StaffById(*t.assignee_id);
    set(Out::kAssignee, s ? s->username : std::to_string(*t.assignee_id));
  }
  set_time(Out::kCreatedAt, t.created_at);
  set_time(Out::kFirstResponseAt, t.first_response_at);
  set_time(Out::kResolvedAt, t.resolved_at);
  // The callback that followed the current resolution (an older one preceded a reopening).
  if (t.resolved_at) {
    std::optional<Callback> last;
    for (auto& c : repo::CallbacksOf(db, t.id)) {
      if (c.done_at && c.reached.value_or(false) && *c.done_at >= *t.resolved_at) last = std::move(c);
    }
    if (last) {
      set_time(Out::kCallbackAt, last->done_at);
      if (last->resolved) set(Out::kCallbackResolved, zh ? NameZh(*last->resolved) : Name(*last->resolved));
      if (last->satisfaction) {
        set(Out::kSatisfaction, zh ? NameZh(*last->satisfaction) : Name(*last->satisfaction));
      }
      set_time(Out::kClosedAt, t.closed_at);
    }
  }
  set(Out::kExternalId, t.number);
  if (t.type == TicketType::kComplaint) {
    if (auto c = repo::FindComplaint(db, t.id)) {
      set(Out::kComplaintCategory, zh ? NameZh(c->category) : Name(c->category));
    }
  }
  set(Out::kStatus, zh ? StatusZh(t.status) : Name(t.status));
  return row;
}

std::string LocalDate(TimeMs now, const calendar::Zone& zone) {
  using namespace std::chrono;
  return date::format("%Y%m%d", date::floor<days>(date::sys_time<milliseconds>{milliseconds{zone.ToLocal(now)}}));
}

// Pages through every ticket the query matches, in id order; `emit` gets each row's cells.
template <typename Emit>
Result<std::int64_t> ForEachTicket(storage::Database& db, const org::Principal& who, repo::TicketQuery q,
                                   const ExportOptions& o, TimeMs now, const calendar::Zone& zone, Emit&& emit) {
  return db.Read([&](storage::Connection& c) -> Result<std::int64_t> {
    const Directory dir = repo::LoadDirectory(c, /*with_customers=*/false);
    q.sort = "created_asc";  // id order, paged by the last id: each page is an index range scan
    q.limit = o.page_size;
    q.offset = 0;
    q.after_id.reset();
    std::int64_t rows = 0;
    for (;;) {
      auto page = repo::ListTickets(c, q, repo::VisibilityOf(who), now);
      for (const auto& t : page) {
        if (++rows > o.max_rows) {
          return Error::Invalid("format", fmt::format("more than {} tickets match; narrow the filters (from, to, "
                                                      "status, ...) and export in parts",
                                                      o.max_rows));
        }
        SQM_TRY(emit(Cells(c, t, dir, o.language == ExportLanguage::kChinese, zone)));
      }
      if (static_cast<int>(page.size()) < q.limit) break;
      q.after_id = page.back().id;
    }
    return rows;
  });
}

constexpr std::size_t kXlsxMaxString = 32767;  // libxlsxwriter's (and Excel's) limit for one cell

// Cuts UTF-8 text to at most `max` bytes on a character boundary.
std::string_view CutUtf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

struct TempFile {
  std::filesystem::path path;
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

std::string CsvField(std::string_view text) {
  std::string s;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) s = "'";
  s.append(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::vector<std::string> ExportHeader(ExportLanguage language) {
  const bool zh = language == ExportLanguage::kChinese;
  std::vector<std::string> out;
  for (int i = 0; i < kOutColumns; ++i) {
    const auto c = static_cast<Out>(i);
    if (c == Out::kCustomerName) {
      out.emplace_back(zh ? "客户名称" : "customer_name");
    } else if (c == Out::kStatus) {
      out.emplace_back(zh ? "状态" : "status");
    } else {
      out.emplace_back(zh ? import::ColumnNameZh(kImportColumn[i]) : import::ColumnName(kImportColumn[i]));
    }
  }
  return out;
}

Exporter::Exporter(storage::Database& db, const Clock& clock, calendar::Zone zone)
    : db_(db), clock_(clock), zone_(std::move(zone)) {}

namespace {

using RowSink = std::function<sqm::Status(const std::vector<OutCell>&)>;

// A file of the export's columns: the header, then the rows `rows` hands to its sink (it answers
// how many it wrote). `stem` names the file, with the local date of `now`.
Result<ExportFile> WriteFile(const ExportOptions& o, TimeMs now, const calendar::Zone& zone, std::string_view stem,
                             const std::function<Result<std::int64_t>(const RowSink&)>& rows) {
  ExportFile file;
  const auto header = ExportHeader(o.language);
  if (o.format == ExportFormat::kCsv) {
    file.content_type = "text/csv; charset=utf-8";
    file.filename = fmt::format("{}-{}.csv", stem, LocalDate(now, zone));
    file.body = "\xEF\xBB\xBF";
    auto line = [&](auto&& texts) {
      bool first = true;
      for (const auto& t : texts) {
        if (!first) file.body += ',';
        first = false;
        file.body += CsvField(t);
      }
      file.body += "\r\n";
    };
    line(header);
    SQM_ASSIGN(file.rows, rows([&](const std::vector<OutCell>& cells) {
                 std::vector<std::string_view> texts;
                 for (const auto& c : cells) texts.emplace_back(c.text);
                 line(texts);
                 return sqm::Status{};
               }));
    return file;
  }

  file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  file.filename = fmt::format("{}-{}.xlsx", stem, LocalDate(now, zone));
  TempFile tmp{std::filesystem::temp_directory_path() / ("sqm-export-" + crypto::RandomToken(12) + ".xlsx")};
  lxw_workbook_options wo{};
  wo.constant_memory = LXW_TRUE;  // rows go to disk as they are written
  lxw_workbook* wb = workbook_new_opt(tmp.path.c_str(), &wo);
  if (!wb) return Error::Internal("cannot create the XLSX file");
  lxw_worksheet* ws = workbook_add_worksheet(wb, o.language == ExportLanguage::kChinese ? "工单" : "tickets");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* when = workbook_add_format(wb);
  format_set_num_format(when, "yyyy-mm-dd hh:mm:ss");
  worksheet_freeze_panes(ws, 1, 0);
  for (int i = 0; i < kOutColumns; ++i) {
    const auto c = static_cast<Out>(i);
    const bool time = c == Out::kCreatedAt || c == Out::kFirstResponseAt || c == Out::kResolvedAt ||
                      c == Out::kCallbackAt || c == Out::kClosedAt;
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i),
                         time                                           ? 20
                         : (c == Out::kTitle || c == Out::kDescription) ? 36
                                                                        : 14,
                         nullptr);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), header[static_cast<std::size_t>(i)].c_str(), bold);
  }
  lxw_row_t r = 0;
  auto written = rows([&](const std::vector<OutCell>& cells) -> sqm::Status {
    ++r;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      const auto& c = cells[i];
      lxw_error e = LXW_NO_ERROR;
      if (c.time) {
        e = worksheet_write_number(ws, r, col, import::ToExcelSerial(*c.time, zone), when);
      } else if (!c.text.empty()) {
        const std::string text(CutUtf8(c.text, kXlsxMaxString));
        e = worksheet_write_string(ws, r, col, text.c_str(), nullptr);
      }
      if (e != LXW_NO_ERROR) return Error::Internal(std::string("writing the XLSX file failed: ") + lxw_strerror(e));
    }
    return {};
  });
  const lxw_error closed = workbook_close(wb);
  if (!written.ok()) return written.error();
  if (closed != LXW_NO_ERROR)
    return Error::Internal(std::string("writing the XLSX file failed: ") + lxw_strerror(closed));
  file.rows = *written;
  std::ifstream in(tmp.path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  file.body = std::move(ss).str();
  return file;
}

// The example row of the import template: a consultation that needs no customer or category,
// answered and resolved the same morning, so it imports into any organisation.
std::vector<OutCell> ExampleRow(bool zh, const calendar::Zone& zone) {
  std::vector<OutCell> row(kOutColumns);
  auto set = [&](Out c, std::string text) { row[static_cast<int>(c)].text = std::move(text); };
  auto set_time = [&](Out c, std::string_view local) {
    row[static_cast<int>(c)].text = std::string(local);
    row[static_cast<int>(c)].time = import::ParseTime(local, zone);
  };
  set(Out::kType, zh ? NameZh(TicketType::kConsultation) : Name(TicketType::kConsultation));
  set(Out::kChannel, zh ? NameZh(Channel::kPhone) : Name(Channel::kPhone));
  set(Out::kPriority, PriorityName(3));
  set(Out::kTitle, zh ? "咨询如何重置门户密码" : "Asks how to reset the portal password");
  set(Out::kDescription, zh ? "示例行：请换成您的工单，每行一张（说明见导入指南）"
                            : "An example row: replace it with your tickets, one per row (see the import guide)");
  set_time(Out::kCreatedAt, "2026-01-05 09:30");
  set_time(Out::kFirstResponseAt, "2026-01-05 09:35");
  set_time(Out::kResolvedAt, "2026-01-05 09:50");
  return row;
}

}  // namespace

Result<ExportFile> Exporter::Export(const org::Principal& who, repo::TicketQuery query, const ExportOptions& o) {
  const TimeMs now = clock_.Now();
  return WriteFile(o, now, zone_, "tickets",
                   [&](const RowSink& sink) { return ForEachTicket(db_, who, std::move(query), o, now, zone_, sink); });
}

Result<ExportFile> Exporter::Template(const ExportOptions& o) const {
  const bool zh = o.language == ExportLanguage::kChinese;
  return WriteFile(o, clock_.Now(), zone_, zh ? "ticket-import-template-zh-CN" : "ticket-import-template-en",
                   [&](const RowSink& sink) -> Result<std::int64_t> {
                     SQM_TRY(sink(ExampleRow(zh, zone_)));
                     return 1;
                   });
}

}  // namespace sqm::desk
