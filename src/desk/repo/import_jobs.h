// SQL of file-import jobs (desk/importer.h): one row per job, so that every server answers for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "desk/model.h"
#include "storage/db.h"

namespace sqm::desk::repo {

using storage::Connection;

// One row of import_jobs, as stored. `errors` is the JSON array the API answers.
struct ImportJobRow {
  Id id = 0;
  Id created_by = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::string filename;
  std::string format;  // csv, xlsx
  std::string status;  // validating, applying, done, failed
  std::string phase;   // validating, applying: where the job is, or where it failed
  std::int64_t rows_total = 0;
  std::int64_t rows_done = 0;
  std::int64_t created_tickets = 0;
  std::optional<Id> first_ticket_id, last_ticket_id;
  std::int64_t error_count = 0;
  std::string errors = "[]";
  std::string server;  // the server that runs the job
  TimeMs heartbeat_at = 0;
  std::optional<TimeMs> finished_at;
};

// The new row's id (row.id is ignored).
Result<Id> InsertImportJob(Connection& db, const ImportJobRow& row);
// Writes every column but id, created_by, created_at and server.
Status UpdateImportJob(Connection& db, const ImportJobRow& row);
std::optional<ImportJobRow> FindImportJob(Connection& db, Id id);

}  // namespace sqm::desk::repo
