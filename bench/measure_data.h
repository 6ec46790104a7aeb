// Generated data for the assessment measures, shared by the benchmark (assessment_bench) and the
// engine's equality test (assessment/engine_source_test.cpp): a year (2025) of a service centre
// written straight into the tables in bulk (multi-row INSERTs with bound values, one write job per
// 5,000 tickets), deterministically (splitmix64, fixed seed), as live operation writes it,
// attribution included (docs/assessment.md): tickets with their resolver, SLA timers (first
// response, resolution, and sign-for on a transfer) decided and charged when they stop or breach,
// callbacks charged to the resolver they rate, complaints about a staff member and department,
// transfers with send-backs marking the wrong transfer (sent_back_by), reopenings charged to the
// resolver being reopened; with Sizes::surveys, survey invitations sent after a resolution (half of
// them, 60 % answered with CSAT, NPS and CES) and the callback ratings feedback copies from the
// desk. No events: measures never read the log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "storage/database.h"

namespace sqm::bench {

constexpr TimeMs kMinute = 60'000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
constexpr TimeMs kYearStart = 1'735'689'600'000;  // 2025-01-01T00:00:00Z

// The start of month `month` (0..12) of 2025, UTC.
TimeMs MonthStart(int month);

struct Sizes {
  int staff = 1000;
  int departments = 60;
  long long tickets = 300'000;
  int tickets_per_job = 5000;  // tickets per write job (one transaction)
  bool surveys = false;        // survey invitations and callback ratings too (the feedback measures' facts)
};

struct Counts {
  long long tickets = 0, timers = 0, callbacks = 0, complaints = 0, transfers = 0, reopens = 0;
  long long invitations = 0, answers = 0, ratings = 0;
};

// Departments: 1 the centre; 2..9 eight divisions under it (fewer when there are fewer than 10);
// up to 100 departments the rest spread over the divisions; above 100, 40 sections spread over the
// divisions and the rest (the handling units) over the sections: four levels, as a provincial
// hotline's centre, districts, bureaus and their units. Staff: round robin over every department
// but the centre; `department_of[p]` is staff member p's.
Status WriteOrganisation(storage::Database& db, const Sizes& s, std::vector<std::int64_t>& department_of);

// Every ticket of the year in time order, with what its life left in the other tables.
Result<Counts> WriteTickets(storage::Database& db, const Sizes& s, const std::vector<std::int64_t>& department_of);

// For a bulk load into SQLite: drops the secondary indexes of the tables WriteTickets fills and
// returns their CREATE statements for RestoreIndexes, which builds them again once the rows are in
// (one sort per index instead of a B-tree insert per row). The schema afterwards is the migrated
// one. Nothing on PostgreSQL (an empty list).
Result<std::vector<std::string>> DropIndexesForLoad(storage::Database& db);
Status RestoreIndexes(storage::Database& db, const std::vector<std::string>& statements);

// The benches' database: `url` (PostgreSQL), or DIR/sqm.db (SQLite; removed first unless `reuse`),
// migrated, and generated with `sizes` in bulk when it holds no ticket (secondary indexes dropped
// and built again after the rows; SQLite with synchronous=OFF and a 1 GiB page cache for the load).
// Returns where it is, for DatabaseOptions; nullopt when the generation failed (said on stderr).
std::optional<std::string> PrepareDatabase(const std::string& dir, const std::string& url, bool reuse,
                                           const Sizes& sizes);

// The options of every bench on the generated year (PrepareDatabase's arguments): --staff N
// --departments N --tickets N --db URL --dir DIR --reuse.
struct DataOptions {
  Sizes sizes;
  std::string url;
  std::string dir;
  bool reuse = false;
};
// When argv[i] is one of them, sets it (i moves past its value) and returns true.
bool TakeDataOption(int argc, char** argv, int& i, DataOptions& o);

}  // namespace sqm::bench
