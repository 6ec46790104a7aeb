// Stored scorecards (质检评分表): a named card whose definition (scorecard.h) is versioned. Each
// change of the definition makes the next version; an inspection keeps the version it was scored
// with, so a later edit never moves a past score.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "base/clock.h"
#include "inspection/scorecard.h"

namespace sqm::inspection {

using Id = std::int64_t;

struct SavedScorecard {
  Id id = 0;
  std::string name;
  int version = 1;  // of `card`; the newest unless a version was asked for
  int latest_version = 1;
  bool active = true;  // inactive cards are kept for the inspections that used them, not offered for new ones
  Scorecard card;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

// What is inspected: a ticket's handling (its whole timeline beside the card), or a department on
// a routine daily check or a surprise check.
enum class Kind { kTicketReview, kRoutineCheck, kSurpriseCheck };

// assigned -> in_progress -> submitted -> published -> acknowledged, or appealed -> final.
// Published and everything after it is never edited; a correction is a new linked record.
enum class State { kAssigned, kInProgress, kSubmitted, kPublished, kAcknowledged, kAppealed, kFinal };

enum class Outcome { kUpheld, kPartlyUpheld, kRejected };

struct Appeal {
  Id appellant_id = 0;
  std::string reason;
  TimeMs filed_at = 0;
  std::optional<Id> reviewer_id;
  std::optional<Outcome> outcome;
  std::string decision;  // the reviewer's reason
  std::optional<TimeMs> decided_at;
};

// Where a site check was made: the phone's position as navigator.geolocation reports it, when the
// inspector lets the form read it.
struct Location {
  double latitude = 0;               // -90..90
  double longitude = 0;              // -180..180
  std::optional<double> accuracy_m;  // metres (95 % confidence), 0..site.h kMaxAccuracyM
};

struct Inspection {
  Id id = 0;
  Kind kind = Kind::kTicketReview;
  bool covert = false;  // a mystery check: nothing shows to the inspected party before publication
  Id scorecard_id = 0;
  int scorecard_version = 1;  // the version it is scored with, for good
  std::optional<Id> ticket_id;
  std::string ticket_number;
  Id department_id = 0;
  std::string department_name;
  std::optional<Id> agent_id;  // the inspected staff member: the ticket's resolver or handler
  std::string agent_name;
  Id inspector_id = 0;
  std::string inspector_name;
  Id assigned_by = 0;
  State state = State::kAssigned;
  std::map<std::string, Answer> answers;
  std::string notes;
  std::optional<double> percent;  // from submission on
  bool passed = false;
  bool critical_failed = false;
  std::optional<Id> corrects_id;  // this record corrects that one
  std::optional<Id> corrected_by_id;
  TimeMs created_at = 0;
  std::optional<TimeMs> submitted_at, published_at, appeal_deadline, acknowledged_at, final_at;
  std::optional<Appeal> appeal;
  std::optional<TimeMs> checked_at;  // when the inspector made the check, as the form recorded it
  std::optional<Location> location;  // where, if the inspector allowed the form to read it
};

}  // namespace sqm::inspection
