#include "http/metrics.h"

#include <fmt/format.h>

namespace sqm::http {

namespace {
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}
}  // namespace

void Metrics::Observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  auto& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render(const std::map<std::string, double>& gauges) const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP sqm_http_requests_total HTTP requests by route pattern and status.\n";
  out += "# TYPE sqm_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out += fmt::format("sqm_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", Escape(key.first), key.second, n);
  }
  out += "# HELP sqm_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE sqm_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const auto r = Escape(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("sqm_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", r, kBuckets[i],
                         h.buckets[i]);
    }
    out += fmt::format("sqm_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", r, h.count);
    out += fmt::format("sqm_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", r, h.sum);
    out += fmt::format("sqm_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", r, h.count);
  }
  for (const auto& [name, value] : gauges) {
    out += fmt::format("# TYPE {} gauge\n{} {}\n", name, name, value);
  }
  return out;
}

}  // namespace sqm::http
