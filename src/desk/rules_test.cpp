#include "desk/rules.h"

#include <gtest/gtest.h>

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
  Registration r;
  r.type = TicketType::kConsultation;
  r.title = "how do I reset my password";
  EXPECT_TRUE(CheckRegistration(r).ok());
  r.type = TicketType::kIncident;
  EXPECT_EQ(CheckRegistration(r).error().field, "customer_id");
  r.customer_id = 1;
  EXPECT_EQ(CheckRegistration(r).error().field, "category_id");
  r.category_id = 2;
  EXPECT_EQ(CheckRegistration(r).error().field, "description");
  r.description = "printer on fire";
  EXPECT_TRUE(CheckRegistration(r).ok());
  r.priority = 5;
  EXPECT_EQ(CheckRegistration(r).error().field, "priority");
  Registration c;
  c.type = TicketType::kComplaint;
  c.customer_id = 3;
  EXPECT_EQ(CheckRegistration(c).error().field, "description");
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
  EXPECT_FALSE(Parse<Channel>("fax"));
}

}  // namespace
}  // namespace sqm::desk
