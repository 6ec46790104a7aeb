#include "desk/import_routes.h"

#include "desk/routes.h"

#include <fmt/format.h>

#include "desk/export.h"
#include "desk/json.h"
#include "desk/rules.h"
#include "org/rules.h"

namespace sqm::desk {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string_view MediaType(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto s = content_type.substr(0, semi);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

Response StartImport(Importer& importer, Request& req) {
  auto upload =
      ReadSpreadsheetUpload(req, "upload", Message("must be a file name of at most 200 bytes, without a folder"));
  if (auto* refused = std::get_if<Response>(&upload)) return std::move(*refused);
  auto& file = std::get<SpreadsheetUpload>(upload);
  SQM_ASSIGN_OR_REPLY(auto job, importer.Start(req.who(), file.format, std::move(file.file), file.filename));
  Response r = JsonResponse(202, ImportJobJson(job));
  r.SetHeader("Location", fmt::format("/api/v1/tickets/imports/{}", job.id));
  return r;
}

// 201 {created, tickets: [{line, id, number, external_id}]}, or 400 listing every rejected line:
// {error: {code, message, field}, errors: [{line, field, reason, key, args}], error_count}.
Response BulkResponse(const BulkOutcome& out) {
  if (out.ok()) {
    bj::array tickets;
    for (const auto& c : out.created) {
      tickets.push_back({{"line", c.line},
                         {"id", c.id},
                         {"number", TicketNumber(c.id)},
                         {"external_id", c.external_id.empty() ? bj::value(nullptr) : bj::value(c.external_id)}});
    }
    return JsonResponse(201, bj::object{{"created", out.created.size()}, {"tickets", std::move(tickets)}});
  }
  const auto& first = out.errors.front();
  const std::string message = out.while_applying
                                  ? fmt::format("line {}: {}; nothing was written", first.line, first.reason)
                                  : fmt::format("{} problem{} in {} line{}; nothing was written", out.error_count,
                                                out.error_count == 1 ? "" : "s", out.lines, out.lines == 1 ? "" : "s");
  return JsonResponse(
      http::StatusOf(ErrorCode::kInvalid),
      bj::object{
          {"error", {{"code", ErrorCodeName(ErrorCode::kInvalid)}, {"message", message}, {"field", first.column}}},
          {"errors", RowErrorsJson(out.errors, "field")},
          {"error_count", out.error_count}});
}

// The bulk feed keeps its Idempotency-Key inside the import's own transaction: the answer is
// stored with the tickets, or neither is (a rejected batch leaves the key unused).
Response Bulk(Importer& importer, http::IdempotencyKeys& keys, Request& req) {
  if (MediaType(req.Header("content-type")) != "application/x-ndjson") {
    return ErrorResponse(415, "unsupported_media_type", "send one JSON object per line as application/x-ndjson");
  }
  const std::string key(req.Header("idempotency-key"));
  const std::string caller = http::IdempotencyKeys::CallerOf(req.who());
  if (!key.empty()) {
    SQM_ASSIGN_OR_REPLY(auto stored, keys.Lookup(caller, key, req));
    if (stored) return std::move(*stored);
  }
  BulkCommit commit;
  if (!key.empty()) {
    commit.idempotency_key = key;
    commit.before_commit = [&](storage::WriteTx& tx, const BulkOutcome& out) {
      return keys.Store(tx, caller, key, req, BulkResponse(out));
    };
  }
  auto out = importer.Bulk(req.who(), req.body, commit);
  if (!out.ok() && out.error().field == "Idempotency-Key") {  // a concurrent request with the key came first
    SQM_ASSIGN_OR_REPLY(auto stored, keys.Lookup(caller, key, req));
    if (stored) return std::move(*stored);
  }
  if (!out.ok()) return ErrorResponse(out.error());
  return BulkResponse(*out);
}

// The file of an export or a template, as a download.
Response Download(ExportFile file) {
  Response r;
  r.status = 200;
  r.content_type = file.content_type;
  r.body = std::move(file.body);
  r.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"{}\"", file.filename));
  r.SetHeader("Cache-Control", "no-store");
  r.SetHeader("X-Total-Count", std::to_string(file.rows));
  return r;
}

Result<ExportFormat> ReadFormat(const Request& req) {
  const auto format = req.QueryText("format").value_or("csv");
  if (format == "csv") return ExportFormat::kCsv;
  if (format == "xlsx") return ExportFormat::kXlsx;
  return Error::Invalid("format", Msg("import.format_csv_or_xlsx", "must be csv or xlsx"));
}

// GET /api/v1/imports/template?format=csv|xlsx&lang=zh-CN|en
Response Template(const Exporter& exporter, Request& req) {
  ExportOptions o;
  SQM_ASSIGN_OR_REPLY(o.format, ReadFormat(req));
  const auto lang = req.QueryText("lang").value_or("zh-CN");
  if (lang != "en" && lang != "zh-CN") {
    return ErrorResponse(Error::Invalid("lang", Msg("import.lang_zh_or_en", "must be zh-CN or en")));
  }
  o.language = lang == "zh-CN" ? ExportLanguage::kChinese : ExportLanguage::kEnglish;
  SQM_ASSIGN_OR_REPLY(auto file, exporter.Template(o));
  return Download(std::move(file));
}

Response Export(Exporter& exporter, Request& req) {
  ExportOptions o;
  SQM_ASSIGN_OR_REPLY(o.format, ReadFormat(req));
  const auto lang = req.QueryText("lang").value_or("en");
  if (lang != "en" && lang != "zh") return ErrorResponse(Error::Invalid("lang", "must be en or zh"));
  o.language = lang == "zh" ? ExportLanguage::kChinese : ExportLanguage::kEnglish;
  SQM_ASSIGN_OR_REPLY(auto query, ReadTicketQuery(req));
  SQM_ASSIGN_OR_REPLY(auto file, exporter.Export(req.who(), std::move(query), o));
  return Download(std::move(file));
}

}  // namespace

std::optional<import::Format> FormatOf(std::string_view content_type, std::string_view filename) {
  const auto media = MediaType(content_type);
  if (media == "text/csv" || media == "application/csv") return import::Format::kCsv;
  if (media == kXlsxType) return import::Format::kXlsx;
  if (media == "application/octet-stream" || media.empty()) {
    if (EndsWithNoCase(filename, ".csv")) return import::Format::kCsv;
    if (EndsWithNoCase(filename, ".xlsx")) return import::Format::kXlsx;
  }
  return std::nullopt;
}

std::variant<SpreadsheetUpload, Response> ReadSpreadsheetUpload(Request& req, std::string_view fallback_stem,
                                                                Message bad_filename) {
  SpreadsheetUpload out;
  out.filename = req.QueryText("filename").value_or("");
  if (out.filename.size() > 200 || out.filename.find_first_of("/\\") != std::string::npos) {
    return ErrorResponse(Error::Invalid("filename", std::move(bad_filename)));
  }
  auto format = FormatOf(req.Header("content-type"), out.filename);
  if (!format) {
    return ErrorResponse(415, "unsupported_media_type",
                         fmt::format("send the file as text/csv or {} (or application/octet-stream with a "
                                     "filename ending in .csv or .xlsx)",
                                     kXlsxType));
  }
  out.format = *format;
  if (out.filename.empty()) out.filename = fmt::format("{}.{}", fallback_stem, import::FormatName(out.format));
  // The server streamed the body to a temporary file (body_to_file); a request handed over whole
  // (App::Handle in tests) has it in `body`.
  out.file = req.body_file ? ImportFile(req.body_file) : ImportFile(std::move(req.body));
  return out;
}

void AddImportRoutes(http::Router& r, Importer& importer, Exporter& exporter, http::IdempotencyKeys& keys) {
  const std::string read(org::kTicketRead), write(org::kTicketWrite);
  // Files and batches are larger than the server's default body limit (`--max-body`, 1 MiB).
  constexpr http::RouteOptions kImportFile{
      .max_body_bytes = 200u << 20, .read_timeout_s = 600, .body_to_file = true, .body_types = kSpreadsheetTypes};
  constexpr http::RouteOptions kBulkBatch{.max_body_bytes = 16u << 20,
                                          .read_timeout_s = 120,
                                          .own_idempotency_key = true,
                                          .body_types = "application/x-ndjson"};
  r.Add(
      "POST", "/api/v1/tickets/imports", write, [&importer](Request& req) { return StartImport(importer, req); },
      kImportFile);
  r.Add("GET", "/api/v1/tickets/imports/{id}", write, [&importer](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return http::Reply(importer.Job(req.who(), id), ImportJobJson);
  });
  r.Add(
      "POST", "/api/v1/tickets/bulk", write, [&importer, &keys](Request& req) { return Bulk(importer, keys, req); },
      kBulkBatch);
  r.Add("GET", "/api/v1/tickets/export", read, [&exporter](Request& req) { return Export(exporter, req); });
  r.Add("GET", "/api/v1/imports/template", write, [&exporter](Request& req) { return Template(exporter, req); });
}

}  // namespace sqm::desk
