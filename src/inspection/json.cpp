#include "inspection/json.h"

#include <array>
#include <cmath>
#include <optional>

#include "base/json.h"

namespace sqm::inspection {

namespace bj = boost::json;

namespace {

template <typename E>
struct Named {
  E value;
  std::string_view name;
};

constexpr std::array<Named<Scale>, 5> kScales = {{{Scale::kYesNo, "yes_no"},
                                                  {Scale::kThreePoint, "three_point"},
                                                  {Scale::kFourPoint, "four_point"},
                                                  {Scale::kFivePoint, "five_point"},
                                                  {Scale::kPoints, "points"}}};
constexpr std::array<Named<Critical>, 3> kCriticals = {
    {{Critical::kNone, "none"}, {Critical::kFailsSection, "section"}, {Critical::kFailsCard, "card"}}};
constexpr std::array<Named<CardMethod>, 2> kMethods = {
    {{CardMethod::kTotalPoints, "total_points"}, {CardMethod::kSectionWeights, "section_weights"}}};

template <typename E, std::size_t N>
std::string_view NameIn(const std::array<Named<E>, N>& table, E v) {
  for (const auto& n : table) {
    if (n.value == v) return n.name;
  }
  return table[0].name;
}

template <typename E, std::size_t N>
std::optional<E> ParseIn(const std::array<Named<E>, N>& table, std::string_view s) {
  for (const auto& n : table) {
    if (n.name == s) return n.value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string NameList(const std::array<Named<E>, N>& table) {
  std::string out;
  for (const auto& n : table) out += (out.empty() ? "" : ", ") + std::string(n.name);
  return out;
}

// Reads the keys of `o` the way the definition's objects are read: unknown keys are problems.
class ObjectReader {
 public:
  ObjectReader(const bj::object& o, std::string prefix, Problems& p, std::initializer_list<std::string_view> known)
      : o_(o), prefix_(std::move(prefix)), p_(p) {
    json::UnknownKeys(o, known, p, prefix_);
  }

  std::string Field(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }

  std::string Text(std::string_view key) {
    const bj::value* v = o_.if_contains(key);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) {
      p_.Add(Field(key), Msg("field.not_string", "must be text"));
      return {};
    }
    return std::string(v->get_string());
  }

  std::optional<double> Number(std::string_view key) {
    const bj::value* v = o_.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_number()) {
      p_.Add(Field(key), Msg("field.not_number", "must be a number"));
      return std::nullopt;
    }
    return v->to_number<double>();
  }

  bool Bool(std::string_view key) {
    const bj::value* v = o_.if_contains(key);
    if (!v || v->is_null()) return false;
    if (!v->is_bool()) {
      p_.Add(Field(key), Msg("field.not_boolean", "must be true or false"));
      return false;
    }
    return v->get_bool();
  }

  template <typename E, std::size_t N>
  E Enum(std::string_view key, const std::array<Named<E>, N>& table, E fallback, bool required) {
    const bj::value* v = o_.if_contains(key);
    if (!v || v->is_null()) {
      if (required) p_.Add(Field(key), Msg("field.required", "is required"));
      return fallback;
    }
    std::optional<E> e;
    if (v->is_string()) e = ParseIn(table, v->get_string());
    if (!e) {
      p_.Add(Field(key), Msg("scorecard.not_one_of", "must be one of {names}", {{"names", NameList(table)}}));
      return fallback;
    }
    return *e;
  }

  // The elements of a list, at most `max` + 1 of them (so the caller's limit check still fires).
  const bj::array* List(std::string_view key, std::size_t max, bool required) {
    const bj::value* v = o_.if_contains(key);
    if (!v || v->is_null()) {
      if (required) p_.Add(Field(key), Msg("field.required", "is required"));
      return nullptr;
    }
    if (!v->is_array()) {
      p_.Add(Field(key), Msg("scorecard.not_list", "must be a list"));
      return nullptr;
    }
    if (v->get_array().size() > max + 1) {
      p_.Add(Field(key),
             Msg("scorecard.list_too_long", "must have at most {max} entries", {{"max", std::to_string(max)}}));
      return nullptr;
    }
    return &v->get_array();
  }

 private:
  const bj::object& o_;
  std::string prefix_;
  Problems& p_;
};

Item ReadItem(const bj::value& v, const std::string& field, Problems& p) {
  Item item;
  if (!v.is_object()) {
    p.Add(field, Msg("scorecard.not_object", "must be an object"));
    return item;
  }
  ObjectReader in(v.get_object(), field, p,
                  {"code", "name", "guidance", "scale", "max_points", "critical", "bonus", "na_allowed"});
  item.code = in.Text("code");
  item.name = in.Text("name");
  item.guidance = in.Text("guidance");
  item.scale = in.Enum("scale", kScales, Scale::kYesNo, true);
  if (auto m = in.Number("max_points")) {
    item.max_points = *m;
  } else if (!v.get_object().contains("max_points")) {
    p.Add(in.Field("max_points"), Msg("field.required", "is required"));
  }
  item.critical = in.Enum("critical", kCriticals, Critical::kNone, false);
  item.bonus = in.Bool("bonus");
  // Absent (every card stored before the field existed): N/A allowed.
  item.na_allowed = !v.get_object().contains("na_allowed") || in.Bool("na_allowed");
  return item;
}

Section ReadSection(const bj::value& v, const std::string& field, Problems& p) {
  Section section;
  if (!v.is_object()) {
    p.Add(field, Msg("scorecard.not_object", "must be an object"));
    return section;
  }
  ObjectReader in(v.get_object(), field, p, {"code", "name", "weight", "items"});
  section.code = in.Text("code");
  section.name = in.Text("name");
  section.weight = in.Number("weight").value_or(0);
  if (const bj::array* items = in.List("items", kMaxItems, true)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      section.items.push_back(ReadItem((*items)[i], field + ".items[" + std::to_string(i) + "]", p));
    }
  }
  return section;
}

}  // namespace

std::string_view Name(Scale s) {
  return NameIn(kScales, s);
}
std::string_view Name(Critical c) {
  return NameIn(kCriticals, c);
}
std::string_view Name(CardMethod m) {
  return NameIn(kMethods, m);
}

bj::object ScorecardJson(const Scorecard& card) {
  bj::array sections;
  for (const Section& s : card.sections) {
    bj::array items;
    for (const Item& i : s.items) {
      items.push_back(bj::object{{"code", i.code},
                                 {"name", i.name},
                                 {"guidance", i.guidance},
                                 {"scale", Name(i.scale)},
                                 {"max_points", i.max_points},
                                 {"critical", Name(i.critical)},
                                 {"bonus", i.bonus},
                                 {"na_allowed", i.na_allowed}});
    }
    sections.push_back(
        bj::object{{"code", s.code}, {"name", s.name}, {"weight", s.weight}, {"items", std::move(items)}});
  }
  return {{"method", Name(card.method)}, {"pass_mark", card.pass_mark}, {"sections", std::move(sections)}};
}

Scorecard ReadScorecard(const bj::object& body, Problems& p) {
  Scorecard card;
  const auto method = body.if_contains("method");
  if (method && !method->is_null()) {
    std::optional<CardMethod> m;
    if (method->is_string()) m = ParseIn(kMethods, method->get_string());
    if (m) {
      card.method = *m;
    } else {
      p.Add("method", Msg("scorecard.not_one_of", "must be one of {names}", {{"names", NameList(kMethods)}}));
    }
  }
  if (const auto* mark = body.if_contains("pass_mark"); mark && !mark->is_null()) {
    if (mark->is_number()) {
      card.pass_mark = mark->to_number<double>();
    } else {
      p.Add("pass_mark", Msg("field.not_number", "must be a number"));
    }
  }
  const auto* sections = body.if_contains("sections");
  if (!sections || sections->is_null()) {
    p.Add("sections", Msg("field.required", "is required"));
  } else if (!sections->is_array()) {
    p.Add("sections", Msg("scorecard.not_list", "must be a list"));
  } else if (sections->get_array().size() > kMaxSections + 1) {
    p.Add("sections",
          Msg("scorecard.list_too_long", "must have at most {max} entries", {{"max", std::to_string(kMaxSections)}}));
  } else {
    const auto& list = sections->get_array();
    for (std::size_t s = 0; s < list.size(); ++s) {
      card.sections.push_back(ReadSection(list[s], "sections[" + std::to_string(s) + "]", p));
    }
  }
  return card;
}

Scorecard ParseStoredScorecard(std::string_view text) {
  auto v = json::Parse(text);
  if (!v.ok() || !v->is_object()) return {};
  Problems ignored;
  return ReadScorecard(v->get_object(), ignored);
}

std::map<std::string, Answer> ReadAnswers(const bj::value& answers, std::string_view field, Problems& p) {
  std::map<std::string, Answer> out;
  if (!answers.is_object()) {
    p.Add(std::string(field), Msg("scorecard.bad_answers", "must be an object of answers by item code"));
    return out;
  }
  for (const auto& [k, v] : answers.get_object()) {
    if (out.size() >= kMaxItems) {
      p.Add(std::string(field), Msg("scorecard.too_many_answers", "has more answers than the card has items"));
      break;
    }
    const std::string code = std::string(k).substr(0, kMaxCodeChars + 1);
    if (v.is_number()) {
      out[code] = Answer{.value = v.to_number<double>()};
    } else if (v.is_string() && v.get_string() == "na") {
      out[code] = Answer{.not_applicable = true};
    } else {
      p.Add(std::string(field) + "." + code, Msg("scorecard.bad_answer", "must be a number or na (not applicable)"));
    }
  }
  return out;
}

bj::object AnswersJson(const std::map<std::string, Answer>& answers) {
  bj::object o;
  for (const auto& [code, a] : answers) {
    if (a.not_applicable) {
      o[code] = "na";
    } else {
      o[code] = a.value;
    }
  }
  return o;
}

std::map<std::string, Answer> ParseStoredAnswers(std::string_view text) {
  auto v = json::Parse(text);
  if (!v.ok()) return {};
  Problems ignored;
  return ReadAnswers(*v, "answers", ignored);
}

bj::object CardResultJson(const CardResult& r) {
  bj::array sections;
  for (const SectionResult& s : r.sections) {
    sections.push_back(bj::object{{"code", s.code},
                                  {"earned", s.earned},
                                  {"possible", s.possible},
                                  {"percent", s.percent ? bj::value(*s.percent) : bj::value(nullptr)},
                                  {"failed", s.failed}});
  }
  bj::array failures;
  for (const auto& c : r.critical_failures) failures.push_back(bj::value(c));
  return {
      {"percent", r.percent ? bj::value(*r.percent) : bj::value(nullptr)},
      {"percent_before_failure", r.percent_before_failure ? bj::value(*r.percent_before_failure) : bj::value(nullptr)},
      {"earned", r.earned},
      {"possible", r.possible},
      {"failed", r.failed},
      {"passed", r.passed},
      {"critical_failures", std::move(failures)},
      {"sections", std::move(sections)}};
}

bj::array IdsJson(const std::vector<Id>& ids) {
  bj::array a;
  for (Id id : ids) a.push_back(id);
  return a;
}

std::string IdsText(const std::vector<Id>& ids) {
  return json::Serialize(IdsJson(ids));
}

std::vector<Id> ParseStoredIds(std::string_view text) {
  std::vector<Id> out;
  auto v = json::Parse(text);
  if (!v.ok() || !v->is_array()) return out;
  for (const auto& x : v->get_array()) {
    if (x.is_int64()) out.push_back(x.get_int64());
  }
  return out;
}

bj::array CoverageJson(const std::vector<AgentCoverage>& coverage) {
  bj::array out;
  for (const auto& c : coverage) {
    out.push_back(bj::object{{"agent_id", c.agent_id},
                             {"agent_name", c.agent_name},
                             {"tickets", c.tickets},
                             {"planned", c.planned},
                             {"earlier", c.earlier},
                             {"drawn", c.drawn},
                             {"shortfall", c.shortfall.empty() ? bj::value(nullptr) : bj::value(c.shortfall)}});
  }
  return out;
}

std::vector<AgentCoverage> ParseStoredCoverage(std::string_view text) {
  std::vector<AgentCoverage> out;
  auto v = json::Parse(text);
  if (!v.ok() || !v->is_array()) return out;
  const auto integer = [](const bj::object& o, std::string_view k) -> std::int64_t {
    const auto* x = o.if_contains(k);
    return x && x->is_int64() ? x->get_int64() : 0;
  };
  const auto text_of = [](const bj::object& o, std::string_view k) -> std::string {
    const auto* x = o.if_contains(k);
    return x && x->is_string() ? std::string(x->get_string()) : std::string();
  };
  for (const auto& x : v->get_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.get_object();
    out.push_back({.agent_id = integer(o, "agent_id"),
                   .agent_name = text_of(o, "agent_name"),
                   .tickets = integer(o, "tickets"),
                   .planned = integer(o, "planned"),
                   .earlier = integer(o, "earlier"),
                   .drawn = integer(o, "drawn"),
                   .shortfall = text_of(o, "shortfall")});
  }
  return out;
}

}  // namespace sqm::inspection
