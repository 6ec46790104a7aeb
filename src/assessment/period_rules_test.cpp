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

}  // namespace
}  // namespace sqm::assessment
