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

// Migrates and seeds a fresh database in a temporary folder, then starts `sqm serve` with
// `extra_args` and waits until it listens. Throws on failure.
ServerProcess StartServer(const std::string& sqm_binary, const std::vector<std::string>& global_args,
                          const std::vector<std::string>& serve_args);
void StopServer(ServerProcess& server);

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

struct LoadResult {
  double seconds = 0;
  long ok = 0;
  long failed = 0;
  double p50_ms = 0, p99_ms = 0;
  double per_second() const { return ok / seconds; }
};

// Runs `threads` clients, each calling `request(client, thread, i)` as fast as it can for
// `seconds`; latencies are per request.
template <typename F>
LoadResult RunLoad(int port, int threads, double seconds, F request);

}  // namespace sqm::bench

#include "api_client_impl.h"
