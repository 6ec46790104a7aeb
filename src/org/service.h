// Organisation use cases: sign-in and sessions, API tokens, departments and staff.
// Each write is one Database::Write job that validates, changes state and appends its events.
// Permissions named by routes are checked by the HTTP layer; this layer checks department scope
// and everything that depends on the data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "org/model.h"
#include "org/repo.h"
#include "org/rules.h"
#include "storage/database.h"

namespace sqm::org {

struct ServiceOptions {
  TimeMs session_ttl = 12LL * 3600 * 1000;  // absolute session lifetime
  int max_failures_per_account = 5;         // failed sign-ins within the throttle window
  int max_failures_per_address = 20;
  int max_wrong_current_passwords = 5;  // wrong current passwords of one account in a password change
  TimeMs throttle_window = 15LL * 60 * 1000;
};

struct LoginResult {
  std::string session_token;  // the cookie value; only its hash is stored
  Principal principal;
  TimeMs expires_at = 0;
};

struct DepartmentDraft {
  std::string name;
  std::optional<Id> parent_id;
  std::optional<std::string> code;
};

struct DepartmentPatch {
  std::optional<std::string> name;
  std::optional<Id> parent_id;
  std::optional<std::optional<std::string>> code;  // present and null clears it
  std::optional<bool> active;
};

struct StaffDraft {
  std::string username;
  std::string display_name;
  std::optional<Id> department_id;
  std::string title, email, phone;
  std::vector<std::string> roles;
  std::string password;
  std::vector<Id> scope_department_ids;
};

struct StaffPatch {
  std::optional<std::string> display_name;
  std::optional<Id> department_id;
  std::optional<std::string> title, email, phone;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> active;
  std::optional<std::string> password;
  std::optional<std::vector<Id>> scope_department_ids;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

struct TokenDraft {
  std::string name;
  Id staff_id = 0;
  std::vector<std::string> scopes;
  std::optional<TimeMs> expires_at;
};

struct CreatedToken {
  ApiToken token;
  std::string secret;  // shown once
};

class Service {
 public:
  Service(storage::Database& db, const Clock& clock, ServiceOptions options = {});

  // kUnauthenticated for a wrong name or password (which one is not said), kTooManyRequests
  // (Error::retry_after_s says when to retry) after too many failures for the account or the
  // address within the window. Both outcomes are recorded in the event log; the failures are
  // counted in the database, so every server on it sees the same throttle.
  Result<LoginResult> Login(const std::string& username, const std::string& password, const std::string& address);
  Status Logout(const Principal& who, const std::string& session_token);
  // The caller behind a session cookie value or a bearer token; kUnauthenticated when unknown,
  // expired or revoked.
  Result<Principal> AuthenticateSession(const std::string& session_token);
  Result<Principal> AuthenticateToken(const std::string& bearer);
  // Ends every other session of the caller. A wrong current password is throttled like a sign-in:
  // after max_wrong_current_passwords within the window, kTooManyRequests with retry_after_s.
  // Reports every problem at once (wrong current password, and what is wrong with the new one).
  Status ChangePassword(const Principal& who, const std::string& current, const std::string& next,
                        const std::string& session_token);

  Result<std::vector<Department>> ListDepartments(const Principal& who);
  Result<Department> GetDepartment(const Principal& who, Id id);
  // Create and update validate the whole form and report every problem at once (Error::more).
  Result<Department> CreateDepartment(const Principal& who, const DepartmentDraft& draft);
  Result<Department> UpdateDepartment(const Principal& who, Id id, const DepartmentPatch& patch);

  Result<Page<Staff>> ListStaff(const Principal& who, repo::StaffQuery query);

  // The directory for pickers (transfer to, assign to): every active department, and active staff
  // (not customer accounts) matching `query.q` / `query.department_id`, regardless of the caller's scope. Only names
  // and departments leave the service; the routes never show contact details from here.
  std::vector<Department> DirectoryDepartments();
  std::vector<Staff> DirectoryStaff(repo::StaffQuery query);
  Result<Staff> GetStaff(const Principal& who, Id id);
  // Create and update validate the whole form and report every problem at once (Error::more); a
  // taken username alone is kConflict.
  Result<Staff> CreateStaff(const Principal& who, const StaffDraft& draft);
  Result<Staff> UpdateStaff(const Principal& who, Id id, const StaffPatch& patch);

  Result<std::vector<ApiToken>> ListTokens(const Principal& who);
  Result<CreatedToken> CreateToken(const Principal& who, const TokenDraft& draft);
  Status RevokeToken(const Principal& who, Id id);

  // For the CLI and the demo (no caller): creates an account.
  Result<Staff> CreateStaffAsSystem(const StaffDraft& draft);
  // Sets the password of each existing account among `usernames` (unknown ones are skipped) and
  // ends their sessions; returns how many were set.
  Result<int> ResetPasswordsAsSystem(const std::vector<std::string>& usernames, const std::string& password);

 private:
  Result<Principal> LoadPrincipal(storage::Connection& db, Id staff_id);
  Result<Staff> InsertStaff(storage::WriteTx& tx, const StaffDraft& draft, const std::string& password_hash);
  // How long until `subject` may try again under the throttle `kind`; 0 when it may now.
  TimeMs ThrottleWait(std::string_view kind, const std::string& subject, const ThrottleLimit& limit, TimeMs now);
  Status RecordFailures(storage::WriteTx& tx, const std::vector<std::pair<std::string_view, std::string>>& subjects);

  storage::Database& db_;
  const Clock& clock_;
  ServiceOptions options_;
  std::string dummy_hash_;  // verified against when the username is unknown, to equalise timing
};

}  // namespace sqm::org
