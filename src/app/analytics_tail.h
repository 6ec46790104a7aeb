// AnalyticsTail: keeps the analytics engine (assessment/engine_source.h) in step with the event
// log (DESIGN.md, "How data flows" 2). Start() runs one thread that rebuilds the engine (the
// server serves meanwhile; until the rebuild is done the SQL answers), then reads the log after
// the last seq it applied every `interval` (short polling, as storage::EventFollower does; with
// several servers on one PostgreSQL each tails the same log) and, for each event that may change
// a fact, has the engine read that entity's facts again (WorkOf says which). A reader that wants
// what was just written (the engine's freshness check) calls CatchUp, which wakes the thread.
//
// It keeps the desk dashboard's LiveBoard (desk/live_board.h) too, when one is set: rebuilt after
// the engine, each ticket an event names read again (repo::FindLiveTicket), each staff member an
// event names given their department again.
//
// When in doubt it rebuilds, and counts it (fallbacks): an event of an entity it does not know, a
// change of the department tree, a new measure or satisfaction mapping, a gap in the seqs, or a
// refresh the engine's bookkeeping refused.
//
// Lifetime: both references outlive the tail; Stop() (or destroy) before the Database closes.
// Tests call Rebuild() and Poll() instead of Start().
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "assessment/engine_source.h"
#include "base/clock.h"
#include "desk/live_board.h"
#include "storage/database.h"
#include "storage/event_log.h"

namespace sqm::app {

struct AnalyticsTailOptions {
  std::chrono::milliseconds interval{200};  // how often the log is read
  int batch = 2000;                         // events read per round at most
  std::chrono::milliseconds retry{10'000};  // the wait after a round that failed
};

// What one event asks of the engine.
struct EngineWork {
  enum class Kind {
    kNothing,  // no fact reads what it changed (a sign-in, a saved view, a scheme, a staff member)
    kTicket,   // the facts of one ticket (every desk, SLA, survey and exclusion event names it)
    kSources,  // whole sources (evidence not keyed by ticket)
    kRebuild,  // everything (the department tree, a new measure, an entity not known here)
  };
  Kind kind = Kind::kNothing;
  std::int64_t ticket_id = 0;
  std::vector<std::string> sources;
};
EngineWork WorkOf(const storage::Event& e);

class AnalyticsTail {
 public:
  AnalyticsTail(storage::Database& db, assessment::EngineMeasureSource& engine, AnalyticsTailOptions options = {});
  ~AnalyticsTail();  // Stop()
  AnalyticsTail(const AnalyticsTail&) = delete;
  AnalyticsTail& operator=(const AnalyticsTail&) = delete;

  // The dashboard's board to keep, with the clock it is rebuilt as of. Before Start or Rebuild.
  void SetLiveBoard(desk::LiveBoard* board, const Clock* clock);

  void Start();
  void Stop();
  // Rebuilds the engine now and goes on from the seq it is as of. Throws as Rebuild does.
  void Rebuild();
  // One round: the events after the last seq applied (at most `batch`). Returns how many were
  // read. Throws DbError when the database fails; the next round starts from the same seq.
  // REQUIRES: Rebuild() has run (else it does nothing).
  int Poll();

  // Whether the engine has applied the log up to its head now: wakes the thread and waits up to
  // `wait` for it. False before the first rebuild, when not started, or on timeout.
  bool CatchUp(std::chrono::milliseconds wait);

  struct Stats {
    bool ready = false;
    std::int64_t last_sequence = 0;
    std::int64_t events_applied = 0;  // events read and applied since start (those asking nothing too)
    std::int64_t rebuilds = 0;        // every rebuild, the one on start too
    std::int64_t fallbacks = 0;       // of which rebuilds for doubt
    double rebuild_seconds = 0;       // the last rebuild's
  };
  Stats stats() const;

 private:
  void FallBack(const char* why);

  storage::Database& db_;
  assessment::EngineMeasureSource& engine_;
  AnalyticsTailOptions options_;
  desk::LiveBoard* board_ = nullptr;
  const Clock* clock_ = nullptr;

  std::mutex poll_mu_;  // one Rebuild or Poll at a time
  mutable std::mutex stats_mu_;
  Stats stats_;

  std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable applied_;  // a round ended
  bool stopping_ = false;
  bool nudged_ = false;
  std::thread thread_;
};

}  // namespace sqm::app
