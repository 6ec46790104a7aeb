#include "storage/event_codec.h"

#include <gtest/gtest.h>

#include "storage/db.h"

namespace sqm::storage {
namespace {

TEST(EventCodec, RoundTripsPayloadsOfEveryShape) {
  for (std::string json : {std::string("{}"), std::string(R"({"name":"客服部"})"),
                           std::string(R"({"timer_id":321,"kind":"first_response","state":"running",)"
                                       R"("due_at":"2026-09-09T01:44:09.334Z","policy_id":1})"),
                           std::string(100'000, 'a'), std::string("\0\x01\xff", 3)}) {
    const std::string stored = EncodeEventData(json);
    EXPECT_EQ(DecodeEventData(stored), json);
  }
}

TEST(EventCodec, TypicalPayloadsShrinkSeveralFold) {
  const std::string timer =
      R"({"timer_id":90321,"kind":"resolution","state":"running","due_at":"2027-03-09T01:44:09.334Z",)"
      R"("warning_at":"2027-03-09T01:29:09.334Z","policy_id":3,"policy_version":2,"target_minutes":960,)"
      R"("calendar_code":"cn-mainland"})";
  EXPECT_LT(EncodeEventData(timer).size() * 4, timer.size()) << EncodeEventData(timer).size();
}

TEST(EventCodec, APayloadThatDoesNotShrinkIsKeptAsItIs) {
  const std::string short_one = "{}";
  EXPECT_EQ(EncodeEventData(short_one), std::string(1, '\0') + short_one);
}

TEST(EventCodec, CorruptOrUnknownPayloadsAreRefused) {
  EXPECT_THROW(DecodeEventData(""), DbError);
  EXPECT_THROW(DecodeEventData("\x07{}"), DbError);
  std::string stored = EncodeEventData(std::string(500, 'b') + R"({"kind":"resolution"})");
  ASSERT_EQ(stored[0], 1);
  stored.resize(stored.size() - 3);
  EXPECT_THROW(DecodeEventData(stored), DbError);
  EXPECT_THROW(DecodeEventData(std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff", 9)), DbError);
}

}  // namespace
}  // namespace sqm::storage
