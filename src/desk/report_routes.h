// HTTP routes of the desk read models (dashboard, complaint summary, callback queue) and of each
// person's notifications and saved views.
#pragma once

#include "desk/notifications.h"
#include "desk/reports.h"
#include "http/router.h"

namespace sqm::desk {

void AddReportRoutes(http::Router& router, Reports& reports, Notifications& notifications, SavedViews& views);

}  // namespace sqm::desk
