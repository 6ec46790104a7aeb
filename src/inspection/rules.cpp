#include "inspection/rules.h"

#include <algorithm>
#include <array>

#include "org/rules.h"

namespace sqm::inspection {

namespace {

constexpr std::array<std::string_view, 3> kKinds = {"ticket_review", "routine_check", "surprise_check"};
constexpr std::array<std::string_view, 7> kStates = {"assigned",     "in_progress", "submitted", "published",
                                                     "acknowledged", "appealed",    "final"};
constexpr std::array<std::string_view, 3> kOutcomes = {"upheld", "partly_upheld", "rejected"};

template <typename E, std::size_t N>
std::optional<E> ParseIn(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view Name(Kind k) {
  return kKinds[static_cast<std::size_t>(k)];
}
std::string_view Name(State s) {
  return kStates[static_cast<std::size_t>(s)];
}
std::string_view Name(Outcome o) {
  return kOutcomes[static_cast<std::size_t>(o)];
}
std::optional<Kind> ParseKind(std::string_view s) {
  return ParseIn<Kind>(kKinds, s);
}
std::optional<State> ParseState(std::string_view s) {
  return ParseIn<State>(kStates, s);
}
std::optional<Outcome> ParseOutcome(std::string_view s) {
  return ParseIn<Outcome>(kOutcomes, s);
}

bool Published(State s) {
  return s >= State::kPublished;
}

Result<State> Next(State from, Action a) {
  std::optional<State> to;
  switch (a) {
    case Action::kSave:
      if (from == State::kAssigned || from == State::kInProgress) to = State::kInProgress;
      break;
    case Action::kSubmit:
      if (from == State::kAssigned || from == State::kInProgress) to = State::kSubmitted;
      break;
    case Action::kPublish:
      if (from == State::kSubmitted) to = State::kPublished;
      break;
    case Action::kAcknowledge:
      if (from == State::kPublished) to = State::kAcknowledged;
      break;
    case Action::kAppeal:
      if (from == State::kPublished) to = State::kAppealed;
      break;
    case Action::kDecide:
      if (from == State::kAppealed) to = State::kFinal;
      break;
  }
  if (to) return *to;
  if (Published(from) && (a == Action::kSave || a == Action::kSubmit)) {
    return Error::Conflict(Msg("inspection.published",
                               "a published inspection is never edited; correct it through "
                               "an appeal, which makes a new linked record"),
                           "state");
  }
  return Error::Conflict(Msg("inspection.wrong_state", "not possible while the inspection is {state}",
                             {{"state", std::string(Name(from))}}),
                         "state");
}

Status MayAct(const org::Principal& who, const Inspection& i, Action a, TimeMs now) {
  const bool inspector = who.staff_id == i.inspector_id;
  const bool inspected = i.agent_id && *i.agent_id == who.staff_id;
  switch (a) {
    case Action::kSave:
    case Action::kSubmit:
      if (!inspector) return Error::Forbidden(Msg("inspection.not_inspector", "only the assigned inspector scores it"));
      return {};
    case Action::kPublish:
      if (!who.scope.Contains(i.department_id))
        return Error::Forbidden(Msg("inspection.out_of_scope", "outside your scope"));
      return {};
    case Action::kAcknowledge:
    case Action::kAppeal:
      if (!inspected)
        return Error::Forbidden(Msg("inspection.not_inspected", "only the inspected staff member may do this"));
      if (a == Action::kAppeal && i.appeal_deadline && now > *i.appeal_deadline) {
        return Error::Conflict(Msg("inspection.appeal_late", "the appeal deadline has passed"), "appeal_deadline");
      }
      return {};
    case Action::kDecide:
      if (inspector)
        return Error::Forbidden(
            Msg("inspection.own_review", "the inspector cannot review an appeal of their own inspection"));
      if (inspected) return Error::Forbidden(Msg("inspection.own_appeal", "you cannot review your own appeal"));
      if (!who.scope.Contains(i.department_id))
        return Error::Forbidden(Msg("inspection.out_of_scope", "outside your scope"));
      return {};
  }
  return {};
}

bool Sees(const org::Principal& who, const Inspection& i) {
  const bool in_scope = who.scope.Contains(i.department_id);
  if (in_scope && who.permissions.contains(std::string(org::kInspectionManage))) return true;
  if (in_scope && who.staff_id == i.inspector_id) return true;
  if (i.agent_id && *i.agent_id == who.staff_id) return Published(i.state);
  if (in_scope && who.permissions.contains(std::string(org::kDeskReport))) return Published(i.state) || !i.covert;
  return false;
}

bool Participates(const org::Principal& who, const CalibrationSession& s) {
  return std::any_of(s.scores.begin(), s.scores.end(),
                     [&](const CalibrationScore& c) { return c.staff_id == who.staff_id; });
}

bool ManagesCalibration(const org::Principal& who, const CalibrationSession& s) {
  if (!who.scope.Contains(s.department_id)) return false;
  return who.staff_id == s.created_by || who.permissions.contains(std::string(org::kInspectionManage));
}

bool SeesCalibration(const org::Principal& who, const CalibrationSession& s) {
  return Participates(who, s) || ManagesCalibration(who, s);
}

CalibrationSession Blind(const org::Principal& who, CalibrationSession s) {
  if (s.state != CalibrationState::kOpen) return s;
  for (CalibrationScore& c : s.scores) {
    if (c.staff_id == who.staff_id) continue;
    c.answers.clear();
    c.notes.clear();
    c.percent.reset();
    c.hidden = true;
  }
  return s;
}

}  // namespace sqm::inspection
