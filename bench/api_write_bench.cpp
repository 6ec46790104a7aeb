// Durable JSON writes through the API: the same load against `sqm serve` with
// synchronous=FULL, with group commit and without it, side by side in one run.
//
//   build/bench/api_write_bench [--seconds 10] [--clients 16] [--sqm build/sqm]
//
// Each request is an authenticated POST /api/v1/departments (validation, one INSERT, one
// hash-chained event, a commit before the answer).
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "api_client.h"

using namespace sqm::bench;

namespace {

LoadResult Measure(const std::string& sqm, bool group_commit, int clients, double seconds) {
  auto server = StartServer(sqm, {"--synchronous", "FULL", "--group-commit", group_commit ? "true" : "false"},
                            {"--workers", std::to_string(clients + 4)});
  auto result = RunLoad(server.port, clients, seconds, [&](Client& c, int t, long i) {
    return c.Post("/api/v1/departments", fmt::format(R"({{"name":"bench {}-{}","parent_id":1}})", t, i));
  });
  StopServer(server);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  std::string sqm = "build/sqm";
  double seconds = 10;
  int clients = 16;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--seconds") seconds = std::stod(argv[i + 1]);
    if (a == "--clients") clients = std::stoi(argv[i + 1]);
    if (a == "--sqm") sqm = argv[i + 1];
  }
  std::printf("authenticated JSON writes, synchronous=FULL, %d clients, %.0f s each\n", clients, seconds);
  std::printf("%-22s %10s %9s %9s %7s\n", "mode", "writes/s", "p50 ms", "p99 ms", "errors");
  const auto on = Measure(sqm, true, clients, seconds);
  const auto off = Measure(sqm, false, clients, seconds);
  for (const auto& [name, r] : {std::pair{"group commit", on}, std::pair{"one commit per write", off}}) {
    std::printf("%-22s %10.0f %9.2f %9.2f %7ld\n", name, r.per_second(), r.p50_ms, r.p99_ms, r.failed);
  }
  std::printf("group commit / per-write commit: %.2fx writes/s, p99 %.2fx\n", on.per_second() / off.per_second(),
              on.p99_ms / off.p99_ms);
  return on.failed + off.failed == 0 ? 0 : 1;
}
