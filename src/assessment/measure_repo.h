// SQL of measures (docs/assessment.md): each measure's reference query, generated from its
// definition and its fact source's query (never text pasted: filters become `?` values), the
// drill-down to the facts behind a value, and the organisation's own measures
// (assessment_measures). Runs unchanged on SQLite and PostgreSQL.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assessment/measure.h"
#include "base/clock.h"
#include "storage/db.h"

namespace sqm::assessment::repo {

using storage::Connection;

struct Sql {
  std::string text;
  std::vector<storage::Value> params;
};

// `f.<field> op ?` joined by AND, for conditions ParseFilter accepted; empty for none.
Sql CompileFilter(const std::vector<Condition>& conditions);

// The reference queries of `m` for subjects of `kind` over [from, to): rows (subject, n, x),
// grouped by subject: n the facts counted (a ratio's denominator); x the aggregate (sum, mean,
// min, max), a ratio's numerator, or NULL (count). A percentile's query lists (subject, x) per
// fact ordered by subject and x. A ratio over two sources has a second query (subject, n) for its
// denominator. Departments count their whole subtree. Approved exclusions leave every query:
// those approved now, or exactly `excluded` when set (a period's frozen list).
// REQUIRES: m passed CheckMeasure against `registry`.
struct ValueQueries {
  Sql main;
  std::optional<Sql> denominator;
};
ValueQueries ValueSql(const Measure& m, const FactRegistry& registry, SubjectKind kind, storage::Dialect dialect,
                      TimeMs from, TimeMs to, const std::optional<std::vector<SubjectId>>& only = std::nullopt,
                      const std::optional<Exclusions>& excluded = std::nullopt);

MeasureTable Values(Connection& db, const Measure& m, const FactRegistry& registry, const MeasureQuery& q);
// The table of `m` from the rows of its ValueSql: `main`'s, and `denominator`'s for a ratio over
// two sources (nullptr otherwise). Values runs the queries and calls it; a bench that runs the same
// SQL on another engine (bench/duckdb) hands it that engine's rows.
MeasureTable Tabulate(const Measure& m, const std::vector<storage::Row>& main,
                      const std::vector<storage::Row>* denominator);
FactPage Facts(Connection& db, const Measure& m, const FactRegistry& registry, const FactQuery& q);

// One fact of a source as the analytics engine reads it: its attribution and time, and its value
// of every field, in the order of the source's fields.
struct FactRow {
  std::int64_t fact_id = 0;
  std::optional<std::int64_t> ticket_id;
  TimeMs at = 0;
  std::optional<SubjectId> staff_id;
  std::optional<SubjectId> department_id;
  std::vector<FieldValue> fields;
};
// Every fact of `source` with a time (a fact without one falls in no window), in fact_id order,
// handed to `each` one at a time as the database reads them (one statement, one sort; nothing
// held), so that a rebuild never holds a whole source in memory. Paging by fact_id instead sorted
// a whole UNION ALL source (feedback's fact_id is computed) for every page: quadratic at scale L.
void EachFact(Connection& db, const storage::FactSource& source, const std::function<void(const FactRow&)>& each);

// The facts of `source` about one ticket now (those with a time, in fact_id order): what the
// engine reads again when the ticket's events say something changed.
std::vector<FactRow> TicketFacts(Connection& db, const storage::FactSource& source, std::int64_t ticket_id);
// How SQLite runs TicketFacts for `source` (EXPLAIN QUERY PLAN's details, one per step; empty on
// PostgreSQL, whose plans follow its statistics): a test checks that no source scans a table to
// find one ticket's facts.
std::vector<std::string> TicketFactsPlan(Connection& db, const storage::FactSource& source);

// Whether the ticket has an approved exclusion now.
bool ApprovedExcluded(Connection& db, std::int64_t ticket_id);

// The tickets with an approved exclusion now: the facts the reference SQL leaves out
// (q.exclusions unset).
std::vector<std::int64_t> ApprovedExcludedTickets(Connection& db);

// ---- the organisation's own measures ----
std::vector<Measure> CustomMeasures(Connection& db);
Status InsertMeasure(Connection& db, const Measure& m, std::int64_t by, TimeMs at);

}  // namespace sqm::assessment::repo
