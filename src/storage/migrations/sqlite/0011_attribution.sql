-- Assessment facts (issue 10): who a fact is charged to, stored on the fact's own row when it
-- happens (docs/assessment.md, "Attribution"), so moving a person or a ticket later does not
-- rewrite a past month. The desk writes these columns in the same transaction as the fact.
-- Rows that existed before this migration get them from the values they hold today.

-- The handler who resolved the ticket and their department (cleared with resolved_at on reopen).
ALTER TABLE tickets ADD COLUMN resolved_by INTEGER REFERENCES staff (id);
ALTER TABLE tickets ADD COLUMN resolved_department_id INTEGER REFERENCES departments (id);
UPDATE tickets SET resolved_by = assignee_id, resolved_department_id = department_id WHERE resolved_at IS NOT NULL;

-- The ticket's assignee and department when the timer stopped, or when it fired its breach if
-- that came first (the later write wins).
ALTER TABLE sla_timers ADD COLUMN staff_id INTEGER REFERENCES staff (id);
ALTER TABLE sla_timers ADD COLUMN department_id INTEGER REFERENCES departments (id);
UPDATE sla_timers SET
  staff_id = (SELECT t.assignee_id FROM tickets t WHERE t.id = sla_timers.ticket_id),
  department_id = (SELECT t.department_id FROM tickets t WHERE t.id = sla_timers.ticket_id)
WHERE stopped_at IS NOT NULL OR breach_fired_at IS NOT NULL;

-- The rated handler: the ticket's resolver when the callback was opened and recorded.
ALTER TABLE callbacks ADD COLUMN staff_id INTEGER REFERENCES staff (id);
ALTER TABLE callbacks ADD COLUMN department_id INTEGER REFERENCES departments (id);
UPDATE callbacks SET
  staff_id = (SELECT COALESCE(t.resolved_by, t.assignee_id) FROM tickets t WHERE t.id = callbacks.ticket_id),
  department_id = (SELECT COALESCE(t.resolved_department_id, t.department_id) FROM tickets t
                   WHERE t.id = callbacks.ticket_id);

-- A transfer that was sent back: the id of the send-back that returned it (the transfer was
-- wrong; its sender is charged). Filled for the past from the transfer history.
ALTER TABLE ticket_transfers ADD COLUMN sent_back_by INTEGER REFERENCES ticket_transfers (id);
UPDATE ticket_transfers SET sent_back_by = (
  SELECT min(s.id) FROM ticket_transfers s
  WHERE s.ticket_id = ticket_transfers.ticket_id AND s.sendback = 1 AND s.id > ticket_transfers.id
    AND s.to_department_id = ticket_transfers.from_department_id
    AND ticket_transfers.id = (SELECT max(m.id) FROM ticket_transfers m WHERE m.ticket_id = s.ticket_id
                               AND m.id < s.id AND m.to_department_id = s.from_department_id));
CREATE INDEX ticket_transfers_at ON ticket_transfers (at);

-- One row per reopening (by the customer, a callback "not resolved" or staff), charged to the
-- resolver being reopened. Reopenings before this migration left only tickets.reopen_count.
CREATE TABLE ticket_reopens (
  id             INTEGER PRIMARY KEY,
  ticket_id      INTEGER NOT NULL REFERENCES tickets (id),
  at             INTEGER NOT NULL,
  staff_id       INTEGER REFERENCES staff (id),
  department_id  INTEGER REFERENCES departments (id),
  reason         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_reopens_ticket ON ticket_reopens (ticket_id, id);
CREATE INDEX ticket_reopens_at ON ticket_reopens (at);
CREATE INDEX callbacks_created ON callbacks (created_at);
CREATE INDEX tickets_resolved ON tickets (resolved_at);

-- Measures an organisation defined beside the built-in library (assessment/measure_library.cpp).
CREATE TABLE assessment_measures (
  code                TEXT PRIMARY KEY,
  name_zh             TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  definition_zh       TEXT NOT NULL DEFAULT '',
  definition_en       TEXT NOT NULL DEFAULT '',
  source              TEXT NOT NULL,
  aggregation         TEXT NOT NULL,   -- count | sum | mean | min | max | percentile | ratio
  field               TEXT NOT NULL DEFAULT '',
  p                   REAL,
  filter              TEXT NOT NULL DEFAULT '',
  numerator_filter    TEXT NOT NULL DEFAULT '',
  denominator_source  TEXT NOT NULL DEFAULT '',
  denominator_filter  TEXT NOT NULL DEFAULT '',
  unit                TEXT NOT NULL,
  direction           TEXT NOT NULL,   -- higher | lower
  created_by          INTEGER REFERENCES staff (id),
  created_at          INTEGER NOT NULL
);

-- Exclusions (剔除): why a ticket may leave assessment (an editable list) and the requests.
CREATE TABLE assessment_exclusion_reasons (
  code        TEXT PRIMARY KEY,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1,
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL
);
INSERT INTO assessment_exclusion_reasons (code, name_zh, name_en, position, created_at) VALUES
  ('outside_duties', '不属于本单位职责', 'Outside the unit''s duties', 1, 0),
  ('legal_process', '已进入诉讼、仲裁或信访程序', 'Already in court, arbitration or petition', 2, 0),
  ('unlawful_demand', '诉求不合法或恶意诉求', 'Unlawful or malicious demand', 3, 0),
  ('duplicate', '重复工单', 'Duplicate', 4, 0),
  ('unreachable', '多次联系不上诉求人', 'Customer unreachable after repeated attempts', 5, 0),
  ('force_majeure', '不可抗力', 'Force majeure', 6, 0);

CREATE TABLE assessment_exclusions (
  id             INTEGER PRIMARY KEY,
  ticket_id      INTEGER NOT NULL REFERENCES tickets (id),
  reason_code    TEXT NOT NULL REFERENCES assessment_exclusion_reasons (code),
  evidence       TEXT NOT NULL,
  status         TEXT NOT NULL,   -- requested | approved | rejected
  requested_by   INTEGER NOT NULL REFERENCES staff (id),
  requested_at   INTEGER NOT NULL,
  decided_by     INTEGER REFERENCES staff (id),
  decided_at     INTEGER,
  decision_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_exclusions_status ON assessment_exclusions (status, id);
-- At most one live request or approval per ticket.
CREATE UNIQUE INDEX assessment_exclusions_live ON assessment_exclusions (ticket_id) WHERE status <> 'rejected';
