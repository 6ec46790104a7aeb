#include "feedback/rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/json.h"

namespace sqm::feedback {

namespace {

template <typename E>
struct NameOf {
  E value;
  const char* name;
};

constexpr NameOf<QuestionKind> kKinds[] = {
    {QuestionKind::kCsat, "csat"},     {QuestionKind::kNps, "nps"},       {QuestionKind::kCes, "ces"},
    {QuestionKind::kLikert, "likert"}, {QuestionKind::kSingle, "single"}, {QuestionKind::kMultiple, "multiple"},
    {QuestionKind::kText, "text"},
};
constexpr NameOf<Trigger> kTriggers[] = {{Trigger::kResolved, "resolved"}, {Trigger::kClosed, "closed"}};
constexpr NameOf<Outcome> kOutcomes[] = {{Outcome::kRecontacted, "recontacted"},
                                         {Outcome::kSatisfiedAfterRedo, "satisfied_after_redo"},
                                         {Outcome::kRatingWithdrawn, "rating_withdrawn"}};
constexpr NameOf<InvitationState> kStates[] = {{InvitationState::kPending, "pending"},
                                               {InvitationState::kOpen, "open"},
                                               {InvitationState::kAnswered, "answered"},
                                               {InvitationState::kExpired, "expired"}};
constexpr NameOf<Source> kSources[] = {
    {Source::kLink, "link"}, {Source::kCallback, "callback"}, {Source::kAgency, "agency"}};

template <typename E, std::size_t N>
const char* NameIn(const NameOf<E> (&table)[N], E value) {
  for (const auto& n : table) {
    if (n.value == value) return n.name;
  }
  return "";
}
template <typename E, std::size_t N>
std::optional<E> ParseIn(const NameOf<E> (&table)[N], std::string_view name) {
  for (const auto& n : table) {
    if (name == n.name) return n.value;
  }
  return std::nullopt;
}

bool IsChoice(QuestionKind k) {
  return k == QuestionKind::kSingle || k == QuestionKind::kMultiple;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

void CheckText(Problems& p, const std::string& field, const Text& t, std::size_t max) {
  for (const auto& [lang, value] : {std::pair{"zh", &t.zh}, std::pair{"en", &t.en}}) {
    const std::size_t n = json::CodePoints(*value);
    if (n == 0) {
      p.Add(field + "." + lang, Msg("field.required", "is required"));
    } else if (n > max) {
      p.Add(field + "." + lang,
            Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(max)}}));
    }
  }
}

// The first question of `kind`: the one the headline figure (CSAT, NPS, CES) reads.
const Question* Headline(const Definition& d, QuestionKind kind) {
  for (const auto& q : d.questions) {
    if (q.kind == kind) return &q;
  }
  return nullptr;
}

std::optional<int> ScoreOf(const std::vector<Answer>& answers, const Question* q) {
  if (!q) return std::nullopt;
  for (const auto& a : answers) {
    if (a.question_id == q->id) return a.score;
  }
  return std::nullopt;
}

// Running counts of one group of ratings.
struct Tally {
  std::int64_t csat_ok = 0, csat_n = 0;
  std::int64_t promoters = 0, passives = 0, detractors = 0;
  std::int64_t sat_ok = 0, sat_n = 0;
  std::int64_t cb_ok = 0, cb_n = 0;
  std::int64_t ces_n = 0;
  double ces_sum = 0;
  std::string label;

  void Csat(int score, bool satisfied) {
    ++csat_n;
    ++sat_n;
    if (score >= 4) ++csat_ok;
    if (satisfied) ++sat_ok;
  }
  void NpsScore(int score) {
    if (score >= 9) {
      ++promoters;
    } else if (score >= 7) {
      ++passives;
    } else {
      ++detractors;
    }
  }
  void Callback(bool ok) {
    ++cb_n;
    ++sat_n;
    if (ok) {
      ++cb_ok;
      ++sat_ok;
    }
  }
  void Rated(bool ok) {  // an agency's satisfaction category: satisfaction only
    ++sat_n;
    if (ok) ++sat_ok;
  }
  Nps MakeNps() const {
    Nps n;
    n.promoters = promoters;
    n.passives = passives;
    n.detractors = detractors;
    n.n = promoters + passives + detractors;
    if (n.n > 0) n.score = 100.0 * double(promoters - detractors) / double(n.n);
    n.promoter_rate = MakeRate(promoters, n.n);
    n.detractor_rate = MakeRate(detractors, n.n);
    return n;
  }
};

std::vector<Group> Groups(const std::map<std::string, Tally>& tallies) {
  std::vector<Group> out;
  for (const auto& [key, t] : tallies) {
    out.push_back({key, t.label, MakeRate(t.sat_ok, t.sat_n), MakeRate(t.csat_ok, t.csat_n), t.MakeNps()});
  }
  // The most rated first; ties by label.
  std::sort(out.begin(), out.end(), [](const Group& a, const Group& b) {
    if (a.satisfaction.n != b.satisfaction.n) return a.satisfaction.n > b.satisfaction.n;
    return a.label < b.label;
  });
  return out;
}

// The keys of the four dimensions of an attribution.
struct Keys {
  std::pair<std::string, std::string> department, staff, channel, category;
};
Keys KeysOf(const Attribution& a) {
  auto id_or = [](const std::optional<Id>& id, const std::string& name) {
    return std::pair{id ? std::to_string(*id) : std::string(), name};
  };
  return {id_or(a.department_id, a.department_name),
          id_or(a.staff_id, a.staff_name),
          {a.channel, a.channel},
          id_or(a.category_id, a.category_name)};
}

}  // namespace

const char* Name(QuestionKind kind) {
  return NameIn(kKinds, kind);
}
const char* Name(Trigger trigger) {
  return NameIn(kTriggers, trigger);
}
const char* Name(Outcome outcome) {
  return NameIn(kOutcomes, outcome);
}
const char* Name(InvitationState state) {
  return NameIn(kStates, state);
}
const char* Name(Source source) {
  return NameIn(kSources, source);
}
std::optional<Source> ParseSource(std::string_view name) {
  return ParseIn(kSources, name);
}
std::optional<QuestionKind> ParseKind(std::string_view name) {
  return ParseIn(kKinds, name);
}
std::optional<Trigger> ParseTrigger(std::string_view name) {
  return ParseIn(kTriggers, name);
}
std::optional<Outcome> ParseOutcome(std::string_view name) {
  return ParseIn(kOutcomes, name);
}

std::optional<std::pair<int, int>> ScaleOf(const Question& q) {
  switch (q.kind) {
    case QuestionKind::kCsat: return std::pair{1, 5};
    case QuestionKind::kNps: return std::pair{0, 10};
    case QuestionKind::kCes: return std::pair{1, 7};
    case QuestionKind::kLikert: return std::pair{1, q.points};
    default: return std::nullopt;
  }
}

Status CheckTemplate(std::string_view name, const Definition& d) {
  Problems p;
  CheckTemplate(name, d, p);
  if (auto e = p.Take()) return *e;
  return {};
}

void CheckTemplate(std::string_view name, const Definition& d, Problems& p) {
  const std::size_t name_len = json::CodePoints(name);
  if (name_len == 0) p.Add("name", Msg("field.required", "is required"));
  if (name_len > 100) p.Add("name", Msg("field.too_long", "must be at most {max} characters", {{"max", "100"}}));
  CheckText(p, "title", d.title, 200);
  // The title is the subject of the survey's mail: one line, so it can never add a header.
  for (const auto& [lang, value] : {std::pair{"zh", &d.title.zh}, std::pair{"en", &d.title.en}}) {
    if (value->find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      p.Add(std::string("title.") + lang, Msg("survey.title_one_line", "must be one line"));
    }
  }
  if (json::CodePoints(d.intro.zh) > 1000 || json::CodePoints(d.intro.en) > 1000) {
    p.Add("intro", Msg("field.too_long", "must be at most {max} characters", {{"max", "1000"}}));
  }
  if (d.questions.empty()) p.Add("questions", Msg("survey.no_questions", "a survey needs at least one question"));
  if (d.questions.size() > kMaxQuestions) {
    p.Add("questions", Msg("survey.too_many_questions", "a survey has at most {max} questions",
                           {{"max", std::to_string(kMaxQuestions)}}));
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < d.questions.size() && i < kMaxQuestions; ++i) {
    const Question& q = d.questions[i];
    const std::string f = "questions[" + std::to_string(i) + "]";
    if (!ValidId(q.id)) {
      p.Add(f + ".id", Msg("survey.bad_question_id", "must be 1 to 40 letters, digits, '_' or '-'"));
    } else if (!ids.insert(q.id).second) {
      p.Add(f + ".id", Msg("survey.duplicate_question_id", "another question has the id {id}", {{"id", q.id}}));
    }
    CheckText(p, f + ".text", q.text, kMaxQuestionText);
    if (IsChoice(q.kind)) {
      if (q.options.size() < 2 || q.options.size() > kMaxOptions) {
        p.Add(f + ".options", Msg("survey.option_count", "a choice question needs 2 to {max} options",
                                  {{"max", std::to_string(kMaxOptions)}}));
      }
      for (std::size_t j = 0; j < q.options.size() && j < kMaxOptions; ++j) {
        CheckText(p, f + ".options[" + std::to_string(j) + "]", q.options[j], 200);
      }
    } else if (!q.options.empty()) {
      p.Add(f + ".options", Msg("survey.options_not_allowed", "only choice questions have options"));
    }
    if (q.kind == QuestionKind::kLikert && q.points != 5 && q.points != 7) {
      p.Add(f + ".points", Msg("survey.likert_points", "a Likert scale has 5 or 7 points"));
    }
  }
}

Result<std::vector<Answer>> CheckAnswers(const Definition& d, const std::vector<Answer>& answers) {
  Problems p;
  std::map<std::string, const Answer*> by_id;
  for (const auto& a : answers) {
    const bool known =
        std::any_of(d.questions.begin(), d.questions.end(), [&](const Question& q) { return q.id == a.question_id; });
    if (!known) {
      p.Add("answers", Msg("survey.unknown_question", "the survey has no question {id}", {{"id", a.question_id}}));
    } else if (!by_id.emplace(a.question_id, &a).second) {
      p.Add("answers." + a.question_id, Msg("survey.answered_twice", "is answered twice"));
    }
  }
  std::vector<Answer> out;
  for (const auto& q : d.questions) {
    const std::string f = "answers." + q.id;
    auto it = by_id.find(q.id);
    const Answer* a = it == by_id.end() ? nullptr : it->second;
    bool empty = !a;
    if (a) {
      switch (q.kind) {
        case QuestionKind::kMultiple: empty = a->choices.empty(); break;
        case QuestionKind::kText: empty = a->body.empty(); break;
        default: empty = !a->score;
      }
    }
    if (empty) {
      if (q.required) p.Add(f, Msg("survey.answer_required", "this question needs an answer"));
      continue;
    }
    Answer clean{.question_id = q.id};
    if (auto scale = ScaleOf(q)) {
      if (*a->score < scale->first || *a->score > scale->second) {
        p.Add(f, Msg("survey.score_range", "must be a score from {min} to {max}",
                     {{"min", std::to_string(scale->first)}, {"max", std::to_string(scale->second)}}));
        continue;
      }
      clean.score = a->score;
    } else if (q.kind == QuestionKind::kSingle) {
      if (*a->score < 0 || *a->score >= static_cast<int>(q.options.size())) {
        p.Add(f, Msg("survey.no_such_option", "is not one of the options"));
        continue;
      }
      clean.score = a->score;
    } else if (q.kind == QuestionKind::kMultiple) {
      std::set<int> seen;
      for (int c : a->choices) {
        if (c < 0 || c >= static_cast<int>(q.options.size()) || !seen.insert(c).second) {
          p.Add(f, Msg("survey.no_such_option", "is not one of the options"));
          break;
        }
      }
      clean.choices.assign(seen.begin(), seen.end());
    } else {
      if (json::CodePoints(a->body) > kMaxAnswerText) {
        p.Add(f, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(kMaxAnswerText)}}));
        continue;
      }
      clean.body = a->body;
    }
    out.push_back(std::move(clean));
  }
  if (auto e = p.Take()) return *e;
  return out;
}

bool Matches(const DispatchRule& rule, Trigger trigger, const TicketFacts& t) {
  if (!rule.active || rule.trigger != trigger) return false;
  if (rule.ticket_type && *rule.ticket_type != t.type) return false;
  if (rule.channel && *rule.channel != t.channel) return false;
  if (rule.category_id && rule.category_id != t.category_id) return false;
  return true;
}

Status CheckRule(const DispatchRule& rule) {
  Problems p;
  constexpr TimeMs kMaxDelay = 30LL * 24 * 3600 * 1000;
  if (rule.delay_ms < 0 || rule.delay_ms > kMaxDelay) {
    p.Add("delay_minutes", Msg("survey.delay_range", "must be between 0 and 30 days"));
  }
  if (rule.quiet_days < 0 || rule.quiet_days > 366) {
    p.Add("quiet_days", Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "0"}, {"max", "366"}}));
  }
  if (rule.valid_days < 1 || rule.valid_days > 366) {
    p.Add("valid_days", Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", "366"}}));
  }
  if (auto e = p.Take()) return *e;
  return {};
}

InvitationState StateOf(const Invitation& inv, TimeMs now) {
  if (inv.answered_at) return InvitationState::kAnswered;
  if (now >= inv.expires_at) return InvitationState::kExpired;
  if (now < inv.send_at) return InvitationState::kPending;
  return InvitationState::kOpen;
}

std::optional<std::string> LowScore(const Settings& s, const Definition& d, const std::vector<Answer>& answers) {
  for (const auto& [kind, low] : {std::pair{QuestionKind::kCsat, s.csat_low}, std::pair{QuestionKind::kNps, s.nps_low},
                                  std::pair{QuestionKind::kCes, s.ces_low}}) {
    if (auto score = ScoreOf(answers, Headline(d, kind)); score && *score <= low) {
      return std::string(Name(kind)) + "=" + std::to_string(*score);
    }
  }
  return std::nullopt;
}

std::optional<bool> CallbackSatisfied(const Settings& s, std::string_view satisfaction) {
  if (satisfaction == "satisfied") return true;
  if (satisfaction == "basically_satisfied") return s.basically_satisfied_counts;
  if (satisfaction == "dissatisfied") return false;
  return std::nullopt;
}

bool CsatSatisfied(const Settings& s, int csat) {
  return csat >= s.csat_satisfied_from;
}

std::vector<MappedRating> SatisfactionMap(const Settings& s) {
  std::vector<MappedRating> out;
  for (const char* rating : {"satisfied", "basically_satisfied", "dissatisfied"}) {
    out.push_back({"callback", rating, *CallbackSatisfied(s, rating)});
  }
  for (int score = 1; score <= 5; ++score) out.push_back({"csat", std::to_string(score), CsatSatisfied(s, score)});
  return out;
}

Headlines HeadlinesOf(const Definition& d, const std::vector<Answer>& answers) {
  return {ScoreOf(answers, Headline(d, QuestionKind::kCsat)), ScoreOf(answers, Headline(d, QuestionKind::kNps)),
          ScoreOf(answers, Headline(d, QuestionKind::kCes))};
}

Status CheckSettings(const Settings& s) {
  Problems p;
  auto range = [&](const char* field, int v, int lo, int hi) {
    if (v < lo || v > hi) {
      p.Add(field, Msg("field.out_of_range", "must be between {min} and {max}",
                       {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}}));
    }
  };
  range("csat_satisfied_from", s.csat_satisfied_from, 1, 5);
  range("csat_low", s.csat_low, 0, 5);
  range("nps_low", s.nps_low, -1, 10);
  range("ces_low", s.ces_low, 0, 7);
  range("follow_up_days", s.follow_up_days, 1, 60);
  range("reminder_days", s.reminder_days, 0, 30);
  if (auto e = p.Take()) return *e;
  return {};
}

SurveyMail MailOf(const Definition& d, const std::string& link, bool reminder, const std::string& expires) {
  SurveyMail m;
  // One line: the subject is a header (a template's title never holds a line break, CheckTemplate
  // refuses one; the mailer refuses it again).
  m.subject = (reminder ? "提醒：" : "") + d.title.zh + " / " + (reminder ? "Reminder: " : "") + d.title.en;
  m.body = "您好！\n\n" + (d.intro.zh.empty() ? "" : d.intro.zh + "\n\n") +
           (reminder ? "您尚未填写本次服务的满意度调查，" : "") + "请通过以下链接告诉我们您的评价（" + expires +
           " 前有效，仅可提交一次）：\n" + link + "\n\n" + (reminder ? "此链接取代此前邮件中的链接。\n\n" : "") +
           "----\n\nHello,\n\n" + (d.intro.en.empty() ? "" : d.intro.en + "\n\n") +
           (reminder ? "You have not answered our survey about your request yet. " : "") +
           "Please tell us what you thought through this link (valid until " + expires + ", one answer):\n" + link +
           "\n" + (reminder ? "\nThis link replaces the one in our earlier mail.\n" : "");
  return m;
}

Rate MakeRate(std::int64_t successes, std::int64_t n) {
  Rate r{.successes = successes, .n = n, .small_sample = n < kSmallSample};
  if (n > 0) {
    if (auto i = stats::WilsonInterval(successes, n, 0.95); i.ok()) r.interval = *i;
  }
  return r;
}

Results Summarize(const Settings& s, std::span<const AnsweredSurvey> invitations,
                  std::span<const CallbackRating> callbacks, const Definition* questions_of,
                  std::span<const AgencyAnswer> agency) {
  Results r;
  Tally all;
  std::map<std::string, Tally> dept, staff, channel, category;
  auto each_group = [&](const Attribution& a, auto&& fn) {
    const Keys k = KeysOf(a);
    for (auto [map, key] : {std::pair{&dept, &k.department}, std::pair{&staff, &k.staff},
                            std::pair{&channel, &k.channel}, std::pair{&category, &k.category}}) {
      if (key->first.empty()) continue;
      Tally& t = (*map)[key->first];
      t.label = key->second;
      fn(t);
    }
  };
  std::map<std::string, std::map<int, std::int64_t>> dist;
  std::map<std::string, std::int64_t> answered;
  std::map<std::string, std::vector<std::pair<TimeMs, std::string>>> texts;
  std::int64_t responses = 0;
  for (const auto& inv : invitations) {
    ++r.invitations;
    if (!inv.invitation.answered_at || !inv.definition) continue;
    ++responses;
    const Definition& d = *inv.definition;
    const Headlines h = HeadlinesOf(d, inv.answers);
    const auto& csat = h.csat;
    const auto& nps = h.nps;
    const auto& ces = h.ces;
    auto add = [&](Tally& t) {
      if (csat) t.Csat(*csat, CsatSatisfied(s, *csat));
      if (nps) t.NpsScore(*nps);
      if (ces) {
        ++t.ces_n;
        t.ces_sum += *ces;
      }
    };
    add(all);
    each_group(inv.invitation.attribution, add);
    for (const auto& a : inv.answers) {
      ++answered[a.question_id];
      if (a.score) ++dist[a.question_id][*a.score];
      for (int c : a.choices) ++dist[a.question_id][c];
      if (!a.body.empty()) texts[a.question_id].emplace_back(*inv.invitation.answered_at, a.body);
    }
  }
  for (const auto& c : callbacks) {
    const auto ok = CallbackSatisfied(s, c.satisfaction);
    if (!ok) continue;
    all.Callback(*ok);
    each_group(c.attribution, [&](Tally& t) { t.Callback(*ok); });
  }
  for (const auto& a : agency) {
    ++r.agency_answers;
    const std::optional<bool> rated = a.csat           ? std::nullopt
                                      : a.satisfaction ? CallbackSatisfied(s, *a.satisfaction)
                                                       : std::nullopt;
    auto add = [&](Tally& t) {
      if (a.csat) t.Csat(*a.csat, CsatSatisfied(s, *a.csat));
      if (a.nps) t.NpsScore(*a.nps);
      if (rated) t.Rated(*rated);
    };
    add(all);
    each_group(a.attribution, add);
  }
  r.response_rate = MakeRate(responses, r.invitations);
  r.csat = MakeRate(all.csat_ok, all.csat_n);
  r.nps = all.MakeNps();
  r.ces = {all.ces_n, all.ces_n ? std::optional<double>(all.ces_sum / double(all.ces_n)) : std::nullopt};
  r.callback = MakeRate(all.cb_ok, all.cb_n);
  r.satisfaction = MakeRate(all.sat_ok, all.sat_n);
  if (questions_of) {
    for (const auto& q : questions_of->questions) {
      QuestionResult qr{.question = q, .answered = answered[q.id]};
      if (auto scale = ScaleOf(q)) {
        for (int v = scale->first; v <= scale->second; ++v) qr.distribution.emplace_back(v, dist[q.id][v]);
      } else if (q.kind != QuestionKind::kText) {
        for (int v = 0; v < static_cast<int>(q.options.size()); ++v) qr.distribution.emplace_back(v, dist[q.id][v]);
      }
      auto& t = texts[q.id];
      std::stable_sort(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (std::size_t i = 0; i < t.size() && i < kMaxTexts; ++i) qr.texts.push_back(t[i].second);
      r.questions.push_back(std::move(qr));
    }
  }
  r.by_department = Groups(dept);
  r.by_staff = Groups(staff);
  r.by_channel = Groups(channel);
  r.by_category = Groups(category);
  return r;
}

}  // namespace sqm::feedback
