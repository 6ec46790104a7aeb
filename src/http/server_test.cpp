#include "http/server.h"

#include <gtest/gtest.h>

namespace sqm::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

TEST(ServerOptions, DefaultsAreTheDocumentedOnes) {
  const ServerOptions o;
  EXPECT_EQ(o.header_timeout_s, 30);
  EXPECT_EQ(o.read_timeout_s, 30);
  EXPECT_EQ(o.body_grace_s, 10);
  EXPECT_EQ(o.min_body_bytes_per_s, 16u << 10);
  EXPECT_EQ(o.idle_timeout_s, 75);
}

TEST(BodyDeadline, ABodyTrickledAtAByteASecondIsCutAfterTheGrace) {
  const ServerOptions o;
  const auto start = Clock::now();
  // The import route allows 600 s in all; 12 bytes in 12 s are far behind 16 KiB/s.
  const auto deadline = BodyDeadline(o, 600, start, 12, start + seconds(12));
  EXPECT_LE(deadline, start + seconds(10) + milliseconds(1));
}

TEST(BodyDeadline, ABodyThatKeepsUpMayTakeUpToItsRoutesLimit) {
  const ServerOptions o;
  const auto start = Clock::now();
  // 100 MiB in 100 s (1 MiB/s): the pace allows far more; the next pause may be 30 s.
  const auto now = start + seconds(100);
  EXPECT_EQ(BodyDeadline(o, 600, start, 100u << 20, now), now + seconds(30));
  // Near the end of the route's limit, the limit wins.
  const auto late = start + seconds(590);
  EXPECT_EQ(BodyDeadline(o, 600, start, 190u << 20, late), start + seconds(600));
}

TEST(BodyDeadline, TheServersReadTimeoutBoundsRoutesWithoutTheirOwn) {
  const ServerOptions o;
  const auto start = Clock::now();
  EXPECT_EQ(BodyDeadline(o, 0, start, 1u << 30, start), start + seconds(30));
}

TEST(BodyDeadline, EachByteEarnsTimeAtTheMinimumRate) {
  ServerOptions o;
  o.min_body_bytes_per_s = 1000;
  const auto start = Clock::now();
  EXPECT_EQ(BodyDeadline(o, 600, start, 0, start), start + seconds(10));
  EXPECT_EQ(BodyDeadline(o, 600, start, 5000, start + seconds(1)), start + seconds(15));
  // A huge count cannot overflow the arithmetic.
  EXPECT_EQ(BodyDeadline(o, 600, start, SIZE_MAX, start), start + seconds(30));
}

}  // namespace
}  // namespace sqm::http
