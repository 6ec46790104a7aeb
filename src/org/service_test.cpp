#include "org/service.h"

#include <set>

#include <gtest/gtest.h>

#include "storage/testing.h"

namespace sqm::org {
namespace {

class OrgServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{.url = file_.url()}, clock_);
    db_->Migrate();
    svc_ = std::make_unique<Service>(*db_, clock_);
    root_ = svc_->CreateDepartment(system_, {"示例服务中心", std::nullopt, "ROOT"}).value().id;
    desk_ = svc_->CreateDepartment(system_, {"客服部", root_, "DESK"}).value().id;
    tech_ = svc_->CreateDepartment(system_, {"技术支持部", root_, "TECH"}).value().id;
    team_ = svc_->CreateDepartment(system_, {"一线支持组", tech_, std::nullopt}).value().id;
    auto admin = svc_->CreateStaffAsSystem({"admin", "管理员", root_, "", "", "", {"admin"}, kPassword, {}});
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    auto mgr = svc_->CreateStaffAsSystem({"manager", "经理", tech_, "", "", "", {"manager"}, kPassword, {}});
    ASSERT_TRUE(mgr.ok());
    ASSERT_TRUE(svc_->CreateStaffAsSystem({"agent", "客服", desk_, "", "", "", {"agent"}, kPassword, {}}).ok());
    ASSERT_TRUE(svc_->CreateStaffAsSystem({"eng", "工程师", team_, "", "", "", {"engineer"}, kPassword, {}}).ok());
  }
  void TearDown() override {
    svc_.reset();
    db_.reset();
  }
  Principal SignIn(const std::string& user) {
    auto r = svc_->Login(user, kPassword, "127.0.0.1");
    EXPECT_TRUE(r.ok());
    token_ = r->session_token;
    return r->principal;
  }

  static constexpr const char* kPassword = "Demo-pass-2026";
  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  ManualClock clock_{1'790'000'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Service> svc_;
  Principal system_{0, "system", "", std::nullopt, {"admin"}, {}, Scope{true, {}}, "", false};
  Id root_ = 0, desk_ = 0, tech_ = 0, team_ = 0;
  std::string token_;
};

TEST_F(OrgServiceTest, LoginCreatesSessionAndLogsBothOutcomes) {
  auto bad = svc_->Login("admin", "wrong-password-1", "10.0.0.1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kUnauthenticated);
  auto unknown = svc_->Login("nobody", "wrong-password-1", "10.0.0.1");
  EXPECT_EQ(unknown.error().message, bad.error().message);  // does not reveal which part was wrong
  Principal p = SignIn("admin");
  EXPECT_TRUE(p.Can("org.write"));
  auto again = svc_->AuthenticateSession(token_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->csrf_token, p.csrf_token);
  auto events = db_->Read([](storage::Connection& c) { return storage::ListEvents(c, {.type = "auth."}).events; });
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].type, "auth.login_succeeded");
  EXPECT_EQ(events[2].type, "auth.login_failed");
}

TEST_F(OrgServiceTest, SessionExpiresAndLogoutEndsIt) {
  Principal p = SignIn("agent");
  clock_.Advance(12LL * 3600 * 1000);
  EXPECT_FALSE(svc_->AuthenticateSession(token_).ok());
  p = SignIn("agent");
  ASSERT_TRUE(svc_->Logout(p, token_).ok());
  EXPECT_FALSE(svc_->AuthenticateSession(token_).ok());
  EXPECT_FALSE(svc_->AuthenticateSession("made-up").ok());
}

TEST_F(OrgServiceTest, ThrottlesRepeatedFailures) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(svc_->Login("agent", "wrong-pass-12", "1.2.3.4").error().code, ErrorCode::kUnauthenticated);
  auto r = svc_->Login("agent", kPassword, "5.6.7.8");  // right password, but the account is throttled
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  clock_.Advance(15LL * 60 * 1000 + 1);
  EXPECT_TRUE(svc_->Login("agent", kPassword, "5.6.7.8").ok());
}

TEST_F(OrgServiceTest, ManagerSeesOnlyOwnSubtree) {
  Principal m = SignIn("manager");
  auto deps = svc_->ListDepartments(m);
  ASSERT_TRUE(deps.ok());
  ASSERT_EQ(deps->size(), 2u);
  EXPECT_EQ(svc_->GetDepartment(m, desk_).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(svc_->GetDepartment(m, team_).ok());
  auto staff = svc_->ListStaff(m, {});
  ASSERT_TRUE(staff.ok());
  std::vector<std::string> names;
  for (const auto& s : staff->items) names.push_back(s.username);
  EXPECT_EQ(names, (std::vector<std::string>{"manager", "eng"}));
}

TEST_F(OrgServiceTest, DepartmentCannotMoveIntoItsSubtree) {
  auto r = svc_->UpdateDepartment(system_, tech_, {.parent_id = team_});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "parent_id");
  auto ok = svc_->UpdateDepartment(system_, team_, {.parent_id = desk_});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->parent_id, desk_);
}

TEST_F(OrgServiceTest, DeactivationNeedsAnEmptyDepartment) {
  auto r = svc_->UpdateDepartment(system_, desk_, {.active = false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  auto empty = svc_->CreateDepartment(system_, {"空部门", root_, std::nullopt}).value();
  EXPECT_FALSE(svc_->UpdateDepartment(system_, empty.id, {.active = false})->active);
}

TEST_F(OrgServiceTest, DuplicateUsernameAndCodeAreConflicts) {
  auto dup = svc_->CreateStaff(system_, {"Agent", "x", desk_, "", "", "", {"agent"}, kPassword, {}});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(dup.error().field, "username");
  auto code = svc_->CreateDepartment(system_, {"x", root_, "DESK"});
  EXPECT_EQ(code.error().field, "code");
  auto role = svc_->CreateStaff(system_, {"newbie", "x", desk_, "", "", "", {"wizard"}, kPassword, {}});
  EXPECT_EQ(role.error().field, "roles");
}

TEST_F(OrgServiceTest, ChangePasswordEndsOtherSessions) {
  Principal p = SignIn("agent");
  const std::string first = token_;
  SignIn("agent");
  const std::string second = token_;
  EXPECT_EQ(svc_->ChangePassword(p, "wrong", "New-pass-2027", second).error().field, "current_password");
  EXPECT_EQ(svc_->ChangePassword(p, kPassword, "short", second).error().field, "new_password");
  ASSERT_TRUE(svc_->ChangePassword(p, kPassword, "New-pass-2027", second).ok());
  EXPECT_FALSE(svc_->AuthenticateSession(first).ok());
  EXPECT_TRUE(svc_->AuthenticateSession(second).ok());
  EXPECT_TRUE(svc_->Login("agent", "New-pass-2027", "x").ok());
}

TEST_F(OrgServiceTest, ApiTokensAreScopedAndRevocable) {
  Principal admin = SignIn("admin");
  auto admin_id = admin.staff_id;
  auto bad = svc_->CreateToken(admin, {"ci", admin_id, {"no.such"}, std::nullopt});
  EXPECT_EQ(bad.error().field, "scopes");
  auto t = svc_->CreateToken(admin, {"ci", admin_id, {"org.read"}, std::nullopt});
  ASSERT_TRUE(t.ok());
  auto p = svc_->AuthenticateToken(t->secret);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->Can("org.read"));
  EXPECT_FALSE(p->Can("org.write"));  // narrowed to the token's scopes
  ASSERT_TRUE(svc_->RevokeToken(admin, t->token.id).ok());
  EXPECT_FALSE(svc_->AuthenticateToken(t->secret).ok());
}

TEST_F(OrgServiceTest, DeactivatedStaffCannotSignIn) {
  Principal admin = SignIn("admin");
  SignIn("agent");
  const std::string agent_token = token_;
  auto agent = svc_->ListStaff(admin, {.q = "agent"})->items.at(0);
  ASSERT_TRUE(svc_->UpdateStaff(admin, agent.id, {.active = false}).ok());
  EXPECT_FALSE(svc_->AuthenticateSession(agent_token).ok());
  EXPECT_FALSE(svc_->Login("agent", kPassword, "x").ok());
  EXPECT_EQ(svc_->UpdateStaff(admin, admin.staff_id, {.active = false}).error().field, "active");
}

TEST_F(OrgServiceTest, ThrottleIsSharedByEveryServerOnTheDatabase) {
  Service other(*db_, clock_);  // a second server on the same database
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(svc_->Login("agent", "wrong-pass-12", "1.2.3.4").ok());
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(other.Login("AGENT", "wrong-pass-12", "5.6.7.8").ok());
  auto r = svc_->Login("agent", kPassword, "9.9.9.9");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(r.error().key, "auth.too_many_failures");
  EXPECT_EQ(r.error().retry_after_s, 15 * 60);
  EXPECT_EQ(r.error().args, (MessageArgs{{"seconds", "900"}}));
  clock_.Advance(60'000);
  EXPECT_EQ(other.Login("agent", kPassword, "9.9.9.9").error().retry_after_s, 14 * 60);
}

TEST_F(OrgServiceTest, SignInSuccessClearsTheAccountsFailures) {
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(svc_->Login("agent", "wrong-pass-12", "1.2.3.4").ok());
  SignIn("agent");
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(svc_->Login("agent", "wrong-pass-12", "1.2.3.4").ok());
  EXPECT_TRUE(svc_->Login("agent", kPassword, "1.2.3.4").ok());
  auto wrong = svc_->Login("agent", "wrong-pass-12", "1.2.3.4");
  EXPECT_EQ(wrong.error().key, "auth.wrong_credentials");
}

TEST_F(OrgServiceTest, WrongCurrentPasswordsAreThrottled) {
  Principal p = SignIn("agent");
  for (int i = 0; i < 5; ++i) {
    auto r = svc_->ChangePassword(p, "Wrong-guess-" + std::to_string(i), "New-pass-2027", token_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().key, "auth.current_password_wrong");
  }
  // The sixth try is refused before any password is checked, even the right one.
  auto locked = svc_->ChangePassword(p, kPassword, "New-pass-2027", token_);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(locked.error().key, "auth.too_many_password_checks");
  EXPECT_EQ(locked.error().retry_after_s, 15 * 60);
  EXPECT_TRUE(svc_->Login("agent", kPassword, "1.2.3.4").ok()) << "sign-in has its own throttle";
  clock_.Advance(15LL * 60 * 1000 + 1);
  EXPECT_TRUE(svc_->ChangePassword(p, kPassword, "New-pass-2027", token_).ok());
}

TEST_F(OrgServiceTest, ChangePasswordReportsEveryProblem) {
  Principal p = SignIn("agent");
  auto r = svc_->ChangePassword(p, "Wrong-guess-1", "short", token_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "current_password");
  ASSERT_EQ(r.error().more.size(), 1u);
  EXPECT_EQ(r.error().more[0].field, "new_password");
}

TEST_F(OrgServiceTest, StaffFormReportsEveryProblemAtOnce) {
  // A taken username, a short password, no department and no role: one answer names all four.
  auto r = svc_->CreateStaff(system_, {"agent", "", std::nullopt, "", "", "", {}, "short", {}});
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields{r.error().field};
  for (const auto& m : r.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"username", "display_name", "roles", "department_id", "password"}));
  EXPECT_EQ(r.error().key, "staff.username_taken");
  for (const auto& m : r.error().more) {
    if (m.field == "password") continue;  // the policy's messages: org/password
    EXPECT_FALSE(m.key.empty()) << m.field << ": " << m.message;
  }

  Principal admin = SignIn("admin");
  auto agent = svc_->ListStaff(admin, {.q = "agent"})->items.at(0);
  auto u = svc_->UpdateStaff(admin, agent.id, {.display_name = "", .roles = std::vector<std::string>{"wizard"}});
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().field, "display_name");
  ASSERT_EQ(u.error().more.size(), 1u);
  EXPECT_EQ(u.error().more[0].field, "roles");
  EXPECT_EQ(svc_->GetStaff(admin, agent.id)->display_name, "客服") << "nothing was written";
}

TEST_F(OrgServiceTest, DepartmentFormReportsEveryProblemAtOnce) {
  auto closed = svc_->CreateDepartment(system_, {"停用部门", root_, "OLD"}).value();
  ASSERT_TRUE(svc_->UpdateDepartment(system_, closed.id, {.active = false}).ok());
  auto r = svc_->CreateDepartment(system_, {"", closed.id, "DESK"});
  ASSERT_FALSE(r.ok());
  std::set<std::string> keys{r.error().key};
  for (const auto& m : r.error().more) keys.insert(m.key);
  EXPECT_EQ(keys, (std::set<std::string>{"field.required", "department.code_taken", "department.parent_inactive"}));

  auto u = svc_->UpdateDepartment(system_, tech_, {.name = "", .code = std::optional<std::string>("DESK")});
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().field, "name");
  ASSERT_EQ(u.error().more.size(), 1u);
  EXPECT_EQ(u.error().more[0].key, "department.code_taken");
  auto busy = svc_->UpdateDepartment(system_, tech_, {.active = false});
  EXPECT_EQ(busy.error().key, "department.has_active_children");
  EXPECT_EQ(busy.error().args, (MessageArgs{{"count", "1"}}));
}

}  // namespace
}  // namespace sqm::org
