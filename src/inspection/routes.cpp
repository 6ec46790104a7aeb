#include "inspection/routes.h"

#include "base/json.h"
#include "base/stats.h"
#include "inspection/agreement.h"
#include "org/rules.h"

namespace sqm::inspection {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

Response Agreement(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  json::Reader in(body);
  std::vector<double> ratings[2];
  for (int k = 0; k < 2; ++k) {
    const char* key = k == 0 ? "a" : "b";
    auto list = in.OptNumberList(key);
    if (!list && !in.Has(key)) in.Fail(key, Msg("field.required", "is required"));
    ratings[k] = list.value_or(std::vector<double>{});
  }
  const std::string weights = in.OptString("weights").value_or("none");
  stats::KappaWeights w = stats::KappaWeights::kNone;
  if (weights == "linear") {
    w = stats::KappaWeights::kLinear;
  } else if (weights == "quadratic") {
    w = stats::KappaWeights::kQuadratic;
  } else if (weights != "none") {
    in.Fail("weights", Msg("kappa.weights", "must be none, linear or quadratic"));
  }
  auto categories = in.OptNumberList("categories", 100);
  auto tolerance = in.OptNumber("tolerance");
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());

  SQM_ASSIGN_OR_REPLY(auto kappa, stats::CohenKappa(ratings[0], ratings[1], w, categories));
  bj::object out{{"kappa", kappa.kappa ? bj::value(*kappa.kappa) : bj::value(nullptr)},
                 {"observed", kappa.observed},
                 {"expected", kappa.expected},
                 {"n", kappa.n}};
  if (tolerance) {
    SQM_ASSIGN_OR_REPLY(double share, ShareWithin(ratings[0], ratings[1], *tolerance));
    out["share_within"] = share;
  }
  return JsonResponse(200, out);
}

}  // namespace

void AddAgreementRoutes(http::Router& r) {
  r.Add("POST", "/api/v1/inspections/agreement", std::string(org::kStaff), Agreement);
}

}  // namespace sqm::inspection
