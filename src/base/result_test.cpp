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

}  // namespace
}  // namespace sqm
