#include "assessment/scheme_document.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace sqm::assessment {
namespace {

std::optional<Indicator> Library(const std::string& code) {
  if (code == "response" || code == "resolution" || code == "satisfaction") {
    return Indicator{.code = code,
                     .name = {code, code},
                     .definition = {},
                     .unit = "percent",
                     .direction = Direction::kHigherIsBetter,
                     .kind = IndicatorKind::kComputed,
                     .formula = code,
                     .target = 95.0,
                     .updated_at = 0};
  }
  return std::nullopt;
}

boost::json::value Doc(std::string_view text) {
  return json::Parse(text).value();
}

constexpr const char* kThreeRates = R"({
  "tree": {"code": "total", "max_points": 100, "children": [
    {"code": "response", "name": {"zh": "响应率", "en": "Response"}, "max_points": 30,
     "indicator": {"code": "response", "rule": {"kind": "weighted_rate"}}},
    {"code": "resolution", "name": {"zh": "解决率", "en": "Resolution"}, "max_points": 35,
     "indicator": {"code": "resolution", "rule": {"kind": "linear", "floor": 60, "target": 95}}},
    {"code": "satisfaction", "name": {"zh": "满意率", "en": "Satisfaction"}, "max_points": 35,
     "indicator": {"code": "satisfaction", "rule": {"kind": "threshold_deduction", "threshold": 98,
                   "per_unit": 0.5, "min_points": 17.5}, "gate": {"limit": 60}}}]},
  "rounding": {"decimals": 2, "what": "total"},
  "grades": [{"code": "excellent", "name": {"zh": "优秀", "en": "Excellent"}, "min": 90},
             {"code": "good", "min": 80}, {"code": "pass", "min": 60}, {"code": "fail", "min": 0}],
  "coefficients": {"excellent": 1.2, "good": 1.0, "pass": 0.8, "fail": 0.6},
  "groups": [{"code": "large", "min_volume": 300}, {"code": "small", "min_volume": 0}],
  "small_sample": "wilson_lower", "appeal_days": 3, "red_list": 1, "black_list": 1
})";

TEST(SchemeDocument, ReadsTheThreeRatesScheme) {
  auto d = ParseSchemeDocument(Doc(kThreeRates), Library);
  ASSERT_TRUE(d.ok()) << d.error().field << ": " << d.error().message;
  EXPECT_EQ(d->scheme.root.children.size(), 3u);
  EXPECT_EQ(d->leaves.at("satisfaction").indicator, "satisfaction");
  EXPECT_EQ(d->names.at("response").zh, "响应率");
  EXPECT_EQ(d->ranking.coefficients.at("excellent"), 1.2);
  EXPECT_EQ(d->small_sample, RateBasis::kWilsonBound);
  EXPECT_EQ(d->appeal_days, 3);
  EXPECT_EQ(d->groups.size(), 2u);
  ASSERT_TRUE(d->scheme.root.children[2].indicator->gate);
  EXPECT_EQ(*d->scheme.rounding.decimals, 2);
}

TEST(SchemeDocument, NamesTheNodeByItsJsonPath) {
  std::string text = kThreeRates;
  text.replace(text.find("\"max_points\": 35"), 16, "\"max_points\": 36");
  auto d = ParseSchemeDocument(Doc(text), Library);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().field, "tree.children");
  EXPECT_EQ(d.error().key, "scheme.points_sum");

  auto unknown = ParseSchemeDocument(Doc(R"({"tree": {"code": "t", "max_points": 10, "children": [
             {"code": "a", "max_points": 5, "indicator": {"code": "response", "rule": {"kind": "weighted_rate"}}},
             {"code": "b", "max_points": 5, "indicator": {"code": "nosuch", "rule": {"kind": "linear", "floor": 90, "target": 10}}}]}})"),
                                     Library);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "tree.children[1].indicator.code");
  ASSERT_EQ(unknown.error().more.size(), 1u);  // and the linear rule's floor above its target
  EXPECT_EQ(unknown.error().more[0].field, "tree.children[1].indicator.rule.floor");
}

TEST(SchemeDocument, ReportsEveryProblemAtOnce) {
  auto d = ParseSchemeDocument(Doc(R"({"tree": {"code": "t", "max_points": 100, "children": [
             {"code": "a", "max_points": -1, "indicator": {"code": "response", "rule": {"kind": "nope"}}}]},
             "method": "magic", "small_sample": "x", "grades": [], "extra": 1})"),
                               Library);
  ASSERT_FALSE(d.ok());
  std::set<std::string> fields{d.error().field};
  for (const auto& p : d.error().more) fields.insert(p.field);
  for (const char* f : {"tree.children[0].indicator.rule.kind", "method", "grades", "tree.children[0].max_points"}) {
    EXPECT_TRUE(fields.contains(f)) << f;
  }
}

}  // namespace
}  // namespace sqm::assessment
