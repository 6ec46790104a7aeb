#include "desk/report_routes.h"

#include "base/json.h"
#include "org/rules.h"

namespace sqm::desk {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Reply;
using http::Request;
using http::Response;

void AddReportRoutes(http::Router& r, Reports& reports) {
  const std::string read(org::kTicketRead), report(org::kDeskReport), auth(org::kAuthenticated);
  auto identity = [](const auto& v) { return bj::value(v); };

  r.Add("GET", "/api/v1/desk/dashboard", report,
        [&reports, identity](Request& req) { return Reply(reports.Dashboard(req.who()), identity); });
  r.Add("GET", "/api/v1/complaints/summary", report, [&reports, identity](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto from, req.QueryTime("from"));
    SQM_ASSIGN_OR_REPLY(auto to, req.QueryTime("to"));
    return Reply(reports.ComplaintSummary(req.who(), from, to), identity);
  });
  r.Add("GET", "/api/v1/callbacks", read, [&reports, identity](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    SQM_ASSIGN_OR_REPLY(auto offset, req.QueryInt("cursor", 0, 10'000'000));
    return Reply(reports.Callbacks(req.who(), req.QueryText("state").value_or("open"), limit,
                                   static_cast<int>(offset.value_or(0))),
                 identity);
  });
  r.Add("GET", "/api/v1/notifications", auth, [&reports, identity](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto unread, req.QueryBool("unread"));
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    return Reply(reports.Notifications(req.who(), unread.value_or(false), limit), identity);
  });
  r.Add("POST", "/api/v1/notifications/{id}/read", auth, [&reports](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(reports.MarkRead(req.who(), id));
  });
  r.Add("POST", "/api/v1/notifications/read-all", auth,
        [&reports](Request& req) { return Reply(reports.MarkRead(req.who(), std::nullopt)); });
  r.Add("GET", "/api/v1/ticket-views", read, [&reports](Request& req) {
    return Reply(reports.Views(req.who()), [](const bj::array& a) { return bj::object{{"items", a}}; });
  });
  r.Add("POST", "/api/v1/ticket-views", read, [&reports, identity](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    auto name = in.String("name", {.min_len = 1, .max_len = 60});
    const bj::value* filters = in.OptValue("filters");
    if (!filters || !filters->is_object()) in.Fail("filters", "must be an object of ticket-list filters");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    if (json::Serialize(*filters).size() > 4000) return ErrorResponse(Error::Invalid("filters", "is too large"));
    return Reply(reports.SaveView(req.who(), name, filters->get_object()), identity, 201);
  });
  r.Add("DELETE", "/api/v1/ticket-views/{id}", read, [&reports](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(reports.DeleteView(req.who(), id));
  });
}

}  // namespace sqm::desk
