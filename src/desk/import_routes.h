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

// An uploaded file's format from its Content-Type (or, for application/octet-stream or none, its
// name's .csv / .xlsx); nullopt for anything else (415). Also feedback's agency import.
std::optional<import::Format> FormatOf(std::string_view content_type, std::string_view filename);

void AddImportRoutes(http::Router& router, Importer& importer, Exporter& exporter, http::IdempotencyKeys& keys);

}  // namespace sqm::desk
