// HTTP routes of the service desk: tickets and their actions, the registration form's rules,
// customers, categories, the customer portal.
#pragma once

#include "desk/catalogue.h"
#include "desk/portal.h"
#include "desk/service.h"
#include "http/router.h"

namespace sqm::desk {

void AddRoutes(http::Router& router, Service& service, Catalogue& catalogue, Portal& portal);

// The ticket-list filters of GET /api/v1/tickets (also used by the export), 400 naming a bad one.
Result<repo::TicketQuery> ReadTicketQuery(const http::Request& req);

}  // namespace sqm::desk
