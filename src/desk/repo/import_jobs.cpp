#include "desk/repo/import_jobs.h"

namespace sqm::desk::repo {

Result<Id> InsertImportJob(Connection& db, const ImportJobRow& r) {
  SQM_ASSIGN(auto res,
             db.Exec("INSERT INTO import_jobs (created_by, created_at, updated_at, filename, format, status, phase,"
                     " rows_total, rows_done, created_tickets, first_ticket_id, last_ticket_id, error_count, errors,"
                     " server, heartbeat_at, finished_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.created_by, r.created_at, r.updated_at, r.filename, r.format, r.status, r.phase, r.rows_total,
                      r.rows_done, r.created_tickets, r.first_ticket_id, r.last_ticket_id, r.error_count, r.errors,
                      r.server, r.heartbeat_at, r.finished_at}));
  return res.last_insert_id;
}

Status UpdateImportJob(Connection& db, const ImportJobRow& r) {
  return db.Exec(
      "UPDATE import_jobs SET updated_at = ?, filename = ?, format = ?, status = ?, phase = ?, rows_total = ?,"
      " rows_done = ?, created_tickets = ?, first_ticket_id = ?, last_ticket_id = ?, error_count = ?, errors = ?,"
      " heartbeat_at = ?, finished_at = ? WHERE id = ?",
      {r.updated_at, r.filename, r.format, r.status, r.phase, r.rows_total, r.rows_done, r.created_tickets,
       r.first_ticket_id, r.last_ticket_id, r.error_count, r.errors, r.heartbeat_at, r.finished_at, r.id});
}

std::optional<ImportJobRow> FindImportJob(Connection& db, Id id) {
  auto r = db.QueryOne(
      "SELECT id, created_by, created_at, updated_at, filename, format, status, phase, rows_total, rows_done,"
      " created_tickets, first_ticket_id, last_ticket_id, error_count, errors, server, heartbeat_at, finished_at"
      " FROM import_jobs WHERE id = ?",
      {id});
  if (!r) return std::nullopt;
  return ImportJobRow{r->Int(0),     r->Int(1),  r->Int(2),   r->Int(3),   r->Text(4), r->Text(5),
                      r->Text(6),    r->Text(7), r->Int(8),   r->Int(9),   r->Int(10), r->OptInt(11),
                      r->OptInt(12), r->Int(13), r->Text(14), r->Text(15), r->Int(16), r->OptInt(17)};
}

}  // namespace sqm::desk::repo
