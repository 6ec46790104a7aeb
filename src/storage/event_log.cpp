#include "storage/event_log.h"

#include <boost/json.hpp>

#include "base/crypto.h"

namespace sqm::storage {

namespace {
const std::string kGenesis(64, '0');

Event FromRow(const Row& r) {
  return Event{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8)};
}

constexpr std::string_view kColumns = "seq, at, actor, entity, entity_id, type, data, prev_hash, hash";
}  // namespace

std::string EventHash(const Event& e) {
  // prev_hash and the canonical row as json::Serialize prints it (integers as std::to_string,
  // strings as boost::json::serialize), written straight into one buffer: every event written is
  // hashed, and building a JSON array first copies every field.
  std::string text;
  text.reserve(e.prev_hash.size() + e.data.size() + 160);
  text += e.prev_hash;
  text += '[';
  text += std::to_string(e.seq);
  text += ',';
  text += std::to_string(e.at);
  for (const std::string* field : {&e.actor, &e.entity, &e.entity_id, &e.type, &e.data}) {
    text += ',';
    text += boost::json::serialize(boost::json::string_view(*field));
  }
  text += ']';
  return crypto::Sha256Hex(text);
}

void EventChain::Load(Connection& db) {
  auto row = db.QueryOne("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  head_ = row ? Head{row->Int(0), row->Text(1)} : Head{0, kGenesis};
  loaded_ = true;
}

Event EventChain::Append(Connection& db, Event e) {
  e.seq = head_.seq + 1;
  e.prev_hash = head_.hash;
  e.hash = EventHash(e);
  auto r = db.Exec(
      "INSERT INTO events (seq, at, actor, entity, entity_id, type, data, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.seq, e.at, e.actor, e.entity, e.entity_id, e.type, e.data, e.prev_hash, e.hash});
  if (!r.ok()) throw DbError("event append failed: " + r.error().message);
  head_ = {e.seq, e.hash};
  return e;
}

std::optional<ChainBreak> VerifyChain(Connection& db) {
  std::string prev = kGenesis;
  std::int64_t expected = 1;
  const std::int64_t kPage = 5000;
  for (;;) {
    auto rows = db.Query("SELECT " + std::string(kColumns) + " FROM events WHERE seq >= ? ORDER BY seq LIMIT ?",
                         {expected, kPage});
    for (const auto& r : rows) {
      Event e = FromRow(r);
      if (e.seq != expected) return ChainBreak{expected, "event is missing"};
      if (e.prev_hash != prev) return ChainBreak{e.seq, "prev_hash does not match the previous event"};
      if (EventHash(e) != e.hash) return ChainBreak{e.seq, "hash does not match the event's content"};
      prev = e.hash;
      ++expected;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  return std::nullopt;
}

std::vector<Event> ListEvents(Connection& db, const EventFilter& f) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM events WHERE 1=1";
  std::vector<Value> params;
  if (f.entity) {
    sql += " AND entity = ?";
    params.emplace_back(*f.entity);
  }
  if (f.entity_id) {
    sql += " AND entity_id = ?";
    params.emplace_back(*f.entity_id);
  }
  if (f.type) {
    if (!f.type->empty() && f.type->back() == '.') {
      sql += " AND substr(type, 1, ?) = ?";
      params.emplace_back(static_cast<std::int64_t>(f.type->size()));
    } else {
      sql += " AND type = ?";
    }
    params.emplace_back(*f.type);
  }
  if (f.actor) {
    sql += " AND actor = ?";
    params.emplace_back(*f.actor);
  }
  if (f.from) {
    sql += " AND at >= ?";
    params.emplace_back(*f.from);
  }
  if (f.to) {
    sql += " AND at < ?";
    params.emplace_back(*f.to);
  }
  if (f.before_seq) {
    sql += " AND seq < ?";
    params.emplace_back(*f.before_seq);
  }
  sql += " ORDER BY seq DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(f.limit));
  std::vector<Event> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

}  // namespace sqm::storage
