// HTTP routes of indicators, schemes, periods, results and appeals (/api/v1/assessment/...; the
// contract is in docs/openapi.yaml). JSON in and out only: every decision is PeriodService's.
#pragma once

#include "assessment/period_service.h"
#include "calendar/zone.h"
#include "http/router.h"

namespace sqm::assessment {

// `zone`: the business zone in which a period's `from` and `to` dates are read.
void AddPeriodRoutes(http::Router& router, PeriodService& service, calendar::Zone zone);

}  // namespace sqm::assessment
