#include "calendar/codec.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "base/json.h"

namespace sqm::calendar {

namespace bj = boost::json;

namespace {

// ---- JSON ----------------------------------------------------------------------------------

std::string Index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// A list of ["HH:MM", "HH:MM"] pairs at `path` ("week[0]", "exceptions[3].hours").
Status ReadHours(const bj::value& v, const std::string& path, std::vector<Interval>& out) {
  if (!v.is_array()) {
    return Error::Invalid(
        path, Msg("calendar.hours_not_list", "must be a list of [start, end] pairs like [\"09:00\", \"12:00\"]"));
  }
  const bj::array& list = v.get_array();
  if (list.size() > kMaxIntervalsPerDay) {
    return Error::Invalid(path, Msg("calendar.too_many_intervals", "at most {max} intervals a day",
                                    {{"max", std::to_string(kMaxIntervalsPerDay)}}));
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = Index(path, i);
    const bj::value& pair = list[i];
    if (!pair.is_array() || pair.get_array().size() != 2 || !pair.get_array()[0].is_string() ||
        !pair.get_array()[1].is_string()) {
      return Error::Invalid(at,
                            Msg("calendar.interval_not_pair", "must be a pair of times like [\"09:00\", \"12:00\"]"));
    }
    const auto& s = pair.get_array()[0].get_string();
    const auto& e = pair.get_array()[1].get_string();
    const auto start = ParseMinuteOfDay(std::string_view(s.data(), s.size()));
    if (!start || *start == kMinutesPerDay) {
      return Error::Invalid(at + ".start", Msg("calendar.bad_start", "must be a time from 00:00 to 23:59"));
    }
    const auto end = ParseMinuteOfDay(std::string_view(e.data(), e.size()));
    if (!end || *end == 0)
      return Error::Invalid(at + ".end", Msg("calendar.bad_end", "must be a time from 00:01 to 24:00"));
    out.push_back({*start, *end});
  }
  return {};
}

Status ReadWeek(const bj::value& v, Calendar& cal) {
  if (!v.is_object()) {
    return Error::Invalid(
        "week", Msg("calendar.week_not_object", "must be an object keyed by mon, tue, wed, thu, fri, sat, sun"));
  }
  for (const auto& kv : v.get_object()) {
    const std::string_view key(kv.key().data(), kv.key().size());
    const auto day = ParseWeekdayKey(key);
    if (!day)
      return Error::Invalid(
          "week." + std::string(key),
          Msg("calendar.unknown_weekday", "unknown weekday; use mon, tue, wed, thu, fri, sat or sun"));
    const auto idx = static_cast<std::size_t>(*day);
    SQM_TRY(ReadHours(kv.value(), "week[" + std::to_string(idx) + "]", cal.week[idx]));
  }
  return {};
}

Result<DayException> ReadException(const bj::value& v, const std::string& path) {
  json::Reader in(v, path);
  const std::string date = in.String("date", {.max_len = 10});
  const std::string kind = in.String("kind", {.max_len = 10});
  const auto name = in.OptString("name", {.min_len = 0, .max_len = 100});
  const auto hours_of = in.OptString("hours_of", {.max_len = 3});
  const bj::value* hours = in.OptValue("hours");
  SQM_TRY(in.Done());

  DayException ex;
  const auto parsed = ParseLocalDate(date);
  if (!parsed) {
    return Error::Invalid(path + ".date", Msg("calendar.bad_date", "must be a date YYYY-MM-DD between 1900 and 2999"));
  }
  ex.date = *parsed;
  const auto k = ParseExceptionKind(kind);
  if (!k) return Error::Invalid(path + ".kind", Msg("calendar.bad_kind", "must be holiday or workday"));
  ex.kind = *k;
  ex.name = name.value_or("");
  if (hours_of) {
    const auto wd = ParseWeekdayKey(*hours_of);
    if (!wd)
      return Error::Invalid(path + ".hours_of",
                            Msg("calendar.bad_weekday", "must be mon, tue, wed, thu, fri, sat or sun"));
    ex.hours_of = *wd;
  }
  if (hours && !hours->is_null()) SQM_TRY(ReadHours(*hours, path + ".hours", ex.hours));
  return ex;
}

bj::array HoursToJson(const std::vector<Interval>& hours) {
  bj::array out;
  for (const Interval& iv : hours)
    out.push_back(bj::array{bj::string(FormatMinuteOfDay(iv.start)), bj::string(FormatMinuteOfDay(iv.end))});
  return out;
}

// ---- iCalendar -------------------------------------------------------------------------------

struct ContentLine {
  int line = 0;
  std::string name;                                         // upper case
  std::vector<std::pair<std::string, std::string>> params;  // names upper case
  std::string value;

  const std::string* Param(std::string_view key) const {
    for (const auto& [k, v] : params) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

// An iCalendar problem on `line`; `message` is keyed "calendar.ics.*" and says "line {line}: ...".
Error LineError(int line, Message message) {
  return Error::Invalid("line " + std::to_string(line), std::move(message));
}

// The arguments of a line's message: {line} first, then `more`.
MessageArgs At(int line, MessageArgs more = {}) {
  more.insert(more.begin(), {"line", std::to_string(line)});
  return more;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

Result<ContentLine> ParseContentLine(int line, std::string_view text) {
  ContentLine cl;
  cl.line = line;
  std::size_t pos = text.find_first_of(";:");
  if (pos == std::string_view::npos || pos == 0)
    return LineError(line, Msg("calendar.ics.expected_property", "line {line}: expected NAME:VALUE", At(line)));
  cl.name = Upper(text.substr(0, pos));
  while (text[pos] == ';') {
    const std::size_t eq = text.find('=', pos + 1);
    if (eq == std::string_view::npos)
      return LineError(line, Msg("calendar.ics.bad_parameter", "line {line}: malformed parameter", At(line)));
    std::string key = Upper(text.substr(pos + 1, eq - pos - 1));
    std::string value;
    pos = eq + 1;
    if (pos < text.size() && text[pos] == '"') {
      const std::size_t close = text.find('"', pos + 1);
      if (close == std::string_view::npos)
        return LineError(
            line, Msg("calendar.ics.unterminated_quote", "line {line}: unterminated quoted parameter", At(line)));
      value = std::string(text.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    } else {
      const std::size_t stop = text.find_first_of(";:", pos);
      if (stop == std::string_view::npos)
        return LineError(line, Msg("calendar.ics.expected_property", "line {line}: expected NAME:VALUE", At(line)));
      value = std::string(text.substr(pos, stop - pos));
      pos = stop;
    }
    if (pos >= text.size() || (text[pos] != ';' && text[pos] != ':'))
      return LineError(line, Msg("calendar.ics.expected_property", "line {line}: expected NAME:VALUE", At(line)));
    cl.params.emplace_back(std::move(key), std::move(value));
  }
  cl.value = std::string(text.substr(pos + 1));
  return cl;
}

// Splits, unfolds (RFC 5545 3.1) and parses; blank lines are skipped.
Result<std::vector<ContentLine>> ReadContentLines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::pair<int, std::string>> logical;
  int line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view physical = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t') && !logical.empty()) {
      logical.back().second.append(physical.substr(1));
      continue;
    }
    if (Trim(physical).empty()) continue;
    logical.emplace_back(line, std::string(physical));
  }
  std::vector<ContentLine> out;
  out.reserve(logical.size());
  for (const auto& [n, s] : logical) {
    SQM_ASSIGN(auto cl, ParseContentLine(n, s));
    out.push_back(std::move(cl));
  }
  return out;
}

std::string UnescapeText(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      const char c = v[++i];
      out += (c == 'n' || c == 'N') ? ' ' : c;
    } else {
      out += v[i];
    }
  }
  return std::string(Trim(out));
}

std::optional<LocalDate> ParseIcsDate(std::string_view v) {
  if (v.size() != 8) return std::nullopt;
  const std::string iso =
      std::string(v.substr(0, 4)) + "-" + std::string(v.substr(4, 2)) + "-" + std::string(v.substr(6, 2));
  return ParseLocalDate(iso);
}

Result<LocalDate> DateProperty(const ContentLine& cl) {
  const std::string* type = cl.Param("VALUE");
  const std::string value(Trim(cl.value));
  if ((type && Upper(*type) != "DATE") || value.find('T') != std::string::npos) {
    return LineError(
        cl.line,
        Msg("calendar.ics.timed_event",
            "line {line}: {property} must be a date (an all-day event with VALUE=DATE); timed events are not supported",
            At(cl.line, {{"property", cl.name}})));
  }
  const auto d = ParseIcsDate(value);
  if (!d) {
    return LineError(cl.line,
                     Msg("calendar.ics.bad_date", "line {line}: {property} must be a date YYYYMMDD, got '{value}'",
                         At(cl.line, {{"property", cl.name}, {"value", value}})));
  }
  return *d;
}

// "P3D", "P1W" -> days.
std::optional<std::int64_t> ParseDurationDays(std::string_view v) {
  v = Trim(v);
  if (v.size() < 3 || v[0] != 'P') return std::nullopt;
  const char unit = v.back();
  if (unit != 'D' && unit != 'W') return std::nullopt;
  std::int64_t n = 0;
  for (char c : v.substr(1, v.size() - 2)) {
    if (c < '0' || c > '9' || n > 100'000) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return unit == 'W' ? n * 7 : n;
}

bool SummaryMeansWorkday(const std::string& summary) {
  const std::string lower = LowerAscii(summary);
  for (const char* marker : {"补班", "调休上班", "（班）", "(班)", "workday", "working day"}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return summary == "班";
}

struct PendingEvent {
  int begin_line = 0;
  std::optional<ContentLine> dtstart;
  std::optional<ContentLine> dtend;
  std::optional<ContentLine> duration;
  std::optional<ContentLine> summary;
  std::optional<ContentLine> kind;
  std::optional<ContentLine> repeat;  // RRULE or RDATE
  bool cancelled = false;
};

struct Collected {
  DayException ex;
  int line = 0;
};

constexpr std::int64_t kMaxEventDays = 366;

Status FinishEvent(const PendingEvent& ev, std::map<std::int64_t, Collected>& days) {
  if (ev.cancelled) return {};
  if (ev.repeat)
    return LineError(ev.repeat->line, Msg("calendar.ics.recurring",
                                          "line {line}: {property} (recurring events) is not supported; list each date",
                                          At(ev.repeat->line, {{"property", ev.repeat->name}})));
  if (!ev.dtstart) {
    return LineError(ev.begin_line,
                     Msg("calendar.ics.no_start", "line {line}: VEVENT has no DTSTART", At(ev.begin_line)));
  }
  SQM_ASSIGN(const LocalDate start, DateProperty(*ev.dtstart));
  const std::int64_t first = DayNumber(start);
  std::int64_t count = 1;
  if (ev.dtend && ev.duration) {
    return LineError(ev.duration->line, Msg("calendar.ics.end_and_duration",
                                            "line {line}: give DTEND or DURATION, not both", At(ev.duration->line)));
  }
  if (ev.dtend) {
    SQM_ASSIGN(const LocalDate end, DateProperty(*ev.dtend));
    count = DayNumber(end) - first;
    if (count <= 0)
      return LineError(ev.dtend->line,
                       Msg("calendar.ics.end_before_start",
                           "line {line}: DTEND must be after DTSTART (DTEND is the day after the last day off)",
                           At(ev.dtend->line)));
  } else if (ev.duration) {
    const auto d = ParseDurationDays(ev.duration->value);
    if (!d || *d <= 0) {
      return LineError(ev.duration->line, Msg("calendar.ics.bad_duration",
                                              "line {line}: DURATION must be whole days or weeks such as P3D or P1W",
                                              At(ev.duration->line)));
    }
    count = *d;
  }
  if (count > kMaxEventDays) {
    return LineError(ev.dtstart->line,
                     Msg("calendar.ics.event_too_long", "line {line}: an event may cover at most {max} days",
                         At(ev.dtstart->line, {{"max", std::to_string(kMaxEventDays)}})));
  }
  std::string name;
  if (ev.summary) {
    name = UnescapeText(ev.summary->value);
    if (json::CodePoints(name) > 100) {
      return LineError(ev.summary->line,
                       Msg("calendar.ics.summary_too_long", "line {line}: SUMMARY must be at most 100 characters",
                           At(ev.summary->line)));
    }
    if (!json::IsValidUtf8(name)) {
      return LineError(ev.summary->line, Msg("calendar.ics.summary_bad_encoding",
                                             "line {line}: SUMMARY is not valid UTF-8", At(ev.summary->line)));
    }
  }
  ExceptionKind kind = SummaryMeansWorkday(name) ? ExceptionKind::kWorkday : ExceptionKind::kHoliday;
  if (ev.kind) {
    const auto k = ParseExceptionKind(LowerAscii(Trim(ev.kind->value)));
    if (!k) {
      return LineError(ev.kind->line, Msg("calendar.ics.bad_kind", "line {line}: X-SQM-KIND must be holiday or workday",
                                          At(ev.kind->line)));
    }
    kind = *k;
  }
  for (std::int64_t d = first; d < first + count; ++d) {
    auto it = days.find(d);
    if (it == days.end()) {
      if (days.size() >= kMaxExceptions) {
        return LineError(ev.dtstart->line, Msg("calendar.ics.too_many_days", "line {line}: more than {max} days",
                                               At(ev.dtstart->line, {{"max", std::to_string(kMaxExceptions)}})));
      }
      DayException ex;
      ex.date = DateFromDayNumber(d);
      ex.kind = kind;
      ex.name = name;
      days.emplace(d, Collected{std::move(ex), ev.dtstart->line});
      continue;
    }
    Collected& prev = it->second;
    if (prev.ex.kind != kind) {
      return LineError(ev.dtstart->line,
                       Msg("calendar.ics.kind_conflict",
                           "line {line}: {date} is a {kind} here but a {other_kind} on line {other_line}",
                           At(ev.dtstart->line, {{"date", FormatLocalDate(prev.ex.date)},
                                                 {"kind", ExceptionKindName(kind)},
                                                 {"other_kind", ExceptionKindName(prev.ex.kind)},
                                                 {"other_line", std::to_string(prev.line)}})));
    }
    if (!name.empty() && prev.ex.name.find(name) == std::string::npos) {
      const std::string joined = prev.ex.name.empty() ? name : prev.ex.name + " / " + name;
      if (json::CodePoints(joined) <= 100) prev.ex.name = joined;
    }
  }
  return {};
}

}  // namespace

Result<Calendar> CalendarFromJson(const bj::value& body) {
  json::Reader in(body);
  Calendar cal;
  cal.code = in.String("code", {.max_len = 64});
  cal.name = in.String("name", {.max_len = 100});
  cal.time_zone = in.String("time_zone", {.max_len = 64});
  cal.always_open = in.OptBool("always_open").value_or(false);
  const bj::value* week = in.OptValue("week");
  const bj::value* exceptions = in.OptValue("exceptions");
  SQM_TRY(in.Done());
  if (week && !week->is_null()) SQM_TRY(ReadWeek(*week, cal));
  if (exceptions && !exceptions->is_null()) {
    if (!exceptions->is_array())
      return Error::Invalid("exceptions", Msg("calendar.exceptions_not_list", "must be a list"));
    const bj::array& list = exceptions->get_array();
    if (list.size() > kMaxExceptions) {
      return Error::Invalid("exceptions", Msg("calendar.too_many_exceptions", "at most {max} exceptions",
                                              {{"max", std::to_string(kMaxExceptions)}}));
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      SQM_ASSIGN(auto ex, ReadException(list[i], Index("exceptions", i)));
      cal.exceptions.push_back(std::move(ex));
    }
  }
  SQM_TRY(Validate(cal));
  return cal;
}

Result<Calendar> CalendarFromJsonText(std::string_view text) {
  SQM_ASSIGN(const bj::value body, json::Parse(text));
  return CalendarFromJson(body);
}

bj::value CalendarToJson(const Calendar& cal) {
  bj::object week;
  for (std::size_t d = 0; d < kDaysPerWeek; ++d) week[WeekdayKey(static_cast<Weekday>(d))] = HoursToJson(cal.week[d]);
  bj::array exceptions;
  for (const DayException& ex : cal.exceptions) {
    bj::object o;
    o["date"] = FormatLocalDate(ex.date);
    o["kind"] = ExceptionKindName(ex.kind);
    o["name"] = ex.name;
    if (ex.hours_of) o["hours_of"] = WeekdayKey(*ex.hours_of);
    if (!ex.hours.empty()) o["hours"] = HoursToJson(ex.hours);
    exceptions.push_back(std::move(o));
  }
  bj::object out;
  out["code"] = cal.code;
  out["name"] = cal.name;
  out["time_zone"] = cal.time_zone;
  out["always_open"] = cal.always_open;
  out["week"] = std::move(week);
  out["exceptions"] = std::move(exceptions);
  return out;
}

Result<std::vector<DayException>> ExceptionsFromICalendar(std::string_view text) {
  SQM_ASSIGN(const auto lines, ReadContentLines(text));
  if (lines.empty()) {
    return LineError(1, Msg("calendar.ics.empty", "line {line}: empty file; expected BEGIN:VCALENDAR", At(1)));
  }

  std::vector<std::pair<std::string, int>> open;  // component name, BEGIN line
  std::optional<PendingEvent> event;
  std::map<std::int64_t, Collected> days;
  for (const ContentLine& cl : lines) {
    const std::string value = Upper(Trim(cl.value));
    if (cl.name == "BEGIN") {
      if (open.empty() && value != "VCALENDAR") {
        return LineError(cl.line,
                         Msg("calendar.ics.expected_begin", "line {line}: expected BEGIN:VCALENDAR", At(cl.line)));
      }
      if (!open.empty() && value == "VCALENDAR") {
        return LineError(cl.line, Msg("calendar.ics.nested", "line {line}: VCALENDAR cannot be nested", At(cl.line)));
      }
      open.emplace_back(value, cl.line);
      if (value == "VEVENT" && open.size() == 2) event = PendingEvent{cl.line};
      continue;
    }
    if (open.empty()) {
      return LineError(cl.line, Msg("calendar.ics.outside",
                                    "line {line}: content outside BEGIN:VCALENDAR ... END:VCALENDAR", At(cl.line)));
    }
    if (cl.name == "END") {
      if (value != open.back().first) {
        return LineError(
            cl.line,
            Msg("calendar.ics.mismatched_end",
                "line {line}: END:{name} does not close BEGIN:{open} on line {open_line}",
                At(cl.line,
                   {{"name", value}, {"open", open.back().first}, {"open_line", std::to_string(open.back().second)}})));
      }
      if (value == "VEVENT" && open.size() == 2) {
        SQM_TRY(FinishEvent(*event, days));
        event.reset();
      }
      open.pop_back();
      continue;
    }
    if (!event || open.size() != 2) continue;  // calendar properties, VTIMEZONE, VALARM, ...
    auto set_once = [&](std::optional<ContentLine>& slot) -> Status {
      if (slot)
        return LineError(cl.line,
                         Msg("calendar.ics.property_twice",
                             "line {line}: {property} given twice in one VEVENT (first on line {first_line})",
                             At(cl.line, {{"property", cl.name}, {"first_line", std::to_string(slot->line)}})));
      slot = cl;
      return {};
    };
    if (cl.name == "DTSTART") {
      SQM_TRY(set_once(event->dtstart));
    } else if (cl.name == "DTEND") {
      SQM_TRY(set_once(event->dtend));
    } else if (cl.name == "DURATION") {
      SQM_TRY(set_once(event->duration));
    } else if (cl.name == "SUMMARY") {
      SQM_TRY(set_once(event->summary));
    } else if (cl.name == "X-SQM-KIND") {
      SQM_TRY(set_once(event->kind));
    } else if (cl.name == "RRULE" || cl.name == "RDATE") {
      if (!event->repeat) event->repeat = cl;
    } else if (cl.name == "STATUS") {
      event->cancelled = value == "CANCELLED";
    }
  }
  if (!open.empty()) {
    return LineError(
        lines.back().line,
        Msg("calendar.ics.missing_end", "line {line}: missing END:{open} for BEGIN on line {open_line}",
            At(lines.back().line, {{"open", open.back().first}, {"open_line", std::to_string(open.back().second)}})));
  }
  std::vector<DayException> out;
  out.reserve(days.size());
  for (auto& [day, c] : days) out.push_back(std::move(c.ex));
  return out;
}

Calendar MergeExceptions(Calendar cal, const std::vector<DayException>& imported) {
  for (const DayException& ex : imported) {
    auto it = std::find_if(cal.exceptions.begin(), cal.exceptions.end(),
                           [&](const DayException& e) { return e.date == ex.date; });
    if (it != cal.exceptions.end()) {
      *it = ex;
    } else {
      cal.exceptions.push_back(ex);
    }
  }
  return cal;
}

}  // namespace sqm::calendar
