// Service-desk read models: the dashboard, the periodic complaint summary and the callback queue.
// Each counts the tickets the caller may see (scoped like the ticket list), except the dashboard's
// SLA attainment, which is the assessment's measures read through an AttainmentReader
// (desk/attainment.h) for the caller's departments. Days, weeks and months are those of the
// business time zone.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/zone.h"
#include "desk/attainment.h"
#include "desk/repo/reports.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::desk {

using repo::CallbackQueue;

struct Dashboard {
  std::vector<std::pair<TicketStatus, std::int64_t>> open_by_status;  // new .. resolved, zeros included
  std::int64_t warnings_now = 0;  // tickets with an open timer past its warning time
  std::int64_t breaches_now = 0;  // tickets with an open timer past due
  // The assessment's attainment measures (desk/attainment.h) for the caller: the organisation for
  // whoever sees every department, else the top departments of the caller's scope merged (their
  // subtrees are disjoint: met and total add). From the start of the day, week or month to the
  // start of tomorrow.
  struct Attainment {
    std::string period;  // "today", "week", "month"
    Rate first_response, resolution;
  };
  std::vector<Attainment> attainment;
  // A row for each department of the caller's scope with timers decided this month, and for each
  // department (the intake queue too) holding open tickets the caller sees.
  struct Department {
    std::optional<Id> department_id;  // nullopt: the intake queue
    std::string department_name;
    std::int64_t open = 0, breached = 0;  // now, tickets held by exactly this department
    // This month, the department's subject (its subtree); nullopt: nothing decided, the intake
    // queue, or a department outside the caller's scope.
    std::optional<double> first_response_rate, resolution_rate;
  };
  std::vector<Department> by_department;
  TimeMs at = 0;
};

struct ComplaintSummary {
  TimeMs from = 0, to = 0;
  repo::ComplaintCounts counts;
  std::vector<std::pair<ComplaintCategory, std::int64_t>> by_category;
  struct Department {
    std::optional<Id> department_id;
    std::string department_name;
    std::int64_t count = 0;
  };
  std::vector<Department> by_department;  // what the complaints are about
  std::vector<repo::Complainant> repeat_complainants;
  std::vector<std::pair<TimeMs, std::int64_t>> weekly;  // week start (Monday), complaints
};

struct CallbackItem {
  repo::CallbackRow row;
  bool overdue = false;  // open past its due time
};

class Reports {
 public:
  // `zone` is the business time zone.
  Reports(storage::Database& db, const Clock& clock, calendar::Zone zone)
      : db_(db), clock_(clock), zone_(std::move(zone)) {}

  // How the dashboard reads SLA attainment; installed by the composition root before serving.
  // Without one, every attainment figure is no data.
  void SetAttainmentReader(AttainmentReader reader) { attainment_ = std::move(reader); }
  // How the dashboard reads its state now (repo::LiveState): the composition root installs the
  // LiveBoard (desk/live_board.h) once it is built and fresh; nullopt, or none installed, and the
  // SQL (repo::LiveStateOf) answers the same.
  using LiveReader = std::function<std::optional<repo::LiveState>(const repo::Visibility&, TimeMs now)>;
  void SetLiveReader(LiveReader reader) { live_ = std::move(reader); }
  // The same for the complaint summary's figures (repo::ComplaintFiguresOf).
  using ComplaintReader = std::function<std::optional<repo::ComplaintFigures>(
      const repo::Visibility&, TimeMs now, TimeMs from, TimeMs to, const std::vector<TimeMs>& weeks)>;
  void SetComplaintReader(ComplaintReader reader) { complaints_ = std::move(reader); }

  // Open tickets by status, warnings and breaches now, attainment today / this week / this month,
  // and per department this month. Errors of the attainment reader are passed on.
  Result<Dashboard> GetDashboard(const org::Principal& who);
  // Complaints registered in [from, to): `to` defaults to now, `from` to the start of the week
  // eleven weeks before (twelve weeks). kInvalid on "to" unless from < to.
  Result<ComplaintSummary> GetComplaintSummary(const org::Principal& who, std::optional<TimeMs> from,
                                               std::optional<TimeMs> to);
  Result<std::vector<CallbackItem>> Callbacks(const org::Principal& who, CallbackQueue queue, int limit, int offset);

 private:
  storage::Database& db_;
  const Clock& clock_;
  const calendar::Zone zone_;
  AttainmentReader attainment_;
  LiveReader live_;
  ComplaintReader complaints_;
};

}  // namespace sqm::desk
