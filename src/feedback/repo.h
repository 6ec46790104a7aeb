// SQL of the feedback tables (migrations 0013_feedback, 0015_feedback2, 0018_survey_campaigns,
// 0021_survey_agency_topics). Runs unchanged on
// SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "feedback/model.h"
#include "feedback/rules.h"
#include "storage/db.h"

namespace sqm::feedback::repo {

using storage::Connection;

// ---- templates ----
Result<Id> InsertTemplate(Connection& db, const std::string& name, const std::string& definition, Id by, TimeMs now);
Status InsertVersion(Connection& db, Id template_id, int version, const std::string& definition, Id by, TimeMs now);
Status UpdateTemplate(Connection& db, Id id, const std::string& name, int version, bool active, TimeMs now);
// The template with the definition of `version` (default: its newest).
std::optional<Template> FindTemplate(Connection& db, Id id, std::optional<int> version = std::nullopt);
std::vector<Template> ListTemplates(Connection& db);
bool TemplateNameTaken(Connection& db, const std::string& name, std::optional<Id> except);

// ---- dispatch rules ----
Result<Id> InsertRule(Connection& db, const DispatchRule& r);
Status SetRuleActive(Connection& db, Id id, bool active);
std::optional<DispatchRule> FindRule(Connection& db, Id id);
std::vector<DispatchRule> ListRules(Connection& db, bool active_only);

// ---- invitations ----
Result<Id> InsertInvitation(Connection& db, const Invitation& inv);
// When customer `customer_id` was last invited, if ever.
std::optional<TimeMs> LastInvitedAt(Connection& db, Id customer_id);
std::optional<Invitation> FindInvitation(Connection& db, Id id);
std::optional<Invitation> FindInvitationByTokenHash(Connection& db, const std::string& token_hash);
Status SetTokenHash(Connection& db, Id id, const std::string& token_hash);
// Marks it answered unless it already was; false when another answer came first.
Result<bool> MarkAnswered(Connection& db, Id id, TimeMs at);
// The headline scores of an answered invitation, for the assessment fact sources; marks it scored.
Status SetHeadlines(Connection& db, Id id, const Headlines& h);
// ---- e-mail delivery ----
// Invitations whose invitation mail is due (due, unanswered, unexpired, an address, no link issued
// by staff, not mailed, fewer than `max_attempts` failures), oldest first.
std::vector<Id> DueMail(Connection& db, TimeMs now, int max_attempts, int limit);
// Mailed invitations whose one reminder is due (mailed at or before `mailed_before`, not reminded,
// unanswered, unexpired).
std::vector<Id> DueReminders(Connection& db, TimeMs now, TimeMs mailed_before, int max_attempts, int limit);
// Claims the mail (or the reminder) for this server; false when another server did first.
Result<bool> ClaimMail(Connection& db, Id id, bool reminder, TimeMs now);
// Gives the claim back after a failed attempt, counting it and keeping the reason.
Status MailFailed(Connection& db, Id id, bool reminder, const std::string& reason);

// Answered invitations not scored yet (answered before migration 0015), at most `limit`.
std::vector<Id> UnscoredInvitations(Connection& db, int limit);
// The departments a caller may see (org::Scope): nullopt for every department; otherwise rows of
// these departments and rows without one.
using Departments = std::optional<std::vector<Id>>;

struct InvitationQuery {
  Departments departments;
  std::optional<Id> ticket_id;
  std::optional<Id> template_id;
  std::optional<Id> campaign_id;
  std::optional<TimeMs> from, to;  // send_at in [from, to)
  int limit = 50;
  std::optional<Id> before_id;  // paging: ids below this, newest first
};
std::vector<Invitation> ListInvitations(Connection& db, const InvitationQuery& q);
Status InsertAnswer(Connection& db, Id invitation_id, const Question& q, const Answer& a);
// The answers of the given invitations, by invitation id.
std::vector<std::pair<Id, Answer>> AnswersOf(Connection& db, const std::vector<Id>& invitation_ids);

// ---- callback ratings ----
Status InsertCallbackRating(Connection& db, const CallbackRating& r);
std::vector<CallbackRating> CallbackRatings(Connection& db, const Departments& departments, std::optional<TimeMs> from,
                                            std::optional<TimeMs> to);

// ---- follow-ups ----
Result<Id> InsertFollowUp(Connection& db, const FollowUp& f);
std::optional<FollowUp> FindFollowUp(Connection& db, Id id);
Status UpdateFollowUp(Connection& db, const FollowUp& f);
std::vector<FollowUp> ListFollowUps(Connection& db, const Departments& departments, bool open_only, int limit);

// ---- campaigns ----
// The customers with tickets created in [from, to) that fit the filter (`departments`: the
// filter's departments with their subtrees, already expanded; empty: any), each once with the
// newest of those tickets, ordered by customer id. Reads desk's tickets and customers.
std::vector<Member> Population(Connection& db, const PopulationFilter& f, const std::vector<Id>& departments);
Result<Id> InsertCampaign(Connection& db, const Campaign& c, Id by);
std::optional<Campaign> FindCampaign(Connection& db, Id id);
std::vector<Campaign> ListCampaigns(Connection& db);
bool CampaignNameTaken(Connection& db, const std::string& name);
// A campaign's invitations counted per stratum at `now`.
std::vector<StratumCount> CampaignCounts(Connection& db, Id campaign_id, TimeMs now);

// ---- external agencies ----
Result<Id> InsertAgencyImport(Connection& db, const std::string& filename, const std::string& sha256, std::int64_t rows,
                              Id by, TimeMs now);
Status InsertAgencyAnswer(Connection& db, const AgencyAnswer& a);
// The agency answers surveyed in [from, to) within the departments.
std::vector<AgencyAnswer> AgencyAnswers(Connection& db, const Departments& departments, std::optional<TimeMs> from,
                                        std::optional<TimeMs> to);
// The active department with this code (case-insensitive), if any: {id, name}.
std::optional<std::pair<Id, std::string>> DepartmentByCode(Connection& db, const std::string& code);

// ---- open text ----
struct TextQuery {
  Departments departments;
  std::optional<TimeMs> from, to;  // answered (surveys) / surveyed (agencies) in [from, to)
  std::optional<Source> source;    // link or agency (callbacks have no text)
  std::optional<Id> campaign_id;   // surveys of this campaign only
  std::string pattern;             // a LIKE pattern (desk/repo/like.h Contains); empty: every text
  int limit = 1000;                // per source
};
// Open answers, newest first (ties: source, id).
std::vector<OpenText> OpenTexts(Connection& db, const TextQuery& q);
std::optional<std::string> LoadTopics(Connection& db);
Status SaveTopics(Connection& db, const std::string& body, TimeMs now);

// ---- settings ----
// Writes the satisfaction mapping the fact sources join (survey_satisfaction_map).
Status SaveSatisfactionMap(Connection& db, const std::vector<MappedRating>& map);
std::optional<std::string> LoadSettings(Connection& db);
Status SaveSettings(Connection& db, const std::string& body, TimeMs now);

}  // namespace sqm::feedback::repo
