// Routes the server itself owns: /healthz, /metrics and the audit log (/api/v1/events).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "http/metrics.h"
#include "http/router.h"
#include "storage/database.h"

namespace sqm::http {

struct SystemRoutesOptions {
  // /metrics shows per-route status counts (sign-in failures, throttles), so it answers only
  // callers on the loopback interface that were not forwarded by a proxy (no Forwarded,
  // X-Forwarded-For or X-Real-IP header) — and, when this is set, any caller that sends
  // `Authorization: Bearer <metrics_token>`. Others get 403.
  std::string metrics_token;
  // More gauges for /metrics, read on each request (the analytics engine's); none when empty.
  std::function<std::map<std::string, double>()> gauges;
};

void AddSystemRoutes(Router& router, storage::Database& db, const Metrics& metrics, SystemRoutesOptions options = {});

// Whether a request may read /metrics under `options` (see SystemRoutesOptions).
bool MayReadMetrics(const Request& req, const SystemRoutesOptions& options);

// 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104; false for anything unparsable.
bool IsLoopback(std::string_view address);

}  // namespace sqm::http
