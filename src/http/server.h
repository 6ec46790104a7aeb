// The HTTP/1.1 server (Boost.Beast): keep-alive, a pool of worker threads running one
// io_context, limits on header and body size (431/413), read and idle timeouts, and graceful
// shutdown. Handlers run synchronously on the worker threads, so `workers` bounds the requests
// in flight (and so the size of a group commit).
//
// A request is read in three steps, each with its own clock:
//   1. waiting for its first byte: idle_timeout_s (a keep-alive connection between requests);
//   2. the request line and headers: header_timeout_s from that first byte, then App::Admit
//      decides on them alone, and a refused request is answered without reading its body;
//   3. the body: it must keep coming. After body_grace_s it must have averaged at least
//      min_body_bytes_per_s, it may pause at most read_timeout_s, and all of it must arrive
//      within the route's read timeout (at least read_timeout_s). An upload route's body goes to
//      a temporary file as it arrives (RouteOptions::body_to_file), any other into memory.
// A request that runs out of time in step 2 or 3 gets 408 and the connection is closed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/app.h"

namespace sqm::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int workers = 16;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  int header_timeout_s = 30;  // from a request's first byte to the end of its headers
  int read_timeout_s = 30;    // to read a body (routes may allow longer); the longest pause in one
  int body_grace_s = 10;      // a body's first seconds, before the minimum rate applies
  std::size_t min_body_bytes_per_s = 16 << 10;
  int idle_timeout_s = 75;    // keep-alive wait for the next request
  int shutdown_grace_s = 20;  // for requests in flight at shutdown
  // Where the bodies of RouteOptions::body_to_file routes go, as files without a name (mode 0600,
  // gone when closed); empty: the system's ($TMPDIR, else /tmp).
  std::string upload_dir;
};

// When reading a body must have ended, given when its headers were read (`start`), the bytes
// received since, and the time now: the earliest of start + max(read_timeout_s, the route's),
// now + read_timeout_s (the longest pause), and start + body_grace_s + received /
// min_body_bytes_per_s (the slowest pace). The server asks again after each piece that arrives.
std::chrono::steady_clock::time_point BodyDeadline(const ServerOptions& options, int route_timeout_s,
                                                   std::chrono::steady_clock::time_point start, std::size_t received,
                                                   std::chrono::steady_clock::time_point now);

class Server {
 public:
  Server(App& app, ServerOptions options);
  ~Server();
  // Binds and listens; throws std::runtime_error when the address is taken. With
  // `handle_signals`, SIGINT and SIGTERM stop the server from here on (one that arrives before
  // Run() is acted on once it runs).
  void Listen(bool handle_signals);
  std::uint16_t port() const;
  // Serves until Stop() or a signal; returns after the requests in flight are answered.
  void Run();
  // Stops accepting, lets requests in flight finish, closes idle connections. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sqm::http
