// Pure rules of improvement actions: the names of every enumeration, the workflow (which
// operation moves which status), who may take each operation and who sees an action, what
// overdue means, the escalation plan and the verdict on an action's effect. No SQL, no clock reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "improvement/model.h"
#include "org/model.h"

namespace sqm::improvement {

// What may be done to an action. kEdit changes the plan (title, root cause, owner, due date, ...).
enum class Op { kEdit, kAccept, kDecline, kStart, kComplete, kVerify, kReopen, kCancel };

std::string_view Name(Source s);
std::string_view Name(State s);
std::string_view Name(Direction d);
std::string_view Name(SubjectKind k);
std::string_view Name(AuditKind k);
std::string_view Name(Op o);
std::optional<Source> ParseSource(std::string_view s);
std::optional<State> ParseStatus(std::string_view s);
std::optional<Direction> ParseDirection(std::string_view s);
std::optional<SubjectKind> ParseSubjectKind(std::string_view s);
std::optional<AuditKind> ParseAuditKind(std::string_view s);
std::optional<Op> ParseOp(std::string_view s);
// The names joined by ", " (for "must be one of ..." messages).
std::string SourceNames();
std::string StatusNames();
std::string AuditKindNames();

// The status `o` leads to from `from` (kVerify: kVerified; the service turns it into
// kNotEffective when the effect was not there); kConflict naming "status" when it cannot be taken.
Result<State> Next(State from, Op o);

// Whether `who` may take `o` on `a`: holders of improvement.manage within their scope take every
// operation; the owner starts and completes their own action. kForbidden otherwise.
Status MayAct(const org::Principal& who, const Action& a, Op o);

// Whether `who` sees `a` at all: improvement.manage within scope, the owner, the proposer, and
// holders of desk.report (managers, executives) within their scope.
bool Sees(const org::Principal& who, const Action& a);

// Open work: open, in progress or reopened.
bool Pending(State s);
// Due and not done: pending with its due time passed at `now`.
bool Overdue(const Action& a, TimeMs now);
// Closed on time: done (and possibly verified since) by the end of its due day.
bool ClosedOnTime(const Action& a);

// Who hears of an overdue action next: the owner once it is overdue, then the owner's department
// manager once `manager_due` (N working days after the owner heard) has passed; each once.
enum class Escalation { kNone, kOwner, kManager };
Escalation NextEscalation(const Action& a, TimeMs now, std::optional<TimeMs> manager_due);

// The verdict on the effect: with a direction and both values, whether the value moved that way
// (`stated` is ignored); otherwise what the verifier stated. nullopt when neither says.
std::optional<bool> Effective(const Action& a, std::optional<double> value_after, std::optional<bool> stated);

constexpr TimeMs kDayMs = 86'400'000;

// The escalation settings (`sqm serve --improvement-sweep-minutes`, `--improvement-escalate-days`):
// how often the overdue sweep looks, 1 minute to 1 day; how many working days after the owner was
// told the owner's managers are, 0 to 30. kInvalid naming the option otherwise.
inline constexpr TimeMs kDefaultSweepInterval = 15LL * 60 * 1000;
inline constexpr int kDefaultEscalateAfterDays = 2;
Status CheckEscalationSettings(TimeMs sweep_interval, int escalate_after_days);

// A half-open time window [from, to) in UTC ms.
struct Window {
  TimeMs from = 0;
  TimeMs to = 0;
};
// The default window the value before is read over: the `window_days` days before the action was opened.
Window BeforeWindow(TimeMs opened, int window_days);
// The window the value after is read over: from the fix (done_at), as long as the window before;
// nullopt when the action is not done or has no window before.
std::optional<Window> AfterWindow(const Action& a);
// When the effect of an action done at `done_at` may be checked: verify_after_days after the fix,
// and not before its window after has ended.
TimeMs VerifyFrom(const Action& a, TimeMs done_at);

}  // namespace sqm::improvement
