// Calibration use cases (calibration.h). A holder of inspection.manage makes a session of one
// ticket (named, or through an inspection of it) with a scorecard, whose current version is
// pinned, 2-10 reviewers and optionally an expert, all allowed to inspect the ticket's department
// and none of them the ticket's agent. Each participant scores the card blind: while the session is
// open they read only their own answers (rules.h Blind). Whoever manages the session closes it once
// at least two reviewers (and the expert, if one) have submitted; from then on everyone who sees
// it reads every score and the agreement (calibration.h Reveal).
//
// Nothing here writes an inspection or anything a fact source reads: calibration never counts
// toward anyone's score. Each write is one transaction with its event: calibration.created,
// .saved, .submitted, .closed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inspection/calibration.h"
#include "inspection/model.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::inspection {

struct CalibrationDraft {
  std::optional<Id> ticket_id;
  std::optional<Id> inspection_id;  // instead of ticket_id: that inspection's ticket
  Id scorecard_id = 0;
  std::vector<Id> reviewer_ids;
  std::optional<Id> expert_id;
  std::optional<TimeMs> deadline;  // required, in the future
};

// One page of sessions, newest first; next_cursor (the last id) while more may follow.
struct CalibrationPage {
  std::vector<CalibrationSession> items;
  std::optional<std::string> next_cursor;
};

// A session as one reader sees it, with the results once it is closed.
struct CalibrationView {
  CalibrationSession session;
  std::optional<CalibrationResults> results;
};

class CalibrationService {
 public:
  CalibrationService(storage::Database& db, const Clock& clock);

  // Every problem at once (ticket_id / inspection_id, scorecard_id, reviewer_ids[k], expert_id,
  // deadline); kForbidden when the ticket's department is outside `who`'s scope.
  Result<CalibrationView> Create(const org::Principal& who, const CalibrationDraft& d);
  // Newest first, `limit` (1..200) after the cursor `before` (a session id), only those `who`
  // sees, blind while open, each marked overdue when open past its deadline.
  Result<CalibrationPage> List(const org::Principal& who, int limit = 50, std::optional<Id> before = std::nullopt);
  // kNotFound for an unknown session, kForbidden for one `who` does not see.
  Result<CalibrationView> Get(const org::Principal& who, Id id);
  // One participant's score: kForbidden while the session is open unless it is `who`'s own.
  Result<CalibrationScore> GetScore(const org::Principal& who, Id id, Id staff_id);
  // `who`'s draft (partial answers allowed) or submission (every item answered, scored with the
  // pinned version); kForbidden for a non-participant, kConflict ("state") once closed,
  // kConflict ("deadline") from its deadline on.
  Result<CalibrationScore> Save(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                                const std::string& notes);
  Result<CalibrationScore> Submit(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                                  const std::string& notes);
  // Closes and reveals (calibration.h MayClose).
  Result<CalibrationView> Close(const org::Principal& who, Id id);

 private:
  // The session when `who` sees it.
  Result<CalibrationSession> Load(storage::Connection& db, const org::Principal& who, Id id);
  CalibrationView ViewOf(storage::Connection& db, const org::Principal& who, const CalibrationSession& s);
  Result<CalibrationScore> Score(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                                 const std::string& notes, bool submit);

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace sqm::inspection
