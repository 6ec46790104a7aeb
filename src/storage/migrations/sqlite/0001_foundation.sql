-- Event log: every write appends here in the same transaction (see event_log.h).
CREATE TABLE events (
  seq        INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  type       TEXT NOT NULL,
  data       TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX events_entity ON events (entity, entity_id, seq);
CREATE INDEX events_type ON events (type, seq);
CREATE INDEX events_actor ON events (actor, seq);
CREATE INDEX events_at ON events (at);

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES departments (id),
  name        TEXT NOT NULL,
  code        TEXT,
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX departments_code ON departments (code) WHERE code IS NOT NULL;
CREATE INDEX departments_parent ON departments (parent_id);

-- Accounts: staff and customers who sign in. Roles in staff_roles.
CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL,
  display_name   TEXT NOT NULL,
  department_id  INTEGER REFERENCES departments (id),
  title          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  password_hash  TEXT NOT NULL,
  active         INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX staff_username ON staff (lower(username));
CREATE INDEX staff_department ON staff (department_id);

CREATE TABLE staff_roles (
  staff_id  INTEGER NOT NULL REFERENCES staff (id),
  role      TEXT NOT NULL,
  PRIMARY KEY (staff_id, role)
);

-- Departments a third-party evaluator may see (their whole subtrees).
CREATE TABLE evaluator_scopes (
  staff_id       INTEGER NOT NULL REFERENCES staff (id),
  department_id  INTEGER NOT NULL REFERENCES departments (id),
  PRIMARY KEY (staff_id, department_id)
);

-- Server-side sessions; only the SHA-256 of the cookie value is stored.
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id),
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  address     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_staff ON sessions (staff_id);

-- Bearer tokens for integrations; only the SHA-256 of the secret is stored.
CREATE TABLE api_tokens (
  id          INTEGER PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id),
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  scopes      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER,
  revoked_at  INTEGER,
  last_used_at INTEGER
);

-- Replies remembered for integration writes that carried an Idempotency-Key.
CREATE TABLE idempotency_keys (
  principal   TEXT NOT NULL,
  key         TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status      INTEGER NOT NULL,
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (principal, key)
);
