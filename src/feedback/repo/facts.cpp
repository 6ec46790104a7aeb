#include "feedback/facts.h"

#include "desk/rules.h"

namespace sqm::feedback {

namespace {

using storage::FactField;
using storage::FactSource;
using T = storage::FactFieldType;

FactSource Portable(std::string name, std::string en, std::string zh, std::string sql, std::vector<FactField> fields) {
  return FactSource{std::move(name), std::move(en), std::move(zh), sql, sql, std::move(fields), desk::TicketNumber};
}

// The fields every survey fact carries from its invitation.
std::vector<FactField> WithTicketFields(std::vector<FactField> fields) {
  for (FactField f : {FactField{"template_id", T::kInteger, "the survey template", "问卷模板"},
                      FactField{"ticket_type", T::kText, "the ticket's type", "工单类型"},
                      FactField{"channel", T::kText, "the ticket's channel when the survey was sent", "渠道"},
                      FactField{"category_id", T::kInteger, "the ticket's service category", "服务目录"}}) {
    fields.push_back(std::move(f));
  }
  return fields;
}

// An invitation is a fact when it falls due (send_at): the denominator of the response rate.
FactSource Invitations() {
  return Portable("survey_invitations", "Survey invitations, when due", "满意度调查邀请（按发送时间）",
                  "SELECT i.id AS fact_id, i.ticket_id AS ticket_id, i.send_at AS at, i.staff_id AS staff_id,"
                  " i.department_id AS department_id,"
                  " CASE WHEN i.answered_at IS NOT NULL THEN 1 ELSE 0 END AS answered,"
                  " i.template_id AS template_id, i.ticket_type AS ticket_type, i.channel AS channel,"
                  " i.category_id AS category_id FROM survey_invitations i",
                  WithTicketFields({{"answered", T::kBoolean, "the customer answered", "客户已作答"}}));
}

// An answered survey is one fact when answered, with its headline scores (the first CSAT, NPS and
// CES question of the version answered; null when not asked or left out), and an external agency's
// result with a CSAT or NPS (origin agency, fact_id minus its id). nps_points is +100 for
// a promoter (9-10), 0 for a passive, -100 for a detractor (0-6): its mean is the NPS.
FactSource Answers() {
  return Portable(
      "survey_answers", "Survey answers, when answered", "满意度调查答卷（按作答时间）",
      "SELECT i.id AS fact_id, i.ticket_id AS ticket_id, i.answered_at AS at, i.staff_id AS staff_id,"
      " i.department_id AS department_id, i.csat AS csat, i.nps AS nps, i.ces AS ces,"
      " CASE WHEN i.nps >= 9 THEN 100 WHEN i.nps <= 6 THEN -100 WHEN i.nps IS NOT NULL THEN 0 END AS nps_points,"
      " i.template_id AS template_id, i.ticket_type AS ticket_type, i.channel AS channel,"
      " i.category_id AS category_id, 'survey' AS origin FROM survey_invitations i WHERE i.answered_at IS NOT NULL"
      " UNION ALL"
      " SELECT -a.id, a.ticket_id, a.surveyed_at, a.staff_id, a.department_id, a.csat, a.nps, CAST(NULL AS BIGINT),"
      " CASE WHEN a.nps >= 9 THEN 100 WHEN a.nps <= 6 THEN -100 WHEN a.nps IS NOT NULL THEN 0 END,"
      " CAST(NULL AS BIGINT), '', a.channel, a.category_id, 'agency'"
      " FROM survey_agency_results a WHERE a.csat IS NOT NULL OR a.nps IS NOT NULL",
      WithTicketFields({
          {"origin", T::kText,
           "survey (a survey link) or agency (an external agency's result; fact_id is minus its id)",
           "survey 问卷 或 agency 第三方测评（fact_id 为其编号的负数）"},
          {"csat", T::kInteger, "CSAT 1-5 (null: not answered)", "CSAT 评分 1-5（空：未答）"},
          {"nps", T::kInteger, "NPS 0-10 (null: not answered)", "NPS 评分 0-10（空：未答）"},
          {"ces", T::kInteger, "CES 1-7, 7 = very easy (null: not answered)", "CES 评分 1-7，7 为非常容易（空：未答）"},
          {"nps_points", T::kInteger, "+100 promoter (9-10), 0 passive, -100 detractor (0-6): its mean is the NPS",
           "推荐者 +100、中立者 0、贬损者 -100：其平均值即 NPS"},
      }));
}

// A rating is a fact when given: a survey's CSAT answer (fact_id 2 x the invitation's id), a
// callback rating copied from the desk (fact_id 2 x its id + 1) or an external agency's result
// (fact_id minus its id: its CSAT, else its satisfaction category), satisfied as the mapping
// (survey_satisfaction_map, written from the settings) says.
FactSource Satisfaction() {
  return Portable(
      "satisfaction", "Satisfaction ratings: survey CSAT and callbacks", "满意度评价（问卷 CSAT 与回访）",
      "SELECT 2 * i.id AS fact_id, i.ticket_id AS ticket_id, i.answered_at AS at, i.staff_id AS staff_id,"
      " i.department_id AS department_id, 'survey' AS origin, CAST(i.csat AS TEXT) AS rating,"
      " COALESCE(m.satisfied, 0) AS satisfied, i.channel AS channel, i.category_id AS category_id"
      " FROM survey_invitations i LEFT JOIN survey_satisfaction_map m"
      " ON m.source = 'csat' AND m.rating = CAST(i.csat AS TEXT)"
      " WHERE i.answered_at IS NOT NULL AND i.csat IS NOT NULL"
      " UNION ALL"
      " SELECT 2 * c.id + 1, c.ticket_id, c.rated_at, c.staff_id, c.department_id, 'callback', c.satisfaction,"
      " COALESCE(m.satisfied, 0), c.channel, c.category_id"
      " FROM survey_callback_ratings c LEFT JOIN survey_satisfaction_map m"
      " ON m.source = 'callback' AND m.rating = c.satisfaction"
      " UNION ALL"
      " SELECT -a.id, a.ticket_id, a.surveyed_at, a.staff_id, a.department_id, 'agency',"
      " COALESCE(CAST(a.csat AS TEXT), a.satisfaction), COALESCE(m.satisfied, 0), a.channel, a.category_id"
      " FROM survey_agency_results a LEFT JOIN survey_satisfaction_map m"
      " ON (a.csat IS NOT NULL AND m.source = 'csat' AND m.rating = CAST(a.csat AS TEXT))"
      " OR (a.csat IS NULL AND m.source = 'callback' AND m.rating = a.satisfaction)"
      " WHERE a.csat IS NOT NULL OR a.satisfaction IS NOT NULL",
      {
          {"origin", T::kText,
           "survey (a CSAT answer), callback (回访) or agency (an external agency: its CSAT, else its category)",
           "survey 问卷、callback 回访 或 agency 第三方测评（有 CSAT 用 CSAT，否则用满意度类别）"},
          {"rating", T::kText, "the CSAT score (1-5) or satisfied, basically_satisfied, dissatisfied",
           "CSAT 评分（1-5）或 satisfied 满意、basically_satisfied 基本满意、dissatisfied 不满意"},
          {"satisfied", T::kBoolean, "counts as satisfied by the mapping in the survey settings",
           "按调查设置中的对应关系计为满意"},
          {"channel", T::kText, "the ticket's channel", "渠道"},
          {"category_id", T::kInteger, "the ticket's service category", "服务目录"},
      });
}

}  // namespace

std::vector<storage::FactSource> FactSources() {
  return {Invitations(), Answers(), Satisfaction()};
}

}  // namespace sqm::feedback
