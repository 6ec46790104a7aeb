#include "assessment/routes.h"

#include "assessment/evaluation.h"
#include "assessment/weights.h"
#include "base/json.h"
#include "org/rules.h"

namespace sqm::assessment {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

template <typename T>
bj::array Array(const std::vector<T>& v) {
  bj::array a;
  for (const T& x : v) a.emplace_back(x);
  return a;
}

Matrix RequireMatrix(json::Reader& in) {
  auto m = in.OptNumberMatrix("matrix");
  if (!m && !in.Has("matrix")) in.Fail("matrix", Msg("field.required", "is required"));
  return m.value_or(Matrix{});
}

// "benefit": [true, false, ...]; absent means every criterion is a benefit one.
std::vector<Direction> Directions(json::Reader& in, std::size_t columns) {
  std::vector<Direction> out;
  auto benefit = in.OptBoolList("benefit");
  if (!benefit) return std::vector<Direction>(columns, Direction::kHigherIsBetter);
  for (bool b : *benefit) out.push_back(b ? Direction::kHigherIsBetter : Direction::kLowerIsBetter);
  return out;
}

std::size_t Columns(const Matrix& m) {
  return m.empty() ? 0 : m[0].size();
}

Response AhpRoute(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  json::Reader in(body);
  const Matrix matrix = RequireMatrix(in);
  AhpOptions options;
  const std::string method = in.OptString("method").value_or("eigenvector");
  if (method == "geometric_mean") {
    options.method = AhpMethod::kGeometricMean;
  } else if (method != "eigenvector") {
    in.Fail("method", Msg("ahp.method", "must be eigenvector or geometric_mean"));
  }
  if (auto ri = in.OptNumberList("ri_table", 100)) options.random_index = *ri;
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  SQM_ASSIGN_OR_REPLY(auto r, DeriveAhp(matrix, options));
  return JsonResponse(200, bj::object{{"method", method},
                                      {"weights", Array(r.weights)},
                                      {"lambda_max", r.lambda_max},
                                      {"ci", r.ci},
                                      {"cr", r.cr},
                                      {"ri", r.ri},
                                      {"consistent", r.consistent}});
}

Response EntropyRoute(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  json::Reader in(body);
  const Matrix matrix = RequireMatrix(in);
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  SQM_ASSIGN_OR_REPLY(auto weights, EntropyWeights(matrix));
  return JsonResponse(200, bj::object{{"weights", Array(weights)}});
}

Response TopsisRoute(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  json::Reader in(body);
  const Matrix matrix = RequireMatrix(in);
  auto weights = in.OptNumberList("weights");
  if (!weights && !in.Has("weights")) in.Fail("weights", Msg("field.required", "is required"));
  const std::vector<Direction> directions = Directions(in, Columns(matrix));
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  SQM_ASSIGN_OR_REPLY(auto r, EvaluateTopsis(matrix, *weights, directions));
  return JsonResponse(200, bj::object{{"closeness", Array(r.closeness)},
                                      {"rank", Array(r.rank)},
                                      {"ideal", Array(r.ideal)},
                                      {"anti_ideal", Array(r.anti_ideal)},
                                      {"distance_ideal", Array(r.distance_ideal)},
                                      {"distance_anti_ideal", Array(r.distance_anti_ideal)}});
}

bj::object RsrJson(const Rsr& r) {
  bj::array ranks, distribution;
  for (const auto& row : r.ranks) ranks.push_back(Array(row));
  for (const RsrGroup& g : r.distribution) {
    distribution.push_back(bj::object{{"rsr", g.rsr},
                                      {"frequency", g.frequency},
                                      {"cumulative", g.cumulative},
                                      {"mean_rank", g.mean_rank},
                                      {"percentile", g.percentile},
                                      {"probit", g.probit}});
  }
  return {{"rsr", Array(r.rsr)},
          {"probit", Array(r.probit)},
          {"regression", bj::object{{"a", r.regression.a}, {"b", r.regression.b}, {"r2", r.regression.r2}}},
          {"tier", Array(r.tier)},
          {"fitted", Array(r.fitted)},
          {"ranks", std::move(ranks)},
          {"distribution", std::move(distribution)},
          {"probit_cuts", Array(r.probit_cuts)},
          {"rsr_cuts", Array(r.rsr_cuts)}};
}

Response RsrRoute(Request& req) {
  SQM_ASSIGN_OR_REPLY(bj::value body, req.Json());
  json::Reader in(body);
  const Matrix matrix = RequireMatrix(in);
  const std::vector<Direction> directions = Directions(in, Columns(matrix));
  RsrOptions options;
  if (auto w = in.OptNumberList("weights")) options.weights = *w;
  const std::string ranks = in.OptString("ranks").value_or("integer");
  if (ranks == "non_integer") {
    options.ranks = RsrRanks::kNonInteger;
  } else if (ranks != "integer") {
    in.Fail("ranks", Msg("rsr.ranks", "must be integer or non_integer"));
  }
  options.tiers = static_cast<int>(in.OptInt("tiers", 3, 6).value_or(3));
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return http::Reply(EvaluateRsr(matrix, directions, options), RsrJson);
}

}  // namespace

void AddMethodRoutes(http::Router& r) {
  const std::string staff(org::kStaff);
  r.Add("POST", "/api/v1/assessment/methods/ahp", staff, AhpRoute);
  r.Add("POST", "/api/v1/assessment/methods/entropy", staff, EntropyRoute);
  r.Add("POST", "/api/v1/assessment/methods/topsis", staff, TopsisRoute);
  r.Add("POST", "/api/v1/assessment/methods/rsr", staff, RsrRoute);
}

}  // namespace sqm::assessment
