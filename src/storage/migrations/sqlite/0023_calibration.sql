-- Calibration sessions of inspections (src/inspection/calibration.h): several reviewers score one
-- ticket with one pinned scorecard version, blind, optionally beside an expert's reference score.
-- Nothing here is an inspection: a session never counts toward anyone's score.
CREATE TABLE calibration_sessions (
  id                 INTEGER PRIMARY KEY,
  ticket_id          INTEGER NOT NULL,
  ticket_number      TEXT NOT NULL DEFAULT '',
  inspection_id      INTEGER,           -- the inspection whose ticket it is, when made from one
  department_id      INTEGER NOT NULL,  -- the ticket's (resolving) department: the scope
  agent_id           INTEGER,           -- the ticket's agent, who may not review it
  scorecard_id       INTEGER NOT NULL REFERENCES scorecards(id),
  scorecard_version  INTEGER NOT NULL,
  deadline           INTEGER NOT NULL,
  state              TEXT NOT NULL,     -- open | closed
  created_by         INTEGER NOT NULL,
  created_by_name    TEXT NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  closed_by          INTEGER,
  closed_at          INTEGER
);
CREATE INDEX calibration_sessions_department ON calibration_sessions(department_id, created_at);

-- One row per participant from the start: a reviewer or the expert, their answers (JSON by item
-- code, as inspections.answers) and, once submitted, their score.
CREATE TABLE calibration_scores (
  session_id    INTEGER NOT NULL REFERENCES calibration_sessions(id),
  staff_id      INTEGER NOT NULL,
  staff_name    TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL,  -- reviewer | expert
  position      INTEGER NOT NULL,
  answers       TEXT NOT NULL DEFAULT '{}',
  notes         TEXT NOT NULL DEFAULT '',
  percent       REAL,
  submitted_at  INTEGER,
  PRIMARY KEY (session_id, staff_id)
);
CREATE INDEX calibration_scores_staff ON calibration_scores(staff_id);
