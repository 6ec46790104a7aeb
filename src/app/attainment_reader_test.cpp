// The desk dashboard's SLA attainment is the assessment's measures (issue 13: one concept, one
// definition): after each change through the real services (a timer met, one past due whose
// breach has not fired, the breach fired, a transfer, an exclusion approved, a new day) the
// dashboard's figures for an executive (the organisation), a manager (their department's subtree)
// and a caller over two disjoint departments (both merged) equal the reference SQL's values of
// first_response_attainment and resolution_attainment, by period and per department; then the same
// read from the analytics engine. SQLite, or PostgreSQL under SQM_TEST_DB=postgres.
#include "app/attainment_reader.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "app/server_fixture.h"

namespace sqm::app {
namespace {

using desk::Action;
using desk::Rate;

constexpr TimeMs kDay = 24LL * 3600 * 1000;

class AttainmentTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    AddSecondLevel();
    // Someone over DESK and TECH's subtree: two top departments, merged.
    both_ = quality_;
    both_.scope = org::Scope{.all = false, .departments = {desk_dept_, tech_dept_, tech_l2_}};
  }

  // The measures' counts (the reference SQL) for `kind`, `only` over [from, to).
  std::map<std::int64_t, desk::AttainmentRates> Measured(assessment::SubjectKind kind,
                                                         std::optional<std::vector<std::int64_t>> only, TimeMs from,
                                                         TimeMs to) {
    const auto table = app_->measures().Values(
        {kind, {"first_response_attainment", "resolution_attainment"}, from, to, std::move(only)});
    EXPECT_TRUE(table.ok());
    std::map<std::int64_t, desk::AttainmentRates> out;
    for (const auto& [subject, values] : *table) {
      auto rate = [&](const char* code) {
        const auto it = values.find(code);
        return it == values.end() ? Rate{} : Rate{it->second.ratio->numerator, it->second.ratio->denominator};
      };
      out[subject] = {rate("first_response_attainment"), rate("resolution_attainment")};
    }
    return out;
  }

  static desk::AttainmentRates Sum(const std::map<std::int64_t, desk::AttainmentRates>& by,
                                   const std::vector<std::int64_t>& subjects) {
    desk::AttainmentRates t;
    for (auto s : subjects) {
      if (auto it = by.find(s); it != by.end()) {
        t.first_response.met += it->second.first_response.met;
        t.first_response.total += it->second.first_response.total;
        t.resolution.met += it->second.resolution.met;
        t.resolution.total += it->second.resolution.total;
      }
    }
    return t;
  }

  static void ExpectRate(const Rate& got, const Rate& want, const std::string& where) {
    EXPECT_EQ(got.met, want.met) << where;
    EXPECT_EQ(got.total, want.total) << where;
  }

  static void ExpectRate(const std::optional<double>& got, const Rate& want, const std::string& where) {
    ASSERT_EQ(got.has_value(), want.total > 0) << where << ": no data is null";
    if (got) {
      EXPECT_DOUBLE_EQ(*got, double(want.met) / double(want.total)) << where;
    }
  }

  // The dashboard of `who` against the measures: the organisation (nullopt) or the sum of
  // `tops`, each period; each department row of `scope` this month.
  desk::Dashboard ExpectDashboardIsTheMeasures(const org::Principal& who,
                                               const std::optional<std::vector<std::int64_t>>& tops,
                                               const std::string& where) {
    const auto d = app_->reports().GetDashboard(who);
    EXPECT_TRUE(d.ok());
    if (!d.ok()) return {};
    const calendar::Zone& zone = zone_;
    const TimeMs now = clock_.Now(), tomorrow = zone.StartOfDay(zone.StartOfDay(now) + kDay + kDay / 2);
    const TimeMs starts[] = {zone.StartOfDay(now), zone.StartOfWeek(now), zone.StartOfMonth(now)};
    EXPECT_EQ(d->attainment.size(), 3u);
    for (std::size_t i = 0; i < d->attainment.size() && i < 3; ++i) {
      const auto& a = d->attainment[i];
      const auto want = tops ? Sum(Measured(assessment::SubjectKind::kDepartment, *tops, starts[i], tomorrow), *tops)
                             : Sum(Measured(assessment::SubjectKind::kOrganisation, std::nullopt, starts[i], tomorrow),
                                   {assessment::kOrganisationSubject});
      ExpectRate(a.first_response, want.first_response, where + " " + a.period + " first response");
      ExpectRate(a.resolution, want.resolution, where + " " + a.period + " resolution");
    }
    const auto month = Measured(assessment::SubjectKind::kDepartment, std::nullopt, starts[2], tomorrow);
    for (const auto& row : d->by_department) {
      const std::string at = where + " department " + (row.department_id ? std::to_string(*row.department_id) : "-");
      const bool mine = row.department_id && who.scope.Contains(row.department_id);
      const auto it = mine ? month.find(*row.department_id) : month.end();
      const desk::AttainmentRates want = it == month.end() ? desk::AttainmentRates{} : it->second;
      ExpectRate(row.first_response_rate, want.first_response, at + " first response");
      ExpectRate(row.resolution_rate, want.resolution, at + " resolution");
    }
    // Every department of the scope with a value has its row.
    for (const auto& [id, rates] : month) {
      if (!who.scope.Contains(id)) continue;
      const bool listed = std::any_of(d->by_department.begin(), d->by_department.end(),
                                      [&](const auto& row) { return row.department_id == id; });
      EXPECT_TRUE(listed) << where << ": department " << id << " has a value this month";
    }
    return *d;
  }

  // The three callers at once; returns the executive's dashboard.
  desk::Dashboard ExpectEveryDashboardIsTheMeasures(const std::string& where) {
    ExpectDashboardIsTheMeasures(manager_, std::vector<std::int64_t>{tech_dept_}, where + " (manager)");
    ExpectDashboardIsTheMeasures(both_, std::vector<std::int64_t>{desk_dept_, tech_dept_}, where + " (two tops)");
    return ExpectDashboardIsTheMeasures(quality_, std::nullopt, where + " (executive)");
  }

  const calendar::Zone zone_ = calendar::Zone::Named("Asia/Shanghai").value();
  org::Principal both_;
};

TEST_F(AttainmentTest, TheDashboardReadsTheMeasuresForEveryCaller) {
  // A first response met at DESK.
  const std::int64_t first = Register(agent_);
  clock_.Set(Shanghai(0, 10, 20));
  Act(agent_, first, Action::kRespond, {.note = "已收到"});
  // One left unanswered, and one answered, transferred to TECH-L2 and resolved there.
  const std::int64_t second = Register(agent_);
  const std::int64_t third = Register(agent2_);
  AnswerTransferResolve(third, agent2_, tech_l2_, engineer2_, Shanghai(0, 10, 30), Shanghai(0, 10, 40),
                        Shanghai(0, 11));
  auto d = ExpectEveryDashboardIsTheMeasures("after a transfer and a resolution");
  ExpectRate(d.attainment[0].first_response, {2, 2}, "today");
  ExpectRate(d.attainment[0].resolution, {1, 1}, "today");
  // The manager of TECH: the resolution at TECH-L2 (its subtree); the first response was DESK's.
  auto m = ExpectDashboardIsTheMeasures(manager_, std::vector<std::int64_t>{tech_dept_}, "manager");
  ExpectRate(m.attainment[2].first_response, {0, 0}, "the manager's month");
  ExpectRate(m.attainment[2].resolution, {1, 1}, "the manager's month");

  // The second is past its first-response hour, its breach not fired yet: not decided.
  clock_.Set(Shanghai(0, 11, 30));
  d = ExpectEveryDashboardIsTheMeasures("past due, not fired");
  ExpectRate(d.attainment[0].first_response, {2, 2}, "an open timer past due is not decided");
  app_->sla().FireDue();
  d = ExpectEveryDashboardIsTheMeasures("after the breach");
  ExpectRate(d.attainment[0].first_response, {2, 3}, "the breach decides it");

  // An exclusion of the first ticket approved: its timers leave the figures.
  auto exclusion = app_->exclusions().Request(quality_, {first, "duplicate", "与第二张重复"});
  ASSERT_TRUE(exclusion.ok()) << exclusion.error().message;
  ASSERT_TRUE(app_->exclusions().Approve(quality_, exclusion->id, "").ok());
  d = ExpectEveryDashboardIsTheMeasures("after the exclusion");
  ExpectRate(d.attainment[2].first_response, {1, 2}, "the month without the excluded ticket");

  // The next day: today has nothing decided yet (null, not 0), the week and the month keep it all.
  clock_.Set(Shanghai(1, 9, 10));
  d = ExpectEveryDashboardIsTheMeasures("the next morning");
  ExpectRate(d.attainment[0].first_response, {0, 0}, "nothing decided today");
  ExpectRate(d.attainment[1].first_response, {1, 2}, "the week");
  const std::int64_t fourth = Register(agent2_);
  clock_.Set(Shanghai(1, 9, 20));
  Act(agent2_, fourth, Action::kRespond, {.note = "已收到"});
  d = ExpectEveryDashboardIsTheMeasures("a first response the next day");
  ExpectRate(d.attainment[0].first_response, {1, 1}, "today");
  ExpectRate(d.attainment[1].first_response, {2, 3}, "the week");
  // The intake queue has no rates; DESK holds the first, the second and the fourth, open.
  for (const auto& row : d.by_department) {
    if (!row.department_id) {
      EXPECT_FALSE(row.first_response_rate.has_value());
    }
    if (row.department_id == desk_dept_) {
      EXPECT_EQ(row.open, 3);
    }
  }

  // The engine, rebuilt and caught up, gives the same dashboard.
  app_->analytics().Rebuild();
  ASSERT_TRUE(app_->engine().Ready());
  CatchUp();
  const auto e = ExpectEveryDashboardIsTheMeasures("from the engine");
  for (std::size_t i = 0; i < e.attainment.size(); ++i) {
    ExpectRate(e.attainment[i].first_response, d.attainment[i].first_response, "engine " + e.attainment[i].period);
    ExpectRate(e.attainment[i].resolution, d.attainment[i].resolution, "engine " + e.attainment[i].period);
  }
  (void)second;
}

}  // namespace
}  // namespace sqm::app
