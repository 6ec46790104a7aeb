#include "assessment/archive.h"

#include <gtest/gtest.h>

namespace sqm::assessment {
namespace {

ArchiveComplaint Complaint(std::int64_t id, std::int64_t at, std::optional<bool> substantiated, bool answered,
                           bool on_time) {
  return {.ticket_id = id,
          .ticket_number = "T" + std::to_string(id),
          .title = "",
          .at = at,
          .substantiated = substantiated,
          .answered = answered,
          .on_time = on_time};
}

TEST(ArchiveComplaints, CountsPerPeriodAndListsTheNewest) {
  const std::vector<ArchiveSpan> spans = {{.period_id = 1, .name = "10月", .from_ms = 100, .to_ms = 200},
                                          {.period_id = 2, .name = "11月", .from_ms = 200, .to_ms = 300},
                                          {.period_id = 3, .name = "12月", .from_ms = 300, .to_ms = 400}};
  std::vector<ArchiveComplaint> list = {
      Complaint(1, 150, true, true, true),
      Complaint(2, 199, false, true, false),
      Complaint(3, 200, std::nullopt, false, false),  // no finding, not answered: never on time
      Complaint(4, 50, true, true, true),             // before every period: only in the total
      Complaint(5, 250, true, false, true),           // on_time without an answer does not count
      Complaint(6, 260, std::nullopt, false, false),
      Complaint(7, 270, std::nullopt, false, false),
  };
  const ComplaintCard card = SummariseComplaints(list, spans);
  ASSERT_EQ(card.by_period.size(), 3u);
  const ComplaintCounts& oct = card.by_period[0].second;
  EXPECT_EQ(oct.count, 2);
  EXPECT_EQ(oct.substantiated, 1);
  EXPECT_EQ(oct.decided, 2);
  EXPECT_EQ(oct.answered, 2);
  EXPECT_EQ(oct.on_time, 1);
  const ComplaintCounts& nov = card.by_period[1].second;
  EXPECT_EQ(nov.count, 4);
  EXPECT_EQ(nov.substantiated, 1);
  EXPECT_EQ(nov.answered, 0);
  EXPECT_EQ(nov.on_time, 0);
  EXPECT_EQ(card.by_period[2].second.count, 0);  // a period without complaints counts none
  EXPECT_EQ(card.total.count, 7);
  EXPECT_EQ(card.total.substantiated, 3);
  EXPECT_EQ(card.total.on_time, 2);
  ASSERT_EQ(card.latest.size(), kArchiveLatest);
  EXPECT_EQ(card.latest.front().ticket_id, 7);
  EXPECT_EQ(card.latest.back().ticket_id, 2);
}

TEST(ArchiveInspections, MeanOfTheScoredOnesOnlyAndNoDataWhenNone) {
  EXPECT_FALSE(SummariseInspections({}).mean_percent.has_value());
  EXPECT_EQ(SummariseInspections({}).count, 0);
  std::vector<ArchiveInspection> list = {
      {.id = 1, .published_at = 10, .percent = 80.0, .passed = true},
      {.id = 2, .published_at = 30, .percent = 55.5, .passed = false, .critical_failed = true},
      {.id = 3, .published_at = 20, .percent = std::nullopt},
  };
  const InspectionCard card = SummariseInspections(list);
  EXPECT_EQ(card.count, 3);
  EXPECT_EQ(card.scored, 2);
  ASSERT_TRUE(card.mean_percent);
  EXPECT_DOUBLE_EQ(*card.mean_percent, (80.0 + 55.5) / 2);
  EXPECT_EQ(card.passed, 1);
  EXPECT_EQ(card.critical_fails, 1);
  ASSERT_EQ(card.latest.size(), 3u);
  EXPECT_EQ(card.latest[0].id, 2);
  EXPECT_EQ(card.latest[1].id, 3);
  std::vector<ArchiveInspection> unscored = {{.id = 4, .published_at = 1}};
  EXPECT_FALSE(SummariseInspections(unscored).mean_percent.has_value());
}

}  // namespace
}  // namespace sqm::assessment
