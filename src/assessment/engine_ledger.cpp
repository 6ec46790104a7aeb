#include "assessment/engine_ledger.h"

#include <algorithm>
#include <stdexcept>

#include "analytics/sketch.h"

namespace sqm::assessment {

namespace {

// Bit 0 of a fact's bits: it adds something (not a tombstone); bit 1: its ticket is excluded;
// then one bit per plan entry that matched it, then one per entry that counted it.
constexpr std::size_t kLive = 0, kExcluded = 1, kFirstEntry = 2;

bool Fits(std::int64_t id) {
  return id == LedgerRecord::kNone || (id >= 0 && id < std::numeric_limits<std::uint32_t>::max());
}

std::uint32_t Narrow(std::int64_t id) {
  return id == LedgerRecord::kNone ? std::numeric_limits<std::uint32_t>::max() : static_cast<std::uint32_t>(id);
}

// A fact id the packed part can keep: a row id (or twice one) on any real installation.
bool FitsFact(std::int64_t fact_id) {
  return fact_id != LedgerRecord::kNone && Fits(fact_id);
}

}  // namespace

FactLedger::FactLedger(std::size_t entries, std::size_t values, std::size_t compact_at)
    : entries_(entries), values_stride_(values), stride_((kFirstEntry + 2 * entries + 7) / 8), compact_at_(compact_at) {
  if (entries > kMaxEntries) throw std::logic_error("a fact ledger keeps at most 64 entries a fact");
}

std::optional<FactLedger::Packed> FactLedger::Pack(const LedgerRecord& r) {
  if (!Fits(r.ticket_id) || !Fits(r.staff_id) || !Fits(r.department_id)) return std::nullopt;
  return Packed{Narrow(r.ticket_id), Narrow(r.staff_id), Narrow(r.department_id), r.day};
}

bool FactLedger::Packable(std::int64_t fact_id, const LedgerRecord& r) {
  return FitsFact(fact_id) && Pack(r).has_value();
}

std::optional<std::size_t> FactLedger::Position(std::int64_t fact_id) const {
  // A wide fact id is only ever in the side part; past the end is a rebuild's next fact: no search.
  if (!FitsFact(fact_id) || ids_.empty() || fact_id > ids_.back()) return std::nullopt;
  const auto id = static_cast<std::uint32_t>(fact_id);
  const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  if (it == ids_.end() || *it != id) return std::nullopt;
  return static_cast<std::size_t>(it - ids_.begin());
}

LedgerRecord FactLedger::Decode(std::size_t pos) const {
  const Packed& p = subjects_[pos];
  const std::uint8_t* bits = &bits_[pos * stride_];
  auto bit = [&](std::size_t b) { return (bits[b / 8] >> (b % 8) & 1) != 0; };
  LedgerRecord r;
  r.ticket_id = Widen(p.ticket);
  r.staff_id = Widen(p.staff);
  r.department_id = Widen(p.department);
  r.day = p.day;
  r.excluded = bit(kExcluded);
  for (std::size_t e = 0; e < entries_; ++e) {
    if (bit(kFirstEntry + e)) r.matched |= std::uint64_t{1} << e;
    if (bit(kFirstEntry + entries_ + e)) r.counted |= std::uint64_t{1} << e;
  }
  if (values_stride_ > 0) {
    const auto at = values_.begin() + static_cast<std::ptrdiff_t>(pos * values_stride_);
    r.values.assign(at, at + static_cast<std::ptrdiff_t>(values_stride_));
  }
  return r;
}

void FactLedger::Write(std::size_t pos, const Packed& p, const LedgerRecord& r) {
  subjects_[pos] = p;
  std::uint8_t* bits = &bits_[pos * stride_];
  std::fill(bits, bits + stride_, 0);
  auto set = [&](std::size_t b) { bits[b / 8] |= static_cast<std::uint8_t>(1u << (b % 8)); };
  set(kLive);
  if (r.excluded) set(kExcluded);
  for (std::size_t e = 0; e < entries_; ++e) {
    if (r.matched >> e & 1) set(kFirstEntry + e);
    if (r.counted >> e & 1) set(kFirstEntry + entries_ + e);
  }
  for (std::size_t v = 0; v < values_stride_; ++v) {
    values_[pos * values_stride_ + v] = v < r.values.size() ? r.values[v] : 0.0;
  }
}

void FactLedger::Append(std::uint32_t fact_id, const Packed& p, const LedgerRecord& r) {
  if (ids_.size() == ids_.capacity()) {
    // Grow by a quarter, not the doubling of push_back: while a rebuild appends tens of millions of
    // facts, the old and the new arrays held at once are 2.25 times the facts, not 3 times.
    const std::size_t n = ids_.size() + ids_.size() / 4 + 1024;
    ids_.reserve(n);
    subjects_.reserve(n);
    bits_.reserve(n * stride_);
    values_.reserve(n * values_stride_);
  }
  ids_.push_back(fact_id);
  subjects_.push_back(p);
  bits_.resize(bits_.size() + stride_);
  values_.resize(values_.size() + values_stride_);
  Write(ids_.size() - 1, p, r);
  ++live_;
}

std::optional<LedgerRecord> FactLedger::Find(std::int64_t fact_id) const {
  if (const auto pos = Position(fact_id); pos && Live(*pos)) return Decode(*pos);
  if (const auto it = side_.find(fact_id); it != side_.end()) return it->second;
  return std::nullopt;
}

void FactLedger::Put(std::int64_t fact_id, const LedgerRecord& r) {
  const auto p = Pack(r);
  if (const auto pos = Position(fact_id)) {
    if (p && subjects_[*pos].ticket == p->ticket) {  // in place: the ticket index stays right
      EraseSide(fact_id);
      if (!Live(*pos)) ++live_;
      Write(*pos, *p, r);
      return;
    }
    if (Live(*pos)) {
      bits_[*pos * stride_] &= static_cast<std::uint8_t>(~1u);
      --live_;
    }
  } else if (!sealed_ && p && FitsFact(fact_id) && (ids_.empty() || fact_id > ids_.back()) &&
             ids_.size() < kNone32 - 1 && !side_.count(fact_id)) {
    Append(static_cast<std::uint32_t>(fact_id), *p, r);  // a rebuild, in fact_id order
    return;
  }
  PutSide(fact_id, r);
}

void FactLedger::Erase(std::int64_t fact_id) {
  if (const auto pos = Position(fact_id); pos && Live(*pos)) {
    bits_[*pos * stride_] &= static_cast<std::uint8_t>(~1u);
    --live_;
  }
  EraseSide(fact_id);
}

void FactLedger::PutSide(std::int64_t fact_id, const LedgerRecord& r) {
  EraseSide(fact_id);
  side_.emplace(fact_id, r);
  if (!Packable(fact_id, r)) ++wide_;
  if (r.ticket_id != LedgerRecord::kNone) side_tickets_.emplace(r.ticket_id, fact_id);
}

void FactLedger::EraseSide(std::int64_t fact_id) {
  const auto it = side_.find(fact_id);
  if (it == side_.end()) return;
  if (!Packable(fact_id, it->second)) --wide_;
  side_tickets_.erase({it->second.ticket_id, fact_id});
  side_.erase(it);
}

void FactLedger::IndexTickets() {
  // Sorted as (ticket << 32 | position) keys, contiguous: several times faster than sorting the
  // positions by a lookup of each one's ticket (a cache miss a comparison) at 10 million facts.
  std::vector<std::uint64_t> keys;
  keys.reserve(ids_.size());
  for (std::size_t pos = 0; pos < ids_.size(); ++pos) {
    if (subjects_[pos].ticket != kNone32) keys.push_back(std::uint64_t{subjects_[pos].ticket} << 32 | pos);
  }
  std::sort(keys.begin(), keys.end());
  by_ticket_.clear();
  by_ticket_.shrink_to_fit();
  by_ticket_.reserve(keys.size());
  for (std::uint64_t k : keys) by_ticket_.push_back(static_cast<std::uint32_t>(k));
}

void FactLedger::Seal() {
  if (side_.size() > wide_ || live_ < ids_.size()) {
    *this = Compacted();
    return;
  }
  ids_.shrink_to_fit();
  subjects_.shrink_to_fit();
  bits_.shrink_to_fit();
  values_.shrink_to_fit();
  IndexTickets();
  sealed_ = true;
}

bool FactLedger::CompactDue() const {
  if (!sealed_) return false;
  const std::size_t packable = side_.size() - wide_, dead = ids_.size() - live_;
  return packable > std::max(compact_at_, ids_.size() / 8) || dead > std::max(compact_at_, ids_.size() / 4);
}

FactLedger FactLedger::Compacted() const {
  FactLedger next(entries_, values_stride_, compact_at_);
  const std::size_t n = live_ + side_.size() - wide_;
  next.ids_.reserve(n);
  next.subjects_.reserve(n);
  next.bits_.reserve(n * stride_);
  next.values_.reserve(n * values_stride_);
  auto side = side_.begin();
  auto take_side_before = [&](std::int64_t limit, bool all) {
    for (; side != side_.end() && (all || side->first < limit); ++side) {
      // In fact_id order: a negative id comes before every packed one, one of 2^32 - 1 or more after
      // them, and neither is packed.
      if (const auto p = Pack(side->second); p && FitsFact(side->first) && next.ids_.size() < kNone32 - 1) {
        next.Append(static_cast<std::uint32_t>(side->first), *p, side->second);
      } else {
        next.PutSide(side->first, side->second);
      }
    }
  };
  for (std::size_t pos = 0; pos < ids_.size(); ++pos) {
    if (!Live(pos)) continue;
    take_side_before(ids_[pos], false);
    next.ids_.push_back(ids_[pos]);
    next.subjects_.push_back(subjects_[pos]);
    next.bits_.insert(next.bits_.end(), bits_.begin() + static_cast<std::ptrdiff_t>(pos * stride_),
                      bits_.begin() + static_cast<std::ptrdiff_t>((pos + 1) * stride_));
    next.values_.insert(next.values_.end(), values_.begin() + static_cast<std::ptrdiff_t>(pos * values_stride_),
                        values_.begin() + static_cast<std::ptrdiff_t>((pos + 1) * values_stride_));
    ++next.live_;
  }
  take_side_before(0, true);
  next.IndexTickets();
  next.sealed_ = true;
  return next;
}

std::vector<std::int64_t> FactLedger::FactsOf(std::int64_t ticket_id) const {
  std::vector<std::int64_t> out;
  if (ticket_id != LedgerRecord::kNone && Fits(ticket_id)) {
    const auto t = static_cast<std::uint32_t>(ticket_id);
    auto it = std::lower_bound(by_ticket_.begin(), by_ticket_.end(), t,
                               [&](std::uint32_t pos, std::uint32_t x) { return subjects_[pos].ticket < x; });
    for (; it != by_ticket_.end() && subjects_[*it].ticket == t; ++it) {
      if (Live(*it)) out.push_back(ids_[*it]);
    }
  }
  for (auto it = side_tickets_.lower_bound({ticket_id, std::numeric_limits<std::int64_t>::min()});
       it != side_tickets_.end() && it->first == ticket_id; ++it) {
    out.push_back(it->second);
  }
  return out;
}

void FactLedger::EachFact(const std::function<void(std::int64_t)>& each) const {
  for (std::size_t pos = 0; pos < ids_.size(); ++pos) {
    if (Live(pos)) each(ids_[pos]);
  }
  for (const auto& [fact_id, r] : side_) each(fact_id);
}

std::size_t FactLedger::Bytes() const {
  using analytics::HeapBytes;
  // libstdc++'s tree nodes: colour and three links (32 bytes), then the value.
  constexpr std::size_t kTreeNode = 32;
  std::size_t bytes = HeapBytes(ids_.capacity() * sizeof(ids_[0])) +
                      HeapBytes(subjects_.capacity() * sizeof(subjects_[0])) + HeapBytes(bits_.capacity()) +
                      HeapBytes(values_.capacity() * sizeof(double)) +
                      HeapBytes(by_ticket_.capacity() * sizeof(by_ticket_[0]));
  for (const auto& [fact_id, r] : side_) {
    bytes += HeapBytes(kTreeNode + sizeof(std::pair<const std::int64_t, LedgerRecord>)) +
             HeapBytes(r.values.capacity() * sizeof(double));
  }
  bytes += side_tickets_.size() * HeapBytes(kTreeNode + sizeof(std::pair<std::int64_t, std::int64_t>));
  return bytes;
}

}  // namespace sqm::assessment
