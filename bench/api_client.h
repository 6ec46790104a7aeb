// Helpers for benchmarks that drive a real `sqm serve`: start it on a temporary database, sign
// in, and send keep-alive JSON requests from many threads.
#pragma once

#include <string>
#include <vector>

namespace sqm::bench {

struct ServerProcess {
  int pid = 0;
  int port = 0;
  std::string dir;  // temporary folder holding the database
};

// Migrates and seeds a fresh SQLite database in a temporary folder, then starts `sqm serve` with
// `extra_args` and waits until it listens. Throws on failure.
ServerProcess StartServer(const std::string& sqm_binary, const std::vector<std::string>& global_args,
                          const std::vector<std::string>& serve_args);
void StopServer(ServerProcess& server);

// Loads the demo (password Demo-pass-2026) into the empty database at `url`.
void SeedDemo(const std::string& sqm_binary, const std::string& url, const std::vector<std::string>& global_args);
// Starts `sqm serve` on the database at `url` (a file or a PostgreSQL URI) and waits until it
// listens. StopServer() stops it and leaves the database.
ServerProcess Serve(const std::string& sqm_binary, const std::string& url, const std::vector<std::string>& global_args,
                    const std::vector<std::string>& serve_args);

// A throwaway PostgreSQL 15 cluster with durable commits (fsync and synchronous_commit on, as a
// production server would run), started with scripts/pg.sh from the repository root and stopped
// when destroyed.
class PgCluster {
 public:
  PgCluster();
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;
  // A new, empty database; returns its URL.
  std::string NewDatabase();
  // Bytes on disk of the database behind `url` (pg_database_size).
  long long DatabaseBytes(const std::string& url);

 private:
  std::string dir_, url_;
  int databases_ = 0;
};

// One keep-alive connection with a signed-in session.
class Client {
 public:
  Client(int port, const std::string& username, const std::string& password);
  ~Client();
  // Returns the HTTP status.
  int Post(const std::string& target, const std::string& json_body);
  int Get(const std::string& target);
  // The body of the last response.
  const std::string& body() const;

 private:
  struct Impl;
  Impl* impl_;
};

// The body of POST /api/v1/tickets for a P3 phone incident titled `title`, of the first demo
// customer in the first leaf category `client` sees. Throws when there is none.
std::string IncidentJson(Client& client, const std::string& title);

struct LoadResult {
  double seconds = 0;
  long ok = 0;
  long failed = 0;
  double p50_ms = 0, p99_ms = 0;
  double per_second() const { return ok / seconds; }
};

// Runs `threads` clients, each calling `request(client, thread, i)` as fast as it can for
// `seconds`; latencies are per request. With several ports the clients are spread over them
// round-robin (servers behind a load balancer).
template <typename F>
LoadResult RunLoad(const std::vector<int>& ports, int threads, double seconds, F request);
template <typename F>
LoadResult RunLoad(int port, int threads, double seconds, F request) {
  return RunLoad(std::vector<int>{port}, threads, seconds, request);
}

// Where a load runs: a fresh demo database behind one or more `sqm serve`.
struct Deployment {
  std::string name;  // "SQLite, group commit", "PostgreSQL"
  int servers = 1;
  LoadResult result;
};

struct CompareOptions {
  std::string sqm = "build/sqm";
  int clients = 16;
  bool sqlite_per_write = true;  // also SQLite with one commit per write
  bool postgres = true;          // also PostgreSQL (durable cluster) with one and three servers
};

// Runs `load(ports)` -> LoadResult against each deployment in turn, each on a fresh seeded
// database: SQLite (synchronous=FULL) with group commit, SQLite with a commit per write,
// PostgreSQL with one server, PostgreSQL with three servers on one database (clients spread
// round-robin, as behind a load balancer).
template <typename F>
std::vector<Deployment> CompareDeployments(const CompareOptions& options, F load);

// Prints one row per deployment and each one's ratio to the first (writes/s, p99); returns how
// many requests failed in all.
long PrintDeployments(const std::vector<Deployment>& deployments);

}  // namespace sqm::bench

#include "api_client_impl.h"
