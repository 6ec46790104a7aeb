-- The analytics engine reads a ticket's facts again from every fact source on each ticket event
-- (assessment::repo::TicketFacts: "... WHERE f.ticket_id = ?"). These sources had no index on
-- their ticket, so each event scanned them: at scale L (4.6 million survey invitations, 6.1 million
-- callback ratings) the tail applied 0.28 ticket events a second (bench/README.md, "The live engine").
CREATE INDEX survey_invitations_ticket ON survey_invitations(ticket_id);
CREATE INDEX survey_callback_ratings_ticket ON survey_callback_ratings(ticket_id);
CREATE INDEX survey_agency_results_ticket ON survey_agency_results(ticket_id);
CREATE INDEX inspections_ticket ON inspections(ticket_id);
-- The inspections source joins an inspection's original through the correction it points to.
CREATE INDEX inspections_corrected_by ON inspections(corrected_by_id);
