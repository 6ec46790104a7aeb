#include "assessment/period_routes.h"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "assessment/measure_routes.h"
#include "assessment/result_codec.h"
#include "base/crypto.h"
#include "base/json.h"
#include "calendar/model.h"
#include "org/rules.h"

namespace sqm::assessment {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

constexpr const char* kBase = "/api/v1/assessment";
constexpr json::Reader::StringRule kCode{.min_len = 1, .max_len = 64};
constexpr json::Reader::StringRule kText{.min_len = 1, .max_len = 4000};

bj::value Opt(const std::optional<std::int64_t>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

bj::value OptTime(const std::optional<std::int64_t>& t) {
  return t ? bj::value(FormatIsoUtc(*t)) : bj::value(nullptr);
}

bj::object Local(const LocalText& t) {
  return {{"zh", t.zh}, {"en", t.en}};
}

LocalText ReadLocal(json::Reader& in, std::string_view key, bool required) {
  LocalText t;
  const bj::value* v = in.OptValue(key);
  if (!v) {
    if (required) in.Fail(key, Msg("field.required", "is required"));
    return t;
  }
  json::Reader n(*v, std::string(key));
  t.zh = n.String("zh", {.min_len = 1, .max_len = 200});
  t.en = n.String("en", {.min_len = 1, .max_len = 200});
  if (auto st = n.Done(); !st.ok()) in.Fail(key, Message(st.error().key, st.error().message, st.error().args));
  return t;
}

// ---- indicators

bj::object IndicatorJson(const Indicator& i) {
  return {{"code", i.code},
          {"name", Local(i.name)},
          {"definition", Local(i.definition)},
          {"unit", i.unit},
          {"direction", DirectionName(i.direction)},
          {"kind", IndicatorKindName(i.kind)},
          {"formula", i.formula},
          {"target", i.target ? bj::value(*i.target) : bj::value(nullptr)},
          {"updated_at", FormatIsoUtc(i.updated_at)}};
}

Result<Indicator> ReadIndicator(const bj::value& body, std::optional<std::string> code) {
  json::Reader in(body);
  Indicator i;
  i.code = code ? *code : in.String("code", kCode);
  if (code && in.Has("code") && in.OptString("code", kCode) != code) {
    in.Fail("code", Msg("indicator.code_fixed", "a code never changes"));
  }
  i.name = ReadLocal(in, "name", true);
  if (in.Has("definition")) i.definition = ReadLocal(in, "definition", false);
  i.unit = in.String("unit", {.min_len = 1, .max_len = 32});
  const std::string direction = in.OptString("direction", kCode).value_or("higher");
  if (auto d = ParseDirection(direction)) {
    i.direction = *d;
  } else {
    in.Fail("direction", Msg("indicator.direction", "must be higher or lower"));
  }
  const std::string kind = in.OptString("kind", kCode).value_or("computed");
  if (auto k = ParseIndicatorKind(kind)) {
    i.kind = *k;
  } else {
    in.Fail("kind", Msg("indicator.kind", "must be computed or manual"));
  }
  i.formula = in.OptString("formula", {.min_len = 0, .max_len = 1000}).value_or("");
  i.target = in.OptNumber("target");
  SQM_TRY(in.Done());
  return i;
}

// ---- schemes

bj::object VersionJson(const SchemeVersion& v, bool with_document) {
  bj::object o{{"number", v.number},
               {"status", v.status == VersionStatus::kApproved ? "approved" : "draft"},
               {"effective_from", OptTime(v.effective_from)},
               {"author", v.author_id},
               {"approver", Opt(v.approver_id)},
               {"created_at", FormatIsoUtc(v.created_at)}};
  if (with_document) o["document"] = json::Parse(v.document).value();
  return o;
}

bj::object SchemeJson(const SchemeRecord& s) {
  bj::array versions;
  for (const SchemeVersion& v : s.versions) versions.push_back(VersionJson(v, false));
  return {{"id", s.id},
          {"code", s.code},
          {"name", Local(s.name)},
          {"subject_kind", SubjectKindText(s.subject_kind)},
          {"current_version", s.current_version ? bj::value(*s.current_version) : bj::value(nullptr)},
          {"versions", std::move(versions)}};
}

Result<SchemeDraft> ReadSchemeDraft(json::Reader& in) {
  SchemeDraft d;
  d.code = in.String("code", kCode);
  d.name = ReadLocal(in, "name", true);
  const std::string kind = in.String("subject_kind", kCode);
  if (auto k = ParseSubjectKind(kind)) {
    d.subject_kind = *k;
  } else if (!kind.empty()) {
    in.Fail("subject_kind", Msg("scheme.subject_kind", "must be staff or department"));
  }
  return d;
}

Result<int> VersionParam(const Request& req) {
  auto it = req.params.find("n");
  if (it == req.params.end()) return Error::NotFound("no such version");
  try {
    const int n = std::stoi(it->second);
    if (n > 0 && std::to_string(n) == it->second) return n;
  } catch (const std::exception&) {
  }
  return Error::NotFound("no such version");
}

Result<bj::value> DocumentOf(const bj::value& body) {
  json::Reader in(body);
  const bj::value* doc = in.OptValue("document");
  if (!doc) in.Fail("document", Msg("field.required", "is required"));
  SQM_TRY(in.Done());
  return *doc;
}

// ---- periods and results

bj::object PeriodJson(const Period& p, const PeriodCounts* counts = nullptr) {
  bj::object o{{"id", p.id},
               {"name", p.name},
               {"status", PeriodStatusName(p.status)},
               {"scheme", bj::object{{"id", p.scheme_id}, {"code", p.scheme_code}}},
               {"version", p.version},
               {"kind", PeriodKindName(p.kind)},
               {"from", FormatIsoUtc(p.from_ms)},
               {"to", FormatIsoUtc(p.to_ms)},
               {"scope", Opt(p.scope_department_id)},
               {"snapshot_sha256", p.results_sha256 ? bj::value(*p.results_sha256) : bj::value(nullptr)},
               {"evaluated_at", OptTime(p.evaluated_at)},
               {"published_at", OptTime(p.published_at)},
               {"appeal_deadline", OptTime(p.appeal_deadline)},
               {"locked_at", OptTime(p.locked_at)}};
  if (counts) {
    o["counts"] = bj::object{{"assessees", counts->assessees},
                             {"ranked", counts->ranked},
                             {"no_data", counts->no_data},
                             {"appeals_open", counts->appeals_open}};
  }
  return o;
}

// "2026-11-01" (a local date in the business zone) or an ISO date-time.
std::optional<std::int64_t> ReadTime(json::Reader& in, std::string_view key, const calendar::Zone& zone) {
  const std::string text = in.String(key, {.min_len = 1, .max_len = 40});
  if (text.empty()) return std::nullopt;
  if (auto d = calendar::ParseLocalDate(text)) return zone.FromLocal(calendar::DayNumber(*d) * 86'400'000LL);
  if (auto t = ParseIsoTime(text)) return *t;
  in.Fail(key, Msg("field.time", "must be a date (2026-11-01) or an ISO date-time"));
  return std::nullopt;
}

bj::object CorrectionJson(const Correction& c) {
  return {{"id", c.id},
          {"period_id", c.period_id},
          {"assessee_id", c.assessee_id},
          {"original_total", c.original_total ? bj::value(*c.original_total) : bj::value(nullptr)},
          {"corrected_total", c.corrected_total},
          {"grade", c.grade.empty() ? bj::value(nullptr) : bj::value(c.grade)},
          {"coefficient", c.coefficient ? bj::value(*c.coefficient) : bj::value(nullptr)},
          {"reason", c.reason},
          {"evidence", c.evidence},
          {"status", CorrectionStatusName(c.status)},
          {"proposed_by", c.proposed_by},
          {"proposed_at", FormatIsoUtc(c.proposed_at)},
          {"approved_by", Opt(c.approved_by)},
          {"approved_at", OptTime(c.approved_at)},
          {"rejected_by", Opt(c.rejected_by)},
          {"rejected_at", OptTime(c.rejected_at)},
          {"rejection_reason", c.rejection_reason.empty() ? bj::value(nullptr) : bj::value(c.rejection_reason)}};
}

bj::value InForceJson(const std::map<RecordId, const Correction*>& in_force, RecordId assessee) {
  auto it = in_force.find(assessee);
  return it == in_force.end() ? bj::value(nullptr) : bj::value(CorrectionJson(*it->second));
}

bj::object ResultsJsonFor(const VisibleResults& v, const Request& req) {
  const auto group = req.QueryText("group");
  const std::string sort = req.QueryText("sort").value_or("rank");
  std::vector<const AssesseeResult*> rows;
  for (const AssesseeResult& r : v.results.items) {
    if (!group || r.group == *group) rows.push_back(&r);
  }
  if (sort == "name") {
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->assessee.name < b->assessee.name; });
  } else if (sort == "total") {
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) {
      const double x = a->total.has_value() ? a->total.value() : -1e300;
      const double y = b->total.has_value() ? b->total.value() : -1e300;
      return x > y;
    });
  } else {
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) {
      const int x = a->standing.rank.value_or(1 << 30), y = b->standing.rank.value_or(1 << 30);
      return x < y;
    });
  }
  const auto in_force = InForce(v.corrections);
  bj::array items;
  for (const AssesseeResult* r : rows) {
    bj::object row = ResultRowJson(*r);
    row["correction"] = InForceJson(in_force, r->assessee.id);
    items.push_back(std::move(row));
  }
  return {{"live", v.live}, {"period", PeriodJson(v.period)}, {"items", std::move(items)}};
}

// ---- exports

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<bj::value>> rows;  // strings, numbers or null
};

Table ResultsTable(const VisibleResults& v) {
  Table t;
  // The pay columns: the latest approved correction of a locked result, else the result itself.
  t.header = {"rank",      "assessee_id",    "name", "department",  "group",  "volume",          "total",
              "grade",     "coefficient",    "list", "yellow_card", "failed", "corrected_total", "pay_total",
              "pay_grade", "pay_coefficient"};
  const auto in_force = InForce(v.corrections);
  for (const AssesseeResult& r : v.results.items) {
    const bj::object row = ResultRowJson(r);
    auto c = in_force.find(r.assessee.id);
    const Correction* k = c == in_force.end() ? nullptr : c->second;
    const bj::value grade = k ? (k->grade.empty() ? bj::value(nullptr) : bj::value(k->grade)) : row.at("grade");
    const bj::value coefficient =
        k ? (k->coefficient ? bj::value(*k->coefficient) : bj::value(nullptr)) : row.at("coefficient");
    t.rows.push_back({row.at("rank"), row.at("assessee_id"), row.at("name"), row.at("department"), row.at("group"),
                      row.at("volume"), row.at("total"), row.at("grade"), row.at("coefficient"), row.at("list"),
                      row.at("yellow_card"), row.at("failed"), k ? bj::value(k->corrected_total) : bj::value(nullptr),
                      k ? bj::value(k->corrected_total) : row.at("total"), grade, coefficient});
  }
  return t;
}

std::string CellText(const bj::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_null()) return "";
  return json::Serialize(v);
}

// RFC 4180 quoting; a cell a spreadsheet would read as a formula gets a leading apostrophe.
std::string Quote(const std::string& text) {
  std::string s = (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '@')) ? "'" + text : text;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

Response CsvOf(const Table& t, const std::string& filename) {
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) r.body += (i ? "," : "") + Quote(cells[i]);
    r.body += "\r\n";
  };
  line(t.header);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    for (const bj::value& v : row) cells.push_back(CellText(v));
    line(cells);
  }
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"");
  return r;
}

Result<Response> XlsxOf(const Table& t, const std::string& filename) {
  const auto path = std::filesystem::temp_directory_path() / ("sqm-results-" + crypto::RandomToken(12) + ".xlsx");
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  } remove{path};
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error::Internal("cannot create the XLSX file");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "results");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const bj::value& v = t.rows[r][c];
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      if (v.is_number()) {
        worksheet_write_number(ws, row, col, v.to_number<double>(), nullptr);
      } else if (!v.is_null()) {
        worksheet_write_string(ws, row, col, CellText(v).c_str(), nullptr);
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) return Error::Internal("writing the XLSX file failed");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(ss).str();
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + ".xlsx\"");
  return r;
}

bj::object AppealJson(const Appeal& a) {
  bj::value adj = nullptr;
  if (a.adjustment) {
    adj = bj::object{{"id", a.adjustment->id},
                     {"points", a.adjustment->points},
                     {"status", AdjustmentStatusName(a.adjustment->status)},
                     {"proposed_by", a.adjustment->proposed_by},
                     {"approved_by", Opt(a.adjustment->approved_by)}};
  }
  return {{"id", a.id},
          {"period_id", a.period_id},
          {"period_name", a.period_name},
          {"assessee_id", a.assessee_id},
          {"assessee_name", a.assessee_name},
          {"indicator_code", a.indicator_code ? bj::value(*a.indicator_code) : bj::value(nullptr)},
          {"reason", a.reason},
          {"evidence", a.evidence},
          {"status", AppealStatusName(a.status)},
          {"filed_by", a.filed_by},
          {"filed_at", FormatIsoUtc(a.filed_at)},
          {"decided_by", Opt(a.decided_by)},
          {"decided_at", OptTime(a.decided_at)},
          {"decision_reason", a.decision_reason},
          {"adjustment", adj}};
}

bj::object CommentJson(const ResultComment& c) {
  return {{"indicator_code", c.indicator_code.empty() ? bj::value(nullptr) : bj::value(c.indicator_code)},
          {"text", c.text},
          {"written_by", c.written_by},
          {"author", c.written_by_name},
          {"at", FormatIsoUtc(c.written_at)}};
}

bj::array CommentsJson(const std::vector<ResultComment>& list) {
  bj::array out;
  for (const ResultComment& c : list) out.push_back(CommentJson(c));
  return out;
}

bj::object ArchiveJson(const std::vector<ArchiveEntry>& entries) {
  bj::array items;
  for (const ArchiveEntry& e : entries) {
    bj::object row = ResultRowJson(e.result);
    row["period"] = PeriodJson(e.period);
    row["comments"] = CommentsJson(e.comments);
    items.push_back(std::move(row));
  }
  return {{"items", std::move(items)}};
}

bj::object ComplaintCountsJson(const ComplaintCounts& c) {
  return {{"count", c.count},
          {"substantiated", c.substantiated},
          {"decided", c.decided},
          {"answered", c.answered},
          {"on_time", c.on_time}};
}

bj::value ComplaintCardJson(const std::optional<ComplaintCard>& card) {
  if (!card) return nullptr;
  bj::array by_period;
  for (const auto& [span, counts] : card->by_period) {
    bj::object row = ComplaintCountsJson(counts);
    row["period_id"] = span.period_id;
    row["period_name"] = span.name;
    by_period.push_back(std::move(row));
  }
  bj::array latest;
  for (const ArchiveComplaint& k : card->latest) {
    latest.push_back(bj::object{{"ticket_id", k.ticket_id},
                                {"ticket_number", k.ticket_number},
                                {"title", k.title},
                                {"at", FormatIsoUtc(k.at)},
                                {"substantiated", k.substantiated ? bj::value(*k.substantiated) : bj::value(nullptr)},
                                {"answered", k.answered},
                                {"on_time", k.answered ? bj::value(k.on_time) : bj::value(nullptr)}});
  }
  bj::object o = ComplaintCountsJson(card->total);
  o["by_period"] = std::move(by_period);
  o["latest"] = std::move(latest);
  return o;
}

bj::value InspectionCardJson(const std::optional<InspectionCard>& card) {
  if (!card) return nullptr;
  bj::array latest;
  for (const ArchiveInspection& i : card->latest) {
    latest.push_back(
        bj::object{{"id", i.id},
                   {"ticket_id", Opt(i.ticket_id)},
                   {"ticket_number", i.ticket_number.empty() ? bj::value(nullptr) : bj::value(i.ticket_number)},
                   {"state", i.state},
                   {"published_at", FormatIsoUtc(i.published_at)},
                   {"percent", i.percent ? bj::value(*i.percent) : bj::value(nullptr)},
                   {"passed", i.passed},
                   {"critical_failed", i.critical_failed}});
  }
  return bj::object{{"count", card->count},
                    {"scored", card->scored},
                    {"mean_percent", card->mean_percent ? bj::value(*card->mean_percent) : bj::value(nullptr)},
                    {"passed", card->passed},
                    {"critical_fails", card->critical_fails},
                    {"latest", std::move(latest)}};
}

// An appeal of the archive, of either kind: `status` open or decided, and the decision's `outcome`.
bj::object ArchiveAppealJson(const ArchiveAppeal& a) {
  if (a.appeal) {
    bj::object o = AppealJson(*a.appeal);
    const bool open = a.appeal->status == AppealStatus::kOpen;
    o["kind"] = "assessment";
    o["status"] = open ? "open" : "decided";
    o["outcome"] = open ? bj::value(nullptr) : bj::value(AppealStatusName(a.appeal->status));
    return o;
  }
  const ArchiveInspectionAppeal& i = *a.inspection;
  return {{"kind", "inspection"},
          {"id", i.inspection_id},
          {"inspection_id", i.inspection_id},
          {"ticket_number", i.ticket_number.empty() ? bj::value(nullptr) : bj::value(i.ticket_number)},
          {"reason", i.reason},
          {"filed_at", FormatIsoUtc(i.filed_at)},
          {"status", i.outcome ? "decided" : "open"},
          {"outcome", i.outcome ? bj::value(*i.outcome) : bj::value(nullptr)},
          {"decision_reason", i.decision},
          {"decided_at", OptTime(i.decided_at)}};
}

bj::object StaffArchiveJson(const StaffArchive& a) {
  bj::object o = ArchiveJson(a.entries);
  bj::array appeals;
  for (const ArchiveAppeal& x : a.appeals) appeals.push_back(ArchiveAppealJson(x));
  o["staff_id"] = a.staff_id;
  o["name"] = a.name;
  o["complaints"] = ComplaintCardJson(a.complaints);
  o["appeals"] = std::move(appeals);
  o["inspections"] = InspectionCardJson(a.inspections);
  return o;
}

}  // namespace

void AddPeriodRoutes(http::Router& r, PeriodService& svc, calendar::Zone zone) {
  const std::string read(org::kAssessmentRead), manage(org::kAssessmentManage), approve(org::kAssessmentApprove),
      own(org::kAssessmentOwn);
  const std::string base = kBase;

  // ---- indicators
  r.Add("GET", base + "/indicators", read, [&svc](Request& req) {
    return http::Reply(svc.ListIndicators(req.who()), [](const std::vector<Indicator>& list) {
      bj::array items;
      for (const Indicator& i : list) items.push_back(IndicatorJson(i));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/indicators", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    SQM_ASSIGN_OR_REPLY(Indicator ind, ReadIndicator(body, std::nullopt));
    return http::Reply(svc.SaveIndicator(req.who(), ind, true), IndicatorJson, 201);
  });
  r.Add("PUT", base + "/indicators/{code}", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    SQM_ASSIGN_OR_REPLY(Indicator ind, ReadIndicator(body, req.params.at("code")));
    return http::Reply(svc.SaveIndicator(req.who(), ind, false), IndicatorJson);
  });

  // ---- schemes
  r.Add("GET", base + "/schemes", read, [&svc](Request& req) {
    return http::Reply(svc.ListSchemes(req.who()), [](const std::vector<SchemeRecord>& list) {
      bj::array items;
      for (const SchemeRecord& s : list) items.push_back(SchemeJson(s));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/schemes", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    SQM_ASSIGN_OR_REPLY(SchemeDraft d, ReadSchemeDraft(in));
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.CreateScheme(req.who(), d), SchemeJson, 201);
  });
  r.Add("POST", base + "/schemes/import", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    SQM_ASSIGN_OR_REPLY(SchemeDraft d, ReadSchemeDraft(in));
    const bj::value* doc = in.OptValue("document");
    if (!doc) in.Fail("document", Msg("field.required", "is required"));
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.ImportScheme(req.who(), d, *doc), SchemeJson, 201);
  });
  r.Add("POST", base + "/schemes/{id}/versions", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    SQM_ASSIGN_OR_REPLY(bj::value doc, DocumentOf(body));
    return http::Reply(
        svc.AddVersion(req.who(), id, doc), [](const SchemeVersion& v) { return VersionJson(v, true); }, 201);
  });
  r.Add("GET", base + "/schemes/{id}/versions/{n}", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(int n, VersionParam(req));
    return http::Reply(svc.GetVersion(req.who(), id, n), [](const SchemeVersion& v) { return VersionJson(v, true); });
  });
  r.Add("PUT", base + "/schemes/{id}/versions/{n}", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(int n, VersionParam(req));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    SQM_ASSIGN_OR_REPLY(bj::value doc, DocumentOf(body));
    return http::Reply(svc.UpdateVersion(req.who(), id, n, doc),
                       [](const SchemeVersion& v) { return VersionJson(v, true); });
  });
  r.Add("POST", base + "/schemes/{id}/versions/{n}/approve", approve, [&svc, zone](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(int n, VersionParam(req));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    auto from = ReadTime(in, "effective_from", zone);
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.ApproveVersion(req.who(), id, n, *from),
                       [](const SchemeVersion& v) { return VersionJson(v, false); });
  });
  r.Add("POST", base + "/schemes/{id}/versions/{n}/check", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    SQM_ASSIGN_OR_REPLY(bj::value doc, DocumentOf(body));
    auto checked = svc.CheckDocument(doc);
    bj::array errors;
    if (!checked.ok()) {
      const Error& e = checked.error();
      errors.push_back(bj::object{{"field", e.field}, {"message", e.message}, {"key", e.key}});
      for (const FieldProblem& p : e.more) {
        errors.push_back(bj::object{{"field", p.field}, {"message", p.message}, {"key", p.key}});
      }
    }
    return JsonResponse(200, bj::object{{"ok", checked.ok()}, {"errors", std::move(errors)}});
  });
  r.Add("GET", base + "/schemes/{id}/versions/{n}/export", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(int n, VersionParam(req));
    return http::Reply(svc.GetVersion(req.who(), id, n),
                       [](const SchemeVersion& v) { return json::Parse(v.document).value(); });
  });

  // ---- periods
  r.Add("GET", base + "/periods", read, [&svc](Request& req) {
    return http::Reply(svc.ListPeriods(req.who()), [](const std::vector<Period>& list) {
      bj::array items;
      for (const Period& p : list) items.push_back(PeriodJson(p));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/periods", manage, [&svc, zone](Request& req) {
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    PeriodDraft d;
    d.name = in.String("name", {.min_len = 1, .max_len = 100});
    d.scheme_id = in.Int("scheme_id", 1);
    const std::string kind = in.OptString("kind", kCode).value_or("month");
    if (auto k = ParsePeriodKind(kind)) {
      d.kind = *k;
    } else {
      in.Fail("kind", Msg("period.kind", "must be month, quarter, year or custom"));
    }
    d.from_ms = ReadTime(in, "from", zone).value_or(0);
    d.to_ms = ReadTime(in, "to", zone).value_or(0);
    d.scope_department_id = in.OptInt("scope_department_id", 1);
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(
        svc.CreatePeriod(req.who(), d), [](const Period& p) { return PeriodJson(p); }, 201);
  });
  r.Add("GET", base + "/periods/{id}", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    PeriodCounts counts;
    return http::Reply(svc.GetPeriod(req.who(), id, &counts), [&](const Period& p) { return PeriodJson(p, &counts); });
  });
  for (PeriodStep step : {PeriodStep::kCollect, PeriodStep::kEvaluate, PeriodStep::kPublish, PeriodStep::kLock}) {
    r.Add("POST", base + "/periods/{id}/" + PeriodStepName(step), manage, [&svc, step](Request& req) {
      SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
      return http::Reply(svc.Step(req.who(), id, step), [](const Period& p) { return PeriodJson(p); });
    });
  }
  r.Add("POST", base + "/periods/{id}/verify", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.Verify(req.who(), id), [](const Verification& v) {
      return bj::object{{"identical", v.identical}, {"sha256", v.sha256}, {"stored_sha256", v.stored_sha256}};
    });
  });

  // ---- results
  r.Add("GET", base + "/periods/{id}/results", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.Results(req.who(), id), [&](const VisibleResults& v) { return ResultsJsonFor(v, req); });
  });
  r.Add("GET", base + "/periods/{id}/results.csv", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(VisibleResults v, svc.Results(req.who(), id));
    return CsvOf(ResultsTable(v), "results-" + std::to_string(id));
  });
  r.Add("GET", base + "/periods/{id}/results.xlsx", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(VisibleResults v, svc.Results(req.who(), id));
    SQM_ASSIGN_OR_REPLY(Response out, XlsxOf(ResultsTable(v), "results-" + std::to_string(id)));
    return out;
  });
  r.Add("GET", base + "/periods/{id}/results/{assessee_id}", own, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto assessee, req.IdParam("assessee_id"));
    return http::Reply(svc.ResultOf(req.who(), id, assessee), [](const VisibleResults& v) {
      bj::object o = ResultDetailJson(v.results.items.front());
      bj::object mean;
      for (const auto& [code, value] : v.group_mean) mean[code] = value;
      o["group_mean"] = std::move(mean);
      o["comments"] = CommentsJson(v.comments);
      bj::array corrections;
      for (const Correction& c : v.corrections) corrections.push_back(CorrectionJson(c));
      o["corrections"] = std::move(corrections);
      o["correction"] = InForceJson(InForce(v.corrections), v.results.items.front().assessee.id);
      o["live"] = v.live;
      o["period"] = PeriodJson(v.period);
      return o;
    });
  });
  r.Add("PUT", base + "/periods/{id}/results/{assessee_id}/comment", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto assessee, req.IdParam("assessee_id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    const auto indicator = in.OptString("indicator_code", kCode);  // absent or null: the overall comment
    const std::string text = in.String("text", {.min_len = 1, .max_len = kCommentMaxChars});
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.PutComment(req.who(), id, assessee, indicator, text), CommentJson);
  });
  r.Add("GET", base + "/periods/{id}/corrections", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.Corrections(req.who(), id), [](const std::vector<Correction>& list) {
      bj::array items;
      for (const Correction& c : list) items.push_back(CorrectionJson(c));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/periods/{id}/corrections", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    const std::int64_t assessee = in.Int("assessee_id", 1);
    // The service reports a missing total, reason and evidence together.
    const auto total = in.OptNumber("total");
    const std::string reason = in.OptString("reason", {.min_len = 0, .max_len = 4000}).value_or("");
    const std::string evidence = in.OptString("evidence", {.min_len = 0, .max_len = 4000}).value_or("");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.ProposeCorrection(req.who(), id, assessee, total, reason, evidence), CorrectionJson, 201);
  });
  r.Add("POST", base + "/corrections/{id}/approve", approve, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.ApproveCorrection(req.who(), id), CorrectionJson);
  });
  r.Add("POST", base + "/corrections/{id}/withdraw", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.WithdrawCorrection(req.who(), id), CorrectionJson);
  });
  r.Add("POST", base + "/corrections/{id}/reject", approve, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    // The service checks the reason's presence and length (in characters).
    const std::string reason = in.OptString("reason", {.min_len = 0, .max_len = 4000}).value_or("");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.RejectCorrection(req.who(), id, reason), CorrectionJson);
  });
  r.Add("GET", base + "/periods/{id}/results/{assessee_id}/facts", own, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto assessee, req.IdParam("assessee_id"));
    ResultFactsQuery q;
    q.indicator = req.QueryText("indicator").value_or("");
    if (q.indicator.empty()) return ErrorResponse(Error::Invalid("indicator", Msg("field.required", "is required")));
    q.measure = req.QueryText("measure");
    SQM_ASSIGN_OR_REPLY(auto after, req.QueryInt("after", 0));
    q.after = after.value_or(0);
    SQM_ASSIGN_OR_REPLY(q.limit, req.Limit(500));
    return http::Reply(svc.FactsOf(req.who(), id, assessee, q), [](const ResultFacts& f) {
      bj::object o = FactPageJson(f.page);
      bj::array measures;
      for (const auto& m : f.measures) measures.push_back(bj::value(m));
      o["measures"] = std::move(measures);
      o["measure"] = f.measure.empty() ? bj::value(nullptr) : bj::value(f.measure);
      o["live"] = f.live;
      return o;
    });
  });
  r.Add("GET", base + "/me/results", own,
        [&svc](Request& req) { return http::Reply(svc.MyResults(req.who()), ArchiveJson); });
  r.Add("GET", base + "/archive/{staff_id}", own, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("staff_id"));
    return http::Reply(svc.Archive(req.who(), id), StaffArchiveJson);
  });

  // ---- manual inputs, appeals, adjustments
  r.Add("PUT", base + "/periods/{id}/inputs/{assessee_id}/{indicator_code}", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto assessee, req.IdParam("assessee_id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    auto value = in.OptNumber("value");
    // The service checks the evidence with the value's range; without a value it is checked here,
    // so that every problem is reported at once.
    const std::string evidence = in.OptString("evidence", {.min_len = 0, .max_len = 4000}).value_or("");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    if (!value) {
      Problems missing;
      missing.Add("value", Msg("field.required", "is required"));
      if (evidence.empty()) missing.Add("evidence", Msg("field.required", "is required"));
      return ErrorResponse(*missing.Take());
    }
    return http::Reply(svc.PutInput(req.who(), id, assessee, req.params.at("indicator_code"), *value, evidence),
                       [](const ManualInput& m) {
                         return bj::object{{"period_id", m.period_id},
                                           {"assessee_id", m.assessee_id},
                                           {"indicator_code", m.indicator_code},
                                           {"value", m.value},
                                           {"evidence", m.evidence},
                                           {"entered_by", m.entered_by},
                                           {"entered_at", FormatIsoUtc(m.entered_at)}};
                       });
  });
  r.Add("GET", base + "/periods/{id}/inputs", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.Inputs(req.who(), id), [](const InputSheet& sheet) {
      bj::array fields, assessees, items;
      for (const ManualField& f : sheet.fields) {
        bj::object o{{"code", f.code},
                     {"kind", ManualFieldKindName(f.kind)},
                     {"min", f.min},
                     {"max", f.max ? bj::value(*f.max) : bj::value(nullptr)},
                     {"whole", f.whole}};
        if (auto ind = sheet.indicators.find(f.code); ind != sheet.indicators.end()) {
          o["indicator"] = IndicatorJson(ind->second);
        }
        if (auto node = sheet.node_names.find(f.node); node != sheet.node_names.end()) {
          o["node_name"] = Local(node->second);
        }
        fields.push_back(std::move(o));
      }
      for (const AssesseeRef& a : sheet.assessees) {
        assessees.push_back(bj::object{{"id", a.id}, {"name", a.name}, {"department", a.department}});
      }
      for (const ManualInput& m : sheet.inputs) {
        items.push_back(bj::object{{"assessee_id", m.assessee_id},
                                   {"indicator_code", m.indicator_code},
                                   {"value", m.value},
                                   {"evidence", m.evidence},
                                   {"entered_by", m.entered_by},
                                   {"entered_by_name", sheet.entered_by.at(m.entered_by)},
                                   {"entered_at", FormatIsoUtc(m.entered_at)}});
      }
      return bj::object{{"period", PeriodJson(sheet.period)},
                        {"editable", sheet.editable},
                        {"fields", std::move(fields)},
                        {"assessees", std::move(assessees)},
                        {"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/periods/{id}/appeals", own, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    const std::int64_t assessee = in.Int("assessee_id", 1);
    auto indicator = in.OptString("indicator_code", kCode);
    const std::string reason = in.String("reason", kText);
    const std::string evidence = in.OptString("evidence", {.min_len = 0, .max_len = 4000}).value_or("");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.FileAppeal(req.who(), id, assessee, indicator, reason, evidence), AppealJson, 201);
  });
  r.Add("GET", base + "/appeals", read, [&svc](Request& req) {
    std::optional<AppealStatus> status;
    if (auto s = req.QueryText("status")) {
      status = ParseAppealStatus(*s);
      if (!status) {
        return ErrorResponse(
            Error::Invalid("status", Msg("appeal.status", "must be open, upheld, partly_upheld or rejected")));
      }
    }
    return http::Reply(svc.ListAppeals(req.who(), status), [](const std::vector<Appeal>& list) {
      bj::array items;
      for (const Appeal& a : list) items.push_back(AppealJson(a));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", base + "/appeals/{id}/decide", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
    json::Reader in(body);
    const std::string outcome_text = in.String("outcome", kCode);
    auto outcome = ParseAppealStatus(outcome_text);
    if ((!outcome || *outcome == AppealStatus::kOpen) && !outcome_text.empty()) {
      in.Fail("outcome", Msg("appeal.outcome", "must be upheld, partly_upheld or rejected"));
    }
    const std::string reason = in.String("reason", kText);
    std::optional<double> points;
    if (const bj::value* adj = in.OptValue("adjustment"); adj && !adj->is_null()) {
      json::Reader a(*adj, "adjustment");
      points = a.OptNumber("points");
      if (!points) a.Fail("points", Msg("field.required", "is required"));
      if (auto st = a.Done(); !st.ok()) return ErrorResponse(st.error());
    }
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return http::Reply(svc.DecideAppeal(req.who(), id, outcome.value_or(AppealStatus::kOpen), reason, points),
                       AppealJson);
  });
  const auto adjustment_json = [](const Adjustment& a) {
    return bj::object{{"id", a.id},
                      {"appeal_id", a.appeal_id},
                      {"period_id", a.period_id},
                      {"assessee_id", a.assessee_id},
                      {"points", a.points},
                      {"status", AdjustmentStatusName(a.status)},
                      {"proposed_by", a.proposed_by},
                      {"approved_by", Opt(a.approved_by)}};
  };
  r.Add("POST", base + "/adjustments/{id}/approve", approve, [&svc, adjustment_json](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.ApproveAdjustment(req.who(), id), adjustment_json);
  });
  r.Add("POST", base + "/adjustments/{id}/withdraw", manage, [&svc, adjustment_json](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(svc.WithdrawAdjustment(req.who(), id), adjustment_json);
  });
}

}  // namespace sqm::assessment
