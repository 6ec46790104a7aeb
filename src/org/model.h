// Organisation: departments (a tree), accounts (staff and customers who sign in), roles,
// permissions, sessions and API tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/clock.h"

namespace sqm::org {

using Id = std::int64_t;

struct Department {
  Id id = 0;
  std::optional<Id> parent_id;
  std::string name;
  std::optional<std::string> code;
  bool active = true;
  std::int64_t staff_count = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

struct Staff {
  Id id = 0;
  std::string username;
  std::string display_name;
  std::optional<Id> department_id;
  std::string department_name;
  std::string title;
  std::string email;
  std::string phone;
  std::vector<std::string> roles;
  std::vector<Id> scope_department_ids;  // evaluators: the departments they were engaged for
  bool active = true;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

// The departments a caller may see: everything, or the listed departments (already expanded to
// whole subtrees).
struct Scope {
  bool all = false;
  std::set<Id> departments;
  bool Contains(std::optional<Id> department) const { return all || (department && departments.contains(*department)); }
};

// Who is calling, resolved from a session cookie or a bearer token.
struct Principal {
  Id staff_id = 0;
  std::string username;
  std::string display_name;
  std::optional<Id> department_id;
  std::vector<std::string> roles;
  std::set<std::string> permissions;  // already narrowed to the token's scopes for API tokens
  Scope scope;
  std::string csrf_token;  // empty for API tokens
  bool via_token = false;

  bool Can(std::string_view permission) const { return permissions.contains(std::string(permission)); }

  // sqm itself acting (the command line, the demo, a replay): an administrator over every
  // department, named "system" in the event log. It holds no route permissions: it never calls
  // through HTTP.
  static Principal System() {
    Principal p;
    p.username = "system";
    p.display_name = "system";
    p.roles = {"admin"};
    p.scope.all = true;
    return p;
  }
};

struct ApiToken {
  Id id = 0;
  Id staff_id = 0;
  std::string name;
  std::vector<std::string> scopes;
  TimeMs created_at = 0;
  std::optional<TimeMs> expires_at;
  std::optional<TimeMs> revoked_at;
  std::optional<TimeMs> last_used_at;
};

}  // namespace sqm::org
