// Numbered migrations: src/storage/migrations/{sqlite,postgres}/NNNN_name.sql (the same numbers
// and names in both folders), embedded in the binary at build time, applied in order and recorded
// in `schema_migrations`. A migration may have a C++ step that runs after its SQL in the same
// transaction (copying rows into a new form, say). A released migration is never edited; a change
// is a new file.
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

// All migrations built into this binary for `dialect`, in order.
const std::vector<Migration>& BuiltinMigrations(Dialect dialect);

// Applies the ones not yet recorded; returns their names. Throws DbError on failure (the failing
// migration is rolled back whole), and before writing anything when the database records a
// migration this binary does not know (it was written by a newer sqm). On PostgreSQL the whole
// run holds an advisory lock, so servers starting together migrate once.
std::vector<std::string> ApplyMigrations(Connection& db, TimeMs now);

}  // namespace sqm::storage
