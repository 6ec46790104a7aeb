// SQL of each person's notifications and saved ticket views.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/model.h"
#include "storage/db.h"

namespace sqm::desk::repo {

using storage::Connection;

struct Notification {
  Id id = 0;
  std::string kind;  // its message key is "notification.<kind>"
  std::optional<Id> ticket_id;
  Message message;  // the English text, the key and the args (empty for rows older than args)
  TimeMs created_at = 0;
  std::optional<TimeMs> read_at;
};
Status InsertNotification(Connection& db, Id recipient, const std::string& kind, std::optional<Id> ticket_id,
                          const Message& message, TimeMs at);
// Newest first.
std::vector<Notification> ListNotifications(Connection& db, Id recipient, bool unread_only, int limit);
std::int64_t UnreadCount(Connection& db, Id recipient);
// Marks one (or, without an id, every) unread notification of `recipient` read; returns how many.
Result<std::int64_t> MarkRead(Connection& db, Id recipient, std::optional<Id> id, TimeMs at);
bool NotificationExists(Connection& db, Id recipient, Id id);

struct SavedView {
  Id id = 0;
  std::string name;
  std::string filters;  // a JSON object of ticket-list filters, as the owner saved it
  TimeMs created_at = 0;
};
// By name.
std::vector<SavedView> ListViews(Connection& db, Id owner);
// The new id; nullopt when the owner already has a view of this name.
Result<std::optional<Id>> InsertView(Connection& db, Id owner, const std::string& name, const std::string& filters,
                                     TimeMs at);
// Whether there was one.
Result<bool> DeleteView(Connection& db, Id owner, Id id);

}  // namespace sqm::desk::repo
