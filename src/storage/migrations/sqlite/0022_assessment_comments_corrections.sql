-- Assessment (issue 10): the assessor's comments on a result (评语), overall and per indicator.
-- One comment per assessee, period and indicator ('' for the overall one); writing again replaces
-- it (the event log keeps every version). Written while the period is evaluated or published;
-- frozen with the period when it locks. Not part of the snapshot: they never move a score.
CREATE TABLE assessment_comments (
  period_id       INTEGER NOT NULL REFERENCES assessment_periods(id),
  assessee_id     INTEGER NOT NULL,
  indicator_code  TEXT NOT NULL,
  body            TEXT NOT NULL,
  written_by      INTEGER NOT NULL,
  written_at      INTEGER NOT NULL,
  PRIMARY KEY (period_id, assessee_id, indicator_code)
);

-- Corrections of a locked result (更正): a locked period never changes (its snapshot and results
-- verify bit-identically); a correction is a new record beside it, proposed with a reason and
-- evidence by quality, approved by an approver other than the proposer. The latest approved
-- correction of an assessee is what the pay columns of the results export use.
CREATE TABLE assessment_corrections (
  id               INTEGER PRIMARY KEY,
  period_id        INTEGER NOT NULL REFERENCES assessment_periods(id),
  assessee_id      INTEGER NOT NULL,
  original_total   REAL,            -- the locked total (NULL: no data)
  corrected_total  REAL NOT NULL,
  reason           TEXT NOT NULL,
  evidence         TEXT NOT NULL,
  status           TEXT NOT NULL,   -- proposed, approved, withdrawn
  proposed_by      INTEGER NOT NULL,
  proposed_at      INTEGER NOT NULL,
  approved_by      INTEGER,
  approved_at      INTEGER
);
CREATE INDEX assessment_corrections_period ON assessment_corrections (period_id, assessee_id, id);
