// HTTP routes of measures, fact sources and exclusions (docs/assessment.md; the contract in
// docs/openapi.yaml), all under /api/v1/assessment:
//   GET  /measures, GET /measures/{code}, POST /measures, GET /fact-sources,
//   GET  /measures/{code}/values?kind=&from=&to=, GET /measures/{code}/facts?kind=&subject_id=&from=&to=&after=&limit=
//   GET  /exclusion-reasons, POST /exclusion-reasons, PATCH /exclusion-reasons/{code},
//   GET  /exclusions?status=, POST /exclusions, POST /exclusions/{id}/approve|reject
// `from` and `to` take a date (the business zone's midnight) or an ISO time.
#pragma once

#include "assessment/exclusion.h"
#include "assessment/measure_service.h"
#include "calendar/zone.h"
#include "http/router.h"

namespace sqm::assessment {

// `{items:[{fact_id, ticket_id, ticket_number, at, staff_id, department_id, value, counted,
// excluded, exclusion_reason}], next_after}`: a page of facts, as every drill-down answers it.
boost::json::object FactPageJson(const FactPage& page);

void AddMeasureRoutes(http::Router& router, MeasureService& measures, const calendar::Zone& zone);
void AddExclusionRoutes(http::Router& router, ExclusionService& exclusions);

}  // namespace sqm::assessment
