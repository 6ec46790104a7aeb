// SQL of calibration sessions (migration 0023_calibration). Runs unchanged on SQLite and PostgreSQL.
#include "base/json.h"
#include "inspection/json.h"
#include "inspection/repo.h"

namespace sqm::inspection::repo {

using storage::Row;

namespace {

constexpr const char* kSessionSelect =
    "SELECT s.id, s.ticket_id, s.ticket_number, s.inspection_id, s.department_id, s.agent_id, s.scorecard_id,"
    " s.scorecard_version, s.deadline, s.state, s.created_by, s.created_by_name, s.created_at, s.closed_by,"
    " s.closed_at, c.name FROM calibration_sessions s JOIN scorecards c ON c.id = s.scorecard_id";

CalibrationSession SessionOf(const Row& r) {
  CalibrationSession s;
  s.id = r.Int(0);
  s.ticket_id = r.Int(1);
  s.ticket_number = r.Text(2);
  s.inspection_id = r.OptInt(3);
  s.department_id = r.Int(4);
  s.agent_id = r.OptInt(5);
  s.scorecard_id = r.Int(6);
  s.scorecard_version = static_cast<int>(r.Int(7));
  s.deadline = r.Int(8);
  s.state = ParseCalibrationState(r.Text(9)).value_or(CalibrationState::kOpen);
  s.created_by = r.Int(10);
  s.created_by_name = r.Text(11);
  s.created_at = r.Int(12);
  s.closed_by = r.OptInt(13);
  s.closed_at = r.OptInt(14);
  s.scorecard_name = r.Text(15);
  return s;
}

void LoadScores(Connection& db, CalibrationSession& s) {
  for (const auto& r : db.Query("SELECT staff_id, staff_name, role, answers, notes, percent, submitted_at"
                                " FROM calibration_scores WHERE session_id = ? ORDER BY position",
                                {s.id})) {
    CalibrationScore c{.staff_id = r.Int(0),
                       .staff_name = r.Text(1),
                       .role = ParseParticipantRole(r.Text(2)).value_or(ParticipantRole::kReviewer),
                       .answers = ParseStoredAnswers(r.Text(3)),
                       .notes = r.Text(4),
                       .submitted_at = r.OptInt(6)};
    if (!r.IsNull(5)) c.percent = r.Real(5);
    s.scores.push_back(std::move(c));
  }
}

}  // namespace

Result<Id> InsertCalibration(Connection& db, const CalibrationSession& s) {
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO calibration_sessions (ticket_id, ticket_number, inspection_id, department_id,"
                     " agent_id, scorecard_id, scorecard_version, deadline, state, created_by, created_by_name,"
                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {s.ticket_id, s.ticket_number, s.inspection_id, s.department_id, s.agent_id, s.scorecard_id,
                      s.scorecard_version, s.deadline, Name(s.state), s.created_by, s.created_by_name, s.created_at}));
  const Id id = r.last_insert_id;
  for (std::size_t k = 0; k < s.scores.size(); ++k) {
    const CalibrationScore& c = s.scores[k];
    SQM_TRY(
        db.Exec("INSERT INTO calibration_scores (session_id, staff_id, staff_name, role, position)"
                " VALUES (?, ?, ?, ?, ?)",
                {id, c.staff_id, c.staff_name, Name(c.role), static_cast<std::int64_t>(k)}));
  }
  return id;
}

std::optional<CalibrationSession> FindCalibration(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kSessionSelect) + " WHERE s.id = ?", {id});
  if (!r) return std::nullopt;
  CalibrationSession s = SessionOf(*r);
  LoadScores(db, s);
  return s;
}

std::vector<CalibrationSession> ListCalibrations(Connection& db, int limit, std::optional<Id> before_id) {
  std::vector<CalibrationSession> out;
  for (const auto& r : db.Query(std::string(kSessionSelect) +
                                    " WHERE s.id < COALESCE(CAST(? AS BIGINT), s.id + 1) ORDER BY s.id DESC LIMIT ?",
                                {before_id, limit})) {
    out.push_back(SessionOf(r));
  }
  for (auto& s : out) LoadScores(db, s);
  return out;
}

Status SaveCalibrationScore(Connection& db, Id session_id, Id staff_id, const std::string& answers,
                            const std::string& notes, std::optional<double> percent,
                            std::optional<TimeMs> submitted_at) {
  return db.Exec(
      "UPDATE calibration_scores SET answers = ?, notes = ?, percent = ?, submitted_at = ?"
      " WHERE session_id = ? AND staff_id = ?",
      {answers, notes, percent, submitted_at, session_id, staff_id});
}

Status CloseCalibration(Connection& db, Id session_id, Id by, TimeMs at) {
  return db.Exec("UPDATE calibration_sessions SET state = 'closed', closed_by = ?, closed_at = ? WHERE id = ?",
                 {by, at, session_id});
}

}  // namespace sqm::inspection::repo
