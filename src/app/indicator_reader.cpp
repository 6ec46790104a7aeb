#include "app/indicator_reader.h"

#include <algorithm>

namespace sqm::app {

improvement::IndicatorReader IndicatorReader(assessment::MeasureSource& measures) {
  improvement::IndicatorReader r;
  r.known = [&measures](const std::string& code) -> Result<bool> {
    SQM_ASSIGN(const auto catalogue, measures.Catalogue());
    return std::ranges::any_of(catalogue, [&](const assessment::MeasureInfo& m) { return m.code == code; });
  };
  r.value = [&measures](const std::string& code, improvement::SubjectKind kind, improvement::Id subject, TimeMs from,
                        TimeMs to) -> Result<std::optional<double>> {
    const assessment::MeasureQuery q{.kind = kind == improvement::SubjectKind::kDepartment
                                                 ? assessment::SubjectKind::kDepartment
                                                 : assessment::SubjectKind::kStaff,
                                     .measures = {code},
                                     .from_ms = from,
                                     .to_ms = to,
                                     .only = std::vector<assessment::SubjectId>{subject}};
    SQM_ASSIGN(const auto table, measures.Values(q));
    // A subject or measure absent from the table had no facts: no data, never 0.
    const auto row = table.find(subject);
    if (row == table.end()) return std::optional<double>();
    const auto cell = row->second.find(code);
    if (cell == row->second.end() || !cell->second.value.has_value()) return std::optional<double>();
    return std::optional<double>(cell->second.value.value());
  };
  return r;
}

}  // namespace sqm::app
