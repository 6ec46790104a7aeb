// The stored records of assessment's schemes, periods, manual inputs, appeals and adjustments, as
// the services return them (indicators are indicator.h's Indicator).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assessment/indicator.h"
#include "assessment/measures.h"
#include "assessment/period_rules.h"

namespace sqm::assessment {

using RecordId = std::int64_t;

enum class VersionStatus { kDraft, kApproved };

struct SchemeVersion {
  RecordId scheme_id = 0;
  int number = 0;
  VersionStatus status = VersionStatus::kDraft;
  std::string document;  // the JSON text
  RecordId author_id = 0;
  std::optional<RecordId> approver_id;
  std::optional<std::int64_t> effective_from;
  std::int64_t created_at = 0;
};

struct SchemeRecord {
  RecordId id = 0;
  std::string code;
  LocalText name;
  SubjectKind subject_kind = SubjectKind::kStaff;
  std::vector<SchemeVersion> versions;  // number order, documents left empty in lists
  std::optional<int> current_version;   // the approved version in force now
};

struct Period {
  RecordId id = 0;
  std::string name;
  RecordId scheme_id = 0;
  std::string scheme_code;
  int version = 0;
  PeriodKind kind = PeriodKind::kMonth;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::optional<RecordId> scope_department_id;
  PeriodStatus status = PeriodStatus::kPlanned;
  std::optional<std::string> results_sha256;
  std::optional<RecordId> evaluated_by;
  std::optional<std::int64_t> evaluated_at;
  std::optional<std::int64_t> published_at;
  std::optional<std::int64_t> appeal_deadline;
  std::optional<std::int64_t> locked_at;
  RecordId created_by = 0;
};

struct ManualInput {
  RecordId period_id = 0;
  RecordId assessee_id = 0;
  std::string indicator_code;
  double value = 0;
  std::string evidence;
  RecordId entered_by = 0;
  std::int64_t entered_at = 0;
};

enum class AppealStatus { kOpen, kUpheld, kPartlyUpheld, kRejected };
const char* AppealStatusName(AppealStatus s);
std::optional<AppealStatus> ParseAppealStatus(std::string_view text);

// proposed -> approved (by an approver other than the proposer), or proposed -> withdrawn (by its
// proposer). Only an approved adjustment moves a result.
enum class AdjustmentStatus { kProposed, kApproved, kWithdrawn };
const char* AdjustmentStatusName(AdjustmentStatus s);  // "proposed", "approved", "withdrawn"
std::optional<AdjustmentStatus> ParseAdjustmentStatus(std::string_view text);

struct Adjustment {
  RecordId id = 0;
  RecordId appeal_id = 0;
  RecordId period_id = 0;
  RecordId assessee_id = 0;
  double points = 0;
  AdjustmentStatus status = AdjustmentStatus::kProposed;
  RecordId proposed_by = 0;
  std::optional<RecordId> approved_by;
};

struct Appeal {
  RecordId id = 0;
  RecordId period_id = 0;
  std::string period_name;  // filled by the service
  RecordId assessee_id = 0;
  std::string assessee_name;  // the staff member's or department's name, filled by the service
  std::optional<std::string> indicator_code;
  std::string reason;
  std::string evidence;
  AppealStatus status = AppealStatus::kOpen;
  RecordId filed_by = 0;
  std::int64_t filed_at = 0;
  std::optional<RecordId> decided_by;
  std::optional<std::int64_t> decided_at;
  std::string decision_reason;
  std::optional<Adjustment> adjustment;
};

// The assessor's comment (评语) on one assessee's result of a period: overall (indicator_code
// "") or on one indicator of the scheme. Written by quality (assessment.manage) while the period is
// evaluated or published; locked with the period.
struct ResultComment {
  RecordId period_id = 0;
  RecordId assessee_id = 0;
  std::string indicator_code;  // "" for the overall comment
  std::string text;
  RecordId written_by = 0;
  std::string written_by_name;  // filled by the service
  std::int64_t written_at = 0;
};

// A correction of a locked result (更正): a new record beside the locked result, which never
// changes. proposed (by quality, assessment.manage) -> approved (by an approver, assessment.approve,
// other than the proposer), or -> rejected (by such an approver, with a reason), or -> withdrawn
// (by its proposer). The latest approved correction of an assessee is the result pay uses; a
// rejected or withdrawn one changes nothing.
enum class CorrectionStatus { kProposed, kApproved, kWithdrawn, kRejected };
const char* CorrectionStatusName(CorrectionStatus s);  // "proposed", "approved", "withdrawn", "rejected"
std::optional<CorrectionStatus> ParseCorrectionStatus(std::string_view text);

struct Correction {
  RecordId id = 0;
  RecordId period_id = 0;
  RecordId assessee_id = 0;
  std::optional<double> original_total;  // the locked total; nullopt: no data
  double corrected_total = 0;
  std::string reason;
  std::string evidence;
  CorrectionStatus status = CorrectionStatus::kProposed;
  RecordId proposed_by = 0;
  std::int64_t proposed_at = 0;
  std::optional<RecordId> approved_by;
  std::optional<std::int64_t> approved_at;
  std::optional<RecordId> rejected_by;
  std::optional<std::int64_t> rejected_at;
  std::string rejection_reason;  // "" unless rejected
  // What the corrected total earns by the scheme (filled by the service): the band's grade (a
  // veto's failure still gives the lowest) and its bonus coefficient.
  std::string grade;
  std::optional<double> coefficient;
};

// The longest comment, in characters (code points).
inline constexpr std::size_t kCommentMaxChars = 2000;
// The longest reason for rejecting a correction, in characters (code points).
inline constexpr std::size_t kRejectionMaxChars = 500;

}  // namespace sqm::assessment
