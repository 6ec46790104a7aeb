#include "desk/json.h"

#include "base/json.h"
#include "desk/rules.h"
#include "http/message.h"

namespace sqm::desk {

namespace bj = boost::json;
using http::OrNull;

bj::object TicketJson(const Ticket& t) {
  auto time = [](const std::optional<TimeMs>& v) { return v ? bj::value(FormatIsoUtc(*v)) : bj::value(nullptr); };
  return {{"id", t.id},
          {"number", t.number},
          {"type", Name(t.type)},
          {"channel", Name(t.channel)},
          {"priority", PriorityName(t.priority)},
          {"status", Name(t.status)},
          {"title", t.title},
          {"description", t.description},
          {"customer_id", OrNull(t.customer_id)},
          {"customer_name", t.customer_name},
          {"category_id", OrNull(t.category_id)},
          {"category_name", t.category_name},
          {"department_id", OrNull(t.department_id)},
          {"department_name", t.department_name},
          {"assignee_id", OrNull(t.assignee_id)},
          {"assignee_name", t.assignee_name},
          {"merged_into", OrNull(t.merged_into)},
          {"cancel_reason", t.cancel_reason},
          {"transfer_count", t.transfer_count},
          {"sendback_count", t.sendback_count},
          {"reopen_count", t.reopen_count},
          {"escalation_level", t.escalation_level},
          {"sla_policy_id", OrNull(t.sla_policy_id)},
          {"sla_policy_version", t.sla_policy_version},
          {"sla_summary", t.sla_summary},
          {"sla_policy_name", t.sla_policy_id ? bj::value(t.sla_policy_name) : bj::value(nullptr)},
          {"sla_state", t.sla_state ? bj::value(sla::SlaStateName(*t.sla_state)) : bj::value(nullptr)},
          {"created_at", FormatIsoUtc(t.created_at)},
          {"accepted_at", time(t.accepted_at)},
          {"first_response_at", time(t.first_response_at)},
          {"resolved_at", time(t.resolved_at)},
          {"closed_at", time(t.closed_at)},
          {"updated_at", FormatIsoUtc(t.updated_at)}};
}

bj::object TicketPageJson(const std::vector<Ticket>& tickets, int offset, int limit) {
  bj::array items;
  for (const auto& t : tickets) items.push_back(TicketJson(t));
  std::optional<std::string> next;
  if (static_cast<int>(tickets.size()) == limit) next = std::to_string(offset + limit);
  return http::PageJson(std::move(items), next);
}

bj::object ImportJobJson(const ImportJob& j) {
  return {{"id", j.id},
          {"status", ImportStatusName(j.status)},
          {"filename", j.filename},
          {"format", import::FormatName(j.format)},
          {"total", j.total},
          {"done", j.done},
          {"errors", RowErrorsJson(j.errors, "column")},
          {"error_count", j.error_count},
          {"created_tickets", j.created_tickets},
          {"first_ticket_id", OrNull(j.first_ticket_id)},
          {"last_ticket_id", OrNull(j.last_ticket_id)},
          {"started_at", FormatIsoUtc(j.started_at)},
          {"finished_at", j.finished_at ? bj::value(FormatIsoUtc(*j.finished_at)) : bj::value(nullptr)}};
}

}  // namespace sqm::desk
