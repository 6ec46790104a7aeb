#include "base/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <string>

namespace sqm::stats {

namespace {

// Evaluates c[0] + c[1] r + ... + c[7] r^7 (Horner).
double Poly(const double (&c)[8], double r) {
  double v = c[7];
  for (int i = 6; i >= 0; --i) v = v * r + c[i];
  return v;
}

bool OpenUnit(double v) {
  return std::isfinite(v) && v > 0 && v < 1;
}

}  // namespace

double NormalCdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double NormalQuantile(double p) {
  // AS 241 PPND16: rational approximations in three regions of p.
  static constexpr double a[8] = {3.3871328727963666080e0,  1.3314166789178437745e+2, 1.9715909503065514427e+3,
                                  1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                  3.3430575583588128105e+4, 2.5090809287301226727e+3};
  static constexpr double b[8] = {1.0,
                                  4.2313330701600911252e+1,
                                  6.8718700749205790830e+2,
                                  5.3941960214247511077e+3,
                                  2.1213794301586595867e+4,
                                  3.9307895800092710610e+4,
                                  2.8729085735721942674e+4,
                                  5.2264952788528545610e+3};
  static constexpr double c[8] = {1.42343711074968357734e0,  4.63033784615654529590e0, 5.76949722146069140550e0,
                                  3.64784832476320460504e0,  1.27045825245236838258e0, 2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static constexpr double d[8] = {1.0,
                                  2.05319162663775882187e0,
                                  1.67638483018380384940e0,
                                  6.89767334985100004550e-1,
                                  1.48103976427480074590e-1,
                                  1.51986665636164571966e-2,
                                  5.47593808499534494600e-4,
                                  1.05075007164441684324e-9};
  static constexpr double e[8] = {6.65790464350110377720e0,  5.46378491116411436990e0,  1.78482653991729133580e0,
                                  2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                  2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static constexpr double f[8] = {1.0,
                                  5.99832206555887937690e-1,
                                  1.36929880922735805310e-1,
                                  1.48753612908506148525e-2,
                                  7.86869131145613259100e-4,
                                  1.84631831751005468180e-5,
                                  1.42151175831644588870e-7,
                                  2.04426310338993978564e-15};
  if (std::isnan(p)) return p;
  if (p <= 0) return -std::numeric_limits<double>::infinity();
  if (p >= 1) return std::numeric_limits<double>::infinity();
  const double q = p - 0.5;
  if (std::abs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * Poly(a, r) / Poly(b, r);
  }
  double r = std::sqrt(-std::log(q < 0 ? p : 1 - p));
  const double v = r <= 5 ? Poly(c, r - 1.6) / Poly(d, r - 1.6) : Poly(e, r - 5) / Poly(f, r - 5);
  return q < 0 ? -v : v;
}

double CriticalValue(double confidence) {
  return NormalQuantile(1 - (1 - confidence) / 2);
}

Result<Interval> WilsonInterval(std::int64_t successes, std::int64_t n, double confidence) {
  Problems problems;
  if (n < 1) problems.Add("n", Msg("stats.n_positive", "must be 1 or more"));
  if (successes < 0 || (n >= 1 && successes > n)) {
    problems.Add("successes", Msg("stats.successes_range", "must be between 0 and n ({n})",
                                  {{"n", std::to_string(std::max<std::int64_t>(n, 0))}}));
  }
  if (!OpenUnit(confidence)) {
    problems.Add("confidence", Msg("stats.open_unit", "must lie strictly between 0 and 1"));
  }
  if (auto e = problems.Take()) return *e;

  const double z = CriticalValue(confidence);
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2n = z * z / nn;
  const double centre = (p + z2n / 2) / (1 + z2n);
  const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / nn + z2n / (4 * nn));
  Interval out;
  out.p = p;
  // At 0 successes the low end is 0 by the formula; say so exactly (and 1 at n of n).
  out.low = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  out.high = successes == n ? 1.0 : std::min(1.0, centre + half);
  out.margin = (out.high - out.low) / 2;
  return out;
}

Result<std::int64_t> SampleSize(const SampleSizeQuestion& q) {
  Problems problems;
  if (!OpenUnit(q.margin)) problems.Add("margin", Msg("stats.open_unit", "must lie strictly between 0 and 1"));
  if (!OpenUnit(q.confidence)) {
    problems.Add("confidence", Msg("stats.open_unit", "must lie strictly between 0 and 1"));
  }
  if (q.population && *q.population < 1) problems.Add("population", Msg("stats.n_positive", "must be 1 or more"));
  if (!OpenUnit(q.proportion)) {
    problems.Add("proportion", Msg("stats.open_unit", "must lie strictly between 0 and 1"));
  }
  if (auto e = problems.Take()) return *e;

  const double z = CriticalValue(q.confidence);
  double n = z * z * q.proportion * (1 - q.proportion) / (q.margin * q.margin);
  if (q.population) n = n / (1 + (n - 1) / static_cast<double>(*q.population));
  // Round up, but not past a whole number that floating point missed by a hair (384.0000000001).
  const double whole = std::ceil(n - 1e-9 * std::max(1.0, n));
  return static_cast<std::int64_t>(std::max(1.0, whole));
}

Result<Kappa> CohenKappa(std::span<const double> a, std::span<const double> b, KappaWeights weights,
                         std::optional<std::vector<double>> categories) {
  if (a.size() != b.size()) {
    return Error::Invalid("b", Msg("kappa.length", "must have as many ratings as a ({n}), not {actual}",
                                   {{"n", std::to_string(a.size())}, {"actual", std::to_string(b.size())}}));
  }
  if (a.size() < 2) return Error::Invalid("a", Msg("kappa.too_few", "needs ratings of at least 2 items"));

  std::vector<double> cats;
  if (categories) {
    cats = std::move(*categories);
    std::vector<double> sorted = cats;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      return Error::Invalid("categories", Msg("kappa.categories_repeat", "must not name a category twice"));
    }
  } else {
    cats.assign(a.begin(), a.end());
    cats.insert(cats.end(), b.begin(), b.end());
    std::sort(cats.begin(), cats.end());
    cats.erase(std::unique(cats.begin(), cats.end()), cats.end());
  }
  const std::size_t k = cats.size();
  auto index_of = [&](double v) -> std::optional<std::size_t> {
    auto it = std::find(cats.begin(), cats.end(), v);
    if (it == cats.end()) return std::nullopt;
    return static_cast<std::size_t>(it - cats.begin());
  };

  // Joint proportions p_ij of (a in category i, b in category j).
  std::vector<double> joint(k * k, 0.0);
  Problems problems;
  const double n = static_cast<double>(a.size());
  for (std::size_t t = 0; t < a.size(); ++t) {
    auto i = index_of(a[t]);
    auto j = index_of(b[t]);
    if (!i) {
      problems.Add("a[" + std::to_string(t) + "]",
                   Msg("kappa.not_category", "{value} is not a category", {{"value", ShortNumber(a[t])}}));
    }
    if (!j) {
      problems.Add("b[" + std::to_string(t) + "]",
                   Msg("kappa.not_category", "{value} is not a category", {{"value", ShortNumber(b[t])}}));
    }
    if (i && j) joint[*i * k + *j] += 1.0 / n;
  }
  if (auto e = problems.Take()) return *e;

  std::vector<double> row(k, 0.0), col(k, 0.0);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      row[i] += joint[i * k + j];
      col[j] += joint[i * k + j];
    }
  }
  auto weight = [&](std::size_t i, std::size_t j) {
    if (i == j) return 1.0;
    if (weights == KappaWeights::kNone || k < 2) return 0.0;
    const double d = std::abs(static_cast<double>(i) - static_cast<double>(j)) / static_cast<double>(k - 1);
    return weights == KappaWeights::kLinear ? 1 - d : 1 - d * d;
  };
  Kappa out;
  out.n = static_cast<std::int64_t>(a.size());
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      out.observed += weight(i, j) * joint[i * k + j];
      out.expected += weight(i, j) * row[i] * col[j];
    }
  }
  // Chance agreement of 1 (to rounding) leaves kappa undefined: 0/0.
  if (out.expected < 1 - 1e-12) out.kappa = (out.observed - out.expected) / (1 - out.expected);
  return out;
}

double Percentile(std::span<const double> sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p / 100.0;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<double> MidRanks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return values[x] < values[y]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    // Positions i..j (0-based) hold ranks i+1..j+1; each gets their mean.
    const double mean = (static_cast<double>(i + 1) + static_cast<double>(j + 1)) / 2;
    for (std::size_t t = i; t <= j; ++t) ranks[order[t]] = mean;
    i = j + 1;
  }
  return ranks;
}

std::vector<int> CompetitionRanks(std::span<const double> values) {
  std::vector<int> ranks(values.size());
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return values[x] > values[y]; });
  for (std::size_t t = 0; t < order.size(); ++t) {
    const bool tied = t > 0 && values[order[t]] == values[order[t - 1]];
    ranks[order[t]] = tied ? ranks[order[t - 1]] : static_cast<int>(t + 1);
  }
  return ranks;
}

std::string ShortNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

Line LeastSquares(std::span<const double> x, std::span<const double> y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) * (y[i] - my);
  }
  Line line;
  line.b = sxy / sxx;
  line.a = my - line.b * mx;
  line.r2 = syy == 0 ? 1.0 : sxy * sxy / (sxx * syy);
  return line;
}

}  // namespace sqm::stats
