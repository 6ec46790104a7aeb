// The analytics store's memory and speed (issue 13): N staff members x D working days of facts of
// the 17 default measures (15 counts and ratios, a mean, a percentile), applied day by day as the
// engine applies events; then a tenth of the staff-days taken back (every fact retracted, so the
// days are pruned) and added again, and every staff member's measures read over the whole span and
// over a window with partial months at its edges. With --departments N every fact also counts
// for the staff member's department, its parent and the organisation, as the engine keeps them;
// the "per staff-day" figures then include those subjects' rows.
//
// The compact layout (src/analytics/store.h) and the first layout (analytics_old_layout.h, kept
// here only) each run in a child process of their own, so that each one's RSS is its own: the
// table shows VmRSS growth per staff-day and per partial, what Report() says, the throughput of
// additions, retractions and range reads, and whether both layouts gave the same values. Figures,
// not assertions (bench/README.md). An application is one fact applied to one subject.
//
//   ninja -C build analytics_bench
//   ./build/bench/analytics_bench --staff 1000 --days 261        # both layouts
//   ./build/bench/analytics_bench --staff 10000 --layout new     # scale L's 10,000 staff
//   ./build/bench/analytics_bench --staff 10000 --departments 300 --layout new   # and its departments
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "analytics/store.h"
#include "analytics_old_layout.h"

namespace {

using sqm::analytics::Day;
using sqm::analytics::MeasureShape;
using sqm::analytics::Subject;
using sqm::analytics::SubjectKind;

// The default measures (docs/assessment.md) with facts per staff member and working day at scale
// L (10 million tickets a year over 10,000 staff: about 4 tickets a staff-day) and the share of
// them in a ratio's numerator.
struct Measure {
  const char* code;
  MeasureShape shape;
  double per_day;
  double counted_share;
};
constexpr Measure kMix[] = {
    {"first_response_attainment", MeasureShape::kCounts, 4.0, 0.9},
    {"sign_for_on_time", MeasureShape::kCounts, 0.6, 0.9},
    {"resolution_attainment", MeasureShape::kCounts, 3.8, 0.85},
    {"on_time_closure", MeasureShape::kCounts, 3.8, 0.8},
    {"closure_rate", MeasureShape::kCounts, 4.0, 0.95},
    {"mean_first_response_minutes", MeasureShape::kSums, 4.0, 1.0},
    {"p90_first_response_minutes", MeasureShape::kSketch, 4.0, 1.0},
    {"callback_within_24h", MeasureShape::kCounts, 3.0, 0.9},
    {"satisfaction_rate", MeasureShape::kCounts, 2.4, 0.9},
    {"one_time_resolution", MeasureShape::kCounts, 3.8, 0.8},
    {"reopen_rate", MeasureShape::kCounts, 3.8, 0.04},
    {"sendback_rate", MeasureShape::kCounts, 0.6, 0.2},
    {"complaints_per_1000_tickets", MeasureShape::kCounts, 4.0, 0.03},
    {"complaints_on_time", MeasureShape::kCounts, 0.12, 0.9},
    {"substantiated_complaints", MeasureShape::kCounts, 0.05, 1.0},
    {"tickets_registered", MeasureShape::kCounts, 4.0, 1.0},
    {"reopens", MeasureShape::kCounts, 0.15, 1.0},
};
constexpr std::size_t kMeasures = std::size(kMix);

// The facts of one staff-day, the same every time they are asked for (so they can be retracted).
template <class Fn>
void ForEachFact(int staff, std::size_t day_index, Fn&& fn) {
  std::mt19937_64 rng(0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(staff + 1) + day_index * 7919);
  std::uniform_real_distribution<double> u(0, 1);
  std::lognormal_distribution<double> minutes(2.8, 0.9);
  for (std::size_t m = 0; m < kMeasures; ++m) {
    std::poisson_distribution<int> n(kMix[m].per_day);
    for (int i = n(rng); i > 0; --i) {
      const bool counted = u(rng) < kMix[m].counted_share;
      std::optional<double> value;
      if (kMix[m].shape != MeasureShape::kCounts) value = minutes(rng);
      fn(m, value, counted);
    }
  }
}

// Working days (Monday to Friday) from 2025-01-01.
std::vector<Day> WorkingDays(int count) {
  std::vector<Day> out;
  for (Day d = 20089; static_cast<int>(out.size()) < count; ++d) {
    const int weekday = (d + 4) % 7;  // 1970-01-01 was a Thursday; 0 is Sunday
    if (weekday >= 1 && weekday <= 5) out.push_back(d);
  }
  return out;
}

long long StatusKib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(field);
  while (std::getline(in, line)) {
    if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':') return std::atoll(line.c_str() + n + 1);
  }
  return 0;
}

// CPU time of the process (each layout runs alone in its child): steadier than the wall clock on a
// shared machine.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// What a child sends back: plain numbers only.
struct Figures {
  long long rss_before_kib = 0, rss_after_kib = 0, hwm_kib = 0;
  long long subjects = 0, day_partials = 0, month_partials = 0, report_bytes = 0, sketch_bytes = -1;
  long long facts = 0, retracted = 0, day_partials_retracted = 0, ranges = 0;
  double add_s = 0, retract_s = 0, readd_s = 0, range_s = 0;
  double checksum[5] = {};  // count, counted, valued, sum, p90 over every range read
  bool ok = true;
};

// What one run builds: staff members, and when `departments` > 0 a department tree as the engine
// keeps it (each fact also counts for the staff member's department, that department's parent and
// the organisation): departments / 10 parents, the rest leaves, staff spread over the leaves.
struct Setup {
  int staff = 1000;
  int departments = 0;
  std::vector<Day> days;
};

// The subjects a fact of staff member `s` counts for.
std::vector<Subject> SubjectsOf(const Setup& setup, int s) {
  std::vector<Subject> out{{SubjectKind::kStaff, s}};
  if (setup.departments > 0) {
    const int parents = std::max(1, setup.departments / 10);
    const int leaves = std::max(1, setup.departments - parents);
    const int leaf = s % leaves;
    out.push_back({SubjectKind::kDepartment, parents + leaf});
    out.push_back({SubjectKind::kDepartment, leaf % parents});
    out.push_back({SubjectKind::kOrganisation, 0});
  }
  return out;
}

template <class Store>
Figures Run(Store& store, const Setup& setup, long long rss_before) {
  const int staff = setup.staff;
  const auto& days = setup.days;
  std::vector<std::vector<Subject>> subjects;
  for (int s = 0; s < staff; ++s) subjects.push_back(SubjectsOf(setup, s));
  Figures f;
  f.rss_before_kib = rss_before;
  auto apply = [&](int sign, bool (*which)(int, std::size_t)) {
    long long n = 0;
    for (std::size_t i = 0; i < days.size(); ++i) {
      for (int s = 0; s < staff; ++s) {
        if (!which(s, i)) continue;
        ForEachFact(s, i, [&](std::size_t m, std::optional<double> value, bool counted) {
          for (const Subject& subject : subjects[static_cast<std::size_t>(s)]) {
            f.ok = store.Apply(m, subject, days[i], value, counted, sign) && f.ok;
            ++n;
          }
        });
      }
    }
    return n;
  };
  auto all = [](int, std::size_t) { return true; };
  auto tenth = [](int s, std::size_t i) { return (static_cast<std::size_t>(s) + i) % 10 == 0; };

  double t = CpuSeconds();
  f.facts = apply(+1, all);
  f.add_s = CpuSeconds() - t;
  f.rss_after_kib = StatusKib("VmRSS");
  const auto size = store.Report();
  f.subjects = static_cast<long long>(size.subjects);
  f.day_partials = static_cast<long long>(size.day_partials);
  f.month_partials = static_cast<long long>(size.month_partials);
  f.report_bytes = static_cast<long long>(size.bytes);
  if constexpr (requires { size.sketch_bytes; }) f.sketch_bytes = static_cast<long long>(size.sketch_bytes);

  t = CpuSeconds();
  f.retracted = apply(-1, tenth);
  f.retract_s = CpuSeconds() - t;
  f.day_partials_retracted = static_cast<long long>(store.Report().day_partials);
  t = CpuSeconds();
  apply(+1, tenth);
  f.readd_s = CpuSeconds() - t;

  const Day window_from = days[days.size() / 3], window_to = days[2 * days.size() / 3];
  t = CpuSeconds();
  for (int s = 0; s < staff; ++s) {
    for (std::size_t m = 0; m < kMeasures; ++m) {
      for (auto [from, to] : {std::pair{days.front(), days.back() + 1}, std::pair{window_from, window_to}}) {
        const auto p = store.Range(m, Subject{SubjectKind::kStaff, s}, from, to);
        f.checksum[0] += static_cast<double>(p.Count());
        f.checksum[1] += static_cast<double>(p.Counted());
        f.checksum[2] += static_cast<double>(p.Valued());
        f.checksum[3] += p.Sum();
        f.checksum[4] += p.Percentile(90).value_or(0);
        ++f.ranges;
      }
    }
  }
  f.range_s = CpuSeconds() - t;
  f.hwm_kib = StatusKib("VmHWM");
  return f;
}

Figures RunNew(const Setup& setup) {
  const long long before = StatusKib("VmRSS");
  std::vector<MeasureShape> shapes;
  for (const auto& m : kMix) shapes.push_back(m.shape);
  sqm::analytics::PartialStore store(shapes);
  return Run(store, setup, before);
}

Figures RunOld(const Setup& setup) {
  const long long before = StatusKib("VmRSS");
  std::vector<bool> sketches;
  for (const auto& m : kMix) sketches.push_back(m.shape == MeasureShape::kSketch);
  sqm::analytics::old_layout::PartialStore store(sketches);
  return Run(store, setup, before);
}

// Runs one layout in a child process and returns what it measured.
bool InChild(Figures (*run)(const Setup&), const Setup& setup, Figures& out) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    close(fds[0]);
    const Figures f = run(setup);
    const bool sent = write(fds[1], &f, sizeof f) == static_cast<ssize_t>(sizeof f);
    _exit(sent ? 0 : 1);
  }
  close(fds[1]);
  std::size_t got = 0;
  auto* bytes = reinterpret_cast<char*>(&out);
  while (got < sizeof out) {
    const ssize_t n = read(fds[0], bytes + got, sizeof out - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return got == sizeof out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool SameValues(const Figures& a, const Figures& b) {
  for (int i = 0; i < 5; ++i) {
    if (std::fabs(a.checksum[i] - b.checksum[i]) > 1e-9 * std::max(1.0, std::fabs(a.checksum[i]))) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int staff = 1000;
  int departments = 0;
  int day_count = 261;
  std::string layout = "both";
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--staff" && i + 1 < argc) {
      staff = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--departments" && i + 1 < argc) {
      departments = std::max(0, std::atoi(argv[++i]));
    } else if (a == "--days" && i + 1 < argc) {
      day_count = std::max(3, std::atoi(argv[++i]));
    } else if (a == "--layout" && i + 1 < argc) {
      layout = argv[++i];
    } else if (a == "--json") {
      json = true;
    } else {
      std::fprintf(stderr, "usage: %s [--staff N] [--departments N] [--days D] [--layout both|new|old] [--json]\n",
                   argv[0]);
      return 2;
    }
  }
  // As sqm does at start (cli/main.cpp): blocks of 1 MiB or more get their own mapping.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  const Setup setup{staff, departments, WorkingDays(day_count)};
  const double staff_days = static_cast<double>(staff) * day_count;
  std::printf("analytics store: %d staff x %d working days (%.0f staff-days), %zu measures", staff, day_count,
              staff_days, kMeasures);
  if (departments > 0) {
    std::printf("; every fact also for its department, the department's parent and the organisation (%d departments)",
                departments);
  }
  std::printf("\n");

  struct Row {
    const char* name;
    Figures f;
  };
  std::vector<Row> rows;
  if (layout == "both" || layout == "new") rows.push_back({"compact rows", {}});
  if (layout == "both" || layout == "old") rows.push_back({"first layout (maps of Partial)", {}});
  for (auto& row : rows) {
    const bool compact = row.name[0] == 'c';
    if (!InChild(compact ? RunNew : RunOld, setup, row.f)) {
      std::fprintf(stderr, "the %s run failed\n", row.name);
      return 1;
    }
    if (!row.f.ok) {
      std::fprintf(stderr, "the %s store refused a fact\n", row.name);
      return 1;
    }
  }

  std::printf(
      "\n| layout | applications | RSS growth | RSS B/staff-day | Report() bytes | Report() B/staff-day | of which "
      "sketches "
      "| partials (day + month) | RSS B/partial | Report() B/partial | VmHWM |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& [name, f] : rows) {
    const double rss = static_cast<double>(f.rss_after_kib - f.rss_before_kib) * 1024;
    const double partials = static_cast<double>(f.day_partials + f.month_partials);
    const std::string sketches =
        f.sketch_bytes < 0 ? "—" : std::to_string(f.sketch_bytes * 100 / std::max(1LL, f.report_bytes)) + " %";
    std::printf("| %s | %lld | %.1f MiB | %.0f | %.1f MiB | %.0f | %s | %lld + %lld | %.1f | %.1f | %.1f MiB |\n", name,
                f.facts, rss / (1 << 20), rss / staff_days, static_cast<double>(f.report_bytes) / (1 << 20),
                static_cast<double>(f.report_bytes) / staff_days, sketches.c_str(), f.day_partials, f.month_partials,
                rss / partials, static_cast<double>(f.report_bytes) / partials, static_cast<double>(f.hwm_kib) / 1024);
  }
  std::printf(
      "\n| layout (applications per CPU second) | add | retract (%s) | re-add | day partials after the "
      "retraction | range reads/s |\n|---|---|---|---|---|---|\n",
      "a tenth of the staff-days, wholly");
  for (const auto& [name, f] : rows) {
    std::printf("| %s | %.0f | %.0f | %.0f | %lld of %lld | %.0f |\n", name, static_cast<double>(f.facts) / f.add_s,
                static_cast<double>(f.retracted) / f.retract_s, static_cast<double>(f.retracted) / f.readd_s,
                f.day_partials_retracted, f.day_partials, static_cast<double>(f.ranges) / f.range_s);
  }
  const bool equal = rows.size() < 2 || SameValues(rows[0].f, rows[1].f);
  if (rows.size() == 2) {
    const double ratio = static_cast<double>(rows[1].f.rss_after_kib - rows[1].f.rss_before_kib) /
                         static_cast<double>(std::max(1LL, rows[0].f.rss_after_kib - rows[0].f.rss_before_kib));
    std::printf(
        "\nsame values in both layouts (%lld range reads each): %s; the first layout takes %.2fx the "
        "compact rows' RSS\n",
        rows[0].f.ranges, equal ? "yes" : "NO", ratio);
  }
  if (json) {
    std::printf("{\"staff\": %d, \"departments\": %d, \"days\": %d, \"equal\": %s", staff, departments, day_count,
                equal ? "true" : "false");
    for (const auto& [name, f] : rows) {
      const double rss = static_cast<double>(f.rss_after_kib - f.rss_before_kib) * 1024;
      std::printf(
          ", \"%s\": {\"rss_bytes_per_staff_day\": %.1f, \"report_bytes_per_staff_day\": %.1f, "
          "\"add_per_s\": %.0f, \"retract_per_s\": %.0f}",
          name[0] == 'c' ? "compact" : "first", rss / staff_days, static_cast<double>(f.report_bytes) / staff_days,
          static_cast<double>(f.facts) / f.add_s, static_cast<double>(f.retracted) / f.retract_s);
    }
    std::printf("}\n");
  }
  return equal ? 0 : 1;
}
