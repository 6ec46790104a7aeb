#include "inspection/checks.h"

#include "base/json.h"
#include "desk/repo/tickets.h"
#include "inspection/repo.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::inspection {

void CheckAnswers(const Scorecard& card, const std::map<std::string, Answer>& answers, Problems& p) {
  std::map<std::string, bool> known;
  for (const Section& s : card.sections) {
    for (const Item& i : s.items) known[i.code] = true;
  }
  for (const auto& [code, a] : answers) {
    if (!known.contains(code))
      p.Add("answers." + code, Msg("scorecard.unknown_item", "is not an item of the scorecard"));
  }
}

void CheckText(const std::string& field, const std::string& text, std::size_t max, Problems& p) {
  if (json::CodePoints(text) > max) {
    p.Add(field, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(max)}}));
  }
}

std::optional<SavedScorecard> CheckActiveScorecard(storage::Connection& db, Id id, const std::string& field,
                                                   Problems& p) {
  auto card = repo::FindScorecard(db, id);
  if (!card) {
    p.Add(field, Msg("scorecard.not_found", "scorecard {id} does not exist", {{"id", std::to_string(id)}}));
  } else if (!card->active) {
    p.Add(field, Msg("scorecard.inactive", "the scorecard is no longer used for new inspections"));
  } else {
    return card;
  }
  return std::nullopt;
}

std::optional<ReviewedTicket> CheckReviewedTicket(storage::Connection& db, std::optional<Id> id,
                                                  const std::string& field, Problems& p) {
  if (!id) {
    p.Add(field, Msg("field.required", "is required"));
    return std::nullopt;
  }
  auto t = desk::repo::FindTicket(db, *id);
  if (!t) {
    p.Add(field, Msg("inspection.no_ticket", "no such ticket"));
    return std::nullopt;
  }
  const auto department = t->resolved_department_id ? t->resolved_department_id : t->department_id;
  if (!department) {
    p.Add(field, Msg("inspection.ticket_no_department", "the ticket has no department yet"));
    return std::nullopt;
  }
  return ReviewedTicket{.id = t->id,
                        .number = t->number,
                        .department_id = *department,
                        .agent_id = t->resolved_by ? t->resolved_by : t->assignee_id};
}

std::optional<org::Staff> CheckInspector(storage::Connection& db, Id id, std::optional<Id> department,
                                         std::optional<Id> agent, const std::string& field, Problems& p) {
  auto inspector = org::repo::FindStaff(db, id);
  if (!inspector || !inspector->active) {
    p.Add(field, Msg("inspection.no_staff", "no such staff member"));
    return std::nullopt;
  }
  const auto permissions = org::PermissionsOf(inspector->roles);
  const org::Scope scope = org::SeesEverything(inspector->roles)
                               ? org::Scope{true, {}}
                               : org::ScopeOf(inspector->roles, inspector->department_id,
                                              inspector->scope_department_ids, org::repo::DepartmentChildren(db));
  if (!permissions.contains(std::string(org::kInspectionPerform))) {
    p.Add(field, Msg("inspection.not_an_inspector", "{name} does not perform inspections",
                     {{"name", inspector->display_name}}));
  } else if (department && !scope.Contains(department)) {
    p.Add(field, Msg("inspection.inspector_scope", "{name} is not engaged for this department",
                     {{"name", inspector->display_name}}));
  } else if (agent && *agent == inspector->id) {
    p.Add(field, Msg("inspection.self", "no one inspects their own work"));
  } else {
    return inspector;
  }
  return std::nullopt;
}

}  // namespace sqm::inspection
