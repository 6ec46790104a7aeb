// Applying imports. The Importer turns a checked file (import.h) into tickets, all or nothing:
//
//   1. load a Directory snapshot (customers, categories, departments, staff) with one read;
//   2. validate every row and collect every error; if any row fails, write nothing and report
//      them all (an `import.failed` event records the outcome);
//   3. otherwise replay each ticket inside ONE Database::Write job, dating every step with
//      tx.set_now(): register at created_at, accept as the assignee, respond at
//      first_response_at, resolve at resolved_at, a reached callback at callback_at, close at
//      closed_at. desk::Service runs exactly the code a live ticket runs, so SLA timers are met
//      or breached as they would have been, and the events are the ones live operation writes.
//      The same job appends `import.completed`. If any step fails, the job rolls back entirely.
//   4. after the commit, reschedule the SLA deadline queue for every ticket left open (running
//      timers of imported tickets fire at once if their due time has passed, as they would have).
//
// Files run as background jobs with progress (Start/Job, for the HTTP routes) or synchronously
// (Import, for the CLI, tests and the benchmark). Bulk() is the NDJSON API for integrations:
// the same rows as JSON objects, synchronous; its route keeps the Idempotency-Key in the same
// transaction as the tickets (BulkCommit).
//
// While an import applies, it holds the single SQLite writer: other writes wait for it (about a
// minute and a quarter per 100,000 tickets on the development machine; see bench/README.md).
//
// Jobs are rows of `import_jobs` (repo/import_jobs.h), written through the Database when the job
// starts, between validation chunks (every progress_rows rows: the rows read so far and a
// heartbeat), when it starts applying, in the apply's own transaction when it is done, and when it
// fails. So every server on the database answers Job(): the server that runs the job answers from
// its live progress, the others from the row. The apply phase is one write job that holds the
// writer of every server (SQLite's single writer, PostgreSQL's chain lock), so nothing, not even
// the heartbeat, is written while it runs: other servers show `applying` with `done` 0 until it
// commits. A job that is not finished and whose heartbeat is older than heartbeat_timeout (during
// the apply, plus apply_ms_per_row for each row) is reported `failed`: its server stopped, and as
// the apply is one transaction, nothing of it was written.
//
// Threading: thread-safe. Each job runs on its own thread. Stop() (also run by the destructor)
// stops running jobs (a job stopped while applying rolls back: nothing of it is written) and waits
// for them; call it before the services and the Database it uses stop.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/zone.h"
#include "desk/import/directory.h"
#include "desk/import/record.h"
#include "desk/import/validator.h"
#include "desk/repo/import_jobs.h"
#include "desk/service.h"
#include "org/model.h"
#include "sla/service.h"
#include "storage/database.h"

namespace sqm::desk {

enum class ImportStatus { kValidating, kApplying, kDone, kFailed };
const char* ImportStatusName(ImportStatus s);  // "validating", "applying", "done", "failed"

struct ImporterOptions {
  int max_running_jobs = 2;                // more at once: kTooManyRequests
  std::size_t max_reported_errors = 1000;  // errors listed per import; error_count counts all
  int max_bulk_lines = 10'000;             // per Bulk() request
  // Data rows per file (Import/Start): a file with more is refused as soon as its row max_rows + 1
  // is read, with the one error import.too_many_rows and nothing written. A file is applied in one
  // transaction that holds every server's writer (about a minute and a quarter per 100,000
  // tickets), so a larger history is imported as several files. `sqm serve --import-max-rows`.
  std::int64_t max_rows = 100'000;
  // SQLite page cache of the writer while a file is applied, in KiB (0: leave it). A file is one
  // transaction much larger than the default 2 MiB cache; without a large cache most page reads
  // of the job search the ever longer write-ahead log, and the import slows down as it grows.
  std::int64_t apply_cache_kib = 256 * 1024;
  // Start() runs the job on the caller's thread and answers once it has finished (tests: no
  // waiting for a job thread). Serving keeps this off.
  bool run_jobs_inline = false;
  // The name of this server in the jobs it runs; empty: "<hostname>:<pid>".
  std::string server;
  std::int64_t progress_rows = 1000;  // validated rows between two writes of a job's progress
  TimeMs heartbeat_timeout = 2 * 60 * 1000;
  TimeMs apply_ms_per_row = 10;  // allowance per row while applying (about 0.75 ms are needed)
  // Called after each write of a job's row, with its status (tests: look at the row then).
  std::function<void(std::int64_t job_id, ImportStatus status)> after_job_write;
};

// Live progress, updated by the import while it runs. Validating: `total` counts the rows read
// so far and `done` stays 0. Applying: `total` is the number of rows, `done` those replayed.
struct ImportProgress {
  std::atomic<int> status{static_cast<int>(ImportStatus::kValidating)};
  std::atomic<std::int64_t> total{0};
  std::atomic<std::int64_t> done{0};
};

// Rejected rows as JSON: [{"line", <column_key>, "reason", "key", "args"}] (key and args when the
// reason has them), at most `limit`. The import.failed event stores this form and the API answers
// it.
boost::json::array RowErrorsJson(const std::vector<import::RowError>& errors, const char* column_key,
                                 std::size_t limit = SIZE_MAX);

struct ImportOutcome {
  std::int64_t import_id = 0;
  std::int64_t rows = 0;  // data rows (blank rows are skipped)
  std::int64_t created_tickets = 0;
  std::optional<Id> first_ticket_id, last_ticket_id;
  std::vector<import::RowError> errors;  // the first max_reported_errors; line 0 = the whole file
  std::int64_t error_count = 0;
  bool ok() const { return error_count == 0; }
};

// The file a job imports (the job holds it until it ends, then lets it go).
using import::ImportFile;

// What GET /api/v1/tickets/imports/{id} shows.
struct ImportJob {
  std::int64_t id = 0;
  Id owner = 0;  // staff id of the caller who started it; only they see it
  std::string filename;
  import::Format format = import::Format::kCsv;
  ImportStatus status = ImportStatus::kValidating;
  std::int64_t total = 0;
  std::int64_t done = 0;
  std::vector<import::RowError> errors;
  std::int64_t error_count = 0;
  std::int64_t created_tickets = 0;
  std::optional<Id> first_ticket_id, last_ticket_id;
  TimeMs started_at = 0;
  std::optional<TimeMs> finished_at;
};

// The outcome of a bulk NDJSON request: every line became a ticket, or none did.
struct BulkOutcome {
  struct Created {
    int line = 0;
    Id id = 0;
    std::string external_id;
  };
  std::size_t lines = 0;                 // lines with content
  std::vector<Created> created;          // one per line, in order, when all went in
  std::vector<import::RowError> errors;  // the first max_reported_errors rejected lines
  std::size_t error_count = 0;
  bool while_applying = false;  // the one error is a row the desk refused while applying
  bool ok() const { return error_count == 0; }
};

// What a caller adds to a bulk request's transaction (the route keeps the Idempotency-Key there).
struct BulkCommit {
  std::optional<std::string> idempotency_key;  // recorded in the import.bulk_completed event
  // Runs inside the write job once every line is in, before the commit; an error rolls the whole
  // batch back and is Bulk's answer.
  std::function<Status(storage::WriteTx&, const BulkOutcome&)> before_commit;
};

class Importer {
 public:
  // `zone` is the business time zone (times in files without an offset are local there).
  Importer(storage::Database& db, Service& desk, sla::Service& sla, const Clock& clock, calendar::Zone zone,
           ImporterOptions options = {});
  ~Importer();  // Stop()
  // Stops running jobs at their next row (one that was applying rolls back) and waits for them;
  // Start() refuses new ones afterwards. Call before stopping the SLA monitor and closing the
  // Database. Idempotent.
  void Stop();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // Validates and applies a whole file synchronously (see the header comment). Rejected rows are
  // in the outcome, not an error. Throws only what the database throws (storage::DbError).
  ImportOutcome Import(const org::Principal& who, import::Format format, import::Input data,
                       const std::string& filename, ImportProgress* progress = nullptr);

  // Starts Import on a thread of its own and answers the job as it is now.
  // kTooManyRequests when max_running_jobs are running; kInvalid for an empty body.
  Result<ImportJob> Start(const org::Principal& who, import::Format format, ImportFile data, std::string filename);
  // kNotFound unless `who` started it. Answers from the live progress when the job runs on this
  // server, else from its row (any server's job).
  Result<ImportJob> Job(const org::Principal& who, std::int64_t id) const;

  // The bulk NDJSON API: one JSON object per line (blank lines are skipped), all or nothing;
  // `created_at` defaults to now (a live ticket). Rejected lines are in the outcome, not an error;
  // nothing is written then. kInvalid for a body without lines, kPayloadTooLarge beyond
  // max_bulk_lines, or the error of commit.before_commit.
  Result<BulkOutcome> Bulk(const org::Principal& who, std::string_view ndjson, const BulkCommit& commit = {});

 private:
  struct JobState;
  struct Replayed {
    Id id = 0;
    bool open = false;  // has a timer that may still run (not closed)
  };

  import::Directory LoadDirectory();
  import::ValidateOptions OptionsFor(const org::Principal& who) const;
  // Replays one checked ticket inside the caller's write job.
  Result<Replayed> Replay(storage::WriteTx& tx, const org::Principal& importer, const import::Directory& dir,
                          const import::ImportTicket& t, std::int64_t import_id);
  void Record(ImportOutcome& out, import::RowError e) const;
  void RunJob(const std::shared_ptr<JobState>& job, org::Principal who, import::Format format);
  // Import() as the job `job` (nullptr: no job), with `import_id` in its events.
  ImportOutcome Run(const org::Principal& who, import::Format format, import::Input data, const std::string& filename,
                    std::int64_t import_id, ImportProgress& p, JobState* job);
  // Updates the job's row inside `tx` (nothing without a job) after `change` edits it.
  Status WriteJob(storage::WriteTx& tx, JobState* job, const std::function<void(repo::ImportJobRow&)>& change);
  // The same in a write job of its own; a failure is logged (the import goes on).
  void SaveJob(JobState* job, const std::function<void(repo::ImportJobRow&)>& change);
  void AfterJobWrite(JobState* job);
  ImportJob FromRow(const repo::ImportJobRow& row) const;

  storage::Database& db_;
  Service& desk_;
  sla::Service& sla_;
  const Clock& clock_;
  const calendar::Zone zone_;
  ImporterOptions options_;
  std::atomic<std::int64_t> next_id_;
  std::atomic<bool> stopping_{false};

  mutable std::mutex jobs_mu_;
  std::map<std::int64_t, std::shared_ptr<JobState>> jobs_;  // started on this server, not yet reaped
  int starting_ = 0;                                        // slots held while a job's row is inserted
};

}  // namespace sqm::desk
