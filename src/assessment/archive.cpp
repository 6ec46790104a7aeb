#include "assessment/archive.h"

#include <algorithm>
#include <tuple>

namespace sqm::assessment {

namespace {

void Count(ComplaintCounts& c, const ArchiveComplaint& k) {
  ++c.count;
  if (k.substantiated.has_value()) ++c.decided;
  if (k.substantiated.value_or(false)) ++c.substantiated;
  if (k.answered) ++c.answered;
  if (k.answered && k.on_time) ++c.on_time;
}

}  // namespace

ComplaintCard SummariseComplaints(std::vector<ArchiveComplaint> complaints, const std::vector<ArchiveSpan>& spans) {
  std::sort(complaints.begin(), complaints.end(), [](const ArchiveComplaint& a, const ArchiveComplaint& b) {
    return std::tie(a.at, a.ticket_id) > std::tie(b.at, b.ticket_id);
  });
  ComplaintCard card;
  for (const ArchiveSpan& s : spans) {
    ComplaintCounts counts;
    for (const ArchiveComplaint& k : complaints) {
      if (k.at >= s.from_ms && k.at < s.to_ms) Count(counts, k);
    }
    card.by_period.emplace_back(s, counts);
  }
  for (const ArchiveComplaint& k : complaints) Count(card.total, k);
  const std::size_t n = std::min(complaints.size(), kArchiveLatest);
  card.latest.assign(complaints.begin(), complaints.begin() + static_cast<std::ptrdiff_t>(n));
  return card;
}

InspectionCard SummariseInspections(std::vector<ArchiveInspection> inspections) {
  std::sort(inspections.begin(), inspections.end(), [](const ArchiveInspection& a, const ArchiveInspection& b) {
    return std::tie(a.published_at, a.id) > std::tie(b.published_at, b.id);
  });
  InspectionCard card;
  double sum = 0;
  for (const ArchiveInspection& i : inspections) {
    ++card.count;
    if (i.percent) {
      ++card.scored;
      sum += *i.percent;
    }
    if (i.passed) ++card.passed;
    if (i.critical_failed) ++card.critical_fails;
  }
  if (card.scored > 0) card.mean_percent = sum / static_cast<double>(card.scored);
  const std::size_t n = std::min(inspections.size(), kArchiveLatest);
  card.latest.assign(inspections.begin(), inspections.begin() + static_cast<std::ptrdiff_t>(n));
  return card;
}

}  // namespace sqm::assessment
