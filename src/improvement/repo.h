// SQL of the improvement tables (migrations 0019_improvement, 0026_capa_measured_effect). Runs unchanged on SQLite and
// PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "improvement/model.h"
#include "storage/db.h"

namespace sqm::improvement::repo {

using storage::Connection;

// ---- root-cause categories ----
std::vector<RootCause> ListRootCauses(Connection& db);
std::optional<RootCause> FindRootCause(Connection& db, Id id);
bool RootCauseCodeTaken(Connection& db, const std::string& code, std::optional<Id> except);
Result<Id> InsertRootCause(Connection& db, const RootCause& c);
Status UpdateRootCause(Connection& db, const RootCause& c);

// ---- actions ----
Result<Id> InsertAction(Connection& db, const Action& a);
std::optional<Action> FindAction(Connection& db, Id id);
// Writes every field but id, created_by and created_at.
Status UpdateAction(Connection& db, const Action& a);
struct ActionQuery {
  std::optional<State> status;
  std::optional<Source> source;
  std::optional<Id> source_id;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;
  std::optional<TimeMs> overdue_at;  // pending with due_at at or before this
  int limit = 200;
};
// Newest first.
std::vector<Action> ListActions(Connection& db, const ActionQuery& q);
// Pending actions due at or before `now` whose escalation is not finished, oldest due first.
std::vector<Action> EscalationCandidates(Connection& db, TimeMs now, int limit);
// Records that the owner (or the manager) heard; false when another server recorded it first.
Result<bool> MarkOwnerNotified(Connection& db, Id id, TimeMs at);
Result<bool> MarkManagerNotified(Connection& db, Id id, TimeMs at);

// ---- audits and management reviews ----
Result<Id> InsertAudit(Connection& db, const Audit& a);
std::optional<Audit> FindAudit(Connection& db, Id id);     // with its findings
std::vector<Audit> ListAudits(Connection& db, int limit);  // newest held first, with findings
Result<Id> InsertFinding(Connection& db, Id audit_id, const std::string& text, TimeMs at);
std::optional<Finding> FindFinding(Connection& db, Id id);

}  // namespace sqm::improvement::repo
