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

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/departments/{id}"
  std::string permission;
  Handler handler;
  std::vector<std::string> segments;
};

class Router {
 public:
  // REQUIRES: no route with the same method and pattern yet; `pattern` starts with '/'.
  void Add(std::string method, std::string pattern, std::string permission, Handler handler);

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path with another method (405)
    std::string allowed;      // those methods: the Allow header of a 405
  };
  // Fills `params` on a match.
  Match Find(std::string_view method, std::string_view path,
             std::map<std::string, std::string, std::less<>>& params) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace sqm::http
