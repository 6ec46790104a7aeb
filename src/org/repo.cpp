#include "org/repo.h"

#include <sstream>

namespace sqm::org::repo {

using storage::Placeholders;
using storage::Row;
using storage::Value;

namespace {

// `text` as a LIKE pattern that matches it anywhere, with its own %, _ and \ taken literally.
std::string Contains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::vector<std::string> SplitScopes(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ' ')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

constexpr const char* kDepartmentSelect =
    "SELECT d.id, d.parent_id, d.name, d.code, d.active, d.created_at, d.updated_at,"
    " (SELECT count(*) FROM staff s WHERE s.department_id = d.id AND s.active = 1)"
    " FROM departments d";

Department DepartmentFrom(const Row& r) {
  return Department{r.Int(0), r.OptInt(1), r.Text(2), r.OptText(3), r.Bool(4), r.Int(7), r.Int(5), r.Int(6)};
}

constexpr const char* kStaffSelect =
    "SELECT s.id, s.username, s.display_name, s.department_id, coalesce(d.name, ''), s.title, s.email, s.phone,"
    " s.active, s.created_at, s.updated_at FROM staff s LEFT JOIN departments d ON d.id = s.department_id";

Staff StaffFrom(const Row& r) {
  Staff s;
  s.id = r.Int(0);
  s.username = r.Text(1);
  s.display_name = r.Text(2);
  s.department_id = r.OptInt(3);
  s.department_name = r.Text(4);
  s.title = r.Text(5);
  s.email = r.Text(6);
  s.phone = r.Text(7);
  s.active = r.Bool(8);
  s.created_at = r.Int(9);
  s.updated_at = r.Int(10);
  return s;
}

void AttachRoles(Connection& db, std::vector<Staff>& staff) {
  if (staff.empty()) return;
  std::vector<Value> ids;
  std::map<Id, Staff*> by_id;
  for (auto& s : staff) {
    ids.emplace_back(s.id);
    by_id[s.id] = &s;
  }
  const auto in = Placeholders(ids.size());
  for (const auto& r :
       db.Query("SELECT staff_id, role FROM staff_roles WHERE staff_id IN (" + in + ") ORDER BY role", ids)) {
    by_id[r.Int(0)]->roles.push_back(r.Text(1));
  }
  for (const auto& r : db.Query(
           "SELECT staff_id, department_id FROM evaluator_scopes WHERE staff_id IN (" + in + ") ORDER BY department_id",
           ids)) {
    by_id[r.Int(0)]->scope_department_ids.push_back(r.Int(1));
  }
}

}  // namespace

std::vector<Department> ListDepartments(Connection& db) {
  std::vector<Department> out;
  for (const auto& r : db.Query(std::string(kDepartmentSelect) + " ORDER BY d.parent_id NULLS FIRST, d.id")) {
    out.push_back(DepartmentFrom(r));
  }
  return out;
}

std::vector<Department> ListDepartmentTree(Connection& db) {
  std::vector<Department> out;
  for (const auto& r : db.Query("SELECT d.id, d.parent_id, d.name, d.code, d.active, d.created_at, d.updated_at, 0"
                                " FROM departments d ORDER BY d.parent_id NULLS FIRST, d.id")) {
    out.push_back(DepartmentFrom(r));
  }
  return out;
}

std::optional<Department> FindDepartment(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kDepartmentSelect) + " WHERE d.id = ?", {id});
  if (!r) return std::nullopt;
  return DepartmentFrom(*r);
}

std::map<Id, std::optional<Id>> DepartmentParents(Connection& db) {
  std::map<Id, std::optional<Id>> out;
  for (const auto& r : db.Query("SELECT id, parent_id FROM departments")) out[r.Int(0)] = r.OptInt(1);
  return out;
}

std::multimap<Id, Id> DepartmentChildren(Connection& db) {
  std::multimap<Id, Id> out;
  for (const auto& r : db.Query("SELECT parent_id, id FROM departments WHERE parent_id IS NOT NULL")) {
    out.emplace(r.Int(0), r.Int(1));
  }
  return out;
}

std::int64_t CountActiveChildren(Connection& db, Id id) {
  return db.QueryOne("SELECT count(*) FROM departments WHERE parent_id = ? AND active = 1", {id})->Int(0);
}

bool DepartmentCodeTaken(Connection& db, const std::string& code, Id except) {
  return db.QueryOne("SELECT 1 FROM departments WHERE code = ? AND id <> ?", {code, except}).has_value();
}

Result<Id> InsertDepartment(Connection& db, const Department& d) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO departments (parent_id, name, code, active, created_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                             {d.parent_id, d.name, d.code, d.active ? 1 : 0, d.created_at, d.updated_at}));
  return r.last_insert_id;
}

Status SaveDepartment(Connection& db, const Department& d) {
  return db.Exec("UPDATE departments SET parent_id = ?, name = ?, code = ?, active = ?, updated_at = ? WHERE id = ?",
                 {d.parent_id, d.name, d.code, d.active ? 1 : 0, d.updated_at, d.id});
}

std::vector<Staff> ListStaff(Connection& db, const StaffQuery& q, const Scope& scope) {
  std::string sql = std::string(kStaffSelect) + " WHERE 1=1";
  std::vector<Value> params;
  if (!scope.all) {
    if (scope.departments.empty()) return {};
    sql += " AND s.department_id IN (" + Placeholders(scope.departments.size()) + ")";
    for (Id d : scope.departments) params.emplace_back(d);
  }
  if (q.q) {
    const std::string pattern = Contains(*q.q);
    sql += " AND (lower(s.username) LIKE lower(?) ESCAPE '\\' OR lower(s.display_name) LIKE lower(?) ESCAPE '\\'";
    if (!q.names_only) sql += " OR lower(s.email) LIKE lower(?) ESCAPE '\\' OR s.phone LIKE ? ESCAPE '\\'";
    sql += ")";
    for (int i = 0; i < (q.names_only ? 2 : 4); ++i) params.emplace_back(pattern);
  }
  if (q.department_id) {
    sql += " AND s.department_id = ?";
    params.emplace_back(*q.department_id);
  }
  if (q.role) {
    sql += " AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = ?)";
    params.emplace_back(*q.role);
  }
  if (q.staff_only) {
    sql += " AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role <> 'customer')";
  }
  if (q.active) {
    sql += *q.active ? " AND s.active = 1" : " AND s.active = 0";
  }
  if (q.after_id) {
    sql += " AND s.id > ?";
    params.emplace_back(*q.after_id);
  }
  sql += " ORDER BY s.id LIMIT ?";
  params.emplace_back(q.limit);
  std::vector<Staff> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(StaffFrom(r));
  AttachRoles(db, out);
  return out;
}

std::optional<Staff> FindStaff(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kStaffSelect) + " WHERE s.id = ?", {id});
  if (!r) return std::nullopt;
  std::vector<Staff> one{StaffFrom(*r)};
  AttachRoles(db, one);
  return std::move(one.front());
}

std::optional<Id> FindStaffIdByUsername(Connection& db, const std::string& username) {
  auto r = db.QueryOne("SELECT id FROM staff WHERE lower(username) = lower(?)", {username});
  if (!r) return std::nullopt;
  return r->Int(0);
}

std::optional<std::string> PasswordHash(Connection& db, Id staff_id) {
  auto r = db.QueryOne("SELECT password_hash FROM staff WHERE id = ? AND active = 1", {staff_id});
  if (!r) return std::nullopt;
  return r->Text(0);
}

std::vector<std::string> RolesOf(Connection& db, Id staff_id) {
  std::vector<std::string> out;
  for (const auto& r : db.Query("SELECT role FROM staff_roles WHERE staff_id = ? ORDER BY role", {staff_id})) {
    out.push_back(r.Text(0));
  }
  return out;
}

std::vector<Id> EvaluatorScopeOf(Connection& db, Id staff_id) {
  std::vector<Id> out;
  for (const auto& r : db.Query("SELECT department_id FROM evaluator_scopes WHERE staff_id = ?", {staff_id})) {
    out.push_back(r.Int(0));
  }
  return out;
}

std::int64_t CountActiveStaffIn(Connection& db, Id department_id) {
  return db.QueryOne("SELECT count(*) FROM staff WHERE department_id = ? AND active = 1", {department_id})->Int(0);
}

Result<Id> InsertStaff(Connection& db, const Staff& s, const std::string& password_hash) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO staff (username, display_name, department_id, title, email, phone,"
                             " password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                             " RETURNING id",
                             {s.username, s.display_name, s.department_id, s.title, s.email, s.phone, password_hash,
                              s.active ? 1 : 0, s.created_at, s.updated_at}));
  return r.last_insert_id;
}

Status SaveStaff(Connection& db, const Staff& s) {
  return db.Exec(
      "UPDATE staff SET display_name = ?, department_id = ?, title = ?, email = ?, phone = ?, active = ?,"
      " updated_at = ? WHERE id = ?",
      {s.display_name, s.department_id, s.title, s.email, s.phone, s.active ? 1 : 0, s.updated_at, s.id});
}

Status SetPasswordHash(Connection& db, Id staff_id, const std::string& password_hash, TimeMs now) {
  return db.Exec("UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?", {password_hash, now, staff_id});
}

Status ReplaceRoles(Connection& db, Id staff_id, const std::vector<std::string>& roles,
                    const std::vector<Id>& scope_ids) {
  SQM_TRY(db.Exec("DELETE FROM staff_roles WHERE staff_id = ?", {staff_id}));
  for (const auto& r : roles) {
    SQM_TRY(db.Exec("INSERT INTO staff_roles (staff_id, role) VALUES (?, ?) ON CONFLICT (staff_id, role) DO NOTHING",
                    {staff_id, r}));
  }
  SQM_TRY(db.Exec("DELETE FROM evaluator_scopes WHERE staff_id = ?", {staff_id}));
  for (Id d : scope_ids) {
    SQM_TRY(
        db.Exec("INSERT INTO evaluator_scopes (staff_id, department_id) VALUES (?, ?)"
                " ON CONFLICT (staff_id, department_id) DO NOTHING",
                {staff_id, d}));
  }
  return {};
}

std::optional<SessionRow> FindSession(Connection& db, const std::string& token_hash) {
  auto r = db.QueryOne(
      "SELECT s.staff_id, s.csrf_token, s.expires_at FROM sessions s JOIN staff u ON u.id = s.staff_id"
      " WHERE s.token_hash = ? AND u.active = 1",
      {token_hash});
  if (!r) return std::nullopt;
  return SessionRow{r->Int(0), r->Text(1), r->Int(2)};
}

Status InsertSession(Connection& db, const std::string& token_hash, const SessionRow& s, TimeMs created_at,
                     const std::string& address) {
  return db.Exec(
      "INSERT INTO sessions (token_hash, staff_id, csrf_token, created_at, expires_at, address)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {token_hash, s.staff_id, s.csrf_token, created_at, s.expires_at, address});
}

Status DeleteSession(Connection& db, const std::string& token_hash) {
  return db.Exec("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

Status DeleteExpiredSessions(Connection& db, Id staff_id, TimeMs now) {
  return db.Exec("DELETE FROM sessions WHERE staff_id = ? AND expires_at <= ?", {staff_id, now});
}

Status DeleteSessions(Connection& db, Id staff_id, const std::string& except_hash) {
  return db.Exec("DELETE FROM sessions WHERE staff_id = ? AND token_hash <> ?", {staff_id, except_hash});
}

std::optional<TokenRow> FindTokenByHash(Connection& db, const std::string& token_hash) {
  auto r = db.QueryOne(
      "SELECT t.id, t.staff_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at FROM api_tokens t"
      " JOIN staff u ON u.id = t.staff_id WHERE t.token_hash = ? AND u.active = 1",
      {token_hash});
  if (!r) return std::nullopt;
  return TokenRow{r->Int(0), r->Int(1), SplitScopes(r->Text(2)), r->OptInt(3), r->OptInt(4), r->OptInt(5)};
}

std::vector<ApiToken> ListTokens(Connection& db) {
  std::vector<ApiToken> out;
  for (const auto& r : db.Query("SELECT id, staff_id, name, scopes, created_at, expires_at, revoked_at, last_used_at"
                                " FROM api_tokens ORDER BY id DESC")) {
    out.push_back(ApiToken{r.Int(0), r.Int(1), r.Text(2), SplitScopes(r.Text(3)), r.Int(4), r.OptInt(5), r.OptInt(6),
                           r.OptInt(7)});
  }
  return out;
}

Result<Id> InsertToken(Connection& db, const ApiToken& t, const std::string& token_hash) {
  std::string scopes;
  for (const auto& s : t.scopes) scopes += (scopes.empty() ? "" : " ") + s;
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO api_tokens (staff_id, name, token_hash, scopes, created_at, expires_at)"
                             " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                             {t.staff_id, t.name, token_hash, scopes, t.created_at, t.expires_at}));
  return r.last_insert_id;
}

Status TouchToken(Connection& db, Id id, TimeMs now) {
  return db.Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, id});
}

Result<bool> RevokeToken(Connection& db, Id id, TimeMs now) {
  SQM_ASSIGN(auto r, db.Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now, id}));
  return r.changes > 0;
}

Status RecordFailure(Connection& db, std::string_view kind, const std::string& subject, TimeMs at) {
  return db.Exec("INSERT INTO sign_in_failures (kind, subject, at) VALUES (?, ?, ?)", {kind, subject, at});
}

std::vector<TimeMs> RecentFailures(Connection& db, std::string_view kind, const std::string& subject, TimeMs since,
                                   int limit) {
  std::vector<TimeMs> out;
  for (const auto& r : db.Query("SELECT at FROM sign_in_failures WHERE kind = ? AND subject = ? AND at > ?"
                                " ORDER BY at DESC LIMIT ?",
                                {kind, subject, since, limit})) {
    out.push_back(r.Int(0));
  }
  return out;
}

Status ClearFailures(Connection& db, std::string_view kind, const std::string& subject) {
  return db.Exec("DELETE FROM sign_in_failures WHERE kind = ? AND subject = ?", {kind, subject});
}

Status ExpireFailures(Connection& db, TimeMs before) {
  return db.Exec("DELETE FROM sign_in_failures WHERE at <= ?", {before});
}

bool IsActiveStaff(Connection& db, Id id) {
  auto s = FindStaff(db, id);
  return s && s->active;
}

std::vector<Id> ManagersOf(Connection& db, Id department) {
  std::vector<Id> out;
  for (const auto& r : db.Query("SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id"
                                " WHERE s.department_id = ? AND r.role = 'manager' AND s.active = 1 ORDER BY s.id",
                                {department})) {
    out.push_back(r.Int(0));
  }
  return out;
}

std::vector<Id> MembersWithRoles(Connection& db, Id department, const std::vector<std::string>& roles) {
  std::vector<Id> out;
  if (roles.empty()) return out;
  std::vector<Value> params{department};
  for (const auto& r : roles) params.emplace_back(r);
  for (const auto& r : db.Query("SELECT DISTINCT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id"
                                " WHERE s.department_id = ? AND s.active = 1 AND r.role IN (" +
                                    Placeholders(roles.size()) + ") ORDER BY s.id",
                                params)) {
    out.push_back(r.Int(0));
  }
  return out;
}

}  // namespace sqm::org::repo
