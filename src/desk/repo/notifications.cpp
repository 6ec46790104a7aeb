#include "desk/repo/notifications.h"

#include <boost/json.hpp>

#include "base/json.h"

namespace sqm::desk::repo {

namespace bj = boost::json;

namespace {

// The args column: a JSON object of strings ({} for rows written before args were kept).
std::string ArgsToJson(const MessageArgs& args) {
  bj::object o;
  for (const auto& [name, value] : args) o[name] = value;
  return json::Serialize(o);
}

MessageArgs ArgsFromJson(const std::string& text) {
  MessageArgs out;
  auto parsed = json::Parse(text);
  if (!parsed.ok() || !parsed->is_object()) return out;
  for (const auto& kv : parsed->get_object()) {
    if (kv.value().is_string()) out.emplace_back(std::string(kv.key()), std::string(kv.value().get_string()));
  }
  return out;
}

}  // namespace

Status InsertNotification(Connection& db, Id recipient, const std::string& kind, std::optional<Id> ticket_id,
                          const Message& m, TimeMs at) {
  return db.Exec(
      "INSERT INTO notifications (recipient_id, kind, ticket_id, message, args, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {recipient, kind, ticket_id, m.text, ArgsToJson(m.args), at});
}

std::vector<Notification> ListNotifications(Connection& db, Id recipient, bool unread_only, int limit) {
  std::vector<Notification> out;
  for (const auto& r : db.Query("SELECT id, kind, ticket_id, message, created_at, read_at, args FROM notifications"
                                " WHERE recipient_id = ? AND (CAST(? AS BIGINT) = 0 OR read_at IS NULL)"
                                " ORDER BY id DESC LIMIT ?",
                                {recipient, unread_only ? 1 : 0, limit})) {
    Message m = r.Text(3);
    m.key = "notification." + r.Text(1);
    m.args = ArgsFromJson(r.Text(6));
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), std::move(m), r.Int(4), r.OptInt(5)});
  }
  return out;
}

std::int64_t UnreadCount(Connection& db, Id recipient) {
  return db.QueryOne("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL", {recipient})
      ->Int(0);
}

Result<std::int64_t> MarkRead(Connection& db, Id recipient, std::optional<Id> id, TimeMs at) {
  SQM_ASSIGN(auto r, id ? db.Exec("UPDATE notifications SET read_at = ? WHERE id = ? AND recipient_id = ?"
                                  " AND read_at IS NULL",
                                  {at, *id, recipient})
                        : db.Exec("UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL",
                                  {at, recipient}));
  return r.changes;
}

bool NotificationExists(Connection& db, Id recipient, Id id) {
  return db.QueryOne("SELECT 1 FROM notifications WHERE id = ? AND recipient_id = ?", {id, recipient}).has_value();
}

std::vector<SavedView> ListViews(Connection& db, Id owner) {
  std::vector<SavedView> out;
  for (const auto& r : db.Query(
           "SELECT id, name, filters, created_at FROM saved_views WHERE owner_id = ? ORDER BY name, id", {owner})) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3)});
  }
  return out;
}

Result<std::optional<Id>> InsertView(Connection& db, Id owner, const std::string& name, const std::string& filters,
                                     TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO saved_views (owner_id, name, filters, created_at) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (owner_id, name) DO NOTHING RETURNING id",
                             {owner, name, filters, at}));
  if (r.changes == 0) return std::optional<Id>{};
  return std::optional<Id>(r.last_insert_id);
}

Result<bool> DeleteView(Connection& db, Id owner, Id id) {
  SQM_ASSIGN(auto r, db.Exec("DELETE FROM saved_views WHERE id = ? AND owner_id = ?", {id, owner}));
  return r.changes > 0;
}

}  // namespace sqm::desk::repo
