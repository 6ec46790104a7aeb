// Input checks every method shares: the shape and sign of a decision matrix, a weight vector and
// a list of directions. Each names the offending field the way a request spells it
// ("matrix[2]", "matrix[1][3]", "weights[0]") and reports every problem at once.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "assessment/model.h"
#include "base/result.h"

namespace sqm::assessment {

// What a method needs of the numbers in a matrix.
enum class CellRule { kAny, kNotNegative, kPositive };

// Non-empty, every row as long as the first (and not empty), every cell finite and following
// `rule`. Stops collecting after 20 problems.
Status CheckMatrix(const Matrix& m, CellRule rule, const std::string& field = "matrix");

// `count` finite, non-negative weights adding up to 1 (within 1e-6).
Status CheckWeights(std::span<const double> weights, std::size_t count, const std::string& field = "weights");

// One direction per criterion.
Status CheckDirections(const std::vector<Direction>& directions, std::size_t count,
                       const std::string& field = "benefit");

// "matrix[1][3]".
std::string CellName(const std::string& field, std::size_t row, std::size_t column);

}  // namespace sqm::assessment
