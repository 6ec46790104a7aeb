#include "desk/import/columns.h"

#include <gtest/gtest.h>

namespace sqm::desk::import {
namespace {

TEST(ImportColumns, EnglishChineseAndBilingualHeaders) {
  EXPECT_EQ(ParseColumn("created_at"), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn("Created At"), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn(" 创建时间 "), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn("创建时间 (created_at)"), Column::kCreatedAt);
  EXPECT_EQ(ParseColumn("首次响应时间（first_response_at）"), Column::kFirstResponseAt);
  EXPECT_EQ(ParseColumn("类型/type"), Column::kType);
  EXPECT_EQ(ParseColumn("类型/channel"), std::nullopt) << "the two names disagree";
  EXPECT_EQ(ParseColumn("created"), std::nullopt);
  for (Column c : kColumns) {
    EXPECT_EQ(ParseColumn(ColumnName(c)), c);
    EXPECT_EQ(ParseColumn(ColumnNameZh(c)), c);
  }
  EXPECT_TRUE(IsInformationalColumn("Status"));
  EXPECT_TRUE(IsInformationalColumn("客户名称"));
}

TEST(ImportValues, BothLanguages) {
  EXPECT_EQ(ParseLabel<TicketType>("投诉"), TicketType::kComplaint);
  EXPECT_EQ(ParseLabel<TicketType>("Incident"), TicketType::kIncident);
  EXPECT_EQ(ParseLabel<Channel>("walk-in"), Channel::kWalkIn);
  EXPECT_EQ(ParseLabel<Channel>("现场"), Channel::kWalkIn);
  EXPECT_EQ(ParsePriorityValue("p2"), 2);
  EXPECT_EQ(ParsePriorityValue("4"), 4);
  EXPECT_EQ(ParsePriorityValue("P5"), std::nullopt);
  EXPECT_EQ(ParseLabel<CallbackResolved>("部分解决"), CallbackResolved::kPartly);
  EXPECT_EQ(ParseLabel<Satisfaction>("基本满意"), Satisfaction::kBasicallySatisfied);
  EXPECT_EQ(ParseLabel<ComplaintCategory>("服务态度"), ComplaintCategory::kAttitude);
  EXPECT_EQ(ParseLabel<TicketType>(NameZh(TicketType::kRequest)), TicketType::kRequest);
  EXPECT_EQ(ParseLabel<Channel>(NameZh(Channel::kChat)), Channel::kChat);
}

}  // namespace
}  // namespace sqm::desk::import
