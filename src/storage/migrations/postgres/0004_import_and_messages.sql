-- Notifications keep the variable parts of their message, so the UI can show it in the reader's
-- language (key "notification.<kind>"); `message` stays the English text.
ALTER TABLE notifications ADD COLUMN args TEXT NOT NULL DEFAULT '{}';

-- The id a ticket had in the system it was imported from (a call-centre or helpdesk ticket
-- number); an import refuses a row whose external_id is already here.
ALTER TABLE tickets ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX tickets_external_id ON tickets (external_id) WHERE external_id IS NOT NULL;
