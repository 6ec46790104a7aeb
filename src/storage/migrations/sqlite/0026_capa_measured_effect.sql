-- Verification of effect read from the indicator (issue 12): the subject whose measure an action
-- should move (a staff member or a department with its subtree), the windows its values before
-- and after were read over ([from, to) in UTC ms, the same length), and where the value after came
-- from ("measure:<key>" when read, empty when typed).
ALTER TABLE improvement_actions ADD COLUMN subject_kind TEXT NOT NULL DEFAULT '';  -- staff | department | ''
ALTER TABLE improvement_actions ADD COLUMN subject_id INTEGER;
ALTER TABLE improvement_actions ADD COLUMN before_from INTEGER;
ALTER TABLE improvement_actions ADD COLUMN before_to INTEGER;
ALTER TABLE improvement_actions ADD COLUMN after_from INTEGER;
ALTER TABLE improvement_actions ADD COLUMN after_to INTEGER;
ALTER TABLE improvement_actions ADD COLUMN value_after_source TEXT NOT NULL DEFAULT '';
