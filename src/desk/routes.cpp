#include "desk/routes.h"

#include <fmt/format.h>

#include "base/json.h"
#include "desk/json.h"
#include "org/rules.h"

namespace sqm::desk {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::OrNull;
using http::Reply;
using http::Request;
using http::Response;
using http::TimeJson;

namespace {

constexpr json::Reader::StringRule kTitle{.min_len = 1, .max_len = kMaxTitle};
constexpr json::Reader::StringRule kText{.min_len = 0, .max_len = kMaxText};
constexpr json::Reader::StringRule kName{.min_len = 1, .max_len = kMaxName};

// Reads an enum field by its API name, recording an error that lists the allowed names.
template <typename E>
std::optional<E> EnumField(json::Reader& in, std::string_view key, bool required) {
  auto text = required ? std::optional(in.String(key, {.min_len = 1, .max_len = 40}))
                       : in.OptString(key, {.min_len = 1, .max_len = 40});
  if (!text || text->empty()) return std::nullopt;
  auto v = Parse<E>(*text);
  if (!v) in.Fail(key, fmt::format("must be one of {}", NameList<E>()));
  return v;
}

std::optional<TimeMs> TimeField(json::Reader& in, std::string_view key) {
  auto text = in.OptString(key, {.min_len = 1, .max_len = 40});
  if (!text) return std::nullopt;
  auto t = ParseIsoTime(*text);
  if (!t) in.Fail(key, "must be an ISO-8601 date-time with a zone");
  return t;
}

Result<TicketDraft> ReadDraft(const bj::value& body, bool portal) {
  json::Reader in(body);
  TicketDraft d;
  auto& r = d.registration;
  r.type = EnumField<TicketType>(in, "type", true).value_or(TicketType::kRequest);
  if (!portal) {
    r.channel = EnumField<Channel>(in, "channel", true).value_or(Channel::kPhone);
  }
  if (auto p = in.OptString("priority", {.min_len = 1, .max_len = 2})) {
    if (auto n = ParsePriority(*p)) {
      r.priority = *n;
    } else {
      in.Fail("priority", "must be P1, P2, P3 or P4");
    }
  }
  r.title = in.String("title", kTitle);
  r.description = in.OptString("description", kText).value_or("");
  if (!portal) r.customer_id = in.OptInt("customer_id", 1);
  r.category_id = in.OptInt("category_id", 1);
  if (!portal) {
    d.department_id = in.OptInt("department_id", 1);
    d.assignee_id = in.OptInt("assignee_id", 1);
  }
  if (const bj::value* c = in.OptValue("complaint"); c && !c->is_null()) {
    json::Reader cin(*c, "complaint");
    ComplaintDraft cd;
    cd.category = EnumField<ComplaintCategory>(cin, "category", true);
    cd.about_staff_id = cin.OptInt("about_staff_id", 1);
    cd.about_department_id = cin.OptInt("about_department_id", 1);
    cd.severity = static_cast<int>(cin.OptInt("severity", 1, 3).value_or(2));
    if (!portal) {
      cd.responsible_id = cin.OptInt("responsible_id", 1);
      cd.deadline_at = TimeField(cin, "deadline_at");
    }
    SQM_TRY(cin.Done());
    d.complaint = cd;
  }
  SQM_TRY(in.Done());
  return d;
}

bj::object CustomerJson(const Customer& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"kind", c.kind},
          {"organisation_id", OrNull(c.organisation_id)},
          {"organisation_name", c.organisation_name},
          {"tier", c.tier},
          {"phone", c.phone},
          {"email", c.email},
          {"account_id", OrNull(c.account_id)},
          {"created_at", TimeJson(c.created_at)},
          {"contact_masked", c.contact_masked}};
}

bj::object CategoryJson(const Category& c) {
  return {{"id", c.id}, {"parent_id", OrNull(c.parent_id)}, {"name", c.name}, {"active", c.active}};
}

bj::object ComplaintJson(const Complaint& c) {
  return {{"category", Name(c.category)},
          {"about_staff_id", OrNull(c.about_staff_id)},
          {"about_department_id", OrNull(c.about_department_id)},
          {"severity", c.severity},
          {"responsible_id", OrNull(c.responsible_id)},
          {"deadline_at", TimeJson(c.deadline_at)},
          {"findings", c.findings},
          {"substantiated", c.substantiated ? bj::value(*c.substantiated) : bj::value(nullptr)},
          {"remedy", c.remedy},
          {"communicated_at", TimeJson(c.communicated_at)},
          {"communicated_how", c.communicated_how}};
}

bj::object CallbackJson(const Callback& c) {
  return {{"id", c.id},
          {"ticket_id", c.ticket_id},
          {"created_at", TimeJson(c.created_at)},
          {"due_at", TimeJson(c.due_at)},
          {"done_at", TimeJson(c.done_at)},
          {"done_by", OrNull(c.done_by)},
          {"reached", c.reached ? bj::value(*c.reached) : bj::value(nullptr)},
          {"resolved", c.resolved ? bj::value(Name(*c.resolved)) : bj::value(nullptr)},
          {"satisfaction", c.satisfaction ? bj::value(Name(*c.satisfaction)) : bj::value(nullptr)},
          {"notes", c.notes}};
}

bj::object TimerJson(const sla::Timer& t, const sla::TimerStatus& s) {
  bj::array pauses;
  for (const auto& p : t.pauses) pauses.push_back({{"from", TimeJson(p.from)}, {"to", TimeJson(p.to)}});
  return {{"id", t.id},
          {"kind", sla::TimerKindName(t.kind)},
          {"transfer_id", t.transfer_id},
          {"policy_id", t.policy_id},
          {"policy_version", t.policy_version},
          {"target_minutes", t.target_minutes},
          {"calendar", t.calendar_code},
          {"started_at", TimeJson(t.started_at)},
          {"stopped_at", TimeJson(t.stopped_at)},
          {"pauses", std::move(pauses)},
          {"state", sla::TimerStateName(s.state)},
          {"due_at", TimeJson(s.due_at)},
          {"warning_at", TimeJson(s.warning_at)},
          {"warning_reached", s.warning_reached},
          {"remaining_business_ms", s.remaining_business_ms},
          {"elapsed_business_ms", s.elapsed_business_ms},
          {"paused_business_ms", s.paused_business_ms},
          {"overrun_business_ms", s.overrun_business_ms},
          {"overrun_wall_ms", s.overrun_wall_ms}};
}

bj::object ViewJson(const TicketView& v, bool portal) {
  bj::object o = TicketJson(v.ticket);
  bj::array comments, timeline, actions, timers, callbacks;
  for (const auto& c : v.comments) {
    comments.push_back({{"id", c.id},
                        {"author", portal ? bj::value(nullptr) : bj::value(c.author_name)},
                        {"visibility", c.visibility},
                        {"body", c.body},
                        {"created_at", TimeJson(c.created_at)}});
  }
  for (const auto& e : v.timeline) {
    auto data = json::Parse(e.data);
    timeline.push_back({{"seq", e.seq},
                        {"at", TimeJson(e.at)},
                        {"actor", e.actor},
                        {"type", e.type},
                        {"data", data.ok() ? data.value() : bj::value(bj::object{})}});
  }
  o["comments"] = std::move(comments);
  o["timeline"] = std::move(timeline);
  if (portal) return o;
  for (Action a : v.allowed) actions.push_back(bj::string(Name(a)));
  for (std::size_t i = 0; i < v.timers.size(); ++i) timers.push_back(TimerJson(v.timers[i], v.timer_status[i]));
  for (const auto& c : v.callbacks) callbacks.push_back(CallbackJson(c));
  o["allowed_actions"] = std::move(actions);
  o["timers"] = std::move(timers);
  o["callbacks"] = std::move(callbacks);
  o["complaint"] = v.complaint ? bj::value(ComplaintJson(*v.complaint)) : bj::value(nullptr);
  return o;
}

bj::object RegisterJson(const RegisterResult& r) {
  bj::object o = TicketJson(r.ticket);
  bj::array dups;
  for (const auto& t : r.possible_duplicates) dups.push_back(TicketJson(t));
  o["possible_duplicates"] = std::move(dups);
  return o;
}

// What the registration form needs to know from the rules: the fields each type requires and
// the length limits.
bj::object TicketFormJson() {
  bj::array types;
  for (const auto& l : Labels<TicketType>()) {
    bj::array required;
    for (const auto& field : RequiredFields(l.value)) required.push_back(bj::string(field));
    types.push_back({{"type", l.name}, {"required", std::move(required)}});
  }
  return {{"types", std::move(types)}, {"limits", {{"title", kMaxTitle}, {"description", kMaxText}}}};
}

Result<repo::TicketQuery> ReadQuery(const Request& req) {
  repo::TicketQuery q;
  if (auto s = req.QueryText("status")) {
    std::string_view rest = *s;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      auto item = rest.substr(0, comma);
      auto st = Parse<TicketStatus>(item);
      if (!st) return Error::Invalid("status", fmt::format("unknown status '{}'", item));
      q.statuses.push_back(*st);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  if (auto s = req.QueryText("type")) {
    q.type = Parse<TicketType>(*s);
    if (!q.type) return Error::Invalid("type", fmt::format("must be one of {}", NameList<TicketType>()));
  }
  if (auto s = req.QueryText("channel")) {
    q.channel = Parse<Channel>(*s);
    if (!q.channel) return Error::Invalid("channel", fmt::format("must be one of {}", NameList<Channel>()));
  }
  if (auto s = req.QueryText("priority")) {
    q.priority = ParsePriority(*s);
    if (!q.priority) return Error::Invalid("priority", "must be P1, P2, P3 or P4");
  }
  if (auto s = req.QueryText("sla_state")) {
    q.sla_state = sla::ParseSlaState(*s);
    if (!q.sla_state) return Error::Invalid("sla_state", "must be ok, warning, breached or paused");
  }
  if (auto s = req.QueryText("sort")) {
    if (*s != "created_desc" && *s != "created_asc" && *s != "priority" && *s != "updated_desc") {
      return Error::Invalid("sort", "must be created_desc, created_asc, priority or updated_desc");
    }
    q.sort = *s;
  }
  SQM_ASSIGN(q.department_id, req.QueryInt("department_id", 1));
  SQM_ASSIGN(q.customer_id, req.QueryInt("customer_id", 1));
  if (req.QueryText("assignee_id") == "me") {
    q.assignee_id = req.who().staff_id;
  } else {
    SQM_ASSIGN(q.assignee_id, req.QueryInt("assignee_id", 1));
  }
  SQM_ASSIGN(q.from, req.QueryTime("from"));
  SQM_ASSIGN(q.to, req.QueryTime("to"));
  q.q = req.QueryText("q");
  SQM_ASSIGN(auto offset, req.QueryInt("cursor", 0, 10'000'000));
  q.offset = static_cast<int>(offset.value_or(0));
  SQM_ASSIGN(q.limit, req.Limit(500));
  return q;
}

Response Act(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
  auto action = Parse<Action>(req.params.find("action")->second);
  if (!action) return ErrorResponse(Error::NotFound("no such action: " + req.params.find("action")->second));
  bj::value empty = bj::object{};
  bj::value body = empty;
  if (!req.body.empty()) {
    SQM_ASSIGN_OR_REPLY(body, req.Json());
  }
  json::Reader in(body);
  ActionInput a;
  a.action = *action;
  a.note = in.OptString("note", kText).value_or("");
  a.internal = in.OptBool("internal").value_or(false);
  a.department_id = in.OptInt("department_id", 1);
  a.assignee_id = in.OptInt("assignee_id", 1);
  a.merge_into = in.OptInt("merge_into", 1);
  a.escalation = EnumField<Escalation>(in, "escalation", false);
  a.reached = in.OptBool("reached");
  a.resolved = EnumField<CallbackResolved>(in, "resolved", false);
  a.satisfaction = EnumField<Satisfaction>(in, "satisfaction", false);
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.Act(req.who(), id, a), TicketJson);
}

Response UpdateComplaint(Service& svc, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  ComplaintPatch p;
  p.category = EnumField<ComplaintCategory>(in, "category", false);
  for (auto [key, field] :
       {std::pair{"about_staff_id", &p.about_staff_id}, std::pair{"about_department_id", &p.about_department_id},
        std::pair{"responsible_id", &p.responsible_id}}) {
    if (auto v = in.NullableInt(key)) *field = *v;
  }
  if (auto v = in.OptInt("severity", 1, 3)) p.severity = static_cast<int>(*v);
  for (auto [key, field] :
       {std::pair{"deadline_at", &p.deadline_at}, std::pair{"communicated_at", &p.communicated_at}}) {
    if (in.Has(key)) {
      const bj::value* v = in.OptValue(key);
      *field = v->is_null() ? std::optional<TimeMs>{} : TimeField(in, key);
    }
  }
  p.findings = in.OptString("findings", kText);
  p.remedy = in.OptString("remedy", kText);
  p.communicated_how = in.OptString("communicated_how", {.min_len = 0, .max_len = kMaxShortText});
  if (in.Has("substantiated")) {
    const bj::value* v = in.OptValue("substantiated");
    p.substantiated = v->is_null() ? std::optional<bool>{} : in.OptBool("substantiated");
  }
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(svc.UpdateComplaint(req.who(), id, p), ComplaintJson);
}

Response CreateCustomer(Catalogue& catalogue, Request& req) {
  SQM_ASSIGN_OR_REPLY(auto body, req.Json());
  json::Reader in(body);
  CustomerDraft d;
  d.name = in.String("name", kName);
  d.kind = in.OptString("kind", {.min_len = 1, .max_len = 20}).value_or("person");
  d.organisation_id = in.OptInt("organisation_id", 1);
  d.tier = in.OptString("tier", {.min_len = 1, .max_len = kMaxTier}).value_or("standard");
  d.phone = in.OptString("phone", {.min_len = 0, .max_len = kMaxPhone}).value_or("");
  d.email = in.OptString("email", {.min_len = 0, .max_len = kMaxEmail}).value_or("");
  d.account_id = in.OptInt("account_id", 1);
  if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
  return Reply(catalogue.CreateCustomer(req.who(), d), CustomerJson, 201);
}

}  // namespace

Result<repo::TicketQuery> ReadTicketQuery(const Request& req) {
  return ReadQuery(req);
}

namespace {

// What a customer sees of a ticket: no SLA internals (policy names, targets, states).
bj::object PortalJson(bj::object ticket) {
  for (const char* internal : {"sla_policy_id", "sla_policy_version", "sla_policy_name", "sla_summary", "sla_state"}) {
    ticket.erase(internal);
  }
  return ticket;
}

bj::object PortalPageJson(const std::vector<Ticket>& tickets) {
  bj::array items;
  for (const auto& t : tickets) items.push_back(PortalJson(TicketJson(t)));
  return http::PageJson(std::move(items), std::nullopt);
}

}  // namespace

void AddRoutes(http::Router& r, Service& svc, Catalogue& catalogue, Portal& portal) {
  const std::string read(org::kTicketRead), write(org::kTicketWrite), cust(org::kCustomerWrite),
      manage(org::kSlaManage), customer(org::kPortal), auth(org::kAuthenticated);

  r.Add("GET", "/api/v1/tickets", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto q, ReadQuery(req));
    SQM_ASSIGN_OR_REPLY(auto tickets, svc.List(req.who(), q));
    return JsonResponse(200, TicketPageJson(tickets, q.offset, q.limit));
  });
  r.Add("POST", "/api/v1/tickets", write, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    SQM_ASSIGN_OR_REPLY(auto draft, ReadDraft(body, false));
    return Reply(svc.Register(req.who(), draft), RegisterJson, 201);
  });
  // The registration form's rules, for staff; the portal's form reads the same answer from
  // GET /api/v1/portal/ticket-form (a route names one permission).
  r.Add("GET", "/api/v1/desk/ticket-form", write, [](Request&) { return JsonResponse(200, TicketFormJson()); });
  r.Add("GET", "/api/v1/tickets/duplicates", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto customer, req.QueryInt("customer_id", 1));
    if (!customer) return ErrorResponse(Error::Invalid("customer_id", Msg("field.required", "is required")));
    SQM_ASSIGN_OR_REPLY(auto category, req.QueryInt("category_id", 1));
    SQM_ASSIGN_OR_REPLY(auto tickets, svc.Duplicates(req.who(), *customer, category));
    return JsonResponse(200, TicketPageJson(tickets, 0, 0));
  });
  r.Add("GET", "/api/v1/tickets/{id}", read, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(svc.Get(req.who(), id), [](const TicketView& v) { return ViewJson(v, false); });
  });
  r.Add("POST", "/api/v1/tickets/{id}/actions/{action}", write, [&svc](Request& req) { return Act(svc, req); });
  r.Add("POST", "/api/v1/tickets/{id}/sla/reapply", manage, [&svc](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(svc.ReapplySla(req.who(), id), TicketJson);
  });
  r.Add("PATCH", "/api/v1/tickets/{id}/complaint", write, [&svc](Request& req) { return UpdateComplaint(svc, req); });

  r.Add("GET", "/api/v1/customers", read, [&catalogue](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto after, req.QueryInt("cursor", 0));
    SQM_ASSIGN_OR_REPLY(auto limit, req.Limit());
    SQM_ASSIGN_OR_REPLY(auto list, catalogue.ListCustomers(req.who(), req.QueryText("q"), limit + 1, after));
    std::optional<std::string> next;
    if (static_cast<int>(list.size()) > limit) {
      list.pop_back();
      next = std::to_string(list.back().id);
    }
    bj::array items;
    for (const auto& c : list) items.push_back(CustomerJson(c));
    return JsonResponse(200, http::PageJson(std::move(items), next));
  });
  r.Add("POST", "/api/v1/customers", cust, [&catalogue](Request& req) { return CreateCustomer(catalogue, req); });
  r.Add("GET", "/api/v1/customers/{id}", read, [&catalogue](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(catalogue.GetCustomer(req.who(), id), CustomerJson);
  });

  r.Add("GET", "/api/v1/categories", auth, [&catalogue](Request&) {
    return Reply(catalogue.ListCategories(), [](const std::vector<Category>& v) {
      bj::array items;
      for (const auto& c : v) items.push_back(CategoryJson(c));
      return http::PageJson(std::move(items), std::nullopt);
    });
  });
  r.Add("POST", "/api/v1/categories", manage, [&catalogue](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    auto name = in.String("name", kName);
    auto parent = in.OptInt("parent_id", 1);
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(catalogue.CreateCategory(req.who(), name, parent), CategoryJson, 201);
  });

  r.Add("PATCH", "/api/v1/categories/{id}", manage, [&catalogue](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    CategoryPatch p;
    p.name = in.OptString("name", kName);
    if (in.Has("parent_id")) p.parent_id = in.OptInt("parent_id", 1);
    p.active = in.OptBool("active");
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(catalogue.UpdateCategory(req.who(), id, p), CategoryJson);
  });

  r.Add("GET", "/api/v1/portal/tickets", customer, [&portal](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto tickets, portal.List(req.who()));
    return JsonResponse(200, PortalPageJson(tickets));
  });
  r.Add("GET", "/api/v1/portal/ticket-form", customer, [](Request&) { return JsonResponse(200, TicketFormJson()); });
  r.Add("POST", "/api/v1/portal/tickets", customer, [&portal](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    SQM_ASSIGN_OR_REPLY(auto draft, ReadDraft(body, true));
    return Reply(
        portal.Register(req.who(), draft), [](const RegisterResult& r) { return PortalJson(TicketJson(r.ticket)); },
        201);
  });
  r.Add("GET", "/api/v1/portal/tickets/{id}", customer, [&portal](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    return Reply(portal.Get(req.who(), id), [](const TicketView& v) { return PortalJson(ViewJson(v, true)); });
  });
  r.Add("POST", "/api/v1/portal/tickets/{id}/replies", customer, [&portal](Request& req) {
    SQM_ASSIGN_OR_REPLY(auto id, req.IdParam("id"));
    SQM_ASSIGN_OR_REPLY(auto body, req.Json());
    json::Reader in(body);
    auto text = in.String("body", {.min_len = 1, .max_len = kMaxText});
    if (auto st = in.Done(); !st.ok()) return ErrorResponse(st.error());
    return Reply(portal.Reply(req.who(), id, text), [](const Ticket& t) { return PortalJson(TicketJson(t)); });
  });
}

}  // namespace sqm::desk
