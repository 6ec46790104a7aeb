-- Escalation by reassignment: when a timer of a policy breaches, the open ticket goes to this
-- person (a duty manager, a senior engineer). NULL: breaches do not reassign.
ALTER TABLE sla_policies ADD COLUMN breach_assignee_id INTEGER REFERENCES staff (id);
