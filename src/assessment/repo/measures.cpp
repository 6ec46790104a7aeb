#include "assessment/measure_repo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "base/stats.h"

namespace sqm::assessment::repo {

using storage::Placeholders;
using storage::Value;

namespace {

// Every department with each department of its subtree (itself included).
constexpr const char* kTree =
    "WITH RECURSIVE tree (ancestor, id) AS (SELECT id, id FROM departments"
    " UNION ALL SELECT tree.ancestor, d.id FROM departments d JOIN tree ON d.parent_id = tree.id) ";
// The subtree of one department (the first `?`).
constexpr const char* kSubtree =
    "WITH RECURSIVE sub (id) AS (SELECT CAST(? AS BIGINT)"
    " UNION ALL SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) ";
constexpr const char* kNotExcluded =
    "NOT EXISTS (SELECT 1 FROM assessment_exclusions x WHERE x.ticket_id = f.ticket_id AND x.status = 'approved')";

// The facts that stay: those of no approved exclusion now, or (a frozen list) of none of these.
Sql NotExcluded(const std::optional<Exclusions>& frozen) {
  if (!frozen) return {kNotExcluded, {}};
  if (frozen->empty()) return {};
  Sql out{"(f.ticket_id IS NULL OR f.ticket_id NOT IN (" + Placeholders(frozen->size()) + "))", {}};
  for (const auto& [ticket, reason] : *frozen) out.params.emplace_back(ticket);
  return out;
}

const storage::FactSource& SourceOf(const FactRegistry& registry, const std::string& name) {
  const auto* s = registry.Find(name);
  if (!s) throw std::logic_error("measure over an unregistered fact source " + name);
  return *s;
}

std::vector<Condition> Conditions(const std::string& filter, const storage::FactSource& source) {
  auto r = ParseFilter(filter, source, "filter");
  if (!r.ok()) throw std::logic_error("stored filter does not parse: " + filter + ": " + r.error().message);
  return std::move(r.value());
}

void Append(Sql& to, const Sql& part, const char* joiner = " AND ") {
  if (part.text.empty()) return;
  to.text += joiner + part.text;
  to.params.insert(to.params.end(), part.params.begin(), part.params.end());
}

Value Bound(const Literal& v, storage::FactFieldType type) {
  if (const bool* b = std::get_if<bool>(&v)) return static_cast<std::int64_t>(*b ? 1 : 0);
  if (const double* d = std::get_if<double>(&v)) {
    if (type != storage::FactFieldType::kNumber && std::floor(*d) == *d && std::abs(*d) < 9e15) {
      return static_cast<std::int64_t>(*d);
    }
    return *d;
  }
  return std::get<std::string>(v);
}

std::string Subject(SubjectKind kind) {
  switch (kind) {
    case SubjectKind::kStaff: return "f.staff_id";
    case SubjectKind::kDepartment: return "tree.ancestor";
    case SubjectKind::kOrganisation: break;
  }
  return "CAST(" + std::to_string(kOrganisationSubject) + " AS BIGINT)";
}

// Rows per subject: the organisation is one group of every row (none when no row matched).
std::string GroupBy(SubjectKind kind) {
  return kind == SubjectKind::kOrganisation ? " HAVING COUNT(*) > 0" : " GROUP BY " + Subject(kind);
}

// SELECT <subject>, <columns> FROM (<source>) f WHERE <window, subject, not excluded, where> <tail>
Sql Select(const storage::FactSource& source, storage::Dialect dialect, SubjectKind kind, const Sql& columns,
           const Sql& where, TimeMs from, TimeMs to, const std::optional<std::vector<SubjectId>>& only,
           const std::optional<Exclusions>& excluded, const std::string& tail) {
  const std::string subject = Subject(kind);
  Sql q;
  if (kind == SubjectKind::kDepartment) q.text = kTree;
  q.text += "SELECT " + subject + " AS subject, " + columns.text + " FROM (" + source.Sql(dialect) + ") f";
  q.params = columns.params;
  if (kind == SubjectKind::kDepartment) q.text += " JOIN tree ON tree.id = f.department_id";
  q.text += " WHERE f.at >= ? AND f.at < ? AND " + subject + " IS NOT NULL";
  q.params.insert(q.params.end(), {from, to});
  Append(q, NotExcluded(excluded));
  Append(q, where);
  if (only) {
    q.text += " AND " + subject + " IN (" + (only->empty() ? std::string("NULL") : Placeholders(only->size())) + ")";
    for (SubjectId id : *only) q.params.emplace_back(id);
  }
  q.text += tail;
  return q;
}

Sql FieldPresent(const std::string& field) {
  return {"f." + field + " IS NOT NULL", {}};
}

Sql Both(Sql a, const Sql& b) {
  if (a.text.empty()) return b;
  Append(a, b);
  return a;
}

}  // namespace

Sql CompileFilter(const std::vector<Condition>& conditions) {
  Sql out;
  for (const Condition& c : conditions) {
    std::string part = "f." + c.field;
    switch (c.op) {
      case FilterOp::kEq: part += " = ?"; break;
      case FilterOp::kNe: part += " <> ?"; break;
      case FilterOp::kLt: part += " < ?"; break;
      case FilterOp::kLe: part += " <= ?"; break;
      case FilterOp::kGt: part += " > ?"; break;
      case FilterOp::kGe: part += " >= ?"; break;
      case FilterOp::kIn: part += " IN (" + Placeholders(c.values.size()) + ")"; break;
      case FilterOp::kIsNull: part += " IS NULL"; break;
      case FilterOp::kIsNotNull: part += " IS NOT NULL"; break;
    }
    out.text += (out.text.empty() ? "" : " AND ") + part;
    for (const Literal& v : c.values) out.params.push_back(Bound(v, c.type));
  }
  return out;
}

ValueQueries ValueSql(const Measure& m, const FactRegistry& registry, SubjectKind kind, storage::Dialect dialect,
                      TimeMs from, TimeMs to, const std::optional<std::vector<SubjectId>>& only,
                      const std::optional<Exclusions>& excluded) {
  const auto& source = SourceOf(registry, m.source);
  const auto& a = m.aggregation;
  const Sql filter = CompileFilter(Conditions(m.filter, source));
  const std::string group = GroupBy(kind);
  const std::string x = "CAST(f." + a.field + " AS DOUBLE PRECISION)";
  ValueQueries out;
  switch (a.kind) {
    case AggregationKind::kCount:
      out.main = Select(source, dialect, kind, {"COUNT(*) AS n, CAST(NULL AS DOUBLE PRECISION) AS x", {}}, filter, from,
                        to, only, excluded, group);
      break;
    case AggregationKind::kSum:
    case AggregationKind::kMean:
    case AggregationKind::kMin:
    case AggregationKind::kMax: {
      const char* fn = a.kind == AggregationKind::kSum    ? "SUM"
                       : a.kind == AggregationKind::kMean ? "AVG"
                       : a.kind == AggregationKind::kMin  ? "MIN"
                                                          : "MAX";
      out.main = Select(source, dialect, kind, {"COUNT(*) AS n, " + std::string(fn) + "(" + x + ") AS x", {}},
                        Both(filter, FieldPresent(a.field)), from, to, only, excluded, group);
      break;
    }
    case AggregationKind::kPercentile:
      out.main = Select(source, dialect, kind, {x + " AS x", {}}, Both(filter, FieldPresent(a.field)), from, to, only,
                        excluded, " ORDER BY subject, x");
      break;
    case AggregationKind::kRatio: {
      const Sql numerator = CompileFilter(Conditions(a.numerator_filter, source));
      if (a.denominator_source.empty()) {
        Sql columns{"COUNT(*) AS n, SUM(CASE WHEN " + (numerator.text.empty() ? "1 = 1" : numerator.text) +
                        " THEN 1 ELSE 0 END) AS x",
                    numerator.params};
        out.main = Select(source, dialect, kind, columns, filter, from, to, only, excluded, group);
      } else {
        out.main = Select(source, dialect, kind, {"COUNT(*) AS n, CAST(NULL AS DOUBLE PRECISION) AS x", {}},
                          Both(filter, numerator), from, to, only, excluded, group);
        const auto& den = SourceOf(registry, a.denominator_source);
        out.denominator = Select(den, dialect, kind, {"COUNT(*) AS n", {}},
                                 CompileFilter(Conditions(a.denominator_filter, den)), from, to, only, excluded, group);
      }
      break;
    }
  }
  return out;
}

MeasureTable Values(Connection& db, const Measure& m, const FactRegistry& registry, const MeasureQuery& q) {
  const ValueQueries sql = ValueSql(m, registry, q.kind, db.dialect(), q.from_ms, q.to_ms, q.only, q.exclusions);
  const auto rows = db.Query(sql.main.text, sql.main.params);
  if (!sql.denominator) return Tabulate(m, rows, nullptr);
  const auto denominator = db.Query(sql.denominator->text, sql.denominator->params);
  return Tabulate(m, rows, &denominator);
}

MeasureTable Tabulate(const Measure& m, const std::vector<storage::Row>& rows,
                      const std::vector<storage::Row>* denominator) {
  MeasureTable out;
  const auto& a = m.aggregation;
  if (a.kind == AggregationKind::kPercentile) {
    std::map<SubjectId, std::vector<double>> values;
    for (const auto& r : rows) values[r.Int(0)].push_back(r.Real(1));
    for (auto& [subject, xs] : values) {
      std::sort(xs.begin(), xs.end());
      MeasureValue v;
      v.sample = static_cast<long long>(xs.size());
      v.value = Figure::Of(stats::Percentile(xs, a.p));
      out[subject][m.code] = v;
    }
    return out;
  }
  if (a.kind != AggregationKind::kRatio) {
    for (const auto& r : rows) {
      MeasureValue v;
      v.sample = r.Int(1);
      if (a.kind == AggregationKind::kCount) {
        v.value = Figure::Of(static_cast<double>(v.sample));
      } else if (!r.IsNull(2)) {
        v.value = Figure::Of(r.Real(2));
      }
      out[r.Int(0)][m.code] = v;
    }
    return out;
  }
  std::map<SubjectId, Count> counts;
  if (denominator) {
    for (const auto& r : rows) counts[r.Int(0)].numerator = r.Int(1);
    for (const auto& r : *denominator) {
      counts[r.Int(0)].denominator = r.Int(1);
    }
  } else {
    for (const auto& r : rows) counts[r.Int(0)] = Count{r.IsNull(2) ? 0 : r.Int(2), r.Int(1)};
  }
  const double scale = RatioScale(m.unit);
  for (const auto& [subject, c] : counts) {
    MeasureValue v;
    v.sample = c.denominator;
    v.ratio = c;
    if (c.denominator > 0) {
      v.value = Figure::Of(scale * static_cast<double>(c.numerator) / static_cast<double>(c.denominator));
    }
    out[subject][m.code] = v;
  }
  return out;
}

FactPage Facts(Connection& db, const Measure& m, const FactRegistry& registry, const FactQuery& q) {
  const auto& source = SourceOf(registry, m.source);
  const auto& a = m.aggregation;
  const bool valued = a.kind != AggregationKind::kCount && a.kind != AggregationKind::kRatio;
  Sql numerator;
  if (a.kind == AggregationKind::kRatio) numerator = CompileFilter(Conditions(a.numerator_filter, source));

  Sql s;
  if (q.kind == SubjectKind::kDepartment) {
    s.text = kSubtree;
    s.params.emplace_back(q.subject);
  }
  s.text += "SELECT f.fact_id, f.ticket_id, f.at, f.staff_id, f.department_id, ";
  s.text += valued ? "CAST(f." + a.field + " AS DOUBLE PRECISION)" : std::string("CAST(NULL AS DOUBLE PRECISION)");
  s.text += ", " + (numerator.text.empty() ? std::string("1") : "CASE WHEN " + numerator.text + " THEN 1 ELSE 0 END");
  s.params.insert(s.params.end(), numerator.params.begin(), numerator.params.end());
  // A frozen list marks its tickets below; else the exclusions approved now.
  s.text += q.exclusions ? ", NULL FROM (" + source.Sql(db.dialect()) + ") f WHERE f.at >= ? AND f.at < ?"
                         : ", x.reason_code FROM (" + source.Sql(db.dialect()) +
                               ") f LEFT JOIN assessment_exclusions x ON x.ticket_id = f.ticket_id AND x.status = "
                               "'approved' WHERE f.at >= ? AND f.at < ?";
  s.params.insert(s.params.end(), {q.from_ms, q.to_ms});
  if (q.kind == SubjectKind::kStaff) {
    s.text += " AND f.staff_id = ?";
    s.params.emplace_back(q.subject);
  } else if (q.kind == SubjectKind::kDepartment) {
    s.text += " AND f.department_id IN (SELECT id FROM sub)";
  }
  Append(s, CompileFilter(Conditions(m.filter, source)));
  if (valued) Append(s, FieldPresent(a.field));
  const int limit = std::clamp(q.limit, 1, 500);
  s.text += " AND f.fact_id > ? ORDER BY f.fact_id LIMIT ?";
  s.params.insert(s.params.end(), {q.after, static_cast<std::int64_t>(limit) + 1});

  FactPage page;
  for (const auto& r : db.Query(s.text, s.params)) {
    if (static_cast<int>(page.facts.size()) == limit) {
      page.next_after = page.facts.back().fact_id;
      break;
    }
    Fact f;
    f.fact_id = r.Int(0);
    f.ticket_id = r.OptInt(1);
    f.at_ms = r.Int(2);
    f.staff_id = r.OptInt(3);
    f.department_id = r.OptInt(4);
    if (!r.IsNull(5)) f.value = r.Real(5);
    if (q.exclusions) {
      const auto x = f.ticket_id ? q.exclusions->find(*f.ticket_id) : q.exclusions->end();
      f.excluded = x != q.exclusions->end();
      f.exclusion_reason = f.excluded ? x->second : "";
    } else {
      f.excluded = !r.IsNull(7);
      f.exclusion_reason = r.IsNull(7) ? "" : r.Text(7);
    }
    f.counted = r.Int(6) == 1 && !f.excluded;
    page.facts.push_back(std::move(f));
  }
  return page;
}

namespace {

// The engine's reading of a source: its facts with a time, in fact_id order, `and_where` (if any)
// ANDed on.
std::string FactRowSql(Connection& db, const storage::FactSource& source, const std::string& and_where = "") {
  std::string sql = "SELECT f.fact_id, f.ticket_id, f.at, f.staff_id, f.department_id";
  for (const auto& field : source.fields) sql += ", f." + field.name;
  sql += " FROM (" + source.Sql(db.dialect()) + ") f WHERE f.at IS NOT NULL";
  if (!and_where.empty()) sql += " AND " + and_where;
  return sql + " ORDER BY f.fact_id";
}

void ReadFactRow(const storage::Row& r, const storage::FactSource& source, FactRow& f) {
  f.fact_id = r.Int(0);
  f.ticket_id = r.OptInt(1);
  f.at = r.Int(2);
  f.staff_id = r.OptInt(3);
  f.department_id = r.OptInt(4);
  f.fields.clear();
  for (std::size_t i = 0; i < source.fields.size(); ++i) {
    const std::size_t col = 5 + i;
    if (r.IsNull(col)) {
      f.fields.emplace_back();
    } else if (source.fields[i].type == storage::FactFieldType::kText) {
      f.fields.emplace_back(r.Text(col));
    } else {
      f.fields.emplace_back(r.Real(col));
    }
  }
}

}  // namespace

void EachFact(Connection& db, const storage::FactSource& source, const std::function<void(const FactRow&)>& each) {
  FactRow f;
  db.QueryEach(FactRowSql(db, source), {}, [&](const storage::Row& r) {
    ReadFactRow(r, source, f);
    each(f);
  });
}

std::vector<FactRow> TicketFacts(Connection& db, const storage::FactSource& source, std::int64_t ticket_id) {
  std::vector<FactRow> out;
  for (const auto& r : db.Query(FactRowSql(db, source, "f.ticket_id = ?"), {ticket_id})) {
    ReadFactRow(r, source, out.emplace_back());
  }
  return out;
}

std::vector<std::string> TicketFactsPlan(Connection& db, const storage::FactSource& source) {
  std::vector<std::string> out;
  if (db.dialect() != storage::Dialect::kSqlite) return out;
  for (const auto& r : db.Query("EXPLAIN QUERY PLAN " + FactRowSql(db, source, "f.ticket_id = ?"), {std::int64_t{1}})) {
    out.push_back(r.Text(3));
  }
  return out;
}

bool ApprovedExcluded(Connection& db, std::int64_t ticket_id) {
  return db.QueryOne("SELECT 1 FROM assessment_exclusions WHERE ticket_id = ? AND status = 'approved'", {ticket_id})
      .has_value();
}

std::vector<std::int64_t> ApprovedExcludedTickets(Connection& db) {
  std::vector<std::int64_t> out;
  for (const auto& r : db.Query("SELECT DISTINCT ticket_id FROM assessment_exclusions WHERE status = 'approved'")) {
    out.push_back(r.Int(0));
  }
  return out;
}

// ---- the organisation's own measures ----

std::vector<Measure> CustomMeasures(Connection& db) {
  std::vector<Measure> out;
  for (const auto& r :
       db.Query("SELECT code, name_zh, name_en, definition_zh, definition_en, source, aggregation, field, p, filter,"
                " numerator_filter, denominator_source, denominator_filter, unit, direction FROM assessment_measures"
                " ORDER BY code")) {
    Measure m;
    m.code = r.Text(0);
    m.name = {r.Text(1), r.Text(2)};
    m.definition = {r.Text(3), r.Text(4)};
    m.source = r.Text(5);
    m.aggregation.kind = ParseAggregation(r.Text(6)).value_or(AggregationKind::kCount);
    m.aggregation.field = r.Text(7);
    m.aggregation.p = r.IsNull(8) ? 0 : r.Real(8);
    m.filter = r.Text(9);
    m.aggregation.numerator_filter = r.Text(10);
    m.aggregation.denominator_source = r.Text(11);
    m.aggregation.denominator_filter = r.Text(12);
    m.unit = r.Text(13);
    m.direction = ParseDirection(r.Text(14)).value_or(Direction::kHigherIsBetter);
    out.push_back(std::move(m));
  }
  return out;
}

Status InsertMeasure(Connection& db, const Measure& m, std::int64_t by, TimeMs at) {
  const auto& a = m.aggregation;
  return db.Exec(
      "INSERT INTO assessment_measures (code, name_zh, name_en, definition_zh, definition_en, source, aggregation,"
      " field, p, filter, numerator_filter, denominator_source, denominator_filter, unit, direction, created_by,"
      " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.code, m.name.zh, m.name.en, m.definition.zh, m.definition.en, m.source, AggregationName(a.kind), a.field,
       a.kind == AggregationKind::kPercentile ? Value(a.p) : Value(nullptr), m.filter, a.numerator_filter,
       a.denominator_source, a.denominator_filter, m.unit, DirectionName(m.direction), by > 0 ? Value(by) : Value(),
       at});
}

}  // namespace sqm::assessment::repo
