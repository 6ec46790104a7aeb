// Sampling plans' rules: a fixed seed draws fixed tickets; strata get their proportional shares;
// complaints and breaches are always taken; nothing is drawn twice in a cycle; the coverage names
// agents short of their quota; inspectors are dealt round robin and never get their own tickets.
#include "inspection/sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace sqm::inspection {
namespace {

// Agent 7's 40 tickets (ids 100..139): phone incidents 100..119, web requests 120..129,
// email consultations 130..137, and two complaints 138, 139 (139 also breached); agent 8's three.
std::vector<Candidate> Candidates() {
  std::vector<Candidate> out;
  for (Id id = 100; id < 140; ++id) {
    Candidate c{.ticket_id = id, .ticket_number = "T" + std::to_string(id), .agent_id = 7, .agent_name = "王五"};
    if (id < 120) {
      c.channel = "phone", c.type = "incident";
    } else if (id < 130) {
      c.channel = "web", c.type = "request";
    } else if (id < 138) {
      c.channel = "email", c.type = "consultation";
    } else {
      c.channel = "phone", c.type = "complaint", c.complaint = true, c.breached = id == 139;
    }
    out.push_back(c);
  }
  for (Id id = 200; id < 203; ++id) {
    out.push_back({.ticket_id = id, .agent_id = 8, .agent_name = "赵六", .channel = "phone", .type = "incident"});
  }
  return out;
}

SamplingPlan PerAgent(int n) {
  return {.name = "每周抽检",
          .cycle = Cycle::kWeek,
          .department_ids = {1},
          .quota = Quota::kPerAgent,
          .amount = n,
          .inspector_ids = {7, 9}};
}

std::vector<Id> Ids(const Sample& s) {
  std::vector<Id> out;
  for (const auto& c : s.tickets) out.push_back(c.ticket_id);
  return out;
}

TEST(SamplingPlan, AFixedSeedDrawsFixedTickets) {
  const auto s = DrawSample(Candidates(), {}, PerAgent(5), 20'261'204);
  // 5 of agent 7's 40 by shares 2.5, 1.25, 1, 0.25 -> 3 phone incidents, 1 web request, 1 email.
  EXPECT_EQ(Ids(s), (std::vector<Id>{103, 109, 113, 129, 135, 200, 201, 202}));
  // The same seed again, and the candidates read in another order: the same tickets.
  auto reversed = Candidates();
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(Ids(DrawSample(reversed, {}, PerAgent(5), 20'261'204)), Ids(s));
  EXPECT_NE(Ids(DrawSample(Candidates(), {}, PerAgent(5), 1)), Ids(s)) << "another seed draws other tickets";
}

TEST(SamplingPlan, StrataGetTheirProportionalShares) {
  // 10 of agent 7's 40: 20 phone incidents, 10 web requests, 8 email consultations, 2 phone
  // complaints (complaints not forced) -> 5, 2.5, 2, 0.5 -> 5, 3, 2, 0 (largest remainders).
  const auto s = DrawSample(Candidates(), {}, PerAgent(10), 99);
  std::map<std::string, int> got;
  for (const auto& c : s.tickets) {
    if (c.agent_id == 7) ++got[c.channel + "|" + c.type];
  }
  EXPECT_EQ(got["phone|incident"], 5);
  EXPECT_EQ(got["web|request"] + got["phone|complaint"], 3);
  EXPECT_EQ(got["email|consultation"], 2);
  // Stratified by channel only: phone 22, web 10, email 8 of 40 -> 5.5, 2.5, 2 -> 6, 2, 2 (ties: the
  // earlier key, "email" < "phone" < "web", so email keeps 2 and phone's .5 wins over web's).
  auto by_channel = PerAgent(10);
  by_channel.by_type = false;
  std::map<std::string, int> channels;
  for (const auto& c : DrawSample(Candidates(), {}, by_channel, 99).tickets) {
    if (c.agent_id == 7) ++channels[c.channel];
  }
  EXPECT_EQ(channels["phone"], 6);
  EXPECT_EQ(channels["web"], 2);
  EXPECT_EQ(channels["email"], 2);
}

TEST(SamplingPlan, ComplaintsAndBreachesAreAlwaysTaken) {
  auto plan = PerAgent(3);
  plan.complaints = true;
  for (std::uint64_t seed = 1; seed < 50; ++seed) {
    const auto ids = Ids(DrawSample(Candidates(), {}, plan, seed));
    EXPECT_NE(std::find(ids.begin(), ids.end(), 138), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), 139), ids.end());
    EXPECT_EQ(std::count_if(ids.begin(), ids.end(), [](Id id) { return id < 200; }), 3);
  }
  plan.complaints = false;
  plan.breaches = true;
  const auto ids = Ids(DrawSample(Candidates(), {}, plan, 5));
  EXPECT_NE(std::find(ids.begin(), ids.end(), 139), ids.end());
}

TEST(SamplingPlan, ASecondRunOfTheCycleNeverDrawsATicketAgainAndTopsUpTheQuota) {
  const auto plan = PerAgent(5);
  const auto first = DrawSample(Candidates(), {}, plan, 11);
  std::set<Id> earlier;
  for (Id id : Ids(first)) earlier.insert(id);
  // The quota is met: a second run draws nothing.
  EXPECT_TRUE(DrawSample(Candidates(), earlier, plan, 11).tickets.empty());
  // A larger quota tops up with other tickets only.
  const auto more = DrawSample(Candidates(), earlier, PerAgent(8), 11);
  EXPECT_EQ(more.coverage[0].earlier, 5);
  EXPECT_EQ(more.coverage[0].drawn, 3);
  for (Id id : Ids(more)) EXPECT_FALSE(earlier.contains(id)) << id;
}

TEST(SamplingPlan, CoverageNamesAgentsShortOfTheirQuota) {
  const auto s = DrawSample(Candidates(), {}, PerAgent(5), 3);
  ASSERT_EQ(s.coverage.size(), 2u);
  EXPECT_EQ(s.coverage[0].agent_id, 7);
  EXPECT_EQ(s.coverage[0].tickets, 40);
  EXPECT_EQ(s.coverage[0].drawn, 5);
  EXPECT_EQ(s.coverage[0].shortfall, "");
  EXPECT_EQ(s.coverage[1].agent_id, 8);
  EXPECT_EQ(s.coverage[1].planned, 5);
  EXPECT_EQ(s.coverage[1].drawn, 3);
  EXPECT_EQ(s.coverage[1].shortfall, kTooFewTickets);
  // A percentage rounds up: 10 % of 40 is 4, of 3 is 1.
  SamplingPlan percent = PerAgent(10);
  percent.quota = Quota::kPercent;
  const auto p = DrawSample(Candidates(), {}, percent, 3);
  EXPECT_EQ(p.coverage[0].planned, 4);
  EXPECT_EQ(p.coverage[1].planned, 1);
  EXPECT_EQ(p.tickets.size(), 5u);
}

TEST(SamplingPlan, InspectorsAreDealtRoundRobinAndNeverTheirOwnTickets) {
  const std::vector<Candidate> tickets{{.ticket_id = 1, .agent_id = 7},
                                       {.ticket_id = 2, .agent_id = 8},
                                       {.ticket_id = 3, .agent_id = 8},
                                       {.ticket_id = 4, .agent_id = 7}};
  // Inspectors 7 and 9: agent 7's tickets always go to 9.
  EXPECT_EQ(RoundRobin(tickets, {7, 9}), (std::vector<std::optional<Id>>{9, 7, 9, 9}));
  EXPECT_EQ(RoundRobin(tickets, {5, 6, 9}), (std::vector<std::optional<Id>>{5, 6, 9, 5}));
  EXPECT_EQ(RoundRobin(tickets, {7}), (std::vector<std::optional<Id>>{std::nullopt, 7, 7, std::nullopt}));
}

TEST(SamplingPlan, EveryProblemOfAPlanAtOnce) {
  SamplingPlan bad{.name = "", .quota = Quota::kPercent, .amount = 101, .inspector_ids = {3, 3}};
  Problems p;
  CheckPlan(bad, p);
  auto e = p.Take();
  ASSERT_TRUE(e);
  std::set<std::string> fields{e->field};
  for (const auto& more : e->more) fields.insert(more.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "amount", "department_ids", "inspector_ids"}));
}

}  // namespace
}  // namespace sqm::inspection
