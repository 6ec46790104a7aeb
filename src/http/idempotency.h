// Idempotency-Key for writes (DESIGN.md: "Writes from integrations accept an Idempotency-Key").
//
// A POST, PUT, PATCH or DELETE that carries the header is run at most once per caller and key:
//   1. Reserve: in one write, the (caller, key) row is inserted as pending with a hash of the
//      method, target and body. A stored answer for the same request is replayed instead
//      (Idempotent-Replayed: true, with the Location it had); a different request under the key,
//      or one still pending, is a 409 on the field Idempotency-Key.
//   2. The handler runs.
//   3. Finish: a 2xx or 4xx answer is stored for replay; any other answer releases the key so a
//      retry runs again.
// If the server dies between 2 and 3, the key stays pending and retries get 409: the outcome is
// unknown, so the request is never applied twice. Keys are kept for 24 hours.
//
// A route whose work is one write job of its own (the bulk ticket feed) keeps the key inside that
// job instead, so the answer commits with the work and nothing is ever pending: it calls Lookup
// before the work (the same replay and conflicts), then Store in its job. The pipeline stays out
// of its way (RouteOptions::own_idempotency_key).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"
#include "http/message.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::http {

// 1 to 200 visible ASCII characters.
bool ValidIdempotencyKey(std::string_view key);

class IdempotencyKeys {
 public:
  IdempotencyKeys(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Whose keys these are: "staff:<id>".
  static std::string CallerOf(const org::Principal& who);

  // The stored answer to replay, or nullopt when the key is now reserved for this request.
  Result<std::optional<Response>> Reserve(const std::string& caller, const std::string& key, const Request& req);
  void Finish(const std::string& caller, const std::string& key, const Response& answer);

  // Inside a route's own write job: the stored answer to replay, kConflict for another request
  // under the key or one still pending, nullopt when the key is free; kInvalid for a bad key.
  Result<std::optional<Response>> Lookup(const std::string& caller, const std::string& key, const Request& req);
  // Stores `answer` in the caller's write job; kConflict on "Idempotency-Key" when a concurrent
  // request stored its answer first (Lookup again for it).
  Status Store(storage::WriteTx& tx, const std::string& caller, const std::string& key, const Request& req,
               const Response& answer);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace sqm::http
