// The live engine on the bench data (bench/measure_data.h, README.md "The live engine"): how long
// a rebuild takes, how many ticket events a second the tail applies (each one reads the ticket's
// facts in every source again and applies the difference: AnalyticsTail's work per ticket event),
// and the ledger's bytes per tracked fact. Not a timed test; run by hand:
//
//   build/bench/analytics_live_bench [--tickets N] [--staff N] [--departments N] [--db URL]
//                                    [--dir DIR] [--reuse] [--refreshes N]
//
// --dir DIR --reuse reads the database another bench generated there (assessment_bench --scale L
// --dir DIR): the tail's changes are undone at the end, so the data is left as it was.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "assessment/engine_source.h"
#include "bench/measure_data.h"
#include "bench/month_close.h"
#include "desk/repo/facts.h"
#include "feedback/facts.h"
#include "improvement/facts.h"
#include "inspection/facts.h"

using namespace sqm;
using Wall = std::chrono::steady_clock;

namespace {

double Seconds(Wall::time_point since) {
  return std::chrono::duration<double>(Wall::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it is printed, also into a file
  bench::DataOptions data{
      .sizes = {}, .url = "", .dir = (std::filesystem::temp_directory_path() / "analytics_live_bench").string()};
  int refreshes = 5000;
  for (int i = 1; i < argc; ++i) {
    if (bench::TakeDataOption(argc, argv, i, data)) continue;
    if (std::string(argv[i]) == "--refreshes" && i + 1 < argc) {
      refreshes = std::stoi(argv[++i]);
    } else {  // --help too: print how to run it rather than run it with the defaults
      std::fprintf(stderr,
                   "usage: analytics_live_bench [--tickets N] [--staff N] [--departments N] [--db URL] [--dir DIR]"
                   " [--reuse] [--refreshes N]\n");
      return 2;
    }
  }
  auto started = Wall::now();
  const auto where = bench::PrepareDatabase(data.dir, data.url, data.reuse, data.sizes);
  if (!where) return 1;
  SystemClock clock;
  storage::Database db(storage::DatabaseOptions{*where, "NORMAL"}, clock);
  const long long tickets =
      db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM tickets")->Int(0); });
  std::printf("data: %lld tickets (%.1f s)\n", tickets, Seconds(started));

  assessment::FactRegistry registry;
  registry.Register(desk::repo::FactSources());
  registry.Register(feedback::FactSources());
  registry.Register(inspection::FactSources());
  registry.Register(improvement::FactSources());
  assessment::EngineMeasureSource engine(db, registry, calendar::Zone::Named("Asia/Shanghai").value());

  started = Wall::now();
  engine.Rebuild();
  const double rebuild = Seconds(started);
  const auto size = engine.Report();
  const auto tracked = engine.Tracked();
  std::printf(
      "rebuild: %.2f s; store %zu subjects, %.1f MB; ledger %zu facts, %.1f MB, %.0f B per fact; RSS %.0f MiB (peak "
      "%.0f)\n",
      rebuild, size.subjects, size.bytes / 1e6, tracked.facts, tracked.bytes / 1e6,
      static_cast<double>(tracked.bytes) / static_cast<double>(std::max<std::size_t>(1, tracked.facts)), bench::RssMb(),
      bench::RssMb("VmHWM:"));

  // Ticket events: half the tickets changed (reopened once more, undone at the end), half as they were.
  const int n = static_cast<int>(std::min<long long>(refreshes, tickets));
  const auto reopen = [&](int by) {
    return db.Write("bench", [&](storage::WriteTx& tx) -> Status {
      return tx.db().Exec("UPDATE tickets SET reopen_count = reopen_count + ? WHERE id % 2 = 0 AND id <= ?",
                          {static_cast<std::int64_t>(by), static_cast<std::int64_t>(n)});
    });
  };
  if (!reopen(+1).ok()) return 1;
  started = Wall::now();
  int refused = 0;
  for (std::int64_t id = 1; id <= n; ++id) refused += engine.RefreshTicket(id) ? 0 : 1;
  const double tail = Seconds(started);
  std::printf("tail: %d ticket events in %.2f s = %.0f events/s (%d refused); RSS %.0f MiB\n", n, tail, n / tail,
              refused, bench::RssMb());
  if (!reopen(-1).ok()) return 1;
  return refused == 0 ? 0 : 1;
}
