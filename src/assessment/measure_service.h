// The use cases of measures behind the HTTP routes (docs/assessment.md, "Measures"):
// permissions (assessment.read to read, assessment.manage to define), department scope (a
// manager sees the subjects of their subtree only), names of subjects, and the event of a new
// measure. The catalogue, reference SQL and facts come from the SqlMeasureSource; values from
// `values`, the server's live source (the analytics engine, which hands what it cannot answer to
// the SQL).
#pragma once

#include <string>
#include <vector>

#include "assessment/measure_source.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::assessment {

struct MeasureDetail {
  Measure measure;
  std::string reference_sql_staff;
  std::string reference_sql_department;
  storage::FactSource source;
};

struct SubjectValue {
  SubjectId subject_id = 0;
  std::string name;
  MeasureValue value;
};

class MeasureService {
 public:
  MeasureService(storage::Database& db, SqlMeasureSource& source, MeasureSource& values);

  Result<std::vector<Measure>> List(const org::Principal& who);
  Result<MeasureDetail> Get(const org::Principal& who, const std::string& code);
  // kInvalid / kConflict naming every field at once (CheckMeasure); event assessment.measure_created.
  Result<Measure> Create(const org::Principal& who, Measure m);
  Result<std::vector<storage::FactSource>> Sources(const org::Principal& who);
  // The subjects of `kind` with facts in [from, to) that `who` may see, by name.
  Result<std::vector<SubjectValue>> Values(const org::Principal& who, const std::string& code, SubjectKind kind,
                                           TimeMs from, TimeMs to);
  // kForbidden when the subject is outside `who`'s departments.
  Result<FactPage> Facts(const org::Principal& who, const FactQuery& q);

 private:
  Status CanRead(const org::Principal& who) const;
  // Whether `who` may see subject `id` of `kind` (a staff member by their department now).
  bool InScope(storage::Connection& db, const org::Principal& who, SubjectKind kind, SubjectId id) const;

  storage::Database& db_;
  SqlMeasureSource& source_;
  MeasureSource& values_;
};

}  // namespace sqm::assessment
