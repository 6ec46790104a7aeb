#include "org/rules.h"

#include <algorithm>
#include <cctype>

#include "base/json.h"

namespace sqm::org {

namespace {

struct RoleDef {
  std::string role;
  std::vector<std::string> permissions;
};

const std::vector<RoleDef>& Roles() {
  const std::string org_read(kOrgRead), org_write(kOrgWrite), audit(kAuditRead), tokens(kTokensManage),
      t_read(kTicketRead), t_write(kTicketWrite), c_write(kCustomerWrite), report(kDeskReport), sla(kSlaManage),
      portal(kPortal);
  static const std::vector<RoleDef> kRoles = {
      {"admin", {org_read, org_write, audit, tokens, t_read, t_write, c_write, report, sla}},
      {"quality", {org_read, audit, t_read, t_write, report, sla}},
      {"executive", {org_read, audit, t_read, report}},
      {"manager", {org_read, t_read, t_write, c_write, report}},
      {"agent", {t_read, t_write, c_write}},
      {"engineer", {t_read, t_write}},
      {"evaluator", {t_read}},
      {"customer", {portal}},
  };
  return kRoles;
}

bool HasRole(const std::vector<std::string>& roles, std::string_view role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> kAll = [] {
    std::vector<std::string> v;
    for (const auto& r : Roles()) v.push_back(r.role);
    return v;
  }();
  return kAll;
}

bool IsRole(std::string_view role) {
  return HasRole(AllRoles(), role);
}

const std::vector<std::string>& AllPermissions() {
  static const std::vector<std::string> kAll = [] {
    std::set<std::string> s;
    for (const auto& r : Roles()) s.insert(r.permissions.begin(), r.permissions.end());
    return std::vector<std::string>(s.begin(), s.end());
  }();
  return kAll;
}

std::set<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& r : Roles()) {
    if (HasRole(roles, r.role)) out.insert(r.permissions.begin(), r.permissions.end());
  }
  return out;
}

std::set<Id> Subtree(const std::vector<Id>& roots, const std::multimap<Id, Id>& children) {
  std::set<Id> out;
  std::vector<Id> stack(roots.begin(), roots.end());
  while (!stack.empty()) {
    Id d = stack.back();
    stack.pop_back();
    if (!out.insert(d).second) continue;
    auto [b, e] = children.equal_range(d);
    for (auto it = b; it != e; ++it) stack.push_back(it->second);
  }
  return out;
}

bool SeesEverything(const std::vector<std::string>& roles) {
  return HasRole(roles, "admin") || HasRole(roles, "quality") || HasRole(roles, "executive");
}

Scope ScopeOf(const std::vector<std::string>& roles, std::optional<Id> own_department, const std::vector<Id>& assigned,
              const std::multimap<Id, Id>& children) {
  Scope s;
  if (SeesEverything(roles)) {
    s.all = true;
    return s;
  }
  std::vector<Id> roots;
  if (HasRole(roles, "evaluator")) roots.insert(roots.end(), assigned.begin(), assigned.end());
  if (own_department) {
    if (HasRole(roles, "manager")) {
      roots.push_back(*own_department);
    } else {
      s.departments.insert(*own_department);
    }
  }
  auto sub = Subtree(roots, children);
  s.departments.insert(sub.begin(), sub.end());
  return s;
}

Status CheckPassword(std::string_view password, std::string_view username, std::string_view field) {
  const std::string f(field);
  const auto n = json::CodePoints(password);
  if (n < 10) return Error::Invalid(f, "must be at least 10 characters");
  if (n > 128) return Error::Invalid(f, "must be at most 128 characters");
  const bool letter =
      std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
  const bool digit = std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!letter || !digit) return Error::Invalid(f, "must contain at least one letter and one digit");
  if (!username.empty()) {
    std::string lower_pw(password), lower_user(username);
    for (auto& c : lower_pw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto& c : lower_user) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower_pw.find(lower_user) != std::string::npos) return Error::Invalid(f, "must not contain the username");
  }
  return {};
}

Status CheckUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 64)
    return Error::Invalid("username", Msg("staff.username_length", "must be 3 to 64 characters"));
  if (!std::isalnum(static_cast<unsigned char>(u[0]))) {
    return Error::Invalid("username", Msg("staff.username_start", "must start with a letter or digit"));
  }
  for (unsigned char c : u) {
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') {
      return Error::Invalid("username",
                            Msg("staff.username_characters", "may contain only letters, digits, '.', '_' and '-'"));
    }
  }
  return {};
}

Status CheckDepartmentCode(std::string_view code) {
  if (code.empty() || code.size() > 32)
    return Error::Invalid("code", Msg("department.code_length", "must be 1 to 32 characters"));
  for (unsigned char c : code) {
    if (!std::isalnum(c) && c != '_' && c != '-') {
      return Error::Invalid("code", Msg("department.code_characters", "may contain only letters, digits, '_' and '-'"));
    }
  }
  return {};
}

Status CheckMove(Id department, Id new_parent, const std::map<Id, std::optional<Id>>& parent_of) {
  if (!parent_of.contains(new_parent))
    return Error::Invalid("parent_id", Msg("department.no_such", "no such department"));
  std::optional<Id> cur = new_parent;
  for (std::size_t steps = 0; cur && steps <= parent_of.size(); ++steps) {
    if (*cur == department) {
      return Error::Invalid("parent_id", Msg("department.move_into_itself",
                                             "a department cannot be moved into itself or its own subtree"));
    }
    auto it = parent_of.find(*cur);
    cur = it == parent_of.end() ? std::nullopt : it->second;
  }
  return {};
}

TimeMs RetryAfter(const ThrottleLimit& limit, const std::vector<TimeMs>& newest_failures, TimeMs now) {
  const auto n = static_cast<std::size_t>(std::max(limit.max_failures, 1));
  if (newest_failures.size() < n) return 0;
  // The attempt is allowed again once the n-th newest failure leaves the window.
  return std::max<TimeMs>(0, newest_failures[n - 1] + limit.window - now);
}

}  // namespace sqm::org
