#include "http/idempotency.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "base/crypto.h"
#include "base/json.h"
#include "http/idempotency_repo.h"

namespace sqm::http {

namespace bj = boost::json;

namespace {

constexpr int kPending = 0;
constexpr TimeMs kKeep = 24LL * 3600 * 1000;
// The headers a replay repeats: where the result of the request is.
constexpr std::string_view kKeptHeaders[] = {"Location"};

Error KeyConflict(Message m) {
  return Error::Conflict(std::move(m), "Idempotency-Key");
}

Error StillPending() {
  return KeyConflict(
      Msg("idempotency.pending", "a request with this Idempotency-Key is in progress, or its outcome is unknown"));
}

Status CheckKey(std::string_view key) {
  if (!ValidIdempotencyKey(key)) {
    return Error::Invalid("Idempotency-Key", Msg("idempotency.bad_key", "must be 1 to 200 visible ASCII characters"));
  }
  return {};
}

std::string RequestHash(const Request& req) {
  const std::string head = req.method + " " + req.target + "\n";
  if (req.body_file) return crypto::Sha256Hex(head, req.body_file->fd());
  return crypto::Sha256Hex(head + req.body);
}

std::string HeadersToJson(const Response& answer) {
  bj::array kept;
  for (const auto& [name, value] : answer.headers) {
    if (std::find(std::begin(kKeptHeaders), std::end(kKeptHeaders), name) != std::end(kKeptHeaders)) {
      kept.push_back(bj::array{bj::string(name), bj::string(value)});
    }
  }
  return kept.empty() ? "" : json::Serialize(kept);
}

void HeadersFromJson(const std::string& text, Response& replay) {
  auto parsed = json::Parse(text);
  if (text.empty() || !parsed.ok() || !parsed->is_array()) return;
  for (const auto& pair : parsed->get_array()) {
    const auto* a = pair.if_array();
    if (a && a->size() == 2 && (*a)[0].is_string() && (*a)[1].is_string()) {
      replay.SetHeader(std::string((*a)[0].get_string()), std::string((*a)[1].get_string()));
    }
  }
}

// What the (caller, key) row says about `hash`: its answer to replay, a conflict, or nothing
// stored (nor anything older than kKeep, which no longer counts).
Result<std::optional<Response>> Stored(storage::Connection& db, const std::string& caller, const std::string& key,
                                       const std::string& hash, TimeMs now) {
  auto stored = repo::FindKey(db, caller, key, now - kKeep);
  if (!stored) return std::optional<Response>{};
  if (stored->request_hash != hash) {
    return KeyConflict(
        Msg("idempotency.other_request", "this Idempotency-Key was already used with a different request"));
  }
  if (stored->status == kPending) return StillPending();
  Response replay;
  replay.status = stored->status;
  replay.body = std::move(stored->body);
  if (replay.body.empty()) replay.content_type.clear();
  HeadersFromJson(stored->headers, replay);
  replay.SetHeader("Idempotent-Replayed", "true");
  return std::optional<Response>(std::move(replay));
}

}  // namespace

bool ValidIdempotencyKey(std::string_view key) {
  return !key.empty() && key.size() <= 200 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string IdempotencyKeys::CallerOf(const org::Principal& who) {
  return "staff:" + std::to_string(who.staff_id);
}

Result<std::optional<Response>> IdempotencyKeys::Reserve(const std::string& caller, const std::string& key,
                                                         const Request& req) {
  SQM_TRY(CheckKey(key));
  const std::string hash = RequestHash(req);
  const TimeMs now = clock_.Now();
  return db_.Write(caller, [&](storage::WriteTx& tx) -> Result<std::optional<Response>> {
    auto& db = tx.db();
    SQM_TRY(repo::DeleteKeysBefore(db, now - kKeep));
    SQM_ASSIGN(auto stored, Stored(db, caller, key, hash, now));
    if (stored) return stored;
    SQM_ASSIGN(const bool reserved, repo::InsertKey(db, caller, key, {hash, kPending, "", ""}, now));
    if (!reserved) return StillPending();
    return std::optional<Response>{};
  });
}

void IdempotencyKeys::Finish(const std::string& caller, const std::string& key, const Response& answer) {
  const bool keep = answer.status >= 200 && answer.status < 500 && answer.status != 429;
  auto st = db_.Write(caller, [&](storage::WriteTx& tx) -> Status {
    if (keep) return repo::FinishKey(tx.db(), caller, key, answer.status, answer.body, HeadersToJson(answer));
    return repo::DeleteKey(tx.db(), caller, key);
  });
  if (!st.ok()) spdlog::warn("Idempotency-Key {} of {} not finished: {}", key, caller, st.error().message);
}

Result<std::optional<Response>> IdempotencyKeys::Lookup(const std::string& caller, const std::string& key,
                                                        const Request& req) {
  SQM_TRY(CheckKey(key));
  const std::string hash = RequestHash(req);
  const TimeMs now = clock_.Now();
  return db_.Read([&](storage::Connection& db) { return Stored(db, caller, key, hash, now); });
}

Status IdempotencyKeys::Store(storage::WriteTx& tx, const std::string& caller, const std::string& key,
                              const Request& req, const Response& answer) {
  auto& db = tx.db();
  SQM_TRY(repo::DeleteKeyBefore(db, caller, key, tx.now() - kKeep));
  SQM_ASSIGN(const bool stored,
             repo::InsertKey(db, caller, key, {RequestHash(req), answer.status, answer.body, HeadersToJson(answer)},
                             tx.now()));
  if (!stored) return KeyConflict("a request with this Idempotency-Key was answered meanwhile");
  return {};
}

}  // namespace sqm::http
