#include "http/server.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include "base/crypto.h"
#include "base/temp_file.h"

namespace sqm::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

namespace {

bhttp::response<bhttp::string_body> ToBeast(Response&& r, unsigned version, bool keep_alive, bool head) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "sqm");
  if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
  for (auto& [k, v] : r.headers) res.insert(k, v);
  const auto size = r.body.size();
  if (!head) res.body() = std::move(r.body);
  res.keep_alive(keep_alive);
  res.content_length(size);
  return res;
}

}  // namespace

std::chrono::steady_clock::time_point BodyDeadline(const ServerOptions& o, int route_timeout_s,
                                                   std::chrono::steady_clock::time_point start, std::size_t received,
                                                   std::chrono::steady_clock::time_point now) {
  using std::chrono::milliseconds;
  using std::chrono::seconds;
  const auto whole = start + seconds(std::max(o.read_timeout_s, route_timeout_s));
  const auto pause = now + seconds(o.read_timeout_s);
  const auto rate = std::max<std::size_t>(o.min_body_bytes_per_s, 1);
  // Capped so that the sum cannot overflow; `whole` is earlier anyway.
  const auto earned = milliseconds(std::min<std::size_t>(received, std::size_t{1} << 40) * 1000 / rate);
  const auto pace = start + seconds(o.body_grace_s) + earned;
  return std::min({whole, pause, pace});
}

struct Server::Impl {
  Impl(App& a, ServerOptions o) : app(a), options(std::move(o)), ioc(options.workers), acceptor(ioc), signals(ioc) {}

  class Session;

  App& app;
  ServerOptions options;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::signal_set signals;
  std::atomic<bool> stopping{false};
  std::atomic<int> busy{0};
  std::atomic<int> fresh{0};
  std::atomic<int> accepting{0};     // accepts started whose handler has not finished
  std::atomic<bool> drained{false};  // the backlog was taken and the acceptor closed
  std::mutex sessions_mu;
  std::set<std::shared_ptr<Session>> sessions;

  void Accept();
  void BeginStop();
};

class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Impl& server)
      : stream_(std::move(socket)), deadline_(stream_.get_executor()), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }

  void Start() {
    ++server_.fresh;
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->AwaitRequest(); });
  }

  // Closes the connection if it is waiting for a request; a busy one closes after its reply.
  void CloseIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_ && !self->fresh_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

 private:
  enum class Step { kIdle, kHeader, kBody, kReply };

  // Step 1: waits up to the idle timeout for the first byte of the next request.
  void AwaitRequest() {
    step_ = Step::kIdle;
    file_parser_.reset();
    body_file_.reset();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    // The largest any route takes (a Content-Length beyond it is a 413 from the header parser);
    // OnHeader narrows it to the route's once the target is known.
    max_body_ = std::max(server_.options.max_body_bytes, server_.app.router().LargestBody());
    parser_->body_limit(max_body_);
    if (buffer_.size() > 0) return ReadHeader();  // pipelined: already here
    stream_.expires_after(std::chrono::seconds(server_.options.idle_timeout_s));
    stream_.async_read_some(buffer_.prepare(kFirstRead),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->buffer_.commit(n);
                              if (ec) return self->Fail(ec);
                              self->ReadHeader();
                            });
  }

  // Steps 2 and 3 run against a deadline of their own rather than the stream's timeout, which
  // would close the socket: on time-out the read is cancelled and a 408 goes out.
  void Arm(std::chrono::steady_clock::time_point deadline) {
    stream_.expires_never();
    timed_out_ = false;
    deadline_.expires_at(deadline);
    deadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return;  // re-armed or cancelled
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }

  // The error of a read that ended with `ec`: a time-out when the deadline cancelled it.
  beast::error_code ReadError(beast::error_code ec) const {
    return ec && timed_out_ ? beast::error_code(beast::error::timeout) : ec;
  }

  // Step 2: the rest of the request line and headers, within the header timeout.
  void ReadHeader() {
    step_ = Step::kHeader;
    Arm(std::chrono::steady_clock::now() + std::chrono::seconds(server_.options.header_timeout_s));
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(self->ReadError(ec)); });
  }

  void OnHeader(beast::error_code ec) {
    if (!ec) {  // busy before it stops being fresh: shutdown never sees it as neither
      busy_ = true;
      ++server_.busy;
    }
    NotFresh();
    if (ec) return Fail(ec);
    const auto& header = parser_->get();
    req_ = Request{};
    req_.method = std::string(header.method_string());
    req_.target = std::string(header.target());
    req_.remote_address = remote_;
    for (const auto& f : header) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req_.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    admission_ = Admission{};
    const bool body_follows = !parser_->is_done();
    if (auto refused = server_.app.Admit(req_, admission_, body_follows)) {
      // The body, if any, stays unread: the connection cannot be used again.
      const bool keep_alive = !body_follows && header.keep_alive() && !server_.stopping;
      return Reply(std::move(*refused), header.version(), keep_alive, header.method() == bhttp::verb::head);
    }
    const RouteOptions route = admission_.route ? admission_.route->options : RouteOptions{};
    max_body_ = std::max(server_.options.max_body_bytes, route.max_body_bytes);
    if (const auto length = parser_->content_length(); length && *length > max_body_) {
      return Fail(bhttp::error::body_limit);
    }
    parser_->body_limit(max_body_);
    const bool expect_continue = beast::iequals(header[bhttp::field::expect], "100-continue");
    if (route.body_to_file && !parser_->is_done()) {
      if (auto refused = BodyToFile()) {
        return Reply(std::move(*refused), header.version(), false, header.method() == bhttp::verb::head);
      }
    }
    step_ = Step::kBody;
    body_start_ = std::chrono::steady_clock::now();
    body_received_ = 0;
    route_timeout_s_ = route.read_timeout_s;
    if (!expect_continue) return ReadBody();  // (`header` is gone once an upload's parser took over)
    // The client waits for our word before sending the body; the request is admitted, so go on.
    Arm(BodyDeadline(server_.options, route_timeout_s_, body_start_, 0, body_start_));
    net::async_write(stream_, net::buffer(kContinue), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->Fail(self->ReadError(ec));
      self->ReadBody();
    });
  }

  // Before step 3 of an upload route: the body will go to a temporary file without a name, through
  // a parser of a file body that takes over the header. The answer when no file can be made.
  std::optional<Response> BodyToFile() {
    const std::string& dir = server_.options.upload_dir.empty() ? TempFile::SystemFolder() : server_.options.upload_dir;
    auto file = TempFile::Create(dir);
    beast::error_code ec;
    beast::file out;
    if (file.ok()) out.native_handle(::dup(file->fd()));  // the parser closes its own descriptor
    if (!file.ok() || out.native_handle() < 0) {
      spdlog::error("cannot store an upload: {}", file.ok() ? "dup failed" : file.error().message);
      return ErrorResponse(Error{ErrorCode::kUnavailable, "the server cannot store an upload now", {}});
    }
    file_parser_.emplace(std::move(*parser_));
    file_parser_->body_limit(max_body_);
    file_parser_->get().body().reset(std::move(out), ec);
    body_file_ = std::make_shared<const TempFile>(std::move(*file));
    return std::nullopt;
  }

  // Step 3: the body, piece by piece, each with a deadline from what has arrived so far.
  void ReadBody() {
    if (file_parser_ ? file_parser_->is_done() : parser_->is_done()) return OnRead();
    const auto now = std::chrono::steady_clock::now();
    const auto deadline = BodyDeadline(server_.options, route_timeout_s_, body_start_, body_received_, now);
    if (deadline <= now) return Fail(beast::error::timeout);
    Arm(deadline);
    auto on_piece = [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->Fail(self->ReadError(ec));
      self->body_received_ += n;
      self->ReadBody();
    };
    if (file_parser_) return bhttp::async_read_some(stream_, buffer_, *file_parser_, std::move(on_piece));
    bhttp::async_read_some(stream_, buffer_, *parser_, std::move(on_piece));
  }

  void Fail(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) {
      return Reply(ErrorResponse(431, "header_too_large", "the request headers are too large"), 11, false, false);
    }
    if (ec == bhttp::error::body_limit) {
      return Reply(ErrorResponse(413, "payload_too_large",
                                 "the request body is larger than " + std::to_string(max_body_) + " bytes"),
                   11, false, false);
    }
    if (ec == beast::error::timeout && (step_ == Step::kHeader || step_ == Step::kBody)) {
      return Reply(ErrorResponse(408, "request_timeout",
                                 step_ == Step::kHeader
                                     ? Msg("http.header_timeout", "the request headers did not arrive in time")
                                     : Msg("http.body_timeout", "the request body did not arrive in time")),
                   11, false, false);
    }
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::eof || ec == net::error::bad_descriptor) {
      return Close();
    }
    if (ec.category() == beast::error_code(bhttp::error::bad_target).category()) {
      return Reply(ErrorResponse(400, "invalid", "malformed HTTP request: " + ec.message()), 11, false, false);
    }
    Close();
  }

  void OnRead() {
    const bool keep_alive =
        (file_parser_ ? file_parser_->get().keep_alive() : parser_->get().keep_alive()) && !server_.stopping;
    const unsigned version = file_parser_ ? file_parser_->get().version() : parser_->get().version();
    const bool head = req_.method == "HEAD";
    if (file_parser_) {
      req_.body_file = std::move(body_file_);
      file_parser_.reset();  // closes the parser's descriptor of the file
    } else {
      req_.body = std::move(parser_->get().body());
    }
    Reply(server_.app.Handle(req_, admission_), version, keep_alive, head);
  }

  void Reply(Response&& r, unsigned version, bool keep_alive, bool head) {
    if (r.headers.empty() || r.headers.back().first != "X-Request-Id") Decorate(r, crypto::RandomToken(12));
    if (!busy_) {
      busy_ = true;
      ++server_.busy;
    }
    step_ = Step::kReply;
    deadline_.cancel();
    req_ = Request{};  // the body can be large: free it before the reply goes out
    file_parser_.reset();
    body_file_.reset();
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(ToBeast(std::move(r), version, keep_alive, head));
    stream_.expires_after(std::chrono::seconds(server_.options.read_timeout_s));
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
      self->busy_ = false;
      --self->server_.busy;
      if (ec) return self->Close();
      if (!keep_alive || self->server_.stopping) return self->Linger();
      self->AwaitRequest();
    });
  }

  // Closes after a last answer without resetting the connection under it: stops sending, then
  // reads and drops what the client still sends (a body that was refused unread) for a moment,
  // so the client reads the answer before the close; a reset could discard it.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    linger_left_ = kLingerBytes;
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec || n >= self->linger_left_) return self->Close();
      self->linger_left_ -= n;
      self->Drain();
    });
  }

  // A connection counts as fresh from accept until its first request header is read (or it
  // closes): shutdown waits for fresh connections so requests already sent are answered.
  void NotFresh() {
    if (fresh_) {
      fresh_ = false;
      --server_.fresh;
    }
  }

  void Close() {
    NotFresh();
    deadline_.cancel();
    file_parser_.reset();  // an upload cut short: its temporary file goes with the last descriptor
    body_file_.reset();
    req_ = Request{};
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
    if (busy_) {
      busy_ = false;
      --server_.busy;
    }
    std::lock_guard lock(server_.sessions_mu);
    server_.sessions.erase(shared_from_this());
  }

  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  static constexpr std::size_t kFirstRead = 4096;
  static constexpr std::size_t kLingerBytes = 1 << 20;
  static constexpr std::chrono::seconds kLingerTime{2};

  beast::tcp_stream stream_;
  net::steady_timer deadline_;  // of steps 2 and 3
  bool timed_out_ = false;      // the deadline cancelled the read in progress
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  // An upload route's body: the parser that took over from parser_ after the header, writing to
  // body_file_ (through a descriptor of its own).
  std::optional<bhttp::request_parser<bhttp::file_body>> file_parser_;
  std::shared_ptr<const TempFile> body_file_;
  Impl& server_;
  std::string remote_;
  Request req_;          // the request being read: headers first, then the body
  Admission admission_;  // what App::Admit decided on req_'s headers
  Step step_ = Step::kIdle;
  std::size_t max_body_ = 0;  // of the request being read
  std::chrono::steady_clock::time_point body_start_;
  std::size_t body_received_ = 0;
  int route_timeout_s_ = 0;
  std::size_t linger_left_ = 0;
  std::array<char, 16 << 10> scratch_{};
  bool busy_ = false;
  bool fresh_ = true;
};

void Server::Impl::Accept() {
  ++accepting;
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!stopping && ec != net::error::operation_aborted) {
        spdlog::warn("accept failed: {}", ec.message());
        Accept();
      }
      --accepting;
      return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto s = std::make_shared<Session>(std::move(socket), *this);
    {
      std::lock_guard lock(sessions_mu);
      sessions.insert(s);
    }
    s->Start();  // counts as fresh from here
    if (!stopping) Accept();
    --accepting;
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  net::post(ioc, [this] {
    beast::error_code ec;
    // Take the connections already queued in the backlog, so their requests are answered
    // instead of reset, then close the listening socket.
    acceptor.non_blocking(true, ec);
    for (;;) {
      tcp::socket socket(net::make_strand(ioc));
      acceptor.accept(socket, ec);
      if (ec) break;
      auto s = std::make_shared<Session>(std::move(socket), *this);
      {
        std::lock_guard lock(sessions_mu);
        sessions.insert(s);
      }
      s->Start();
    }
    acceptor.close(ec);
    signals.cancel(ec);
    drained = true;
  });
  std::thread([this] {
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::seconds(options.shutdown_grace_s);
    for (;;) {
      {
        std::lock_guard lock(sessions_mu);
        for (const auto& s : sessions) s->CloseIfIdle();
      }
      // Fresh connections get 2 s to send the request they may already have sent. Until the
      // backlog is drained and every accept handler has run, a connection may be in none of
      // the counts yet.
      const auto now = std::chrono::steady_clock::now();
      const bool settled = drained && accepting == 0 && busy == 0;
      if ((settled && (fresh == 0 || now - start > std::chrono::seconds(2))) || now > deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let the last replies flush
    ioc.stop();
  }).detach();
}

Server::Server(App& app, ServerOptions options) : impl_(std::make_unique<Impl>(app, std::move(options))) {}
Server::~Server() = default;

void Server::Listen(bool handle_signals) {
  auto& a = impl_->acceptor;
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("bad listen address '" + impl_->options.host + "'");
  tcp::endpoint ep(address, impl_->options.port);
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port) +
                             ": " + ec.message());
  a.listen(net::socket_base::max_listen_connections);
  if (handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([this](beast::error_code ec, int sig) {
      if (ec) return;
      spdlog::info("signal {} received: finishing requests in flight", sig);
      Stop();
    });
  }
}

std::uint16_t Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::Run() {
  impl_->Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.workers; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
}

void Server::Stop() {
  impl_->BeginStop();
}

}  // namespace sqm::http
