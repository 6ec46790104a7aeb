// Pure organisation rules: roles and their permissions, the password policy, department-tree
// checks, scopes, and the sign-in throttle's arithmetic. No SQL, no clock reads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "org/model.h"

namespace sqm::org {

// Route permissions. Routes name one of these, or kPublic / kAuthenticated.
inline constexpr std::string_view kPublic = "public";
inline constexpr std::string_view kAuthenticated = "authenticated";
inline constexpr std::string_view kOrgRead = "org.read";
inline constexpr std::string_view kOrgWrite = "org.write";
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kTokensManage = "tokens.manage";
inline constexpr std::string_view kTicketRead = "ticket.read";    // tickets in the caller's scope
inline constexpr std::string_view kTicketWrite = "ticket.write";  // register, act on, comment
inline constexpr std::string_view kCustomerWrite = "customer.write";
inline constexpr std::string_view kDeskReport = "desk.report";  // dashboards, complaint summary
inline constexpr std::string_view kSlaManage = "sla.manage";    // SLA policies, calendars, categories
inline constexpr std::string_view kPortal = "portal.use";       // a customer's own requests

// Every role, in display order: admin, quality, executive, manager, agent, engineer, evaluator,
// customer.
const std::vector<std::string>& AllRoles();
bool IsRole(std::string_view role);
// Every permission any role can hold.
const std::vector<std::string>& AllPermissions();
std::set<std::string> PermissionsOf(const std::vector<std::string>& roles);

// True when the roles see every department (no department tree needed to scope them).
bool SeesEverything(const std::vector<std::string>& roles);

// Managers see their department's subtree; evaluators the subtrees they were assigned;
// admin, quality and executive everything; everyone else their own department.
// `children` maps a department to its direct children.
Scope ScopeOf(const std::vector<std::string>& roles, std::optional<Id> own_department, const std::vector<Id>& assigned,
              const std::multimap<Id, Id>& children);

// Adds every descendant of each department in `roots`.
std::set<Id> Subtree(const std::vector<Id>& roots, const std::multimap<Id, Id>& children);

// At least 10 characters, at most 128, with a letter and a digit, not containing the username.
Status CheckPassword(std::string_view password, std::string_view username, std::string_view field = "password");

// 3-64 characters: letters, digits, '.', '_', '-'; starts with a letter or digit.
Status CheckUsername(std::string_view username);

// Optional department code: 1-32 of [A-Za-z0-9_-].
Status CheckDepartmentCode(std::string_view code);

// Moving `department` under `new_parent` must not create a cycle. `parent_of` maps each
// department to its parent.
Status CheckMove(Id department, Id new_parent, const std::map<Id, std::optional<Id>>& parent_of);

// Throttling of failed sign-ins (and wrong current passwords) over a sliding window: after
// `max_failures` failures within `window`, further attempts are refused until enough of them
// have left the window. The failures themselves live in the database (repo::RecentFailures), so
// every server on it counts the same.
struct ThrottleLimit {
  int max_failures = 5;
  TimeMs window = 15LL * 60 * 1000;
};

// How long until a subject may try again, given its newest failures after now - window (newest
// first; only the first limit.max_failures are looked at); 0 when it may try now.
TimeMs RetryAfter(const ThrottleLimit& limit, const std::vector<TimeMs>& newest_failures, TimeMs now);

}  // namespace sqm::org
