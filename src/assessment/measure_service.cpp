#include "assessment/measure_service.h"

#include <algorithm>

#include "assessment/measure_repo.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::assessment {

namespace bj = boost::json;

MeasureService::MeasureService(storage::Database& db, SqlMeasureSource& source, MeasureSource& values)
    : db_(db), source_(source), values_(values) {}

Status MeasureService::CanRead(const org::Principal& who) const {
  if (!who.Can(org::kAssessmentRead)) {
    return Error::Forbidden(Msg("assessment.forbidden", "you may not see assessment data"));
  }
  return {};
}

bool MeasureService::InScope(storage::Connection& db, const org::Principal& who, SubjectKind kind, SubjectId id) const {
  if (who.scope.all) return true;
  if (kind == SubjectKind::kOrganisation) return false;  // the whole organisation: only who sees it all
  if (kind == SubjectKind::kDepartment) return who.scope.Contains(id);
  auto s = org::repo::FindStaff(db, id);
  return s && who.scope.Contains(s->department_id);
}

Result<std::vector<Measure>> MeasureService::List(const org::Principal& who) {
  SQM_TRY(CanRead(who));
  return source_.Measures();
}

Result<MeasureDetail> MeasureService::Get(const org::Principal& who, const std::string& code) {
  SQM_TRY(CanRead(who));
  auto m = source_.Find(code);
  if (!m) return Error::NotFound(Msg("measure.not_found", "no measure {code}", {{"code", code}}));
  return MeasureDetail{*m, source_.ReferenceSql(*m, SubjectKind::kStaff),
                       source_.ReferenceSql(*m, SubjectKind::kDepartment), *source_.facts().Find(m->source)};
}

Result<Measure> MeasureService::Create(const org::Principal& who, Measure m) {
  if (!who.Can(org::kAssessmentManage)) {
    return Error::Forbidden(Msg("assessment.manage_forbidden", "you may not change assessment settings"));
  }
  m.builtin = false;
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Measure> {
    std::vector<std::string> taken;
    for (const auto& x : BuiltinMeasures()) taken.push_back(x.code);
    for (const auto& x : repo::CustomMeasures(tx.db())) taken.push_back(x.code);
    SQM_TRY(CheckMeasure(m, source_.facts(), taken));
    SQM_TRY(repo::InsertMeasure(tx.db(), m, who.staff_id, tx.now()));
    tx.Append("assessment_measure", m.code, "assessment.measure_created",
              {{"source", m.source},
               {"aggregation", AggregationName(m.aggregation.kind)},
               {"field", m.aggregation.field},
               {"filter", m.filter},
               {"numerator_filter", m.aggregation.numerator_filter},
               {"denominator_source", m.aggregation.denominator_source},
               {"denominator_filter", m.aggregation.denominator_filter},
               {"unit", m.unit}});
    return m;
  });
}

Result<std::vector<storage::FactSource>> MeasureService::Sources(const org::Principal& who) {
  SQM_TRY(CanRead(who));
  return source_.facts().All();
}

Result<std::vector<SubjectValue>> MeasureService::Values(const org::Principal& who, const std::string& code,
                                                         SubjectKind kind, TimeMs from, TimeMs to) {
  SQM_TRY(CanRead(who));
  if (!source_.Find(code)) return Error::NotFound(Msg("measure.not_found", "no measure {code}", {{"code", code}}));
  SQM_ASSIGN(const MeasureTable table, values_.Values({kind, {code}, from, to, std::nullopt}));
  return db_.Read([&](storage::Connection& db) {
    std::vector<SubjectValue> out;
    for (const auto& [subject, values] : table) {
      auto it = values.find(code);
      if (it == values.end() || !InScope(db, who, kind, subject)) continue;
      SubjectValue v{subject, "", it->second};
      if (kind == SubjectKind::kStaff) {
        if (auto s = org::repo::FindStaff(db, subject)) v.name = s->display_name;
      } else if (auto d = org::repo::FindDepartment(db, subject)) {
        v.name = d->name;
      }
      out.push_back(std::move(v));
    }
    return out;
  });
}

Result<FactPage> MeasureService::Facts(const org::Principal& who, const FactQuery& q) {
  SQM_TRY(CanRead(who));
  if (!source_.Find(q.measure)) {
    return Error::NotFound(Msg("measure.not_found", "no measure {code}", {{"code", q.measure}}));
  }
  const bool visible = db_.Read([&](storage::Connection& db) { return InScope(db, who, q.kind, q.subject); });
  if (!visible) return Error::Forbidden(Msg("assessment.outside_scope", "this subject is outside your departments"));
  return source_.Facts(q);
}

}  // namespace sqm::assessment
