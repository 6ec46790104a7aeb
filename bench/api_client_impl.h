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

}  // namespace sqm::bench
