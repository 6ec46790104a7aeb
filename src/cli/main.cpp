// The `sqm` command: parses the command line into a Config and runs one subcommand on an
// app::Application (src/app/application.h builds the object graph; nothing is wired here).
//
// Every setting is a flag; `--config FILE` reads the same settings from an INI/TOML file
// (`db = "data/sqm.db"`, `[serve]` section for serve's flags). See docs/configuration.md.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/application.h"
#include "base/crypto.h"
#include "base/json.h"
#include "calendar/zone.h"
#include "demo/assessment.h"
#include "demo/history.h"
#include "demo/improvement.h"
#include "demo/organisation.h"
#include "storage/postgres.h"
#include "storage/restore.h"

namespace {

using namespace sqm;

struct Config {
  std::string db = "data/sqm.db";
  std::string synchronous = "FULL";
  bool group_commit = true;
  int db_pool = 8;
  std::string log_level = "info";
  std::string business_zone = "Asia/Shanghai";
  std::string business_calendar = "cn-mainland";

  std::string listen = "127.0.0.1:8080";
  std::string web_root = "web/dist";
  int workers = 16;
  std::size_t max_body = 1 << 20;
  std::string upload_dir;
  bool secure_cookies = false;
  int session_hours = 12;
  bool access_log = true;
  std::string metrics_token;
  int header_timeout_s = 30;
  int body_grace_s = 10;
  std::size_t body_min_rate = 16 << 10;
  std::string public_url;
  std::string smtp_host;
  int smtp_port = 25;
  std::string smtp_from;
  std::string smtp_from_name = "服务质量中心 Service Quality";
  bool smtp_starttls = false;
  int smtp_interval_s = 30;
  std::int64_t import_max_rows = desk::ImporterOptions{}.max_rows;
  bool analytics = true;
  int improvement_sweep_minutes = static_cast<int>(improvement::kDefaultSweepInterval / 60'000);
  int improvement_escalate_days = improvement::kDefaultEscalateAfterDays;
};

app::Options AppOptions(const Config& c) {
  app::Options o;
  o.database = storage::DatabaseOptions{
      .url = c.db, .synchronous = c.synchronous, .group_commit = c.group_commit, .readers = c.db_pool};
  o.session_ttl = c.session_hours * 3600LL * 1000;
  o.secure_cookies = c.secure_cookies;
  o.web_root = c.web_root;
  o.access_log = c.access_log;
  o.metrics_token = c.metrics_token;
  o.analytics = c.analytics;
  o.business_zone = calendar::Zone::Named(c.business_zone).value();
  o.business_calendar = c.business_calendar;
  o.mail.smtp = {.host = c.smtp_host,
                 .port = c.smtp_port,
                 .from = c.smtp_from,
                 .from_name = c.smtp_from_name,
                 .starttls = c.smtp_starttls};
  o.mail.base_url = c.public_url;
  while (!o.mail.base_url.empty() && o.mail.base_url.back() == '/') o.mail.base_url.pop_back();
  o.mail.interval = std::chrono::seconds(c.smtp_interval_s);
  o.importer.max_rows = c.import_max_rows;
  o.improvement_sweep_interval = c.improvement_sweep_minutes * 60'000LL;
  o.improvement_escalate_after_days = c.improvement_escalate_days;
  return o;
}

int Serve(const Config& c, const Clock& clock) {
  auto colon = c.listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "must be HOST:PORT");
  http::ServerOptions so;
  so.host = c.listen.substr(0, colon);
  so.port = static_cast<std::uint16_t>(std::stoi(c.listen.substr(colon + 1)));
  so.workers = c.workers;
  so.max_body_bytes = c.max_body;
  so.upload_dir = c.upload_dir;
  so.header_timeout_s = c.header_timeout_s;
  so.body_grace_s = c.body_grace_s;
  so.min_body_bytes_per_s = c.body_min_rate;
  app::Application application(AppOptions(c), clock);
  application.Serve(so, /*handle_signals=*/true, [&](std::uint16_t port) {
    std::printf("sqm listening on http://%s:%u\n", so.host.c_str(), port);
    std::fflush(stdout);
  });
  spdlog::info("stopped cleanly");
  return 0;
}

int PrintRoutes(const Config& c, const Clock& clock) {
  spdlog::set_level(spdlog::level::warn);
  Config memory = c;
  memory.db = (std::filesystem::temp_directory_path() / ("sqm-routes-" + crypto::RandomToken(8) + ".db")).string();
  {
    app::Application application(AppOptions(memory), clock);
    boost::json::array out;
    for (const auto& r : application.router().routes()) {
      out.push_back({{"method", r.method}, {"path", r.pattern}, {"permission", r.permission}});
    }
    std::cout << json::Serialize(out) << "\n";
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(memory.db + suffix);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Every password hashed or checked takes a 19 MiB block (Argon2id, org/password.cpp). glibc's
  // dynamic mmap threshold rises above 19 MiB once the first such block is freed, so later ones
  // came from the malloc arena of the worker thread that ran the sign-in and stayed there: 96
  // sign-ins over 16 connections left the server 330 MiB larger (issue 9, scripts/soak.sh). A fixed
  // threshold gives every block of 1 MiB or more a mapping of its own, returned to the system when
  // it is freed.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  spdlog::set_default_logger(spdlog::stderr_logger_mt("sqm"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");

  SystemClock clock;
  Config c;
  CLI::App cli{"sqm — service-quality supervision and assessment (服务质量监督考核系统)"};
  cli.set_config("--config", "", "read settings from an INI/TOML file");
  cli.require_subcommand(1);
  cli.fallthrough();  // global options are accepted after the subcommand too
  cli.option_defaults()->always_capture_default();
  cli.add_option("--db", c.db, "SQLite database file, or a PostgreSQL URI postgresql://USER:PASSWORD@HOST:PORT/DB");
  cli.add_option("--db-pool", c.db_pool, "read connections per server (PostgreSQL: plus one for writes)")
      ->check(CLI::Range(1, 256));
  cli.add_option("--synchronous", c.synchronous, "SQLite synchronous level: OFF, NORMAL, FULL or EXTRA")
      ->check(CLI::IsMember({"OFF", "NORMAL", "FULL", "EXTRA"}));
  cli.add_option("--group-commit", c.group_commit, "queue concurrent writes into one transaction");
  cli.add_option("--log-level", c.log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
  cli.add_option("--business-zone", c.business_zone, "time zone of imported local times, exports and report periods")
      ->check([](const std::string& zone) {
        auto z = calendar::Zone::Named(zone);
        return z.ok() ? std::string() : z.error().message;
      });

  cli.add_option("--business-calendar", c.business_calendar,
                 "code of the business calendar whose working days appeal windows count");

  auto* serve = cli.add_subcommand("serve", "serve the web UI and the API");
  serve->add_option("--listen", c.listen, "HOST:PORT to listen on (port 0 picks a free one)");
  serve->add_option("--web-root", c.web_root, "folder of the web build");
  serve->add_option("--workers", c.workers, "worker threads (requests in flight)")->check(CLI::Range(1, 512));
  serve->add_option("--max-body", c.max_body, "largest request body in bytes");
  serve
      ->add_option("--upload-dir", c.upload_dir,
                   "folder for uploads being imported, as files without a name (default: $TMPDIR, else /tmp)")
      ->check(CLI::ExistingDirectory);
  serve->add_option("--secure-cookies", c.secure_cookies, "mark the session cookie Secure (behind TLS)");
  serve->add_option("--session-hours", c.session_hours, "session lifetime in hours")->check(CLI::Range(1, 720));
  serve->add_option("--access-log", c.access_log, "one JSON line per request on stderr");
  serve->add_option("--header-timeout", c.header_timeout_s, "seconds from a request's first byte to its last header")
      ->check(CLI::Range(1, 600));
  serve->add_option("--body-grace", c.body_grace_s, "seconds a body may take before --body-min-rate applies")
      ->check(CLI::Range(1, 600));
  serve->add_option("--body-min-rate", c.body_min_rate, "bytes per second a body must average after --body-grace")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  serve->add_option("--public-url", c.public_url,
                    "the server's address as customers reach it, for links in survey mail (default: --listen)");
  serve
      ->add_option("--improvement-sweep-minutes", c.improvement_sweep_minutes,
                   "how often overdue improvement actions are looked at, in minutes")
      ->check(CLI::Range(1, 1440));
  serve
      ->add_option("--improvement-escalate-days", c.improvement_escalate_days,
                   "working days after the owner of an overdue improvement action was told before the owner's "
                   "department managers are")
      ->check(CLI::Range(0, 30));
  serve->add_option("--smtp-host", c.smtp_host, "mail server for survey invitations and reminders (empty: no e-mail)");
  serve->add_option("--smtp-port", c.smtp_port, "mail server port")->check(CLI::Range(1, 65535));
  serve->add_option("--smtp-from", c.smtp_from, "sender address of survey mail");
  serve->add_option("--smtp-from-name", c.smtp_from_name, "sender name of survey mail");
  serve->add_option("--smtp-starttls", c.smtp_starttls, "upgrade the mail connection with STARTTLS (verified)");
  serve->add_option("--smtp-interval", c.smtp_interval_s, "seconds between rounds of survey mail")
      ->check(CLI::Range(1, 3600));
  serve->add_option("--metrics-token", c.metrics_token,
                    "bearer token that lets callers beyond loopback read /metrics (default: loopback only)");
  serve->add_option("--analytics", c.analytics,
                    "keep the analytics engine live (rebuilt on start, following the event log) for assessment "
                    "values; false: every value by SQL");
  serve->add_option("--import-max-rows", c.import_max_rows, "data rows a ticket import file may have; more: refused")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));

  cli.add_subcommand("migrate", "apply pending database migrations");

  std::string seed_password;
  int seed_days = 90;
  double seed_per_day = 40;
  auto* seed = cli.add_subcommand("seed-demo", "load the demo organisation (示例服务中心) into an empty database");
  seed->add_option("--password", seed_password, "password for every demo account (default: a random one, printed)");
  seed->add_option("--days", seed_days, "days of generated service-desk history ending now (0: none)")
      ->check(CLI::Range(0, 3650));
  seed->add_option("--tickets-per-day", seed_per_day, "tickets on a weekday (weekends get 40 %)")
      ->check(CLI::Range(1.0, 100000.0));

  org::StaffDraft user;
  std::string user_role;
  std::int64_t user_department = 0;
  auto* create_user = cli.add_subcommand("create-user", "create an account");
  create_user->add_option("--username", user.username, "login name")->required();
  create_user
      ->add_option("--password", user.password,
                   "password (12 to 128 characters, not a common one; see docs/security.md)")
      ->required();
  create_user
      ->add_option("--role", user_role,
                   "role: admin, quality, executive, manager, agent, engineer, evaluator, customer")
      ->required();
  create_user->add_option("--department", user_department, "department id");
  create_user->add_option("--display-name", user.display_name, "name shown in the UI (default: the username)");

  std::string backup_to;
  auto* backup = cli.add_subcommand("backup", "online backup of the database, safe while serving");
  backup->add_option("--to", backup_to, "target file (SQLite: a database copy; PostgreSQL: pg_dump's custom format)")
      ->required();

  std::string restore_from;
  auto* restore = cli.add_subcommand(
      "restore", "restore a backup into --db (a new SQLite file, or an empty PostgreSQL database); servers stopped");
  restore->add_option("--from", restore_from, "a file `sqm backup` wrote")->required();

  cli.add_subcommand("verify-audit", "check the event log's hash chain; exit 0 only when intact");
  cli.add_subcommand("routes", "print every API route with its permission, as JSON");

  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::from_str(c.log_level));

  try {
    if (serve->parsed()) return Serve(c, clock);
    if (cli.got_subcommand("routes")) return PrintRoutes(c, clock);
    if (restore->parsed()) {
      const auto r = storage::Restore(AppOptions(c).database, restore_from);
      std::cout << "restored " << restore_from << " (" << r.events << " events, audit chain intact, schema "
                << r.last_migration << ")\n";
      return 0;
    }
    app::Application s(AppOptions(c), clock);
    if (cli.got_subcommand("migrate")) {
      std::cout << "database " << (storage::IsPostgresUrl(c.db) ? storage::RedactedUrl(c.db) : c.db)
                << " is up to date\n";
      return 0;
    }
    if (seed->parsed()) {
      const bool generated = seed_password.empty();
      if (generated) seed_password = "Demo-" + crypto::RandomToken(9) + "7";
      auto r = demo::SeedOrganisation(s.org(), seed_password);
      if (!r.ok()) {
        std::cerr << "seed-demo: " << r.error().field << " " << r.error().message << "\n";
        return 1;
      }
      if (r->created) {
        std::cout << "demo data loaded: " << r->accounts << " accounts\n";
        if (seed_days > 0) {
          auto g = demo::MakeHistory(s.database(), s.org(), s.desk(), s.sla(),
                                     {seed_days, seed_per_day, demo::HistoryOptions{}.seed, clock.Now()});
          if (!g.ok()) {
            std::cerr << "seed-demo: " << g.error().message << "\n";
            return 1;
          }
          std::cout << "service desk: " << g->tickets << " tickets over " << seed_days << " days (" << g->open_tickets
                    << " open), " << g->complaints_reviewed << " complaints reviewed (" << g->substantiated
                    << " substantiated), " << g->customers << " customers, " << g->policies << " SLA policies\n";
          auto a = demo::MakeAssessment(s.database(), s.periods(), calendar::Zone::Named(c.business_zone).value(),
                                        clock.Now());
          if (!a.ok()) {
            std::cerr << "seed-demo: assessment: " << a.error().field << " " << a.error().message << "\n";
            return 1;
          }
          std::cout << "assessment: " << a->indicators << " indicators, " << a->schemes << " schemes, " << a->periods
                    << " periods (" << a->locked << " locked)\n";
          auto im = demo::MakeImprovement(s.database(), s.improvement(), calendar::Zone::Named(c.business_zone).value(),
                                          clock.Now());
          if (!im.ok()) {
            std::cerr << "seed-demo: improvement: " << im.error().field << " " << im.error().message << "\n";
            return 1;
          }
          std::cout << "improvement: " << im->actions << " actions, " << im->audits << " audit\n";
        }
      } else {
        std::cout << "database already has data; demo passwords set for " << r->accounts << " accounts\n";
      }
      if (generated) std::cout << "demo password: " << seed_password << "\n";
      return 0;
    }
    if (create_user->parsed()) {
      user.roles = {user_role};
      if (user_department > 0) user.department_id = user_department;
      if (user.display_name.empty()) user.display_name = user.username;
      auto r = s.org().CreateStaffAsSystem(user);
      if (!r.ok()) {
        std::cerr << "create-user: " << r.error().field << ": " << r.error().message << "\n";
        return 1;
      }
      std::cout << "created " << r->username << " (id " << r->id << ")\n";
      return 0;
    }
    if (backup->parsed()) {
      s.database().Backup(backup_to);
      std::cout << "backup written to " << backup_to << "\n";
      return 0;
    }
    if (cli.got_subcommand("verify-audit")) {
      if (auto br = s.database().VerifyAudit()) {
        std::cerr << "audit chain broken at seq " << br->seq << ": " << br->reason << "\n";
        return 2;
      }
      std::cout << "audit chain intact\n";
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "sqm: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
