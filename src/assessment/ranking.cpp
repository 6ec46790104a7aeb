#include "assessment/ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "assessment/scoring.h"

namespace sqm::assessment {

namespace {

using stats::ShortNumber;

Status CheckRules(const RankingRules& r) {
  Problems problems;
  std::set<std::string> codes;
  if (r.grades.empty()) problems.Add("grades", Msg("grades.empty", "needs at least one grade"));
  for (std::size_t i = 0; i < r.grades.size(); ++i) {
    const std::string field = "grades[" + std::to_string(i) + "]";
    if (r.grades[i].code.empty() || !codes.insert(r.grades[i].code).second) {
      problems.Add(field + ".code", Msg("grades.code", "must be a code no other grade has"));
    }
    const bool last = i + 1 == r.grades.size();
    if (!last &&
        (!std::isfinite(r.grades[i].min_score) || (i > 0 && r.grades[i].min_score >= r.grades[i - 1].min_score))) {
      problems.Add(field + ".min_score", Msg("grades.descending", "must be below the minimum of the grade above"));
    }
  }
  double shares = 0;
  std::set<std::string> limited;
  for (std::size_t i = 0; i < r.forced_distribution.size(); ++i) {
    const GradeQuota& q = r.forced_distribution[i];
    const std::string field = "forced_distribution[" + std::to_string(i) + "]";
    if (!codes.contains(q.grade) || !limited.insert(q.grade).second || q.grade == r.grades.back().code) {
      problems.Add(field + ".grade", Msg("grades.quota_grade", "must name a grade above the lowest, once"));
    }
    if (!std::isfinite(q.share) || q.share < 0 || q.share > 1) {
      problems.Add(field + ".share", Msg("stats.unit_range", "must be between 0 and 1"));
    } else {
      shares += q.share;
    }
  }
  if (shares > 1 + 1e-9) {
    problems.Add("forced_distribution",
                 Msg("grades.quota_sum", "shares add up to {sum}, more than 1", {{"sum", ShortNumber(shares)}}));
  }
  for (const auto& [grade, c] : r.coefficients) {
    if (!codes.contains(grade)) {
      problems.Add("coefficients." + grade, Msg("grades.unknown", "is not a grade"));
    } else if (!std::isfinite(c) || c < 0) {
      problems.Add("coefficients." + grade, Msg("rule.not_negative", "must not be negative"));
    }
  }
  for (const auto& [field, v] : {std::pair{"red_list", r.red_list}, {"black_list", r.black_list}}) {
    if (v < 0) problems.Add(field, Msg("rule.not_negative", "must not be negative"));
  }
  if (r.minimum_volume < 0) problems.Add("minimum_volume", Msg("rule.not_negative", "must not be negative"));
  if (auto e = problems.Take()) return *e;
  return {};
}

// Totals as ranks see them: equal when they agree to 9 decimals.
double RankKey(double total) {
  return RoundHalfAwayFromZero(total, 9);
}

}  // namespace

std::vector<GradeBand> DefaultGrades() {
  return {{"excellent", 90}, {"good", 80}, {"pass", 60}, {"fail", 0}};
}

std::vector<int> QuotaSeats(const std::vector<GradeQuota>& quotas, int n) {
  const double total = static_cast<double>(n);
  double rest_share = 1;
  for (const GradeQuota& q : quotas) rest_share -= q.share;
  rest_share = std::max(0.0, rest_share);
  // Index quotas.size() is the unlimited rest.
  std::vector<double> exact;
  for (const GradeQuota& q : quotas) exact.push_back(q.share * total);
  exact.push_back(rest_share * total);
  std::vector<int> seats;
  int given = 0;
  for (double e : exact) {
    seats.push_back(static_cast<int>(std::floor(e + 1e-9)));
    given += seats.back();
  }
  std::vector<std::size_t> order(exact.size());
  std::iota(order.begin(), order.end(), 0);
  auto priority = [&](std::size_t i) { return i == quotas.size() ? -1 : -static_cast<long>(i) - 2; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double ra = exact[a] - seats[a], rb = exact[b] - seats[b];
    if (std::abs(ra - rb) > 1e-9) return ra > rb;
    return priority(a) > priority(b);
  });
  for (std::size_t t = 0; given < n && t < order.size(); ++t, ++given) ++seats[order[t]];
  seats.pop_back();
  return seats;
}

std::size_t BandOf(const std::vector<GradeBand>& grades, double total) {
  const double key = RankKey(total);
  for (std::size_t g = 0; g + 1 < grades.size(); ++g) {
    if (key >= grades[g].min_score) return g;
  }
  return grades.size() - 1;
}

Result<std::vector<Standing>> Rank(const std::vector<Assessee>& assessees, const RankingRules& rules) {
  SQM_TRY(CheckRules(rules));
  const auto& grades = rules.grades;
  auto index_of = [&](const std::string& code) -> std::optional<std::size_t> {
    for (std::size_t g = 0; g < grades.size(); ++g) {
      if (grades[g].code == code) return g;
    }
    return std::nullopt;
  };
  Problems problems;
  for (std::size_t i = 0; i < assessees.size(); ++i) {
    if (assessees[i].grade_cap && !index_of(*assessees[i].grade_cap)) {
      problems.Add("assessees[" + std::to_string(i) + "].grade_cap", Msg("grades.unknown", "is not a grade"));
    }
  }
  if (auto e = problems.Take()) return *e;

  std::vector<Standing> out(assessees.size());
  std::vector<std::size_t> grade(assessees.size(), grades.size() - 1);
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < assessees.size(); ++i) {
    const Assessee& a = assessees[i];
    Standing& s = out[i];
    if (!a.total.has_value()) {
      s.not_ranked = NotRanked::kNoData;
      continue;
    }
    const std::size_t band = BandOf(grades, a.total.value());
    s.band_grade = grades[band].code;
    grade[i] = a.failed ? grades.size() - 1 : band;
    if (a.grade_cap) grade[i] = std::max(grade[i], *index_of(*a.grade_cap));
    if (a.volume < rules.minimum_volume) {
      s.not_ranked = NotRanked::kBelowMinimumVolume;
    } else {
      groups[a.group].push_back(i);
    }
  }

  for (auto& [name, members] : groups) {
    auto better = [&](std::size_t x, std::size_t y) {
      if (assessees[x].failed != assessees[y].failed) return !assessees[x].failed;
      return RankKey(assessees[x].total.value()) > RankKey(assessees[y].total.value());
    };
    auto tied = [&](std::size_t x, std::size_t y) { return !better(x, y) && !better(y, x); };
    std::stable_sort(members.begin(), members.end(), better);
    const int n = static_cast<int>(members.size());

    // Seats per limited grade; -1 for an unlimited grade.
    std::vector<int> seats(grades.size(), -1);
    const std::vector<int> apportioned = QuotaSeats(rules.forced_distribution, n);
    for (std::size_t q = 0; q < rules.forced_distribution.size(); ++q) {
      seats[*index_of(rules.forced_distribution[q].grade)] = apportioned[q];
    }

    for (int t = 0; t < n;) {
      int u = t;
      while (u + 1 < n && tied(members[u + 1], members[t])) ++u;
      // Ranks: competition ranking from the top, and from the bottom for the black list.
      for (int s = t; s <= u; ++s) {
        Standing& st = out[members[s]];
        st.rank = t + 1;
        st.red_list = !assessees[members[s]].failed && t + 1 <= rules.red_list;
        st.black_list = n - u <= rules.black_list;
      }
      // Forced distribution: the tied set, grade by grade from the best, moves down together
      // where the grade's seats run out.
      for (std::size_t g = 0; g < grades.size(); ++g) {
        std::vector<std::size_t> wanting;
        for (int s = t; s <= u; ++s) {
          if (grade[members[s]] == g) wanting.push_back(members[s]);
        }
        if (wanting.empty() || seats[g] < 0) continue;
        if (static_cast<int>(wanting.size()) <= seats[g]) {
          seats[g] -= static_cast<int>(wanting.size());
          continue;
        }
        for (std::size_t i : wanting) {
          grade[i] = g + 1;
          out[i].demoted_by_quota = true;
        }
        // The grade closes: no one ranked below the tied set may take a seat it was refused.
        seats[g] = 0;
      }
      t = u + 1;
    }
  }

  for (std::size_t i = 0; i < assessees.size(); ++i) {
    Standing& s = out[i];
    if (s.not_ranked == NotRanked::kNoData) continue;
    s.grade = grades[grade[i]].code;
    if (auto c = rules.coefficients.find(*s.grade); c != rules.coefficients.end()) s.coefficient = c->second;
    s.yellow_card = rules.yellow_card && s.black_list && grade[i] == grades.size() - 1;
  }
  return out;
}

BetaPrior FitBetaPrior(const std::vector<Count>& counts) {
  double x_sum = 0, n_sum = 0, n_squares = 0;
  int k = 0;
  for (const Count& c : counts) {
    if (c.denominator <= 0) continue;
    x_sum += static_cast<double>(c.numerator);
    n_sum += static_cast<double>(c.denominator);
    n_squares += static_cast<double>(c.denominator) * static_cast<double>(c.denominator);
    ++k;
  }
  BetaPrior prior;
  if (k == 0) return prior;
  prior.mean = x_sum / n_sum;
  if (k < 2) {
    prior.rho = 1;
    prior.strength = 0;
    return prior;
  }
  const double mu = prior.mean;
  const double denominator = n_sum - n_squares / n_sum - (k - 1);
  if (mu <= 0 || mu >= 1 || denominator <= 0) return prior;  // rho 0: every unit is the mean
  double spread = 0;
  for (const Count& c : counts) {
    if (c.denominator <= 0) continue;
    const double p = static_cast<double>(c.numerator) / static_cast<double>(c.denominator);
    spread += static_cast<double>(c.denominator) * (p - mu) * (p - mu);
  }
  prior.rho = std::clamp((spread / (mu * (1 - mu)) - (k - 1)) / denominator, 0.0, 1.0);
  if (prior.rho > 0) prior.strength = 1 / prior.rho - 1;
  return prior;
}

Figure ShrunkRate(const Count& c, const BetaPrior& prior) {
  if (c.denominator <= 0) return Figure::NoData();
  if (!prior.strength) return Figure::Of(prior.mean);
  const double m = *prior.strength;
  return Figure::Of((static_cast<double>(c.numerator) + prior.mean * m) / (static_cast<double>(c.denominator) + m));
}

std::vector<RateEstimate> EstimateRates(const std::vector<Count>& counts, Direction direction, RateBasis basis,
                                        double confidence) {
  const BetaPrior prior = FitBetaPrior(counts);
  std::vector<RateEstimate> out;
  for (const Count& c : counts) {
    RateEstimate e;
    e.count = c;
    if (c.denominator > 0) {
      e.observed = Figure::Of(static_cast<double>(c.numerator) / static_cast<double>(c.denominator));
      if (auto w = stats::WilsonInterval(c.numerator, c.denominator, confidence); w.ok()) e.wilson = *w;
      e.shrunk = ShrunkRate(c, prior);
    }
    switch (basis) {
      case RateBasis::kObserved: e.basis = e.observed; break;
      case RateBasis::kShrunk: e.basis = e.shrunk; break;
      case RateBasis::kWilsonBound:
        if (e.wilson) e.basis = Figure::Of(direction == Direction::kHigherIsBetter ? e.wilson->low : e.wilson->high);
        break;
    }
    out.push_back(e);
  }
  return out;
}

}  // namespace sqm::assessment
