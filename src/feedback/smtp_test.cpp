// The SMTP client's refusals and bounds: header injection, the composed message, a server that
// never answers (the deadline), a reply line without an end (bounded), a refused recipient.
#include "feedback/smtp.h"

#include <thread>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

namespace sqm::feedback::smtp {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

Options Local(int port) {
  return {.host = "127.0.0.1",
          .port = port,
          .from = "surveys@example.org",
          .from_name = "服务质量中心",
          .timeout = std::chrono::milliseconds(500)};
}

TEST(Smtp, HeaderInjectionIsRefusedEverywhere) {
  const Options o = Local(25);
  for (const char* bad : {"Hi\r\nBcc: x@evil.example", "Hi\nBcc: x", "Hi\r"}) {
    auto m = Compose(o, {"a@example.org", bad, "body"}, "Fri, 04 Dec 2026 05:00:00 +0000", "id@example.org");
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_EQ(m.error().field, "subject");
  }
  EXPECT_EQ(Compose(o, {"a@example.org\r\nBcc: x@evil", "s", "b"}, "d", "i").error().field, "to");
  EXPECT_EQ(Compose(o, {"a b@example.org", "s", "b"}, "d", "i").error().field, "to");
  Options named = o;
  named.from_name = "QA\r\nBcc: x@evil";
  EXPECT_EQ(CheckOptions(named).error().field, "smtp.from_name");
  Options bad;
  auto st = CheckOptions(bad);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "smtp.host");
  EXPECT_EQ(st.error().more.size(), 1u);  // and smtp.from
}

TEST(Smtp, TheMessageEncodesItsSubjectAndBody) {
  auto m = Compose(Local(25), {"a@example.org", "满意度 / Survey", "请点击\n.\nhttps://x/answer.html#t=abc"},
                   "Fri, 04 Dec 2026 05:00:00 +0000", "id@example.org");
  ASSERT_TRUE(m.ok());
  EXPECT_NE(m->find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(m->find("To: <a@example.org>\r\n"), std::string::npos);
  EXPECT_NE(m->find("Subject: =?UTF-8?B?5ruh5oSP5bqmIC8gU3VydmV5?=\r\n"), std::string::npos);
  EXPECT_NE(m->find("Content-Transfer-Encoding: base64\r\n\r\n"), std::string::npos);
  EXPECT_EQ(m->find("\r\n.\r\n"), std::string::npos);  // nothing ends the DATA early
  EXPECT_EQ(m->substr(m->size() - 2), "\r\n");
}

// A server on a thread: `script` gets the accepted socket.
class FakeServer {
 public:
  explicit FakeServer(std::function<void(tcp::socket&)> script)
      : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
    thread_ = std::thread([this, script] {
      tcp::socket s(io_);
      boost::system::error_code ec;
      acceptor_.accept(s, ec);
      if (!ec) script(s);
    });
  }
  ~FakeServer() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    thread_.join();
  }
  int port() const { return acceptor_.local_endpoint().port(); }

 private:
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

TEST(Smtp, ASilentServerTimesOut) {
  FakeServer server([](tcp::socket& s) {
    char c;
    boost::system::error_code ec;
    s.read_some(asio::buffer(&c, 1), ec);  // until the client gives up and closes
  });
  const auto start = std::chrono::steady_clock::now();
  auto st = Send(Local(server.port()), {"a@example.org", "s", "b"});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Smtp, AnEndlessReplyLineIsCutOff) {
  FakeServer server([](tcp::socket& s) {
    boost::system::error_code ec;
    const std::string junk(4 * kMaxReplyLine, 'x');
    asio::write(s, asio::buffer(junk), ec);
    char c;
    s.read_some(asio::buffer(&c, 1), ec);
  });
  auto st = Send(Local(server.port()), {"a@example.org", "s", "b"});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(st.error().message.find("too long"), std::string::npos) << st.error().message;
}

TEST(Smtp, ARefusedRecipientNamesTheField) {
  FakeServer server([](tcp::socket& s) {
    boost::system::error_code ec;
    asio::streambuf in;
    auto say = [&](const std::string& line) { asio::write(s, asio::buffer(line + "\r\n"), ec); };
    auto hear = [&] {
      asio::read_until(s, in, "\r\n", ec);
      std::istream is(&in);
      std::string line;
      std::getline(is, line);
      return line;
    };
    say("220 fake");
    hear();
    say("250-fake");
    say("250 8BITMIME");
    hear();
    say("250 ok");
    hear();
    say("550 no such user");
    hear();
  });
  auto st = Send(Local(server.port()), {"nobody@example.org", "s", "b"});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "to");
}

TEST(Smtp, StartTlsIsNeverSkippedWhenTheServerDoesNotOfferIt) {
  FakeServer server([](tcp::socket& s) {
    boost::system::error_code ec;
    asio::streambuf in;
    asio::write(s, asio::buffer(std::string("220 fake\r\n")), ec);
    asio::read_until(s, in, "\r\n", ec);
    asio::write(s, asio::buffer(std::string("250-fake\r\n250 8BITMIME\r\n")), ec);
    char c;
    s.read_some(asio::buffer(&c, 1), ec);  // the client must not go on in clear text
  });
  Options o = Local(server.port());
  o.starttls = true;
  auto st = Send(o, {"a@example.org", "s", "b"});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(st.error().message.find("STARTTLS"), std::string::npos) << st.error().message;
}

}  // namespace
}  // namespace sqm::feedback::smtp
