// SQL of the indicator library, schemes and scheme versions (migration 0012_assessment). Runs on
// SQLite and PostgreSQL alike (src/README.md).
#pragma once

#include <optional>
#include <vector>

#include "assessment/period_model.h"
#include "storage/db.h"

namespace sqm::assessment::repo {

using storage::Connection;

std::vector<Indicator> ListIndicators(Connection& db);
std::optional<Indicator> FindIndicator(Connection& db, const std::string& code);
// Inserts or replaces every column (created_at kept on replace).
Status SaveIndicator(Connection& db, const Indicator& ind, std::int64_t now);

std::vector<SchemeRecord> ListSchemes(Connection& db, std::int64_t now);
std::optional<SchemeRecord> FindScheme(Connection& db, RecordId id, std::int64_t now);
std::optional<RecordId> FindSchemeIdByCode(Connection& db, const std::string& code);
Result<RecordId> InsertScheme(Connection& db, const SchemeRecord& s, RecordId by, std::int64_t now);

std::optional<SchemeVersion> FindVersion(Connection& db, RecordId scheme_id, int number);
// The approved version with the latest effective_from at or before `at`.
std::optional<SchemeVersion> VersionInForce(Connection& db, RecordId scheme_id, std::int64_t at);
Result<int> InsertVersion(Connection& db, const SchemeVersion& v);
Status SaveVersionDocument(Connection& db, RecordId scheme_id, int number, const std::string& document);
Status ApproveVersion(Connection& db, RecordId scheme_id, int number, RecordId approver, std::int64_t effective_from,
                      std::int64_t now);

}  // namespace sqm::assessment::repo
