#include "storage/event_log.h"

#include <boost/json.hpp>

#include "base/crypto.h"
#include "storage/event_codec.h"

namespace sqm::storage {

namespace {

const std::string kGenesis(64, '0');

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string FromHex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw DbError("an event hash is not hex");
  };
  if (hex.size() % 2) throw DbError("an event hash is not hex");
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>(nibble(hex[2 * i]) * 16 + nibble(hex[2 * i + 1]));
  return out;
}

// The stored row with its names: seq, at, actor, entity, entity_id, type, data, hash.
constexpr std::string_view kSelect =
    "SELECT e.seq, e.at, a.name, n.name, e.entity_id, t.name, e.data, e.hash FROM events e"
    " JOIN event_names a ON a.id = e.actor JOIN event_names n ON n.id = e.entity"
    " JOIN event_names t ON t.id = e.type";

Event FromRow(const Row& r) {
  return Event{r.Int(0), r.Int(1),        r.Text(2), r.Text(3), r.Text(4), r.Text(5), DecodeEventData(r.Text(6)),
               {},       ToHex(r.Text(7))};
}

// " AND ..." conditions of `f` (without the cursor and window) and their parameters.
void AddConditions(const EventFilter& f, std::string& sql, std::vector<Value>& params) {
  constexpr std::string_view kNameId = "(SELECT id FROM event_names WHERE name = ?)";
  if (f.entity) {
    sql += " AND e.entity = ";
    sql += kNameId;
    params.emplace_back(*f.entity);
  }
  if (f.entity_id) {
    sql += " AND e.entity_id = ?";
    params.emplace_back(*f.entity_id);
  }
  if (f.type) {
    if (!f.type->empty() && f.type->back() == '.') {
      sql += " AND e.type IN (SELECT id FROM event_names WHERE substr(name, 1, CAST(? AS INTEGER)) = ?)";
      params.emplace_back(static_cast<std::int64_t>(f.type->size()));
    } else {
      sql += " AND e.type = ";
      sql += kNameId;
    }
    params.emplace_back(*f.type);
  }
  if (f.actor) {
    sql += " AND e.actor = ";
    sql += kNameId;
    params.emplace_back(*f.actor);
  }
  if (f.from) {
    sql += " AND e.at >= ?";
    params.emplace_back(*f.from);
  }
  if (f.to) {
    sql += " AND e.at < ?";
    params.emplace_back(*f.to);
  }
}

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
  head_seq_ = row ? row->Int(0) : 0;
  head_hash_ = row ? ToHex(row->Text(1)) : kGenesis;
  ids_.clear();
  added_.clear();
  loaded_ = true;
}

std::int64_t EventChain::NameId(Connection& db, const std::string& name) {
  if (auto it = ids_.find(name); it != ids_.end()) return it->second;
  std::int64_t id;
  if (auto row = db.QueryOne("SELECT id FROM event_names WHERE name = ?", {name})) {
    id = row->Int(0);
  } else {
    auto r = db.Exec("INSERT INTO event_names (name) VALUES (?) RETURNING id", {name});
    if (!r.ok()) throw DbError("event name insert failed: " + r.error().message);
    id = r->last_insert_id;
    added_.push_back(name);
  }
  ids_.emplace(name, id);
  return id;
}

Event EventChain::Append(Connection& db, Event e) {
  e.seq = head_seq_ + 1;
  e.prev_hash = head_hash_;
  e.hash = EventHash(e);
  const std::int64_t actor = NameId(db, e.actor), entity = NameId(db, e.entity), type = NameId(db, e.type);
  auto r = db.Exec(
      "INSERT INTO events (seq, at, actor, entity, type, entity_id, data, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {e.seq, e.at, actor, entity, type, e.entity_id, Blob{EncodeEventData(e.data)}, Blob{FromHex(e.hash)}});
  if (!r.ok()) throw DbError("event append failed: " + r.error().message);
  head_seq_ = e.seq;
  head_hash_ = e.hash;
  return e;
}

void EventChain::Reset(const Mark& m) {
  head_seq_ = m.seq;
  head_hash_ = m.hash;
  while (added_.size() > m.names) {
    ids_.erase(added_.back());
    added_.pop_back();
  }
}

std::optional<ChainBreak> VerifyChain(Connection& db) {
  std::string prev = kGenesis;
  std::int64_t expected = 1;
  const std::int64_t kPage = 5000;
  const std::string sql = std::string(kSelect) + " WHERE e.seq >= ? ORDER BY e.seq LIMIT ?";
  for (;;) {
    auto rows = db.Query(sql, {expected, kPage});
    for (const auto& r : rows) {
      if (r.Int(0) != expected) return ChainBreak{expected, "event is missing"};
      Event e;
      try {
        e = FromRow(r);
      } catch (const DbError& err) {
        return ChainBreak{expected, err.what()};
      }
      e.prev_hash = prev;
      if (EventHash(e) != e.hash) return ChainBreak{e.seq, "hash does not match the event's content"};
      prev = e.hash;
      ++expected;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  // An event whose names are gone does not show in the join above: a missing seq.
  if (HeadSeq(db) >= expected) return ChainBreak{expected, "event is missing"};
  return std::nullopt;
}

EventPage ListEvents(Connection& db, const EventFilter& f) {
  std::string sql(kSelect);
  sql += " WHERE 1=1";
  std::vector<Value> params;
  AddConditions(f, sql, params);
  if (f.before_seq) {
    sql += " AND e.seq < ?";
    params.emplace_back(*f.before_seq);
  }
  std::optional<std::int64_t> window_low;
  if (!(f.entity && f.entity_id)) {
    const std::int64_t upper = f.before_seq ? *f.before_seq : HeadSeq(db) + 1;
    if (upper - f.scan_window > 1) {
      window_low = upper - f.scan_window;
      sql += " AND e.seq >= ?";
      params.emplace_back(*window_low);
    }
  }
  sql += " ORDER BY e.seq DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
  EventPage page;
  for (const auto& r : db.Query(sql, params)) page.events.push_back(FromRow(r));
  if (static_cast<int>(page.events.size()) > f.limit) {
    page.events.pop_back();
    page.next_before_seq = page.events.back().seq;
  } else {
    page.next_before_seq = window_low;
  }
  return page;
}

std::vector<Event> TailEvents(Connection& db, std::int64_t after_seq, const EventFilter& f, int limit) {
  std::string sql(kSelect);
  sql += " WHERE e.seq > ?";
  std::vector<Value> params{after_seq};
  AddConditions(f, sql, params);
  sql += " ORDER BY e.seq LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit));
  std::vector<Event> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

std::int64_t HeadSeq(Connection& db) {
  auto row = db.QueryOne("SELECT max(seq) FROM events");
  return row && !row->IsNull(0) ? row->Int(0) : 0;
}

std::int64_t CountEvents(Connection& db, const EventFilter& f) {
  std::string sql = "SELECT count(*) FROM events e WHERE 1=1";
  std::vector<Value> params;
  AddConditions(f, sql, params);
  return db.QueryOne(sql, params)->Int(0);
}

void ConvertEventsToLean(Connection& db) {
  std::unordered_map<std::string, std::int64_t> ids;
  auto id_of = [&](const std::string& name) {
    if (auto it = ids.find(name); it != ids.end()) return it->second;
    auto r = db.Exec("INSERT INTO event_names (name) VALUES (?) RETURNING id", {name});
    if (!r.ok()) throw DbError("event name insert failed: " + r.error().message);
    ids.emplace(name, r->last_insert_id);
    return r->last_insert_id;
  };
  std::int64_t after = 0;
  for (;;) {
    auto rows = db.Query(
        "SELECT seq, at, actor, entity, entity_id, type, data, hash FROM events WHERE seq > ? ORDER BY seq LIMIT 5000",
        {after});
    for (const auto& r : rows) {
      auto ok = db.Exec(
          "INSERT INTO events_lean (seq, at, actor, entity, type, entity_id, data, hash)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {r.Int(0), r.Int(1), id_of(r.Text(2)), id_of(r.Text(3)), id_of(r.Text(5)), r.Text(4),
           Blob{EncodeEventData(r.Text(6))}, Blob{FromHex(r.Text(7))}});
      if (!ok.ok()) throw DbError("event copy failed: " + ok.error().message);
      after = r.Int(0);
    }
    if (rows.size() < 5000) break;
  }
  db.ExecScript(
      "DROP TABLE events;"
      "ALTER TABLE events_lean RENAME TO events;"
      "CREATE INDEX events_entity ON events (entity, entity_id);");
}

}  // namespace sqm::storage
