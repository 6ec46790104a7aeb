// Database: the one way modules touch storage, on SQLite (a file) or PostgreSQL (a URI).
//
// Writes go through one writer thread with group commit: concurrent Write() calls are queued,
// the writer opens one transaction, runs each queued job inside its own SAVEPOINT (a failing job
// rolls back only itself), commits once, and only then answers every caller. So a successful
// Write() means the data is durable (with synchronous=FULL on SQLite; PostgreSQL's commit is
// durable as the server is configured). Every job appends its events to the hash-chained event
// log in the same savepoint (WriteTx::Append).
//
// Several servers on one PostgreSQL database: each write transaction first takes one
// transaction-level advisory lock (kChainLock) and re-reads the chain head, so the event log stays
// one verifiable chain and write transactions of all servers run one after another, as on
// SQLite. Work that must happen once (an SLA firing) is therefore decided by reading the state
// inside the job. A lost connection answers kUnavailable (writes) or throws Unavailable (reads),
// both a 503, and the next use opens a new connection.
//
// Reads borrow a connection from a small pool; they never block the writer and see every write
// that has been acknowledged.
//
// Threading: all public methods are thread-safe. Write() blocks the calling thread until commit.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "base/clock.h"
#include "storage/db.h"
#include "storage/event_log.h"

namespace sqm::storage {

struct DatabaseOptions {
  std::string url = "data/sqm.db";   // a SQLite file, or a PostgreSQL URI "postgresql://..."
  std::string synchronous = "FULL";  // SQLite: durable commits by default
  bool group_commit = true;          // false: one transaction (and one fsync) per write
  int max_batch = 512;               // jobs per group transaction (PostgreSQL: at most 48)
  int readers = 8;                   // read connections in the pool
};

// The advisory-lock key every PostgreSQL write transaction holds ("sqm-chan").
inline constexpr std::int64_t kChainLock = 0x73716d2d6368616e;

// What a write job sees: the connection inside its savepoint, the time of the write, and the
// event log. Valid only during the job.
class WriteTx {
 public:
  WriteTx(Connection& db, EventChain& chain, TimeMs now, std::string actor)
      : db_(db), chain_(chain), now_(now), actor_(std::move(actor)) {}

  Connection& db() { return db_; }
  TimeMs now() const { return now_; }
  // Dates what follows in this job at `t` instead of the commit time: used when replaying
  // history (imports, generated demo data) so records and events carry when things happened.
  void set_now(TimeMs t) { now_ = t; }
  void set_actor(std::string actor) { actor_ = std::move(actor); }
  const std::string& actor() const { return actor_; }

  // Appends one event (seq, time, actor, hash chain) in this job's savepoint.
  Event Append(std::string entity, std::string entity_id, std::string type, boost::json::object data);

  // What a module remembers during this job: one T per type, default-constructed on first use and
  // destroyed with the job, so nothing remembered reaches another job or outlives a rollback.
  // Only for rows nothing but this job can change while it runs (the writer runs one job at a
  // time, so other requests' writes are either committed before it starts or wait until it ends),
  // and the module keeps it in step with its own writes in the job. A long job (an import) uses
  // it to avoid reading the same rows back after every step.
  template <typename T>
  T& Memo() {
    for (auto& [type, memo] : memos_) {
      if (type == typeid(T)) return *static_cast<T*>(memo.get());
    }
    auto memo = std::make_shared<T>();
    memos_.emplace_back(typeid(T), memo);
    return *memo;
  }

 private:
  Connection& db_;
  EventChain& chain_;
  TimeMs now_;
  std::string actor_;
  std::vector<std::pair<std::type_index, std::shared_ptr<void>>> memos_;
};

class Database {
 public:
  // Opens the database (creating a SQLite file) and starts the writer. Throws DbError (Unavailable
  // when a PostgreSQL server cannot be reached) on failure; the message never holds a password.
  Database(DatabaseOptions options, const Clock& clock);
  ~Database();  // Close()
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Applies pending migrations (see migrations.h). Throws DbError on failure.
  std::vector<std::string> Migrate();

  // Runs `fn(WriteTx&)` -> Result<T> on the writer thread and returns its result once the
  // transaction containing it has committed. A failed Result or an exception rolls back only
  // this job. Returns kUnavailable after Close().
  template <typename F>
  auto Write(std::string actor, F&& fn) -> decltype(fn(std::declval<WriteTx&>())) {
    using R = decltype(fn(std::declval<WriteTx&>()));
    std::optional<R> out;
    Status st = Submit(std::move(actor), [&](WriteTx& tx) -> Status {
      out.emplace(fn(tx));
      if (out->ok()) return {};
      return out->error();
    });
    if (!st.ok() && (!out || out->ok())) return st.error();
    return std::move(*out);
  }

  // Runs `fn(Connection&)` with a pooled read connection and returns what it returns.
  template <typename F>
  auto Read(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    Lease lease(*this);
    try {
      return fn(*lease.conn);
    } catch (const Unavailable&) {
      lease.discard = true;
      throw;
    }
  }

  // Online backup to `dest_path`, safe while serving: SQLite's backup API, or pg_dump's custom
  // format for PostgreSQL. Throws DbError on failure.
  void Backup(const std::string& dest_path);

  Dialect dialect() const { return dialect_; }

  // Checks the event chain from the start; nullopt when intact, else the first bad seq.
  std::optional<ChainBreak> VerifyAudit();

  // Stops taking writes, finishes the queued ones, stops the writer, closes connections.
  void Close();

  int QueueDepth() const { return queue_depth_.load(); }
  std::int64_t CommitCount() const { return commits_.load(); }
  // Bytes SQLite holds in this process (page caches, prepared statements, schemas of every
  // connection); 0 on PostgreSQL.
  std::int64_t EngineMemoryBytes() const;
  const DatabaseOptions& options() const { return options_; }

 private:
  struct Job;
  struct Lease {
    explicit Lease(Database& db);
    ~Lease();
    Database& db;
    std::unique_ptr<Connection> conn;
    bool discard = false;  // the connection is lost: close it instead of pooling it
  };

  Status Submit(std::string actor, std::function<Status(WriteTx&)> fn);
  void WriterLoop();
  void RunBatch(std::vector<Job*>& batch);
  std::unique_ptr<Connection> OpenWriter();
  std::unique_ptr<Connection> OpenReader();
  // Starts a batch's transaction on the writer (reconnecting first when the connection was lost).
  void Begin();

  DatabaseOptions options_;
  Dialect dialect_;
  const Clock& clock_;
  std::unique_ptr<Connection> writer_conn_;
  EventChain chain_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job*> queue_;
  bool closing_ = false;
  std::atomic<int> queue_depth_{0};
  std::atomic<std::int64_t> commits_{0};
  std::thread writer_;

  // WAL checkpoints run on their own thread and connection (PASSIVE: never blocks the writer),
  // so a commit never pays for copying the log back into the database file.
  void CheckpointLoop();
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_stop_ = false;
  std::thread checkpointer_;

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  int open_readers_ = 0;
};

}  // namespace sqm::storage
