// HTTP routes for getting tickets in and out in bulk:
//
//   POST /api/v1/tickets/imports        a CSV or XLSX file as the body -> 202 and a job to poll
//   GET  /api/v1/tickets/imports/{id}   the job's progress and, at the end, its outcome
//   POST /api/v1/tickets/bulk           NDJSON for integrations, synchronous, Idempotency-Key
//   GET  /api/v1/tickets/export         the ticket list as CSV or XLSX, same filters as the list
//
// Mapping only: the work is in importer.h and export.h.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "desk/export.h"
#include "desk/importer.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace sqm::desk {

// An uploaded file's format from its Content-Type (or, for application/octet-stream or none, its
// name's .csv / .xlsx); nullopt for anything else (415).
std::optional<import::Format> FormatOf(std::string_view content_type, std::string_view filename);

// The Content-Types a spreadsheet upload route takes (RouteOptions::body_types): CSV, XLSX, and
// application/octet-stream with a filename ending in .csv or .xlsx.
inline constexpr std::string_view kSpreadsheetTypes =
    "text/csv application/csv application/vnd.openxmlformats-officedocument.spreadsheetml.sheet "
    "application/octet-stream";

// A spreadsheet upload (the ticket import, feedback's agency import): a route with
// RouteOptions::body_to_file, so the body is in a temporary file, not in memory, and is read from
// there through import::Input.
struct SpreadsheetUpload {
  import::Format format = import::Format::kCsv;
  std::string filename;  // ?filename=, else `fallback_stem` with the format's extension
  ImportFile file;       // the streamed body (Request::body_file); `body` when a test hands the request over whole
};
// The upload of `req`, or the answer refusing it: 400 naming `filename` (`bad_filename`: over 200
// bytes or with a folder), 415 for a body that is neither CSV nor XLSX. Takes the request's body.
std::variant<SpreadsheetUpload, http::Response> ReadSpreadsheetUpload(http::Request& req,
                                                                      std::string_view fallback_stem,
                                                                      Message bad_filename);

void AddImportRoutes(http::Router& router, Importer& importer, Exporter& exporter, http::IdempotencyKeys& keys);

}  // namespace sqm::desk
