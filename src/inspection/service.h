// Inspection use cases. Scorecards are the quality department's (routes ask inspection.manage to
// change them; inspectors, inspection.perform, read them): a changed definition becomes the next
// version and the versions before it stay readable, so an inspection scored with one keeps it.
//
// Inspections: assigned (inspection.manage) -> scored by the assigned inspector -> submitted ->
// published (by someone in scope) -> acknowledged, or appealed by the inspected staff member
// within `appeal_days` working days -> decided by someone other than the inspector -> final. An
// upheld or partly upheld appeal makes a new record with the corrected answers, linked to the
// one it corrects; nothing published is edited. Who sees what: rules.h `Sees`; an inspection the
// caller may not see reads as not found.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "calendar/rules.h"
#include "calendar/zone.h"
#include "inspection/model.h"
#include "inspection/repo.h"
#include "inspection/reports.h"
#include "inspection/rules.h"
#include "inspection/site.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::inspection {

struct ServiceOptions {
  int appeal_days = 5;                        // working days after publication
  std::string calendar_code = "cn-mainland";  // whose working days
  calendar::Zone zone;                        // the business time zone: where a sampling cycle's weeks and months start
};

// A run of a sampling plan: the cycle containing `at` (default: now), drawn with `seed` (default:
// a fresh one, recorded); a dry run shows the draw without storing or assigning anything.
struct RunRequest {
  std::optional<TimeMs> at;
  std::optional<std::uint64_t> seed;
  bool dry_run = false;
};

struct Assignment {
  Kind kind = Kind::kTicketReview;
  bool covert = false;
  Id scorecard_id = 0;
  std::optional<Id> ticket_id;      // ticket_review: the ticket; its department and resolver follow
  std::optional<Id> department_id;  // the checks: the department
  std::optional<Id> agent_id;       // the checks: the inspected staff member, if one
  Id inspector_id = 0;
};

// An edit of a sampling plan: the fields given change, the others stay. Its scope (cycle,
// departments, scorecard, inspectors) is fixed: a plan for another scope is another plan.
struct PlanChange {
  std::optional<std::string> name;
  std::optional<Quota> quota;
  std::optional<int> amount;
  std::optional<bool> by_channel, by_type, complaints, breaches;
  std::optional<bool> active;  // an inactive plan draws nothing; its past runs stay as they were
};

// A photo with its bytes, as it is served.
struct PhotoFile {
  Photo photo;
  std::string bytes;
};

struct Decision {
  Outcome outcome = Outcome::kRejected;
  std::string reason;
  std::map<std::string, Answer> answers;  // upheld / partly upheld: the corrected answers
};

class Service {
 public:
  using CalendarLookup = std::function<std::shared_ptr<const calendar::BusinessTime>(const std::string&)>;
  Service(storage::Database& db, const Clock& clock, CalendarLookup calendar = {}, ServiceOptions options = {});

  // ---- scorecards ----
  Result<std::vector<SavedScorecard>> ListScorecards();
  // kNotFound for an unknown card; kInvalid ("version") for a version it never had.
  Result<SavedScorecard> GetScorecard(Id id, std::optional<int> version);
  // Every problem of the name and the card at once; kConflict ("name") when another card has it.
  Result<SavedScorecard> CreateScorecard(const org::Principal& who, const std::string& name, const Scorecard& card);
  // A changed definition becomes the next version; a renaming or `active` alone does not.
  Result<SavedScorecard> UpdateScorecard(const org::Principal& who, Id id, const std::string& name,
                                         const Scorecard& card, std::optional<bool> active);

  // ---- inspections ----
  // Every problem of the assignment at once (scorecard_id, ticket_id, department_id, agent_id,
  // inspector_id: the inspector must hold inspection.perform with the department in scope, and is
  // not the inspected staff member).
  Result<Inspection> Assign(const org::Principal& who, const Assignment& a);
  // Assign inside the caller's write (a sampling run's or a mystery scenario's visits).
  Result<Inspection> AssignIn(storage::WriteTx& tx, const org::Principal& who, const Assignment& a);
  // Newest first, only those `who` sees.
  Result<std::vector<Inspection>> ListInspections(const org::Principal& who, repo::InspectionQuery q);
  Result<Inspection> GetInspection(const org::Principal& who, Id id);
  // The inspector's draft: answers may be partial; answers to unknown items are refused. `site`:
  // when and where the check was made, the parts given (site.h CheckSiteRecord).
  Result<Inspection> SaveAnswers(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                                 const std::string& notes, const SiteRecord& site = {});
  // Scores the answers (every item answered) and submits them.
  Result<Inspection> Submit(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                            const std::string& notes, const SiteRecord& site = {});

  // ---- photos per item (site.h) ----
  // By the inspector while the inspection is assigned or in progress (as a draft is saved): kInvalid
  // ("item") for an item not on its card, CheckPhoto's errors on "file", kConflict ("item" /
  // "photos") beyond kMaxPhotosPerItem / kMaxPhotosPerInspection. Event "inspection.photo_added".
  Result<Photo> AddPhoto(const org::Principal& who, Id id, const std::string& item_code, const std::string& bytes);
  // To whoever sees the inspection (Sees: a covert one stays hidden from the inspected party until
  // publication); another inspection or photo reads as not found.
  Result<std::vector<Photo>> ListPhotos(const org::Principal& who, Id id);
  Result<PhotoFile> GetPhoto(const org::Principal& who, Id id, Id photo_id);
  // Like AddPhoto: by the inspector, before submission. Event "inspection.photo_removed".
  Status DeletePhoto(const org::Principal& who, Id id, Id photo_id);
  Result<Inspection> Publish(const org::Principal& who, Id id);
  Result<Inspection> Acknowledge(const org::Principal& who, Id id);
  Result<Inspection> FileAppeal(const org::Principal& who, Id id, const std::string& reason);
  // Decides the appeal; returns the decided record (corrected_by_id names the correction, if any).
  Result<Inspection> Decide(const org::Principal& who, Id id, const Decision& d);

  // ---- sampling plans (sampling.h) ----
  // Plans whose departments are all in `who`'s scope; another plan reads as not found.
  Result<std::vector<SamplingPlan>> ListPlans(const org::Principal& who);
  Result<SamplingPlan> GetPlan(const org::Principal& who, Id id);
  // Every problem at once: the plan's fields, the scorecard (active), the departments (in scope),
  // the inspectors (active, performing inspections); kConflict ("name") for a name taken.
  Result<SamplingPlan> CreatePlan(const org::Principal& who, SamplingPlan plan);
  // Every problem of the edited plan at once (CheckPlan), kConflict ("name") for a name taken;
  // event "sampling.plan_updated" with the fields that changed (none: nothing is written).
  Result<SamplingPlan> UpdatePlan(const org::Principal& who, Id id, const PlanChange& change);
  // Draws the cycle's sample and assigns an inspection of each ticket, round robin over the
  // plan's inspectors, in one write with the event "inspection.sample_drawn" (seed, cycle, ticket
  // ids). A ticket sampled by an earlier run of the cycle is not drawn again.
  Result<SamplingRun> RunPlan(const org::Principal& who, Id plan_id, const RunRequest& r);
  // The plan's runs, newest first (at most 100).
  Result<std::vector<SamplingRun>> ListRuns(const org::Principal& who, Id plan_id);

  // ---- charts (reports.h), over the published inspections that stand and that `who` sees ----
  // kInvalid ("to") when the range is empty or longer than kMaxReportDays.
  static constexpr int kMaxReportDays = 732;
  Result<std::vector<TrendPoint>> ScoreTrend(const org::Principal& who, TrendBy by, Cycle period, TimeMs from,
                                             TimeMs to);
  Result<std::vector<ParetoBar>> FailurePareto(const org::Principal& who, TimeMs from, TimeMs to);

 private:
  // The plan when `who` sees it (all its departments in scope), else kNotFound.
  Result<SamplingPlan> LoadPlan(storage::Connection& db, const org::Principal& who, Id id);
  // The draw of a run (nothing stored): the cycle, the seed, the sample and its inspectors.
  Result<std::vector<Inspection>> Scored(const org::Principal& who, TimeMs from, TimeMs to);
  Result<SamplingRun> Draw(storage::Connection& db, const org::Principal& who, Id plan_id, const RunRequest& r,
                           TimeMs now);
  // The inspection when `who` sees it, else kNotFound; then MayAct and Next for `a`.
  Result<std::pair<Inspection, State>> Load(storage::Connection& db, const org::Principal& who, Id id, Action a,
                                            TimeMs now);
  TimeMs AppealDeadline(TimeMs published_at) const;

  storage::Database& db_;
  const Clock& clock_;
  CalendarLookup calendar_;
  ServiceOptions options_;
};

}  // namespace sqm::inspection
