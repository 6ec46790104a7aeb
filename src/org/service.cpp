#include "org/service.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <fmt/format.h>

#include "base/crypto.h"
#include "base/json.h"
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

// The throttles, by the name their failures are stored under.
constexpr std::string_view kAccountThrottle = "account";
constexpr std::string_view kAddressThrottle = "address";
constexpr std::string_view kPasswordThrottle = "password";

Error TooManyTries(Message message, TimeMs wait) {
  Error e(ErrorCode::kTooManyRequests, std::move(message));
  e.retry_after_s = (wait + 999) / 1000;
  return e;
}

Error TooManySignIns(TimeMs wait) {
  const auto seconds = std::to_string((wait + 999) / 1000);
  return TooManyTries(
      Msg("auth.too_many_failures", "too many failed sign-ins; try again in {seconds} seconds", {{"seconds", seconds}}),
      wait);
}

Error DepartmentNotFound(Id id) {
  return Error::NotFound(Msg("department.not_found", "department {id} does not exist", {{"id", std::to_string(id)}}));
}

Error StaffNotFound(Id id) {
  return Error::NotFound(Msg("staff.not_found", "staff {id} does not exist", {{"id", std::to_string(id)}}));
}

void Check(Problems& problems, const Status& st) {
  if (!st.ok()) problems.Add(st.error());
}

Status Done(Problems& problems) {
  if (auto e = problems.Take()) return *std::move(e);
  return {};
}

// Roles, department and evaluator scope of an account, each problem added to `problems`.
void CheckRolesAndScope(Connection& db, const std::vector<std::string>& roles, std::optional<Id> department_id,
                        const std::vector<Id>& scope_ids, Problems& problems) {
  if (roles.empty()) problems.Add("roles", Msg("staff.role_required", "at least one role is required"));
  for (const auto& r : roles) {
    if (!IsRole(r)) {
      problems.Add("roles", Msg("staff.unknown_role", "unknown role '{role}'", {{"role", r}}));
      break;
    }
  }
  // Customers and third-party evaluators are not members of a department.
  const bool external = !roles.empty() && std::all_of(roles.begin(), roles.end(), [](const std::string& r) {
    return r == "customer" || r == "evaluator";
  });
  if (department_id) {
    auto d = repo::FindDepartment(db, *department_id);
    if (!d) {
      problems.Add("department_id", Msg("department.no_such", "no such department"));
    } else if (!d->active) {
      problems.Add("department_id", Msg("staff.department_inactive", "the department is deactivated"));
    }
  } else if (!external) {
    problems.Add("department_id", Msg("staff.department_required", "is required for staff"));
  }
  for (Id d : scope_ids) {
    if (!repo::FindDepartment(db, d)) {
      problems.Add("scope_department_ids",
                   Msg("staff.no_such_scope_department", "no such department {id}", {{"id", std::to_string(d)}}));
      break;
    }
  }
}

// Everything about a new account that the database can tell, each problem added to `problems`.
void CheckNewStaff(Connection& db, const StaffDraft& draft, Problems& problems) {
  if (draft.username.empty()) {
    problems.Add("username", Msg("field.required", "is required"));
  } else if (auto st = CheckUsername(draft.username); !st.ok()) {
    problems.Add(st.error());
  } else if (repo::FindStaffIdByUsername(db, draft.username)) {
    problems.Add(Error::Conflict(Msg("staff.username_taken", "this username is already taken"), "username"));
  }
  if (json::CodePoints(draft.display_name) == 0) problems.Add("display_name", Msg("field.required", "is required"));
  CheckRolesAndScope(db, draft.roles, draft.department_id, draft.scope_department_ids, problems);
}

// A department code's form, and that no other department (not `self`) has it.
void CheckCode(Connection& db, const std::string& code, Id self, Problems& problems) {
  if (auto st = CheckDepartmentCode(code); !st.ok()) {
    problems.Add(st.error());
  } else if (repo::DepartmentCodeTaken(db, code, self)) {
    problems.Add(Error::Conflict(Msg("department.code_taken", "the department code is already used"), "code"));
  }
}

// A new department's name, code and parent, each problem added to `problems`.
void CheckNewDepartment(Connection& db, const DepartmentDraft& draft, Problems& problems) {
  if (json::CodePoints(draft.name) == 0) problems.Add("name", Msg("field.required", "is required"));
  if (draft.code) CheckCode(db, *draft.code, 0, problems);
  if (draft.parent_id) {
    auto parent = repo::FindDepartment(db, *draft.parent_id);
    if (!parent) {
      problems.Add("parent_id", Msg("department.no_such", "no such department"));
    } else if (!parent->active) {
      problems.Add("parent_id", Msg("department.parent_inactive", "the parent department is deactivated"));
    }
  }
}

}  // namespace

Service::Service(storage::Database& db, const Clock& clock, ServiceOptions options)
    : db_(db), clock_(clock), options_(options), dummy_hash_(HashPassword(crypto::RandomToken(16))) {}

Result<Principal> Service::LoadPrincipal(Connection& db, Id staff_id) {
  auto staff = repo::FindStaff(db, staff_id);
  if (!staff || !staff->active)
    return Error::Unauthenticated(Msg("auth.account_inactive", "the account is not active"));
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

TimeMs Service::ThrottleWait(std::string_view kind, const std::string& subject, const ThrottleLimit& limit,
                             TimeMs now) {
  auto recent = db_.Read(
      [&](Connection& c) { return repo::RecentFailures(c, kind, subject, now - limit.window, limit.max_failures); });
  return RetryAfter(limit, recent, now);
}

Status Service::RecordFailures(WriteTx& tx, const std::vector<std::pair<std::string_view, std::string>>& subjects) {
  SQM_TRY(repo::ExpireFailures(tx.db(), tx.now() - options_.throttle_window));
  for (const auto& [kind, subject] : subjects) SQM_TRY(repo::RecordFailure(tx.db(), kind, subject, tx.now()));
  return {};
}

Result<LoginResult> Service::Login(const std::string& username, const std::string& password,
                                   const std::string& address) {
  const TimeMs now = clock_.Now();
  const std::string account_key = Lower(username);
  const TimeMs wait = std::max(
      ThrottleWait(kAccountThrottle, account_key, {options_.max_failures_per_account, options_.throttle_window}, now),
      ThrottleWait(kAddressThrottle, address, {options_.max_failures_per_address, options_.throttle_window}, now));
  if (wait > 0) return TooManySignIns(wait);
  auto found = db_.Read([&](Connection& c) -> std::optional<std::pair<Id, std::string>> {
    auto id = repo::FindStaffIdByUsername(c, username);
    if (!id) return std::nullopt;
    auto hash = repo::PasswordHash(c, *id);
    if (!hash) return std::nullopt;
    return std::make_pair(*id, *hash);
  });
  const bool ok = VerifyPassword(found ? found->second : dummy_hash_, password) && found.has_value();
  if (!ok) {
    SQM_TRY(db_.Write(username, [&](WriteTx& tx) -> Status {
      SQM_TRY(RecordFailures(tx, {{kAccountThrottle, account_key}, {kAddressThrottle, address}}));
      tx.Append("staff", found ? std::to_string(found->first) : "", "auth.login_failed",
                {{"username", username}, {"address", address}});
      return {};
    }));
    return Error::Unauthenticated(Msg("auth.wrong_credentials", "wrong username or password"));
  }
  const std::string token = crypto::RandomToken(32);
  return db_.Write(username, [&](WriteTx& tx) -> Result<LoginResult> {
    SQM_ASSIGN(Principal p, LoadPrincipal(tx.db(), found->first));
    p.csrf_token = crypto::RandomToken(24);
    const TimeMs expires = tx.now() + options_.session_ttl;
    SQM_TRY(repo::ClearFailures(tx.db(), kAccountThrottle, account_key));
    SQM_TRY(repo::DeleteExpiredSessions(tx.db(), p.staff_id, tx.now()));
    SQM_TRY(repo::InsertSession(tx.db(), SessionHash(token), {p.staff_id, p.csrf_token, expires}, tx.now(), address));
    tx.Append("staff", std::to_string(p.staff_id), "auth.login_succeeded", {{"address", address}});
    return LoginResult{token, std::move(p), expires};
  });
}

Status Service::Logout(const Principal& who, const std::string& session_token) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_TRY(repo::DeleteSession(tx.db(), SessionHash(session_token)));
    tx.Append("staff", std::to_string(who.staff_id), "auth.logout", {});
    return {};
  });
}

Result<Principal> Service::AuthenticateSession(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) {
    return Error::Unauthenticated(Msg("auth.not_signed_in", "not signed in"));
  }
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& c) -> Result<Principal> {
    auto s = repo::FindSession(c, SessionHash(session_token));
    if (!s || s->expires_at <= now) {
      return Error::Unauthenticated(Msg("auth.session_ended", "the session has ended; sign in again"));
    }
    SQM_ASSIGN(Principal p, LoadPrincipal(c, s->staff_id));
    p.csrf_token = s->csrf_token;
    return p;
  });
}

Result<Principal> Service::AuthenticateToken(const std::string& bearer) {
  const Error invalid = Error::Unauthenticated(Msg("auth.token_invalid", "invalid, expired or revoked API token"));
  if (bearer.empty() || bearer.size() > 128) return invalid;
  const TimeMs now = clock_.Now();
  std::optional<repo::TokenRow> token;
  auto principal = db_.Read([&](Connection& c) -> Result<Principal> {
    token = repo::FindTokenByHash(c, crypto::Sha256Hex(bearer));
    if (!token || token->revoked_at || (token->expires_at && *token->expires_at <= now)) return invalid;
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
    auto st = db_.Write(principal->username,
                        [&](storage::WriteTx& tx) -> Status { return repo::TouchToken(tx.db(), token->id, now); });
    if (!st.ok()) spdlog::warn("api token {}: last_used_at not recorded: {}", token->id, st.error().message);
  }
  return principal;
}

Status Service::ChangePassword(const Principal& who, const std::string& current, const std::string& next,
                               const std::string& session_token) {
  const TimeMs now = clock_.Now();
  const std::string subject = std::to_string(who.staff_id);
  const ThrottleLimit limit{options_.max_wrong_current_passwords, options_.throttle_window};
  if (const TimeMs wait = ThrottleWait(kPasswordThrottle, subject, limit, now); wait > 0) {
    return TooManyTries(
        Msg("auth.too_many_password_checks", "too many wrong current passwords; try again in {seconds} seconds",
            {{"seconds", std::to_string((wait + 999) / 1000)}}),
        wait);
  }
  auto hash = db_.Read([&](Connection& c) { return repo::PasswordHash(c, who.staff_id); });
  const bool current_ok = hash && VerifyPassword(*hash, current);
  Problems problems;
  if (!current_ok) {
    SQM_TRY(db_.Write(who.username, [&](WriteTx& tx) -> Status {
      SQM_TRY(RecordFailures(tx, {{kPasswordThrottle, subject}}));
      tx.Append("staff", subject, "auth.password_check_failed", {});
      return {};
    }));
    problems.Add("current_password", Msg("auth.current_password_wrong", "the current password is wrong"));
  }
  Check(problems, CheckPassword(next, {who.username, who.display_name}, "new_password"));
  if (next == current) {
    problems.Add("new_password", Msg("auth.password_unchanged", "must differ from the current password"));
  }
  SQM_TRY(Done(problems));
  const std::string new_hash = HashPassword(next);
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_TRY(repo::SetPasswordHash(tx.db(), who.staff_id, new_hash, tx.now()));
    SQM_TRY(repo::DeleteSessions(tx.db(), who.staff_id, SessionHash(session_token)));
    SQM_TRY(repo::ClearFailures(tx.db(), kPasswordThrottle, subject));
    tx.Append("staff", subject, "staff.password_changed", {});
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
  if (!d) return DepartmentNotFound(id);
  if (!who.scope.Contains(id)) {
    return Error::Forbidden(Msg("department.outside_scope", "this department is outside your departments"));
  }
  return *d;
}

Result<Department> Service::CreateDepartment(const Principal& who, const DepartmentDraft& draft) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Department> {
    Problems problems;
    CheckNewDepartment(tx.db(), draft, problems);
    SQM_TRY(Done(problems));
    Department d;
    d.parent_id = draft.parent_id;
    d.name = draft.name;
    d.code = draft.code;
    d.created_at = d.updated_at = tx.now();
    SQM_ASSIGN(const Id id, repo::InsertDepartment(tx.db(), d));
    tx.Append("department", std::to_string(id), "department.created",
              {{"name", draft.name},
               {"parent_id", draft.parent_id ? bj::value(*draft.parent_id) : bj::value(nullptr)},
               {"code", draft.code ? bj::value(*draft.code) : bj::value(nullptr)}});
    return *repo::FindDepartment(tx.db(), id);
  });
}

Result<Department> Service::UpdateDepartment(const Principal& who, Id id, const DepartmentPatch& patch) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Department> {
    auto& db = tx.db();
    auto before = repo::FindDepartment(db, id);
    if (!before) return DepartmentNotFound(id);
    Department after = *before;
    bj::object changes;
    Problems problems;
    if (patch.name && *patch.name != before->name) {
      if (json::CodePoints(*patch.name) == 0) problems.Add("name", Msg("field.required", "is required"));
      after.name = *patch.name;
      changes["name"] = {{"from", before->name}, {"to", *patch.name}};
    }
    if (patch.code && *patch.code != before->code) {
      if (*patch.code) CheckCode(db, **patch.code, id, problems);
      after.code = *patch.code;
      changes["code"] = {{"from", before->code ? bj::value(*before->code) : nullptr},
                         {"to", *patch.code ? bj::value(**patch.code) : nullptr}};
    }
    if (patch.parent_id && patch.parent_id != before->parent_id) {
      if (auto st = CheckMove(id, *patch.parent_id, repo::DepartmentParents(db)); !st.ok()) {
        problems.Add(st.error());
      } else if (!repo::FindDepartment(db, *patch.parent_id)->active && before->active) {
        problems.Add("parent_id", Msg("department.new_parent_inactive", "the new parent department is deactivated"));
      }
      after.parent_id = *patch.parent_id;
      changes["parent_id"] = {{"from", before->parent_id ? bj::value(*before->parent_id) : nullptr},
                              {"to", *patch.parent_id}};
    }
    if (patch.active && *patch.active != before->active) {
      if (!*patch.active) {
        if (const auto n = repo::CountActiveChildren(db, id); n > 0) {
          problems.Add(
              Error::Conflict(Msg("department.has_active_children",
                                  "the department has {count} active sub-departments; deactivate or move them first",
                                  {{"count", std::to_string(n)}}),
                              "active"));
        } else if (const auto m = repo::CountActiveStaffIn(db, id); m > 0) {
          problems.Add(Error::Conflict(
              Msg("department.has_active_staff", "the department has {count} active staff; move them first",
                  {{"count", std::to_string(m)}}),
              "active"));
        }
      } else if (after.parent_id) {
        auto parent = repo::FindDepartment(db, *after.parent_id);
        if (parent && !parent->active) {
          problems.Add(
              Error::Conflict(Msg("department.parent_inactive", "the parent department is deactivated"), "active"));
        }
      }
      after.active = *patch.active;
      changes["active"] = {{"from", before->active}, {"to", *patch.active}};
    }
    SQM_TRY(Done(problems));
    if (changes.empty()) return *before;
    after.updated_at = tx.now();
    SQM_TRY(repo::SaveDepartment(db, after));
    tx.Append("department", std::to_string(id), "department.updated", std::move(changes));
    return *repo::FindDepartment(db, id);
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
  query.names_only = true;  // never a way to look people up by their contact details
  query.role.reset();
  return db_.Read([&](Connection& c) { return repo::ListStaff(c, query, Scope{.all = true}); });
}

Result<Staff> Service::GetStaff(const Principal& who, Id id) {
  auto s = db_.Read([&](Connection& c) { return repo::FindStaff(c, id); });
  if (!s) return StaffNotFound(id);
  if (!who.scope.Contains(s->department_id) && who.staff_id != id) {
    return Error::Forbidden(Msg("staff.outside_scope", "this person is outside your departments"));
  }
  return *s;
}

Result<Staff> Service::InsertStaff(WriteTx& tx, const StaffDraft& draft, const std::string& password_hash) {
  Problems problems;
  CheckNewStaff(tx.db(), draft, problems);  // again: the database may have changed since the form was checked
  SQM_TRY(Done(problems));
  Staff s;
  s.username = draft.username;
  s.display_name = draft.display_name;
  s.department_id = draft.department_id;
  s.title = draft.title;
  s.email = draft.email;
  s.phone = draft.phone;
  s.created_at = s.updated_at = tx.now();
  SQM_ASSIGN(const Id id, repo::InsertStaff(tx.db(), s, password_hash));
  SQM_TRY(repo::ReplaceRoles(tx.db(), id, draft.roles, draft.scope_department_ids));
  tx.Append("staff", std::to_string(id), "staff.created",
            {{"username", draft.username},
             {"display_name", draft.display_name},
             {"department_id", draft.department_id ? bj::value(*draft.department_id) : nullptr},
             {"roles", ToJsonArray(draft.roles)}});
  return *repo::FindStaff(tx.db(), id);
}

Result<Staff> Service::CreateStaff(const Principal& who, const StaffDraft& draft) {
  Problems problems;
  db_.Read([&](Connection& c) { CheckNewStaff(c, draft, problems); });
  if (draft.password.empty()) {
    problems.Add("password", Msg("field.required", "is required"));
  } else {
    Check(problems, CheckPassword(draft.password, {draft.username, draft.display_name}));
  }
  SQM_TRY(Done(problems));
  const std::string hash = HashPassword(draft.password);  // slow: keep it off the writer thread
  return db_.Write(who.username, [&](WriteTx& tx) { return InsertStaff(tx, draft, hash); });
}

Result<Staff> Service::CreateStaffAsSystem(const StaffDraft& draft) {
  return CreateStaff(Principal::System(), draft);
}

Result<int> Service::ResetPasswordsAsSystem(const std::vector<std::string>& usernames, const std::string& password) {
  SQM_TRY(CheckPassword(password, {}));
  const std::string hash = HashPassword(password);
  return db_.Write("system", [&](WriteTx& tx) -> Result<int> {
    int set = 0;
    for (const auto& username : usernames) {
      auto id = repo::FindStaffIdByUsername(tx.db(), username);
      if (!id) continue;
      SQM_TRY(repo::SetPasswordHash(tx.db(), *id, hash, tx.now()));
      SQM_TRY(repo::DeleteSessions(tx.db(), *id));
      tx.Append("staff", std::to_string(*id), "staff.updated", {{"password", "reset"}});
      ++set;
    }
    return set;
  });
}

Result<Staff> Service::UpdateStaff(const Principal& who, Id id, const StaffPatch& patch) {
  auto current = db_.Read([&](Connection& c) { return repo::FindStaff(c, id); });
  if (!current) return StaffNotFound(id);
  std::optional<std::string> new_hash;
  if (patch.password) {  // hash before queueing the write: Argon2 is deliberately slow
    if (auto st =
            CheckPassword(*patch.password, {current->username, patch.display_name.value_or(current->display_name)});
        st.ok())
      new_hash = HashPassword(*patch.password);
  }
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Staff> {
    auto& db = tx.db();
    auto before = repo::FindStaff(db, id);
    if (!before) return StaffNotFound(id);
    Problems problems;
    const auto roles = patch.roles.value_or(before->roles);
    const auto department = patch.department_id ? patch.department_id : before->department_id;
    const auto scope_ids = patch.scope_department_ids.value_or(before->scope_department_ids);
    if (patch.display_name && json::CodePoints(*patch.display_name) == 0) {
      problems.Add("display_name", Msg("field.required", "is required"));
    }
    CheckRolesAndScope(db, roles, department, scope_ids, problems);
    if (patch.password) {
      Check(problems,
            CheckPassword(*patch.password, {before->username, patch.display_name.value_or(before->display_name)}));
    }
    if (id == who.staff_id && patch.active == false) {
      problems.Add("active", Msg("staff.cannot_deactivate_self", "you cannot deactivate yourself"));
    }
    if (id == who.staff_id && std::find(roles.begin(), roles.end(), "admin") == roles.end() &&
        std::find(before->roles.begin(), before->roles.end(), "admin") != before->roles.end()) {
      problems.Add("roles", Msg("staff.cannot_drop_own_admin", "you cannot remove your own admin role"));
    }
    SQM_TRY(Done(problems));
    Staff after = *before;
    bj::object changes;
    auto set_text = [&](const char* name, const std::optional<std::string>& v, std::string& field) {
      if (!v || *v == field) return;
      changes[name] = {{"from", field}, {"to", *v}};
      field = *v;
    };
    set_text("display_name", patch.display_name, after.display_name);
    set_text("title", patch.title, after.title);
    set_text("email", patch.email, after.email);
    set_text("phone", patch.phone, after.phone);
    if (department != before->department_id) {
      changes["department_id"] = {{"from", before->department_id ? bj::value(*before->department_id) : nullptr},
                                  {"to", department ? bj::value(*department) : nullptr}};
      after.department_id = department;
    }
    auto sorted = [](auto v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    if (sorted(roles) != sorted(before->roles) || sorted(scope_ids) != sorted(before->scope_department_ids)) {
      SQM_TRY(repo::ReplaceRoles(db, id, roles, scope_ids));
      changes["roles"] = {{"from", ToJsonArray(before->roles)}, {"to", ToJsonArray(roles)}};
      changes["scope_department_ids"] = ToJsonArray(scope_ids);
    }
    if (patch.active && *patch.active != before->active) {
      changes["active"] = {{"from", before->active}, {"to", *patch.active}};
      after.active = *patch.active;
      if (!*patch.active) SQM_TRY(repo::DeleteSessions(db, id));
    }
    if (new_hash) {
      SQM_TRY(repo::SetPasswordHash(db, id, *new_hash, tx.now()));
      SQM_TRY(repo::DeleteSessions(db, id));
      changes["password"] = "reset";
    }
    if (changes.empty()) return *before;
    after.updated_at = tx.now();
    SQM_TRY(repo::SaveStaff(db, after));
    tx.Append("staff", std::to_string(id), "staff.updated", std::move(changes));
    return *repo::FindStaff(db, id);
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
    Problems problems;
    if (!staff || !staff->active) problems.Add("staff_id", Msg("token.no_account", "no such active account"));
    if (draft.scopes.empty()) problems.Add("scopes", Msg("token.scope_required", "at least one scope is required"));
    const auto allowed = staff ? PermissionsOf(staff->roles) : std::set<std::string>{};
    for (const auto& s : draft.scopes) {
      if (staff && !allowed.contains(s)) {
        problems.Add("scopes", Msg("token.scope_not_held", "the account does not hold the permission '{permission}'",
                                   {{"permission", s}}));
        break;
      }
    }
    if (draft.expires_at && *draft.expires_at <= tx.now()) {
      problems.Add("expires_at", Msg("token.expiry_past", "must be in the future"));
    }
    SQM_TRY(Done(problems));
    ApiToken t{0, draft.staff_id, draft.name, draft.scopes, tx.now(), draft.expires_at, std::nullopt, std::nullopt};
    SQM_ASSIGN(t.id, repo::InsertToken(tx.db(), t, crypto::Sha256Hex(secret)));
    tx.Append("api_token", std::to_string(t.id), "api_token.created",
              {{"name", draft.name}, {"staff_id", draft.staff_id}, {"scopes", ToJsonArray(draft.scopes)}});
    return CreatedToken{std::move(t), secret};
  });
}

Status Service::RevokeToken(const Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_ASSIGN(const bool revoked, repo::RevokeToken(tx.db(), id, tx.now()));
    if (!revoked) {
      return Error::NotFound(Msg("token.not_found", "no active API token {id}", {{"id", std::to_string(id)}}));
    }
    tx.Append("api_token", std::to_string(id), "api_token.revoked", {});
    return {};
  });
}

}  // namespace sqm::org
