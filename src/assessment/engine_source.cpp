#include "assessment/engine_source.h"

#include <algorithm>
#include <stdexcept>

#include "org/repo.h"

namespace sqm::assessment {

namespace {

using analytics::Day;
using analytics::MeasureShape;
using analytics::Subject;
using Kind = analytics::SubjectKind;

constexpr std::int64_t kDayMs = 86'400'000;

Day FloorDay(std::int64_t local_ms) {
  return static_cast<Day>(local_ms >= 0 ? local_ms / kDayMs : -((-local_ms + kDayMs - 1) / kDayMs));
}

MeasureShape ShapeOf(AggregationKind k) {
  switch (k) {
    case AggregationKind::kCount:
    case AggregationKind::kRatio: return MeasureShape::kCounts;
    case AggregationKind::kPercentile: return MeasureShape::kSketch;
    default: return MeasureShape::kValues;
  }
}

std::size_t FieldIndex(const storage::FactSource& source, const std::string& name) {
  for (std::size_t i = 0; i < source.fields.size(); ++i) {
    if (source.fields[i].name == name) return i;
  }
  throw std::logic_error("measure over an unknown field " + name + " of " + source.name);
}

std::vector<std::pair<std::size_t, Condition>> Compile(const std::string& filter, const storage::FactSource& source) {
  auto r = ParseFilter(filter, source, "filter");
  if (!r.ok()) throw std::logic_error("stored filter does not parse: " + filter + ": " + r.error().message);
  std::vector<std::pair<std::size_t, Condition>> out;
  for (auto& c : r.value()) out.emplace_back(FieldIndex(source, c.field), std::move(c));
  return out;
}

bool Pass(const std::vector<std::pair<std::size_t, Condition>>& conditions, const repo::FactRow& f) {
  return std::all_of(conditions.begin(), conditions.end(),
                     [&](const auto& c) { return Matches(c.second, f.fields[c.first]); });
}

const storage::FactSource& SourceOf(const FactRegistry& registry, const std::string& name) {
  const auto* s = registry.Find(name);
  if (!s) throw std::logic_error("measure over an unregistered fact source " + name);
  return *s;
}

}  // namespace

EngineMeasureSource::EngineMeasureSource(storage::Database& db, const FactRegistry& facts, calendar::Zone zone)
    : db_(db), facts_(facts), zone_(std::move(zone)), sql_(db, facts) {}

EngineMeasureSource::~EngineMeasureSource() = default;

void EngineMeasureSource::Rebuild() {
  std::vector<Compiled> measures;
  std::vector<MeasureShape> shapes;
  for (Measure& m : sql_.Measures()) {
    Compiled c;
    const auto& source = SourceOf(facts_, m.source);
    const auto& a = m.aggregation;
    c.slot = shapes.size();
    shapes.push_back(ShapeOf(a.kind));
    c.filter = Compile(m.filter, source);
    if (a.kind == AggregationKind::kRatio) {
      c.numerator = Compile(a.numerator_filter, source);
      if (!a.denominator_source.empty()) {
        c.denominator = shapes.size();
        shapes.push_back(MeasureShape::kCounts);
        c.denominator_filter = Compile(a.denominator_filter, SourceOf(facts_, a.denominator_source));
      }
    } else if (a.kind != AggregationKind::kCount) {
      c.field = FieldIndex(source, a.field);
    }
    c.measure = std::move(m);
    measures.push_back(std::move(c));
  }

  std::lock_guard lock(mu_);
  measures_ = std::move(measures);
  by_code_.clear();
  for (std::size_t i = 0; i < measures_.size(); ++i) by_code_.emplace(measures_[i].measure.code, i);
  store_ = std::make_unique<analytics::PartialStore>(std::move(shapes));
  db_.Read([&](storage::Connection& c) {
    parent_.clear();
    for (const auto& [id, parent] : org::repo::DepartmentParents(c)) parent_.emplace(id, parent);
    const auto excluded = repo::ApprovedExcludedTickets(c);
    excluded_ = std::set<std::int64_t>(excluded.begin(), excluded.end());
    for (const auto& source : facts_.All()) {
      repo::EachFact(c, source, [&](const repo::FactRow& f) {
        if (!ApplyFact(source.name, f, +1)) throw std::logic_error("analytics store refused a fact of " + source.name);
      });
    }
    return 0;
  });
}

std::vector<EngineMeasureSource::Contribution> EngineMeasureSource::ContributionsOf(const std::string& source,
                                                                                    const repo::FactRow& f) const {
  std::vector<Contribution> out;
  if (f.ticket_id && excluded_.count(*f.ticket_id)) return out;
  for (const Compiled& c : measures_) {
    const auto& a = c.measure.aggregation;
    if (c.measure.source == source && Pass(c.filter, f)) {
      if (a.kind == AggregationKind::kRatio) {
        // Over one source: the facts are the denominator, those the numerator passes are counted.
        // Over two: this slot counts the numerator's facts only.
        if (!c.denominator) {
          out.push_back({c.slot, std::nullopt, Pass(c.numerator, f)});
        } else if (Pass(c.numerator, f)) {
          out.push_back({c.slot, std::nullopt, false});
        }
      } else if (a.kind == AggregationKind::kCount) {
        out.push_back({c.slot, std::nullopt, false});
      } else if (const double* x = std::get_if<double>(&f.fields[*c.field])) {
        out.push_back({c.slot, *x, false});  // the SQL's `field IS NOT NULL`
      }
    }
    if (c.denominator && a.denominator_source == source && Pass(c.denominator_filter, f)) {
      out.push_back({*c.denominator, std::nullopt, false});
    }
  }
  return out;
}

bool EngineMeasureSource::ApplyFact(const std::string& source, const repo::FactRow& f, int sign) {
  return ApplyContributions(ContributionsOf(source, f), f, sign);
}

bool EngineMeasureSource::ApplyContributions(const std::vector<Contribution>& contributions, const repo::FactRow& f,
                                             int sign) {
  if (contributions.empty()) return true;
  // The staff member and the department recorded on the fact, every ancestor of that department
  // (a department the tree does not know has none, as the SQL's join drops it), the organisation.
  std::vector<Subject> subjects{{Kind::kOrganisation, 0}};
  if (f.staff_id) subjects.push_back({Kind::kStaff, *f.staff_id});
  std::optional<std::int64_t> d = f.department_id;
  for (std::size_t depth = 0; d && parent_.count(*d) && depth <= parent_.size(); ++depth) {
    subjects.push_back({Kind::kDepartment, *d});
    d = parent_.at(*d);
  }
  const Day day = FloorDay(zone_.ToLocal(f.at));
  bool ok = true;
  for (const Contribution& c : contributions) {
    for (const Subject& s : subjects) ok = store_->Apply(c.slot, s, day, c.value, c.counted, sign) && ok;
  }
  return ok;
}

bool EngineMeasureSource::Apply(const std::string& source, const std::optional<repo::FactRow>& before,
                                const std::optional<repo::FactRow>& after) {
  std::lock_guard lock(mu_);
  if (!store_) return false;
  std::vector<Contribution> taken = before ? ContributionsOf(source, *before) : std::vector<Contribution>{};
  std::vector<Contribution> added = after ? ContributionsOf(source, *after) : std::vector<Contribution>{};
  if (before && after && before->staff_id == after->staff_id && before->department_id == after->department_id &&
      FloorDay(zone_.ToLocal(before->at)) == FloorDay(zone_.ToLocal(after->at))) {
    // What both versions add alike stays as it is: taking back a value equal to a day's minimum or
    // maximum would make the extremes unknown for nothing.
    for (auto it = taken.begin(); it != taken.end();) {
      auto same = std::find(added.begin(), added.end(), *it);
      if (same == added.end()) {
        ++it;
      } else {
        added.erase(same);
        it = taken.erase(it);
      }
    }
  }
  if (before && !ApplyContributions(taken, *before, -1)) return false;
  return !after || ApplyContributions(added, *after, +1);
}

std::optional<Day> EngineMeasureSource::DayStarting(std::int64_t ms) const {
  if (zone_.StartOfDay(ms) != ms) return std::nullopt;
  return FloorDay(zone_.ToLocal(ms));
}

std::optional<MeasureValue> EngineMeasureSource::ValueOf(const Compiled& c, Subject s, Day from, Day to) const {
  const auto& a = c.measure.aggregation;
  const analytics::Partial p = store_->Range(c.slot, s, from, to);
  MeasureValue v;
  if (a.kind == AggregationKind::kRatio) {
    Count n{p.Counted(), p.Count()};
    if (c.denominator) n = {p.Count(), store_->Range(*c.denominator, s, from, to).Count()};
    if (n.numerator == 0 && n.denominator == 0) return v;
    v.sample = n.denominator;
    v.ratio = n;
    if (n.denominator > 0) {
      v.value = Figure::Of(RatioScale(c.measure.unit) * static_cast<double>(n.numerator) /
                           static_cast<double>(n.denominator));
    }
    return v;
  }
  v.sample = p.Count();
  if (p.Count() == 0) return v;
  std::optional<double> x;
  switch (a.kind) {
    case AggregationKind::kCount: x = static_cast<double>(p.Count()); break;
    case AggregationKind::kSum: x = p.Sum(); break;
    case AggregationKind::kMean: x = p.Mean(); break;
    case AggregationKind::kMin: x = p.Min(); break;
    case AggregationKind::kMax: x = p.Max(); break;
    case AggregationKind::kPercentile: x = p.Percentile(a.p); break;
    case AggregationKind::kRatio: break;
  }
  if (!x) return std::nullopt;  // a minimum or maximum taken back: only the facts can tell
  v.value = Figure::Of(*x);
  return v;
}

Result<MeasureTable> EngineMeasureSource::Values(const MeasureQuery& q) {
  if (q.to_ms <= q.from_ms) return Error::Invalid("to", Msg("measure.empty_window", "must be after from"));
  const auto from = DayStarting(q.from_ms), to = DayStarting(q.to_ms);
  std::unique_lock lock(mu_);
  const bool known = std::all_of(q.measures.begin(), q.measures.end(),
                                 [&](const std::string& code) { return by_code_.count(code) > 0; });
  if (!store_ || !from || !to || q.exclusions || !known) {
    lock.unlock();
    return sql_.Values(q);
  }
  const Kind kind = q.kind == SubjectKind::kStaff ? Kind::kStaff : Kind::kDepartment;
  const std::vector<std::int64_t> subjects = q.only ? *q.only : store_->Subjects(kind);
  MeasureTable out;
  for (const std::string& code : q.measures) {
    const Compiled& c = measures_[by_code_.find(code)->second];
    for (std::int64_t id : subjects) {
      auto v = ValueOf(c, {kind, id}, *from, *to);
      if (!v) {
        lock.unlock();
        return sql_.Values(q);
      }
      if (v->sample > 0 || v->ratio) out[id][code] = std::move(*v);
    }
  }
  return out;
}

std::optional<std::map<std::string, MeasureValue>> EngineMeasureSource::OrganisationValues(
    const std::vector<std::string>& measures, std::int64_t from_ms, std::int64_t to_ms) {
  const auto from = DayStarting(from_ms), to = DayStarting(to_ms);
  std::lock_guard lock(mu_);
  if (!store_ || !from || !to || *to <= *from) return std::nullopt;
  std::map<std::string, MeasureValue> out;
  for (const std::string& code : measures) {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) return std::nullopt;
    auto v = ValueOf(measures_[it->second], {Kind::kOrganisation, 0}, *from, *to);
    if (!v) return std::nullopt;
    if (v->sample > 0 || v->ratio) out[code] = std::move(*v);
  }
  return out;
}

analytics::PartialStore::Size EngineMeasureSource::Report() const {
  std::lock_guard lock(mu_);
  return store_ ? store_->Report() : analytics::PartialStore::Size{};
}

}  // namespace sqm::assessment
