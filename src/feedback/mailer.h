// Sends survey mail over SMTP on a thread of its own: every round claims the invitation mails and
// reminders that are due (Service::ClaimMail), sends each (smtp::Send) and gives a failed one back
// for the next round. Several servers on one database share the work through the claims.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "feedback/service.h"
#include "feedback/smtp.h"

namespace sqm::feedback {

struct MailerOptions {
  smtp::Options smtp;
  std::string base_url;  // where the answer page is: "https://sqm.example.org"
  std::chrono::milliseconds interval{std::chrono::seconds(30)};
  int batch = 50;  // mails claimed per round
};

class Mailer {
 public:
  // `send` is smtp::Send unless a test gives another.
  using Sender = std::function<Status(const smtp::Options&, const smtp::Mail&)>;
  Mailer(Service& service, MailerOptions options, Sender send = smtp::Send);
  ~Mailer();  // Stop()

  // The base URL when none was configured (the address the server listens on); before Start.
  void SetDefaultBaseUrl(const std::string& url);
  void Start();
  void Stop();
  // One round now, on the caller's thread: how many mails were sent.
  Result<int> RunOnce();

 private:
  Service& service_;
  MailerOptions options_;
  Sender send_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sqm::feedback
