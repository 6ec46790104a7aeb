#include "desk/rules.h"

#include <gtest/gtest.h>

#include "org/rules.h"

namespace sqm::desk {
namespace {

constexpr TicketStatus kAllStatuses[] = {
    TicketStatus::kNew,      TicketStatus::kAccepted,     TicketStatus::kInProgress, TicketStatus::kWaitingCustomer,
    TicketStatus::kResolved, TicketStatus::kCallbackDone, TicketStatus::kClosed,     TicketStatus::kCancelled,
    TicketStatus::kMerged};
constexpr Action kAllActions[] = {Action::kAccept,   Action::kRespond, Action::kStart,    Action::kWait,
                                  Action::kResume,   Action::kResolve, Action::kCallback, Action::kClose,
                                  Action::kReopen,   Action::kCancel,  Action::kMerge,    Action::kTransfer,
                                  Action::kEscalate, Action::kAssign,  Action::kComment};

TEST(Lifecycle, HappyPathFromRegistrationToClose) {
  TicketStatus s = TicketStatus::kNew;
  s = Next(s, Action::kAccept).value();
  EXPECT_EQ(s, TicketStatus::kAccepted);
  s = Next(s, Action::kRespond).value();
  EXPECT_EQ(s, TicketStatus::kAccepted);
  s = Next(s, Action::kStart).value();
  EXPECT_EQ(s, TicketStatus::kInProgress);
  s = Next(s, Action::kWait).value();
  EXPECT_EQ(s, TicketStatus::kWaitingCustomer);
  s = Next(s, Action::kResume).value();
  s = Next(s, Action::kResolve).value();
  EXPECT_EQ(s, TicketStatus::kResolved);
  s = Next(s, Action::kCallback, CallbackResolved::kResolved).value();
  EXPECT_EQ(s, TicketStatus::kCallbackDone);
  s = Next(s, Action::kClose).value();
  EXPECT_EQ(s, TicketStatus::kClosed);
  EXPECT_EQ(Next(s, Action::kReopen).value(), TicketStatus::kInProgress);
}

TEST(Lifecycle, RespondOnANewTicketAcceptsIt) {
  EXPECT_EQ(Next(TicketStatus::kNew, Action::kRespond).value(), TicketStatus::kAccepted);
}

TEST(Lifecycle, CallbackNotResolvedReopens) {
  EXPECT_EQ(Next(TicketStatus::kResolved, Action::kCallback, CallbackResolved::kNotResolved).value(),
            TicketStatus::kInProgress);
  EXPECT_EQ(Next(TicketStatus::kResolved, Action::kCallback, CallbackResolved::kPartly).value(),
            TicketStatus::kCallbackDone);
  EXPECT_EQ(Next(TicketStatus::kResolved, Action::kCallback).error().field, "resolved");
}

TEST(Lifecycle, TransferHandsTheTicketToTheNextDepartmentAsNew) {
  EXPECT_EQ(Next(TicketStatus::kInProgress, Action::kTransfer).value(), TicketStatus::kNew);
}

// Every (state, action) pair outside AllowedActions is refused with a message naming what is allowed.
TEST(Lifecycle, EveryInvalidTransitionIsRefusedWithTheAllowedList) {
  int refused = 0;
  for (TicketStatus s : kAllStatuses) {
    const auto allowed = AllowedActions(s);
    for (Action a : kAllActions) {
      const bool ok = std::find(allowed.begin(), allowed.end(), a) != allowed.end();
      auto r = Next(s, a, CallbackResolved::kResolved);
      EXPECT_EQ(r.ok(), ok) << Name(s) << " " << Name(a);
      if (!ok) {
        ++refused;
        EXPECT_EQ(r.error().code, ErrorCode::kConflict);
        EXPECT_NE(r.error().message.find(std::string("cannot ") + Name(a)), std::string::npos);
        EXPECT_NE(r.error().message.find("allowed: "), std::string::npos);
      }
    }
  }
  EXPECT_GT(refused, 60);
  EXPECT_EQ(Next(TicketStatus::kClosed, Action::kResolve).error().message,
            "cannot resolve a ticket that is closed; allowed: reopen, comment");
}

TEST(Lifecycle, EndedTicketsOnlyTakeComments) {
  for (TicketStatus s : {TicketStatus::kCancelled, TicketStatus::kMerged}) {
    EXPECT_EQ(AllowedActions(s), std::vector<Action>{Action::kComment});
  }
  EXPECT_TRUE(IsOpen(TicketStatus::kWaitingCustomer));
  EXPECT_FALSE(IsOpen(TicketStatus::kResolved));
}

TEST(Registration, RequiredFieldsPerType) {
  TicketDraft d;
  Registration& r = d.registration;
  r.type = TicketType::kConsultation;
  r.title = "how do I reset my password";
  EXPECT_TRUE(CheckRegistration(d).ok());
  r.type = TicketType::kIncident;
  EXPECT_EQ(CheckRegistration(d).error().field, "customer_id");
  r.customer_id = 1;
  EXPECT_EQ(CheckRegistration(d).error().field, "category_id");
  r.category_id = 2;
  EXPECT_EQ(CheckRegistration(d).error().field, "description");
  r.description = "printer on fire";
  EXPECT_TRUE(CheckRegistration(d).ok());
  r.priority = 5;
  EXPECT_EQ(CheckRegistration(d).error().field, "priority");
  TicketDraft c;
  c.registration.type = TicketType::kComplaint;
  c.registration.customer_id = 3;
  EXPECT_EQ(CheckRegistration(c).error().field, "description");
}

TEST(Registration, AComplaintNeedsItsCategoryAndEveryProblemIsReported) {
  TicketDraft c;
  c.registration.type = TicketType::kComplaint;
  auto e = CheckRegistration(c).error();
  EXPECT_EQ(e.field, "customer_id");
  ASSERT_EQ(e.more.size(), 2u);
  EXPECT_EQ(e.more[0].field, "description");
  EXPECT_EQ(e.more[1].field, "complaint.category");
  EXPECT_EQ(e.more[1].key, "complaint.category_required");
  c.registration.customer_id = 3;
  c.registration.description = "rude";
  c.complaint = ComplaintDraft{};
  EXPECT_EQ(CheckRegistration(c).error().field, "complaint.category") << "a complaint object without its category";
  c.complaint->category = ComplaintCategory::kAttitude;
  EXPECT_TRUE(CheckRegistration(c).ok());
  c.complaint->severity = 4;
  EXPECT_EQ(CheckRegistration(c).error().field, "complaint.severity");
}

TEST(Registration, TheFormAsksForWhatTheRulesRequire) {
  EXPECT_EQ(RequiredFields(TicketType::kConsultation), (std::vector<std::string>{"title"}));
  EXPECT_EQ(RequiredFields(TicketType::kComplaint),
            (std::vector<std::string>{"title", "customer_id", "description", "complaint.category"}));
  EXPECT_EQ(RequiredFields(TicketType::kIncident),
            (std::vector<std::string>{"title", "customer_id", "category_id", "description"}));
  TicketDraft d;
  EXPECT_EQ(InitialStatus(d), TicketStatus::kNew);
  d.assignee_id = 7;
  EXPECT_EQ(InitialStatus(d), TicketStatus::kAccepted);
}

// ---- action plans ----

Ticket InStatus(TicketStatus s) {
  Ticket t;
  t.id = 42;
  t.number = TicketNumber(42);
  t.status = s;
  t.department_id = 1;
  return t;
}

TEST(ActionPlan, ATransferWithAnAssigneeIsAcceptedAtOnce) {
  ActionInput in{.action = Action::kTransfer, .note = "needs an engineer", .department_id = 2};
  auto plan = Plan(InStatus(TicketStatus::kAccepted), in, {.actor = 5}).value();
  EXPECT_EQ(plan.next, TicketStatus::kNew);
  EXPECT_EQ(plan.timers.stop, std::vector<sla::TimerKind>{sla::TimerKind::kHandover});
  EXPECT_EQ(plan.timers.start, std::vector<sla::TimerKind>{sla::TimerKind::kHandover});
  ASSERT_TRUE(plan.transfer);
  EXPECT_FALSE(plan.transfer->sendback);
  in.assignee_id = 9;
  plan = Plan(InStatus(TicketStatus::kInProgress), in, {.actor = 5, .transfer_history = {{2, 1}}}).value();
  EXPECT_EQ(plan.next, TicketStatus::kAccepted);
  EXPECT_TRUE(plan.transfer->sendback) << "back to where it came from";
  EXPECT_EQ(plan.notices.at(0).notice, Notice::kSentBack);
}

TEST(ActionPlan, ATechnicalEscalationIsATransferAManagerOneStaysPut) {
  ActionInput in{.action = Action::kEscalate, .note = "stuck", .department_id = 2};
  EXPECT_EQ(Plan(InStatus(TicketStatus::kAccepted), in, {}).error().field, "escalation");
  in.escalation = Escalation::kTechnical;
  auto technical = Plan(InStatus(TicketStatus::kAccepted), in, {}).value();
  EXPECT_EQ(technical.next, TicketStatus::kNew);
  EXPECT_TRUE(technical.transfer && technical.transfer->technical);
  EXPECT_EQ(technical.change.escalation_level, 1);
  in.escalation = Escalation::kManager;
  auto manager = Plan(InStatus(TicketStatus::kAccepted), in, {}).value();
  EXPECT_EQ(manager.next, TicketStatus::kAccepted);
  EXPECT_FALSE(manager.transfer);
  EXPECT_EQ(manager.change.escalation_level, 2);
  EXPECT_EQ(manager.notices.at(0).audience, Audience::kDepartmentManagers);
}

TEST(ActionPlan, RequiredFieldsAreReportedTogether) {
  auto e = Plan(InStatus(TicketStatus::kNew), {.action = Action::kTransfer}, {}).error();
  EXPECT_EQ(e.field, "department_id");
  ASSERT_EQ(e.more.size(), 1u);
  EXPECT_EQ(e.more[0].field, "note");
  EXPECT_EQ(Plan(InStatus(TicketStatus::kNew), {.action = Action::kRespond}, {}).error().field, "note");
  EXPECT_EQ(Plan(InStatus(TicketStatus::kResolved), {.action = Action::kCallback}, {}).error().field, "reached");
  EXPECT_EQ(Plan(InStatus(TicketStatus::kNew), {.action = Action::kMerge, .merge_into = 42}, {}).error().field,
            "merge_into");
}

TEST(ActionPlan, ResolvingStopsTheClocksAndOpensTheCallback) {
  auto plan = Plan(InStatus(TicketStatus::kInProgress), {.action = Action::kResolve}, {}).value();
  EXPECT_EQ(plan.next, TicketStatus::kResolved);
  EXPECT_EQ(plan.timers.stop, (std::vector<sla::TimerKind>{sla::TimerKind::kFirstResponse, sla::TimerKind::kHandover,
                                                           sla::TimerKind::kResolution}));
  EXPECT_EQ(plan.timers.start, std::vector<sla::TimerKind>{sla::TimerKind::kCallback});
  EXPECT_EQ(plan.callback, CallbackTask::kOpen);
  EXPECT_TRUE(plan.comments.empty()) << "no note, no comment";
  auto missed = Plan(InStatus(TicketStatus::kResolved), {.action = Action::kCallback, .reached = false}, {}).value();
  EXPECT_TRUE(missed.attempt_only);
  EXPECT_EQ(missed.event, "ticket.callback_attempted");
  EXPECT_EQ(missed.callback, CallbackTask::kNone);
}

TEST(ActionPlan, ACustomerReplyResumesAWaitingTicket) {
  auto plan = PlanCustomerReply(InStatus(TicketStatus::kWaitingCustomer), "here it is").value();
  EXPECT_EQ(plan.next, TicketStatus::kInProgress);
  EXPECT_TRUE(plan.timers.resume_all);
  EXPECT_EQ(plan.comments.at(0).body, "here it is");
  EXPECT_EQ(PlanCustomerReply(InStatus(TicketStatus::kAccepted), "x")->next, TicketStatus::kAccepted);
  EXPECT_EQ(PlanCustomerReply(InStatus(TicketStatus::kClosed), "x").error().code, ErrorCode::kConflict);
}

TEST(SendBack, ATransferBackToWhereItCameFromIsASendBack) {
  // desk(1) -> tech(2); tech sends it back to desk.
  std::vector<std::pair<std::optional<Id>, Id>> history{{1, 2}};
  EXPECT_TRUE(IsSendBack(2, 1, history));
  EXPECT_FALSE(IsSendBack(2, 3, history));
  // desk -> tech -> ops: ops returning it to tech is a send-back, to desk is not.
  history.push_back({2, 3});
  EXPECT_TRUE(IsSendBack(3, 2, history));
  EXPECT_FALSE(IsSendBack(3, 1, history));
  EXPECT_FALSE(IsSendBack(1, 2, {}));
}

template <typename E>
void ExpectLabelsRoundTrip() {
  for (const auto& l : Labels<E>()) {
    EXPECT_EQ(Parse<E>(Name(l.value)), l.value) << l.name;
    EXPECT_EQ(ParseLabel<E>(NameZh(l.value)), l.value) << l.name;
    EXPECT_NE(std::string(NameZh(l.value)), "") << l.name;
  }
}

TEST(Names, EveryValueHasANameAndAChineseLabelThatReadBack) {
  ExpectLabelsRoundTrip<TicketType>();
  ExpectLabelsRoundTrip<Channel>();
  ExpectLabelsRoundTrip<TicketStatus>();
  ExpectLabelsRoundTrip<Action>();
  ExpectLabelsRoundTrip<CallbackResolved>();
  ExpectLabelsRoundTrip<Satisfaction>();
  ExpectLabelsRoundTrip<ComplaintCategory>();
  ExpectLabelsRoundTrip<Escalation>();
  EXPECT_EQ(NameList<Channel>(), "phone, email, chat, portal, walk_in, api");
  EXPECT_EQ(ParseLabel<Channel>(" Walk-In "), Channel::kWalkIn);
  EXPECT_EQ(ParsePriority("p2"), 2);
  EXPECT_EQ(ParsePriority("P5"), std::nullopt);
  EXPECT_EQ(PriorityName(1), "P1");
}

TEST(Names, RoundTrip) {
  for (TicketStatus s : kAllStatuses) EXPECT_EQ(Parse<TicketStatus>(Name(s)), s);
  for (Action a : kAllActions) EXPECT_EQ(Parse<Action>(Name(a)), a);
  EXPECT_EQ(TicketNumber(42), "T000042");
  EXPECT_EQ(ParseTicketNumber("t000042"), 42);
  EXPECT_EQ(ParseTicketNumber("T42"), std::nullopt);
  EXPECT_EQ(ParseTicketNumber("T0000042"), std::nullopt);
  EXPECT_EQ(ParseTicketNumber("T1234567"), 1234567);
  EXPECT_FALSE(Parse<Channel>("fax"));
}

// ---- who sees what ----

org::Principal WithRoles(std::vector<std::string> roles) {
  org::Principal p;
  p.roles = roles;
  p.permissions = org::PermissionsOf(roles);
  return p;
}

TEST(Oversight, ManagersAndEvaluatorsOverseeComplaintsAboutTheirScope) {
  EXPECT_TRUE(OverseesComplaints({"manager"}));
  EXPECT_TRUE(OverseesComplaints({"evaluator"}));
  EXPECT_TRUE(OverseesComplaints({"agent", "manager"}));
  EXPECT_FALSE(OverseesComplaints({"agent"}));
  EXPECT_FALSE(OverseesComplaints({"engineer"}));
}

TEST(Oversight, TheTeamOfATransferIsItsHandlers) {
  EXPECT_EQ(HandlingRoles(), (std::vector<std::string>{"manager", "agent", "engineer"}));
}

TEST(ContactDetails, AccessPerRole) {
  for (const char* r : {"admin", "manager", "agent"})
    EXPECT_EQ(ContactAccessOf(WithRoles({r})), ContactAccess::kFull) << r;
  for (const char* r : {"quality", "engineer"}) {
    EXPECT_EQ(ContactAccessOf(WithRoles({r})), ContactAccess::kTheirTickets) << r;
  }
  for (const char* r : {"evaluator", "executive", "customer"}) {
    EXPECT_EQ(ContactAccessOf(WithRoles({r})), ContactAccess::kMasked) << r;
  }
}

TEST(ContactDetails, Masks) {
  EXPECT_EQ(MaskPhone("13800000001"), "138****0001");
  EXPECT_EQ(MaskPhone("+8613800000001"), "+86*******0001");
  EXPECT_EQ(MaskPhone("010-8888"), "******88");
  EXPECT_EQ(MaskPhone(""), "");
  EXPECT_EQ(MaskEmail("zhao.fang@example.com"), "z***@example.com");
  EXPECT_EQ(MaskEmail("broken"), "***");
  EXPECT_EQ(MaskEmail(""), "");
  Customer c;
  c.phone = "13912340077";
  c.email = "a@b.cn";
  MaskContact(c);
  EXPECT_EQ(c.phone, "139****0077");
  EXPECT_EQ(c.email, "a***@b.cn");
  EXPECT_TRUE(c.contact_masked);
}

// ---- reports ----

TEST(ReportPeriod, AtMostTwoYearsAndFromBeforeTo) {
  constexpr TimeMs kDay = 24LL * 3600 * 1000;
  EXPECT_TRUE(CheckReportPeriod(0, kDay).ok());
  EXPECT_TRUE(CheckReportPeriod(0, kMaxReportDays * kDay).ok());
  auto e = CheckReportPeriod(0, kMaxReportDays * kDay + 1);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "from");
  EXPECT_EQ(e.error().key, "report.range_too_long");
  // 0001-01-01 to 9999-12-31 (issue 9: 521,722 weekly rows) does not overflow.
  e = CheckReportPeriod(-62135596800000LL, 253402214400000LL);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "from");
  e = CheckReportPeriod(kDay, kDay);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "to");
  EXPECT_EQ(e.error().key, "report.to_before_from");
}

}  // namespace
}  // namespace sqm::desk
