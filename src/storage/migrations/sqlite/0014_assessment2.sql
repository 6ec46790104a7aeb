-- Assessment (issue 10), speed: the indexes the measures' reference queries need
-- (src/assessment/measure_repo.cpp over the desk's fact sources, src/desk/repo/facts.cpp).
--
-- An SLA timer is a fact at COALESCE(stopped_at, breach_fired_at) (when it was decided): every
-- timer measure selects a window on that expression, so it is indexed as written there.
CREATE INDEX sla_timers_decided ON sla_timers ((COALESCE(stopped_at, breach_fired_at)));
-- on_time_closure (tickets' resolved_on_time) asks, for every ticket of the window, whether it has
-- a breached resolution timer: with the state in the index the answer needs no timer row. It
-- replaces sla_timers_ticket (ticket_id, kind), its prefix.
CREATE INDEX sla_timers_ticket_state ON sla_timers (ticket_id, kind, state);
DROP INDEX sla_timers_ticket;
-- Every measure leaves out the tickets of an approved exclusion (NOT EXISTS per fact).
CREATE INDEX assessment_exclusions_ticket ON assessment_exclusions (ticket_id, status);
