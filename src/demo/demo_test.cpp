// The demo made through the services looks like a real service centre: its events are the live
// ones, complaints sit in the matching category and carry findings, callbacks have every rating,
// and some tickets are overdue.
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "app/application.h"
#include "base/json.h"
#include "demo/history.h"
#include "demo/organisation.h"

namespace sqm::demo {
namespace {

constexpr const char* kPassword = "Demo-pass-2026";

class DemoTest : public ::testing::Test {
 protected:
  // Made once for the suite: seeding hashes ~70 passwords and replays ~400 tickets.
  static void SetUpTestSuite() {
    path_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                      ("sqm_demo_" + std::to_string(::getpid()) + ".db"));
    clock_ = new ManualClock(ParseIsoTime("2026-11-27T18:00:00+08:00").value());
    app::Options o;
    o.database.url = path_->string();
    o.access_log = false;
    app_ = new app::Application(o, *clock_);
    auto org = SeedOrganisation(app_->org(), kPassword);
    ASSERT_TRUE(org.ok()) << org.error().message;
    organisation_ = *org;
    auto h = MakeHistory(app_->database(), app_->org(), app_->desk(), app_->sla(), {14, 30, 7, clock_->Now()});
    ASSERT_TRUE(h.ok()) << h.error().message;
    history_ = *h;
  }
  static void TearDownTestSuite() {
    delete app_;
    delete clock_;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_->string() + suffix);
    delete path_;
  }

  static std::vector<desk::Ticket> Tickets(desk::repo::TicketQuery q) {
    q.limit = 1000;
    auto r = app_->desk().List(org::Principal::System(), q);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<desk::Ticket>{};
  }
  static std::vector<storage::Event> Events(const std::string& type) {
    storage::EventFilter f;
    f.type = type;
    f.limit = 1000;
    return app_->database().Read([&](storage::Connection& c) { return storage::ListEvents(c, f).events; });
  }

  static inline std::filesystem::path* path_ = nullptr;
  static inline ManualClock* clock_ = nullptr;
  static inline app::Application* app_ = nullptr;
  static inline OrganisationReport organisation_;
  static inline HistorySummary history_;
};

TEST_F(DemoTest, MakesTheOrganisationAndAMonthOfHistory) {
  EXPECT_TRUE(organisation_.created);
  EXPECT_GE(organisation_.accounts, 65);
  EXPECT_EQ(history_.customers, 159);
  EXPECT_GT(history_.tickets, 200);
  EXPECT_GT(history_.open_tickets, 0);
  EXPECT_GT(history_.complaints_reviewed, 0);
  EXPECT_TRUE(app_->org().Login("agent", kPassword, "127.0.0.1").ok());
}

TEST_F(DemoTest, CatalogueAndCustomerEventsAreTheServicesOwn) {
  auto customers = Events("customer.created");
  ASSERT_EQ(customers.size(), 159u);
  for (const auto& e : customers) {
    auto data = json::Parse(e.data).value().as_object();
    EXPECT_TRUE(data.contains("kind")) << e.data;
    EXPECT_EQ(e.actor, "system");
  }
  auto categories = Events("category.created");
  ASSERT_EQ(static_cast<int>(categories.size()), history_.categories);
  int roots = 0;
  for (const auto& e : categories) {
    auto data = json::Parse(e.data).value().as_object();
    ASSERT_TRUE(data.contains("parent_id")) << e.data;  // null for a top-level category
    roots += data.at("parent_id").is_null();
  }
  EXPECT_EQ(roots, 6);
}

TEST_F(DemoTest, ComplaintsSitInTheirCategoryAndSomeAreSubstantiated) {
  auto categories = app_->catalogue().ListCategories().value();
  std::map<desk::Id, std::string> name_of;
  for (const auto& c : categories) name_of[c.id] = c.name;
  const std::map<desk::ComplaintCategory, std::string> expected = {
      {desk::ComplaintCategory::kAttitude, "服务态度"},        {desk::ComplaintCategory::kEfficiency, "处理效率"},
      {desk::ComplaintCategory::kProfessionalism, "专业能力"}, {desk::ComplaintCategory::kOutcome, "处理结果"},
      {desk::ComplaintCategory::kFacilities, "环境设施"},      {desk::ComplaintCategory::kOther, "其他投诉"}};
  int justified = 0, unjustified = 0, undecided = 0;
  const auto system = org::Principal::System();
  for (const auto& t : Tickets({.type = desk::TicketType::kComplaint})) {
    auto view = app_->desk().Get(system, t.id);
    ASSERT_TRUE(view.ok());
    ASSERT_TRUE(view->complaint.has_value());
    const auto& c = *view->complaint;
    EXPECT_EQ(name_of.at(*t.category_id), expected.at(c.category)) << t.number;
    if (!c.substantiated) {
      ++undecided;
      continue;
    }
    EXPECT_FALSE(c.findings.empty()) << t.number;
    EXPECT_TRUE(c.communicated_at.has_value()) << t.number;
    if (*c.substantiated) {
      ++justified;
      EXPECT_FALSE(c.remedy.empty()) << t.number;
    } else {
      ++unjustified;
    }
  }
  EXPECT_GT(justified, 0);
  EXPECT_GT(unjustified, 0);
  EXPECT_EQ(justified, history_.substantiated);
  EXPECT_EQ(justified + unjustified, history_.complaints_reviewed);
  EXPECT_GT(undecided, 0) << "the newest complaints are still being handled";
}

TEST_F(DemoTest, CallbacksHaveEveryRatingReachedOrNot) {
  std::set<std::string> ratings;
  for (const auto& e : Events("ticket.callback")) {
    auto data = json::Parse(e.data).value().as_object();
    if (data.contains("satisfaction")) ratings.insert(std::string(data.at("satisfaction").as_string()));
  }
  EXPECT_EQ(ratings, (std::set<std::string>{"satisfied", "basically_satisfied", "dissatisfied", "not_rated"}));
  EXPECT_FALSE(Events("ticket.callback_attempted").empty()) << "some customers were not reached";
}

TEST_F(DemoTest, SomeTicketsAreOverdueAndAFewBreached) {
  const auto breached = Tickets({.sla_state = sla::SlaState::kBreached});
  const auto all = Tickets({});
  EXPECT_GT(breached.size(), 0u);
  EXPECT_LT(breached.size() * 5, all.size()) << "a few, not most";
  const auto open_breached = Tickets({.statuses = {desk::TicketStatus::kAccepted, desk::TicketStatus::kInProgress,
                                                   desk::TicketStatus::kWaitingCustomer, desk::TicketStatus::kNew},
                                      .sla_state = sla::SlaState::kBreached});
  EXPECT_GT(open_breached.size(), 0u) << "overdue items are still open";
}

TEST_F(DemoTest, SeedingAgainOnlyResetsThePasswords) {
  auto again = SeedOrganisation(app_->org(), "Other-pass-2027");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->accounts, organisation_.accounts);
  EXPECT_TRUE(app_->org().Login("quality", "Other-pass-2027", "127.0.0.1").ok());
  ASSERT_TRUE(SeedOrganisation(app_->org(), kPassword).ok());
}

}  // namespace
}  // namespace sqm::demo
