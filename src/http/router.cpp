#include "http/router.h"

#include <algorithm>
#include <stdexcept>

namespace sqm::http {

namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 1;
  while (i <= path.size()) {
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool IsParam(const std::string& seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

}  // namespace

void Router::Add(std::string method, std::string pattern, std::string permission, Handler handler,
                 RouteOptions options) {
  if (pattern.empty() || pattern[0] != '/') throw std::logic_error("route pattern must start with '/': " + pattern);
  for (const auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) throw std::logic_error("duplicate route " + method + " " + pattern);
  }
  auto segments = Split(pattern);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(permission), std::move(handler),
                          std::move(segments), options});
}

RouteOptions Router::OptionsFor(std::string_view method, std::string_view target) const {
  std::map<std::string, std::string, std::less<>> params;
  const auto match = Find(method, target.substr(0, target.find('?')), params);
  return match.route ? match.route->options : RouteOptions{};
}

std::size_t Router::LargestBody() const {
  std::size_t largest = 0;
  for (const auto& r : routes_) largest = std::max(largest, r.options.max_body_bytes);
  return largest;
}

Router::Match Router::Find(std::string_view method, std::string_view path,
                           std::map<std::string, std::string, std::less<>>& params) const {
  Match m;
  if (path.empty() || path[0] != '/') return m;
  const auto segs = Split(path);
  int best_literals = -1;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    int literals = 0;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      if (IsParam(r.segments[i])) {
        ok = !segs[i].empty();
      } else {
        ok = r.segments[i] == segs[i];
        ++literals;
      }
    }
    if (!ok) continue;
    if (r.method != method) {
      m.path_known = true;
      m.allowed += (m.allowed.empty() ? "" : ", ") + r.method;
      continue;
    }
    if (literals > best_literals) {  // "/staff/import" wins over "/staff/{id}"
      best_literals = literals;
      m.route = &r;
    }
  }
  if (m.route) {
    params.clear();
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const auto& seg = m.route->segments[i];
      if (IsParam(seg)) params[seg.substr(1, seg.size() - 2)] = segs[i];
    }
  }
  return m;
}

}  // namespace sqm::http
