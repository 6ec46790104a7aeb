// The pure rules of feedback: what a valid template and a valid answer are, which dispatch rule
// fits a ticket, what counts as a low score, and the results (CSAT, NPS, CES, distributions and
// rates with Wilson intervals). No SQL, no clock, no I/O.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "feedback/model.h"

namespace sqm::feedback {

// Limits of a template and of an answer.
inline constexpr std::size_t kMaxQuestions = 50;
inline constexpr std::size_t kMaxOptions = 20;
inline constexpr std::size_t kMaxQuestionText = 500;
inline constexpr std::size_t kMaxAnswerText = 2000;  // code points of one open answer
inline constexpr std::size_t kMaxTexts = 200;        // open answers listed in the results
// A rate over fewer answers than this carries a small-sample warning: too few to compare.
inline constexpr std::int64_t kSmallSample = 30;

// Names of the enumerations on the wire: "csat", "nps", "ces", "likert", "single", "multiple",
// "text"; "resolved", "closed"; "recontacted", "satisfied_after_redo", "rating_withdrawn".
const char* Name(QuestionKind kind);
const char* Name(Trigger trigger);
const char* Name(Outcome outcome);
const char* Name(InvitationState state);
const char* Name(Source source);  // "link", "callback", "agency"
std::optional<Source> ParseSource(std::string_view name);
std::optional<QuestionKind> ParseKind(std::string_view name);
std::optional<Trigger> ParseTrigger(std::string_view name);
std::optional<Outcome> ParseOutcome(std::string_view name);

// The smallest and largest score of a scale question (choice and text: nullopt).
std::optional<std::pair<int, int>> ScaleOf(const Question& q);

// Every problem of a template at once, naming the field: "name", "questions",
// "questions[2].options", "questions[0].text.en", "questions[3].id".
Status CheckTemplate(std::string_view name, const Definition& d);
// The same, adding to problems found before (the shape of the request body).
void CheckTemplate(std::string_view name, const Definition& d, Problems& p);

// Every problem of a customer's answers at once ("answers.q2" for a question; "answers" for an
// unknown question id). Returns the answers in the template's question order, empty ones left out.
Result<std::vector<Answer>> CheckAnswers(const Definition& d, const std::vector<Answer>& answers);

// Whether `rule` sends a survey for a ticket that reached `trigger`.
bool Matches(const DispatchRule& rule, Trigger trigger, const TicketFacts& ticket);
// Every problem of a rule (days and delay within bounds).
Status CheckRule(const DispatchRule& rule);

InvitationState StateOf(const Invitation& inv, TimeMs now);

// Why an answer is low ("csat=1", "nps=4", "ces=2"), the first low answer; nullopt when none is.
std::optional<std::string> LowScore(const Settings& s, const Definition& d, const std::vector<Answer>& answers);
// Whether a callback rating (desk::Satisfaction name) counts as satisfied; nullopt: not rated.
std::optional<bool> CallbackSatisfied(const Settings& s, std::string_view satisfaction);
// Whether a survey's CSAT answer counts as satisfied (the satisfaction measures; CSAT % itself is
// always the share of 4 and 5).
bool CsatSatisfied(const Settings& s, int csat);
// The satisfaction mapping as rows, for the SQL the assessment fact sources run
// (survey_satisfaction_map): every rated callback rating and every CSAT score, satisfied or not.
struct MappedRating {
  std::string source;  // "callback" | "csat"
  std::string rating;  // a desk::Satisfaction name, or the score as text
  bool satisfied = false;
};
std::vector<MappedRating> SatisfactionMap(const Settings& s);

// The headline scores of an answered survey: its answers to the first CSAT, NPS and CES question of
// the version it answered (nullopt: no such question, or left unanswered).
struct Headlines {
  std::optional<int> csat, nps, ces;
};
Headlines HeadlinesOf(const Definition& d, const std::vector<Answer>& answers);
Status CheckSettings(const Settings& s);

// The invitation or reminder mail of a survey, in both languages (zh-CN first): the subject from
// the template's title, the body with its intro, the link and when it expires.
struct SurveyMail {
  std::string subject;
  std::string body;
};
SurveyMail MailOf(const Definition& d, const std::string& link, bool reminder, const std::string& expires);

// successes / n with its 95 % Wilson interval.
Rate MakeRate(std::int64_t successes, std::int64_t n);

// What the results are computed from.
struct AnsweredSurvey {
  Invitation invitation;
  std::vector<Answer> answers;
  const Definition* definition = nullptr;  // the version it answered
};
struct CallbackRating {
  Id ticket_id = 0;
  std::string satisfaction;  // desk::Satisfaction name
  Attribution attribution;
  TimeMs rated_at = 0;
};

// The results of `invitations` (those due in the period; the answered ones carry answers), the
// callback ratings and the external agencies' answers of the period. `questions_of`, when given, is
// the definition whose questions get distributions (answers of other versions count by question
// id). An agency answer counts in CSAT and NPS like a survey's, and in satisfaction once: by its
// CSAT score through the mapping, else by its category as a callback rating would; never in the
// response rate (nobody was invited).
Results Summarize(const Settings& s, std::span<const AnsweredSurvey> invitations,
                  std::span<const CallbackRating> callbacks, const Definition* questions_of,
                  std::span<const AgencyAnswer> agency = {});

}  // namespace sqm::feedback
