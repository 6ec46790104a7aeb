#include "assessment/exclusion.h"

#include <stdexcept>

#include "assessment/exclusion_repo.h"
#include "base/json.h"
#include "org/rules.h"

namespace sqm::assessment {

namespace {

constexpr std::pair<ExclusionStatus, const char*> kStatuses[] = {
    {ExclusionStatus::kRequested, "requested"},
    {ExclusionStatus::kApproved, "approved"},
    {ExclusionStatus::kRejected, "rejected"},
};

Status CanManage(const org::Principal& who) {
  if (!who.Can(org::kAssessmentManage)) {
    return Error::Forbidden(Msg("assessment.manage_forbidden", "you may not change assessment settings"));
  }
  return {};
}

bool IsCode(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return s[0] >= 'a' && s[0] <= 'z';
}

std::string TicketNumber(const FactRegistry& facts, std::int64_t ticket_id) {
  const auto* tickets = facts.Find("tickets");
  return tickets && tickets->ticket_number ? tickets->ticket_number(ticket_id) : std::to_string(ticket_id);
}

}  // namespace

const char* ExclusionStatusName(ExclusionStatus s) {
  for (const auto& [status, name] : kStatuses) {
    if (status == s) return name;
  }
  return "requested";
}

std::optional<ExclusionStatus> ParseExclusionStatus(std::string_view name) {
  for (const auto& [status, n] : kStatuses) {
    if (name == n) return status;
  }
  return std::nullopt;
}

ExclusionService::ExclusionService(storage::Database& db, const FactRegistry& facts) : db_(db), facts_(facts) {}

std::string ExclusionService::NumberOf(std::int64_t ticket_id) const {
  return TicketNumber(facts_, ticket_id);
}

Result<std::vector<ExclusionReason>> ExclusionService::Reasons(const org::Principal& who) {
  if (!who.Can(org::kStaff)) return Error::Forbidden(Msg("assessment.forbidden", "you may not see assessment data"));
  return db_.Read([](storage::Connection& db) { return repo::ExclusionReasons(db); });
}

Result<ExclusionReason> ExclusionService::AddReason(const org::Principal& who, const ExclusionReason& reason) {
  SQM_TRY(CanManage(who));
  Problems problems;
  if (!IsCode(reason.code)) {
    problems.Add("code", Msg("exclusion.bad_code", "lower-case letters, digits and _, starting with a letter"));
  }
  if (reason.name.zh.empty()) problems.Add("name.zh", Msg("field.required", "is required"));
  if (reason.name.en.empty()) problems.Add("name.en", Msg("field.required", "is required"));
  if (auto e = problems.Take()) return *e;
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<ExclusionReason> {
    if (repo::FindExclusionReason(tx.db(), reason.code)) {
      return Error::Conflict(Msg("exclusion.reason_taken", "a reason {code} exists", {{"code", reason.code}}), "code");
    }
    ExclusionReason r = reason;
    r.active = true;
    SQM_TRY(repo::InsertExclusionReason(tx.db(), r, tx.now()));
    tx.Append("assessment_exclusion_reason", r.code, "assessment.exclusion_reason_added",
              {{"name_zh", r.name.zh}, {"name_en", r.name.en}});
    return r;
  });
}

Result<ExclusionReason> ExclusionService::SetReasonActive(const org::Principal& who, const std::string& code,
                                                          bool active) {
  SQM_TRY(CanManage(who));
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<ExclusionReason> {
    auto r = repo::FindExclusionReason(tx.db(), code);
    if (!r) return Error::NotFound(Msg("exclusion.no_reason", "no exclusion reason {code}", {{"code", code}}));
    if (r->active == active) return *r;
    SQM_TRY(repo::SetExclusionReasonActive(tx.db(), code, active));
    tx.Append("assessment_exclusion_reason", code, "assessment.exclusion_reason_changed", {{"active", active}});
    r->active = active;
    return *r;
  });
}

Result<std::vector<Exclusion>> ExclusionService::List(const org::Principal& who,
                                                      std::optional<ExclusionStatus> status) {
  if (!who.Can(org::kAssessmentRead)) {
    return Error::Forbidden(Msg("assessment.forbidden", "you may not see assessment data"));
  }
  std::optional<std::vector<std::int64_t>> departments;
  if (!who.scope.all) departments.emplace(who.scope.departments.begin(), who.scope.departments.end());
  const auto& tickets = facts_.Find("tickets")->Sql(db_.dialect());
  auto list = db_.Read(
      [&](storage::Connection& db) { return repo::ListExclusions(db, status, departments, who.staff_id, tickets); });
  for (auto& e : list) e.ticket_number = NumberOf(e.ticket_id);
  return list;
}

std::vector<Exclusion> ExclusionService::ApprovedIn(TimeMs from, TimeMs to) {
  return db_.Read([&](storage::Connection& db) { return ApprovedExclusionsIn(db, facts_, from, to); });
}

std::vector<Exclusion> ApprovedExclusionsIn(storage::Connection& db, const FactRegistry& facts, TimeMs from,
                                            TimeMs to) {
  std::vector<std::string> sources;
  for (const auto& s : facts.All()) sources.push_back(s.Sql(db.dialect()));
  auto list = repo::ApprovedExclusionsIn(db, sources, from, to);
  for (auto& e : list) e.ticket_number = TicketNumber(facts, e.ticket_id);
  return list;
}

Result<Exclusion> ExclusionService::Request(const org::Principal& who, const ExclusionRequest& request) {
  if (!who.Can(org::kTicketWrite)) {
    return Error::Forbidden(Msg("exclusion.request_forbidden", "you may not request exclusions"));
  }
  const auto* tickets = facts_.Find("tickets");
  if (!tickets) throw std::logic_error("exclusions need the tickets fact source");
  auto result = db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Exclusion> {
    auto& db = tx.db();
    Problems problems;
    const auto charge = repo::ChargeOfTicket(db, tickets->Sql(db.dialect()), request.ticket_id);
    if (!charge) {
      problems.Add(Error::Invalid("ticket_id", Msg("ticket.not_found", "ticket {id} does not exist",
                                                   {{"id", std::to_string(request.ticket_id)}})));
    } else if (!who.scope.Contains(charge->department_id) && charge->staff_id != who.staff_id) {
      return Error::Forbidden(Msg("ticket.outside_scope", "this ticket is outside your departments"));
    } else if (repo::LiveExclusionOf(db, request.ticket_id)) {
      problems.Add(Error::Conflict(
          Msg("exclusion.exists", "this ticket already has an exclusion requested or approved"), "ticket_id"));
    }
    auto reason = repo::FindExclusionReason(db, request.reason_code);
    if (request.reason_code.empty()) {
      problems.Add("reason_code", Msg("field.required", "is required"));
    } else if (!reason || !reason->active) {
      problems.Add("reason_code",
                   Msg("exclusion.no_reason", "no exclusion reason {code}", {{"code", request.reason_code}}));
    }
    if (request.evidence.empty()) {
      problems.Add("evidence", Msg("exclusion.evidence_required", "evidence is required"));
    }
    if (auto e = problems.Take()) return *e;
    SQM_ASSIGN(const auto id, repo::InsertExclusion(db, request, who.staff_id, tx.now()));
    tx.Append("assessment_exclusion", std::to_string(id), "assessment.exclusion_requested",
              {{"ticket_id", request.ticket_id}, {"reason_code", request.reason_code}, {"evidence", request.evidence}});
    return *repo::FindExclusion(db, id);
  });
  if (result.ok()) result->ticket_number = NumberOf(result->ticket_id);
  return result;
}

Result<Exclusion> ExclusionService::Decide(const org::Principal& who, std::int64_t id, ExclusionStatus to,
                                           const std::string& note) {
  SQM_TRY(CanManage(who));
  if (to == ExclusionStatus::kRejected && note.empty()) {
    return Error::Invalid("note", Msg("exclusion.reject_note", "say why the exclusion is rejected"));
  }
  auto result = db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Exclusion> {
    auto e = repo::FindExclusion(tx.db(), id);
    if (!e) return Error::NotFound(Msg("exclusion.not_found", "no exclusion {id}", {{"id", std::to_string(id)}}));
    if (e->status != ExclusionStatus::kRequested) {
      return Error::Conflict(
          Msg("exclusion.decided", "this exclusion is already {status}", {{"status", ExclusionStatusName(e->status)}}),
          "status");
    }
    SQM_TRY(repo::DecideExclusion(tx.db(), id, to, who.staff_id, note, tx.now()));
    tx.Append("assessment_exclusion", std::to_string(id),
              to == ExclusionStatus::kApproved ? "assessment.exclusion_approved" : "assessment.exclusion_rejected",
              {{"ticket_id", e->ticket_id}, {"note", note}});
    return *repo::FindExclusion(tx.db(), id);
  });
  if (result.ok()) result->ticket_number = NumberOf(result->ticket_id);
  return result;
}

Result<Exclusion> ExclusionService::Approve(const org::Principal& who, std::int64_t id, const std::string& note) {
  return Decide(who, id, ExclusionStatus::kApproved, note);
}

Result<Exclusion> ExclusionService::Reject(const org::Principal& who, std::int64_t id, const std::string& note) {
  return Decide(who, id, ExclusionStatus::kRejected, note);
}

}  // namespace sqm::assessment
