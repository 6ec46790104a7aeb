#include "inspection/mystery_service.h"

#include <algorithm>

#include "base/crypto.h"
#include "base/json.h"
#include "base/text.h"
#include "inspection/checks.h"
#include "inspection/json.h"
#include "inspection/repo.h"
#include "inspection/repo/mystery.h"
#include "inspection/rules.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::inspection {

using storage::Connection;
using storage::WriteTx;

namespace {

constexpr int kMaxScenarios = 500;
constexpr int kMaxListedVisits = 200;

Error ScenarioNotFound(Id id) {
  return Error::NotFound(
      Msg("mystery.not_found", "mystery shopping scenario {id} does not exist", {{"id", std::to_string(id)}}));
}

Error VisitNotFound(Id id) {
  return Error::NotFound(
      Msg("mystery.visit_not_found", "mystery visit {id} does not exist", {{"id", std::to_string(id)}}));
}

bool InScope(const org::Principal& who, const Scenario& s) {
  return std::all_of(s.department_ids.begin(), s.department_ids.end(), [&](Id d) { return who.scope.Contains(d); });
}

boost::json::value OrNull(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

MysteryService::MysteryService(storage::Database& db, Service& inspections, calendar::Zone zone)
    : db_(db), inspections_(inspections), zone_(std::move(zone)) {}

// ---- scenarios ----

Result<Scenario> MysteryService::LoadScenario(Connection& db, const org::Principal& who, Id id) {
  auto s = repo::FindScenario(db, id);
  if (!s || !InScope(who, *s)) return ScenarioNotFound(id);
  return *s;
}

Result<std::vector<Scenario>> MysteryService::ListScenarios(const org::Principal& who) {
  return db_.Read([&](Connection& db) -> Result<std::vector<Scenario>> {
    std::vector<Scenario> out;
    for (auto& s : repo::ListScenarios(db, kMaxScenarios)) {
      if (InScope(who, s)) out.push_back(std::move(s));
    }
    return out;
  });
}

Result<Scenario> MysteryService::GetScenario(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) { return LoadScenario(db, who, id); });
}

Result<Scenario> MysteryService::CreateScenario(const org::Principal& who, Scenario s) {
  return SaveScenario(who, std::nullopt, std::move(s));
}

Result<Scenario> MysteryService::UpdateScenario(const org::Principal& who, Id id, Scenario s) {
  return SaveScenario(who, id, std::move(s));
}

Result<Scenario> MysteryService::SaveScenario(const org::Principal& who, std::optional<Id> id, Scenario s) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Scenario> {
    auto& db = tx.db();
    std::optional<Scenario> old;
    if (id) {
      SQM_ASSIGN(old, LoadScenario(db, who, *id));
    }
    Problems p;
    CheckScenario(s, p);
    CheckActiveScorecard(db, s.scorecard_id, "scorecard_id", p);
    for (std::size_t k = 0; k < s.department_ids.size() && k < kMaxScenarioTargets; ++k) {
      const std::string field = "department_ids[" + std::to_string(k) + "]";
      if (!org::repo::FindDepartment(db, s.department_ids[k])) {
        p.Add(field, Msg("inspection.no_department", "no such department"));
      } else if (!who.scope.Contains(s.department_ids[k])) {
        p.Add(field, Msg("inspection.out_of_scope", "outside your scope"));
      }
    }
    if (auto e = p.Take()) return *e;
    s.updated_at = tx.now();
    boost::json::object data{{"title", Bounded(s.title)},
                             {"channel", std::string(Name(s.channel))},
                             {"department_ids", IdsJson(s.department_ids)},
                             {"scorecard_id", s.scorecard_id},
                             {"window_from", s.window_from},
                             {"window_to", s.window_to},
                             {"visits_per_target", s.visits_per_target},
                             {"budget_cents", OrNull(s.budget_cents)},
                             {"active", s.active}};
    if (old) {
      s.id = old->id;
      s.created_by = old->created_by;
      s.created_at = old->created_at;
      SQM_TRY(repo::UpdateScenario(db, s));
      tx.Append("mystery_scenario", std::to_string(s.id), "mystery.scenario_updated", std::move(data));
    } else {
      s.created_by = who.staff_id;
      s.created_at = tx.now();
      SQM_ASSIGN(s.id, repo::InsertScenario(db, s));
      tx.Append("mystery_scenario", std::to_string(s.id), "mystery.scenario_created", std::move(data));
    }
    return *repo::FindScenario(db, s.id);
  });
}

// ---- visits ----

Result<std::vector<MysteryVisit>> MysteryService::GenerateVisits(const org::Principal& who, Id id,
                                                                 const std::vector<Id>& shopper_ids) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<std::vector<MysteryVisit>> {
    auto& db = tx.db();
    SQM_ASSIGN(const Scenario s, LoadScenario(db, who, id));
    if (!s.active) return Error::Conflict(Msg("mystery.inactive", "the scenario is not active"), "active");
    if (tx.now() > s.window_to) {
      return Error::Conflict(Msg("mystery.window_over", "the scenario's window is over"), "window_to");
    }
    Problems p;
    if (shopper_ids.empty()) p.Add("shopper_ids", Msg("field.required", "is required"));
    // Who may inspect which target: CheckInspector's rules, per shopper and target.
    std::map<std::pair<Id, Id>, bool> allowed;
    for (std::size_t k = 0; k < shopper_ids.size() && k < kMaxShoppers; ++k) {
      bool any = false;
      std::optional<Error> why;
      for (const Id target : s.department_ids) {
        Problems one;
        const bool ok = CheckInspector(db, shopper_ids[k], target, std::nullopt, "shopper_ids", one).has_value();
        allowed[{shopper_ids[k], target}] = ok;
        any = any || ok;
        if (!ok && !why) why = one.Take();
      }
      if (!any && why) {
        why->field = "shopper_ids[" + std::to_string(k) + "]";
        p.Add(std::move(*why));
      }
    }
    if (auto e = p.Take()) return *e;
    std::map<Id, int> made;
    for (const MysteryVisit& v : repo::ListVisits(db, s.id)) ++made[v.department_id];
    const VisitPlan plan = PlanVisits(s, made, shopper_ids, [&](Id shopper, Id target) {
      return allowed[{shopper, target}];
    });
    if (!plan.uncovered.empty()) {
      const auto d = org::repo::FindDepartment(db, plan.uncovered.front());
      return Error::Invalid("shopper_ids", Msg("mystery.target_uncovered", "none of the shoppers may visit {name}",
                                               {{"name", d ? d->name : std::to_string(plan.uncovered.front())}}));
    }
    std::vector<MysteryVisit> out;
    boost::json::array inspection_ids;
    for (const PlannedVisit& planned : plan.visits) {
      const Assignment a{.kind = Kind::kSurpriseCheck,
                         .covert = true,
                         .scorecard_id = s.scorecard_id,
                         .department_id = planned.department_id,
                         .inspector_id = planned.shopper_id};
      SQM_ASSIGN(const Inspection i, inspections_.AssignIn(tx, who, a));
      SQM_TRY(repo::InsertVisit(db, i.id, s.id));
      inspection_ids.push_back(i.id);
      out.push_back(*repo::FindVisit(db, i.id));
    }
    if (!out.empty()) {
      tx.Append("mystery_scenario", std::to_string(s.id), "mystery.visits_generated",
                {{"inspection_ids", std::move(inspection_ids)}, {"shopper_ids", IdsJson(shopper_ids)}});
    }
    return out;
  });
}

Result<ScenarioVisits> MysteryService::ListVisits(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<ScenarioVisits> {
    SQM_ASSIGN(Scenario s, LoadScenario(db, who, id));
    ScenarioVisits out{.scenario = std::move(s), .visits = repo::ListVisits(db, id)};
    std::map<Id, std::string> names;
    for (const Id d : out.scenario.department_ids) {
      if (auto dep = org::repo::FindDepartment(db, d)) names[d] = dep->name;
    }
    out.coverage = Coverage(out.scenario, out.visits, names);
    return out;
  });
}

Result<Reimbursements> MysteryService::ListReimbursements(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<Reimbursements> {
    SQM_ASSIGN(Scenario s, LoadScenario(db, who, id));
    Reimbursements out{.scenario = std::move(s)};
    for (auto& v : repo::ListVisits(db, id)) {
      if (v.report.spent_cents) out.visits.push_back(std::move(v));
    }
    out.totals = Totals(out.visits);
    return out;
  });
}

Result<std::vector<MysteryVisit>> MysteryService::MyVisits(const org::Principal& who) {
  return db_.Read([&](Connection& db) -> Result<std::vector<MysteryVisit>> {
    return repo::ListShopperVisits(db, who.staff_id, kMaxListedVisits);
  });
}

Result<MysteryVisit> MysteryService::LoadVisit(Connection& db, const org::Principal& who, Id id) {
  auto i = repo::FindInspection(db, id);
  auto v = i && Sees(who, *i) ? repo::FindVisit(db, id) : std::nullopt;
  if (!v) return VisitNotFound(id);
  return *v;
}

Result<MysteryVisit> MysteryService::LoadForShopper(Connection& db, const org::Principal& who, Id id) {
  SQM_ASSIGN(MysteryVisit v, LoadVisit(db, who, id));
  if (v.shopper_id != who.staff_id) {
    return Error::Forbidden(Msg("mystery.not_shopper", "only the visit's shopper reports it"));
  }
  SQM_TRY(MayReport(v));
  return v;
}

Result<VisitView> MysteryService::GetVisit(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<VisitView> {
    SQM_ASSIGN(MysteryVisit v, LoadVisit(db, who, id));
    auto s = repo::FindScenario(db, v.scenario_id);
    if (!s) return Error::Internal(Msg("mystery.scenario_missing", "the visit's scenario is missing"));
    return VisitView{.visit = std::move(v), .scenario = std::move(*s), .receipts = repo::ListReceipts(db, id)};
  });
}

Result<MysteryVisit> MysteryService::SaveReport(const org::Principal& who, Id id, const VisitReport& r) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<MysteryVisit> {
    auto& db = tx.db();
    SQM_ASSIGN(const MysteryVisit v, LoadForShopper(db, who, id));
    const Scenario s = *repo::FindScenario(db, v.scenario_id);
    std::optional<int> local_minute;
    if (r.visited_at) {
      constexpr TimeMs kDayMs = 86'400'000;
      local_minute = static_cast<int>((((zone_.ToLocal(*r.visited_at) % kDayMs) + kDayMs) % kDayMs) / 60'000);
    }
    Problems p;
    CheckReport(s, r, local_minute, tx.now(), p);
    std::optional<org::Staff> served;
    if (r.served_by_id) {
      served = org::repo::FindStaff(db, *r.served_by_id);
      const auto subtree = org::Subtree({v.department_id}, org::repo::DepartmentChildren(db));
      if (!served || !served->active || !served->department_id || !subtree.contains(*served->department_id)) {
        p.Add("served_by_id", Msg("mystery.served_by", "is not a staff member of the department visited"));
      } else if (served->id == v.shopper_id) {
        p.Add("served_by_id", Msg("inspection.self", "no one inspects their own work"));
      }
    }
    if (auto e = p.Take()) return *e;
    const Claim claim = r.spent_cents ? Claim::kPending : Claim::kNone;
    SQM_TRY(repo::SaveReport(db, id, r, claim));
    SQM_TRY(repo::SetInspected(db, id, r.served_by_id, served ? served->display_name : std::string()));
    tx.Append("inspection", std::to_string(id), "mystery.visit_reported",
              {{"visited_at", OrNull(r.visited_at)},
               {"duration_min", r.duration_min ? boost::json::value(*r.duration_min) : boost::json::value(nullptr)},
               {"served_by_id", OrNull(r.served_by_id)},
               {"spent_cents", OrNull(r.spent_cents)}});
    return *repo::FindVisit(db, id);
  });
}

// ---- receipts ----

Result<Photo> MysteryService::AddReceipt(const org::Principal& who, Id id, const std::string& bytes) {
  // The bytes are judged and hashed before the write begins; who may add them, inside it.
  const auto type = CheckPhoto(bytes);
  const std::string sha256 = type.ok() ? crypto::Sha256Hex(bytes) : std::string();
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Photo> {
    auto& db = tx.db();
    SQM_TRY(LoadForShopper(db, who, id));
    if (!type.ok()) return type.error();
    if (repo::ListReceipts(db, id).size() >= kMaxPhotosPerItem) {
      return Error::Conflict(
          Msg("photo.too_many", "at most {max} photos", {{"max", std::to_string(kMaxPhotosPerItem)}}), "receipts");
    }
    Photo receipt{.inspection_id = id,
                  .type = *type,
                  .size = static_cast<std::int64_t>(bytes.size()),
                  .sha256 = sha256,
                  .uploaded_by = who.staff_id,
                  .uploaded_at = tx.now()};
    SQM_ASSIGN(receipt.id, repo::InsertReceipt(db, receipt, bytes));
    tx.Append("inspection", std::to_string(id), "mystery.receipt_added",
              {{"receipt_id", receipt.id},
               {"type", std::string(MediaTypeOf(receipt.type))},
               {"size", receipt.size},
               {"sha256", receipt.sha256}});
    return receipt;
  });
}

Result<PhotoFile> MysteryService::GetReceipt(const org::Principal& who, Id id, Id receipt_id) {
  return db_.Read([&](Connection& db) -> Result<PhotoFile> {
    SQM_TRY(LoadVisit(db, who, id));
    auto found = repo::FindReceipt(db, id, receipt_id);
    if (!found) {
      return Error::NotFound(
          Msg("mystery.receipt_not_found", "receipt {id} does not exist", {{"id", std::to_string(receipt_id)}}));
    }
    return PhotoFile{std::move(found->first), std::move(found->second)};
  });
}

Status MysteryService::DeleteReceipt(const org::Principal& who, Id id, Id receipt_id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_TRY(LoadForShopper(tx.db(), who, id));
    auto found = repo::FindReceipt(tx.db(), id, receipt_id);
    if (!found) {
      return Error::NotFound(
          Msg("mystery.receipt_not_found", "receipt {id} does not exist", {{"id", std::to_string(receipt_id)}}));
    }
    SQM_TRY(repo::DeleteReceipt(tx.db(), receipt_id));
    tx.Append("inspection", std::to_string(id), "mystery.receipt_removed",
              {{"receipt_id", receipt_id}, {"sha256", found->first.sha256}});
    return {};
  });
}

Result<MysteryVisit> MysteryService::DecideClaim(const org::Principal& who, Id id, const ClaimDecision& d) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<MysteryVisit> {
    auto& db = tx.db();
    SQM_ASSIGN(const MysteryVisit v, LoadVisit(db, who, id));
    const Scenario s = *repo::FindScenario(db, v.scenario_id);
    Problems p;
    CheckText("reason", d.reason, 2000, p);
    if (auto e = p.Take()) return *e;
    SQM_TRY(MayDecideClaim(who, v, s, d));
    const Claim claim = d.approve ? Claim::kApproved : Claim::kRejected;
    SQM_TRY(repo::DecideClaim(db, id, claim, d.reason, who.staff_id, tx.now()));
    tx.Append("inspection", std::to_string(id), "mystery.claim_decided",
              {{"claim", std::string(Name(claim))},
               {"spent_cents", OrNull(v.report.spent_cents)},
               {"budget_cents", OrNull(s.budget_cents)},
               {"reason", Bounded(d.reason)}});
    return *repo::FindVisit(db, id);
  });
}

}  // namespace sqm::inspection
