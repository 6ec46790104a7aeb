#include "org/service.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <fmt/format.h>

#include "base/crypto.h"
#include "org/password.h"

namespace sqm::org {

using storage::Connection;
using storage::WriteTx;
namespace bj = boost::json;

namespace {

std::string SessionHash(const std::string& token) {
  return crypto::Sha256Hex(token);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bj::array ToJsonArray(const std::vector<std::string>& v) {
  return bj::array(v.begin(), v.end());
}
bj::array ToJsonArray(const std::vector<Id>& v) {
  return bj::array(v.begin(), v.end());
}

Status ReplaceRoles(WriteTx& tx, Id staff_id, const std::vector<std::string>& roles, const std::vector<Id>& scope_ids) {
  SQM_TRY(tx.db().Exec("DELETE FROM staff_roles WHERE staff_id = ?", {staff_id}));
  for (const auto& r : roles) {
    SQM_TRY(tx.db().Exec("INSERT OR IGNORE INTO staff_roles (staff_id, role) VALUES (?, ?)", {staff_id, r}));
  }
  SQM_TRY(tx.db().Exec("DELETE FROM evaluator_scopes WHERE staff_id = ?", {staff_id}));
  for (Id d : scope_ids) {
    SQM_TRY(
        tx.db().Exec("INSERT OR IGNORE INTO evaluator_scopes (staff_id, department_id) VALUES (?, ?)", {staff_id, d}));
  }
  return {};
}

Status EndSessions(WriteTx& tx, Id staff_id, const std::string& except_hash = {}) {
  return tx.db().Exec("DELETE FROM sessions WHERE staff_id = ? AND token_hash <> ?", {staff_id, except_hash});
}

}  // namespace

Service::Service(storage::Database& db, const Clock& clock, ServiceOptions options)
    : db_(db),
      clock_(clock),
      options_(options),
      account_throttle_(options.max_failures_per_account, options.throttle_window),
      address_throttle_(options.max_failures_per_address, options.throttle_window),
      dummy_hash_(HashPassword(crypto::RandomToken(16))) {}

Result<Principal> Service::LoadPrincipal(Connection& db, Id staff_id) {
  auto staff = repo::FindStaff(db, staff_id);
  if (!staff || !staff->active) return Error::Unauthenticated("the account is not active");
  Principal p;
  p.staff_id = staff->id;
  p.username = staff->username;
  p.display_name = staff->display_name;
  p.department_id = staff->department_id;
  p.roles = staff->roles;
  p.permissions = PermissionsOf(p.roles);
  p.scope = SeesEverything(p.roles)
                ? Scope{true, {}}
                : ScopeOf(p.roles, p.department_id, staff->scope_department_ids, repo::DepartmentChildren(db));
  return p;
}

Result<LoginResult> Service::Login(const std::string& username, const std::string& password,
                                   const std::string& address) {
  const TimeMs now = clock_.Now();
  const std::string account_key = Lower(username);
  {
    std::lock_guard lock(throttle_mu_);
    const TimeMs wait =
        std::max(account_throttle_.RetryAfter(account_key, now), address_throttle_.RetryAfter(address, now));
    if (wait > 0) {
      return Error{ErrorCode::kTooManyRequests,
                   fmt::format("too many failed sign-ins; try again in {} seconds", (wait + 999) / 1000),
                   {}};
    }
  }
  auto found = db_.Read([&](Connection& c) -> std::optional<std::pair<Id, std::string>> {
    auto id = repo::FindStaffIdByUsername(c, username);
    if (!id) return std::nullopt;
    auto hash = repo::PasswordHash(c, *id);
    if (!hash) return std::nullopt;
    return std::make_pair(*id, *hash);
  });
  const bool ok = VerifyPassword(found ? found->second : dummy_hash_, password) && found.has_value();
  if (!ok) {
    {
      std::lock_guard lock(throttle_mu_);
      account_throttle_.RecordFailure(account_key, now);
      address_throttle_.RecordFailure(address, now);
    }
    SQM_TRY(db_.Write(username, [&](WriteTx& tx) -> Status {
      tx.Append("staff", found ? std::to_string(found->first) : "", "auth.login_failed",
                {{"username", username}, {"address", address}});
      return {};
    }));
    return Error::Unauthenticated("wrong username or password");
  }
  {
    std::lock_guard lock(throttle_mu_);
    account_throttle_.RecordSuccess(account_key);
  }
  const std::string token = crypto::RandomToken(32);
  return db_.Write(username, [&](WriteTx& tx) -> Result<LoginResult> {
    SQM_ASSIGN(Principal p, LoadPrincipal(tx.db(), found->first));
    p.csrf_token = crypto::RandomToken(24);
    const TimeMs expires = tx.now() + options_.session_ttl;
    SQM_TRY(tx.db().Exec("DELETE FROM sessions WHERE staff_id = ? AND expires_at <= ?", {p.staff_id, tx.now()}));
    SQM_TRY(
        tx.db().Exec("INSERT INTO sessions (token_hash, staff_id, csrf_token, created_at, expires_at, address) VALUES "
                     "(?, ?, ?, ?, ?, ?)",
                     {SessionHash(token), p.staff_id, p.csrf_token, tx.now(), expires, address}));
    tx.Append("staff", std::to_string(p.staff_id), "auth.login_succeeded", {{"address", address}});
    return LoginResult{token, std::move(p), expires};
  });
}

Status Service::Logout(const Principal& who, const std::string& session_token) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_TRY(tx.db().Exec("DELETE FROM sessions WHERE token_hash = ?", {SessionHash(session_token)}));
    tx.Append("staff", std::to_string(who.staff_id), "auth.logout", {});
    return {};
  });
}

Result<Principal> Service::AuthenticateSession(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) return Error::Unauthenticated("not signed in");
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& c) -> Result<Principal> {
    auto s = repo::FindSession(c, SessionHash(session_token));
    if (!s || s->expires_at <= now) return Error::Unauthenticated("the session has ended; sign in again");
    SQM_ASSIGN(Principal p, LoadPrincipal(c, s->staff_id));
    p.csrf_token = s->csrf_token;
    return p;
  });
}

Result<Principal> Service::AuthenticateToken(const std::string& bearer) {
  if (bearer.empty() || bearer.size() > 128) return Error::Unauthenticated("invalid API token");
  const TimeMs now = clock_.Now();
  std::optional<repo::TokenRow> token;
  auto principal = db_.Read([&](Connection& c) -> Result<Principal> {
    token = repo::FindTokenByHash(c, crypto::Sha256Hex(bearer));
    if (!token || token->revoked_at || (token->expires_at && *token->expires_at <= now)) {
      return Error::Unauthenticated("invalid, expired or revoked API token");
    }
    SQM_ASSIGN(Principal p, LoadPrincipal(c, token->staff_id));
    std::set<std::string> narrowed;
    for (const auto& s : token->scopes) {
      if (p.permissions.contains(s)) narrowed.insert(s);
    }
    p.permissions = std::move(narrowed);
    p.via_token = true;
    return p;
  });
  // last_used_at to the minute: one write per token per minute at most, not one per request.
  constexpr TimeMs kUseResolution = 60'000;
  if (principal.ok() && (!token->last_used_at || now - *token->last_used_at >= kUseResolution)) {
    auto st = db_.Write(principal->username, [&](storage::WriteTx& tx) -> Status {
      return tx.db().Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, token->id});
    });
    if (!st.ok()) spdlog::warn("api token {}: last_used_at not recorded: {}", token->id, st.error().message);
  }
  return principal;
}

Status Service::ChangePassword(const Principal& who, const std::string& current, const std::string& next,
                               const std::string& session_token) {
  auto hash = db_.Read([&](Connection& c) { return repo::PasswordHash(c, who.staff_id); });
  if (!hash || !VerifyPassword(*hash, current)) {
    return Error::Invalid("current_password", "the current password is wrong");
  }
  SQM_TRY(CheckPassword(next, who.username, "new_password"));
  if (next == current) return Error::Invalid("new_password", "must differ from the current password");
  const std::string new_hash = HashPassword(next);
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_TRY(tx.db().Exec("UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?",
                         {new_hash, tx.now(), who.staff_id}));
    SQM_TRY(EndSessions(tx, who.staff_id, SessionHash(session_token)));
    tx.Append("staff", std::to_string(who.staff_id), "staff.password_changed", {});
    return {};
  });
}

// ---- departments ----

Result<std::vector<Department>> Service::ListDepartments(const Principal& who) {
  auto all = db_.Read([](Connection& c) { return repo::ListDepartments(c); });
  if (who.scope.all) return all;
  std::vector<Department> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const Department& d) { return who.scope.Contains(d.id); });
  return out;
}

Result<Department> Service::GetDepartment(const Principal& who, Id id) {
  auto d = db_.Read([&](Connection& c) { return repo::FindDepartment(c, id); });
  if (!d) return Error::NotFound(fmt::format("department {} does not exist", id));
  if (!who.scope.Contains(id)) return Error::Forbidden("this department is outside your departments");
  return *d;
}

Result<Department> Service::CreateDepartment(const Principal& who, const DepartmentDraft& draft) {
  if (draft.code) SQM_TRY(CheckDepartmentCode(*draft.code));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Department> {
    if (draft.parent_id) {
      auto parent = repo::FindDepartment(tx.db(), *draft.parent_id);
      if (!parent) return Error::Invalid("parent_id", "no such department");
      if (!parent->active) return Error::Invalid("parent_id", "the parent department is deactivated");
    }
    auto r = tx.db().Exec(
        "INSERT INTO departments (parent_id, name, code, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) "
        "RETURNING id",
        {draft.parent_id, draft.name, draft.code, tx.now(), tx.now()});
    if (!r.ok()) return Error::Conflict("the department code is already used", "code");
    const Id id = r->last_insert_id;
    tx.Append("department", std::to_string(id), "department.created",
              {{"name", draft.name},
               {"parent_id", draft.parent_id ? bj::value(*draft.parent_id) : bj::value(nullptr)},
               {"code", draft.code ? bj::value(*draft.code) : bj::value(nullptr)}});
    return *repo::FindDepartment(tx.db(), id);
  });
}

Result<Department> Service::UpdateDepartment(const Principal& who, Id id, const DepartmentPatch& patch) {
  if (patch.code && *patch.code) SQM_TRY(CheckDepartmentCode(**patch.code));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Department> {
    auto before = repo::FindDepartment(tx.db(), id);
    if (!before) return Error::NotFound(fmt::format("department {} does not exist", id));
    bj::object changes;
    if (patch.name && *patch.name != before->name) {
      SQM_TRY(tx.db().Exec("UPDATE departments SET name = ? WHERE id = ?", {*patch.name, id}));
      changes["name"] = {{"from", before->name}, {"to", *patch.name}};
    }
    if (patch.code && *patch.code != before->code) {
      auto r = tx.db().Exec("UPDATE departments SET code = ? WHERE id = ?", {*patch.code, id});
      if (!r.ok()) return Error::Conflict("the department code is already used", "code");
      changes["code"] = {{"from", before->code ? bj::value(*before->code) : nullptr},
                         {"to", *patch.code ? bj::value(**patch.code) : nullptr}};
    }
    if (patch.parent_id && patch.parent_id != before->parent_id) {
      SQM_TRY(CheckMove(id, *patch.parent_id, repo::DepartmentParents(tx.db())));
      if (!repo::FindDepartment(tx.db(), *patch.parent_id)->active && before->active) {
        return Error::Invalid("parent_id", "the new parent department is deactivated");
      }
      SQM_TRY(tx.db().Exec("UPDATE departments SET parent_id = ? WHERE id = ?", {*patch.parent_id, id}));
      changes["parent_id"] = {{"from", before->parent_id ? bj::value(*before->parent_id) : nullptr},
                              {"to", *patch.parent_id}};
    }
    if (patch.active && *patch.active != before->active) {
      if (!*patch.active) {
        if (const auto n = repo::CountActiveChildren(tx.db(), id); n > 0) {
          return Error::Conflict(
              fmt::format("the department has {} active sub-departments; deactivate or move them first", n), "active");
        }
        if (const auto n = repo::CountActiveStaffIn(tx.db(), id); n > 0) {
          return Error::Conflict(fmt::format("the department has {} active staff; move them first", n), "active");
        }
      } else if (before->parent_id) {
        auto parent = repo::FindDepartment(tx.db(), *before->parent_id);
        if (parent && !parent->active) return Error::Conflict("the parent department is deactivated", "active");
      }
      SQM_TRY(tx.db().Exec("UPDATE departments SET active = ? WHERE id = ?", {*patch.active ? 1 : 0, id}));
      changes["active"] = {{"from", before->active}, {"to", *patch.active}};
    }
    if (changes.empty()) return *before;
    SQM_TRY(tx.db().Exec("UPDATE departments SET updated_at = ? WHERE id = ?", {tx.now(), id}));
    tx.Append("department", std::to_string(id), "department.updated", std::move(changes));
    return *repo::FindDepartment(tx.db(), id);
  });
}

// ---- staff ----

Result<Page<Staff>> Service::ListStaff(const Principal& who, repo::StaffQuery query) {
  const int limit = query.limit;
  query.limit = limit + 1;
  auto rows = db_.Read([&](Connection& c) { return repo::ListStaff(c, query, who.scope); });
  Page<Staff> page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(limit);
    page.next_cursor = std::to_string(rows.back().id);
  }
  page.items = std::move(rows);
  return page;
}

std::vector<Department> Service::DirectoryDepartments() {
  auto all = db_.Read([](Connection& c) { return repo::ListDepartments(c); });
  std::erase_if(all, [](const Department& d) { return !d.active; });
  return all;
}

std::vector<Staff> Service::DirectoryStaff(repo::StaffQuery query) {
  query.active = true;
  query.staff_only = true;
  query.role.reset();
  return db_.Read([&](Connection& c) { return repo::ListStaff(c, query, Scope{.all = true}); });
}

Result<Staff> Service::GetStaff(const Principal& who, Id id) {
  auto s = db_.Read([&](Connection& c) { return repo::FindStaff(c, id); });
  if (!s) return Error::NotFound(fmt::format("staff {} does not exist", id));
  if (!who.scope.Contains(s->department_id) && who.staff_id != id) {
    return Error::Forbidden("this person is outside your departments");
  }
  return *s;
}

Status Service::CheckRolesAndScope(Connection& db, const std::vector<std::string>& roles,
                                   std::optional<Id> department_id, const std::vector<Id>& scope_ids) {
  if (roles.empty()) return Error::Invalid("roles", "at least one role is required");
  for (const auto& r : roles) {
    if (!IsRole(r)) return Error::Invalid("roles", fmt::format("unknown role '{}'", r));
  }
  // Customers and third-party evaluators are not members of a department.
  const bool external =
      std::all_of(roles.begin(), roles.end(), [](const std::string& r) { return r == "customer" || r == "evaluator"; });
  if (department_id) {
    auto d = repo::FindDepartment(db, *department_id);
    if (!d) return Error::Invalid("department_id", "no such department");
    if (!d->active) return Error::Invalid("department_id", "the department is deactivated");
  } else if (!external) {
    return Error::Invalid("department_id", "is required for staff");
  }
  for (Id d : scope_ids) {
    if (!repo::FindDepartment(db, d)) {
      return Error::Invalid("scope_department_ids", fmt::format("no such department {}", d));
    }
  }
  return {};
}

Result<Staff> Service::InsertStaff(WriteTx& tx, const StaffDraft& draft, const std::string& password_hash) {
  SQM_TRY(CheckUsername(draft.username));
  SQM_TRY(CheckRolesAndScope(tx.db(), draft.roles, draft.department_id, draft.scope_department_ids));
  if (repo::FindStaffIdByUsername(tx.db(), draft.username)) {
    return Error::Conflict("this username is already taken", "username");
  }
  SQM_ASSIGN(auto r, tx.db().Exec(
                         "INSERT INTO staff (username, display_name, department_id, title, email, phone, password_hash,"
                         " active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                         {draft.username, draft.display_name, draft.department_id, draft.title, draft.email,
                          draft.phone, password_hash, tx.now(), tx.now()}));
  const Id id = r.last_insert_id;
  SQM_TRY(ReplaceRoles(tx, id, draft.roles, draft.scope_department_ids));
  tx.Append("staff", std::to_string(id), "staff.created",
            {{"username", draft.username},
             {"display_name", draft.display_name},
             {"department_id", draft.department_id ? bj::value(*draft.department_id) : nullptr},
             {"roles", ToJsonArray(draft.roles)}});
  return *repo::FindStaff(tx.db(), id);
}

Result<Staff> Service::CreateStaff(const Principal& who, const StaffDraft& draft) {
  SQM_TRY(CheckUsername(draft.username));
  SQM_TRY(CheckPassword(draft.password, draft.username));
  const std::string hash = HashPassword(draft.password);  // slow: keep it off the writer thread
  return db_.Write(who.username, [&](WriteTx& tx) { return InsertStaff(tx, draft, hash); });
}

Result<Staff> Service::CreateStaffAsSystem(const StaffDraft& draft) {
  SQM_TRY(CheckUsername(draft.username));
  SQM_TRY(CheckPassword(draft.password, draft.username));
  const std::string hash = HashPassword(draft.password);
  return db_.Write("system", [&](WriteTx& tx) { return InsertStaff(tx, draft, hash); });
}

Result<Staff> Service::UpdateStaff(const Principal& who, Id id, const StaffPatch& patch) {
  std::optional<std::string> new_hash;
  if (patch.password) {  // hash before queueing the write: Argon2 is deliberately slow
    auto username = db_.Read([&](Connection& c) -> std::optional<std::string> {
      auto s = repo::FindStaff(c, id);
      return s ? std::optional(s->username) : std::nullopt;
    });
    if (!username) return Error::NotFound(fmt::format("staff {} does not exist", id));
    SQM_TRY(CheckPassword(*patch.password, *username));
    new_hash = HashPassword(*patch.password);
  }
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Staff> {
    auto before = repo::FindStaff(tx.db(), id);
    if (!before) return Error::NotFound(fmt::format("staff {} does not exist", id));
    const auto roles = patch.roles.value_or(before->roles);
    const auto department = patch.department_id ? patch.department_id : before->department_id;
    const auto scope_ids = patch.scope_department_ids.value_or(before->scope_department_ids);
    SQM_TRY(CheckRolesAndScope(tx.db(), roles, department, scope_ids));
    if (id == who.staff_id && patch.active == false) return Error::Invalid("active", "you cannot deactivate yourself");
    if (id == who.staff_id && std::find(roles.begin(), roles.end(), "admin") == roles.end() &&
        std::find(before->roles.begin(), before->roles.end(), "admin") != before->roles.end()) {
      return Error::Invalid("roles", "you cannot remove your own admin role");
    }
    bj::object changes;
    // `column` is one of the literal names below, never caller text.
    auto set_text = [&](const char* column, const std::optional<std::string>& v, const std::string& old) -> Status {
      if (!v || *v == old) return {};
      SQM_TRY(tx.db().Exec(fmt::format("UPDATE staff SET {} = ? WHERE id = ?", column), {*v, id}));
      changes[column] = {{"from", old}, {"to", *v}};
      return {};
    };
    SQM_TRY(set_text("display_name", patch.display_name, before->display_name));
    SQM_TRY(set_text("title", patch.title, before->title));
    SQM_TRY(set_text("email", patch.email, before->email));
    SQM_TRY(set_text("phone", patch.phone, before->phone));
    if (department != before->department_id) {
      SQM_TRY(tx.db().Exec("UPDATE staff SET department_id = ? WHERE id = ?", {department, id}));
      changes["department_id"] = {{"from", before->department_id ? bj::value(*before->department_id) : nullptr},
                                  {"to", department ? bj::value(*department) : nullptr}};
    }
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    auto sorted_ids = [](std::vector<Id> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    if (sorted(roles) != sorted(before->roles) || sorted_ids(scope_ids) != sorted_ids(before->scope_department_ids)) {
      SQM_TRY(ReplaceRoles(tx, id, roles, scope_ids));
      changes["roles"] = {{"from", ToJsonArray(before->roles)}, {"to", ToJsonArray(roles)}};
      changes["scope_department_ids"] = ToJsonArray(scope_ids);
    }
    if (patch.active && *patch.active != before->active) {
      SQM_TRY(tx.db().Exec("UPDATE staff SET active = ? WHERE id = ?", {*patch.active ? 1 : 0, id}));
      changes["active"] = {{"from", before->active}, {"to", *patch.active}};
      if (!*patch.active) SQM_TRY(EndSessions(tx, id));
    }
    if (new_hash) {
      SQM_TRY(tx.db().Exec("UPDATE staff SET password_hash = ? WHERE id = ?", {*new_hash, id}));
      SQM_TRY(EndSessions(tx, id));
      changes["password"] = "reset";
    }
    if (changes.empty()) return *before;
    SQM_TRY(tx.db().Exec("UPDATE staff SET updated_at = ? WHERE id = ?", {tx.now(), id}));
    tx.Append("staff", std::to_string(id), "staff.updated", std::move(changes));
    return *repo::FindStaff(tx.db(), id);
  });
}

// ---- API tokens ----

Result<std::vector<ApiToken>> Service::ListTokens(const Principal&) {
  return db_.Read([](Connection& c) { return repo::ListTokens(c); });
}

Result<CreatedToken> Service::CreateToken(const Principal& who, const TokenDraft& draft) {
  const std::string secret = "sqm_" + crypto::RandomToken(32);
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<CreatedToken> {
    auto staff = repo::FindStaff(tx.db(), draft.staff_id);
    if (!staff || !staff->active) return Error::Invalid("staff_id", "no such active account");
    if (draft.scopes.empty()) return Error::Invalid("scopes", "at least one scope is required");
    const auto allowed = PermissionsOf(staff->roles);
    std::string joined;
    for (const auto& s : draft.scopes) {
      if (!allowed.contains(s)) {
        return Error::Invalid("scopes", fmt::format("the account does not hold the permission '{}'", s));
      }
      joined += (joined.empty() ? "" : " ") + s;
    }
    if (draft.expires_at && *draft.expires_at <= tx.now()) return Error::Invalid("expires_at", "must be in the future");
    SQM_ASSIGN(
        auto r,
        tx.db().Exec("INSERT INTO api_tokens (staff_id, name, token_hash, scopes, created_at, expires_at)"
                     " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                     {draft.staff_id, draft.name, crypto::Sha256Hex(secret), joined, tx.now(), draft.expires_at}));
    tx.Append("api_token", std::to_string(r.last_insert_id), "api_token.created",
              {{"name", draft.name}, {"staff_id", draft.staff_id}, {"scopes", ToJsonArray(draft.scopes)}});
    return CreatedToken{ApiToken{r.last_insert_id, draft.staff_id, draft.name, draft.scopes, tx.now(), draft.expires_at,
                                 std::nullopt, std::nullopt},
                        secret};
  });
}

Status Service::RevokeToken(const Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_ASSIGN(auto r, tx.db().Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                                    {tx.now(), id}));
    if (r.changes == 0) return Error::NotFound(fmt::format("no active API token {}", id));
    tx.Append("api_token", std::to_string(id), "api_token.revoked", {});
    return {};
  });
}

}  // namespace sqm::org
