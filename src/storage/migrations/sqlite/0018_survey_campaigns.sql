-- Survey campaigns (src/feedback, docs/feedback.md): the yearly satisfaction survey or a survey of
-- one segment. A campaign records its population filter, the sample-size question, the strata with
-- their sizes and allocations, and the seed of its draw, so the sample can be drawn again and
-- checked; the customers drawn get ordinary invitations (mailed, reminded and expiring like every
-- other) that point back at the campaign and name their stratum.
CREATE TABLE survey_campaigns (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  template_id      INTEGER NOT NULL REFERENCES survey_templates(id),
  version          INTEGER NOT NULL,
  filter           TEXT NOT NULL,  -- JSON: from, to, department_ids, category_ids, tiers
  stratify_by      TEXT NOT NULL,  -- none | department | tier
  margin           REAL NOT NULL,
  confidence       REAL NOT NULL,
  proportion       REAL NOT NULL,
  seed             INTEGER NOT NULL,  -- below 2^53
  population       INTEGER NOT NULL,
  sample_size      INTEGER NOT NULL,  -- the calculator's n
  strata           TEXT NOT NULL,     -- JSON: [{key, label, population, sample}]
  send_at          INTEGER NOT NULL,
  valid_days       INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  created_by       INTEGER NOT NULL
);

ALTER TABLE survey_invitations ADD COLUMN campaign_id INTEGER;
ALTER TABLE survey_invitations ADD COLUMN stratum TEXT NOT NULL DEFAULT '';
CREATE INDEX survey_invitations_campaign ON survey_invitations(campaign_id, stratum);
