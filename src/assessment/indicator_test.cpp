#include "assessment/indicator.h"

#include <gtest/gtest.h>

namespace sqm::assessment {
namespace {

bool Known(std::string_view code) {
  return code == "met" || code == "due" || code == "satisfied" || code == "rated";
}

MeasureValue Value(double v, long long sample) {
  return {.value = Figure::Of(v), .sample = sample, .ratio = std::nullopt};
}

TEST(Formula, EvaluatesArithmeticWithPrecedenceAndParentheses) {
  auto f = ParseFormula("met / due * 100", Known);
  ASSERT_TRUE(f.ok()) << f.error().message;
  std::map<std::string, MeasureValue> m{{"met", Value(45, 45)}, {"due", Value(50, 50)}};
  EXPECT_DOUBLE_EQ(f->Evaluate(m).value(), 90);
  auto g = ParseFormula("(met + 5) * -2 - 1.5", Known);
  ASSERT_TRUE(g.ok());
  EXPECT_DOUBLE_EQ(g->Evaluate(m).value(), -101.5);
  EXPECT_EQ(f->Measures(), (std::vector<std::string>{"due", "met"}));
  auto count = f->RateCount(m);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->numerator, 45);
  EXPECT_EQ(count->denominator, 50);
}

TEST(Formula, DivisionByZeroAndMissingMeasuresAreNoData) {
  auto f = ParseFormula("met / due", Known);
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(f->Evaluate({{"met", Value(0, 0)}, {"due", Value(0, 0)}}).has_value());
  EXPECT_FALSE(f->Evaluate({{"met", Value(3, 3)}}).has_value());
  EXPECT_FALSE(f->Evaluate({{"met", Value(3, 3)}, {"due", {}}}).has_value());
}

TEST(Formula, UnknownMeasureIsNamed) {
  auto f = ParseFormula("met / nosuch", Known);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().field, "formula");
  EXPECT_EQ(f.error().key, "formula.unknown_measure");
  EXPECT_NE(f.error().message.find("nosuch"), std::string::npos);
}

TEST(Formula, SyntaxErrorsSayWhere) {
  for (const char* bad : {"met /", "(met", "met $ due", "1..2", "met due", ""}) {
    auto f = ParseFormula(bad, Known);
    EXPECT_FALSE(f.ok()) << bad;
  }
  EXPECT_NE(ParseFormula("met $ due", Known).error().message.find("position 5"), std::string::npos);
}

TEST(Indicator, ChecksReportEveryProblem) {
  Indicator ind;
  ind.code = "bad code";
  ind.kind = IndicatorKind::kComputed;
  auto st = CheckIndicator(ind, Known);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "code");
  EXPECT_EQ(st.error().ProblemCount(), 5u);  // code, name.zh, name.en, unit, formula
  Indicator manual{.code = "team",
                   .name = {"团队协作", "Teamwork"},
                   .definition = {},
                   .unit = "points",
                   .direction = Direction::kHigherIsBetter,
                   .kind = IndicatorKind::kManual,
                   .formula = "met",
                   .target = std::nullopt,
                   .updated_at = 0};
  EXPECT_EQ(CheckIndicator(manual, Known).error().field, "formula");
  manual.formula.clear();
  EXPECT_TRUE(CheckIndicator(manual, Known).ok());
}

}  // namespace
}  // namespace sqm::assessment
