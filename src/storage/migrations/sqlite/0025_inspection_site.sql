-- Site checks (issue 12): when the check was made and, if the inspector allowed it, where (the
-- phone's position), on the inspection; and the photos per item, stored in the database with their
-- sniffed type, size and sha256 (src/inspection/photos.h has the limits).
ALTER TABLE inspections ADD COLUMN checked_at INTEGER;
ALTER TABLE inspections ADD COLUMN latitude REAL;
ALTER TABLE inspections ADD COLUMN longitude REAL;
ALTER TABLE inspections ADD COLUMN accuracy_m REAL;

CREATE TABLE inspection_photos (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id),
  item_code     TEXT NOT NULL,
  content_type  TEXT NOT NULL,  -- image/jpeg | image/png | image/webp, from the bytes
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,  -- hex
  data          BLOB NOT NULL,
  uploaded_by   INTEGER NOT NULL REFERENCES staff(id),
  uploaded_at   INTEGER NOT NULL
);
CREATE INDEX inspection_photos_inspection ON inspection_photos(inspection_id, item_code);
