// HTTP routes for getting tickets in and out in bulk:
//
//   POST /api/v1/tickets/imports        a CSV or XLSX file as the body -> 202 and a job to poll
//   GET  /api/v1/tickets/imports/{id}   the job's progress and, at the end, its outcome
//   POST /api/v1/tickets/bulk           NDJSON for integrations, synchronous, Idempotency-Key
//   GET  /api/v1/tickets/export         the ticket list as CSV or XLSX, same filters as the list
//
// Mapping only: the work is in importer.h and export.h.
#pragma once

#include "desk/export.h"
#include "desk/importer.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace sqm::desk {

void AddImportRoutes(http::Router& router, Importer& importer, Exporter& exporter, http::IdempotencyKeys& keys);

}  // namespace sqm::desk
