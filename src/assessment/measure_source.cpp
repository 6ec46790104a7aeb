#include "assessment/measure_source.h"

#include <algorithm>

#include "assessment/exclusion.h"
#include "assessment/measure_repo.h"

namespace sqm::assessment {

SqlMeasureSource::SqlMeasureSource(storage::Database& db, const FactRegistry& facts) : db_(db), facts_(facts) {}

std::vector<Measure> SqlMeasureSource::Measures() {
  std::vector<Measure> out = BuiltinMeasures();
  for (auto& m : db_.Read([&](storage::Connection& c) { return repo::CustomMeasures(c); })) {
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<Measure> SqlMeasureSource::Find(std::string_view code) {
  for (auto& m : Measures()) {
    if (m.code == code) return m;
  }
  return std::nullopt;
}

Result<std::vector<MeasureInfo>> SqlMeasureSource::Catalogue() {
  std::vector<MeasureInfo> out;
  for (const auto& m : Measures()) out.push_back(InfoOf(m));
  return out;
}

Result<MeasureTable> SqlMeasureSource::Values(const MeasureQuery& q) {
  if (q.to_ms <= q.from_ms) return Error::Invalid("to", Msg("measure.empty_window", "must be after from"));
  const auto all = Measures();
  std::vector<const Measure*> asked;
  for (const auto& code : q.measures) {
    auto it = std::find_if(all.begin(), all.end(), [&](const Measure& m) { return m.code == code; });
    if (it == all.end()) {
      return Error::Invalid("measures", Msg("measure.unknown", "no measure {code}", {{"code", code}}));
    }
    asked.push_back(&*it);
  }
  return db_.Read([&](storage::Connection& c) {
    MeasureTable out;
    for (const Measure* m : asked) {
      for (auto& [subject, values] : repo::Values(c, *m, facts_, q)) {
        for (auto& [code, v] : values) out[subject][code] = v;
      }
    }
    return out;
  });
}

Result<FactPage> SqlMeasureSource::Facts(const FactQuery& q) {
  if (q.to_ms <= q.from_ms) return Error::Invalid("to", Msg("measure.empty_window", "must be after from"));
  auto m = Find(q.measure);
  if (!m) return Error::Invalid("measure", Msg("measure.unknown", "no measure {code}", {{"code", q.measure}}));
  FactPage page = db_.Read([&](storage::Connection& c) { return repo::Facts(c, *m, facts_, q); });
  const auto& number = facts_.Find(m->source)->ticket_number;
  for (Fact& f : page.facts) {
    if (f.ticket_id) f.ticket_number = number ? number(*f.ticket_id) : std::to_string(*f.ticket_id);
  }
  return page;
}

Result<Exclusions> SqlMeasureSource::ApprovedExclusions(std::int64_t from_ms, std::int64_t to_ms) {
  Exclusions out;
  for (const Exclusion& e :
       db_.Read([&](storage::Connection& c) { return ApprovedExclusionsIn(c, facts_, from_ms, to_ms); })) {
    out.emplace(e.ticket_id, e.reason_code);
  }
  return out;
}

std::string SqlMeasureSource::ReferenceSql(const Measure& m, SubjectKind kind) {
  const auto sql = repo::ValueSql(m, facts_, kind, db_.dialect(), 0, 0);
  return sql.denominator ? sql.main.text + ";\n" + sql.denominator->text : sql.main.text;
}

}  // namespace sqm::assessment
