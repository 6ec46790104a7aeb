// SQL for the organisation tables. Every function takes the connection it runs on, so the same
// code serves reads (a pooled reader) and writes (inside a WriteTx).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "org/model.h"
#include "storage/db.h"

namespace sqm::org::repo {

using storage::Connection;

std::vector<Department> ListDepartments(Connection& db);
std::optional<Department> FindDepartment(Connection& db, Id id);
std::map<Id, std::optional<Id>> DepartmentParents(Connection& db);
std::multimap<Id, Id> DepartmentChildren(Connection& db);
std::int64_t CountActiveChildren(Connection& db, Id id);

struct StaffQuery {
  std::optional<std::string> q;  // matches username, display name, email, phone
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

struct SessionRow {
  Id staff_id;
  std::string csrf_token;
  TimeMs expires_at;
};
std::optional<SessionRow> FindSession(Connection& db, const std::string& token_hash);

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

}  // namespace sqm::org::repo
