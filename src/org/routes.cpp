#include "org/routes.h"

#include "base/json.h"
#include "http/app.h"

namespace sqm::org {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::Response;
using http::TimeJson;

namespace {

bj::array Strings(const auto& v) {
  return bj::array(v.begin(), v.end());
}

bj::object DepartmentJson(const Department& d) {
  return {{"id", d.id},
          {"parent_id", OrNull(d.parent_id)},
          {"name", d.name},
          {"code", OrNull(d.code)},
          {"active", d.active},
          {"staff_count", d.staff_count},
          {"created_at", TimeJson(d.created_at)},
          {"updated_at", TimeJson(d.updated_at)}};
}

bj::object StaffJson(const Staff& s) {
  return {{"id", s.id},
          {"username", s.username},
          {"display_name", s.display_name},
          {"department_id", OrNull(s.department_id)},
          {"department_name", s.department_name},
          {"title", s.title},
          {"email", s.email},
          {"phone", s.phone},
          {"roles", Strings(s.roles)},
          {"scope_department_ids", Strings(s.scope_department_ids)},
          {"active", s.active},
          {"created_at", TimeJson(s.created_at)},
          {"updated_at", TimeJson(s.updated_at)}};
}

bj::object MeJson(const Principal& p, const Staff& s, const RouteOptions& opt) {
  bj::object o = StaffJson(s);
  o["permissions"] = Strings(p.permissions);
  o["csrf_token"] = p.csrf_token;
  o["business_zone"] = opt.business_zone;
  return o;
}

bj::object TokenJson(const ApiToken& t) {
  return {{"id", t.id},
          {"staff_id", t.staff_id},
          {"name", t.name},
          {"scopes", Strings(t.scopes)},
          {"created_at", TimeJson(t.created_at)},
          {"expires_at", TimeJson(t.expires_at)},
          {"revoked_at", TimeJson(t.revoked_at)},
          {"last_used_at", TimeJson(t.last_used_at)}};
}

constexpr json::Reader::StringRule kName{.min_len = 1, .max_len = 100};
// Form fields whose emptiness the service reports together with every other problem of the form.
constexpr json::Reader::StringRule kFormName{.min_len = 0, .max_len = 100};
constexpr json::Reader::StringRule kOptionalText{.min_len = 0, .max_len = 200};

std::vector<Id> IdList(json::Reader& in, std::string_view key, std::optional<std::vector<Id>>& out) {
  const bj::value* v = in.OptValue(key);
  if (!v || v->is_null()) return {};
  if (!v->is_array()) {
    in.Fail(key, Msg("department.not_id_list", "must be a list of department ids"));
    return {};
  }
  std::vector<Id> ids;
  for (const auto& e : v->get_array()) {
    if (!e.is_int64() || e.get_int64() <= 0) {
      in.Fail(key, Msg("department.not_id_list", "must be a list of department ids"));
      return {};
    }
    ids.push_back(e.get_int64());
  }
  out = ids;
  return ids;
}

Response Login(Service& svc, const RouteOptions& opt, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  auto username = in.String("username", {.max_len = 64});
  auto password = in.String("password", {.min_len = 1, .max_len = 256, .trim = false});
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  SQM_ASSIGN_OR_REPLY(auto login, svc.Login(username, password, req.remote_address));
  SQM_ASSIGN_OR_REPLY(auto me, svc.GetStaff(login.principal, login.principal.staff_id));
  Response r = JsonResponse(
      200, bj::object{{"user", MeJson(login.principal, me, opt)}, {"csrf_token", login.principal.csrf_token}});
  r.SetHeader("Set-Cookie", http::SessionCookie(login.session_token, opt.session_ttl, opt.secure_cookies));
  return r;
}

Response Logout(Service& svc, const RouteOptions& opt, Request& req) {
  if (req.session_token.empty()) return http::NoContent();  // a token caller has no session
  if (auto st = svc.Logout(req.who(), req.session_token); !st.ok()) return ErrorResponse(st.error());
  Response r = http::NoContent();
  r.SetHeader("Set-Cookie", http::SessionCookie("", 0, opt.secure_cookies));
  return r;
}

Response ChangePassword(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  auto current = in.String("current_password", {.min_len = 1, .max_len = 256, .trim = false});
  auto next = in.String("new_password", {.min_len = 1, .max_len = 256, .trim = false});
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.ChangePassword(req.who(), current, next, req.session_token));
}

Response CreateDepartment(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  DepartmentDraft d;
  d.name = in.String("name", kFormName);
  d.parent_id = in.OptInt("parent_id", 1);
  d.code = in.OptString("code", {.min_len = 1, .max_len = 32});
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.CreateDepartment(req.who(), d), DepartmentJson, 201);
}

Response UpdateDepartment(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  DepartmentPatch p;
  p.name = in.OptString("name", kFormName);
  p.parent_id = in.OptInt("parent_id", 1);
  if (in.Has("parent_id") && !p.parent_id) in.Fail("parent_id", Msg("department.not_id", "must be a department id"));
  if (in.Has("code")) p.code = in.OptString("code", {.min_len = 1, .max_len = 32});
  p.active = in.OptBool("active");
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.UpdateDepartment(req.who(), id, p), DepartmentJson);
}

Response ListStaff(Service& svc, Request& req) {
  repo::StaffQuery q;
  q.q = req.QueryText("q");
  SQM_ASSIGN_OR_REPLY(q.department_id, req.QueryInt("department_id", 1));
  q.role = req.QueryText("role");
  SQM_ASSIGN_OR_REPLY(q.active, req.QueryBool("active"));
  SQM_ASSIGN_OR_REPLY(q.after_id, req.QueryInt("cursor", 0));
  SQM_ASSIGN_OR_REPLY(q.limit, req.Limit());
  SQM_ASSIGN_OR_REPLY(auto page, svc.ListStaff(req.who(), q));
  bj::array items;
  for (const auto& s : page.items) items.push_back(StaffJson(s));
  return JsonResponse(200, http::PageJson(std::move(items), page.next_cursor));
}

Response CreateStaff(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  StaffDraft d;
  d.username = in.OptString("username", {.min_len = 0, .max_len = 64}).value_or("");
  d.display_name = in.OptString("display_name", kFormName).value_or("");
  d.department_id = in.OptInt("department_id", 1);
  d.title = in.OptString("title", kOptionalText).value_or("");
  d.email = in.OptString("email", kOptionalText).value_or("");
  d.phone = in.OptString("phone", {.min_len = 0, .max_len = 40}).value_or("");
  d.roles = in.OptStringList("roles", 8).value_or(std::vector<std::string>{});
  d.password = in.OptString("password", {.min_len = 0, .max_len = 256, .trim = false}).value_or("");
  std::optional<std::vector<Id>> scope;
  IdList(in, "scope_department_ids", scope);
  d.scope_department_ids = scope.value_or(std::vector<Id>{});
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.CreateStaff(req.who(), d), StaffJson, 201);
}

Response UpdateStaff(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  StaffPatch p;
  p.display_name = in.OptString("display_name", kFormName);
  p.department_id = in.OptInt("department_id", 1);
  p.title = in.OptString("title", kOptionalText);
  p.email = in.OptString("email", kOptionalText);
  p.phone = in.OptString("phone", {.min_len = 0, .max_len = 40});
  p.roles = in.OptStringList("roles", 8);
  p.active = in.OptBool("active");
  p.password = in.OptString("password", {.min_len = 1, .max_len = 256, .trim = false});
  IdList(in, "scope_department_ids", p.scope_department_ids);
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.UpdateStaff(req.who(), id, p), StaffJson);
}

Response CreateToken(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  TokenDraft d;
  d.name = in.String("name", kName);
  d.staff_id = in.OptInt("staff_id", 1).value_or(req.who().staff_id);
  d.scopes = in.StringList("scopes", 50);
  auto expires = in.OptString("expires_at", {.min_len = 1, .max_len = 40});
  if (expires) {
    d.expires_at = ParseIsoTime(*expires);
    if (!d.expires_at) {
      in.Fail("expires_at", Msg("field.not_time", "must be an ISO-8601 date or date-time with a zone"));
    }
  }
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  SQM_ASSIGN_OR_REPLY(auto created, svc.CreateToken(req.who(), d));
  bj::object o = TokenJson(created.token);
  o["token"] = created.secret;
  return JsonResponse(201, o);
}

}  // namespace

void AddRoutes(http::Router& r, Service& svc, RouteOptions opt) {
  const std::string pub(kPublic), auth(kAuthenticated), read(kOrgRead), write(kOrgWrite), tokens(kTokensManage);
  r.Add("POST", "/api/v1/auth/login", pub, [&svc, opt](Request& req) { return Login(svc, opt, req); });
  r.Add("POST", "/api/v1/auth/logout", auth, [&svc, opt](Request& req) { return Logout(svc, opt, req); });
  r.Add("GET", "/api/v1/me", auth, [&svc, opt](Request& req) {
    return Reply(svc.GetStaff(req.who(), req.who().staff_id),
                 [&](const Staff& s) { return MeJson(req.who(), s, opt); });
  });
  r.Add("POST", "/api/v1/me/password", auth, [&svc](Request& req) { return ChangePassword(svc, req); });
  r.Add("GET", "/api/v1/roles", auth, [](Request&) {
    bj::array items;
    for (const auto& role : AllRoles())
      items.push_back({{"code", role}, {"permissions", Strings(PermissionsOf({role}))}});
    return JsonResponse(200, bj::object{{"items", std::move(items)}});
  });

  r.Add("GET", "/api/v1/departments", read, [&svc](Request& req) {
    return Reply(svc.ListDepartments(req.who()), [](const std::vector<Department>& v) {
      bj::array items;
      for (const auto& d : v) items.push_back(DepartmentJson(d));
      return http::PageJson(std::move(items), std::nullopt);
    });
  });
  r.Add("POST", "/api/v1/departments", write, [&svc](Request& req) { return CreateDepartment(svc, req); });
  r.Add("GET", "/api/v1/departments/{id}", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(svc.GetDepartment(req.who(), id), DepartmentJson);
  });
  r.Add("PATCH", "/api/v1/departments/{id}", write, [&svc](Request& req) { return UpdateDepartment(svc, req); });

  r.Add("GET", "/api/v1/staff", read, [&svc](Request& req) { return ListStaff(svc, req); });
  r.Add("POST", "/api/v1/staff", write, [&svc](Request& req) { return CreateStaff(svc, req); });
  r.Add("GET", "/api/v1/staff/{id}", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(svc.GetStaff(req.who(), id), StaffJson);
  });
  r.Add("PATCH", "/api/v1/staff/{id}", write, [&svc](Request& req) { return UpdateStaff(svc, req); });

  // Pickers for everyone who handles tickets (transfer, assign, escalate): ids and names only.
  const std::string directory(kTicketRead);
  r.Add("GET", "/api/v1/directory/departments", directory, [&svc](Request&) {
    bj::array items;
    for (const auto& d : svc.DirectoryDepartments()) {
      items.push_back({{"id", d.id}, {"code", OrNull(d.code)}, {"name", d.name}, {"parent_id", OrNull(d.parent_id)}});
    }
    return JsonResponse(200, bj::object{{"items", std::move(items)}});
  });
  r.Add("GET", "/api/v1/directory/staff", directory, [&svc](Request& req) {
    repo::StaffQuery q;
    q.q = req.QueryText("q");
    SQM_ASSIGN_OR_REPLY(q.department_id, req.QueryInt("department_id", 1));
    SQM_ASSIGN_OR_REPLY(q.limit, req.Limit(100));
    bj::array items;
    for (const auto& s : svc.DirectoryStaff(q)) {
      items.push_back({{"id", s.id},
                       {"username", s.username},
                       {"name", s.display_name},
                       {"department_id", OrNull(s.department_id)},
                       {"department_name", s.department_name}});
    }
    return JsonResponse(200, bj::object{{"items", std::move(items)}});
  });

  r.Add("GET", "/api/v1/tokens", tokens, [&svc](Request& req) {
    return Reply(svc.ListTokens(req.who()), [](const std::vector<ApiToken>& v) {
      bj::array items;
      for (const auto& t : v) items.push_back(TokenJson(t));
      return http::PageJson(std::move(items), std::nullopt);
    });
  });
  r.Add("POST", "/api/v1/tokens", tokens, [&svc](Request& req) { return CreateToken(svc, req); });
  r.Add("DELETE", "/api/v1/tokens/{id}", tokens, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(svc.RevokeToken(req.who(), id));
  });
}

}  // namespace sqm::org
