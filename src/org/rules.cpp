#include "org/rules.h"

#include <algorithm>
#include <cctype>

#include "base/json.h"

namespace sqm::org {

// common_passwords_gen.cpp, made by CMake from common_passwords.txt.
extern const std::string_view kCommonPasswordsText;

namespace {

struct RoleDef {
  std::string role;
  std::vector<std::string> permissions;
};

const std::vector<RoleDef>& Roles() {
  const std::string org_read(kOrgRead), org_write(kOrgWrite), audit(kAuditRead), tokens(kTokensManage),
      t_read(kTicketRead), t_write(kTicketWrite), c_write(kCustomerWrite), report(kDeskReport), sla(kSlaManage),
      portal(kPortal), staff(kStaff), a_read(kAssessmentRead), a_manage(kAssessmentManage),
      a_approve(kAssessmentApprove), a_own(kAssessmentOwn), feedback(kFeedbackManage), i_manage(kInspectionManage),
      i_perform(kInspectionPerform), imp_manage(kImprovementManage), imp_use(kImprovementUse);
  static const std::vector<RoleDef> kRoles = {
      {"admin",
       {org_read, org_write, audit, tokens, t_read, t_write, c_write, report, sla, staff, a_read, a_manage, a_own,
        feedback, i_manage, i_perform, imp_manage, imp_use}},
      {"quality",
       {org_read, audit, t_read, t_write, report, sla, staff, a_read, a_manage, a_own, feedback, i_manage, i_perform,
        imp_manage, imp_use}},
      {"executive", {org_read, audit, t_read, report, staff, a_read, a_approve, a_own, imp_use}},
      {"manager", {org_read, t_read, t_write, c_write, report, staff, a_read, a_own, imp_use}},
      {"agent", {t_read, t_write, c_write, staff, a_own, imp_use}},
      {"engineer", {t_read, t_write, staff, a_own, imp_use}},
      {"evaluator", {t_read, staff, i_perform}},
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

namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The embedded list, sorted, without its "#!" comment lines.
const std::vector<std::string_view>& CommonPasswords() {
  static const std::vector<std::string_view> kList = [] {
    std::vector<std::string_view> list;
    std::string_view rest = kCommonPasswordsText;
    while (!rest.empty()) {
      const auto nl = rest.find('\n');
      const auto line = rest.substr(0, nl);
      if (!line.empty() && line.rfind("#!", 0) != 0) list.push_back(line);
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    std::sort(list.begin(), list.end());  // the file is sorted already; this keeps lookups right
    return list;
  }();
  return kList;
}

bool IsAffix(char c) {
  return (c >= '0' && c <= '9') || (std::ispunct(static_cast<unsigned char>(c)) != 0) || c == ' ';
}

// A common password with at most kCommonPasswordAffix digits and symbols before and after it.
bool BuiltOnCommonPassword(const std::string& lower) {
  std::size_t lead = 0, trail = 0;
  while (lead < lower.size() && lead < kCommonPasswordAffix && IsAffix(lower[lead])) ++lead;
  while (trail < lower.size() && trail < kCommonPasswordAffix && IsAffix(lower[lower.size() - 1 - trail])) ++trail;
  for (std::size_t i = 0; i <= lead; ++i) {
    for (std::size_t j = 0; j <= trail && i + j <= kCommonPasswordAffix && i + j < lower.size(); ++j) {
      if (IsCommonPassword(std::string_view(lower).substr(i, lower.size() - i - j))) return true;
    }
  }
  return false;
}

// "abcabcabcabc": one unit of at most half the length, repeated.
bool RepeatsAShortPattern(const std::string& lower) {
  const std::size_t n = lower.size();
  for (std::size_t unit = 1; unit <= n / 2; ++unit) {
    if (n % unit != 0) continue;
    bool repeats = true;
    for (std::size_t i = unit; i < n && repeats; ++i) repeats = lower[i] == lower[i - unit];
    if (repeats) return true;
  }
  return false;
}

// The parts of a name worth refusing in a password: words of 3 or more characters, or of 2 or
// more when not ASCII (a Chinese given name), and the whole name without separators.
std::vector<std::string> NameParts(std::string_view name) {
  std::vector<std::string> parts;
  auto keep = [&](const std::string& part) {
    const bool ascii = std::all_of(part.begin(), part.end(), [](unsigned char c) { return c < 0x80; });
    if (json::CodePoints(part) >= (ascii ? 3u : 2u)) parts.push_back(part);
  };
  std::string word, whole;
  for (const char c : LowerAscii(name)) {
    if (c == ' ' || c == '.' || c == '-' || c == '_' || c == '\t') {
      keep(word);
      word.clear();
    } else {
      word += c;
      whole += c;
    }
  }
  keep(word);
  keep(whole);
  return parts;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  const auto& list = CommonPasswords();
  const std::string lower = LowerAscii(password);
  return std::binary_search(list.begin(), list.end(), std::string_view(lower));
}

std::size_t CommonPasswordCount() {
  return CommonPasswords().size();
}

Status CheckPassword(std::string_view password, const PasswordOwner& owner, std::string_view field) {
  const std::string f(field);
  const auto n = json::CodePoints(password);
  if (n < kMinPasswordChars) {
    return Error::Invalid(f, Msg("password.too_short", "must be at least {min} characters",
                                 {{"min", std::to_string(kMinPasswordChars)}}));
  }
  if (n > kMaxPasswordChars) {
    return Error::Invalid(
        f, Msg("password.too_long", "must be at most {max} characters", {{"max", std::to_string(kMaxPasswordChars)}}));
  }
  const std::string lower = LowerAscii(password);
  if (BuiltOnCommonPassword(lower)) {
    return Error::Invalid(f, Msg("password.common", "is one of the most common passwords, or built on one"));
  }
  if (RepeatsAShortPattern(lower)) {
    return Error::Invalid(f, Msg("password.repeats", "repeats a short pattern"));
  }
  if (!owner.username.empty() && lower.find(LowerAscii(owner.username)) != std::string::npos) {
    return Error::Invalid(f, Msg("password.contains_username", "must not contain the username"));
  }
  for (const auto& part : NameParts(owner.display_name)) {
    if (lower.find(part) != std::string::npos) {
      return Error::Invalid(f, Msg("password.contains_name", "must not contain the name of the account holder"));
    }
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
