// The engine answers what the SQL answers: on a generated year (bench/measure_data.h: tickets,
// SLA timers, callbacks, complaints, transfers with send-backs, reopenings) with approved
// exclusions, every built-in measure and a few of the organisation's own (sum, min, max, another
// percentile, filters on numbers) for every staff member, every department (its subtree) and
// the organisation, over windows of a day, across a month edge, a month, several months, a year
// end and the year: EngineMeasureSource::Values = SqlMeasureSource::Values (counts and ratios
// exactly, sums and means to 1e-9 relative, percentiles to the sketch's 1 %). SQLite, or
// PostgreSQL under SQM_TEST_DB=postgres.
#include "assessment/engine_source.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "bench/measure_data.h"
#include "desk/repo/facts.h"
#include "feedback/facts.h"
#include "storage/database.h"
#include "storage/testing.h"

namespace sqm::assessment {
namespace {

using bench::kDay;
using bench::MonthStart;

struct Window {
  const char* name;
  TimeMs from_local;  // local wall time of the first day's start
  TimeMs to_local;
};

class EngineSourceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    file_ = new storage::testing::TestDb();
    clock_ = new ManualClock(bench::kYearStart);
    db_ = new storage::Database(storage::DatabaseOptions{file_->url()}, *clock_);
    db_->Migrate();
    registry_ = new FactRegistry();
    registry_->Register(desk::repo::FactSources());
    registry_->Register(feedback::FactSources());
    const bench::Sizes sizes{30, 14, 6000};
    std::vector<std::int64_t> department_of;
    ASSERT_TRUE(bench::WriteOrganisation(*db_, sizes, department_of).ok());
    ASSERT_TRUE(bench::WriteTickets(*db_, sizes, department_of).ok());
    // Two approved exclusions and a requested one (which leaves nothing out).
    Exec(
        {{"INSERT INTO assessment_exclusions (ticket_id, reason_code, evidence, status, requested_by, requested_at)"
          " VALUES (2500, 'duplicate', 'x', 'approved', 1, 0), (2600, 'duplicate', 'x', 'approved', 1, 0),"
          " (2700, 'duplicate', 'x', 'requested', 1, 0)"}});
    zone_ = new calendar::Zone(calendar::Zone::Named("Asia/Shanghai").value());
    // The library has no sum, min or max, and few filters on numbers: the organisation's own
    // measures add them.
    auto own = [](const char* code, const char* source, Aggregation a, const char* filter) {
      Measure m;
      m.code = code;
      m.name = {code, code};
      m.source = source;
      m.aggregation = std::move(a);
      m.filter = filter;
      m.unit = a.kind == AggregationKind::kRatio ? "percent" : "minutes";
      return m;
    };
    const Measure mine[] = {
        own("overrun_sum", "sla_timers", {.kind = AggregationKind::kSum, .field = "overrun_minutes"},
            "breached = true and priority <= 2"),
        own("resolution_min", "tickets", {.kind = AggregationKind::kMin, .field = "resolution_minutes"},
            "resolved = true and channel in ('phone', 'email')"),
        own("resolution_max", "tickets", {.kind = AggregationKind::kMax, .field = "resolution_minutes"},
            "type != 'consultation'"),
        own("callback_p50", "callbacks",
            {.kind = AggregationKind::kPercentile, .field = "minutes_to_callback", .p = 50},
            "satisfaction != 'not_rated'"),
        own("far_transfers", "transfers", {.kind = AggregationKind::kCount},
            "to_department_id > 5 and sendback = false"),
        own("reached_share", "callbacks", {.kind = AggregationKind::kRatio, .numerator_filter = "resolved is not null"},
            "done = true"),
    };
    auto st = db_->Write("test", [&](storage::WriteTx& tx) -> Status {
      for (const Measure& m : mine) SQM_TRY(repo::InsertMeasure(tx.db(), m, 0, 0));
      return {};
    });
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
  static void TearDownTestSuite() {
    delete zone_;
    delete registry_;
    delete db_;
    delete clock_;
    delete file_;
  }

  struct Statement {
    std::string sql;
    std::vector<storage::Value> params;
  };
  // The statements in one write, each with its values bound.
  static void Exec(const std::vector<Statement>& statements) {
    auto st = db_->Write("test", [&](storage::WriteTx& tx) -> Status {
      for (const auto& s : statements) SQM_TRY(tx.db().Exec(s.sql, s.params));
      return {};
    });
    ASSERT_TRUE(st.ok()) << st.error().message;
  }

  // Every measure: the library and the organisation's own.
  static std::vector<std::string> Codes() {
    std::vector<std::string> out;
    for (const Measure& m : SqlMeasureSource(*db_, *registry_).Measures()) out.push_back(m.code);
    return out;
  }

  static AggregationKind KindOf(const std::string& code) {
    return SqlMeasureSource(*db_, *registry_).Find(code).value().aggregation.kind;
  }

  // One value of the engine against the SQL's, with the tolerance of its aggregation.
  static void ExpectSame(const MeasureValue& engine, const MeasureValue& sql, const std::string& code,
                         const std::string& where) {
    const auto kind = KindOf(code);
    EXPECT_EQ(engine.sample, sql.sample) << code << " " << where;
    EXPECT_EQ(engine.ratio.has_value(), sql.ratio.has_value()) << code << " " << where;
    if (engine.ratio && sql.ratio) {
      EXPECT_EQ(engine.ratio->numerator, sql.ratio->numerator) << code << " " << where;
      EXPECT_EQ(engine.ratio->denominator, sql.ratio->denominator) << code << " " << where;
    }
    ASSERT_EQ(engine.value.has_value(), sql.value.has_value()) << code << " " << where << ": no data on one side";
    if (!sql.value.has_value()) return;
    const double e = engine.value.value(), s = sql.value.value();
    if (kind == AggregationKind::kCount || kind == AggregationKind::kRatio) {
      EXPECT_EQ(e, s) << code << " " << where;
    } else if (kind == AggregationKind::kPercentile) {
      EXPECT_LE(std::abs(e - s), 0.01 * std::abs(s) + 1e-9) << code << " " << where;
    } else {
      EXPECT_LE(std::abs(e - s), 1e-9 * std::abs(s) + 1e-12) << code << " " << where;
    }
  }

  static void ExpectSameTables(const MeasureTable& engine, const MeasureTable& sql, const std::string& where) {
    ASSERT_EQ(engine.size(), sql.size()) << where << ": subjects";
    for (const auto& [subject, values] : sql) {
      auto it = engine.find(subject);
      ASSERT_NE(it, engine.end()) << where << ": subject " << subject << " missing";
      ASSERT_EQ(it->second.size(), values.size()) << where << ": measures of " << subject;
      for (const auto& [code, v] : values) {
        ASSERT_TRUE(it->second.contains(code)) << where << ": " << code << " of " << subject;
        ExpectSame(it->second.at(code), v, code, where + " subject " + std::to_string(subject));
      }
    }
  }

  static TimeMs At(TimeMs local) { return zone_->FromLocal(local); }

  // Every measure for staff and departments over [from, to): the engine's values are the SQL's.
  static void ExpectSameAsSql(EngineMeasureSource& engine, TimeMs from, TimeMs to, const std::string& where) {
    SqlMeasureSource sql(*db_, *registry_);
    for (SubjectKind kind : {SubjectKind::kStaff, SubjectKind::kDepartment}) {
      const MeasureQuery q{kind, Codes(), from, to, std::nullopt};
      ExpectSameTables(*engine.Values(q), *sql.Values(q), where);
    }
  }

  // The first row of a query of the test's own (which ticket to change).
  static std::optional<storage::Row> QueryOne(const std::string& sql, std::initializer_list<storage::Value> params) {
    return db_->Read([&](storage::Connection& c) { return c.QueryOne(sql, params); });
  }

  // Windows in the business zone (Asia/Shanghai, UTC+8): the SQL and the store split days alike.
  static std::vector<Window> Windows() {
    return {
        {"a day", MonthStart(2) + 9 * kDay, MonthStart(2) + 10 * kDay},
        {"a month edge to edge", MonthStart(2) + 19 * kDay, MonthStart(3) + 9 * kDay},
        {"a month", MonthStart(5), MonthStart(6)},
        {"across months", MonthStart(1) + 14 * kDay, MonthStart(4) + 2 * kDay},
        {"the year end", MonthStart(11) + 19 * kDay, MonthStart(12) + 4 * kDay},
        {"the year", MonthStart(0), MonthStart(12)},
    };
  }

  static inline storage::testing::TestDb* file_ = nullptr;
  static inline ManualClock* clock_ = nullptr;
  static inline storage::Database* db_ = nullptr;
  static inline FactRegistry* registry_ = nullptr;
  static inline calendar::Zone* zone_ = nullptr;
};

TEST_F(EngineSourceTest, EveryMeasureEqualsTheSqlForEverySubjectAndWindow) {
  SqlMeasureSource sql(*db_, *registry_);
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  const auto size = engine.Report();
  EXPECT_GT(size.day_partials, 0u);
  long long compared = 0;
  std::set<std::string> seen;
  for (const Window& w : Windows()) {
    for (SubjectKind kind : {SubjectKind::kStaff, SubjectKind::kDepartment}) {
      const MeasureQuery q{kind, Codes(), At(w.from_local), At(w.to_local), std::nullopt};
      const auto e = engine.Values(q);
      const auto s = sql.Values(q);
      ASSERT_TRUE(e.ok() && s.ok());
      ASSERT_FALSE(s->empty()) << w.name;
      ExpectSameTables(*e, *s, std::string(w.name) + (kind == SubjectKind::kStaff ? " staff" : " department"));
      for (const auto& [subject, values] : *s) {
        compared += static_cast<long long>(values.size());
        for (const auto& [code, v] : values) seen.insert(code);
      }
    }
    // Every generated fact carries a department under the centre (1): the organisation is the
    // centre's subtree.
    const auto org = engine.OrganisationValues(Codes(), At(w.from_local), At(w.to_local));
    ASSERT_TRUE(org.has_value());
    const auto centre = sql.Values({SubjectKind::kDepartment, Codes(), At(w.from_local), At(w.to_local), {{1}}});
    ASSERT_TRUE(centre.ok());
    ExpectSameTables({{1, *org}}, *centre, std::string(w.name) + " organisation");
  }
  EXPECT_GT(compared, 1000);
  for (const char* code : {"overrun_sum", "resolution_min", "resolution_max", "callback_p50", "far_transfers",
                           "reached_share", "p90_first_response_minutes", "complaints_per_1000_tickets"}) {
    EXPECT_TRUE(seen.contains(code)) << code << " has no value anywhere: the comparison proves nothing";
  }
}

TEST_F(EngineSourceTest, OnlyNamedSubjectsAndNoDataStayAsTheSqlHasThem) {
  SqlMeasureSource sql(*db_, *registry_);
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  // A subject without facts stays absent; one with facts answers as the SQL does.
  const MeasureQuery q{SubjectKind::kStaff, Codes(), At(MonthStart(5)), At(MonthStart(6)),
                       std::vector<SubjectId>{3, 999}};
  const auto e = engine.Values(q);
  ExpectSameTables(*e, *sql.Values(q), "only 3 and 999");
  EXPECT_FALSE(e->contains(999));
  // The survey measures have no facts in this data: no data, never 0.
  EXPECT_FALSE(e->at(3).contains("csat"));
  // Nothing before the data: an empty table.
  EXPECT_TRUE(
      engine.Values({SubjectKind::kStaff, Codes(), At(MonthStart(0) - 30 * kDay), At(MonthStart(0)), std::nullopt})
          ->empty());
}

// A ticket reopened after the rebuild: its ticket fact is taken back and added as it is now (reopened,
// no longer one-time), and the reopening is a new fact; the values then equal the SQL's again.
TEST_F(EngineSourceTest, AChangedFactIsTakenBackAndAddedAgain) {
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  const TimeMs from = At(MonthStart(5)), to = At(MonthStart(6));
  const auto ticket = QueryOne(
      "SELECT id, resolved_by, resolved_department_id FROM tickets WHERE reopen_count = 0 AND transfer_count = 0"
      " AND resolved_at IS NOT NULL AND created_at >= ? AND created_at < ? ORDER BY id LIMIT 1",
      {from, to});
  ASSERT_TRUE(ticket.has_value());
  const std::int64_t id = ticket->Int(0);
  Exec({{"UPDATE tickets SET reopen_count = 1 WHERE id = ?", {id}},
        {"INSERT INTO ticket_reopens (id, ticket_id, at, staff_id, department_id, reason) VALUES (900000, ?, ?, ?, ?, "
         "'r')",
         {id, from + 3 * kDay, ticket->Int(1), ticket->Int(2)}}});
  const auto tracked = engine.Tracked().facts;
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(engine.Tracked().facts, tracked + 1);  // the reopening
  ExpectSameAsSql(engine, from, to, "after the reopening");
  const MeasureQuery mine{SubjectKind::kStaff, {"reopen_rate"}, from, to, std::vector<SubjectId>{ticket->Int(1)}};
  EXPECT_GE(engine.Values(mine)->at(ticket->Int(1)).at("reopen_rate").ratio->numerator, 1);
  // Refreshing again changes nothing; the reopening removed is taken back.
  EXPECT_TRUE(engine.RefreshTicket(id));
  Exec({{"UPDATE tickets SET reopen_count = 0 WHERE id = ?", {id}}, {"DELETE FROM ticket_reopens WHERE id = 900000"}});
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(engine.Tracked().facts, tracked);
  ExpectSameAsSql(engine, from, to, "after the reopening went again");
}

// An exclusion approved after the rebuild takes every fact of its ticket out of the values; one
// taken back (a test's own change: the product only approves) puts them back. A period's frozen
// list is answered by the store only when it leaves out what the store leaves out.
TEST_F(EngineSourceTest, AnExclusionApprovedTakesTheTicketsFactsOut) {
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  const TimeMs from = At(MonthStart(7)), to = At(MonthStart(8));
  const auto ticket = QueryOne(
      "SELECT id FROM tickets WHERE transfer_count > 0 AND resolved_at IS NOT NULL AND created_at >= ? AND"
      " created_at < ? ORDER BY id LIMIT 1",
      {from, to});
  ASSERT_TRUE(ticket.has_value());
  const std::int64_t id = ticket->Int(0);
  Exec(
      {{"INSERT INTO assessment_exclusions (ticket_id, reason_code, evidence, status, requested_by, requested_at)"
        " VALUES (?, 'duplicate', 'x', 'approved', 1, 0)",
        {id}}});
  auto registered = [&] {
    return engine.OrganisationValues({"closure_rate"}, from, to).value().at("closure_rate").ratio->denominator;
  };
  const auto tracked = engine.Tracked().facts;
  const long long before = registered();
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(registered(), before - 1);
  EXPECT_EQ(engine.Tracked().facts, tracked);  // kept, marked excluded
  ExpectSameAsSql(engine, from, to, "after the exclusion");
  // A period's frozen list naming it is what the store does; one without it is not (the SQL answers).
  const Exclusions frozen{{id, "duplicate"}, {2500, "duplicate"}, {2600, "duplicate"}};
  SqlMeasureSource sql(*db_, *registry_);
  MeasureQuery q{SubjectKind::kStaff, Codes(), from, to, std::nullopt, frozen};
  ExpectSameTables(*engine.Values(q), *sql.Values(q), "the frozen list");
  q.exclusions = Exclusions{};
  ExpectSameTables(*engine.Values(q), *sql.Values(q), "an empty frozen list");
  Exec({{"DELETE FROM assessment_exclusions WHERE ticket_id = ?", {id}}});
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(registered(), before);
  EXPECT_EQ(engine.Tracked().facts, tracked);
  ExpectSameAsSql(engine, from, to, "after the exclusion went");
}

// A whole source read again (as the tail does for evidence not keyed by ticket): a changed fact is
// replaced, a fact gone is taken back.
TEST_F(EngineSourceTest, ASourceReadAgainReplacesWhatChangedAndTakesBackWhatWent) {
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  const auto transfer =
      QueryOne("SELECT min(id) FROM ticket_transfers WHERE sent_back_by IS NULL AND sendback = 0", {});
  const auto reopening = QueryOne("SELECT min(id) FROM ticket_reopens", {});
  ASSERT_TRUE(transfer && reopening);
  Exec({{"UPDATE ticket_transfers SET sent_back_by = 1 WHERE id = ?", {transfer->Int(0)}},
        {"DELETE FROM ticket_reopens WHERE id = ?", {reopening->Int(0)}}});
  const auto tracked = engine.Tracked().facts;
  EXPECT_TRUE(engine.RefreshSource("transfers"));
  EXPECT_TRUE(engine.RefreshSource("reopens"));
  EXPECT_TRUE(engine.RefreshSource("no_such_source"));
  EXPECT_EQ(engine.Tracked().facts, tracked - 1);
  ExpectSameAsSql(engine, At(MonthStart(0)), At(MonthStart(12)), "after a source was read again");
}

// Many facts added by the tail after the rebuild (a reopening of every ticket, the first ones
// ticket by ticket, the rest as a source read again) go to the ledger's side part and are merged
// into its packed part on the way (FactLedger::Compact): the values stay the SQL's, and the ledger
// stays packed. Taking them all back again leaves tombstones, compacted too.
TEST_F(EngineSourceTest, ManyTailAdditionsAndACompactionKeepTheEngineTheSql) {
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  const auto before = engine.Tracked();
  Exec(
      {{"INSERT INTO ticket_reopens (id, ticket_id, at, staff_id, department_id, reason)"
        " SELECT id + 1000000, id, created_at + 3600000, resolved_by, resolved_department_id, 'tail' FROM tickets",
        {}}});
  const auto added = QueryOne("SELECT count(*) FROM ticket_reopens WHERE id > 1000000", {});
  ASSERT_GT(added->Int(0), 5000) << "more than a compaction's threshold";
  for (std::int64_t ticket = 1; ticket <= 200; ++ticket) EXPECT_TRUE(engine.RefreshTicket(ticket));
  EXPECT_TRUE(engine.RefreshSource("reopens"));
  const auto grown = engine.Tracked();
  EXPECT_EQ(grown.facts, before.facts + static_cast<std::size_t>(added->Int(0)));
  EXPECT_LT(grown.bytes / grown.facts, 60u) << "merged into the packed part, not kept as whole records";
  ExpectSameAsSql(engine, At(MonthStart(0)), At(MonthStart(12)), "after many additions");
  Exec({{"DELETE FROM ticket_reopens WHERE id > 1000000", {}}});
  for (std::int64_t ticket = 1; ticket <= 200; ++ticket) EXPECT_TRUE(engine.RefreshTicket(ticket));
  EXPECT_TRUE(engine.RefreshSource("reopens"));
  EXPECT_EQ(engine.Tracked().facts, before.facts);
  EXPECT_LT(engine.Tracked().bytes, grown.bytes) << "the tombstones compacted away";
  ExpectSameAsSql(engine, At(MonthStart(0)), At(MonthStart(12)), "after they went again");
}

// A staff member and a department whose ids do not fit 32 bits: their facts, read by the rebuild
// or added by the tail, take the ledger's 64-bit side part and are taken back exactly.
TEST_F(EngineSourceTest, AnIdAbove32BitsTakesTheFallbackAndStaysCorrect) {
  constexpr std::int64_t kWide = (std::int64_t{1} << 32) + 7;
  const TimeMs from = At(MonthStart(4)), to = At(MonthStart(5));
  const auto ticket = QueryOne(
      "SELECT id FROM tickets WHERE created_at >= ? AND created_at < ? AND id NOT IN"
      " (SELECT ticket_id FROM assessment_exclusions WHERE status = 'approved') ORDER BY id LIMIT 1",
      {from, to});
  ASSERT_TRUE(ticket.has_value());
  const std::int64_t id = ticket->Int(0);
  auto reopening = [&](std::int64_t reopen_id, TimeMs at) {
    return Statement{
        "INSERT INTO ticket_reopens (id, ticket_id, at, staff_id, department_id, reason)"
        " VALUES (?, ?, ?, ?, ?, 'wide')",
        {reopen_id, id, at, kWide, kWide}};
  };
  Exec({{"INSERT INTO departments (id, parent_id, name, code, created_at, updated_at)"
         " VALUES (?, 2, 'wide', 'DWIDE', 0, 0)",
         {kWide}},
        {"INSERT INTO staff (id, username, display_name, department_id, password_hash, created_at, updated_at)"
         " VALUES (?, 'wide', 'wide', ?, 'x', 0, 0)",
         {kWide, kWide}},
        reopening(900200, from + 2 * kDay)});
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();  // reads the first reopening
  ExpectSameAsSql(engine, from, to, "a wide fact read by the rebuild");
  Exec({reopening(900201, from + 3 * kDay)});
  const auto tracked = engine.Tracked().facts;
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(engine.Tracked().facts, tracked + 1);
  ExpectSameAsSql(engine, from, to, "and one added by the tail");
  const MeasureQuery mine{SubjectKind::kStaff, {"reopens"}, from, to, std::vector<SubjectId>{kWide}};
  EXPECT_EQ(engine.Values(mine)->at(kWide).at("reopens").sample, 2);
  // Both taken back: nothing is left on the wide staff member (a truncated id would leave it).
  Exec({{"DELETE FROM ticket_reopens WHERE id IN (900200, 900201)", {}}});
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(engine.Tracked().facts, tracked - 1);
  EXPECT_FALSE(engine.Values(mine)->contains(kWide));
  ExpectSameAsSql(engine, from, to, "after the wide facts went");
  Exec({{"DELETE FROM staff WHERE id = ?", {kWide}}, {"DELETE FROM departments WHERE id = ?", {kWide}}});
}

// Fact ids that do not fit 32 bits: an external agency's results (fact_id minus their id, in
// survey_answers and satisfaction) and a reopening whose id is above 2^32. The ledger keeps them in
// its 64-bit side part; read by the rebuild or added by the tail, they are taken back exactly.
TEST_F(EngineSourceTest, AFactIdOutside32BitsTakesTheFallbackAndStaysCorrect) {
  constexpr std::int64_t kWideFact = (std::int64_t{1} << 32) + 5;
  const TimeMs from = At(MonthStart(7)), to = At(MonthStart(8));
  const auto ticket = QueryOne(
      "SELECT id, resolved_by, resolved_department_id FROM tickets WHERE created_at >= ? AND created_at < ?"
      " AND resolved_by IS NOT NULL AND id NOT IN"
      " (SELECT ticket_id FROM assessment_exclusions WHERE status = 'approved') ORDER BY id LIMIT 1",
      {from, to});
  ASSERT_TRUE(ticket.has_value());
  const std::int64_t id = ticket->Int(0), staff = ticket->Int(1), department = ticket->Int(2);
  auto agency = [&](std::int64_t result_id, TimeMs at, std::int64_t csat, std::int64_t nps) {
    return Statement{
        "INSERT INTO survey_agency_results (id, import_id, line, agency, surveyed_at, ticket_id, department_id,"
        " staff_id, csat, nps) VALUES (?, 900, ?, 'agency', ?, ?, ?, ?, ?, ?)",
        {result_id, result_id, at, id, department, staff, csat, nps}};
  };
  Exec({{"INSERT INTO survey_agency_imports (id, filename, sha256, row_count, created_at, created_by)"
         " VALUES (900, 'agency.csv', 'x', 3, 0, 1)",
         {}},
        agency(1, from + 2 * kDay, 5, 10),
        agency(2, from + 2 * kDay, 2, 3),
        {"INSERT INTO ticket_reopens (id, ticket_id, at, staff_id, department_id, reason) VALUES (?, ?, ?, ?, ?, 'x')",
         {kWideFact, id, from + 4 * kDay, staff, department}}});
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  ExpectSameAsSql(engine, from, to, "agency results and a wide reopening read by the rebuild");
  // The tail: a third result, the first one changed.
  Exec({agency(3, from + 5 * kDay, 1, 0), {"UPDATE survey_agency_results SET csat = 3, nps = 7 WHERE id = 1", {}}});
  const auto tracked = engine.Tracked().facts;
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(engine.Tracked().facts, tracked + 2) << "the third result in survey_answers and satisfaction";
  ExpectSameAsSql(engine, from, to, "and what the tail changed");
  // All taken back.
  Exec({{"DELETE FROM survey_agency_results WHERE import_id = 900", {}},
        {"DELETE FROM ticket_reopens WHERE id = ?", {kWideFact}}});
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_EQ(engine.Tracked().facts, tracked - 5) << "two results in two sources and the reopening";
  ExpectSameAsSql(engine, from, to, "after they went");
  Exec({{"DELETE FROM survey_agency_imports WHERE id = 900", {}}});
}

// Taking back the month's longest resolution leaves the maximum unknown to the store: the engine
// then answers from the SQL, never a wrong or missing maximum.
TEST_F(EngineSourceTest, AMaximumTakenBackIsAnsweredByTheSql) {
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  const TimeMs from = At(MonthStart(6)), to = At(MonthStart(7));
  const auto longest = QueryOne(
      "SELECT id FROM tickets WHERE type <> 'consultation' AND resolved_at IS NOT NULL AND created_at >= ?"
      " AND created_at < ? AND id NOT IN (SELECT ticket_id FROM assessment_exclusions WHERE status = 'approved')"
      " ORDER BY resolved_at - created_at DESC, id LIMIT 1",
      {from, to});
  ASSERT_TRUE(longest.has_value());
  const std::int64_t id = longest->Int(0);
  Exec({{"UPDATE tickets SET resolved_at = resolved_at - 60000 WHERE id = ?", {id}}});
  EXPECT_TRUE(engine.RefreshTicket(id));
  EXPECT_FALSE(engine.OrganisationValues({"resolution_max"}, from, to).has_value());
  ExpectSameAsSql(engine, from, to, "after the longest resolution shrank");
}

// An exact query (an evaluation's) gives every percentile as the SQL does, to the last bit, and the
// other measures from the store; a preview's percentiles are the sketch's, within its 1 %.
TEST_F(EngineSourceTest, AnExactQueryTakesThePercentilesFromTheSql) {
  SqlMeasureSource sql(*db_, *registry_);
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  std::vector<std::string> sketched;
  for (const std::string& code : Codes()) {
    if (KindOf(code) == AggregationKind::kPercentile) sketched.push_back(code);
  }
  ASSERT_FALSE(sketched.empty());
  int percentiles = 0, differed = 0;
  for (SubjectKind kind : {SubjectKind::kStaff, SubjectKind::kDepartment}) {
    MeasureQuery q{kind, Codes(), At(MonthStart(0)), At(MonthStart(12)), std::nullopt};
    const MeasureTable reference = *sql.Values(q);
    q.exact = true;
    const MeasureTable exact = *engine.Values(q);
    ExpectSameTables(exact, reference, "exact");
    // The percentiles alone (no measure whose taken-back extreme sends the whole query to the SQL).
    q.measures = sketched;
    q.exact = false;
    const MeasureTable preview = *engine.Values(q);
    for (const auto& [subject, values] : reference) {
      for (const auto& [code, v] : values) {
        if (KindOf(code) != AggregationKind::kPercentile || !v.value.has_value()) continue;
        ++percentiles;
        EXPECT_EQ(exact.at(subject).at(code).value.value(), v.value.value()) << code << " of " << subject;
        if (preview.at(subject).at(code).value.value() != v.value.value()) ++differed;
      }
    }
  }
  EXPECT_GT(percentiles, 10);
  EXPECT_GT(differed, 0) << "the data should show the sketch's error somewhere, or this test proves nothing";
}

// The rebuild reads a source in one statement: every fact once, in fact_id order, as its table holds
// them.
TEST_F(EngineSourceTest, FactsAreReadEachOnceInOrder) {
  db_->Read([&](storage::Connection& c) {
    const auto& transfers = *registry_->Find("transfers");
    std::vector<std::int64_t> streamed, queried;
    repo::EachFact(c, transfers, [&](const repo::FactRow& f) { streamed.push_back(f.fact_id); });
    // The source's facts are the transfers (desk/repo/facts.cpp: fact_id is the row's id).
    for (const auto& r : c.Query("SELECT id FROM ticket_transfers WHERE at IS NOT NULL ORDER BY id")) {
      queried.push_back(r.Int(0));
    }
    EXPECT_GT(streamed.size(), 100u);
    EXPECT_EQ(streamed, queried);
    EXPECT_EQ(std::adjacent_find(streamed.begin(), streamed.end()), streamed.end());
    return 0;
  });
}

TEST_F(EngineSourceTest, WhatTheStoreCannotAnswerGoesToTheSql) {
  SqlMeasureSource sql(*db_, *registry_);
  EngineMeasureSource engine(*db_, *registry_, *zone_);
  engine.Rebuild();
  // A window inside a day, and a period's frozen list of exclusions.
  MeasureQuery q{SubjectKind::kStaff, Codes(), At(MonthStart(5)) + 3 * bench::kHour, At(MonthStart(6)), std::nullopt};
  ExpectSameTables(*engine.Values(q), *sql.Values(q), "inside a day");
  q.from_ms = At(MonthStart(5));
  q.exclusions = Exclusions{{2510, "court"}};
  ExpectSameTables(*engine.Values(q), *sql.Values(q), "frozen exclusions");
  // The same errors.
  q.measures = {"no_such_measure"};
  EXPECT_EQ(engine.Values(q).error().field, "measures");
  q.measures = Codes();
  q.to_ms = q.from_ms;
  EXPECT_EQ(engine.Values(q).error().field, "to");
}

}  // namespace
}  // namespace sqm::assessment
