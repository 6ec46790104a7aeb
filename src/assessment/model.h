// Assessment (考核) types shared by the pure rules (weights.h, evaluation.h, scoring.h,
// ranking.h), the scheme and period services that come later, and the calculator routes.
#pragma once

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sqm::assessment {

// A decision matrix: one row per alternative (an assessee), one column per criterion (an
// indicator). Every row has the same length.
using Matrix = std::vector<std::vector<double>>;

// Which way an indicator or criterion is good: a benefit criterion (response rate, satisfaction)
// or a cost criterion (complaints, mean response time).
enum class Direction { kHigherIsBetter, kLowerIsBetter };

// The wire names: "higher", "lower".
inline const char* DirectionName(Direction d) {
  return d == Direction::kHigherIsBetter ? "higher" : "lower";
}
inline std::optional<Direction> ParseDirection(std::string_view name) {
  if (name == "higher") return Direction::kHigherIsBetter;
  if (name == "lower") return Direction::kLowerIsBetter;
  return std::nullopt;
}

// A number that may be "no data": a rate without a denominator (no rated tickets), a score of an
// indicator that could not be measured, a total without any indicator. It is neither 0 nor NaN
// and converts to nothing: code must ask has_value() before value(), and "no data" stays visible
// all the way to the JSON (null with "no_data": true) and the results page.
class Figure {
 public:
  static Figure NoData() { return Figure(); }
  // REQUIRES: v is finite.
  static Figure Of(double v) {
    if (!std::isfinite(v)) throw std::logic_error("assessment::Figure::Of: not a finite number");
    return Figure(v);
  }

  bool has_value() const { return v_.has_value(); }
  // REQUIRES: has_value(); asking a "no data" figure for its number is a programming error.
  double value() const {
    if (!v_) throw std::logic_error("assessment::Figure::value: no data");
    return *v_;
  }

  bool operator==(const Figure&) const = default;

 private:
  Figure() = default;
  explicit Figure(double v) : v_(v) {}
  std::optional<double> v_;
};

// A rate measured as numerator / denominator (satisfied / rated, on time / due), kept with its
// counts so every score can show them and the Wilson interval can be drawn beside it.
struct Count {
  long long numerator = 0;
  long long denominator = 0;
};

// The rate in percent (0-100), or no data when nothing was counted.
inline Figure PercentOf(const Count& c) {
  if (c.denominator <= 0) return Figure::NoData();
  return Figure::Of(100.0 * static_cast<double>(c.numerator) / static_cast<double>(c.denominator));
}

}  // namespace sqm::assessment
