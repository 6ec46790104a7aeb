#include "http/idempotency.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "base/crypto.h"

namespace sqm::http {

namespace {

constexpr int kPending = 0;
constexpr TimeMs kKeep = 24LL * 3600 * 1000;

Error KeyConflict(Message m) {
  return Error::Conflict(std::move(m), "Idempotency-Key");
}

}  // namespace

bool ValidIdempotencyKey(std::string_view key) {
  return !key.empty() && key.size() <= 200 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

Result<std::optional<Response>> IdempotencyKeys::Reserve(const std::string& caller, const std::string& key,
                                                         const Request& req) {
  if (!ValidIdempotencyKey(key)) {
    return Error::Invalid("Idempotency-Key", Msg("idempotency.bad_key", "must be 1 to 200 visible ASCII characters"));
  }
  const std::string hash = crypto::Sha256Hex(req.method + " " + req.target + "\n" + req.body);
  const TimeMs now = clock_.Now();
  return db_.Write(caller, [&](storage::WriteTx& tx) -> Result<std::optional<Response>> {
    auto& db = tx.db();
    SQM_TRY(db.Exec("DELETE FROM idempotency_keys WHERE created_at < ?", {now - kKeep}));
    auto stored = db.QueryOne("SELECT request_hash, status, body FROM idempotency_keys WHERE principal = ? AND key = ?",
                              {caller, key});
    if (!stored) {
      SQM_TRY(
          db.Exec("INSERT INTO idempotency_keys (principal, key, request_hash, status, body, created_at)"
                  " VALUES (?, ?, ?, ?, '', ?)",
                  {caller, key, hash, kPending, now}));
      return std::optional<Response>{};
    }
    if (stored->Text(0) != hash) {
      return KeyConflict(
          Msg("idempotency.other_request", "this Idempotency-Key was already used with a different request"));
    }
    if (stored->Int(1) == kPending) {
      return KeyConflict(
          Msg("idempotency.pending", "a request with this Idempotency-Key is in progress, or its outcome is unknown"));
    }
    Response replay;
    replay.status = static_cast<int>(stored->Int(1));
    replay.body = stored->Text(2);
    if (replay.body.empty()) replay.content_type.clear();
    replay.SetHeader("Idempotent-Replayed", "true");
    return std::optional<Response>(std::move(replay));
  });
}

void IdempotencyKeys::Finish(const std::string& caller, const std::string& key, const Response& answer) {
  const bool keep = answer.status >= 200 && answer.status < 500 && answer.status != 429;
  auto st = db_.Write(caller, [&](storage::WriteTx& tx) -> Status {
    if (keep) {
      return tx.db().Exec("UPDATE idempotency_keys SET status = ?, body = ? WHERE principal = ? AND key = ?",
                          {answer.status, answer.body, caller, key});
    }
    return tx.db().Exec("DELETE FROM idempotency_keys WHERE principal = ? AND key = ?", {caller, key});
  });
  if (!st.ok()) spdlog::warn("Idempotency-Key {} of {} not finished: {}", key, caller, st.error().message);
}

}  // namespace sqm::http
