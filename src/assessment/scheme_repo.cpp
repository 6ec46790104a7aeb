#include "assessment/scheme_repo.h"

namespace sqm::assessment::repo {

namespace {

constexpr const char* kIndicatorColumns =
    "code, name_zh, name_en, definition_zh, definition_en, unit, direction, kind, formula, target, updated_at";

Indicator IndicatorFrom(const storage::Row& r) {
  Indicator i;
  i.code = r.Text(0);
  i.name = {r.Text(1), r.Text(2)};
  i.definition = {r.Text(3), r.Text(4)};
  i.unit = r.Text(5);
  i.direction = ParseDirection(r.Text(6)).value_or(Direction::kHigherIsBetter);
  i.kind = ParseIndicatorKind(r.Text(7)).value_or(IndicatorKind::kComputed);
  i.formula = r.Text(8);
  if (!r.IsNull(9)) i.target = r.Real(9);
  i.updated_at = r.Int(10);
  return i;
}

constexpr const char* kVersionColumns =
    "scheme_id, number, status, document, author_id, approver_id, effective_from, created_at";

SchemeVersion VersionFrom(const storage::Row& r) {
  SchemeVersion v;
  v.scheme_id = r.Int(0);
  v.number = static_cast<int>(r.Int(1));
  v.status = r.Text(2) == "approved" ? VersionStatus::kApproved : VersionStatus::kDraft;
  v.document = r.Text(3);
  v.author_id = r.Int(4);
  v.approver_id = r.OptInt(5);
  v.effective_from = r.OptInt(6);
  v.created_at = r.Int(7);
  return v;
}

void FillVersions(Connection& db, SchemeRecord& s, std::int64_t now) {
  for (const auto& row : db.Query(std::string("SELECT ") + kVersionColumns +
                                      " FROM assessment_scheme_versions WHERE scheme_id = ? ORDER BY number",
                                  {s.id})) {
    SchemeVersion v = VersionFrom(row);
    v.document.clear();
    s.versions.push_back(std::move(v));
  }
  // In force: the latest effective_from at or before now; equal ones: the higher number.
  std::optional<std::int64_t> best;
  for (const SchemeVersion& v : s.versions) {
    if (v.status != VersionStatus::kApproved || !v.effective_from || *v.effective_from > now) continue;
    if (!best || *v.effective_from >= *best) {
      best = v.effective_from;
      s.current_version = v.number;
    }
  }
}

SchemeRecord SchemeFrom(const storage::Row& r) {
  SchemeRecord s;
  s.id = r.Int(0);
  s.code = r.Text(1);
  s.name = {r.Text(2), r.Text(3)};
  s.subject_kind = ParseSubjectKind(r.Text(4)).value_or(SubjectKind::kStaff);
  return s;
}

}  // namespace

std::vector<Indicator> ListIndicators(Connection& db) {
  std::vector<Indicator> out;
  for (const auto& r :
       db.Query(std::string("SELECT ") + kIndicatorColumns + " FROM assessment_indicators ORDER BY code")) {
    out.push_back(IndicatorFrom(r));
  }
  return out;
}

std::optional<Indicator> FindIndicator(Connection& db, const std::string& code) {
  auto r =
      db.QueryOne(std::string("SELECT ") + kIndicatorColumns + " FROM assessment_indicators WHERE code = ?", {code});
  if (!r) return std::nullopt;
  return IndicatorFrom(*r);
}

Status SaveIndicator(Connection& db, const Indicator& i, std::int64_t now) {
  return db.Exec(
      "INSERT INTO assessment_indicators (code, name_zh, name_en, definition_zh, definition_en, unit, direction, "
      "kind, formula, target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
      "definition_zh = excluded.definition_zh, definition_en = excluded.definition_en, unit = excluded.unit, "
      "direction = excluded.direction, kind = excluded.kind, formula = excluded.formula, target = excluded.target, "
      "updated_at = excluded.updated_at",
      {i.code, i.name.zh, i.name.en, i.definition.zh, i.definition.en, i.unit, DirectionName(i.direction),
       IndicatorKindName(i.kind), i.formula, i.target, now, now});
}

std::vector<SchemeRecord> ListSchemes(Connection& db, std::int64_t now) {
  std::vector<SchemeRecord> out;
  for (const auto& r :
       db.Query("SELECT id, code, name_zh, name_en, subject_kind FROM assessment_schemes ORDER BY code, id")) {
    out.push_back(SchemeFrom(r));
  }
  for (SchemeRecord& s : out) FillVersions(db, s, now);
  return out;
}

std::optional<SchemeRecord> FindScheme(Connection& db, RecordId id, std::int64_t now) {
  auto r = db.QueryOne("SELECT id, code, name_zh, name_en, subject_kind FROM assessment_schemes WHERE id = ?", {id});
  if (!r) return std::nullopt;
  SchemeRecord s = SchemeFrom(*r);
  FillVersions(db, s, now);
  return s;
}

std::optional<RecordId> FindSchemeIdByCode(Connection& db, const std::string& code) {
  auto r = db.QueryOne("SELECT id FROM assessment_schemes WHERE code = ?", {code});
  if (!r) return std::nullopt;
  return r->Int(0);
}

Result<RecordId> InsertScheme(Connection& db, const SchemeRecord& s, RecordId by, std::int64_t now) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO assessment_schemes (code, name_zh, name_en, subject_kind, created_by, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                             {s.code, s.name.zh, s.name.en, SubjectKindText(s.subject_kind), by, now}));
  return r.last_insert_id;
}

std::optional<SchemeVersion> FindVersion(Connection& db, RecordId scheme_id, int number) {
  auto r = db.QueryOne(
      std::string("SELECT ") + kVersionColumns + " FROM assessment_scheme_versions WHERE scheme_id = ? AND number = ?",
      {scheme_id, number});
  if (!r) return std::nullopt;
  return VersionFrom(*r);
}

std::optional<SchemeVersion> VersionInForce(Connection& db, RecordId scheme_id, std::int64_t at) {
  auto r = db.QueryOne(std::string("SELECT ") + kVersionColumns +
                           " FROM assessment_scheme_versions WHERE scheme_id = ? AND status = 'approved' "
                           "AND effective_from <= ? ORDER BY effective_from DESC, number DESC LIMIT 1",
                       {scheme_id, at});
  if (!r) return std::nullopt;
  return VersionFrom(*r);
}

Result<int> InsertVersion(Connection& db, const SchemeVersion& v) {
  auto next = db.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM assessment_scheme_versions WHERE scheme_id = ?",
                          {v.scheme_id});
  const int number = static_cast<int>(next->Int(0));
  SQM_TRY(
      db.Exec("INSERT INTO assessment_scheme_versions (scheme_id, number, status, document, author_id, "
              "created_at) VALUES (?, ?, 'draft', ?, ?, ?)",
              {v.scheme_id, number, v.document, v.author_id, v.created_at}));
  return number;
}

Status SaveVersionDocument(Connection& db, RecordId scheme_id, int number, const std::string& document) {
  return db.Exec("UPDATE assessment_scheme_versions SET document = ? WHERE scheme_id = ? AND number = ?",
                 {document, scheme_id, number});
}

Status ApproveVersion(Connection& db, RecordId scheme_id, int number, RecordId approver, std::int64_t effective_from,
                      std::int64_t now) {
  return db.Exec(
      "UPDATE assessment_scheme_versions SET status = 'approved', approver_id = ?, effective_from = ?, "
      "approved_at = ? WHERE scheme_id = ? AND number = ?",
      {approver, effective_from, now, scheme_id, number});
}

}  // namespace sqm::assessment::repo
