// The demo's assessment (考核), made through assessment::PeriodService like any user would: the
// indicator library over the built-in measures, a 12345-style 三率 scheme for departments
// (response 30 %, resolution 35 %, satisfaction 35 %) and a five-dimension scheme for staff,
// both approved by the executive, and four monthly periods of each: the current one collecting,
// the three before it closed as they would have been — published on the 2nd of the next month,
// locked once the appeal window (5 working days) closed, so a locked month's deadline lies in the
// past; a month whose window is still open (early in a month) stays published. Needs the measures of the desk's fact
// sources (SqlMeasureSource).
#pragma once

#include "assessment/period_service.h"
#include "base/result.h"
#include "calendar/zone.h"
#include "storage/database.h"

namespace sqm::demo {

struct AssessmentSummary {
  int indicators = 0;
  int schemes = 0;
  int periods = 0;
  int locked = 0;
};

// REQUIRES: SeedOrganisation ran (the quality, executive and admin logins exist).
Result<AssessmentSummary> MakeAssessment(storage::Database& db, assessment::PeriodService& periods,
                                         const calendar::Zone& zone, TimeMs now);

}  // namespace sqm::demo
