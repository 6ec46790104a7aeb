// The JSON forms of the desk's answers that more than one route file writes (the routes library).
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "desk/importer.h"
#include "desk/model.h"

namespace sqm::desk {

boost::json::object TicketJson(const Ticket& t);
// {"items": [ticket...], "next_cursor"}: the next offset when the page is full.
boost::json::object TicketPageJson(const std::vector<Ticket>& tickets, int offset, int limit);
// What GET /api/v1/tickets/imports/{id} answers.
boost::json::object ImportJobJson(const ImportJob& job);

}  // namespace sqm::desk
