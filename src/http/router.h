// The route table. Every route names the permission it needs (org::kPublic, org::kAuthenticated
// or a permission such as "org.read"); the pipeline enforces it before the handler runs.
// Routes are added explicitly from each module's routes.cpp by the composition root.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace sqm::http {

using Handler = std::function<Response(Request&)>;

inline constexpr std::string_view kJsonBody = "application/json";

// What a route needs beyond the defaults.
struct RouteOptions {
  // For routes that take larger bodies than the server's default (file uploads, bulk feeds):
  // the largest body and the longest time reading it may take (the server also cuts a body that
  // arrives slower than its minimum rate; see ServerOptions). 0 keeps the server's setting, and
  // a server setting larger than the route's wins.
  std::size_t max_body_bytes = 0;
  int read_timeout_s = 0;
  // The handler keeps Idempotency-Key itself, inside its own transaction; the pipeline's
  // generic handling (http/idempotency.h) stays out of its way.
  bool own_idempotency_key = false;
  // File uploads: the server writes the body to an anonymous temporary file as it arrives
  // (Request::body_file, in ServerOptions::upload_dir) instead of holding it in memory.
  bool body_to_file = false;
  // The media types a body may have, space-separated, in lower case ("text/csv application/csv");
  // a body of another Content-Type gets 415 before it is read.
  std::string_view body_types = kJsonBody;
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/departments/{id}"
  std::string permission;
  Handler handler;
  std::vector<std::string> segments;
  RouteOptions options;
};

class Router {
 public:
  // REQUIRES: no route with the same method and pattern yet; `pattern` starts with '/'.
  void Add(std::string method, std::string pattern, std::string permission, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path with another method (405)
    std::string allowed;      // those methods: the Allow header of a 405
  };
  // Fills `params` on a match.
  Match Find(std::string_view method, std::string_view path,
             std::map<std::string, std::string, std::less<>>& params) const;

  // The options of the route a request line names ({} when none matches); the server reads
  // the body limits once the headers are in, before the body.
  RouteOptions OptionsFor(std::string_view method, std::string_view target) const;
  std::size_t LargestBody() const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace sqm::http
