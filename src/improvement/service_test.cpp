// Improvement actions through the real storage (SQLite, or PostgreSQL with SQM_TEST_DB=postgres) and
// the real desk and org: every problem of a draft at once, the workflow with evidence and the
// verification of effect, who sees and changes what, suggestions and their triage, audits whose
// findings raise actions, the overdue escalation (once, across a restart) and the fact source.
#include "improvement/service.h"

#include <gtest/gtest.h>

#include "desk/test_fixture.h"
#include "improvement/facts.h"
#include "improvement/overdue_sweep.h"

namespace sqm::improvement {
namespace {

using desk::Shanghai;

class ImprovementTest : public desk::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    service_ =
        std::make_unique<Service>(*db_, clock_, [this](const std::string& code) { return calendars_->Get(code); });
    executive_ = Staff("exec", desk_dept_, {"executive"});
  }
  void TearDown() override {
    service_.reset();
    DeskFixture::TearDown();
  }

  desk::Ticket Complaint() {
    desk::TicketDraft d;
    d.registration = {desk::TicketType::kIncident, desk::Channel::kPhone, 3, "VPN", "VPN 报错", a_, vpn_};
    d.department_id = desk_dept_;
    auto t = desk_->Register(agent_, d);
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? t->ticket : desk::Ticket{};
  }

  // An action owned by `owner`, due on 2026-11-25 (a Wednesday).
  ActionDraft Draft(const org::Principal& owner) {
    return {.source = Source::kComplaint,
            .source_id = Complaint().id,
            .title = "VPN 报错处理流程整改",
            .description = "同类投诉一周三起",
            .analysis = "为什么 1：知识库缺少条目",
            .owner_id = owner.staff_id,
            .due_date = "2026-11-25",
            .measure_code = "complaint_rate",
            .direction = Direction::kDown,
            .value_before = 12,
            .value_before_source = "2026-10 考核结果",
            .verify_after_days = 7};
  }

  std::int64_t Notifications(const std::string& kind, Id recipient) {
    return db_->Read([&](storage::Connection& c) {
      return c.QueryOne("SELECT COUNT(*) FROM notifications WHERE kind = ? AND recipient_id = ?", {kind, recipient})
          ->Int(0);
    });
  }

  std::unique_ptr<Service> service_;
  org::Principal executive_;
};

TEST_F(ImprovementTest, ADraftReportsEveryProblemAtOnceAndWritesNothing) {
  ActionDraft d{.source = Source::kAuditFinding,
                .root_cause_id = 999,
                .owner_id = 99999,
                .due_date = "2026-13-01",
                .direction = Direction::kUp,
                .verify_after_days = -1};
  auto r = service_->Create(quality_, d);
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields{r.error().field};
  for (const auto& m : r.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"title", "source_id", "root_cause_id", "owner_id", "due_date",
                                           "measure_code", "value_before", "verify_after_days"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM improvement_actions"), 0);

  // An evaluator owns nothing; a linked record must exist.
  org::StaffDraft ev{"evaluator", "evaluator", desk_dept_, "", "", "", {"evaluator"}, "Demo-pass-2026", {desk_dept_}};
  auto made_evaluator = org_->CreateStaffAsSystem(ev);
  ASSERT_TRUE(made_evaluator.ok()) << made_evaluator.error().field << " " << made_evaluator.error().message;
  const Id evaluator = made_evaluator->id;
  auto wrong = service_->Create(quality_, {.source = Source::kInspection,
                                           .source_id = 4242,
                                           .title = "x",
                                           .owner_id = evaluator,
                                           .due_date = "2026-11-30"});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "source_id");
  ASSERT_EQ(wrong.error().more.size(), 1u);
  EXPECT_EQ(wrong.error().more[0].field, "owner_id");
}

TEST_F(ImprovementTest, TheOwnerCompletesWithEvidenceAndQualityVerifiesTheEffect) {
  auto made = service_->Create(quality_, Draft(agent_));
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->status, State::kOpen);
  EXPECT_EQ(made->department_id, desk_dept_);  // the owner's
  EXPECT_EQ(made->owner_name, "agent");
  EXPECT_EQ(made->due_at, Shanghai(3, 0));  // the end of Wednesday, local

  // Someone else cannot see it; the owner cannot verify.
  EXPECT_EQ(service_->Apply(agent2_, made->id, {.op = Op::kStart}).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(service_->Apply(agent_, made->id, {.op = Op::kStart}).ok());
  auto no_evidence = service_->Apply(agent_, made->id, {.op = Op::kComplete});
  ASSERT_FALSE(no_evidence.ok());
  EXPECT_EQ(no_evidence.error().field, "evidence");
  clock_.Set(Shanghai(1, 15));
  auto done = service_->Apply(agent_, made->id, {.op = Op::kComplete, .evidence = "知识库已补充 KB-101"});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->status, State::kDone);
  EXPECT_EQ(service_->Apply(agent_, made->id, {.op = Op::kVerify, .value_after = 3}).error().code,
            ErrorCode::kForbidden);

  // Too early: verify_after_days is 7.
  auto early = service_->Apply(quality_, made->id, {.op = Op::kVerify, .value_after = 3});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "verify_after_days");
  clock_.Set(Shanghai(9, 10));
  auto missing = service_->Apply(quality_, made->id, {.op = Op::kVerify});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "value_after");
  auto verified = service_->Apply(quality_, made->id, {.op = Op::kVerify, .note = "投诉降至 3 起", .value_after = 3});
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->status, State::kVerified);
  EXPECT_EQ(verified->value_after, 3);

  auto detail = service_->Get(quality_, made->id);
  ASSERT_TRUE(detail.ok());
  std::vector<std::string> types;
  for (const auto& e : detail->timeline) types.push_back(e.type);
  EXPECT_EQ(types, (std::vector<std::string>{"improvement.created", "improvement.start", "improvement.complete",
                                             "improvement.verify"}));

  // Reopened, it is pending again; a value that did not move is "not effective".
  ASSERT_FALSE(service_->Apply(quality_, made->id, {.op = Op::kReopen}).ok());  // a reason is required
  ASSERT_TRUE(service_->Apply(quality_, made->id, {.op = Op::kReopen, .reason = "又有投诉"}).ok());
  ASSERT_TRUE(service_->Apply(agent_, made->id, {.op = Op::kComplete, .evidence = "再次培训"}).ok());
  clock_.Set(Shanghai(20, 10));
  auto flat = service_->Apply(quality_, made->id, {.op = Op::kVerify, .value_after = 12});
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ(flat->status, State::kNotEffective);
}

// The value before and after read from the measure (a fake reader standing in for assessment's):
// the 30 days before the opening, then as long from the fix; no data stays null and the verifier
// states the verdict; a typed value, an unknown measure or a subject without a kind are refused.
TEST_F(ImprovementTest, AMeasuredActionReadsItsValuesBeforeAndAfterFromTheIndicator) {
  struct Read {
    std::string code;
    SubjectKind kind;
    Id subject;
    TimeMs from, to;
  };
  std::vector<Read> reads;
  std::optional<double> answer = 0.25;
  service_->SetIndicatorReader(
      {.known = [](const std::string& code) -> Result<bool> { return code == "complaint_rate"; },
       .value = [&](const std::string& code, SubjectKind kind, Id subject, TimeMs from,
                    TimeMs to) -> Result<std::optional<double>> {
         reads.push_back({code, kind, subject, from, to});
         return answer;
       }});
  ActionDraft d = Draft(agent_);
  d.value_before.reset();
  d.value_before_source.clear();
  d.subject_kind = SubjectKind::kStaff;
  d.subject_id = agent_.staff_id;
  d.verify_after_days = 7;

  ActionDraft wrong = d;
  wrong.measure_code = "no_such_measure";
  wrong.value_before = 3;
  auto refused = service_->Create(quality_, wrong);
  ASSERT_FALSE(refused.ok());
  std::set<std::string> fields{refused.error().field};
  for (const auto& m : refused.error().more) fields.insert(m.field);
  EXPECT_EQ(fields, (std::set<std::string>{"measure_code", "value_before"}));
  wrong = d;
  wrong.subject_kind = SubjectKind::kNone;
  EXPECT_EQ(service_->Create(quality_, wrong).error().field, "subject_kind");
  wrong = d;
  wrong.window_days = 0;
  EXPECT_EQ(service_->Create(quality_, wrong).error().field, "window_days");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM improvement_actions"), 0);

  const TimeMs opened = clock_.Now();
  auto made = service_->Create(quality_, d);
  ASSERT_TRUE(made.ok()) << made.error().field << " " << made.error().message;
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].code, "complaint_rate");
  EXPECT_EQ(reads[0].kind, SubjectKind::kStaff);
  EXPECT_EQ(reads[0].subject, agent_.staff_id);
  EXPECT_EQ(reads[0].from, opened - 30 * kDayMs);
  EXPECT_EQ(reads[0].to, opened);
  EXPECT_EQ(made->value_before, 0.25);
  EXPECT_EQ(made->value_before_source, "measure:complaint_rate");
  EXPECT_EQ(made->before_from, opened - 30 * kDayMs);
  EXPECT_EQ(made->subject_name, "agent");

  // Done on day 1; the window after is [done, done + 30 days), so not verifiable on day 9.
  ASSERT_TRUE(service_->Apply(agent_, made->id, {.op = Op::kStart}).ok());
  clock_.Set(Shanghai(1, 15));
  const TimeMs done = clock_.Now();
  ASSERT_TRUE(service_->Apply(agent_, made->id, {.op = Op::kComplete, .evidence = "KB-101"}).ok());
  clock_.Set(Shanghai(9, 10));
  EXPECT_EQ(service_->Apply(quality_, made->id, {.op = Op::kVerify}).error().field, "verify_after_days");
  clock_.Set(done + 30 * kDayMs);
  EXPECT_EQ(service_->Apply(quality_, made->id, {.op = Op::kVerify, .value_after = 1}).error().field, "value_after");
  answer = 0.1;
  auto verified = service_->Apply(quality_, made->id, {.op = Op::kVerify});
  ASSERT_TRUE(verified.ok()) << verified.error().field << " " << verified.error().message;
  EXPECT_EQ(reads.back().from, done);
  EXPECT_EQ(reads.back().to, done + 30 * kDayMs);
  EXPECT_EQ(verified->value_after, 0.1);
  EXPECT_EQ(verified->value_after_source, "measure:complaint_rate");
  EXPECT_EQ(verified->after_from, done);
  EXPECT_EQ(verified->status, State::kVerified);  // down from 0.25

  // No data after: stays null, and the verifier states the verdict.
  ASSERT_TRUE(service_->Apply(quality_, made->id, {.op = Op::kReopen, .reason = "again"}).ok());
  ASSERT_TRUE(service_->Apply(agent_, made->id, {.op = Op::kComplete, .evidence = "retrained"}).ok());
  clock_.Set(clock_.Now() + 31 * kDayMs);
  answer.reset();
  EXPECT_EQ(service_->Apply(quality_, made->id, {.op = Op::kVerify}).error().field, "effective");
  auto stated = service_->Apply(quality_, made->id, {.op = Op::kVerify, .effective = false});
  ASSERT_TRUE(stated.ok()) << stated.error().message;
  EXPECT_FALSE(stated->value_after.has_value());
  EXPECT_EQ(stated->status, State::kNotEffective);
}

TEST_F(ImprovementTest, ManagersSeeTheirSubtreeAgentsTheirOwnEvaluatorsNothing) {
  const Id desk_action = service_->Create(quality_, Draft(agent_)).value().id;
  const Id tech_action = service_->Create(quality_, Draft(engineer_)).value().id;
  auto ids = [&](const org::Principal& who) {
    std::set<Id> out;
    const auto list = service_->List(who, {}, false);
    for (const auto& a : list.value()) out.insert(a.id);
    return out;
  };
  EXPECT_EQ(ids(quality_), (std::set<Id>{desk_action, tech_action}));
  EXPECT_EQ(ids(executive_), (std::set<Id>{desk_action, tech_action}));
  EXPECT_EQ(ids(manager_), (std::set<Id>{tech_action}));
  EXPECT_EQ(ids(agent_), (std::set<Id>{desk_action}));
  EXPECT_EQ(ids(agent2_), (std::set<Id>{}));
  EXPECT_EQ(service_->Get(manager_, desk_action).error().code, ErrorCode::kNotFound);
  // A manager reads but does not change; the engineer owns theirs.
  EXPECT_EQ(service_->Apply(manager_, tech_action, {.op = Op::kCancel, .reason = "x"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Apply(engineer_, tech_action, {.op = Op::kCancel, .reason = "x"}).error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(service_->Apply(quality_, tech_action, {.op = Op::kCancel, .reason = "重复"}).ok());
}

TEST_F(ImprovementTest, ASuggestionIsTriagedIntoAnActionOrDeclinedWithAReason) {
  auto empty = service_->Suggest(agent_, {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().more.size(), 1u);  // title and description
  auto s = service_->Suggest(agent_, {.title = "增加夜班知识库入口", .description = "夜班查询慢"});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->status, State::kProposed);
  EXPECT_EQ(s->source, Source::kSuggestion);
  EXPECT_EQ(s->department_id, desk_dept_);
  EXPECT_TRUE(service_->Get(agent_, s->id).ok());  // the proposer sees it

  auto no_reason = service_->DecideSuggestion(quality_, s->id, {.accept = false});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");
  auto incomplete = service_->DecideSuggestion(quality_, s->id, {.accept = true});
  ASSERT_FALSE(incomplete.ok());
  EXPECT_EQ(incomplete.error().more.size(), 1u);  // owner_id and due_date
  auto accepted = service_->DecideSuggestion(quality_, s->id,
                                             {.accept = true, .owner_id = agent2_.staff_id, .due_date = "2026-12-10"});
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->status, State::kOpen);
  EXPECT_EQ(accepted->owner_id, agent2_.staff_id);
  EXPECT_EQ(service_->DecideSuggestion(quality_, s->id, {.accept = false, .reason = "x"}).error().code,
            ErrorCode::kConflict);

  auto other = service_->Suggest(engineer_, {.title = "换新耳机", .description = "噪音大"});
  auto declined = service_->DecideSuggestion(quality_, other->id, {.accept = false, .reason = "已在采购计划中"});
  ASSERT_TRUE(declined.ok());
  EXPECT_EQ(declined->status, State::kDeclined);
  EXPECT_EQ(declined->reason, "已在采购计划中");
}

TEST_F(ImprovementTest, AnAuditFindingRaisesAnActionLinkedBack) {
  auto bad = service_->CreateAudit(quality_, {.held_on = "soon", .findings = {""}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().ProblemCount(), 3u);  // title, held_on, findings.0
  auto audit = service_->CreateAudit(quality_, {.kind = AuditKind::kInternalAudit,
                                                .held_on = "2026-11-20",
                                                .title = "2026 年第四季度内审",
                                                .scope = "客服部",
                                                .participants = "质量部、客服部",
                                                .findings = {"回访记录不完整", "知识库未按期评审"}});
  ASSERT_TRUE(audit.ok()) << audit.error().message;
  ASSERT_EQ(audit->findings.size(), 2u);
  ActionDraft d = Draft(agent_);
  d.source = Source::kAuditFinding;
  d.source_id = audit->findings[0].id;
  const Id action = service_->Create(quality_, d).value().id;
  auto again = service_->GetAudit(audit->id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->findings[0].action_ids, (std::vector<Id>{action}));
  EXPECT_TRUE(again->findings[1].action_ids.empty());
  auto more = service_->AddFinding(quality_, audit->id, "投诉分级不一致");
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->findings.size(), 3u);
}

TEST_F(ImprovementTest, AnOverdueActionTellsTheOwnerThenTheManagerOnceEvenAfterARestart) {
  const Id id = service_->Create(quality_, Draft(engineer_)).value().id;  // TECH; due Wed 2026-11-25
  OverdueSweep sweep(*db_, *service_, clock_);
  clock_.Set(Shanghai(2, 23));  // Wednesday evening: not yet
  EXPECT_EQ(sweep.Check().value().owners_notified, 0);
  EXPECT_TRUE(service_->List(quality_, {}, true).value().empty());
  clock_.Set(Shanghai(3, 9));  // Thursday
  EXPECT_EQ(service_->List(quality_, {}, true).value().size(), 1u);
  auto first = sweep.Check().value();
  EXPECT_EQ(first.owners_notified, 1);
  EXPECT_EQ(first.managers_notified, 0);
  EXPECT_EQ(Notifications("improvement_overdue", engineer_.staff_id), 1);
  EXPECT_EQ(sweep.Check().value().owners_notified, 0);

  // Two working days after Thursday: the end of Monday (the weekend does not count).
  clock_.Set(Shanghai(6, 12));  // Sunday
  EXPECT_EQ(sweep.Check().value().managers_notified, 0);
  clock_.Set(Shanghai(8, 0));  // Tuesday 00:00
  OverdueSweep restarted(*db_, *service_, clock_);
  EXPECT_EQ(restarted.Check().value().managers_notified, 1);
  EXPECT_EQ(Notifications("improvement_escalated", manager_.staff_id), 1);
  EXPECT_EQ(sweep.Check().value().managers_notified, 0);
  EXPECT_EQ(Notifications("improvement_overdue", engineer_.staff_id), 1);
  EXPECT_EQ(CountEvents("improvement.escalated"), 1);

  // Done: nothing more, even when overdue before.
  ASSERT_TRUE(service_->Apply(engineer_, id, {.op = Op::kComplete, .evidence = "已整改"}).ok());
  EXPECT_TRUE(service_->List(quality_, {}, true).value().empty());
}

TEST_F(ImprovementTest, TheFactSourceCountsActionsClosedOnTime) {
  const Id on_time = service_->Create(quality_, Draft(agent_)).value().id;
  const Id late = service_->Create(quality_, Draft(engineer_)).value().id;
  const Id open = service_->Create(quality_, Draft(agent2_)).value().id;
  ASSERT_TRUE(service_->Apply(agent_, on_time, {.op = Op::kComplete, .evidence = "ok"}).ok());
  clock_.Set(Shanghai(4, 10));
  ASSERT_TRUE(service_->Apply(engineer_, late, {.op = Op::kComplete, .evidence = "ok"}).ok());
  ASSERT_TRUE(service_->Suggest(agent_, {.title = "t", .description = "d"}).ok());  // no due date: no fact
  const auto sources = FactSources();
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].name, "improvement_actions");
  std::map<Id, std::int64_t> facts;
  db_->Read([&](storage::Connection& c) {
    for (const auto& r :
         c.Query("SELECT fact_id, on_time FROM (" + sources[0].Sql(c.dialect()) + ") f ORDER BY fact_id"))
      facts[r.Int(0)] = r.Int(1);
    return 0;
  });
  EXPECT_EQ(facts, (std::map<Id, std::int64_t>{{on_time, 1}, {late, 0}, {open, 0}}));
}

}  // namespace
}  // namespace sqm::improvement
