#include "calendar/registry.h"

#include <set>

#include <spdlog/spdlog.h>

#include "base/json.h"
#include "calendar/builtin.h"
#include "calendar/codec.h"
#include "calendar/repo.h"

namespace sqm::calendar {

namespace bj = boost::json;
using storage::Connection;
using storage::WriteTx;

namespace {

constexpr const char* kEntity = "calendar";

bool LooksLikeJson(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

bj::object DefinitionEvent(const Calendar& cal) {
  return {{"name", cal.name}, {"time_zone", cal.time_zone}, {"definition", CalendarToJson(cal)}};
}

std::optional<StoredCalendar> ReadRow(Connection& db, std::string_view code) {
  auto row = repo::FindCalendar(db, code);
  if (!row) return std::nullopt;
  auto cal = CalendarFromJsonText(row->definition);
  if (!cal.ok()) {
    throw storage::DbError("stored calendar '" + std::string(code) + "' is unreadable: " + cal.error().field + " " +
                           cal.error().message);
  }
  return StoredCalendar{std::move(cal.value()), row->builtin, row->updated_at};
}

// The exceptions of a JSON import: a list, {"exceptions": [...]}, or a whole definition. A list is
// read as if it were `target`'s exceptions, so hours_of and field names work as in a definition.
Result<std::vector<DayException>> ExceptionsFromJsonText(std::string_view text, const Calendar& target) {
  SQM_ASSIGN(bj::value body, json::Parse(text));
  const bj::value* list = nullptr;
  if (body.is_array()) {
    list = &body;
  } else if (body.is_object()) {
    const bj::object& o = body.get_object();
    if (o.size() == 1 && o.contains("exceptions")) {
      list = &o.at("exceptions");
    } else {
      SQM_ASSIGN(Calendar whole, CalendarFromJson(body));
      return whole.exceptions;
    }
  } else {
    return Error::Invalid("", Msg("calendar.import_not_exceptions",
                                  "expected a list of exceptions, {\"exceptions\": [...]} or a calendar definition"));
  }
  if (!list->is_array()) return Error::Invalid("exceptions", Msg("calendar.exceptions_not_list", "must be a list"));
  bj::value wrapper = CalendarToJson(target);
  wrapper.as_object()["exceptions"] = *list;
  SQM_ASSIGN(Calendar read, CalendarFromJson(wrapper));
  return read.exceptions;
}

}  // namespace

Error UnknownCalendar(const std::string& code) {
  return Error::NotFound(Msg("calendar.not_found", "calendar '{code}' does not exist", {{"code", code}}));
}

namespace {

// Validate's field for a merged calendar ("exceptions[41].hours_of") means little to someone who
// imported a file; name the date too.
Error ExplainMergeError(Error e, const Calendar& merged) {
  constexpr std::string_view kPrefix = "exceptions[";
  if (e.field.starts_with(kPrefix)) {
    const std::size_t close = e.field.find(']');
    const std::string digits = e.field.substr(kPrefix.size(), close - kPrefix.size());
    if (close != std::string::npos && !digits.empty() && digits.size() < 7 &&
        digits.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t i = std::stoul(digits);
      if (i < merged.exceptions.size()) e.message = FormatLocalDate(merged.exceptions[i].date) + ": " + e.message;
    }
  }
  return e;
}

}  // namespace

std::vector<Calendar> ReadValidCalendars(Connection& db) {
  std::vector<Calendar> out;
  for (const auto& row : repo::ListCalendars(db)) {
    auto cal = CalendarFromJsonText(row.definition);
    if (cal.ok() && Validate(*cal).ok()) out.push_back(std::move(cal.value()));
  }
  return out;
}

Result<bool> RecordRunOutNotice(Connection& db, const std::string& code, int known_last, TimeMs at) {
  return repo::InsertRunOutNotice(db, code, known_last, at);
}

Registry::Registry(storage::Database& db) : db_(db) {}

void Registry::Put(StoredCalendar stored, BusinessTime compiled) {
  auto entry = std::make_shared<Entry>();
  entry->compiled = std::make_shared<const BusinessTime>(std::move(compiled));
  entry->stored = std::move(stored);
  const std::string code = entry->stored.calendar.code;
  std::lock_guard lock(mu_);
  entries_[code] = std::move(entry);
}

Status Registry::Load() {
  std::lock_guard edit(edit_mu_);
  const auto missing = db_.Read([](Connection& c) {
    std::vector<Calendar> out;
    for (const Calendar& b : BuiltinCalendars()) {
      if (!repo::CalendarExists(c, b.code)) out.push_back(b);
    }
    return out;
  });
  if (!missing.empty()) {
    SQM_TRY(db_.Write("system", [&](WriteTx& tx) -> Status {
      for (const Calendar& b : missing) {
        if (repo::CalendarExists(tx.db(), b.code)) continue;  // raced in
        SQM_TRY(repo::InsertCalendar(tx.db(), b.code, b.name, json::Serialize(CalendarToJson(b)), true, tx.now()));
        bj::object data = DefinitionEvent(b);
        data["builtin"] = true;
        tx.Append(kEntity, b.code, "calendar.created", std::move(data));
      }
      return {};
    }));
  }

  const auto rows = db_.Read([](Connection& c) { return repo::ListCalendars(c); });
  std::map<std::string, std::shared_ptr<const Entry>, std::less<>> loaded;
  for (const repo::CalendarRow& row : rows) {
    auto cal = CalendarFromJsonText(row.definition);
    if (!cal.ok()) {
      spdlog::error("calendar '{}' is not loaded: its stored definition is invalid ({} {})", row.code,
                    cal.error().field, cal.error().message);
      continue;
    }
    auto compiled = BusinessTime::Compile(*cal);
    if (!compiled.ok()) {
      spdlog::error("calendar '{}' is not loaded: {} {}", row.code, compiled.error().field, compiled.error().message);
      continue;
    }
    auto entry = std::make_shared<Entry>();
    entry->stored = StoredCalendar{std::move(cal.value()), row.builtin, row.updated_at};
    entry->compiled = std::make_shared<const BusinessTime>(std::move(compiled.value()));
    loaded[row.code] = std::move(entry);
  }
  std::lock_guard lock(mu_);
  entries_ = std::move(loaded);
  return {};
}

std::shared_ptr<const BusinessTime> Registry::Get(std::string_view code) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(code);
  return it == entries_.end() ? nullptr : it->second->compiled;
}

std::vector<StoredCalendar> Registry::List() const {
  std::vector<std::shared_ptr<const Entry>> entries;
  {
    std::lock_guard lock(mu_);
    for (const auto& [code, e] : entries_) entries.push_back(e);
  }
  std::vector<StoredCalendar> out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.push_back(e->stored);
  return out;
}

std::optional<StoredCalendar> Registry::Find(std::string_view code) const {
  std::shared_ptr<const Entry> e;
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(code);
    if (it == entries_.end()) return std::nullopt;
    e = it->second;
  }
  return e->stored;
}

Result<StoredCalendar> Registry::Create(const std::string& actor, Calendar cal) {
  SQM_ASSIGN(BusinessTime compiled, BusinessTime::Compile(cal));
  std::lock_guard edit(edit_mu_);
  SQM_ASSIGN(StoredCalendar stored, db_.Write(actor, [&](WriteTx& tx) -> Result<StoredCalendar> {
    if (repo::CalendarExists(tx.db(), cal.code)) {
      return Error::Conflict(Msg("calendar.code_taken", "a calendar with code '{code}' exists", {{"code", cal.code}}),
                             "code");
    }
    SQM_TRY(repo::InsertCalendar(tx.db(), cal.code, cal.name, json::Serialize(CalendarToJson(cal)), false, tx.now()));
    tx.Append(kEntity, cal.code, "calendar.created", DefinitionEvent(cal));
    return StoredCalendar{cal, false, tx.now()};
  }));
  Put(stored, std::move(compiled));
  return stored;
}

Result<StoredCalendar> Registry::Update(const std::string& actor, const std::string& code, Calendar cal) {
  if (cal.code != code) {
    return Error::Invalid(
        "code", Msg("calendar.code_fixed", "a calendar's code cannot change (it is '{code}')", {{"code", code}}));
  }
  SQM_ASSIGN(BusinessTime compiled, BusinessTime::Compile(cal));
  std::lock_guard edit(edit_mu_);
  SQM_ASSIGN(StoredCalendar stored, db_.Write(actor, [&](WriteTx& tx) -> Result<StoredCalendar> {
    auto row = repo::FindCalendar(tx.db(), code);
    if (!row) return UnknownCalendar(code);
    SQM_TRY(repo::UpdateCalendar(tx.db(), code, cal.name, json::Serialize(CalendarToJson(cal)), tx.now()));
    tx.Append(kEntity, code, "calendar.updated", DefinitionEvent(cal));
    return StoredCalendar{cal, row->builtin, tx.now()};
  }));
  Put(stored, std::move(compiled));
  return stored;
}

Result<ImportResult> Registry::Import(const std::string& actor, const std::string& code, std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error::Invalid("", Msg("calendar.import_empty", "the request body is empty; send iCalendar or JSON"));
  }
  const bool is_json = LooksLikeJson(text);
  std::lock_guard edit(edit_mu_);
  std::optional<BusinessTime> compiled;
  SQM_ASSIGN(ImportResult result, db_.Write(actor, [&](WriteTx& tx) -> Result<ImportResult> {
    auto current = ReadRow(tx.db(), code);
    if (!current) return UnknownCalendar(code);
    const Calendar& before = current->calendar;
    if (before.always_open) {
      return Error::Conflict(Msg("calendar.import_always_open",
                                 "calendar '{code}' is always open; it has no days to add holidays to",
                                 {{"code", code}}));
    }
    std::vector<DayException> imported;
    if (is_json) {
      SQM_ASSIGN(imported, ExceptionsFromJsonText(text, before));
    } else {
      SQM_ASSIGN(imported, ExceptionsFromICalendar(text));
    }
    if (imported.empty()) return Error::Invalid("", Msg("calendar.import_no_days", "the import lists no days"));

    std::set<LocalDate> existing;
    for (const DayException& ex : before.exceptions) existing.insert(ex.date);
    ImportResult out;
    for (const DayException& ex : imported) ++(existing.contains(ex.date) ? out.replaced : out.added);

    Calendar merged = MergeExceptions(before, imported);
    auto bt = BusinessTime::Compile(merged);
    if (!bt.ok()) return ExplainMergeError(bt.error(), merged);
    compiled.emplace(std::move(bt.value()));

    SQM_TRY(repo::UpdateDefinition(tx.db(), code, json::Serialize(CalendarToJson(merged)), tx.now()));
    Calendar only_imported = before;
    only_imported.exceptions = imported;
    tx.Append(kEntity, code, "calendar.imported",
              {{"format", is_json ? "json" : "icalendar"},
               {"added", out.added},
               {"replaced", out.replaced},
               {"exceptions", CalendarToJson(only_imported).as_object().at("exceptions")}});
    out.stored = StoredCalendar{std::move(merged), current->builtin, tx.now()};
    return out;
  }));
  Put(result.stored, std::move(*compiled));
  return result;
}

}  // namespace sqm::calendar
