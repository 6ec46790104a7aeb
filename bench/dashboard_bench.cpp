// Dashboard latency benchmark (issue 13, bench/README.md): desk::Reports::GetDashboard and
// GetComplaintSummary as an executive (the whole organisation) and as the manager of one division,
// at a fixed request rate from two threads, on a generated year (bench/measure_data.h):
//
//   dashboard_bench [--staff N] [--departments N] [--tickets N] [--db URL] [--dir DIR] [--reuse]
//                   [--rate R] [--seconds S] [--threads T] [--at ISO-TIME] [--ways W,W...]
//
// Defaults: scale S (100 staff, 10 departments, 100,000 tickets) in a new SQLite file under --dir,
// 500 requests/s for 5 s per case, 2 threads, "now" 2025-06-18T14:00+08:00 (Asia/Shanghai). Each
// request is timed from when it was due (a fixed schedule, so a server that falls behind shows it
// in its latency, not in a lower rate); a case stops issuing after twice its duration. Column
// "one": the median of the read run one at a time for about a second (at least five), before.
//
// The dashboard's attainment is the assessment's measures first_response_attainment and
// resolution_attainment (desk/attainment.h), read through app::AttainmentReader as the server
// does; its state now (open by status, warnings and breaches now, open load per department) is the
// LiveBoard's (desk/live_board.h) as the server reads it, or the SQL's (repo::LiveStateOf). It
// checks that both ways give the same dashboard, then for each caller and read runs, in one process
// on the same data:
//   engine   the dashboard as the server answers it: the state now from the board, the attainment
//            from the analytics engine (EngineMeasureSource after a Rebuild);
//   sql      all SQL (--analytics false, or before the rebuild);
//   live     the state now alone by SQL;
//   board    the state now alone from the board; the summary as the server answers it (its
//            figures from the board, the names by SQL).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "app/attainment_reader.h"
#include "assessment/engine_source.h"
#include "assessment/facts.h"
#include "base/clock.h"
#include "bench/measure_data.h"
#include "bench/month_close.h"
#include "calendar/zone.h"
#include "desk/live_board.h"
#include "desk/repo/facts.h"
#include "desk/repo/live.h"
#include "desk/reports.h"
#include "feedback/facts.h"
#include "org/repo.h"
#include "org/rules.h"
#include "storage/database.h"

namespace {

using namespace sqm;
using namespace sqm::bench;
using Wall = std::chrono::steady_clock;

double Ms(Wall::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Latency {
  double p50 = 0, p99 = 0, max = 0, rate = 0;
  std::size_t done = 0;
};

// Runs `read` at `rate` requests/s from `threads` threads for `seconds`, each request timed from
// when it was due.
Latency AtFixedRate(const std::function<void()>& read, double rate, double seconds, int threads) {
  const auto interval = std::chrono::duration<double>(1.0 / rate);
  const auto total = static_cast<std::size_t>(rate * seconds);
  const auto start = Wall::now() + std::chrono::milliseconds(20);
  const auto give_up = start + std::chrono::duration<double>(2 * seconds);
  std::vector<std::vector<double>> per(threads);
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&, i] {
      for (std::size_t k = i; k < total; k += threads) {
        const auto due = start + std::chrono::duration_cast<Wall::duration>(interval * double(k));
        if (Wall::now() > give_up) break;
        std::this_thread::sleep_until(due);
        read();
        per[i].push_back(Ms(Wall::now() - due));
      }
    });
  }
  for (auto& t : pool) t.join();
  const double elapsed = Ms(Wall::now() - start) / 1000;
  std::vector<double> all;
  for (auto& p : per) all.insert(all.end(), p.begin(), p.end());
  std::sort(all.begin(), all.end());
  Latency l;
  l.done = all.size();
  if (all.empty()) return l;
  auto at = [&](double q) { return all[std::min(all.size() - 1, static_cast<std::size_t>(q * all.size()))]; };
  l.p50 = at(0.5);
  l.p99 = at(0.99);
  l.max = all.back();
  l.rate = double(all.size()) / elapsed;
  return l;
}

// The median time of `read` run one at a time (at least five times, for about a second): what one
// request costs when nothing queues.
double Sequential(const std::function<void()>& read) {
  std::vector<double> times;
  const auto until = Wall::now() + std::chrono::seconds(1);
  while (times.size() < 5 || Wall::now() < until) {
    const auto start = Wall::now();
    read();
    times.push_back(Ms(Wall::now() - start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

org::Principal Caller(std::int64_t staff_id, const std::string& role, org::Scope scope) {
  org::Principal p;
  p.staff_id = staff_id;
  p.username = fmt::format("bench{}", staff_id);
  p.roles = {role};
  p.permissions = org::PermissionsOf(p.roles);
  p.scope = std::move(scope);
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it is printed, also into a pipe
  DataOptions data{.sizes = {100, 10, 100'000},
                   .url = "",
                   .dir = (std::filesystem::temp_directory_path() / "dashboard_bench").string()};
  std::string at = "2025-06-18T14:00:00+08:00";
  double rate = 500, seconds = 5;
  int threads = 2;
  std::string ways = ",engine,sql,live,board,";  // the cases to time (below): WAY or READ/WAY
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (TakeDataOption(argc, argv, i, data)) {
      continue;
    } else if (a == "--rate" && has_value) {
      rate = std::max(1.0, std::stod(argv[++i]));
    } else if (a == "--seconds" && has_value) {
      seconds = std::max(0.5, std::stod(argv[++i]));
    } else if (a == "--threads" && has_value) {
      threads = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--at" && has_value) {
      at = argv[++i];
    } else if (a == "--ways" && has_value) {
      ways = "," + std::string(argv[++i]) + ",";
    } else {
      std::cerr << "usage: dashboard_bench [--staff N] [--departments N] [--tickets N] [--db URL] [--dir DIR]"
                   " [--reuse] [--rate R] [--seconds S] [--threads T] [--at ISO-TIME] [--ways W,W...]\n";
      return 2;
    }
  }
  const auto now = ParseIsoTime(at);
  if (!now) {
    std::cerr << "--at: not a time\n";
    return 2;
  }
  data.sizes.tickets_per_job = 100'000;
  const auto prepared = PrepareDatabase(data.dir, data.url, data.reuse, data.sizes);
  if (!prepared) return 1;
  const std::string& where = *prepared;

  ManualClock clock(*now);
  storage::Database db(storage::DatabaseOptions{where, "NORMAL"}, clock);
  const calendar::Zone zone = calendar::Zone::Named("Asia/Shanghai").value();

  // The executive sees everything; the manager of division 2 its subtree.
  const auto children = db.Read([](storage::Connection& c) { return org::repo::DepartmentChildren(c); });
  const auto manager_id = db.Read(
      [](storage::Connection& c) { return c.QueryOne("SELECT min(id) FROM staff WHERE department_id = 2")->Int(0); });
  org::Scope everything{.all = true, .departments = {}};
  org::Scope division{.all = false, .departments = org::Subtree({2}, children)};
  const org::Principal executive = Caller(1, "executive", everything);
  const org::Principal manager = Caller(manager_id, "manager", division);
  fmt::print("now {} (Asia/Shanghai), the manager's scope {} departments\n", at, division.departments.size());

  assessment::FactRegistry facts;
  facts.Register(desk::repo::FactSources());
  facts.Register(feedback::FactSources());
  assessment::EngineMeasureSource engine(db, facts, zone);
  assessment::SqlMeasureSource sql(db, facts);
  auto started = Wall::now();
  if (ways.find("engine,") != std::string::npos) {  // else the engine's reader answers by the SQL
    engine.Rebuild();
    fmt::print("engine rebuilt in {:.0f} ms\n", Ms(Wall::now() - started));
  }
  desk::LiveBoard board;
  {
    const double rss = RssMb();
    started = Wall::now();
    const auto staff = db.Read([](storage::Connection& c) { return desk::repo::StaffDepartments(c); });
    board.Rebuild(
        [&](const auto& put) { db.Read([&](storage::Connection& c) { desk::repo::EachLiveTicket(c, put); }); }, staff,
        *now);
    const auto z = board.size();
    fmt::print(
        "board rebuilt in {:.0f} ms: {} live tickets ({} with a timed open timer, {} changes pending), {} groups; "
        "{:.1f} "
        "MB by its count ({:.1f} B a ticket), RSS {:+.1f} MiB to {:.0f} MiB (peak {:.0f} MiB)\n",
        Ms(Wall::now() - started), z.tickets, z.timed, z.pending, z.groups, double(z.bytes) / 1e6,
        double(z.bytes) / double(std::max<std::size_t>(1, z.tickets)), RssMb() - rss, RssMb(), RssMb("VmHWM:"));
  }
  desk::Reports reports(db, clock, zone), reports_sql(db, clock, zone);
  reports.SetAttainmentReader(app::AttainmentReader(engine));
  reports.SetLiveReader([&](const desk::repo::Visibility& v, TimeMs at) { return board.Read(v, at); });
  reports.SetComplaintReader(
      [&](const desk::repo::Visibility& v, TimeMs at, TimeMs from, TimeMs to, const std::vector<TimeMs>& weeks) {
        return board.Complaints(v, at, from, to, weeks);
      });
  reports_sql.SetAttainmentReader(app::AttainmentReader(sql));

  // The same figures both ways, for both callers: the dashboard from the engine and from the SQL
  // (they must be equal: one definition), and the summary's complaints against the nearest measure.
  for (const auto* who : {&executive, &manager}) {
    const auto e = reports.GetDashboard(*who);
    const auto q = reports_sql.GetDashboard(*who);
    if (!e.ok() || !q.ok()) std::abort();
    fmt::print("\n{}: attainment met / decided, engine (SQL)\n",
               who == &executive ? "the organisation" : "the manager");
    bool equal = e->by_department.size() == q->by_department.size();
    for (std::size_t i = 0; i < e->attainment.size(); ++i) {
      const auto &a = e->attainment[i], &b = q->attainment[i];
      fmt::print("  {:<6} first response {} / {} ({} / {}); resolution {} / {} ({} / {})\n", a.period,
                 a.first_response.met, a.first_response.total, b.first_response.met, b.first_response.total,
                 a.resolution.met, a.resolution.total, b.resolution.met, b.resolution.total);
      equal = equal && a.first_response.met == b.first_response.met &&
              a.first_response.total == b.first_response.total && a.resolution.met == b.resolution.met &&
              a.resolution.total == b.resolution.total;
    }
    for (std::size_t i = 0; equal && i < e->by_department.size(); ++i) {
      const auto &a = e->by_department[i], &b = q->by_department[i];
      equal = a.department_id == b.department_id && a.first_response_rate == b.first_response_rate &&
              a.resolution_rate == b.resolution_rate && a.open == b.open && a.breached == b.breached;
    }
    equal = equal && e->open_by_status == q->open_by_status && e->warnings_now == q->warnings_now &&
            e->breaches_now == q->breaches_now;
    fmt::print("  {} department rows, {} warned and {} breached now; engine and board = SQL: {}\n",
               e->by_department.size(), e->warnings_now, e->breaches_now, equal ? "yes" : "NO");
  }
  // The complaint summary (twelve weeks to now) from the board and from the SQL.
  for (const auto* who : {&executive, &manager}) {
    const auto b = reports.GetComplaintSummary(*who, std::nullopt, std::nullopt);
    const auto q = reports_sql.GetComplaintSummary(*who, std::nullopt, std::nullopt);
    if (!b.ok() || !q.ok()) std::abort();
    bool equal = b->counts == q->counts && b->by_category == q->by_category && b->weekly == q->weekly &&
                 b->by_department.size() == q->by_department.size() &&
                 b->repeat_complainants.size() == q->repeat_complainants.size();
    for (std::size_t i = 0; equal && i < b->by_department.size(); ++i) {
      equal = b->by_department[i].department_id == q->by_department[i].department_id &&
              b->by_department[i].count == q->by_department[i].count;
    }
    for (std::size_t i = 0; equal && i < b->repeat_complainants.size(); ++i) {
      equal = b->repeat_complainants[i].customer_id == q->repeat_complainants[i].customer_id &&
              b->repeat_complainants[i].count == q->repeat_complainants[i].count;
    }
    fmt::print("\n{}: {} complaints over twelve weeks ({} open, {} overdue, {} substantiated); board = SQL: {}\n",
               who == &executive ? "the organisation" : "the manager", b->counts.total, b->counts.open,
               b->counts.overdue, b->counts.substantiated, equal ? "yes" : "NO");
  }

  auto live_dashboard = [&](const org::Principal& who) {
    const auto v = desk::repo::VisibilityOf(who);
    db.Read([&](storage::Connection& c) { return desk::repo::LiveStateOf(c, v, *now); });
  };
  struct Case {
    std::string read, caller, way;
    std::function<void()> run;
  };
  std::vector<Case> cases;
  for (const auto* who : {&executive, &manager}) {
    const std::string caller = who == &executive ? "executive" : "manager";
    cases.push_back({"dashboard", caller, "engine", [&, who] {
                       if (!reports.GetDashboard(*who).ok()) std::abort();
                     }});
    cases.push_back({"dashboard", caller, "sql", [&, who] {
                       if (!reports_sql.GetDashboard(*who).ok()) std::abort();
                     }});
    cases.push_back({"dashboard", caller, "live", [&, who] { live_dashboard(*who); }});
    cases.push_back({"dashboard", caller, "board", [&, who] { board.Read(desk::repo::VisibilityOf(*who), *now); }});
    cases.push_back({"summary", caller, "board", [&, who] {
                       if (!reports.GetComplaintSummary(*who, std::nullopt, std::nullopt).ok()) std::abort();
                     }});
    cases.push_back({"summary", caller, "sql", [&, who] {
                       if (!reports_sql.GetComplaintSummary(*who, std::nullopt, std::nullopt).ok()) std::abort();
                     }});
  }
  fmt::print("\n{} requests/s for {} s from {} threads, latency from when each request was due\n", rate, seconds,
             threads);
  fmt::print("{:<10} {:<10} {:<7} {:>10} {:>10} {:>10} {:>10} {:>8}\n", "read", "caller", "way", "one (ms)", "p50 (ms)",
             "p99 (ms)", "max (ms)", "req/s");
  for (const Case& c : cases) {
    if (ways.find("," + c.way + ",") == std::string::npos &&
        ways.find("," + c.read + "/" + c.way + ",") == std::string::npos) {
      continue;
    }
    const double single = Sequential(c.run);
    const Latency l = AtFixedRate(c.run, rate, seconds, threads);
    fmt::print("{:<10} {:<10} {:<7} {:>10.2f} {:>10.2f} {:>10.2f} {:>10.2f} {:>8.0f}{}\n", c.read, c.caller, c.way,
               single, l.p50, l.p99, l.max, l.rate,
               l.done < static_cast<std::size_t>(rate * seconds)
                   ? fmt::format("  ({} of {} issued: fell behind)", l.done, std::size_t(rate * seconds))
                   : "");
  }
  return 0;
}
