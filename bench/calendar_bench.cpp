// Due-time computation on the cn-mainland calendar: the compiled BusinessTime against the
// minute-by-minute reference loop, on the same fixed pseudo-random inputs over 2025-2026.
// Before timing anything it checks that both give the same answer for every input, and at the end
// it prints how many times faster the compiled version is.
//
//   ninja -C build sqm_calendar_bench && ./build/bench/sqm_calendar_bench
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "calendar/builtin.h"
#include "calendar/naive_reference.h"
#include "calendar/rules.h"

namespace {

using sqm::TimeMs;
using sqm::calendar::BusinessTime;

struct Case {
  TimeMs from;
  std::int64_t minutes;
};

constexpr std::size_t kCases = 2000;

// Fixed inputs: starts anywhere in 2025-2026 (Beijing time), targets from 0 to 4,800 business
// minutes (ten working days), the range SLA targets live in. mt19937_64 output is specified by
// the standard, so every machine gets the same cases.
const std::vector<Case>& Cases() {
  static const std::vector<Case> kAll = [] {
    std::mt19937_64 rng(20250101);
    const TimeMs lo = sqm::ParseIsoTime("2025-01-01T00:00:00+08:00").value();
    const TimeMs hi = sqm::ParseIsoTime("2027-01-01T00:00:00+08:00").value();
    std::vector<Case> out;
    for (std::size_t i = 0; i < kCases; ++i) {
      const TimeMs from = lo + static_cast<TimeMs>(rng() % static_cast<std::uint64_t>(hi - lo));
      out.push_back({from, static_cast<std::int64_t>(rng() % 4801)});
    }
    return out;
  }();
  return kAll;
}

const BusinessTime& Fast() {
  static const BusinessTime kBt = BusinessTime::Compile(sqm::calendar::BuiltinCnMainland()).value();
  return kBt;
}

const sqm::calendar::naive::Reference& Naive() {
  static const sqm::calendar::naive::Reference kRef(sqm::calendar::BuiltinCnMainland());
  return kRef;
}

void CheckSameAnswers() {
  for (const Case& c : Cases()) {
    const TimeMs fast = Fast().AddBusinessMinutes(c.from, c.minutes);
    const TimeMs naive = Naive().AddBusinessMinutes(c.from, c.minutes);
    if (fast != naive) {
      std::fprintf(stderr, "MISMATCH from %s + %lld min: fast %s, naive %s\n", sqm::FormatIsoUtc(c.from).c_str(),
                   static_cast<long long>(c.minutes), sqm::FormatIsoUtc(fast).c_str(),
                   sqm::FormatIsoUtc(naive).c_str());
      std::exit(1);
    }
  }
  std::printf("checked: fast and naive agree on all %zu due times\n", Cases().size());
}

void AddBusinessMinutesFast(benchmark::State& state) {
  for (auto _ : state) {
    for (const Case& c : Cases()) benchmark::DoNotOptimize(Fast().AddBusinessMinutes(c.from, c.minutes));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * Cases().size()));
}
BENCHMARK(AddBusinessMinutesFast)->Unit(benchmark::kMicrosecond);

void AddBusinessMinutesNaive(benchmark::State& state) {
  for (auto _ : state) {
    for (const Case& c : Cases()) benchmark::DoNotOptimize(Naive().AddBusinessMinutes(c.from, c.minutes));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * Cases().size()));
}
BENCHMARK(AddBusinessMinutesNaive)->Unit(benchmark::kMillisecond)->Iterations(3);

void BusinessMsBetweenFast(benchmark::State& state) {
  for (auto _ : state) {
    for (const Case& c : Cases()) {
      benchmark::DoNotOptimize(Fast().BusinessMsBetween(c.from, c.from + c.minutes * 3 * 60'000));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * Cases().size()));
}
BENCHMARK(BusinessMsBetweenFast)->Unit(benchmark::kMicrosecond);

void CompileCnMainland(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(BusinessTime::Compile(sqm::calendar::BuiltinCnMainland()));
}
BENCHMARK(CompileCnMainland)->Unit(benchmark::kMicrosecond);

// Console output plus a note of each benchmark's rate, for the ratio printed at the end.
class RateReporter : public benchmark::ConsoleReporter {
 public:
  RateReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[run.benchmark_name()] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  // The median over repetitions when there were any, else the single run's rate; 0 if not run.
  double Rate(const std::string& name) const {
    for (const std::string& key : {name + "_median", name}) {
      const auto it = rates_.find(key);
      if (it != rates_.end()) return it->second;
    }
    return 0;
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  CheckSameAnswers();
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const double fast = reporter.Rate("AddBusinessMinutesFast");
  const double naive = reporter.Rate("AddBusinessMinutesNaive/iterations:3");
  if (fast > 0 && naive > 0) {
    std::printf("due times per second: fast %.0f, naive %.0f; fast is %.0fx faster\n", fast, naive, fast / naive);
  }
  benchmark::Shutdown();
  return 0;
}
