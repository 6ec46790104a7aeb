#include "improvement/rules.h"

#include <array>

#include "org/rules.h"

namespace sqm::improvement {

namespace {

constexpr std::array<std::string_view, 7> kSources = {"inspection",    "complaint",  "sla_trend", "survey",
                                                      "audit_finding", "suggestion", "other"};
constexpr std::array<std::string_view, 9> kStatuses = {
    "proposed", "open", "in_progress", "done", "verified", "not_effective", "reopened", "cancelled", "declined"};
constexpr std::array<std::string_view, 3> kDirections = {"", "up", "down"};
constexpr std::array<std::string_view, 3> kSubjectKinds = {"", "staff", "department"};
constexpr std::array<std::string_view, 2> kAuditKinds = {"internal_audit", "management_review"};
constexpr std::array<std::string_view, 8> kOps = {"edit",     "accept", "decline", "start",
                                                  "complete", "verify", "reopen",  "cancel"};

template <typename E, std::size_t N>
std::optional<E> ParseIn(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <std::size_t N>
std::string Joined(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto n : names) {
    if (n.empty()) continue;
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

std::string_view Name(Source s) {
  return kSources[static_cast<std::size_t>(s)];
}
std::string_view Name(State s) {
  return kStatuses[static_cast<std::size_t>(s)];
}
std::string_view Name(Direction d) {
  return kDirections[static_cast<std::size_t>(d)];
}
std::string_view Name(SubjectKind k) {
  return kSubjectKinds[static_cast<std::size_t>(k)];
}
std::string_view Name(AuditKind k) {
  return kAuditKinds[static_cast<std::size_t>(k)];
}
std::string_view Name(Op o) {
  return kOps[static_cast<std::size_t>(o)];
}
std::optional<Source> ParseSource(std::string_view s) {
  return ParseIn<Source>(kSources, s);
}
std::optional<State> ParseStatus(std::string_view s) {
  return ParseIn<State>(kStatuses, s);
}
std::optional<Direction> ParseDirection(std::string_view s) {
  return ParseIn<Direction>(kDirections, s);
}
std::optional<SubjectKind> ParseSubjectKind(std::string_view s) {
  return ParseIn<SubjectKind>(kSubjectKinds, s);
}
std::optional<AuditKind> ParseAuditKind(std::string_view s) {
  return ParseIn<AuditKind>(kAuditKinds, s);
}
std::optional<Op> ParseOp(std::string_view s) {
  return ParseIn<Op>(kOps, s);
}
std::string SourceNames() {
  return Joined(kSources);
}
std::string StatusNames() {
  return Joined(kStatuses);
}
std::string AuditKindNames() {
  return Joined(kAuditKinds);
}

bool Pending(State s) {
  return s == State::kOpen || s == State::kInProgress || s == State::kReopened;
}

Result<State> Next(State from, Op o) {
  std::optional<State> to;
  switch (o) {
    case Op::kEdit:
      if (from == State::kProposed || Pending(from)) to = from;
      break;
    case Op::kAccept:
      if (from == State::kProposed) to = State::kOpen;
      break;
    case Op::kDecline:
      if (from == State::kProposed) to = State::kDeclined;
      break;
    case Op::kStart:
      if (from == State::kOpen || from == State::kReopened) to = State::kInProgress;
      break;
    case Op::kComplete:
      if (Pending(from)) to = State::kDone;
      break;
    case Op::kVerify:
      if (from == State::kDone) to = State::kVerified;
      break;
    case Op::kReopen:
      if (from == State::kDone || from == State::kVerified || from == State::kNotEffective) to = State::kReopened;
      break;
    case Op::kCancel:
      if (Pending(from)) to = State::kCancelled;
      break;
  }
  if (to) return *to;
  return Error::Conflict(Msg("improvement.wrong_status", "cannot {op} an action that is {status}",
                             {{"op", std::string(Name(o))}, {"status", std::string(Name(from))}}),
                         "status");
}

namespace {

bool Manages(const org::Principal& who, const Action& a) {
  return who.Can(org::kImprovementManage) && (who.scope.all || who.scope.Contains(a.department_id));
}

}  // namespace

Status MayAct(const org::Principal& who, const Action& a, Op o) {
  if (Manages(who, a)) return {};
  const bool owner = a.owner_id && *a.owner_id == who.staff_id;
  if (owner && (o == Op::kStart || o == Op::kComplete)) return {};
  if (owner) return Error::Forbidden(Msg("improvement.quality_only", "only the quality department may do this"));
  return Error::Forbidden(Msg("improvement.not_owner", "only the action's owner may do this"));
}

bool Sees(const org::Principal& who, const Action& a) {
  if (Manages(who, a)) return true;
  if (a.owner_id && *a.owner_id == who.staff_id) return true;
  if (a.proposed_by && *a.proposed_by == who.staff_id) return true;
  return who.Can(org::kDeskReport) && a.department_id && who.scope.Contains(a.department_id);
}

bool Overdue(const Action& a, TimeMs now) {
  return Pending(a.status) && a.due_at && now >= *a.due_at;
}

bool ClosedOnTime(const Action& a) {
  return a.done_at && a.due_at && *a.done_at < *a.due_at &&
         (a.status == State::kDone || a.status == State::kVerified || a.status == State::kNotEffective);
}

Escalation NextEscalation(const Action& a, TimeMs now, std::optional<TimeMs> manager_due) {
  if (!Overdue(a, now) || !a.owner_id) return Escalation::kNone;
  if (!a.owner_notified_at) return Escalation::kOwner;
  if (!a.manager_notified_at && manager_due && now >= *manager_due) return Escalation::kManager;
  return Escalation::kNone;
}

std::optional<bool> Effective(const Action& a, std::optional<double> value_after, std::optional<bool> stated) {
  if (a.direction != Direction::kNone && a.value_before && value_after) {
    return a.direction == Direction::kUp ? *value_after > *a.value_before : *value_after < *a.value_before;
  }
  return stated;
}

Status CheckEscalationSettings(TimeMs sweep_interval, int escalate_after_days) {
  Problems p;
  if (sweep_interval < 60'000 || sweep_interval > kDayMs) {
    p.Add("improvement-sweep-minutes",
          Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", "1440"}}));
  }
  if (escalate_after_days < 0 || escalate_after_days > 30) {
    p.Add("improvement-escalate-days",
          Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "0"}, {"max", "30"}}));
  }
  if (auto e = p.Take()) return *e;
  return {};
}

Window BeforeWindow(TimeMs opened, int window_days) {
  return {.from = opened - window_days * kDayMs, .to = opened};
}

std::optional<Window> AfterWindow(const Action& a) {
  if (!a.done_at || !a.before_from || !a.before_to) return std::nullopt;
  return Window{.from = *a.done_at, .to = *a.done_at + (*a.before_to - *a.before_from)};
}

TimeMs VerifyFrom(const Action& a, TimeMs done_at) {
  const TimeMs after = done_at + a.verify_after_days * kDayMs;
  if (auto w = AfterWindow(a)) return std::max(after, w->to);
  return after;
}

}  // namespace sqm::improvement
