// Calibration sessions (校准): several reviewers score the same ticket with the same scorecard
// version, blind, beside an optional expert whose answers are the reference. Closing a session
// reveals every score and how far the reviewers agree. A session is never an inspection: nothing
// of it counts toward anyone's score. Pure: the checks of a new session and the revealed results;
// the service stores sessions and decides who sees what.
//
// The item scale of the comparison: each answer as the share of the item's points it earns,
// 0-100 (earned / max points x 100, before any critical failure): yes 100, no 0; a three-point
// rating 1 / 2 / 3 gives 0 / 50 / 100, a five-point one 0 / 25 / 50 / 75 / 100; 7 of 10 points
// 70. N/A has no value and leaves the comparisons of its item.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "inspection/model.h"
#include "inspection/scorecard.h"

namespace sqm::inspection {

enum class CalibrationState { kOpen, kClosed };
enum class ParticipantRole { kReviewer, kExpert };

std::string_view Name(CalibrationState s);
std::string_view Name(ParticipantRole r);
std::optional<CalibrationState> ParseCalibrationState(std::string_view s);
std::optional<ParticipantRole> ParseParticipantRole(std::string_view s);

inline constexpr std::size_t kMinReviewers = 2;
inline constexpr std::size_t kMaxReviewers = 10;
// Two answers agree within this many points of the 0-100 item scale.
inline constexpr double kAgreementTolerance = 10;

// One participant's card: answers (a draft until submitted) and, once submitted, the card's score.
struct CalibrationScore {
  Id staff_id = 0;
  std::string staff_name;
  ParticipantRole role = ParticipantRole::kReviewer;
  std::map<std::string, Answer> answers;
  std::string notes;
  std::optional<double> percent;  // the card's score, from submission on (nullopt: nothing applicable)
  std::optional<TimeMs> submitted_at;
  // Read-side only: the answers, notes and percent are withheld from this reader (the session is
  // open and the score is someone else's).
  bool hidden = false;
};

struct CalibrationSession {
  Id id = 0;
  Id ticket_id = 0;
  std::string ticket_number;
  std::optional<Id> inspection_id;
  Id department_id = 0;
  std::optional<Id> agent_id;
  Id scorecard_id = 0;
  std::string scorecard_name;
  int scorecard_version = 1;  // pinned at creation
  TimeMs deadline = 0;
  CalibrationState state = CalibrationState::kOpen;
  Id created_by = 0;
  std::string created_by_name;
  TimeMs created_at = 0;
  std::optional<Id> closed_by;
  std::optional<TimeMs> closed_at;
  std::vector<CalibrationScore> scores;  // the reviewers in the order named, then the expert
  bool overdue = false;                  // open past its deadline when read (CalibrationOverdue)
};

// Open at or past its deadline: nobody scores it any more; it waits to be closed.
inline bool CalibrationOverdue(const CalibrationSession& s, TimeMs now) {
  return s.state == CalibrationState::kOpen && now >= s.deadline;
}

// The reviewers and the expert of a new session: kMinReviewers..kMaxReviewers reviewers
// ("reviewer_ids"), none named twice ("reviewer_ids[k]"), the expert not among them ("expert_id").
void CheckParticipants(const std::vector<Id>& reviewer_ids, std::optional<Id> expert_id, Problems& problems);

// Whether a session can be closed: open ("state", kConflict), at least kMinReviewers reviewers
// submitted ("reviewer_ids", kConflict) and the expert, when named, submitted ("expert_id").
Status MayClose(const CalibrationSession& s);

// The 0-100 value of an answer on `item` (see the header); nullopt for N/A or a value off its scale.
std::optional<double> ItemPoints(const Item& item, const Answer& answer);
// Every value of the 0-100 item scale that `card`'s items can give, ascending: the kappa categories.
// A points item gives each whole point from 0 to its maximum.
std::vector<double> ScaleValues(const Scorecard& card);

// One item revealed: every submitted participant's answer and its 0-100 value.
struct ItemComparison {
  std::string code;
  std::string name;
  std::string section_code;
  std::map<Id, Answer> answers;                // by staff id
  std::map<Id, std::optional<double>> points;  // by staff id; nullopt for N/A
  std::optional<double> spread;                // max - min of the values; nullopt below two values
};

// Agreement of one reviewer with a reference: the expert, or (without one) another reviewer. Over
// the items both answered (not N/A).
struct PairAgreement {
  Id reviewer_id = 0;
  Id reference_id = 0;
  std::int64_t items = 0;              // compared
  std::optional<double> share_within;  // 0-1: items within ±kAgreementTolerance; nullopt without items
  std::optional<double> kappa;         // unweighted; nullopt below 2 items or when undefined
  std::optional<double> kappa_linear;
  std::optional<double> kappa_quadratic;
};

struct ReviewerTotal {
  Id staff_id = 0;
  ParticipantRole role = ParticipantRole::kReviewer;
  std::optional<double> percent;
  bool passed = false;
  bool critical_failed = false;
};

struct CalibrationResults {
  bool against_expert = false;        // false: every pair of reviewers
  std::vector<ReviewerTotal> totals;  // submitted participants in session order
  std::vector<ItemComparison> items;  // the largest spread first, then card order
  std::vector<PairAgreement> agreement;
};

// The revealed results of `scores` (only the submitted ones count) on `card`.
// REQUIRES: CheckScorecard(card) is ok and each submitted score's answers are complete.
CalibrationResults Reveal(const Scorecard& card, const std::vector<CalibrationScore>& scores);

}  // namespace sqm::inspection
