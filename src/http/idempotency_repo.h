// SQL of the Idempotency-Keys (`idempotency_keys`, see idempotency.h): every statement of the
// keys is here, and runs on SQLite and PostgreSQL alike (src/README.md).
#pragma once

#include <optional>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "storage/db.h"

namespace sqm::http::repo {

using storage::Connection;

struct StoredKey {
  std::string request_hash;
  int status = 0;  // 0 while the request is pending
  std::string body;
  std::string headers;  // the kept headers as JSON, "" when none
};

// The (caller, key) row created at or after `since`.
std::optional<StoredKey> FindKey(Connection& db, const std::string& caller, const std::string& key, TimeMs since);
// Forgets every key created before `before`.
Status DeleteKeysBefore(Connection& db, TimeMs before);
// Forgets the (caller, key) row if it was created before `before`.
Status DeleteKeyBefore(Connection& db, const std::string& caller, const std::string& key, TimeMs before);
// Inserts the row unless (caller, key) has one: false then, and nothing written.
Result<bool> InsertKey(Connection& db, const std::string& caller, const std::string& key, const StoredKey& row,
                       TimeMs at);
// The answer of a pending key.
Status FinishKey(Connection& db, const std::string& caller, const std::string& key, int status, const std::string& body,
                 const std::string& headers);
Status DeleteKey(Connection& db, const std::string& caller, const std::string& key);

}  // namespace sqm::http::repo
