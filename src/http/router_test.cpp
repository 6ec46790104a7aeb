#include "http/router.h"

#include <gtest/gtest.h>

namespace sqm::http {
namespace {

Response Ok(Request&) {
  return NoContent();
}

TEST(Router, MatchesPathParametersAndPrefersLiterals) {
  Router r;
  r.Add("GET", "/api/v1/staff/{id}", "org.read", Ok);
  r.Add("GET", "/api/v1/staff/import", "org.write", Ok);
  std::map<std::string, std::string, std::less<>> params;
  auto m = r.Find("GET", "/api/v1/staff/42", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/staff/{id}");
  EXPECT_EQ(params["id"], "42");
  m = r.Find("GET", "/api/v1/staff/import", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/staff/import");
  EXPECT_TRUE(params.empty());
}

TEST(Router, DistinguishesUnknownPathFromWrongMethod) {
  Router r;
  r.Add("GET", "/api/v1/departments", "org.read", Ok);
  std::map<std::string, std::string, std::less<>> params;
  auto wrong_method = r.Find("DELETE", "/api/v1/departments", params);
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  auto unknown = r.Find("GET", "/api/v1/nothing", params);
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_known);
  EXPECT_EQ(r.Find("GET", "/api/v1/departments/", params).route, nullptr);  // empty segment
}

TEST(Router, RefusesDuplicates) {
  Router r;
  r.Add("GET", "/a", "public", Ok);
  EXPECT_THROW(r.Add("GET", "/a", "public", Ok), std::logic_error);
  EXPECT_THROW(r.Add("GET", "a", "public", Ok), std::logic_error);
}

}  // namespace
}  // namespace sqm::http
