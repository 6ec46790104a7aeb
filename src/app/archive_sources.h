// The evidence of assessment's employee quality archive (assessment/archive.h), read from the
// desk's complaints and the inspection's published inspections: wired here so that assessment
// never links desk or inspection.
#pragma once

#include "assessment/archive.h"

namespace sqm::app {

assessment::ArchiveSources ArchiveSources();

}  // namespace sqm::app
