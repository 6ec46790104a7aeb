// SQL of mystery shopping (migration 0027_mystery_shopping; mystery.h): scenarios, their visits
// (a row beside each visit's inspection) and the visits' receipts. Runs unchanged on SQLite and
// PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inspection/mystery.h"
#include "inspection/site.h"
#include "storage/db.h"

namespace sqm::inspection::repo {

using storage::Connection;

// ---- scenarios ----
Result<Id> InsertScenario(Connection& db, const Scenario& s);
// Every field but id, created_by and created_at.
Status UpdateScenario(Connection& db, const Scenario& s);
std::optional<Scenario> FindScenario(Connection& db, Id id);
// Newest first, at most `limit`.
std::vector<Scenario> ListScenarios(Connection& db, int limit);

// ---- visits: each beside its inspection, read with the inspection's state, target and shopper ----
Status InsertVisit(Connection& db, Id inspection_id, Id scenario_id);
std::optional<MysteryVisit> FindVisit(Connection& db, Id inspection_id);
// Oldest first.
std::vector<MysteryVisit> ListVisits(Connection& db, Id scenario_id);
// The visits of shopper `shopper_id`, newest first, at most `limit`.
std::vector<MysteryVisit> ListShopperVisits(Connection& db, Id shopper_id, int limit);
// The report and the claim it leaves (pending with an amount, else none).
Status SaveReport(Connection& db, Id inspection_id, const VisitReport& r, Claim claim);
// The inspection's inspected staff member: whom the shopper names as having served them.
Status SetInspected(Connection& db, Id inspection_id, std::optional<Id> agent_id, const std::string& agent_name);
Status DecideClaim(Connection& db, Id inspection_id, Claim claim, const std::string& reason, Id by, TimeMs at);

// ---- receipts: stored like photos (site.h Photo, its item_code empty) ----
Result<Id> InsertReceipt(Connection& db, const Photo& receipt, const std::string& bytes);
std::vector<Photo> ListReceipts(Connection& db, Id inspection_id);
std::optional<std::pair<Photo, std::string>> FindReceipt(Connection& db, Id inspection_id, Id receipt_id);
Status DeleteReceipt(Connection& db, Id receipt_id);

}  // namespace sqm::inspection::repo
