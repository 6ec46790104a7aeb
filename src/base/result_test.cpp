#include "base/result.h"

#include <gtest/gtest.h>

#include "base/text.h"

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

TEST(Problems, ListsAtMostKMaxProblemsAndCountsTheRest) {
  Problems p;
  for (int i = 0; i < 100'000; ++i) p.Add("column_" + std::to_string(i), "unknown column");
  auto e = p.Take();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->field, "column_0");
  EXPECT_EQ(e->more.size(), kMaxProblems - 1);
  EXPECT_EQ(e->more.back().field, "column_99");
  EXPECT_EQ(e->omitted, 100'000 - kMaxProblems);
  EXPECT_EQ(e->ProblemCount(), 100'000u);
}

TEST(Problems, CountsTheProblemsOfAnAddedErrorThatHasSeveral) {
  Problems inner;
  for (int i = 0; i < 150; ++i) inner.Add("f" + std::to_string(i), "bad");
  Problems outer;
  outer.Add("first", "bad");
  outer.Add(*inner.Take());
  auto e = outer.Take();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->more.size(), kMaxProblems - 1);
  EXPECT_EQ(e->ProblemCount(), 151u);
  Problems again;
  Problems many;
  for (int i = 0; i < 150; ++i) many.Add("g" + std::to_string(i), "bad");
  again.Add(*many.Take());
  EXPECT_EQ(again.Take()->ProblemCount(), 150u);
}

TEST(MessageTest, QuotedValuesAndTextAreBounded) {
  const std::string cell(10'000'000, 'x');
  const Message m = Msg("import.unknown_column", "unknown column '{value}'", {{"value", cell}});
  EXPECT_LT(m.args[0].second.size(), kQuoteChars + 32);
  EXPECT_NE(m.args[0].second.find("(10000000 bytes)"), std::string::npos);
  EXPECT_LT(m.text.size(), kMaxMessageChars + 32);
  const Error plain = Error::Invalid(cell, "unknown column " + cell);
  EXPECT_LT(plain.message.size(), kMaxMessageChars + 32);
  EXPECT_LT(plain.field.size(), kQuoteChars + 32);
}

TEST(MessageTest, TooManyRequestsSaysWhenToRetry) {
  const Error e = Error::TooManyRequests("slow down", 42);
  EXPECT_EQ(e.code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(e.retry_after_s, 42);
  EXPECT_EQ(Error::TooManyRequests("slow down", 0).retry_after_s, 1);
}

}  // namespace
}  // namespace sqm
