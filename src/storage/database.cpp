#include "storage/database.h"

#include <chrono>
#include <future>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "base/json.h"
#include "storage/migrations.h"
#include "storage/pg_tools.h"
#include "storage/postgres.h"
#include "storage/sqlite.h"

namespace sqm::storage {

struct Database::Job {
  std::string actor;
  std::function<Status(WriteTx&)> fn;  // empty for an exclusive job
  std::function<void(Connection&)> exclusive;
  std::promise<Status> done;
};

Event WriteTx::Append(std::string entity, std::string entity_id, std::string type, boost::json::object data) {
  Event e;
  e.at = now_;
  e.actor = actor_;
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.type = std::move(type);
  e.data = json::Serialize(data);
  return chain_.Append(db_, std::move(e));
}

namespace {

bool Broken(const Connection& c) {
  auto* pg = dynamic_cast<const PgConnection*>(&c);
  return pg && pg->broken();
}

// Subtransactions past 64 in one PostgreSQL transaction overflow its cache and slow every
// snapshot of every session; each job's savepoint is one.
constexpr int kPostgresMaxBatch = 48;

}  // namespace

Database::Database(DatabaseOptions options, const Clock& clock)
    : options_(std::move(options)),
      dialect_(IsPostgresUrl(options_.url) ? Dialect::kPostgres : Dialect::kSqlite),
      clock_(clock) {
  if (dialect_ == Dialect::kPostgres) options_.max_batch = std::min(options_.max_batch, kPostgresMaxBatch);
  writer_conn_ = OpenWriter();
  writer_ = std::thread([this] { WriterLoop(); });
  if (dialect_ == Dialect::kSqlite) checkpointer_ = std::thread([this] { CheckpointLoop(); });
}

Database::~Database() {
  Close();
}

std::unique_ptr<Connection> Database::OpenWriter() {
  if (dialect_ == Dialect::kPostgres) return std::make_unique<PgConnection>(options_.url);
  auto c = std::make_unique<SqliteConnection>(SqliteOptions{options_.url, options_.synchronous});
  c->ExecScript("PRAGMA wal_autocheckpoint=0");
  return c;
}

std::unique_ptr<Connection> Database::OpenReader() {
  if (dialect_ == Dialect::kPostgres) return std::make_unique<PgConnection>(options_.url);
  return std::make_unique<SqliteConnection>(SqliteOptions{options_.url, options_.synchronous, /*read_only=*/true});
}

void Database::Begin() {
  if (!writer_conn_ || Broken(*writer_conn_)) {
    writer_conn_.reset();
    writer_conn_ = OpenWriter();
    chain_ = EventChain();
  }
  Connection& c = *writer_conn_;
  if (dialect_ == Dialect::kSqlite) {
    if (!chain_.loaded()) chain_.Load(c);
    c.ExecScript("BEGIN IMMEDIATE");
    return;
  }
  c.ExecScript("BEGIN");
  c.Query("SELECT pg_advisory_xact_lock(?)", {kChainLock});
  chain_.Load(c);  // another server may have appended since our last batch
}

Database::Lease::Lease(Database& d) : db(d) {
  std::unique_lock lock(db.pool_mu_);
  db.pool_cv_.wait(lock, [&] { return !db.idle_readers_.empty() || db.open_readers_ < db.options_.readers; });
  if (!db.idle_readers_.empty()) {
    conn = std::move(db.idle_readers_.back());
    db.idle_readers_.pop_back();
    return;
  }
  ++db.open_readers_;
  lock.unlock();
  try {
    conn = db.OpenReader();
  } catch (...) {
    std::lock_guard relock(db.pool_mu_);
    --db.open_readers_;
    db.pool_cv_.notify_one();
    throw;
  }
}

Database::Lease::~Lease() {
  std::lock_guard lock(db.pool_mu_);
  if (discard) {
    conn.reset();
    --db.open_readers_;
  } else {
    db.idle_readers_.push_back(std::move(conn));
  }
  db.pool_cv_.notify_one();
}

Status Database::Submit(std::string actor, std::function<Status(WriteTx&)> fn) {
  Job job{std::move(actor), std::move(fn), {}, {}};
  auto fut = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (closing_) return Error{ErrorCode::kUnavailable, "the server is shutting down", {}};
    queue_.push_back(&job);
    ++queue_depth_;
  }
  cv_.notify_one();
  return fut.get();
}

std::vector<std::string> Database::Migrate() {
  std::vector<std::string> applied;
  std::exception_ptr failure;
  Job job;
  job.exclusive = [&](Connection& c) {
    try {
      applied = ApplyMigrations(c, clock_.Now());
      chain_ = EventChain();
    } catch (...) {
      failure = std::current_exception();
    }
  };
  auto fut = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (closing_) throw DbError("database is closed");
    queue_.push_back(&job);
    ++queue_depth_;
  }
  cv_.notify_one();
  Status st = fut.get();
  if (failure) std::rethrow_exception(failure);
  if (!st.ok()) throw Unavailable(st.error().message);
  return applied;
}

void Database::WriterLoop() {
  std::vector<Job*> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing and drained
      const std::size_t limit = options_.group_commit ? static_cast<std::size_t>(options_.max_batch) : 1;
      while (!queue_.empty() && batch.size() < limit) {
        Job* j = queue_.front();
        if (j->exclusive && !batch.empty()) break;
        queue_.pop_front();
        batch.push_back(j);
        if (j->exclusive) break;
      }
    }
    if (batch.front()->exclusive) {
      Status st;
      try {
        if (!writer_conn_ || Broken(*writer_conn_)) {
          writer_conn_.reset();
          writer_conn_ = OpenWriter();
        }
        batch.front()->exclusive(*writer_conn_);
      } catch (const std::exception& e) {
        st = Error{ErrorCode::kUnavailable, e.what(), {}};
      }
      --queue_depth_;
      batch.front()->done.set_value(std::move(st));
    } else {
      RunBatch(batch);
    }
    batch.clear();
  }
}

void Database::RunBatch(std::vector<Job*>& batch) {
  std::vector<Status> results(batch.size());
  bool committed = false;
  bool lost = false;
  std::string failure;
  try {
    Begin();
    Connection& c = *writer_conn_;
    const TimeMs now = clock_.Now();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const auto mark = chain_.mark();
      c.ExecScript("SAVEPOINT job");
      try {
        WriteTx tx(c, chain_, now, batch[i]->actor);
        results[i] = batch[i]->fn(tx);
      } catch (const Unavailable&) {
        throw;
      } catch (const std::exception& e) {
        spdlog::error("write job failed: {}", e.what());
        results[i] = Error::Internal("the write failed; nothing was saved");
      }
      if (!results[i].ok()) {
        c.ExecScript("ROLLBACK TO job");
        chain_.Reset(mark);
      }
      c.ExecScript("RELEASE job");
    }
    c.ExecScript("COMMIT");
    chain_.Committed();
    committed = true;
    ++commits_;
  } catch (const std::exception& e) {
    failure = e.what();
    lost = dynamic_cast<const Unavailable*>(&e) != nullptr;
    spdlog::error("group commit of {} writes failed: {}", batch.size(), failure);
    if (writer_conn_ && !Broken(*writer_conn_)) {
      try {
        writer_conn_->ExecScript("ROLLBACK");
      } catch (...) {
      }
    }
    chain_ = EventChain();  // reloaded by the next batch
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    --queue_depth_;
    if (committed) {
      batch[i]->done.set_value(std::move(results[i]));
    } else {
      batch[i]->done.set_value(Error{ErrorCode::kUnavailable,
                                     lost ? "the database cannot be reached; nothing was saved"
                                          : "the database could not commit; nothing was saved",
                                     {}});
    }
  }
}

namespace {
// A log of this many frames (pages; 16 MiB at 4 KiB) that is wholly copied is emptied.
constexpr std::int64_t kWalRestartFrames = 4096;
}  // namespace

void Database::CheckpointLoop() {
  SqliteConnection conn(SqliteOptions{options_.url, options_.synchronous});
  std::int64_t done = commits_.load();
  std::unique_lock lock(checkpoint_mu_);
  while (!checkpoint_stop_) {
    checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(500));
    if (commits_.load() == done) continue;
    done = commits_.load();
    lock.unlock();
    try {
      // PASSIVE copies what no reader still needs and never waits. But the log only starts over
      // from its beginning when no reader is inside it, which a steady stream of overlapping reads
      // never allows: it then grows without end and every read slows down (the soak benchmark saw
      // 390 MiB and a 2.6 s p99 after 30 minutes). Once it is long, TRUNCATE waits (busy timeout)
      // for the writer and for the readers inside the log, copies the rest and empties it; new
      // reads go to the database file meanwhile, writes wait.
      auto r = conn.QueryOne("PRAGMA wal_checkpoint(PASSIVE)");
      if (r && r->Int(1) >= kWalRestartFrames) {
        auto t = conn.QueryOne("PRAGMA wal_checkpoint(TRUNCATE)");
        if (t && t->Int(0) != 0) spdlog::warn("WAL checkpoint: readers kept the log busy; retrying");
      }
    } catch (const std::exception& e) {
      spdlog::warn("WAL checkpoint failed: {}", e.what());
    }
    lock.lock();
  }
}

void Database::Backup(const std::string& dest_path) {
  if (dialect_ == Dialect::kPostgres) {
    return RunPgTool("backup", "pg_dump", {"--format=custom", "--no-owner", "--file=" + dest_path}, options_.url);
  }
  Lease lease(*this);
  static_cast<SqliteConnection&>(*lease.conn).BackupTo(dest_path);
}

std::optional<ChainBreak> Database::VerifyAudit() {
  return Read([](Connection& c) { return VerifyChain(c); });
}

std::int64_t Database::EngineMemoryBytes() const {
  return dialect_ == Dialect::kSqlite ? sqlite3_memory_used() : 0;
}

void Database::Close() {
  {
    std::lock_guard lock(mu_);
    if (closing_ && !writer_.joinable()) return;
    closing_ = true;
  }
  cv_.notify_all();
  if (writer_.joinable()) writer_.join();
  {
    std::lock_guard lock(checkpoint_mu_);
    checkpoint_stop_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpointer_.joinable()) checkpointer_.join();
  if (writer_conn_ && dialect_ == Dialect::kSqlite) {
    try {
      writer_conn_->ExecScript("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const std::exception& e) {
      spdlog::warn("final WAL checkpoint failed: {}", e.what());
    }
  }
  std::lock_guard lock(pool_mu_);
  idle_readers_.clear();
  writer_conn_.reset();
}

}  // namespace sqm::storage
