#include "feedback/repo.h"

#include <charconv>

#include "base/json.h"
#include "feedback/json.h"
#include "feedback/sampling.h"

namespace sqm::feedback::repo {

using storage::Row;
using storage::Value;

namespace {

constexpr const char* kTemplateColumns =
    "t.id, t.name, t.version, t.active, t.created_at, t.updated_at, v.definition, v.version";

Template TemplateOf(const Row& r) {
  return {.id = r.Int(0),
          .name = r.Text(1),
          .version = static_cast<int>(r.Int(7)),
          .active = r.Bool(3),
          .definition = ParseStoredDefinition(r.Text(6)),
          .created_at = r.Int(4),
          .updated_at = r.Int(5)};
}

constexpr const char* kRuleColumns =
    "id, template_id, trigger_on, ticket_type, channel, category_id, delay_ms, quiet_days, valid_days, active, "
    "created_at";

DispatchRule RuleOf(const Row& r) {
  return {.id = r.Int(0),
          .template_id = r.Int(1),
          .trigger = ParseTrigger(r.Text(2)).value_or(Trigger::kResolved),
          .ticket_type = r.OptText(3),
          .channel = r.OptText(4),
          .category_id = r.OptInt(5),
          .delay_ms = r.Int(6),
          .quiet_days = static_cast<int>(r.Int(7)),
          .valid_days = static_cast<int>(r.Int(8)),
          .active = r.Bool(9),
          .created_at = r.Int(10)};
}

constexpr const char* kInvitationColumns =
    "id, template_id, version, rule_id, ticket_id, ticket_number, ticket_type, customer_id, customer_email, "
    "department_id, department_name, staff_id, staff_name, channel, category_id, category_name, "
    "token_hash IS NOT NULL, created_at, send_at, expires_at, answered_at, campaign_id, stratum";

Invitation InvitationOf(const Row& r) {
  Invitation i;
  i.id = r.Int(0);
  i.template_id = r.Int(1);
  i.version = static_cast<int>(r.Int(2));
  i.rule_id = r.OptInt(3);
  i.ticket_id = r.Int(4);
  i.ticket_number = r.Text(5);
  i.ticket_type = r.Text(6);
  i.customer_id = r.OptInt(7);
  i.customer_email = r.Text(8);
  i.attribution = {r.OptInt(9), r.Text(10), r.OptInt(11), r.Text(12), r.Text(13), r.OptInt(14), r.Text(15)};
  i.has_link = r.Bool(16);
  i.created_at = r.Int(17);
  i.send_at = r.Int(18);
  i.expires_at = r.Int(19);
  i.answered_at = r.OptInt(20);
  i.campaign_id = r.OptInt(21);
  i.stratum = r.Text(22);
  return i;
}

std::string JoinInts(const std::vector<int>& v) {
  std::string out;
  for (int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

std::vector<int> SplitInts(std::string_view s) {
  std::vector<int> out;
  while (!s.empty()) {
    const auto comma = s.find(',');
    const auto part = s.substr(0, comma);
    int v = 0;
    if (std::from_chars(part.data(), part.data() + part.size(), v).ec == std::errc()) out.push_back(v);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

constexpr const char* kFollowUpColumns =
    "f.id, f.ticket_id, f.ticket_number, f.invitation_id, f.source, f.reason, f.department_id, f.owner_id, "
    "COALESCE(s.display_name, ''), f.deadline_at, f.outcome, f.note, f.created_at, f.closed_at";

FollowUp FollowUpOf(const Row& r) {
  FollowUp f;
  f.id = r.Int(0);
  f.ticket_id = r.Int(1);
  f.ticket_number = r.Text(2);
  f.invitation_id = r.OptInt(3);
  f.source = r.Text(4);
  f.reason = r.Text(5);
  f.department_id = r.OptInt(6);
  f.owner_id = r.OptInt(7);
  f.owner_name = r.Text(8);
  f.deadline_at = r.Int(9);
  if (auto o = r.OptText(10)) f.outcome = ParseOutcome(*o);
  f.note = r.Text(11);
  f.created_at = r.Int(12);
  f.closed_at = r.OptInt(13);
  return f;
}

}  // namespace

Result<Id> InsertTemplate(Connection& db, const std::string& name, const std::string& definition, Id by, TimeMs now) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO survey_templates (name, version, active, created_at, updated_at)"
                             " VALUES (?, 1, 1, ?, ?) RETURNING id",
                             {name, now, now}));
  SQM_TRY(InsertVersion(db, r.last_insert_id, 1, definition, by, now));
  return r.last_insert_id;
}

Status InsertVersion(Connection& db, Id template_id, int version, const std::string& definition, Id by, TimeMs now) {
  return db.Exec(
      "INSERT INTO survey_template_versions (template_id, version, definition, created_at, created_by)"
      " VALUES (?, ?, ?, ?, ?)",
      {template_id, version, definition, now, by});
}

Status UpdateTemplate(Connection& db, Id id, const std::string& name, int version, bool active, TimeMs now) {
  return db.Exec("UPDATE survey_templates SET name = ?, version = ?, active = ?, updated_at = ? WHERE id = ?",
                 {name, version, active ? 1 : 0, now, id});
}

std::optional<Template> FindTemplate(Connection& db, Id id, std::optional<int> version) {
  auto r = db.QueryOne(std::string("SELECT ") + kTemplateColumns +
                           " FROM survey_templates t JOIN survey_template_versions v ON v.template_id = t.id"
                           " AND v.version = COALESCE(CAST(? AS BIGINT), t.version) WHERE t.id = ?",
                       {version, id});
  if (!r) return std::nullopt;
  return TemplateOf(*r);
}

std::vector<Template> ListTemplates(Connection& db) {
  std::vector<Template> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kTemplateColumns +
                                " FROM survey_templates t JOIN survey_template_versions v ON v.template_id = t.id"
                                " AND v.version = t.version ORDER BY t.name, t.id")) {
    out.push_back(TemplateOf(r));
  }
  return out;
}

bool TemplateNameTaken(Connection& db, const std::string& name, std::optional<Id> except) {
  return db
      .QueryOne("SELECT id FROM survey_templates WHERE lower(name) = lower(?) AND id <> ?", {name, except.value_or(0)})
      .has_value();
}

Result<Id> InsertRule(Connection& db, const DispatchRule& r) {
  SQM_ASSIGN(auto res, db.Exec("INSERT INTO survey_dispatch_rules (template_id, trigger_on, ticket_type, channel,"
                               " category_id, delay_ms, quiet_days, valid_days, active, created_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               {r.template_id, Name(r.trigger), r.ticket_type, r.channel, r.category_id, r.delay_ms,
                                r.quiet_days, r.valid_days, r.active ? 1 : 0, r.created_at}));
  return res.last_insert_id;
}

Status SetRuleActive(Connection& db, Id id, bool active) {
  return db.Exec("UPDATE survey_dispatch_rules SET active = ? WHERE id = ?", {active ? 1 : 0, id});
}

std::optional<DispatchRule> FindRule(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kRuleColumns + " FROM survey_dispatch_rules WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return RuleOf(*r);
}

std::vector<DispatchRule> ListRules(Connection& db, bool active_only) {
  std::vector<DispatchRule> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kRuleColumns +
                                    " FROM survey_dispatch_rules WHERE (CAST(? AS BIGINT) = 0 OR active = 1)"
                                    " ORDER BY id",
                                {active_only ? 1 : 0})) {
    out.push_back(RuleOf(r));
  }
  return out;
}

Result<Id> InsertInvitation(Connection& db, const Invitation& i) {
  const Attribution& a = i.attribution;
  SQM_ASSIGN(auto r,
             db.Exec("INSERT INTO survey_invitations (template_id, version, rule_id, ticket_id, ticket_number,"
                     " ticket_type, customer_id, customer_email, department_id, department_name, staff_id, staff_name,"
                     " channel, category_id, category_name, created_at, send_at, expires_at, campaign_id, stratum)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {i.template_id, i.version,     i.rule_id,        i.ticket_id,     i.ticket_number,
                      i.ticket_type, i.customer_id, i.customer_email, a.department_id, a.department_name,
                      a.staff_id,    a.staff_name,  a.channel,        a.category_id,   a.category_name,
                      i.created_at,  i.send_at,     i.expires_at,     i.campaign_id,   i.stratum}));
  return r.last_insert_id;
}

std::optional<TimeMs> LastInvitedAt(Connection& db, Id customer_id) {
  auto r = db.QueryOne("SELECT max(created_at) FROM survey_invitations WHERE customer_id = ?", {customer_id});
  if (!r || r->IsNull(0)) return std::nullopt;
  return r->Int(0);
}

std::optional<Invitation> FindInvitation(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kInvitationColumns + " FROM survey_invitations WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return InvitationOf(*r);
}

std::optional<Invitation> FindInvitationByTokenHash(Connection& db, const std::string& token_hash) {
  auto r = db.QueryOne(std::string("SELECT ") + kInvitationColumns + " FROM survey_invitations WHERE token_hash = ?",
                       {token_hash});
  if (!r) return std::nullopt;
  return InvitationOf(*r);
}

Status SetTokenHash(Connection& db, Id id, const std::string& token_hash) {
  return db.Exec("UPDATE survey_invitations SET token_hash = ? WHERE id = ?", {token_hash, id});
}

Result<bool> MarkAnswered(Connection& db, Id id, TimeMs at) {
  SQM_ASSIGN(auto r,
             db.Exec("UPDATE survey_invitations SET answered_at = ? WHERE id = ? AND answered_at IS NULL", {at, id}));
  return r.changes == 1;
}

Status SetHeadlines(Connection& db, Id id, const Headlines& h) {
  return db.Exec("UPDATE survey_invitations SET csat = ?, nps = ?, ces = ?, scored = 1 WHERE id = ?",
                 {h.csat, h.nps, h.ces, id});
}

namespace {

// " AND (<column> IS NULL OR <column> IN (?, ...))" with its values appended to `params`; empty
// for every department.
std::string InDepartments(const Departments& departments, const char* column, std::vector<Value>& params) {
  if (!departments) return "";
  std::string c(column);
  if (departments->empty()) return " AND " + c + " IS NULL";
  for (Id id : *departments) params.emplace_back(id);
  return " AND (" + c + " IS NULL OR " + c + " IN (" + storage::Placeholders(departments->size()) + "))";
}

std::vector<Id> Ids(Connection& db, const std::string& sql, storage::Params params) {
  std::vector<Id> out;
  for (const auto& r : db.Query(sql, std::move(params))) out.push_back(r.Int(0));
  return out;
}

}  // namespace

std::vector<Id> DueMail(Connection& db, TimeMs now, int max_attempts, int limit) {
  return Ids(db,
             "SELECT id FROM survey_invitations WHERE mailed_at IS NULL AND answered_at IS NULL"
             " AND token_hash IS NULL AND customer_email <> '' AND send_at <= ? AND expires_at > ?"
             " AND mail_attempts < ? ORDER BY id LIMIT ?",
             {now, now, max_attempts, limit});
}

std::vector<Id> DueReminders(Connection& db, TimeMs now, TimeMs mailed_before, int max_attempts, int limit) {
  return Ids(db,
             "SELECT id FROM survey_invitations WHERE mailed_at IS NOT NULL AND mailed_at <= ?"
             " AND reminded_at IS NULL AND answered_at IS NULL AND expires_at > ? AND mail_attempts < ?"
             " ORDER BY id LIMIT ?",
             {mailed_before, now, max_attempts, limit});
}

Result<bool> ClaimMail(Connection& db, Id id, bool reminder, TimeMs now) {
  SQM_ASSIGN(auto r,
             db.Exec(reminder ? "UPDATE survey_invitations SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL"
                              : "UPDATE survey_invitations SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL",
                     {now, id}));
  return r.changes == 1;
}

Status MailFailed(Connection& db, Id id, bool reminder, const std::string& reason) {
  return db.Exec(reminder ? "UPDATE survey_invitations SET reminded_at = NULL, mail_attempts = mail_attempts + 1,"
                            " mail_error = ? WHERE id = ?"
                          : "UPDATE survey_invitations SET mailed_at = NULL, token_hash = NULL,"
                            " mail_attempts = mail_attempts + 1, mail_error = ? WHERE id = ?",
                 {reason, id});
}

std::vector<Id> UnscoredInvitations(Connection& db, int limit) {
  return Ids(db, "SELECT id FROM survey_invitations WHERE answered_at IS NOT NULL AND scored = 0 ORDER BY id LIMIT ?",
             {limit});
}

std::vector<Invitation> ListInvitations(Connection& db, const InvitationQuery& q) {
  std::vector<Value> params{q.ticket_id, q.ticket_id, q.template_id, q.template_id, q.campaign_id, q.campaign_id,
                            q.from,      q.from,      q.to,          q.to,          q.before_id,   q.before_id};
  const std::string scope = InDepartments(q.departments, "department_id", params);
  params.emplace_back(q.limit);
  std::vector<Invitation> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kInvitationColumns +
                                    " FROM survey_invitations"
                                    " WHERE (CAST(? AS BIGINT) IS NULL OR ticket_id = ?)"
                                    " AND (CAST(? AS BIGINT) IS NULL OR template_id = ?)"
                                    " AND (CAST(? AS BIGINT) IS NULL OR campaign_id = ?)"
                                    " AND (CAST(? AS BIGINT) IS NULL OR send_at >= ?)"
                                    " AND (CAST(? AS BIGINT) IS NULL OR send_at < ?)"
                                    " AND (CAST(? AS BIGINT) IS NULL OR id < ?)" +
                                    scope + " ORDER BY id DESC LIMIT ?",
                                params)) {
    out.push_back(InvitationOf(r));
  }
  return out;
}

Status InsertAnswer(Connection& db, Id invitation_id, const Question& q, const Answer& a) {
  return db.Exec(
      "INSERT INTO survey_answers (invitation_id, question_id, kind, score, choices, body) VALUES (?, ?, ?, ?, ?, ?)",
      {invitation_id, q.id, Name(q.kind), a.score, JoinInts(a.choices), a.body});
}

std::vector<std::pair<Id, Answer>> AnswersOf(Connection& db, const std::vector<Id>& ids) {
  std::vector<std::pair<Id, Answer>> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    std::vector<Value> params;
    for (std::size_t i = at; i < ids.size() && i < at + kChunk; ++i) params.emplace_back(ids[i]);
    for (const auto& r : db.Query("SELECT invitation_id, question_id, score, choices, body FROM survey_answers"
                                  " WHERE invitation_id IN (" +
                                      storage::Placeholders(params.size()) + ") ORDER BY invitation_id, question_id",
                                  params)) {
      Answer a{.question_id = r.Text(1), .choices = SplitInts(r.Text(3)), .body = r.Text(4)};
      if (!r.IsNull(2)) a.score = static_cast<int>(r.Int(2));
      out.emplace_back(r.Int(0), std::move(a));
    }
  }
  return out;
}

Status InsertCallbackRating(Connection& db, const CallbackRating& c) {
  const Attribution& a = c.attribution;
  return db.Exec(
      "INSERT INTO survey_callback_ratings (ticket_id, satisfaction, department_id, department_name, staff_id,"
      " staff_name, channel, category_id, category_name, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {c.ticket_id, c.satisfaction, a.department_id, a.department_name, a.staff_id, a.staff_name, a.channel,
       a.category_id, a.category_name, c.rated_at});
}

std::vector<CallbackRating> CallbackRatings(Connection& db, const Departments& departments, std::optional<TimeMs> from,
                                            std::optional<TimeMs> to) {
  std::vector<Value> params{from, from, to, to};
  const std::string scope = InDepartments(departments, "department_id", params);
  std::vector<CallbackRating> out;
  for (const auto& r : db.Query("SELECT ticket_id, satisfaction, department_id, department_name, staff_id, staff_name,"
                                " channel, category_id, category_name, rated_at FROM survey_callback_ratings"
                                " WHERE (CAST(? AS BIGINT) IS NULL OR rated_at >= ?)"
                                " AND (CAST(? AS BIGINT) IS NULL OR rated_at < ?)" +
                                    scope + " ORDER BY id",
                                params)) {
    out.push_back({r.Int(0),
                   r.Text(1),
                   {r.OptInt(2), r.Text(3), r.OptInt(4), r.Text(5), r.Text(6), r.OptInt(7), r.Text(8)},
                   r.Int(9)});
  }
  return out;
}

Result<Id> InsertFollowUp(Connection& db, const FollowUp& f) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO survey_followups (ticket_id, ticket_number, invitation_id, source, reason,"
                             " department_id, owner_id, deadline_at, note, created_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {f.ticket_id, f.ticket_number, f.invitation_id, f.source, f.reason, f.department_id,
                              f.owner_id, f.deadline_at, f.note, f.created_at}));
  return r.last_insert_id;
}

std::optional<FollowUp> FindFollowUp(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kFollowUpColumns +
                           " FROM survey_followups f LEFT JOIN staff s ON s.id = f.owner_id WHERE f.id = ?",
                       {id});
  if (!r) return std::nullopt;
  return FollowUpOf(*r);
}

Status UpdateFollowUp(Connection& db, const FollowUp& f) {
  return db.Exec(
      "UPDATE survey_followups SET owner_id = ?, deadline_at = ?, outcome = ?, note = ?, closed_at = ? WHERE id = ?",
      {f.owner_id, f.deadline_at, f.outcome ? Value(Name(*f.outcome)) : Value(), f.note, f.closed_at, f.id});
}

std::vector<FollowUp> ListFollowUps(Connection& db, const Departments& departments, bool open_only, int limit) {
  std::vector<Value> params{open_only ? 1 : 0};
  const std::string scope = InDepartments(departments, "f.department_id", params);
  params.emplace_back(limit);
  std::vector<FollowUp> out;
  for (const auto& r : db.Query(std::string("SELECT ") + kFollowUpColumns +
                                    " FROM survey_followups f LEFT JOIN staff s ON s.id = f.owner_id"
                                    " WHERE (CAST(? AS BIGINT) = 0 OR f.closed_at IS NULL)" +
                                    scope + " ORDER BY f.closed_at DESC NULLS FIRST, f.deadline_at, f.id LIMIT ?",
                                params)) {
    out.push_back(FollowUpOf(r));
  }
  return out;
}

namespace {

// The one-row JSON tables (survey_settings, survey_topic_dictionary): their row's body, and its
// upsert, each statement written out whole.
struct BodyTable {
  const char* select;
  const char* upsert;
};
const BodyTable kSettings{"SELECT body FROM survey_settings WHERE id = 1",
                          "INSERT INTO survey_settings (id, body, updated_at) VALUES (1, ?, ?)"
                          " ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"};
const BodyTable kTopics{"SELECT body FROM survey_topic_dictionary WHERE id = 1",
                        "INSERT INTO survey_topic_dictionary (id, body, updated_at) VALUES (1, ?, ?)"
                        " ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"};

std::optional<std::string> LoadBody(Connection& db, const BodyTable& table) {
  auto r = db.QueryOne(table.select);
  if (!r) return std::nullopt;
  return r->Text(0);
}

Status SaveBody(Connection& db, const BodyTable& table, const std::string& body, TimeMs now) {
  return db.Exec(table.upsert, {body, now});
}

}  // namespace

std::optional<std::string> LoadSettings(Connection& db) {
  return LoadBody(db, kSettings);
}

Status SaveSettings(Connection& db, const std::string& body, TimeMs now) {
  return SaveBody(db, kSettings, body, now);
}

Status SaveSatisfactionMap(Connection& db, const std::vector<MappedRating>& map) {
  for (const auto& m : map) {
    SQM_TRY(
        db.Exec("INSERT INTO survey_satisfaction_map (source, rating, satisfied) VALUES (?, ?, ?)"
                " ON CONFLICT (source, rating) DO UPDATE SET satisfied = excluded.satisfied",
                {m.source, m.rating, m.satisfied ? 1 : 0}));
  }
  return {};
}

// ---- campaigns ----

namespace {

// " AND <column> IN (?, ...)" for a non-empty list, with its values appended to `params`.
template <typename T>
std::string AnyOf(const std::vector<T>& values, const char* column, std::vector<Value>& params) {
  if (values.empty()) return "";
  for (const auto& v : values) params.emplace_back(v);
  return std::string(" AND ") + column + " IN (" + storage::Placeholders(values.size()) + ")";
}

constexpr const char* kCampaignColumns =
    "id, name, template_id, version, filter, stratify_by, margin, confidence, proportion, seed, population, "
    "sample_size, strata, send_at, valid_days, created_at";

Campaign CampaignOf(const Row& r) {
  return {.id = r.Int(0),
          .name = r.Text(1),
          .template_id = r.Int(2),
          .version = static_cast<int>(r.Int(3)),
          .filter = ParseStoredFilter(r.Text(4)),
          .stratify_by = ParseStratifyBy(r.Text(5)).value_or(StratifyBy::kNone),
          .question = {r.Real(6), r.Real(7), r.Real(8)},
          .seed = static_cast<std::uint64_t>(r.Int(9)),
          .population = r.Int(10),
          .sample_size = r.Int(11),
          .strata = ParseStoredStrata(r.Text(12)),
          .send_at = r.Int(13),
          .valid_days = static_cast<int>(r.Int(14)),
          .created_at = r.Int(15)};
}

}  // namespace

std::vector<Member> Population(Connection& db, const PopulationFilter& f, const std::vector<Id>& departments) {
  std::vector<Value> params{f.from, f.to};
  std::string where = AnyOf(departments, "t.department_id", params);
  where += AnyOf(f.category_ids, "t.category_id", params);
  where += AnyOf(f.tiers, "c.tier", params);
  std::vector<Member> out;
  // Newest ticket first within each customer: the first row of a customer is theirs.
  for (const auto& r : db.Query("SELECT c.id, c.email, c.tier, t.id, t.department_id, COALESCE(d.name, '')"
                                " FROM tickets t JOIN customers c ON c.id = t.customer_id"
                                " LEFT JOIN departments d ON d.id = t.department_id"
                                " WHERE t.created_at >= ? AND t.created_at < ? AND t.merged_into IS NULL" +
                                    where + " ORDER BY c.id, t.created_at DESC, t.id DESC",
                                params)) {
    if (!out.empty() && out.back().customer_id == r.Int(0)) continue;
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.OptInt(4), r.Text(5)});
  }
  return out;
}

Result<Id> InsertCampaign(Connection& db, const Campaign& c, Id by) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO survey_campaigns (name, template_id, version, filter, stratify_by, margin,"
                             " confidence, proportion, seed, population, sample_size, strata, send_at, valid_days,"
                             " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                             " RETURNING id",
                             {c.name, c.template_id, c.version, json::Serialize(StoredFilterJson(c.filter)),
                              Name(c.stratify_by), c.question.margin, c.question.confidence, c.question.proportion,
                              static_cast<std::int64_t>(c.seed), c.population, c.sample_size,
                              json::Serialize(StrataJson(c.strata)), c.send_at, c.valid_days, c.created_at, by}));
  return r.last_insert_id;
}

std::optional<Campaign> FindCampaign(Connection& db, Id id) {
  auto r = db.QueryOne(std::string("SELECT ") + kCampaignColumns + " FROM survey_campaigns WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return CampaignOf(*r);
}

std::vector<Campaign> ListCampaigns(Connection& db) {
  std::vector<Campaign> out;
  for (const auto& r :
       db.Query(std::string("SELECT ") + kCampaignColumns + " FROM survey_campaigns ORDER BY id DESC")) {
    out.push_back(CampaignOf(r));
  }
  return out;
}

bool CampaignNameTaken(Connection& db, const std::string& name) {
  return db.QueryOne("SELECT id FROM survey_campaigns WHERE lower(name) = lower(?)", {name}).has_value();
}

std::vector<StratumCount> CampaignCounts(Connection& db, Id campaign_id, TimeMs now) {
  std::vector<StratumCount> out;
  for (const auto& r : db.Query("SELECT stratum, COUNT(*),"
                                " COUNT(*) FILTER (WHERE mailed_at IS NOT NULL OR token_hash IS NOT NULL),"
                                " COUNT(*) FILTER (WHERE answered_at IS NOT NULL),"
                                " COUNT(*) FILTER (WHERE answered_at IS NULL AND expires_at <= ?)"
                                " FROM survey_invitations WHERE campaign_id = ? GROUP BY stratum ORDER BY stratum",
                                {now, campaign_id})) {
    out.push_back({r.Text(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4)});
  }
  return out;
}

// ---- external agencies ----

Result<Id> InsertAgencyImport(Connection& db, const std::string& filename, const std::string& sha256, std::int64_t rows,
                              Id by, TimeMs now) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO survey_agency_imports (filename, sha256, row_count, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?) RETURNING id",
                             {filename, sha256, rows, now, by}));
  return r.last_insert_id;
}

Status InsertAgencyAnswer(Connection& db, const AgencyAnswer& x) {
  const Attribution& a = x.attribution;
  return db.Exec(
      "INSERT INTO survey_agency_results (import_id, line, agency, surveyed_at, ticket_id, ticket_number,"
      " department_id, department_name, staff_id, staff_name, channel, category_id, category_name, csat,"
      " satisfaction, nps, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.import_id, x.line, x.agency, x.surveyed_at, x.ticket_id, x.ticket_number, a.department_id, a.department_name,
       a.staff_id, a.staff_name, a.channel, a.category_id, a.category_name, x.csat, x.satisfaction, x.nps, x.body});
}

std::vector<AgencyAnswer> AgencyAnswers(Connection& db, const Departments& departments, std::optional<TimeMs> from,
                                        std::optional<TimeMs> to) {
  std::vector<Value> params{from, from, to, to};
  const std::string scope = InDepartments(departments, "department_id", params);
  std::vector<AgencyAnswer> out;
  for (const auto& r : db.Query("SELECT id, import_id, line, agency, surveyed_at, ticket_id, ticket_number,"
                                " department_id, department_name, staff_id, staff_name, channel, category_id,"
                                " category_name, csat, satisfaction, nps, body FROM survey_agency_results"
                                " WHERE (CAST(? AS BIGINT) IS NULL OR surveyed_at >= ?)"
                                " AND (CAST(? AS BIGINT) IS NULL OR surveyed_at < ?)" +
                                    scope + " ORDER BY id",
                                params)) {
    AgencyAnswer a;
    a.id = r.Int(0);
    a.import_id = r.Int(1);
    a.line = static_cast<int>(r.Int(2));
    a.agency = r.Text(3);
    a.surveyed_at = r.Int(4);
    a.ticket_id = r.OptInt(5);
    a.ticket_number = r.Text(6);
    a.attribution = {r.OptInt(7), r.Text(8), r.OptInt(9), r.Text(10), r.Text(11), r.OptInt(12), r.Text(13)};
    if (!r.IsNull(14)) a.csat = static_cast<int>(r.Int(14));
    a.satisfaction = r.OptText(15);
    if (!r.IsNull(16)) a.nps = static_cast<int>(r.Int(16));
    a.body = r.Text(17);
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<std::pair<Id, std::string>> DepartmentByCode(Connection& db, const std::string& code) {
  auto r = db.QueryOne(
      "SELECT id, name FROM departments WHERE lower(code) = lower(?) AND active = 1 ORDER BY id LIMIT 1", {code});
  if (!r) return std::nullopt;
  return std::pair{r->Int(0), r->Text(1)};
}

// ---- open text ----

std::vector<OpenText> OpenTexts(Connection& db, const TextQuery& q) {
  std::vector<OpenText> out;
  const bool search = !q.pattern.empty();
  if (!q.source || *q.source == Source::kLink) {
    std::vector<Value> params{q.from, q.from, q.to, q.to, q.campaign_id, q.campaign_id, search ? 1 : 0, q.pattern};
    const std::string scope = InDepartments(q.departments, "i.department_id", params);
    params.emplace_back(q.limit);
    for (const auto& r : db.Query("SELECT i.id, i.answered_at, a.body, i.ticket_number, i.department_name"
                                  " FROM survey_answers a JOIN survey_invitations i ON i.id = a.invitation_id"
                                  " WHERE a.kind = 'text' AND a.body <> '' AND i.answered_at IS NOT NULL"
                                  " AND (CAST(? AS BIGINT) IS NULL OR i.answered_at >= ?)"
                                  " AND (CAST(? AS BIGINT) IS NULL OR i.answered_at < ?)"
                                  " AND (CAST(? AS BIGINT) IS NULL OR i.campaign_id = ?)"
                                  " AND (CAST(? AS BIGINT) = 0 OR lower(a.body) LIKE lower(?) ESCAPE '\\')" +
                                      scope + " ORDER BY i.answered_at DESC, i.id DESC, a.question_id LIMIT ?",
                                  params)) {
      out.push_back({.source = Source::kLink,
                     .id = r.Int(0),
                     .at = r.Int(1),
                     .text = r.Text(2),
                     .ticket_number = r.Text(3),
                     .department_name = r.Text(4)});
    }
  }
  if ((!q.source || *q.source == Source::kAgency) && !q.campaign_id) {
    std::vector<Value> params{q.from, q.from, q.to, q.to, search ? 1 : 0, q.pattern};
    const std::string scope = InDepartments(q.departments, "department_id", params);
    params.emplace_back(q.limit);
    for (const auto& r : db.Query("SELECT id, surveyed_at, body, ticket_number, department_name, agency"
                                  " FROM survey_agency_results WHERE body <> ''"
                                  " AND (CAST(? AS BIGINT) IS NULL OR surveyed_at >= ?)"
                                  " AND (CAST(? AS BIGINT) IS NULL OR surveyed_at < ?)"
                                  " AND (CAST(? AS BIGINT) = 0 OR lower(body) LIKE lower(?) ESCAPE '\\')" +
                                      scope + " ORDER BY surveyed_at DESC, id DESC LIMIT ?",
                                  params)) {
      out.push_back({.source = Source::kAgency,
                     .id = r.Int(0),
                     .at = r.Int(1),
                     .text = r.Text(2),
                     .ticket_number = r.Text(3),
                     .department_name = r.Text(4),
                     .agency = r.Text(5)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const OpenText& a, const OpenText& b) {
    if (a.at != b.at) return a.at > b.at;
    if (a.source != b.source) return a.source < b.source;
    return a.id > b.id;
  });
  return out;
}

std::optional<std::string> LoadTopics(Connection& db) {
  return LoadBody(db, kTopics);
}

Status SaveTopics(Connection& db, const std::string& body, TimeMs now) {
  return SaveBody(db, kTopics, body, now);
}

}  // namespace sqm::feedback::repo
