// Statistics that several modules share: the standard normal distribution, the Wilson score
// interval of a rate, the survey sample size, Cohen's kappa, competition ranks and least squares.
// Pure functions in double precision; nothing here rounds. Functions that take input from people
// validate it and name the field ("successes", "confidence", ...) in the error, so a route can
// answer 400 without checking anything itself.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace sqm::stats {

// Phi(z), the standard normal CDF, through erfc (accurate to about 1e-16 relative).
double NormalCdf(double z);

// Phi^-1(p), the standard normal quantile, by Wichura's AS 241 (PPND16, Applied Statistics 37
// (1988) 477-484), accurate to about 1e-16. p <= 0 gives -infinity, p >= 1 +infinity.
double NormalQuantile(double p);

// The two-sided critical value z for a confidence level: Phi^-1(1 - (1 - confidence) / 2);
// 1.959964 for 0.95. REQUIRES: 0 < confidence < 1.
double CriticalValue(double confidence);

// A rate with its interval: p = successes / n, and [low, high] of half-width `margin` around the
// interval's centre (the Wilson interval is not centred on p).
struct Interval {
  double p = 0;
  double low = 0;
  double high = 0;
  double margin = 0;
};

// The Wilson score interval (Wilson 1927; Newcombe 1998, method 3): with z = CriticalValue(c),
//   centre = (p + z^2/2n) / (1 + z^2/n),  half = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
// 81/263 at 95 % -> 0.2553-0.3662; 0/20 -> 0-0.1611. Unlike p +- z*sqrt(p(1-p)/n) it never leaves
// [0, 1] and is honest for small n and rates near 0 or 1.
// Errors name "n" (must be >= 1), "successes" (0..n) or "confidence" (strictly between 0 and 1).
Result<Interval> WilsonInterval(std::int64_t successes, std::int64_t n, double confidence = 0.95);

struct SampleSizeQuestion {
  double margin = 0.05;                    // the half-width wanted, as a fraction: 0.05 = +-5 points
  double confidence = 0.95;                // strictly between 0 and 1
  std::optional<std::int64_t> population;  // N, when the population is finite and known
  double proportion = 0.5;                 // the expected rate; 0.5 is the safe (largest) choice
};

// Cochran's sample size for estimating a proportion (Cochran, Sampling Techniques, 3rd ed., 1977,
// eq. 4.2 and 4.3): n0 = z^2 p(1-p) / e^2, and with a finite population N
// n = n0 / (1 + (n0 - 1) / N); rounded up. +-5 % at 95 % -> 385; +-3 % -> 1,068; N = 2,000 at
// +-5 % -> 323. Errors name "margin" (0 < e < 1), "confidence", "population" (>= 1) or
// "proportion" (0 < p < 1).
Result<std::int64_t> SampleSize(const SampleSizeQuestion& q);

// Weights of weighted kappa (Cohen 1968; Fleiss & Cohen 1973), as agreement weights over the
// ordered categories i, j of k: none 1 if i == j else 0; linear 1 - |i-j|/(k-1);
// quadratic 1 - (i-j)^2/(k-1)^2.
enum class KappaWeights { kNone, kLinear, kQuadratic };

struct Kappa {
  // (observed - expected) / (1 - expected); nullopt when expected is 1 (both raters put every
  // item in one and the same category: agreement is perfect but kappa is undefined).
  std::optional<double> kappa;
  double observed = 0;  // weighted share of agreement, sum w_ij p_ij
  double expected = 0;  // the same under chance, sum w_ij p_i. p_.j
  std::int64_t n = 0;   // items rated by both
};

// Cohen's kappa of two raters' ratings of the same items. [1,1,2,2,3,3,1,3] vs
// [1,3,2,1,3,2,1,3] -> 0.4286 (none), 0.4667 (linear), 0.5 (quadratic).
// `categories`, in order, default to the sorted union of the ratings; every rating must be one.
// Errors name "b" (a different number of ratings than "a"), "a" (fewer than 2 items),
// "categories" (repeated values) or "a[i]" / "b[i]" (a rating not among the categories).
Result<Kappa> CohenKappa(std::span<const double> a, std::span<const double> b, KappaWeights weights,
                         std::optional<std::vector<double>> categories = std::nullopt);

// Ranks that share ties by their mean ("fractional" or mid-ranks): the smallest value gets 1, so
// [10, 20, 20, 30] -> [1, 2.5, 2.5, 4]. Values are compared exactly.
// The p-th percentile (0 <= p <= 100) of `sorted` (ascending, not empty) by linear interpolation
// between the closest ranks, as PostgreSQL's percentile_cont and Excel's PERCENTILE.INC.
double Percentile(std::span<const double> sorted, double p);

std::vector<double> MidRanks(std::span<const double> values);

// Competition ranks ("1224"): the highest value is 1, tied values share the best rank of their
// group and the next value skips past them: [90, 80, 80, 70] -> [1, 2, 2, 4]. Values are compared
// exactly; round them first where a scheme rounds.
std::vector<int> CompetitionRanks(std::span<const double> values);

// A number as people read it in a message: up to 6 significant digits ("0.333333", "1e+21").
std::string ShortNumber(double v);

// Least-squares line y = a + b x through the points.
struct Line {
  double a = 0;   // intercept
  double b = 0;   // slope
  double r2 = 0;  // coefficient of determination (1 when every y is equal and fitted exactly)
};
// REQUIRES: x.size() == y.size() >= 2 and the x are not all equal.
Line LeastSquares(std::span<const double> x, std::span<const double> y);

}  // namespace sqm::stats
