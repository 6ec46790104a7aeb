// The fact sources assessment's measures read (docs/assessment.md, "Fact sources"). Each module
// that owns evidence hands its registrations (storage/fact_source.h) to the composition root,
// which registers them here once at start; the registry is read-only afterwards, so it is safe
// to read from every thread.
#pragma once

#include <string_view>
#include <vector>

#include "storage/fact_source.h"

namespace sqm::assessment {

class FactRegistry {
 public:
  // REQUIRES: a name not registered yet and fields with distinct names (a wiring bug otherwise:
  // throws std::logic_error).
  void Register(storage::FactSource source);
  void Register(std::vector<storage::FactSource> sources);
  // nullptr when no module registered `name`.
  const storage::FactSource* Find(std::string_view name) const;
  const std::vector<storage::FactSource>& All() const { return sources_; }

 private:
  std::vector<storage::FactSource> sources_;
};

// The field of `source` named `name`, or nullptr.
const storage::FactField* FindField(const storage::FactSource& source, std::string_view name);

}  // namespace sqm::assessment
