-- Customer feedback for assessment (src/feedback/facts.cpp): an answered survey keeps its headline
-- scores on the invitation (the first CSAT, NPS and CES question of the version it answered), so
-- the fact sources read them in SQL; `scored` tells the rows the server has filled (answers from
-- before this migration are scored once at start). The satisfaction mapping says which callback
-- ratings and which CSAT scores count as satisfied; it is written from the settings
-- (feedback/rules.h SatisfactionMap) whenever they are saved, and at start.
ALTER TABLE survey_invitations ADD COLUMN csat INTEGER;
ALTER TABLE survey_invitations ADD COLUMN nps INTEGER;
ALTER TABLE survey_invitations ADD COLUMN ces INTEGER;
ALTER TABLE survey_invitations ADD COLUMN scored INTEGER NOT NULL DEFAULT 0;
CREATE INDEX survey_invitations_send ON survey_invitations(send_at);

-- E-mail delivery (feedback/mailer.h): when the invitation and its one reminder were mailed (each
-- claimed by the server that sends it), failed attempts and the last failure.
ALTER TABLE survey_invitations ADD COLUMN mailed_at INTEGER;
ALTER TABLE survey_invitations ADD COLUMN reminded_at INTEGER;
ALTER TABLE survey_invitations ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE survey_invitations ADD COLUMN mail_error TEXT NOT NULL DEFAULT '';

CREATE TABLE survey_satisfaction_map (
  source     TEXT NOT NULL,  -- callback (a desk::Satisfaction name) | csat (a score, as text)
  rating     TEXT NOT NULL,
  satisfied  INTEGER NOT NULL,  -- 1: counts as satisfied
  PRIMARY KEY (source, rating)
);
INSERT INTO survey_satisfaction_map (source, rating, satisfied) VALUES
  ('callback', 'satisfied', 1), ('callback', 'basically_satisfied', 1), ('callback', 'dissatisfied', 0),
  ('csat', '1', 0), ('csat', '2', 0), ('csat', '3', 0), ('csat', '4', 1), ('csat', '5', 1);
