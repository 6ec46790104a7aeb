// Comprehensive evaluation (综合评价) of alternatives on several criteria: the plain weighted
// sum, TOPSIS and the rank-sum ratio (RSR). Pure; every figure in double precision, unrounded.
#pragma once

#include <span>
#include <vector>

#include "assessment/model.h"
#include "base/result.h"
#include "base/stats.h"

namespace sqm::assessment {

// S_i = sum_j w_j x_ij, for criteria already on one scale (points, percentages).
// Errors name "matrix" or a cell, and "weights" (count, sign, sum 1).
Result<std::vector<double>> WeightedSum(const Matrix& x, std::span<const double> weights);

struct Topsis {
  std::vector<double> closeness;            // C_i = D-_i / (D+_i + D-_i), in [0, 1]; larger is better
  std::vector<int> rank;                    // by closeness, ties sharing a rank (1, 2, 2, 4)
  std::vector<double> ideal;                // A+, per criterion, in weighted normalised units
  std::vector<double> anti_ideal;           // A-
  std::vector<double> distance_ideal;       // D+_i
  std::vector<double> distance_anti_ideal;  // D-_i
};

// TOPSIS (Hwang & Yoon 1981) with vector normalisation:
//   r_ij = x_ij / sqrt(sum_i x_ij^2),  v_ij = w_j r_ij,
//   A+_j = max_i v_ij for a benefit criterion (min for a cost one), A-_j the other way,
//   D+_i = ||v_i - A+||, D-_i = ||v_i - A-||, C_i = D-_i / (D+_i + D-_i).
// Papathanasiou & Ploskas (Multiple Criteria Decision Aid, 2018, sec. 2.4) rows [8,7,2,1],
// [5,3,7,5], [7,5,6,4], [9,9,7,3], [11,10,3,7], [6,9,5,4], weights 0.4/0.3/0.1/0.2, all benefit ->
// 0.387, 0.327, 0.391, 0.615, 0.868, 0.493. Values must be >= 0 (vector normalisation of
// negative values means nothing). Errors name "matrix" (a cell; a column of zeros: "matrix[*][j]";
// every row identical), "weights", "benefit".
Result<Topsis> EvaluateTopsis(const Matrix& x, std::span<const double> weights,
                              const std::vector<Direction>& directions);

enum class RsrRanks {
  kInteger,     // 整秩: mid-ranks 1..n within each criterion, ties sharing their mean rank
  kNonInteger,  // 非整秩: R = 1 + (n - 1)(x - min)/(max - min), or (max - x) for a cost criterion
};

struct RsrOptions {
  RsrRanks ranks = RsrRanks::kInteger;
  std::vector<double> weights;  // empty: every criterion 1/m
  int tiers = 3;                // 3, 4, 5 or 6
};

// One row of the RSR distribution table: the alternatives sharing one RSR value.
struct RsrGroup {
  double rsr = 0;
  int frequency = 0;      // f
  int cumulative = 0;     // cumulative frequency, counted from the smallest RSR
  double mean_rank = 0;   // mean of the positions cumulative - f + 1 .. cumulative
  double percentile = 0;  // p = mean_rank / n; the last group 1 - 1/(4n)
  double probit = 0;      // 5 + Phi^-1(p)
};

struct Rsr {
  Matrix ranks;                        // R_ij, as the rows and columns of the input
  std::vector<double> rsr;             // per alternative; larger is better
  std::vector<double> probit;          // per alternative, from its group
  std::vector<double> fitted;          // a + b * probit
  std::vector<int> tier;               // 1 = best
  std::vector<RsrGroup> distribution;  // ascending RSR
  stats::Line regression;              // RSR = a + b * probit over the distribution's groups
  std::vector<double> probit_cuts;     // ascending, tiers - 1 values
  std::vector<double> rsr_cuts;        // a + b * each probit cut
};

// The probit cut-points between tiers (孙振球《医学统计学》, 秩和比法, 常用分档数与概率单位表;
// 田凤调《秩和比法及其应用》): 3 tiers <4 | 4-6 | >=6; 4 tiers 3.5, 5, 6.5; 5 tiers 3.2, 4.4, 5.6,
// 6.8; 6 tiers 3, 4, 5, 6, 7. These are the probits of the percentiles P15.866 / P84.134 and so
// on (the normal distribution cut at +-1 sd, +-1.5 sd, ...). Empty for another number of tiers.
std::vector<double> RsrProbitCuts(int tiers);

// The rank-sum ratio (田凤调 1988; 孙振球《医学统计学》): rank each criterion (benefit: the
// largest value ranks n; cost: the smallest), RSR_i = sum_j w_j R_ij / n (w_j = 1/m unweighted,
// which is sum_j R_ij / (m n)); the distribution table of the RSR values; probit = 5 +
// Phi^-1(p); the least-squares line RSR = a + b probit through the table's groups (one point per
// distinct RSR, as the textbook tabulates; with no ties, one point per alternative); and tiers
// by the probit cut-points, tier 1 the best. An alternative's tier by its probit is the same as
// by its fitted RSR against rsr_cuts (b > 0).
// Errors name "matrix", "benefit", "weights" and "tiers" (3 to 6); fewer than two distinct RSR
// values leave no line to fit ("matrix").
Result<Rsr> EvaluateRsr(const Matrix& x, const std::vector<Direction>& directions, const RsrOptions& options);

}  // namespace sqm::assessment
