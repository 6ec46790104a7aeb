// Scorecards (质检评分表): sections of items answered yes/no, on a 3-, 4- or 5-point scale, or in
// points; N/A items leave both the earned and the possible points; critical items fail their
// section or the whole card; bonus items add points without adding to what is possible; a pass
// mark. Pure; the inspection service stores cards (versioned) and answers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sqm::inspection {

enum class Scale {
  kYesNo,       // answer 1 (yes) or 0 (no): full points or none
  kThreePoint,  // answer 1..3: max x (answer - 1) / 2
  kFourPoint,   // 1..4: max x (answer - 1) / 3
  kFivePoint,   // 1..5: max x (answer - 1) / 4
  kPoints,      // answer 0..max: the points themselves
};

enum class Critical {
  kNone,
  kFailsSection,  // earning 0 on the item (no, the lowest rating, 0 points) zeroes its section
  kFailsCard,     // earning 0 fails the whole card: its score is 0 %
};

struct Item {
  std::string code;
  Scale scale = Scale::kYesNo;
  double max_points = 1;
  Critical critical = Critical::kNone;
  bool bonus = false;      // earned points count, possible points do not (a section stays at most 100 %)
  bool na_allowed = true;  // the inspector may answer N/A (not applicable)
  std::string name;        // what the inspector reads (empty: the code)
  std::string guidance;    // how to judge it (质检标准说明)
};

struct Section {
  std::string code;
  double weight = 0;  // percent of the card, for kSectionWeights
  std::vector<Item> items;
  std::string name;
};

enum class CardMethod {
  kTotalPoints,     // sum of earned / sum of possible over every applicable item
  kSectionWeights,  // sum of weight x section % over applicable sections, weights rescaled to 100
};

struct Scorecard {
  std::vector<Section> sections;
  CardMethod method = CardMethod::kTotalPoints;
  double pass_mark = 0;  // percent
};

// One item's answer: N/A, or a value on the item's scale.
struct Answer {
  bool not_applicable = false;
  double value = 0;
};

struct SectionResult {
  std::string code;
  double earned = 0;              // after a section-critical failure: 0
  double possible = 0;            // applicable, non-bonus items
  std::optional<double> percent;  // nullopt when every item is N/A
  bool failed = false;            // a critical item failed it
};

struct CardResult {
  std::vector<SectionResult> sections;
  double earned = 0;
  double possible = 0;
  std::optional<double> percent;  // 0-100; nullopt when nothing was applicable; 0 when a card-critical item failed
  std::optional<double> percent_before_failure;  // what the card would have scored
  bool failed = false;                           // a card-critical item failed
  bool passed = false;                           // not failed and percent >= pass mark
  std::vector<std::string> critical_failures;    // item codes
};

// Limits of a card, so one definition stays a reasonable size.
inline constexpr std::size_t kMaxSections = 50;
inline constexpr std::size_t kMaxItems = 300;  // over every section
inline constexpr std::size_t kMaxCodeChars = 40;
inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxGuidanceChars = 2000;
inline constexpr std::size_t kMaxScorecardNameChars = 100;

// Every problem of a card at once: codes unique and present, max points > 0, section weights
// >= 0 adding up to 100 for kSectionWeights, the pass mark 0-100, names and guidance within their
// lengths, at most kMaxSections sections and kMaxItems items. Fields name the place:
// "sections[1].items[0].max_points".
Status CheckScorecard(const Scorecard& card);
void CheckScorecard(const Scorecard& card, Problems& problems);
// A stored card's name ("name"): 1 to kMaxScorecardNameChars characters.
void CheckScorecardName(std::string_view name, Problems& problems);

// Scores answers keyed by item code. Every item needs an answer within its scale, or N/A where the
// item allows it; errors name "answers.<code>". REQUIRES: CheckScorecard(card) is ok.
// The published examples: sections of 5/10/15/5 points earning 3/5/8/5 -> 60 %, with the last
// section N/A 16/30 = 53.3 %; 3/10/5/2 points weighted 10/30/50/10 % earning 3/5/4/1 -> 70 %
// (65 % by total points).
Result<CardResult> ScoreCard(const Scorecard& card, const std::map<std::string, Answer>& answers);

// The points one answer earns on `item` (before any critical failure); nullopt for N/A or a value
// off the item's scale.
std::optional<double> ItemEarned(const Item& item, const Answer& answer);

}  // namespace sqm::inspection
