// HTTP routes of the organisation module: sign-in, the caller, roles, departments, staff and
// API tokens.
#pragma once

#include "http/router.h"
#include "org/service.h"

namespace sqm::org {

struct RouteOptions {
  bool secure_cookies = false;
  TimeMs session_ttl = 12LL * 3600 * 1000;
};

void AddRoutes(http::Router& router, Service& service, RouteOptions options);

}  // namespace sqm::org
