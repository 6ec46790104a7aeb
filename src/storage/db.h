// The database seam. Modules see `Connection` (run SQL with bound parameters) and `Database`
// (one writer with group commit, a pool of readers). The SQLite driver lives in sqlite.cpp, the
// PostgreSQL driver in postgres.cpp; modules write one SQL text for both (src/README.md says how)
// and ask `dialect()` only where the two cannot agree.
//
// SQL uses `?` placeholders; drivers translate if their dialect differs. Text pasted into SQL is
// never allowed: every value goes through a parameter.
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"

namespace sqm::storage {

enum class Dialect { kSqlite, kPostgres };

// Bytes bound as a BLOB (SQLite) or bytea (PostgreSQL) rather than as text.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

// A bound parameter or a column value.
class Value {
 public:
  Value() : v_(nullptr) {}
  Value(std::nullptr_t) : v_(nullptr) {}  // NOLINT
  template <std::integral I>
  Value(I i) : v_(static_cast<std::int64_t>(i)) {}   // NOLINT
  Value(double d) : v_(d) {}                         // NOLINT
  Value(std::string s) : v_(std::move(s)) {}         // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}  // NOLINT
  Value(const char* s) : v_(std::string(s)) {}       // NOLINT
  Value(Blob b) : v_(std::move(b)) {}                // NOLINT
  template <typename T>
  Value(const std::optional<T>& o) : Value(o ? Value(*o) : Value()) {}  // NOLINT

  bool is_null() const { return v_.index() == 0; }
  using Variant = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
  const Variant& get() const { return v_; }

 private:
  Variant v_;
};

using Params = std::initializer_list<Value>;

// One result row. Accessors convert like SQLite does (NULL -> 0 / "").
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t i) const { return values_.at(i).is_null(); }
  std::int64_t Int(std::size_t i) const;
  double Real(std::size_t i) const;
  std::string Text(std::size_t i) const;  // a BLOB's bytes as they are
  bool Bool(std::size_t i) const { return Int(i) != 0; }
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;

 private:
  std::vector<Value> values_;
};

struct ExecResult {
  std::int64_t changes = 0;
  // The first column of the first row the statement returned (`INSERT ... RETURNING id`), else 0.
  std::int64_t last_insert_id = 0;
};

// One connection. Not thread-safe: used by one thread at a time (the writer, or a reader that
// borrowed it from the pool).
// Prepared statements a connection keeps for reuse. SQL built from a request (an IN list as long
// as the caller's selection, optional filters) has many texts, so the cache is bounded: when it is
// full, a SQLite connection finalizes its idle statements and a PostgreSQL one deallocates all
// (each is prepared again on its next use).
inline constexpr std::size_t kMaxPreparedStatements = 256;

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;

  // Throws storage::DbError on SQL errors (a programming error or a lost database). The
  // parameters are read during the call only.
  virtual std::vector<Row> Query(std::string_view sql, std::span<const Value> params) = 0;
  std::vector<Row> Query(std::string_view sql, Params params = {}) { return Query(sql, Span(params)); }
  std::optional<Row> QueryOne(std::string_view sql, Params params = {}) { return QueryOne(sql, Span(params)); }
  std::optional<Row> QueryOne(std::string_view sql, std::span<const Value> params);
  // Query's rows handed to `each` one at a time as the database produces them, none kept: for
  // reading a whole table or source without holding it. `each` must not use this connection; if
  // it throws, the statement is ended and the exception passes on.
  virtual void QueryEach(std::string_view sql, std::span<const Value> params,
                         const std::function<void(const Row&)>& each) = 0;
  void QueryEach(std::string_view sql, Params params, const std::function<void(const Row&)>& each) {
    QueryEach(sql, Span(params), each);
  }

  // A unique, foreign-key or check constraint failure is returned as a kConflict Error; other
  // failures throw DbError (Unavailable when the connection to the server is lost). After a
  // failed statement the caller ends its job: PostgreSQL refuses anything but a rollback then.
  virtual Result<ExecResult> Exec(std::string_view sql, std::span<const Value> params) = 0;
  Result<ExecResult> Exec(std::string_view sql, Params params = {}) { return Exec(sql, Span(params)); }

  // Runs several statements without parameters (migrations, PRAGMAs). Throws on failure.
  virtual void ExecScript(std::string_view sql) = 0;

 private:
  static std::span<const Value> Span(Params params) { return {params.begin(), params.size()}; }
};

// "?,?,?" for an IN list of `n` bound values.
std::string Placeholders(std::size_t n);

class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be reached (connection lost, server down): the request gets a 503 and the
// connection is opened anew for the next one.
class Unavailable : public DbError {
 public:
  using DbError::DbError;
};

}  // namespace sqm::storage
