// Routes the server itself owns: /healthz, /metrics and the audit log (/api/v1/events).
#pragma once

#include "http/metrics.h"
#include "http/router.h"
#include "storage/database.h"

namespace sqm::http {

void AddSystemRoutes(Router& router, storage::Database& db, const Metrics& metrics);

}  // namespace sqm::http
