// Durable JSON writes through the API: the same load against `sqm serve` on SQLite
// (synchronous=FULL, with group commit and without it) and on PostgreSQL (fsync on; one server,
// then three servers on one database behind a round-robin "load balancer"), side by side in one run.
//
//   build/bench/api_write_bench [--seconds 10] [--clients 16] [--sqm build/sqm] [--no-postgres]
//
// Run from the repository root (the PostgreSQL cluster is started with scripts/pg.sh). Each
// request is an authenticated POST /api/v1/departments (validation, one INSERT, one hash-chained
// event, a commit before the answer).
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "api_client.h"

using namespace sqm::bench;

namespace {

struct Mode {
  std::string name;
  int servers = 1;
  LoadResult result;
};

LoadResult Load(const std::vector<int>& ports, int clients, double seconds) {
  return RunLoad(ports, clients, seconds, [&](Client& c, int t, long i) {
    return c.Post("/api/v1/departments", fmt::format(R"({{"name":"bench {}-{}","parent_id":1}})", t, i));
  });
}

LoadResult MeasureSqlite(const std::string& sqm, bool group_commit, int clients, double seconds) {
  auto server = StartServer(sqm, {"--synchronous", "FULL", "--group-commit", group_commit ? "true" : "false"},
                            {"--workers", std::to_string(clients + 4)});
  auto result = Load({server.port}, clients, seconds);
  StopServer(server);
  return result;
}

LoadResult MeasurePostgres(const std::string& sqm, PgCluster& cluster, int servers, int clients, double seconds) {
  const std::string url = cluster.NewDatabase();
  SeedDemo(sqm, url, {});
  std::vector<ServerProcess> running;
  std::vector<int> ports;
  for (int i = 0; i < servers; ++i) {
    running.push_back(Serve(sqm, url, {}, {"--workers", std::to_string(clients / servers + 4)}));
    ports.push_back(running.back().port);
  }
  auto result = Load(ports, clients, seconds);
  for (auto& s : running) StopServer(s);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  std::string sqm = "build/sqm";
  double seconds = 10;
  int clients = 16;
  bool postgres = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-postgres") postgres = false;
    if (i + 1 >= argc) continue;
    if (a == "--seconds") seconds = std::stod(argv[i + 1]);
    if (a == "--clients") clients = std::stoi(argv[i + 1]);
    if (a == "--sqm") sqm = argv[i + 1];
  }
  std::printf("authenticated JSON writes, durable commits, %d clients, %.0f s each\n", clients, seconds);
  std::vector<Mode> modes;
  modes.push_back({"SQLite, group commit", 1, MeasureSqlite(sqm, true, clients, seconds)});
  modes.push_back({"SQLite, commit per write", 1, MeasureSqlite(sqm, false, clients, seconds)});
  if (postgres) {
    PgCluster cluster;
    modes.push_back({"PostgreSQL", 1, MeasurePostgres(sqm, cluster, 1, clients, seconds)});
    modes.push_back({"PostgreSQL", 3, MeasurePostgres(sqm, cluster, 3, clients, seconds)});
  }
  std::printf("%-26s %7s %10s %9s %9s %7s\n", "mode", "servers", "writes/s", "p50 ms", "p99 ms", "errors");
  long failed = 0;
  for (const auto& m : modes) {
    std::printf("%-26s %7d %10.0f %9.2f %9.2f %7ld\n", m.name.c_str(), m.servers, m.result.per_second(),
                m.result.p50_ms, m.result.p99_ms, m.result.failed);
    failed += m.result.failed;
  }
  const auto& base = modes.front().result;
  for (std::size_t i = 1; i < modes.size(); ++i) {
    std::printf("%s (%d) / SQLite group commit: %.2fx writes/s, p99 %.2fx\n", modes[i].name.c_str(), modes[i].servers,
                modes[i].result.per_second() / base.per_second(), modes[i].result.p99_ms / base.p99_ms);
  }
  return failed == 0 ? 0 : 1;
}
