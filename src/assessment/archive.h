// The employee quality archive's cards (员工工作质量档案): beside a person's results per period,
// the complaints about them, their appeals (of assessment results and of inspections) and their
// published inspections. The evidence belongs to other modules (desk, inspection), which
// assessment never links: ArchiveSources is the read interface the composition root implements
// over them, one function per card, each answering model types defined here. The summaries are
// pure (no SQL, no clock).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sqm::storage {
class Connection;
}

namespace sqm::assessment {

// A complaint about the person (desk), as recorded on it; cancelled and merged tickets left out.
struct ArchiveComplaint {
  std::int64_t ticket_id = 0;
  std::string ticket_number;  // "T000042"
  std::string title;
  std::int64_t at = 0;                // registered (UTC ms)
  std::optional<bool> substantiated;  // nullopt: no finding yet
  bool answered = false;              // the outcome was communicated to the customer
  bool on_time = false;               // answered by its deadline (or without one); false until answered
};

// A published inspection of the person (inspection) that stands: not corrected by a later record.
struct ArchiveInspection {
  std::int64_t id = 0;
  std::optional<std::int64_t> ticket_id;
  std::string ticket_number;  // "" for a check of a department
  std::string state;          // published, acknowledged, appealed, final
  std::int64_t published_at = 0;
  std::optional<double> percent;  // nullopt: nothing scored
  bool passed = false;
  bool critical_failed = false;
};

// An appeal the person filed against a published inspection of theirs.
struct ArchiveInspectionAppeal {
  std::int64_t inspection_id = 0;
  std::string ticket_number;
  std::string reason;
  std::int64_t filed_at = 0;
  std::optional<std::string> outcome;  // upheld, partly_upheld, rejected; nullopt while open
  std::string decision;                // the reviewer's reason
  std::optional<std::int64_t> decided_at;
};

// What the composition root installs (PeriodService::SetArchiveSources). Each function reads
// inside assessment's read transaction `db`, newest first, and is bounded by the implementer; an
// unset function reads as "no such evidence here" (the card is left out, not shown as 0).
struct ArchiveSources {
  std::function<std::vector<ArchiveComplaint>(storage::Connection& db, std::int64_t staff_id)> complaints;
  std::function<std::vector<ArchiveInspection>(storage::Connection& db, std::int64_t staff_id)> inspections;
  std::function<std::vector<ArchiveInspectionAppeal>(storage::Connection& db, std::int64_t staff_id)>
      inspection_appeals;
};

// How many of the latest records a card lists.
inline constexpr std::size_t kArchiveLatest = 5;

// A time range of the archive (an assessment period of the person's results), [from, to).
struct ArchiveSpan {
  std::int64_t period_id = 0;
  std::string name;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
};

struct ComplaintCounts {
  long long count = 0;
  long long substantiated = 0;
  long long decided = 0;  // with a finding (属实 or not)
  long long answered = 0;
  long long on_time = 0;  // of the answered
};

struct ComplaintCard {
  ComplaintCounts total;
  std::vector<std::pair<ArchiveSpan, ComplaintCounts>> by_period;  // in the spans' order
  std::vector<ArchiveComplaint> latest;                            // newest first, at most kArchiveLatest
};

struct InspectionCard {
  long long count = 0;
  long long scored = 0;                // with a percentage
  std::optional<double> mean_percent;  // of the scored ones; nullopt when none
  long long passed = 0;
  long long critical_fails = 0;
  std::vector<ArchiveInspection> latest;  // newest first, at most kArchiveLatest
};

// `complaints` in any order; each span counts those registered inside it.
ComplaintCard SummariseComplaints(std::vector<ArchiveComplaint> complaints, const std::vector<ArchiveSpan>& spans);
InspectionCard SummariseInspections(std::vector<ArchiveInspection> inspections);

}  // namespace sqm::assessment
