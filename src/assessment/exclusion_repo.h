// SQL of exclusions and their reasons (assessment_exclusions, assessment_exclusion_reasons).
#pragma once

#include <optional>
#include <vector>

#include "assessment/exclusion.h"

namespace sqm::assessment::repo {

std::vector<ExclusionReason> ExclusionReasons(storage::Connection& db);
std::optional<ExclusionReason> FindExclusionReason(storage::Connection& db, const std::string& code);
Status InsertExclusionReason(storage::Connection& db, const ExclusionReason& r, TimeMs at);
Status SetExclusionReasonActive(storage::Connection& db, const std::string& code, bool active);

// Newest first; `departments` (when set) keeps those whose ticket is charged to one of them, as
// the tickets fact source `tickets_sql` says.
std::vector<Exclusion> ListExclusions(storage::Connection& db, std::optional<ExclusionStatus> status,
                                      const std::optional<std::vector<std::int64_t>>& departments,
                                      std::int64_t staff_id, const std::string& tickets_sql);
std::optional<Exclusion> FindExclusion(storage::Connection& db, std::int64_t id);
// The approved exclusions of the tickets with a fact in [from, to) in any of `sources` (the
// registered fact sources' queries), by ticket id; no scope: for the period service's snapshot.
std::vector<Exclusion> ApprovedExclusionsIn(storage::Connection& db, const std::vector<std::string>& sources,
                                            TimeMs from, TimeMs to);
// A request or an approval of the ticket, if any.
std::optional<std::int64_t> LiveExclusionOf(storage::Connection& db, std::int64_t ticket_id);
Result<std::int64_t> InsertExclusion(storage::Connection& db, const ExclusionRequest& r, std::int64_t by, TimeMs at);
Status DecideExclusion(storage::Connection& db, std::int64_t id, ExclusionStatus to, std::int64_t by,
                       const std::string& note, TimeMs at);

// The tickets fact source's row of one ticket: who and which department it is charged to.
struct TicketCharge {
  std::optional<std::int64_t> staff_id;
  std::optional<std::int64_t> department_id;
};
std::optional<TicketCharge> ChargeOfTicket(storage::Connection& db, const std::string& tickets_sql,
                                           std::int64_t ticket_id);

}  // namespace sqm::assessment::repo
