-- Business calendars, SLA policies (versioned) and the timers of every ticket (the breach ledger).

CREATE TABLE calendars (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  definition  TEXT NOT NULL,           -- calendar::CalendarToJson
  builtin     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL
);

-- Every version of every policy; a policy edit inserts a new version and deactivates nothing
-- retroactively: timers keep the (policy_id, policy_version) they started with.
CREATE TABLE sla_policies (
  id                INTEGER NOT NULL,
  version           INTEGER NOT NULL,
  name              TEXT NOT NULL,
  match_ticket_type TEXT,
  match_priority    INTEGER,
  match_channel     TEXT,
  match_category_id INTEGER,
  match_customer_tier TEXT,
  targets           TEXT NOT NULL,       -- JSON [{"kind","business_minutes","calendar_code"}]
  warning_fraction  REAL NOT NULL,
  active            INTEGER NOT NULL DEFAULT 1,
  current           INTEGER NOT NULL DEFAULT 1,   -- 1 on the newest version only
  created_at        INTEGER NOT NULL,
  created_by        TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX sla_policies_current ON sla_policies (current, active);
CREATE UNIQUE INDEX sla_policies_one_current ON sla_policies (id) WHERE current = 1;

CREATE TABLE sla_timers (
  id                   INTEGER PRIMARY KEY,
  ticket_id            INTEGER NOT NULL REFERENCES tickets (id),
  transfer_id          INTEGER NOT NULL DEFAULT 0,
  kind                 TEXT NOT NULL,      -- first_response | resolution | callback | handover
  policy_id            INTEGER NOT NULL,
  policy_version       INTEGER NOT NULL,
  target_minutes       INTEGER NOT NULL,
  calendar_code        TEXT NOT NULL,
  warning_fraction     REAL NOT NULL,
  started_at           INTEGER NOT NULL,
  pauses               TEXT NOT NULL DEFAULT '[]',   -- JSON [[from, to|null], ...]
  stopped_at           INTEGER,
  warning_fired_at     INTEGER,
  breach_fired_at      INTEGER,
  state                TEXT NOT NULL,      -- running | paused | met | breached (as of the last change)
  due_at               INTEGER,
  warning_at           INTEGER,
  paused_business_ms   INTEGER NOT NULL DEFAULT 0,
  overrun_business_ms  INTEGER NOT NULL DEFAULT 0,
  overrun_wall_ms      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sla_timers_ticket ON sla_timers (ticket_id, kind);
CREATE INDEX sla_timers_open ON sla_timers (stopped_at, due_at);
CREATE INDEX sla_timers_kind_started ON sla_timers (kind, started_at);
