// Restoring a backup that `sqm backup` (Database::Backup) made, into a database that holds no sqm
// data yet, after checking that the file is one: a restore must never put something other than
// an sqm database, or a copy with a broken audit chain, where sqm will serve from.
//
//   SQLite: FROM must be a SQLite file with sqm's `schema_migrations` (only migrations this binary
//   knows) and an intact audit chain; it is copied with SQLite's backup API into the target file,
//   which must be missing or empty.
//   PostgreSQL: FROM must be a pg_dump custom-format archive (it begins with "PGDMP") whose table
//   of contents lists sqm's `schema_migrations` and `events` tables; the target database must hold
//   no `schema_migrations` table. pg_restore runs in one transaction (all or nothing), then the
//   restored chain is verified.
//
// Stop the servers using the target first. Throws DbError with a one-line message naming the
// problem; nothing is written to the target when the check fails.
#pragma once

#include <cstdint>
#include <string>

#include "storage/database.h"

namespace sqm::storage {

struct RestoreReport {
  std::int64_t events = 0;     // events in the restored, verified chain
  std::string last_migration;  // the newest migration the copy had ("0007_org_throttle")
};

RestoreReport Restore(const DatabaseOptions& target, const std::string& from);

}  // namespace sqm::storage
