-- External survey agencies and open text (src/feedback, docs/feedback.md). An agency's results
-- arrive as a file (CSV or XLSX) imported all or nothing; each row keyed to a ticket (attributed
-- through it as a survey is) or to a department, with the agency, the survey date and the measured
-- answers. They count in the results and the satisfaction fact sources with their source `agency`.
-- The topic dictionary tags open answers (at read, so an edited dictionary applies at once).
CREATE TABLE survey_agency_imports (
  id           INTEGER PRIMARY KEY,
  filename     TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  row_count    INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  created_by   INTEGER NOT NULL
);

CREATE TABLE survey_agency_results (
  id               INTEGER PRIMARY KEY,
  import_id        INTEGER NOT NULL REFERENCES survey_agency_imports(id),
  line             INTEGER NOT NULL,
  agency           TEXT NOT NULL,
  surveyed_at      INTEGER NOT NULL,
  ticket_id        INTEGER,          -- keyed to a ticket; NULL: to a department
  ticket_number    TEXT NOT NULL DEFAULT '',
  department_id    INTEGER,
  department_name  TEXT NOT NULL DEFAULT '',
  staff_id         INTEGER,
  staff_name       TEXT NOT NULL DEFAULT '',
  channel          TEXT NOT NULL DEFAULT '',
  category_id      INTEGER,
  category_name    TEXT NOT NULL DEFAULT '',
  csat             INTEGER,          -- 1-5
  satisfaction     TEXT,             -- satisfied | basically_satisfied | dissatisfied
  nps              INTEGER,          -- 0-10
  body             TEXT NOT NULL DEFAULT ''  -- free text, as written (shown as text)
);
CREATE INDEX survey_agency_results_at ON survey_agency_results(surveyed_at);

-- One row: the dictionary as JSON [{key, label: {zh, en}, keywords: [...]}] (feedback/json.h); no row:
-- the seeded dictionary (feedback/text.h DefaultTopics).
CREATE TABLE survey_topic_dictionary (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  body        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
