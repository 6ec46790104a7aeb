// Idempotency-Key for writes (DESIGN.md: "Writes from integrations accept an Idempotency-Key").
//
// A POST, PUT, PATCH or DELETE that carries the header is run at most once per caller and key:
//   1. Reserve: in one write, the (caller, key) row is inserted as pending with a hash of the
//      method, target and body. A stored answer for the same request is replayed instead
//      (Idempotent-Replayed: true); a different request under the key, or one still pending,
//      is a 409 on the field Idempotency-Key.
//   2. The handler runs.
//   3. Finish: a 2xx or 4xx answer is stored for replay; any other answer releases the key so a
//      retry runs again.
// If the server dies between 2 and 3, the key stays pending and retries get 409: the outcome is
// unknown, so the request is never applied twice. Keys are kept for 24 hours.
// Routes that make the key part of their own transaction (the bulk ticket feed) opt out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"
#include "http/message.h"
#include "storage/database.h"

namespace sqm::http {

// 1 to 200 visible ASCII characters.
bool ValidIdempotencyKey(std::string_view key);

class IdempotencyKeys {
 public:
  IdempotencyKeys(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The stored answer to replay, or nullopt when the key is now reserved for this request.
  Result<std::optional<Response>> Reserve(const std::string& caller, const std::string& key, const Request& req);
  void Finish(const std::string& caller, const std::string& key, const Response& answer);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace sqm::http
