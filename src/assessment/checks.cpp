#include "assessment/checks.h"

#include <cmath>

#include "base/stats.h"

namespace sqm::assessment {

using stats::ShortNumber;

namespace {

constexpr std::size_t kMaxProblems = 20;

}  // namespace

std::string CellName(const std::string& field, std::size_t row, std::size_t column) {
  return field + "[" + std::to_string(row) + "][" + std::to_string(column) + "]";
}

Status CheckMatrix(const Matrix& m, CellRule rule, const std::string& field) {
  if (m.empty() || m[0].empty()) {
    return Error::Invalid(field, Msg("matrix.empty", "must have at least one row with at least one value"));
  }
  Problems problems;
  std::size_t count = 0;
  auto add = [&](std::string name, Message msg) {
    if (count++ < kMaxProblems) problems.Add(std::move(name), std::move(msg));
  };
  const std::size_t width = m[0].size();
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i].size() != width) {
      add(field + "[" + std::to_string(i) + "]",
          Msg("matrix.row_length", "must have {expected} values like the first row, not {actual}",
              {{"expected", std::to_string(width)}, {"actual", std::to_string(m[i].size())}}));
      continue;
    }
    for (std::size_t j = 0; j < width; ++j) {
      const double v = m[i][j];
      if (!std::isfinite(v)) {
        add(CellName(field, i, j), Msg("field.not_number", "must be a number"));
      } else if (rule == CellRule::kPositive && v <= 0) {
        add(CellName(field, i, j), Msg("matrix.not_positive", "must be greater than 0"));
      } else if (rule == CellRule::kNotNegative && v < 0) {
        add(CellName(field, i, j), Msg("matrix.negative", "must not be negative"));
      }
    }
  }
  if (auto e = problems.Take()) return *e;
  return {};
}

Status CheckWeights(std::span<const double> weights, std::size_t count, const std::string& field) {
  if (weights.size() != count) {
    return Error::Invalid(field,
                          Msg("weights.count", "must have {expected} values, one per criterion, not {actual}",
                              {{"expected", std::to_string(count)}, {"actual", std::to_string(weights.size())}}));
  }
  Problems problems;
  double sum = 0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    const std::string name = field + "[" + std::to_string(j) + "]";
    if (!std::isfinite(weights[j])) {
      problems.Add(name, Msg("field.not_number", "must be a number"));
    } else if (weights[j] < 0) {
      problems.Add(name, Msg("weights.negative", "must not be negative"));
    } else {
      sum += weights[j];
    }
  }
  if (auto e = problems.Take()) return *e;
  if (std::abs(sum - 1) > 1e-6) {
    return Error::Invalid(field, Msg("weights.sum", "must add up to 1, not {sum}", {{"sum", ShortNumber(sum)}}));
  }
  return {};
}

Status CheckDirections(const std::vector<Direction>& directions, std::size_t count, const std::string& field) {
  if (directions.size() != count) {
    return Error::Invalid(field,
                          Msg("benefit.count", "must have {expected} values, one per criterion, not {actual}",
                              {{"expected", std::to_string(count)}, {"actual", std::to_string(directions.size())}}));
  }
  return {};
}

}  // namespace sqm::assessment
