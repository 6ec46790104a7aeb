// HTTP routes of the service desk: tickets and their actions, customers, categories, the
// customer portal.
#pragma once

#include "desk/service.h"
#include "http/router.h"

namespace sqm::desk {

void AddRoutes(http::Router& router, Service& service);

// The ticket-list filters of GET /api/v1/tickets (also used by the export), 400 naming a bad one.
Result<repo::TicketQuery> ReadTicketQuery(const http::Request& req);

// Shared with report routes: the JSON of a ticket list page.
boost::json::object TicketPageJson(const std::vector<Ticket>& tickets, int offset, int limit);

}  // namespace sqm::desk
