-- Mystery shopping (神秘顾客, issue 12; src/inspection/mystery.h): scenarios — the shopper's script
-- for visits, calls or chats to target departments in a window — and their visits, each a covert
-- inspection with the shopper's report, the amount spent and its reimbursement, and the receipts
-- (stored like the inspection photos: sniffed type, size, sha256, bytes).
CREATE TABLE mystery_scenarios (
  id                INTEGER PRIMARY KEY,
  title             TEXT NOT NULL,
  channel           TEXT NOT NULL,  -- visit | call | chat
  department_ids    TEXT NOT NULL,  -- JSON array of the target departments
  script            TEXT NOT NULL,  -- what to do and say
  observe           TEXT NOT NULL DEFAULT '',
  scorecard_id      INTEGER NOT NULL REFERENCES scorecards(id),
  window_from       INTEGER NOT NULL,
  window_to         INTEGER NOT NULL,
  hours_from        INTEGER,  -- minutes after local midnight (business zone), with hours_to
  hours_to          INTEGER,
  visits_per_target INTEGER NOT NULL,
  budget_cents      INTEGER,  -- per visit
  active            INTEGER NOT NULL DEFAULT 1,
  created_by        INTEGER NOT NULL REFERENCES staff(id),
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
);

CREATE TABLE mystery_visits (
  inspection_id       INTEGER PRIMARY KEY REFERENCES inspections(id),
  scenario_id         INTEGER NOT NULL REFERENCES mystery_scenarios(id),
  visited_at          INTEGER,
  duration_min        INTEGER,
  served_by           TEXT NOT NULL DEFAULT '',
  served_by_id        INTEGER REFERENCES staff(id),
  dialled             TEXT NOT NULL DEFAULT '',
  spent_cents         INTEGER,
  claim               TEXT NOT NULL DEFAULT 'none',  -- none | pending | approved | rejected
  claim_reason        TEXT NOT NULL DEFAULT '',
  claim_decided_by    INTEGER REFERENCES staff(id),
  claim_decided_at    INTEGER
);
CREATE INDEX mystery_visits_scenario ON mystery_visits(scenario_id);

CREATE TABLE mystery_receipts (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES mystery_visits(inspection_id),
  content_type  TEXT NOT NULL,  -- image/jpeg | image/png | image/webp, from the bytes
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  data          BLOB NOT NULL,
  uploaded_by   INTEGER NOT NULL REFERENCES staff(id),
  uploaded_at   INTEGER NOT NULL
);
CREATE INDEX mystery_receipts_visit ON mystery_receipts(inspection_id);
