#include "api_client.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
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
  char tmpl[] = "/tmp/sqm-bench-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string db = dir + "/bench.db";
  SeedDemo(sqm, db, global_args);
  ServerProcess s = Serve(sqm, db, global_args, serve_args);
  s.dir = dir;
  return s;
}

void SeedDemo(const std::string& sqm, const std::string& url, const std::vector<std::string>& global_args) {
  std::vector<std::string> argv{sqm, "--db", url, "--log-level", "warn"};
  argv.insert(argv.end(), global_args.begin(), global_args.end());
  for (const char* a : {"seed-demo", "--password", "Demo-pass-2026"}) argv.emplace_back(a);
  if (RunWait(argv) != 0) throw std::runtime_error("seed-demo failed");
}

ServerProcess Serve(const std::string& sqm, const std::string& url, const std::vector<std::string>& global_args,
                    const std::vector<std::string>& serve_args) {
  ServerProcess s;
  std::vector<std::string> argv{sqm, "--db", url, "--log-level", "warn"};
  argv.insert(argv.end(), global_args.begin(), global_args.end());
  for (const char* a : {"serve", "--listen", "127.0.0.1:0", "--access-log", "false"}) argv.emplace_back(a);
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

namespace {

std::string Capture(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  if (pclose(p) != 0) throw std::runtime_error(command + " failed: " + out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

PgCluster::PgCluster() {
  char tmpl[] = "/tmp/sqm-bench-pg-XXXXXX";
  dir_ = mkdtemp(tmpl);
  url_ = Capture("SQM_PG_OPTIONS='-c fsync=on -c synchronous_commit=on' scripts/pg.sh start " + dir_);
}

PgCluster::~PgCluster() {
  std::system(("scripts/pg.sh stop " + dir_).c_str());
}

std::string PgCluster::NewDatabase() {
  const std::string name = "bench_" + std::to_string(++databases_);
  Capture("psql -X -q '" + url_ + "' -c 'CREATE DATABASE " + name + "'");
  const auto q = url_.find('?');
  const auto slash = url_.rfind('/', q);
  return url_.substr(0, slash + 1) + name + url_.substr(q);
}

long long PgCluster::DatabaseBytes(const std::string& url) {
  return std::stoll(Capture("psql -X -q -t -A '" + url + "' -c 'SELECT pg_database_size(current_database())'"));
}

void StopServer(ServerProcess& s) {
  if (s.pid) {
    kill(s.pid, SIGTERM);
    waitpid(s.pid, nullptr, 0);
  }
  if (!s.dir.empty()) std::filesystem::remove_all(s.dir);
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

namespace {

std::int64_t FirstId(Client& c, const std::string& target, bool with_parent) {
  if (c.Get(target) != 200) throw std::runtime_error("GET " + target + " failed: " + c.body());
  const boost::json::value page = boost::json::parse(c.body());
  for (const auto& item : page.at("items").as_array()) {
    const auto& o = item.as_object();
    if (!with_parent || !o.at("parent_id").is_null()) return o.at("id").as_int64();
  }
  throw std::runtime_error("no item in " + target);
}

}  // namespace

std::string IncidentJson(Client& client, const std::string& title) {
  boost::json::object body{
      {"type", "incident"}, {"channel", "phone"}, {"priority", "P3"}, {"title", title}, {"description", title}};
  body["customer_id"] = FirstId(client, "/api/v1/customers?limit=5", false);
  body["category_id"] = FirstId(client, "/api/v1/categories", true);
  return boost::json::serialize(body);
}

long PrintDeployments(const std::vector<Deployment>& deployments) {
  std::printf("%-26s %7s %10s %9s %9s %7s\n", "deployment", "servers", "writes/s", "p50 ms", "p99 ms", "errors");
  long failed = 0;
  for (const auto& d : deployments) {
    std::printf("%-26s %7d %10.0f %9.2f %9.2f %7ld\n", d.name.c_str(), d.servers, d.result.per_second(),
                d.result.p50_ms, d.result.p99_ms, d.result.failed);
    failed += d.result.failed;
  }
  const auto& base = deployments.front();
  for (std::size_t i = 1; i < deployments.size(); ++i) {
    const auto& d = deployments[i];
    std::printf("%s (%d) / %s: %.2fx writes/s, p99 %.2fx\n", d.name.c_str(), d.servers, base.name.c_str(),
                d.result.per_second() / base.result.per_second(), d.result.p99_ms / base.result.p99_ms);
  }
  return failed;
}

}  // namespace sqm::bench
