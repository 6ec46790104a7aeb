#include "http/idempotency_repo.h"

namespace sqm::http::repo {

std::optional<StoredKey> FindKey(Connection& db, const std::string& caller, const std::string& key, TimeMs since) {
  auto row = db.QueryOne(
      "SELECT request_hash, status, body, headers FROM idempotency_keys WHERE principal = ? AND key = ?"
      " AND created_at >= ?",
      {caller, key, since});
  if (!row) return std::nullopt;
  return StoredKey{row->Text(0), static_cast<int>(row->Int(1)), row->Text(2), row->Text(3)};
}

Status DeleteKeysBefore(Connection& db, TimeMs before) {
  return db.Exec("DELETE FROM idempotency_keys WHERE created_at < ?", {before});
}

Status DeleteKeyBefore(Connection& db, const std::string& caller, const std::string& key, TimeMs before) {
  return db.Exec("DELETE FROM idempotency_keys WHERE principal = ? AND key = ? AND created_at < ?",
                 {caller, key, before});
}

Result<bool> InsertKey(Connection& db, const std::string& caller, const std::string& key, const StoredKey& row,
                       TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO idempotency_keys (principal, key, request_hash, status, body, headers,"
                             " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (principal, key) DO NOTHING",
                             {caller, key, row.request_hash, row.status, row.body, row.headers, at}));
  return r.changes > 0;
}

Status FinishKey(Connection& db, const std::string& caller, const std::string& key, int status, const std::string& body,
                 const std::string& headers) {
  return db.Exec("UPDATE idempotency_keys SET status = ?, body = ?, headers = ? WHERE principal = ? AND key = ?",
                 {status, body, headers, caller, key});
}

Status DeleteKey(Connection& db, const std::string& caller, const std::string& key) {
  return db.Exec("DELETE FROM idempotency_keys WHERE principal = ? AND key = ?", {caller, key});
}

}  // namespace sqm::http::repo
