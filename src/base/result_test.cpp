#include "base/result.h"

#include <gtest/gtest.h>

namespace sqm {
namespace {

TEST(MessageTest, PlainTextHasNoKey) {
  Error e = Error::Invalid("name", "must not be empty");
  EXPECT_EQ(e.message, "must not be empty");
  EXPECT_EQ(e.field, "name");
  EXPECT_TRUE(e.key.empty());
  EXPECT_TRUE(e.args.empty());
}

TEST(MessageTest, KeyedMessageFillsEachNamedPart) {
  Error e = Error::Conflict(
      Msg("ticket.transition_refused", "cannot {action} a ticket that is {status}; allowed: {action_list}",
          {{"action", "close"}, {"status", "new"}, {"action_list", "accept, cancel"}}),
      "action");
  EXPECT_EQ(e.message, "cannot close a ticket that is new; allowed: accept, cancel");
  EXPECT_EQ(e.key, "ticket.transition_refused");
  ASSERT_EQ(e.args.size(), 3u);
  EXPECT_EQ(e.args[1].second, "new");
}

TEST(MessageTest, UnknownOrUnclosedPlaceholdersStayAsWritten) {
  EXPECT_EQ(Msg("k", "a {missing} b {x", {{"x", "1"}}).text, "a {missing} b {x");
  EXPECT_EQ(Msg("k", "{x}{x}", {{"x", "ab"}}).text, "abab");
}

TEST(Problems, ReportsEveryFieldProblemOfARequestAtOnce) {
  Problems p;
  EXPECT_TRUE(p.empty());
  EXPECT_FALSE(p.Take().has_value());
  p.Add(Error::Conflict(Msg("staff.username_taken", "this username is already taken"), "username"));
  p.Add("password", Msg("password.too_short", "must be at least {min} characters", {{"min", "12"}}));
  p.Add("department_id", "required");
  auto e = p.Take();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->code, ErrorCode::kConflict);
  EXPECT_EQ(e->field, "username");
  ASSERT_EQ(e->more.size(), 2u);
  EXPECT_EQ(e->more[0].field, "password");
  EXPECT_EQ(e->more[0].message, "must be at least 12 characters");
  EXPECT_EQ(e->more[0].key, "password.too_short");
  EXPECT_EQ(e->more[1].field, "department_id");
  EXPECT_TRUE(p.empty());
}

}  // namespace
}  // namespace sqm
