#include "assessment/engine_source.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "org/repo.h"
#include "storage/event_log.h"

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

// The rebuild frees far more than it keeps: month blocks regrown a day at a time, sketches a
// bucket at a time, the ledger's arrays, the facts read, the old state. glibc keeps what is freed
// for reuse, much of it in whole pages; give those back, or the process holds them for nothing.
void ReturnFreedPages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

MeasureShape ShapeOf(AggregationKind k) {
  switch (k) {
    case AggregationKind::kCount:
    case AggregationKind::kRatio: return MeasureShape::kCounts;
    case AggregationKind::kPercentile: return MeasureShape::kSketch;
    case AggregationKind::kSum:
    case AggregationKind::kMean: return MeasureShape::kSums;
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

std::int64_t EngineMeasureSource::Rebuild() {
  auto st = std::make_unique<State>();
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
    st->measures.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < st->measures.size(); ++i) st->by_code.emplace(st->measures[i].measure.code, i);
  // Each source's plan: the slots its facts may add to, and the fields whose values they take.
  for (const auto& source : facts_.All()) {
    Plan plan;
    plan.source = source.name;
    auto add = [&](std::size_t slot, std::optional<std::size_t> field) {
      plan.entry.emplace(slot, plan.slots.size());
      plan.slots.push_back(slot);
      std::optional<std::size_t> value;
      if (field) {
        auto at = std::find(plan.fields.begin(), plan.fields.end(), *field);
        value = static_cast<std::size_t>(at - plan.fields.begin());
        if (at == plan.fields.end()) plan.fields.push_back(*field);
      }
      plan.value.push_back(value);
    };
    for (const Compiled& c : st->measures) {
      if (c.measure.source == source.name) add(c.slot, c.field);
      if (c.denominator && c.measure.aggregation.denominator_source == source.name) add(*c.denominator, std::nullopt);
    }
    if (plan.slots.size() > FactLedger::kMaxEntries) {
      throw std::logic_error("more than 64 measure slots read " + source.name);
    }
    st->ledger.emplace_back(plan.slots.size(), plan.fields.size());
    st->plans.push_back(std::move(plan));
  }
  st->store = std::make_unique<analytics::PartialStore>(std::move(shapes));
  const std::int64_t seq = db_.Read([&](storage::Connection& c) {
    const std::int64_t head = storage::HeadSeq(c);
    for (const auto& [id, parent] : org::repo::DepartmentParents(c)) st->parent.emplace(id, parent);
    const auto excluded = repo::ApprovedExcludedTickets(c);
    st->excluded = std::set<std::int64_t>(excluded.begin(), excluded.end());
    std::size_t i = 0;
    for (const auto& source : facts_.All()) {
      repo::EachFact(c, source, [&](const repo::FactRow& f) {
        if (!Replace(*st, i, f)) throw std::logic_error("analytics store refused a fact of " + source.name);
      });
      st->ledger[i].Seal();
      ++i;
    }
    return head;
  });
  std::unique_ptr<State> old;
  {
    std::lock_guard lock(mu_);
    old = std::exchange(state_, std::move(st));
  }
  old.reset();  // outside the lock
  ReturnFreedPages();
  return seq;
}

bool EngineMeasureSource::Ready() const {
  std::shared_lock lock(mu_);
  return state_ != nullptr;
}

std::vector<EngineMeasureSource::Contribution> EngineMeasureSource::ContributionsOf(const State& st,
                                                                                    const std::string& source,
                                                                                    const repo::FactRow& f) {
  std::vector<Contribution> out;
  for (const Compiled& c : st.measures) {
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

Day EngineMeasureSource::DayOf(TimeMs at) const {
  return FloorDay(zone_.ToLocal(at));
}

EngineMeasureSource::Applied EngineMeasureSource::Record(const State& st, std::size_t source,
                                                         const repo::FactRow& f) const {
  const Plan& plan = st.plans[source];
  Applied a;
  a.ticket_id = f.ticket_id.value_or(kNone);
  a.staff_id = f.staff_id.value_or(kNone);
  a.department_id = f.department_id.value_or(kNone);
  a.day = DayOf(f.at);
  a.excluded = f.ticket_id && st.excluded.count(*f.ticket_id) > 0;
  for (const Contribution& c : ContributionsOf(st, plan.source, f)) {
    const std::size_t e = plan.entry.at(c.slot);
    a.matched |= std::uint64_t{1} << e;
    if (c.counted) a.counted |= std::uint64_t{1} << e;
    if (c.value) {
      if (a.values.empty()) a.values.resize(plan.fields.size());
      a.values[*plan.value[e]] = *c.value;
    }
  }
  return a;
}

std::vector<EngineMeasureSource::Contribution> EngineMeasureSource::Decode(const Plan& plan, const Applied& a) {
  std::vector<Contribution> out;
  for (std::uint64_t bits = a.matched; bits != 0; bits &= bits - 1) {
    const auto e = static_cast<std::size_t>(std::countr_zero(bits));
    std::optional<double> value;
    if (plan.value[e]) value = a.values[*plan.value[e]];
    out.push_back({plan.slots[e], value, (a.counted >> e & 1) != 0});
  }
  return out;
}

bool EngineMeasureSource::SameRecord(const Plan& plan, const Applied& a, const Applied& b) {
  if (a.ticket_id != b.ticket_id || a.staff_id != b.staff_id || a.department_id != b.department_id || a.day != b.day ||
      a.excluded != b.excluded || a.matched != b.matched || a.counted != b.counted) {
    return false;
  }
  for (std::uint64_t bits = a.matched; bits != 0; bits &= bits - 1) {
    const auto e = static_cast<std::size_t>(std::countr_zero(bits));
    if (plan.value[e] && a.values[*plan.value[e]] != b.values[*plan.value[e]]) return false;
  }
  return true;
}

bool EngineMeasureSource::ApplyRecord(State& st, const Plan& plan, const Applied& a, int sign) {
  if (a.matched == 0 || a.excluded) return true;  // an excluded ticket's facts are kept, not counted
  // The staff member and the department recorded on the fact, every ancestor of that department
  // (a department the tree does not know has none, as the SQL's join drops it), the organisation.
  std::vector<Subject> subjects{{Kind::kOrganisation, 0}};
  if (a.staff_id != kNone) subjects.push_back({Kind::kStaff, a.staff_id});
  std::optional<std::int64_t> d;
  if (a.department_id != kNone) d = a.department_id;
  for (std::size_t depth = 0; d && st.parent.count(*d) && depth <= st.parent.size(); ++depth) {
    subjects.push_back({Kind::kDepartment, *d});
    d = st.parent.at(*d);
  }
  bool ok = true;
  for (const Contribution& c : Decode(plan, a)) {
    for (const Subject& s : subjects) ok = st.store->Apply(c.slot, s, a.day, c.value, c.counted, sign) && ok;
  }
  return ok;
}

bool EngineMeasureSource::Forget(State& st, std::size_t source, std::int64_t fact_id) {
  auto& ledger = st.ledger[source];
  const auto held = ledger.Find(fact_id);
  if (!held) return true;
  const bool ok = ApplyRecord(st, st.plans[source], *held, -1);
  ledger.Erase(fact_id);
  return ok;
}

bool EngineMeasureSource::Replace(State& st, std::size_t source, const repo::FactRow& f) const {
  const Plan& plan = st.plans[source];
  Applied now = Record(st, source, f);
  if (const auto held = st.ledger[source].Find(f.fact_id)) {
    if (SameRecord(plan, *held, now)) return true;
    if (!Forget(st, source, f.fact_id)) return false;
  }
  if (now.matched == 0) return true;  // adds nothing: nothing to take back later
  if (!ApplyRecord(st, plan, now, +1)) return false;
  st.ledger[source].Put(f.fact_id, now);
  return true;
}

bool EngineMeasureSource::RefreshTicket(std::int64_t ticket_id) {
  std::vector<std::vector<repo::FactRow>> now;
  bool excluded = false;
  db_.Read([&](storage::Connection& c) {
    for (const auto& source : facts_.All()) now.push_back(repo::TicketFacts(c, source, ticket_id));
    excluded = repo::ApprovedExcluded(c, ticket_id);
    return 0;
  });
  std::unique_lock lock(mu_);
  if (!state_) return true;
  State& st = *state_;
  if (excluded) {
    st.excluded.insert(ticket_id);
  } else {
    st.excluded.erase(ticket_id);
  }
  bool ok = true;
  // What the ticket had and no longer has (a timer started again, a correction), then what it has.
  for (std::size_t source = 0; source < now.size(); ++source) {
    const auto& rows = now[source];
    for (std::int64_t fact_id : st.ledger[source].FactsOf(ticket_id)) {
      if (std::none_of(rows.begin(), rows.end(), [&](const repo::FactRow& f) { return f.fact_id == fact_id; })) {
        ok = Forget(st, source, fact_id) && ok;
      }
    }
  }
  for (std::size_t source = 0; source < now.size(); ++source) {
    for (const repo::FactRow& f : now[source]) ok = Replace(st, source, f) && ok;
  }
  lock.unlock();
  CompactLedgers(false);
  return ok;
}

bool EngineMeasureSource::RefreshSource(const std::string& name) {
  const auto all = facts_.All();
  const auto at = std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.name == name; });
  if (at == all.end()) return true;
  const auto source = static_cast<std::size_t>(at - all.begin());
  std::vector<repo::FactRow> rows;
  db_.Read([&](storage::Connection& c) {
    repo::EachFact(c, *at, [&](const repo::FactRow& f) { rows.push_back(f); });
    return 0;
  });
  std::lock_guard lock(mu_);
  if (!state_) return true;
  State& st = *state_;
  std::set<std::int64_t> present;
  for (const auto& f : rows) present.insert(f.fact_id);
  std::vector<std::int64_t> gone;
  st.ledger[source].EachFact([&](std::int64_t fact_id) {
    if (!present.count(fact_id)) gone.push_back(fact_id);
  });
  bool ok = true;
  // A source read again may add millions: merged as they come, under the lock held anyway.
  std::size_t done = 0;
  for (std::int64_t fact_id : gone) {
    ok = Forget(st, source, fact_id) && ok;
    if (++done % 4096 == 0) CompactLedgers(true);
  }
  for (const auto& f : rows) {
    ok = Replace(st, source, f) && ok;
    if (++done % 4096 == 0) CompactLedgers(true);
  }
  CompactLedgers(true);
  return ok;
}

void EngineMeasureSource::CompactLedgers(bool locked) {
  State* st = state_.get();  // only Rebuild replaces it, never at the same time (the threading note)
  if (st == nullptr) return;
  for (FactLedger& ledger : st->ledger) {
    if (!ledger.CompactDue()) continue;
    FactLedger merged = ledger.Compacted();
    std::unique_lock lock(mu_, std::defer_lock);
    if (!locked) lock.lock();
    std::swap(ledger, merged);
  }  // the old ledger (now in `merged`) is freed after the lock is released
}

bool EngineMeasureSource::SameExclusions(const State& st, const Exclusions& list, Day from, Day to) {
  for (const auto& [ticket, reason] : list) {
    if (!st.excluded.count(ticket)) return false;  // approved after the store's state, or a list of its own
  }
  // A ticket the store leaves out and the list does not: only when none of its facts is in the window.
  for (std::int64_t ticket : st.excluded) {
    if (list.count(ticket)) continue;
    for (const FactLedger& ledger : st.ledger) {
      for (std::int64_t fact_id : ledger.FactsOf(ticket)) {
        const Day day = ledger.Find(fact_id)->day;
        if (day >= from && day < to) return false;
      }
    }
  }
  return true;
}

std::optional<Day> EngineMeasureSource::DayStarting(std::int64_t ms) const {
  if (zone_.StartOfDay(ms) != ms) return std::nullopt;
  return FloorDay(zone_.ToLocal(ms));
}

std::optional<MeasureValue> EngineMeasureSource::ValueOf(const State& st, const Compiled& c, Subject s, Day from,
                                                         Day to) {
  const auto& a = c.measure.aggregation;
  const analytics::Partial p = st.store->Range(c.slot, s, from, to);
  MeasureValue v;
  if (a.kind == AggregationKind::kRatio) {
    Count n{p.Counted(), p.Count()};
    if (c.denominator) n = {p.Count(), st.store->Range(*c.denominator, s, from, to).Count()};
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
  if (!from || !to || (fresh_ && Ready() && !fresh_())) return sql_.Values(q);
  std::shared_lock lock(mu_);
  const bool known = state_ && std::all_of(q.measures.begin(), q.measures.end(),
                                           [&](const std::string& code) { return state_->by_code.count(code) > 0; });
  if (!known || (q.exclusions && !SameExclusions(*state_, *q.exclusions, *from, *to))) {
    lock.unlock();
    return sql_.Values(q);
  }
  const State& st = *state_;
  if (q.exact) {
    // The percentiles (sketched) from the SQL, the rest from the store.
    MeasureQuery exact = q, stored = q;
    exact.measures.clear();
    stored.measures.clear();
    for (const std::string& code : q.measures) {
      const bool sketched =
          st.measures[st.by_code.find(code)->second].measure.aggregation.kind == AggregationKind::kPercentile;
      (sketched ? exact : stored).measures.push_back(code);
    }
    if (!exact.measures.empty()) {
      lock.unlock();
      SQM_ASSIGN(MeasureTable out, sql_.Values(exact));
      if (stored.measures.empty()) return out;
      stored.exact = false;
      SQM_ASSIGN(MeasureTable rest, Values(stored));
      for (auto& [id, values] : rest) out[id].merge(values);
      return out;
    }
  }
  const Kind kind = q.kind == SubjectKind::kStaff        ? Kind::kStaff
                    : q.kind == SubjectKind::kDepartment ? Kind::kDepartment
                                                         : Kind::kOrganisation;
  const std::vector<std::int64_t> subjects = q.only ? *q.only : st.store->Subjects(kind);
  std::vector<const Compiled*> compiled;
  for (const std::string& code : q.measures) compiled.push_back(&st.measures[st.by_code.find(code)->second]);
  // Subject by subject: a subject's rows (every measure's slot of a month or day is in one row)
  // are read for all its measures while they are in the cache. Measure by measure, every subject
  // was fetched again for each measure: at scale L (2.3 GB of partials) that was a cache miss each.
  MeasureTable out;
  for (std::int64_t id : subjects) {
    std::map<std::string, MeasureValue>* row = nullptr;
    for (std::size_t i = 0; i < compiled.size(); ++i) {
      auto v = ValueOf(st, *compiled[i], {kind, id}, *from, *to);
      if (!v) {
        lock.unlock();
        return sql_.Values(q);
      }
      if (v->sample == 0 && !v->ratio) continue;
      if (!row) row = &out.emplace_hint(out.end(), id, std::map<std::string, MeasureValue>{})->second;
      row->insert_or_assign(q.measures[i], std::move(*v));
    }
  }
  return out;
}

std::optional<std::map<std::string, MeasureValue>> EngineMeasureSource::OrganisationValues(
    const std::vector<std::string>& measures, std::int64_t from_ms, std::int64_t to_ms) {
  const auto from = DayStarting(from_ms), to = DayStarting(to_ms);
  std::shared_lock lock(mu_);
  if (!state_ || !from || !to || *to <= *from) return std::nullopt;
  std::map<std::string, MeasureValue> out;
  for (const std::string& code : measures) {
    auto it = state_->by_code.find(code);
    if (it == state_->by_code.end()) return std::nullopt;
    auto v = ValueOf(*state_, state_->measures[it->second], {Kind::kOrganisation, 0}, *from, *to);
    if (!v) return std::nullopt;
    if (v->sample > 0 || v->ratio) out[code] = std::move(*v);
  }
  return out;
}

analytics::PartialStore::Size EngineMeasureSource::Report() const {
  std::shared_lock lock(mu_);
  return state_ ? state_->store->Report() : analytics::PartialStore::Size{};
}

EngineMeasureSource::Tracking EngineMeasureSource::Tracked() const {
  std::shared_lock lock(mu_);
  Tracking t;
  if (!state_) return t;
  for (const FactLedger& ledger : state_->ledger) {
    t.facts += ledger.size();
    t.bytes += ledger.Bytes();
  }
  return t;
}

}  // namespace sqm::assessment
