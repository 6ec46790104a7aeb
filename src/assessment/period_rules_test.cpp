#include "assessment/period_rules.h"

#include <gtest/gtest.h>

#include "assessment/result_codec.h"
#include "base/json.h"

namespace sqm::assessment {
namespace {

TEST(PeriodStatus, MovesOneStepAtATime) {
  EXPECT_EQ(NextStatus(PeriodStatus::kPlanned, PeriodStep::kCollect).value(), PeriodStatus::kCollecting);
  EXPECT_EQ(NextStatus(PeriodStatus::kCollecting, PeriodStep::kEvaluate).value(), PeriodStatus::kEvaluated);
  EXPECT_EQ(NextStatus(PeriodStatus::kEvaluated, PeriodStep::kPublish).value(), PeriodStatus::kPublished);
  EXPECT_EQ(NextStatus(PeriodStatus::kPublished, PeriodStep::kLock).value(), PeriodStatus::kLocked);
  auto refused = NextStatus(PeriodStatus::kPlanned, PeriodStep::kEvaluate);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "status");
  EXPECT_FALSE(NextStatus(PeriodStatus::kLocked, PeriodStep::kLock).ok());
  EXPECT_FALSE(CheckNotLocked(PeriodStatus::kLocked).ok());
  EXPECT_TRUE(CheckNotLocked(PeriodStatus::kPublished).ok());
}

Indicator Rate(const std::string& code, const std::string& num, const std::string& den) {
  return {.code = code,
          .name = {code, code},
          .definition = {},
          .unit = "percent",
          .direction = Direction::kHigherIsBetter,
          .kind = IndicatorKind::kComputed,
          .formula = num + " / " + den + " * 100",
          .target = 95.0,
          .updated_at = 0};
}

MeasureValue Counted(long long n) {
  return {.value = Figure::Of(static_cast<double>(n)), .sample = n, .ratio = std::nullopt};
}

class ResultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    snapshot_.indicators = {{"response", Rate("response", "resp_met", "resp_due")},
                            {"satisfaction", Rate("satisfaction", "sat", "rated")},
                            {"team",
                             {.code = "team",
                              .name = {"团队", "Team"},
                              .definition = {},
                              .unit = "points",
                              .direction = Direction::kHigherIsBetter,
                              .kind = IndicatorKind::kManual,
                              .formula = "",
                              .target = std::nullopt,
                              .updated_at = 0}}};
    auto lookup = [this](const std::string& code) -> std::optional<Indicator> {
      auto it = snapshot_.indicators.find(code);
      if (it == snapshot_.indicators.end()) return std::nullopt;
      return it->second;
    };
    auto doc = ParseSchemeDocument(json::Parse(R"({
      "tree": {"code": "total", "max_points": 100, "children": [
        {"code": "response", "max_points": 40, "indicator": {"code": "response", "rule": {"kind": "weighted_rate"}}},
        {"code": "satisfaction", "max_points": 40, "indicator": {"code": "satisfaction",
           "rule": {"kind": "threshold_deduction", "threshold": 98, "per_unit": 0.5, "min_points": 20},
           "gate": {"limit": 50}}},
        {"code": "team", "max_points": 20, "indicator": {"code": "team", "rule": {"kind": "linear", "floor": 0, "target": 10}}}]},
      "rounding": {"decimals": 2}, "red_list": 1, "black_list": 1,
      "coefficients": {"excellent": 1.2, "good": 1.0, "pass": 0.8, "fail": 0.6}})")
                                       .value(),
                                   lookup);
    ASSERT_TRUE(doc.ok()) << doc.error().field << " " << doc.error().message;
    doc_ = *doc;
    snapshot_.assessees = {{1, "甲", 10, "一部"}, {2, "乙", 10, "一部"}, {3, "丙", 11, "二部"}, {4, "丁", 11, "二部"}};
    snapshot_.measures[1] = {
        {"resp_met", Counted(95)}, {"resp_due", Counted(100)}, {"sat", Counted(49)}, {"rated", Counted(50)}};
    snapshot_.measures[2] = {
        {"resp_met", Counted(80)}, {"resp_due", Counted(100)}, {"sat", Counted(45)}, {"rated", Counted(50)}};
    snapshot_.measures[3] = {
        {"resp_met", Counted(10)}, {"resp_due", Counted(10)}, {"sat", Counted(4)}, {"rated", Counted(10)}};
    snapshot_.measures[4] = {{"resp_met", Counted(0)}, {"resp_due", Counted(0)}};  // nothing due, nothing rated
    snapshot_.inputs[1] = {{"team", 10}};
    snapshot_.inputs[2] = {{"team", 5}};
    snapshot_.inputs[3] = {{"team", 8}};
  }
  SchemeDocument doc_;
  Snapshot snapshot_;
};

TEST_F(ResultsTest, ScoresRanksAndExplainsEveryNode) {
  PeriodResults r = ComputeResults(doc_, snapshot_);
  ASSERT_EQ(r.items.size(), 4u);
  // 1: 40 x 0.95 = 38; satisfaction 98 % -> 40; team 10/10 -> 20: 98.
  EXPECT_DOUBLE_EQ(r.items[0].total.value(), 98);
  // 2: 32; satisfaction 90 % -> 40 - 0.5 x 8 = 36; team 5 -> 10: 78.
  EXPECT_DOUBLE_EQ(r.items[1].total.value(), 78);
  // 3: satisfaction 40 % is below the gate of 50: failed whatever the sum.
  EXPECT_TRUE(r.items[2].failed);
  EXPECT_EQ(r.items[0].standing.rank, 1);
  EXPECT_EQ(r.items[1].standing.rank, 2);
  EXPECT_EQ(r.items[0].standing.grade, "excellent");
  EXPECT_EQ(r.items[0].standing.coefficient, 1.2);
  EXPECT_TRUE(r.items[0].standing.red_list);
  // 4: no rated tickets and no manual input: no data, never 0.
  EXPECT_FALSE(r.items[3].total.has_value());
  const NodeResult& sat = r.items[0].nodes[2];
  EXPECT_EQ(sat.code, "satisfaction");
  EXPECT_EQ(sat.rule, "threshold_deduction");
  ASSERT_TRUE(sat.count);
  EXPECT_EQ(sat.count->numerator, 49);
  EXPECT_EQ(sat.sample, 50);
  ASSERT_TRUE(sat.wilson);
  EXPECT_LT(sat.wilson->low, 0.98);
  EXPECT_DOUBLE_EQ(sat.contribution.value(), 40);
  const std::string text = json::Serialize(ResultsJson(r));
  EXPECT_EQ(text.find("NaN"), std::string::npos);
  EXPECT_NE(text.find("\"total\":null,\"no_data\":true"), std::string::npos);
}

TEST_F(ResultsTest, ManualFieldsAreTheManualIndicatorsAndItemsWithTheirRanges) {
  doc_.scheme.bonus_items = {{.code = "praise", .points_each = 1, .cap = 3}};
  doc_.scheme.deduction_items = {{.code = "late", .points_each = 0.5, .cap = std::nullopt}};
  auto fields = ManualFields(doc_, snapshot_.indicators);
  ASSERT_EQ(fields.size(), 3u);
  // "team" is scored linear 0 -> 10: rated 0 to 10.
  EXPECT_EQ(fields[0].code, "team");
  EXPECT_EQ(fields[0].node, "team");
  EXPECT_EQ(fields[0].kind, ManualField::Kind::kIndicator);
  EXPECT_EQ(fields[0].min, 0);
  EXPECT_EQ(fields[0].max, 10);
  EXPECT_FALSE(fields[0].whole);
  EXPECT_EQ(fields[1].code, "praise");
  EXPECT_EQ(fields[1].kind, ManualField::Kind::kBonus);
  EXPECT_TRUE(fields[1].whole);
  EXPECT_FALSE(fields[1].max.has_value());
  EXPECT_EQ(fields[2].kind, ManualField::Kind::kDeduction);

  EXPECT_TRUE(CheckManualValue(fields[0], 0).ok());
  EXPECT_TRUE(CheckManualValue(fields[0], 7.5).ok());
  EXPECT_TRUE(CheckManualValue(fields[0], 10).ok());
  auto high = CheckManualValue(fields[0], 10.5);
  ASSERT_FALSE(high.ok());
  EXPECT_EQ(high.error().field, "value");
  EXPECT_EQ(high.error().key, "input.range");
  ASSERT_EQ(high.error().args.size(), 2u);
  EXPECT_EQ(high.error().args[1], (std::pair<std::string, std::string>{"max", "10"}));
  EXPECT_EQ(CheckManualValue(fields[0], -1).error().key, "input.range");
  EXPECT_EQ(CheckManualValue(fields[1], 1.5).error().key, "input.whole");
  EXPECT_EQ(CheckManualValue(fields[1], -2).error().key, "input.at_least");
  EXPECT_TRUE(CheckManualValue(fields[1], 12).ok());

  // A manual percent is at most 100.
  snapshot_.indicators["team"].unit = "percent";
  doc_.scheme.root.children[2].indicator->rule = WeightedRate{};
  fields = ManualFields(doc_, snapshot_.indicators);
  EXPECT_EQ(fields[0].max, 100);
}

TEST_F(ResultsTest, TheSnapshotRoundTripsAndRecomputesBitIdentically) {
  const std::string sha = ResultsSha256(ComputeResults(doc_, snapshot_));
  auto back = SnapshotFromJson(json::Parse(json::Serialize(SnapshotToJson(snapshot_))).value());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(ResultsSha256(ComputeResults(doc_, *back)), sha);
  back->inputs[2]["team"] = 6;
  EXPECT_NE(ResultsSha256(ComputeResults(doc_, *back)), sha);
}

TEST_F(ResultsTest, SmallSamplesRankByTheWilsonLowerBound) {
  doc_.small_sample = RateBasis::kWilsonBound;
  PeriodResults r = ComputeResults(doc_, snapshot_);
  const NodeResult& resp = r.items[2].nodes[1];  // 10 of 10: observed 100 %, scored far lower
  EXPECT_DOUBLE_EQ(resp.measured.value(), 100);
  EXPECT_LT(resp.basis.value(), 75);
}

TEST_F(ResultsTest, AnAdjustmentMovesTheTotal) {
  snapshot_.adjustments[2] = 1.5;
  PeriodResults r = ComputeResults(doc_, snapshot_);
  EXPECT_DOUBLE_EQ(r.items[1].total.value(), 79.5);
}

TEST(RollUp, TheMeanOfMonthsOrTheirVolumeWeightedMeanLeavesNoDataMonthsOut) {
  // Months 90 / 80 / 100 with volumes 10 / 30 / 60, and a month without data (volume 50).
  const std::vector<std::pair<Figure, long long>> months = {
      {Figure::Of(90), 10}, {Figure::Of(80), 30}, {Figure::NoData(), 50}, {Figure::Of(100), 60}};
  EXPECT_DOUBLE_EQ(RollUp(Rollup::kMeanOfMonths, months).value(), 90);  // (90 + 80 + 100) / 3, not / 4
  // (90 x 10 + 80 x 30 + 100 x 60) / 100 = 93: the no-data month weighs nothing.
  EXPECT_DOUBLE_EQ(RollUp(Rollup::kVolumeWeighted, months).value(), 93);
  EXPECT_FALSE(RollUp(Rollup::kMeanOfMonths, {{Figure::NoData(), 5}}).has_value());
  EXPECT_FALSE(RollUp(Rollup::kVolumeWeighted, {}).has_value());
  // Months with data but no volume (a scheme of manual indicators): the plain mean.
  EXPECT_DOUBLE_EQ(RollUp(Rollup::kVolumeWeighted, {{Figure::Of(70), 0}, {Figure::Of(90), 0}}).value(), 80);
  EXPECT_TRUE(RollsUp(PeriodKind::kQuarter, Rollup::kMeanOfMonths));
  EXPECT_TRUE(RollsUp(PeriodKind::kYear, Rollup::kVolumeWeighted));
  EXPECT_FALSE(RollsUp(PeriodKind::kYear, Rollup::kRecompute));
  EXPECT_FALSE(RollsUp(PeriodKind::kMonth, Rollup::kMeanOfMonths));
  EXPECT_FALSE(RollsUp(PeriodKind::kCustom, Rollup::kVolumeWeighted));
}

MonthFigures Month(std::optional<double> total, long long volume, std::optional<double> response_points = {}) {
  MonthFigures f;
  f.total = total ? Figure::Of(*total) : Figure::NoData();
  f.volume = volume;
  if (response_points) {
    f.points.insert_or_assign("response", Figure::Of(*response_points));
    f.measured.insert_or_assign("response", Figure::Of(*response_points * 2.5));
  }
  return f;
}

TEST_F(ResultsTest, AQuarterIsTheRollUpOfItsMonths) {
  snapshot_.measures.clear();
  snapshot_.inputs.clear();
  snapshot_.months.emplace();
  // 1: 90 / 80 / 100 on volumes 10 / 30 / 60; 2: no data in the second month; 3: not assessed in
  // the first; 4: no data at all.
  MonthResults m1{.period_id = 11, .name = "2026-07", .from_ms = 0, .to_ms = 1, .items = {}};
  m1.items = {{1, Month(90, 10, 36)}, {2, Month(70, 20, 30)}, {4, Month(std::nullopt, 0)}};
  MonthResults m2{.period_id = 12, .name = "2026-08", .from_ms = 1, .to_ms = 2, .items = {}};
  m2.items = {{1, Month(80, 30, 32)}, {2, Month(std::nullopt, 0)}, {3, Month(75, 5)}, {4, Month(std::nullopt, 0)}};
  MonthResults m3{.period_id = 13, .name = "2026-09", .from_ms = 2, .to_ms = 3, .items = {}};
  m3.items = {{1, Month(100, 60, 40)}, {2, Month(60, 20, 26)}, {3, Month(85, 5)}, {4, Month(std::nullopt, 0)}};
  snapshot_.months = {m1, m2, m3};

  PeriodResults r = ComputeResults(doc_, snapshot_);
  ASSERT_EQ(r.items.size(), 4u);
  EXPECT_DOUBLE_EQ(r.items[0].total.value(), 90);
  EXPECT_DOUBLE_EQ(r.items[1].total.value(), 65);  // (70 + 60) / 2: the month without data left out
  EXPECT_DOUBLE_EQ(r.items[2].total.value(), 80);
  EXPECT_FALSE(r.items[3].total.has_value());
  EXPECT_EQ(r.items[3].standing.not_ranked, NotRanked::kNoData);
  EXPECT_EQ(r.items[0].volume, 100);
  EXPECT_EQ(r.items[0].standing.rank, 1);
  EXPECT_EQ(r.items[2].standing.rank, 2);
  EXPECT_EQ(r.items[1].standing.rank, 3);
  // Each node is rolled up the same way, and shows what was measured.
  const NodeResult& resp = r.items[0].nodes[1];
  EXPECT_EQ(resp.code, "response");
  EXPECT_EQ(resp.path, "total/response");
  EXPECT_EQ(resp.depth, 1);
  EXPECT_DOUBLE_EQ(resp.points.value(), 36);
  EXPECT_DOUBLE_EQ(resp.measured.value(), 90);
  EXPECT_FALSE(r.items[0].nodes[2].points.has_value());  // no month scored satisfaction
  // The months that entered, with or without data.
  ASSERT_TRUE(r.items[2].months);
  ASSERT_EQ(r.items[2].months->size(), 3u);
  EXPECT_EQ((*r.items[2].months)[0].period_id, 11);
  EXPECT_FALSE((*r.items[2].months)[0].total.has_value());
  EXPECT_DOUBLE_EQ((*r.items[2].months)[2].total.value(), 85);

  doc_.rollup = Rollup::kVolumeWeighted;
  snapshot_.adjustments[1] = 1.5;  // an appeal upheld on the quarter itself
  r = ComputeResults(doc_, snapshot_);
  EXPECT_DOUBLE_EQ(r.items[0].base.value(), 93);
  EXPECT_DOUBLE_EQ(r.items[0].total.value(), 94.5);
  EXPECT_DOUBLE_EQ(r.items[0].nodes[1].points.value(), (36 * 10 + 32 * 30 + 40 * 60) / 100.0);
  EXPECT_DOUBLE_EQ(r.items[1].total.value(), 65);  // equal volumes

  // A veto in one month fails the quarter; the snapshot with its months recomputes bit-identically.
  snapshot_.months->at(1).items[3].failed = true;
  r = ComputeResults(doc_, snapshot_);
  EXPECT_TRUE(r.items[2].failed);
  auto back = SnapshotFromJson(json::Parse(json::Serialize(SnapshotToJson(snapshot_))).value());
  ASSERT_TRUE(back.ok());
  ASSERT_TRUE(back->months);
  EXPECT_EQ(ResultsSha256(ComputeResults(doc_, *back)), ResultsSha256(r));
  const std::string text = json::Serialize(ResultsJson(r));
  EXPECT_NE(text.find("\"months\":[{\"period_id\":11,\"name\":\"2026-07\",\"total\":90"), std::string::npos);
}

}  // namespace
}  // namespace sqm::assessment
