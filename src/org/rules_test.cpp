#include "org/rules.h"

#include <gtest/gtest.h>

namespace sqm::org {
namespace {

TEST(Roles, PermissionsFollowRoles) {
  EXPECT_TRUE(PermissionsOf({"admin"}).contains("org.write"));
  EXPECT_FALSE(PermissionsOf({"quality"}).contains("org.write"));
  EXPECT_TRUE(PermissionsOf({"manager"}).contains("org.read"));
  EXPECT_FALSE(PermissionsOf({"agent"}).contains("org.read"));
  EXPECT_EQ(PermissionsOf({"customer"}), (std::set<std::string>{"portal.use"}));
  EXPECT_EQ(AllRoles().size(), 8u);
  EXPECT_FALSE(IsRole("root"));
}

TEST(Roles, EveryStaffRoleButNoCustomerMayUseTheCalculators) {
  for (const std::string& role : AllRoles()) {
    EXPECT_EQ(PermissionsOf({role}).contains(std::string(kStaff)), role != "customer") << role;
  }
}

TEST(Scope, ManagerSeesOwnSubtreeOnly) {
  std::multimap<Id, Id> children{{1, 2}, {1, 3}, {2, 4}, {2, 5}, {4, 6}};
  auto s = ScopeOf({"manager"}, 2, {}, children);
  EXPECT_FALSE(s.all);
  EXPECT_EQ(s.departments, (std::set<Id>{2, 4, 5, 6}));
  EXPECT_FALSE(s.Contains(3));
  EXPECT_FALSE(s.Contains(std::nullopt));
}

TEST(Scope, EvaluatorSeesAssignedSubtrees) {
  std::multimap<Id, Id> children{{1, 2}, {1, 3}, {2, 4}};
  auto s = ScopeOf({"evaluator"}, std::nullopt, {2}, children);
  EXPECT_EQ(s.departments, (std::set<Id>{2, 4}));
}

TEST(Scope, QualityAndAdminSeeEverything) {
  EXPECT_TRUE(ScopeOf({"quality"}, 1, {}, {}).all);
  EXPECT_TRUE(ScopeOf({"agent", "admin"}, 1, {}, {}).all);
  auto agent = ScopeOf({"agent"}, 3, {}, {{3, 7}});
  EXPECT_EQ(agent.departments, (std::set<Id>{3}));
}

TEST(Password, LengthIs12To128CodePointsOfAnyKind) {
  EXPECT_TRUE(CheckPassword("Demo-pass-2026", {"admin", "系统管理员"}).ok());
  EXPECT_EQ(CheckPassword("short1", {"x"}).error().message, "must be at least 12 characters");
  EXPECT_EQ(CheckPassword("short1", {"x"}).error().key, "password.too_short");
  EXPECT_EQ(CheckPassword("eleven-char", {"x"}).error().key, "password.too_short");
  EXPECT_EQ(CheckPassword("short1", {"x"}, "new_password").error().field, "new_password");
  EXPECT_EQ(CheckPassword(std::string(129, 'a') + "1", {"x"}).error().key, "password.too_long");
  // No composition rules (ASVS 2.1.9): letters only, a passphrase, any script.
  EXPECT_TRUE(CheckPassword("onlyletterslong", {"x"}).ok());
  EXPECT_TRUE(CheckPassword("correct horse battery staple", {"x"}).ok());
  EXPECT_TRUE(CheckPassword("服务质量监督考核系统真好用", {"x"}).ok());  // 13 characters, 39 bytes
  EXPECT_FALSE(CheckPassword("服务质量监督考核系统", {"x"}).ok());       // 10 characters, 30 bytes
  std::string longest;
  for (int i = 0; i < 32; ++i) longest += "ab" + std::to_string(i % 10) + "-";
  EXPECT_TRUE(CheckPassword(longest, {"x"}).ok()) << longest.size();  // 128
}

TEST(Password, RefusesTheCommonPasswordsOfTheSecurityReview) {
  // Issue 9, item 6: each was accepted with 204.
  for (const char* weak : {"password12", "Password123", "aaaaaaaaa1", "1234567890a", "qwertyuiop1", "abc123abc123"}) {
    EXPECT_FALSE(CheckPassword(weak, {"x"}).ok()) << weak;
  }
}

TEST(Password, RefusesCommonPasswordsAndThoseBuiltOnOne) {
  EXPECT_GT(CommonPasswordCount(), 25'000u);
  EXPECT_TRUE(IsCommonPassword("password"));
  EXPECT_TRUE(IsCommonPassword("QwertyUIOP"));
  EXPECT_FALSE(IsCommonPassword("Demo-pass-2026"));
  for (const char* weak : {"password1234", "qwertyuiop12", "1qaz2wsx3edc", "Password2026!", "!!Dragon2026",
                           "iloveyou!!!!", "1234567890123", "sunshine2026", "football#123"}) {
    const auto st = CheckPassword(weak, {"x"});
    ASSERT_FALSE(st.ok()) << weak;
    EXPECT_EQ(st.error().key, "password.common") << weak;
  }
  // More than six digits and symbols around one is no longer just a variant of it.
  EXPECT_TRUE(CheckPassword("password-7391-2046", {"x"}).ok());
  EXPECT_TRUE(CheckPassword("Dragon-fruit-2026", {"x"}).ok());
}

TEST(Password, RefusesAShortPatternRepeated) {
  for (const char* weak : {"wxy987wxy987", "zzzzzzzzzzzzzz", "xyzxyzxyzxyz", "Blue-moon-Blue-moon-"}) {
    const auto st = CheckPassword(weak, {"x"});
    ASSERT_FALSE(st.ok()) << weak;
    EXPECT_EQ(st.error().key, "password.repeats") << weak;
  }
}

TEST(Password, RefusesTheUsernameOrName) {
  EXPECT_EQ(CheckPassword("Alice-2026-pw-ok", {"alice"}).error().key, "password.contains_username");
  EXPECT_EQ(CheckPassword("Alice-2026-pw-ok", {"alice"}).error().message, "must not contain the username");
  EXPECT_EQ(CheckPassword("my-name-is-Wang-2026", {"w01", "Wang Fang"}).error().key, "password.contains_name");
  EXPECT_EQ(CheckPassword("secret-wangfang-26", {"w01", "Wang Fang"}).error().key, "password.contains_name");
  EXPECT_EQ(CheckPassword("张伟的密码很安全2026", {"w02", "张伟"}).error().key, "password.contains_name");
  // Short ASCII name parts (initials, "Li") would refuse too much.
  EXPECT_TRUE(CheckPassword("Lively-river-2026", {"w03", "Li X"}).ok());
  EXPECT_TRUE(CheckPassword("Lively-river-2026", {"", ""}).ok());
}

TEST(Username, Rules) {
  EXPECT_TRUE(CheckUsername("zhang.wei_01").ok());
  EXPECT_FALSE(CheckUsername("ab").ok());
  EXPECT_FALSE(CheckUsername("_lead").ok());
  EXPECT_FALSE(CheckUsername("has space").ok());
  EXPECT_FALSE(CheckUsername("张伟").ok());
}

TEST(DepartmentMove, RefusesCycles) {
  std::map<Id, std::optional<Id>> parents{{1, std::nullopt}, {2, 1}, {3, 2}, {4, 1}};
  EXPECT_TRUE(CheckMove(3, 4, parents).ok());
  EXPECT_EQ(CheckMove(2, 3, parents).error().field, "parent_id");  // into own child
  EXPECT_FALSE(CheckMove(2, 2, parents).ok());                     // into itself
  EXPECT_FALSE(CheckMove(1, 3, parents).ok());                     // root under a grandchild
  EXPECT_FALSE(CheckMove(2, 99, parents).ok());                    // no such parent
}

TEST(LoginThrottle, SlidingWindow) {
  const ThrottleLimit limit{3, 60'000};
  std::vector<TimeMs> failures;  // newest first, as repo::RecentFailures gives them
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(RetryAfter(limit, failures, 1000 + i), 0);
    failures.insert(failures.begin(), 1000 + i);
  }
  EXPECT_EQ(RetryAfter(limit, failures, 2000), 59'000);
  EXPECT_EQ(RetryAfter(limit, {}, 2000), 0);  // another subject
  // At 61,001 the oldest failure has left the window: only 1001 and 1002 are after now - window.
  EXPECT_EQ(RetryAfter(limit, {1002, 1001}, 61'001), 0);
  // More failures than the limit (another throttle let them through): the limit-th newest counts.
  EXPECT_EQ(RetryAfter(limit, {5000, 4000, 3000, 1000}, 6000), 57'000);
}

}  // namespace
}  // namespace sqm::org
