#include "http/app.h"

#include <gtest/gtest.h>

#include "http/static_files.h"

namespace sqm::http {
namespace {

TEST(PercentDecode, DecodesAndRejectsBadInput) {
  EXPECT_EQ(PercentDecode("/a%20b", false), "/a b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%E5%AE%A2", false), "客");
  EXPECT_FALSE(PercentDecode("%zz", false));
  EXPECT_FALSE(PercentDecode("%4", false));
  EXPECT_FALSE(PercentDecode("%ff%fe", false));  // not UTF-8
  EXPECT_FALSE(PercentDecode("a%00b", false));   // NUL
}

TEST(SessionCookie, IsHttpOnlyAndSameSite) {
  auto c = SessionCookie("tok", 3'600'000, false);
  EXPECT_EQ(c, "sqm_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
  EXPECT_NE(SessionCookie("tok", 1000, true).find("; Secure"), std::string::npos);
  EXPECT_NE(SessionCookie("", 0, false).find("Max-Age=0"), std::string::npos);
}

TEST(StatusOf, MapsEveryCode) {
  EXPECT_EQ(StatusOf(ErrorCode::kInvalid), 400);
  EXPECT_EQ(StatusOf(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(StatusOf(ErrorCode::kForbidden), 403);
  EXPECT_EQ(StatusOf(ErrorCode::kNotFound), 404);
  EXPECT_EQ(StatusOf(ErrorCode::kConflict), 409);
  EXPECT_EQ(StatusOf(ErrorCode::kTooManyRequests), 429);
  EXPECT_EQ(StatusOf(ErrorCode::kUnavailable), 503);
}

TEST(ErrorResponse, HasTheErrorShape) {
  auto r = ErrorResponse(Error::Invalid("name", "must not be empty"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":{"code":"invalid","message":"must not be empty","field":"name"}})");
}

TEST(ErrorResponse, ListsEveryProblemWhenThereAreSeveral) {
  Problems p;
  p.Add("username", "taken");
  p.Add("password", Msg("password.too_short", "too short"));
  auto r = ErrorResponse(*p.Take());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":{"code":"invalid","message":"taken","field":"username","errors":[)"
                    R"({"message":"taken","field":"username"},)"
                    R"({"message":"too short","field":"password","key":"password.too_short","args":{}}]}})");
}

TEST(ContentType, KnownExtensions) {
  EXPECT_EQ(ContentTypeFor(".js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor(".html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor(".exe"), "application/octet-stream");
}

}  // namespace
}  // namespace sqm::http
