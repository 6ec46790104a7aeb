// Customer feedback: survey templates (versioned), dispatch rules, invitations with single-use
// links, answers, callback ratings copied from the desk, follow-ups of low scores, and the results
// (CSAT, NPS, CES, distributions, response rate) with sample sizes and Wilson intervals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/stats.h"

namespace sqm::feedback {

using Id = std::int64_t;

// CSAT 1-5, NPS 0-10, CES 1-7 (7 = very easy), Likert 1..points, single and multiple choice
// (answers are option indexes), open text.
enum class QuestionKind { kCsat, kNps, kCes, kLikert, kSingle, kMultiple, kText };

// A visible text in both languages.
struct Text {
  std::string zh;
  std::string en;
};

struct Question {
  std::string id;  // stable within a template across versions ("q1", "overall")
  QuestionKind kind = QuestionKind::kCsat;
  Text text;
  bool required = false;
  std::vector<Text> options;  // single / multiple choice
  int points = 5;             // Likert: 5 or 7
};

// What a template says; each save makes a new version of it.
struct Definition {
  Text title;
  Text intro;
  std::vector<Question> questions;
};

struct Template {
  Id id = 0;
  std::string name;
  int version = 1;
  bool active = true;
  Definition definition;  // of `version`
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

enum class Trigger { kResolved, kClosed };

struct DispatchRule {
  Id id = 0;
  Id template_id = 0;
  Trigger trigger = Trigger::kResolved;
  std::optional<std::string> ticket_type;  // desk names ("incident"); empty: any
  std::optional<std::string> channel;
  std::optional<Id> category_id;
  TimeMs delay_ms = 0;  // the invitation is due this long after the trigger
  int quiet_days = 0;   // at most one survey per customer per this many days (0: no limit)
  int valid_days = 14;  // the link expires this long after it is due
  bool active = true;
  TimeMs created_at = 0;
};

// Where a rating is attributed: the ticket as it was when the survey was sent or the callback
// recorded.
struct Attribution {
  std::optional<Id> department_id;
  std::string department_name;
  std::optional<Id> staff_id;
  std::string staff_name;
  std::string channel;
  std::optional<Id> category_id;
  std::string category_name;
};

// The facts of a ticket the dispatch rules look at.
struct TicketFacts {
  Id id = 0;
  std::string number;
  std::string type;
  std::string channel;
  std::optional<Id> category_id;
  std::optional<Id> customer_id;
  std::string customer_email;
  Attribution attribution;
};

enum class InvitationState { kPending, kOpen, kAnswered, kExpired };

struct Invitation {
  Id id = 0;
  Id template_id = 0;
  int version = 1;
  std::optional<Id> rule_id;
  Id ticket_id = 0;
  std::string ticket_number;
  std::string ticket_type;
  std::optional<Id> customer_id;
  std::string customer_email;
  Attribution attribution;
  bool has_link = false;
  TimeMs created_at = 0;
  TimeMs send_at = 0;
  TimeMs expires_at = 0;
  std::optional<TimeMs> answered_at;
  std::optional<Id> campaign_id;  // made by a campaign (not a dispatch rule)
  std::string stratum;            // the campaign's stratum key
};

struct Answer {
  std::string question_id;
  std::optional<int> score;  // scales; single choice: the option index
  std::vector<int> choices;  // multiple choice
  std::string body;          // open text
};

// Callback ratings (desk::Satisfaction names) and survey CSAT scores: which count as satisfied (the
// satisfaction mapping), and which open a follow-up. And the scores at or below which a survey
// answer opens a follow-up.
struct Settings {
  bool basically_satisfied_counts = true;  // 基本满意 counts as satisfied
  int csat_satisfied_from = 4;             // a CSAT answer at or above this counts as satisfied
  int csat_low = 2;                        // CSAT <= this opens a follow-up
  int nps_low = 6;
  int ces_low = 2;
  bool callback_dissatisfied_opens = true;  // 不满意 opens a follow-up
  int follow_up_days = 3;                   // the follow-up's deadline
  int reminder_days = 3;                    // e-mail: one reminder this long after the invitation (0: none)
};

enum class Outcome { kRecontacted, kSatisfiedAfterRedo, kRatingWithdrawn };

struct FollowUp {
  Id id = 0;
  Id ticket_id = 0;
  std::string ticket_number;
  std::optional<Id> invitation_id;
  std::string source;  // survey | callback
  std::string reason;  // "csat=1", "nps=3", "callback=dissatisfied"
  std::optional<Id> department_id;
  std::optional<Id> owner_id;
  std::string owner_name;
  TimeMs deadline_at = 0;
  std::optional<Outcome> outcome;
  std::string note;
  TimeMs created_at = 0;
  std::optional<TimeMs> closed_at;
};

// Where an answer came from: a survey link (sent after a ticket or by a campaign), the desk's
// callback (回访), or an external survey agency's file.
enum class Source { kLink, kCallback, kAgency };

// An external agency's measured answer (survey_agency_results): attributed through its ticket as a
// survey is, or to its department.
struct AgencyAnswer {
  Id id = 0;
  Id import_id = 0;
  int line = 0;
  std::string agency;
  TimeMs surveyed_at = 0;
  std::optional<Id> ticket_id;
  std::string ticket_number;
  Attribution attribution;
  std::optional<int> csat;                  // 1-5
  std::optional<std::string> satisfaction;  // satisfied | basically_satisfied | dissatisfied
  std::optional<int> nps;                   // 0-10
  std::string body;                         // free text
};

// One open answer: a survey's text question or an agency's comment.
struct OpenText {
  Source source = Source::kLink;
  Id id = 0;  // the invitation's or the agency row's
  TimeMs at = 0;
  std::string text;
  std::string ticket_number;
  std::string department_name;
  std::string agency;
  std::vector<std::string> topics;  // tagged at read (feedback/text.h)
};

// ---- results ----

// A rate with its sample: successes / n, the 95 % Wilson interval and whether n is too small to
// compare (below kSmallSample). No interval when n is 0.
struct Rate {
  std::int64_t successes = 0;
  std::int64_t n = 0;
  std::optional<stats::Interval> interval;
  bool small_sample = true;
};

struct Nps {
  std::int64_t promoters = 0, passives = 0, detractors = 0, n = 0;
  std::optional<double> score;  // % promoters - % detractors, -100..100
  Rate promoter_rate, detractor_rate;
};

struct Mean {
  std::int64_t n = 0;
  std::optional<double> mean;
};

struct QuestionResult {
  Question question;
  std::vector<std::pair<int, std::int64_t>> distribution;  // value (score or option index) -> count
  std::int64_t answered = 0;
  std::vector<std::string> texts;  // open text, newest first, at most kMaxTexts
};

// One value of a dimension (a department, a staff member, a channel, a category).
struct Group {
  std::string key;  // the id or name
  std::string label;
  Rate satisfaction;
  Rate csat;
  Nps nps;
};

struct Results {
  std::int64_t invitations = 0;  // due within the period
  Rate response_rate;
  Rate csat;  // survey answers, share of 4-5
  Nps nps;
  Mean ces;
  Rate callback;                          // callback ratings counted as satisfied by the mapping
  Rate satisfaction;                      // survey CSAT and callback ratings together
  std::vector<QuestionResult> questions;  // of the template asked about (newest version)
  std::vector<Group> by_department, by_staff, by_channel, by_category;
  std::int64_t agency_answers = 0;  // external agency rows counted
};

// The results of one week or month (from `start`, an instant: local midnight in the business time
// zone), each rate with its n.
struct TrendPoint {
  TimeMs start = 0;
  std::int64_t invitations = 0;
  Rate response_rate;
  Rate csat;
  Nps nps;
  Rate satisfaction;
};

// ---- campaigns ----

// How a campaign's population is divided for sampling: not at all, by the department of the
// customer's ticket, or by the customer's tier.
enum class StratifyBy { kNone, kDepartment, kTier };

// Who a campaign may survey: the customers with tickets created in [from, to), of these
// departments (with their subtrees), categories and customer tiers (empty: any).
struct PopulationFilter {
  TimeMs from = 0;
  TimeMs to = 0;
  std::vector<Id> department_ids;
  std::vector<Id> category_ids;
  std::vector<std::string> tiers;
};

// One customer of a population, with the newest of their tickets in the range: the invitation is
// about that ticket and attributed through it.
struct Member {
  Id customer_id = 0;
  std::string customer_email;
  std::string tier;
  Id ticket_id = 0;
  std::optional<Id> department_id;
  std::string department_name;
};

// The sample-size calculator's question for a proportion (stats::SampleSize; the population's
// size is the finite N).
struct SamplingQuestion {
  double margin = 0.05;
  double confidence = 0.95;
  double proportion = 0.5;
};

struct Stratum {
  std::string key;    // department id, tier, or "" (unstratified)
  std::string label;  // department name, tier
  std::int64_t population = 0;
  std::int64_t sample = 0;
};

struct Campaign {
  Id id = 0;
  std::string name;
  Id template_id = 0;
  int version = 1;
  PopulationFilter filter;
  StratifyBy stratify_by = StratifyBy::kNone;
  SamplingQuestion question;
  std::uint64_t seed = 0;
  std::int64_t population = 0;
  std::int64_t sample_size = 0;  // the calculator's n
  std::vector<Stratum> strata;
  TimeMs send_at = 0;
  int valid_days = 14;
  TimeMs created_at = 0;
};

// A campaign's invitations in one stratum: sent (mailed or given a link), answered, and expired
// (unanswered past expiry).
struct StratumCount {
  std::string stratum;
  std::int64_t invited = 0, sent = 0, answered = 0, expired = 0;
};

// A campaign's progress in one stratum (or in all, key "*"): its invitations, how many were sent
// (mailed or given a link), answered and expired, and the response rate answered / invited.
struct StratumProgress {
  std::string key;
  std::string label;
  std::int64_t population = 0;
  std::int64_t invited = 0;
  std::int64_t sent = 0;
  std::int64_t answered = 0;
  std::int64_t expired = 0;
  Rate response_rate;
};

struct CampaignProgress {
  Campaign campaign;
  StratumProgress total;
  std::vector<StratumProgress> strata;
};

}  // namespace sqm::feedback
