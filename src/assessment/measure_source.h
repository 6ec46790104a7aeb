// SqlMeasureSource: the first MeasureSource (measures.h), answering from each measure's reference
// SQL (measure_repo.h) on the live tables. The analytics engine (issue 13) answers through the
// same interface and is checked against these queries.
//
// Threading: thread-safe (every call reads through the Database's pool). The FactRegistry must
// outlive it and is not changed after start.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/measure.h"
#include "assessment/measures.h"
#include "storage/database.h"

namespace sqm::assessment {

class SqlMeasureSource final : public MeasureSource {
 public:
  SqlMeasureSource(storage::Database& db, const FactRegistry& facts);

  Result<std::vector<MeasureInfo>> Catalogue() override;
  // kInvalid on "measures" naming an unknown code, on "to" when the window is empty.
  Result<MeasureTable> Values(const MeasureQuery& q) override;
  // kInvalid on "measure" for an unknown code; `limit` is clamped to 1..500.
  Result<FactPage> Facts(const FactQuery& q) override;
  // ApprovedExclusionsIn (exclusion.h) over every registered source.
  Result<Exclusions> ApprovedExclusions(std::int64_t from_ms, std::int64_t to_ms) override;

  // Every measure: the built-in library, then the organisation's own by code.
  std::vector<Measure> Measures();
  std::optional<Measure> Find(std::string_view code);
  // The reference SQL of `m` for `kind` (the window's bounds are its first two `?` after any
  // numerator values), as the measure's detail shows it.
  std::string ReferenceSql(const Measure& m, SubjectKind kind);
  const FactRegistry& facts() const { return facts_; }

 private:
  storage::Database& db_;
  const FactRegistry& facts_;
};

}  // namespace sqm::assessment
