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
// Assessment (考核): results in the caller's scope; schemes, periods, manual inputs and the
// approval of exclusions; approval of scheme versions and of adjustments after an appeal.
inline constexpr std::string_view kAssessmentRead = "assessment.read";
inline constexpr std::string_view kAssessmentManage = "assessment.manage";
inline constexpr std::string_view kAssessmentApprove = "assessment.approve";
// One's own assessment results, archive and appeals: every staff role that can be assessed (not
// the third-party evaluator, who sees nothing of assessment).
inline constexpr std::string_view kAssessmentOwn = "assessment.own";
// Surveys: templates, dispatch rules and settings.
inline constexpr std::string_view kFeedbackManage = "feedback.manage";
// Inspections (质检): scorecards and the assignment of inspections; performing them (the
// quality department and third-party evaluators, within their scope).
inline constexpr std::string_view kInspectionManage = "inspection.manage";
inline constexpr std::string_view kInspectionPerform = "inspection.perform";
// Improvement actions (整改): raising, assigning, triaging and verifying them, audits (quality);
// using them (every staff role but the third-party evaluator: one's own actions, suggestions,
// and for managers their subtree's).
inline constexpr std::string_view kImprovementManage = "improvement.manage";
inline constexpr std::string_view kImprovementUse = "improvement.use";
// Any staff member, not a customer: the assessment and statistics calculators.
inline constexpr std::string_view kStaff = "staff";

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

// Whose password it is: a password must not contain their username or name.
struct PasswordOwner {
  std::string_view username;
  std::string_view display_name;
};

inline constexpr std::size_t kMinPasswordChars = 12;
inline constexpr std::size_t kMaxPasswordChars = 128;
// At most this many digits and symbols around a common password still make a common password.
inline constexpr std::size_t kCommonPasswordAffix = 6;

// The password policy, after OWASP ASVS 4.0 V2.1: 12 to 128 characters of any kind (no rules
// about letters, digits or symbols: long passphrases are the point); not a common password, nor
// one with at most kCommonPasswordAffix digits or symbols before or after it ("Password2026!");
// not a short pattern repeated ("abc123abc123"); not containing the owner's username or a part of
// their name of 3 or more letters (2 or more for names in Chinese and other non-Latin scripts).
// The error says which rule failed, keyed `password.*`, on `field`.
Status CheckPassword(std::string_view password, const PasswordOwner& owner, std::string_view field = "password");

// Whether `password` (ASCII letters in any case) is one of the common passwords sqm ships
// (common_passwords.txt; made by scripts/make-common-passwords.sh). The list is loaded once.
bool IsCommonPassword(std::string_view password);
std::size_t CommonPasswordCount();

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
