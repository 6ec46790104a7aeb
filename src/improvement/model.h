// Improvement actions (整改 / CAPA): a finding from any source becomes an action with a root cause,
// an owner, a due date and evidence, and is closed only when its effect has been checked against
// the indicator it should move. Internal audit and management review records hold findings that
// raise actions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"

namespace sqm::improvement {

using Id = std::int64_t;

// Where an action came from; source_id names the record where there is one (an inspection, a
// complaint ticket, a survey follow-up, an audit finding).
enum class Source { kInspection, kComplaint, kSlaTrend, kSurvey, kAuditFinding, kSuggestion, kOther };

// proposed (a staff suggestion) -> open | declined; open -> in_progress -> done (evidence) ->
// verified (the effect checked) | not_effective; done, verified or not_effective -> reopened ->
// in_progress ...; anything before done -> cancelled (with a reason).
enum class State { kProposed, kOpen, kInProgress, kDone, kVerified, kNotEffective, kReopened, kCancelled, kDeclined };

// Which way the indicator should move for the action to count as effective.
enum class Direction { kNone, kUp, kDown };

// Whose measure an action should move: a staff member, or a department with its subtree.
enum class SubjectKind { kNone, kStaff, kDepartment };

struct RootCause {
  Id id = 0;
  std::string code;
  std::string name_zh;
  std::string name_en;
  bool active = true;
  int position = 0;
};

struct Action {
  Id id = 0;
  Source source = Source::kOther;
  std::optional<Id> source_id;
  std::string source_ref;  // free text naming the source where there is no record (a trend, a meeting)
  std::string title;
  std::string description;
  std::optional<Id> root_cause_id;
  std::string analysis;  // 5-whys or fishbone notes
  std::optional<Id> owner_id;
  std::string owner_name;
  std::optional<Id> department_id;
  std::string department_name;
  std::string due_date;          // YYYY-MM-DD in the business zone; empty for a suggestion not yet triaged
  std::optional<TimeMs> due_at;  // the end of the due day
  State status = State::kOpen;
  std::string evidence;
  // Verification of effect: the indicator (an assessment measure code), the way it should move,
  // its value before (and where that value came from), and when to look again. With a subject,
  // both values are read from the measure ("measure:<code>") over windows of one length: before,
  // the window before the action was opened (or one the user picked); after, the window from the
  // fix (done_at). A value stays nullopt ("no data") when the measure counted nothing.
  std::string measure_code;
  Direction direction = Direction::kNone;
  SubjectKind subject_kind = SubjectKind::kNone;
  std::optional<Id> subject_id;
  std::string subject_name;
  std::optional<double> value_before;
  std::string value_before_source;
  std::optional<TimeMs> before_from, before_to;  // [from, to) the value before was read over
  int verify_after_days = 0;
  std::optional<double> value_after;
  std::string value_after_source;
  std::optional<TimeMs> after_from, after_to;
  std::string verification_note;
  std::string reason;  // why cancelled, declined or reopened
  std::optional<Id> proposed_by;
  std::string proposed_by_name;
  Id created_by = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::optional<TimeMs> done_at, verified_at, owner_notified_at, manager_notified_at;
};

struct Finding {
  Id id = 0;
  Id audit_id = 0;
  std::string text;
  TimeMs created_at = 0;
  std::vector<Id> action_ids;  // the actions it raised
};

enum class AuditKind { kInternalAudit, kManagementReview };

struct Audit {
  Id id = 0;
  AuditKind kind = AuditKind::kInternalAudit;
  std::string held_on;  // YYYY-MM-DD
  std::string title;
  std::string scope;
  std::string participants;
  std::string summary;
  Id created_by = 0;
  TimeMs created_at = 0;
  std::vector<Finding> findings;
};

// One entry of an action's timeline (its events).
struct TimelineEntry {
  TimeMs at = 0;
  std::string actor;
  std::string type;
  std::string data;  // JSON object text
};

}  // namespace sqm::improvement
