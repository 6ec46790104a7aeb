// Attribution (docs/assessment.md): each fact row is charged, when it happens, to the staff
// member and department of that moment, so moving a person or a ticket later rewrites nothing.
#include <gtest/gtest.h>

#include "desk/test_fixture.h"
#include "storage/migrations.h"
#include "storage/postgres.h"
#include "storage/sqlite.h"

namespace sqm::desk {
namespace {

using org::Principal;

class AttributionTest : public DeskFixture {
 protected:
  Ticket Register(const Principal& who) {
    TicketDraft d;
    d.registration = {TicketType::kIncident, Channel::kPhone, 3, "VPN 无法连接", "出差期间 VPN 报错", a_, vpn_};
    auto r = desk_->Register(who, d);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.value().ticket;
  }
  void Act(const Principal& who, Id id, Action a, ActionInput in = {}) {
    in.action = a;
    auto r = desk_->Act(who, id, in);
    ASSERT_TRUE(r.ok()) << Name(a) << ": " << r.error().message;
  }
  // "staff/department" of the one row `sql` selects (two columns); "-" for NULL.
  std::string Pair(const std::string& sql, std::vector<storage::Value> params) {
    return db_->Read([&](storage::Connection& c) {
      auto r = c.QueryOne(sql, params);
      if (!r) return std::string("no row");
      auto text = [&](int i) { return r->IsNull(i) ? std::string("-") : std::to_string(r->Int(i)); };
      return text(0) + "/" + text(1);
    });
  }
  std::string Timer(Id ticket, const char* kind) {
    return Pair(
        "SELECT staff_id, department_id FROM sla_timers WHERE ticket_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
        {ticket, kind});
  }
  static std::string Of(const Principal& p, Id dept) { return std::to_string(p.staff_id) + "/" + std::to_string(dept); }
};

TEST_F(AttributionTest, FactsKeepWhoTheyWereChargedToWhenTheyHappened) {
  const Ticket t = Register(agent_);
  clock_.Set(Shanghai(0, 10, 10));
  Act(agent_, t.id, Action::kRespond, {.note = "已收到"});
  EXPECT_EQ(Timer(t.id, "first_response"), Of(agent_, desk_dept_));

  // desk -> tech, tech sends it back: the wrong transfer (desk's) is marked, charged to its sender.
  clock_.Set(Shanghai(0, 10, 20));
  Act(agent_, t.id, Action::kTransfer, {.note = "转技术", .department_id = tech_dept_});
  clock_.Set(Shanghai(0, 10, 30));
  Act(engineer_, t.id, Action::kTransfer, {.note = "不属于技术", .department_id = desk_dept_});
  EXPECT_EQ(
      Pair("SELECT by_id, from_department_id FROM ticket_transfers WHERE ticket_id = ? AND sent_back_by IS NOT NULL",
           {t.id}),
      Of(agent_, desk_dept_));
  EXPECT_EQ(Count("SELECT count(*) FROM ticket_transfers WHERE sent_back_by IS NOT NULL"), 1);
  // The hand-over timer of the first transfer stopped when tech sent it back: tech held it.
  EXPECT_EQ(Pair("SELECT staff_id, department_id FROM sla_timers WHERE ticket_id = ? AND kind = 'handover'"
                 " ORDER BY id LIMIT 1",
                 {t.id}),
            "-/" + std::to_string(tech_dept_));

  clock_.Set(Shanghai(0, 10, 40));
  Act(agent_, t.id, Action::kTransfer,
      {.note = "确需技术", .department_id = tech_dept_, .assignee_id = engineer_.staff_id});
  clock_.Set(Shanghai(0, 11));
  Act(engineer_, t.id, Action::kResolve, {.note = "已修复"});
  EXPECT_EQ(Pair("SELECT resolved_by, resolved_department_id FROM tickets WHERE id = ?", {t.id}),
            Of(engineer_, tech_dept_));
  EXPECT_EQ(Timer(t.id, "resolution"), Of(engineer_, tech_dept_));
  EXPECT_EQ(Pair("SELECT staff_id, department_id FROM callbacks WHERE ticket_id = ?", {t.id}),
            Of(engineer_, tech_dept_));

  // The engineer moves to operations; the callback and the reopening still rate them in tech.
  ASSERT_TRUE(org_->UpdateStaff(Principal::System(), engineer_.staff_id, {.department_id = ops_dept_}).ok());
  clock_.Set(Shanghai(0, 15));
  Act(agent_, t.id, Action::kCallback,
      {.reached = true, .resolved = CallbackResolved::kNotResolved, .satisfaction = Satisfaction::kDissatisfied});
  EXPECT_EQ(Pair("SELECT staff_id, department_id FROM callbacks WHERE ticket_id = ?", {t.id}),
            Of(engineer_, tech_dept_));
  EXPECT_EQ(Pair("SELECT staff_id, department_id FROM ticket_reopens WHERE ticket_id = ?", {t.id}),
            Of(engineer_, tech_dept_));
  EXPECT_EQ(Pair("SELECT resolved_by, resolved_department_id FROM tickets WHERE id = ?", {t.id}), "-/-");
  EXPECT_EQ(Count("SELECT count(*) FROM ticket_reopens WHERE reason = 'callback: not resolved'"), 1);

  // Resolved again by the engineer, now in operations (the ticket is still tech's).
  clock_.Set(Shanghai(0, 16));
  Act(engineer_, t.id, Action::kResolve, {.note = "已再次修复"});
  EXPECT_EQ(Pair("SELECT resolved_by, resolved_department_id FROM tickets WHERE id = ?", {t.id}),
            Of(engineer_, tech_dept_));
  clock_.Set(Shanghai(0, 17));
  Act(quality_, t.id, Action::kReopen, {.note = "客户再次来电"});
  EXPECT_EQ(Count("SELECT count(*) FROM ticket_reopens"), 2);
}

TEST_F(AttributionTest, ABreachIsChargedToTheHolderThenTheStopOverwritesIt) {
  const Ticket t = Register(agent_);
  Act(agent_, t.id, Action::kTransfer,
      {.note = "转技术", .department_id = tech_dept_, .assignee_id = engineer_.staff_id});
  clock_.Set(Shanghai(0, 11, 1));  // the first-response hour has passed
  EXPECT_GE(sla_->FireDue(), 1);
  EXPECT_EQ(Timer(t.id, "first_response"), Of(engineer_, tech_dept_));
  Act(manager_, t.id, Action::kAssign, {.assignee_id = manager_.staff_id});
  clock_.Set(Shanghai(0, 11, 30));
  Act(manager_, t.id, Action::kRespond, {.note = "已收到"});
  EXPECT_EQ(Timer(t.id, "first_response"), Of(manager_, tech_dept_));
}

// Migration 0011 fills the new columns of rows written before it from the values they held.
TEST(AttributionMigration, FillsExistingRowsFromTheirValuesThen) {
  storage::testing::TestDb file;
  std::unique_ptr<storage::Connection> db;
  if (file.dialect() == storage::Dialect::kSqlite) {
    db = std::make_unique<storage::SqliteConnection>(storage::SqliteOptions{.path = file.url()});
  } else {
    db = std::make_unique<storage::PgConnection>(file.url());
  }
  const auto& all = storage::BuiltinMigrations(file.dialect());
  std::size_t i = 0;
  for (; i < all.size() && all[i].name < "0011"; ++i) db->ExecScript(all[i].sql);
  ASSERT_EQ(all.at(i).name, "0011_attribution");
  db->ExecScript(
      "INSERT INTO departments (id, parent_id, name, created_at, updated_at) VALUES (1, NULL, 'A', 0, 0),"
      " (2, NULL, 'B', 0, 0);"
      "INSERT INTO staff (id, username, display_name, department_id, password_hash, created_at, updated_at)"
      " VALUES (7, 'e', 'e', 1, 'x', 0, 0);"
      "INSERT INTO tickets (id, type, channel, priority, status, title, created_by, created_at, updated_at,"
      " assignee_id, department_id, resolved_at) VALUES (1, 'incident', 'phone', 3, 'resolved', 't', 7, 0, 0, 7, 1, 5),"
      " (2, 'incident', 'phone', 3, 'in_progress', 't', 7, 0, 0, 7, 1, NULL);"
      "INSERT INTO sla_timers (id, ticket_id, kind, policy_id, policy_version, target_minutes, calendar_code,"
      " warning_fraction, started_at, stopped_at, state) VALUES (1, 1, 'resolution', 1, 1, 60, '24x7', 0.75, 0, 5,"
      " 'met'), (2, 2, 'resolution', 1, 1, 60, '24x7', 0.75, 0, NULL, 'running');"
      "INSERT INTO callbacks (id, ticket_id, created_at) VALUES (1, 1, 5);"
      "INSERT INTO ticket_transfers (id, ticket_id, from_department_id, to_department_id, reason, sendback, by_id, at)"
      " VALUES (1, 2, 1, 2, 'r', 0, 7, 1), (2, 2, 2, 1, 'r', 1, 7, 2), (3, 2, 1, 2, 'r', 0, 7, 3);");
  db->ExecScript(all[i].sql);
  auto pair = [&](const std::string& sql) {
    auto r = db->QueryOne(sql);
    auto text = [&](int k) { return r->IsNull(k) ? std::string("-") : std::to_string(r->Int(k)); };
    return text(0) + "/" + text(1);
  };
  EXPECT_EQ(pair("SELECT resolved_by, resolved_department_id FROM tickets WHERE id = 1"), "7/1");
  EXPECT_EQ(pair("SELECT resolved_by, resolved_department_id FROM tickets WHERE id = 2"), "-/-");
  EXPECT_EQ(pair("SELECT staff_id, department_id FROM sla_timers WHERE id = 1"), "7/1");
  EXPECT_EQ(pair("SELECT staff_id, department_id FROM sla_timers WHERE id = 2"), "-/-");  // not decided yet
  EXPECT_EQ(pair("SELECT staff_id, department_id FROM callbacks WHERE id = 1"), "7/1");
  EXPECT_EQ(pair("SELECT id, sent_back_by FROM ticket_transfers WHERE sent_back_by IS NOT NULL"), "1/2");
  EXPECT_EQ(db->QueryOne("SELECT count(*) FROM ticket_transfers WHERE sent_back_by IS NOT NULL")->Int(0), 1);
  EXPECT_EQ(db->QueryOne("SELECT count(*) FROM assessment_exclusion_reasons")->Int(0), 6);
}

}  // namespace
}  // namespace sqm::desk
