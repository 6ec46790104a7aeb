// Feedback use cases. Templates, dispatch rules and settings are the quality department's
// (routes ask feedback.manage); invitations and their links are seen by staff whose department
// scope holds the ticket; results and follow-ups are scoped the same way (desk.report). The
// public answer page reaches Open and Answer with nothing but the link's token.
//
// Surveys are sent from the desk's write job: the composition root installs OnTicketAction as the
// desk's action hook, so a resolution or closure and its invitation commit together, and a
// recorded callback rating is copied here in the same transaction.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "calendar/zone.h"
#include "desk/import/record.h"
#include "desk/model.h"
#include "feedback/agency.h"
#include "feedback/model.h"
#include "feedback/repo.h"
#include "feedback/rules.h"
#include "feedback/sampling.h"
#include "feedback/text.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::feedback {

// A link just issued: the token is shown once and stored only as its hash.
struct IssuedLink {
  Invitation invitation;
  std::string token;
  std::string path;  // "/answer.html#t=<token>": the answer page, relative to the server
};

// What the public answer page gets for a token.
struct PublicSurvey {
  InvitationState state = InvitationState::kOpen;
  std::string ticket_number;
  TimeMs expires_at = 0;
  std::optional<Definition> definition;  // only while it can be answered
};

struct ResultsQuery {
  std::optional<Id> template_id;
  std::optional<TimeMs> from, to;
  std::optional<Id> campaign_id;  // only this campaign's surveys (no callbacks, no agency answers)
  std::optional<Source> source;   // only answers from this source
};

enum class TrendBucket { kWeek, kMonth };  // ISO weeks (Monday) and months, in the business time zone

// An agency file imported, or refused with every problem (errors; nothing written).
struct AgencyImport {
  Id import_id = 0;
  std::int64_t rows = 0;
  std::vector<desk::import::RowError> errors;
  std::int64_t error_count = 0;
  bool ok() const { return error_count == 0; }
};

struct TextsQuery {
  std::optional<TimeMs> from, to;
  std::optional<Source> source;  // link or agency
  std::optional<Id> campaign_id;
  std::string q;                     // contained, case-insensitively (LIKE with % _ \ escaped)
  std::optional<std::string> topic;  // a topic key
  int limit = 50;
};

struct TopicCount {
  Topic topic;
  std::int64_t count = 0;  // answers tagged with it
};

struct TextSummary {
  std::int64_t texts = 0;  // open answers read
  bool truncated = false;  // more than kMaxSummaryTexts: the newest were counted
  std::vector<TopicCount> topics;
  std::vector<WordCount> words;
};

// Open answers read for a summary, per source.
inline constexpr int kMaxSummaryTexts = 20'000;

struct FollowUpPatch {
  std::optional<std::optional<Id>> owner_id;
  std::optional<TimeMs> deadline_at;
  std::optional<Outcome> outcome;  // closes the follow-up
  std::optional<std::string> note;
};

// What a campaign is to be: its template, population, strata and the calculator's question. The
// seed, when not given, is drawn at random and recorded with the campaign.
struct CampaignDraft {
  std::string name;
  Id template_id = 0;
  PopulationFilter filter;
  StratifyBy stratify_by = StratifyBy::kNone;
  SamplingQuestion question;
  std::optional<std::uint64_t> seed;
  std::optional<TimeMs> send_at;  // default: now
  int valid_days = 14;
};

// The sample a draft would draw: the plan (population, n, strata) and how many customers drawn
// have an e-mail address (the others are reached by a copied link).
struct CampaignPreview {
  SamplingPlan plan;
  std::uint64_t seed = 0;
  std::int64_t drawn = 0;
  std::int64_t with_email = 0;
};

// A fixed-window limit of requests per client address for the public routes (a cache: each server
// limits what it sees).
class PublicLimiter {
 public:
  PublicLimiter(const Clock& clock, int per_minute) : clock_(clock), per_minute_(per_minute) {}
  // kTooManyRequests once `address` made per_minute requests in the current minute.
  Status Admit(const std::string& address);

 private:
  const Clock& clock_;
  const int per_minute_;
  std::mutex mu_;
  TimeMs window_ = 0;
  std::map<std::string, int> counts_;
};

// A survey mail claimed for sending: the invitation's first mail or its one reminder, with a new
// link in it (the previous link stops working).
struct OutgoingMail {
  Id invitation_id = 0;
  bool reminder = false;
  std::string to;
  SurveyMail mail;
};

// Failed attempts after which an invitation is no longer mailed.
inline constexpr int kMaxMailAttempts = 5;

class Service {
 public:
  // `zone`: the business time zone (agency survey dates, trend buckets).
  Service(storage::Database& db, const Clock& clock, calendar::Zone zone = {});

  TimeMs Now() const { return clock_.Now(); }

  // At start, after the migrations: writes the satisfaction mapping from the settings and scores
  // the surveys answered before migration 0015 (their headline scores, for the fact sources).
  Status Prepare();

  // ---- templates ----
  Result<std::vector<Template>> ListTemplates();
  Result<Template> GetTemplate(Id id, std::optional<int> version);
  Result<Template> CreateTemplate(const org::Principal& who, const std::string& name, const Definition& d);
  // A changed definition becomes the next version; invitations already sent keep theirs.
  Result<Template> UpdateTemplate(const org::Principal& who, Id id, const std::string& name, const Definition& d,
                                  std::optional<bool> active);

  // ---- dispatch rules ----
  Result<std::vector<DispatchRule>> ListRules();
  Result<DispatchRule> CreateRule(const org::Principal& who, DispatchRule rule);
  Status DeactivateRule(const org::Principal& who, Id id);

  // ---- settings ----
  Result<Settings> GetSettings();
  Result<Settings> SaveSettings(const org::Principal& who, const Settings& s);

  // The desk's action hook, inside its write job: a resolution or closure that a rule matches
  // makes an invitation; a callback rating is copied and, when low, opens a follow-up.
  Status OnTicketAction(storage::WriteTx& tx, const desk::Ticket& ticket, const desk::ActionInput& input);

  // ---- invitations (staff) ----
  Result<std::vector<Invitation>> ListInvitations(const org::Principal& who, repo::InvitationQuery q);
  // A new link for the invitation (the previous one stops working).
  Result<IssuedLink> IssueLink(const org::Principal& who, Id invitation_id);

  // ---- the public answer page ----
  Result<PublicSurvey> Open(const std::string& token);
  // kConflict (key survey.already_answered / survey.expired) when it can no longer be answered.
  Status SubmitAnswers(const std::string& token, const std::vector<Answer>& answers);

  // ---- e-mail (feedback/mailer.h sends) ----
  // Claims the invitation mails due now and the reminders due (settings.reminder_days after the
  // invitation mail, while unanswered and unexpired), at most `limit`, each with a new link under
  // `base_url` ("https://sqm.example.org"). A claim is this server's alone.
  Result<std::vector<OutgoingMail>> ClaimMail(const std::string& base_url, int limit);
  // Records that the mail server took it (event survey.mailed or survey.reminded).
  Status MailSent(const OutgoingMail& m);
  // Gives a claim back after the mail server refused it or could not be reached: it is tried
  // again on the next round, up to kMaxMailAttempts.
  Status MailFailed(const OutgoingMail& m, const Error& e);

  // ---- campaigns (feedback.manage) ----
  // The plan and draw of a draft without saving anything (the campaign page's calculator).
  Result<CampaignPreview> PreviewCampaign(const CampaignDraft& draft);
  // Draws the sample and makes an invitation for every customer drawn, about their newest ticket
  // in the range, due at send_at and expiring valid_days later; they are mailed and reminded like
  // every invitation (Service::ClaimMail). Event survey.campaign_created (with the seed and the
  // strata), and survey.invited for each invitation.
  Result<Campaign> CreateCampaign(const org::Principal& who, const CampaignDraft& draft);
  Result<std::vector<Campaign>> ListCampaigns();
  // Sent, answered and expired invitations and the response rate (with its Wilson interval) in
  // every stratum and overall.
  Result<CampaignProgress> GetCampaignProgress(Id id);

  // ---- results and recovery ----
  Result<Results> GetResults(const org::Principal& who, const ResultsQuery& q);
  // The results per week or month of the period: response rate, CSAT, NPS and satisfaction, each
  // with its n (buckets without any data are left out).
  Result<std::vector<TrendPoint>> GetTrend(const org::Principal& who, const ResultsQuery& q, TrendBucket bucket);

  // ---- external agencies (feedback.manage) ----
  // Reads the whole file (agency.h; from the temporary file an upload streamed into, by offset),
  // resolves each row's ticket (attributed as a survey of it) or department code, and writes every
  // row in one transaction, or nothing when any row has a problem. Event survey.agency_imported
  // (file name, SHA-256, rows).
  Result<AgencyImport> ImportAgency(const org::Principal& who, desk::import::Format format, desk::import::Input data,
                                    const std::string& filename);

  // ---- open text (desk.report, scoped) ----
  Result<std::vector<OpenText>> ListTexts(const org::Principal& who, const TextsQuery& q);
  Result<TextSummary> SummarizeTexts(const org::Principal& who, const TextsQuery& q);
  Result<std::vector<Topic>> GetTopics();
  Result<std::vector<Topic>> SaveTopics(const org::Principal& who, const std::vector<Topic>& topics);
  Result<std::vector<FollowUp>> ListFollowUps(const org::Principal& who, bool open_only, int limit);
  Result<FollowUp> UpdateFollowUp(const org::Principal& who, Id id, const FollowUpPatch& patch);

 private:
  Settings SettingsIn(storage::Connection& db);
  // The draft checked (every problem at once, after those the caller found), its population read
  // and the sample planned.
  struct Drawn {
    Template tmpl;
    std::vector<Member> population;
    SamplingPlan plan;
    std::uint64_t seed = 0;
  };
  Result<Drawn> DrawCampaign(storage::Connection& db, const CampaignDraft& draft, Problems p);
  // What the results of a query are computed from.
  struct ResultInputs {
    std::map<std::pair<Id, int>, Definition> definitions;  // the surveys point into it
    std::vector<AnsweredSurvey> surveys;
    std::vector<CallbackRating> callbacks;
    std::vector<AgencyAnswer> agency;
    std::optional<Template> asked;
  };
  Result<ResultInputs> LoadResults(storage::Connection& db, const org::Principal& who, const ResultsQuery& q);
  std::vector<Topic> TopicsIn(storage::Connection& db);
  Result<std::vector<OpenText>> ReadTexts(const org::Principal& who, const TextsQuery& q, int per_source);
  Status OpenFollowUp(storage::WriteTx& tx, const desk::Ticket& t, std::optional<Id> invitation_id, std::string source,
                      std::string reason);

  storage::Database& db_;
  const Clock& clock_;
  const calendar::Zone zone_;
};

}  // namespace sqm::feedback
