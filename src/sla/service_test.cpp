#include "sla/service.h"

#include <chrono>
#include <future>

#include <gtest/gtest.h>

#include "calendar/builtin.h"
#include "sla/repo.h"
#include "sla/routes.h"
#include "storage/event_log.h"
#include "storage/testing.h"

namespace sqm::sla {
namespace {

using storage::Connection;
using storage::WriteTx;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

TimeMs Bj(const std::string& local) {
  return ParseIsoTime(local + ":00+08:00").value();
}

Policy MakePolicy(std::string name, std::vector<Target> targets, MatchCriteria match = {}) {
  Policy p;
  p.name = std::move(name);
  p.targets = std::move(targets);
  p.match = std::move(match);
  return p;
}

TicketFacts Incident(Priority p = Priority::kP2) {
  TicketFacts f;
  f.ticket_type = "incident";
  f.priority = p;
  f.channel = "phone";
  return f;
}

class SlaServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{file_.url()}, clock_);
    db_->Migrate();
    calendars_ = std::make_unique<calendar::Registry>(*db_);
    ASSERT_TRUE(calendars_->Load().ok());
    svc_ = NewService();
  }
  void TearDown() override {
    svc_.reset();
    calendars_.reset();
    db_.reset();
  }
  std::unique_ptr<Service> NewService() {
    auto s = std::make_unique<Service>(*db_, *calendars_, clock_, ServiceOptions{.retry_delay = 5 * kMinute});
    s->SetFiringHandler([this](WriteTx& tx, const Timer& t, FiringKind k) { return OnFiring(tx, t, k); });
    s->Restore();
    return s;
  }

  // The default handler: records the call, and checks it runs in the firing's transaction.
  Status OnFiring(WriteTx& tx, const Timer& t, FiringKind kind) {
    auto stored = repo::FindTimer(tx.db(), t.id);
    EXPECT_TRUE(stored);
    if (stored) {
      EXPECT_EQ(*stored, t);  // the MarkFired is already saved in this transaction
      EXPECT_TRUE(kind == FiringKind::kWarning ? stored->warning_fired_at.has_value()
                                               : stored->breach_fired_at.has_value());
    }
    fired_.emplace_back(t.id, kind);
    tx.Append("test", std::to_string(t.id), "test.notified", {{"kind", FiringKindName(kind)}});
    if (fail_handler_) return Error::Internal("the mail server is down");
    return {};
  }

  std::int64_t NewTicket() {
    return db_
        ->Write("agent",
                [&](WriteTx& tx) -> Result<std::int64_t> {
                  SQM_ASSIGN(auto r,
                             tx.db().Exec("INSERT INTO tickets (type, channel, priority, status, title,"
                                          " created_by, created_at, updated_at)"
                                          " VALUES ('incident', 'phone', 2, 'new', 'printer', 1, ?, ?) RETURNING id",
                                          {tx.now(), tx.now()}));
                  return r.last_insert_id;
                })
        .value();
  }

  // A ticket with its SLA started, as the desk registers one.
  std::pair<std::int64_t, std::optional<AppliedPolicy>> Register(const TicketFacts& facts) {
    const std::int64_t id = NewTicket();
    auto applied = db_->Write("agent", [&](WriteTx& tx) { return svc_->StartTicket(tx, id, facts, tx.now()); });
    EXPECT_TRUE(applied.ok()) << (applied.ok() ? "" : applied.error().message);
    svc_->Reschedule(id);
    return {id, applied.ok() ? applied.value() : std::nullopt};
  }

  // Runs one desk action on the ticket's timers, then reschedules as the desk does.
  template <typename F>
  Status Act(std::int64_t ticket, F&& f) {
    Status st = db_->Write("agent", [&](WriteTx& tx) -> Status { return f(tx, tx.now()); });
    if (st.ok()) svc_->Reschedule(ticket);
    return st;
  }

  std::vector<Timer> Timers(std::int64_t ticket) {
    return db_->Read([&](Connection& c) { return svc_->TimersOf(c, ticket); });
  }
  Timer Only(std::int64_t ticket, TimerKind kind) {
    for (const Timer& t : Timers(ticket)) {
      if (t.kind == kind) return t;
    }
    ADD_FAILURE() << "no " << TimerKindName(kind) << " timer";
    return {};
  }
  std::vector<storage::Event> Events(const std::string& type_prefix) {
    return db_->Read([&](Connection& c) { return storage::ListEvents(c, {.type = type_prefix, .limit = 500}).events; });
  }
  std::int64_t PolicyId(Policy p) {
    auto r = svc_->CreatePolicy("quality", std::move(p));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().field + " " + r.error().message);
    return r.ok() ? r->id : 0;
  }
  const calendar::BusinessTime& Cal(const std::string& code) { return *calendars_->Get(code); }

  storage::testing::TestDb file_;              // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  ManualClock clock_{Bj("2026-09-07T09:00")};  // a Monday
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<calendar::Registry> calendars_;
  std::unique_ptr<Service> svc_;
  std::vector<std::pair<std::int64_t, FiringKind>> fired_;
  bool fail_handler_ = false;
};

// ---- policies -------------------------------------------------------------------------------

TEST_F(SlaServiceTest, PolicyEditsMakeVersions) {
  const std::int64_t id = PolicyId(MakePolicy("P2 incidents", {{TimerKind::kResolution, 480, "cn-mainland"}},
                                              {.ticket_type = "incident", .priority = Priority::kP2}));
  ASSERT_EQ(id, 1);
  EXPECT_EQ(PolicyId(MakePolicy("everything else", {{TimerKind::kResolution, 960, "24x7"}})), 2);

  Policy edit = MakePolicy("P2 incidents", {{TimerKind::kResolution, 240, "cn-mainland"}},
                           {.ticket_type = "incident", .priority = Priority::kP2});
  auto v2 = svc_->UpdatePolicy("quality", id, edit, 1);
  ASSERT_TRUE(v2.ok()) << v2.error().message;
  EXPECT_EQ(v2->id, id);
  EXPECT_EQ(v2->version, 2);

  auto list = svc_->ListPolicies(false);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].version, 2);
  EXPECT_EQ((*list)[0].targets[0].business_minutes, 240);
  EXPECT_EQ(svc_->GetPolicy(id)->version, 2);
  EXPECT_EQ(svc_->GetPolicy(id, 1)->targets[0].business_minutes, 480);
  EXPECT_EQ(svc_->GetPolicy(id, 3).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc_->GetPolicy(99).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(db_->Read([](Connection& c) {
    return c.QueryOne("SELECT count(*) FROM sla_policies WHERE current = 1")->Int(0);
  }),
            2);

  // An edit based on a version that is no longer current is refused.
  auto stale = svc_->UpdatePolicy("quality", id, edit, 1);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().field, "version");
  EXPECT_EQ(svc_->UpdatePolicy("quality", 99, edit).error().code, ErrorCode::kNotFound);

  // Deactivating is a version too; inactive policies are listed only when asked.
  edit.active = false;
  ASSERT_TRUE(svc_->UpdatePolicy("quality", id, edit).ok());
  EXPECT_EQ(svc_->ListPolicies(false)->size(), 1u);
  EXPECT_EQ(svc_->ListPolicies(true)->size(), 2u);
  EXPECT_EQ(Events("sla.policy_created").size(), 2u);
  EXPECT_EQ(Events("sla.policy_updated").size(), 2u);
  EXPECT_EQ(Events("sla.policy_updated")[0].entity, "sla_policy");
}

TEST_F(SlaServiceTest, PolicyValidationNamesTheField) {
  auto unknown_calendar = svc_->CreatePolicy(
      "quality", MakePolicy("x", {{TimerKind::kFirstResponse, 30, "24x7"}, {TimerKind::kResolution, 60, "mars"}}));
  EXPECT_EQ(unknown_calendar.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(unknown_calendar.error().field, "targets[1].calendar_code");
  EXPECT_EQ(svc_->CreatePolicy("quality", MakePolicy("", {{TimerKind::kResolution, 60, "24x7"}})).error().field,
            "name");
  EXPECT_EQ(svc_->CreatePolicy("quality", MakePolicy("x", {})).error().field, "targets");
  EXPECT_EQ(svc_->CreatePolicy("quality", MakePolicy("x", {{TimerKind::kResolution, 0, "24x7"}})).error().field,
            "targets[0].business_minutes");
  const std::int64_t id = PolicyId(MakePolicy("ok", {{TimerKind::kResolution, 60, "24x7"}}));
  EXPECT_EQ(
      svc_->UpdatePolicy("quality", id, MakePolicy("ok", {{TimerKind::kResolution, 60, "nowhere"}})).error().field,
      "targets[0].calendar_code");
  EXPECT_EQ(svc_->GetPolicy(id)->version, 1);
}

TEST_F(SlaServiceTest, RunningTimersKeepTheirVersionNewTicketsGetTheNewOne) {
  const std::int64_t id = PolicyId(MakePolicy("all", {{TimerKind::kFirstResponse, 30, "24x7"},
                                                      {TimerKind::kResolution, 120, "24x7"},
                                                      {TimerKind::kCallback, 1440, "24x7"}}));
  const auto a_reg = Register(Incident());
  const std::int64_t a = a_reg.first;
  const auto& applied_a = a_reg.second;
  ASSERT_TRUE(applied_a);
  EXPECT_EQ(applied_a->policy_id, id);
  EXPECT_EQ(applied_a->policy_version, 1);
  EXPECT_NE(applied_a->summary.find("policy #1"), std::string::npos);
  EXPECT_EQ(applied_a->candidates.size(), 1u);

  ASSERT_TRUE(svc_->UpdatePolicy("quality", id,
                                 MakePolicy("all", {{TimerKind::kFirstResponse, 15, "24x7"},
                                                    {TimerKind::kResolution, 60, "24x7"}}))
                  .ok());
  const auto b_reg = Register(Incident());
  const std::int64_t b = b_reg.first;
  const auto& applied_b = b_reg.second;
  ASSERT_TRUE(applied_b);
  EXPECT_EQ(applied_b->policy_version, 2);

  EXPECT_EQ(Only(a, TimerKind::kResolution).policy_version, 1);
  EXPECT_EQ(Only(a, TimerKind::kResolution).target_minutes, 120);
  EXPECT_EQ(Only(b, TimerKind::kResolution).policy_version, 2);
  EXPECT_EQ(Only(b, TimerKind::kResolution).due_at, clock_.Now() + 60 * kMinute);

  // A later timer of ticket A still follows v1 (which has a callback target; v2 has none).
  clock_.Advance(10 * kMinute);
  ASSERT_TRUE(Act(a, [&](WriteTx& tx, TimeMs now) -> Status {
                SQM_TRY(svc_->StopKind(tx, a, TimerKind::kResolution, now));
                return svc_->StartTimer(tx, a, TimerKind::kCallback, id, 1, now);
              }).ok());
  EXPECT_EQ(Only(a, TimerKind::kCallback).target_minutes, 1440);
  ASSERT_TRUE(
      Act(b, [&](WriteTx& tx, TimeMs now) { return svc_->StartTimer(tx, b, TimerKind::kCallback, id, 2, now); }).ok());
  EXPECT_EQ(Timers(b).size(), 2u);  // no callback target in v2: nothing started
  auto missing =
      Act(b, [&](WriteTx& tx, TimeMs now) { return svc_->StartTimer(tx, b, TimerKind::kCallback, id, 7, now); });
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(SlaServiceTest, NoMatchingPolicyMeansNoTimers) {
  PolicyId(MakePolicy("complaints", {{TimerKind::kResolution, 60, "24x7"}}, {.ticket_type = "complaint"}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const auto& applied = id_reg.second;
  EXPECT_FALSE(applied);
  EXPECT_TRUE(Timers(id).empty());
  EXPECT_EQ(svc_->QueueSize(), 0u);
  // Every timer function is a no-op on a ticket without timers.
  EXPECT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) -> Status {
                SQM_TRY(svc_->PauseAll(tx, id, now));
                SQM_TRY(svc_->ResumeAll(tx, id, now));
                SQM_TRY(svc_->StopKind(tx, id, TimerKind::kFirstResponse, now));
                return svc_->StopAll(tx, id, now);
              }).ok());
  EXPECT_TRUE(Events("sla.timer_").empty());
}

TEST_F(SlaServiceTest, ExplainReportsEveryCandidate) {
  PolicyId(MakePolicy("default", {{TimerKind::kResolution, 960, "cn-mainland"}}));
  PolicyId(MakePolicy("P1", {{TimerKind::kResolution, 240, "24x7"}}, {.priority = Priority::kP1}));
  PolicyId(MakePolicy("printers", {{TimerKind::kResolution, 480, "cn-mainland"}}, {.category_id = 5}));
  auto e = svc_->Explain(Incident(Priority::kP1));
  ASSERT_TRUE(e.ok());
  ASSERT_TRUE(e->policy);
  EXPECT_EQ(e->policy->name, "P1");
  ASSERT_EQ(e->candidates.size(), 3u);
  EXPECT_EQ(e->candidates[0].verdict, Verdict::kApplied);
  EXPECT_EQ(e->candidates[1].verdict, Verdict::kLessSpecific);
  EXPECT_EQ(e->candidates[2].verdict, Verdict::kNotMatching);

  // A category id alone is turned into its path by the installed function.
  svc_->SetCategoryPaths([](Connection&, std::int64_t id) { return std::vector<std::int64_t>{5, id}; });
  auto by_category = svc_->Explain(Incident(), 12);
  ASSERT_TRUE(by_category.ok());
  ASSERT_TRUE(by_category->policy);
  EXPECT_EQ(by_category->policy->name, "printers");
  EXPECT_EQ(by_category->candidates[0].category_depth, 1);
  const auto json = ExplanationJson(by_category->summary, by_category->candidates);
  EXPECT_EQ(json.at("candidates").as_array()[0].at("verdict"), "applied");
  EXPECT_EQ(json.at("candidates").as_array()[0].at("checks").as_array()[0].at("actual"), "5/12");
}

// ---- timers ---------------------------------------------------------------------------------

TEST_F(SlaServiceTest, PausesAndResumesAreStoredReloadedEqualAndOnTheTimeline) {
  PolicyId(MakePolicy("office hours",
                      {{TimerKind::kFirstResponse, 60, "cn-mainland"}, {TimerKind::kResolution, 240, "cn-mainland"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const auto& applied = id_reg.second;
  ASSERT_TRUE(applied);
  const auto& cn = Cal("cn-mainland");

  // What the rules say, step by step, next to what the service stored.
  const TimerSpec spec{TimerKind::kResolution, applied->policy_id, 1, 240, "cn-mainland", 0.75};
  Timer expected = StartTimer(spec, clock_.Now(), cn).value();
  Timer stored = Only(id, TimerKind::kResolution);
  expected.id = stored.id;
  expected.ticket_id = id;
  EXPECT_EQ(stored, expected);
  EXPECT_EQ(stored.due_at, Bj("2026-09-07T14:00"));

  clock_.Set(Bj("2026-09-07T10:00"));
  ASSERT_TRUE(
      Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->StopKind(tx, id, TimerKind::kFirstResponse, now); }).ok());
  EXPECT_EQ(Only(id, TimerKind::kFirstResponse).state, TimerState::kMet);

  clock_.Set(Bj("2026-09-07T11:00"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->PauseAll(tx, id, now); }).ok());
  expected = PauseTimer(expected, clock_.Now(), cn).value();
  EXPECT_EQ(Only(id, TimerKind::kResolution), expected);
  EXPECT_EQ(Only(id, TimerKind::kResolution).state, TimerState::kPaused);
  EXPECT_FALSE(Only(id, TimerKind::kResolution).due_at);

  // Pausing a paused timer is a no-op, not an error.
  clock_.Set(Bj("2026-09-07T11:30"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->PauseAll(tx, id, now); }).ok());
  EXPECT_EQ(Only(id, TimerKind::kResolution), expected);

  // Waiting over the lunch break and the evening: resumes Tuesday 10:00.
  clock_.Set(Bj("2026-09-08T10:00"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->ResumeAll(tx, id, now); }).ok());
  expected = ResumeTimer(expected, clock_.Now(), cn).value();
  EXPECT_EQ(Only(id, TimerKind::kResolution), expected);
  // Two business hours used on Monday (09:00-11:00), two left: Tuesday 10:00 + 2h = 12:00.
  EXPECT_EQ(Only(id, TimerKind::kResolution).due_at, Bj("2026-09-08T12:00"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->ResumeAll(tx, id, now); }).ok());  // no-op

  clock_.Set(Bj("2026-09-08T11:00"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->PauseAll(tx, id, now); }).ok());
  clock_.Set(Bj("2026-09-08T11:15"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->StopAll(tx, id, now); }).ok());
  expected = PauseTimer(expected, Bj("2026-09-08T11:00"), cn).value();
  expected = StopTimer(expected, clock_.Now(), cn).value();
  EXPECT_EQ(Only(id, TimerKind::kResolution), expected);
  EXPECT_EQ(expected.state, TimerState::kMet);
  ASSERT_EQ(expected.pauses.size(), 2u);
  EXPECT_EQ(expected.pauses[1].to, Bj("2026-09-08T11:15"));
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->StopAll(tx, id, now); }).ok());  // no-op

  // A fresh service reads the same timers.
  svc_ = NewService();
  EXPECT_EQ(Only(id, TimerKind::kResolution), expected);
  EXPECT_EQ(svc_->QueueSize(), 0u);

  // The ticket's timeline: every change, in order.
  auto events = db_->Read([&](Connection& c) {
    return storage::ListEvents(c, {.entity = "ticket", .entity_id = std::to_string(id), .limit = 100}).events;
  });
  std::vector<std::string> types;
  for (auto it = events.rbegin(); it != events.rend(); ++it) types.push_back(it->type);
  const std::vector<std::string> want = {"sla.timer_started", "sla.timer_started", "sla.timer_stopped",
                                         "sla.timer_paused",  "sla.timer_resumed", "sla.timer_paused",
                                         "sla.timer_stopped"};
  EXPECT_EQ(types, want);
  EXPECT_NE(events[0].data.find("\"met\":true"), std::string::npos) << events[0].data;
}

TEST_F(SlaServiceTest, AJobReplayingTicketsStepByStepSeesWhatItStored) {
  PolicyId(MakePolicy("all", {{TimerKind::kFirstResponse, 60, "cn-mainland"},
                              {TimerKind::kResolution, 240, "cn-mainland"},
                              {TimerKind::kCallback, 1440, "24x7"}}));
  const std::int64_t a = NewTicket(), b = NewTicket();
  const TimeMs t0 = clock_.Now();
  // One job, two tickets' histories interleaved: after every step the timers the service works
  // with in the job are the ones in the database.
  std::vector<Timer> last_a;
  ASSERT_TRUE(db_->Write("import",
                         [&](WriteTx& tx) -> Status {
                           auto same = [&](std::int64_t ticket) {
                             const auto seen = svc_->TimersOf(tx, ticket);
                             EXPECT_EQ(seen, repo::TimersOf(tx.db(), ticket));
                             return seen;
                           };
                           SQM_TRY(svc_->StartTicket(tx, a, Incident(), t0));
                           same(a);
                           SQM_TRY(svc_->StartTicket(tx, b, Incident(), t0 + kMinute));
                           same(b);
                           SQM_TRY(svc_->StopKind(tx, a, TimerKind::kFirstResponse, t0 + 10 * kMinute));
                           same(a);
                           SQM_TRY(svc_->PauseAll(tx, b, t0 + 20 * kMinute));
                           same(b);
                           SQM_TRY(svc_->StopKind(tx, a, TimerKind::kResolution, t0 + kHour));
                           SQM_TRY(svc_->StartTimer(tx, a, TimerKind::kCallback, 1, 1, t0 + kHour));
                           EXPECT_EQ(same(a).size(), 3u);
                           SQM_TRY(svc_->ResumeAll(tx, b, t0 + 2 * kHour));
                           same(b);
                           SQM_TRY(svc_->StopAll(tx, a, t0 + 3 * kHour));
                           last_a = same(a);
                           return {};
                         })
                  .ok());
  EXPECT_EQ(Timers(a), last_a);
  ASSERT_EQ(last_a.size(), 3u);
  for (const Timer& t : last_a) EXPECT_TRUE(t.stopped_at);

  // A job that fails after changing timers leaves nothing behind for the next one.
  auto failed = db_->Write("agent", [&](WriteTx& tx) -> Status {
    SQM_TRY(svc_->StopAll(tx, b, t0 + 4 * kHour));
    EXPECT_TRUE(svc_->TimersOf(tx, b)[0].stopped_at);
    return Error::Internal("disk full");
  });
  ASSERT_FALSE(failed.ok());
  ASSERT_TRUE(db_->Write("agent",
                         [&](WriteTx& tx) -> Status {
                           EXPECT_FALSE(svc_->TimersOf(tx, b)[0].stopped_at);
                           return {};
                         })
                  .ok());
}

TEST_F(SlaServiceTest, AnInstantBeforeTheLastChangeIsTakenAsThatChange) {
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 60, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs) { return svc_->PauseAll(tx, id, start - 5000); }).ok());
  EXPECT_EQ(Only(id, TimerKind::kResolution).pauses[0].from, start);
}

// ---- firing -----------------------------------------------------------------------------------

TEST_F(SlaServiceTest, FiresTheWarningThenTheBreachEachOnce) {
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  const std::int64_t timer = Only(id, TimerKind::kResolution).id;
  EXPECT_EQ(svc_->QueueSize(), 1u);
  EXPECT_EQ(svc_->FireDue(), 0);

  clock_.Set(start + 75 * kMinute - 1);
  EXPECT_EQ(svc_->FireDue(), 0);
  clock_.Set(start + 75 * kMinute);
  EXPECT_EQ(svc_->FireDue(), 1);
  ASSERT_EQ(fired_.size(), 1u);
  EXPECT_EQ(fired_[0], std::make_pair(timer, FiringKind::kWarning));
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_EQ(Only(id, TimerKind::kResolution).warning_fired_at, start + 75 * kMinute);

  clock_.Set(start + 100 * kMinute);  // met exactly at the due instant: nothing yet
  EXPECT_EQ(svc_->FireDue(), 0);
  clock_.Set(start + 100 * kMinute + 1);
  EXPECT_EQ(svc_->FireDue(), 1);
  ASSERT_EQ(fired_.size(), 2u);
  EXPECT_EQ(fired_[1], std::make_pair(timer, FiringKind::kBreach));
  const Timer t = Only(id, TimerKind::kResolution);
  EXPECT_EQ(t.state, TimerState::kBreached);
  EXPECT_EQ(t.breach_fired_at, start + 100 * kMinute + 1);
  EXPECT_EQ(svc_->QueueSize(), 0u);

  clock_.Advance(kHour);
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_EQ(fired_.size(), 2u);
  auto warnings = Events("sla.warning");
  auto breaches = Events("sla.breached");
  ASSERT_EQ(warnings.size(), 1u);
  ASSERT_EQ(breaches.size(), 1u);
  EXPECT_EQ(breaches[0].entity, "ticket");
  EXPECT_EQ(breaches[0].entity_id, std::to_string(id));
  EXPECT_EQ(breaches[0].actor, "system");
  EXPECT_EQ(Events("test.notified").size(), 2u);
}

TEST_F(SlaServiceTest, AFailingHandlerRollsTheFiringBackAndItIsRetried) {
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  fail_handler_ = true;
  clock_.Set(start + 80 * kMinute);
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_EQ(fired_.size(), 1u);  // called, failed
  EXPECT_FALSE(Only(id, TimerKind::kResolution).warning_fired_at);
  EXPECT_TRUE(Events("sla.warning").empty());
  EXPECT_TRUE(Events("test.notified").empty());  // the handler's own write is rolled back too
  EXPECT_EQ(svc_->QueueSize(), 1u);

  fail_handler_ = false;
  clock_.Advance(5 * kMinute - 1);  // not before the retry delay
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_EQ(fired_.size(), 1u);
  clock_.Advance(1);
  EXPECT_EQ(svc_->FireDue(), 1);
  EXPECT_EQ(Only(id, TimerKind::kResolution).warning_fired_at, clock_.Now());
  EXPECT_EQ(Events("sla.warning").size(), 1u);
  EXPECT_EQ(Events("test.notified").size(), 1u);
}

TEST_F(SlaServiceTest, ARestartedServiceFiresWhatIsOverdueExactlyOnce) {
  PolicyId(MakePolicy("p", {{TimerKind::kFirstResponse, 20, "24x7"}, {TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  clock_.Set(start + 16 * kMinute);
  EXPECT_EQ(svc_->FireDue(), 1);  // first-response warning
  svc_.reset();                   // the server goes down

  clock_.Set(start + 3 * kHour);  // ... and comes back after both due times
  svc_ = NewService();
  EXPECT_EQ(svc_->QueueSize(), 2u);
  EXPECT_EQ(svc_->FireDue(), 2);  // the first-response breach; the resolution breach (its warning is moot now)
  ASSERT_EQ(fired_.size(), 3u);
  EXPECT_EQ(fired_[1].second, FiringKind::kBreach);
  EXPECT_EQ(fired_[2].second, FiringKind::kBreach);
  EXPECT_EQ(svc_->FireDue(), 0);

  const Timer resolution = Only(id, TimerKind::kResolution);
  EXPECT_EQ(resolution.warning_fired_at, clock_.Now());
  EXPECT_EQ(resolution.breach_fired_at, clock_.Now());
  EXPECT_EQ(Events("sla.warning").size(), 1u);
  auto breaches = Events("sla.breached");
  ASSERT_EQ(breaches.size(), 2u);
  EXPECT_NE(breaches[0].data.find("\"warning_skipped\":true"), std::string::npos) << breaches[0].data;

  // Yet another restart finds nothing left to fire.
  svc_ = NewService();
  EXPECT_EQ(svc_->QueueSize(), 0u);
  clock_.Advance(kHour);
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_EQ(fired_.size(), 3u);
}

TEST_F(SlaServiceTest, PausedTimersDoNotFireAndResumedOnesFireLater) {
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  clock_.Set(start + 50 * kMinute);
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->PauseAll(tx, id, now); }).ok());
  EXPECT_EQ(svc_->QueueSize(), 0u);
  clock_.Set(start + 10 * kHour);
  EXPECT_EQ(svc_->FireDue(), 0);
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs now) { return svc_->ResumeAll(tx, id, now); }).ok());
  // 50 minutes used; the warning at 75 is 25 minutes after the resume.
  clock_.Advance(25 * kMinute - 1);
  EXPECT_EQ(svc_->FireDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(svc_->FireDue(), 1);
  EXPECT_EQ(fired_.back().second, FiringKind::kWarning);
}

TEST_F(SlaServiceTest, AStaleEntryIsOnlyRescheduled) {
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  // Stopped without telling the monitor (no Reschedule): its entry is stale.
  clock_.Set(start + 10 * kMinute);
  ASSERT_TRUE(db_->Write("agent", [&](WriteTx& tx) { return svc_->StopAll(tx, id, tx.now()); }).ok());
  EXPECT_EQ(svc_->QueueSize(), 1u);
  clock_.Set(start + 5 * kHour);
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_TRUE(fired_.empty());
  EXPECT_EQ(svc_->QueueSize(), 0u);
  EXPECT_FALSE(Only(id, TimerKind::kResolution).warning_fired_at);
}

TEST_F(SlaServiceTest, ACalendarEditMovesARunningTimerAtItsNextChange) {
  calendar::Calendar office;
  office.code = "office";
  office.name = "office";
  office.time_zone = "Asia/Shanghai";
  for (int d = 0; d < 5; ++d) office.week[d] = {{540, 1080}};  // 09:00-18:00, no lunch break
  ASSERT_TRUE(calendars_->Create("admin", office).ok());
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 240, "office"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;  // Monday 09:00: warning 12:00, due 13:00
  EXPECT_EQ(Only(id, TimerKind::kResolution).warning_at, Bj("2026-09-07T12:00"));

  // The office now opens at 10:00 on Mondays: from 12:00 the warning lies at 13:00.
  office.week[0] = {{600, 1080}};
  ASSERT_TRUE(calendars_->Update("admin", "office", office).ok());
  EXPECT_EQ(Only(id, TimerKind::kResolution).warning_at, Bj("2026-09-07T12:00"));  // not retroactive
  clock_.Set(Bj("2026-09-07T12:00"));
  EXPECT_EQ(svc_->FireDue(), 0);
  EXPECT_EQ(Only(id, TimerKind::kResolution).warning_at, Bj("2026-09-07T13:00"));
  EXPECT_EQ(Only(id, TimerKind::kResolution).due_at, Bj("2026-09-07T14:00"));
  EXPECT_EQ(Events("sla.timer_recomputed").size(), 1u);
  clock_.Set(Bj("2026-09-07T13:00"));
  EXPECT_EQ(svc_->FireDue(), 1);
}

TEST_F(SlaServiceTest, ReapplyMovesOpenTimersToTheCurrentPolicy) {
  const std::int64_t p =
      PolicyId(MakePolicy("p", {{TimerKind::kFirstResponse, 30, "24x7"}, {TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  const TimeMs start = clock_.Now();
  clock_.Set(start + 80 * kMinute);
  EXPECT_EQ(svc_->FireDue(), 2);  // first-response breach (warning skipped), resolution warning
  ASSERT_TRUE(svc_->UpdatePolicy("quality", p, MakePolicy("p", {{TimerKind::kResolution, 200, "24x7"}})).ok());

  auto re = db_->Write("admin", [&](WriteTx& tx) { return svc_->Reapply(tx, id, Incident(), tx.now()); });
  ASSERT_TRUE(re.ok()) << re.error().message;
  ASSERT_TRUE(*re);
  EXPECT_EQ((*re)->policy_version, 2);
  svc_->Reschedule(id);

  const Timer resolution = Only(id, TimerKind::kResolution);
  EXPECT_EQ(resolution.policy_version, 2);
  EXPECT_EQ(resolution.target_minutes, 200);
  EXPECT_EQ(resolution.due_at, start + 200 * kMinute);
  EXPECT_FALSE(resolution.warning_fired_at);  // the new warning (at 150) lies ahead again
  const Timer first = Only(id, TimerKind::kFirstResponse);
  EXPECT_EQ(first.policy_version, 1);  // v2 has no first-response target: kept as it was
  auto events = Events("sla.reapplied");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].entity_id, std::to_string(id));

  clock_.Set(start + 150 * kMinute);
  EXPECT_EQ(svc_->FireDue(), 1);
  EXPECT_EQ(fired_.back().second, FiringKind::kWarning);
}

// ---- the SLA state in SQL ----------------------------------------------------------------------

TEST_F(SlaServiceTest, TheSqlStateOfATicketFollowsItsTimers) {
  PolicyId(MakePolicy("24x7", {{TimerKind::kFirstResponse, 60, "24x7"}, {TimerKind::kResolution, 240, "24x7"}}));
  auto state = [&](std::int64_t ticket, TimeMs at) {
    return db_->Read([&](Connection& c) {
      const auto s = repo::TicketSlaState(std::to_string(ticket), at);
      std::string name = c.QueryOne("SELECT " + s.sql, s.params)->Text(0);
      for (SlaState candidate : {SlaState::kOk, SlaState::kWarning, SlaState::kBreached, SlaState::kPaused}) {
        const auto is = repo::TicketSlaStateIs(std::to_string(ticket), candidate, at);
        const bool matches = c.QueryOne("SELECT CASE WHEN " + is.sql + " THEN 1 ELSE 0 END", is.params)->Int(0) == 1;
        EXPECT_EQ(matches, name == SlaStateName(candidate) || (name.empty() && candidate == SlaState::kOk))
            << name << " vs " << SlaStateName(candidate);
      }
      return name;
    });
  };
  const auto [id, applied] = Register(Incident());
  ASSERT_TRUE(applied);
  const TimeMs start = clock_.Now();
  EXPECT_EQ(state(id, start), "ok");
  EXPECT_EQ(state(id, start + 45 * kMinute), "warning");  // 75 % of the first-response hour
  EXPECT_EQ(state(id, start + 61 * kMinute), "breached");
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs) { return svc_->PauseAll(tx, id, start + 10 * kMinute); }).ok());
  EXPECT_EQ(state(id, start + 90 * kMinute), "paused");
  ASSERT_TRUE(Act(id, [&](WriteTx& tx, TimeMs) { return svc_->StopAll(tx, id, start + 20 * kMinute); }).ok());
  EXPECT_EQ(state(id, start + 90 * kMinute), "ok") << "stopped in time";
  EXPECT_EQ(state(NewTicket(), start), "") << "no timers, no state";
}

TEST_F(SlaServiceTest, ABreachAssigneeMustBeActiveStaffAsTheOrganisationSays) {
  Policy p = MakePolicy("with a duty manager", {{TimerKind::kResolution, 240, "24x7"}});
  p.breach_assignee_id = 7;
  EXPECT_EQ(svc_->CreatePolicy("quality", p).error().field, "breach_assignee_id") << "nobody to ask: refused";
  std::vector<std::int64_t> asked;
  svc_->SetActiveStaff([&](Connection&, std::int64_t id) {
    asked.push_back(id);
    return false;
  });
  EXPECT_EQ(svc_->CreatePolicy("quality", p).error().field, "breach_assignee_id");
  EXPECT_EQ(asked, std::vector<std::int64_t>{7});
  p.breach_assignee_id.reset();
  EXPECT_TRUE(svc_->CreatePolicy("quality", p).ok()) << "no breach assignee, nothing to ask";
  EXPECT_EQ(asked.size(), 1u);
}

TEST_F(SlaServiceTest, TheMonitorThreadFiresAndStopsCleanly) {
  PolicyId(MakePolicy("p", {{TimerKind::kResolution, 100, "24x7"}}));
  const auto id_reg = Register(Incident());
  const std::int64_t id = id_reg.first;
  clock_.Advance(3 * kHour);  // already overdue when the monitor starts

  std::promise<void> both;
  int calls = 0;
  svc_->Start([&](WriteTx&, const Timer&, FiringKind) -> Status {
    if (++calls == 1) both.set_value();
    return {};
  });
  ASSERT_EQ(both.get_future().wait_for(std::chrono::seconds(20)), std::future_status::ready);
  svc_->Stop();
  svc_->Stop();         // idempotent
  EXPECT_EQ(calls, 1);  // the breach; the overdue warning is not announced on its own
  EXPECT_TRUE(Only(id, TimerKind::kResolution).breach_fired_at);

  // A service that is never stopped explicitly joins its thread on destruction.
  auto other = std::make_unique<Service>(*db_, *calendars_, clock_);
  other->Start(nullptr);
  other.reset();
}

}  // namespace
}  // namespace sqm::sla
