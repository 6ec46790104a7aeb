// The analytics engine live in a whole server (issue 13): rebuilt, then following the event log
// while the real services change things (a ticket registered, answered, transferred, resolved,
// called back, reopened and resolved again; an exclusion approved; a staff member moved; a
// department added, which rebuilds). After the tail has caught up, the engine's values equal the
// reference SQL's for every measure and every staff member and department in the window, and
// what it added was applied, not answered by the SQL. SQLite, or PostgreSQL under
// SQM_TEST_DB=postgres.
#include "app/analytics_tail.h"

#include <set>

#include <gtest/gtest.h>

#include "app/server_fixture.h"
#include "assessment/measure_repo.h"

namespace sqm::app {
namespace {

using desk::Action;
using desk::ActionInput;
using Kind = EngineWork::Kind;

class AnalyticsTailTest : public ServerFixture {
 protected:
  std::vector<std::string> Codes() {
    std::vector<std::string> out;
    for (const auto& m : app_->measures().Measures()) out.push_back(m.code);
    return out;
  }

  // The engine's values are the SQL's for every measure, staff member and department in the window,
  // and the organisation's.
  void ExpectEngineEqualsSql(const std::string& where) {
    for (auto kind : {assessment::SubjectKind::kStaff, assessment::SubjectKind::kDepartment,
                      assessment::SubjectKind::kOrganisation}) {
      const assessment::MeasureQuery q{kind, Codes(), kFrom, kTo, std::nullopt};
      const auto engine = app_->engine().Values(q);
      const auto sql = app_->measures().Values(q);
      ASSERT_TRUE(engine.ok() && sql.ok());
      ASSERT_FALSE(sql->empty()) << where;
      ASSERT_EQ(engine->size(), sql->size()) << where << ": subjects";
      for (const auto& [subject, values] : *sql) {
        ASSERT_TRUE(engine->contains(subject)) << where << ": subject " << subject;
        const auto& mine = engine->at(subject);
        ASSERT_EQ(mine.size(), values.size()) << where << ": measures of " << subject;
        for (const auto& [code, v] : values) {
          ASSERT_TRUE(mine.contains(code)) << where << ": " << code << " of " << subject;
          const auto& e = mine.at(code);
          EXPECT_EQ(e.sample, v.sample) << where << " " << code << " " << subject;
          EXPECT_EQ(e.ratio.has_value(), v.ratio.has_value()) << where << " " << code << " " << subject;
          if (e.ratio && v.ratio) {
            EXPECT_EQ(e.ratio->numerator, v.ratio->numerator) << where << " " << code << " " << subject;
            EXPECT_EQ(e.ratio->denominator, v.ratio->denominator) << where << " " << code << " " << subject;
          }
          ASSERT_EQ(e.value.has_value(), v.value.has_value()) << where << " " << code << " " << subject;
          if (v.value.has_value()) {
            EXPECT_NEAR(e.value.value(), v.value.value(), 0.01 * std::abs(v.value.value()) + 1e-9)
                << where << " " << code << " " << subject;
          }
        }
      }
    }
  }

  // The organisation's registered tickets as the store holds them (no SQL behind this one).
  long long Registered() {
    const auto org = app_->engine().OrganisationValues({"closure_rate"}, kFrom, kTo);
    EXPECT_TRUE(org.has_value());
    return org && org->contains("closure_rate") ? org->at("closure_rate").ratio->denominator : 0;
  }

  const TimeMs kFrom = Shanghai(-1, 0);
  const TimeMs kTo = Shanghai(14, 0);
};

TEST_F(AnalyticsTailTest, TheEngineFollowsTheServicesAndEqualsTheSql) {
  // History before the start: one ticket resolved, one answered.
  const std::int64_t first = Register(agent_);
  clock_.Set(Shanghai(0, 10, 20));
  Act(agent_, first, Action::kRespond, {.note = "已收到"});
  clock_.Set(Shanghai(0, 11));
  Act(agent_, first, Action::kResolve, {.note = "已处理"});
  const std::int64_t second = Register(agent2_);
  Act(agent2_, second, Action::kRespond, {.note = "已收到"});

  EXPECT_FALSE(app_->engine().Ready());
  app_->analytics().Rebuild();
  ASSERT_TRUE(app_->engine().Ready());
  EXPECT_EQ(Registered(), 2);
  ExpectEngineEqualsSql("after the rebuild");

  // A ticket registered, answered, transferred, accepted and resolved; the first called back.
  clock_.Set(Shanghai(1, 9));
  const std::int64_t third = Register(agent_);
  AnswerTransferResolve(third, agent_, tech_dept_, engineer_, Shanghai(1, 9, 30), Shanghai(1, 9, 45), Shanghai(1, 15));
  Act(agent2_, first, Action::kCallback,
      {.reached = true, .resolved = desk::CallbackResolved::kResolved, .satisfaction = desk::Satisfaction::kSatisfied});
  CatchUp();
  EXPECT_EQ(Registered(), 3);  // applied from the log, not answered by the SQL
  ExpectEngineEqualsSql("after a ticket's whole way and a callback");
  EXPECT_GT(app_->engine().Tracked().facts, 5u);

  // Reopened (its resolution timer starts again), resolved again days later (breached).
  clock_.Set(Shanghai(2, 10));
  Act(quality_, third, Action::kReopen, {.note = "客户反馈仍无法连接"});
  CatchUp();
  ExpectEngineEqualsSql("after the reopening");
  clock_.Set(Shanghai(4, 17));
  app_->sla().FireDue();
  Act(engineer_, third, Action::kResolve, {.note = "更换证书"});
  CatchUp();
  ExpectEngineEqualsSql("after the second resolution");

  // An exclusion requested and approved: the ticket's facts leave the values.
  auto exclusion = app_->exclusions().Request(quality_, {second, "duplicate", "与第一张重复"});
  ASSERT_TRUE(exclusion.ok()) << exclusion.error().message;
  ASSERT_TRUE(app_->exclusions().Approve(quality_, exclusion->id, "").ok());
  CatchUp();
  EXPECT_EQ(Registered(), 2);
  ExpectEngineEqualsSql("after the exclusion");

  // A staff member moved: the facts keep the department recorded on them, and new work is charged
  // to the new one.
  org::StaffPatch move;
  move.department_id = tech_dept_;
  ASSERT_TRUE(app_->org().UpdateStaff(org::Principal::System(), agent2_.staff_id, move).ok());
  clock_.Set(Shanghai(5, 9));
  const std::int64_t fourth = Register(agent2_);
  Act(agent2_, fourth, Action::kRespond, {.note = "已收到"});
  CatchUp();
  ExpectEngineEqualsSql("after a staff member moved");

  EXPECT_EQ(app_->analytics().stats().fallbacks, 0);
  EXPECT_EQ(app_->analytics().stats().rebuilds, 1);
  EXPECT_GT(app_->analytics().stats().events_applied, 10);

  // A department added changes the tree: the tail rebuilds, and counts it.
  ASSERT_TRUE(app_->org().CreateDepartment(org::Principal::System(), {"运维服务部", root_, "OPS"}).ok());
  CatchUp();
  EXPECT_EQ(app_->analytics().stats().fallbacks, 1);
  EXPECT_EQ(app_->analytics().stats().rebuilds, 2);
  ExpectEngineEqualsSql("after the rebuild for a new department");
}

// Before its first rebuild the engine answers nothing itself, and the tail reads nothing.
TEST_F(AnalyticsTailTest, BeforeTheRebuildTheSqlAnswers) {
  Register(agent_);
  EXPECT_EQ(app_->analytics().Poll(), 0);
  EXPECT_FALSE(app_->engine().OrganisationValues({"closure_rate"}, kFrom, kTo).has_value());
  const assessment::MeasureQuery q{assessment::SubjectKind::kStaff, {"closure_rate"}, kFrom, kTo, std::nullopt};
  EXPECT_EQ(app_->engine().Values(q)->size(), app_->measures().Values(q)->size());
  EXPECT_FALSE(app_->analytics().stats().ready);
}

// Each ticket event reads the ticket's facts from every source again (repo::TicketFacts). Sources
// without an index on their ticket scanned their table each time: 0.28 events a second at scale L
// (4.6 million survey invitations, 6.1 million callback ratings; migration 0028). No step may scan
// a table, but the improvement actions (no ticket) and "SCAN f", the rows of a UNION ALL source
// each of whose branches found the ticket by an index.
TEST_F(AnalyticsTailTest, EverySourceFindsATicketsFactsByAnIndex) {
  const std::set<std::string> may_scan = {"improvement_actions"};
  std::size_t sources = 0;
  app_->database().Read([&](storage::Connection& c) {
    for (const auto& source : app_->facts().All()) {
      ++sources;
      for (const std::string& step : assessment::repo::TicketFactsPlan(c, source)) {
        const bool scan = step.starts_with("SCAN ") && step != "SCAN f";
        EXPECT_FALSE(scan && !may_scan.count(source.name)) << source.name << ": " << step;
      }
    }
    return 0;
  });
  EXPECT_GT(sources, 10u);
}

TEST(EngineWork, EachEventAsksForWhatItMayChange) {
  auto work = [](const char* entity, const char* id, const char* type, const char* data = "{}") {
    storage::Event e;
    e.entity = entity;
    e.entity_id = id;
    e.type = type;
    e.data = data;
    return WorkOf(e);
  };
  EXPECT_EQ(work("ticket", "42", "ticket.resolved").kind, Kind::kTicket);
  EXPECT_EQ(work("ticket", "42", "sla.breached").ticket_id, 42);
  EXPECT_EQ(work("ticket", "x", "ticket.resolved").kind, Kind::kRebuild);
  const auto approved = work("assessment_exclusion", "7", "assessment.exclusion_approved", R"({"ticket_id":99})");
  EXPECT_EQ(approved.kind, Kind::kTicket);
  EXPECT_EQ(approved.ticket_id, 99);
  EXPECT_EQ(work("survey", "3", "survey.answered", R"({"ticket_id":5,"answers":2})").ticket_id, 5);
  EXPECT_EQ(work("survey", "3", "survey.mailed").kind, Kind::kNothing);
  EXPECT_EQ(work("survey", "3", "survey.something_new").kind, Kind::kRebuild);
  EXPECT_EQ(work("inspection", "3", "inspection.corrected").sources, std::vector<std::string>{"inspections"});
  EXPECT_EQ(work("improvement_action", "3", "improvement.edited").sources,
            std::vector<std::string>{"improvement_actions"});
  EXPECT_EQ(work("survey_agency_import", "1", "survey.agency_imported").kind, Kind::kSources);
  EXPECT_EQ(work("staff", "3", "staff.updated").kind, Kind::kNothing);
  EXPECT_EQ(work("department", "3", "department.updated").kind, Kind::kRebuild);
  EXPECT_EQ(work("assessment_measure", "x", "assessment.measure_created").kind, Kind::kRebuild);
  EXPECT_EQ(work("survey_settings", "1", "survey.settings_saved").kind, Kind::kRebuild);
  EXPECT_EQ(work("something_new", "1", "x.y").kind, Kind::kRebuild);
}

}  // namespace
}  // namespace sqm::app
