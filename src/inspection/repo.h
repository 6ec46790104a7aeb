// SQL of the inspection tables (migration 0016_inspection). Runs unchanged on SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inspection/calibration.h"
#include "inspection/model.h"
#include "inspection/sampling.h"
#include "inspection/site.h"
#include "storage/db.h"

namespace sqm::inspection::repo {

using storage::Connection;

// ---- scorecards ----
Result<Id> InsertScorecard(Connection& db, const std::string& name, const std::string& definition, Id by, TimeMs now);
Status InsertVersion(Connection& db, Id scorecard_id, int version, const std::string& definition, Id by, TimeMs now);
Status UpdateScorecard(Connection& db, Id id, const std::string& name, int version, bool active, TimeMs now);
// The scorecard with the definition of `version` (default: its newest).
std::optional<SavedScorecard> FindScorecard(Connection& db, Id id, std::optional<int> version = std::nullopt);
// Every scorecard with its newest definition, by name.
std::vector<SavedScorecard> ListScorecards(Connection& db);
bool ScorecardNameTaken(Connection& db, const std::string& name, std::optional<Id> except);

}  // namespace sqm::inspection::repo

namespace sqm::inspection::repo {

// ---- inspections ----
Result<Id> InsertInspection(Connection& db, const Inspection& i);
std::optional<Inspection> FindInspection(Connection& db, Id id);
struct InspectionQuery {
  std::optional<State> state;
  std::optional<Id> inspector_id;
  std::optional<Id> agent_id;
  std::optional<Id> ticket_id;
  std::optional<Id> department_id;  // the department inspected (exactly, not its subtree)
  int limit = 50;
  std::optional<Id> before_id;  // paging: ids below this, newest first
};
std::vector<Inspection> ListInspections(Connection& db, const InspectionQuery& q);
Status SaveAnswers(Connection& db, Id id, State state, const std::string& answers, const std::string& notes);
// The parts of `site` that are given; the others stay as they were.
Status SaveSiteRecord(Connection& db, Id id, const SiteRecord& site);
Status SaveSubmission(Connection& db, Id id, const std::string& answers, const std::string& notes,
                      std::optional<double> percent, bool passed, bool critical_failed, TimeMs at);
Status SavePublication(Connection& db, Id id, TimeMs at, TimeMs appeal_deadline);
Status SaveAcknowledgement(Connection& db, Id id, TimeMs at);
Status SaveAppeal(Connection& db, Id id, Id appellant_id, const std::string& reason, TimeMs at);
Status SaveDecision(Connection& db, Id id, Id reviewer_id, Outcome outcome, const std::string& decision, TimeMs at,
                    std::optional<Id> corrected_by_id);
// The scored inspections that stand (not corrected by another) published in [from, to), oldest
// first, at most `limit`.
std::vector<Inspection> PublishedBetween(Connection& db, TimeMs from, TimeMs to, int limit);
// The published inspections of staff member `agent_id` (corrected ones too), newest published
// first, at most `limit` (the assessment archive's inspection and appeal cards).
std::vector<Inspection> PublishedOfAgent(Connection& db, Id agent_id, int limit);

}  // namespace sqm::inspection::repo

namespace sqm::inspection::repo {

// ---- sampling plans (migration 0020) ----
Result<Id> InsertPlan(Connection& db, const SamplingPlan& plan);
std::optional<SamplingPlan> FindPlan(Connection& db, Id id);
std::vector<SamplingPlan> ListPlans(Connection& db);  // by name
bool PlanNameTaken(Connection& db, const std::string& name, std::optional<Id> except = std::nullopt);
// The editable fields: name, quota, amount, strata, complaints, breaches, active.
Status UpdatePlan(Connection& db, const SamplingPlan& plan);
// The tickets resolved in [from, to) in `departments` (where they were resolved), not merged,
// with the agent they are charged to (resolver, else assignee); `breached` as of `now`.
std::vector<Candidate> Candidates(Connection& db, TimeMs from, TimeMs to, const std::vector<Id>& departments,
                                  TimeMs now);
// The tickets the plan already sampled in the cycle starting at `cycle_start`.
std::set<Id> SampledIn(Connection& db, Id plan_id, TimeMs cycle_start);
Result<Id> InsertRun(Connection& db, const SamplingRun& run);
Status InsertSampled(Connection& db, Id plan_id, TimeMs cycle_start, Id ticket_id, Id run_id, Id inspection_id);
// Newest first, without their tickets.
std::vector<SamplingRun> ListRuns(Connection& db, Id plan_id, int limit);

}  // namespace sqm::inspection::repo

namespace sqm::inspection::repo {

// ---- photos of an inspection's items (migration 0025, repo/photos.cpp) ----
// Holds the inspection's row until the write ends, so that two uploads to it (from two servers on
// one PostgreSQL database) count each other's photos: PostgreSQL `SELECT ... FOR UPDATE`; SQLite
// runs one write transaction at a time, which already serialises them.
Status LockInspectionForPhotos(Connection& db, Id inspection_id);
Result<Id> InsertPhoto(Connection& db, const Photo& photo, const std::string& bytes);
// The inspection's photos without their bytes, oldest first.
std::vector<Photo> ListPhotos(Connection& db, Id inspection_id);
// The photo `photo_id` of inspection `inspection_id` with its bytes.
std::optional<std::pair<Photo, std::string>> FindPhoto(Connection& db, Id inspection_id, Id photo_id);
Status DeletePhoto(Connection& db, Id photo_id);

// ---- calibration sessions (migration 0023; calibration.h) ----
// The session and a score row per participant (its `scores`), in one go.
Result<Id> InsertCalibration(Connection& db, const CalibrationSession& s);
// With its scores (reviewers in the order named, then the expert) and its scorecard's name.
std::optional<CalibrationSession> FindCalibration(Connection& db, Id id);
// Newest first, at most `limit`, ids below `before_id` when given; with their scores.
std::vector<CalibrationSession> ListCalibrations(Connection& db, int limit, std::optional<Id> before_id);
// A participant's answers: a draft (no percent, no submitted_at) or a submission.
Status SaveCalibrationScore(Connection& db, Id session_id, Id staff_id, const std::string& answers,
                            const std::string& notes, std::optional<double> percent,
                            std::optional<TimeMs> submitted_at);
Status CloseCalibration(Connection& db, Id session_id, Id by, TimeMs at);

}  // namespace sqm::inspection::repo
