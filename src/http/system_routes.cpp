#include "http/system_routes.h"

#include <malloc.h>

#include <boost/asio/ip/address.hpp>

#include "base/crypto.h"
#include "base/json.h"
#include "org/rules.h"

namespace sqm::http {

namespace bj = boost::json;

namespace {

bj::object EventJson(const storage::Event& e) {
  auto data = json::Parse(e.data);
  return {{"seq", e.seq},
          {"at", FormatIsoUtc(e.at)},
          {"actor", e.actor},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"type", e.type},
          {"data", data.ok() ? data.value() : bj::value(e.data)},
          {"hash", e.hash}};
}

Response ListEvents(storage::Database& db, Request& req) {
  storage::EventFilter f;
  f.entity = req.QueryText("entity");
  f.entity_id = req.QueryText("entity_id");
  f.type = req.QueryText("type");
  f.actor = req.QueryText("actor");
  SQM_ASSIGN_OR_REPLY(f.from, req.QueryTime("from"));
  SQM_ASSIGN_OR_REPLY(f.to, req.QueryTime("to"));
  SQM_ASSIGN_OR_REPLY(f.before_seq, req.QueryInt("cursor", 1));
  SQM_ASSIGN_OR_REPLY(f.limit, req.Limit(500));
  auto page = db.Read([&](storage::Connection& c) { return storage::ListEvents(c, f); });
  std::optional<std::string> next;
  if (page.next_before_seq) next = std::to_string(*page.next_before_seq);
  bj::array items;
  for (const auto& e : page.events) items.push_back(EventJson(e));
  return JsonResponse(200, PageJson(std::move(items), next));
}

}  // namespace

bool IsLoopback(std::string_view address) {
  boost::system::error_code ec;
  const auto a = boost::asio::ip::make_address(std::string(address), ec);
  if (ec) return false;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6()).is_loopback();
  }
  return a.is_loopback();
}

bool MayReadMetrics(const Request& req, const SystemRoutesOptions& options) {
  if (!options.metrics_token.empty()) {
    const auto auth = req.Header("authorization");
    if (auth.size() > 7 && (auth.substr(0, 7) == "Bearer " || auth.substr(0, 7) == "bearer ") &&
        crypto::SecretEquals(auth.substr(7), options.metrics_token)) {
      return true;
    }
  }
  const bool forwarded =
      !req.Header("forwarded").empty() || !req.Header("x-forwarded-for").empty() || !req.Header("x-real-ip").empty();
  return !forwarded && IsLoopback(req.remote_address);
}

void AddSystemRoutes(Router& router, storage::Database& db, const Metrics& metrics, SystemRoutesOptions options) {
  router.Add("GET", "/healthz", std::string(org::kPublic), [&db](Request&) {
    const bool ok = db.Read([](storage::Connection& c) { return c.QueryOne("SELECT 1").has_value(); });
    return JsonResponse(ok ? 200 : 503, bj::object{{"status", ok ? "ok" : "unavailable"}});
  });
  router.Add("GET", "/metrics", std::string(org::kPublic), [&db, &metrics, options](Request& req) {
    if (!MayReadMetrics(req, options)) {
      return ErrorResponse(Error::Forbidden(Msg(
          "http.metrics_forbidden", "metrics are served to loopback callers, or to callers with the metrics token")));
    }
    Response r;
    r.content_type = "text/plain; version=0.0.4";
    // The allocator (glibc, every arena): what the server holds in live allocations, and what it
    // has freed but keeps in its arenas. The soak (scripts/soak.sh) tells a leak, which grows the
    // first, from fragmentation, which grows the second, by them.
    const struct mallinfo2 heap = mallinfo2();
    std::map<std::string, double> gauges = options.gauges ? options.gauges() : std::map<std::string, double>{};
    gauges.emplace("sqm_db_write_queue_depth", static_cast<double>(db.QueueDepth()));
    gauges.emplace("sqm_db_commits_total", static_cast<double>(db.CommitCount()));
    gauges.emplace("sqm_heap_in_use_bytes", static_cast<double>(heap.uordblks + heap.hblkhd));
    gauges.emplace("sqm_heap_free_bytes", static_cast<double>(heap.fordblks));
    gauges.emplace("sqm_sqlite_memory_bytes", static_cast<double>(db.EngineMemoryBytes()));
    r.body = metrics.Render(gauges);
    return r;
  });
  router.Add("GET", "/api/v1/events", std::string(org::kAuditRead),
             [&db](Request& req) { return ListEvents(db, req); });
}

}  // namespace sqm::http
