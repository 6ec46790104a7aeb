-- Service desk: customers, the service catalogue, tickets and what happens to them.

CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
  organisation_id  INTEGER REFERENCES customers (id),
  tier             TEXT NOT NULL DEFAULT 'standard',
  phone            TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  account_id       INTEGER UNIQUE REFERENCES staff (id),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_organisation ON customers (organisation_id);

CREATE TABLE categories (
  id         INTEGER PRIMARY KEY,
  parent_id  INTEGER REFERENCES categories (id),
  name       TEXT NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE tickets (
  id                  INTEGER PRIMARY KEY,
  type                TEXT NOT NULL,
  channel             TEXT NOT NULL,
  priority            INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
  status              TEXT NOT NULL,
  title               TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  customer_id         INTEGER REFERENCES customers (id),
  category_id         INTEGER REFERENCES categories (id),
  department_id       INTEGER REFERENCES departments (id),
  origin_department_id INTEGER REFERENCES departments (id),
  assignee_id         INTEGER REFERENCES staff (id),
  created_by          INTEGER NOT NULL,
  merged_into         INTEGER REFERENCES tickets (id),
  cancel_reason       TEXT NOT NULL DEFAULT '',
  transfer_count      INTEGER NOT NULL DEFAULT 0,
  sendback_count      INTEGER NOT NULL DEFAULT 0,
  reopen_count        INTEGER NOT NULL DEFAULT 0,
  escalation_level    INTEGER NOT NULL DEFAULT 0,
  sla_policy_id       INTEGER,
  sla_policy_version  INTEGER NOT NULL DEFAULT 0,
  sla_summary         TEXT NOT NULL DEFAULT '',
  created_at          INTEGER NOT NULL,
  accepted_at         INTEGER,
  first_response_at   INTEGER,
  resolved_at         INTEGER,
  closed_at           INTEGER,
  updated_at          INTEGER NOT NULL
);
CREATE INDEX tickets_status ON tickets (status, id);
CREATE INDEX tickets_department ON tickets (department_id, status);
CREATE INDEX tickets_assignee ON tickets (assignee_id, status);
CREATE INDEX tickets_origin ON tickets (origin_department_id, status);
CREATE INDEX tickets_customer ON tickets (customer_id, created_at);
CREATE INDEX tickets_created ON tickets (created_at);

-- Replies to the customer, internal notes and the customer's own messages.
CREATE TABLE ticket_comments (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
  author_id   INTEGER NOT NULL REFERENCES staff (id),
  visibility  TEXT NOT NULL CHECK (visibility IN ('public', 'internal')),
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, id);

CREATE TABLE ticket_transfers (
  id                  INTEGER PRIMARY KEY,
  ticket_id           INTEGER NOT NULL REFERENCES tickets (id),
  from_department_id  INTEGER REFERENCES departments (id),
  to_department_id    INTEGER NOT NULL REFERENCES departments (id),
  to_assignee_id      INTEGER REFERENCES staff (id),
  reason              TEXT NOT NULL,
  sendback            INTEGER NOT NULL DEFAULT 0,
  escalation          INTEGER NOT NULL DEFAULT 0,
  by_id               INTEGER NOT NULL,
  at                  INTEGER NOT NULL
);
CREATE INDEX ticket_transfers_ticket ON ticket_transfers (ticket_id, id);

CREATE TABLE callbacks (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER NOT NULL REFERENCES tickets (id),
  created_at    INTEGER NOT NULL,
  due_at        INTEGER,
  done_at       INTEGER,
  done_by       INTEGER REFERENCES staff (id),
  reached       INTEGER,
  resolved      TEXT,
  satisfaction  TEXT,
  notes         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX callbacks_open ON callbacks (done_at, due_at);
CREATE INDEX callbacks_ticket ON callbacks (ticket_id);

CREATE TABLE complaints (
  ticket_id            INTEGER PRIMARY KEY REFERENCES tickets (id),
  category             TEXT NOT NULL,
  about_staff_id       INTEGER REFERENCES staff (id),
  about_department_id  INTEGER REFERENCES departments (id),
  severity             INTEGER NOT NULL DEFAULT 2 CHECK (severity BETWEEN 1 AND 3),
  responsible_id       INTEGER REFERENCES staff (id),
  deadline_at          INTEGER,
  findings             TEXT NOT NULL DEFAULT '',
  substantiated        INTEGER,
  remedy               TEXT NOT NULL DEFAULT '',
  communicated_at      INTEGER,
  communicated_how     TEXT NOT NULL DEFAULT ''
);

-- In-app notifications (SLA warnings and breaches, assignments, transfers).
CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY,
  recipient_id  INTEGER NOT NULL REFERENCES staff (id),
  kind          TEXT NOT NULL,
  ticket_id     INTEGER REFERENCES tickets (id),
  message       TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  read_at       INTEGER
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, read_at, id);

-- Saved ticket-list filters.
CREATE TABLE saved_views (
  id          INTEGER PRIMARY KEY,
  owner_id    INTEGER NOT NULL REFERENCES staff (id),
  name        TEXT NOT NULL,
  filters     TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  UNIQUE (owner_id, name)
);
