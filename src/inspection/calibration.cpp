#include "inspection/calibration.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/stats.h"
#include "inspection/agreement.h"

namespace sqm::inspection {

std::string_view Name(CalibrationState s) {
  return s == CalibrationState::kOpen ? "open" : "closed";
}

std::string_view Name(ParticipantRole r) {
  return r == ParticipantRole::kReviewer ? "reviewer" : "expert";
}

std::optional<CalibrationState> ParseCalibrationState(std::string_view s) {
  if (s == "open") return CalibrationState::kOpen;
  if (s == "closed") return CalibrationState::kClosed;
  return std::nullopt;
}

std::optional<ParticipantRole> ParseParticipantRole(std::string_view s) {
  if (s == "reviewer") return ParticipantRole::kReviewer;
  if (s == "expert") return ParticipantRole::kExpert;
  return std::nullopt;
}

void CheckParticipants(const std::vector<Id>& reviewer_ids, std::optional<Id> expert_id, Problems& problems) {
  if (reviewer_ids.size() < kMinReviewers || reviewer_ids.size() > kMaxReviewers) {
    problems.Add("reviewer_ids", Msg("calibration.reviewer_count", "name {min} to {max} reviewers",
                                     {{"min", std::to_string(kMinReviewers)}, {"max", std::to_string(kMaxReviewers)}}));
  }
  std::set<Id> seen;
  for (std::size_t k = 0; k < reviewer_ids.size(); ++k) {
    if (!seen.insert(reviewer_ids[k]).second) {
      problems.Add("reviewer_ids[" + std::to_string(k) + "]", Msg("calibration.reviewer_twice", "is named twice"));
    }
  }
  if (expert_id && seen.contains(*expert_id)) {
    problems.Add("expert_id", Msg("calibration.expert_reviews", "the expert is not also a reviewer"));
  }
}

Status MayClose(const CalibrationSession& s) {
  if (s.state != CalibrationState::kOpen) {
    return Error::Conflict(Msg("calibration.closed", "the calibration session is closed"), "state");
  }
  std::size_t reviewers = 0;
  bool expert_named = false, expert_submitted = false;
  for (const CalibrationScore& c : s.scores) {
    if (c.role == ParticipantRole::kReviewer) {
      reviewers += c.submitted_at.has_value();
    } else {
      expert_named = true;
      expert_submitted = c.submitted_at.has_value();
    }
  }
  if (reviewers < kMinReviewers) {
    return Error::Conflict(Msg("calibration.too_few_scores", "needs {min} reviewers' submitted scores, has {n}",
                               {{"min", std::to_string(kMinReviewers)}, {"n", std::to_string(reviewers)}}),
                           "reviewer_ids");
  }
  if (expert_named && !expert_submitted) {
    return Error::Conflict(Msg("calibration.expert_missing", "the expert has not submitted the reference score yet"),
                           "expert_id");
  }
  return {};
}

std::optional<double> ItemPoints(const Item& item, const Answer& answer) {
  auto earned = ItemEarned(item, answer);
  if (!earned || item.max_points <= 0) return std::nullopt;
  return *earned / item.max_points * 100;
}

std::vector<double> ScaleValues(const Scorecard& card) {
  // A points item up to this many whole points adds each one; a larger one adds only what is answered.
  constexpr double kMaxWholePoints = 1000;
  std::set<double> values;
  for (const Section& s : card.sections) {
    for (const Item& item : s.items) {
      const double top = item.scale == Scale::kYesNo    ? 1
                         : item.scale == Scale::kPoints ? std::min(std::floor(item.max_points), kMaxWholePoints)
                                                        : (item.scale == Scale::kThreePoint  ? 3
                                                           : item.scale == Scale::kFourPoint ? 4
                                                                                             : 5);
      const double bottom = item.scale == Scale::kYesNo || item.scale == Scale::kPoints ? 0 : 1;
      for (double v = bottom; v <= top; ++v) {
        if (auto p = ItemPoints(item, {.value = v})) values.insert(*p);
      }
    }
  }
  return {values.begin(), values.end()};
}

namespace {

std::optional<double> KappaOf(std::span<const double> a, std::span<const double> b, stats::KappaWeights w,
                              const std::vector<double>& categories) {
  auto k = stats::CohenKappa(a, b, w, categories);
  if (!k.ok()) return std::nullopt;  // fewer than 2 items
  return k->kappa;
}

PairAgreement Compare(const std::vector<ItemComparison>& items, Id reviewer, Id reference,
                      const std::vector<double>& categories) {
  PairAgreement out{.reviewer_id = reviewer, .reference_id = reference};
  std::vector<double> a, b;
  for (const ItemComparison& i : items) {
    auto x = i.points.find(reviewer), y = i.points.find(reference);
    if (x == i.points.end() || y == i.points.end() || !x->second || !y->second) continue;
    a.push_back(*x->second);
    b.push_back(*y->second);
  }
  out.items = std::ssize(a);
  if (a.empty()) return out;
  out.share_within = ShareWithin(a, b, kAgreementTolerance).value();
  out.kappa = KappaOf(a, b, stats::KappaWeights::kNone, categories);
  out.kappa_linear = KappaOf(a, b, stats::KappaWeights::kLinear, categories);
  out.kappa_quadratic = KappaOf(a, b, stats::KappaWeights::kQuadratic, categories);
  return out;
}

}  // namespace

CalibrationResults Reveal(const Scorecard& card, const std::vector<CalibrationScore>& scores) {
  CalibrationResults out;
  std::vector<const CalibrationScore*> submitted;
  for (const CalibrationScore& s : scores) {
    if (s.submitted_at) submitted.push_back(&s);
  }
  for (const CalibrationScore* s : submitted) {
    ReviewerTotal t{.staff_id = s->staff_id, .role = s->role};
    if (auto r = ScoreCard(card, s->answers); r.ok()) {
      t.percent = r->percent;
      t.passed = r->passed;
      t.critical_failed = r->failed;
    }
    out.totals.push_back(t);
  }

  std::vector<double> categories = ScaleValues(card);
  std::set<double> known(categories.begin(), categories.end());
  for (const Section& section : card.sections) {
    for (const Item& item : section.items) {
      ItemComparison c{.code = item.code, .name = item.name, .section_code = section.code};
      std::optional<double> low, high;
      int values = 0;
      for (const CalibrationScore* s : submitted) {
        auto a = s->answers.find(item.code);
        if (a == s->answers.end()) continue;
        c.answers[s->staff_id] = a->second;
        const auto p = ItemPoints(item, a->second);
        c.points[s->staff_id] = p;
        if (!p) continue;
        known.insert(*p);  // a fractional points answer is its own category
        low = std::min(low.value_or(*p), *p);
        high = std::max(high.value_or(*p), *p);
        ++values;
      }
      if (values >= 2) c.spread = *high - *low;
      out.items.push_back(std::move(c));
    }
  }
  categories.assign(known.begin(), known.end());
  std::stable_sort(out.items.begin(), out.items.end(), [](const ItemComparison& a, const ItemComparison& b) {
    return a.spread.value_or(-1) > b.spread.value_or(-1);
  });

  const CalibrationScore* expert = nullptr;
  for (const CalibrationScore* s : submitted) {
    if (s->role == ParticipantRole::kExpert) expert = s;
  }
  out.against_expert = expert != nullptr;
  for (std::size_t i = 0; i < submitted.size(); ++i) {
    const CalibrationScore* r = submitted[i];
    if (r->role != ParticipantRole::kReviewer) continue;
    if (expert) {
      out.agreement.push_back(Compare(out.items, r->staff_id, expert->staff_id, categories));
      continue;
    }
    for (std::size_t j = i + 1; j < submitted.size(); ++j) {
      if (submitted[j]->role != ParticipantRole::kReviewer) continue;
      out.agreement.push_back(Compare(out.items, r->staff_id, submitted[j]->staff_id, categories));
    }
  }
  return out;
}

}  // namespace sqm::inspection
