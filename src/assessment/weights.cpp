#include "assessment/weights.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "assessment/checks.h"
#include "base/stats.h"

namespace sqm::assessment {

namespace {

using stats::ShortNumber;

constexpr int kMaxPowerIterations = 10000;

std::vector<double> Normalised(std::vector<double> v) {
  const double sum = std::accumulate(v.begin(), v.end(), 0.0);
  for (double& x : v) x /= sum;
  return v;
}

std::vector<double> Times(const Matrix& a, const std::vector<double>& w) {
  std::vector<double> out(a.size(), 0.0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < w.size(); ++j) out[i] += a[i][j] * w[j];
  }
  return out;
}

Status CheckPairwise(const Matrix& a, double tolerance) {
  SQM_TRY(CheckMatrix(a, CellRule::kPositive));
  const std::size_t n = a.size();
  if (a[0].size() != n) {
    return Error::Invalid("matrix", Msg("ahp.not_square", "must be square: {rows} rows of {columns} values",
                                        {{"rows", std::to_string(n)}, {"columns", std::to_string(a[0].size())}}));
  }
  Problems problems;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::abs(a[i][i] - 1) > tolerance) {
      problems.Add(CellName("matrix", i, i),
                   Msg("ahp.diagonal", "must be 1: a criterion compared with itself, not {actual}",
                       {{"actual", ShortNumber(a[i][i])}}));
    }
    // The lower triangle must mirror the upper one, which is where people enter judgements.
    for (std::size_t j = 0; j < i; ++j) {
      if (std::abs(a[i][j] * a[j][i] - 1) > tolerance) {
        problems.Add(
            CellName("matrix", i, j),
            Msg("ahp.not_reciprocal", "must be the reciprocal of {cell} (1/{value} = {expected}), not {actual}",
                {{"cell", CellName("matrix", j, i)},
                 {"value", ShortNumber(a[j][i])},
                 {"expected", ShortNumber(1 / a[j][i])},
                 {"actual", ShortNumber(a[i][j])}}));
      }
    }
  }
  if (auto e = problems.Take()) return *e;
  return {};
}

std::vector<double> PrincipalEigenvector(const Matrix& a) {
  const std::size_t n = a.size();
  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  for (int it = 0; it < kMaxPowerIterations; ++it) {
    std::vector<double> next = Normalised(Times(a, w));
    double moved = 0;
    for (std::size_t i = 0; i < n; ++i) moved = std::max(moved, std::abs(next[i] - w[i]));
    w = std::move(next);
    if (moved < 1e-15) break;
  }
  return w;
}

std::vector<double> GeometricMeanWeights(const Matrix& a) {
  const double n = static_cast<double>(a.size());
  std::vector<double> w;
  for (const auto& row : a) {
    // exp(mean log) rather than a product, which could overflow for large n.
    double log_sum = 0;
    for (double x : row) log_sum += std::log(x);
    w.push_back(std::exp(log_sum / n));
  }
  return Normalised(std::move(w));
}

}  // namespace

const std::vector<double>& SaatyRandomIndex() {
  static const std::vector<double> kRi = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                          1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  return kRi;
}

Result<Ahp> DeriveAhp(const Matrix& a, const AhpOptions& options) {
  SQM_TRY(CheckPairwise(a, options.reciprocal_tolerance));
  const std::size_t n = a.size();
  if (options.random_index.size() < n) {
    return Error::Invalid("ri_table",
                          Msg("ahp.no_random_index", "has no random index for {n} criteria: give at least {n} values",
                              {{"n", std::to_string(n)}}));
  }
  Ahp out;
  out.weights = options.method == AhpMethod::kEigenvector ? PrincipalEigenvector(a) : GeometricMeanWeights(a);
  const std::vector<double> aw = Times(a, out.weights);
  double lambda = 0;
  for (std::size_t i = 0; i < n; ++i) lambda += aw[i] / out.weights[i];
  out.lambda_max = lambda / static_cast<double>(n);
  out.ri = options.random_index[n - 1];
  // Any reciprocal matrix of order 1 or 2 is consistent: lambda_max = n, and RI is 0.
  if (n > 2) {
    out.ci = (out.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1);
    if (out.ri <= 0) {
      return Error::Invalid("ri_table",
                            Msg("ahp.random_index_positive", "must give a random index above 0 for {n} criteria",
                                {{"n", std::to_string(n)}}));
    }
    out.cr = out.ci / out.ri;
  }
  out.consistent = out.cr < 0.1;
  return out;
}

Result<std::vector<double>> EntropyWeights(const Matrix& x) {
  SQM_TRY(CheckMatrix(x, CellRule::kNotNegative));
  const std::size_t m = x.size(), k = x[0].size();
  if (m < 2) return Error::Invalid("matrix", Msg("entropy.too_few_rows", "needs at least 2 rows (alternatives)"));
  std::vector<double> d(k, 0.0);
  for (std::size_t j = 0; j < k; ++j) {
    double sum = 0, lo = x[0][j], hi = x[0][j];
    for (std::size_t i = 0; i < m; ++i) {
      sum += x[i][j];
      lo = std::min(lo, x[i][j]);
      hi = std::max(hi, x[i][j]);
    }
    if (hi == lo) continue;  // no variation, no information: d_j = 0 exactly
    double e = 0;
    for (std::size_t i = 0; i < m; ++i) {
      const double p = x[i][j] / sum;
      if (p > 0) e -= p * std::log(p);
    }
    d[j] = std::max(0.0, 1 - e / std::log(static_cast<double>(m)));
  }
  const double total = std::accumulate(d.begin(), d.end(), 0.0);
  if (total <= 0) {
    return Error::Invalid(
        "matrix", Msg("entropy.no_variation", "has no column whose values differ, so no criterion can be weighted"));
  }
  for (double& v : d) v /= total;
  return d;
}

}  // namespace sqm::assessment
