// Durable ticket writes through the API: each client registers an incident, responds to it and
// resolves it (three writes, each with SLA timers and events, each committed before the answer).
// The same load runs against SQLite (synchronous=FULL, group commit) and PostgreSQL (fsync on)
// with one server and with three servers on one database, side by side in one run; client and
// servers share the machine.
//
//   build/bench/ticket_write_bench [--seconds 10] [--clients 16] [--sqm build/sqm] [--no-postgres]
//
// Run from the repository root (the PostgreSQL cluster is started with scripts/pg.sh).
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "api_client.h"

using namespace sqm::bench;

int main(int argc, char** argv) {
  std::string sqm = "build/sqm";
  double seconds = 10;
  int clients = 16;
  bool postgres = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-postgres") postgres = false;
    if (i + 1 >= argc) continue;
    if (a == "--seconds") seconds = std::stod(argv[i + 1]);
    if (a == "--clients") clients = std::stoi(argv[i + 1]);
    if (a == "--sqm") sqm = argv[i + 1];
  }
  std::printf("ticket writes (register, respond, resolve; each committed before the answer), %d clients, %.0f s each\n",
              clients, seconds);
  const CompareOptions options{.sqm = sqm, .clients = clients, .sqlite_per_write = false, .postgres = postgres};
  const auto deployments = CompareDeployments(options, [&](const std::vector<int>& ports) {
    std::string create;
    {
      Client setup(ports.front(), "agent", "Demo-pass-2026");
      create = IncidentJson(setup, "bench");
    }
    // One "request" of the load is one of the three writes, in order per client.
    std::vector<std::int64_t> current(clients, 0);
    return RunLoad(ports, clients, seconds, [&](Client& c, int t, long i) {
      switch (i % 3) {
        case 0: {
          const int s = c.Post("/api/v1/tickets", create);
          if (s == 201) current[t] = boost::json::parse(c.body()).at("id").as_int64();
          return s;
        }
        case 1: return c.Post(fmt::format("/api/v1/tickets/{}/actions/respond", current[t]), R"({"note":"on it"})");
        default: return c.Post(fmt::format("/api/v1/tickets/{}/actions/resolve", current[t]), R"({"note":"done"})");
      }
    });
  });
  std::printf("(tickets/s = writes/s / 3)\n");
  return PrintDeployments(deployments) == 0 ? 0 : 1;
}
