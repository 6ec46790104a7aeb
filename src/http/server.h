// The HTTP/1.1 server (Boost.Beast): keep-alive, a pool of worker threads running one
// io_context, limits on header and body size (431/413), read and idle timeouts, and graceful
// shutdown. Handlers run synchronously on the worker threads, so `workers` bounds the requests
// in flight (and so the size of a group commit).
#pragma once

#include <atomic>
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
  int read_timeout_s = 30;    // to read a request once it has started
  int idle_timeout_s = 75;    // keep-alive wait for the next request
  int shutdown_grace_s = 20;  // for requests in flight at shutdown
};

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
