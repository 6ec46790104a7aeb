-- The notices to administrators that a calendar runs out of holiday data (calendar/run_out_watch.h):
-- one per calendar and last known year, inserted in the same transaction as the notifications, so
-- that several servers on one database send each notice once.
CREATE TABLE calendar_run_out_notices (
  code        TEXT NOT NULL,
  known_last  INTEGER NOT NULL,
  sent_at     BIGINT NOT NULL,
  PRIMARY KEY (code, known_last)
);
