// A whole server in process for the app's tests: an Application on a test database (SQLite, or
// PostgreSQL under SQM_TEST_DB=postgres) with a manual clock, a centre with two departments (DESK,
// TECH), a quality manager, two agents and an engineer, a customer, a category and a standard SLA
// policy; and the moves of a ticket through the real services.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/application.h"
#include "storage/testing.h"

namespace sqm::app {

// 2026-11-23 is a Monday; times are Asia/Shanghai (UTC+8).
inline TimeMs Shanghai(int day, int hour, int minute = 0) {
  return ParseIsoTime("2026-11-23T00:00:00+08:00").value() + (day * 24LL * 60 + hour * 60 + minute) * 60'000;
}

class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    Options o;
    o.database.url = file_.url();
    o.access_log = false;
    app_ = std::make_unique<Application>(o, clock_);
    const auto system = org::Principal::System();
    auto& org = app_->org();
    root_ = org.CreateDepartment(system, {"中心", std::nullopt, "ROOT"}).value().id;
    desk_dept_ = org.CreateDepartment(system, {"客服部", root_, "DESK"}).value().id;
    tech_dept_ = org.CreateDepartment(system, {"技术支持部", root_, "TECH"}).value().id;
    quality_ = Staff("quality", root_, {"quality"});
    agent_ = Staff("agent", desk_dept_, {"agent"});
    agent2_ = Staff("agent2", desk_dept_, {"agent"});
    engineer_ = Staff("engineer", tech_dept_, {"engineer"});
    customer_ = app_->catalogue()
                    .CreateCustomer(agent_, {"客户甲", "person", std::nullopt, "standard", "13900000001", "", {}})
                    .value()
                    .id;
    category_ = app_->catalogue().CreateCategory(system, "网络与连接", std::nullopt).value().id;
    sla::Policy standard;
    standard.name = "standard";
    standard.targets = {{sla::TimerKind::kFirstResponse, 60, "cn-mainland"},
                        {sla::TimerKind::kResolution, 8 * 60, "cn-mainland"},
                        {sla::TimerKind::kCallback, 24 * 60, "24x7"},
                        {sla::TimerKind::kHandover, 30, "cn-mainland"}};
    ASSERT_TRUE(app_->sla().CreatePolicy("system", standard).ok());
  }

  org::Principal Staff(const std::string& name, std::optional<std::int64_t> dept, std::vector<std::string> roles) {
    org::StaffDraft d{name, name, dept, "", "", "", roles, "Demo-pass-2026", {}};
    auto s = app_->org().CreateStaffAsSystem(d);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return app_->org().Login(name, "Demo-pass-2026", "t").value().principal;
  }

  // An incident of the customer in the category, by phone.
  desk::TicketDraft Draft() const {
    desk::TicketDraft d;
    d.registration = {desk::TicketType::kIncident,
                      desk::Channel::kPhone,
                      3,
                      "VPN 无法连接",
                      "出差期间 VPN 报错",
                      customer_,
                      category_};
    return d;
  }

  // A second level under TECH (TECH-L2) with an engineer, and TECH's manager.
  void AddSecondLevel() {
    tech_l2_ = app_->org().CreateDepartment(org::Principal::System(), {"二线支持组", tech_dept_, "TECH-L2"}).value().id;
    manager_ = Staff("manager", tech_dept_, {"manager"});
    engineer2_ = Staff("engineer2", tech_l2_, {"engineer"});
  }

  std::int64_t Register(const org::Principal& who) {
    auto r = app_->desk().Register(who, Draft());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->ticket.id : 0;
  }

  void Act(const org::Principal& who, std::int64_t id, desk::Action a, desk::ActionInput in = {}) {
    in.action = a;
    auto r = app_->desk().Act(who, id, in);
    EXPECT_TRUE(r.ok()) << desk::Name(a) << ": " << r.error().message;
  }

  // A ticket's way after registration: answered by `agent` and transferred to `department` at
  // `answered`, accepted by `engineer` at `accepted` and resolved at `resolved`.
  void AnswerTransferResolve(std::int64_t id, const org::Principal& agent, std::int64_t department,
                             const org::Principal& engineer, TimeMs answered, TimeMs accepted, TimeMs resolved) {
    clock_.Set(answered);
    Act(agent, id, desk::Action::kRespond, {.note = "已收到"});
    Act(agent, id, desk::Action::kTransfer, {.note = "需要技术支持", .department_id = department});
    clock_.Set(accepted);
    Act(engineer, id, desk::Action::kAccept);
    clock_.Set(resolved);
    Act(engineer, id, desk::Action::kResolve, {.note = "已修复"});
  }

  // Polls until the tail has read the whole log.
  void CatchUp() {
    for (int round = 0; round < 100 && app_->analytics().Poll() > 0; ++round) {
    }
    const auto head = app_->database().Read([](storage::Connection& c) { return storage::HeadSeq(c); });
    EXPECT_EQ(app_->analytics().stats().last_sequence, head);
  }

  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  ManualClock clock_{Shanghai(0, 10)};
  std::unique_ptr<Application> app_;
  std::int64_t root_ = 0, desk_dept_ = 0, tech_dept_ = 0, customer_ = 0, category_ = 0;
  org::Principal quality_, agent_, agent2_, engineer_;
  std::int64_t tech_l2_ = 0;            // AddSecondLevel
  org::Principal manager_, engineer2_;  // AddSecondLevel
};

}  // namespace sqm::app
