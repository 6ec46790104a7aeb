// The assessment use cases above the pure rules: the indicator library, schemes and their
// versions, periods (plan, collect, evaluate, publish, lock, verify), results with their scope,
// manual inputs, appeals and adjustments. Every write is one Database::Write with an
// `assessment.*` event; permissions beyond the route's (scope, the author is not the approver,
// the evaluator is not the reviewer, an assessee sees only their own) are checked here.
//
// Measures come from the MeasureSource (measures.h), live while a period collects; evaluation
// freezes them with the manual inputs into the period's snapshot, and every later answer and
// `verify` is computed from the snapshot alone.
//
// Threading: thread-safe (state lives in the database).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessment/archive.h"
#include "assessment/measures.h"
#include "assessment/period_model.h"
#include "assessment/scheme_document.h"
#include "base/clock.h"
#include "calendar/rules.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::assessment {

struct SchemeDraft {
  std::string code;
  LocalText name;
  SubjectKind subject_kind = SubjectKind::kStaff;
};

struct PeriodDraft {
  std::string name;
  RecordId scheme_id = 0;
  PeriodKind kind = PeriodKind::kMonth;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::optional<RecordId> scope_department_id;
};

struct PeriodCounts {
  long long assessees = 0;
  long long ranked = 0;
  long long no_data = 0;
  long long appeals_open = 0;
};

// Results as one caller may see them: `live` while collecting (computed now from the measures),
// else from the stored results.
struct VisibleResults {
  Period period;
  bool live = false;
  PeriodResults results;
  std::map<std::string, double> group_mean;  // node code -> mean points of the visible ranked assessees
  std::vector<ResultComment> comments;       // ResultOf only: the assessor's comments on the result
  // The corrections of the visible results (a locked period's), in id order, graded.
  std::vector<Correction> corrections;
};

// The latest approved correction of each assessee: what pay uses instead of the locked total.
std::map<RecordId, const Correction*> InForce(const std::vector<Correction>& corrections);

struct Verification {
  bool identical = false;
  std::string sha256;  // recomputed
  std::string stored_sha256;
};

// The facts behind one indicator of one assessee's result (the drill-down): those of `measure`,
// one of `measures` (the codes the indicator's formula names).
struct ResultFacts {
  bool live = false;
  std::vector<std::string> measures;
  std::string measure;  // "" for a manual indicator (no facts)
  FactPage page;
};

struct ResultFactsQuery {
  std::string indicator;
  std::optional<std::string> measure;  // default: the indicator's first
  std::int64_t after = 0;
  int limit = 50;
};

struct ArchiveEntry {
  Period period;
  AssesseeResult result;
  std::vector<ResultComment> comments;
};

// One appeal of the person's, of an assessment result (`appeal`) or of an inspection.
struct ArchiveAppeal {
  std::optional<Appeal> appeal;
  std::optional<ArchiveInspectionAppeal> inspection;
  std::int64_t filed_at = 0;
};

// 员工工作质量档案: a staff member's results per period and the cards beside them. A card is
// nullopt when no module answers for it (its ArchiveSources function unset).
struct StaffArchive {
  RecordId staff_id = 0;
  std::string name;
  std::vector<ArchiveEntry> entries;  // the periods' results, in period order
  std::optional<ComplaintCard> complaints;
  std::vector<ArchiveAppeal> appeals;  // newest first
  std::optional<InspectionCard> inspections;
};

// The manual-input sheet of a period (人工录入): the scheme's manual fields, the assessees the
// caller sees, and the values entered for them, with the names of who entered them.
struct InputSheet {
  Period period;
  bool editable = false;                        // planned or collecting
  std::map<std::string, Indicator> indicators;  // the manual library indicators the scheme names
  std::map<std::string, LocalText> node_names;  // scheme node code -> its name in the document
  std::vector<ManualField> fields;
  std::vector<AssesseeRef> assessees;
  std::vector<ManualInput> inputs;
  std::map<RecordId, std::string> entered_by;  // staff id -> display name
};

struct PeriodServiceOptions {
  std::string calendar_code = "cn-mainland";  // working days of the appeal window
};

class PeriodService {
 public:
  // `calendar` answers the business calendar of a code (nullptr when unknown: the appeal window
  // then counts every day).
  using CalendarLookup = std::function<std::shared_ptr<const calendar::BusinessTime>(const std::string&)>;
  PeriodService(storage::Database& db, const Clock& clock, MeasureSource& measures, CalendarLookup calendar,
                PeriodServiceOptions options = {});

  // ---- indicators ----
  Result<std::vector<Indicator>> ListIndicators(const org::Principal& who);
  // Creates (create = true; kConflict on "code" when taken) or replaces one.
  Result<Indicator> SaveIndicator(const org::Principal& who, Indicator ind, bool create);

  // ---- schemes ----
  Result<std::vector<SchemeRecord>> ListSchemes(const org::Principal& who);
  Result<SchemeRecord> CreateScheme(const org::Principal& who, const SchemeDraft& draft);
  Result<SchemeVersion> GetVersion(const org::Principal& who, RecordId scheme_id, int number);
  // Validates without writing.
  Result<SchemeDocument> CheckDocument(const boost::json::value& document);
  Result<SchemeVersion> AddVersion(const org::Principal& who, RecordId scheme_id, const boost::json::value& document);
  Result<SchemeVersion> UpdateVersion(const org::Principal& who, RecordId scheme_id, int number,
                                      const boost::json::value& document);
  Result<SchemeVersion> ApproveVersion(const org::Principal& who, RecordId scheme_id, int number,
                                       std::int64_t effective_from);
  // A scheme and its first version (a draft) from an exported document.
  Result<SchemeRecord> ImportScheme(const org::Principal& who, const SchemeDraft& draft,
                                    const boost::json::value& document);

  // ---- periods ----
  Result<std::vector<Period>> ListPeriods(const org::Principal& who);
  Result<Period> GetPeriod(const org::Principal& who, RecordId id, PeriodCounts* counts = nullptr);
  Result<Period> CreatePeriod(const org::Principal& who, const PeriodDraft& draft);
  // `at` dates the step when history is replayed (the demo's past months): the step's records
  // and event carry it, and a publication's appeal window counts from it. The API never sets it.
  Result<Period> Step(const org::Principal& who, RecordId id, PeriodStep step,
                      std::optional<std::int64_t> at = std::nullopt);
  Result<Verification> Verify(const org::Principal& who, RecordId id);

  // ---- results ----
  Result<VisibleResults> Results(const org::Principal& who, RecordId period_id);
  Result<VisibleResults> ResultOf(const org::Principal& who, RecordId period_id, RecordId assessee_id);
  // The facts that entered `q.indicator`'s measures for the assessee in the period, excluded ones
  // marked: live while collecting, else under the snapshot's exclusions. Visible as ResultOf;
  // kInvalid on "indicator" (not in the scheme) or "measure" (not the indicator's).
  Result<ResultFacts> FactsOf(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                              const ResultFactsQuery& q);
  Result<std::vector<ArchiveEntry>> MyResults(const org::Principal& who);
  // The person's archive: visible to the person, and to readers (assessment.read) whose scope
  // holds the person's department; else not found. The results are those of published and locked
  // periods (and evaluated ones for readers); the complaint card counts per period of them.
  Result<StaffArchive> Archive(const org::Principal& who, RecordId staff_id);

  // The assessor's comment on a result, overall (`indicator_code` nullopt) or on one indicator of
  // the scheme: written or replaced while the period is evaluated or published (kConflict on
  // "status" before, and once locked: comments are frozen with the period); `text` 1 to
  // kCommentMaxChars characters (kInvalid on "text"), an indicator of the scheme (kInvalid on
  // "indicator_code"), an assessee of the period in the caller's scope. The assessee reads them
  // with the result once it is published.
  Result<ResultComment> PutComment(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                   const std::optional<std::string>& indicator_code, const std::string& text);

  // ---- corrections of locked results (更正) ----
  // Proposes a correction of one assessee's locked result: kConflict on "status" before the lock
  // (appeals and adjustments correct a result until then); `total` (a finite number at least 0),
  // `reason` and `evidence` required, reported together; kConflict on "assessee_id" while another
  // correction of the assessee is proposed. The locked snapshot and results never change.
  Result<Correction> ProposeCorrection(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                                       std::optional<double> total, const std::string& reason,
                                       const std::string& evidence);
  // An approver other than the proposer (kForbidden) approves a proposed one (else kConflict on
  // "status"); its proposer withdraws it (anyone else kForbidden).
  Result<Correction> ApproveCorrection(const org::Principal& who, RecordId correction_id);
  Result<Correction> WithdrawCorrection(const org::Principal& who, RecordId correction_id);
  // An approver other than the proposer (kForbidden) rejects a proposed one (else kConflict on
  // "status") for `reason`, 1 to kRejectionMaxChars characters (kInvalid on "reason"). Nothing
  // else changes: the locked result stands and verifies as before.
  Result<Correction> RejectCorrection(const org::Principal& who, RecordId correction_id, const std::string& reason);
  // The corrections of a period's assessees in the caller's scope.
  Result<std::vector<Correction>> Corrections(const org::Principal& who, RecordId period_id);

  // ---- manual inputs, appeals ----
  // A manual indicator's value or a bonus/deduction item's count (ManualFields), while planned or
  // collecting; values outside the field's range and a missing evidence are reported together.
  Result<ManualInput> PutInput(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                               const std::string& indicator_code, double value, const std::string& evidence);
  // The assessees outside the caller's scope, and their values, are left out.
  Result<InputSheet> Inputs(const org::Principal& who, RecordId period_id);
  Result<Appeal> FileAppeal(const org::Principal& who, RecordId period_id, RecordId assessee_id,
                            std::optional<std::string> indicator_code, const std::string& reason,
                            const std::string& evidence);
  Result<std::vector<Appeal>> ListAppeals(const org::Principal& who, std::optional<AppealStatus> status);
  Result<Appeal> DecideAppeal(const org::Principal& who, RecordId appeal_id, AppealStatus outcome,
                              const std::string& reason, std::optional<double> points);
  Result<Adjustment> ApproveAdjustment(const org::Principal& who, RecordId adjustment_id);
  // Its proposer takes a proposed adjustment back before it is approved (kForbidden for anyone
  // else, kConflict on "status" once approved or withdrawn, or the period locked). The appeal it
  // came from is reopened (open again, its decision cleared: event assessment.appeal_reopened) and
  // must be decided again before the period locks.
  Result<Adjustment> WithdrawAdjustment(const org::Principal& who, RecordId adjustment_id);

  // The last working day's end, `days` working days after `t`, on the configured calendar.
  std::int64_t AppealDeadline(std::int64_t published_at, int days) const;

  // Writes one in-app notification to `recipient` inside the write `tx` (the composition root
  // installs the desk's notifications; assessment never links desk).
  using Notify =
      std::function<Status(storage::WriteTx& tx, RecordId recipient, std::string_view kind, const Message& message)>;
  // Publishing a period notifies, in its own write (so once, and never lost to a restart), each
  // yellow-carded assessee (a staff member) and the managers above it: the nearest managers of
  // the staff member's department (not the assessee), or for a department those of the
  // department and of the department above it. Unset: nobody is told. Set before serving.
  void SetNotify(Notify notify) { notify_ = std::move(notify); }
  // The evidence of the archive's cards (archive.h); the composition root installs the desk's and
  // the inspection's. Set before serving.
  void SetArchiveSources(ArchiveSources sources) { archive_sources_ = std::move(sources); }

 private:
  struct Loaded;
  Result<Loaded> Load(storage::Connection& db, RecordId period_id);
  // A quarter or year that rolls up: its month periods' results, the locked ones.
  Result<std::vector<MonthResults>> LockedMonths(storage::Connection& db, const Loaded& l);
  // A quarter or year that rolls up is evaluated once every month period inside it is locked:
  // kConflict on "months" naming the others.
  Status CheckMonthsLocked(storage::Connection& db, const Loaded& l);
  // The scheme's assessee set (roles, departments) within the period's scope.
  Result<std::vector<AssesseeRef>> Assessees(storage::Connection& db, SubjectKind kind,
                                             std::optional<RecordId> scope_department, const AssesseeSet& set);
  // Archive's work; the complaints, inspections and appeals cards only when `cards` (MyResults
  // needs the results alone).
  Result<StaffArchive> ArchiveOf(const org::Principal& who, RecordId staff_id, bool cards);
  // The measures and inputs now. `exact` (evaluation, whose snapshot is kept): every value as the
  // reference SQL gives it, no sketched percentile (MeasureQuery::exact); a preview may take them.
  Result<Snapshot> LiveSnapshot(storage::Connection& db, const Loaded& l, bool exact);
  Result<PeriodResults> CurrentResults(storage::Connection& db, const Loaded& l);
  bool Sees(const org::Principal& who, const AssesseeRef& a, SubjectKind kind) const;
  // The assessee `id` among `assessees`, when `who` may act for them: kInvalid on "assessee_id"
  // when not assessed in the period, not found when outside `who`'s scope.
  Result<AssesseeRef> AssesseeFor(const org::Principal& who, const std::vector<AssesseeRef>& assessees,
                                  SubjectKind kind, RecordId id) const;

  // A correction settled (approved, withdrawn or rejected for `reason`) by `who`, with its event
  // (assessment.correction_<status>).
  Result<Correction> SettleCorrection(const org::Principal& who, RecordId correction_id, CorrectionStatus to,
                                      const std::string& reason = "");

  // The notifications of the yellow cards of a period being published; their assessee ids.
  Result<std::vector<RecordId>> NotifyYellowCards(storage::WriteTx& tx, const Loaded& l);

  storage::Database& db_;
  const Clock& clock_;
  MeasureSource& measures_;
  CalendarLookup calendar_;
  PeriodServiceOptions options_;
  Notify notify_;
  ArchiveSources archive_sources_;
};

}  // namespace sqm::assessment
