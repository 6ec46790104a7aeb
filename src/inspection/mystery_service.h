// Mystery shopping use cases (mystery.h). The quality department (inspection.manage, its scope
// holding every target) writes scenarios and generates their visits: per target as many as wanted
// beyond those made, each a covert surprise check (Service::AssignIn: the scorecard's newest
// version pinned, the shopper allowed to inspect the target) dealt round robin to the shoppers
// named. The shopper (the visit's inspector) reports when, how long, who served them, the number
// dialled and the amount spent, and uploads receipts (stored like photos: site.h CheckPhoto); they
// score and submit through the inspection itself. Someone other than the shopper approves or
// rejects the reimbursement.
//
// Who sees a visit, its scenario and its receipts is who sees its inspection (rules.h Sees): the
// inspected party — the target department's managers, the staff member named as having served —
// reads 404 until publication. Each write is one transaction with its event: mystery.scenario_created,
// .scenario_updated, .visits_generated (with inspection.assigned per visit), .visit_reported,
// .receipt_added, .receipt_removed, .claim_decided.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/zone.h"
#include "inspection/mystery.h"
#include "inspection/service.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::inspection {

// A scenario's visits with the coverage per target.
struct ScenarioVisits {
  Scenario scenario;
  std::vector<MysteryVisit> visits;
  std::vector<TargetCoverage> coverage;
};

// A scenario's visits with an amount spent, and their totals.
struct Reimbursements {
  Scenario scenario;
  std::vector<MysteryVisit> visits;
  ClaimTotals totals;
};

// One visit as its page shows it: the visit, its scenario (the script) and its receipts.
struct VisitView {
  MysteryVisit visit;
  Scenario scenario;
  std::vector<Photo> receipts;
};

class MysteryService {
 public:
  MysteryService(storage::Database& db, Service& inspections, calendar::Zone zone);

  // Scenarios whose targets are all in `who`'s scope, newest first; another reads as not found.
  Result<std::vector<Scenario>> ListScenarios(const org::Principal& who);
  Result<Scenario> GetScenario(const org::Principal& who, Id id);
  // Every problem at once (CheckScenario, scorecard_id active, department_ids[k] existing and in scope).
  Result<Scenario> CreateScenario(const org::Principal& who, Scenario s);
  // Replaces every field; visits made before keep their scorecard version and targets.
  Result<Scenario> UpdateScenario(const org::Principal& who, Id id, Scenario s);

  // Makes the missing visits (PlanVisits) dealt over `shopper_ids`: kInvalid on shopper_ids[k] for
  // one who may inspect none of the targets, on shopper_ids when a target has no shopper; kConflict
  // ("active") for an inactive scenario, ("window_to") once its window is over.
  Result<std::vector<MysteryVisit>> GenerateVisits(const org::Principal& who, Id id,
                                                   const std::vector<Id>& shopper_ids);
  Result<ScenarioVisits> ListVisits(const org::Principal& who, Id id);
  Result<Reimbursements> ListReimbursements(const org::Principal& who, Id id);

  // The visits `who` makes as a shopper, newest first.
  Result<std::vector<MysteryVisit>> MyVisits(const org::Principal& who);
  Result<VisitView> GetVisit(const org::Principal& who, Id id);
  // By the shopper (kForbidden otherwise) while MayReport; every problem at once (CheckReport,
  // served_by_id: active staff of the target department's subtree, not the shopper). Replaces the
  // report; the staff member named becomes the inspected party.
  Result<MysteryVisit> SaveReport(const org::Principal& who, Id id, const VisitReport& r);
  // By the shopper while MayReport: CheckPhoto's errors on "file", kConflict ("receipts") beyond
  // kMaxPhotosPerItem.
  Result<Photo> AddReceipt(const org::Principal& who, Id id, const std::string& bytes);
  Result<PhotoFile> GetReceipt(const org::Principal& who, Id id, Id receipt_id);
  Status DeleteReceipt(const org::Principal& who, Id id, Id receipt_id);
  // MayDecideClaim, by someone who sees the visit.
  Result<MysteryVisit> DecideClaim(const org::Principal& who, Id id, const ClaimDecision& d);

 private:
  Result<Scenario> LoadScenario(storage::Connection& db, const org::Principal& who, Id id);
  // The visit when `who` sees its inspection, else kNotFound.
  Result<MysteryVisit> LoadVisit(storage::Connection& db, const org::Principal& who, Id id);
  // The visit, loaded for its shopper while they may still report.
  Result<MysteryVisit> LoadForShopper(storage::Connection& db, const org::Principal& who, Id id);
  Result<Scenario> SaveScenario(const org::Principal& who, std::optional<Id> id, Scenario s);

  storage::Database& db_;
  Service& inspections_;
  calendar::Zone zone_;
};

}  // namespace sqm::inspection
