// HTTP routes of SLA policies (src/sla/service.h); every route needs sla.manage:
//   GET  /api/v1/sla/policies           ?include_inactive=true   current version of each policy
//   POST /api/v1/sla/policies                                    create (version 1)
//   GET  /api/v1/sla/policies/{id}      ?version=N               current or given version
//   PUT  /api/v1/sla/policies/{id}                               save a new version
//   POST /api/v1/sla/explain                                     which policy ticket facts get, and why
#pragma once

#include "http/router.h"
#include "sla/service.h"

namespace sqm::sla {

void AddRoutes(http::Router& router, Service& service);

}  // namespace sqm::sla
