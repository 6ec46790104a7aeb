// EventFollower: how a server learns what the other servers on the same database wrote.
//
// Several sqm servers on one PostgreSQL keep some state in memory: the SLA monitor's deadline
// queue, the compiled business calendars. Every write that changes that state appends events, and
// the event log is totally ordered (writers append under the chain lock and commit in seq order),
// so a server stays in step by reading the log after the last seq it saw, per subscription: short
// polling (every `interval`, one indexed range read per subscription), not LISTEN/NOTIFY, which
// would need a connection of its own per server and still a poll after a reconnect. Events this
// server wrote itself come back too; handlers must be idempotent (reread the state, never apply a
// delta twice).
//
// Lifetime: construct (which reads the log's head: nothing written after it is missed) before the
// in-memory state is loaded, Subscribe, then Start() the polling thread; Stop() (or destroy)
// before the Database closes. Tests call Poll() instead of Start().
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/database.h"
#include "storage/event_log.h"

namespace sqm::storage {

struct FollowerOptions {
  std::chrono::milliseconds interval{1000};  // how often the log is read
  int batch = 1000;                          // events read per subscription and round at most
};

class EventFollower {
 public:
  using Handler = std::function<void(const std::vector<Event>&)>;

  explicit EventFollower(Database& db, FollowerOptions options = {});
  ~EventFollower();  // Stop()
  EventFollower(const EventFollower&) = delete;
  EventFollower& operator=(const EventFollower&) = delete;

  // Events matching `filter` (entity and type; its cursor, window and limit are ignored) are
  // handed to `handler`, oldest first, in batches. Subscribe before Start().
  void Subscribe(EventFilter filter, Handler handler);
  void Start();
  void Stop();
  // One round: each subscription's new events to its handler. Returns how many events were
  // handed over. A read that fails (database unavailable) throws; the next round starts again
  // from the same seq.
  int Poll();
  // The last seq subscription `i` (in Subscribe order) has read up to.
  std::int64_t seen_seq(std::size_t i);

 private:
  struct Subscription {
    EventFilter filter;
    Handler handler;
    std::int64_t seen_seq = 0;
  };

  Database& db_;
  FollowerOptions options_;
  std::int64_t start_seq_ = 0;
  std::vector<Subscription> subscriptions_;  // fixed once started
  std::mutex poll_mu_;                       // one Poll at a time
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sqm::storage
