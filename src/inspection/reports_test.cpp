// The charts' aggregations: the mean score per agent and period, and the failure Pareto with its
// cumulative share.
#include "inspection/reports.h"

#include <gtest/gtest.h>

namespace sqm::inspection {
namespace {

constexpr TimeMs kWeek = 7 * 86'400'000LL;

Inspection Scored(Id agent, Id department, TimeMs at, double percent) {
  Inspection i;
  i.agent_id = agent;
  i.agent_name = "坐席" + std::to_string(agent);
  i.department_id = department;
  i.department_name = "部门" + std::to_string(department);
  i.published_at = at;
  i.percent = percent;
  return i;
}

TEST(InspectionReports, TrendIsTheMeanPerKeyAndPeriod) {
  const auto week_of = [](TimeMs t) { return t / kWeek * kWeek; };
  const std::vector<Inspection> rows{Scored(1, 10, 0, 80), Scored(1, 10, 1000, 90), Scored(1, 10, kWeek + 5, 70),
                                     Scored(2, 10, 5, 50)};
  const auto by_agent = Trend(rows, TrendBy::kAgent, week_of);
  ASSERT_EQ(by_agent.size(), 3u);
  EXPECT_EQ(by_agent[0].key, 1);
  EXPECT_EQ(by_agent[0].period_start, 0);
  EXPECT_EQ(by_agent[0].count, 2);
  EXPECT_DOUBLE_EQ(by_agent[0].mean, 85);
  EXPECT_EQ(by_agent[1].period_start, kWeek);
  EXPECT_DOUBLE_EQ(by_agent[1].mean, 70);
  EXPECT_EQ(by_agent[2].name, "坐席2");
  const auto by_department = Trend(rows, TrendBy::kDepartment, week_of);
  ASSERT_EQ(by_department.size(), 2u);
  EXPECT_DOUBLE_EQ(by_department[0].mean, (80 + 90 + 50) / 3.0);
  // Not yet scored or not published: left out.
  Inspection draft = Scored(3, 10, 0, 0);
  draft.percent.reset();
  EXPECT_TRUE(Trend({draft}, TrendBy::kAgent, week_of).empty());
}

TEST(InspectionReports, ParetoOrdersItemsByFailuresWithTheCumulativeShare) {
  Scorecard card;
  card.sections.push_back({.code = "s",
                           .items = {{.code = "greet", .scale = Scale::kYesNo, .name = "问候"},
                                     {.code = "tone", .scale = Scale::kFivePoint, .max_points = 4, .name = "语气"},
                                     {.code = "fix", .scale = Scale::kPoints, .max_points = 5, .name = "解决"}}});
  const auto answers = [](double greet, double tone, double fix) {
    Inspection i;
    i.answers = {{"greet", {.value = greet}}, {"tone", {.value = tone}}, {"fix", {.value = fix}}};
    return i;
  };
  // greet fails 3 times, tone (rating 1) twice, fix (0 points) once; an N/A is not answered.
  std::vector<Inspection> rows{answers(0, 1, 0), answers(0, 1, 5), answers(0, 3, 2), answers(1, 5, 5)};
  Inspection na = answers(1, 5, 5);
  na.answers["greet"] = {.not_applicable = true};
  rows.push_back(na);
  const auto bars = Pareto(rows, [&](const Inspection&) { return &card; });
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].code, "greet");
  EXPECT_EQ(bars[0].name, "问候");
  EXPECT_EQ(bars[0].failed, 3);
  EXPECT_EQ(bars[0].answered, 4);
  EXPECT_DOUBLE_EQ(bars[0].share, 50);
  EXPECT_DOUBLE_EQ(bars[0].cumulative, 50);
  EXPECT_EQ(bars[1].code, "tone");
  EXPECT_NEAR(bars[1].cumulative, 500.0 / 6, 1e-9);
  EXPECT_EQ(bars[2].code, "fix");
  EXPECT_DOUBLE_EQ(bars[2].cumulative, 100);
  // Without a card nothing is read.
  EXPECT_TRUE(Pareto(rows, [](const Inspection&) { return nullptr; }).empty());
}

}  // namespace
}  // namespace sqm::inspection
