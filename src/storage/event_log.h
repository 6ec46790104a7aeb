// The event log: an append-only, hash-chained record of every write.
//
//   hash = SHA-256(prev_hash || canonical row), canonical row = the JSON array
//   [seq, at, actor, entity, entity_id, type, data] as printed by json::Serialize.
//
// The first event's prev_hash is 64 zeros. A changed, removed or reordered row breaks the chain
// from that seq on, which `sqm verify-audit` reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "storage/db.h"

namespace sqm::storage {

struct Event {
  std::int64_t seq = 0;
  TimeMs at = 0;
  std::string actor;
  std::string entity;
  std::string entity_id;
  std::string type;
  std::string data;  // JSON object text
  std::string prev_hash;
  std::string hash;
};

struct ChainBreak {
  std::int64_t seq;
  std::string reason;
};

std::string EventHash(const Event& e);

// The writer's view of the chain head. Not thread-safe; owned by the writer thread.
class EventChain {
 public:
  // Reads the head from the events table.
  void Load(Connection& db);
  bool loaded() const { return loaded_; }
  // Appends `e` (seq, prev_hash and hash are filled in) and advances the head.
  Event Append(Connection& db, Event e);

  struct Head {
    std::int64_t seq = 0;
    std::string hash;
  };
  Head head() const { return head_; }
  void Reset(Head h) { head_ = std::move(h); }

 private:
  bool loaded_ = false;
  Head head_;
};

std::optional<ChainBreak> VerifyChain(Connection& db);

struct EventFilter {
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<std::string> type;  // exact, or a prefix ending in '.' ("ticket.")
  std::optional<std::string> actor;
  std::optional<TimeMs> from;
  std::optional<TimeMs> to;
  std::optional<std::int64_t> before_seq;  // cursor: newest first
  int limit = 50;
};

// Newest first.
std::vector<Event> ListEvents(Connection& db, const EventFilter& filter);

}  // namespace sqm::storage
