// Exclusions (剔除, docs/assessment.md): a ticket leaves assessment — every measure of every
// period — for a reason from an editable list, requested by the unit (a handler or manager who
// may act on the ticket) with evidence, and approved or rejected by the quality department
// (assessment.manage). Each step is an event; an approved exclusion is marked in the drill-down.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/facts.h"
#include "assessment/measure.h"
#include "base/clock.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::assessment {

struct ExclusionReason {
  std::string code;
  Text name;
  bool active = true;
};

enum class ExclusionStatus { kRequested, kApproved, kRejected };
const char* ExclusionStatusName(ExclusionStatus s);
std::optional<ExclusionStatus> ParseExclusionStatus(std::string_view name);

struct Exclusion {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::string ticket_number;
  std::string reason_code;
  std::string evidence;
  ExclusionStatus status = ExclusionStatus::kRequested;
  std::int64_t requested_by = 0;
  std::string requested_by_name;
  TimeMs requested_at = 0;
  std::optional<std::int64_t> decided_by;
  std::string decided_by_name;
  std::optional<TimeMs> decided_at;
  std::string decision_note;
};

struct ExclusionRequest {
  std::int64_t ticket_id = 0;
  std::string reason_code;
  std::string evidence;
};

class ExclusionService {
 public:
  // `facts` must hold the desk's "tickets" source: a ticket's department is read through it.
  ExclusionService(storage::Database& db, const FactRegistry& facts);

  // Any staff member (a list of settings, no assessment data).
  Result<std::vector<ExclusionReason>> Reasons(const org::Principal& who);
  // assessment.manage; kConflict on "code" when taken.
  Result<ExclusionReason> AddReason(const org::Principal& who, const ExclusionReason& reason);
  Result<ExclusionReason> SetReasonActive(const org::Principal& who, const std::string& code, bool active);

  // assessment.read: the exclusions of tickets in `who`'s departments, newest first.
  Result<std::vector<Exclusion>> List(const org::Principal& who, std::optional<ExclusionStatus> status);
  // ApprovedExclusionsIn (below) on a read connection of its own.
  std::vector<Exclusion> ApprovedIn(TimeMs from, TimeMs to);
  // ticket.write on a ticket `who` handles or whose department is in their scope. Every problem
  // at once: ticket_id, reason_code, evidence (required); kConflict on ticket_id when the ticket
  // already has a request or an approval.
  Result<Exclusion> Request(const org::Principal& who, const ExclusionRequest& request);
  // assessment.manage; only a requested exclusion (kConflict on "status" otherwise). A rejection
  // needs a note.
  Result<Exclusion> Approve(const org::Principal& who, std::int64_t id, const std::string& note);
  Result<Exclusion> Reject(const org::Principal& who, std::int64_t id, const std::string& note);

 private:
  Result<Exclusion> Decide(const org::Principal& who, std::int64_t id, ExclusionStatus to, const std::string& note);
  std::string NumberOf(std::int64_t ticket_id) const;

  storage::Database& db_;
  const FactRegistry& facts_;
};

// The approved exclusions in force now of the tickets with a fact in [from, to) in any source of
// `facts`, ordered by ticket id: what a period's evaluation freezes. No permission check and no
// scope — the caller (the period service, inside its own transaction if it likes) has checked
// its own; never serve the list to a request as it is.
std::vector<Exclusion> ApprovedExclusionsIn(storage::Connection& db, const FactRegistry& facts, TimeMs from, TimeMs to);

}  // namespace sqm::assessment
