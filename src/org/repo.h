// SQL for the organisation tables: every statement of the org module lives here and runs on
// SQLite and PostgreSQL alike (src/README.md). Every function takes the connection it runs on, so
// the same code serves reads (a pooled reader) and writes (inside a WriteTx). Writes return the
// Exec error, which the caller returns at once (a failed statement ends the job); writes that
// could hit a unique key are checked first (DepartmentCodeTaken, FindStaffIdByUsername).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "org/model.h"
#include "storage/db.h"

namespace sqm::org::repo {

using storage::Connection;

std::vector<Department> ListDepartments(Connection& db);
// The same without counting each department's staff (staff_count 0): for readers that need only
// the tree and the names, on every request (the desk dashboard).
std::vector<Department> ListDepartmentTree(Connection& db);
std::optional<Department> FindDepartment(Connection& db, Id id);
std::map<Id, std::optional<Id>> DepartmentParents(Connection& db);
std::multimap<Id, Id> DepartmentChildren(Connection& db);
std::int64_t CountActiveChildren(Connection& db, Id id);
// True when another department (not `except`) has `code`.
bool DepartmentCodeTaken(Connection& db, const std::string& code, Id except = 0);
// Inserts and returns the new id.
Result<Id> InsertDepartment(Connection& db, const Department& d);
// Writes every column of `d` (found by d.id).
Status SaveDepartment(Connection& db, const Department& d);

struct StaffQuery {
  std::optional<std::string> q;  // matches username, display name, email, phone
  bool names_only = false;       // q matches username and display name only (the directory)
  std::optional<Id> department_id;
  std::optional<std::string> role;
  std::optional<bool> active;
  bool staff_only = false;     // leave out customer (portal) accounts
  std::optional<Id> after_id;  // cursor
  int limit = 50;
};
// `scope` limits the departments; accounts without a department are visible only to scope.all.
std::vector<Staff> ListStaff(Connection& db, const StaffQuery& q, const Scope& scope);
std::optional<Staff> FindStaff(Connection& db, Id id);
std::optional<Id> FindStaffIdByUsername(Connection& db, const std::string& username);
std::optional<std::string> PasswordHash(Connection& db, Id staff_id);
std::vector<std::string> RolesOf(Connection& db, Id staff_id);
std::vector<Id> EvaluatorScopeOf(Connection& db, Id staff_id);
std::int64_t CountActiveStaffIn(Connection& db, Id department_id);
// Inserts `s` (id, roles and scopes ignored) with the password hash; returns the new id.
Result<Id> InsertStaff(Connection& db, const Staff& s, const std::string& password_hash);
// Writes display_name, department_id, title, email, phone, active and updated_at of `s`.
Status SaveStaff(Connection& db, const Staff& s);
Status SetPasswordHash(Connection& db, Id staff_id, const std::string& password_hash, TimeMs now);
// Replaces the account's roles and evaluator scope.
Status ReplaceRoles(Connection& db, Id staff_id, const std::vector<std::string>& roles,
                    const std::vector<Id>& scope_ids);

struct SessionRow {
  Id staff_id;
  std::string csrf_token;
  TimeMs expires_at;
};
std::optional<SessionRow> FindSession(Connection& db, const std::string& token_hash);
Status InsertSession(Connection& db, const std::string& token_hash, const SessionRow& s, TimeMs created_at,
                     const std::string& address);
Status DeleteSession(Connection& db, const std::string& token_hash);
Status DeleteExpiredSessions(Connection& db, Id staff_id, TimeMs now);
// Ends every session of the account except the one with `except_hash` (empty: all).
Status DeleteSessions(Connection& db, Id staff_id, const std::string& except_hash = {});

struct TokenRow {
  Id id;
  Id staff_id;
  std::vector<std::string> scopes;
  std::optional<TimeMs> expires_at;
  std::optional<TimeMs> revoked_at;
  std::optional<TimeMs> last_used_at;
};
std::optional<TokenRow> FindTokenByHash(Connection& db, const std::string& token_hash);
std::vector<ApiToken> ListTokens(Connection& db);
// Inserts and returns the new id; `scopes` space-separated.
Result<Id> InsertToken(Connection& db, const ApiToken& t, const std::string& token_hash);
Status TouchToken(Connection& db, Id id, TimeMs now);
// False when there is no unrevoked token `id`.
Result<bool> RevokeToken(Connection& db, Id id, TimeMs now);

// Failed sign-ins (and wrong current passwords), shared by every server on the database. `kind`
// is the throttle ("account", "address", "password"), `subject` what it counts (a lower-case
// username, an address, a staff id).
Status RecordFailure(Connection& db, std::string_view kind, const std::string& subject, TimeMs at);
// The instants of the newest `limit` failures of (kind, subject) after `since`, newest first.
std::vector<TimeMs> RecentFailures(Connection& db, std::string_view kind, const std::string& subject, TimeMs since,
                                   int limit);
Status ClearFailures(Connection& db, std::string_view kind, const std::string& subject);
// Forgets every failure at or before `before` (outside every window).
Status ExpireFailures(Connection& db, TimeMs before);

// ---- for other modules (handed to them by the composition root) ----

// Whether `id` names an active staff member (sla: a policy's breach assignee).
bool IsActiveStaff(Connection& db, Id id);
// The active managers of `department` (role manager), by id (desk: who hears of its tickets).
std::vector<Id> ManagersOf(Connection& db, Id department);
// The active members of `department` holding one of `roles`, by id (desk: the team a ticket is
// transferred to without a person).
std::vector<Id> MembersWithRoles(Connection& db, Id department, const std::vector<std::string>& roles);

}  // namespace sqm::org::repo
