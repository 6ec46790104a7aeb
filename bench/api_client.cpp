#include "api_client.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>

extern char** environ;

namespace sqm::bench {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

int RunWait(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) throw std::runtime_error("spawn failed");
  int status = 0;
  waitpid(pid, &status, 0);
  return WEXITSTATUS(status);
}

}  // namespace

ServerProcess StartServer(const std::string& sqm, const std::vector<std::string>& global_args,
                          const std::vector<std::string>& serve_args) {
  ServerProcess s;
  char tmpl[] = "/tmp/sqm-bench-XXXXXX";
  s.dir = mkdtemp(tmpl);
  const std::string db = s.dir + "/bench.db";
  std::vector<std::string> base{sqm, "--db", db, "--log-level", "warn"};
  base.insert(base.end(), global_args.begin(), global_args.end());
  auto with = [&](std::vector<std::string> tail) {
    auto v = base;
    v.insert(v.end(), tail.begin(), tail.end());
    return v;
  };
  if (RunWait(with({"seed-demo", "--password", "Demo-pass-2026"})) != 0) throw std::runtime_error("seed-demo failed");
  auto argv = with({"serve", "--listen", "127.0.0.1:0", "--access-log", "false"});
  argv.insert(argv.end(), serve_args.begin(), serve_args.end());
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  pid_t pid;
  if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ) != 0) throw std::runtime_error("spawn failed");
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  FILE* f = fdopen(out[0], "r");
  char line[256];
  while (fgets(line, sizeof line, f)) {
    if (const char* p = strstr(line, "http://127.0.0.1:")) {
      s.port = std::atoi(p + strlen("http://127.0.0.1:"));
      break;
    }
  }
  fclose(f);
  if (!s.port) throw std::runtime_error("server did not start");
  s.pid = pid;
  return s;
}

void StopServer(ServerProcess& s) {
  if (s.pid) {
    kill(s.pid, SIGTERM);
    waitpid(s.pid, nullptr, 0);
  }
  std::filesystem::remove_all(s.dir);
  s.pid = 0;
}

struct Client::Impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  std::string cookie;
  std::string csrf;

  int Send(http::verb verb, const std::string& target, const std::string& body) {
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.keep_alive(true);
    if (!cookie.empty()) req.set(http::field::cookie, cookie);
    if (!csrf.empty()) req.set("X-CSRF-Token", csrf);
    if (!body.empty()) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
      req.prepare_payload();
    }
    http::write(stream, req);
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    last_body = std::move(res.body());
    if (auto it = res.find(http::field::set_cookie); it != res.end()) {
      std::string c(it->value());
      cookie = c.substr(0, c.find(';'));
    }
    return res.result_int();
  }
  std::string last_body;
};

Client::Client(int port, const std::string& username, const std::string& password) : impl_(new Impl) {
  impl_->stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  boost::json::object login{{"username", username}, {"password", password}};
  if (impl_->Send(http::verb::post, "/api/v1/auth/login", boost::json::serialize(login)) != 200) {
    throw std::runtime_error("login failed: " + impl_->last_body);
  }
  impl_->csrf = boost::json::parse(impl_->last_body).at("csrf_token").as_string().c_str();
}

Client::~Client() {
  delete impl_;
}

int Client::Post(const std::string& target, const std::string& body) {
  return impl_->Send(http::verb::post, target, body);
}
int Client::Get(const std::string& target) {
  return impl_->Send(http::verb::get, target, {});
}

const std::string& Client::body() const {
  return impl_->last_body;
}

}  // namespace sqm::bench
