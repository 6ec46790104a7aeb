-- Failed sign-ins and wrong current passwords, counted in the database so that every server on it
-- throttles the same way (the in-memory counters each server kept are gone). `kind` names the
-- throttle: 'account' (subject: the lower-case username), 'address' (the client address) or
-- 'password' (a password change's current-password check; subject: the staff id). Rows older
-- than the throttle window are deleted as new failures are recorded.
CREATE TABLE sign_in_failures (
  kind     TEXT NOT NULL,
  subject  TEXT NOT NULL,
  at       BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures (kind, subject, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
