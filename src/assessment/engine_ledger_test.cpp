// The packed ledger keeps what a map of whole records keeps: a rebuild's appends, the tail's
// additions in the side part, replacements, tombstones, compactions and ids that do not fit 32
// bits, checked against a std::map model after every step.
#include "assessment/engine_ledger.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

namespace sqm::assessment {
namespace {

constexpr std::int64_t kWide = std::int64_t{1} << 32;

LedgerRecord Rec(std::int64_t ticket, std::int64_t staff, std::int64_t department, analytics::Day day,
                 std::uint64_t matched, std::uint64_t counted, std::vector<double> values, bool excluded = false) {
  LedgerRecord r;
  r.ticket_id = ticket;
  r.staff_id = staff;
  r.department_id = department;
  r.day = day;
  r.matched = matched;
  r.counted = counted;
  r.values = std::move(values);
  r.excluded = excluded;
  return r;
}

void ExpectSame(const LedgerRecord& a, const LedgerRecord& b, std::int64_t id) {
  EXPECT_EQ(a.ticket_id, b.ticket_id) << id;
  EXPECT_EQ(a.staff_id, b.staff_id) << id;
  EXPECT_EQ(a.department_id, b.department_id) << id;
  EXPECT_EQ(a.day, b.day) << id;
  EXPECT_EQ(a.excluded, b.excluded) << id;
  EXPECT_EQ(a.matched, b.matched) << id;
  EXPECT_EQ(a.counted, b.counted) << id;
  EXPECT_EQ(a.values, b.values) << id;
}

// What the engine does after each change: the merged copy in the ledger's place when one is due.
void CompactIfDue(FactLedger& ledger) {
  if (ledger.CompactDue()) ledger = ledger.Compacted();
}

// The ledger against the model: every record (of the ids 0..max_id, the model's and `also`), every
// ticket's facts, every fact.
void ExpectModel(const FactLedger& ledger, const std::map<std::int64_t, LedgerRecord>& model, std::int64_t max_id,
                 const std::vector<std::int64_t>& also = {}) {
  ASSERT_EQ(ledger.size(), model.size());
  std::set<std::int64_t> ids(also.begin(), also.end());
  for (std::int64_t id = 0; id <= max_id; ++id) ids.insert(id);
  for (const auto& [id, r] : model) ids.insert(id);
  std::map<std::int64_t, std::vector<std::int64_t>> tickets;
  for (std::int64_t id : ids) {
    const auto got = ledger.Find(id);
    const auto it = model.find(id);
    ASSERT_EQ(got.has_value(), it != model.end()) << id;
    if (got) {
      ExpectSame(*got, it->second, id);
      if (it->second.ticket_id != LedgerRecord::kNone) tickets[it->second.ticket_id].push_back(id);
    }
  }
  for (auto& [ticket, ids] : tickets) {
    auto got = ledger.FactsOf(ticket);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, ids) << "ticket " << ticket;
  }
  std::vector<std::int64_t> each, want;
  ledger.EachFact([&](std::int64_t id) { each.push_back(id); });
  std::sort(each.begin(), each.end());
  for (const auto& [id, r] : model) want.push_back(id);
  EXPECT_EQ(each, want);
}

TEST(FactLedgerTest, ARebuildPacksAndTheTailsChangesStayExact) {
  // Two entries, one value field; compaction after 16 side records.
  FactLedger ledger(2, 1, 16);
  std::map<std::int64_t, LedgerRecord> model;
  std::mt19937_64 random(13);
  auto any = [&](std::int64_t id) {
    const std::int64_t ticket = random() % 5 == 0 ? LedgerRecord::kNone : static_cast<std::int64_t>(id / 3);
    const std::uint64_t matched = 1 + random() % 3;
    // The packed part keeps the plan's stride whatever is taken (the engine reads a value only
    // where an entry with one matched): the model does too.
    std::vector<double> values{matched & 2 ? static_cast<double>(random() % 1000) / 7 : 0.0};
    return Rec(ticket, static_cast<std::int64_t>(random() % 100), static_cast<std::int64_t>(random() % 10),
               static_cast<analytics::Day>(20000 + random() % 365), matched, random() % 4 & matched, values,
               random() % 9 == 0);
  };
  // A rebuild: in fact_id order, some ids skipped.
  for (std::int64_t id = 1; id <= 400; ++id) {
    if (id % 7 == 0) continue;
    model[id] = any(id);
    ledger.Put(id, model[id]);
  }
  ledger.Seal();
  EXPECT_EQ(ledger.side_size(), 0u);
  ExpectModel(ledger, model, 600);
  const std::size_t packed_bytes = ledger.Bytes();
  EXPECT_LT(packed_bytes, model.size() * 48) << "about 37 B a fact with a value field";
  // The tail: new facts past the end and in the gaps, replacements (a ticket changed too), facts
  // taken back and added again; compactions happen on the way.
  for (int step = 0; step < 3000; ++step) {
    const std::int64_t id = 1 + static_cast<std::int64_t>(random() % 600);
    if (random() % 3 == 0) {
      ledger.Erase(id);
      model.erase(id);
    } else {
      model[id] = any(id);
      if (random() % 10 == 0) model[id].ticket_id = 1000 + id;  // a ticket the packed record does not have
      ledger.Put(id, model[id]);
    }
    CompactIfDue(ledger);
    if (step % 500 == 0) ExpectModel(ledger, model, 600);
  }
  ExpectModel(ledger, model, 600);
  EXPECT_LE(ledger.side_size(), 16u + 600u / 8u) << "compactions keep the side part small";
  // Nothing merges unless asked: the engine builds the merged copy outside its lock.
  for (std::int64_t id = 601; id <= 700; ++id) ledger.Put(id, any(id));
  EXPECT_TRUE(ledger.CompactDue());
  EXPECT_GE(ledger.side_size(), 100u);
  const FactLedger merged = ledger.Compacted();
  EXPECT_EQ(merged.size(), ledger.size());
  EXPECT_FALSE(merged.CompactDue());
  EXPECT_LT(merged.side_size(), 100u);
}

// An id that does not fit 32 bits stays in the side part, whole, through compactions.
TEST(FactLedgerTest, AnIdAbove32BitsTakesTheSidePartAndStaysExact) {
  FactLedger ledger(1, 0, 4);
  std::map<std::int64_t, LedgerRecord> model;
  for (std::int64_t id = 1; id <= 50; ++id) {
    model[id] = Rec(id, 1, 2, 20000, 1, 0, {});
    ledger.Put(id, model[id]);
  }
  model[51] = Rec(kWide + 5, 3, 4, 20001, 1, 1, {});  // a wide ticket
  ledger.Put(51, model[51]);
  model[52] = Rec(7, kWide + 9, 4, 20001, 1, 0, {});  // a wide staff member
  ledger.Put(52, model[52]);
  ledger.Seal();
  EXPECT_EQ(ledger.side_size(), 2u);
  ExpectModel(ledger, model, 60);
  EXPECT_EQ(ledger.FactsOf(kWide + 5), std::vector<std::int64_t>{51});
  // A packed fact that becomes wide moves to the side part; many additions compact around them.
  model[10] = Rec(10, 1, kWide + 1, 20002, 1, 0, {});
  ledger.Put(10, model[10]);
  for (std::int64_t id = 53; id <= 120; ++id) {
    model[id] = Rec(id % 9, 1, 2, 20003, 1, 0, {});
    ledger.Put(id, model[id]);
    CompactIfDue(ledger);
  }
  ExpectModel(ledger, model, 130);
  EXPECT_GE(ledger.side_size(), 3u);  // the wide ones stay
  EXPECT_LE(ledger.side_size(), 3u + 120u / 8u) << "the others are compacted";
  // The wide fact back to narrow ids: written in place again.
  model[10] = Rec(10, 1, 2, 20002, 1, 0, {});
  ledger.Put(10, model[10]);
  ExpectModel(ledger, model, 130);
}

// A fact id that does not fit 32 bits (negative: an agency result's; 2^32 - 1 or more) stays in the
// side part with its 64-bit id, among narrow ones packed before, between and after it in fact_id
// order: found, replaced, taken back and added again, through compactions.
TEST(FactLedgerTest, AFactIdOutside32BitsTakesTheSidePartAndStaysExact) {
  constexpr std::int64_t kLastNarrow = kWide - 2, kFirstWide = kWide - 1, kAbove = kWide + 5, kNegative = -7;
  FactLedger ledger(2, 1, 4);
  std::map<std::int64_t, LedgerRecord> model;
  auto rec = [](std::int64_t ticket, double value) { return Rec(ticket, 1, 2, 20000, 3, 1, {value}); };
  // A rebuild reads in fact_id order: the negative ids first, the wide ones last. Ticket 3 has
  // facts of every kind.
  std::vector<std::int64_t> rebuild{kNegative, -3};
  for (std::int64_t id = 1; id <= 40; ++id) rebuild.push_back(id);
  rebuild.insert(rebuild.end(), {kLastNarrow, kFirstWide, kAbove});
  for (std::int64_t id : rebuild) {
    model[id] = rec(id == kNegative || id == kAbove || id % 10 == 3 ? 3 : 100 + id % 7, static_cast<double>(id) / 3);
    ledger.Put(id, model[id]);
  }
  ledger.Seal();
  EXPECT_EQ(ledger.side_size(), 4u) << "-7, -3, 2^32 - 1 and 2^32 + 5; 2^32 - 2 is packed";
  EXPECT_FALSE(ledger.CompactDue());
  ExpectModel(ledger, model, 50);
  auto facts_of_3 = ledger.FactsOf(3);
  std::sort(facts_of_3.begin(), facts_of_3.end());
  EXPECT_EQ(facts_of_3, (std::vector<std::int64_t>{kNegative, 3, 13, 23, 33, kAbove}));
  // Replaced (another ticket, another value), taken back, added again; narrow facts around them,
  // before and after in fact_id order; and compactions.
  model[kAbove] = rec(5, 1.25);
  ledger.Put(kAbove, model[kAbove]);
  model[kNegative] = rec(5, -2.5);
  ledger.Put(kNegative, model[kNegative]);
  ledger.Erase(-3);
  model.erase(-3);
  ledger.Erase(kFirstWide);
  model.erase(kFirstWide);
  ledger.Erase(kLastNarrow);
  model.erase(kLastNarrow);
  ExpectModel(ledger, model, 50, {-3, kFirstWide, kLastNarrow});
  for (std::int64_t id = 41; id <= 90; ++id) {
    if (id % 2 == 0) {
      ledger.Erase(id - 40);
      model.erase(id - 40);
    }
    model[id] = rec(id % 10 == 5 ? 5 : id % 4, static_cast<double>(id));
    ledger.Put(id, model[id]);
    CompactIfDue(ledger);
  }
  model[kFirstWide] = rec(3, 9.0);
  ledger.Put(kFirstWide, model[kFirstWide]);
  model[-3] = rec(5, 8.0);
  ledger.Put(-3, model[-3]);
  model[kLastNarrow] = rec(5, 7.0);
  ledger.Put(kLastNarrow, model[kLastNarrow]);
  ExpectModel(ledger, model, 100, {kFirstWide + 1, kWide, -1, -8});
  const FactLedger merged = ledger.Compacted();
  EXPECT_EQ(merged.side_size(), 4u) << "the wide fact ids stay; 2^32 - 2 is packed";
  ExpectModel(merged, model, 100, {kFirstWide + 1, kWide, -1, -8});
  auto facts_of_5 = merged.FactsOf(5);
  std::sort(facts_of_5.begin(), facts_of_5.end());
  EXPECT_EQ(facts_of_5, (std::vector<std::int64_t>{kNegative, -3, 45, 55, 65, 75, 85, kLastNarrow, kAbove}));
  // The merged copy takes the tail's changes as the first did.
  FactLedger next = merged;
  next.Erase(kAbove);
  model.erase(kAbove);
  model[kNegative] = rec(3, 0.5);
  next.Put(kNegative, model[kNegative]);
  model[95] = rec(3, 95.0);
  next.Put(95, model[95]);
  ExpectModel(next, model, 100, {kAbove});
  ExpectModel(next.Compacted(), model, 100, {kAbove});
}

}  // namespace
}  // namespace sqm::assessment
