#include "feedback/service.h"

#include <algorithm>
#include <set>

#include "base/crypto.h"
#include "base/json.h"
#include "base/text.h"
#include "desk/repo/catalogue.h"
#include "desk/repo/like.h"
#include "desk/repo/tickets.h"
#include "feedback/json.h"
#include "org/repo.h"
#include "org/rules.h"

namespace sqm::feedback {

using storage::Connection;
using storage::WriteTx;
namespace bj = boost::json;

namespace {

constexpr TimeMs kDay = 24LL * 3600 * 1000;
// 24 random bytes: 192 bits, 32 URL-safe characters.
constexpr std::size_t kTokenBytes = 24;
constexpr std::size_t kTokenChars = 32;
// Results read at most this many invitations of a period.
constexpr int kMaxResultRows = 200'000;

Error TemplateNotFound(Id id) {
  return Error::NotFound(
      Msg("survey.template_not_found", "survey template {id} does not exist", {{"id", std::to_string(id)}}));
}

Error AlreadyAnswered() {
  return Error::Conflict(
      Msg("survey.already_answered", "this survey has already been answered; thank you for your feedback"));
}

Error NameTaken(const std::string& name) {
  return Error::Conflict(Msg("survey.name_taken", "another template is named {name}", {{"name", name}}), "name");
}

Error UnknownLink() {
  return Error::NotFound(Msg("survey.unknown_link", "this survey link is not valid"));
}

// An attribution is in scope when the caller sees its department (or it has none: the intake
// queue, which every holder of the permission sees).
bool InScope(const org::Principal& who, const std::optional<Id>& department) {
  return !department || who.scope.Contains(department);
}

// The caller's scope for the repo's queries (rows without a department are everyone's).
repo::Departments ScopeOf(const org::Principal& who) {
  if (who.scope.all) return std::nullopt;
  return std::vector<Id>(who.scope.departments.begin(), who.scope.departments.end());
}

// Who a rating is about: the resolver and their department when the ticket was resolved (as the
// assessment facts charge it), else the ticket's department and handler now.
Attribution AttributionOf(Connection& db, const desk::Ticket& t) {
  Attribution a{t.department_id,       t.department_name, t.assignee_id,  t.assignee_name,
                desk::Name(t.channel), t.category_id,     t.category_name};
  if (t.resolved_by && t.resolved_by != t.assignee_id) {
    if (auto s = org::repo::FindStaff(db, *t.resolved_by)) {
      a.staff_id = s->id;
      a.staff_name = s->display_name;
    }
  }
  if (t.resolved_department_id && t.resolved_department_id != t.department_id) {
    if (auto d = org::repo::FindDepartment(db, *t.resolved_department_id)) {
      a.department_id = d->id;
      a.department_name = d->name;
    }
  }
  return a;
}

bool WellFormedToken(const std::string& token) {
  return token.size() == kTokenChars && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

}  // namespace

Status PublicLimiter::Admit(const std::string& address) {
  constexpr TimeMs kMinute = 60'000;
  const TimeMs now = clock_.Now();
  std::lock_guard lock(mu_);
  if (now - window_ >= kMinute || now < window_) {
    window_ = now - now % kMinute;
    counts_.clear();
  }
  if (++counts_[address] > per_minute_) {
    const int retry = static_cast<int>((window_ + kMinute - now + 999) / 1000);
    return Error::TooManyRequests(Msg("survey.too_many_requests", "too many requests; try again in a minute"),
                                  std::max(retry, 1));
  }
  return {};
}

Service::Service(storage::Database& db, const Clock& clock, calendar::Zone zone)
    : db_(db), clock_(clock), zone_(std::move(zone)) {}

// ---- templates ----

Result<std::vector<Template>> Service::ListTemplates() {
  return db_.Read([](Connection& db) -> Result<std::vector<Template>> { return repo::ListTemplates(db); });
}

Result<Template> Service::GetTemplate(Id id, std::optional<int> version) {
  return db_.Read([&](Connection& db) -> Result<Template> {
    auto t = repo::FindTemplate(db, id, version);
    if (!t) {
      if (version && repo::FindTemplate(db, id)) {
        return Error::Invalid("version", Msg("survey.no_such_version", "the template has no such version"));
      }
      return TemplateNotFound(id);
    }
    return *t;
  });
}

Result<Template> Service::CreateTemplate(const org::Principal& who, const std::string& name, const Definition& d) {
  SQM_TRY(CheckTemplate(name, d));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Template> {
    if (repo::TemplateNameTaken(tx.db(), name, std::nullopt)) {
      return NameTaken(name);
    }
    SQM_ASSIGN(const Id id,
               repo::InsertTemplate(tx.db(), name, json::Serialize(DefinitionJson(d)), who.staff_id, tx.now()));
    tx.Append("survey_template", std::to_string(id), "survey.template_created", {{"name", name}, {"version", 1}});
    return *repo::FindTemplate(tx.db(), id);
  });
}

Result<Template> Service::UpdateTemplate(const org::Principal& who, Id id, const std::string& name, const Definition& d,
                                         std::optional<bool> active) {
  SQM_TRY(CheckTemplate(name, d));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Template> {
    auto& db = tx.db();
    auto current = repo::FindTemplate(db, id);
    if (!current) return TemplateNotFound(id);
    if (repo::TemplateNameTaken(db, name, id)) {
      return NameTaken(name);
    }
    const std::string text = json::Serialize(DefinitionJson(d));
    int version = current->version;
    if (text != json::Serialize(DefinitionJson(current->definition))) {
      ++version;
      SQM_TRY(repo::InsertVersion(db, id, version, text, who.staff_id, tx.now()));
    }
    SQM_TRY(repo::UpdateTemplate(db, id, name, version, active.value_or(current->active), tx.now()));
    tx.Append("survey_template", std::to_string(id), "survey.template_updated",
              {{"name", name}, {"version", version}, {"active", active.value_or(current->active)}});
    return *repo::FindTemplate(db, id);
  });
}

// ---- dispatch rules ----

Result<std::vector<DispatchRule>> Service::ListRules() {
  return db_.Read([](Connection& db) -> Result<std::vector<DispatchRule>> { return repo::ListRules(db, false); });
}

Result<DispatchRule> Service::CreateRule(const org::Principal& who, DispatchRule rule) {
  SQM_TRY(CheckRule(rule));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<DispatchRule> {
    if (!repo::FindTemplate(tx.db(), rule.template_id)) {
      return Error::Invalid("template_id", Msg("survey.template_not_found", "survey template {id} does not exist",
                                               {{"id", std::to_string(rule.template_id)}}));
    }
    rule.created_at = tx.now();
    rule.active = true;
    SQM_ASSIGN(const Id id, repo::InsertRule(tx.db(), rule));
    tx.Append("survey_rule", std::to_string(id), "survey.rule_created",
              {{"template_id", rule.template_id}, {"trigger", Name(rule.trigger)}});
    return *repo::FindRule(tx.db(), id);
  });
}

Status Service::DeactivateRule(const org::Principal& who, Id id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Status {
    if (!repo::FindRule(tx.db(), id)) {
      return Error::NotFound(
          Msg("survey.rule_not_found", "dispatch rule {id} does not exist", {{"id", std::to_string(id)}}));
    }
    SQM_TRY(repo::SetRuleActive(tx.db(), id, false));
    tx.Append("survey_rule", std::to_string(id), "survey.rule_deactivated", {});
    return {};
  });
}

// ---- settings ----

Settings Service::SettingsIn(Connection& db) {
  auto text = repo::LoadSettings(db);
  if (!text) return {};
  auto v = json::Parse(*text);
  if (!v.ok()) return {};
  auto s = ReadSettings(*v, Settings{});
  return s.ok() ? *s : Settings{};
}

Status Service::Prepare() {
  constexpr int kBatch = 500;
  SQM_TRY(db_.Write("system", [&](WriteTx& tx) -> Status {
    return repo::SaveSatisfactionMap(tx.db(), SatisfactionMap(SettingsIn(tx.db())));
  }));
  for (;;) {
    SQM_ASSIGN(const std::size_t scored, db_.Write("system", [&](WriteTx& tx) -> Result<std::size_t> {
      auto& db = tx.db();
      const auto ids = repo::UnscoredInvitations(db, kBatch);
      std::vector<std::pair<Id, Answer>> answers = repo::AnswersOf(db, ids);
      for (Id id : ids) {
        auto inv = repo::FindInvitation(db, id);
        auto tmpl = inv ? repo::FindTemplate(db, inv->template_id, inv->version) : std::nullopt;
        std::vector<Answer> mine;
        for (const auto& [of, a] : answers) {
          if (of == id) mine.push_back(a);
        }
        SQM_TRY(repo::SetHeadlines(db, id, tmpl ? HeadlinesOf(tmpl->definition, mine) : Headlines{}));
      }
      return ids.size();
    }));
    if (scored < static_cast<std::size_t>(kBatch)) return {};
  }
}

Result<Settings> Service::GetSettings() {
  return db_.Read([this](Connection& db) -> Result<Settings> { return SettingsIn(db); });
}

Result<Settings> Service::SaveSettings(const org::Principal& who, const Settings& s) {
  SQM_TRY(CheckSettings(s));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Settings> {
    SQM_TRY(repo::SaveSettings(tx.db(), json::Serialize(SettingsJson(s)), tx.now()));
    SQM_TRY(repo::SaveSatisfactionMap(tx.db(), SatisfactionMap(s)));
    tx.Append("survey_settings", "1", "survey.settings_saved", SettingsJson(s));
    return s;
  });
}

// ---- the desk's hook ----

Status Service::OnTicketAction(WriteTx& tx, const desk::Ticket& t, const desk::ActionInput& in) {
  auto& db = tx.db();
  const TimeMs now = tx.now();
  if (in.action == desk::Action::kCallback && in.satisfaction && *in.satisfaction != desk::Satisfaction::kNotRated) {
    const std::string rating = desk::Name(*in.satisfaction);
    SQM_TRY(repo::InsertCallbackRating(db, {t.id, rating, AttributionOf(db, t), now}));
    const Settings s = SettingsIn(db);
    if (s.callback_dissatisfied_opens && CallbackSatisfied(s, rating) == false) {
      SQM_TRY(OpenFollowUp(tx, t, std::nullopt, "callback", "callback=" + rating));
    }
    return {};
  }
  std::optional<Trigger> trigger;
  if (in.action == desk::Action::kResolve) trigger = Trigger::kResolved;
  if (in.action == desk::Action::kClose) trigger = Trigger::kClosed;
  if (!trigger) return {};
  TicketFacts facts{t.id,          t.number, desk::Name(t.type),  desk::Name(t.channel), t.category_id,
                    t.customer_id, {},       AttributionOf(db, t)};
  const auto rules = repo::ListRules(db, true);
  const auto rule =
      std::find_if(rules.begin(), rules.end(), [&](const DispatchRule& r) { return Matches(r, *trigger, facts); });
  if (rule == rules.end()) return {};
  // One survey per ticket; at most one per customer per quiet_days.
  if (!repo::ListInvitations(db, {.ticket_id = t.id, .limit = 1}).empty()) return {};
  if (t.customer_id && rule->quiet_days > 0) {
    if (auto last = repo::LastInvitedAt(db, *t.customer_id); last && now - *last < rule->quiet_days * kDay) return {};
  }
  auto tmpl = repo::FindTemplate(db, rule->template_id);
  if (!tmpl || !tmpl->active) return {};
  if (t.customer_id) {
    if (auto c = desk::repo::FindCustomer(db, *t.customer_id)) facts.customer_email = c->email;
  }
  Invitation inv{.template_id = tmpl->id,
                 .version = tmpl->version,
                 .rule_id = rule->id,
                 .ticket_id = t.id,
                 .ticket_number = t.number,
                 .ticket_type = facts.type,
                 .customer_id = t.customer_id,
                 .customer_email = facts.customer_email,
                 .attribution = facts.attribution,
                 .created_at = now,
                 .send_at = now + rule->delay_ms,
                 .expires_at = now + rule->delay_ms + rule->valid_days * kDay};
  SQM_ASSIGN(const Id id, repo::InsertInvitation(db, inv));
  tx.Append("survey", std::to_string(id), "survey.invited",
            {{"ticket_id", t.id}, {"template_id", tmpl->id}, {"version", tmpl->version}, {"rule_id", rule->id}});
  return {};
}

Status Service::OpenFollowUp(WriteTx& tx, const desk::Ticket& t, std::optional<Id> invitation_id, std::string source,
                             std::string reason) {
  auto& db = tx.db();
  const Settings s = SettingsIn(db);
  FollowUp f{.ticket_id = t.id,
             .ticket_number = t.number,
             .invitation_id = invitation_id,
             .source = std::move(source),
             .reason = std::move(reason),
             .department_id = t.department_id,
             .deadline_at = tx.now() + s.follow_up_days * kDay,
             .created_at = tx.now()};
  // The owner: the department's first manager, else whoever handled the ticket.
  if (t.department_id) {
    auto managers = org::repo::ManagersOf(db, *t.department_id);
    if (!managers.empty()) f.owner_id = *std::min_element(managers.begin(), managers.end());
  }
  if (!f.owner_id) f.owner_id = t.assignee_id;
  SQM_ASSIGN(const Id id, repo::InsertFollowUp(db, f));
  tx.Append("survey_followup", std::to_string(id), "survey.followup_opened",
            {{"ticket_id", t.id}, {"reason", f.reason}, {"owner_id", f.owner_id ? bj::value(*f.owner_id) : nullptr}});
  return {};
}

// ---- invitations ----

Result<std::vector<Invitation>> Service::ListInvitations(const org::Principal& who, repo::InvitationQuery q) {
  return db_.Read([&](Connection& db) -> Result<std::vector<Invitation>> {
    q.departments = ScopeOf(who);
    return repo::ListInvitations(db, q);
  });
}

Result<IssuedLink> Service::IssueLink(const org::Principal& who, Id invitation_id) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<IssuedLink> {
    auto inv = repo::FindInvitation(tx.db(), invitation_id);
    if (!inv || !InScope(who, inv->attribution.department_id)) {
      return Error::NotFound(Msg("survey.invitation_not_found", "survey invitation {id} does not exist",
                                 {{"id", std::to_string(invitation_id)}}));
    }
    if (StateOf(*inv, tx.now()) == InvitationState::kAnswered || StateOf(*inv, tx.now()) == InvitationState::kExpired) {
      return Error::Conflict(Msg("survey.link_closed", "this survey can no longer be answered"));
    }
    std::string token = crypto::RandomToken(kTokenBytes);
    SQM_TRY(repo::SetTokenHash(tx.db(), inv->id, crypto::Sha256Hex(token)));
    tx.Append("survey", std::to_string(inv->id), "survey.link_issued", {{"ticket_id", inv->ticket_id}});
    inv->has_link = true;
    return IssuedLink{*inv, token, "/answer.html#t=" + token};
  });
}

// ---- e-mail ----

Result<std::vector<OutgoingMail>> Service::ClaimMail(const std::string& base_url, int limit) {
  return db_.Write("system", [&](WriteTx& tx) -> Result<std::vector<OutgoingMail>> {
    auto& db = tx.db();
    const Settings s = SettingsIn(db);
    std::vector<std::pair<Id, bool>> due;
    for (Id id : repo::DueMail(db, tx.now(), kMaxMailAttempts, limit)) due.emplace_back(id, false);
    if (s.reminder_days > 0 && static_cast<int>(due.size()) < limit) {
      for (Id id : repo::DueReminders(db, tx.now(), tx.now() - s.reminder_days * kDay, kMaxMailAttempts,
                                      limit - static_cast<int>(due.size()))) {
        due.emplace_back(id, true);
      }
    }
    std::vector<OutgoingMail> out;
    for (const auto& [id, reminder] : due) {
      SQM_ASSIGN(const bool mine, repo::ClaimMail(db, id, reminder, tx.now()));
      if (!mine) continue;
      auto inv = repo::FindInvitation(db, id);
      auto tmpl = inv ? repo::FindTemplate(db, inv->template_id, inv->version) : std::nullopt;
      if (!tmpl) continue;
      const std::string token = crypto::RandomToken(kTokenBytes);
      SQM_TRY(repo::SetTokenHash(db, id, crypto::Sha256Hex(token)));
      out.push_back(
          {id, reminder, inv->customer_email,
           MailOf(tmpl->definition, base_url + "/answer.html#t=" + token, reminder, FormatIsoUtc(inv->expires_at))});
    }
    return out;
  });
}

Status Service::MailSent(const OutgoingMail& m) {
  return db_.Write("system", [&](WriteTx& tx) -> Status {
    tx.Append("survey", std::to_string(m.invitation_id), m.reminder ? "survey.reminded" : "survey.mailed", {});
    return {};
  });
}

Status Service::MailFailed(const OutgoingMail& m, const Error& e) {
  return db_.Write("system", [&](WriteTx& tx) -> Status {
    SQM_TRY(repo::MailFailed(tx.db(), m.invitation_id, m.reminder, e.message));
    tx.Append("survey", std::to_string(m.invitation_id), "survey.mail_failed",
              {{"reminder", m.reminder}, {"reason", e.message}});
    return {};
  });
}

// ---- the public answer page ----

Result<PublicSurvey> Service::Open(const std::string& token) {
  if (!WellFormedToken(token)) return UnknownLink();
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) -> Result<PublicSurvey> {
    auto inv = repo::FindInvitationByTokenHash(db, crypto::Sha256Hex(token));
    if (!inv) return UnknownLink();
    PublicSurvey out{.state = StateOf(*inv, now), .ticket_number = inv->ticket_number, .expires_at = inv->expires_at};
    // A link issued before the survey is due may be answered already.
    if (out.state == InvitationState::kPending) out.state = InvitationState::kOpen;
    if (out.state == InvitationState::kOpen) {
      if (auto t = repo::FindTemplate(db, inv->template_id, inv->version)) out.definition = t->definition;
    }
    return out;
  });
}

Status Service::SubmitAnswers(const std::string& token, const std::vector<Answer>& answers) {
  if (!WellFormedToken(token)) return UnknownLink();
  return db_.Write("customer", [&](WriteTx& tx) -> Status {
    auto& db = tx.db();
    auto inv = repo::FindInvitationByTokenHash(db, crypto::Sha256Hex(token));
    if (!inv) return UnknownLink();
    const InvitationState state = StateOf(*inv, tx.now());
    if (state == InvitationState::kAnswered) {
      return AlreadyAnswered();
    }
    if (state == InvitationState::kExpired) {
      return Error::Conflict(Msg("survey.expired", "this survey link has expired"));
    }
    auto tmpl = repo::FindTemplate(db, inv->template_id, inv->version);
    if (!tmpl) return UnknownLink();
    SQM_ASSIGN(const auto clean, CheckAnswers(tmpl->definition, answers));
    SQM_ASSIGN(const bool first, repo::MarkAnswered(db, inv->id, tx.now()));
    if (!first) {
      return AlreadyAnswered();
    }
    for (const auto& a : clean) {
      const auto q = std::find_if(tmpl->definition.questions.begin(), tmpl->definition.questions.end(),
                                  [&](const Question& x) { return x.id == a.question_id; });
      SQM_TRY(repo::InsertAnswer(db, inv->id, *q, a));
    }
    SQM_TRY(repo::SetHeadlines(db, inv->id, HeadlinesOf(tmpl->definition, clean)));
    tx.Append("survey", std::to_string(inv->id), "survey.answered",
              {{"ticket_id", inv->ticket_id}, {"answers", static_cast<std::int64_t>(clean.size())}});
    if (auto low = LowScore(SettingsIn(db), tmpl->definition, clean)) {
      desk::Ticket t;
      t.id = inv->ticket_id;
      t.number = inv->ticket_number;
      t.department_id = inv->attribution.department_id;
      t.assignee_id = inv->attribution.staff_id;
      SQM_TRY(OpenFollowUp(tx, t, inv->id, "survey", *low));
    }
    return {};
  });
}

// ---- campaigns ----

Result<Service::Drawn> Service::DrawCampaign(Connection& db, const CampaignDraft& d, Problems p) {
  auto tmpl = repo::FindTemplate(db, d.template_id);
  if (!tmpl) {
    p.Add("template_id", Msg("survey.template_not_found", "survey template {id} does not exist",
                             {{"id", std::to_string(d.template_id)}}));
  } else if (!tmpl->active) {
    p.Add("template_id", Msg("survey.template_inactive", "this template is not active"));
  }
  if (d.filter.to <= d.filter.from) p.Add("to", Msg("survey.range_empty", "must be after from"));
  if (d.valid_days < 1 || d.valid_days > 366) {
    p.Add("valid_days", Msg("field.out_of_range", "must be between {min} and {max}", {{"min", "1"}, {"max", "366"}}));
  }
  if (d.seed && *d.seed > kMaxSeed) {
    p.Add("seed", Msg("field.out_of_range", "must be between {min} and {max}",
                      {{"min", "0"}, {"max", std::to_string(kMaxSeed)}}));
  }
  const auto children = org::repo::DepartmentChildren(db);
  for (std::size_t i = 0; i < d.filter.department_ids.size(); ++i) {
    if (!org::repo::FindDepartment(db, d.filter.department_ids[i])) {
      p.Add("department_ids[" + std::to_string(i) + "]", Msg("survey.no_such_department", "no such department"));
    }
  }
  // The calculator's own checks name their fields too, so one answer lists every problem.
  if (auto n = stats::SampleSize({.margin = d.question.margin,
                                  .confidence = d.question.confidence,
                                  .population = std::nullopt,
                                  .proportion = d.question.proportion});
      !n.ok()) {
    p.Add(n.error());
  }
  if (auto e = p.Take()) return *e;
  std::vector<Id> departments;
  if (!d.filter.department_ids.empty()) {
    for (Id id : org::Subtree(d.filter.department_ids, children)) departments.push_back(id);
  }
  Drawn out{.tmpl = *tmpl, .population = repo::Population(db, d.filter, departments)};
  SQM_ASSIGN(out.plan, PlanSample(out.population, d.stratify_by, d.question));
  out.seed = d.seed ? *d.seed : sampling::RandomSeed();
  return out;
}

Result<CampaignPreview> Service::PreviewCampaign(const CampaignDraft& draft) {
  return db_.Read([&](Connection& db) -> Result<CampaignPreview> {
    SQM_ASSIGN(auto drawn, DrawCampaign(db, draft, {}));
    CampaignPreview out{.plan = drawn.plan, .seed = drawn.seed};
    for (const auto& m : Draw(drawn.population, drawn.plan, drawn.seed)) {
      ++out.drawn;
      if (!m.customer_email.empty()) ++out.with_email;
    }
    return out;
  });
}

Result<Campaign> Service::CreateCampaign(const org::Principal& who, const CampaignDraft& draft) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Campaign> {
    auto& db = tx.db();
    Problems p;
    if (draft.name.empty()) p.Add("name", Msg("field.empty", "must not be empty"));
    if (repo::CampaignNameTaken(db, draft.name)) {
      p.Add(Error::Conflict(
          Msg("survey.campaign_name_taken", "another campaign is named {name}", {{"name", draft.name}}), "name"));
    }
    SQM_ASSIGN(auto drawn, DrawCampaign(db, draft, std::move(p)));
    Campaign c{.name = draft.name,
               .template_id = drawn.tmpl.id,
               .version = drawn.tmpl.version,
               .filter = draft.filter,
               .stratify_by = draft.stratify_by,
               .question = draft.question,
               .seed = drawn.seed,
               .population = drawn.plan.population,
               .sample_size = drawn.plan.sample_size,
               .strata = drawn.plan.strata,
               .send_at = draft.send_at.value_or(tx.now()),
               .valid_days = draft.valid_days,
               .created_at = tx.now()};
    SQM_ASSIGN(c.id, repo::InsertCampaign(db, c, who.staff_id));
    const auto sample = Draw(drawn.population, drawn.plan, drawn.seed);
    tx.Append("survey_campaign", std::to_string(c.id), "survey.campaign_created",
              {{"name", c.name},
               {"template_id", c.template_id},
               {"version", c.version},
               {"stratify_by", Name(c.stratify_by)},
               {"seed", static_cast<std::int64_t>(c.seed)},
               {"population", c.population},
               {"sample_size", c.sample_size},
               {"invited", static_cast<std::int64_t>(sample.size())},
               {"strata", StrataJson(c.strata)}});
    for (const auto& m : sample) {
      auto t = desk::repo::FindTicket(db, m.ticket_id);
      if (!t) continue;
      Invitation inv{.template_id = c.template_id,
                     .version = c.version,
                     .ticket_id = t->id,
                     .ticket_number = t->number,
                     .ticket_type = desk::Name(t->type),
                     .customer_id = m.customer_id,
                     .customer_email = m.customer_email,
                     .attribution = AttributionOf(db, *t),
                     .created_at = tx.now(),
                     .send_at = c.send_at,
                     .expires_at = c.send_at + c.valid_days * kDay,
                     .campaign_id = c.id,
                     .stratum = StratumKey(m, c.stratify_by)};
      SQM_ASSIGN(const Id id, repo::InsertInvitation(db, inv));
      tx.Append("survey", std::to_string(id), "survey.invited",
                {{"ticket_id", t->id}, {"template_id", c.template_id}, {"version", c.version}, {"campaign_id", c.id}});
    }
    return c;
  });
}

Result<std::vector<Campaign>> Service::ListCampaigns() {
  return db_.Read([](Connection& db) -> Result<std::vector<Campaign>> { return repo::ListCampaigns(db); });
}

Result<CampaignProgress> Service::GetCampaignProgress(Id id) {
  const TimeMs now = clock_.Now();
  return db_.Read([&](Connection& db) -> Result<CampaignProgress> {
    auto c = repo::FindCampaign(db, id);
    if (!c) {
      return Error::NotFound(
          Msg("survey.campaign_not_found", "survey campaign {id} does not exist", {{"id", std::to_string(id)}}));
    }
    return ProgressOf(*c, repo::CampaignCounts(db, id, now));
  });
}

// ---- results and recovery ----

Result<Service::ResultInputs> Service::LoadResults(Connection& db, const org::Principal& who, const ResultsQuery& q) {
  ResultInputs in;
  if (q.template_id) {
    in.asked = repo::FindTemplate(db, *q.template_id);
    if (!in.asked) return TemplateNotFound(*q.template_id);
  }
  const bool all_sources = !q.source && !q.campaign_id;
  if (!q.source || *q.source == Source::kLink) {
    auto invitations = repo::ListInvitations(db, {.departments = ScopeOf(who),
                                                  .template_id = q.template_id,
                                                  .campaign_id = q.campaign_id,
                                                  .from = q.from,
                                                  .to = q.to,
                                                  .limit = kMaxResultRows});
    std::vector<Id> answered;
    for (const auto& i : invitations) {
      if (i.answered_at) answered.push_back(i.id);
    }
    std::map<Id, std::vector<Answer>> answers;
    for (auto& [id, a] : repo::AnswersOf(db, answered)) answers[id].push_back(std::move(a));
    in.surveys.reserve(invitations.size());
    for (auto& i : invitations) {
      const auto key = std::pair{i.template_id, i.version};
      if (!in.definitions.contains(key)) {
        auto t = repo::FindTemplate(db, i.template_id, i.version);
        in.definitions[key] = t ? t->definition : Definition{};
      }
      AnsweredSurvey a{.invitation = std::move(i), .definition = &in.definitions[key]};
      if (auto it = answers.find(a.invitation.id); it != answers.end()) a.answers = std::move(it->second);
      in.surveys.push_back(std::move(a));
    }
  }
  // A campaign asks about its surveys: callbacks and agency answers have none. A template keeps
  // the callbacks, as it always has, but not the agency answers: they answered no template.
  if (all_sources || q.source == Source::kCallback) {
    in.callbacks = repo::CallbackRatings(db, ScopeOf(who), q.from, q.to);
  }
  if ((all_sources || q.source == Source::kAgency) && !q.template_id) {
    in.agency = repo::AgencyAnswers(db, ScopeOf(who), q.from, q.to);
  }
  return in;
}

Result<Results> Service::GetResults(const org::Principal& who, const ResultsQuery& q) {
  return db_.Read([&](Connection& db) -> Result<Results> {
    const Settings s = SettingsIn(db);
    SQM_ASSIGN(auto in, LoadResults(db, who, q));
    return Summarize(s, in.surveys, in.callbacks, in.asked ? &in.asked->definition : nullptr, in.agency);
  });
}

Result<std::vector<TrendPoint>> Service::GetTrend(const org::Principal& who, const ResultsQuery& q,
                                                  TrendBucket bucket) {
  return db_.Read([&](Connection& db) -> Result<std::vector<TrendPoint>> {
    const Settings s = SettingsIn(db);
    SQM_ASSIGN(auto in, LoadResults(db, who, q));
    const auto start = [&](TimeMs t) {
      return bucket == TrendBucket::kWeek ? zone_.StartOfWeek(t) : zone_.StartOfMonth(t);
    };
    struct Bucket {
      std::vector<AnsweredSurvey> surveys;
      std::vector<CallbackRating> callbacks;
      std::vector<AgencyAnswer> agency;
    };
    std::map<TimeMs, Bucket> buckets;
    for (auto& x : in.surveys) buckets[start(x.invitation.send_at)].surveys.push_back(std::move(x));
    for (auto& x : in.callbacks) buckets[start(x.rated_at)].callbacks.push_back(std::move(x));
    for (auto& x : in.agency) buckets[start(x.surveyed_at)].agency.push_back(std::move(x));
    std::vector<TrendPoint> out;
    for (const auto& [at, b] : buckets) {
      const Results r = Summarize(s, b.surveys, b.callbacks, nullptr, b.agency);
      out.push_back({at, r.invitations, r.response_rate, r.csat, r.nps, r.satisfaction});
    }
    return out;
  });
}

// ---- external agencies ----

Result<AgencyImport> Service::ImportAgency(const org::Principal& who, desk::import::Format format,
                                           desk::import::Input data, const std::string& filename) {
  // Read twice, no row kept: first every row is checked, then, only if none had a problem, read
  // again in the transaction, each row resolved and written as it comes (a file of 50 MiB is
  // never held whole, and the file does not change between the readings).
  const TimeMs now = clock_.Now();
  AgencyFile file = ReadAgencyFile(format, data, zone_, now, {}, [](AgencyRow&) { return true; });
  AgencyImport out;
  const auto add = [&](desk::import::RowError e) {
    ++out.error_count;
    if (out.errors.size() < 1000) out.errors.push_back(std::move(e));
  };
  out.errors = std::move(file.errors);
  out.error_count = file.error_count;
  out.rows = file.good_rows;
  if (!out.ok()) return out;
  const std::string sha = desk::import::Sha256Hex(data);
  auto written = db_.Write(who.username, [&](WriteTx& tx) -> Result<AgencyImport> {
    auto& db = tx.db();
    SQM_ASSIGN(out.import_id, repo::InsertAgencyImport(db, filename, sha, out.rows, who.staff_id, tx.now()));
    Status failed;
    AgencyFile again = ReadAgencyFile(format, data, zone_, now, {}, [&](AgencyRow& row) {
      AgencyAnswer a{.line = row.line,
                     .agency = row.agency,
                     .surveyed_at = row.surveyed_at,
                     .csat = row.csat,
                     .satisfaction = row.satisfaction,
                     .nps = row.nps,
                     .body = std::move(row.body)};
      if (row.ticket_id) {
        auto t = desk::repo::FindTicket(db, *row.ticket_id);
        if (!t || !InScope(who, t->department_id)) {
          add({row.line, row.ticket_column,
               Msg("agency.unknown_ticket", "there is no ticket {number} (or it is outside your departments)",
                   {{"number", desk::TicketNumber(*row.ticket_id)}})});
          return true;
        }
        a.ticket_id = t->id;
        a.ticket_number = t->number;
        a.attribution = AttributionOf(db, *t);
      } else {
        auto d = repo::DepartmentByCode(db, row.department_code);
        if (!d || !InScope(who, d->first)) {
          add({row.line, row.department_column,
               Msg("agency.unknown_department",
                   "there is no active department with the code '{value}' (or it is outside your departments)",
                   {{"value", Bounded(row.department_code, 60)}})});
          return true;
        }
        a.attribution.department_id = d->first;
        a.attribution.department_name = d->second;
      }
      if (!out.ok()) return true;  // the rest only for their problems: this transaction rolls back
      a.import_id = out.import_id;
      failed = repo::InsertAgencyAnswer(db, a);
      return failed.ok();
    });
    SQM_TRY(failed);
    for (auto& e : again.errors) add(std::move(e));             // none: the file is the one read above
    if (!out.ok()) return Error::Invalid("", "rejected rows");  // rolls back; the rows' problems are in `out`
    tx.Append("survey_agency_import", std::to_string(out.import_id), "survey.agency_imported",
              {{"filename", Bounded(filename)}, {"sha256", sha}, {"rows", out.rows}});
    return out;
  });
  if (!out.ok()) {  // nothing written
    out.import_id = 0;
    return out;
  }
  return written;
}

// ---- open text ----

std::vector<Topic> Service::TopicsIn(Connection& db) {
  auto body = repo::LoadTopics(db);
  return body ? ParseStoredTopics(*body) : DefaultTopics();
}

Result<std::vector<Topic>> Service::GetTopics() {
  return db_.Read([&](Connection& db) -> Result<std::vector<Topic>> { return TopicsIn(db); });
}

Result<std::vector<Topic>> Service::SaveTopics(const org::Principal& who, const std::vector<Topic>& topics) {
  SQM_TRY(CheckTopics(topics));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<std::vector<Topic>> {
    SQM_TRY(repo::SaveTopics(tx.db(), json::Serialize(TopicsJson(topics)), tx.now()));
    tx.Append("survey_topics", "1", "survey.topics_saved", {{"topics", static_cast<std::int64_t>(topics.size())}});
    return topics;
  });
}

Result<std::vector<OpenText>> Service::ReadTexts(const org::Principal& who, const TextsQuery& q, int per_source) {
  return db_.Read([&](Connection& db) -> Result<std::vector<OpenText>> {
    const auto topics = TopicsIn(db);
    if (q.topic && std::none_of(topics.begin(), topics.end(), [&](const Topic& t) { return t.key == *q.topic; })) {
      return Error::Invalid("topic", Msg("topics.unknown", "is not a topic of the dictionary"));
    }
    auto texts = repo::OpenTexts(db, {.departments = ScopeOf(who),
                                      .from = q.from,
                                      .to = q.to,
                                      .source = q.source,
                                      .campaign_id = q.campaign_id,
                                      .pattern = q.q.empty() ? std::string() : desk::repo::Contains(q.q),
                                      .limit = per_source});
    std::vector<OpenText> out;
    for (auto& t : texts) {
      t.topics = TopicsOf(topics, t.text);
      if (q.topic && std::find(t.topics.begin(), t.topics.end(), *q.topic) == t.topics.end()) continue;
      out.push_back(std::move(t));
    }
    return out;
  });
}

Result<std::vector<OpenText>> Service::ListTexts(const org::Principal& who, const TextsQuery& q) {
  // A topic is found after tagging: read more than a page to fill one.
  SQM_ASSIGN(auto texts, ReadTexts(who, q, q.topic ? kMaxSummaryTexts : q.limit));
  if (texts.size() > static_cast<std::size_t>(q.limit)) texts.resize(static_cast<std::size_t>(q.limit));
  return texts;
}

Result<TextSummary> Service::SummarizeTexts(const org::Principal& who, const TextsQuery& q) {
  SQM_ASSIGN(auto texts, ReadTexts(who, q, kMaxSummaryTexts));
  SQM_ASSIGN(auto topics, GetTopics());
  TextSummary out;
  out.texts = static_cast<std::int64_t>(texts.size());
  for (Source source : {Source::kLink, Source::kAgency}) {
    const auto n = std::count_if(texts.begin(), texts.end(), [&](const OpenText& t) { return t.source == source; });
    if (n >= kMaxSummaryTexts) out.truncated = true;
  }
  std::map<std::string, std::int64_t> counts;
  std::vector<std::string> bodies;
  bodies.reserve(texts.size());
  for (auto& t : texts) {
    for (const auto& k : t.topics) ++counts[k];
    bodies.push_back(std::move(t.text));
  }
  out.words = WordFrequency(topics, bodies, 50);
  for (auto& t : topics) {
    const auto n = counts[t.key];
    out.topics.push_back({std::move(t), n});
  }
  return out;
}

Result<std::vector<FollowUp>> Service::ListFollowUps(const org::Principal& who, bool open_only, int limit) {
  return db_.Read([&](Connection& db) -> Result<std::vector<FollowUp>> {
    return repo::ListFollowUps(db, ScopeOf(who), open_only, limit);
  });
}

Result<FollowUp> Service::UpdateFollowUp(const org::Principal& who, Id id, const FollowUpPatch& patch) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<FollowUp> {
    auto& db = tx.db();
    auto f = repo::FindFollowUp(db, id);
    if (!f || !InScope(who, f->department_id)) {
      return Error::NotFound(
          Msg("survey.followup_not_found", "follow-up {id} does not exist", {{"id", std::to_string(id)}}));
    }
    if (f->closed_at) return Error::Conflict(Msg("survey.followup_closed", "this follow-up is already closed"));
    Problems p;
    if (patch.owner_id && *patch.owner_id && !org::repo::IsActiveStaff(db, **patch.owner_id)) {
      p.Add("owner_id", Msg("desk.no_active_staff", "no such active staff member"));
    }
    if (patch.note && json::CodePoints(*patch.note) > kMaxAnswerText) {
      p.Add("note",
            Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(kMaxAnswerText)}}));
    }
    if (auto e = p.Take()) return *e;
    if (patch.owner_id) f->owner_id = *patch.owner_id;
    if (patch.deadline_at) f->deadline_at = *patch.deadline_at;
    if (patch.note) f->note = *patch.note;
    if (patch.outcome) {
      f->outcome = patch.outcome;
      f->closed_at = tx.now();
    }
    SQM_TRY(repo::UpdateFollowUp(db, *f));
    tx.Append("survey_followup", std::to_string(id),
              patch.outcome ? "survey.followup_closed" : "survey.followup_updated",
              {{"outcome", f->outcome ? bj::value(Name(*f->outcome)) : nullptr}});
    return *repo::FindFollowUp(db, id);
  });
}

}  // namespace sqm::feedback
