// Checks shared by the inspection and the calibration use cases (service.cpp, calibration_service.cpp):
// each adds its problems to `p`, naming the field.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/result.h"
#include "inspection/model.h"
#include "inspection/scorecard.h"
#include "org/model.h"
#include "storage/db.h"

namespace sqm::inspection {

// An inspector's or a reviewer's notes on a card.
inline constexpr std::size_t kMaxNotesChars = 4000;

// Answers only to items of the card ("answers.<code>"); their values are judged by ScoreCard.
void CheckAnswers(const Scorecard& card, const std::map<std::string, Answer>& answers, Problems& p);

// The scorecard `id` (its newest version) when it exists and is active (offered for new work).
std::optional<SavedScorecard> CheckActiveScorecard(storage::Connection& db, Id id, const std::string& field,
                                                   Problems& p);

// A ticket under review: where it was handled and whose work it is.
struct ReviewedTicket {
  Id id = 0;
  std::string number;
  Id department_id = 0;        // where it was resolved, else its department
  std::optional<Id> agent_id;  // its resolver, else its assignee
};
// The ticket `id` (required) when it exists and has a department.
std::optional<ReviewedTicket> CheckReviewedTicket(storage::Connection& db, std::optional<Id> id,
                                                  const std::string& field, Problems& p);

// `text` at most `max` characters.
void CheckText(const std::string& field, const std::string& text, std::size_t max, Problems& p);

// The staff member `id` when they may inspect: active, holding inspection.perform, with
// `department` (when given) in their scope, and not `agent`; else a problem on `field`.
std::optional<org::Staff> CheckInspector(storage::Connection& db, Id id, std::optional<Id> department,
                                         std::optional<Id> agent, const std::string& field, Problems& p);

}  // namespace sqm::inspection
