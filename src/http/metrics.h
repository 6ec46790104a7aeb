// Prometheus metrics: requests by route and status, a latency histogram per route.
// Thread-safe.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace sqm::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};
  void Observe(const std::string& route, int status, double seconds);
  // Text exposition format; `gauges` are added as they are (name -> value).
  std::string Render(const std::map<std::string, double>& gauges) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace sqm::http
