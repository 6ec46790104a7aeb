#include "feedback/smtp.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <istream>
#include <optional>

#include <openssl/evp.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include "base/crypto.h"

namespace sqm::feedback::smtp {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace {

std::string Base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool Ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// An RFC 2047 encoded word for a header value that is not plain ASCII.
std::string Encoded(std::string_view value) {
  if (Ascii(value)) return std::string(value);
  return "=?UTF-8?B?" + Base64(value) + "?=";
}

Error Unavailable(std::string_view what) {
  return Error(ErrorCode::kUnavailable, Msg("smtp.failed", "the mail server did not take the message: {reason}",
                                            {{"reason", std::string(what)}}));
}

// One SMTP conversation over a stream (a TCP socket, then TLS over it after STARTTLS). Every
// operation runs on `io` until done or the deadline passes; then the socket is closed.
class Conversation {
 public:
  Conversation(asio::io_context& io, tcp::socket& socket, std::chrono::steady_clock::time_point deadline)
      : io_(io), socket_(socket), deadline_(deadline), buffer_(kMaxReplyLine + 2) {}

  void UseTls(asio::ssl::stream<tcp::socket&>* tls) { tls_ = tls; }

  // Waits for `op` (started with a completion handler) until the deadline.
  template <typename Start>
  error_code Run(Start&& start) {
    std::optional<error_code> result;
    start([&](error_code ec, std::size_t = 0) { result = ec; });
    io_.restart();
    const auto left = deadline_ - std::chrono::steady_clock::now();
    if (left > std::chrono::steady_clock::duration::zero()) io_.run_for(left);
    if (!result) {
      error_code ignored;
      socket_.close(ignored);  // cancels the operation
      io_.restart();
      io_.run();
      return asio::error::timed_out;
    }
    return *result;
  }

  // The reply's code, or an error; a multi-line reply ("250-...", "250 ...") is read whole.
  Result<int> Reply() {
    for (int line = 0; line < kMaxReplyLines; ++line) {
      const error_code ec = Run([&](auto handler) {
        if (tls_) {
          asio::async_read_until(*tls_, buffer_, "\r\n", handler);
        } else {
          asio::async_read_until(socket_, buffer_, "\r\n", handler);
        }
      });
      if (ec) return Unavailable(ec == asio::error::not_found ? "reply line too long" : ec.message());
      std::istream in(&buffer_);
      std::string text;
      std::getline(in, text);
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.size() < 3 ||
          !std::all_of(text.begin(), text.begin() + 3, [](char c) { return c >= '0' && c <= '9'; })) {
        return Unavailable("malformed reply");
      }
      last_ = text;
      if (text.size() == 3 || text[3] == ' ') return std::stoi(text.substr(0, 3));
      if (text[3] != '-') return Unavailable("malformed reply");
      extensions_ += text.substr(4) + "\n";
    }
    return Unavailable("reply too long");
  }

  Status Write(const std::string& data) {
    const error_code ec = Run([&](auto handler) {
      if (tls_) {
        asio::async_write(*tls_, asio::buffer(data), handler);
      } else {
        asio::async_write(socket_, asio::buffer(data), handler);
      }
    });
    if (ec) return Unavailable(ec.message());
    return {};
  }

  // Sends `line` and expects a reply of class `want` (2 for 2xx, 3 for 3xx).
  Result<int> Command(const std::string& line, int want) {
    SQM_TRY(Write(line + "\r\n"));
    SQM_ASSIGN(const int code, Reply());
    if (code / 100 != want) return Unavailable(last_.substr(0, 200));
    return code;
  }

  const std::string& extensions() const { return extensions_; }
  void ForgetExtensions() { extensions_.clear(); }
  const std::string& last() const { return last_; }
  asio::streambuf& buffer() { return buffer_; }

 private:
  asio::io_context& io_;
  tcp::socket& socket_;
  std::chrono::steady_clock::time_point deadline_;
  asio::streambuf buffer_;
  asio::ssl::stream<tcp::socket&>* tls_ = nullptr;
  std::string last_;
  std::string extensions_;
};

bool Offers(const std::string& extensions, std::string_view keyword) {
  std::string upper = extensions;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  return upper.find(keyword) != std::string::npos;
}

std::string RfcDateNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

}  // namespace

Status CheckHeader(std::string_view field, std::string_view value) {
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    return Error::Invalid(std::string(field),
                          Msg("mail.header_injection", "must not contain line breaks or NUL characters"));
  }
  return {};
}

Status CheckAddress(std::string_view field, std::string_view address) {
  SQM_TRY(CheckHeader(field, address));
  const auto at = address.find('@');
  const bool ok = address.size() <= 254 && at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
                  address.find('@', at + 1) == std::string_view::npos &&
                  std::none_of(address.begin(), address.end(), [](char c) {
                    const auto u = static_cast<unsigned char>(c);
                    return u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' ||
                           c == ';' || c == '"' || c == '\\';
                  });
  if (!ok) return Error::Invalid(std::string(field), Msg("mail.bad_address", "must be an e-mail address"));
  return {};
}

Status CheckOptions(const Options& o) {
  Problems p;
  if (o.host.empty()) p.Add("smtp.host", Msg("field.required", "is required"));
  if (auto st = CheckHeader("smtp.host", o.host); !st.ok()) p.Add(st.error());
  if (o.port < 1 || o.port > 65535) {
    p.Add("smtp.port", Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", "65535"}}));
  }
  if (auto st = CheckAddress("smtp.from", o.from); !st.ok()) p.Add(st.error());
  if (auto st = CheckHeader("smtp.from_name", o.from_name); !st.ok()) p.Add(st.error());
  if (auto st = CheckHeader("smtp.helo", o.helo); !st.ok()) p.Add(st.error());
  if (auto e = p.Take()) return *e;
  return {};
}

Result<std::string> Compose(const Options& o, const Mail& m, std::string_view date, std::string_view message_id) {
  Problems p;
  if (auto st = CheckAddress("to", m.to); !st.ok()) p.Add(st.error());
  if (auto st = CheckHeader("subject", m.subject); !st.ok()) p.Add(st.error());
  if (auto st = CheckAddress("smtp.from", o.from); !st.ok()) p.Add(st.error());
  if (auto st = CheckHeader("smtp.from_name", o.from_name); !st.ok()) p.Add(st.error());
  if (auto e = p.Take()) return *e;
  std::string out;
  out += "From: " + (o.from_name.empty() ? "" : Encoded(o.from_name) + " ") + "<" + o.from + ">\r\n";
  out += "To: <" + m.to + ">\r\n";
  out += "Subject: " + Encoded(m.subject) + "\r\n";
  out += "Date: " + std::string(date) + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  const std::string body = Base64(m.body);
  for (std::size_t at = 0; at < body.size(); at += 76) out += body.substr(at, 76) + "\r\n";
  return out;
}

Status Send(const Options& o, const Mail& m) {
  SQM_TRY(CheckOptions(o));
  const auto at = o.from.find('@');
  SQM_ASSIGN(const std::string data,
             Compose(o, m, RfcDateNow(), crypto::RandomToken(18) + o.from.substr(at == std::string::npos ? 0 : at)));

  asio::io_context io;
  tcp::socket socket(io);
  Conversation c(io, socket, std::chrono::steady_clock::now() + o.timeout);
  tcp::resolver resolver(io);
  tcp::resolver::results_type endpoints;
  error_code ec = c.Run([&](auto handler) {
    resolver.async_resolve(o.host, std::to_string(o.port), [&, handler](error_code e, tcp::resolver::results_type r) {
      endpoints = std::move(r);
      handler(e, 0);
    });
  });
  if (ec) return Unavailable(ec.message());
  ec = c.Run([&](auto handler) {
    asio::async_connect(socket, endpoints, [handler](error_code e, const tcp::endpoint&) { handler(e, 0); });
  });
  if (ec) return Unavailable(ec.message());

  SQM_ASSIGN(const int greeting, c.Reply());
  if (greeting != 220) return Unavailable(c.last().substr(0, 200));
  SQM_TRY(c.Command("EHLO " + o.helo, 2));

  std::optional<asio::ssl::context> tls_context;
  std::optional<asio::ssl::stream<tcp::socket&>> tls;
  if (o.starttls) {
    if (!Offers(c.extensions(), "STARTTLS")) return Unavailable("the server does not offer STARTTLS");
    SQM_TRY(c.Command("STARTTLS", 2));
    tls_context.emplace(asio::ssl::context::tls_client);
    tls_context->set_default_verify_paths();
    tls_context->set_verify_mode(asio::ssl::verify_peer);
    tls.emplace(socket, *tls_context);
    tls->set_verify_callback(asio::ssl::host_name_verification(o.host));
    SSL_set_tlsext_host_name(tls->native_handle(), o.host.c_str());
    ec = c.Run([&](auto handler) { tls->async_handshake(asio::ssl::stream_base::client, handler); });
    if (ec) return Unavailable(ec.message());
    c.UseTls(&*tls);
    c.ForgetExtensions();
    SQM_TRY(c.Command("EHLO " + o.helo, 2));
  }
  SQM_TRY(c.Command("MAIL FROM:<" + o.from + ">", 2));
  SQM_TRY(c.Write("RCPT TO:<" + m.to + ">\r\n"));
  SQM_ASSIGN(const int rcpt, c.Reply());
  if (rcpt / 100 != 2) {
    return Error::Invalid("to", Msg("smtp.recipient_refused", "the mail server refused the recipient: {reason}",
                                    {{"reason", c.last().substr(0, 200)}}));
  }
  SQM_TRY(c.Command("DATA", 3));
  SQM_TRY(c.Command(data + ".", 2));
  (void)c.Command("QUIT", 2);  // the message is accepted already
  return {};
}

}  // namespace sqm::feedback::smtp
