#include "http/system_routes.h"

#include <gtest/gtest.h>

namespace sqm::http {
namespace {

TEST(IsLoopback, KnowsTheLoopbackAddresses) {
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("127.8.9.10"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_TRUE(IsLoopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(IsLoopback("10.0.0.1"));
  EXPECT_FALSE(IsLoopback("::ffff:10.0.0.1"));
  EXPECT_FALSE(IsLoopback("2001:db8::1"));
  EXPECT_FALSE(IsLoopback(""));
  EXPECT_FALSE(IsLoopback("localhost"));
}

Request From(std::string address, std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request r;
  r.remote_address = std::move(address);
  r.headers = std::move(headers);
  return r;
}

TEST(MayReadMetrics, LoopbackOnlyByDefault) {
  const SystemRoutesOptions none;
  EXPECT_TRUE(MayReadMetrics(From("127.0.0.1"), none));
  EXPECT_FALSE(MayReadMetrics(From("192.0.2.7"), none));
  // A reverse proxy on the same host makes every caller look local; its headers give it away.
  EXPECT_FALSE(MayReadMetrics(From("127.0.0.1", {{"x-forwarded-for", "192.0.2.7"}}), none));
  EXPECT_FALSE(MayReadMetrics(From("127.0.0.1", {{"forwarded", "for=192.0.2.7"}}), none));
  EXPECT_FALSE(MayReadMetrics(From("127.0.0.1", {{"x-real-ip", "192.0.2.7"}}), none));
  // Without a configured token, no bearer opens it.
  EXPECT_FALSE(MayReadMetrics(From("192.0.2.7", {{"authorization", "Bearer "}}), none));
}

TEST(MayReadMetrics, AnyCallerWithTheToken) {
  const SystemRoutesOptions token{.metrics_token = "s3cret-metrics-token"};
  EXPECT_TRUE(MayReadMetrics(From("192.0.2.7", {{"authorization", "Bearer s3cret-metrics-token"}}), token));
  EXPECT_FALSE(MayReadMetrics(From("192.0.2.7", {{"authorization", "Bearer s3cret-metrics-tokeN"}}), token));
  EXPECT_FALSE(MayReadMetrics(From("192.0.2.7", {{"authorization", "Bearer s3cret"}}), token));
  EXPECT_FALSE(MayReadMetrics(From("192.0.2.7", {{"authorization", "s3cret-metrics-token"}}), token));
  EXPECT_TRUE(MayReadMetrics(From("::1"), token));
}

}  // namespace
}  // namespace sqm::http
