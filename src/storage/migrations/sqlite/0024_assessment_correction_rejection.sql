-- Assessment (issue 10): a proposed correction of a locked result may be rejected, by an approver
-- other than its proposer, with a reason (1 to 500 characters). A rejected correction changes
-- nothing: the locked result stands, as after a withdrawal. Status values now: proposed,
-- approved, withdrawn, rejected.
ALTER TABLE assessment_corrections ADD COLUMN rejected_by INTEGER;
ALTER TABLE assessment_corrections ADD COLUMN rejected_at INTEGER;
ALTER TABLE assessment_corrections ADD COLUMN rejection_reason TEXT;
