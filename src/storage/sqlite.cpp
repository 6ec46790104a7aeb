#include "storage/sqlite.h"

#include <sqlite3.h>

#include <fmt/format.h>

namespace sqm::storage {

namespace {

[[noreturn]] void Fail(sqlite3* db, std::string_view what) {
  throw DbError(fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

// Returns a cached statement to idle when a call is done with it: reset, and no parameter bound.
// Text is bound without a copy (SQLITE_STATIC), so nothing may stay bound once the caller's
// values are gone.
class Idle {
 public:
  explicit Idle(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Idle() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Idle(const Idle&) = delete;
  Idle& operator=(const Idle&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace

SqliteConnection::SqliteConnection(const SqliteOptions& options) {
  // Before SQLite initializes (the first open): without this it counts every allocation under a
  // process-wide mutex, a few per cent of every statement, for statistics nothing here reads.
  [[maybe_unused]] static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  const int flags =
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(options.path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = fmt::format("cannot open database {}: {}", options.path, sqlite3_errmsg(db_));
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(msg);
  }
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
  if (!options.read_only) ExecScript("PRAGMA journal_mode=WAL");
  ExecScript("PRAGMA foreign_keys=ON");
  static constexpr std::string_view kLevels[] = {"OFF", "NORMAL", "FULL", "EXTRA"};
  bool known = false;
  for (auto l : kLevels) known = known || l == options.synchronous;
  if (!known) throw DbError("synchronous must be OFF, NORMAL, FULL or EXTRA");
  ExecScript(fmt::format("PRAGMA synchronous={}", options.synchronous));
  if (options.read_only) ExecScript("PRAGMA query_only=ON");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

sqlite3_stmt* SqliteConnection::Prepare(std::string_view sql, std::span<const Value> params) {
  sqlite3_stmt* stmt;
  if (auto it = cache_.find(sql); it != cache_.end()) {
    stmt = it->second;
  } else {
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
        SQLITE_OK) {
      Fail(db_, fmt::format("prepare `{}`", sql));
    }
    if (cache_.size() >= kMaxPreparedStatements) {
      for (auto it = cache_.begin(); it != cache_.end();) {
        if (sqlite3_stmt_busy(it->second)) {  // a caller is stepping it
          ++it;
          continue;
        }
        sqlite3_finalize(it->second);
        it = cache_.erase(it);
      }
    }
    cache_.emplace(std::string(sql), stmt);
  }
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
    throw DbError(
        fmt::format("`{}` wants {} parameters, got {}", sql, sqlite3_bind_parameter_count(stmt), params.size()));
  }
  for (int i = 0; i < static_cast<int>(params.size()); ++i) {
    const auto& v = params[i].get();
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      rc = sqlite3_bind_null(stmt, i + 1);
    } else if (auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, i + 1, *n);
    } else if (auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, i + 1, *d);
    } else if (auto* b = std::get_if<Blob>(&v)) {
      rc = sqlite3_bind_blob(stmt, i + 1, b->bytes.data(), static_cast<int>(b->bytes.size()), SQLITE_STATIC);
    } else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(stmt, i + 1, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) {
      sqlite3_clear_bindings(stmt);
      Fail(db_, "bind");
    }
  }
  return stmt;
}

namespace {

// Steps `stmt` to its end, handing each row to `f` (as an rvalue).
template <typename F>
void StepRows(sqlite3* db, sqlite3_stmt* stmt, std::string_view sql, F&& f) {
  const int ncol = sqlite3_column_count(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) Fail(db, fmt::format("query `{}`", sql));
    std::vector<Value> values;
    values.reserve(ncol);
    for (int c = 0; c < ncol; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER: values.emplace_back(sqlite3_column_int64(stmt, c)); break;
        case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
        case SQLITE_NULL: values.emplace_back(); break;
        case SQLITE_BLOB: {
          const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          values.emplace_back(Blob{std::string(p ? p : "", sqlite3_column_bytes(stmt, c))});
          break;
        }
        default: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(std::string(p, sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    f(Row(std::move(values)));
  }
}

}  // namespace

std::vector<Row> SqliteConnection::Query(std::string_view sql, std::span<const Value> params) {
  sqlite3_stmt* stmt = Prepare(sql, params);
  Idle idle(stmt);
  std::vector<Row> rows;
  StepRows(db_, stmt, sql, [&](Row&& r) { rows.push_back(std::move(r)); });
  return rows;
}

void SqliteConnection::QueryEach(std::string_view sql, std::span<const Value> params,
                                 const std::function<void(const Row&)>& each) {
  sqlite3_stmt* stmt = Prepare(sql, params);
  Idle idle(stmt);
  StepRows(db_, stmt, sql, [&](Row&& r) { each(r); });
}

Result<ExecResult> SqliteConnection::Exec(std::string_view sql, std::span<const Value> params) {
  sqlite3_stmt* stmt = Prepare(sql, params);
  Idle idle(stmt);
  std::int64_t returned = 0;
  bool first = true;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (first && sqlite3_column_count(stmt) > 0) returned = sqlite3_column_int64(stmt, 0);
    first = false;
  }
  if (rc != SQLITE_DONE) {
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
      return Error::Conflict(sqlite3_errmsg(db_));
    }
    Fail(db_, fmt::format("exec `{}`", sql));
  }
  return ExecResult{sqlite3_changes64(db_), returned};
}

void SqliteConnection::ExecScript(std::string_view sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw DbError(fmt::format("script failed: {}", msg));
  }
}

void SqliteConnection::BackupTo(const std::string& dest_path) {
  sqlite3* dest = nullptr;
  if (sqlite3_open(dest_path.c_str(), &dest) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw DbError("cannot open backup target: " + msg);
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
  if (!b) {
    std::string msg = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw DbError("backup failed: " + msg);
  }
  int rc;
  do {
    rc = sqlite3_backup_step(b, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  const int final_rc = sqlite3_errcode(dest);
  sqlite3_close(dest);
  if (rc != SQLITE_DONE || final_rc != SQLITE_OK) throw DbError("backup did not complete");
}

}  // namespace sqm::storage
