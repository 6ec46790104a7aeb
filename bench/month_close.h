// The month close of issue 13 for assessment_bench: every built-in measure for every staff member
// and department over one month, scored by a weighted sum and ranked (assessment::Rank), and the
// rank-sum ratio (assessment::EvaluateRsr), from any MeasureSource (the engine warm and cold, the
// reference SQL on SQLite) or from the same SQL's rows run by DuckDB (bench/duckdb/run.mjs); and
// the comparison of two closes' values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assessment/facts.h"
#include "assessment/measure.h"
#include "assessment/measures.h"
#include "storage/database.h"

namespace sqm::bench {

struct Close {
  assessment::MeasureTable staff, departments;
  double values_ms = 0;   // the measures' values, staff and departments
  double scoring_ms = 0;  // weighted sum, ranks, RSR
  // Subjects with a value for every measure (scored and ranked), per kind; and their RSR tiers.
  std::size_t ranked_staff = 0, ranked_departments = 0;
  std::vector<int> staff_rank, staff_tier;
  double ms() const { return values_ms + scoring_ms; }
};

// Scores and ranks `c`'s tables in place (fills scoring_ms, ranked_*, staff_rank, staff_tier).
// Weighted sum: each measure scaled to 0-100 over the ranked subjects (100 the best, by its
// direction), equal weights; RSR: integer ranks, equal weights, 3 tiers.
void Score(Close& c, const std::vector<assessment::Measure>& measures);

// Values of both kinds from `source` over [from, to), then Score.
Result<Close> CloseMonth(assessment::MeasureSource& source, const std::vector<assessment::Measure>& measures,
                         std::int64_t from, std::int64_t to);

// Differences between two tables of the same measures (1e-9 relative for numbers; percentiles
// within 1 %, the sketch's bound; samples and ratio counts exact; the same subjects): the first
// few described in `out`, the count returned.
std::size_t Compare(const assessment::MeasureTable& a, const assessment::MeasureTable& b,
                    const std::vector<assessment::Measure>& measures, const std::string& what,
                    std::vector<std::string>& out);

struct DuckDbRun {
  Close close;
  double export_ms = 0, load_ms = 0, query_ms = 0;  // query_ms: the fastest of `repeat` passes
  double rss_mb = 0;                                // of the node process, at its peak
  double csv_mb = 0;
  std::vector<std::pair<std::string, double>> slowest;  // the slowest queries: "measure, kind" and ms
};

// Exports the tables the fact sources read from the SQLite database to CSV files in `dir`, has
// bench/duckdb/run.mjs load them into an in-memory DuckDB and run every measure's ValueSql for
// both kinds over [from, to) `repeat` times, and tabulates its rows as SqlMeasureSource does
// (repo::Tabulate). An error when node or the package is missing (bench/duckdb/setup.sh).
Result<DuckDbRun> RunDuckDb(storage::Database& db, const assessment::FactRegistry& registry,
                            const std::vector<assessment::Measure>& measures, std::int64_t from, std::int64_t to,
                            const std::string& dir, int repeat);

// VmRSS and VmHWM of this process, MiB.
double RssMb(const char* field = "VmRSS:");

}  // namespace sqm::bench
