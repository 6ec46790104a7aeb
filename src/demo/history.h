// The demo's service-desk history: what a real service centre's months look like, at any scale,
// the same for the same seed. `sqm seed-demo` makes three months of it; benchmarks make millions
// of tickets with it.
//
// It creates the service catalogue and the customers through desk::Service and the SLA policies
// through sla::Service, then replays each ticket's life — registration, first response, transfers
// and send-backs, waits for the customer, resolution, the quality department's findings on a
// complaint, callbacks (回访) with every rating, reopening, closing — through desk::Service at the
// historical instants, in time order. So every record, SLA result and event is what live
// operation would have produced; nothing is written around the services.
//
// What a quality manager expects to find in it: complaints filed under the matching 服务质量
// category (a complaint about attitude is in 服务质量/服务态度), about half of the reviewed ones
// substantiated with findings and a remedy and the others not; callbacks rated 满意 / 基本满意 /
// 不满意 / 未评价, some after attempts that did not reach the customer; a few tickets that stalled
// and are overdue (their resolution breached); and the newest tickets still open, since steps
// that would fall after `end` are not taken.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "desk/service.h"
#include "org/service.h"
#include "sla/service.h"
#include "storage/database.h"

namespace sqm::demo {

struct HistoryOptions {
  int days = 90;
  double tickets_per_day = 40;  // on a weekday; weekends get 40 %
  std::uint64_t seed = 20261122;
  TimeMs end = 0;  // the last instant of history (usually now)
};

struct HistorySummary {
  int customers = 0;
  int categories = 0;
  int policies = 0;
  int tickets = 0;
  int actions = 0;              // ticket actions and complaint reviews replayed
  int open_tickets = 0;         // new, accepted, in progress or waiting for the customer at `end`
  int complaints_reviewed = 0;  // with findings
  int substantiated = 0;
};

// REQUIRES: the demo organisation (SeedOrganisation) is loaded — departments by code and staff
// with roles — and the database has no tickets. `db` is the one the services write to; the replay
// runs many ticket steps in each of its write jobs, dated when they happened.
Result<HistorySummary> MakeHistory(storage::Database& db, org::Service& org, desk::Service& desk, sla::Service& sla,
                                   const HistoryOptions& options);

// The deterministic pseudo-random stream the generator uses (splitmix64).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  double Uniform();  // [0, 1)
  int Below(int n);  // [0, n)
  double Exponential(double mean);
  bool Chance(double p) { return Uniform() < p; }

 private:
  std::uint64_t state_;
};

}  // namespace sqm::demo
