-- File imports as jobs (desk/importer.h): one row per job, written by the server that runs it at
-- each state change and between validation chunks, so that any server answers
-- GET /api/v1/tickets/imports/{id}. A job that is not finished and whose heartbeat is old is
-- reported failed (its server stopped; the apply is one transaction, so nothing of it was written).
CREATE TABLE import_jobs (
  id               INTEGER PRIMARY KEY,
  created_by       INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  filename         TEXT NOT NULL,
  format           TEXT NOT NULL,
  status           TEXT NOT NULL,  -- validating, applying, done, failed
  phase            TEXT NOT NULL,  -- validating or applying: where it is, or where it failed
  rows_total       INTEGER NOT NULL DEFAULT 0,
  rows_done        INTEGER NOT NULL DEFAULT 0,
  created_tickets  INTEGER NOT NULL DEFAULT 0,
  first_ticket_id  INTEGER,
  last_ticket_id   INTEGER,
  error_count      INTEGER NOT NULL DEFAULT 0,
  errors           TEXT NOT NULL DEFAULT '[]',  -- JSON: at most max_reported_errors row errors
  server           TEXT NOT NULL,
  heartbeat_at     INTEGER NOT NULL,
  finished_at      INTEGER
);
