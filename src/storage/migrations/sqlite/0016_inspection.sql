-- Quality inspections (src/inspection): scorecards (质检评分表) and their versions, and the
-- inspections scored with them. A scorecard version is
-- never changed once written: an inspection keeps the version it was scored with.
CREATE TABLE scorecards (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  version     INTEGER NOT NULL,  -- the newest version; new inspections use it
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE scorecard_versions (
  scorecard_id  INTEGER NOT NULL REFERENCES scorecards(id),
  version       INTEGER NOT NULL,
  definition    TEXT NOT NULL,  -- JSON: method, pass mark, sections and items (inspection/json.h)
  created_at    INTEGER NOT NULL,
  created_by    INTEGER NOT NULL,
  PRIMARY KEY (scorecard_id, version)
);

-- An inspection of a ticket's handling or of a department. The names are kept as they were at
-- assignment. From publication on a row changes only in its acknowledgement, appeal and final
-- state: a correction is a new row pointing at the one it corrects (corrects_id).
CREATE TABLE inspections (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL,  -- ticket_review | routine_check | surprise_check
  covert             INTEGER NOT NULL DEFAULT 0,
  scorecard_id       INTEGER NOT NULL REFERENCES scorecards(id),
  scorecard_version  INTEGER NOT NULL,
  ticket_id          INTEGER,
  ticket_number      TEXT NOT NULL DEFAULT '',
  department_id      INTEGER NOT NULL,
  department_name    TEXT NOT NULL DEFAULT '',
  agent_id           INTEGER,
  agent_name         TEXT NOT NULL DEFAULT '',
  inspector_id       INTEGER NOT NULL,
  inspector_name     TEXT NOT NULL DEFAULT '',
  assigned_by        INTEGER NOT NULL,
  state              TEXT NOT NULL,
  answers            TEXT NOT NULL DEFAULT '{}',  -- JSON by item code: a value or "na"
  notes              TEXT NOT NULL DEFAULT '',
  percent            REAL,
  passed             INTEGER NOT NULL DEFAULT 0,
  critical_failed    INTEGER NOT NULL DEFAULT 0,
  corrects_id        INTEGER REFERENCES inspections(id),
  corrected_by_id    INTEGER,
  created_at         INTEGER NOT NULL,
  submitted_at       INTEGER,
  published_at       INTEGER,
  appeal_deadline    INTEGER,
  acknowledged_at    INTEGER,
  final_at           INTEGER,
  appellant_id       INTEGER,
  appeal_reason      TEXT,
  appeal_filed_at    INTEGER,
  reviewer_id        INTEGER,
  appeal_outcome     TEXT,  -- upheld | partly_upheld | rejected
  appeal_decision    TEXT,
  appeal_decided_at  INTEGER
);
CREATE INDEX inspections_inspector ON inspections(inspector_id, state);
CREATE INDEX inspections_department ON inspections(department_id, created_at);
CREATE INDEX inspections_agent ON inspections(agent_id, created_at);
