#include "storage/postgres.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <exception>
#include <memory>

#include <fmt/format.h>

namespace sqm::storage {

namespace {

// Type OIDs (pg_type.h, stable across releases).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// libpq messages end in a newline and may run over several lines; one line reads better in logs.
std::string OneLine(const char* text) {
  std::string out;
  for (const char* p = text ? text : ""; *p; ++p) {
    if (*p == '\n' || *p == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += *p;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool ConnectionClass(std::string_view sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
         sqlstate == "53300";
}

Value Convert(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return {};
  const char* text = PQgetvalue(res, row, col);
  const int len = PQgetlength(res, row, col);
  switch (PQftype(res, col)) {
    case kBool: return static_cast<std::int64_t>(text[0] == 't');
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid: return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
    case kFloat4:
    case kFloat8: return std::strtod(text, nullptr);
    case kNumeric: {
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(text, text + len, n);
      if (ec == std::errc() && end == text + len) return n;
      return std::strtod(text, nullptr);
    }
    case kBytea: {
      std::size_t size = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
      if (!bytes) throw DbError("out of memory reading a bytea column");
      Blob b{std::string(reinterpret_cast<const char*>(bytes), size)};
      PQfreemem(bytes);
      return b;
    }
    default: return std::string(text, len);
  }
}

}  // namespace

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string RedactedUrl(std::string_view url) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(url).c_str(), &err);
  if (!options) {
    PQfreemem(err);
    return "postgresql://(an address libpq cannot read)";
  }
  std::string user, host, port, dbname;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    const std::string_view k = o->keyword;
    if (k == "user") user = o->val;
    if (k == "host") host = o->val;
    if (k == "port") port = o->val;
    if (k == "dbname") dbname = o->val;
  }
  PQconninfoFree(options);
  std::string out = "postgresql://";
  if (!user.empty()) out += user + "@";
  out += host.empty() ? "localhost" : host;
  if (!port.empty()) out += ":" + port;
  out += "/" + dbname;
  return out;
}

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

struct PgConnection::Outcome {
  ResultPtr res{nullptr, &PQclear};
  std::string sqlstate;
  std::string message;
  bool ok() const { return sqlstate.empty(); }
};

PgConnection::PgConnection(const std::string& url) : where_(RedactedUrl(url)) {
  conn_ = PQconnectdb(url.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = fmt::format("cannot connect to PostgreSQL at {}: {}", where_,
                                  conn_ ? OneLine(PQerrorMessage(conn_)) : "out of memory");
    PQfinish(conn_);
    conn_ = nullptr;
    throw Unavailable(msg);
  }
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  if (PQserverVersion(conn_) < 150000) {
    std::string msg = fmt::format("PostgreSQL at {} is version {}.{}; sqm needs 15 or newer", where_,
                                  PQserverVersion(conn_) / 10000, PQserverVersion(conn_) % 10000);
    PQfinish(conn_);
    conn_ = nullptr;
    throw DbError(msg);
  }
  ExecScript("SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
  PQfinish(conn_);
}

bool PgConnection::broken() const {
  return !conn_ || PQstatus(conn_) != CONNECTION_OK;
}

int PgConnection::server_version() const {
  return PQserverVersion(conn_);
}

const std::string& PgConnection::Prepare(std::string_view sql, std::span<const Value> params) {
  if (auto it = prepared_.find(sql); it != prepared_.end()) return it->second;
  std::vector<Oid> types(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& v = params[i].get();
    if (std::holds_alternative<std::int64_t>(v)) types[i] = kInt8;
    if (std::holds_alternative<double>(v)) types[i] = kFloat8;
    if (std::holds_alternative<Blob>(v)) types[i] = kBytea;
  }
  if (prepared_.size() >= kMaxPreparedStatements) {
    ResultPtr dropped(PQexec(conn_, "DEALLOCATE ALL"), &PQclear);  // on failure they stay, unnamed here
    prepared_.clear();
  }
  std::string name = "s" + std::to_string(next_statement_++);
  ResultPtr res(
      PQprepare(conn_, name.c_str(), NumberPlaceholders(sql).c_str(), static_cast<int>(params.size()), types.data()),
      &PQclear);
  if (!res || PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
    const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = fmt::format("prepare `{}`: {}", sql, OneLine(PQerrorMessage(conn_)));
    if (broken() || (state && ConnectionClass(state))) throw Unavailable(msg);
    throw DbError(msg);
  }
  return prepared_.emplace(std::string(sql), std::move(name)).first->second;
}

namespace {

// A statement's parameters as libpq takes them: text for numbers and strings, binary for blobs.
struct BoundParams {
  explicit BoundParams(std::span<const Value> params)
      : texts(params.size()), values(params.size(), nullptr), lengths(params.size(), 0), formats(params.size(), 0) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i].get();
      if (auto* k = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*k);
        values[i] = texts[i].c_str();
      } else if (auto* d = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{}", *d);
        values[i] = texts[i].c_str();
      } else if (auto* s = std::get_if<std::string>(&v)) {
        values[i] = s->c_str();
      } else if (auto* b = std::get_if<Blob>(&v)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;
      }
    }
  }
  int count() const { return static_cast<int>(values.size()); }
  std::vector<std::string> texts;
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
};

// Row `r` of `res`.
Row RowOf(const PGresult* res, int r) {
  const int cols = PQnfields(res);
  std::vector<Value> values;
  values.reserve(cols);
  for (int c = 0; c < cols; ++c) values.push_back(Convert(res, r, c));
  return Row(std::move(values));
}

}  // namespace

PgConnection::Outcome PgConnection::Run(std::string_view sql, std::span<const Value> params) {
  if (broken()) throw Unavailable(fmt::format("the connection to PostgreSQL at {} is lost", where_));
  const std::string& name = Prepare(sql, params);
  const BoundParams bound(params);
  Outcome out;
  out.res.reset(PQexecPrepared(conn_, name.c_str(), bound.count(), bound.values.data(), bound.lengths.data(),
                               bound.formats.data(), /*resultFormat=*/0));
  const auto status = out.res ? PQresultStatus(out.res.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return out;
  Fill(out);
  return out;
}

void PgConnection::Fill(Outcome& out) {
  const char* state = out.res ? PQresultErrorField(out.res.get(), PG_DIAG_SQLSTATE) : nullptr;
  out.sqlstate = state ? state : "XX000";
  const char* primary = out.res ? PQresultErrorField(out.res.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  out.message = primary ? primary : OneLine(PQerrorMessage(conn_));
  if (broken() || ConnectionClass(out.sqlstate)) {
    throw Unavailable(fmt::format("PostgreSQL at {}: {}", where_, out.message));
  }
}

std::vector<Row> PgConnection::Query(std::string_view sql, std::span<const Value> params) {
  Outcome out = Run(sql, params);
  if (!out.ok()) throw DbError(fmt::format("query `{}`: {} ({})", sql, out.message, out.sqlstate));
  const PGresult* res = out.res.get();
  const int rows = PQntuples(res);
  std::vector<Row> result;
  result.reserve(rows);
  for (int r = 0; r < rows; ++r) result.push_back(RowOf(res, r));
  return result;
}

// libpq's single-row mode: each row arrives as its own result. The results are read to the end
// even after a failure (`each` throwing, an error mid-way), so the connection is free for the next
// statement.
void PgConnection::QueryEach(std::string_view sql, std::span<const Value> params,
                             const std::function<void(const Row&)>& each) {
  if (broken()) throw Unavailable(fmt::format("the connection to PostgreSQL at {} is lost", where_));
  const std::string& name = Prepare(sql, params);
  const BoundParams bound(params);
  if (!PQsendQueryPrepared(conn_, name.c_str(), bound.count(), bound.values.data(), bound.lengths.data(),
                           bound.formats.data(), /*resultFormat=*/0)) {
    Outcome out;
    Fill(out);
    throw DbError(fmt::format("query `{}`: {}", sql, out.message));
  }
  // Refused only when no query is running; then the rows come as one result, read the same way.
  PQsetSingleRowMode(conn_);
  std::exception_ptr thrown;
  Outcome failed;
  for (;;) {
    ResultPtr res(PQgetResult(conn_), &PQclear);
    if (!res) break;
    const auto status = PQresultStatus(res.get());
    if (status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK) {
      if (thrown) continue;
      try {
        for (int r = 0, rows = PQntuples(res.get()); r < rows; ++r) each(RowOf(res.get(), r));
      } catch (...) {
        thrown = std::current_exception();
      }
      continue;
    }
    if (failed.ok()) {
      failed.res = std::move(res);
      try {
        Fill(failed);
      } catch (...) {
        if (!thrown) thrown = std::current_exception();
      }
    }
  }
  if (thrown) std::rethrow_exception(thrown);
  if (!failed.ok()) throw DbError(fmt::format("query `{}`: {} ({})", sql, failed.message, failed.sqlstate));
}

Result<ExecResult> PgConnection::Exec(std::string_view sql, std::span<const Value> params) {
  Outcome out = Run(sql, params);
  if (!out.ok()) {
    if (out.sqlstate.starts_with("23")) return Error::Conflict(out.message);
    throw DbError(fmt::format("exec `{}`: {} ({})", sql, out.message, out.sqlstate));
  }
  ExecResult r;
  const char* changed = PQcmdTuples(out.res.get());
  r.changes = changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
  if (PQntuples(out.res.get()) > 0 && PQnfields(out.res.get()) > 0) {
    r.last_insert_id = Row({Convert(out.res.get(), 0, 0)}).Int(0);
  }
  return r;
}

void PgConnection::ExecScript(std::string_view sql) {
  if (broken()) throw Unavailable(fmt::format("the connection to PostgreSQL at {} is lost", where_));
  ResultPtr res(PQexec(conn_, std::string(sql).c_str()), &PQclear);
  const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
  const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = fmt::format("script failed: {}", OneLine(PQerrorMessage(conn_)));
  if (broken() || (state && ConnectionClass(state))) throw Unavailable(msg);
  throw DbError(msg);
}

}  // namespace sqm::storage
