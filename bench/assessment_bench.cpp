// Assessment measures benchmark: how long SqlMeasureSource::Values takes for every default measure,
// per staff member and per department (subtree roll-up), for one month and for a whole year, on a
// data set the size of a large service centre.
//
//   assessment_bench [--scale S|L] [--staff N] [--departments N] [--tickets N] [--db URL]
//                    [--dir DIR] [--reuse] [--repeat N] [--periods-only]
//
// --scale L (default): 1,000 staff, 60 departments, 300,000 tickets over 2025; --scale S: 100 staff,
// 10 departments, 100,000 tickets. --db runs on that (empty) database instead of a new SQLite file
// in --dir: a PostgreSQL URI (start a cluster with scripts/pg.sh start DIR). --reuse keeps a
// database that already holds tickets and only times the queries. --repeat N times each query N
// times and prints the fastest (the steadier figure on a shared machine). Then periods: a 三率
// scheme for every staff member (first response, on-time closure, satisfaction), each month of
// 2025 evaluated for all assessees (PeriodService::Step evaluate: the measures, the snapshot, the
// results and their SHA-256), published, locked and verified (recomputed from the snapshot,
// bit-identical), then the year rolled up from the twelve locked months, verified the same way.
// --periods-only skips the table of measures.
//
// The generator writes straight into the tables in bulk (multi-row INSERTs with bound values, one
// write job per 5,000 tickets), deterministically (splitmix64, fixed seed), and writes what live
// operation writes, attribution included (docs/assessment.md): tickets with their resolver, SLA
// timers (first response, resolution, and sign-for on a transfer) decided and charged when they
// stop or breach, callbacks charged to the resolver they rate, complaints about a staff member and
// department, transfers with send-backs marking the wrong transfer (sent_back_by), reopenings
// charged to the resolver being reopened. No events: measures never read the log. Not a test: it
// prints figures and exits non-zero only when the database refuses the data or a query fails.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assessment/facts.h"
#include "assessment/measure.h"
#include "assessment/measure_source.h"
#include "assessment/period_service.h"
#include "base/clock.h"
#include "base/json.h"
#include "desk/repo/facts.h"
#include "org/rules.h"
#include "storage/database.h"

namespace {

using namespace sqm;
using Wall = std::chrono::steady_clock;
using storage::Value;

constexpr std::uint64_t kSeed = 20261204;
constexpr TimeMs kMinute = 60'000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
constexpr TimeMs kYearStart = 1'735'689'600'000;  // 2025-01-01T00:00:00Z
constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr int kTicketsPerJob = 5000;

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::int64_t Below(std::int64_t n) { return static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(n)); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) / 9007199254740992.0 < p; }

 private:
  std::uint64_t state_;
};

TimeMs MonthStart(int month) {  // 0..12
  TimeMs at = kYearStart;
  for (int m = 0; m < month; ++m) at += kDaysInMonth[m] * kDay;
  return at;
}

// Rows of one table, written as multi-row INSERTs of at most `per_statement` rows.
class Bulk {
 public:
  Bulk(std::string table, std::vector<std::string> columns) : table_(std::move(table)), columns_(std::move(columns)) {}
  void Add(std::initializer_list<Value> row) { values_.insert(values_.end(), row); }
  std::size_t rows() const { return values_.size() / columns_.size(); }

  Status Flush(storage::Connection& db) {
    const std::size_t width = columns_.size();
    const std::size_t per_statement = 20000 / width;
    for (std::size_t first = 0; first < rows(); first += per_statement) {
      const std::size_t n = std::min(per_statement, rows() - first);
      SQM_TRY(db.Exec(Sql(n), std::span<const Value>(values_.data() + first * width, n * width)));
    }
    values_.clear();
    return {};
  }

 private:
  std::string Sql(std::size_t n) const {
    std::string sql = "INSERT INTO " + table_ + " (";
    std::string tuple = "(";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      sql += (i ? ", " : "") + columns_[i];
      tuple += i ? ", ?" : "?";
    }
    sql += ") VALUES ";
    tuple += ")";
    for (std::size_t i = 0; i < n; ++i) sql += (i ? ", " : "") + tuple;
    return sql;
  }

  std::string table_;
  std::vector<std::string> columns_;
  std::vector<Value> values_;
};

struct Sizes {
  int staff = 1000;
  int departments = 60;
  int tickets = 300'000;
};

struct Counts {
  long long tickets = 0, timers = 0, callbacks = 0, complaints = 0, transfers = 0, reopens = 0;
};

// Departments: 1 the centre; 2..9 eight divisions under it (fewer when there are fewer than 10);
// the rest spread over the divisions. Staff: round robin over every department but the centre.
Status WriteOrganisation(storage::Database& db, const Sizes& s, std::vector<std::int64_t>& department_of) {
  return db.Write("bench", [&](storage::WriteTx& tx) -> Status {
    Bulk departments("departments", {"id", "parent_id", "name", "code", "created_at", "updated_at"});
    const int divisions = std::min(8, s.departments - 1);
    for (int d = 1; d <= s.departments; ++d) {
      Value parent = d == 1 ? Value() : d <= divisions + 1 ? Value(1) : Value(2 + (d - 2) % divisions);
      departments.Add({d, parent, fmt::format("部门 {}", d), fmt::format("D{:03}", d), kYearStart, kYearStart});
    }
    SQM_TRY(departments.Flush(tx.db()));
    Bulk staff("staff",
               {"id", "username", "display_name", "department_id", "password_hash", "created_at", "updated_at"});
    department_of.assign(s.staff + 1, 0);
    for (int p = 1; p <= s.staff; ++p) {
      department_of[p] = 2 + (p - 1) % (s.departments - 1);
      staff.Add(
          {p, fmt::format("agent{}", p), fmt::format("坐席 {}", p), department_of[p], "x", kYearStart, kYearStart});
    }
    return staff.Flush(tx.db());
  });
}

// Every ticket of the year in time order, with what its life left in the other tables.
Result<Counts> WriteTickets(storage::Database& db, const Sizes& s, const std::vector<std::int64_t>& department_of) {
  static const char* const kTypes[] = {"incident",     "incident",     "incident",  "incident",
                                       "request",      "request",      "request",   "request",
                                       "consultation", "consultation", "complaint", "suggestion"};
  static const char* const kChannels[] = {"phone", "email", "chat", "portal", "wechat", "walk_in"};
  static const char* const kSatisfaction[] = {"satisfied",    "satisfied", "satisfied",           "satisfied",
                                              "satisfied",    "satisfied", "basically_satisfied", "basically_satisfied",
                                              "dissatisfied", "not_rated"};
  static const char* const kComplaintCategories[] = {"attitude", "efficiency", "professionalism", "outcome"};
  Random rnd(kSeed);
  Counts n;
  std::int64_t timer_id = 0, callback_id = 0, transfer_id = 0, reopen_id = 0;
  const TimeMs year = MonthStart(12) - kYearStart;

  Bulk tickets("tickets", {"id",
                           "type",
                           "channel",
                           "priority",
                           "status",
                           "title",
                           "department_id",
                           "origin_department_id",
                           "assignee_id",
                           "created_by",
                           "transfer_count",
                           "sendback_count",
                           "reopen_count",
                           "created_at",
                           "accepted_at",
                           "first_response_at",
                           "resolved_at",
                           "closed_at",
                           "updated_at",
                           "resolved_by",
                           "resolved_department_id"});
  Bulk timers("sla_timers", {"id", "ticket_id", "kind", "policy_id", "policy_version", "target_minutes",
                             "calendar_code", "warning_fraction", "started_at", "stopped_at", "breach_fired_at",
                             "state", "due_at", "overrun_business_ms", "overrun_wall_ms", "staff_id", "department_id"});
  Bulk callbacks("callbacks", {"id", "ticket_id", "created_at", "due_at", "done_at", "done_by", "reached", "resolved",
                               "satisfaction", "staff_id", "department_id"});
  Bulk complaints("complaints", {"ticket_id", "category", "about_staff_id", "about_department_id", "severity",
                                 "deadline_at", "substantiated", "communicated_at"});
  Bulk transfers("ticket_transfers", {"id", "ticket_id", "from_department_id", "to_department_id", "to_assignee_id",
                                      "reason", "sendback", "by_id", "at", "sent_back_by"});
  Bulk reopens("ticket_reopens", {"id", "ticket_id", "at", "staff_id", "department_id", "reason"});

  // A decided timer: met when it stopped within its target, else breached at the target (and
  // charged then to whoever held the ticket; a later stop writes the holder again).
  auto timer = [&](std::int64_t ticket, const char* kind, int target_minutes, TimeMs start, TimeMs stop,
                   std::int64_t staff, std::int64_t department) {
    const TimeMs due = start + target_minutes * kMinute;
    const bool met = stop <= due;
    timers.Add({++timer_id, ticket, kind, 1, 1, target_minutes, "24x7", 0.75, start, stop, met ? Value() : Value(due),
                met ? "met" : "breached", due, met ? 0 : stop - due, met ? 0 : stop - due, staff, department});
    ++n.timers;
  };

  for (std::int64_t id = 1; id <= s.tickets; ++id) {
    const TimeMs created = kYearStart + (id - 1) * year / s.tickets + rnd.Below(year / s.tickets + 1);
    const char* type = kTypes[rnd.Below(12)];
    const int priority = 1 + static_cast<int>(rnd.Below(4));
    const std::int64_t agent = 1 + rnd.Below(s.staff);
    std::int64_t holder = agent;
    std::int64_t department = department_of[agent];
    const std::int64_t origin = department;
    const TimeMs first_response = created + (1 + rnd.Below(rnd.Chance(0.9) ? 30 : 240)) * kMinute;
    timer(id, "first_response", 30, created, first_response, holder, department);

    // 15 % are transferred once to another staff member's department; a fifth of those come back.
    int transfer_count = 0, sendback_count = 0;
    TimeMs at = first_response + rnd.Below(2 * kHour);
    if (rnd.Chance(0.15)) {
      const std::int64_t to = 1 + rnd.Below(s.staff);
      const std::int64_t out = ++transfer_id;
      ++transfer_count;
      const TimeMs signed_for = at + (1 + rnd.Below(90)) * kMinute;
      if (rnd.Chance(0.2)) {
        const std::int64_t back = ++transfer_id;
        transfers.Add({out, id, department, department_of[to], to, "转派", 0, holder, at, back});
        transfers.Add(
            {back, id, department_of[to], department, holder, "退单：非本部门职责", 1, to, signed_for, Value()});
        timer(id, "handover", 60, at, signed_for, to, department_of[to]);
        ++sendback_count;
        ++transfer_count;
        n.transfers += 2;
        at = signed_for;
      } else {
        transfers.Add({out, id, department, department_of[to], to, "转派", 0, holder, at, Value()});
        timer(id, "handover", 60, at, signed_for, to, department_of[to]);
        ++n.transfers;
        holder = to;
        department = department_of[to];
        at = signed_for;
      }
    }

    // 3 % cancelled, 5 % still open (the most recent ones more often), the rest resolved; 90 % of
    // the resolved are closed after their callback.
    const bool recent = created > kYearStart + year - 20 * kDay;
    const bool cancelled = rnd.Chance(0.03);
    const bool open = !cancelled && (rnd.Chance(0.03) || (recent && rnd.Chance(0.3)));
    const int resolution_target = priority <= 2 ? 240 : 1440;
    const bool needs_resolution = std::string_view(type) != "consultation";
    std::string status = cancelled ? "cancelled" : open ? "in_progress" : "closed";
    Value resolved_at, closed_at, resolved_by, resolved_department;
    int reopen_count = 0;
    if (!cancelled && !open) {
      TimeMs resolved = at + (5 + rnd.Below(rnd.Chance(0.85) ? resolution_target : 4 * resolution_target)) * kMinute;
      if (rnd.Chance(0.04)) {  // reopened once, charged to the resolver it reopens
        const TimeMs reopened = resolved + (1 + rnd.Below(48)) * kHour;
        reopens.Add({++reopen_id, id, reopened, holder, department, "客户反馈未解决"});
        ++n.reopens;
        ++reopen_count;
        resolved = reopened + (30 + rnd.Below(600)) * kMinute;
      }
      if (needs_resolution) timer(id, "resolution", resolution_target, created, resolved, holder, department);
      resolved_at = resolved;
      resolved_by = holder;
      resolved_department = department;
      if (rnd.Chance(0.8)) {
        const bool done = rnd.Chance(0.92);
        const TimeMs done_at = resolved + (10 + rnd.Below(rnd.Chance(0.85) ? 1400 : 4000)) * kMinute;
        const char* satisfaction = kSatisfaction[rnd.Below(10)];
        callbacks.Add({++callback_id, id, resolved, resolved + kDay, done ? Value(done_at) : Value(),
                       done ? Value(agent) : Value(), done ? Value(1) : Value(), done ? Value("resolved") : Value(),
                       done ? Value(satisfaction) : Value(), holder, department});
        ++n.callbacks;
        if (done) closed_at = done_at;
      }
      if (closed_at.is_null()) status = "resolved";
    } else if (open && needs_resolution && created + resolution_target * kMinute < MonthStart(12) - kDay) {
      // An open ticket past its target has breached; the breach is charged to its holder.
      const TimeMs due = created + resolution_target * kMinute;
      timers.Add({++timer_id, id, "resolution", 1, 1, resolution_target, "24x7", 0.75, created, Value(), due,
                  "breached", due, 0, 0, holder, department});
      ++n.timers;
    }
    if (std::string_view(type) == "complaint") {
      const std::int64_t about = 1 + rnd.Below(s.staff);
      const TimeMs deadline = created + 5 * kDay;
      const int finding = static_cast<int>(rnd.Below(10));  // 4 substantiated, 4 not, 2 undecided
      complaints.Add({id, kComplaintCategories[rnd.Below(4)], about, department_of[about],
                      1 + static_cast<int>(rnd.Below(3)), deadline,
                      finding < 4   ? Value(1)
                      : finding < 8 ? Value(0)
                                    : Value(),
                      rnd.Chance(0.9) ? Value(created + (1 + rnd.Below(7 * 24)) * kHour) : Value()});
      ++n.complaints;
    }
    tickets.Add({id,
                 type,
                 kChannels[rnd.Below(6)],
                 priority,
                 status,
                 fmt::format("工单 {}", id),
                 department,
                 origin,
                 holder,
                 agent,
                 transfer_count,
                 sendback_count,
                 reopen_count,
                 created,
                 created,
                 first_response,
                 resolved_at,
                 closed_at,
                 created,
                 resolved_by,
                 resolved_department});
    ++n.tickets;

    if (id % kTicketsPerJob == 0 || id == s.tickets) {
      SQM_TRY(db.Write("bench", [&](storage::WriteTx& tx) -> Status {
        for (auto* b : {&tickets, &timers, &callbacks, &complaints, &transfers, &reopens}) SQM_TRY(b->Flush(tx.db()));
        return {};
      }));
    }
  }
  return n;
}

double Seconds(Wall::time_point since) {
  return std::chrono::duration<double>(Wall::now() - since).count();
}

}  // namespace

// A principal with a role's permissions, acting as staff member `id`.
org::Principal As(std::int64_t id, const std::string& role) {
  org::Principal p;
  p.staff_id = id;
  p.username = fmt::format("agent{}", id);
  p.roles = {role};
  p.permissions = org::PermissionsOf(p.roles);
  p.scope.all = true;
  return p;
}

template <typename T>
bool Check(const Result<T>& r, const char* what) {
  if (!r.ok()) std::cerr << what << ": " << r.error().field << " " << r.error().message << "\n";
  return r.ok();
}

// Every month of the year and the year for every staff member: evaluate (timed), publish, lock,
// verify (timed).
bool EvaluateAndVerify(storage::Database& db, assessment::SqlMeasureSource& source, const Clock& clock) {
  using namespace assessment;
  // Every bench staff member is an agent (assessed); 1 and 2 act as quality and executive.
  auto roles = db.Write("bench", [](storage::WriteTx& tx) {
    return tx.db().Exec(
        "INSERT INTO staff_roles (staff_id, role) SELECT s.id, 'agent' FROM staff s WHERE NOT EXISTS"
        " (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = 'agent')");
  });
  if (!roles.ok()) {
    std::cerr << "roles: " << roles.error().message << "\n";
    return false;
  }
  PeriodService svc(db, clock, source, [](const std::string&) { return nullptr; });
  const org::Principal quality = As(1, "quality"), executive = As(2, "executive");
  const std::string tag = fmt::format("{}", clock.Now());
  const std::pair<const char*, const char*> library[] = {
      {"response", "first_response_attainment"}, {"closure", "on_time_closure"}, {"satisfaction", "satisfaction_rate"}};
  for (const auto& [code, measure] : library) {
    Indicator ind{.code = fmt::format("bench_{}_{}", code, tag),
                  .name = {code, code},
                  .definition = {},
                  .unit = "percent",
                  .direction = Direction::kHigherIsBetter,
                  .kind = IndicatorKind::kComputed,
                  .formula = measure,
                  .target = 95.0,
                  .updated_at = 0};
    if (!Check(svc.SaveIndicator(quality, ind, true), "indicator")) return false;
  }
  const std::string document = fmt::format(R"({{"tree": {{"code": "total", "max_points": 100, "children": [
    {{"code": "response", "max_points": 30, "indicator": {{"code": "bench_response_{0}", "rule": {{"kind": "weighted_rate"}}}}}},
    {{"code": "closure", "max_points": 35, "indicator": {{"code": "bench_closure_{0}", "rule": {{"kind": "linear", "floor": 60, "target": 95}}}}}},
    {{"code": "satisfaction", "max_points": 35, "indicator": {{"code": "bench_satisfaction_{0}",
      "rule": {{"kind": "threshold_deduction", "threshold": 98, "per_unit": 0.5, "min_points": 17.5}}}}}}]}},
    "rounding": {{"decimals": 2}}, "small_sample": "wilson_lower", "min_volume": 20, "appeal_days": 5}})",
                                           tag);
  auto scheme = svc.CreateScheme(quality, {"bench-" + tag, {"三率", "Three rates"}, SubjectKind::kStaff});
  if (!Check(scheme, "scheme")) return false;
  auto version = svc.AddVersion(quality, scheme->id, json::Parse(document).value());
  if (!Check(version, "version") || !Check(svc.ApproveVersion(executive, scheme->id, 1, 0), "approve")) return false;
  // Each month: collect, evaluate (timed), publish, lock, verify (timed); then the year, which
  // rolls up the twelve locked months.
  struct Timing {
    std::string name;
    double evaluate_ms = 0, verify_ms = 0;
    long long assessees = 0, ranked = 0;
  };
  const auto run = [&](const PeriodDraft& draft) -> std::optional<Timing> {
    auto period = svc.CreatePeriod(quality, draft);
    if (!Check(period, "period") || !Check(svc.Step(quality, period->id, PeriodStep::kCollect), "collect")) return {};
    Timing t{.name = draft.name};
    auto started = Wall::now();
    if (!Check(svc.Step(quality, period->id, PeriodStep::kEvaluate), "evaluate")) return {};
    t.evaluate_ms = Seconds(started) * 1000;
    PeriodCounts counts;
    (void)svc.GetPeriod(quality, period->id, &counts);
    t.assessees = counts.assessees;
    t.ranked = counts.ranked;
    if (!Check(svc.Step(quality, period->id, PeriodStep::kPublish), "publish") ||
        !Check(svc.Step(quality, period->id, PeriodStep::kLock), "lock")) {
      return {};
    }
    started = Wall::now();
    auto verified = svc.Verify(quality, period->id);
    t.verify_ms = Seconds(started) * 1000;
    if (!Check(verified, "verify")) return {};
    if (!verified->identical) {
      std::cerr << draft.name << ": the locked period did not verify\n";
      return {};
    }
    return t;
  };

  fmt::print("\nPeriods: every month of 2025 and the year, a 三率 scheme for every staff member\n");
  fmt::print("evaluate = measures, snapshot, results, SHA-256, one write; verify = recompute a locked period\n");
  fmt::print(
      "from its snapshot and compare with the stored text and SHA-256 (identical every time, or the bench fails)\n");
  fmt::print("{:<10} {:>10} {:>8} {:>14} {:>12}\n", "period", "assessees", "ranked", "evaluate ms", "verify ms");
  std::vector<double> evaluate_ms, verify_ms;
  for (int m = 0; m < 12; ++m) {
    auto t = run({fmt::format("2025-{:02}", m + 1), scheme->id, PeriodKind::kMonth, MonthStart(m), MonthStart(m + 1)});
    if (!t) return false;
    fmt::print("{:<10} {:>10} {:>8} {:>14.1f} {:>12.1f}\n", t->name, t->assessees, t->ranked, t->evaluate_ms,
               t->verify_ms);
    evaluate_ms.push_back(t->evaluate_ms);
    verify_ms.push_back(t->verify_ms);
  }
  std::ranges::sort(evaluate_ms);
  std::ranges::sort(verify_ms);
  fmt::print("{:<10} {:>10} {:>8} {:>14.1f} {:>12.1f}   (median of the months; slowest {:.1f} / {:.1f})\n", "median",
             "", "", (evaluate_ms[5] + evaluate_ms[6]) / 2, (verify_ms[5] + verify_ms[6]) / 2, evaluate_ms.back(),
             verify_ms.back());
  auto year = run({"2025", scheme->id, PeriodKind::kYear, MonthStart(0), MonthStart(12)});
  if (!year) return false;
  fmt::print("{:<10} {:>10} {:>8} {:>14.1f} {:>12.1f}   (rolled up from the 12 locked months)\n", year->name,
             year->assessees, year->ranked, year->evaluate_ms, year->verify_ms);
  return true;
}

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it is printed, also into a file
  Sizes sizes;
  std::string url, dir = (std::filesystem::temp_directory_path() / "assessment_bench").string();
  bool reuse = false;
  bool periods_only = false;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--scale" && has_value) {
      const std::string scale = argv[++i];
      if (scale == "S") sizes = {100, 10, 100'000};
    } else if (a == "--staff" && has_value) {
      sizes.staff = std::stoi(argv[++i]);
    } else if (a == "--departments" && has_value) {
      sizes.departments = std::max(2, std::stoi(argv[++i]));
    } else if (a == "--tickets" && has_value) {
      sizes.tickets = std::stoi(argv[++i]);
    } else if (a == "--db" && has_value) {
      url = argv[++i];
    } else if (a == "--dir" && has_value) {
      dir = argv[++i];
    } else if (a == "--repeat" && has_value) {
      repeat = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--reuse") {
      reuse = true;
    } else if (a == "--periods-only") {
      periods_only = true;
    } else {
      std::cerr << "usage: assessment_bench [--scale S|L] [--staff N] [--departments N] [--tickets N] [--db URL]"
                   " [--dir DIR] [--reuse] [--repeat N] [--periods-only]\n";
      return 2;
    }
  }
  const std::filesystem::path file = std::filesystem::path(dir) / "sqm.db";
  if (url.empty()) {
    std::filesystem::create_directories(dir);
    if (!reuse) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    }
  }

  SystemClock clock;
  storage::Database db(storage::DatabaseOptions{url.empty() ? file.string() : url, "NORMAL"}, clock);
  db.Migrate();
  const bool postgres = db.dialect() == storage::Dialect::kPostgres;
  const auto existing =
      db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM tickets")->Int(0); });

  if (existing == 0) {
    fmt::print("generating {} staff, {} departments, {} tickets over 2025 on {}\n", sizes.staff, sizes.departments,
               sizes.tickets, postgres ? "PostgreSQL" : "SQLite");
    const auto started = Wall::now();
    std::vector<std::int64_t> department_of;
    auto org = WriteOrganisation(db, sizes, department_of);
    if (!org.ok()) {
      std::cerr << "organisation: " << org.error().message << "\n";
      return 1;
    }
    auto counts = WriteTickets(db, sizes, department_of);
    if (!counts.ok()) {
      std::cerr << "tickets: " << counts.error().message << "\n";
      return 1;
    }
    const double written = Seconds(started);
    auto analyzed = db.Write("bench", [](storage::WriteTx& tx) { return tx.db().Exec("ANALYZE"); });
    if (!analyzed.ok()) std::cerr << "ANALYZE: " << analyzed.error().message << "\n";
    fmt::print(
        "written in {:.1f} s (+ ANALYZE {:.1f} s): {} tickets, {} SLA timers, {} callbacks, {} complaints, {} "
        "transfers, {} reopenings\n",
        written, Seconds(started) - written, counts->tickets, counts->timers, counts->callbacks, counts->complaints,
        counts->transfers, counts->reopens);
  } else {
    fmt::print("reusing the {} tickets in the database\n", existing);
  }

  if (postgres) {
    const auto bytes = db.Read(
        [](storage::Connection& c) { return c.QueryOne("SELECT pg_database_size(current_database())")->Int(0); });
    fmt::print("database size: {:.1f} MiB\n", static_cast<double>(bytes) / (1 << 20));
  } else {
    std::error_code none;
    const auto wal = std::filesystem::file_size(file.string() + "-wal", none);
    fmt::print("database size: {:.1f} MiB (and {:.1f} MiB of WAL)\n",
               static_cast<double>(std::filesystem::file_size(file)) / (1 << 20),
               none ? 0.0 : static_cast<double>(wal) / (1 << 20));
  }

  assessment::FactRegistry facts;
  facts.Register(desk::repo::FactSources());
  assessment::SqlMeasureSource source(db, facts);
  struct Window {
    const char* name;
    TimeMs from, to;
  };
  const Window windows[] = {{"June", MonthStart(5), MonthStart(6)}, {"year", MonthStart(0), MonthStart(12)}};
  const std::pair<const char*, assessment::SubjectKind> kinds[] = {
      {"staff", assessment::SubjectKind::kStaff}, {"department", assessment::SubjectKind::kDepartment}};
  std::vector<std::string> codes;
  for (const auto& m : assessment::BuiltinMeasures()) codes.push_back(m.code);

  // One query, timed `repeat` times: the fastest, and how many subjects had a value.
  auto time = [&](assessment::SubjectKind kind, const std::vector<std::string>& measures, const Window& w,
                  std::size_t& subjects) -> double {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
      const auto started = Wall::now();
      auto table = source.Values({kind, measures, w.from, w.to, std::nullopt});
      const double ms = Seconds(started) * 1000;
      if (!table.ok()) {
        std::cerr << "query failed: " << table.error().message << "\n";
        std::exit(1);
      }
      subjects = table->size();
      best = std::min(best, ms);
    }
    return best;
  };

  std::vector<double> totals(4, 0);
  auto row = [&](const std::string& label, const std::vector<std::string>& measures) {
    std::string line = fmt::format("{:<30}", label);
    int column = 0;
    for (const auto& [kind_name, kind] : kinds) {
      for (const auto& w : windows) {
        std::size_t subjects = 0;
        const double ms = time(kind, measures, w, subjects);
        if (measures.size() == 1) totals[column] += ms;
        line += fmt::format(" {:>9.1f} ({:>4})", ms, subjects);
        ++column;
      }
    }
    fmt::print("{}\n", line);
  };
  if (!periods_only) {
    fmt::print("\nSqlMeasureSource::Values, ms (fastest of {}); subjects with a value in brackets\n", repeat);
    fmt::print("{:<30} {:>16} {:>16} {:>16} {:>16}\n", "measure", "staff, June", "staff, year", "dept, June",
               "dept, year");
    for (const auto& code : codes) row(code, {code});
    fmt::print("{:<30} {:>16.1f} {:>16.1f} {:>16.1f} {:>16.1f}\n", "sum of the above", totals[0], totals[1], totals[2],
               totals[3]);
    row("all in one call", codes);
  }
  return EvaluateAndVerify(db, source, clock) ? 0 : 1;
}
