// Soak: a bounded mixed load against one `sqm serve` for a long time (30 minutes by default),
// printing, per interval, the requests answered, errors, p50 and p99 latency, the server's
// resident memory (VmRSS) and the database's size. Memory must stay flat while the data grows.
//
//   build/bench/soak_bench [--minutes 30] [--interval 60] [--rate 60] [--clients 8] [--sqm build/sqm]
//
// The load is paced (at most --rate requests per second over all clients, so it is the same on a
// fast and a slow machine): per client, in turn, register an incident, read the ticket list, read
// the ticket, respond to it, read the dashboard, resolve it, read the audit log, read the complaint
// summary, search customers, read notifications. Latency is measured per request, from send to
// the end of the answer.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "api_client.h"

using namespace sqm::bench;
using Clock = std::chrono::steady_clock;

namespace {

long RssKiB(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

long long FolderBytes(const std::string& dir) {
  long long total = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file()) total += static_cast<long long>(e.file_size());
  }
  return total;
}

struct Interval {
  std::vector<double> latencies;
  long errors = 0;
};

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(v.size() * p))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string sqm = "build/sqm";
  double minutes = 30, interval_s = 60, rate = 60;
  int clients = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--minutes") minutes = std::stod(argv[i + 1]);
    if (a == "--interval") interval_s = std::stod(argv[i + 1]);
    if (a == "--rate") rate = std::stod(argv[i + 1]);
    if (a == "--clients") clients = std::stoi(argv[i + 1]);
    if (a == "--sqm") sqm = argv[i + 1];
  }
  auto server = StartServer(sqm, {"--synchronous", "FULL"}, {"--workers", std::to_string(clients + 4)});
  std::string create;
  {
    Client setup(server.port, "agent", "Demo-pass-2026");
    create = IncidentJson(setup, "soak");
  }

  const auto start = Clock::now();
  const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(minutes * 60));
  const auto gap = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(clients / rate));
  std::mutex mu;
  Interval current;
  std::atomic<bool> stop{false};
  std::vector<std::thread> workers;
  for (int t = 0; t < clients; ++t) {
    workers.emplace_back([&, t] {
      Client c(server.port, "admin", "Demo-pass-2026");
      std::int64_t ticket = 0;
      auto next = start + gap * t / clients;
      for (long i = 0; !stop; ++i) {
        std::this_thread::sleep_until(next);
        next += gap;
        const auto a = Clock::now();
        int status = 0;
        switch (i % 10) {
          case 0:
            status = c.Post("/api/v1/tickets", create);
            if (status == 201) ticket = boost::json::parse(c.body()).at("id").as_int64();
            break;
          case 1: status = c.Get("/api/v1/tickets?limit=50"); break;
          case 2: status = c.Get(fmt::format("/api/v1/tickets/{}", ticket)); break;
          case 3:
            status = c.Post(fmt::format("/api/v1/tickets/{}/actions/respond", ticket), R"({"note":"soak"})");
            break;
          case 4: status = c.Get("/api/v1/desk/dashboard"); break;
          case 5:
            status = c.Post(fmt::format("/api/v1/tickets/{}/actions/resolve", ticket), R"({"note":"soak"})");
            break;
          case 6: status = c.Get("/api/v1/events?limit=50"); break;
          case 7: status = c.Get("/api/v1/complaints/summary"); break;
          case 8: status = c.Get("/api/v1/customers?q=139&limit=20"); break;
          default: status = c.Get("/api/v1/notifications?limit=20"); break;
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - a).count();
        std::lock_guard lock(mu);
        current.latencies.push_back(ms);
        if (status < 200 || status >= 300) {
          if (current.errors++ == 0) std::fprintf(stderr, "request %ld: %d %s\n", i % 10, status, c.body().c_str());
        }
      }
    });
  }

  std::printf("soak: %d clients, at most %g requests/s, %g minutes, synchronous=FULL\n", clients, rate, minutes);
  std::printf("%8s %10s %7s %8s %8s %9s %9s\n", "minute", "requests", "errors", "p50 ms", "p99 ms", "RSS MiB",
              "DB MiB");
  long first_rss = 0, last_rss = 0, peak_rss = 0, total = 0, errors = 0;
  for (auto at = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(interval_s));
       at <= end; at += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(interval_s))) {
    std::this_thread::sleep_until(at);
    Interval done;
    {
      std::lock_guard lock(mu);
      std::swap(done, current);
    }
    const long rss = RssKiB(server.pid);
    if (first_rss == 0) first_rss = rss;
    last_rss = rss;
    peak_rss = std::max(peak_rss, rss);
    total += static_cast<long>(done.latencies.size());
    errors += done.errors;
    std::printf("%8.1f %10zu %7ld %8.2f %8.2f %9.1f %9.1f\n", std::chrono::duration<double>(at - start).count() / 60,
                done.latencies.size(), done.errors, Percentile(done.latencies, 0.5), Percentile(done.latencies, 0.99),
                rss / 1024.0, FolderBytes(server.dir) / 1048576.0);
    std::fflush(stdout);
  }
  stop = true;
  for (auto& w : workers) w.join();
  StopServer(server);
  std::printf("requests %ld, errors %ld; RSS first interval %.1f MiB, last %.1f MiB (x%.2f), peak %.1f MiB\n", total,
              errors, first_rss / 1024.0, last_rss / 1024.0, first_rss ? 1.0 * last_rss / first_rss : 0.0,
              peak_rss / 1024.0);
  return errors == 0 ? 0 : 1;
}
