// Template part of api_client.h.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace sqm::bench {

template <typename F>
LoadResult RunLoad(const std::vector<int>& ports, int threads, double seconds, F request) {
  std::vector<std::unique_ptr<Client>> clients;
  for (int t = 0; t < threads; ++t) {
    clients.push_back(std::make_unique<Client>(ports[t % ports.size()], "admin", "Demo-pass-2026"));
  }
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<double> latencies;
  LoadResult result;
  std::atomic<long> ok{0}, failed{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::vector<double> mine;
      for (long i = 0; !stop; ++i) {
        const auto a = std::chrono::steady_clock::now();
        const int status = request(*clients[t], t, i);
        mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
        (status >= 200 && status < 300 ? ok : failed)++;
      }
      std::lock_guard lock(mu);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.ok = ok;
  result.failed = failed;
  std::sort(latencies.begin(), latencies.end());
  if (!latencies.empty()) {
    result.p50_ms = latencies[latencies.size() / 2];
    result.p99_ms = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
  }
  return result;
}

template <typename F>
std::vector<Deployment> CompareDeployments(const CompareOptions& o, F load) {
  std::vector<Deployment> out;
  const std::string workers = std::to_string(o.clients + 4);
  for (bool group : {true, false}) {
    if (!group && !o.sqlite_per_write) continue;
    auto server = StartServer(o.sqm, {"--synchronous", "FULL", "--group-commit", group ? "true" : "false"},
                              {"--workers", workers});
    out.push_back(
        {group ? "SQLite, group commit" : "SQLite, commit per write", 1, load(std::vector<int>{server.port})});
    StopServer(server);
  }
  if (!o.postgres) return out;
  PgCluster cluster;
  for (int servers : {1, 3}) {
    const std::string url = cluster.NewDatabase();
    SeedDemo(o.sqm, url, {});
    std::vector<ServerProcess> running;
    std::vector<int> ports;
    for (int i = 0; i < servers; ++i) {
      running.push_back(Serve(o.sqm, url, {}, {"--workers", std::to_string(o.clients / servers + 4)}));
      ports.push_back(running.back().port);
    }
    out.push_back({"PostgreSQL", servers, load(ports)});
    for (auto& s : running) StopServer(s);
  }
  return out;
}

}  // namespace sqm::bench
