// Application: the composition root. It builds the object graph of one sqm server once, in
// dependency order, and tears it down once, in reverse. `sqm` (src/cli/main.cpp), the tests that
// need a whole server in process and the benchmarks all make one of these instead of wiring the
// services themselves, so there is exactly one place that says what an sqm server is made of.
//
// What it owns, in construction order (each piece is handed the pieces above it by reference,
// through its constructor; nothing is global, so two Applications on two databases can run side by
// side in one test process):
//
//   Database ............ the connection pool and the one writer thread (storage/database.h);
//                         migrated to the newest schema in the constructor
//   org::Service ........ departments, staff, sign-in and its throttle, sessions, API tokens
//   calendar::Registry .. the business calendars, loaded from the database in the constructor
//   calendar::RunOutWatch tells the administrators (desk notifications) 60 days before a calendar
//                         of an active SLA policy runs out of holiday data; both hooks installed here
//   sla::Service ........ SLA policies, timers and the deadline queue; its firing handler (the
//                         desk's), the category-path lookup and the active-staff check (org's) are
//                         installed here and nowhere else
//   desk::Service ....... tickets; calls into sla::Service inside its own write jobs
//   desk::Catalogue ..... customers and categories
//   desk::Portal ........ the customer portal (over desk::Service)
//   desk::Reports ....... the desk's read models (dashboard, complaint summary, queues); its
//                         AttainmentReader (app/attainment_reader.h: assessment's measures, read
//                         from the engine) installed
//   desk::Notifications, desk::SavedViews ... each person's notifications and saved views
//   desk::Importer ...... CSV/XLSX/NDJSON import jobs on threads of their own
//   assessment::FactRegistry the evidence modules' fact sources (the desk's registered here, so
//                         desk never links assessment); read-only once the constructor returns
//   assessment::SqlMeasureSource the measures (built-in library and the organisation's own) over them
//   assessment::EngineMeasureSource the analytics engine over the same measures (issue 13): the
//                         values the measure and period services read (live previews; a locked
//                         period keeps its snapshot); it answers by SQL until its first rebuild
//   assessment::MeasureService, ExclusionService ... their use cases behind the routes
//   feedback::Service ... surveys; installed here as the desk's action hook, so a resolution and
//                         its survey invitation (or a callback rating and its copy) commit together
//   inspection::Service . scorecards (versioned), inspections and their appeals; its fact source
//                         (inspection::FactSources) registered with the desk's
//   inspection::CalibrationService calibration sessions; deliberately no fact source
//   inspection::MysteryService mystery shopping scenarios, their visits (covert inspections made
//                         through inspection::Service) and the shoppers' receipts
//   improvement::Service  improvement actions (CAPA), suggestions, audits; its fact source registered
//                         too, its OverdueSweep (the overdue escalation) started with the monitor, and
//                         its IndicatorReader (app/indicator_reader.h: assessment's measures) installed
//   assessment::PeriodService periods and results; its yellow-card notifications (the desk's) and
//                         the archive's sources (app/archive_sources.h: desk complaints, inspections)
//                         installed here
//   IdempotencyKeys, Metrics, Router (every module's routes), http::App (the request pipeline)
//
// How subsystems reach each other: only through the references they were constructed with. The
// one upward call — the SLA monitor firing a warning or breach, which the desk must act on — is a
// callback (sla::FiringHandler) installed here, so sla does not depend on desk.
//
// Threading: every service is safe to call from any thread (state lives in the database; the few
// in-memory caches are guarded inside the services). Threads that run on their own:
//   - the Database writer thread (from construction until Shutdown),
//   - the SLA monitor thread (from StartMonitor until Shutdown),
//   - the calendar run-out watch (from StartMonitor until Shutdown; tests call
//     run_out_watch().Check() with a ManualClock instead),
//   - import jobs (each on its own thread, from Importer::Start until done or Shutdown),
//   - the improvement overdue sweep (from StartMonitor until Shutdown; tests call Check()),
//   - the survey mailer (when --smtp-host is set; from StartMonitor until Shutdown),
//   - the analytics tail (unless --analytics false; from StartMonitor until Shutdown): rebuilds
//     the engine and the dashboard's board, then applies the event log to them (app/analytics_tail.h),
//   - the HTTP workers (inside Serve, until a signal or StopServing).
// Accessors may be used from any thread while the Application lives.
//
// Shutdown (written once, in Shutdown(); the destructor calls it): the server has stopped
// accepting and answered the requests in flight (Serve returns only then), then import jobs stop
// at their next row (one that was applying rolls back), then the SLA monitor finishes the firing
// in progress and stops, then the run-out watch finishes its check and stops, then the database
// writer drains its queue and closes. Nothing is written after Shutdown.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/analytics_tail.h"
#include "assessment/engine_source.h"
#include "assessment/exclusion.h"
#include "assessment/facts.h"
#include "assessment/measure_service.h"
#include "assessment/measure_source.h"
#include "assessment/period_service.h"
#include "base/clock.h"
#include "calendar/registry.h"
#include "calendar/run_out_watch.h"
#include "calendar/zone.h"
#include "desk/catalogue.h"
#include "desk/export.h"
#include "desk/importer.h"
#include "desk/notifications.h"
#include "desk/portal.h"
#include "desk/reports.h"
#include "desk/service.h"
#include "feedback/mailer.h"
#include "feedback/service.h"
#include "http/app.h"
#include "http/idempotency.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "improvement/overdue_sweep.h"
#include "improvement/service.h"
#include "inspection/calibration_service.h"
#include "inspection/mystery_service.h"
#include "inspection/service.h"
#include "org/service.h"
#include "sla/service.h"
#include "storage/database.h"
#include "storage/event_follower.h"

namespace sqm::app {

// Everything an Application is configured with. The command line (or a config file) fills it;
// tests and benches set what they need and keep the defaults for the rest.
struct Options {
  storage::DatabaseOptions database;
  TimeMs session_ttl = 12LL * 3600 * 1000;  // absolute lifetime of a browser session
  bool secure_cookies = false;              // add `Secure` to the session cookie (behind TLS)
  std::string web_root;                     // the web build to serve; empty: the API only
  bool access_log = true;                   // one JSON line per request on stderr
  std::string metrics_token;                // lets callers beyond loopback read /metrics; empty: loopback only
  desk::ImporterOptions importer;           // import jobs: how many at once, the apply cache
  // The business time zone (`--business-zone`): import times without an offset, exports and the
  // desk reports' days, weeks and months are local there.
  calendar::Zone business_zone = calendar::Zone::Named("Asia/Shanghai").value();
  // The organisation's default business calendar (`--business-calendar`): the working days that
  // appeal windows (assessment, inspection) count. Must be a loaded calendar.
  std::string business_calendar = "cn-mainland";
  // The escalation of overdue improvement actions (`--improvement-sweep-minutes`,
  // `--improvement-escalate-days`): how often the sweep looks, and the working days after the
  // owner was told before the owner's managers are (improvement::CheckEscalationSettings).
  TimeMs improvement_sweep_interval = improvement::kDefaultSweepInterval;
  int improvement_escalate_after_days = improvement::kDefaultEscalateAfterDays;
  // Survey e-mail (`--smtp-host` and the rest): sent when `mail.smtp.host` is set; the answer
  // links start with `mail.base_url` (`--public-url`), else the address the server listens on.
  feedback::MailerOptions mail;
  // The analytics engine (`--analytics`): rebuilt on start in the background, then tailing the
  // event log; the assessment's live values read it. false: every value comes from the SQL.
  bool analytics = true;
};

class Application {
 public:
  // Opens and migrates the database (creating a SQLite file's folder when missing), builds every
  // service and the routes, and loads the calendars. `clock` outlives the Application. Throws
  // std::runtime_error (or storage::DbError) when the database cannot be opened or migrated.
  Application(const Options& options, const Clock& clock);
  ~Application();  // Shutdown()
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // The migrations the constructor applied, oldest first (empty when the schema was current).
  const std::vector<std::string>& applied_migrations() const { return applied_migrations_; }

  // Restores the SLA deadline queue from the open timers and starts the monitor thread that fires
  // warnings and breaches (and, on PostgreSQL, the follower of the other servers' writes). Serve()
  // does this; tests that move a ManualClock call sla().FireDue() instead and never start it.
  void StartMonitor();

  // Listens on `options.host:port` (throws std::runtime_error when the address is taken), starts
  // the SLA monitor, calls `on_listening` with the bound port, and serves until SIGINT/SIGTERM
  // (with `handle_signals`) or StopServing(). Returns after the requests in flight are answered
  // and Shutdown() has run.
  void Serve(const http::ServerOptions& options, bool handle_signals,
             const std::function<void(std::uint16_t port)>& on_listening = {});
  // Makes a running Serve() return. Thread-safe; a no-op when not serving.
  void StopServing();

  // Stops import jobs, the follower, the analytics tail, the SLA monitor, the run-out watch and the
  // database writer, in that order.
  // Idempotent.
  void Shutdown();

  const Clock& clock() const { return clock_; }
  storage::Database& database() { return db_; }
  org::Service& org() { return org_; }
  calendar::Registry& calendars() { return calendars_; }
  calendar::RunOutWatch& run_out_watch() { return run_out_watch_; }
  // What other servers on the same PostgreSQL database wrote: null on SQLite (one server).
  storage::EventFollower* follower() { return follower_.get(); }
  sla::Service& sla() { return sla_; }
  desk::Service& desk() { return desk_; }
  desk::Catalogue& catalogue() { return catalogue_; }
  desk::Portal& portal() { return portal_; }
  desk::Reports& reports() { return reports_; }
  desk::Importer& importer() { return importer_; }
  desk::Exporter& exporter() { return exporter_; }
  // The fact sources the evidence modules registered, and the measures over them.
  const assessment::FactRegistry& facts() const { return facts_; }
  assessment::SqlMeasureSource& measures() { return measures_; }
  // The analytics engine and the thread that keeps it live (started with the monitor).
  assessment::EngineMeasureSource& engine() { return engine_; }
  AnalyticsTail& analytics() { return analytics_; }
  desk::LiveBoard& live_board() { return live_board_; }
  assessment::ExclusionService& exclusions() { return exclusions_; }
  feedback::Service& feedback() { return feedback_; }
  inspection::Service& inspection() { return inspection_; }
  improvement::Service& improvement() { return improvement_; }
  improvement::OverdueSweep& overdue_sweep() { return overdue_sweep_; }
  // Indicators, schemes, periods, results and appeals (assessment, issue 10).
  assessment::PeriodService& periods() { return periods_; }
  const http::Router& router() const { return router_; }
  http::App& http() { return http_; }

 private:
  sla::FiringHandler FiringHandler();
  void WireRunOutWatch();
  void FollowOtherServers();
  void AddRoutes();
  std::map<std::string, double> AnalyticsGauges() const;

  const Options options_;
  const Clock& clock_;
  std::vector<std::string> applied_migrations_;
  storage::Database db_;
  org::Service org_;
  calendar::Registry calendars_;
  sla::Service sla_;
  desk::Service desk_;
  calendar::RunOutWatch run_out_watch_;
  desk::Catalogue catalogue_;
  desk::Portal portal_;
  desk::Reports reports_;
  desk::Notifications notifications_;
  desk::SavedViews views_;
  desk::Importer importer_;
  desk::Exporter exporter_;
  assessment::FactRegistry facts_;
  assessment::SqlMeasureSource measures_;
  assessment::EngineMeasureSource engine_;
  assessment::MeasureService measure_service_;
  assessment::ExclusionService exclusions_;
  feedback::Service feedback_;
  feedback::PublicLimiter survey_limiter_;
  inspection::Service inspection_;
  inspection::CalibrationService calibrations_;  // never counts toward a score: no fact source
  inspection::MysteryService mystery_;           // scenarios and their covert visits
  improvement::Service improvement_;
  improvement::OverdueSweep overdue_sweep_;
  assessment::PeriodService periods_;
  desk::LiveBoard live_board_;  // the dashboard's state now, kept by analytics_
  AnalyticsTail analytics_;
  http::IdempotencyKeys idempotency_;
  std::unique_ptr<storage::EventFollower> follower_;
  std::unique_ptr<feedback::Mailer> mailer_;  // when survey e-mail is configured
  http::Metrics metrics_;
  http::Router router_;
  http::App http_;

  std::mutex serving_mu_;
  http::Server* serving_ = nullptr;  // the server inside Serve(), guarded by serving_mu_
  std::once_flag shutdown_once_;
};

}  // namespace sqm::app
