-- Assessment (issue 10): the indicator library, schemes and their versions, periods with their
-- frozen snapshots and results, manual inputs, appeals and the adjustments they lead to
-- (src/assessment/period_repo.h). A version's document and a period's snapshot and results are
-- JSON text (src/assessment/scheme_document.h, result_codec.h); `results_sha256` is the SHA-256
-- of the results text, which `verify` recomputes from the snapshot.
CREATE TABLE assessment_indicators (
  code           TEXT PRIMARY KEY,
  name_zh        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  definition_zh  TEXT NOT NULL DEFAULT '',
  definition_en  TEXT NOT NULL DEFAULT '',
  unit           TEXT NOT NULL,
  direction      TEXT NOT NULL,  -- higher, lower
  kind           TEXT NOT NULL,  -- computed, manual
  formula        TEXT NOT NULL DEFAULT '',
  target         REAL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE assessment_schemes (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name_zh       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  subject_kind  TEXT NOT NULL,  -- staff, department
  created_by    INTEGER NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE assessment_scheme_versions (
  scheme_id       INTEGER NOT NULL REFERENCES assessment_schemes(id),
  number          INTEGER NOT NULL,
  status          TEXT NOT NULL,  -- draft, approved
  document        TEXT NOT NULL,
  author_id       INTEGER NOT NULL,
  approver_id     INTEGER,
  effective_from  INTEGER,
  created_at      INTEGER NOT NULL,
  approved_at     INTEGER,
  PRIMARY KEY (scheme_id, number)
);

CREATE TABLE assessment_periods (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL,
  scheme_id            INTEGER NOT NULL REFERENCES assessment_schemes(id),
  version              INTEGER NOT NULL,
  kind                 TEXT NOT NULL,  -- month, quarter, year, custom
  from_ms              INTEGER NOT NULL,
  to_ms                INTEGER NOT NULL,
  scope_department_id  INTEGER,
  status               TEXT NOT NULL,  -- planned, collecting, evaluated, published, locked
  snapshot             TEXT,
  results              TEXT,
  results_sha256       TEXT,
  evaluated_by         INTEGER,
  evaluated_at         INTEGER,
  published_at         INTEGER,
  appeal_deadline      INTEGER,
  locked_at            INTEGER,
  created_by           INTEGER NOT NULL,
  created_at           INTEGER NOT NULL
);
CREATE INDEX assessment_periods_scheme ON assessment_periods (scheme_id, from_ms);

CREATE TABLE assessment_inputs (
  period_id       INTEGER NOT NULL REFERENCES assessment_periods(id),
  assessee_id     INTEGER NOT NULL,
  indicator_code  TEXT NOT NULL,
  value           REAL NOT NULL,
  evidence        TEXT NOT NULL,
  entered_by      INTEGER NOT NULL,
  entered_at      INTEGER NOT NULL,
  PRIMARY KEY (period_id, assessee_id, indicator_code)
);

CREATE TABLE assessment_appeals (
  id               INTEGER PRIMARY KEY,
  period_id        INTEGER NOT NULL REFERENCES assessment_periods(id),
  assessee_id      INTEGER NOT NULL,
  indicator_code   TEXT,
  reason           TEXT NOT NULL,
  evidence         TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL,  -- open, upheld, partly_upheld, rejected
  filed_by         INTEGER NOT NULL,
  filed_at         INTEGER NOT NULL,
  decided_by       INTEGER,
  decided_at       INTEGER,
  decision_reason  TEXT
);
CREATE INDEX assessment_appeals_period ON assessment_appeals (period_id, id);

CREATE TABLE assessment_adjustments (
  id           INTEGER PRIMARY KEY,
  appeal_id    INTEGER NOT NULL REFERENCES assessment_appeals(id),
  period_id    INTEGER NOT NULL REFERENCES assessment_periods(id),
  assessee_id  INTEGER NOT NULL,
  points       REAL NOT NULL,
  status       TEXT NOT NULL,  -- proposed, approved
  proposed_by  INTEGER NOT NULL,
  proposed_at  INTEGER NOT NULL,
  approved_by  INTEGER,
  approved_at  INTEGER
);
