#include "assessment/evaluation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "assessment/checks.h"

namespace sqm::assessment {

namespace {

std::vector<double> Column(const Matrix& x, std::size_t j) {
  std::vector<double> c;
  c.reserve(x.size());
  for (const auto& row : x) c.push_back(row[j]);
  return c;
}

// R_ij of one criterion.
std::vector<double> RankColumn(const std::vector<double>& values, Direction direction, RsrRanks method) {
  const std::size_t n = values.size();
  if (method == RsrRanks::kInteger) {
    if (direction == Direction::kHigherIsBetter) return stats::MidRanks(values);
    std::vector<double> negated(values);
    for (double& v : negated) v = -v;
    return stats::MidRanks(negated);
  }
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  std::vector<double> ranks(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (*hi == *lo) {
      ranks[i] = (static_cast<double>(n) + 1) / 2;  // no spread: every value ties, as integer ranks do
    } else {
      const double x = direction == Direction::kHigherIsBetter ? values[i] - *lo : *hi - values[i];
      ranks[i] = 1 + static_cast<double>(n - 1) * x / (*hi - *lo);
    }
  }
  return ranks;
}

// RSR values that differ only by rounding (a weighted sum taken in another order) are one group.
bool SameRsr(double a, double b) {
  return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(a));
}

}  // namespace

Result<std::vector<double>> WeightedSum(const Matrix& x, std::span<const double> weights) {
  SQM_TRY(CheckMatrix(x, CellRule::kAny));
  SQM_TRY(CheckWeights(weights, x[0].size()));
  std::vector<double> out;
  for (const auto& row : x) out.push_back(std::inner_product(row.begin(), row.end(), weights.begin(), 0.0));
  return out;
}

Result<Topsis> EvaluateTopsis(const Matrix& x, std::span<const double> weights,
                              const std::vector<Direction>& directions) {
  SQM_TRY(CheckMatrix(x, CellRule::kNotNegative));
  const std::size_t n = x.size(), m = x[0].size();
  Problems problems;
  if (auto s = CheckWeights(weights, m); !s.ok()) problems.Add(s.error());
  if (auto s = CheckDirections(directions, m); !s.ok()) problems.Add(s.error());
  if (auto e = problems.Take()) return *e;

  Matrix v(n, std::vector<double>(m));
  Topsis out;
  for (std::size_t j = 0; j < m; ++j) {
    double norm = 0;
    for (std::size_t i = 0; i < n; ++i) norm += x[i][j] * x[i][j];
    norm = std::sqrt(norm);
    if (norm == 0) {
      return Error::Invalid("matrix[*][" + std::to_string(j) + "]",
                            Msg("topsis.zero_column", "is 0 for every row, so it cannot be normalised"));
    }
    double best = -INFINITY, worst = INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
      v[i][j] = weights[j] * x[i][j] / norm;
      best = std::max(best, v[i][j]);
      worst = std::min(worst, v[i][j]);
    }
    if (directions[j] == Direction::kLowerIsBetter) std::swap(best, worst);
    out.ideal.push_back(best);
    out.anti_ideal.push_back(worst);
  }
  for (std::size_t i = 0; i < n; ++i) {
    double plus = 0, minus = 0;
    for (std::size_t j = 0; j < m; ++j) {
      plus += (v[i][j] - out.ideal[j]) * (v[i][j] - out.ideal[j]);
      minus += (v[i][j] - out.anti_ideal[j]) * (v[i][j] - out.anti_ideal[j]);
    }
    out.distance_ideal.push_back(std::sqrt(plus));
    out.distance_anti_ideal.push_back(std::sqrt(minus));
    // Both distances are 0 only when the ideal equals the anti-ideal: every row is the same.
    if (plus + minus == 0) {
      return Error::Invalid("matrix", Msg("topsis.identical_rows",
                                          "has identical weighted rows, so no alternative is closer to the ideal"));
    }
    out.closeness.push_back(out.distance_anti_ideal.back() /
                            (out.distance_ideal.back() + out.distance_anti_ideal.back()));
  }
  out.rank = stats::CompetitionRanks(out.closeness);
  return out;
}

std::vector<double> RsrProbitCuts(int tiers) {
  switch (tiers) {
    case 3: return {4, 6};
    case 4: return {3.5, 5, 6.5};
    case 5: return {3.2, 4.4, 5.6, 6.8};
    case 6: return {3, 4, 5, 6, 7};
    default: return {};
  }
}

Result<Rsr> EvaluateRsr(const Matrix& x, const std::vector<Direction>& directions, const RsrOptions& options) {
  SQM_TRY(CheckMatrix(x, CellRule::kAny));
  const std::size_t n = x.size(), m = x[0].size();
  Problems problems;
  if (auto s = CheckDirections(directions, m); !s.ok()) problems.Add(s.error());
  if (!options.weights.empty()) {
    if (auto s = CheckWeights(options.weights, m); !s.ok()) problems.Add(s.error());
  }
  const std::vector<double> cuts = RsrProbitCuts(options.tiers);
  if (cuts.empty()) problems.Add("tiers", Msg("rsr.tiers", "must be 3, 4, 5 or 6"));
  if (auto e = problems.Take()) return *e;

  Rsr out;
  out.ranks.assign(n, std::vector<double>(m));
  for (std::size_t j = 0; j < m; ++j) {
    const std::vector<double> r = RankColumn(Column(x, j), directions[j], options.ranks);
    for (std::size_t i = 0; i < n; ++i) out.ranks[i][j] = r[i];
  }
  const double nn = static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = out.ranks[i];
    // Unweighted: the rank sum first, so equal rank sums give bit-identical RSR values.
    out.rsr.push_back(options.weights.empty()
                          ? std::accumulate(r.begin(), r.end(), 0.0) / (static_cast<double>(m) * nn)
                          : std::inner_product(r.begin(), r.end(), options.weights.begin(), 0.0) / nn);
  }

  // The distribution table: alternatives in ascending RSR, grouped by value.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return out.rsr[a] < out.rsr[b]; });
  std::vector<std::size_t> group_of(n);
  for (std::size_t t = 0; t < n;) {
    std::size_t u = t;
    while (u + 1 < n && SameRsr(out.rsr[order[u + 1]], out.rsr[order[t]])) ++u;
    RsrGroup g;
    g.rsr = out.rsr[order[t]];
    g.frequency = static_cast<int>(u - t + 1);
    g.cumulative = static_cast<int>(u + 1);
    g.mean_rank = (static_cast<double>(t + 1) + static_cast<double>(u + 1)) / 2;
    g.percentile = g.mean_rank / nn;
    for (std::size_t s = t; s <= u; ++s) group_of[order[s]] = out.distribution.size();
    out.distribution.push_back(g);
    t = u + 1;
  }
  if (out.distribution.size() < 2) {
    return Error::Invalid("matrix", Msg("rsr.no_spread", "gives every row the same RSR, so no tiers can be fitted"));
  }
  // The last group would sit at p = 1 (probit +infinity): the textbook correction.
  out.distribution.back().percentile = 1 - 1 / (4 * nn);
  std::vector<double> gx, gy;
  for (RsrGroup& g : out.distribution) {
    g.probit = 5 + stats::NormalQuantile(g.percentile);
    gx.push_back(g.probit);
    gy.push_back(g.rsr);
  }
  out.regression = stats::LeastSquares(gx, gy);

  out.probit_cuts = cuts;
  for (double c : cuts) out.rsr_cuts.push_back(out.regression.a + out.regression.b * c);
  for (std::size_t i = 0; i < n; ++i) {
    const double probit = out.distribution[group_of[i]].probit;
    out.probit.push_back(probit);
    out.fitted.push_back(out.regression.a + out.regression.b * probit);
    // Tier 1 is at or above the highest cut; each cut above the probit moves one tier down.
    const auto above = std::count_if(cuts.begin(), cuts.end(), [&](double c) { return probit < c; });
    out.tier.push_back(1 + static_cast<int>(above));
  }
  return out;
}

}  // namespace sqm::assessment
