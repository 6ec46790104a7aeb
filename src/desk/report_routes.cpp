#include "desk/report_routes.h"

#include "base/json.h"
#include "desk/rules.h"
#include "org/rules.h"

namespace sqm::desk {

namespace bj = boost::json;
using http::ErrorResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::TimeJson;

namespace {

bj::value RateJson(const Rate& r) {
  return {{"met", r.met}, {"total", r.total}, {"rate", r.total ? bj::value(double(r.met) / double(r.total)) : nullptr}};
}

bj::object DashboardJson(const Dashboard& d) {
  bj::object open_by_status;
  for (const auto& [status, n] : d.open_by_status) open_by_status[Name(status)] = n;
  bj::array attainment, by_department;
  for (const auto& a : d.attainment) {
    attainment.push_back(
        {{"period", a.period}, {"first_response", RateJson(a.first_response)}, {"resolution", RateJson(a.resolution)}});
  }
  for (const auto& x : d.by_department) {
    by_department.push_back({{"department_id", OrNull(x.department_id)},
                             {"department_name", x.department_name},
                             {"open", x.open},
                             {"breached", x.breached},
                             {"first_response_rate", OrNull(x.first_response_rate)},
                             {"resolution_rate", OrNull(x.resolution_rate)}});
  }
  return {{"open_by_status", std::move(open_by_status)},
          {"warnings_now", d.warnings_now},
          {"breaches_now", d.breaches_now},
          {"attainment", std::move(attainment)},
          {"by_department", std::move(by_department)},
          {"at", TimeJson(d.at)}};
}

bj::object ComplaintSummaryJson(const ComplaintSummary& s) {
  bj::array by_category, by_department, repeat, weekly;
  for (const auto& [category, n] : s.by_category) by_category.push_back({{"category", Name(category)}, {"count", n}});
  for (const auto& x : s.by_department) {
    by_department.push_back(
        {{"department_id", OrNull(x.department_id)}, {"department_name", x.department_name}, {"count", x.count}});
  }
  for (const auto& c : s.repeat_complainants) {
    repeat.push_back({{"customer_id", c.customer_id}, {"customer_name", c.customer_name}, {"count", c.count}});
  }
  for (const auto& [start, n] : s.weekly) weekly.push_back({{"week_start", TimeJson(start)}, {"count", n}});
  return {{"from", TimeJson(s.from)},
          {"to", TimeJson(s.to)},
          {"total", s.counts.total},
          {"open", s.counts.open},
          {"overdue", s.counts.overdue},
          {"substantiated", s.counts.substantiated},
          {"by_category", std::move(by_category)},
          {"by_department", std::move(by_department)},
          {"repeat_complainants", std::move(repeat)},
          {"weekly", std::move(weekly)}};
}

bj::object CallbackItemJson(const CallbackItem& item) {
  const Callback& c = item.row.callback;
  return {{"id", c.id},
          {"ticket_id", c.ticket_id},
          {"ticket_number", TicketNumber(c.ticket_id)},
          {"ticket_title", item.row.ticket_title},
          {"customer_name", item.row.customer_name},
          {"due_at", TimeJson(c.due_at)},
          {"done_at", TimeJson(c.done_at)},
          {"reached", OrNull(c.reached)},
          {"resolved", c.resolved ? bj::value(Name(*c.resolved)) : bj::value(nullptr)},
          {"satisfaction", c.satisfaction ? bj::value(Name(*c.satisfaction)) : bj::value(nullptr)},
          {"notes", c.notes},
          {"done_by", item.row.done_by_name},
          {"overdue", item.overdue}};
}

bj::object NotificationsJson(const NotificationPage& page) {
  bj::array items;
  for (const auto& n : page.items) {
    bj::object args;
    for (const auto& [name, value] : n.message.args) args[name] = value;
    items.push_back({{"id", n.id},
                     {"kind", n.kind},
                     {"ticket_id", OrNull(n.ticket_id)},
                     {"message", n.message.text},
                     {"key", n.message.key},
                     {"args", std::move(args)},
                     {"created_at", TimeJson(n.created_at)},
                     {"read_at", TimeJson(n.read_at)}});
  }
  return {{"items", std::move(items)}, {"unread_count", page.unread_count}};
}

bj::object ViewJson(const repo::SavedView& v) {
  auto filters = json::Parse(v.filters);
  return {{"id", v.id},
          {"name", v.name},
          {"filters", filters.ok() ? filters.value() : bj::object{}},
          {"created_at", TimeJson(v.created_at)}};
}

std::optional<CallbackQueue> ParseQueue(std::string_view s) {
  if (s == "open") return CallbackQueue::kOpen;
  if (s == "overdue") return CallbackQueue::kOverdue;
  if (s == "done") return CallbackQueue::kDone;
  return std::nullopt;
}

}  // namespace

void AddReportRoutes(http::Router& r, Reports& reports, Notifications& notifications, SavedViews& views) {
  const std::string read(org::kTicketRead), report(org::kDeskReport), auth(org::kAuthenticated);

  r.Add("GET", "/api/v1/desk/dashboard", report,
        [&reports](Request& req) { return Reply(reports.GetDashboard(req.who()), DashboardJson); });
  r.Add("GET", "/api/v1/complaints/summary", report, [&reports](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto from, req.QueryTime("from"));
    SQM_ASSIGN_OR_REPLY(auto to, req.QueryTime("to"));
    return Reply(reports.GetComplaintSummary(req.who(), from, to), ComplaintSummaryJson);
  });
  r.Add("GET", "/api/v1/callbacks", read, [&reports](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    SQM_ASSIGN_OR_REPLY(auto cursor, req.QueryInt("cursor", 0, 10'000'000));
    const auto queue = ParseQueue(req.QueryText("state").value_or("open"));
    if (!queue) return ErrorResponse(Error::Invalid("state", "must be open, overdue or done"));
    const int offset = static_cast<int>(cursor.value_or(0));
    return Reply(reports.Callbacks(req.who(), *queue, limit, offset), [&](const std::vector<CallbackItem>& list) {
      bj::array items;
      for (const auto& item : list) items.push_back(CallbackItemJson(item));
      std::optional<std::string> next;
      if (static_cast<int>(list.size()) == limit) next = std::to_string(offset + limit);
      return http::PageJson(std::move(items), next);
    });
  });
  r.Add("GET", "/api/v1/notifications", auth, [&notifications](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto unread, req.QueryBool("unread"));
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    return Reply(notifications.List(req.who(), unread.value_or(false), limit), NotificationsJson);
  });
  r.Add("POST", "/api/v1/notifications/{id}/read", auth, [&notifications](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(notifications.MarkRead(req.who(), id));
  });
  r.Add("POST", "/api/v1/notifications/read-all", auth,
        [&notifications](Request& req) { return Reply(notifications.MarkRead(req.who(), std::nullopt)); });
  r.Add("GET", "/api/v1/ticket-views", read, [&views](Request& req) {
    return Reply(views.List(req.who()), [](const std::vector<repo::SavedView>& list) {
      bj::array items;
      for (const auto& v : list) items.push_back(ViewJson(v));
      return bj::object{{"items", std::move(items)}};
    });
  });
  r.Add("POST", "/api/v1/ticket-views", read, [&views](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    auto name = in.String("name", {.min_len = 1, .max_len = 60});
    const bj::value* filters = in.OptValue("filters");
    if (!filters || !filters->is_object()) in.Fail("filters", "must be an object of ticket-list filters");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    const std::string text = json::Serialize(*filters);
    if (text.size() > 4000) return ErrorResponse(Error::Invalid("filters", "is too large"));
    return Reply(views.Save(req.who(), name, text), ViewJson, 201);
  });
  r.Add("DELETE", "/api/v1/ticket-views/{id}", read, [&views](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(views.Delete(req.who(), id));
  });
}

}  // namespace sqm::desk
