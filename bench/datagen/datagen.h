// The data generator: realistic service-desk history at any scale, the same for the same seed.
// `sqm seed-demo` uses it for three months of demo tickets; benchmarks use it for millions.
//
// It creates the catalogue, customers and SLA policies, then replays each ticket's life —
// registration, first response, transfers and send-backs, waits for the customer, resolution,
// callback, reopening, closing — through desk::Service at the historical instants, in time
// order, so every SLA result and every event is what live operation would have produced.
// Steps that would fall after `end` are not taken: the newest tickets are left open.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "base/result.h"
#include "desk/service.h"
#include "sla/service.h"
#include "storage/database.h"

namespace sqm::datagen {

struct Options {
  int days = 90;
  double tickets_per_day = 40;  // on a weekday; weekends get 40 %
  std::uint64_t seed = 20261122;
  TimeMs end = 0;  // the last instant of history (usually now)
};

struct Summary {
  int customers = 0;
  int categories = 0;
  int policies = 0;
  int tickets = 0;
  int actions = 0;
  int open_tickets = 0;
};

// REQUIRES: the demo organisation (cli::SeedDemo) is loaded: departments by code and staff with
// roles. Run once on a database without tickets.
Result<Summary> Generate(storage::Database& db, desk::Service& desk, sla::Service& sla, const Options& options);

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

}  // namespace sqm::datagen
