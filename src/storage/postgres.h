// PostgreSQL driver (libpq): one connection with a cache of prepared statements.
//
// SQL is written once for both databases (src/README.md): `?` placeholders are numbered ($1, $2,
// ...) here. Parameters go out as text, typed where the value says (int8, float8, bytea in binary);
// text and NULL are left for the server to infer from the statement, and a statement's parameter
// types are those of its first execution. Results come back as text and are converted by column
// type: integers and booleans to integers, floating point and numeric to doubles (numeric without a
// fraction to integers), bytea to bytes, everything else to text.
//
// Errors: constraint violations (SQLSTATE class 23) are kConflict results of Exec; a lost
// connection (or a server shutting down) throws Unavailable, after which the connection is broken()
// and its owner opens a new one; anything else throws DbError.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/db.h"

struct pg_conn;

namespace sqm::storage {

// True for "postgresql://..." and "postgres://..." (libpq URIs); anything else is a SQLite path.
bool IsPostgresUrl(std::string_view url);

// `url` without its password, for messages: "postgresql://sqm@db1:5432/sqm".
std::string RedactedUrl(std::string_view url);

class PgConnection final : public Connection {
 public:
  // Connects. Throws Unavailable when the server cannot be reached or refuses the credentials,
  // DbError when it is older than PostgreSQL 15. Messages never contain the password.
  explicit PgConnection(const std::string& url);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  using Connection::Exec;
  using Connection::Query;
  Dialect dialect() const override { return Dialect::kPostgres; }
  std::vector<Row> Query(std::string_view sql, std::span<const Value> params) override;
  void QueryEach(std::string_view sql, std::span<const Value> params,
                 const std::function<void(const Row&)>& each) override;
  Result<ExecResult> Exec(std::string_view sql, std::span<const Value> params) override;
  void ExecScript(std::string_view sql) override;

  // The connection to the server is gone; only destroying it is useful.
  bool broken() const;
  // The server's version as PQserverVersion reports it (150004 for 15.4).
  int server_version() const;

 private:
  struct Outcome;
  Outcome Run(std::string_view sql, std::span<const Value> params);
  // The error of a failed result in `out` (sqlstate, message); throws Unavailable when the
  // connection is lost.
  void Fill(Outcome& out);
  const std::string& Prepare(std::string_view sql, std::span<const Value> params);

  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };

  pg_conn* conn_ = nullptr;
  std::string where_;  // the redacted address, for messages
  // SQL -> name; at most kMaxPreparedStatements (storage/db.h): when full, all are deallocated.
  std::unordered_map<std::string, std::string, SqlHash, std::equal_to<>> prepared_;
  std::int64_t next_statement_ = 1;  // names are never reused, even after a failed DEALLOCATE
};

// `sql` with each `?` outside quotes replaced by $1, $2, ... (exposed for tests).
std::string NumberPlaceholders(std::string_view sql);

}  // namespace sqm::storage
