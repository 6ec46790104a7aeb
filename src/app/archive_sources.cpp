#include "app/archive_sources.h"

#include "desk/repo/tickets.h"
#include "desk/rules.h"
#include "inspection/repo.h"
#include "inspection/rules.h"

namespace sqm::app {

namespace {

// The most records a card reads for one person.
constexpr int kMostRecords = 5000;

std::vector<assessment::ArchiveComplaint> Complaints(storage::Connection& db, std::int64_t staff_id) {
  std::vector<assessment::ArchiveComplaint> out;
  for (const desk::repo::ComplaintAbout& k : desk::repo::ComplaintsAbout(db, staff_id, kMostRecords)) {
    const auto& c = k.complaint;
    const bool answered = c.communicated_at.has_value();
    out.push_back({.ticket_id = c.ticket_id,
                   .ticket_number = desk::TicketNumber(c.ticket_id),
                   .title = k.title,
                   .at = k.created_at,
                   .substantiated = c.substantiated,
                   .answered = answered,
                   .on_time = answered && (!c.deadline_at || *c.communicated_at <= *c.deadline_at)});
  }
  return out;
}

// Those that stand: a corrected inspection gives way to its correction.
std::vector<assessment::ArchiveInspection> Inspections(storage::Connection& db, std::int64_t staff_id) {
  std::vector<assessment::ArchiveInspection> out;
  for (const inspection::Inspection& i : inspection::repo::PublishedOfAgent(db, staff_id, kMostRecords)) {
    if (i.corrected_by_id) continue;
    out.push_back({.id = i.id,
                   .ticket_id = i.ticket_id,
                   .ticket_number = i.ticket_number,
                   .state = std::string(inspection::Name(i.state)),
                   .published_at = i.published_at.value_or(0),
                   .percent = i.percent,
                   .passed = i.passed,
                   .critical_failed = i.critical_failed});
  }
  return out;
}

std::vector<assessment::ArchiveInspectionAppeal> InspectionAppeals(storage::Connection& db, std::int64_t staff_id) {
  std::vector<assessment::ArchiveInspectionAppeal> out;
  for (const inspection::Inspection& i : inspection::repo::PublishedOfAgent(db, staff_id, kMostRecords)) {
    if (!i.appeal || i.appeal->appellant_id != staff_id) continue;
    const inspection::Appeal& a = *i.appeal;
    out.push_back({.inspection_id = i.id,
                   .ticket_number = i.ticket_number,
                   .reason = a.reason,
                   .filed_at = a.filed_at,
                   .outcome = a.outcome ? std::optional<std::string>(inspection::Name(*a.outcome)) : std::nullopt,
                   .decision = a.decision,
                   .decided_at = a.decided_at});
  }
  return out;
}

}  // namespace

assessment::ArchiveSources ArchiveSources() {
  return {.complaints = Complaints, .inspections = Inspections, .inspection_appeals = InspectionAppeals};
}

}  // namespace sqm::app
