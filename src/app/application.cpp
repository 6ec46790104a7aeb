#include "app/application.h"

#include <charconv>
#include <filesystem>
#include <set>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "app/archive_sources.h"
#include "app/attainment_reader.h"
#include "app/indicator_reader.h"
#include "assessment/measure_routes.h"
#include "assessment/period_routes.h"
#include "assessment/routes.h"
#include "calendar/routes.h"
#include "desk/import_routes.h"
#include "desk/repo/catalogue.h"
#include "desk/repo/facts.h"
#include "desk/repo/notifications.h"
#include "desk/report_routes.h"
#include "desk/routes.h"
#include "feedback/facts.h"
#include "feedback/routes.h"
#include "http/system_routes.h"
#include "improvement/facts.h"
#include "improvement/routes.h"
#include "inspection/facts.h"
#include "inspection/routes.h"
#include "org/repo.h"
#include "org/routes.h"
#include "sla/routes.h"
#include "storage/postgres.h"

namespace sqm::app {

namespace {

// Requests per minute one client address may make to the public survey pages.
constexpr int kSurveyRequestsPerMinute = 60;

// A SQLite file's folder is made when missing, so `--db data/sqm.db` works on a fresh checkout.
const storage::DatabaseOptions& WithFolder(const storage::DatabaseOptions& options) {
  if (storage::IsPostgresUrl(options.url)) return options;
  if (auto dir = std::filesystem::path(options.url).parent_path(); !dir.empty()) {
    std::filesystem::create_directories(dir);
  }
  return options;
}

inspection::ServiceOptions InspectionOptions(const Options& options) {
  inspection::ServiceOptions o;
  o.calendar_code = options.business_calendar;
  o.zone = options.business_zone;
  return o;
}

improvement::ServiceOptions ImprovementOptions(const Options& options) {
  improvement::ServiceOptions o;
  o.calendar_code = options.business_calendar;
  o.zone = options.business_zone;
  o.escalate_after_days = options.improvement_escalate_after_days;
  o.sweep_interval = options.improvement_sweep_interval;
  return o;
}

}  // namespace

Application::Application(const Options& options, const Clock& clock)
    : options_(options),
      clock_(clock),
      db_(WithFolder(options_.database), clock_),
      org_(db_, clock_, org::ServiceOptions{.session_ttl = options_.session_ttl}),
      calendars_(db_),
      sla_(db_, calendars_, clock_),
      desk_(db_, sla_, clock_),
      run_out_watch_(db_, clock_),
      catalogue_(db_),
      portal_(db_, desk_),
      reports_(db_, clock_, options_.business_zone),
      notifications_(db_),
      views_(db_),
      importer_(db_, desk_, sla_, clock_, options_.business_zone, options_.importer),
      exporter_(db_, clock_, options_.business_zone),
      measures_(db_, facts_),
      engine_(db_, facts_, options_.business_zone),
      measure_service_(db_, measures_, engine_),
      exclusions_(db_, facts_),
      feedback_(db_, clock_, options_.business_zone),
      survey_limiter_(clock_, kSurveyRequestsPerMinute),
      inspection_(
          db_, clock_, [this](const std::string& code) { return calendars_.Get(code); }, InspectionOptions(options_)),
      calibrations_(db_, clock_),
      mystery_(db_, inspection_, options_.business_zone),
      improvement_(
          db_, clock_, [this](const std::string& code) { return calendars_.Get(code); }, ImprovementOptions(options_)),
      overdue_sweep_(db_, improvement_, clock_),
      periods_(
          db_, clock_, engine_, [this](const std::string& code) { return calendars_.Get(code); },
          assessment::PeriodServiceOptions{.calendar_code = options_.business_calendar}),
      analytics_(db_, engine_),
      idempotency_(db_, clock_),
      http_(router_, org_, metrics_,
            http::AppOptions{options_.web_root, options_.secure_cookies, options_.access_log, &idempotency_}) {
  for (auto& name : db_.Migrate()) {
    spdlog::info("applied migration {}", name);
    applied_migrations_.push_back(std::move(name));
  }
  FollowOtherServers();
  facts_.Register(desk::repo::FactSources());   // the desk registers its evidence; it never links assessment
  facts_.Register(feedback::FactSources());     // and so does feedback
  facts_.Register(inspection::FactSources());   // and so does inspection
  facts_.Register(improvement::FactSources());  // and improvement
  if (auto st = feedback_.Prepare(); !st.ok()) throw std::runtime_error("feedback: " + st.error().message);
  if (auto st = improvement::CheckEscalationSettings(options_.improvement_sweep_interval,
                                                     options_.improvement_escalate_after_days);
      !st.ok()) {
    throw std::runtime_error("--" + st.error().field + ": " + st.error().message);
  }
  if (!options_.mail.smtp.host.empty()) {
    if (auto st = feedback::smtp::CheckOptions(options_.mail.smtp); !st.ok()) {
      throw std::runtime_error("--" + st.error().field + ": " + st.error().message);
    }
    mailer_ = std::make_unique<feedback::Mailer>(feedback_, options_.mail);
  }
  if (auto st = calendars_.Load(); !st.ok()) throw std::runtime_error("calendars: " + st.error().message);
  if (!calendars_.Get(options_.business_calendar)) {
    throw std::runtime_error("--business-calendar: no calendar '" + options_.business_calendar + "'");
  }
  sla_.SetFiringHandler(FiringHandler());
  sla_.SetCategoryPaths(desk::repo::CategoryPath);
  WireRunOutWatch();
  // Assessment's yellow cards are told through the desk's notifications, in the publishing write.
  periods_.SetNotify([](storage::WriteTx& tx, assessment::RecordId to, std::string_view kind, const Message& m) {
    return desk::repo::InsertNotification(tx.db(), to, std::string(kind), std::nullopt, m, tx.now());
  });
  // The archive's complaint, inspection and appeal cards read the desk's and the inspection's evidence.
  periods_.SetArchiveSources(ArchiveSources());
  // Improvement verifies an action's effect on assessment's measures.
  improvement_.SetIndicatorReader(IndicatorReader(measures_));
  // The desk dashboard's SLA attainment is the assessment's measures, read from the same source as
  // the assessment's live preview (the engine, or the SQL before its rebuild and with --analytics
  // false), so a manager sees one number in both.
  reports_.SetAttainmentReader(AttainmentReader(engine_));
  sla_.SetActiveStaff(org::repo::IsActiveStaff);
  desk_.SetActionHook([this](storage::WriteTx& tx, const desk::Ticket& t, const desk::ActionInput& in) {
    return feedback_.OnTicketAction(tx, t, in);
  });
  // A value read after a write includes it: the engine answers once its tail has caught up with
  // the log (a second at most), else the SQL does.
  if (options_.analytics) engine_.SetFreshness([this] { return analytics_.CatchUp(std::chrono::seconds(1)); });
  // The dashboard's state now and the complaint summary, from the board the tail keeps, on the same
  // terms; else the SQL.
  if (options_.analytics) {
    analytics_.SetLiveBoard(&live_board_, &clock_);
    reports_.SetLiveReader([this](const desk::repo::Visibility& v, TimeMs now) -> std::optional<desk::repo::LiveState> {
      if (!live_board_.ready() || !analytics_.CatchUp(std::chrono::seconds(1))) return std::nullopt;
      return live_board_.Read(v, now);
    });
    reports_.SetComplaintReader(
        [this](const desk::repo::Visibility& v, TimeMs now, TimeMs from, TimeMs to,
               const std::vector<TimeMs>& weeks) -> std::optional<desk::repo::ComplaintFigures> {
          if (!live_board_.ready() || !analytics_.CatchUp(std::chrono::seconds(1))) return std::nullopt;
          return live_board_.Complaints(v, now, from, to, weeks);
        });
  }
  AddRoutes();
}

Application::~Application() {
  Shutdown();
}

// Several servers on one PostgreSQL database: each keeps the deadlines of every open timer and
// the compiled calendars in memory, and follows the event log for what the others change
// (storage/event_follower.h; docs/deploy.md). Made before the calendars load and the monitor
// restores, so nothing written meanwhile is missed. One SQLite file has one server: no follower.
void Application::FollowOtherServers() {
  if (db_.dialect() != storage::Dialect::kPostgres) return;
  follower_ = std::make_unique<storage::EventFollower>(db_);
  follower_->Subscribe({.entity = "ticket", .type = "sla."}, [this](const std::vector<storage::Event>& events) {
    std::set<std::int64_t> tickets;
    for (const auto& e : events) {
      std::int64_t id = 0;
      const char* end = e.entity_id.data() + e.entity_id.size();
      if (std::from_chars(e.entity_id.data(), end, id).ptr == end) tickets.insert(id);
    }
    for (std::int64_t id : tickets) sla_.Reschedule(id);
  });
  follower_->Subscribe({.entity = "calendar"}, [this](const std::vector<storage::Event>&) {
    if (auto st = calendars_.Load(); !st.ok()) spdlog::warn("calendars: {}", st.error().message);
  });
}

sla::FiringHandler Application::FiringHandler() {
  return [this](storage::WriteTx& tx, const sla::Timer& timer, sla::FiringKind kind) {
    return desk_.OnFiring(tx, timer, kind);
  };
}

// The administrators (active staff with the admin role) hear through the desk's notifications;
// the calendars in use are those of the active SLA policies' targets.
void Application::WireRunOutWatch() {
  run_out_watch_.SetNotify([](storage::WriteTx& tx, std::string_view kind, const Message& m) -> Status {
    org::repo::StaffQuery admins{.role = "admin", .active = true, .limit = 200};
    for (;;) {
      const auto page = org::repo::ListStaff(tx.db(), admins, org::Scope{.all = true});
      for (const auto& s : page) {
        SQM_TRY(desk::repo::InsertNotification(tx.db(), s.id, std::string(kind), std::nullopt, m, tx.now()));
      }
      if (static_cast<int>(page.size()) < admins.limit) return {};
      admins.after_id = page.back().id;
    }
  });
  run_out_watch_.SetInUse([this]() -> Result<std::set<std::string>> {
    SQM_ASSIGN(const auto policies, sla_.ListPolicies(false));
    std::set<std::string> codes;
    for (const auto& p : policies) {
      for (const auto& t : p.targets) codes.insert(t.calendar_code);
    }
    return codes;
  });
}

void Application::AddRoutes() {
  http::AddSystemRoutes(router_, db_, metrics_,
                        {.metrics_token = options_.metrics_token, .gauges = [this] { return AnalyticsGauges(); }});
  org::AddRoutes(router_, org_, {options_.secure_cookies, options_.session_ttl});
  calendar::AddRoutes(router_, calendars_);
  sla::AddRoutes(router_, sla_);
  desk::AddRoutes(router_, desk_, catalogue_, portal_);
  desk::AddReportRoutes(router_, reports_, notifications_, views_);
  desk::AddImportRoutes(router_, importer_, exporter_, idempotency_);
  assessment::AddMethodRoutes(router_);
  assessment::AddMeasureRoutes(router_, measure_service_, options_.business_zone);
  assessment::AddExclusionRoutes(router_, exclusions_);
  assessment::AddPeriodRoutes(router_, periods_, options_.business_zone);
  feedback::AddStatisticsRoutes(router_);
  feedback::AddRoutes(router_, feedback_, survey_limiter_);
  inspection::AddAgreementRoutes(router_);
  inspection::AddRoutes(router_, inspection_);
  inspection::AddCalibrationRoutes(router_, calibrations_);
  inspection::AddMysteryRoutes(router_, mystery_);
  improvement::AddRoutes(router_, improvement_);
}

// The engine's size and the tail's progress (docs/deploy.md lists them); none with --analytics false.
std::map<std::string, double> Application::AnalyticsGauges() const {
  if (!options_.analytics) return {};
  const auto stats = analytics_.stats();
  const auto size = engine_.Report();
  const auto tracked = engine_.Tracked();
  auto d = [](auto n) { return static_cast<double>(n); };
  std::map<std::string, double> out{
      {"sqm_analytics_ready", stats.ready ? 1 : 0},
      {"sqm_analytics_subjects", d(size.subjects)},
      {"sqm_analytics_measures", d(size.measures)},
      {"sqm_analytics_partials", d(size.day_partials + size.month_partials)},
      {"sqm_analytics_bytes", d(size.bytes + tracked.bytes)},
      {"sqm_analytics_facts_tracked", d(tracked.facts)},
      {"sqm_analytics_last_sequence", d(stats.last_sequence)},
      {"sqm_analytics_events_applied_total", d(stats.events_applied)},
      {"sqm_analytics_rebuilds_total", d(stats.rebuilds)},
      {"sqm_analytics_fallback_rebuilds_total", d(stats.fallbacks)},
      {"sqm_analytics_rebuild_seconds", stats.rebuild_seconds},
  };
  const auto board = live_board_.size();
  out.emplace("sqm_dashboard_board_tickets", d(board.tickets));
  out.emplace("sqm_dashboard_board_bytes", d(board.bytes));
  // The ledger's heap per fact it keeps a record of (assessment/engine_source.h).
  if (tracked.facts > 0) out.emplace("sqm_analytics_bytes_per_fact", d(tracked.bytes) / d(tracked.facts));
  return out;
}

void Application::StartMonitor() {
  sla_.Start(FiringHandler());
  if (follower_) follower_->Start();
  run_out_watch_.Start();
  overdue_sweep_.Start();
  if (mailer_) mailer_->Start();
  if (options_.analytics) analytics_.Start();
}

void Application::Serve(const http::ServerOptions& options, bool handle_signals,
                        const std::function<void(std::uint16_t)>& on_listening) {
  if (!options_.web_root.empty() && !std::filesystem::exists(std::filesystem::path(options_.web_root) / "index.html")) {
    spdlog::warn("no web build at {} (run `npm run build` in web/); serving the API only", options_.web_root);
  }
  http::Server server(http_, options);
  server.Listen(handle_signals);
  {
    std::lock_guard lock(serving_mu_);
    serving_ = &server;
  }
  if (mailer_) mailer_->SetDefaultBaseUrl("http://" + options.host + ":" + std::to_string(server.port()));
  StartMonitor();
  if (on_listening) on_listening(server.port());
  server.Run();
  {
    std::lock_guard lock(serving_mu_);
    serving_ = nullptr;
  }
  Shutdown();
}

void Application::StopServing() {
  std::lock_guard lock(serving_mu_);
  if (serving_) serving_->Stop();
}

void Application::Shutdown() {
  std::call_once(shutdown_once_, [this] {
    importer_.Stop();
    if (follower_) follower_->Stop();
    analytics_.Stop();
    sla_.Stop();
    run_out_watch_.Stop();
    overdue_sweep_.Stop();
    if (mailer_) mailer_->Stop();
    db_.Close();
  });
}

}  // namespace sqm::app
