#include "bench/measure_data.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace sqm::bench {

namespace {

using storage::Value;

constexpr std::uint64_t kSeed = 20261204;
constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

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

}  // namespace

TimeMs MonthStart(int month) {  // 0..12
  TimeMs at = kYearStart;
  for (int m = 0; m < month; ++m) at += kDaysInMonth[m] * kDay;
  return at;
}

// Departments: 1 the centre; 2..9 eight divisions under it (fewer when there are fewer than 10);
// the rest spread over the divisions, or above 100 departments 40 sections over the divisions and
// the rest over the sections. Staff: round robin over every department but the centre.
Status WriteOrganisation(storage::Database& db, const Sizes& s, std::vector<std::int64_t>& department_of) {
  return db.Write("bench", [&](storage::WriteTx& tx) -> Status {
    Bulk departments("departments", {"id", "parent_id", "name", "code", "created_at", "updated_at"});
    const int divisions = std::min(8, s.departments - 1);
    const int sections = s.departments > 100 ? 40 : 0;  // 10..49 when there are
    const int first_unit = 2 + divisions + sections;
    for (int d = 1; d <= s.departments; ++d) {
      Value parent = d == 1                            ? Value()
                     : d <= divisions + 1              ? Value(1)
                     : d < first_unit || sections == 0 ? Value(2 + (d - 2) % divisions)
                                                       : Value(2 + divisions + (d - first_unit) % sections);
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
  Random survey_rnd(kSeed + 1);  // its own stream: the tickets are those written before surveys were
  Counts n;
  std::int64_t timer_id = 0, callback_id = 0, transfer_id = 0, reopen_id = 0, invitation_id = 0, rating_id = 0;
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
  Bulk invitations("survey_invitations", {"id", "template_id", "version", "ticket_id", "ticket_number", "ticket_type",
                                          "department_id", "staff_id", "channel", "created_at", "send_at", "expires_at",
                                          "answered_at", "csat", "nps", "ces", "scored"});
  Bulk ratings("survey_callback_ratings",
               {"id", "ticket_id", "satisfaction", "department_id", "staff_id", "channel", "rated_at"});

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
        // The send-back first: the transfer it returns refers to it (and a bulk statement may end
        // between the two).
        transfers.Add(
            {back, id, department_of[to], department, holder, "退单：非本部门职责", 1, to, signed_for, Value()});
        transfers.Add({out, id, department, department_of[to], to, "转派", 0, holder, at, back});
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
    const char* rating = nullptr;  // a callback's satisfaction, copied by feedback when rated
    TimeMs rated_at = 0;
    std::optional<TimeMs> resolved_ms;
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
      resolved_ms = resolved;
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
        if (done && std::string_view(satisfaction) != "not_rated") {
          rating = satisfaction;
          rated_at = done_at;
        }
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
    const char* channel = kChannels[rnd.Below(6)];
    tickets.Add({id,
                 type,
                 channel,
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
    if (rating && s.surveys) {
      ratings.Add({++rating_id, id, rating, department, holder, channel, rated_at});
      ++n.ratings;
    }
    // Half of the resolved tickets get a survey an hour after the resolution, valid 14 days; 60 %
    // are answered within three days (those answered by the end of the year are), each score left
    // out one time in ten. The invitation keeps the resolver's attribution, as feedback writes it.
    if (resolved_ms && s.surveys && survey_rnd.Chance(0.5)) {
      const TimeMs send = *resolved_ms + kHour;
      const TimeMs answered = send + (1 + survey_rnd.Below(72 * 60)) * kMinute;
      const bool answers = survey_rnd.Chance(0.6) && answered < MonthStart(12);
      auto score = [&](int lowest, int highest, int skew) -> Value {
        if (!answers || survey_rnd.Chance(0.1)) return Value();
        // skewed towards the top, as satisfaction scores are
        return std::min<std::int64_t>(highest, lowest + survey_rnd.Below(highest - lowest + 1 + skew));
      };
      const Value csat = score(1, 5, 3), nps = score(0, 10, 4), ces = score(1, 7, 2);
      invitations.Add({++invitation_id, 1, 1, id, fmt::format("T{:06d}", id), type, department, holder, channel,
                       *resolved_ms, send, send + 14 * kDay, answers ? Value(answered) : Value(), csat, nps, ces,
                       answers ? 1 : 0});
      ++n.invitations;
      if (answers) ++n.answers;
    }

    if (id % s.tickets_per_job == 0 || id == s.tickets) {
      SQM_TRY(db.Write("bench", [&](storage::WriteTx& tx) -> Status {
        for (auto* b : {&tickets, &timers, &callbacks, &complaints, &transfers, &reopens, &invitations, &ratings}) {
          SQM_TRY(b->Flush(tx.db()));
        }
        return {};
      }));
    }
  }
  return n;
}

}  // namespace sqm::bench

namespace sqm::bench {

namespace {

constexpr const char* kLoadedTables[] = {
    "tickets",          "sla_timers",     "callbacks",          "complaints",
    "ticket_transfers", "ticket_reopens", "survey_invitations", "survey_callback_ratings"};

}  // namespace

Result<std::vector<std::string>> DropIndexesForLoad(storage::Database& db) {
  std::vector<std::string> out;
  if (db.dialect() != storage::Dialect::kSqlite) return out;
  SQM_TRY(db.Write("bench", [&](storage::WriteTx& tx) -> Status {
    // Indexes of constraints (primary keys, UNIQUE) have no SQL text and stay.
    for (const char* table : kLoadedTables) {
      for (const auto& r : tx.db().Query(
               "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
               {table})) {
        out.push_back(r.Text(1));
        SQM_TRY(tx.db().Exec("DROP INDEX " + r.Text(0)));
      }
    }
    return {};
  }));
  return out;
}

Status RestoreIndexes(storage::Database& db, const std::vector<std::string>& statements) {
  return db.Write("bench", [&](storage::WriteTx& tx) -> Status {
    for (const auto& sql : statements) SQM_TRY(tx.db().Exec(sql));
    return {};
  });
}

namespace {

double SecondsSince(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Writes the year into an empty database, as fast as SQLite takes it: synchronous=OFF and a 1 GiB
// page cache on a connection of its own, the secondary indexes built after the rows.
bool Generate(const std::string& url, const Sizes& sizes) {
  SystemClock clock;
  storage::Database db(storage::DatabaseOptions{url, "OFF"}, clock);
  const bool postgres = db.dialect() == storage::Dialect::kPostgres;
  fmt::print("generating {} staff, {} departments, {} tickets over 2025 on {}\n", sizes.staff, sizes.departments,
             sizes.tickets, postgres ? "PostgreSQL" : "SQLite");
  const auto started = std::chrono::steady_clock::now();
  if (!postgres) {
    auto cache = db.Write("bench", [](storage::WriteTx& tx) { return tx.db().Exec("PRAGMA cache_size = -1048576"); });
    if (!cache.ok()) std::cerr << "cache_size: " << cache.error().message << "\n";
  }
  auto indexes = DropIndexesForLoad(db);
  if (!indexes.ok()) {
    std::cerr << "indexes: " << indexes.error().message << "\n";
    return false;
  }
  std::vector<std::int64_t> department_of;
  auto org = WriteOrganisation(db, sizes, department_of);
  if (!org.ok()) {
    std::cerr << "organisation: " << org.error().message << "\n";
    return false;
  }
  auto counts = WriteTickets(db, sizes, department_of);
  if (!counts.ok()) {
    std::cerr << "tickets: " << counts.error().message << "\n";
    return false;
  }
  const double rows_s = SecondsSince(started);
  auto restored = RestoreIndexes(db, *indexes);
  if (!restored.ok()) {
    std::cerr << "indexes: " << restored.error().message << "\n";
    return false;
  }
  const double indexes_s = SecondsSince(started) - rows_s;
  auto analyzed = db.Write("bench", [](storage::WriteTx& tx) { return tx.db().Exec("ANALYZE"); });
  if (!analyzed.ok()) std::cerr << "ANALYZE: " << analyzed.error().message << "\n";
  fmt::print(
      "written in {:.1f} s: rows {:.1f} s, {} indexes built again {:.1f} s, ANALYZE {:.1f} s; {} tickets, {} SLA "
      "timers, {} callbacks, {} complaints, {} transfers, {} reopenings, {} survey invitations ({} answered), {} "
      "callback ratings\n",
      SecondsSince(started), rows_s, indexes->size(), indexes_s, SecondsSince(started) - rows_s - indexes_s,
      counts->tickets, counts->timers, counts->callbacks, counts->complaints, counts->transfers, counts->reopens,
      counts->invitations, counts->answers, counts->ratings);
  return true;
}

}  // namespace

std::optional<std::string> PrepareDatabase(const std::string& dir, const std::string& url, bool reuse,
                                           const Sizes& sizes) {
  const std::filesystem::path file = std::filesystem::path(dir) / "sqm.db";
  if (url.empty()) {
    std::filesystem::create_directories(dir);
    if (!reuse) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    }
  }
  const std::string where = url.empty() ? file.string() : url;
  long long existing = 0;
  {
    SystemClock clock;
    storage::Database db(storage::DatabaseOptions{where, "NORMAL"}, clock);
    db.Migrate();
    existing = db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM tickets")->Int(0); });
  }
  // The load runs on a connection of its own (synchronous=OFF), closed before the measurements.
  if (existing > 0) fmt::print("reusing the {} tickets in the database\n", existing);
  if (existing == 0 && !Generate(where, sizes)) return std::nullopt;
  return where;
}

bool TakeDataOption(int argc, char** argv, int& i, DataOptions& o) {
  const std::string_view a = argv[i];
  if (a == "--reuse") {
    o.reuse = true;
    return true;
  }
  if (i + 1 >= argc) return false;
  const char* value = argv[i + 1];
  if (a == "--staff") {
    o.sizes.staff = std::stoi(value);
  } else if (a == "--departments") {
    o.sizes.departments = std::max(2, std::stoi(value));
  } else if (a == "--tickets") {
    o.sizes.tickets = std::stoll(value);
  } else if (a == "--db") {
    o.url = value;
  } else if (a == "--dir") {
    o.dir = value;
  } else {
    return false;
  }
  ++i;
  return true;
}

}  // namespace sqm::bench
