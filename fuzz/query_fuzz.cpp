// Query-parameter parsing: a request target (path and query string) through ParseTarget and every
// typed query reader the routes use (integers in ranges, booleans, ISO-8601 times, limits), and
// the Content-Type reader. Must never crash, leak or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/app.h"
#include "http/message.h"

using namespace sqm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  http::Request req;
  req.target = input.empty() || input[0] != '/' ? "/api/v1/tickets?" + input : input;
  if (!http::ParseTarget(req)) return 0;
  for (const auto& [name, value] : req.query) {
    (void)req.QueryInt(name);
    (void)req.QueryInt(name, 1, 500);
    (void)req.QueryBool(name);
    (void)req.QueryTime(name);
    (void)req.QueryText(name);
  }
  (void)req.Limit();
  (void)req.Limit(500);
  req.params["id"] = req.query.empty() ? req.path : req.query.begin()->second;
  (void)req.IdParam("id");
  (void)http::MediaType(input);
  (void)http::PercentDecode(input, true);
  (void)ParseIsoTime(input);
  return 0;
}
