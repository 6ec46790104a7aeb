// Each person's in-app notifications (written by the desk's use cases, see rules.h's Notice):
// listing them and marking them read.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/result.h"
#include "desk/repo/notifications.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::desk {

struct NotificationPage {
  std::vector<repo::Notification> items;  // newest first
  std::int64_t unread_count = 0;
};

class Notifications {
 public:
  explicit Notifications(storage::Database& db) : db_(db) {}

  Result<NotificationPage> List(const org::Principal& who, bool unread_only, int limit);
  // One of the caller's notifications (kNotFound for another's), or all of them without an id.
  Status MarkRead(const org::Principal& who, std::optional<Id> id);

 private:
  storage::Database& db_;
};

// Each person's saved ticket-list filters.
class SavedViews {
 public:
  explicit SavedViews(storage::Database& db) : db_(db) {}

  Result<std::vector<repo::SavedView>> List(const org::Principal& who);  // by name
  // `filters` is a JSON object of ticket-list filters; kConflict on "name" when taken.
  Result<repo::SavedView> Save(const org::Principal& who, const std::string& name, const std::string& filters);
  Status Delete(const org::Principal& who, Id id);

 private:
  storage::Database& db_;
};

}  // namespace sqm::desk
