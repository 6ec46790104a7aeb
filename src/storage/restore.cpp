#include "storage/restore.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/clock.h"
#include "storage/event_log.h"
#include "storage/migrations.h"
#include "storage/pg_tools.h"
#include "storage/postgres.h"
#include "storage/sqlite.h"

namespace sqm::storage {
namespace {

std::string FirstBytes(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DbError("restore: cannot read " + path);
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

bool HasMigrationsTable(Connection& db) {
  const char* sql = db.dialect() == Dialect::kPostgres
                        ? "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'schema_migrations'"
                        : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
  return db.QueryOne(sql)->Int(0) > 0;
}

// The copy's newest migration; refuses one this binary does not know (a newer sqm's copy).
std::string CheckMigrations(Connection& db, const std::string& from) {
  if (!HasMigrationsTable(db)) throw DbError("restore: " + from + " is not an sqm database (no schema_migrations)");
  std::set<std::string_view> known;
  for (const Migration& m : BuiltinMigrations(db.dialect())) known.insert(m.name);
  std::string last;
  for (const Row& r : db.Query("SELECT version FROM schema_migrations ORDER BY version")) {
    const std::string v = r.Text(0);
    if (!known.contains(v)) throw DbError("restore: " + from + " was written by a newer sqm (migration " + v + ")");
    last = v;
  }
  if (last.empty()) throw DbError("restore: " + from + " is not an sqm database (no migration applied)");
  return last;
}

std::int64_t CheckChain(Connection& db, const std::string& from) {
  if (auto br = VerifyChain(db)) {
    throw DbError("restore: the audit chain of " + from + " is broken at seq " + std::to_string(br->seq) + ": " +
                  br->reason);
  }
  return HeadSeq(db);
}

RestoreReport RestoreSqlite(const std::string& target, const std::string& from) {
  if (FirstBytes(from, 16) != std::string("SQLite format 3\0", 16)) {
    throw DbError("restore: " + from + " is not a SQLite database");
  }
  SqliteConnection source(SqliteOptions{.path = from, .read_only = true});
  RestoreReport report;
  report.last_migration = CheckMigrations(source, from);
  report.events = CheckChain(source, from);
  std::error_code ec;
  if (std::filesystem::exists(target, ec) && std::filesystem::file_size(target, ec) > 0) {
    SqliteConnection existing(SqliteOptions{.path = target, .read_only = true});
    if (HasMigrationsTable(existing)) {
      throw DbError("restore: " + target + " already holds an sqm database; restore into a new file");
    }
  }
  if (auto folder = std::filesystem::path(target).parent_path(); !folder.empty()) {
    std::filesystem::create_directories(folder);
  }
  source.BackupTo(target);
  return report;
}

RestoreReport RestorePostgres(const std::string& target, const std::string& from) {
  if (FirstBytes(from, 5) != "PGDMP") {
    throw DbError("restore: " + from + " is not a pg_dump archive (sqm backup on PostgreSQL writes one)");
  }
  // The archive's table of contents must list sqm's tables.
  const auto list = std::filesystem::temp_directory_path() / ("sqm-restore-" + std::to_string(::getpid()) + ".list");
  RunPgTool("restore", "pg_restore", {"--list", "--file=" + list.string(), from});
  std::ifstream in(list);
  std::string line;
  bool migrations = false, events = false;
  while (std::getline(in, line)) {
    if (line.find(" TABLE public schema_migrations ") != std::string::npos) migrations = true;
    if (line.find(" TABLE public events ") != std::string::npos) events = true;
  }
  in.close();
  std::filesystem::remove(list);
  if (!migrations || !events) throw DbError("restore: " + from + " is not a backup of an sqm database");
  {
    PgConnection db(target);
    if (HasMigrationsTable(db)) {
      throw DbError("restore: " + RedactedUrl(target) + " already holds an sqm database; restore into an empty one");
    }
  }
  RunPgTool("restore", "pg_restore", {"--no-owner", "--exit-on-error", "--single-transaction", from}, target);
  PgConnection db(target);
  RestoreReport report;
  report.last_migration = CheckMigrations(db, from);
  report.events = CheckChain(db, from);
  return report;
}

}  // namespace

RestoreReport Restore(const DatabaseOptions& target, const std::string& from) {
  if (!std::filesystem::is_regular_file(from)) throw DbError("restore: " + from + " is not a file");
  return IsPostgresUrl(target.url) ? RestorePostgres(target.url, from) : RestoreSqlite(target.url, from);
}

}  // namespace sqm::storage
