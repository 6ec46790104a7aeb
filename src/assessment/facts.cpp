#include "assessment/facts.h"

#include <set>
#include <stdexcept>

namespace sqm::assessment {

void FactRegistry::Register(storage::FactSource source) {
  if (Find(source.name)) throw std::logic_error("fact source registered twice: " + source.name);
  std::set<std::string> names{"fact_id", "ticket_id", "at", "staff_id", "department_id"};
  for (const auto& f : source.fields) {
    if (!names.insert(f.name).second) {
      throw std::logic_error("fact source " + source.name + ": field named twice: " + f.name);
    }
  }
  sources_.push_back(std::move(source));
}

void FactRegistry::Register(std::vector<storage::FactSource> sources) {
  for (auto& s : sources) Register(std::move(s));
}

const storage::FactSource* FactRegistry::Find(std::string_view name) const {
  for (const auto& s : sources_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const storage::FactField* FindField(const storage::FactSource& source, std::string_view name) {
  for (const auto& f : source.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace sqm::assessment
