// HTTP route of the calibration agreement calculator (any staff member; permission "staff"):
//   POST /api/v1/inspections/agreement {"a": [...], "b": [...], "weights"?: "none" | "linear" | "quadratic",
//        "categories"?: [...], "tolerance"?: 10} -> {"kappa", "observed", "expected", "n", "share_within"?}
// kappa is null when it is undefined (every rating in one and the same category).
//
// AddRoutes adds the scorecards (docs/inspection.md, docs/openapi.yaml):
//   staff               POST /api/v1/scorecards/preview (score answers against a definition; the builder's preview)
//   inspection.perform  GET /api/v1/scorecards[/{id}[?version=N]]
//   inspection.manage   POST /api/v1/scorecards, PUT /api/v1/scorecards/{id}
// the inspections, their photos (POST and DELETE inspection.perform, GET staff: who sees the
// inspection; served as attachments with the sniffed type and `default-src 'none'`), the sampling
// plans (inspection.manage; PATCH edits or deactivates one) and the charts.
//
// AddCalibrationRoutes adds the calibration sessions (calibration_service.h):
//   inspection.perform  GET /api/v1/calibrations[/{id}[/scores/{staff_id}]],
//                       PUT /api/v1/calibrations/{id}/answers, POST /api/v1/calibrations/{id}/submit
//   inspection.manage   POST /api/v1/calibrations, POST /api/v1/calibrations/{id}/close
#pragma once

#include "base/json.h"
#include "http/router.h"
#include "inspection/calibration_service.h"
#include "inspection/mystery_service.h"
#include "inspection/service.h"

namespace sqm::inspection {

void AddAgreementRoutes(http::Router& router);
void AddRoutes(http::Router& router, Service& service);
void AddCalibrationRoutes(http::Router& router, CalibrationService& service);
// The mystery shopping routes (mystery_routes.cpp, mystery_service.h).
void AddMysteryRoutes(http::Router& router, MysteryService& service);

// Shared by the route files: a stored image (a photo, a receipt) served as the attachment
// "<name>-<id>.<ext>" with its sniffed type and a CSP that allows nothing; and a list of ids
// under `key` (required; at most 100), each problem recorded in `in`.
http::Response PhotoResponse(PhotoFile file, std::string_view name);
std::vector<Id> ReadIds(json::Reader& in, std::string_view key);

}  // namespace sqm::inspection
