// Durable ticket writes through the API: each client registers an incident, responds to it and
// resolves it (three writes, each with SLA timers and events, each committed before the answer),
// against `sqm serve` with synchronous=FULL and group commit, 2 cores shared with the clients.
//
//   build/bench/ticket_write_bench [--seconds 10] [--clients 16] [--sqm build/sqm]
#include <cstdio>
#include <mutex>
#include <string>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "api_client.h"

using namespace sqm::bench;

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
  auto server = StartServer(sqm, {"--synchronous", "FULL"}, {"--workers", std::to_string(clients + 4)});
  std::string create;
  {
    Client setup(server.port, "agent", "Demo-pass-2026");
    create = IncidentJson(setup, "bench");
  }
  std::mutex mu;
  std::int64_t tickets = 0;
  // One "request" in the load loop is one of the three writes, in order per client.
  std::vector<std::int64_t> current(clients, 0);
  auto result = RunLoad(server.port, clients, seconds, [&](Client& c, int t, long i) {
    switch (i % 3) {
      case 0: {
        const int s = c.Post("/api/v1/tickets", create);
        if (s == 201) {
          current[t] = boost::json::parse(c.body()).at("id").as_int64();
          std::lock_guard lock(mu);
          ++tickets;
        }
        return s;
      }
      case 1: return c.Post(fmt::format("/api/v1/tickets/{}/actions/respond", current[t]), R"({"note":"on it"})");
      default: return c.Post(fmt::format("/api/v1/tickets/{}/actions/resolve", current[t]), R"({"note":"done"})");
    }
  });
  StopServer(server);
  std::printf("ticket writes (create, respond, resolve), synchronous=FULL, group commit, %d clients, %.0f s\n", clients,
              seconds);
  std::printf("%10s %12s %9s %9s %7s\n", "writes/s", "tickets/s", "p50 ms", "p99 ms", "errors");
  std::printf("%10.0f %12.0f %9.2f %9.2f %7ld\n", result.per_second(), tickets / result.seconds, result.p50_ms,
              result.p99_ms, result.failed);
  return result.failed == 0 ? 0 : 1;
}
