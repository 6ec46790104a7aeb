// HTTP routes of the organisation module: sign-in, the caller, roles, departments, staff and
// API tokens.
#pragma once

#include <string>

#include "http/router.h"
#include "org/service.h"

namespace sqm::org {

struct RouteOptions {
  bool secure_cookies = false;
  TimeMs session_ttl = 12LL * 3600 * 1000;
  // The organisation's time zone (IANA name), answered as `business_zone` by GET /me and sign-in
  // so the web shows times in it. The composition root passes the configured one.
  std::string business_zone = "Asia/Shanghai";
};

void AddRoutes(http::Router& router, Service& service, RouteOptions options);

}  // namespace sqm::org
