#include "storage/migrations.h"

#include <functional>
#include <set>

#include "storage/event_log.h"

namespace sqm::storage {

namespace {

// The advisory-lock key PostgreSQL migrations hold ("sqm-migr").
constexpr std::int64_t kMigrationLock = 0x73716d2d6d696772;

// C++ steps, by dialect and migration name.
void RunStep(Connection& db, std::string_view name) {
  if (db.dialect() == Dialect::kSqlite && name == "0006_lean_events") ConvertEventsToLean(db);
}

void Apply(Connection& db, const Migration& m, TimeMs now) {
  db.ExecScript(m.sql);
  RunStep(db, m.name);
  auto r = db.Exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {m.name, now});
  if (!r.ok()) throw DbError(r.error().message);
}

}  // namespace

std::vector<std::string> ApplyMigrations(Connection& db, TimeMs now) {
  const bool pg = db.dialect() == Dialect::kPostgres;
  const auto& all = BuiltinMigrations(db.dialect());
  std::vector<std::string> applied;
  // SQLite: one transaction per migration. PostgreSQL: one for the whole run, under the lock.
  db.ExecScript(pg ? "BEGIN" : "BEGIN IMMEDIATE");
  try {
    if (pg) db.Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLock});
    db.ExecScript(
        pg ? "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
           : "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
    std::set<std::string> done;
    for (const auto& r : db.Query("SELECT version FROM schema_migrations")) done.insert(r.Text(0));
    std::set<std::string> known;
    for (const auto& m : all) known.emplace(m.name);
    for (const auto& v : done) {
      if (!known.contains(v)) {
        throw DbError("the database was written by a newer sqm (its schema has migration " + v +
                      ", which this sqm does not know); run that version of sqm or a newer one");
      }
    }
    for (const auto& m : all) {
      if (done.contains(std::string(m.name))) continue;
      if (!pg && !applied.empty()) db.ExecScript("BEGIN IMMEDIATE");
      try {
        Apply(db, m, now);
      } catch (const DbError& e) {
        throw DbError("migration " + std::string(m.name) + " failed: " + e.what());
      }
      if (!pg) db.ExecScript("COMMIT");
      applied.emplace_back(m.name);
    }
    if (pg || applied.empty()) db.ExecScript("COMMIT");
  } catch (...) {
    try {
      db.ExecScript("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  return applied;
}

}  // namespace sqm::storage
