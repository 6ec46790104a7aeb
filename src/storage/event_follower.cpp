#include "storage/event_follower.h"

#include <algorithm>
#include <utility>

#include <spdlog/spdlog.h>

namespace sqm::storage {

EventFollower::EventFollower(Database& db, FollowerOptions options) : db_(db), options_(options) {
  start_seq_ = db_.Read([](Connection& c) { return HeadSeq(c); });
}

EventFollower::~EventFollower() {
  Stop();
}

void EventFollower::Subscribe(EventFilter filter, Handler handler) {
  subscriptions_.push_back({std::move(filter), std::move(handler), start_seq_});
}

void EventFollower::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!wake_.wait_for(lock, options_.interval, [this] { return stopping_; })) {
      lock.unlock();
      try {
        Poll();
      } catch (const std::exception& e) {
        spdlog::warn("event follower: {}", e.what());
      }
      lock.lock();
    }
  });
}

void EventFollower::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::int64_t EventFollower::seen_seq(std::size_t i) {
  std::lock_guard poll_lock(poll_mu_);
  return subscriptions_.at(i).seen_seq;
}

int EventFollower::Poll() {
  std::lock_guard poll_lock(poll_mu_);
  int handed = 0;
  for (Subscription& s : subscriptions_) {
    // The head first: every seq up to it has committed, so when the tail below is not cut by the
    // batch, nothing up to the head is left unread, and the next round starts there even when none
    // of it matched (the range read then stays short).
    auto [head, events] = db_.Read([&](Connection& c) {
      const std::int64_t h = HeadSeq(c);
      return std::pair{h, TailEvents(c, s.seen_seq, s.filter, options_.batch)};
    });
    if (!events.empty()) s.handler(events);
    handed += static_cast<int>(events.size());
    std::int64_t next = events.empty() ? s.seen_seq : events.back().seq;
    if (static_cast<int>(events.size()) < options_.batch) next = std::max(next, head);
    s.seen_seq = next;
  }
  return handed;
}

}  // namespace sqm::storage
