#include "desk/notifications.h"

#include <fmt/format.h>

namespace sqm::desk {

using storage::Connection;
using storage::WriteTx;

Result<NotificationPage> Notifications::List(const org::Principal& who, bool unread_only, int limit) {
  return db_.Read([&](Connection& db) -> Result<NotificationPage> {
    return NotificationPage{repo::ListNotifications(db, who.staff_id, unread_only, limit),
                            repo::UnreadCount(db, who.staff_id)};
  });
}

Status Notifications::MarkRead(const org::Principal& who, std::optional<Id> id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_ASSIGN(auto marked, repo::MarkRead(tx.db(), who.staff_id, id, tx.now()));
    if (id && marked == 0 && !repo::NotificationExists(tx.db(), who.staff_id, *id)) {
      return Error::NotFound(fmt::format("notification {} does not exist", *id));
    }
    tx.Append("notification", id ? std::to_string(*id) : "all", "notification.read", {{"staff_id", who.staff_id}});
    return {};
  });
}

Result<std::vector<repo::SavedView>> SavedViews::List(const org::Principal& who) {
  return db_.Read([&](Connection& db) { return repo::ListViews(db, who.staff_id); });
}

Result<repo::SavedView> SavedViews::Save(const org::Principal& who, const std::string& name,
                                         const std::string& filters) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<repo::SavedView> {
    SQM_ASSIGN(auto id, repo::InsertView(tx.db(), who.staff_id, name, filters, tx.now()));
    if (!id) return Error::Conflict("you already have a view with this name", "name");
    tx.Append("saved_view", std::to_string(*id), "saved_view.created", {{"name", name}});
    return repo::SavedView{*id, name, filters, tx.now()};
  });
}

Status SavedViews::Delete(const org::Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_ASSIGN(bool deleted, repo::DeleteView(tx.db(), who.staff_id, id));
    if (!deleted) return Error::NotFound(fmt::format("saved view {} does not exist", id));
    tx.Append("saved_view", std::to_string(id), "saved_view.deleted", {});
    return {};
  });
}

}  // namespace sqm::desk
