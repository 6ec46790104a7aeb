// Ranking and results: ranks with ties, grade bands, forced distribution, bonus coefficients, red
// and black lists, the yellow card, groups ranked separately, a minimum volume; and rates that are
// fair to small samples (the Wilson interval's conservative bound, or empirical-Bayes shrinkage).
// Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/model.h"
#include "base/result.h"
#include "base/stats.h"

namespace sqm::assessment {

// A grade and the lowest total that earns it. Bands run from the best down; the last one's
// minimum is ignored (it takes everything below the band above).
struct GradeBand {
  std::string code;
  double min_score = 0;
};

// 优秀 (excellent) >= 90, 良好 (good) 80-89, 合格 (pass) 60-79, 不合格 (fail) < 60. The web UI names
// the codes in both languages.
std::vector<GradeBand> DefaultGrades();

// The index of the band a total alone earns: the first (from the best) whose minimum it reaches,
// compared as ranks compare (9 decimals), else the last. REQUIRES: `grades` is not empty.
std::size_t BandOf(const std::vector<GradeBand>& grades, double total);

// At most `share` (0-1) of a group's ranked assessees may hold `grade`; the seats are apportioned
// by largest remainder (Hamilton) over all limited grades and the unlimited rest, so that 20 % of
// 12 is 2 seats and 20 % of 13 is 3 (2.6: the largest remainder).
struct GradeQuota {
  std::string grade;
  double share = 0;
};

struct RankingRules {
  std::vector<GradeBand> grades = DefaultGrades();
  std::vector<GradeQuota> forced_distribution;  // empty: none
  std::map<std::string, double> coefficients;   // bonus coefficient per grade (1.2 / 1.0 / 0.8 / 0.6); optional
  int red_list = 0;                             // the top N of each group (红榜)
  int black_list = 0;                           // the bottom N of each group (黑榜)
  // A yellow card (黄牌警告) for an assessee on the black list whose grade is the lowest.
  bool yellow_card = false;
  long long minimum_volume = 0;  // below it an assessee is scored and graded but not ranked or listed
};

struct Assessee {
  std::string group;  // ranked separately from other groups; "" is a group too
  Figure total = Figure::NoData();
  long long volume = 0;  // the tickets (or rated items) behind the score
  bool failed = false;   // a veto fired (AssesseeScore::failed): the lowest grade, ranked after all who passed
  std::optional<std::string> grade_cap;  // a gate capped the grade
};

enum class NotRanked { kRanked, kNoData, kBelowMinimumVolume };

struct Standing {
  std::optional<int> rank;  // in the group, 1 = best, ties sharing (1, 2, 2, 4); nullopt when not ranked
  NotRanked not_ranked = NotRanked::kRanked;
  std::optional<std::string> grade;       // nullopt only for no data
  std::optional<std::string> band_grade;  // the grade the total alone earns
  bool demoted_by_quota = false;          // the forced distribution moved the grade down
  std::optional<double> coefficient;      // of the final grade, when the rules give one
  bool red_list = false;
  bool black_list = false;
  bool yellow_card = false;
};

// Standings of every assessee, in the input order. Ranks compare totals rounded to 9 decimals,
// so that sums that differ only by binary noise tie. Within a group, the ranked (with data and
// volume) are ordered by failed (passed first), then total, highest first.
// Forced distribution walks each group in rank order and gives each assessee its grade while the
// grade has seats; when a set of tied assessees does not fit into the seats left, all of them
// move one grade down together (tied people are treated alike and the quota is never exceeded),
// and the grade closes, so that no one ranked below them gets it.
// Errors name "grades", "forced_distribution", "coefficients", "red_list", "black_list" or
// "minimum_volume".
Result<std::vector<Standing>> Rank(const std::vector<Assessee>& assessees, const RankingRules& rules);

// Seats per quota by largest remainder out of n, in the order of `quotas`. Ties between
// remainders go to the unlimited rest first, then to the later (lower) grades.
std::vector<int> QuotaSeats(const std::vector<GradeQuota>& quotas, int n);

// ---- rates fair to small samples ----

// The beta prior of a group's rates fitted by the method of moments (see docs/assessment.md):
// mean mu = sum x / sum n; the between-unit share of variance
//   rho = (S / (mu (1 - mu)) - (k - 1)) / (N - sum n^2 / N - (k - 1)),  S = sum n (p - mu)^2,
// clamped to [0, 1]; strength M = alpha + beta = 1/rho - 1 (infinite when rho = 0: every
// difference is noise).
struct BetaPrior {
  double mean = 0;
  double rho = 0;
  std::optional<double> strength;  // M; nullopt when infinite (full pooling)
};

// Units without a denominator are left out. Fewer than 2 units with data: the prior is the
// pooled mean with rho = 1 (no shrinkage).
BetaPrior FitBetaPrior(const std::vector<Count>& counts);

// (x + mu M) / (n + M): the rate shrunk toward the group's mean, the less the more tickets stand
// behind it. No data for n = 0.
Figure ShrunkRate(const Count& c, const BetaPrior& prior);

// Which number a rate indicator is ranked and scored by.
enum class RateBasis {
  kObserved,     // x / n
  kWilsonBound,  // the conservative end of the Wilson interval: low when higher is better, high when lower is
  kShrunk,       // ShrunkRate
};

struct RateEstimate {
  Count count;
  Figure observed = Figure::NoData();  // fractions 0-1
  std::optional<stats::Interval> wilson;
  Figure shrunk = Figure::NoData();
  Figure basis = Figure::NoData();  // the one the scheme ranks by
};

// Every unit's rate with its Wilson interval (at `confidence`) and shrunk value, fitted over the
// group; `basis` picks the number to rank by.
std::vector<RateEstimate> EstimateRates(const std::vector<Count>& counts, Direction direction, RateBasis basis,
                                        double confidence = 0.95);

}  // namespace sqm::assessment
