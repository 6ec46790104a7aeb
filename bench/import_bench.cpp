// Ticket import benchmark: how fast sqm imports a large CSV of historical tickets (parse, validate
// every row, then replay every ticket through desk::Service with its SLA timers and events, all in
// one transaction with synchronous=FULL), against the floor of what SQLite can do with the same
// file: the sqlite3 shell's `.import` into a bare table.
//
//   sqm_import_bench [--rows N] [--dir DIR] [--cache-kib N] [--export] [--keep] [--db URL]
//
// --db runs sqm's import on that (empty) database instead of a new SQLite file: a PostgreSQL URI
// postgresql://... (start a durable cluster with SQM_PG_OPTIONS='-c fsync=on' scripts/pg.sh start DIR).
//
// --export also times exporting every imported ticket as CSV and as XLSX (GET /api/v1/tickets/export).
// --cache-kib sets ImporterOptions::apply_cache_kib (the writer's page cache while applying;
// 0 keeps SQLite's default of 2 MiB).
//
// The CSV is generated deterministically (splitmix64, fixed seed, fixed "now") so every run
// imports the same file. Prints rows/s for both and the ratio, and the CPU time of sqm's import
// (the steadier figure on a shared machine). Not a test: no timed assertions;
// it exits non-zero only when the import fails or the sqlite3 shell is missing.
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/application.h"
#include "calendar/zone.h"
#include "desk/catalogue.h"
#include "desk/export.h"
#include "desk/importer.h"
#include "desk/service.h"
#include "org/service.h"
#include "sla/service.h"
#include "storage/database.h"

namespace {

using namespace sqm;
using Wall = std::chrono::steady_clock;

constexpr std::uint64_t kSeed = 20261130;
constexpr int kCustomers = 1000;
constexpr TimeMs kMinute = 60'000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  int Below(int n) { return static_cast<int>(Uniform() * n); }
  // Exponential with the given mean in minutes, at least one minute, at most ten means.
  TimeMs Minutes(double mean) {
    const double m = std::min(10 * mean, -mean * std::log(1.0 - Uniform()));
    return std::max<TimeMs>(kMinute, static_cast<TimeMs>(m * kMinute));
  }

 private:
  std::uint64_t state_;
};

struct Leaf {
  const char* path;
  const char* titles[3];
};
constexpr Leaf kLeaves[] = {
    {"账户与登录/密码重置", {"无法登录业务系统，需要重置密码", "密码过期提示后无法修改", "忘记邮箱密码"}},
    {"网络与连接/宽带故障", {"办公室网络时断时续", "营业厅宽带无法上网", "网速明显变慢"}},
    {"网络与连接/VPN", {"出差期间VPN连接失败", "VPN登录后无法访问内网", "VPN客户端报证书错误"}},
    {"软件与系统/业务系统", {"订单系统提交时报错", "报表导出超时", "工单系统页面加载缓慢"}},
    {"硬件与设备/打印机", {"打印机卡纸", "打印任务一直排队", "扫描件无法发送到邮箱"}},
    {"服务质量/服务态度", {"投诉客服人员态度冷淡", "上门工程师未按约定时间到达", "电话多次转接无人处理"}},
};
constexpr const char* kTypes[] = {"咨询", "服务请求", "故障", "投诉", "建议"};
constexpr const char* kChannels[] = {"电话", "邮件", "在线", "门户", "现场", "接口"};
constexpr const char* kCallback[] = {"解决", "解决", "解决", "解决", "解决", "部分解决"};
constexpr const char* kSatisfaction[] = {"满意", "满意", "满意", "基本满意", "基本满意", "不满意", "未评价"};

std::string Phone(int i) {
  return fmt::format("139{:08d}", 10000000 + i);
}

// `rows` tickets created in the year before `now` (up to ten days before it, so that every step,
// at most ten mean delays each, is in the past): 90 % closed after a callback, 5 % resolved and
// waiting for the callback, 5 % still open.
// The business time zone of the demo organisation.
calendar::Zone Shanghai() {
  return calendar::Zone::Named("Asia/Shanghai").value();
}

std::string GenerateCsv(int rows, TimeMs now) {
  const calendar::Zone zone = Shanghai();
  Random rnd(kSeed);
  std::string out =
      "type,channel,priority,title,description,customer,category,department,assignee,created_at,"
      "first_response_at,resolved_at,callback_at,callback_resolved,satisfaction,closed_at,external_id,"
      "complaint_category\n";
  out.reserve(static_cast<std::size_t>(rows) * 330);
  const TimeMs start = now - 365 * kDay;
  for (int i = 0; i < rows; ++i) {
    const Leaf& leaf = kLeaves[rnd.Below(6)];
    const int type_index = rnd.Below(5);
    const char* type = kTypes[type_index];
    const char* channel = kChannels[rnd.Below(6)];
    const int priority = 1 + rnd.Below(4);
    const char* title = leaf.titles[rnd.Below(3)];
    const bool tech = rnd.Uniform() < 0.5;
    const std::string assignee =
        tech ? fmt::format("eng{:02d}", rnd.Below(10)) : fmt::format("agent{:02d}", rnd.Below(10));
    const TimeMs created = start + static_cast<TimeMs>(rnd.Uniform() * static_cast<double>(355 * kDay));
    const TimeMs responded = created + rnd.Minutes(30);
    const TimeMs resolved = responded + rnd.Minutes(600);
    const TimeMs called = resolved + rnd.Minutes(480);
    const TimeMs closed = called + rnd.Minutes(60);
    const double fate = rnd.Uniform();
    auto t = [&zone](TimeMs v) { return zone.Format(v); };
    std::string lifecycle;
    if (fate < 0.90) {
      lifecycle = fmt::format("{},{},{},{},{},{}", t(responded), t(resolved), t(called), kCallback[rnd.Below(6)],
                              kSatisfaction[rnd.Below(7)], t(closed));
    } else if (fate < 0.95) {
      lifecycle = fmt::format("{},{},,,,", t(responded), t(resolved));
    } else {
      lifecycle = fate < 0.975 ? fmt::format("{},,,,,", t(responded)) : ",,,,,";
    }
    out +=
        fmt::format("{},{},P{},{},\"客户来电反映：{}。已记录联系方式，需跟进处理。\",{},{},{},{},{},{},CC-{:07d},{}\n",
                    type, channel, priority, title, title, Phone(rnd.Below(kCustomers)), leaf.path,
                    tech ? "TECH" : "DESK", assignee, t(created), lifecycle, i + 1, type_index == 3 ? "服务态度" : "");
  }
  return out;
}

// Departments, staff, customers, the catalogue and SLA policies the CSV refers to.
void Prepare(org::Service& org, desk::Catalogue& catalogue, sla::Service& sla) {
  const org::Principal system = org::Principal::System();
  const auto root = org.CreateDepartment(system, {"示例服务中心", std::nullopt, "ROOT"}).value().id;
  const auto desk_dept = org.CreateDepartment(system, {"客服部", root, "DESK"}).value().id;
  const auto tech = org.CreateDepartment(system, {"技术支持部", root, "TECH"}).value().id;
  const std::string password = "Bench-pass-2026";
  auto staff = [&](const std::string& name, std::optional<std::int64_t> dept, const char* role) {
    auto r = org.CreateStaffAsSystem({name, name, dept, "", "", "", {role}, password, {}});
    if (!r.ok()) throw std::runtime_error("creating " + name + ": " + r.error().message);
  };
  staff("importer", root, "quality");
  for (int i = 0; i < 10; ++i) {
    staff(fmt::format("agent{:02d}", i), desk_dept, "agent");
    staff(fmt::format("eng{:02d}", i), tech, "engineer");
  }
  std::map<std::string, std::int64_t> tops;
  for (const auto& leaf : kLeaves) {
    std::string_view path = leaf.path;
    const std::string top(path.substr(0, path.find('/')));
    const std::string name(path.substr(path.find('/') + 1));
    if (!tops.contains(top)) tops[top] = catalogue.CreateCategory(system, top, std::nullopt).value().id;
    if (!catalogue.CreateCategory(system, name, tops[top]).ok()) throw std::runtime_error("category");
  }
  // Through the catalogue, as a person would; a few threads at once so group commit batches them.
  std::vector<std::thread> threads;
  std::atomic<int> next{0}, failed{0};
  for (int k = 0; k < 8; ++k) {
    threads.emplace_back([&] {
      for (int i = next++; i < kCustomers; i = next++) {
        desk::CustomerDraft c;
        c.name = fmt::format("客户{:04d}", i);
        c.tier = i % 20 == 0 ? "vip" : "standard";
        c.phone = Phone(i);
        if (!catalogue.CreateCustomer(system, c).ok()) ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  if (failed > 0) throw std::runtime_error("customers: " + std::to_string(failed.load()) + " not created");
  auto policy = [&](std::string name, sla::MatchCriteria match, std::int64_t fr, std::int64_t res) {
    sla::Policy p;
    p.name = std::move(name);
    p.match = std::move(match);
    p.targets = {{sla::TimerKind::kFirstResponse, fr, "cn-mainland"},
                 {sla::TimerKind::kResolution, res, "cn-mainland"},
                 {sla::TimerKind::kCallback, 24 * 60, "24x7"},
                 {sla::TimerKind::kHandover, 30, "cn-mainland"}};
    if (auto r = sla.CreatePolicy("system", p); !r.ok()) throw std::runtime_error("policy: " + r.error().message);
  };
  policy("标准服务", {}, 60, 16 * 60);
  policy("咨询", {.ticket_type = "consultation"}, 30, 4 * 60);
  policy("故障 P1", {.ticket_type = "incident", .priority = sla::Priority::kP1}, 15, 4 * 60);
  policy("投诉处理", {.ticket_type = "complaint"}, 60, 5 * 9 * 60);
  policy("VIP 客户", {.customer_tier = "vip"}, 30, 8 * 60);
}

double Seconds(Wall::time_point since) {
  return std::chrono::duration<double>(Wall::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rows = 1'000'000;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "sqm-import-bench";
  bool keep = false, export_too = false;
  std::string db_url;  // empty: a new SQLite file in --dir
  std::int64_t cache_kib = desk::ImporterOptions{}.apply_cache_kib;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--rows" && i + 1 < argc) {
      rows = std::stoi(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--cache-kib" && i + 1 < argc) {
      cache_kib = std::stoll(argv[++i]);
    } else if (a == "--export") {
      export_too = true;
    } else if (a == "--db" && i + 1 < argc) {
      db_url = argv[++i];
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::cerr << "usage: sqm_import_bench [--rows N] [--dir DIR] [--cache-kib N] [--export] [--keep] [--db URL]\n";
      return 2;
    }
  }
  spdlog::set_level(spdlog::level::warn);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto csv_path = dir / "tickets.csv";
  const auto sqm_db = dir / "sqm.db";
  const auto bare_db = dir / "bare.db";

  const TimeMs now = ParseIsoTime("2026-11-30T12:00:00+08:00").value();
  auto t0 = Wall::now();
  const std::string csv = GenerateCsv(rows, now);
  {
    std::ofstream out(csv_path, std::ios::binary);
    out << csv;
  }
  std::printf("generated %d rows, %.1f MiB CSV in %.1f s: %s\n", rows, static_cast<double>(csv.size()) / (1 << 20),
              Seconds(t0), csv_path.c_str());

  // ---- sqm ----
  double sqm_seconds = 0, validate_seconds = 0, sqm_cpu_seconds = 0;
  std::int64_t created = 0;
  {
    ManualClock clock(now);
    app::Options options;
    options.database = storage::DatabaseOptions{db_url.empty() ? sqm_db.string() : db_url, "FULL"};
    options.access_log = false;
    options.importer.apply_cache_kib = cache_kib;
    app::Application application(options, clock);
    auto& db = application.database();
    auto& org = application.org();
    Prepare(org, application.catalogue(), application.sla());
    auto& importer = application.importer();
    auto who = org.Login("importer", "Bench-pass-2026", "bench").value().principal;

    desk::ImportProgress progress;
    std::atomic<bool> finished{false};
    t0 = Wall::now();
    std::thread watcher([&] {
      auto last = Wall::now();
      bool validated = false;
      while (!finished) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!validated && progress.status != static_cast<int>(desk::ImportStatus::kValidating)) {
          validated = true;
          validate_seconds = Seconds(t0);
          std::printf("  validated %lld rows in %.1f s\n", static_cast<long long>(progress.total.load()),
                      validate_seconds);
          std::fflush(stdout);
        }
        if (std::chrono::duration<double>(Wall::now() - last).count() >= 30) {
          last = Wall::now();
          std::printf("  %s: %lld / %lld after %.0f s\n",
                      desk::ImportStatusName(static_cast<desk::ImportStatus>(progress.status.load())),
                      static_cast<long long>(progress.done.load()), static_cast<long long>(progress.total.load()),
                      Seconds(t0));
          std::fflush(stdout);
        }
      }
    });
    const std::clock_t cpu0 = std::clock();  // the process: the import, the writer, the idle watcher
    auto outcome = importer.Import(who, desk::import::Format::kCsv, csv, "tickets.csv", &progress);
    sqm_seconds = Seconds(t0);
    sqm_cpu_seconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    finished = true;
    watcher.join();
    if (!outcome.ok()) {
      std::fprintf(stderr, "sqm import failed with %lld errors; first: line %d %s: %s\n",
                   static_cast<long long>(outcome.error_count), outcome.errors[0].line,
                   outcome.errors[0].column.c_str(), outcome.errors[0].reason.c_str());
      return 1;
    }
    created = db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM tickets")->Int(0); });
    const auto events =
        db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM events")->Int(0); });
    const auto timers =
        db.Read([](storage::Connection& c) { return c.QueryOne("SELECT count(*) FROM sla_timers")->Int(0); });
    const auto breached = db.Read([](storage::Connection& c) {
      return c.QueryOne("SELECT count(*) FROM sla_timers WHERE state = 'breached'")->Int(0);
    });
    std::printf(
        "sqm: %lld tickets, %lld events, %lld SLA timers (%lld breached) in %.1f s "
        "(validate %.1f s, apply %.1f s); CPU %.1f s, %.0f us per row\n",
        static_cast<long long>(created), static_cast<long long>(events), static_cast<long long>(timers),
        static_cast<long long>(breached), sqm_seconds, validate_seconds, sqm_seconds - validate_seconds,
        sqm_cpu_seconds, 1e6 * sqm_cpu_seconds / rows);
    if (export_too) {
      auto& exporter = application.exporter();
      for (auto format : {desk::ExportFormat::kCsv, desk::ExportFormat::kXlsx}) {
        const char* name = format == desk::ExportFormat::kCsv ? "csv" : "xlsx";
        t0 = Wall::now();
        auto file = exporter.Export(who, {}, {.format = format, .max_rows = rows + 1});
        if (!file.ok()) {
          std::fprintf(stderr, "export %s failed: %s\n", name, file.error().message.c_str());
          return 1;
        }
        const double s = Seconds(t0);
        std::printf("export %s: %lld rows, %.1f MiB in %.1f s (%.0f rows/s)\n", name,
                    static_cast<long long>(file->rows), static_cast<double>(file->body.size()) / (1 << 20), s,
                    static_cast<double>(file->rows) / s);
      }
    }
    application.Shutdown();
  }

  // ---- the sqlite3 shell into a bare table ----
  const std::string command =
      fmt::format("sqlite3 '{}' '.mode csv' '.import {} t'", bare_db.string(), csv_path.string());
  t0 = Wall::now();
  const int rc = std::system(command.c_str());
  const double bare_seconds = Seconds(t0);
  if (rc != 0) {
    std::fprintf(stderr, "`%s` failed (is the sqlite3 shell installed?)\n", command.c_str());
    return 1;
  }

  const double sqm_rate = rows / sqm_seconds, bare_rate = rows / bare_seconds;
  std::printf("\n%-44s %10s %12s\n", "", "seconds", "rows/s");
  std::printf("%-44s %10.1f %12.0f\n", "sqm import (validate + replay, one commit)", sqm_seconds, sqm_rate);
  std::printf("%-44s %10.1f %12.0f\n", "  of which validation (parse + check)", validate_seconds,
              rows / validate_seconds);
  std::printf("%-44s %10.1f %12.0f\n", "  CPU time of the import (user + system)", sqm_cpu_seconds,
              rows / sqm_cpu_seconds);
  std::printf("%-44s %10.1f %12.0f\n", "sqlite3 .import into a bare table", bare_seconds, bare_rate);
  std::printf("sqlite3 .import is %.1fx faster than sqm's import\n", bare_rate / sqm_rate);
  if (db_url.empty()) {
    std::printf("database sizes: sqm %.0f MiB, bare %.0f MiB\n",
                static_cast<double>(std::filesystem::file_size(sqm_db)) / (1 << 20),
                static_cast<double>(std::filesystem::file_size(bare_db)) / (1 << 20));
  }
  if (created != rows) {
    std::fprintf(stderr, "expected %d tickets, found %lld\n", rows, static_cast<long long>(created));
    return 1;
  }
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}
