// The event log: an append-only, hash-chained record of every write.
//
//   hash = SHA-256(hex(previous hash) || canonical row), canonical row = the JSON array
//   [seq, at, actor, entity, entity_id, type, data] as printed by json::Serialize.
//
// The first event's previous hash is 64 zeros. A changed, removed or reordered row breaks the
// chain from that seq on, which `sqm verify-audit` reports.
//
// Stored lean (migration 0006): actor, entity and type as ids of `event_names` (each name stored
// once), `data` compressed (event_codec.h), `hash` as 32 bytes, and the previous hash not stored
// at all (it is the previous row's). Only (entity, entity_id) is indexed: the ticket timeline
// reads by it; the audit log's other filters scan a bounded window of seqs per request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
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
  std::string data;       // JSON object text
  std::string prev_hash;  // hex; filled where known (Append, verification)
  std::string hash;       // hex
};

struct ChainBreak {
  std::int64_t seq;
  std::string reason;
};

std::string EventHash(const Event& e);

// The writer's view of the chain head and of the names it has stored. Not thread-safe; owned by
// the writer thread.
class EventChain {
 public:
  // Reads the head from the events table and forgets remembered name ids. On a database several
  // servers write, call it at the start of every write transaction (after taking the chain lock).
  void Load(Connection& db);
  bool loaded() const { return loaded_; }
  // Appends `e` (seq, prev_hash and hash are filled in) and advances the head.
  Event Append(Connection& db, Event e);

  // A point to roll back to: the head, and the names stored since the last commit.
  struct Mark {
    std::int64_t seq = 0;
    std::string hash;
    std::size_t names = 0;
  };
  Mark mark() const { return {head_seq_, head_hash_, added_.size()}; }
  // Forgets what was appended after `m` (its savepoint was rolled back).
  void Reset(const Mark& m);
  // The transaction committed: names stored so far are durable.
  void Committed() { added_.clear(); }

  std::int64_t head_seq() const { return head_seq_; }

 private:
  std::int64_t NameId(Connection& db, const std::string& name);

  bool loaded_ = false;
  std::int64_t head_seq_ = 0;
  std::string head_hash_;
  std::unordered_map<std::string, std::int64_t> ids_;
  std::vector<std::string> added_;  // names inserted in the open transaction, oldest first
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
  std::int64_t scan_window = 200'000;  // seqs looked at per call (see ListEvents)
};

// Events newest first, and where to go on. A filter naming an entity and its id reads the index
// to the end; any other filter looks at no more than `scan_window` seqs per call, so a page
// may hold fewer than `limit` events although older ones match: `next_before_seq` then says
// where the next call goes on. nullopt when nothing older is left.
struct EventPage {
  std::vector<Event> events;
  std::optional<std::int64_t> next_before_seq;
};
EventPage ListEvents(Connection& db, const EventFilter& filter);

// Events after `after_seq`, oldest first, at most `limit`: how a server follows what the others
// (and it) wrote. `f`'s entity and type conditions apply; its cursor, window and limit do not.
std::vector<Event> TailEvents(Connection& db, std::int64_t after_seq, const EventFilter& f, int limit);

// The newest seq (0 when the log is empty).
std::int64_t HeadSeq(Connection& db);

// How many events match (tests and tools; scans without a window).
std::int64_t CountEvents(Connection& db, const EventFilter& filter);

// Copies a pre-0006 `events` table (hex hashes, text payloads) into the lean form
// (`events_lean`), keeping every hash; the migration's C++ step.
void ConvertEventsToLean(Connection& db);

}  // namespace sqm::storage
