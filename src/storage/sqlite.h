// SQLite driver: one sqlite3 handle with a prepared-statement cache.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/db.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sqm::storage {

struct SqliteOptions {
  std::string path;                  // ":memory:" for tests (then only one connection is useful)
  std::string synchronous = "FULL";  // OFF | NORMAL | FULL | EXTRA
  bool read_only = false;
  int busy_timeout_ms = 10'000;
};

class SqliteConnection final : public Connection {
 public:
  // Opens (creating when writable) and applies WAL mode, foreign keys and the synchronous level.
  // Throws DbError when the file cannot be opened.
  explicit SqliteConnection(const SqliteOptions& options);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  using Connection::Exec;
  using Connection::Query;
  Dialect dialect() const override { return Dialect::kSqlite; }
  std::vector<Row> Query(std::string_view sql, std::span<const Value> params) override;
  void QueryEach(std::string_view sql, std::span<const Value> params,
                 const std::function<void(const Row&)>& each) override;
  Result<ExecResult> Exec(std::string_view sql, std::span<const Value> params) override;
  void ExecScript(std::string_view sql) override;

  // Online backup of the whole database into `dest_path` (safe while others write).
  void BackupTo(const std::string& dest_path);

  sqlite3* handle() { return db_; }

 private:
  // The cached statement for `sql` (prepared on first use), with `params` bound.
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const Value> params);

  // Looks statements up by the caller's text without copying it.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };

  sqlite3* db_ = nullptr;
  // At most kMaxPreparedStatements (storage/db.h): when full, the idle ones are finalized.
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
};

}  // namespace sqm::storage
