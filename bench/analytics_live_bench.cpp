// The live engine on the bench data (bench/measure_data.h, README.md "The live engine"): how long
// a rebuild takes, how many ticket events a second the tail applies (each one reads the ticket's
// facts in every source again and applies the difference: AnalyticsTail's work per ticket event),
// and the ledger's bytes per tracked fact. Not a timed test; run by hand:
//
//   build/bench/analytics_live_bench [--tickets N] [--staff N] [--departments N] [--db URL]
//                                    [--refreshes N]
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
  bench::Sizes sizes;
  std::string url;
  int refreshes = 5000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--tickets") sizes.tickets = std::stoi(argv[i + 1]);
    if (a == "--staff") sizes.staff = std::stoi(argv[i + 1]);
    if (a == "--departments") sizes.departments = std::max(2, std::stoi(argv[i + 1]));
    if (a == "--db") url = argv[i + 1];
    if (a == "--refreshes") refreshes = std::stoi(argv[i + 1]);
  }
  const auto file = std::filesystem::temp_directory_path() / "analytics_live_bench.db";
  if (url.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  }
  SystemClock clock;
  storage::Database db(storage::DatabaseOptions{url.empty() ? file.string() : url, "NORMAL"}, clock);
  db.Migrate();
  std::vector<std::int64_t> department_of;
  auto started = Wall::now();
  if (!bench::WriteOrganisation(db, sizes, department_of).ok()) return 1;
  auto counts = bench::WriteTickets(db, sizes, department_of);
  if (!counts.ok()) return 1;
  std::printf("data: %d staff, %d departments, %lld tickets, %lld timers, %lld callbacks, %lld transfers (%.1f s)\n",
              sizes.staff, sizes.departments, counts->tickets, counts->timers, counts->callbacks, counts->transfers,
              Seconds(started));

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

  // Ticket events: half the tickets changed (reopened once more), half as they were.
  const int n = std::min<long long>(refreshes, counts->tickets);
  auto st = db.Write("bench", [&](storage::WriteTx& tx) -> Status {
    return tx.db().Exec("UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id % 2 = 0 AND id <= ?",
                        {static_cast<std::int64_t>(n)});
  });
  if (!st.ok()) return 1;
  started = Wall::now();
  int refused = 0;
  for (std::int64_t id = 1; id <= n; ++id) refused += engine.RefreshTicket(id) ? 0 : 1;
  const double tail = Seconds(started);
  std::printf("tail: %d ticket events in %.2f s = %.0f events/s (%d refused)\n", n, tail, n / tail, refused);
  return refused == 0 ? 0 : 1;
}
