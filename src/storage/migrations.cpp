#include "storage/migrations.h"

#include <set>

namespace sqm::storage {

std::vector<std::string> ApplyMigrations(Connection& db, TimeMs now) {
  db.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  std::set<std::string> done;
  for (const auto& r : db.Query("SELECT version FROM schema_migrations")) done.insert(r.Text(0));
  std::vector<std::string> applied;
  for (const auto& m : BuiltinMigrations()) {
    if (done.contains(std::string(m.name))) continue;
    db.ExecScript("BEGIN IMMEDIATE");
    try {
      db.ExecScript(m.sql);
      auto r = db.Exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {m.name, now});
      if (!r.ok()) throw DbError(r.error().message);
      db.ExecScript("COMMIT");
    } catch (const DbError& e) {
      db.ExecScript("ROLLBACK");
      throw DbError("migration " + std::string(m.name) + " failed: " + e.what());
    }
    applied.emplace_back(m.name);
  }
  return applied;
}

}  // namespace sqm::storage
