// Weight derivation for a scheme's indicators: AHP from a pairwise-comparison matrix, and the
// entropy weight method from a period's data. Pure; the scheme editor shows the derived weights
// before anyone applies them.
#pragma once

#include <vector>

#include "assessment/model.h"
#include "base/result.h"

namespace sqm::assessment {

enum class AhpMethod { kEigenvector, kGeometricMean };

// Saaty's random consistency index RI for n = 1..15 criteria: 0, 0, 0.58, 0.90, 1.12, 1.24,
// 1.32, 1.41, 1.45, 1.49 (Saaty, The Analytic Hierarchy Process, 1980) and the extension to 15
// tabulated with it in most textbooks: 1.51, 1.48, 1.56, 1.57, 1.59. A scheme may pass its own.
const std::vector<double>& SaatyRandomIndex();

struct AhpOptions {
  AhpMethod method = AhpMethod::kEigenvector;
  // RI by n, from n = 1; must cover the matrix's n.
  std::vector<double> random_index = SaatyRandomIndex();
  // a_ij * a_ji may differ from 1 by this much, so that 0.33 passes for 1/3 and 0.13 for 1/8.
  double reciprocal_tolerance = 0.05;
};

struct Ahp {
  std::vector<double> weights;  // sum to 1
  double lambda_max = 0;        // the principal eigenvalue (estimated from the weights)
  double ci = 0;                // consistency index (lambda_max - n) / (n - 1); 0 for n <= 2
  double cr = 0;                // consistency ratio CI / RI; 0 for n <= 2
  double ri = 0;                // the random index used
  bool consistent = true;       // CR < 0.1, Saaty's threshold
};

// Weights from a pairwise-comparison matrix (Saaty 1980): a_ij says how much more important
// criterion i is than j on the 1-9 scale; the matrix is square, positive, with 1 on the diagonal
// and a_ji = 1 / a_ij.
//  - eigenvector: the principal right eigenvector, by power iteration w <- A w / sum(A w) from
//    w = 1/n until no component moves by 1e-15 (Perron-Frobenius: a positive matrix converges);
//  - geometric mean: w_i = (prod_j a_ij)^(1/n), normalised to sum 1 (Crawford & Williams 1985).
// lambda_max = (1/n) sum_i (A w)_i / w_i; CI = (lambda_max - n) / (n - 1); CR = CI / RI.
// The 5x5 example of the issue gives by geometric mean w = 0.1602, 0.4174, 0.2634, 0.0615,
// 0.0975, lambda_max 5.068, CI 0.0170, CR 0.0152.
// Errors name "matrix" (empty, not square: "matrix[i]"), the cell ("matrix[1][3]": not positive,
// a diagonal other than 1, not the reciprocal of its mirror), or "ri_table" (no RI for this n).
Result<Ahp> DeriveAhp(const Matrix& matrix, const AhpOptions& options = {});

// The entropy weight method (Shannon entropy of each criterion's distribution; e.g. Zeleny,
// Multiple Criteria Decision Making, 1982; Xu, EJOR 156 (2004)). Rows are alternatives, columns
// benefit criteria with values >= 0:
//   p_ij = x_ij / sum_i x_ij,  e_j = -(1 / ln m) sum_i p_ij ln p_ij  (0 ln 0 = 0),
//   d_j = 1 - e_j,  w_j = d_j / sum_j d_j.
// A criterion that does not vary (every x equal, or all 0) tells the alternatives nothing and
// gets weight 0. Xu's [[30,30,38,29],[19,54,86,29],[19,15,85,28.9],[68,70,60,29]] gives 0.4630,
// 0.3992, 0.1378, 0.0000. Errors name "matrix" (fewer than 2 rows; no criterion varies) or a cell
// (negative).
Result<std::vector<double>> EntropyWeights(const Matrix& matrix);

}  // namespace sqm::assessment
