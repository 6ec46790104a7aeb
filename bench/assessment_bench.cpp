// Assessment benchmark (bench/README.md), on a generated year (bench/measure_data.h; the engine's
// equality test uses the same generator) of a service centre:
//
//   assessment_bench [--scale S|M|L] [--json] [--month 1-12] [--repeat N] [--no-duckdb]
//                    [--measures | --periods-only | --generate-only]
//                    [--staff N] [--departments N] [--tickets N] [--db URL] [--dir DIR] [--reuse]
//
// Scales: S 100 staff, 10 departments, 100,000 tickets; M (the default) 1,000 staff, 60
// departments, 300,000 tickets; L 10,000 staff, 300 departments in four levels, 10,000,000 tickets;
// all over 2025. The data is written straight into the tables in bulk (SQLite: secondary indexes
// dropped and built again after, synchronous=OFF and a 1 GiB page cache for the load only).
//
// By default (issue 13) it closes one month (--month, June by default) for every staff member and
// department on every built-in measure, scored by a weighted sum and ranked, and by RSR, four ways
// on the same data in one run: sqm warm (EngineMeasureSource after its rebuild and a first close;
// the fastest of --repeat), sqm cold (the first close right after a fresh Rebuild, whose time is
// reported apart), SQLite (SqlMeasureSource, the reference SQL) and DuckDB (the same SQL on the
// same rows, exported to CSV, by bench/duckdb/run.mjs; install it with bench/duckdb/setup.sh), and
// checks that all four give equal values (1e-9 relative; percentiles within the sketch's 1 %):
// exits 1 when they differ. --json ends with one line {"scale", "warm_ms", "cold_ms", "rebuild_ms",
// "sqlite_ms", "duckdb_ms", "equal", "rss_mb"}.
//
// --measures: instead, SqlMeasureSource::Values per measure, per staff member and department, for
// June and the year (the fastest of --repeat), then the periods below. --periods-only: the periods
// only: a 三率 scheme for every staff member, each month of 2025 evaluated for all assessees
// (PeriodService::Step evaluate), published, locked and verified (recomputed from the snapshot,
// bit-identical), then the year rolled up from the twelve locked months, verified the same way.
// --generate-only: write the data and stop. --db runs on that (empty) database instead of a new
// SQLite file in --dir: a PostgreSQL URI (scripts/pg.sh start DIR; no DuckDB run there). --reuse
// keeps a database that already holds tickets.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assessment/engine_source.h"
#include "assessment/facts.h"
#include "assessment/measure.h"
#include "assessment/measure_source.h"
#include "assessment/period_service.h"
#include "base/clock.h"
#include "base/json.h"
#include "bench/measure_data.h"
#include "bench/month_close.h"
#include "calendar/zone.h"
#include "desk/repo/facts.h"
#include "feedback/facts.h"
#include "org/rules.h"
#include "storage/database.h"

namespace {

using namespace sqm;
using namespace sqm::bench;
using Wall = std::chrono::steady_clock;
using storage::Value;

double Seconds(Wall::time_point since) {
  return std::chrono::duration<double>(Wall::now() - since).count();
}

}  // namespace

// A principal with a role's permissions, acting as staff member `id`.
org::Principal As(std::int64_t id, const std::string& role) {
  org::Principal p;
  p.staff_id = id;
  p.username = fmt::format("agent{}", id);
  p.roles = {role};
  p.permissions = org::PermissionsOf(p.roles);
  p.scope.all = true;
  return p;
}

template <typename T>
bool Check(const Result<T>& r, const char* what) {
  if (!r.ok()) std::cerr << what << ": " << r.error().field << " " << r.error().message << "\n";
  return r.ok();
}

// Every month of the year and the year for every staff member: evaluate (timed), publish, lock,
// verify (timed).
bool EvaluateAndVerify(storage::Database& db, assessment::SqlMeasureSource& source, const Clock& clock) {
  using namespace assessment;
  // Every bench staff member is an agent (assessed); 1 and 2 act as quality and executive.
  auto roles = db.Write("bench", [](storage::WriteTx& tx) {
    return tx.db().Exec(
        "INSERT INTO staff_roles (staff_id, role) SELECT s.id, 'agent' FROM staff s WHERE NOT EXISTS"
        " (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = 'agent')");
  });
  if (!roles.ok()) {
    std::cerr << "roles: " << roles.error().message << "\n";
    return false;
  }
  PeriodService svc(db, clock, source, [](const std::string&) { return nullptr; });
  const org::Principal quality = As(1, "quality"), executive = As(2, "executive");
  const std::string tag = fmt::format("{}", clock.Now());
  const std::pair<const char*, const char*> library[] = {
      {"response", "first_response_attainment"}, {"closure", "on_time_closure"}, {"satisfaction", "satisfaction_rate"}};
  for (const auto& [code, measure] : library) {
    Indicator ind{.code = fmt::format("bench_{}_{}", code, tag),
                  .name = {code, code},
                  .definition = {},
                  .unit = "percent",
                  .direction = Direction::kHigherIsBetter,
                  .kind = IndicatorKind::kComputed,
                  .formula = measure,
                  .target = 95.0,
                  .updated_at = 0};
    if (!Check(svc.SaveIndicator(quality, ind, true), "indicator")) return false;
  }
  const std::string document = fmt::format(R"({{"tree": {{"code": "total", "max_points": 100, "children": [
    {{"code": "response", "max_points": 30, "indicator": {{"code": "bench_response_{0}", "rule": {{"kind": "weighted_rate"}}}}}},
    {{"code": "closure", "max_points": 35, "indicator": {{"code": "bench_closure_{0}", "rule": {{"kind": "linear", "floor": 60, "target": 95}}}}}},
    {{"code": "satisfaction", "max_points": 35, "indicator": {{"code": "bench_satisfaction_{0}",
      "rule": {{"kind": "threshold_deduction", "threshold": 98, "per_unit": 0.5, "min_points": 17.5}}}}}}]}},
    "rounding": {{"decimals": 2}}, "small_sample": "wilson_lower", "min_volume": 20, "appeal_days": 5}})",
                                           tag);
  auto scheme = svc.CreateScheme(quality, {"bench-" + tag, {"三率", "Three rates"}, SubjectKind::kStaff});
  if (!Check(scheme, "scheme")) return false;
  auto version = svc.AddVersion(quality, scheme->id, json::Parse(document).value());
  if (!Check(version, "version") || !Check(svc.ApproveVersion(executive, scheme->id, 1, 0), "approve")) return false;
  // Each month: collect, evaluate (timed), publish, lock, verify (timed); then the year, which
  // rolls up the twelve locked months.
  struct Timing {
    std::string name;
    double evaluate_ms = 0, verify_ms = 0;
    long long assessees = 0, ranked = 0;
  };
  const auto run = [&](const PeriodDraft& draft) -> std::optional<Timing> {
    auto period = svc.CreatePeriod(quality, draft);
    if (!Check(period, "period") || !Check(svc.Step(quality, period->id, PeriodStep::kCollect), "collect")) return {};
    Timing t{.name = draft.name};
    auto started = Wall::now();
    if (!Check(svc.Step(quality, period->id, PeriodStep::kEvaluate), "evaluate")) return {};
    t.evaluate_ms = Seconds(started) * 1000;
    PeriodCounts counts;
    (void)svc.GetPeriod(quality, period->id, &counts);
    t.assessees = counts.assessees;
    t.ranked = counts.ranked;
    if (!Check(svc.Step(quality, period->id, PeriodStep::kPublish), "publish") ||
        !Check(svc.Step(quality, period->id, PeriodStep::kLock), "lock")) {
      return {};
    }
    started = Wall::now();
    auto verified = svc.Verify(quality, period->id);
    t.verify_ms = Seconds(started) * 1000;
    if (!Check(verified, "verify")) return {};
    if (!verified->identical) {
      std::cerr << draft.name << ": the locked period did not verify\n";
      return {};
    }
    return t;
  };

  fmt::print("\nPeriods: every month of 2025 and the year, a 三率 scheme for every staff member\n");
  fmt::print("evaluate = measures, snapshot, results, SHA-256, one write; verify = recompute a locked period\n");
  fmt::print(
      "from its snapshot and compare with the stored text and SHA-256 (identical every time, or the bench fails)\n");
  fmt::print("{:<10} {:>10} {:>8} {:>14} {:>12}\n", "period", "assessees", "ranked", "evaluate ms", "verify ms");
  std::vector<double> evaluate_ms, verify_ms;
  for (int m = 0; m < 12; ++m) {
    auto t = run({fmt::format("2025-{:02}", m + 1), scheme->id, PeriodKind::kMonth, MonthStart(m), MonthStart(m + 1)});
    if (!t) return false;
    fmt::print("{:<10} {:>10} {:>8} {:>14.1f} {:>12.1f}\n", t->name, t->assessees, t->ranked, t->evaluate_ms,
               t->verify_ms);
    evaluate_ms.push_back(t->evaluate_ms);
    verify_ms.push_back(t->verify_ms);
  }
  std::ranges::sort(evaluate_ms);
  std::ranges::sort(verify_ms);
  fmt::print("{:<10} {:>10} {:>8} {:>14.1f} {:>12.1f}   (median of the months; slowest {:.1f} / {:.1f})\n", "median",
             "", "", (evaluate_ms[5] + evaluate_ms[6]) / 2, (verify_ms[5] + verify_ms[6]) / 2, evaluate_ms.back(),
             verify_ms.back());
  auto year = run({"2025", scheme->id, PeriodKind::kYear, MonthStart(0), MonthStart(12)});
  if (!year) return false;
  fmt::print("{:<10} {:>10} {:>8} {:>14.1f} {:>12.1f}   (rolled up from the 12 locked months)\n", year->name,
             year->assessees, year->ranked, year->evaluate_ms, year->verify_ms);
  return true;
}

namespace {

void PrintSize(storage::Database& db, const std::filesystem::path& file) {
  if (db.dialect() == storage::Dialect::kPostgres) {
    const auto bytes = db.Read(
        [](storage::Connection& c) { return c.QueryOne("SELECT pg_database_size(current_database())")->Int(0); });
    fmt::print("database size: {:.1f} MiB\n", static_cast<double>(bytes) / (1 << 20));
    return;
  }
  std::error_code none;
  const auto wal = std::filesystem::file_size(file.string() + "-wal", none);
  fmt::print("database size: {:.1f} MiB (and {:.1f} MiB of WAL)\n",
             static_cast<double>(std::filesystem::file_size(file)) / (1 << 20),
             none ? 0.0 : static_cast<double>(wal) / (1 << 20));
}

// The old default: SqlMeasureSource::Values per measure and column, June and the year.
void MeasuresTable(assessment::SqlMeasureSource& source, int repeat) {
  struct Window {
    const char* name;
    TimeMs from, to;
  };
  const Window windows[] = {{"June", MonthStart(5), MonthStart(6)}, {"year", MonthStart(0), MonthStart(12)}};
  const std::pair<const char*, assessment::SubjectKind> kinds[] = {
      {"staff", assessment::SubjectKind::kStaff}, {"department", assessment::SubjectKind::kDepartment}};
  std::vector<std::string> codes;
  for (const auto& m : assessment::BuiltinMeasures()) codes.push_back(m.code);

  // One query, timed `repeat` times: the fastest, and how many subjects had a value.
  auto time = [&](assessment::SubjectKind kind, const std::vector<std::string>& measures, const Window& w,
                  std::size_t& subjects) -> double {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
      const auto started = Wall::now();
      auto table = source.Values({kind, measures, w.from, w.to, std::nullopt});
      const double ms = Seconds(started) * 1000;
      if (!table.ok()) {
        std::cerr << "query failed: " << table.error().message << "\n";
        std::exit(1);
      }
      subjects = table->size();
      best = std::min(best, ms);
    }
    return best;
  };

  std::vector<double> totals(4, 0);
  auto row = [&](const std::string& label, const std::vector<std::string>& measures) {
    std::string line = fmt::format("{:<30}", label);
    int column = 0;
    for (const auto& [kind_name, kind] : kinds) {
      for (const auto& w : windows) {
        std::size_t subjects = 0;
        const double ms = time(kind, measures, w, subjects);
        if (measures.size() == 1) totals[column] += ms;
        line += fmt::format(" {:>9.1f} ({:>4})", ms, subjects);
        ++column;
      }
    }
    fmt::print("{}\n", line);
  };
  fmt::print("\nSqlMeasureSource::Values, ms (fastest of {}); subjects with a value in brackets\n", repeat);
  fmt::print("{:<30} {:>16} {:>16} {:>16} {:>16}\n", "measure", "staff, June", "staff, year", "dept, June",
             "dept, year");
  for (const auto& code : codes) row(code, {code});
  fmt::print("{:<30} {:>16.1f} {:>16.1f} {:>16.1f} {:>16.1f}\n", "sum of the above", totals[0], totals[1], totals[2],
             totals[3]);
  row("all in one call", codes);
}

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::cerr << what << ": " << r.error().message << "\n";
    std::exit(1);
  }
  return std::move(r.value());
}

// Issue 13: one month closed four ways on the same data, compared.
bool Compare4(storage::Database& db, const assessment::FactRegistry& facts, const std::string& scale,
              const std::string& dir, int month, int repeat, bool duckdb, bool json) {
  using namespace assessment;
  const std::vector<Measure>& measures = BuiltinMeasures();
  const calendar::Zone zone = calendar::Zone::Named("Asia/Shanghai").value();
  // The month in the business time zone: both bounds start a business day, as the engine answers.
  const TimeMs from = zone.FromLocal(MonthStart(month - 1)), to = zone.FromLocal(MonthStart(month));
  const std::size_t staff = static_cast<std::size_t>(
      db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM staff")->Int(0); }));
  const std::size_t departments = static_cast<std::size_t>(
      db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM departments")->Int(0); }));
  fmt::print("\nClosing 2025-{:02} (Asia/Shanghai) for {} staff and {} departments on the {} built-in measures\n",
             month, staff, departments, measures.size());

  SqlMeasureSource sql(db, facts);
  const double rss_before = RssMb();
  EngineMeasureSource engine(db, facts, zone);
  auto started = Wall::now();
  engine.Rebuild();
  const double rebuild_ms = Seconds(started) * 1000;
  const auto report = engine.Report();
  const double rss_engine = RssMb() - rss_before;
  Close cold = Must(CloseMonth(engine, measures, from, to), "cold");
  Close warm;
  for (int r = 0; r < repeat; ++r) {
    Close c = Must(CloseMonth(engine, measures, from, to), "warm");
    if (r == 0 || c.ms() < warm.ms()) warm = std::move(c);
  }
  const double rss_mb = RssMb();
  // Each figure as soon as it is measured (a run at scale L may be stopped before DuckDB's).
  const auto line = [&](const std::string& what, double ms, const std::string& note) {
    fmt::print("{:<44} {:>12.1f} {:>10} {}\n", what, ms,
               ms > 0 && warm.ms() > 0 ? fmt::format("{:.1f}x", ms / warm.ms()) : "", note);
  };
  fmt::print("{:<44} {:>12} {:>10} {}\n", "month close", "ms", "vs warm", "where the time goes");
  line(fmt::format("sqm warm (engine; fastest of {})", repeat), warm.ms(),
       fmt::format("values {:.1f} + scoring {:.1f}", warm.values_ms, warm.scoring_ms));
  line("sqm cold (first close after the rebuild)", cold.ms(),
       fmt::format("values {:.1f} + scoring {:.1f}", cold.values_ms, cold.scoring_ms));
  line("sqm rebuild (every fact into the store)", rebuild_ms,
       fmt::format("{} subjects, {} day + {} month partials, {:.1f} MiB held ({:.1f} MiB sketches)", report.subjects,
                   report.day_partials, report.month_partials, static_cast<double>(report.bytes) / (1 << 20),
                   static_cast<double>(report.sketch_bytes) / (1 << 20)));
  Close reference = Must(CloseMonth(sql, measures, from, to), "SQLite");
  line("SQLite (the reference SQL, SqlMeasureSource)", reference.ms(),
       fmt::format("values {:.1f} + scoring {:.1f}", reference.values_ms, reference.scoring_ms));

  std::vector<std::string> differences;
  std::size_t differ = 0;
  const auto compare = [&](const std::string& name, const Close& c) {
    const std::size_t before = differ;
    differ += Compare(c.staff, reference.staff, measures, name + " staff", differences);
    differ += Compare(c.departments, reference.departments, measures, name + " departments", differences);
    fmt::print("{:<44} {} = SQLite: {}\n", "", name, differ == before ? "yes" : "NO");
  };
  compare("sqm cold", cold);
  compare("sqm warm", warm);
  std::optional<DuckDbRun> duck;
  if (duckdb) {
    duck = Must(RunDuckDb(db, facts, measures, from, to, dir, repeat), "DuckDB");
    line(fmt::format("DuckDB (the same SQL; fastest of {})", repeat), duck->close.ms(),
         fmt::format("queries {:.1f} + rows tabulated {:.1f} + scoring {:.1f}; export to CSV {:.1f} ms "
                     "({:.1f} MiB), load {:.1f} ms",
                     duck->query_ms, duck->close.values_ms - duck->query_ms, duck->close.scoring_ms, duck->export_ms,
                     duck->csv_mb, duck->load_ms));
    fmt::print("{:<44} the slowest DuckDB queries:", "");
    for (const auto& [what, ms] : duck->slowest) fmt::print(" {} {:.1f} ms;", what, ms);
    fmt::print("\n");
    compare("DuckDB", duck->close);
  } else {
    fmt::print("DuckDB not run (--no-duckdb)\n");
  }
  std::size_t values = 0;
  for (const auto* t : {&reference.staff, &reference.departments}) {
    for (const auto& [subject, v] : *t) values += v.size();
  }
  const bool equal = differ == 0;
  fmt::print("ranked (a value for every measure): {} of {} staff, {} of {} departments; RSR tiers of the staff: ",
             warm.ranked_staff, reference.staff.size(), warm.ranked_departments, reference.departments.size());
  std::map<int, int> tiers;
  for (int t : warm.staff_tier) ++tiers[t];
  for (const auto& [t, n] : tiers) fmt::print("{}: {}  ", t, n);
  fmt::print("\nsame ranks and tiers as SQLite: {}\n",
             warm.staff_rank == reference.staff_rank && warm.staff_tier == reference.staff_tier ? "yes" : "no");
  fmt::print("RSS: {:.0f} MiB after the warm closes (peak {:.0f} MiB); the engine's rebuild added {:.0f} MiB", rss_mb,
             RssMb("VmHWM:"), rss_engine);
  if (duck) fmt::print("; DuckDB's node process peaked at {:.0f} MiB", duck->rss_mb);
  fmt::print("\nequal: {} ({} values of {} subjects, compared {} ways against SQLite; {} differences)\n",
             equal ? "yes" : "NO", values, reference.staff.size() + reference.departments.size(), duck ? 3 : 2, differ);
  for (const auto& d : differences) fmt::print("  {}\n", d);
  if (json) {
    fmt::print(
        "{{\"scale\": \"{}\", \"warm_ms\": {:.3f}, \"cold_ms\": {:.3f}, \"rebuild_ms\": {:.3f}, \"sqlite_ms\": {:.3f}, "
        "\"duckdb_ms\": {}, \"equal\": {}, \"rss_mb\": {:.1f}}}\n",
        scale, warm.ms(), cold.ms(), rebuild_ms, reference.ms(),
        duck ? fmt::format("{:.3f}", duck->close.ms()) : std::string("null"), equal ? "true" : "false", rss_mb);
  }
  return equal;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it is printed, also into a file
  DataOptions data{
      .sizes = {}, .url = "", .dir = (std::filesystem::temp_directory_path() / "assessment_bench").string()};
  Sizes& sizes = data.sizes;
  const std::string& url = data.url;
  const std::string& dir = data.dir;
  std::string scale = "M";
  bool periods_only = false, measures = false, generate_only = false, json = false, duckdb = true;
  int repeat = 3, month = 6;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--scale" && has_value) {
      scale = argv[++i];
      if (scale == "S") {
        sizes = {100, 10, 100'000};
      } else if (scale == "L") {
        sizes = {10'000, 300, 10'000'000};
      } else if (scale != "M") {
        std::cerr << "--scale is S, M or L\n";
        return 2;
      }
    } else if (TakeDataOption(argc, argv, i, data)) {
      continue;
    } else if (a == "--repeat" && has_value) {
      repeat = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--month" && has_value) {
      month = std::clamp(std::stoi(argv[++i]), 1, 12);
    } else if (a == "--periods-only") {
      periods_only = true;
    } else if (a == "--measures") {
      measures = true;
    } else if (a == "--generate-only") {
      generate_only = true;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--no-duckdb") {
      duckdb = false;
    } else {
      std::cerr << "usage: assessment_bench [--scale S|M|L] [--json] [--month 1-12] [--repeat N] [--no-duckdb]"
                   " [--measures | --periods-only | --generate-only] [--staff N] [--departments N] [--tickets N]"
                   " [--db URL] [--dir DIR] [--reuse]\n";
      return 2;
    }
  }
  sizes.tickets_per_job = 100'000;
  sizes.surveys = true;
  const std::filesystem::path file = std::filesystem::path(dir) / "sqm.db";
  const auto prepared = PrepareDatabase(dir, url, data.reuse, sizes);
  if (!prepared) return 1;
  const std::string& where = *prepared;

  SystemClock clock;
  storage::Database db(storage::DatabaseOptions{where, "NORMAL"}, clock);
  PrintSize(db, file);
  if (generate_only) return 0;
  assessment::FactRegistry facts;
  facts.Register(desk::repo::FactSources());
  facts.Register(feedback::FactSources());
  assessment::SqlMeasureSource source(db, facts);
  if (measures || periods_only) {
    if (measures) MeasuresTable(source, repeat);
    return EvaluateAndVerify(db, source, clock) ? 0 : 1;
  }
  return Compare4(db, facts, scale, dir, month, repeat, duckdb && url.empty(), json) ? 0 : 1;
}
