#include "desk/importer.h"

#include <algorithm>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "base/crypto.h"
#include "base/json.h"
#include "desk/import/scan.h"
#include "desk/import/times.h"
#include "desk/repo.h"
#include "org/repo.h"

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

bj::array ErrorsJson(const std::vector<RowError>& errors, const char* column_key, std::size_t limit = SIZE_MAX) {
  bj::array out;
  for (const auto& e : errors) {
    if (out.size() >= limit) break;
    bj::object item{{"line", e.line}, {column_key, e.column}, {"reason", e.reason}};
    if (!e.key.empty()) {
      bj::object args;
      for (const auto& [name, value] : e.args) args[name] = value;
      item["key"] = e.key;
      item["args"] = std::move(args);
    }
    out.push_back(std::move(item));
  }
  return out;
}

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

// Raises the writer connection's page cache for one job and restores it after. SQLite only: the
// PRAGMA is the one statement here that is not portable SQL (a no-op request elsewhere would be
// harmless, so failures are ignored).
class LargeCache {
 public:
  LargeCache(Connection& db, std::int64_t kib) : db_(db) {
    if (kib <= 0) return;
    try {
      if (auto r = db_.QueryOne("PRAGMA cache_size")) previous_ = r->Int(0);
      db_.ExecScript(fmt::format("PRAGMA cache_size = {}", -kib));
    } catch (const std::exception& e) {
      spdlog::debug("import: cannot enlarge the page cache: {}", e.what());
      previous_.reset();
    }
  }
  ~LargeCache() {
    if (!previous_) return;
    try {
      db_.ExecScript(fmt::format("PRAGMA cache_size = {}", *previous_));
    } catch (const std::exception& e) {
      spdlog::warn("import: cannot restore the page cache size: {}", e.what());
    }
  }
  LargeCache(const LargeCache&) = delete;
  LargeCache& operator=(const LargeCache&) = delete;

 private:
  Connection& db_;
  std::optional<std::int64_t> previous_;
};

bool ValidKey(std::string_view key) {
  return !key.empty() && key.size() <= 200 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace

const char* ImportStatusName(ImportStatus s) {
  switch (s) {
    case ImportStatus::kValidating: return "validating";
    case ImportStatus::kApplying: return "applying";
    case ImportStatus::kDone: return "done";
    case ImportStatus::kFailed: return "failed";
  }
  return "";
}

bj::object ImportJobJson(const ImportJob& j) {
  auto opt = [](const std::optional<Id>& v) { return v ? bj::value(*v) : bj::value(nullptr); };
  return {{"id", j.id},
          {"status", ImportStatusName(j.status)},
          {"filename", j.filename},
          {"format", import::FormatName(j.format)},
          {"total", j.total},
          {"done", j.done},
          {"errors", ErrorsJson(j.errors, "column")},
          {"error_count", j.error_count},
          {"created_tickets", j.created_tickets},
          {"first_ticket_id", opt(j.first_ticket_id)},
          {"last_ticket_id", opt(j.last_ticket_id)},
          {"started_at", FormatIsoUtc(j.started_at)},
          {"finished_at", j.finished_at ? bj::value(FormatIsoUtc(*j.finished_at)) : bj::value(nullptr)}};
}

struct Importer::JobState {
  mutable std::mutex mu;
  ImportJob job;  // status, total and done come from `progress` while running
  ImportProgress progress;
  std::string data;
  std::mutex join_mu;  // one joiner at a time (Start reaping, Stop)
  std::thread thread;
  std::atomic<bool> finished{false};
};

Importer::Importer(storage::Database& db, Service& desk, sla::Service& sla, const Clock& clock, calendar::Zone zone,
                   ImporterOptions options)
    : db_(db),
      desk_(desk),
      sla_(sla),
      clock_(clock),
      zone_(std::move(zone)),
      options_(options),
      next_id_(clock.Now()) {}

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
      auto r = db.QueryOne("SELECT id FROM tickets WHERE external_id = ?", {external_id});
      if (!r) return std::nullopt;
      return TicketNumber(r->Int(0));
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
    SQM_TRY(tx.db().Exec("UPDATE tickets SET external_id = ? WHERE id = ?", {t.external_id, id}));
    data["external_id"] = t.external_id;
  }
  tx.Append("ticket", std::to_string(id), "ticket.imported", std::move(data));
  return Replayed{id, ticket.status != TicketStatus::kClosed};
}

ImportOutcome Importer::Import(const org::Principal& who, import::Format format, std::string_view data,
                               const std::string& filename, ImportProgress* progress) {
  ImportProgress local;
  ImportProgress& p = progress ? *progress : local;
  ImportOutcome out;
  out.import_id = next_id_.fetch_add(1);
  const std::string digest = crypto::Sha256Hex(data);
  auto fail_event = [&](const char* phase) {
    auto st = db_.Write(who.username, [&](WriteTx& tx) -> sqm::Status {
      tx.Append("import", std::to_string(out.import_id), "import.failed",
                {{"filename", filename},
                 {"format", import::FormatName(format)},
                 {"sha256", digest},
                 {"phase", phase},
                 {"rows", out.rows},
                 {"error_count", out.error_count},
                 {"errors", ErrorsJson(out.errors, "column", kEventErrors)}});
      return {};
    });
    if (!st.ok()) spdlog::warn("import {}: recording the failure failed: {}", out.import_id, st.error().message);
    p.status = static_cast<int>(ImportStatus::kFailed);
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
  scan([&](std::optional<import::ImportTicket>) {
    p.total = ++rows;
    return true;
  });
  out.rows = rows;
  if (out.ok() && rows == 0) Record(out, {0, "", Msg("import.no_tickets", "the file has a header but no tickets")});
  if (!out.ok()) {
    fail_event("validating");
    return out;
  }

  // Pass 2: read again and replay every ticket in one transaction.
  p.status = static_cast<int>(ImportStatus::kApplying);
  p.total = rows;
  std::vector<Id> open;
  std::optional<RowError> apply_error;
  auto applied = db_.Write(who.username, [&](WriteTx& tx) -> sqm::Status {
    const TimeMs started = tx.now();
    LargeCache cache(tx.db(), options_.apply_cache_kib);
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
    return {};
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
  return out;
}

// ---- jobs ----

Result<ImportJob> Importer::Start(const org::Principal& who, import::Format format, std::string data,
                                  std::string filename) {
  if (data.empty()) return Error::Invalid("", "the request body is empty: send the file as the body");
  std::shared_ptr<JobState> job;
  {
    std::lock_guard lock(jobs_mu_);
    int running = 0;
    std::vector<std::int64_t> finished;
    if (stopping_) return Error{ErrorCode::kUnavailable, "the server is shutting down", {}};
    for (auto& [id, j] : jobs_) {
      if (j->finished) {
        std::lock_guard join(j->join_mu);
        if (j->thread.joinable()) j->thread.join();
        finished.push_back(id);
      } else {
        ++running;
      }
    }
    if (running >= options_.max_running_jobs) {
      return Error{ErrorCode::kTooManyRequests,
                   fmt::format("{} imports are running; try again when one has finished", running),
                   {}};
    }
    for (std::size_t i = 0; i + options_.max_kept_jobs <= finished.size(); ++i) jobs_.erase(finished[i]);
    job = std::make_shared<JobState>();
    job->job.id = next_id_.fetch_add(1);
    job->job.owner = who.staff_id;
    job->job.filename = std::move(filename);
    job->job.format = format;
    job->job.started_at = clock_.Now();
    job->data = std::move(data);
    jobs_[job->job.id] = job;
    if (!options_.run_jobs_inline) job->thread = std::thread([this, job, who] { RunJob(job, who); });
  }
  if (options_.run_jobs_inline) RunJob(job, who);
  return Job(who, job->job.id);
}

void Importer::RunJob(const std::shared_ptr<JobState>& job, org::Principal who) {
  ImportOutcome out;
  bool crashed = false;
  try {
    out = Import(who, job->job.format, job->data, job->job.filename, &job->progress);
  } catch (const std::exception& e) {
    spdlog::error("import {} failed: {}", job->job.id, e.what());
    crashed = true;
    out.error_count = 1;
    out.errors = {
        {0, "", Msg("import.internal_error", "the import stopped on an internal error; nothing was written")}};
  }
  std::lock_guard lock(job->mu);
  job->job.status = out.ok() && !crashed ? ImportStatus::kDone : ImportStatus::kFailed;
  job->progress.status = static_cast<int>(job->job.status);
  job->job.total = job->progress.total;
  job->job.done = job->progress.done;
  job->job.errors = std::move(out.errors);
  job->job.error_count = out.error_count;
  job->job.created_tickets = out.created_tickets;
  job->job.first_ticket_id = out.first_ticket_id;
  job->job.last_ticket_id = out.last_ticket_id;
  job->job.finished_at = clock_.Now();
  std::string().swap(job->data);
  job->finished = true;
}

Result<ImportJob> Importer::Job(const org::Principal& who, std::int64_t id) const {
  std::shared_ptr<JobState> job;
  {
    std::lock_guard lock(jobs_mu_);
    auto it = jobs_.find(id);
    if (it != jobs_.end() && it->second->job.owner == who.staff_id) job = it->second;
  }
  if (!job) return Error::NotFound(fmt::format("import {} does not exist", id));
  std::lock_guard lock(job->mu);
  ImportJob out = job->job;
  if (!job->finished) {
    out.status = static_cast<ImportStatus>(job->progress.status.load());
    out.total = job->progress.total;
    out.done = job->progress.done;
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

struct StoredReply {
  std::string request_hash;
  int status = 0;
  std::string body;
};

std::optional<StoredReply> FindStored(Connection& db, const std::string& principal, const std::string& key) {
  auto r = db.QueryOne("SELECT request_hash, status, body FROM idempotency_keys WHERE principal = ? AND key = ?",
                       {principal, key});
  if (!r) return std::nullopt;
  return StoredReply{r->Text(0), static_cast<int>(r->Int(1)), r->Text(2)};
}

Result<BulkReply> AnswerStored(const StoredReply& s, const std::string& request_hash) {
  if (s.request_hash != request_hash) {
    return Error::Conflict("this Idempotency-Key was already used with a different request body", "Idempotency-Key");
  }
  return BulkReply{s.status, s.body, true};
}

}  // namespace

Result<BulkReply> Importer::Bulk(const org::Principal& who, std::string_view ndjson,
                                 const std::optional<std::string>& idempotency_key) {
  if (idempotency_key && !ValidKey(*idempotency_key)) {
    return Error::Invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
  }
  const std::string principal = fmt::format("staff:{}", who.staff_id);
  const std::string request_hash = crypto::Sha256Hex(ndjson);
  if (idempotency_key) {
    auto stored = db_.Read([&](Connection& db) { return FindStored(db, principal, *idempotency_key); });
    if (stored) return AnswerStored(*stored, request_hash);
  }

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

  const import::Directory dir = LoadDirectory();
  import::ValidateOptions options = OptionsFor(who);
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
    const std::size_t shown = std::min(errors.size(), options_.max_reported_errors);
    bj::object body{
        {"error",
         {{"code", "invalid"},
          {"message", fmt::format("{} problem{} in {} line{}; nothing was written", errors.size(),
                                  errors.size() == 1 ? "" : "s", lines.size(), lines.size() == 1 ? "" : "s")},
          {"field", errors.front().column}}},
        {"errors", ErrorsJson(errors, "field", shown)},
        {"error_count", errors.size()}};
    return BulkReply{400, json::Serialize(body), false};
  }

  const std::int64_t import_id = next_id_.fetch_add(1);
  std::vector<Id> open;
  std::optional<RowError> apply_error;
  bool key_taken = false;
  auto reply = db_.Write(who.username, [&](WriteTx& tx) -> Result<BulkReply> {
    const TimeMs started = tx.now();
    open.clear();
    if (idempotency_key && FindStored(tx.db(), principal, *idempotency_key)) {
      key_taken = true;  // a concurrent request with the same key committed first
      return Error::Conflict("Idempotency-Key in use", "Idempotency-Key");
    }
    bj::array created;
    for (const auto& t : tickets) {
      auto r = Replay(tx, who, dir, t, import_id);
      if (!r.ok()) {
        apply_error = RowError::Of(t.line, ColumnOfField(r.error().field), r.error());
        return r.error();
      }
      if (r->open) open.push_back(r->id);
      created.push_back({{"line", t.line},
                         {"id", r->id},
                         {"number", TicketNumber(r->id)},
                         {"external_id", t.external_id.empty() ? bj::value(nullptr) : bj::value(t.external_id)}});
    }
    tx.set_now(started);
    tx.set_actor(who.username);
    BulkReply out{201, json::Serialize(bj::object{{"created", created.size()}, {"tickets", created}}), false};
    if (idempotency_key) {
      SQM_TRY(
          tx.db().Exec("INSERT INTO idempotency_keys (principal, key, request_hash, status, body, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)",
                       {principal, *idempotency_key, request_hash, out.status, out.body, started}));
    }
    tx.Append("import", std::to_string(import_id), "import.bulk_completed",
              {{"lines", lines.size()},
               {"created_tickets", created.size()},
               {"sha256", request_hash},
               {"idempotency_key", idempotency_key ? bj::value(*idempotency_key) : bj::value(nullptr)}});
    return out;
  });
  if (!reply.ok()) {
    if (key_taken) {
      auto stored = db_.Read([&](Connection& db) { return FindStored(db, principal, *idempotency_key); });
      if (stored) return AnswerStored(*stored, request_hash);
    }
    if (apply_error) {
      bj::object body{
          {"error",
           {{"message", fmt::format("line {}: {}; nothing was written", apply_error->line, apply_error->reason)},
            {"code", ErrorCodeName(reply.error().code)},
            {"field", apply_error->column}}},
          {"errors", ErrorsJson({*apply_error}, "field")},
          {"error_count", 1}};
      return BulkReply{400, json::Serialize(body), false};  // a row the desk refused is a bad row
    }
    return reply.error();
  }
  for (Id id : open) sla_.Reschedule(id);
  return reply;
}

}  // namespace sqm::desk
