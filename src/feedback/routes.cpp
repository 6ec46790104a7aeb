#include "feedback/routes.h"

#include <charconv>
#include <cmath>

#include "base/stats.h"
#include "org/rules.h"

namespace sqm::feedback {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

// A decimal query parameter ("0.05", "5e-2"); `fallback` when absent.
Result<std::optional<double>> QueryNumber(const Request& req, std::string_view name) {
  auto text = req.QueryText(name);
  if (!text) return std::optional<double>{};
  double v = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) {
    return Error::Invalid(std::string(name), Msg("field.not_number", "must be a number"));
  }
  return std::optional<double>(v);
}

Response SampleSize(Request& req) {
  stats::SampleSizeQuestion q;
  SQM_ASSIGN_OR_REPLY(auto margin, QueryNumber(req, "margin"));
  if (!margin) return ErrorResponse(Error::Invalid("margin", Msg("field.required", "is required")));
  q.margin = *margin;
  SQM_ASSIGN_OR_REPLY(auto confidence, QueryNumber(req, "confidence"));
  q.confidence = confidence.value_or(0.95);
  SQM_ASSIGN_OR_REPLY(q.population, req.QueryInt("population"));
  SQM_ASSIGN_OR_REPLY(auto proportion, QueryNumber(req, "proportion"));
  q.proportion = proportion.value_or(0.5);
  return http::Reply(stats::SampleSize(q), [](std::int64_t n) { return bj::object{{"n", n}}; });
}

Response Interval(Request& req) {
  SQM_ASSIGN_OR_REPLY(auto successes, req.QueryInt("successes"));
  SQM_ASSIGN_OR_REPLY(auto n, req.QueryInt("n"));
  SQM_ASSIGN_OR_REPLY(auto confidence, QueryNumber(req, "confidence"));
  Problems missing;
  if (!successes) missing.Add("successes", Msg("field.required", "is required"));
  if (!n) missing.Add("n", Msg("field.required", "is required"));
  if (auto e = missing.Take()) return ErrorResponse(*e);
  return http::Reply(stats::WilsonInterval(*successes, *n, confidence.value_or(0.95)), [](const stats::Interval& i) {
    return bj::object{{"p", i.p}, {"low", i.low}, {"high", i.high}, {"margin", i.margin}};
  });
}

}  // namespace

void AddStatisticsRoutes(http::Router& r) {
  const std::string staff(org::kStaff);
  r.Add("GET", "/api/v1/surveys/sample-size", staff, SampleSize);
  r.Add("GET", "/api/v1/surveys/interval", staff, Interval);
}

}  // namespace sqm::feedback
