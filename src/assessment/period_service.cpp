#include "assessment/period_service.h"

#include <algorithm>
#include <set>

#include "assessment/period_repo.h"
#include "assessment/result_codec.h"
#include "assessment/scheme_repo.h"
#include "base/json.h"
#include "base/text.h"
#include "calendar/working_days.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::assessment {

namespace bj = boost::json;

namespace {

constexpr const char* kPeriodEntity = "assessment_period";
constexpr const char* kSchemeEntity = "assessment_scheme";
constexpr const char* kIndicatorEntity = "assessment_indicator";
constexpr std::int64_t kDayMs = 86'400'000;

Error PeriodNotFound(RecordId id) {
  return Error::NotFound(Msg("period.not_found", "period {id} does not exist", {{"id", std::to_string(id)}}));
}

Error SchemeNotFound(RecordId id) {
  return Error::NotFound(Msg("scheme.not_found", "scheme {id} does not exist", {{"id", std::to_string(id)}}));
}

Error VersionNotFound(int number) {
  return Error::NotFound(
      Msg("scheme.version_not_found", "version {number} does not exist", {{"number", std::to_string(number)}}));
}

// Outside the caller's scope reads as absent (as tickets outside a scope do), so that ids reveal nothing.
Error NotYours() {
  return Error::NotFound(Msg("assessment.not_in_scope", "these results are outside your scope"));
}

IndicatorLookup LookupIn(storage::Connection& db) {
  return [&db](const std::string& code) { return repo::FindIndicator(db, code); };
}

// The library indicators the scheme's leaves name, as they are now.
std::map<std::string, Indicator> SchemeIndicators(storage::Connection& db, const SchemeDocument& doc) {
  std::map<std::string, Indicator> out;
  for (const auto& [node, leaf] : doc.leaves) {
    if (auto ind = repo::FindIndicator(db, leaf.indicator)) out[leaf.indicator] = *ind;
  }
  return out;
}

bool TakesInputs(PeriodStatus s) {
  return s == PeriodStatus::kPlanned || s == PeriodStatus::kCollecting;
}

// The month periods a quarter or year of `p`'s scheme and scope is made of: inside its range,
// in time order.
std::vector<Period> MonthsWithin(storage::Connection& db, const Period& p) {
  std::vector<Period> out;
  for (Period& m : repo::ListPeriods(db)) {
    if (m.scheme_id == p.scheme_id && m.kind == PeriodKind::kMonth && m.scope_department_id == p.scope_department_id &&
        m.from_ms >= p.from_ms && m.to_ms <= p.to_ms) {
      out.push_back(std::move(m));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Period& a, const Period& b) { return std::tie(a.from_ms, a.id) < std::tie(b.from_ms, b.id); });
  return out;
}

PeriodResults StoredResults(const Period& p, const SchemeDocument& doc, storage::Connection& c);

// The names an appeal is shown with: its period's, and its assessee's (a staff member or a
// department, by the scheme's kind).
void NameAppeal(storage::Connection& db, const Period& p, SubjectKind kind, Appeal& a) {
  a.period_name = p.name;
  if (kind == SubjectKind::kDepartment) {
    if (auto d = org::repo::FindDepartment(db, a.assessee_id)) a.assessee_name = d->name;
  } else if (auto s = org::repo::FindStaff(db, a.assessee_id)) {
    a.assessee_name = s->display_name;
  }
}

// The adjustment `id`, or not found.
Result<Adjustment> AdjustmentOf(storage::Connection& db, RecordId id) {
  auto adj = repo::FindAdjustment(db, id);
  if (!adj) {
    return Error::NotFound(Msg("adjustment.not_found", "adjustment {id} does not exist", {{"id", std::to_string(id)}}));
  }
  return *adj;
}

// A period made of its months takes no input of its own: its months had theirs.
std::vector<ManualField> ManualFieldsOf(const Period& p, const SchemeDocument& doc,
                                        const std::map<std::string, Indicator>& indicators) {
  if (RollsUp(p.kind, doc.rollup)) return {};
  return ManualFields(doc, indicators);
}

// The comments on a result, with the names of who wrote them.
std::vector<ResultComment> CommentsOf(storage::Connection& db, RecordId period_id, RecordId assessee_id) {
  std::vector<ResultComment> out = repo::ListComments(db, period_id, assessee_id);
  for (ResultComment& c : out) {
    auto staff = org::repo::FindStaff(db, c.written_by);
    c.written_by_name = staff ? staff->display_name : std::to_string(c.written_by);
  }
  return out;
}

// The snapshot an evaluated period stored.
Result<Snapshot> StoredSnapshot(storage::Connection& db, RecordId period_id) {
  auto texts = repo::PeriodTexts(db, period_id);
  if (!texts) return Error::Internal("an evaluated period without a snapshot");
  auto snap_json = json::Parse(texts->first);
  if (!snap_json.ok()) return Error::Internal("the stored snapshot does not read");
  return SnapshotFromJson(*snap_json);
}

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The result of `assessee` among `results`, or nullptr.
const AssesseeResult* ResultIn(const PeriodResults& results, RecordId assessee) {
  auto r = std::find_if(results.items.begin(), results.items.end(),
                        [&](const AssesseeResult& a) { return a.assessee.id == assessee; });
  return r == results.items.end() ? nullptr : &*r;
}

std::vector<AssesseeRef> AssesseesOf(const PeriodResults& results) {
  std::vector<AssesseeRef> out;
  for (const AssesseeResult& a : results.items) out.push_back(a.assessee);
  return out;
}

// A correction's grade and coefficient by the scheme, given the results it corrects (a veto's
// failure still holds).
void GradeCorrection(Correction& c, const SchemeDocument& doc, const PeriodResults& results) {
  const AssesseeResult* r = ResultIn(results, c.assessee_id);
  const CorrectedStanding st = StandingOfCorrection(doc.ranking, c.corrected_total, r && r->failed);
  c.grade = st.grade;
  c.coefficient = st.coefficient;
}

// The corrections of `p` (of one assessee when given), graded.
std::vector<Correction> GradedCorrections(storage::Connection& db, const Period& p, const SchemeDocument& doc,
                                          const PeriodResults& results, std::optional<RecordId> assessee) {
  std::vector<Correction> out = repo::ListCorrections(db, p.id, assessee);
  for (Correction& c : out) GradeCorrection(c, doc, results);
  return out;
}

Error CorrectionNotFound(RecordId id) {
  return Error::NotFound(Msg("correction.not_found", "correction {id} does not exist", {{"id", std::to_string(id)}}));
}

bj::object PeriodEvent(const Period& p) {
  return {{"name", p.name}, {"scheme_id", p.scheme_id}, {"version", p.version}, {"status", PeriodStatusName(p.status)}};
}

}  // namespace

struct PeriodService::Loaded {
  Period period;
  SchemeRecord scheme;
  SchemeVersion version;
  SchemeDocument document;
};

PeriodService::PeriodService(storage::Database& db, const Clock& clock, MeasureSource& measures,
                             CalendarLookup calendar, PeriodServiceOptions options)
    : db_(db), clock_(clock), measures_(measures), calendar_(std::move(calendar)), options_(std::move(options)) {}

// ---------------------------------------------------------------- indicators

Result<std::vector<Indicator>> PeriodService::ListIndicators(const org::Principal&) {
  return db_.Read([](storage::Connection& c) { return repo::ListIndicators(c); });
}

Result<Indicator> PeriodService::SaveIndicator(const org::Principal& who, Indicator ind, bool create) {
  SQM_ASSIGN(auto catalogue, measures_.Catalogue());
  std::set<std::string, std::less<>> known;
  for (const MeasureInfo& m : catalogue) known.insert(m.code);
  SQM_TRY(CheckIndicator(ind, [&](std::string_view code) { return known.contains(code); }));
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Indicator> {
    const bool exists = repo::FindIndicator(tx.db(), ind.code).has_value();
    if (create && exists) {
      return Error::Conflict(Msg("indicator.taken", "indicator '{code}' exists already", {{"code", ind.code}}), "code");
    }
    if (!create && !exists) {
      return Error::NotFound(Msg("indicator.not_found", "indicator '{code}' does not exist", {{"code", ind.code}}));
    }
    SQM_TRY(repo::SaveIndicator(tx.db(), ind, tx.now()));
    tx.Append(kIndicatorEntity, ind.code, create ? "assessment.indicator_created" : "assessment.indicator_updated",
              {{"formula", ind.formula}, {"kind", IndicatorKindName(ind.kind)}, {"unit", ind.unit}});
    ind.updated_at = tx.now();
    return ind;
  });
}

// ---------------------------------------------------------------- schemes

Result<std::vector<SchemeRecord>> PeriodService::ListSchemes(const org::Principal&) {
  const std::int64_t now = clock_.Now();
  return db_.Read([&](storage::Connection& c) { return repo::ListSchemes(c, now); });
}

Result<SchemeRecord> PeriodService::CreateScheme(const org::Principal& who, const SchemeDraft& d) {
  Problems problems;
  if (!IsCode(d.code)) problems.Add("code", Msg("assessment.code", "must be 1-64 letters, digits, '_' or '-'"));
  if (d.name.zh.empty()) problems.Add("name.zh", Msg("field.required", "is required"));
  if (d.name.en.empty()) problems.Add("name.en", Msg("field.required", "is required"));
  if (auto e = problems.Take()) return *e;
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<SchemeRecord> {
    if (repo::FindSchemeIdByCode(tx.db(), d.code)) {
      return Error::Conflict(Msg("scheme.taken", "scheme '{code}' exists already", {{"code", d.code}}), "code");
    }
    SchemeRecord s{.id = 0,
                   .code = d.code,
                   .name = d.name,
                   .subject_kind = d.subject_kind,
                   .versions = {},
                   .current_version = std::nullopt};
    SQM_ASSIGN(s.id, repo::InsertScheme(tx.db(), s, who.staff_id, tx.now()));
    tx.Append(kSchemeEntity, std::to_string(s.id), "assessment.scheme_created",
              {{"code", s.code}, {"subject_kind", SubjectKindText(s.subject_kind)}});
    return s;
  });
}

Result<SchemeVersion> PeriodService::GetVersion(const org::Principal&, RecordId scheme_id, int number) {
  auto v = db_.Read([&](storage::Connection& c) { return repo::FindVersion(c, scheme_id, number); });
  if (!v) return VersionNotFound(number);
  return *v;
}

Result<SchemeDocument> PeriodService::CheckDocument(const bj::value& document) {
  return db_.Read([&](storage::Connection& c) { return ParseSchemeDocument(document, LookupIn(c)); });
}

Result<SchemeVersion> PeriodService::AddVersion(const org::Principal& who, RecordId scheme_id,
                                                const bj::value& document) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<SchemeVersion> {
    if (!repo::FindScheme(tx.db(), scheme_id, tx.now())) return SchemeNotFound(scheme_id);
    SQM_TRY(ParseSchemeDocument(document, LookupIn(tx.db())));
    SchemeVersion v{.scheme_id = scheme_id,
                    .number = 0,
                    .status = VersionStatus::kDraft,
                    .document = json::Serialize(document),
                    .author_id = who.staff_id,
                    .approver_id = std::nullopt,
                    .effective_from = std::nullopt,
                    .created_at = tx.now()};
    SQM_ASSIGN(v.number, repo::InsertVersion(tx.db(), v));
    tx.Append(kSchemeEntity, std::to_string(scheme_id), "assessment.version_created",
              {{"number", v.number}, {"document", document}});
    return v;
  });
}

Result<SchemeVersion> PeriodService::UpdateVersion(const org::Principal& who, RecordId scheme_id, int number,
                                                   const bj::value& document) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<SchemeVersion> {
    auto v = repo::FindVersion(tx.db(), scheme_id, number);
    if (!v) return VersionNotFound(number);
    if (v->status != VersionStatus::kDraft) {
      return Error::Conflict(Msg("scheme.version_approved", "an approved version never changes: add a new version"),
                             "status");
    }
    SQM_TRY(ParseSchemeDocument(document, LookupIn(tx.db())));
    v->document = json::Serialize(document);
    SQM_TRY(repo::SaveVersionDocument(tx.db(), scheme_id, number, v->document));
    tx.Append(kSchemeEntity, std::to_string(scheme_id), "assessment.version_updated",
              {{"number", number}, {"document", document}});
    return *v;
  });
}

Result<SchemeVersion> PeriodService::ApproveVersion(const org::Principal& who, RecordId scheme_id, int number,
                                                    std::int64_t effective_from) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<SchemeVersion> {
    auto v = repo::FindVersion(tx.db(), scheme_id, number);
    if (!v) return VersionNotFound(number);
    if (v->status != VersionStatus::kDraft) {
      return Error::Conflict(Msg("scheme.version_approved", "an approved version never changes: add a new version"),
                             "status");
    }
    if (v->author_id == who.staff_id) {
      return Error::Forbidden(Msg("scheme.approver_is_author", "the author of a version cannot approve it"));
    }
    // The library may have lost an indicator since the draft was written.
    SQM_TRY(ParseSchemeDocument(json::Parse(v->document).value(), LookupIn(tx.db())));
    SQM_TRY(repo::ApproveVersion(tx.db(), scheme_id, number, who.staff_id, effective_from, tx.now()));
    tx.Append(kSchemeEntity, std::to_string(scheme_id), "assessment.version_approved",
              {{"number", number}, {"effective_from", effective_from}});
    v->status = VersionStatus::kApproved;
    v->approver_id = who.staff_id;
    v->effective_from = effective_from;
    return *v;
  });
}

Result<SchemeRecord> PeriodService::ImportScheme(const org::Principal& who, const SchemeDraft& draft,
                                                 const bj::value& document) {
  SQM_TRY(CheckDocument(document));
  SQM_ASSIGN(SchemeRecord s, CreateScheme(who, draft));
  SQM_ASSIGN(SchemeVersion v, AddVersion(who, s.id, document));
  v.document.clear();
  s.versions.push_back(v);
  return s;
}

// ---------------------------------------------------------------- periods

Result<PeriodService::Loaded> PeriodService::Load(storage::Connection& db, RecordId period_id) {
  auto p = repo::FindPeriod(db, period_id);
  if (!p) return PeriodNotFound(period_id);
  Loaded l;
  l.period = *p;
  auto s = repo::FindScheme(db, p->scheme_id, clock_.Now());
  if (!s) return SchemeNotFound(p->scheme_id);
  l.scheme = *s;
  auto v = repo::FindVersion(db, p->scheme_id, p->version);
  if (!v) return VersionNotFound(p->version);
  l.version = *v;
  auto text = json::Parse(v->document);
  if (!text.ok()) return Error::Internal("the stored scheme document does not read");
  SQM_ASSIGN(l.document, ParseSchemeDocument(*text, LookupIn(db)));
  return l;
}

Result<std::vector<Period>> PeriodService::ListPeriods(const org::Principal&) {
  return db_.Read([](storage::Connection& c) { return repo::ListPeriods(c); });
}

Result<Period> PeriodService::GetPeriod(const org::Principal&, RecordId id, PeriodCounts* counts) {
  return db_.Read([&](storage::Connection& c) -> Result<Period> {
    auto p = repo::FindPeriod(c, id);
    if (!p) return PeriodNotFound(id);
    if (counts) {
      if (auto texts = repo::PeriodTexts(c, id)) {
        auto v = json::Parse(texts->second);
        if (v.ok() && v->is_object()) {
          for (const bj::value& item : v->at("items").as_array()) {
            ++counts->assessees;
            if (item.at("ranked").as_bool()) ++counts->ranked;
            if (item.at("no_data").as_bool()) ++counts->no_data;
          }
        }
      }
      for (const Appeal& a : repo::ListAppeals(c, AppealStatus::kOpen, id)) {
        (void)a;
        ++counts->appeals_open;
      }
    }
    return *p;
  });
}

Result<Period> PeriodService::CreatePeriod(const org::Principal& who, const PeriodDraft& d) {
  Problems problems;
  if (d.name.empty()) problems.Add("name", Msg("field.required", "is required"));
  if (d.to_ms <= d.from_ms) problems.Add("to", Msg("period.empty", "must be after from"));
  if (auto e = problems.Take()) return *e;
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Period> {
    if (!repo::FindScheme(tx.db(), d.scheme_id, tx.now())) {
      return Error::Invalid("scheme_id", Msg("scheme.no_such", "no such scheme"));
    }
    auto v = repo::VersionInForce(tx.db(), d.scheme_id, d.from_ms);
    if (!v) {
      return Error::Invalid(
          "scheme_id", Msg("period.no_version", "the scheme has no approved version in force at the period's start"));
    }
    if (d.scope_department_id && !org::repo::FindDepartment(tx.db(), *d.scope_department_id)) {
      return Error::Invalid("scope_department_id", Msg("department.no_such", "no such department"));
    }
    Period p;
    p.name = d.name;
    p.scheme_id = d.scheme_id;
    p.version = v->number;
    p.kind = d.kind;
    p.from_ms = d.from_ms;
    p.to_ms = d.to_ms;
    p.scope_department_id = d.scope_department_id;
    p.created_by = who.staff_id;
    SQM_ASSIGN(p.id, repo::InsertPeriod(tx.db(), p, tx.now()));
    tx.Append(kPeriodEntity, std::to_string(p.id), "assessment.period_created", PeriodEvent(p));
    return *repo::FindPeriod(tx.db(), p.id);
  });
}

Result<std::vector<AssesseeRef>> PeriodService::Assessees(storage::Connection& db, SubjectKind kind,
                                                          std::optional<RecordId> scope_department,
                                                          const AssesseeSet& set) {
  org::Scope scope;
  std::map<RecordId, std::string> department_names;
  std::optional<RecordId> root;
  for (const org::Department& d : org::repo::ListDepartments(db)) {
    department_names[d.id] = d.name;
    if (!d.parent_id) root = d.id;
  }
  if (scope_department) {
    scope.departments = org::Subtree({*scope_department}, org::repo::DepartmentChildren(db));
  } else {
    scope.all = true;
  }
  // The scheme's own choice of departments (their subtrees), within the period's scope.
  std::optional<std::set<RecordId>> chosen;
  if (!set.departments.empty()) {
    const auto subtree = org::Subtree(set.departments, org::repo::DepartmentChildren(db));
    chosen.emplace(subtree.begin(), subtree.end());
  }
  auto included = [&](std::optional<RecordId> department) {
    return department && scope.Contains(*department) && (!chosen || chosen->contains(*department));
  };
  std::vector<AssesseeRef> out;
  if (kind == SubjectKind::kDepartment) {
    for (const org::Department& d : org::repo::ListDepartments(db)) {
      if (!d.active || !included(d.id) || (!scope_department && d.id == root)) continue;
      out.push_back({.id = d.id,
                     .name = d.name,
                     .department_id = d.parent_id,
                     .department = d.parent_id ? department_names[*d.parent_id] : ""});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
  }
  const std::set<std::string> assessed(set.roles.begin(), set.roles.end());
  org::repo::StaffQuery q;
  q.active = true;
  q.staff_only = true;
  q.limit = 500;
  for (;;) {
    auto page = org::repo::ListStaff(db, q, scope);
    for (const org::Staff& s : page) {
      const bool in_roles =
          std::any_of(s.roles.begin(), s.roles.end(), [&](const auto& r) { return assessed.contains(r); });
      if (!in_roles || !included(s.department_id)) continue;
      out.push_back({.id = s.id,
                     .name = s.display_name,
                     .department_id = s.department_id,
                     .department = department_names[*s.department_id]});
    }
    if (static_cast<int>(page.size()) < q.limit) break;
    q.after_id = page.back().id;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

Result<std::vector<MonthResults>> PeriodService::LockedMonths(storage::Connection& db, const Loaded& l) {
  std::vector<MonthResults> out;
  for (const Period& m : MonthsWithin(db, l.period)) {
    if (m.status != PeriodStatus::kLocked) continue;
    SQM_ASSIGN(Loaded month, Load(db, m.id));
    MonthResults r{.period_id = m.id, .name = m.name, .from_ms = m.from_ms, .to_ms = m.to_ms, .items = {}};
    for (const AssesseeResult& a : StoredResults(m, month.document, db).items) {
      MonthFigures f{.total = a.total, .volume = a.volume, .failed = a.failed, .points = {}, .measured = {}};
      for (const NodeResult& n : a.nodes) {
        if (n.points.has_value()) f.points.insert_or_assign(n.code, n.points);
        if (!n.indicator.empty() && n.measured.has_value()) f.measured.insert_or_assign(n.code, n.measured);
      }
      r.items[a.assessee.id] = std::move(f);
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<Snapshot> PeriodService::LiveSnapshot(storage::Connection& db, const Loaded& l, bool exact) {
  Snapshot s;
  SQM_ASSIGN(s.assessees, Assessees(db, l.scheme.subject_kind, l.period.scope_department_id, l.document.assessees));
  s.indicators = SchemeIndicators(db, l.document);
  if (RollsUp(l.period.kind, l.document.rollup)) {
    // Made of its locked months: no measure and no input of its own; the exclusions still mark
    // the drill-down.
    SQM_ASSIGN(s.months, LockedMonths(db, l));
    SQM_ASSIGN(s.exclusions, measures_.ApprovedExclusions(l.period.from_ms, l.period.to_ms));
    s.adjustments = repo::ApprovedAdjustments(db, l.period.id);
    return s;
  }
  MeasureQuery q;
  q.kind = l.scheme.subject_kind;
  q.measures = NeededMeasures(l.document, s.indicators);
  q.from_ms = l.period.from_ms;
  q.to_ms = l.period.to_ms;
  std::vector<SubjectId> ids;
  for (const AssesseeRef& a : s.assessees) ids.push_back(a.id);
  q.only = ids;
  // The exclusions are read first and passed on, so that the values leave out exactly the
  // tickets the snapshot names (one approved meanwhile waits for the next evaluation).
  SQM_ASSIGN(s.exclusions, measures_.ApprovedExclusions(l.period.from_ms, l.period.to_ms));
  q.exclusions = s.exclusions;
  q.exact = exact;
  if (!q.measures.empty() && !ids.empty()) {
    SQM_ASSIGN(s.measures, measures_.Values(q));
  }
  for (const ManualInput& in : repo::ListInputs(db, l.period.id))
    s.inputs[in.assessee_id][in.indicator_code] = in.value;
  s.adjustments = repo::ApprovedAdjustments(db, l.period.id);
  return s;
}

Status PeriodService::CheckMonthsLocked(storage::Connection& db, const Loaded& l) {
  if (!RollsUp(l.period.kind, l.document.rollup)) return {};
  std::string open;
  for (const Period& m : MonthsWithin(db, l.period)) {
    if (m.status == PeriodStatus::kLocked) continue;
    open += (open.empty() ? "" : ", ") + m.name;
  }
  if (open.empty()) return {};
  return Error::Conflict(
      Msg("period.months_not_locked", "lock the months it is made of first: {names}", {{"names", open}}), "months");
}

Result<Period> PeriodService::Step(const org::Principal& who, RecordId id, PeriodStep step,
                                   std::optional<std::int64_t> at) {
  // Evaluation reads the measures (a read of its own) before the write that stores them; the
  // write checks the period is still collecting.
  std::optional<Snapshot> snapshot;
  std::optional<PeriodResults> results;
  if (step == PeriodStep::kEvaluate) {
    auto prepared = db_.Read([&](storage::Connection& c) -> Result<std::pair<Snapshot, PeriodResults>> {
      SQM_ASSIGN(Loaded l, Load(c, id));
      SQM_TRY(NextStatus(l.period.status, step));
      SQM_TRY(CheckMonthsLocked(c, l));
      SQM_ASSIGN(Snapshot s, LiveSnapshot(c, l, /*exact=*/true));
      s.adjustments.clear();
      PeriodResults r = ComputeResults(l.document, s);
      return std::pair{std::move(s), std::move(r)};
    });
    if (!prepared.ok()) return prepared.error();
    snapshot = std::move(prepared->first);
    results = std::move(prepared->second);
  }
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Period> {
    if (at) tx.set_now(*at);
    auto p = repo::FindPeriod(tx.db(), id);
    if (!p) return PeriodNotFound(id);
    SQM_ASSIGN(PeriodStatus next, NextStatus(p->status, step));
    bj::object data = PeriodEvent(*p);
    data["status"] = PeriodStatusName(next);
    if (step == PeriodStep::kEvaluate) {
      const std::string sha = ResultsSha256(*results);
      SQM_TRY(repo::SaveEvaluation(tx.db(), id, json::Serialize(SnapshotToJson(*snapshot)),
                                   json::Serialize(ResultsJson(*results)), sha, who.staff_id, tx.now()));
      data["sha256"] = sha;
    } else if (step == PeriodStep::kPublish) {
      SQM_ASSIGN(Loaded l, Load(tx.db(), id));
      const std::int64_t deadline = AppealDeadline(tx.now(), l.document.appeal_days);
      SQM_TRY(repo::SavePublication(tx.db(), id, tx.now(), deadline));
      data["appeal_deadline"] = deadline;
      SQM_ASSIGN(const auto carded, NotifyYellowCards(tx, l));
      bj::array yellow;
      for (RecordId a : carded) yellow.push_back(a);
      data["yellow_cards"] = std::move(yellow);
    } else if (step == PeriodStep::kLock) {
      if (!repo::ListAppeals(tx.db(), AppealStatus::kOpen, id).empty()) {
        return Error::Conflict(Msg("period.open_appeals", "decide the open appeals before locking"), "appeals");
      }
      for (const Appeal& a : repo::ListAppeals(tx.db(), std::nullopt, id)) {
        if (a.adjustment && a.adjustment->status == AdjustmentStatus::kProposed) {
          return Error::Conflict(
              Msg("period.pending_adjustments", "approve or withdraw the proposed adjustments first"), "adjustments");
        }
      }
      SQM_TRY(repo::SaveLock(tx.db(), id, tx.now()));
    }
    SQM_TRY(repo::SetPeriodStatus(tx.db(), id, next));
    tx.Append(kPeriodEntity, std::to_string(id), std::string("assessment.period_") + PeriodStepName(step),
              std::move(data));
    return *repo::FindPeriod(tx.db(), id);
  });
}

namespace {

// The active managers of `department`, or of the nearest department above it that has some
// other than `except`.
std::vector<RecordId> NearestManagers(storage::Connection& db, std::optional<RecordId> department, RecordId except) {
  for (int depth = 0; department && depth < 64; ++depth) {
    std::vector<RecordId> found;
    for (RecordId m : org::repo::ManagersOf(db, *department)) {
      if (m != except) found.push_back(m);
    }
    if (!found.empty()) return found;
    auto d = org::repo::FindDepartment(db, *department);
    department = d ? d->parent_id : std::nullopt;
  }
  return {};
}

}  // namespace

Result<std::vector<RecordId>> PeriodService::NotifyYellowCards(storage::WriteTx& tx, const Loaded& l) {
  std::vector<RecordId> carded;
  for (const AssesseeResult& a : StoredResults(l.period, l.document, tx.db()).items) {
    if (!a.standing.yellow_card) continue;
    carded.push_back(a.assessee.id);
    if (!notify_) continue;
    std::set<RecordId> to;
    if (l.scheme.subject_kind == SubjectKind::kStaff) {
      to.insert(a.assessee.id);
      for (RecordId m : NearestManagers(tx.db(), a.assessee.department_id, a.assessee.id)) to.insert(m);
    } else {
      for (RecordId m : NearestManagers(tx.db(), a.assessee.id, 0)) to.insert(m);
      for (RecordId m : NearestManagers(tx.db(), a.assessee.department_id, 0)) to.insert(m);
    }
    const Message m =
        Msg("notification.assessment_yellow_card",
            "Yellow card in {period}: {name} fails at the bottom of its group ({total} points, rank {rank}).",
            {{"period", l.period.name},
             {"name", a.assessee.name},
             {"total", a.total.has_value() ? json::Serialize(bj::value(a.total.value())) : "-"},
             {"rank", a.standing.rank ? std::to_string(*a.standing.rank) : "-"},
             {"period_id", std::to_string(l.period.id)},
             {"assessee_id", std::to_string(a.assessee.id)}});
    for (RecordId r : to) SQM_TRY(notify_(tx, r, "assessment_yellow_card", m));
  }
  return carded;
}

Result<Verification> PeriodService::Verify(const org::Principal&, RecordId id) {
  return db_.Read([&](storage::Connection& c) -> Result<Verification> {
    SQM_ASSIGN(Loaded l, Load(c, id));
    auto texts = repo::PeriodTexts(c, id);
    if (!texts) {
      return Error::Conflict(Msg("period.not_evaluated", "the period has not been evaluated yet"), "status");
    }
    auto snap_json = json::Parse(texts->first);
    if (!snap_json.ok()) return Error::Internal("the stored snapshot does not read");
    SQM_ASSIGN(Snapshot s, SnapshotFromJson(*snap_json));
    const PeriodResults r = ComputeResults(l.document, s);
    Verification v;
    v.sha256 = ResultsSha256(r);
    v.stored_sha256 = l.period.results_sha256.value_or("");
    v.identical = v.sha256 == v.stored_sha256 && json::Serialize(ResultsJson(r)) == texts->second;
    return v;
  });
}

// ---------------------------------------------------------------- results

bool PeriodService::Sees(const org::Principal& who, const AssesseeRef& a, SubjectKind kind) const {
  if (who.Can(org::kAssessmentRead)) {
    return kind == SubjectKind::kDepartment ? who.scope.Contains(a.id) : who.scope.Contains(a.department_id);
  }
  return kind == SubjectKind::kStaff && a.id == who.staff_id;
}

Result<AssesseeRef> PeriodService::AssesseeFor(const org::Principal& who, const std::vector<AssesseeRef>& assessees,
                                               SubjectKind kind, RecordId id) const {
  auto it = std::find_if(assessees.begin(), assessees.end(), [&](const auto& a) { return a.id == id; });
  if (it == assessees.end()) {
    return Error::Invalid(
        "assessee_id", Msg("period.no_assessee", "{id} is not assessed in this period", {{"id", std::to_string(id)}}));
  }
  if (!Sees(who, *it, kind)) return NotYours();
  return *it;
}

namespace {

// Reads stored results back into the structures the services hand out.
PeriodResults StoredResults(const Period& p, const SchemeDocument& doc, storage::Connection& c) {
  auto texts = repo::PeriodTexts(c, p.id);
  if (!texts) return {};
  auto snap = json::Parse(texts->first);
  if (!snap.ok()) return {};
  auto s = SnapshotFromJson(*snap);
  if (!s.ok()) return {};
  return ComputeResults(doc, *s);
}

std::map<std::string, double> GroupMean(const PeriodResults& r, const std::string& group) {
  std::map<std::string, std::pair<double, int>> sums;
  for (const AssesseeResult& a : r.items) {
    if (a.group != group || !a.total.has_value()) continue;
    for (const NodeResult& n : a.nodes) {
      if (!n.points.has_value()) continue;
      sums[n.code].first += n.points.value();
      sums[n.code].second += 1;
    }
  }
  std::map<std::string, double> out;
  for (const auto& [code, s] : sums) out[code] = s.first / s.second;
  return out;
}

bool IsLive(PeriodStatus status) {
  return status == PeriodStatus::kPlanned || status == PeriodStatus::kCollecting;
}

}  // namespace

// A live preview while the period collects; afterwards the stored results, which are what the
// snapshot gives (verify checks it), computed again so that the services hand out one structure.
Result<PeriodResults> PeriodService::CurrentResults(storage::Connection& c, const Loaded& l) {
  if (!IsLive(l.period.status)) return StoredResults(l.period, l.document, c);
  SQM_ASSIGN(Snapshot s, LiveSnapshot(c, l, /*exact=*/false));
  return ComputeResults(l.document, s);
}

Result<VisibleResults> PeriodService::Results(const org::Principal& who, RecordId period_id) {
  return db_.Read([&](storage::Connection& c) -> Result<VisibleResults> {
    SQM_ASSIGN(Loaded l, Load(c, period_id));
    VisibleResults out;
    out.period = l.period;
    out.live = IsLive(l.period.status);
    SQM_ASSIGN(PeriodResults all, CurrentResults(c, l));
    std::set<RecordId> seen;
    for (const Correction& k : GradedCorrections(c, l.period, l.document, all, std::nullopt)) {
      out.corrections.push_back(k);
    }
    for (AssesseeResult& r : all.items) {
      if (!Sees(who, r.assessee, l.scheme.subject_kind)) continue;
      seen.insert(r.assessee.id);
      out.results.items.push_back(std::move(r));
    }
    std::erase_if(out.corrections, [&](const Correction& k) { return !seen.contains(k.assessee_id); });
    return out;
  });
}

Result<VisibleResults> PeriodService::ResultOf(const org::Principal& who, RecordId period_id, RecordId assessee_id) {
  return db_.Read([&](storage::Connection& c) -> Result<VisibleResults> {
    SQM_ASSIGN(Loaded l, Load(c, period_id));
    const bool reader = who.Can(org::kAssessmentRead);
    const bool published = l.period.status == PeriodStatus::kPublished || l.period.status == PeriodStatus::kLocked;
    if (!reader && !published) return NotYours();
    VisibleResults out;
    out.period = l.period;
    out.live = IsLive(l.period.status);
    SQM_ASSIGN(PeriodResults all, CurrentResults(c, l));
    for (AssesseeResult& r : all.items) {
      if (r.assessee.id != assessee_id) continue;
      if (!Sees(who, r.assessee, l.scheme.subject_kind)) return NotYours();
      out.group_mean = GroupMean(all, r.group);
      out.comments = CommentsOf(c, period_id, assessee_id);
      out.corrections = GradedCorrections(c, l.period, l.document, all, assessee_id);
      out.results.items.push_back(std::move(r));
      return out;
    }
    return Error::NotFound(
        Msg("period.no_assessee", "{id} is not assessed in this period", {{"id", std::to_string(assessee_id)}}));
  });
}

Result<ResultFacts> PeriodService::FactsOf(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                           const ResultFactsQuery& q) {
  auto prepared = db_.Read([&](storage::Connection& c) -> Result<std::pair<ResultFacts, FactQuery>> {
    SQM_ASSIGN(Loaded l, Load(c, period_id));
    const bool reader = who.Can(org::kAssessmentRead);
    const bool published = l.period.status == PeriodStatus::kPublished || l.period.status == PeriodStatus::kLocked;
    if (!reader && !published) return NotYours();
    ResultFacts out;
    out.live = IsLive(l.period.status);
    FactQuery fq;
    std::vector<AssesseeRef> assessees;
    std::map<std::string, Indicator> indicators;
    if (out.live) {
      SQM_ASSIGN(assessees, Assessees(c, l.scheme.subject_kind, l.period.scope_department_id, l.document.assessees));
      for (const auto& [node, leaf] : l.document.leaves) {
        if (auto ind = repo::FindIndicator(c, leaf.indicator)) indicators[leaf.indicator] = *ind;
      }
    } else {
      SQM_ASSIGN(Snapshot s, StoredSnapshot(c, period_id));
      assessees = std::move(s.assessees);
      indicators = std::move(s.indicators);
      fq.exclusions = std::move(s.exclusions);
    }
    auto found = AssesseeFor(who, assessees, l.scheme.subject_kind, assessee_id);
    if (!found.ok()) return found.error().code == ErrorCode::kInvalid ? NotYours() : found.error();
    const bool in_scheme = std::any_of(l.document.leaves.begin(), l.document.leaves.end(),
                                       [&](const auto& leaf) { return leaf.second.indicator == q.indicator; });
    auto ind = indicators.find(q.indicator);
    if (!in_scheme || ind == indicators.end()) {
      return Error::Invalid("indicator", Msg("appeal.unknown_indicator", "'{code}' is not in the period's scheme",
                                             {{"code", q.indicator}}));
    }
    if (ind->second.kind == IndicatorKind::kComputed) {
      SQM_ASSIGN(Formula f, ParseFormula(ind->second.formula, [](std::string_view) { return true; }));
      out.measures = f.Measures();
    }
    if (q.measure && std::find(out.measures.begin(), out.measures.end(), *q.measure) == out.measures.end()) {
      return Error::Invalid("measure", Msg("period.not_a_measure_of", "'{code}' is not a measure of the indicator",
                                           {{"code", *q.measure}}));
    }
    out.measure = q.measure.value_or(out.measures.empty() ? "" : out.measures.front());
    fq.measure = out.measure;
    fq.kind = l.scheme.subject_kind;
    fq.subject = assessee_id;
    fq.from_ms = l.period.from_ms;
    fq.to_ms = l.period.to_ms;
    fq.after = q.after;
    fq.limit = q.limit;
    return std::pair{std::move(out), std::move(fq)};
  });
  if (!prepared.ok()) return prepared.error();
  auto& [out, fq] = *prepared;
  if (!out.measure.empty()) {
    SQM_ASSIGN(out.page, measures_.Facts(fq));
  }
  return std::move(out);
}

Result<StaffArchive> PeriodService::Archive(const org::Principal& who, RecordId staff_id) {
  return ArchiveOf(who, staff_id, /*cards=*/true);
}

Result<StaffArchive> PeriodService::ArchiveOf(const org::Principal& who, RecordId staff_id, bool cards) {
  return db_.Read([&](storage::Connection& c) -> Result<StaffArchive> {
    auto staff = org::repo::FindStaff(c, staff_id);
    if (!staff) {
      return Error::NotFound(Msg("staff.not_found", "staff {id} does not exist", {{"id", std::to_string(staff_id)}}));
    }
    const AssesseeRef self{.id = staff_id,
                           .name = staff->display_name,
                           .department_id = staff->department_id,
                           .department = staff->department_name};
    if (!Sees(who, self, SubjectKind::kStaff)) return NotYours();
    const bool reader = who.Can(org::kAssessmentRead);
    StaffArchive out;
    out.staff_id = staff_id;
    out.name = staff->display_name;
    std::vector<ArchiveSpan> spans;
    for (const Period& p : repo::ListPeriods(c)) {
      if (p.status != PeriodStatus::kPublished && p.status != PeriodStatus::kLocked &&
          !(reader && p.status == PeriodStatus::kEvaluated)) {
        continue;
      }
      auto l = Load(c, p.id);
      if (!l.ok() || l->scheme.subject_kind != SubjectKind::kStaff) continue;
      for (AssesseeResult& r : StoredResults(p, l->document, c).items) {
        if (r.assessee.id != staff_id) continue;
        spans.push_back({.period_id = p.id, .name = p.name, .from_ms = p.from_ms, .to_ms = p.to_ms});
        out.entries.push_back({p, std::move(r), CommentsOf(c, p.id, staff_id)});
      }
      if (!cards) continue;
      for (Appeal& a : repo::ListAppeals(c, std::nullopt, p.id)) {
        if (a.assessee_id != staff_id) continue;
        NameAppeal(c, p, SubjectKind::kStaff, a);
        const std::int64_t filed_at = a.filed_at;
        out.appeals.push_back({.appeal = std::move(a), .inspection = std::nullopt, .filed_at = filed_at});
      }
    }
    if (!cards) return out;
    if (archive_sources_.complaints) {
      out.complaints = SummariseComplaints(archive_sources_.complaints(c, staff_id), spans);
    }
    if (archive_sources_.inspections) {
      out.inspections = SummariseInspections(archive_sources_.inspections(c, staff_id));
    }
    if (archive_sources_.inspection_appeals) {
      for (ArchiveInspectionAppeal& a : archive_sources_.inspection_appeals(c, staff_id)) {
        const std::int64_t filed_at = a.filed_at;
        out.appeals.push_back({.appeal = std::nullopt, .inspection = std::move(a), .filed_at = filed_at});
      }
    }
    std::stable_sort(out.appeals.begin(), out.appeals.end(),
                     [](const ArchiveAppeal& a, const ArchiveAppeal& b) { return a.filed_at > b.filed_at; });
    return out;
  });
}

Result<std::vector<ArchiveEntry>> PeriodService::MyResults(const org::Principal& who) {
  org::Principal self = who;
  self.permissions.erase(std::string(org::kAssessmentRead));  // only the published ones, as any assessee
  auto r = ArchiveOf(self, who.staff_id, /*cards=*/false);
  if (!r.ok() && r.error().code == ErrorCode::kNotFound) return std::vector<ArchiveEntry>{};
  if (!r.ok()) return r.error();
  return std::move(r->entries);
}

// ---------------------------------------------------------------- comments

Result<ResultComment> PeriodService::PutComment(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                                const std::optional<std::string>& indicator_code,
                                                const std::string& text) {
  if (text.empty()) return Error::Invalid("text", Msg("field.required", "is required"));
  if (CodePoints(text) > kCommentMaxChars) {
    return Error::Invalid(
        "text", Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(kCommentMaxChars)}}));
  }
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<ResultComment> {
    SQM_ASSIGN(Loaded l, Load(tx.db(), period_id));
    SQM_TRY(CheckNotLocked(l.period.status));
    if (l.period.status != PeriodStatus::kEvaluated && l.period.status != PeriodStatus::kPublished) {
      return Error::Conflict(
          Msg("period.comments_after_evaluation", "results are commented once the period is evaluated"), "status");
    }
    if (indicator_code) {
      const bool in_scheme = std::any_of(l.document.leaves.begin(), l.document.leaves.end(),
                                         [&](const auto& leaf) { return leaf.second.indicator == *indicator_code; });
      if (!in_scheme) {
        return Error::Invalid(
            "indicator_code",
            Msg("appeal.unknown_indicator", "'{code}' is not in the period's scheme", {{"code", *indicator_code}}));
      }
    }
    // The assessees as the snapshot froze them.
    SQM_ASSIGN(Snapshot snap, StoredSnapshot(tx.db(), period_id));
    SQM_TRY(AssesseeFor(who, snap.assessees, l.scheme.subject_kind, assessee_id));
    ResultComment c{.period_id = period_id,
                    .assessee_id = assessee_id,
                    .indicator_code = indicator_code.value_or(""),
                    .text = text,
                    .written_by = who.staff_id,
                    .written_by_name = "",
                    .written_at = tx.now()};
    SQM_TRY(repo::SaveComment(tx.db(), c));
    tx.Append(kPeriodEntity, std::to_string(period_id), "assessment.comment_saved",
              {{"assessee_id", assessee_id},
               {"indicator", indicator_code ? bj::value(*indicator_code) : bj::value(nullptr)},
               {"text", Bounded(text, kCommentMaxChars)}});
    auto staff = org::repo::FindStaff(tx.db(), who.staff_id);
    c.written_by_name = staff ? staff->display_name : who.username;
    return c;
  });
}

// ---------------------------------------------------------------- corrections

std::map<RecordId, const Correction*> InForce(const std::vector<Correction>& corrections) {
  std::map<RecordId, const Correction*> out;
  for (const Correction& c : corrections) {
    if (c.status == CorrectionStatus::kApproved) out[c.assessee_id] = &c;  // id order: the latest wins
  }
  return out;
}

Result<Correction> PeriodService::ProposeCorrection(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                                    std::optional<double> total, const std::string& reason,
                                                    const std::string& evidence) {
  Problems problems;
  if (!total) {
    problems.Add("total", Msg("field.required", "is required"));
  } else if (!std::isfinite(*total) || *total < 0) {
    problems.Add("total", Msg("correction.total", "must be a number at least 0"));
  }
  if (reason.empty()) problems.Add("reason", Msg("field.required", "is required"));
  if (evidence.empty()) problems.Add("evidence", Msg("field.required", "is required"));
  if (auto e = problems.Take()) return *e;
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Correction> {
    SQM_ASSIGN(Loaded l, Load(tx.db(), period_id));
    if (l.period.status != PeriodStatus::kLocked) {
      return Error::Conflict(Msg("correction.not_locked",
                                 "a result is corrected by a correction once its period is locked; appeal "
                                 "and adjust it until then"),
                             "status");
    }
    const PeriodResults results = StoredResults(l.period, l.document, tx.db());
    SQM_TRY(AssesseeFor(who, AssesseesOf(results), l.scheme.subject_kind, assessee_id));
    const AssesseeResult* r = ResultIn(results, assessee_id);
    for (const Correction& other : repo::ListCorrections(tx.db(), period_id, assessee_id)) {
      if (other.status == CorrectionStatus::kProposed) {
        return Error::Conflict(Msg("correction.pending", "correction {id} of this result awaits approval",
                                   {{"id", std::to_string(other.id)}}),
                               "assessee_id");
      }
    }
    Correction c;
    c.period_id = period_id;
    c.assessee_id = assessee_id;
    if (r->total.has_value()) c.original_total = r->total.value();
    c.corrected_total = *total;
    c.reason = reason;
    c.evidence = evidence;
    c.proposed_by = who.staff_id;
    c.proposed_at = tx.now();
    SQM_ASSIGN(c.id, repo::InsertCorrection(tx.db(), c));
    GradeCorrection(c, l.document, results);
    tx.Append(kPeriodEntity, std::to_string(period_id), "assessment.correction_proposed",
              {{"correction_id", c.id},
               {"assessee_id", assessee_id},
               {"original_total", c.original_total ? bj::value(*c.original_total) : bj::value(nullptr)},
               {"corrected_total", *total},
               {"reason", Bounded(reason)},
               {"evidence", Bounded(evidence)}});
    return c;
  });
}

Result<Correction> PeriodService::ApproveCorrection(const org::Principal& who, RecordId id) {
  return SettleCorrection(who, id, CorrectionStatus::kApproved);
}

Result<Correction> PeriodService::WithdrawCorrection(const org::Principal& who, RecordId id) {
  return SettleCorrection(who, id, CorrectionStatus::kWithdrawn);
}

Result<Correction> PeriodService::RejectCorrection(const org::Principal& who, RecordId id, const std::string& reason) {
  if (reason.empty()) return Error::Invalid("reason", Msg("field.required", "is required"));
  if (CodePoints(reason) > kRejectionMaxChars) {
    return Error::Invalid("reason", Msg("field.too_long", "must be at most {max} characters",
                                        {{"max", std::to_string(kRejectionMaxChars)}}));
  }
  return SettleCorrection(who, id, CorrectionStatus::kRejected, reason);
}

Result<Correction> PeriodService::SettleCorrection(const org::Principal& who, RecordId id, CorrectionStatus to,
                                                   const std::string& reason) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Correction> {
    auto c = repo::FindCorrection(tx.db(), id);
    if (!c) return CorrectionNotFound(id);
    SQM_ASSIGN(Loaded l, Load(tx.db(), c->period_id));
    const PeriodResults results = StoredResults(l.period, l.document, tx.db());
    if (auto in_scope = AssesseeFor(who, AssesseesOf(results), l.scheme.subject_kind, c->assessee_id); !in_scope.ok()) {
      return CorrectionNotFound(id);
    }
    if (to == CorrectionStatus::kApproved && c->proposed_by == who.staff_id) {
      return Error::Forbidden(Msg("correction.approver_is_proposer", "who proposed a correction cannot approve it"));
    }
    if (to == CorrectionStatus::kRejected && c->proposed_by == who.staff_id) {
      return Error::Forbidden(Msg("correction.rejecter_is_proposer", "who proposed a correction cannot reject it"));
    }
    if (to == CorrectionStatus::kWithdrawn && c->proposed_by != who.staff_id) {
      return Error::Forbidden(
          Msg("correction.withdraw_not_proposer", "only who proposed a correction can withdraw it"));
    }
    const bool approve = to == CorrectionStatus::kApproved;
    const bool reject = to == CorrectionStatus::kRejected;
    bool settled = false;
    if (reject) {
      SQM_ASSIGN(settled, repo::RejectCorrection(tx.db(), id, who.staff_id, tx.now(), reason));
    } else {
      SQM_ASSIGN(settled, repo::SettleCorrection(tx.db(), id, to, approve ? std::optional(who.staff_id) : std::nullopt,
                                                 approve ? std::optional(tx.now()) : std::nullopt));
    }
    if (!settled) {
      return Error::Conflict(
          Msg("correction.not_proposed", "only a proposed correction can be settled, not one {status}",
              {{"status", CorrectionStatusName(c->status)}}),
          "status");
    }
    c->status = to;
    if (approve) {
      c->approved_by = who.staff_id;
      c->approved_at = tx.now();
    }
    bj::object data{{"correction_id", id}, {"assessee_id", c->assessee_id}, {"corrected_total", c->corrected_total}};
    if (reject) {
      c->rejected_by = who.staff_id;
      c->rejected_at = tx.now();
      c->rejection_reason = reason;
      data["reason"] = Bounded(reason, kRejectionMaxChars);
    }
    GradeCorrection(*c, l.document, results);
    tx.Append(kPeriodEntity, std::to_string(c->period_id),
              std::string("assessment.correction_") + CorrectionStatusName(to), std::move(data));
    return *c;
  });
}

Result<std::vector<Correction>> PeriodService::Corrections(const org::Principal& who, RecordId period_id) {
  SQM_ASSIGN(VisibleResults v, Results(who, period_id));
  return std::move(v.corrections);
}

// ---------------------------------------------------------------- inputs and appeals

Result<ManualInput> PeriodService::PutInput(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                            const std::string& indicator_code, double value,
                                            const std::string& evidence) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<ManualInput> {
    SQM_ASSIGN(Loaded l, Load(tx.db(), period_id));
    SQM_TRY(CheckNotLocked(l.period.status));
    if (!TakesInputs(l.period.status)) {
      return Error::Conflict(Msg("period.inputs_frozen", "inputs are frozen once the period is evaluated"), "status");
    }
    const auto fields = ManualFieldsOf(l.period, l.document, SchemeIndicators(tx.db(), l.document));
    auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.code == indicator_code; });
    if (field == fields.end()) {
      return Error::Invalid("indicator_code",
                            Msg("period.not_manual", "'{code}' is not a manual indicator or item of the scheme",
                                {{"code", indicator_code}}));
    }
    Problems problems;
    if (auto st = CheckManualValue(*field, value); !st.ok()) problems.Add(st.error());
    if (evidence.empty()) problems.Add("evidence", Msg("field.required", "is required"));
    if (auto e = problems.Take()) return *e;
    SQM_ASSIGN(auto assessees,
               Assessees(tx.db(), l.scheme.subject_kind, l.period.scope_department_id, l.document.assessees));
    SQM_TRY(AssesseeFor(who, assessees, l.scheme.subject_kind, assessee_id));
    ManualInput in{period_id, assessee_id, indicator_code, value, evidence, who.staff_id, tx.now()};
    SQM_TRY(repo::SaveInput(tx.db(), in));
    tx.Append(kPeriodEntity, std::to_string(period_id), "assessment.input_saved",
              {{"assessee_id", assessee_id}, {"indicator", indicator_code}, {"value", value}, {"evidence", evidence}});
    return in;
  });
}

Result<InputSheet> PeriodService::Inputs(const org::Principal& who, RecordId period_id) {
  return db_.Read([&](storage::Connection& c) -> Result<InputSheet> {
    SQM_ASSIGN(Loaded l, Load(c, period_id));
    InputSheet out;
    out.period = l.period;
    out.editable = TakesInputs(l.period.status);
    for (auto& [code, ind] : SchemeIndicators(c, l.document)) {
      if (ind.kind == IndicatorKind::kManual) out.indicators.emplace(code, std::move(ind));
    }
    out.fields = ManualFieldsOf(l.period, l.document, out.indicators);
    for (const auto& [node, name] : l.document.names) out.node_names.emplace(node, name);
    SQM_ASSIGN(auto assessees, Assessees(c, l.scheme.subject_kind, l.period.scope_department_id, l.document.assessees));
    std::set<RecordId> seen;
    for (AssesseeRef& a : assessees) {
      if (!Sees(who, a, l.scheme.subject_kind)) continue;
      seen.insert(a.id);
      out.assessees.push_back(std::move(a));
    }
    for (ManualInput& in : repo::ListInputs(c, period_id)) {
      if (!seen.contains(in.assessee_id)) continue;
      if (!out.entered_by.contains(in.entered_by)) {
        auto staff = org::repo::FindStaff(c, in.entered_by);
        out.entered_by[in.entered_by] = staff ? staff->display_name : std::to_string(in.entered_by);
      }
      out.inputs.push_back(std::move(in));
    }
    return out;
  });
}

std::int64_t PeriodService::AppealDeadline(std::int64_t t, int days) const {
  auto bt = calendar_ ? calendar_(options_.calendar_code) : nullptr;
  if (!bt) return t + days * kDayMs;
  return calendar::EndOfWorkingDaysAfter(*bt, t, days);
}

Result<Appeal> PeriodService::FileAppeal(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                         std::optional<std::string> indicator_code, const std::string& reason,
                                         const std::string& evidence) {
  if (reason.empty()) return Error::Invalid("reason", Msg("field.required", "is required"));
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Appeal> {
    SQM_ASSIGN(Loaded l, Load(tx.db(), period_id));
    SQM_TRY(CheckNotLocked(l.period.status));
    if (l.period.status != PeriodStatus::kPublished) {
      return Error::Conflict(Msg("appeal.not_published", "appeals open when the period is published"), "status");
    }
    if (l.period.appeal_deadline && tx.now() > *l.period.appeal_deadline) {
      return Error::Conflict(Msg("appeal.too_late", "the appeal window closed"), "appeal_deadline");
    }
    SQM_ASSIGN(auto assessees,
               Assessees(tx.db(), l.scheme.subject_kind, l.period.scope_department_id, l.document.assessees));
    SQM_ASSIGN(const AssesseeRef assessee, AssesseeFor(who, assessees, l.scheme.subject_kind, assessee_id));
    if (indicator_code) {
      bool in_scheme = false;
      for (const auto& [node, leaf] : l.document.leaves) in_scheme = in_scheme || leaf.indicator == *indicator_code;
      if (!in_scheme) {
        return Error::Invalid(
            "indicator_code",
            Msg("appeal.unknown_indicator", "'{code}' is not in the period's scheme", {{"code", *indicator_code}}));
      }
    }
    Appeal a;
    a.period_id = period_id;
    a.period_name = l.period.name;
    a.assessee_id = assessee_id;
    a.assessee_name = assessee.name;
    a.indicator_code = indicator_code;
    a.reason = reason;
    a.evidence = evidence;
    a.filed_by = who.staff_id;
    a.filed_at = tx.now();
    SQM_ASSIGN(a.id, repo::InsertAppeal(tx.db(), a));
    tx.Append(kPeriodEntity, std::to_string(period_id), "assessment.appeal_filed",
              {{"appeal_id", a.id}, {"assessee_id", assessee_id}, {"reason", reason}});
    return a;
  });
}

Result<std::vector<Appeal>> PeriodService::ListAppeals(const org::Principal& who, std::optional<AppealStatus> status) {
  return db_.Read([&](storage::Connection& c) {
    std::vector<Appeal> out;
    std::map<RecordId, std::optional<Loaded>> periods;
    for (Appeal& a : repo::ListAppeals(c, status, std::nullopt)) {
      auto& l = periods[a.period_id];
      if (!l) {
        auto loaded = Load(c, a.period_id);
        if (!loaded.ok()) continue;
        l = std::move(*loaded);
      }
      AssesseeRef ref{.id = a.assessee_id, .name = "", .department_id = std::nullopt, .department = ""};
      if (l->scheme.subject_kind == SubjectKind::kStaff) {
        if (auto s = org::repo::FindStaff(c, a.assessee_id)) ref.department_id = s->department_id;
      }
      if (!Sees(who, ref, l->scheme.subject_kind)) continue;
      NameAppeal(c, l->period, l->scheme.subject_kind, a);
      out.push_back(std::move(a));
    }
    return out;
  });
}

Result<Appeal> PeriodService::DecideAppeal(const org::Principal& who, RecordId appeal_id, AppealStatus outcome,
                                           const std::string& reason, std::optional<double> points) {
  Problems problems;
  if (outcome == AppealStatus::kOpen)
    problems.Add("outcome", Msg("appeal.outcome", "must be upheld, partly_upheld or rejected"));
  if (reason.empty()) problems.Add("reason", Msg("field.required", "is required"));
  if (points && outcome == AppealStatus::kRejected) {
    problems.Add("adjustment", Msg("appeal.rejected_adjustment", "a rejected appeal adjusts nothing"));
  }
  if (points && (!std::isfinite(*points) || *points == 0)) {
    problems.Add("adjustment.points", Msg("appeal.points", "must be a number other than 0"));
  }
  if (auto e = problems.Take()) return *e;
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Appeal> {
    auto a = repo::FindAppeal(tx.db(), appeal_id);
    if (!a)
      return Error::NotFound(
          Msg("appeal.not_found", "appeal {id} does not exist", {{"id", std::to_string(appeal_id)}}));
    auto p = repo::FindPeriod(tx.db(), a->period_id);
    SQM_TRY(CheckNotLocked(p->status));
    if (a->status != AppealStatus::kOpen) {
      return Error::Conflict(Msg("appeal.decided", "the appeal is decided already"), "status");
    }
    if (p->evaluated_by && *p->evaluated_by == who.staff_id) {
      return Error::Forbidden(
          Msg("appeal.reviewer_is_evaluator", "the evaluator of the period cannot review its appeals"));
    }
    a->status = outcome;
    a->decided_by = who.staff_id;
    a->decided_at = tx.now();
    a->decision_reason = reason;
    SQM_TRY(repo::SaveDecision(tx.db(), *a));
    bj::object data{{"appeal_id", a->id}, {"outcome", AppealStatusName(outcome)}, {"reason", reason}};
    if (points) {
      Adjustment adj{.id = 0,
                     .appeal_id = a->id,
                     .period_id = a->period_id,
                     .assessee_id = a->assessee_id,
                     .points = *points,
                     .status = AdjustmentStatus::kProposed,
                     .proposed_by = who.staff_id,
                     .approved_by = std::nullopt};
      SQM_ASSIGN(adj.id, repo::InsertAdjustment(tx.db(), adj, tx.now()));
      a->adjustment = adj;
      data["adjustment_id"] = adj.id;
      data["points"] = *points;
    }
    tx.Append(kPeriodEntity, std::to_string(a->period_id), "assessment.appeal_decided", std::move(data));
    auto scheme = repo::FindScheme(tx.db(), p->scheme_id, tx.now());
    NameAppeal(tx.db(), *p, scheme ? scheme->subject_kind : SubjectKind::kStaff, *a);
    return *a;
  });
}

Result<Adjustment> PeriodService::ApproveAdjustment(const org::Principal& who, RecordId adjustment_id) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Adjustment> {
    SQM_ASSIGN(auto adj, AdjustmentOf(tx.db(), adjustment_id));
    SQM_ASSIGN(Loaded l, Load(tx.db(), adj.period_id));
    SQM_TRY(CheckNotLocked(l.period.status));
    if (adj.status == AdjustmentStatus::kApproved)
      return Error::Conflict(Msg("adjustment.approved", "the adjustment is approved already"), "status");
    if (adj.status == AdjustmentStatus::kWithdrawn)
      return Error::Conflict(Msg("adjustment.withdrawn", "the adjustment was withdrawn by its proposer"), "status");
    if (adj.proposed_by == who.staff_id) {
      return Error::Forbidden(Msg("adjustment.approver_is_proposer", "who proposed an adjustment cannot approve it"));
    }
    SQM_TRY(repo::ApproveAdjustment(tx.db(), adjustment_id, who.staff_id, tx.now()));
    // The result is re-derived: the snapshot's adjustments change, nothing else.
    auto texts = repo::PeriodTexts(tx.db(), adj.period_id);
    if (!texts) return Error::Internal("a published period without a snapshot");
    auto snap_json = json::Parse(texts->first);
    if (!snap_json.ok()) return Error::Internal("the stored snapshot does not read");
    SQM_ASSIGN(Snapshot s, SnapshotFromJson(*snap_json));
    s.adjustments = repo::ApprovedAdjustments(tx.db(), adj.period_id);
    const PeriodResults r = ComputeResults(l.document, s);
    const std::string sha = ResultsSha256(r);
    SQM_TRY(repo::SaveResults(tx.db(), adj.period_id, json::Serialize(SnapshotToJson(s)),
                              json::Serialize(ResultsJson(r)), sha));
    tx.Append(kPeriodEntity, std::to_string(adj.period_id), "assessment.adjustment_approved",
              {{"adjustment_id", adjustment_id}, {"points", adj.points}, {"sha256", sha}});
    adj.status = AdjustmentStatus::kApproved;
    adj.approved_by = who.staff_id;
    return adj;
  });
}

Result<Adjustment> PeriodService::WithdrawAdjustment(const org::Principal& who, RecordId adjustment_id) {
  return db_.Write(who.username, [&](storage::WriteTx& tx) -> Result<Adjustment> {
    SQM_ASSIGN(auto adj, AdjustmentOf(tx.db(), adjustment_id));
    auto p = repo::FindPeriod(tx.db(), adj.period_id);
    if (!p) return PeriodNotFound(adj.period_id);
    SQM_TRY(CheckNotLocked(p->status));
    if (adj.proposed_by != who.staff_id) {
      return Error::Forbidden(
          Msg("adjustment.withdraw_not_proposer", "only who proposed an adjustment can withdraw it"));
    }
    SQM_ASSIGN(const bool withdrawn, repo::WithdrawAdjustment(tx.db(), adjustment_id));
    if (!withdrawn) {
      return Error::Conflict(
          Msg("adjustment.not_proposed", "only a proposed adjustment can be withdrawn, not one {status}",
              {{"status", AdjustmentStatusName(adj.status)}}),
          "status");
    }
    // The appeal's decision rested on the adjustment: it is back in review, to be decided again.
    SQM_TRY(repo::ReopenAppeal(tx.db(), adj.appeal_id));
    tx.Append(kPeriodEntity, std::to_string(adj.period_id), "assessment.adjustment_withdrawn",
              {{"adjustment_id", adjustment_id}, {"appeal_id", adj.appeal_id}, {"points", adj.points}});
    tx.Append(kPeriodEntity, std::to_string(adj.period_id), "assessment.appeal_reopened",
              {{"appeal_id", adj.appeal_id}, {"adjustment_id", adjustment_id}});
    adj.status = AdjustmentStatus::kWithdrawn;
    return adj;
  });
}

}  // namespace sqm::assessment
