-- Improvement actions (CAPA, src/improvement): the editable list of root-cause categories, the
-- actions (from an inspection, a complaint, an SLA breach trend, a survey follow-up, an audit
-- finding, a staff suggestion or anything else), and internal audit and management review records
-- whose findings raise actions.
CREATE TABLE improvement_root_causes (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1,
  position    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO improvement_root_causes (code, name_zh, name_en, position) VALUES
  ('people', '人员', 'People', 1),
  ('process', '流程', 'Process', 2),
  ('method', '方法', 'Method', 3),
  ('equipment', '设备/系统', 'Equipment / system', 4),
  ('environment', '环境', 'Environment', 5),
  ('materials', '材料/信息', 'Materials / information', 6);

-- One action. A staff suggestion starts as `proposed` without owner or due date; triage makes it
-- `open` (with both) or `declined`. owner_notified_at and manager_notified_at record the overdue
-- escalation, written in the same transaction as its notifications, so each is sent once.
CREATE TABLE improvement_actions (
  id                   INTEGER PRIMARY KEY,
  source               TEXT NOT NULL,  -- inspection | complaint | sla_trend | survey | audit_finding | suggestion | other
  source_id            INTEGER,        -- the source record (inspection, ticket, follow-up, finding), where there is one
  source_ref           TEXT NOT NULL DEFAULT '',
  title                TEXT NOT NULL,
  description          TEXT NOT NULL DEFAULT '',
  root_cause_id        INTEGER REFERENCES improvement_root_causes(id),
  analysis             TEXT NOT NULL DEFAULT '',  -- 5-whys or fishbone notes
  owner_id             INTEGER,
  department_id        INTEGER,
  due_date             TEXT,                      -- YYYY-MM-DD, local to the business zone
  due_at               INTEGER,                   -- the end of that day
  status               TEXT NOT NULL,             -- proposed | open | in_progress | done | verified | not_effective | reopened | cancelled | declined
  evidence             TEXT NOT NULL DEFAULT '',
  measure_code         TEXT NOT NULL DEFAULT '',
  direction            TEXT NOT NULL DEFAULT '',  -- up | down
  value_before         REAL,
  value_before_source  TEXT NOT NULL DEFAULT '',
  verify_after_days    INTEGER NOT NULL DEFAULT 0,
  value_after          REAL,
  verification_note    TEXT NOT NULL DEFAULT '',
  reason               TEXT NOT NULL DEFAULT '',  -- why cancelled, declined or reopened
  proposed_by          INTEGER,
  created_by           INTEGER NOT NULL,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  done_at              INTEGER,
  verified_at          INTEGER,
  owner_notified_at    INTEGER,
  manager_notified_at  INTEGER
);
CREATE INDEX improvement_actions_status ON improvement_actions(status, due_at);
CREATE INDEX improvement_actions_owner ON improvement_actions(owner_id, status);
CREATE INDEX improvement_actions_source ON improvement_actions(source, source_id);

CREATE TABLE improvement_audits (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,  -- internal_audit | management_review
  held_on       TEXT NOT NULL,  -- YYYY-MM-DD
  title         TEXT NOT NULL,
  scope         TEXT NOT NULL DEFAULT '',
  participants  TEXT NOT NULL DEFAULT '',
  summary       TEXT NOT NULL DEFAULT '',
  created_by    INTEGER NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE improvement_findings (
  id          INTEGER PRIMARY KEY,
  audit_id    INTEGER NOT NULL REFERENCES improvement_audits(id),
  text        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX improvement_findings_audit ON improvement_findings(audit_id, id);
