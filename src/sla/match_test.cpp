#include <gtest/gtest.h>

#include "sla/rules.h"

namespace sqm::sla {
namespace {

Policy Make(std::int64_t id, std::string name, MatchCriteria match, bool active = true) {
  Policy p;
  p.id = id;
  p.version = 1;
  p.name = std::move(name);
  p.match = std::move(match);
  p.targets = {{TimerKind::kResolution, 480, "cn-mainland"}};
  p.active = active;
  return p;
}

TicketFacts IncidentP1() {
  TicketFacts t;
  t.ticket_type = "incident";
  t.priority = Priority::kP1;
  t.channel = "phone";
  t.category_path = {1, 5, 12};  // e.g. IT / network / VPN
  t.customer_tier = "gold";
  return t;
}

const CandidateReport& ReportFor(const PolicyMatch& m, std::int64_t id) {
  for (const auto& c : m.candidates) {
    if (c.policy_id == id) return c;
  }
  static const CandidateReport kNone;
  ADD_FAILURE() << "no report for policy " << id;
  return kNone;
}

TEST(SlaPolicyMatch, MostSpecificWinsAndTheOthersAreExplained) {
  const std::vector<Policy> policies = {
      Make(1, "Default", {}),
      Make(2, "Incidents", {.ticket_type = "incident"}),
      Make(3, "P1 incidents", {.ticket_type = "incident", .priority = Priority::kP1}),
      Make(4, "P2 anything", {.priority = Priority::kP2}),
      Make(5, "Everything for gold by phone",
           {.ticket_type = "incident", .priority = Priority::kP1, .channel = "phone", .customer_tier = "gold"}, false),
  };
  const PolicyMatch m = MatchPolicy(policies, IncidentP1());
  ASSERT_NE(m.policy, nullptr);
  EXPECT_EQ(m.policy->id, 3);
  ASSERT_EQ(m.candidates.size(), 5u);
  EXPECT_EQ(m.candidates[0].policy_id, 3);
  EXPECT_EQ(m.candidates[0].verdict, Verdict::kApplied);
  EXPECT_EQ(m.candidates[0].reason, "applied because ticket_type=incident, priority=P1 matched");
  EXPECT_EQ(m.candidates[1].policy_id, 2);
  EXPECT_EQ(m.candidates[1].verdict, Verdict::kLessSpecific);
  EXPECT_EQ(m.candidates[1].reason, "less specific than policy #3 (1 criterion vs 2)");
  EXPECT_EQ(m.candidates[2].policy_id, 1);
  EXPECT_EQ(m.candidates[2].verdict, Verdict::kLessSpecific);
  EXPECT_EQ(m.candidates[3].policy_id, 4);
  EXPECT_EQ(m.candidates[3].verdict, Verdict::kNotMatching);
  EXPECT_EQ(m.candidates[3].reason, "does not match: priority is P1, the policy wants P2");
  ASSERT_EQ(m.candidates[3].checks.size(), 1u);
  EXPECT_FALSE(m.candidates[3].checks[0].matched);
  EXPECT_EQ(m.candidates[4].policy_id, 5);
  EXPECT_EQ(m.candidates[4].verdict, Verdict::kInactive);
  EXPECT_EQ(m.summary,
            "policy #3 \"P1 incidents\" v1 applied because ticket_type=incident, priority=P1 matched; "
            "#2 \"Incidents\" was less specific; #1 \"Default\" was less specific");
}

TEST(SlaPolicyMatch, CategoryMatchesItselfOrAnyAncestor) {
  const std::vector<Policy> policies = {
      Make(1, "IT", {.category_id = 1}),
      Make(2, "Network", {.category_id = 5}),
      Make(3, "Facilities", {.category_id = 40}),
  };
  const PolicyMatch m = MatchPolicy(policies, IncidentP1());
  ASSERT_NE(m.policy, nullptr);
  EXPECT_EQ(m.policy->id, 2);
  EXPECT_EQ(ReportFor(m, 2).category_depth, 2);
  const CandidateReport& it = ReportFor(m, 1);
  EXPECT_EQ(it.verdict, Verdict::kLostTieBreak);
  EXPECT_EQ(it.category_depth, 1);
  EXPECT_EQ(it.decided_by, Criterion::kCategory);
  EXPECT_EQ(it.reason, "as specific as policy #2 (1 criterion), which wins on a deeper category (depth 2 vs 1)");
  const CandidateReport& facilities = ReportFor(m, 3);
  EXPECT_EQ(facilities.verdict, Verdict::kNotMatching);
  EXPECT_EQ(facilities.checks[0].actual, "1/5/12");
  EXPECT_EQ(facilities.reason, "does not match: category 40 is not on the ticket's category path 1/5/12");

  TicketFacts uncategorised = IncidentP1();
  uncategorised.category_path.clear();
  const PolicyMatch none = MatchPolicy(policies, uncategorised);
  EXPECT_EQ(none.policy, nullptr);
  EXPECT_EQ(none.summary, "no active policy matches the ticket");
  EXPECT_EQ(ReportFor(none, 1).reason,
            "does not match: category 1 is not on the ticket's category path (the ticket has no category)");
}

TEST(SlaPolicyMatch, TieBreakOrderIsCategoryTierTypePriorityChannelThenId) {
  const TicketFacts ticket = IncidentP1();
  auto winner = [&](std::vector<Policy> policies) {
    const PolicyMatch m = MatchPolicy(policies, ticket);
    return m.policy ? m.policy->id : -1;
  };
  // Equal counts (one criterion each): the earlier criterion in the tie-break order wins.
  EXPECT_EQ(winner({Make(1, "tier", {.customer_tier = "gold"}), Make(2, "category", {.category_id = 12})}), 2);
  EXPECT_EQ(winner({Make(1, "type", {.ticket_type = "incident"}), Make(2, "tier", {.customer_tier = "gold"})}), 2);
  EXPECT_EQ(winner({Make(1, "priority", {.priority = Priority::kP1}), Make(2, "type", {.ticket_type = "incident"})}),
            2);
  EXPECT_EQ(winner({Make(1, "channel", {.channel = "phone"}), Make(2, "priority", {.priority = Priority::kP1})}), 2);
  // Same criteria: the lower id wins, whatever the list order.
  EXPECT_EQ(winner({Make(9, "b", {.channel = "phone"}), Make(4, "a", {.channel = "phone"})}), 4);
  // More criteria beats a deeper category.
  EXPECT_EQ(
      winner({Make(1, "deep", {.category_id = 12}), Make(2, "two", {.ticket_type = "incident", .channel = "phone"})}),
      2);

  const std::vector<Policy> pair = {Make(1, "type", {.ticket_type = "incident"}),
                                    Make(2, "tier", {.customer_tier = "gold"})};
  const PolicyMatch m = MatchPolicy(pair, ticket);
  EXPECT_EQ(ReportFor(m, 1).decided_by, Criterion::kCustomerTier);
  EXPECT_EQ(ReportFor(m, 1).reason, "as specific as policy #2 (1 criterion), which wins because it sets customer_tier");
  const std::vector<Policy> twins = {Make(8, "b", {.channel = "phone"}), Make(3, "a", {.channel = "phone"})};
  const PolicyMatch t = MatchPolicy(twins, ticket);
  EXPECT_FALSE(ReportFor(t, 8).decided_by.has_value());
  EXPECT_EQ(ReportFor(t, 8).reason, "as specific as policy #3 (1 criterion), which wins by its lower id");
  EXPECT_EQ(t.summary.find("#8 \"b\" lost the tie-break") != std::string::npos, true) << t.summary;
}

TEST(SlaPolicyMatch, ASetCriterionNeverMatchesAnUnknownFact) {
  TicketFacts ticket;
  ticket.ticket_type = "request";
  const std::vector<Policy> policies = {Make(1, "P1", {.priority = Priority::kP1}),
                                        Make(2, "Chat", {.channel = "chat"}), Make(3, "Default", {})};
  const PolicyMatch m = MatchPolicy(policies, ticket);
  ASSERT_NE(m.policy, nullptr);
  EXPECT_EQ(m.policy->id, 3);
  EXPECT_EQ(m.candidates[0].reason, "applied as the default policy (it sets no criteria)");
  EXPECT_EQ(ReportFor(m, 1).reason, "does not match: priority is unknown, the policy wants P1");
  EXPECT_EQ(ReportFor(m, 2).reason, "does not match: channel is unknown, the policy wants chat");
}

TEST(SlaPolicyMatch, ListsEveryFailedCriterion) {
  const std::vector<Policy> policies = {
      Make(1, "VIP chat complaints", {.ticket_type = "complaint", .channel = "chat", .customer_tier = "vip"})};
  const PolicyMatch m = MatchPolicy(policies, IncidentP1());
  EXPECT_EQ(m.policy, nullptr);
  const CandidateReport& r = ReportFor(m, 1);
  EXPECT_EQ(r.specificity, 3);
  ASSERT_EQ(r.checks.size(), 3u);
  EXPECT_EQ(r.checks[0].criterion, Criterion::kCustomerTier);
  EXPECT_EQ(r.checks[1].criterion, Criterion::kTicketType);
  EXPECT_EQ(r.checks[2].criterion, Criterion::kChannel);
  EXPECT_EQ(r.reason,
            "does not match: customer_tier is gold, the policy wants vip; ticket_type is incident, the policy wants "
            "complaint; channel is phone, the policy wants chat");
}

TEST(SlaPolicyMatch, EmptyListMatchesNothing) {
  const PolicyMatch m = MatchPolicy({}, IncidentP1());
  EXPECT_EQ(m.policy, nullptr);
  EXPECT_TRUE(m.candidates.empty());
}

}  // namespace
}  // namespace sqm::sla
