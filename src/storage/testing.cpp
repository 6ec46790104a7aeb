#include "storage/testing.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "storage/postgres.h"

namespace sqm::storage::testing {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string RunCapture(const std::string& command) {
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe.get())) out += buf;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// A private cluster for a test binary run by hand; stopped when the process exits.
struct PrivateCluster {
  std::string folder;
  std::string url;
  PrivateCluster() {
    folder = (std::filesystem::temp_directory_path() / ("sqm-pg-" + std::to_string(::getpid()))).string();
    url = RunCapture(std::string(SQM_SOURCE_DIR) + "/scripts/pg.sh start " + folder);
    if (!IsPostgresUrl(url)) throw std::runtime_error("scripts/pg.sh could not start PostgreSQL: " + url);
  }
  ~PrivateCluster() { std::system((std::string(SQM_SOURCE_DIR) + "/scripts/pg.sh stop " + folder).c_str()); }
};

std::string WithDatabase(const std::string& server_url, const std::string& name) {
  // postgresql://user@host/db?params: replace the path segment.
  const auto scheme = server_url.find("://");
  const auto slash = server_url.find('/', scheme + 3);
  const auto query = server_url.find('?', slash);
  return server_url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : server_url.substr(query));
}

std::atomic<int> counter{0};

}  // namespace

Dialect TestDialect() {
  return Env("SQM_TEST_DB") == "postgres" ? Dialect::kPostgres : Dialect::kSqlite;
}

std::string PostgresServerUrl() {
  if (auto url = Env("SQM_TEST_PG_URL"); !url.empty()) return url;
  static PrivateCluster cluster;
  return cluster.url;
}

TestDb::TestDb(Dialect dialect) : dialect_(dialect) {
  const std::string tag = std::to_string(::getpid()) + "_" + std::to_string(++counter);
  if (dialect_ == Dialect::kSqlite) {
    folder_ = (std::filesystem::temp_directory_path() / ("sqm-test-" + tag)).string();
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    url_ = folder_ + "/t.db";
    return;
  }
  name_ = "sqm_t_" + tag;  // digits and underscores only: safe as an identifier
  PgConnection admin(PostgresServerUrl());
  admin.ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  admin.ExecScript("CREATE DATABASE " + name_);
  url_ = WithDatabase(PostgresServerUrl(), name_);
}

std::string TestDb::SiblingUrl(const std::string& name) const {
  if (dialect_ == Dialect::kSqlite) return folder_ + "/" + name + ".db";
  return WithDatabase(PostgresServerUrl(), name_ + "_" + name);
}

TestDb::~TestDb() {
  try {
    if (dialect_ == Dialect::kSqlite) {
      std::filesystem::remove_all(folder_);
      return;
    }
    PgConnection admin(PostgresServerUrl());
    admin.ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
  }
}

}  // namespace sqm::storage::testing
