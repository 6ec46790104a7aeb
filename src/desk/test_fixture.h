// The desk's test world, shared by the service and importer tests: a fresh database file, the real
// org, calendar, SLA and desk services on a manual clock (tests move it across business hours,
// lunch breaks and nights instead of sleeping), and a small organisation:
//
//   中心 ROOT ── 客服部 DESK (agent, agent2) ── 技术支持部 TECH (engineer, manager) ── 运维服务部 OPS (opseng)
//   quality (in ROOT); customer accounts cust.a and cust.b
//   customers 客户甲 (standard, 13900000001, account cust.a) and 客户乙 (vip, 13900000002, account cust.b)
//   categories 网络与连接 / VPN
//   SLA policies "standard" (first response 60, resolution 480 on cn-mainland; callback 24 h on
//   24x7; hand-over 30) and "vip" (the same with a 15-minute first response, for tier vip)
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "calendar/registry.h"
#include "calendar/zone.h"
#include "desk/catalogue.h"
#include "desk/portal.h"
#include "desk/service.h"
#include "org/repo.h"
#include "org/service.h"
#include "sla/service.h"
#include "storage/database.h"
#include "storage/event_log.h"
#include "storage/testing.h"

namespace sqm::desk {

// 2026-11-23 is a Monday; times are Asia/Shanghai (UTC+8).
inline TimeMs Shanghai(int day, int hour, int minute = 0) {
  return ParseIsoTime("2026-11-23T00:00:00+08:00").value() + (day * 24LL * 60 + hour * 60 + minute) * 60'000;
}

class DeskFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{file_.url()}, clock_);
    db_->Migrate();
    org_ = std::make_unique<org::Service>(*db_, clock_);
    calendars_ = std::make_unique<calendar::Registry>(*db_);
    ASSERT_TRUE(calendars_->Load().ok());
    sla_ = std::make_unique<sla::Service>(*db_, *calendars_, clock_);
    desk_ = std::make_unique<Service>(*db_, *sla_, clock_);
    catalogue_ = std::make_unique<Catalogue>(*db_);
    portal_ = std::make_unique<Portal>(*db_, *desk_);
    sla_->SetFiringHandler(
        [this](storage::WriteTx& tx, const sla::Timer& t, sla::FiringKind k) { return desk_->OnFiring(tx, t, k); });
    sla_->SetActiveStaff(org::repo::IsActiveStaff);

    const auto system = org::Principal::System();
    const auto root = org_->CreateDepartment(system, {"中心", std::nullopt, "ROOT"}).value().id;
    desk_dept_ = org_->CreateDepartment(system, {"客服部", root, "DESK"}).value().id;
    tech_dept_ = org_->CreateDepartment(system, {"技术支持部", root, "TECH"}).value().id;
    ops_dept_ = org_->CreateDepartment(system, {"运维服务部", root, "OPS"}).value().id;
    quality_ = Staff("quality", root, {"quality"});
    agent_ = Staff("agent", desk_dept_, {"agent"});
    agent2_ = Staff("agent2", desk_dept_, {"agent"});
    engineer_ = Staff("engineer", tech_dept_, {"engineer"});
    manager_ = Staff("manager", tech_dept_, {"manager"});
    ops_engineer_ = Staff("opseng", ops_dept_, {"engineer"});
    customer_a_ = Staff("cust.a", std::nullopt, {"customer"});
    customer_b_ = Staff("cust.b", std::nullopt, {"customer"});
    a_ = catalogue_
             ->CreateCustomer(agent_,
                              {"客户甲", "person", std::nullopt, "standard", "13900000001", "", customer_a_.staff_id})
             .value()
             .id;
    b_ =
        catalogue_
            ->CreateCustomer(agent_, {"客户乙", "person", std::nullopt, "vip", "13900000002", "", customer_b_.staff_id})
            .value()
            .id;
    network_ = catalogue_->CreateCategory(system, "网络与连接", std::nullopt).value().id;
    vpn_ = catalogue_->CreateCategory(system, "VPN", network_).value().id;

    sla::Policy standard;
    standard.name = "standard";
    standard.targets = {{sla::TimerKind::kFirstResponse, 60, "cn-mainland"},
                        {sla::TimerKind::kResolution, 8 * 60, "cn-mainland"},
                        {sla::TimerKind::kCallback, 24 * 60, "24x7"},
                        {sla::TimerKind::kHandover, 30, "cn-mainland"}};
    ASSERT_TRUE(sla_->CreatePolicy("system", standard).ok());
    sla::Policy vip = standard;
    vip.name = "vip";
    vip.match.customer_tier = "vip";
    vip.targets[0].business_minutes = 15;
    ASSERT_TRUE(sla_->CreatePolicy("system", vip).ok());
  }

  void TearDown() override {
    portal_.reset();
    catalogue_.reset();
    desk_.reset();
    sla_.reset();
    calendars_.reset();
    org_.reset();
    db_.reset();
  }

  org::Principal Staff(const std::string& name, std::optional<Id> dept, std::vector<std::string> roles) {
    org::StaffDraft d{name, name, dept, "", "", "", roles, "Demo-pass-2026", {}};
    auto s = org_->CreateStaffAsSystem(d);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return org_->Login(name, "Demo-pass-2026", "t").value().principal;
  }

  std::int64_t Count(const std::string& sql, storage::Params params = {}) {
    return db_->Read([&](storage::Connection& c) { return c.QueryOne(sql, params)->Int(0); });
  }
  std::int64_t CountEvents(const std::string& type) {
    return db_->Read([&](storage::Connection& c) { return storage::CountEvents(c, {.type = type}); });
  }

  // The ticket's latest timer of `kind`.
  sla::Timer TimerOf(Id ticket, sla::TimerKind kind) {
    auto timers = db_->Read([&](storage::Connection& c) { return sla_->TimersOf(c, ticket); });
    for (auto it = timers.rbegin(); it != timers.rend(); ++it) {
      if (it->kind == kind) return *it;
    }
    ADD_FAILURE() << "no timer " << sla::TimerKindName(kind);
    return {};
  }

  storage::testing::TestDb file_;  // SQLite, or PostgreSQL under SQM_TEST_DB=postgres
  const calendar::Zone zone_ = calendar::Zone::Named("Asia/Shanghai").value();  // the business time zone
  ManualClock clock_{Shanghai(0, 10)};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<calendar::Registry> calendars_;
  std::unique_ptr<sla::Service> sla_;
  std::unique_ptr<Service> desk_;
  std::unique_ptr<Catalogue> catalogue_;
  std::unique_ptr<Portal> portal_;
  Id desk_dept_ = 0, tech_dept_ = 0, ops_dept_ = 0, a_ = 0, b_ = 0, network_ = 0, vpn_ = 0;
  org::Principal quality_, agent_, agent2_, engineer_, manager_, ops_engineer_, customer_a_, customer_b_;
};

}  // namespace sqm::desk
