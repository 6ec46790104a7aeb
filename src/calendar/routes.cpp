#include "calendar/routes.h"

#include <array>
#include <chrono>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include "calendar/codec.h"
#include "org/rules.h"

namespace sqm::calendar {

namespace bj = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using http::Request;
using http::Response;

namespace {

// The longest preview: ten years of business minutes (as for an SLA target).
constexpr std::int64_t kMaxPreviewMinutes = 5'256'000;

// Read-only keys of the answers below; a body may carry them back (GET, edit, PUT) and they are ignored.
constexpr std::array<std::string_view, 4> kReadOnlyKeys = {"builtin", "updated_at", "imported", "known_years"};

bj::object CalendarJson(const StoredCalendar& s) {
  bj::object o = CalendarToJson(s.calendar).as_object();
  o["builtin"] = s.builtin;
  o["updated_at"] = http::TimeJson(s.updated_at);
  const auto run_out = RunOutOf(s.calendar);
  o["known_years"] = run_out ? bj::value(bj::object{{"first", run_out->known.first},
                                                    {"last", run_out->known.last},
                                                    {"runs_out_at", http::TimeJson(run_out->runs_out_at)},
                                                    {"notice_at", http::TimeJson(run_out->notice_at)}})
                             : bj::value(nullptr);
  return o;
}

// {"message", "key", "args"}: a keyed message the web UI shows in the reader's language.
bj::object MessageJson(const Message& m) {
  bj::object args;
  for (const auto& [name, value] : m.args) args[name] = value;
  return {{"message", m.text}, {"key", m.key}, {"args", std::move(args)}};
}

std::string CodeParam(const Request& req) {
  auto it = req.params.find("code");
  return it == req.params.end() ? std::string() : it->second;
}

Result<Calendar> CalendarBody(const Request& req) {
  SQM_ASSIGN(bj::value body, req.Json());
  if (body.is_object()) {
    for (auto key : kReadOnlyKeys) body.get_object().erase(bj::string_view(key.data(), key.size()));
  }
  return CalendarFromJson(body);
}

Response List(Registry& registry) {
  bj::array items;
  for (const StoredCalendar& s : registry.List()) items.push_back(CalendarJson(s));
  return JsonResponse(200, http::PageJson(std::move(items), std::nullopt));
}

Response Get(Registry& registry, Request& req) {
  const std::string code = CodeParam(req);
  auto found = registry.Find(code);
  if (!found) return ErrorResponse(UnknownCalendar(code));
  return JsonResponse(200, CalendarJson(*found));
}

Response Create(Registry& registry, Request& req) {
  SQM_ASSIGN_OR_REPLY(Calendar cal, CalendarBody(req));
  return http::Reply(registry.Create(req.who().username, std::move(cal)), CalendarJson, 201);
}

Response Update(Registry& registry, Request& req) {
  SQM_ASSIGN_OR_REPLY(Calendar cal, CalendarBody(req));
  return http::Reply(registry.Update(req.who().username, CodeParam(req), std::move(cal)), CalendarJson);
}

Response Import(Registry& registry, Request& req) {
  return http::Reply(registry.Import(req.who().username, CodeParam(req), req.body), [](const ImportResult& r) {
    bj::object o = CalendarJson(r.stored);
    o["imported"] = bj::object{{"added", r.added}, {"replaced", r.replaced}};
    return o;
  });
}

Result<TimeMs> FromParam(const Request& req) {
  auto text = req.QueryText("from");
  if (!text)
    return Error::Invalid("from",
                          Msg("calendar.from_required",
                              "is required: an ISO-8601 date-time with an offset, e.g. 2026-10-08T17:00:00+08:00"));
  // An unencoded '+' in a query string arrives as a space; no space is valid after the date.
  for (std::size_t i = 11; i < text->size(); ++i) {
    if ((*text)[i] == ' ') (*text)[i] = '+';
  }
  auto t = text->size() > 10 ? ParseIsoTime(*text) : std::nullopt;
  if (!t) {
    return Error::Invalid("from", Msg("calendar.bad_from",
                                      "must be an ISO-8601 date-time with an offset, e.g. 2026-10-08T17:00:00+08:00"));
  }
  // Instants a BusinessTime answers for, with room for the longest preview.
  static const TimeMs kEarliest = *ParseIsoTime("1900-01-02");
  static const TimeMs kLatest = *ParseIsoTime("9000-01-01");
  if (*t < kEarliest || *t >= kLatest) {
    return Error::Invalid("from", Msg("calendar.from_out_of_range", "must lie between the years 1900 and 9000"));
  }
  return *t;
}

Response Due(Registry& registry, Request& req) {
  const std::string code = CodeParam(req);
  auto cal = registry.Get(code);
  if (!cal) return ErrorResponse(UnknownCalendar(code));
  SQM_ASSIGN_OR_REPLY(TimeMs from, FromParam(req));
  SQM_ASSIGN_OR_REPLY(auto minutes, req.QueryInt("minutes", 0, kMaxPreviewMinutes));
  if (!minutes) {
    return ErrorResponse(
        Error::Invalid("minutes", Msg("calendar.minutes_required", "is required: business minutes, 0 or more")));
  }
  const TimeMs due = cal->AddBusinessMinutes(from, *minutes);
  bj::object answer{{"due", FormatInZone(due, cal->time_zone())}};
  if (cal->DependsOnUnknownDays(from, due)) {
    const KnownYears& known = *cal->known_years();
    answer["warning"] = MessageJson(
        Msg("calendar.beyond_known_years",
            "This due time depends on days outside {first}-{last}, the years whose public holidays calendar {code} "
            "knows; there it counts every day with weekly working hours, holidays included.",
            {{"code", code}, {"first", std::to_string(known.first)}, {"last", std::to_string(known.last)}}));
  }
  return JsonResponse(200, answer);
}

}  // namespace

std::string FormatInZone(TimeMs t, const std::string& time_zone) {
  using std::chrono::milliseconds;
  const date::time_zone* zone = date::locate_zone(time_zone);
  const date::sys_time<milliseconds> at{milliseconds{t}};
  const date::sys_info info = zone->get_info(date::floor<std::chrono::seconds>(at));
  const auto local = at + info.offset;
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<milliseconds> tod{local - day};
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                tod.hours().count(), tod.minutes().count(), tod.seconds().count());
  if (tod.subseconds().count() != 0) out += fmt::format(".{:03}", tod.subseconds().count());
  const auto offset_min = info.offset.count() / 60;
  const auto abs_min = offset_min < 0 ? -offset_min : offset_min;
  out += fmt::format("{}{:02}:{:02}", offset_min < 0 ? '-' : '+', abs_min / 60, abs_min % 60);
  return out;
}

void AddRoutes(http::Router& r, Registry& registry) {
  const std::string auth(org::kAuthenticated), manage(org::kSlaManage);
  r.Add("GET", "/api/v1/calendars", auth, [&registry](Request&) { return List(registry); });
  r.Add("POST", "/api/v1/calendars", manage, [&registry](Request& req) { return Create(registry, req); });
  r.Add("GET", "/api/v1/calendars/{code}", manage, [&registry](Request& req) { return Get(registry, req); });
  r.Add("PUT", "/api/v1/calendars/{code}", manage, [&registry](Request& req) { return Update(registry, req); });
  r.Add("POST", "/api/v1/calendars/{code}/import", manage, [&registry](Request& req) { return Import(registry, req); },
        {.body_types = "text/calendar application/json"});
  r.Add("GET", "/api/v1/calendars/{code}/due", auth, [&registry](Request& req) { return Due(registry, req); });
}

}  // namespace sqm::calendar
