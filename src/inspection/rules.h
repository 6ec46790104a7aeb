// Pure inspection rules: the workflow (which action moves which state), who may take each action,
// and the checks of an assignment and of an appeal's decision. No SQL, no clock reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "inspection/calibration.h"
#include "inspection/model.h"
#include "org/model.h"

namespace sqm::inspection {

enum class Action { kSave, kSubmit, kPublish, kAcknowledge, kAppeal, kDecide };

std::string_view Name(Kind k);
std::string_view Name(State s);
std::string_view Name(Outcome o);
std::optional<Kind> ParseKind(std::string_view s);
std::optional<State> ParseState(std::string_view s);
std::optional<Outcome> ParseOutcome(std::string_view s);

// The state `a` leads to from `from`; kConflict naming "state" when it cannot be taken there (an
// edit of a published inspection, say).
Result<State> Next(State from, Action a);

// Whether `who` may take `a` on `i` (beyond the permission the route asks): the inspector saves
// and submits; someone other than the inspector publishes and decides an appeal; only the
// inspected staff member acknowledges or appeals, within the deadline. kForbidden, or kConflict
// naming "appeal_deadline" for an appeal after it.
Status MayAct(const org::Principal& who, const Inspection& i, Action a, TimeMs now);

// Whether `who` sees `i` at all: a holder of inspection.manage within their scope; the inspector
// within their (evaluator) scope; the inspected staff member once it is published (a covert one
// too); a holder of desk.report within their scope once it is published, or before when it is
// not covert.
bool Sees(const org::Principal& who, const Inspection& i);

// The published states: from publication on the inspected party sees it and nothing is edited.
bool Published(State s);

// ---- calibration sessions (calibration.h) ----

// A reviewer or the expert of `s`.
bool Participates(const org::Principal& who, const CalibrationSession& s);
// Whether `who` manages `s`: its creator, or a holder of inspection.manage with its department in scope.
bool ManagesCalibration(const org::Principal& who, const CalibrationSession& s);
// Whether `who` sees `s` at all: a participant or someone who manages it.
bool SeesCalibration(const org::Principal& who, const CalibrationSession& s);
// `s` as `who` reads it: while it is open every score but their own is withheld (answers, notes and
// percent emptied, `hidden` set); whether each participant has submitted stays visible.
CalibrationSession Blind(const org::Principal& who, CalibrationSession s);

}  // namespace sqm::inspection
