// Improvement action use cases (整改 / CAPA). Quality (improvement.manage) raises actions from any
// source, assigns an owner, department and due date, triages staff suggestions, verifies the effect
// and reopens or cancels; the owner starts and completes their own action (evidence required);
// managers and executives read their scope's actions; every staff member but an evaluator
// suggests. Who sees what: rules.h `Sees`; an action the caller may not see reads as not found.
// Every change is an event on entity "improvement_action", which is also the action's timeline.
//
// Due dates are local dates in the business zone; an action is overdue from the end of its due
// day. Escalation (escalation.h) tells the owner, then the owner's department managers.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "calendar/rules.h"
#include "calendar/zone.h"
#include "improvement/indicator.h"
#include "improvement/model.h"
#include "improvement/repo.h"
#include "improvement/rules.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::improvement {

struct ServiceOptions {
  std::string calendar_code = "cn-mainland";                             // whose working days escalation counts
  calendar::Zone zone = calendar::Zone::Named("Asia/Shanghai").value();  // where due dates are local
  int escalate_after_days = kDefaultEscalateAfterDays;  // working days after the owner heard of an overdue action
  TimeMs sweep_interval = kDefaultSweepInterval;        // how often the OverdueSweep looks
};

// A new action, or the plan of one being edited (every field is written).
struct ActionDraft {
  Source source = Source::kOther;
  std::optional<Id> source_id;
  std::string source_ref;
  std::string title;
  std::string description;
  std::optional<Id> root_cause_id;
  std::string analysis;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;  // default: the owner's department
  std::string due_date;             // YYYY-MM-DD
  std::string measure_code;
  Direction direction = Direction::kNone;
  // With a subject, the value before is read from the measure `measure_code` (the catalogue's)
  // over the `window_days` days before the action is opened, or over the days the user picked
  // (before_from .. before_to, YYYY-MM-DD, both included); value_before is then not typed.
  SubjectKind subject_kind = SubjectKind::kNone;
  std::optional<Id> subject_id;
  int window_days = 30;
  std::string before_from, before_to;
  std::optional<double> value_before;
  std::string value_before_source;
  int verify_after_days = 0;
};

// A status change: start, complete (evidence), verify (value_after and/or effective), reopen or
// cancel (reason); `note` goes to the timeline.
struct Change {
  Op op = Op::kStart;
  std::string evidence;
  std::string reason;
  std::string note;
  std::optional<double> value_after;
  std::optional<bool> effective;
};

struct Suggestion {
  std::string title;
  std::string description;
  std::optional<Id> department_id;  // default: the proposer's department
};

// Quality's decision on a suggestion: accepted into an open action (owner and due date
// required), or declined with a reason.
struct Triage {
  bool accept = false;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;
  std::string due_date;
  std::optional<Id> root_cause_id;
  std::string reason;
};

struct AuditDraft {
  AuditKind kind = AuditKind::kInternalAudit;
  std::string held_on;
  std::string title;
  std::string scope;
  std::string participants;
  std::string summary;
  std::vector<std::string> findings;
};

struct ActionDetail {
  Action action;
  std::vector<TimelineEntry> timeline;  // oldest first
};

class Service {
 public:
  using CalendarLookup = std::function<std::shared_ptr<const calendar::BusinessTime>(const std::string&)>;
  Service(storage::Database& db, const Clock& clock, CalendarLookup calendar = {}, ServiceOptions options = {});
  // Installs how measures are read (the composition root does, before serving). Unset, an action
  // naming a subject is refused ("subject_kind").
  void SetIndicatorReader(IndicatorReader reader) { indicator_ = std::move(reader); }

  // ---- root-cause categories (an editable list) ----
  Result<std::vector<RootCause>> ListRootCauses();
  // Every problem at once; kConflict ("code") when another category has the code.
  Result<RootCause> CreateRootCause(const org::Principal& who, const RootCause& c);
  Result<RootCause> UpdateRootCause(const org::Principal& who, Id id, const RootCause& c);

  // ---- actions ----
  // Every problem of the draft at once (title, source_id, root_cause_id, owner_id, department_id,
  // due_date, direction, value_before, ...). kForbidden for a department outside the caller's scope.
  Result<Action> Create(const org::Principal& who, const ActionDraft& d);
  Result<Action> Edit(const org::Principal& who, Id id, const ActionDraft& d);
  Result<Action> Suggest(const org::Principal& who, const Suggestion& s);
  Result<Action> DecideSuggestion(const org::Principal& who, Id id, const Triage& t);
  Result<Action> Apply(const org::Principal& who, Id id, const Change& c);
  Result<ActionDetail> Get(const org::Principal& who, Id id);
  // Newest first, only those `who` sees. `overdue` keeps the pending ones whose due day has ended.
  Result<std::vector<Action>> List(const org::Principal& who, repo::ActionQuery q, bool overdue);

  // ---- audits and management reviews ----
  Result<std::vector<Audit>> ListAudits();
  Result<Audit> GetAudit(Id id);
  Result<Audit> CreateAudit(const org::Principal& who, const AuditDraft& d);
  Result<Audit> AddFinding(const org::Principal& who, Id audit_id, const std::string& text);

  // The end of the due day `date` (YYYY-MM-DD) in the business zone; nullopt when not a date.
  std::optional<TimeMs> DueAt(const std::string& date) const;
  // When the owner's managers hear of an overdue action the owner heard of at `owner_notified_at`.
  TimeMs ManagerDue(TimeMs owner_notified_at) const;
  const ServiceOptions& options() const { return options_; }

 private:
  // The value before of a draft naming a subject, read through the IndicatorReader over its window
  // before the write (the measures read in transactions of their own); nullopt without a subject.
  struct Reading {
    std::optional<double> value;
    Window window;
  };
  Result<std::optional<Reading>> ReadBefore(const ActionDraft& d, TimeMs opened, Problems& p) const;
  // The value after of a measured action that is done, over its window after; nullopt when the
  // action is not measured, not done or its window has not ended at `now`.
  Result<std::optional<Reading>> ReadAfter(const Action& a, TimeMs now) const;
  // Checks `d` against the database into `p`; fills the derived fields of `a` (with `before`, the
  // value read from the measure).
  void CheckDraft(storage::Connection& db, const org::Principal& who, const ActionDraft& d,
                  const std::optional<Reading>& before, Action& a, Problems& p) const;
  Result<Action> Load(storage::Connection& db, const org::Principal& who, Id id) const;

  storage::Database& db_;
  const Clock& clock_;
  CalendarLookup calendar_;
  ServiceOptions options_;
  IndicatorReader indicator_;
};

}  // namespace sqm::improvement
