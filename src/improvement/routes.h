// HTTP routes of improvement actions (docs/improvement.md, docs/openapi.yaml):
//   improvement.use     GET /api/v1/improvement/root-causes
//                       GET /api/v1/improvement/actions[?status&source&source_id&owner_id&department_id&overdue]
//                       GET /api/v1/improvement/actions/{id} (with its timeline)
//                       POST /api/v1/improvement/actions/{id}/transitions {op: start|complete|verify|reopen|cancel,
//                       ...} POST /api/v1/improvement/suggestions GET /api/v1/improvement/audits[/{id}]
//   improvement.manage  POST /api/v1/improvement/root-causes, PUT /api/v1/improvement/root-causes/{id}
//                       POST /api/v1/improvement/actions, PUT /api/v1/improvement/actions/{id}
//                       POST /api/v1/improvement/actions/{id}/triage {decision: accept|decline, ...}
//                       POST /api/v1/improvement/audits, POST /api/v1/improvement/audits/{id}/findings
// Which actions a caller sees and may change is the service's (rules.h Sees, MayAct).
#pragma once

#include "http/router.h"
#include "improvement/service.h"

namespace sqm::improvement {

void AddRoutes(http::Router& router, Service& service);

}  // namespace sqm::improvement
