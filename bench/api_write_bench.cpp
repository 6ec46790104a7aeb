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
  const auto deployments =
      CompareDeployments({.sqm = sqm, .clients = clients, .postgres = postgres}, [&](const std::vector<int>& ports) {
        return RunLoad(ports, clients, seconds, [&](Client& c, int t, long i) {
          return c.Post("/api/v1/departments", fmt::format(R"({{"name":"bench {}-{}","parent_id":1}})", t, i));
        });
      });
  return PrintDeployments(deployments) == 0 ? 0 : 1;
}
