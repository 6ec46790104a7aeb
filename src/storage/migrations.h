// Numbered migrations: src/storage/migrations/NNNN_name.sql, embedded in the binary at build
// time, applied in order, each in its own transaction, and recorded in `schema_migrations`.
// A released migration is never edited; a change is a new file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "storage/db.h"

namespace sqm::storage {

struct Migration {
  std::string_view name;  // "0001_foundation"
  std::string_view sql;
};

// All migrations built into this binary, in order.
const std::vector<Migration>& BuiltinMigrations();

// Applies the ones not yet recorded; returns their names. Throws DbError on failure (the failing
// migration is rolled back whole).
std::vector<std::string> ApplyMigrations(Connection& db, TimeMs now);

}  // namespace sqm::storage
