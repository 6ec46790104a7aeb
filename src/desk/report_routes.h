// HTTP routes of the desk read models: dashboard, complaint summary, callback queue,
// notifications, saved views.
#pragma once

#include "desk/reports.h"
#include "http/router.h"

namespace sqm::desk {

void AddReportRoutes(http::Router& router, Reports& reports);

}  // namespace sqm::desk
