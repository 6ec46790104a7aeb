#include "desk/importer.h"

#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "base/crypto.h"
#include "base/json.h"
#include "base/text.h"
#include "desk/import/scan.h"
#include "desk/import/times.h"
#include "desk/repo/catalogue.h"
#include "desk/repo/tickets.h"

namespace sqm::desk {

namespace bj = boost::json;
// clang-format reads a line that starts with `import::` as a C++20 module import and mangles the
// function after it, so the import types used in declarations are named here.
using import::Column;
using import::Directory;
using import::RowError;
using import::RowInput;
using import::ValidateOptions;
using storage::Connection;
using storage::WriteTx;

namespace {

// Notes the replay leaves where a live agent would have written something.
constexpr const char* kRespondNote = "首次响应（历史记录导入） First response (imported history)";
constexpr const char* kCallbackNote = "回访（历史记录导入） Callback (imported history)";

constexpr std::size_t kEventErrors = 20;  // rejected rows quoted in an import.failed event

// A replay acts as it happened; scoping was checked when the rows were validated.
org::Principal Acting(const org::Principal& who) {
  org::Principal p = who;
  p.scope = org::Scope{true, {}};
  return p;
}

org::Principal ActingStaff(const org::Principal& importer, const import::Directory& dir, std::optional<Id> staff) {
  if (!staff) return Acting(importer);
  const auto* s = dir.StaffById(*staff);
  if (!s) return Acting(importer);
  org::Principal p;
  p.staff_id = s->id;
  p.username = s->username;
  p.display_name = s->display_name;
  p.department_id = s->department_id;
  p.scope = org::Scope{true, {}};
  return p;
}

// The column a desk::Service error field belongs to, for rows rejected while applying.
std::string ColumnOfField(const std::string& field) {
  if (field == "customer_id") return "customer";
  if (field == "category_id") return "category";
  if (field == "department_id") return "department";
  if (field == "assignee_id") return "assignee";
  return field;
}

}  // namespace

bj::array RowErrorsJson(const std::vector<RowError>& errors, const char* column_key, std::size_t limit) {
  bj::array out;
  for (const auto& e : errors) {
    if (out.size() >= limit) break;
    // Bounded: a column name, a reason or a value from a file can be as large as the file.
    bj::object item{{"line", e.line}, {column_key, Bounded(e.column)}, {"reason", Bounded(e.reason, 1000)}};
    if (!e.key.empty()) {
      bj::object args;
      for (const auto& [name, value] : e.args) args[name] = Bounded(value);
      item["key"] = e.key;
      item["args"] = std::move(args);
    }
    out.push_back(std::move(item));
  }
  return out;
}

const char* ImportStatusName(ImportStatus s) {
  switch (s) {
    case ImportStatus::kValidating: return "validating";
    case ImportStatus::kApplying: return "applying";
    case ImportStatus::kDone: return "done";
    case ImportStatus::kFailed: return "failed";
  }
  return "";
}

struct Importer::JobState {
  mutable std::mutex mu;
  repo::ImportJobRow row;  // as last written
  ImportProgress progress;
  ImportFile data;
  std::mutex join_mu;  // one joiner at a time (Start reaping, Stop)
  std::thread thread;
  std::atomic<bool> finished{false};
};

namespace {

std::string ThisServer() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return fmt::format("{}:{}", host[0] ? host : "localhost", ::getpid());
}

std::optional<ImportStatus> ParseImportStatus(std::string_view s) {
  for (auto st : {ImportStatus::kValidating, ImportStatus::kApplying, ImportStatus::kDone, ImportStatus::kFailed}) {
    if (s == ImportStatusName(st)) return st;
  }
  return std::nullopt;
}

// The stored errors (RowErrorsJson's form) read back.
std::vector<RowError> RowErrorsFromJson(const std::string& text) {
  std::vector<RowError> out;
  auto parsed = json::Parse(text);
  if (!parsed.ok() || !parsed->is_array()) return out;
  for (const auto& v : parsed->get_array()) {
    if (!v.is_object()) continue;
    const auto& o = v.get_object();
    RowError e;
    if (auto* line = o.if_contains("line"); line && line->is_int64()) e.line = static_cast<int>(line->get_int64());
    if (auto* c = o.if_contains("column"); c && c->is_string()) e.column = std::string(c->get_string());
    if (auto* r = o.if_contains("reason"); r && r->is_string()) e.reason = std::string(r->get_string());
    if (auto* k = o.if_contains("key"); k && k->is_string()) e.key = std::string(k->get_string());
    if (auto* args = o.if_contains("args"); args && args->is_object()) {
      for (const auto& kv : args->get_object()) {
        if (kv.value().is_string()) e.args.emplace_back(std::string(kv.key()), std::string(kv.value().get_string()));
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Importer::Importer(storage::Database& db, Service& desk, sla::Service& sla, const Clock& clock, calendar::Zone zone,
                   ImporterOptions options)
    : db_(db),
      desk_(desk),
      sla_(sla),
      clock_(clock),
      zone_(std::move(zone)),
      options_(std::move(options)),
      next_id_(clock.Now()) {
  if (options_.server.empty()) options_.server = ThisServer();
}

Importer::~Importer() {
  Stop();
}

void Importer::Stop() {
  stopping_ = true;
  std::vector<std::shared_ptr<JobState>> running;
  {
    std::lock_guard lock(jobs_mu_);
    for (auto& [id, job] : jobs_) running.push_back(job);
  }
  for (auto& job : running) {
    std::lock_guard lock(job->join_mu);
    if (job->thread.joinable()) job->thread.join();
  }
}

Directory Importer::LoadDirectory() {
  return db_.Read([](Connection& db) { return repo::LoadDirectory(db, /*with_customers=*/true); });
}

ValidateOptions Importer::OptionsFor(const org::Principal& who) const {
  ValidateOptions o;
  o.zone = zone_;
  o.now = clock_.Now();
  o.scope = who.scope;
  o.caller_department = who.department_id;
  o.imported_as = [this](const std::string& external_id) {
    return db_.Read([&](Connection& db) -> std::optional<std::string> {
      auto id = repo::TicketWithExternalId(db, external_id);
      if (!id) return std::nullopt;
      return TicketNumber(*id);
    });
  };
  return o;
}

void Importer::Record(ImportOutcome& out, RowError e) const {
  ++out.error_count;
  if (out.errors.size() < options_.max_reported_errors) out.errors.push_back(std::move(e));
}

Result<Importer::Replayed> Importer::Replay(WriteTx& tx, const org::Principal& importer, const import::Directory& dir,
                                            const import::ImportTicket& t, std::int64_t import_id) {
  const TimeMs started = tx.now();
  const org::Principal registrar = Acting(importer);
  const org::Principal worker = ActingStaff(importer, dir, t.draft.assignee_id);

  // A historical ticket's assignee takes it in an accept step rather than at registration, which
  // would notify them of every old ticket; a live one (bulk API, no created_at) notifies as usual.
  TicketDraft draft = t.draft;
  const bool accept_as_assignee = t.draft.assignee_id && !t.live;
  if (accept_as_assignee) draft.assignee_id.reset();
  tx.set_now(t.created_at);
  tx.set_actor(importer.username);
  SQM_ASSIGN(Ticket ticket, desk_.RegisterIn(tx, registrar, draft));
  const Id id = ticket.id;
  tx.set_actor(worker.username);
  auto act = [&](Action a, TimeMs at, auto&& fill) -> sqm::Status {
    tx.set_now(at);
    ActionInput in;
    in.action = a;
    fill(in);
    auto r = desk_.ActIn(tx, worker, ticket, in);  // scoping was checked when the rows were validated
    if (!r.ok()) return r.error();
    ticket = std::move(r.value());
    return {};
  };
  auto nothing = [](ActionInput&) {};
  if (accept_as_assignee) SQM_TRY(act(Action::kAccept, t.created_at, nothing));
  if (t.first_response_at) {
    SQM_TRY(act(Action::kRespond, *t.first_response_at, [](ActionInput& in) { in.note = kRespondNote; }));
  }
  if (t.resolved_at) {
    if (ticket.status == TicketStatus::kNew) SQM_TRY(act(Action::kAccept, *t.resolved_at, nothing));
    SQM_TRY(act(Action::kResolve, *t.resolved_at, nothing));
  }
  if (t.callback_at) {
    SQM_TRY(act(Action::kCallback, *t.callback_at, [&](ActionInput& in) {
      in.reached = true;
      in.resolved = t.callback_resolved;
      in.satisfaction = t.satisfaction;
      in.note = kCallbackNote;
    }));
  }
  if (t.closed_at) SQM_TRY(act(Action::kClose, *t.closed_at, nothing));

  tx.set_now(started);
  tx.set_actor(importer.username);
  bj::object data{{"import_id", import_id}, {"line", t.line}};
  if (!t.external_id.empty()) {
    SQM_TRY(repo::SetExternalId(tx.db(), id, t.external_id));
    data["external_id"] = t.external_id;
  }
  tx.Append("ticket", std::to_string(id), "ticket.imported", std::move(data));
  return Replayed{id, ticket.status != TicketStatus::kClosed};
}

ImportOutcome Importer::Import(const org::Principal& who, import::Format format, import::Input data,
                               const std::string& filename, ImportProgress* progress) {
  ImportProgress local;
  return Run(who, format, data, filename, next_id_.fetch_add(1), progress ? *progress : local, nullptr);
}

Status Importer::WriteJob(WriteTx& tx, JobState* job, const std::function<void(repo::ImportJobRow&)>& change) {
  if (!job) return {};
  std::lock_guard lock(job->mu);
  repo::ImportJobRow row = job->row;
  change(row);
  row.updated_at = row.heartbeat_at = clock_.Now();
  SQM_TRY(repo::UpdateImportJob(tx.db(), row));
  job->row = std::move(row);
  return {};
}

void Importer::SaveJob(JobState* job, const std::function<void(repo::ImportJobRow&)>& change) {
  if (!job) return;
  auto st = db_.Write(options_.server, [&](WriteTx& tx) { return WriteJob(tx, job, change); });
  if (!st.ok()) spdlog::warn("import {}: writing its progress failed: {}", job->row.id, st.error().message);
  AfterJobWrite(job);
}

void Importer::AfterJobWrite(JobState* job) {
  if (!job || !options_.after_job_write) return;
  std::string status;
  std::int64_t id = 0;
  {
    std::lock_guard lock(job->mu);
    status = job->row.status;
    id = job->row.id;
  }
  options_.after_job_write(id, ParseImportStatus(status).value_or(ImportStatus::kFailed));
}

ImportOutcome Importer::Run(const org::Principal& who, import::Format format, import::Input data,
                            const std::string& filename, std::int64_t import_id, ImportProgress& p, JobState* job) {
  ImportOutcome out;
  out.import_id = import_id;
  const std::string digest = import::Sha256Hex(data);
  auto fail_event = [&](const char* phase) {
    auto st = db_.Write(who.username, [&](WriteTx& tx) -> sqm::Status {
      tx.Append("import", std::to_string(out.import_id), "import.failed",
                {{"filename", Bounded(filename)},
                 {"format", import::FormatName(format)},
                 {"sha256", digest},
                 {"phase", phase},
                 {"rows", out.rows},
                 {"error_count", out.error_count},
                 {"errors", RowErrorsJson(out.errors, "column", kEventErrors)}});
      return WriteJob(tx, job, [&](repo::ImportJobRow& row) {
        row.status = ImportStatusName(ImportStatus::kFailed);
        row.phase = phase;
        row.rows_total = out.rows;
        row.rows_done = 0;
        row.error_count = out.error_count;
        row.errors = json::Serialize(RowErrorsJson(out.errors, "column", options_.max_reported_errors));
        row.finished_at = clock_.Now();
      });
    });
    if (!st.ok()) spdlog::warn("import {}: recording the failure failed: {}", out.import_id, st.error().message);
    p.status = static_cast<int>(ImportStatus::kFailed);
    AfterJobWrite(job);
  };

  // Pass 1: validate everything, keep nothing but the errors.
  p.status = static_cast<int>(ImportStatus::kValidating);
  const Directory dir = LoadDirectory();
  const ValidateOptions options = OptionsFor(who);
  // Reads the whole file; false when it cannot be read to its end (or the server stops).
  auto scan = [&](const std::function<bool(std::optional<import::ImportTicket>)>& on_row) {
    import::Validator validator(dir, options);
    const auto end = import::ScanFile(
        format, data, validator, [&](RowError e) { Record(out, std::move(e)); },
        [&](std::optional<import::ImportTicket> t) { return !stopping_ && on_row(std::move(t)); });
    if (end == import::ScanEnd::kStopped && stopping_) {
      Record(out, {0, "",
                   Msg("import.server_stopped", "the server stopped before the import finished; nothing was written")});
    }
    return end == import::ScanEnd::kEnd;
  };
  std::int64_t rows = 0;
  bool too_many_rows = false;
  scan([&](std::optional<import::ImportTicket>) {
    if (rows >= options_.max_rows) {  // refused whole: its other problems do not matter now
      too_many_rows = true;
      return false;
    }
    p.total = ++rows;
    if (job && options_.progress_rows > 0 && rows % options_.progress_rows == 0) {
      SaveJob(job, [&](repo::ImportJobRow& row) { row.rows_total = rows; });
    }
    return true;
  });
  out.rows = rows;
  if (too_many_rows) {
    out.errors.clear();
    out.error_count = 0;
    Record(out, {0, "",
                 Msg("import.too_many_rows",
                     "the file has more than {limit} rows; import it as several files of at most {limit} rows each",
                     {{"limit", std::to_string(options_.max_rows)}})});
  }
  if (out.ok() && rows == 0) Record(out, {0, "", Msg("import.no_tickets", "the file has a header but no tickets")});
  if (!out.ok()) {
    fail_event("validating");
    return out;
  }

  // Pass 2: read again and replay every ticket in one transaction.
  p.status = static_cast<int>(ImportStatus::kApplying);
  p.total = rows;
  SaveJob(job, [&](repo::ImportJobRow& row) {
    row.status = row.phase = ImportStatusName(ImportStatus::kApplying);
    row.rows_total = rows;
  });
  std::vector<Id> open;
  std::optional<RowError> apply_error;
  auto applied = db_.Write(who.username, [&](WriteTx& tx) -> sqm::Status {
    const TimeMs started = tx.now();
    repo::LargeCache cache(tx.db(), options_.apply_cache_kib);
    std::int64_t done = 0;
    sqm::Status st;
    const bool read = scan([&](std::optional<import::ImportTicket> t) {
      if (!t) {  // the file changed under us, which it cannot; refuse rather than guess
        st = Error::Internal("a row that was valid no longer is");
        return false;
      }
      auto r = Replay(tx, who, dir, *t, out.import_id);
      if (!r.ok()) {
        apply_error = RowError::Of(t->line, ColumnOfField(r.error().field), r.error());
        st = r.error();
        return false;
      }
      if (!out.first_ticket_id) out.first_ticket_id = r->id;
      out.last_ticket_id = r->id;
      if (r->open) open.push_back(r->id);
      p.done = ++done;
      return true;
    });
    SQM_TRY(st);
    if (!read || !out.ok()) return Error::Internal("the file could not be read a second time");
    tx.set_now(started);
    tx.set_actor(who.username);
    tx.Append("import", std::to_string(out.import_id), "import.completed",
              {{"filename", filename},
               {"format", import::FormatName(format)},
               {"sha256", digest},
               {"rows", rows},
               {"created_tickets", done},
               {"first_ticket_id", out.first_ticket_id ? bj::value(*out.first_ticket_id) : bj::value(nullptr)},
               {"last_ticket_id", out.last_ticket_id ? bj::value(*out.last_ticket_id) : bj::value(nullptr)}});
    // The row says done in the transaction that writes the tickets: never done without them.
    return WriteJob(tx, job, [&](repo::ImportJobRow& row) {
      row.status = ImportStatusName(ImportStatus::kDone);
      row.rows_total = rows;
      row.rows_done = row.created_tickets = done;
      row.first_ticket_id = out.first_ticket_id;
      row.last_ticket_id = out.last_ticket_id;
      row.finished_at = clock_.Now();
    });
  });
  if (!applied.ok()) {
    out.first_ticket_id.reset();
    out.last_ticket_id.reset();
    if (out.ok()) Record(out, apply_error.value_or(RowError::Of(0, "", applied.error())));
    fail_event("applying");
    return out;
  }
  out.created_tickets = rows;
  for (Id id : open) sla_.Reschedule(id);
  p.status = static_cast<int>(ImportStatus::kDone);
  AfterJobWrite(job);
  return out;
}

// ---- jobs ----

Result<ImportJob> Importer::Start(const org::Principal& who, import::Format format, ImportFile data,
                                  std::string filename) {
  if (data.empty()) return Error::Invalid("", "the request body is empty: send the file as the body");
  {
    std::lock_guard lock(jobs_mu_);
    if (stopping_) return Error{ErrorCode::kUnavailable, "the server is shutting down", {}};
    for (auto it = jobs_.begin(); it != jobs_.end();) {  // reap finished jobs: their rows answer for them
      if (it->second->finished) {
        std::lock_guard join(it->second->join_mu);
        if (it->second->thread.joinable()) it->second->thread.join();
        it = jobs_.erase(it);
      } else {
        ++it;
      }
    }
    const int running = static_cast<int>(jobs_.size()) + starting_;
    if (running >= options_.max_running_jobs) {
      return Error{ErrorCode::kTooManyRequests,
                   fmt::format("{} imports are running; try again when one has finished", running),
                   {}};
    }
    ++starting_;  // holds the slot while the row is written (outside the lock: a write may wait)
  }
  auto job = std::make_shared<JobState>();
  repo::ImportJobRow& row = job->row;
  row.created_by = who.staff_id;
  row.created_at = row.updated_at = row.heartbeat_at = clock_.Now();
  row.filename = std::move(filename);
  row.format = import::FormatName(format);
  row.status = row.phase = ImportStatusName(ImportStatus::kValidating);
  row.server = options_.server;
  auto id = db_.Write(who.username, [&](WriteTx& tx) { return repo::InsertImportJob(tx.db(), row); });
  {
    std::lock_guard lock(jobs_mu_);
    --starting_;
    if (!id.ok()) return id.error();
    if (stopping_) return Error{ErrorCode::kUnavailable, "the server is shutting down", {}};
    row.id = *id;
    job->data = std::move(data);
    jobs_[row.id] = job;
    if (!options_.run_jobs_inline) job->thread = std::thread([this, job, who, format] { RunJob(job, who, format); });
  }
  if (options_.run_jobs_inline) RunJob(job, who, format);  // tests: the job has ended when Start answers
  std::lock_guard lock(job->mu);
  return FromRow(job->row);
}

void Importer::RunJob(const std::shared_ptr<JobState>& job, org::Principal who, import::Format format) {
  std::string filename;
  {
    std::lock_guard lock(job->mu);
    filename = job->row.filename;
  }
  try {
    Run(who, format, job->data.input(), filename, job->row.id, job->progress, job.get());
  } catch (const std::exception& e) {
    spdlog::error("import {} failed: {}", job->row.id, e.what());
    job->progress.status = static_cast<int>(ImportStatus::kFailed);
    try {
      SaveJob(job.get(), [&](repo::ImportJobRow& row) {
        row.status = ImportStatusName(ImportStatus::kFailed);
        row.error_count = 1;
        row.errors = json::Serialize(RowErrorsJson(
            {{0, "", Msg("import.internal_error", "the import stopped on an internal error; nothing was written")}},
            "column"));
        row.finished_at = clock_.Now();
      });
    } catch (const std::exception& again) {
      spdlog::error("import {}: recording the failure failed: {}", job->row.id, again.what());
    }
  }
  job->data = {};  // an upload's temporary file closes (and is gone) with the job's last hold on it
  job->finished = true;
}

ImportJob Importer::FromRow(const repo::ImportJobRow& row) const {
  ImportJob j;
  j.id = row.id;
  j.owner = row.created_by;
  j.filename = row.filename;
  j.format = row.format == import::FormatName(import::Format::kXlsx) ? import::Format::kXlsx : import::Format::kCsv;
  j.status = ParseImportStatus(row.status).value_or(ImportStatus::kFailed);
  j.total = row.rows_total;
  j.done = row.rows_done;
  j.errors = RowErrorsFromJson(row.errors);
  j.error_count = row.error_count;
  j.created_tickets = row.created_tickets;
  j.first_ticket_id = row.first_ticket_id;
  j.last_ticket_id = row.last_ticket_id;
  j.started_at = row.created_at;
  j.finished_at = row.finished_at;
  return j;
}

Result<ImportJob> Importer::Job(const org::Principal& who, std::int64_t id) const {
  std::shared_ptr<JobState> job;
  {
    std::lock_guard lock(jobs_mu_);
    auto it = jobs_.find(id);
    if (it != jobs_.end() && !it->second->finished) job = it->second;
  }
  if (job) {  // running here: the live progress
    std::lock_guard lock(job->mu);
    if (job->row.created_by != who.staff_id) return Error::NotFound(fmt::format("import {} does not exist", id));
    ImportJob out = FromRow(job->row);
    if (out.finished_at) return out;
    // The progress says failed or done a moment before the row (errors, counts) is written: until
    // then the job is still in its last working phase.
    const auto status = static_cast<ImportStatus>(job->progress.status.load());
    if (status != ImportStatus::kFailed && status != ImportStatus::kDone) out.status = status;
    out.total = job->progress.total;
    out.done = job->progress.done;
    return out;
  }
  auto row = db_.Read([&](Connection& db) { return repo::FindImportJob(db, id); });
  if (!row || row->created_by != who.staff_id) return Error::NotFound(fmt::format("import {} does not exist", id));
  ImportJob out = FromRow(*row);
  if (!out.finished_at) {
    // Not finished: its server is alive while the heartbeat is recent. While applying, nothing can
    // be written until the apply commits, so each row gets its allowance.
    TimeMs limit = options_.heartbeat_timeout;
    if (out.status == ImportStatus::kApplying) limit += row->rows_total * options_.apply_ms_per_row;
    if (clock_.Now() - row->heartbeat_at > limit) {
      out.status = ImportStatus::kFailed;
      out.done = 0;
      out.error_count = 1;
      out.errors = {{0, "",
                     Msg("import.server_lost",
                         "the server running the import ({server}) stopped before it finished; nothing was written",
                         {{"server", Bounded(row->server, 100)}})}};
    }
  }
  return out;
}

// ---- bulk NDJSON ----

namespace {

// The JSON keys of a bulk line: the import columns by their English names, and the ids of
// POST /api/v1/tickets (which never match a name).
struct JsonKey {
  const char* key;
  Column column;
  bool id_only;
};
constexpr JsonKey kIdKeys[] = {{"customer_id", Column::kCustomer, true},
                               {"category_id", Column::kCategory, true},
                               {"department_id", Column::kDepartment, true},
                               {"assignee_id", Column::kAssignee, true}};

std::optional<JsonKey> FindKey(std::string_view key) {
  for (const auto& k : kIdKeys) {
    if (key == k.key) return k;
  }
  for (Column c : import::kColumns) {
    if (key == import::ColumnName(c)) return JsonKey{import::ColumnName(c), c, false};
  }
  return std::nullopt;
}

Result<ComplaintDraft> ReadComplaint(const bj::value& v, const calendar::Zone& zone) {
  json::Reader in(v, "complaint");
  ComplaintDraft cd;
  if (auto s = in.OptString("category", {.min_len = 1, .max_len = 40})) {
    if (auto c = ParseLabel<ComplaintCategory>(*s)) {
      cd.category = *c;
    } else {
      in.Fail("category", Msg("import.complaint_category",
                              "must be one of attitude, efficiency, professionalism, outcome, facilities, other"));
    }
  }
  cd.about_staff_id = in.OptInt("about_staff_id", 1);
  cd.about_department_id = in.OptInt("about_department_id", 1);
  cd.severity = static_cast<int>(in.OptInt("severity", 1, 3).value_or(2));
  cd.responsible_id = in.OptInt("responsible_id", 1);
  if (auto s = in.OptString("deadline_at", {.min_len = 1, .max_len = 40})) {
    cd.deadline_at = import::ParseTime(*s, zone);
    if (!cd.deadline_at) in.Fail("deadline_at", Msg("import.complaint_deadline", "must be an ISO-8601 date-time"));
  }
  SQM_TRY(in.Done());
  return cd;
}

// One NDJSON line as a row; problems go to `errors`.
RowInput JsonRow(int line, const bj::object& obj, const calendar::Zone& zone, std::vector<RowError>& errors) {
  RowInput row;
  row.line = line;
  for (const auto& kv : obj) {
    const std::string key(kv.key());
    const bj::value& v = kv.value();
    if (key == "complaint") {
      if (v.is_null()) continue;
      auto c = ReadComplaint(v, zone);
      if (c.ok()) {
        row.complaint = *c;
      } else {
        errors.push_back(RowError::Of(line, c.error().field, c.error()));
      }
      continue;
    }
    auto k = FindKey(key);
    if (!k) {
      errors.emplace_back(line, key, Msg("import.unknown_field", "unknown field"));
      continue;
    }
    if (v.is_null()) continue;
    import::Field f;
    f.name = key;
    f.id_only = k->id_only;
    if (k->id_only) {
      if (v.is_int64() && v.get_int64() > 0) {
        f.text = std::to_string(v.get_int64());
      } else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        f.text = std::to_string(v.get_uint64());
      } else {
        errors.emplace_back(line, key, Msg("import.positive_id", "must be a positive integer id"));
        continue;
      }
    } else if (v.is_string()) {
      f.text = std::string(v.get_string());
    } else if (v.is_int64() || v.is_uint64()) {
      f.text = json::Serialize(v);  // a customer or category id, a phone written as a number
    } else {
      errors.emplace_back(line, key, Msg("import.must_be_string", "must be a string"));
      continue;
    }
    auto& slot = row.fields[static_cast<int>(k->column)];
    if (slot) {
      errors.emplace_back(line, key,
                          Msg("import.either_field", "give either {first} or {second}, not both",
                              {{"first", slot->name}, {"second", key}}));
      continue;
    }
    slot = std::move(f);
  }
  return row;
}

}  // namespace

Result<BulkOutcome> Importer::Bulk(const org::Principal& who, std::string_view ndjson, const BulkCommit& commit) {
  // Split into lines; count the ones with content.
  std::vector<std::pair<int, std::string_view>> lines;
  int number = 0;
  for (std::size_t pos = 0; pos < ndjson.size();) {
    auto end = ndjson.find('\n', pos);
    if (end == std::string_view::npos) end = ndjson.size();
    auto line = ndjson.substr(pos, end - pos);
    ++number;
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    lines.emplace_back(number, line);
    if (static_cast<int>(lines.size()) > options_.max_bulk_lines) {
      return Error{ErrorCode::kPayloadTooLarge,
                   fmt::format("at most {} lines per request; split the batch", options_.max_bulk_lines),
                   {}};
    }
  }
  if (lines.empty()) return Error::Invalid("", "the body has no lines: send one JSON object per line");

  BulkOutcome out;
  out.lines = lines.size();
  const Directory dir = LoadDirectory();
  ValidateOptions options = OptionsFor(who);
  options.default_created_at = options.now;
  import::Validator validator(dir, options);
  std::vector<import::ImportTicket> tickets;
  std::vector<RowError> errors;
  for (const auto& [n, text] : lines) {
    auto parsed = json::Parse(text);
    if (!parsed.ok()) {
      errors.emplace_back(
          n, "", Msg("import.invalid_json", "is not valid JSON: {detail}", {{"detail", parsed.error().message}}));
      continue;
    }
    if (!parsed->is_object()) {
      errors.emplace_back(n, "", Msg("import.not_an_object", "must be a JSON object"));
      continue;
    }
    const std::size_t before = errors.size();
    auto row = JsonRow(n, parsed->get_object(), zone_, errors);
    auto t = validator.Check(row, errors);
    if (t && errors.size() == before) tickets.push_back(std::move(*t));
  }
  if (!errors.empty()) {
    out.error_count = errors.size();
    if (errors.size() > options_.max_reported_errors) errors.resize(options_.max_reported_errors);
    out.errors = std::move(errors);
    return out;
  }

  const std::int64_t import_id = next_id_.fetch_add(1);
  std::vector<Id> open;
  std::optional<RowError> apply_error;
  auto applied = db_.Write(who.username, [&](WriteTx& tx) -> sqm::Status {
    const TimeMs started = tx.now();
    open.clear();
    out.created.clear();
    for (const auto& t : tickets) {
      auto r = Replay(tx, who, dir, t, import_id);
      if (!r.ok()) {
        apply_error = RowError::Of(t.line, ColumnOfField(r.error().field), r.error());
        return r.error();
      }
      if (r->open) open.push_back(r->id);
      out.created.push_back({t.line, r->id, t.external_id});
    }
    tx.set_now(started);
    tx.set_actor(who.username);
    if (commit.before_commit) SQM_TRY(commit.before_commit(tx, out));
    tx.Append("import", std::to_string(import_id), "import.bulk_completed",
              {{"lines", lines.size()},
               {"created_tickets", out.created.size()},
               {"sha256", crypto::Sha256Hex(ndjson)},
               {"idempotency_key", commit.idempotency_key ? bj::value(*commit.idempotency_key) : bj::value(nullptr)}});
    return {};
  });
  if (!applied.ok()) {
    if (!apply_error) return applied.error();
    out.created.clear();  // a row the desk refused is a bad row: nothing was written
    out.errors = {*apply_error};
    out.error_count = 1;
    out.while_applying = true;
    return out;
  }
  for (Id id : open) sla_.Reschedule(id);
  return out;
}

}  // namespace sqm::desk
