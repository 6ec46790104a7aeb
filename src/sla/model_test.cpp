#include "sla/model.h"

#include <gtest/gtest.h>

namespace sqm::sla {
namespace {

Policy Good() {
  Policy p;
  p.id = 1;
  p.version = 1;
  p.name = "Incidents";
  p.match.ticket_type = "incident";
  p.targets = {{TimerKind::kFirstResponse, 30, "cn-mainland"}, {TimerKind::kResolution, 480, "cn-mainland"}};
  return p;
}

std::string FieldOf(const Policy& p) {
  const Status st = Validate(p);
  return st.ok() ? "ok" : st.error().field;
}

TEST(SlaModel, NamesRoundTrip) {
  for (TimerKind k : kTimerKinds) EXPECT_EQ(ParseTimerKind(TimerKindName(k)), k);
  EXPECT_STREQ(TimerKindName(TimerKind::kFirstResponse), "first_response");
  EXPECT_FALSE(ParseTimerKind("response").has_value());
  EXPECT_EQ(ParsePriority("P3"), Priority::kP3);
  EXPECT_STREQ(PriorityName(Priority::kP1), "P1");
  EXPECT_FALSE(ParsePriority("P5").has_value());
  EXPECT_STREQ(TimerStateName(TimerState::kBreached), "breached");
}

TEST(SlaModel, TargetFor) {
  const Policy p = Good();
  ASSERT_NE(p.TargetFor(TimerKind::kResolution), nullptr);
  EXPECT_EQ(p.TargetFor(TimerKind::kResolution)->business_minutes, 480);
  EXPECT_EQ(p.TargetFor(TimerKind::kCallback), nullptr);
}

TEST(SlaModel, ValidatesPolicies) {
  EXPECT_EQ(FieldOf(Good()), "ok");
  Policy p = Good();
  p.name = "";
  EXPECT_EQ(FieldOf(p), "name");
  p = Good();
  p.warning_fraction = 0;
  EXPECT_EQ(FieldOf(p), "warning_fraction");
  p.warning_fraction = 1;
  EXPECT_EQ(FieldOf(p), "warning_fraction");
  p = Good();
  p.version = 0;
  EXPECT_EQ(FieldOf(p), "version");
  p = Good();
  p.match.channel = "";
  EXPECT_EQ(FieldOf(p), "match.channel");
  p = Good();
  p.match.category_id = 0;
  EXPECT_EQ(FieldOf(p), "match.category_id");
  p = Good();
  p.targets.clear();
  EXPECT_EQ(FieldOf(p), "targets");
  p = Good();
  p.targets[1].kind = TimerKind::kFirstResponse;
  EXPECT_EQ(FieldOf(p), "targets[1].kind");
  p = Good();
  p.targets[1].business_minutes = 0;
  EXPECT_EQ(FieldOf(p), "targets[1].business_minutes");
  p = Good();
  p.targets[0].calendar_code = "";
  EXPECT_EQ(FieldOf(p), "targets[0].calendar_code");
}

}  // namespace
}  // namespace sqm::sla
