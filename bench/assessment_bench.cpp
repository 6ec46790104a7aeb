// Assessment measures benchmark: how long SqlMeasureSource::Values takes for every default measure,
// per staff member and per department (subtree roll-up), for one month and for a whole year, on a
// data set the size of a large service centre.
//
//   assessment_bench [--scale S|L] [--staff N] [--departments N] [--tickets N] [--db URL]
//                    [--dir DIR] [--reuse] [--repeat N] [--periods-only]
//
// --scale L (default): 1,000 staff, 60 departments, 300,000 tickets over 2025; --scale S: 100 staff,
// 10 departments, 100,000 tickets. --db runs on that (empty) database instead of a new SQLite file
// in --dir: a PostgreSQL URI (start a cluster with scripts/pg.sh start DIR). --reuse keeps a
// database that already holds tickets and only times the queries. --repeat N times each query N
// times and prints the fastest (the steadier figure on a shared machine). Then periods: a 三率
// scheme for every staff member (first response, on-time closure, satisfaction), each month of
// 2025 evaluated for all assessees (PeriodService::Step evaluate: the measures, the snapshot, the
// results and their SHA-256), published, locked and verified (recomputed from the snapshot,
// bit-identical), then the year rolled up from the twelve locked months, verified the same way.
// --periods-only skips the table of measures.
//
// The data comes from bench/measure_data.h (the engine's equality test uses the same generator). Not
// a test: it prints figures and exits non-zero only when the database refuses the data or a query
// fails.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assessment/facts.h"
#include "assessment/measure.h"
#include "assessment/measure_source.h"
#include "assessment/period_service.h"
#include "base/clock.h"
#include "base/json.h"
#include "bench/measure_data.h"
#include "desk/repo/facts.h"
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

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it is printed, also into a file
  Sizes sizes;
  std::string url, dir = (std::filesystem::temp_directory_path() / "assessment_bench").string();
  bool reuse = false;
  bool periods_only = false;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--scale" && has_value) {
      const std::string scale = argv[++i];
      if (scale == "S") sizes = {100, 10, 100'000};
    } else if (a == "--staff" && has_value) {
      sizes.staff = std::stoi(argv[++i]);
    } else if (a == "--departments" && has_value) {
      sizes.departments = std::max(2, std::stoi(argv[++i]));
    } else if (a == "--tickets" && has_value) {
      sizes.tickets = std::stoi(argv[++i]);
    } else if (a == "--db" && has_value) {
      url = argv[++i];
    } else if (a == "--dir" && has_value) {
      dir = argv[++i];
    } else if (a == "--repeat" && has_value) {
      repeat = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--reuse") {
      reuse = true;
    } else if (a == "--periods-only") {
      periods_only = true;
    } else {
      std::cerr << "usage: assessment_bench [--scale S|L] [--staff N] [--departments N] [--tickets N] [--db URL]"
                   " [--dir DIR] [--reuse] [--repeat N] [--periods-only]\n";
      return 2;
    }
  }
  const std::filesystem::path file = std::filesystem::path(dir) / "sqm.db";
  if (url.empty()) {
    std::filesystem::create_directories(dir);
    if (!reuse) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    }
  }

  SystemClock clock;
  storage::Database db(storage::DatabaseOptions{url.empty() ? file.string() : url, "NORMAL"}, clock);
  db.Migrate();
  const bool postgres = db.dialect() == storage::Dialect::kPostgres;
  const auto existing =
      db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM tickets")->Int(0); });

  if (existing == 0) {
    fmt::print("generating {} staff, {} departments, {} tickets over 2025 on {}\n", sizes.staff, sizes.departments,
               sizes.tickets, postgres ? "PostgreSQL" : "SQLite");
    const auto started = Wall::now();
    std::vector<std::int64_t> department_of;
    auto org = WriteOrganisation(db, sizes, department_of);
    if (!org.ok()) {
      std::cerr << "organisation: " << org.error().message << "\n";
      return 1;
    }
    auto counts = WriteTickets(db, sizes, department_of);
    if (!counts.ok()) {
      std::cerr << "tickets: " << counts.error().message << "\n";
      return 1;
    }
    const double written = Seconds(started);
    auto analyzed = db.Write("bench", [](storage::WriteTx& tx) { return tx.db().Exec("ANALYZE"); });
    if (!analyzed.ok()) std::cerr << "ANALYZE: " << analyzed.error().message << "\n";
    fmt::print(
        "written in {:.1f} s (+ ANALYZE {:.1f} s): {} tickets, {} SLA timers, {} callbacks, {} complaints, {} "
        "transfers, {} reopenings\n",
        written, Seconds(started) - written, counts->tickets, counts->timers, counts->callbacks, counts->complaints,
        counts->transfers, counts->reopens);
  } else {
    fmt::print("reusing the {} tickets in the database\n", existing);
  }

  if (postgres) {
    const auto bytes = db.Read(
        [](storage::Connection& c) { return c.QueryOne("SELECT pg_database_size(current_database())")->Int(0); });
    fmt::print("database size: {:.1f} MiB\n", static_cast<double>(bytes) / (1 << 20));
  } else {
    std::error_code none;
    const auto wal = std::filesystem::file_size(file.string() + "-wal", none);
    fmt::print("database size: {:.1f} MiB (and {:.1f} MiB of WAL)\n",
               static_cast<double>(std::filesystem::file_size(file)) / (1 << 20),
               none ? 0.0 : static_cast<double>(wal) / (1 << 20));
  }

  assessment::FactRegistry facts;
  facts.Register(desk::repo::FactSources());
  assessment::SqlMeasureSource source(db, facts);
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
  if (!periods_only) {
    fmt::print("\nSqlMeasureSource::Values, ms (fastest of {}); subjects with a value in brackets\n", repeat);
    fmt::print("{:<30} {:>16} {:>16} {:>16} {:>16}\n", "measure", "staff, June", "staff, year", "dept, June",
               "dept, year");
    for (const auto& code : codes) row(code, {code});
    fmt::print("{:<30} {:>16.1f} {:>16.1f} {:>16.1f} {:>16.1f}\n", "sum of the above", totals[0], totals[1], totals[2],
               totals[3]);
    row("all in one call", codes);
  }
  return EvaluateAndVerify(db, source, clock) ? 0 : 1;
}
