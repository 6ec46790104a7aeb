// Feedback's fact sources for assessment (storage/fact_source.h; docs/feedback.md, "Measures"):
// survey invitations (response rate), survey answers (CSAT, NPS, CES) and satisfaction ratings
// (survey CSAT answers and the desk's callback ratings together, through the satisfaction
// mapping). Each is charged to the resolver and the resolver's department recorded on the
// invitation or the copied callback rating when it was made. The composition root registers them
// in assessment's FactRegistry; feedback never links assessment.
#pragma once

#include <vector>

#include "storage/fact_source.h"

namespace sqm::feedback {

std::vector<storage::FactSource> FactSources();

}  // namespace sqm::feedback
