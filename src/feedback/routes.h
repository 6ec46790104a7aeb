// HTTP routes of the survey statistics calculators (any staff member; permission "staff"):
//   GET /api/v1/surveys/sample-size?margin=0.05[&confidence=0.95][&population=N][&proportion=0.5] -> {"n": 385}
//   GET /api/v1/surveys/interval?successes=81&n=263[&confidence=0.95] -> {"p", "low", "high", "margin"}
// The campaign page and the results page call them; the formulas are in base/stats.h.
//
// AddRoutes adds the surveys themselves (docs/feedback.md, docs/openapi.yaml):
//   feedback.manage  /api/v1/survey-templates[/{id}], /api/v1/survey-rules[/{id}], /api/v1/survey-settings
//   ticket.read      GET /api/v1/survey-invitations, POST /api/v1/survey-invitations/{id}/link
//   desk.report      GET /api/v1/survey-results, GET/PATCH /api/v1/survey-followups[/{id}]
//   public           GET/POST /api/v1/public/surveys/{token} (rate limited per client address)
#pragma once

#include "feedback/service.h"
#include "http/router.h"

namespace sqm::feedback {

void AddStatisticsRoutes(http::Router& router);
void AddRoutes(http::Router& router, Service& service, PublicLimiter& limiter);

}  // namespace sqm::feedback
