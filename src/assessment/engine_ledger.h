// FactLedger: the analytics engine's record of what each fact of one source added to the store
// (engine_source.h), so that it can be taken back exactly. One per fact source; 27 bytes a fact on
// the bench data instead of the 140 of a hash map of records (bench/README.md; issue 13: scale L's
// 55 million facts in about 1.5 GB, not 7.7).
//
// Layout:
// - the packed part, sorted by fact_id (a rebuild reads each source in fact_id order and appends):
//   per fact its id as 32 bits (4 B: a source's fact id is a row id, or twice one, or the fallback
//   below); its ticket, staff member and department as 32-bit ids and its day as a 32-bit day
//   (16 B); its bits (live, excluded, one per plan entry matched, one per entry counted:
//   (2 + 2 entries) bits rounded up to bytes, 1 B for up to 3 entries); its values inline with the
//   plan's fixed stride (8 B per value field of the plan, none for most sources); and the ticket
//   index, the positions of the facts with a ticket sorted by (ticket, position) (4 B): 25 B a fact
//   and its values. Found by binary search. A fact taken back is a tombstone (its live bit
//   cleared), written again in place when it comes back with the same ticket. While a rebuild
//   appends, the arrays grow by a quarter at a time (at most 2.25 times the facts held during a
//   growth); Seal trims them to size.
// - the side part: facts the tail adds after the rebuild (or that come out of fact_id order), as
//   whole records in an ordered map with its own ticket index. Merged into the packed part
//   (Compacted) when it holds more than max(`compact_at`, packed / 8) records, or tombstones are more
//   than a quarter of the packed part: O(packed) now and then, so O(1) amortised per addition. The
//   owner asks (CompactDue) and swaps the merged copy in; Put and Erase never merge themselves, so
//   the engine builds the copy without its lock (a merge sorts the ticket index again: for a source
//   of 10 million facts, 2.4 s measured, after about 1.25 million additions — days of a hotline's
//   writes — during which Values would otherwise wait).
// - the fallback: a fact whose id, ticket, staff or department id does not fit 32 bits (negative,
//   or 2^32 - 1 and more: an external agency's survey result has minus its row id as its fact id),
//   or a source of more than 2^32 - 2 facts, stays in the side part for good, with its 64-bit ids:
//   correct, at the side part's cost per fact (about 200 B).
//
// Bytes() counts the capacity of every array and the side part's nodes (analytics::HeapBytes).
// Not thread-safe: the engine holds its lock around every call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "analytics/store.h"

namespace sqm::assessment {

// What one fact added (see engine_source.h): ids are kNone when the fact has none.
struct LedgerRecord {
  static constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
  std::int64_t ticket_id = kNone;
  std::int64_t staff_id = kNone;
  std::int64_t department_id = kNone;
  analytics::Day day = 0;
  bool excluded = false;       // its ticket's exclusion is approved: kept, not counted
  std::uint64_t matched = 0;   // bit e: entry e of the source's plan took the fact
  std::uint64_t counted = 0;   // bit e: and counted it (a ratio's numerator)
  std::vector<double> values;  // per value index of the plan; empty when none is taken
};

class FactLedger {
 public:
  static constexpr std::size_t kMaxEntries = 64;
  // `entries`: the plan's entries (at most kMaxEntries); `values`: its value fields.
  FactLedger(std::size_t entries, std::size_t values, std::size_t compact_at = 4096);

  // The record of `fact_id`, or nullopt when it adds nothing (never recorded, or taken back).
  std::optional<LedgerRecord> Find(std::int64_t fact_id) const;
  // Records (or replaces) what `fact_id` adds. REQUIRES: r.matched != 0.
  void Put(std::int64_t fact_id, const LedgerRecord& r);
  // Takes the record back (nothing when there is none).
  void Erase(std::int64_t fact_id);
  // After a rebuild's appends: builds the ticket index and gives back the arrays' spare capacity.
  void Seal();
  // Whether the side part or the tombstones have grown past their thresholds (the header comment):
  // the owner then puts Compacted() in this ledger's place.
  bool CompactDue() const;
  // This ledger with the side part merged into the packed part and the tombstones gone.
  FactLedger Compacted() const;

  // The facts of `ticket_id` that add something.
  std::vector<std::int64_t> FactsOf(std::int64_t ticket_id) const;
  // Every fact that adds something, in no particular order.
  void EachFact(const std::function<void(std::int64_t)>& each) const;

  std::size_t size() const { return live_ + side_.size(); }
  std::size_t side_size() const { return side_.size(); }  // for tests: what no compaction has merged yet
  std::size_t Bytes() const;

 private:
  struct Packed {
    std::uint32_t ticket, staff, department;
    analytics::Day day;
  };
  static constexpr std::uint32_t kNone32 = std::numeric_limits<std::uint32_t>::max();
  static std::optional<Packed> Pack(const LedgerRecord& r);
  // Whether the packed part can keep the fact: its id and its record's ids fit 32 bits.
  static bool Packable(std::int64_t fact_id, const LedgerRecord& r);
  static std::int64_t Widen(std::uint32_t id) { return id == kNone32 ? LedgerRecord::kNone : id; }

  std::optional<std::size_t> Position(std::int64_t fact_id) const;
  bool Live(std::size_t pos) const { return (bits_[pos * stride_] & 1) != 0; }
  LedgerRecord Decode(std::size_t pos) const;
  void Write(std::size_t pos, const Packed& p, const LedgerRecord& r);
  void Append(std::uint32_t fact_id, const Packed& p, const LedgerRecord& r);
  void PutSide(std::int64_t fact_id, const LedgerRecord& r);
  void EraseSide(std::int64_t fact_id);
  void IndexTickets();

  std::size_t entries_;
  std::size_t values_stride_;
  std::size_t stride_;  // bytes of bits per fact
  std::size_t compact_at_;
  bool sealed_ = false;

  // The packed part (see the header comment).
  std::vector<std::uint32_t> ids_;  // fact ids
  std::vector<Packed> subjects_;
  std::vector<std::uint8_t> bits_;
  std::vector<double> values_;
  std::vector<std::uint32_t> by_ticket_;  // positions with a ticket, by (ticket, position)
  std::size_t live_ = 0;
  // The side part.
  std::map<std::int64_t, LedgerRecord> side_;
  std::set<std::pair<std::int64_t, std::int64_t>> side_tickets_;  // (ticket, fact_id)
  std::size_t wide_ = 0;                                          // side records not Packable
};

}  // namespace sqm::assessment
