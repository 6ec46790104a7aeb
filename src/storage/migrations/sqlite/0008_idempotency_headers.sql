-- A replayed answer keeps the headers that say where its result is (Location, of a 202 or 201),
-- as a JSON array of [name, value] pairs; '' for answers stored before.
ALTER TABLE idempotency_keys ADD COLUMN headers TEXT NOT NULL DEFAULT '';
