#include "inspection/service.h"

#include <algorithm>

#include "base/crypto.h"
#include "base/json.h"
#include "base/sampling.h"
#include "base/text.h"
#include "calendar/working_days.h"
#include "inspection/checks.h"
#include "inspection/json.h"
#include "inspection/repo.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::inspection {

using storage::Connection;
using storage::WriteTx;

namespace {

Error ScorecardNotFound(Id id) {
  return Error::NotFound(Msg("scorecard.not_found", "scorecard {id} does not exist", {{"id", std::to_string(id)}}));
}

Error NameTaken(const std::string& name) {
  return Error::Conflict(Msg("scorecard.name_taken", "another scorecard is named {name}", {{"name", name}}), "name");
}

Error InspectionNotFound(Id id) {
  return Error::NotFound(Msg("inspection.not_found", "inspection {id} does not exist", {{"id", std::to_string(id)}}));
}

constexpr std::size_t kMaxReasonChars = 2000;

// The parts of a site record given, into an event's data.
void SiteRecordData(const SiteRecord& site, boost::json::object& data) {
  if (site.checked_at) data["checked_at"] = *site.checked_at;
  if (site.location) {
    data["latitude"] = site.location->latitude;
    data["longitude"] = site.location->longitude;
    if (site.location->accuracy_m) data["accuracy_m"] = *site.location->accuracy_m;
  }
}

Status CheckNamed(const std::string& name, const Scorecard& card) {
  Problems p;
  CheckScorecardName(name, p);
  CheckScorecard(card, p);
  if (auto e = p.Take()) return *e;
  return {};
}

}  // namespace

Service::Service(storage::Database& db, const Clock& clock, CalendarLookup calendar, ServiceOptions options)
    : db_(db), clock_(clock), calendar_(std::move(calendar)), options_(std::move(options)) {}

Result<std::vector<SavedScorecard>> Service::ListScorecards() {
  return db_.Read([](Connection& db) -> Result<std::vector<SavedScorecard>> { return repo::ListScorecards(db); });
}

Result<SavedScorecard> Service::GetScorecard(Id id, std::optional<int> version) {
  return db_.Read([&](Connection& db) -> Result<SavedScorecard> {
    auto c = repo::FindScorecard(db, id, version);
    if (c) return *c;
    if (version && repo::FindScorecard(db, id)) {
      return Error::Invalid("version", Msg("scorecard.no_such_version", "the scorecard has no such version"));
    }
    return ScorecardNotFound(id);
  });
}

Result<SavedScorecard> Service::CreateScorecard(const org::Principal& who, const std::string& name,
                                                const Scorecard& card) {
  SQM_TRY(CheckNamed(name, card));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<SavedScorecard> {
    if (repo::ScorecardNameTaken(tx.db(), name, std::nullopt)) return NameTaken(name);
    SQM_ASSIGN(const Id id,
               repo::InsertScorecard(tx.db(), name, json::Serialize(ScorecardJson(card)), who.staff_id, tx.now()));
    tx.Append("scorecard", std::to_string(id), "scorecard.created", {{"name", name}, {"version", 1}});
    return *repo::FindScorecard(tx.db(), id);
  });
}

Result<SavedScorecard> Service::UpdateScorecard(const org::Principal& who, Id id, const std::string& name,
                                                const Scorecard& card, std::optional<bool> active) {
  SQM_TRY(CheckNamed(name, card));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<SavedScorecard> {
    auto& db = tx.db();
    auto current = repo::FindScorecard(db, id);
    if (!current) return ScorecardNotFound(id);
    if (repo::ScorecardNameTaken(db, name, id)) return NameTaken(name);
    const std::string text = json::Serialize(ScorecardJson(card));
    int version = current->version;
    if (text != json::Serialize(ScorecardJson(current->card))) {
      ++version;
      SQM_TRY(repo::InsertVersion(db, id, version, text, who.staff_id, tx.now()));
    }
    const bool now_active = active.value_or(current->active);
    SQM_TRY(repo::UpdateScorecard(db, id, name, version, now_active, tx.now()));
    tx.Append("scorecard", std::to_string(id), "scorecard.updated",
              {{"name", name}, {"version", version}, {"active", now_active}});
    return *repo::FindScorecard(db, id);
  });
}

// ---- inspections ----

TimeMs Service::AppealDeadline(TimeMs published_at) const {
  constexpr TimeMs kDayMs = 86'400'000;
  auto bt = calendar_ ? calendar_(options_.calendar_code) : nullptr;
  if (!bt) return published_at + options_.appeal_days * kDayMs;
  return calendar::EndOfWorkingDaysAfter(*bt, published_at, options_.appeal_days);
}

Result<Inspection> Service::Assign(const org::Principal& who, const Assignment& a) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> { return AssignIn(tx, who, a); });
}

Result<Inspection> Service::AssignIn(WriteTx& tx, const org::Principal& who, const Assignment& a) {
  auto& db = tx.db();
  Problems p;
  Inspection i{.kind = a.kind, .covert = a.covert, .scorecard_id = a.scorecard_id};
  if (auto card = CheckActiveScorecard(db, a.scorecard_id, "scorecard_id", p)) i.scorecard_version = card->version;
  std::optional<Id> department;
  if (a.kind == Kind::kTicketReview) {
    if (auto t = CheckReviewedTicket(db, a.ticket_id, "ticket_id", p)) {
      i.ticket_id = t->id;
      i.ticket_number = t->number;
      department = t->department_id;
      i.agent_id = t->agent_id;
    }
  } else {
    department = a.department_id;
    i.agent_id = a.agent_id;
    if (!department) p.Add("department_id", Msg("field.required", "is required"));
  }
  if (department) {
    if (auto d = org::repo::FindDepartment(db, *department)) {
      i.department_id = d->id;
      i.department_name = d->name;
    } else {
      p.Add(a.kind == Kind::kTicketReview ? "ticket_id" : "department_id",
            Msg("inspection.no_department", "no such department"));
      department.reset();
    }
  }
  if (i.agent_id) {
    if (auto s = org::repo::FindStaff(db, *i.agent_id)) {
      i.agent_name = s->display_name;
    } else {
      p.Add("agent_id", Msg("inspection.no_staff", "no such staff member"));
    }
  }
  if (auto inspector = CheckInspector(db, a.inspector_id, department, i.agent_id, "inspector_id", p)) {
    i.inspector_id = inspector->id;
    i.inspector_name = inspector->display_name;
  }
  if (auto e = p.Take()) return *e;
  if (!who.scope.Contains(department)) {
    return Error::Forbidden(Msg("inspection.out_of_scope", "outside your scope"));
  }
  i.assigned_by = who.staff_id;
  i.state = State::kAssigned;
  i.created_at = tx.now();
  SQM_ASSIGN(const Id id, repo::InsertInspection(db, i));
  tx.Append("inspection", std::to_string(id), "inspection.assigned",
            {{"kind", std::string(Name(i.kind))},
             {"scorecard_id", i.scorecard_id},
             {"version", i.scorecard_version},
             {"inspector_id", i.inspector_id},
             {"covert", i.covert}});
  return *repo::FindInspection(db, id);
}

Result<std::vector<Inspection>> Service::ListInspections(const org::Principal& who, repo::InspectionQuery q) {
  return db_.Read([&](Connection& db) -> Result<std::vector<Inspection>> {
    std::vector<Inspection> out;
    const int want = std::clamp(q.limit, 1, 200);
    // Read in pages until `want` visible ones are found; at most 20 pages.
    q.limit = 200;
    for (int page = 0; page < 20 && static_cast<int>(out.size()) < want; ++page) {
      auto rows = repo::ListInspections(db, q);
      for (auto& i : rows) {
        if (static_cast<int>(out.size()) < want && Sees(who, i)) out.push_back(std::move(i));
      }
      if (static_cast<int>(rows.size()) < q.limit) break;
      q.before_id = rows.back().id;
    }
    return out;
  });
}

Result<Inspection> Service::GetInspection(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<Inspection> {
    auto i = repo::FindInspection(db, id);
    if (!i || !Sees(who, *i)) return InspectionNotFound(id);
    return *i;
  });
}

Result<std::pair<Inspection, State>> Service::Load(Connection& db, const org::Principal& who, Id id, Action a,
                                                   TimeMs now) {
  auto i = repo::FindInspection(db, id);
  if (!i || !Sees(who, *i)) return InspectionNotFound(id);
  SQM_TRY(MayAct(who, *i, a, now));
  SQM_ASSIGN(const State next, Next(i->state, a));
  return std::make_pair(*i, next);
}

Result<Inspection> Service::SaveAnswers(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                                        const std::string& notes, const SiteRecord& site) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> {
    SQM_ASSIGN(auto loaded, Load(tx.db(), who, id, Action::kSave, tx.now()));
    auto card = repo::FindScorecard(tx.db(), loaded.first.scorecard_id, loaded.first.scorecard_version);
    Problems p;
    if (card) CheckAnswers(card->card, answers, p);
    CheckText("notes", notes, kMaxNotesChars, p);
    CheckSiteRecord(site, loaded.first.created_at, tx.now(), p);
    if (auto e = p.Take()) return *e;
    SQM_TRY(repo::SaveAnswers(tx.db(), id, loaded.second, json::Serialize(AnswersJson(answers)), notes));
    SQM_TRY(repo::SaveSiteRecord(tx.db(), id, site));
    boost::json::object data{{"answers", answers.size()}};
    SiteRecordData(site, data);
    tx.Append("inspection", std::to_string(id), "inspection.saved", std::move(data));
    return *repo::FindInspection(tx.db(), id);
  });
}

Result<Inspection> Service::Submit(const org::Principal& who, Id id, const std::map<std::string, Answer>& answers,
                                   const std::string& notes, const SiteRecord& site) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> {
    SQM_ASSIGN(auto loaded, Load(tx.db(), who, id, Action::kSubmit, tx.now()));
    auto card = repo::FindScorecard(tx.db(), loaded.first.scorecard_id, loaded.first.scorecard_version);
    if (!card) return Error::Internal(Msg("inspection.card_missing", "the inspection's scorecard version is missing"));
    Problems p;
    CheckAnswers(card->card, answers, p);
    CheckText("notes", notes, kMaxNotesChars, p);
    CheckSiteRecord(site, loaded.first.created_at, tx.now(), p);
    if (auto e = p.Take()) return *e;
    SQM_ASSIGN(const CardResult score, ScoreCard(card->card, answers));
    SQM_TRY(repo::SaveSubmission(tx.db(), id, json::Serialize(AnswersJson(answers)), notes, score.percent, score.passed,
                                 score.failed, tx.now()));
    SQM_TRY(repo::SaveSiteRecord(tx.db(), id, site));
    boost::json::object data{
        {"percent", score.percent ? boost::json::value(*score.percent) : boost::json::value(nullptr)},
        {"passed", score.passed}};
    SiteRecordData(site, data);
    tx.Append("inspection", std::to_string(id), "inspection.submitted", std::move(data));
    return *repo::FindInspection(tx.db(), id);
  });
}

Result<Inspection> Service::Publish(const org::Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> {
    SQM_ASSIGN(auto loaded, Load(tx.db(), who, id, Action::kPublish, tx.now()));
    const TimeMs deadline = AppealDeadline(tx.now());
    SQM_TRY(repo::SavePublication(tx.db(), id, tx.now(), deadline));
    tx.Append("inspection", std::to_string(id), "inspection.published", {{"appeal_deadline", deadline}});
    return *repo::FindInspection(tx.db(), id);
  });
}

Result<Inspection> Service::Acknowledge(const org::Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> {
    SQM_ASSIGN(auto loaded, Load(tx.db(), who, id, Action::kAcknowledge, tx.now()));
    SQM_TRY(repo::SaveAcknowledgement(tx.db(), id, tx.now()));
    tx.Append("inspection", std::to_string(id), "inspection.acknowledged", {});
    return *repo::FindInspection(tx.db(), id);
  });
}

Result<Inspection> Service::FileAppeal(const org::Principal& who, Id id, const std::string& reason) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> {
    SQM_ASSIGN(auto loaded, Load(tx.db(), who, id, Action::kAppeal, tx.now()));
    Problems p;
    if (json::CodePoints(reason) == 0) p.Add("reason", Msg("field.required", "is required"));
    CheckText("reason", reason, kMaxReasonChars, p);
    if (auto e = p.Take()) return *e;
    SQM_TRY(repo::SaveAppeal(tx.db(), id, who.staff_id, reason, tx.now()));
    tx.Append("inspection", std::to_string(id), "inspection.appealed", {{"reason", Bounded(reason)}});
    return *repo::FindInspection(tx.db(), id);
  });
}

Result<Inspection> Service::Decide(const org::Principal& who, Id id, const Decision& d) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Inspection> {
    auto& db = tx.db();
    SQM_ASSIGN(auto loaded, Load(db, who, id, Action::kDecide, tx.now()));
    const Inspection& old = loaded.first;
    Problems p;
    if (json::CodePoints(d.reason) == 0) p.Add("reason", Msg("field.required", "is required"));
    CheckText("reason", d.reason, kMaxReasonChars, p);
    const bool corrects = d.outcome != Outcome::kRejected;
    if (!corrects && !d.answers.empty()) {
      p.Add("answers", Msg("inspection.rejected_answers", "a rejected appeal changes no answers"));
    }
    auto card = repo::FindScorecard(db, old.scorecard_id, old.scorecard_version);
    if (!card) return Error::Internal(Msg("inspection.card_missing", "the inspection's scorecard version is missing"));
    std::optional<CardResult> score;
    if (corrects) {
      // The corrected answers: the old ones with the reviewer's changes over them.
      std::map<std::string, Answer> answers = old.answers;
      for (const auto& [code, a] : d.answers) answers[code] = a;
      CheckAnswers(card->card, d.answers, p);
      if (d.answers.empty()) p.Add("answers", Msg("inspection.no_correction", "name the answers the appeal corrects"));
      if (p.empty()) {
        auto s = ScoreCard(card->card, answers);
        if (!s.ok()) {
          p.Add(s.error());
        } else {
          score = *s;
        }
      }
      if (auto e = p.Take()) return *e;
      Inspection fixed = old;
      fixed.answers = answers;
      fixed.percent = score->percent;
      fixed.passed = score->passed;
      fixed.critical_failed = score->failed;
      fixed.corrects_id = old.id;
      fixed.state = State::kFinal;
      fixed.created_at = tx.now();
      fixed.submitted_at = tx.now();
      fixed.published_at = tx.now();
      fixed.final_at = tx.now();
      SQM_ASSIGN(const Id fixed_id, repo::InsertInspection(db, fixed));
      SQM_TRY(repo::SaveDecision(db, id, who.staff_id, d.outcome, d.reason, tx.now(), fixed_id));
      tx.Append("inspection", std::to_string(fixed_id), "inspection.corrected",
                {{"corrects_id", old.id},
                 {"percent", score->percent ? boost::json::value(*score->percent) : boost::json::value(nullptr)}});
    } else {
      if (auto e = p.Take()) return *e;
      SQM_TRY(repo::SaveDecision(db, id, who.staff_id, d.outcome, d.reason, tx.now(), std::nullopt));
    }
    tx.Append("inspection", std::to_string(id), "inspection.appeal_decided",
              {{"outcome", std::string(Name(d.outcome))}, {"reason", Bounded(d.reason)}});
    return *repo::FindInspection(db, id);
  });
}

// ---- photos ----

namespace {

Error PhotoNotFound(Id id) {
  return Error::NotFound(Msg("photo.not_found", "photo {id} does not exist", {{"id", std::to_string(id)}}));
}

}  // namespace

Result<Photo> Service::AddPhoto(const org::Principal& who, Id id, const std::string& item_code,
                                const std::string& bytes) {
  // The bytes are judged and hashed before the write begins; who may add them, inside it.
  const auto type = CheckPhoto(bytes);
  const std::string sha256 = type.ok() ? crypto::Sha256Hex(bytes) : std::string();
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Photo> {
    auto& db = tx.db();
    // The count below and the insert are one step: another upload to this inspection waits here.
    SQM_TRY(repo::LockInspectionForPhotos(db, id));
    SQM_ASSIGN(auto loaded, Load(db, who, id, Action::kSave, tx.now()));
    auto card = repo::FindScorecard(db, loaded.first.scorecard_id, loaded.first.scorecard_version);
    const bool known =
        card && std::any_of(card->card.sections.begin(), card->card.sections.end(), [&](const Section& s) {
          return std::any_of(s.items.begin(), s.items.end(), [&](const Item& i) { return i.code == item_code; });
        });
    if (!known) return Error::Invalid("item", Msg("scorecard.unknown_item", "is not an item of the scorecard"));
    if (!type.ok()) return type.error();
    const auto photos = repo::ListPhotos(db, id);
    const auto of_item =
        std::count_if(photos.begin(), photos.end(), [&](const Photo& ph) { return ph.item_code == item_code; });
    if (photos.size() >= kMaxPhotosPerInspection) {
      return Error::Conflict(
          Msg("photo.too_many", "at most {max} photos", {{"max", std::to_string(kMaxPhotosPerInspection)}}), "photos");
    }
    if (static_cast<std::size_t>(of_item) >= kMaxPhotosPerItem) {
      return Error::Conflict(
          Msg("photo.too_many", "at most {max} photos", {{"max", std::to_string(kMaxPhotosPerItem)}}), "item");
    }
    Photo photo{.inspection_id = id,
                .item_code = item_code,
                .type = *type,
                .size = static_cast<std::int64_t>(bytes.size()),
                .sha256 = sha256,
                .uploaded_by = who.staff_id,
                .uploaded_at = tx.now()};
    SQM_ASSIGN(photo.id, repo::InsertPhoto(db, photo, bytes));
    tx.Append("inspection", std::to_string(id), "inspection.photo_added",
              {{"photo_id", photo.id},
               {"item", item_code},
               {"type", std::string(MediaTypeOf(photo.type))},
               {"size", photo.size},
               {"sha256", photo.sha256}});
    return photo;
  });
}

Result<std::vector<Photo>> Service::ListPhotos(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) -> Result<std::vector<Photo>> {
    auto i = repo::FindInspection(db, id);
    if (!i || !Sees(who, *i)) return InspectionNotFound(id);
    return repo::ListPhotos(db, id);
  });
}

Result<PhotoFile> Service::GetPhoto(const org::Principal& who, Id id, Id photo_id) {
  return db_.Read([&](Connection& db) -> Result<PhotoFile> {
    auto i = repo::FindInspection(db, id);
    if (!i || !Sees(who, *i)) return InspectionNotFound(id);
    auto found = repo::FindPhoto(db, id, photo_id);
    if (!found) return PhotoNotFound(photo_id);
    return PhotoFile{std::move(found->first), std::move(found->second)};
  });
}

Status Service::DeletePhoto(const org::Principal& who, Id id, Id photo_id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    SQM_TRY(Load(tx.db(), who, id, Action::kSave, tx.now()));
    auto found = repo::FindPhoto(tx.db(), id, photo_id);
    if (!found) return PhotoNotFound(photo_id);
    SQM_TRY(repo::DeletePhoto(tx.db(), photo_id));
    tx.Append("inspection", std::to_string(id), "inspection.photo_removed",
              {{"photo_id", photo_id}, {"item", found->first.item_code}, {"sha256", found->first.sha256}});
    return {};
  });
}

// ---- sampling plans ----

namespace {

Error PlanNotFound(Id id) {
  return Error::NotFound(Msg("sampling.not_found", "sampling plan {id} does not exist", {{"id", std::to_string(id)}}));
}

bool InScope(const org::Principal& who, const SamplingPlan& plan) {
  return std::all_of(plan.department_ids.begin(), plan.department_ids.end(),
                     [&](Id d) { return who.scope.Contains(d); });
}

}  // namespace

Result<SamplingPlan> Service::LoadPlan(Connection& db, const org::Principal& who, Id id) {
  auto plan = repo::FindPlan(db, id);
  if (!plan || !InScope(who, *plan)) return PlanNotFound(id);
  return *plan;
}

Result<std::vector<SamplingPlan>> Service::ListPlans(const org::Principal& who) {
  return db_.Read([&](Connection& db) -> Result<std::vector<SamplingPlan>> {
    std::vector<SamplingPlan> out;
    for (auto& plan : repo::ListPlans(db)) {
      if (InScope(who, plan)) out.push_back(std::move(plan));
    }
    return out;
  });
}

Result<SamplingPlan> Service::GetPlan(const org::Principal& who, Id id) {
  return db_.Read([&](Connection& db) { return LoadPlan(db, who, id); });
}

Result<SamplingPlan> Service::CreatePlan(const org::Principal& who, SamplingPlan plan) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<SamplingPlan> {
    auto& db = tx.db();
    Problems p;
    CheckPlan(plan, p);
    if (repo::PlanNameTaken(db, plan.name)) {
      p.Add(Error::Conflict(Msg("sampling.name_taken", "another sampling plan is named {name}", {{"name", plan.name}}),
                            "name"));
    }
    CheckActiveScorecard(db, plan.scorecard_id, "scorecard_id", p);
    for (std::size_t k = 0; k < plan.department_ids.size(); ++k) {
      const std::string field = "department_ids[" + std::to_string(k) + "]";
      if (!org::repo::FindDepartment(db, plan.department_ids[k])) {
        p.Add(field, Msg("inspection.no_department", "no such department"));
      } else if (!who.scope.Contains(plan.department_ids[k])) {
        p.Add(field, Msg("inspection.out_of_scope", "outside your scope"));
      }
    }
    for (std::size_t k = 0; k < plan.inspector_ids.size(); ++k) {
      CheckInspector(db, plan.inspector_ids[k], std::nullopt, std::nullopt, "inspector_ids[" + std::to_string(k) + "]",
                     p);
    }
    if (auto e = p.Take()) return *e;
    plan.active = true;
    plan.created_by = who.staff_id;
    plan.created_at = tx.now();
    SQM_ASSIGN(plan.id, repo::InsertPlan(db, plan));
    tx.Append("sampling_plan", std::to_string(plan.id), "sampling.plan_created",
              {{"name", plan.name},
               {"cycle", std::string(Name(plan.cycle))},
               {"quota", std::string(Name(plan.quota))},
               {"amount", plan.amount},
               {"department_ids", IdsJson(plan.department_ids)},
               {"inspector_ids", IdsJson(plan.inspector_ids)},
               {"scorecard_id", plan.scorecard_id}});
    return plan;
  });
}

Result<SamplingPlan> Service::UpdatePlan(const org::Principal& who, Id id, const PlanChange& change) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<SamplingPlan> {
    auto& db = tx.db();
    SQM_ASSIGN(const SamplingPlan old, LoadPlan(db, who, id));
    SamplingPlan plan = old;
    plan.name = change.name.value_or(old.name);
    plan.quota = change.quota.value_or(old.quota);
    plan.amount = change.amount.value_or(old.amount);
    plan.by_channel = change.by_channel.value_or(old.by_channel);
    plan.by_type = change.by_type.value_or(old.by_type);
    plan.complaints = change.complaints.value_or(old.complaints);
    plan.breaches = change.breaches.value_or(old.breaches);
    plan.active = change.active.value_or(old.active);
    Problems p;
    CheckPlan(plan, p);
    if (plan.name != old.name && repo::PlanNameTaken(db, plan.name, id)) {
      p.Add(Error::Conflict(Msg("sampling.name_taken", "another sampling plan is named {name}", {{"name", plan.name}}),
                            "name"));
    }
    if (auto e = p.Take()) return *e;
    boost::json::object changed;
    if (plan.name != old.name) changed["name"] = plan.name;
    if (plan.quota != old.quota) changed["quota"] = std::string(Name(plan.quota));
    if (plan.amount != old.amount) changed["amount"] = plan.amount;
    if (plan.by_channel != old.by_channel) changed["by_channel"] = plan.by_channel;
    if (plan.by_type != old.by_type) changed["by_type"] = plan.by_type;
    if (plan.complaints != old.complaints) changed["complaints"] = plan.complaints;
    if (plan.breaches != old.breaches) changed["breaches"] = plan.breaches;
    if (plan.active != old.active) changed["active"] = plan.active;
    if (changed.empty()) return plan;
    SQM_TRY(repo::UpdatePlan(db, plan));
    tx.Append("sampling_plan", std::to_string(id), "sampling.plan_updated", std::move(changed));
    return plan;
  });
}

Result<SamplingRun> Service::Draw(Connection& db, const org::Principal& who, Id plan_id, const RunRequest& r,
                                  TimeMs now) {
  SQM_ASSIGN(const SamplingPlan plan, LoadPlan(db, who, plan_id));
  if (!plan.active) return Error::Conflict(Msg("sampling.inactive", "the sampling plan is not active"), "plan");
  if (r.seed && *r.seed > sampling::kMaxSeed) {
    return Error::Invalid("seed", Msg("field.out_of_range", "must be between {min} and {max}",
                                      {{"min", "0"}, {"max", std::to_string(sampling::kMaxSeed)}}));
  }
  constexpr TimeMs kDayMs = 86'400'000;
  const calendar::Zone& zone = options_.zone;
  const TimeMs at = r.at.value_or(now);
  SamplingRun run{.plan_id = plan.id, .seed = r.seed ? *r.seed : sampling::RandomSeed()};
  if (plan.cycle == Cycle::kWeek) {
    run.cycle_start = zone.StartOfWeek(at);
    run.cycle_end = zone.StartOfWeek(run.cycle_start + 8 * kDayMs);
  } else {
    run.cycle_start = zone.StartOfMonth(at);
    run.cycle_end = zone.StartOfMonth(run.cycle_start + 32 * kDayMs);
  }
  const auto subtree = org::Subtree(plan.department_ids, org::repo::DepartmentChildren(db));
  const auto candidates =
      repo::Candidates(db, run.cycle_start, run.cycle_end, std::vector<Id>(subtree.begin(), subtree.end()), now);
  const auto earlier = repo::SampledIn(db, plan.id, run.cycle_start);
  Sample sample = DrawSample(candidates, earlier, plan, run.seed);
  // The rotation goes on from where the cycle's earlier runs left it.
  const auto inspectors = RoundRobin(sample.tickets, plan.inspector_ids, earlier.size());
  for (std::size_t k = 0; k < sample.tickets.size(); ++k) {
    if (!inspectors[k]) {
      return Error::Invalid("inspector_ids",
                            Msg("sampling.only_inspector_is_agent",
                                "ticket {number} was drawn and its agent {name} is the only inspector",
                                {{"number", sample.tickets[k].ticket_number}, {"name", sample.tickets[k].agent_name}}));
    }
    run.tickets.push_back({.ticket = sample.tickets[k], .inspector_id = inspectors[k]});
  }
  run.candidates = std::ssize(candidates);
  run.drawn = std::ssize(run.tickets);
  run.coverage = std::move(sample.coverage);
  run.created_by = who.staff_id;
  run.created_at = now;
  return run;
}

Result<SamplingRun> Service::RunPlan(const org::Principal& who, Id plan_id, const RunRequest& r) {
  if (r.dry_run) {
    return db_.Read([&](Connection& db) { return Draw(db, who, plan_id, r, clock_.Now()); });
  }
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<SamplingRun> {
    SQM_ASSIGN(SamplingRun run, Draw(tx.db(), who, plan_id, r, tx.now()));
    SQM_ASSIGN(const SamplingPlan plan, LoadPlan(tx.db(), who, plan_id));
    SQM_ASSIGN(run.id, repo::InsertRun(tx.db(), run));
    boost::json::array ticket_ids;
    for (auto& t : run.tickets) {
      const Assignment a{.kind = Kind::kTicketReview,
                         .scorecard_id = plan.scorecard_id,
                         .ticket_id = t.ticket.ticket_id,
                         .inspector_id = *t.inspector_id};
      SQM_ASSIGN(const Inspection i, AssignIn(tx, who, a));
      t.inspection_id = i.id;
      SQM_TRY(repo::InsertSampled(tx.db(), plan.id, run.cycle_start, t.ticket.ticket_id, run.id, i.id));
      ticket_ids.push_back(t.ticket.ticket_id);
    }
    tx.Append("sampling_plan", std::to_string(plan.id), "sampling.sample_drawn",
              {{"run_id", run.id},
               {"cycle_start", run.cycle_start},
               {"cycle_end", run.cycle_end},
               {"seed", static_cast<std::int64_t>(run.seed)},
               {"candidates", run.candidates},
               {"drawn", run.drawn},
               {"ticket_ids", std::move(ticket_ids)}});
    return run;
  });
}

Result<std::vector<SamplingRun>> Service::ListRuns(const org::Principal& who, Id plan_id) {
  return db_.Read([&](Connection& db) -> Result<std::vector<SamplingRun>> {
    SQM_TRY(LoadPlan(db, who, plan_id));
    return repo::ListRuns(db, plan_id, 100);
  });
}

// ---- charts ----

Result<std::vector<Inspection>> Service::Scored(const org::Principal& who, TimeMs from, TimeMs to) {
  constexpr TimeMs kDayMs = 86'400'000;
  if (to <= from || to - from > kMaxReportDays * kDayMs) {
    return Error::Invalid("to", Msg("inspection.report_range", "must be after from and at most {days} days later",
                                    {{"days", std::to_string(kMaxReportDays)}}));
  }
  return db_.Read([&](Connection& db) -> Result<std::vector<Inspection>> {
    std::vector<Inspection> out;
    for (auto& i : repo::PublishedBetween(db, from, to, 50'000)) {
      if (Sees(who, i)) out.push_back(std::move(i));
    }
    return out;
  });
}

Result<std::vector<TrendPoint>> Service::ScoreTrend(const org::Principal& who, TrendBy by, Cycle period, TimeMs from,
                                                    TimeMs to) {
  SQM_ASSIGN(const auto rows, Scored(who, from, to));
  const calendar::Zone& zone = options_.zone;
  return Trend(rows, by, [&](TimeMs t) { return period == Cycle::kWeek ? zone.StartOfWeek(t) : zone.StartOfMonth(t); });
}

Result<std::vector<ParetoBar>> Service::FailurePareto(const org::Principal& who, TimeMs from, TimeMs to) {
  SQM_ASSIGN(const auto rows, Scored(who, from, to));
  using Cards = std::map<std::pair<Id, int>, std::optional<SavedScorecard>>;
  const Cards cards = db_.Read([&](Connection& db) {
    Cards out;
    for (const auto& i : rows) {
      const auto key = std::make_pair(i.scorecard_id, i.scorecard_version);
      if (!out.contains(key)) out[key] = repo::FindScorecard(db, i.scorecard_id, i.scorecard_version);
    }
    return out;
  });
  return Pareto(rows, [&](const Inspection& i) -> const Scorecard* {
    auto it = cards.find({i.scorecard_id, i.scorecard_version});
    return it != cards.end() && it->second ? &it->second->card : nullptr;
  });
}

}  // namespace sqm::inspection
