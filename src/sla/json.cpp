#include "sla/json.h"

namespace sqm::sla {

namespace bj = boost::json;

namespace {

template <typename T>
bj::value OrNull(const std::optional<T>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

}  // namespace

bj::array TargetsJson(const std::vector<Target>& targets) {
  bj::array out;
  for (const Target& t : targets) {
    out.push_back({{"kind", TimerKindName(t.kind)},
                   {"business_minutes", t.business_minutes},
                   {"calendar_code", t.calendar_code}});
  }
  return out;
}

bj::object PolicyToJson(const Policy& p) {
  const MatchCriteria& m = p.match;
  return {{"id", p.id},
          {"version", p.version},
          {"name", p.name},
          {"match",
           {{"ticket_type", OrNull(m.ticket_type)},
            {"priority", m.priority ? bj::value(PriorityName(*m.priority)) : bj::value(nullptr)},
            {"channel", OrNull(m.channel)},
            {"category_id", OrNull(m.category_id)},
            {"customer_tier", OrNull(m.customer_tier)}}},
          {"targets", TargetsJson(p.targets)},
          {"warning_fraction", p.warning_fraction},
          {"breach_assignee_id", OrNull(p.breach_assignee_id)},
          {"active", p.active}};
}

}  // namespace sqm::sla
