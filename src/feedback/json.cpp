#include "feedback/json.h"

#include "base/json.h"
#include "feedback/rules.h"

namespace sqm::feedback {

namespace bj = boost::json;

namespace {

Text ReadText(Problems& p, const bj::object& o, std::string_view key, const std::string& field) {
  Text t;
  const bj::value* v = o.if_contains(key);
  if (!v) return t;
  if (!v->is_object()) {
    p.Add(field, Msg("survey.bad_text", "must be an object with zh and en texts"));
    return t;
  }
  for (const auto& [k, value] : v->get_object()) {
    if (k != "zh" && k != "en") {
      p.Add(field + "." + std::string(k), Msg("field.unknown", "is not a known field"));
    } else if (!value.is_string()) {
      p.Add(field + "." + std::string(k), Msg("field.not_string", "must be text"));
    } else {
      (k == "zh" ? t.zh : t.en) = std::string(value.get_string());
    }
  }
  return t;
}

Question ReadQuestion(Problems& p, const bj::value& v, const std::string& f) {
  Question q;
  if (!v.is_object()) {
    p.Add(f, Msg("survey.bad_question", "must be an object"));
    return q;
  }
  const auto& o = v.get_object();
  json::UnknownKeys(o, {"id", "kind", "text", "required", "options", "points"}, p, f);
  if (const auto* id = o.if_contains("id"); id && id->is_string()) {
    q.id = std::string(id->get_string());
  } else if (id) {
    p.Add(f + ".id", Msg("field.not_string", "must be text"));
  }
  const auto* kind = o.if_contains("kind");
  std::optional<QuestionKind> k;
  if (kind && kind->is_string()) k = ParseKind(kind->get_string());
  if (!k) {
    p.Add(f + ".kind", Msg("survey.bad_kind", "must be csat, nps, ces, likert, single, multiple or text"));
  } else {
    q.kind = *k;
  }
  q.text = ReadText(p, o, "text", f + ".text");
  if (const auto* r = o.if_contains("required")) {
    if (r->is_bool()) {
      q.required = r->get_bool();
    } else {
      p.Add(f + ".required", Msg("field.not_boolean", "must be true or false"));
    }
  }
  if (const auto* opts = o.if_contains("options"); opts && !opts->is_null()) {
    if (!opts->is_array()) {
      p.Add(f + ".options", Msg("survey.bad_options", "must be a list of texts"));
    } else {
      const auto& arr = opts->get_array();
      for (std::size_t j = 0; j < arr.size() && j <= kMaxOptions; ++j) {
        bj::object holder{{"t", arr[j]}};
        q.options.push_back(ReadText(p, holder, "t", f + ".options[" + std::to_string(j) + "]"));
      }
    }
  }
  if (const auto* pts = o.if_contains("points"); pts && !pts->is_null()) {
    if (pts->is_int64()) {
      q.points = static_cast<int>(std::clamp<std::int64_t>(pts->get_int64(), 0, 100));
    } else {
      p.Add(f + ".points", Msg("field.not_integer", "must be a whole number"));
    }
  }
  return q;
}

}  // namespace

bj::object TextJson(const Text& t) {
  return {{"zh", t.zh}, {"en", t.en}};
}

bj::object DefinitionJson(const Definition& d) {
  bj::array questions;
  for (const auto& q : d.questions) {
    bj::object o{{"id", q.id}, {"kind", Name(q.kind)}, {"text", TextJson(q.text)}, {"required", q.required}};
    if (!q.options.empty()) {
      bj::array opts;
      for (const auto& t : q.options) opts.push_back(TextJson(t));
      o["options"] = std::move(opts);
    }
    if (q.kind == QuestionKind::kLikert) o["points"] = q.points;
    questions.push_back(std::move(o));
  }
  return {{"title", TextJson(d.title)}, {"intro", TextJson(d.intro)}, {"questions", std::move(questions)}};
}

Definition ReadDefinition(const bj::object& body, Problems& p) {
  Definition d;
  d.title = ReadText(p, body, "title", "title");
  d.intro = ReadText(p, body, "intro", "intro");
  const auto* qs = body.if_contains("questions");
  if (!qs || !qs->is_array()) {
    p.Add("questions", Msg("survey.bad_questions", "must be a list of questions"));
  } else {
    const auto& arr = qs->get_array();
    for (std::size_t i = 0; i < arr.size() && i <= kMaxQuestions; ++i) {
      d.questions.push_back(ReadQuestion(p, arr[i], "questions[" + std::to_string(i) + "]"));
    }
  }
  return d;
}

Definition ParseStoredDefinition(std::string_view text) {
  auto v = json::Parse(text);
  if (!v.ok() || !v->is_object()) return {};
  Problems ignored;  // written by DefinitionJson: well-formed
  return ReadDefinition(v->get_object(), ignored);
}

bj::object SettingsJson(const Settings& s) {
  return {{"basically_satisfied_counts", s.basically_satisfied_counts},
          {"csat_satisfied_from", s.csat_satisfied_from},
          {"csat_low", s.csat_low},
          {"nps_low", s.nps_low},
          {"ces_low", s.ces_low},
          {"callback_dissatisfied_opens", s.callback_dissatisfied_opens},
          {"follow_up_days", s.follow_up_days},
          {"reminder_days", s.reminder_days}};
}

Result<Settings> ReadSettings(const bj::value& body, const Settings& base) {
  Settings s = base;
  json::Reader in(body);
  if (auto b = in.OptBool("basically_satisfied_counts")) s.basically_satisfied_counts = *b;
  if (auto v = in.OptInt("csat_satisfied_from", -1000, 1000)) s.csat_satisfied_from = static_cast<int>(*v);
  if (auto v = in.OptInt("csat_low", -1000, 1000)) s.csat_low = static_cast<int>(*v);
  if (auto v = in.OptInt("nps_low", -1000, 1000)) s.nps_low = static_cast<int>(*v);
  if (auto v = in.OptInt("ces_low", -1000, 1000)) s.ces_low = static_cast<int>(*v);
  if (auto b = in.OptBool("callback_dissatisfied_opens")) s.callback_dissatisfied_opens = *b;
  if (auto v = in.OptInt("follow_up_days", -1000, 1000)) s.follow_up_days = static_cast<int>(*v);
  if (auto v = in.OptInt("reminder_days", -1000, 1000)) s.reminder_days = static_cast<int>(*v);
  SQM_TRY(in.Done());
  return s;
}

namespace {

template <typename T, typename F>
std::vector<T> ListOf(const bj::object& o, std::string_view key, F read) {
  std::vector<T> out;
  if (const auto* v = o.if_contains(key); v && v->is_array()) {
    for (const auto& x : v->get_array()) out.push_back(read(x));
  }
  return out;
}

std::int64_t IntOf(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : 0;
}

std::string TextOf(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

bj::object StoredFilterJson(const PopulationFilter& f) {
  bj::array departments, categories, tiers;
  for (Id id : f.department_ids) departments.push_back(id);
  for (Id id : f.category_ids) categories.push_back(id);
  for (const auto& t : f.tiers) tiers.push_back(bj::value(t));
  return {{"from", f.from},
          {"to", f.to},
          {"department_ids", std::move(departments)},
          {"category_ids", std::move(categories)},
          {"tiers", std::move(tiers)}};
}

PopulationFilter ParseStoredFilter(std::string_view text) {
  auto v = json::Parse(text);
  if (!v.ok() || !v->is_object()) return {};
  const auto& o = v->get_object();
  const auto id = [](const bj::value& x) -> Id { return x.is_int64() ? x.get_int64() : 0; };
  const auto str = [](const bj::value& x) { return x.is_string() ? std::string(x.get_string()) : std::string(); };
  return {.from = IntOf(o, "from"),
          .to = IntOf(o, "to"),
          .department_ids = ListOf<Id>(o, "department_ids", id),
          .category_ids = ListOf<Id>(o, "category_ids", id),
          .tiers = ListOf<std::string>(o, "tiers", str)};
}

bj::array StrataJson(const std::vector<Stratum>& strata) {
  bj::array out;
  for (const auto& s : strata) {
    out.push_back({{"key", s.key}, {"label", s.label}, {"population", s.population}, {"sample", s.sample}});
  }
  return out;
}

std::vector<Stratum> ParseStoredStrata(std::string_view text) {
  auto v = json::Parse(text);
  std::vector<Stratum> out;
  if (!v.ok() || !v->is_array()) return out;
  for (const auto& x : v->get_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.get_object();
    out.push_back({TextOf(o, "key"), TextOf(o, "label"), IntOf(o, "population"), IntOf(o, "sample")});
  }
  return out;
}

bj::array TopicsJson(const std::vector<Topic>& topics) {
  bj::array out;
  for (const auto& t : topics) {
    bj::array words;
    for (const auto& w : t.keywords) words.push_back(bj::value(w));
    out.push_back({{"key", t.key}, {"label", TextJson(t.label)}, {"keywords", std::move(words)}});
  }
  return out;
}

Result<std::vector<Topic>> ReadTopics(const bj::value& list) {
  Problems p;
  std::vector<Topic> out;
  if (!list.is_array()) {
    p.Add("topics", Msg("topics.not_list", "must be a list of topics"));
  } else {
    for (std::size_t i = 0; i < list.get_array().size() && i <= kMaxTopics; ++i) {
      const auto& v = list.get_array()[i];
      const std::string f = "topics[" + std::to_string(i) + "]";
      Topic t;
      if (!v.is_object()) {
        p.Add(f, Msg("topics.not_object", "must be an object with key, label and keywords"));
        continue;
      }
      const auto& o = v.get_object();
      for (const auto& [k, _] : o) {
        if (k != "key" && k != "label" && k != "keywords") {
          p.Add(f + "." + std::string(k), Msg("field.unknown", "is not a known field"));
        }
      }
      if (const auto* key = o.if_contains("key"); key && key->is_string()) {
        t.key = std::string(key->get_string()).substr(0, 100);
      }
      t.label = ReadText(p, o, "label", f + ".label");
      if (const auto* words = o.if_contains("keywords"); words && words->is_array()) {
        for (std::size_t k = 0; k < words->get_array().size() && k <= kMaxKeywords; ++k) {
          const auto& w = words->get_array()[k];
          if (!w.is_string()) {
            p.Add(f + ".keywords[" + std::to_string(k) + "]", Msg("field.not_string", "must be text"));
            continue;
          }
          t.keywords.push_back(std::string(w.get_string()).substr(0, 4 * kMaxKeywordChars));
        }
      } else if (words) {
        p.Add(f + ".keywords",
              Msg("topics.bad_keywords", "must list 1 to {max} keywords", {{"max", std::to_string(kMaxKeywords)}}));
      }
      out.push_back(std::move(t));
    }
  }
  if (auto e = p.Take()) return *e;
  SQM_TRY(CheckTopics(out));
  return out;
}

std::vector<Topic> ParseStoredTopics(std::string_view text) {
  bj::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec) return DefaultTopics();
  auto topics = ReadTopics(v);
  return topics.ok() ? *topics : DefaultTopics();
}

}  // namespace sqm::feedback
