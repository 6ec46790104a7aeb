#include "feedback/mailer.h"

#include <spdlog/spdlog.h>

namespace sqm::feedback {

Mailer::Mailer(Service& service, MailerOptions options, Sender send)
    : service_(service), options_(std::move(options)), send_(std::move(send)) {}

Mailer::~Mailer() {
  Stop();
}

void Mailer::SetDefaultBaseUrl(const std::string& url) {
  if (options_.base_url.empty()) options_.base_url = url;
}

Result<int> Mailer::RunOnce() {
  SQM_ASSIGN(const auto mails, service_.ClaimMail(options_.base_url, options_.batch));
  int sent = 0;
  for (const auto& m : mails) {
    auto st = send_(options_.smtp, {m.to, m.mail.subject, m.mail.body});
    if (st.ok()) {
      ++sent;
      SQM_TRY(service_.MailSent(m));
      continue;
    }
    spdlog::warn("survey mail for invitation {} not sent: {}", m.invitation_id, st.error().message);
    SQM_TRY(service_.MailFailed(m, st.error()));
  }
  return sent;
}

void Mailer::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      if (auto r = RunOnce(); !r.ok()) spdlog::warn("survey mail: {}", r.error().message);
      lock.lock();
      wake_.wait_for(lock, options_.interval, [this] { return stopping_; });
    }
  });
}

void Mailer::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace sqm::feedback
