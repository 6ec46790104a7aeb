-- Customer feedback (src/feedback): survey templates and their versions, dispatch rules, the
-- invitations sent after a ticket is resolved or closed (each with a single-use token stored only
-- as its SHA-256), the answers, callback ratings copied from the desk, follow-ups of low scores,
-- and the module's settings. An invitation keeps the ticket's attribution (department, staff,
-- channel, category) as it was when the survey was sent, so results do not move later.
CREATE TABLE survey_templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  version     INTEGER NOT NULL,  -- the newest version; new invitations use it
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- Every version of a template, never changed once written: an answer keeps the one it answered.
CREATE TABLE survey_template_versions (
  template_id  INTEGER NOT NULL REFERENCES survey_templates(id),
  version      INTEGER NOT NULL,
  definition   TEXT NOT NULL,  -- JSON: titles and questions (feedback/json.h)
  created_at   INTEGER NOT NULL,
  created_by   INTEGER NOT NULL,
  PRIMARY KEY (template_id, version)
);

CREATE TABLE survey_dispatch_rules (
  id                INTEGER PRIMARY KEY,
  template_id       INTEGER NOT NULL REFERENCES survey_templates(id),
  trigger_on        TEXT NOT NULL,  -- resolved | closed
  ticket_type       TEXT,           -- NULL: any
  channel           TEXT,
  category_id       INTEGER,
  delay_ms          INTEGER NOT NULL DEFAULT 0,
  quiet_days        INTEGER NOT NULL DEFAULT 0,  -- at most one survey per customer per this many days
  valid_days        INTEGER NOT NULL DEFAULT 14,
  active            INTEGER NOT NULL DEFAULT 1,
  created_at        INTEGER NOT NULL
);

CREATE TABLE survey_invitations (
  id               INTEGER PRIMARY KEY,
  token_hash       TEXT UNIQUE,  -- SHA-256 hex of the current link's token; NULL until a link is issued
  template_id      INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  rule_id          INTEGER,
  ticket_id        INTEGER NOT NULL,
  ticket_number    TEXT NOT NULL,
  ticket_type      TEXT NOT NULL,
  customer_id      INTEGER,
  customer_email   TEXT NOT NULL DEFAULT '',
  department_id    INTEGER,
  department_name  TEXT NOT NULL DEFAULT '',
  staff_id         INTEGER,
  staff_name       TEXT NOT NULL DEFAULT '',
  channel          TEXT NOT NULL,
  category_id      INTEGER,
  category_name    TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  send_at          INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  answered_at      INTEGER
);
CREATE INDEX survey_invitations_customer ON survey_invitations(customer_id, created_at);
CREATE INDEX survey_invitations_created ON survey_invitations(created_at);

-- One row per answered question.
CREATE TABLE survey_answers (
  invitation_id  INTEGER NOT NULL REFERENCES survey_invitations(id),
  question_id    TEXT NOT NULL,
  kind           TEXT NOT NULL,
  score          INTEGER,                   -- scales and single choice (the option's index)
  choices        TEXT NOT NULL DEFAULT '',  -- multiple choice: option indexes, comma-separated
  body           TEXT NOT NULL DEFAULT '',  -- open text, as written (shown escaped)
  PRIMARY KEY (invitation_id, question_id)
);

-- The desk's callback ratings (满意 / 基本满意 / 不满意), copied when recorded.
CREATE TABLE survey_callback_ratings (
  id               INTEGER PRIMARY KEY,
  ticket_id        INTEGER NOT NULL,
  satisfaction     TEXT NOT NULL,
  department_id    INTEGER,
  department_name  TEXT NOT NULL DEFAULT '',
  staff_id         INTEGER,
  staff_name       TEXT NOT NULL DEFAULT '',
  channel          TEXT NOT NULL,
  category_id      INTEGER,
  category_name    TEXT NOT NULL DEFAULT '',
  rated_at         INTEGER NOT NULL
);
CREATE INDEX survey_callback_ratings_at ON survey_callback_ratings(rated_at);

-- Recovery of unhappy customers: a low score opens one.
CREATE TABLE survey_followups (
  id             INTEGER PRIMARY KEY,
  ticket_id      INTEGER NOT NULL,
  ticket_number  TEXT NOT NULL,
  invitation_id  INTEGER,
  source         TEXT NOT NULL,  -- survey | callback
  reason         TEXT NOT NULL,  -- what was low: "csat=1", "callback=dissatisfied"
  department_id  INTEGER,
  owner_id       INTEGER,
  deadline_at    INTEGER NOT NULL,
  outcome        TEXT,           -- recontacted | satisfied_after_redo | rating_withdrawn
  note           TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  closed_at      INTEGER
);
CREATE INDEX survey_followups_open ON survey_followups(closed_at, deadline_at);

-- The module's settings: one row, JSON (feedback/json.h).
CREATE TABLE survey_settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  body        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
