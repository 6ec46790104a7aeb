#include "inspection/calibration_service.h"

#include <algorithm>

#include "base/json.h"
#include "inspection/checks.h"
#include "inspection/json.h"
#include "inspection/repo.h"
#include "inspection/rules.h"

namespace sqm::inspection {

using storage::Connection;
using storage::WriteTx;

namespace {

Error SessionNotFound(Id id) {
  return Error::NotFound(
      Msg("calibration.not_found", "calibration session {id} does not exist", {{"id", std::to_string(id)}}));
}

boost::json::value OrNull(const std::optional<double>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

CalibrationService::CalibrationService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<CalibrationSession> CalibrationService::Load(Connection& db, const org::Principal& who, Id id) {
  auto s = repo::FindCalibration(db, id);
  if (!s) return SessionNotFound(id);
  if (!SeesCalibration(who, *s)) {
    return Error::Forbidden(Msg("calibration.not_yours", "only its participants and the quality department see it"));
  }
  return *s;
}

CalibrationView CalibrationService::ViewOf(Connection& db, const org::Principal& who, const CalibrationSession& s) {
  CalibrationView v{.session = Blind(who, s)};
  v.session.overdue = CalibrationOverdue(s, clock_.Now());
  if (s.state == CalibrationState::kClosed) {
    if (auto card = repo::FindScorecard(db, s.scorecard_id, s.scorecard_version))
      v.results = Reveal(card->card, s.scores);
  }
  return v;
}

Result<CalibrationView> CalibrationService::Create(const org::Principal& who, const CalibrationDraft& d) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<CalibrationView> {
    auto& db = tx.db();
    Problems p;
    CalibrationSession s;
    std::optional<Id> ticket_id = d.ticket_id;
    if (d.inspection_id) {
      auto i = repo::FindInspection(db, *d.inspection_id);
      if (d.ticket_id) {
        p.Add("inspection_id", Msg("calibration.ticket_or_inspection", "name the ticket or an inspection, not both"));
      } else if (!i || !Sees(who, *i)) {
        p.Add("inspection_id", Msg("inspection.not_found", "inspection {id} does not exist",
                                   {{"id", std::to_string(*d.inspection_id)}}));
      } else if (!i->ticket_id) {
        p.Add("inspection_id", Msg("calibration.no_ticket", "is a department check, not a ticket review"));
      } else {
        ticket_id = i->ticket_id;
        s.inspection_id = i->id;
      }
    }
    std::optional<ReviewedTicket> ticket;
    if (ticket_id || !d.inspection_id) ticket = CheckReviewedTicket(db, ticket_id, "ticket_id", p);
    if (ticket) {
      s.ticket_id = ticket->id;
      s.ticket_number = ticket->number;
      s.department_id = ticket->department_id;
      s.agent_id = ticket->agent_id;
    }
    if (auto card = CheckActiveScorecard(db, d.scorecard_id, "scorecard_id", p)) {
      s.scorecard_id = card->id;
      s.scorecard_name = card->name;
      s.scorecard_version = card->version;
    }
    CheckParticipants(d.reviewer_ids, d.expert_id, p);
    const std::optional<Id> department = ticket ? std::optional<Id>(ticket->department_id) : std::nullopt;
    const std::optional<Id> agent = ticket ? ticket->agent_id : std::nullopt;
    for (std::size_t k = 0; k < d.reviewer_ids.size() && k < kMaxReviewers; ++k) {
      if (auto r =
              CheckInspector(db, d.reviewer_ids[k], department, agent, "reviewer_ids[" + std::to_string(k) + "]", p)) {
        s.scores.push_back({.staff_id = r->id, .staff_name = r->display_name, .role = ParticipantRole::kReviewer});
      }
    }
    if (d.expert_id) {
      if (auto e = CheckInspector(db, *d.expert_id, department, agent, "expert_id", p)) {
        s.scores.push_back({.staff_id = e->id, .staff_name = e->display_name, .role = ParticipantRole::kExpert});
      }
    }
    if (!d.deadline) {
      p.Add("deadline", Msg("field.required", "is required"));
    } else if (*d.deadline <= tx.now()) {
      p.Add("deadline", Msg("calibration.deadline_past", "must be in the future"));
    }
    if (auto e = p.Take()) return *e;
    if (!who.scope.Contains(s.department_id)) {
      return Error::Forbidden(Msg("inspection.out_of_scope", "outside your scope"));
    }
    s.deadline = *d.deadline;
    s.state = CalibrationState::kOpen;
    s.created_by = who.staff_id;
    s.created_by_name = who.display_name;
    s.created_at = tx.now();
    SQM_ASSIGN(s.id, repo::InsertCalibration(db, s));
    std::vector<Id> reviewers;
    for (const auto& c : s.scores) {
      if (c.role == ParticipantRole::kReviewer) reviewers.push_back(c.staff_id);
    }
    tx.Append("calibration", std::to_string(s.id), "calibration.created",
              {{"ticket_id", s.ticket_id},
               {"scorecard_id", s.scorecard_id},
               {"version", s.scorecard_version},
               {"reviewer_ids", IdsJson(reviewers)},
               {"expert_id", d.expert_id ? boost::json::value(*d.expert_id) : boost::json::value(nullptr)},
               {"deadline", s.deadline}});
    return ViewOf(db, who, *repo::FindCalibration(db, s.id));
  });
}

Result<CalibrationPage> CalibrationService::List(const org::Principal& who, int limit, std::optional<Id> before) {
  if (limit < 1 || limit > 200) {
    return Error::Invalid("limit",
                          Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", "200"}}));
  }
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) -> Result<CalibrationPage> {
    // Sessions `who` does not see are skipped; at most kPages reads of kPage rows per answer, and
    // the cursor then points past what was read.
    constexpr int kPage = 200, kPages = 10;
    CalibrationPage out;
    std::optional<Id> last = before;
    bool more = false;
    for (int page = 0; page < kPages; ++page) {
      auto rows = repo::ListCalibrations(db, kPage, last);
      more = std::ssize(rows) == kPage;
      for (auto& s : rows) {
        if (std::ssize(out.items) == limit) break;
        last = s.id;
        if (!SeesCalibration(who, s)) continue;
        s.overdue = CalibrationOverdue(s, now);
        out.items.push_back(Blind(who, std::move(s)));
      }
      if (std::ssize(out.items) == limit) {
        more = true;
        break;
      }
      if (!more) break;
    }
    if (more && last) out.next_cursor = std::to_string(*last);
    return out;
  });
}

Result<CalibrationView> CalibrationService::Get(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<CalibrationView> {
    SQM_ASSIGN(const CalibrationSession s, Load(db, who, id));
    return ViewOf(db, who, s);
  });
}

Result<CalibrationScore> CalibrationService::GetScore(const org::Principal& who, Id id, Id staff_id) {
  return db_.Read([&](Connection& db) -> Result<CalibrationScore> {
    SQM_ASSIGN(const CalibrationSession s, Load(db, who, id));
    for (const CalibrationScore& c : Blind(who, s).scores) {
      if (c.staff_id != staff_id) continue;
      if (c.hidden) {
        return Error::Forbidden(
            Msg("calibration.blind", "the other participants' scores stay hidden until the session is closed"));
      }
      return c;
    }
    return Error::NotFound(Msg("calibration.no_participant", "staff member {id} does not take part in the session",
                               {{"id", std::to_string(staff_id)}}));
  });
}

Result<CalibrationScore> CalibrationService::Save(const org::Principal& who, Id id,
                                                  const std::map<std::string, Answer>& answers,
                                                  const std::string& notes) {
  return Score(who, id, answers, notes, false);
}

Result<CalibrationScore> CalibrationService::Submit(const org::Principal& who, Id id,
                                                    const std::map<std::string, Answer>& answers,
                                                    const std::string& notes) {
  return Score(who, id, answers, notes, true);
}

Result<CalibrationScore> CalibrationService::Score(const org::Principal& who, Id id,
                                                   const std::map<std::string, Answer>& answers,
                                                   const std::string& notes, bool submit) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<CalibrationScore> {
    auto& db = tx.db();
    auto s = repo::FindCalibration(db, id);
    if (!s) return SessionNotFound(id);
    const auto mine = std::find_if(s->scores.begin(), s->scores.end(),
                                   [&](const CalibrationScore& c) { return c.staff_id == who.staff_id; });
    if (mine == s->scores.end()) {
      Error e =
          Error::Forbidden(Msg("calibration.not_participant", "only the session's reviewers and expert score it"));
      e.field = "reviewer_ids";
      return e;
    }
    if (s->state != CalibrationState::kOpen) {
      return Error::Conflict(Msg("calibration.closed", "the calibration session is closed"), "state");
    }
    if (CalibrationOverdue(*s, tx.now())) {
      return Error::Conflict(Msg("calibration.past_deadline", "the session's deadline has passed"), "deadline");
    }
    if (!submit && mine->submitted_at) {
      return Error::Conflict(Msg("calibration.submitted", "already submitted: submit again to change the answers"),
                             "submitted_at");
    }
    auto card = repo::FindScorecard(db, s->scorecard_id, s->scorecard_version);
    if (!card) return Error::Internal(Msg("inspection.card_missing", "the inspection's scorecard version is missing"));
    Problems p;
    CheckAnswers(card->card, answers, p);
    CheckText("notes", notes, kMaxNotesChars, p);
    if (auto e = p.Take()) return *e;
    std::optional<double> percent;
    std::optional<TimeMs> at;
    if (submit) {
      SQM_ASSIGN(const CardResult score, ScoreCard(card->card, answers));
      percent = score.percent;
      at = tx.now();
    }
    SQM_TRY(
        repo::SaveCalibrationScore(db, id, who.staff_id, json::Serialize(AnswersJson(answers)), notes, percent, at));
    if (submit) {
      tx.Append("calibration", std::to_string(id), "calibration.submitted",
                {{"staff_id", who.staff_id}, {"role", std::string(Name(mine->role))}, {"percent", OrNull(percent)}});
    } else {
      tx.Append("calibration", std::to_string(id), "calibration.saved",
                {{"staff_id", who.staff_id}, {"answers", answers.size()}});
    }
    CalibrationScore out = *mine;
    out.answers = answers;
    out.notes = notes;
    out.percent = percent;
    out.submitted_at = at;
    return out;
  });
}

Result<CalibrationView> CalibrationService::Close(const org::Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<CalibrationView> {
    auto& db = tx.db();
    SQM_ASSIGN(const CalibrationSession s, Load(db, who, id));
    if (!ManagesCalibration(who, s)) {
      return Error::Forbidden(Msg("calibration.not_manager", "only its creator or the quality department closes it"));
    }
    SQM_TRY(MayClose(s));
    SQM_TRY(repo::CloseCalibration(db, id, who.staff_id, tx.now()));
    const auto closed = *repo::FindCalibration(db, id);
    CalibrationView v = ViewOf(db, who, closed);
    const auto submitted =
        std::count_if(closed.scores.begin(), closed.scores.end(), [](const auto& c) { return c.submitted_at; });
    tx.Append("calibration", std::to_string(id), "calibration.closed",
              {{"submitted", submitted}, {"against_expert", v.results && v.results->against_expert}});
    return v;
  });
}

}  // namespace sqm::inspection
