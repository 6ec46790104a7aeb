#include "sla/rules.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sqm::sla {

namespace {

constexpr std::int64_t kMsPerMinute = 60'000;

// ---- matching -------------------------------------------------------------------------------

constexpr std::array<const char*, 5> kCriterionNames = {"category", "customer_tier", "ticket_type", "priority",
                                                        "channel"};
constexpr std::array<const char*, 5> kVerdictNames = {"applied", "inactive", "not_matching", "less_specific",
                                                      "lost_tie_break"};

// Ranking key, compared lexicographically, larger is more specific: criteria count, category
// depth, then whether tier, type, priority, channel are set. Index i >= 1 is Criterion(i - 1).
using RankKey = std::array<int, 6>;

struct Candidate {
  const Policy* policy = nullptr;
  CandidateReport report;
  RankKey key{};
};

std::string Criteria(int n) {
  return std::to_string(n) + (n == 1 ? " criterion" : " criteria");
}

std::string PolicyLabel(const Policy& p) {
  return "policy #" + std::to_string(p.id) + " \"" + p.name + "\" v" + std::to_string(p.version);
}

std::string CategoryPath(const std::vector<std::int64_t>& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i > 0) out += '/';
    out += std::to_string(path[i]);
  }
  return out;
}

CriterionCheck CheckString(Criterion c, const std::string& wanted, const std::string& actual) {
  return {c, wanted, actual, !actual.empty() && actual == wanted};
}

Candidate Assess(const Policy& p, const TicketFacts& ticket) {
  Candidate c;
  c.policy = &p;
  CandidateReport& r = c.report;
  r.policy_id = p.id;
  r.policy_version = p.version;
  r.policy_name = p.name;
  const MatchCriteria& m = p.match;
  if (m.category_id) {
    CriterionCheck check{Criterion::kCategory, std::to_string(*m.category_id), CategoryPath(ticket.category_path),
                         false};
    const auto it = std::find(ticket.category_path.begin(), ticket.category_path.end(), *m.category_id);
    if (it != ticket.category_path.end()) {
      check.matched = true;
      r.category_depth = static_cast<int>(it - ticket.category_path.begin()) + 1;
    }
    r.checks.push_back(std::move(check));
  }
  if (m.customer_tier)
    r.checks.push_back(CheckString(Criterion::kCustomerTier, *m.customer_tier, ticket.customer_tier));
  if (m.ticket_type) r.checks.push_back(CheckString(Criterion::kTicketType, *m.ticket_type, ticket.ticket_type));
  if (m.priority) {
    r.checks.push_back({Criterion::kPriority, PriorityName(*m.priority),
                        ticket.priority ? PriorityName(*ticket.priority) : "", ticket.priority == m.priority});
  }
  if (m.channel) r.checks.push_back(CheckString(Criterion::kChannel, *m.channel, ticket.channel));
  r.specificity = static_cast<int>(r.checks.size());
  c.key = {r.specificity,         r.category_depth,   m.customer_tier ? 1 : 0,
           m.ticket_type ? 1 : 0, m.priority ? 1 : 0, m.channel ? 1 : 0};
  return c;
}

bool AllMatched(const CandidateReport& r) {
  return std::all_of(r.checks.begin(), r.checks.end(), [](const CriterionCheck& c) { return c.matched; });
}

std::string MatchedList(const CandidateReport& r) {
  std::string out;
  for (const CriterionCheck& c : r.checks) {
    if (!out.empty()) out += ", ";
    out += std::string(CriterionName(c.criterion)) + "=" + c.wanted;
  }
  return out;
}

std::string MismatchList(const CandidateReport& r) {
  std::string out;
  for (const CriterionCheck& c : r.checks) {
    if (c.matched) continue;
    if (!out.empty()) out += "; ";
    const std::string name = CriterionName(c.criterion);
    if (c.criterion == Criterion::kCategory) {
      out += "category " + c.wanted + " is not on the ticket's category path" +
             (c.actual.empty() ? std::string(" (the ticket has no category)") : " " + c.actual);
    } else if (c.actual.empty()) {
      out += name + " is unknown, the policy wants " + c.wanted;
    } else {
      out += name + " is " + c.actual + ", the policy wants " + c.wanted;
    }
  }
  return out;
}

// ---- timers -----------------------------------------------------------------------------------

std::int64_t TargetMs(const Timer& t) {
  return t.target_minutes * kMsPerMinute;
}

std::int64_t WarningMs(const Timer& t) {
  return static_cast<std::int64_t>(std::floor(static_cast<double>(TargetMs(t)) * t.warning_fraction));
}

// The timer's facts as they stood at `at`.
Timer AsOf(const Timer& t, TimeMs at) {
  Timer out = t;
  if (out.stopped_at && *out.stopped_at > at) out.stopped_at.reset();
  std::erase_if(out.pauses, [at](const Pause& p) { return p.from > at; });
  for (Pause& p : out.pauses) {
    if (p.to && *p.to > at) p.to.reset();
  }
  return out;
}

struct Reach {
  std::optional<TimeMs> at;    // empty: an open pause began before `amount` was reached
  std::int64_t paused_ms = 0;  // business time of the closed pauses that began before it
};

// When `amount` business ms have elapsed on the timer's clock (see the formula in rules.h).
Reach WhenElapsed(const Timer& t, std::int64_t amount, const calendar::BusinessTime& cal) {
  Reach r;
  TimeMs candidate = cal.AddBusinessMs(t.started_at, amount);
  for (const Pause& p : t.pauses) {
    if (p.from >= candidate) break;
    if (!p.to) return r;
    r.paused_ms += cal.BusinessMsBetween(p.from, *p.to);
    candidate = cal.AddBusinessMs(t.started_at, amount + r.paused_ms);
  }
  r.at = candidate;
  return r;
}

Status CheckCalendar(const std::string& code, const calendar::BusinessTime& cal) {
  if (cal.code() != code) {
    return Error::Invalid("calendar_code", "the timer counts on calendar '" + code + "', not '" + cal.code() + "'");
  }
  return {};
}

Status CheckNotBefore(const Timer& t, TimeMs at) {
  if (at < LastChange(t)) {
    return Error::Invalid("at",
                          FormatIsoUtc(at) + " is before the timer's last change at " + FormatIsoUtc(LastChange(t)));
  }
  return {};
}

}  // namespace

const char* CriterionName(Criterion c) {
  return kCriterionNames[static_cast<std::size_t>(c)];
}
const char* VerdictName(Verdict v) {
  return kVerdictNames[static_cast<std::size_t>(v)];
}
const char* FiringKindName(FiringKind k) {
  return k == FiringKind::kWarning ? "warning" : "breach";
}

PolicyMatch MatchPolicy(std::span<const Policy> policies, const TicketFacts& ticket) {
  std::vector<Candidate> matching;
  std::vector<Candidate> not_matching;
  std::vector<Candidate> inactive;
  for (const Policy& p : policies) {
    Candidate c = Assess(p, ticket);
    if (!p.active) {
      c.report.verdict = Verdict::kInactive;
      c.report.reason = "inactive";
      inactive.push_back(std::move(c));
    } else if (!AllMatched(c.report)) {
      c.report.verdict = Verdict::kNotMatching;
      c.report.reason = "does not match: " + MismatchList(c.report);
      not_matching.push_back(std::move(c));
    } else {
      matching.push_back(std::move(c));
    }
  }
  auto by_id = [](const Candidate& a, const Candidate& b) {
    return a.policy->id != b.policy->id ? a.policy->id < b.policy->id : a.policy->version > b.policy->version;
  };
  std::sort(matching.begin(), matching.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.key != b.key) return a.key > b.key;
    return by_id(a, b);
  });
  std::sort(not_matching.begin(), not_matching.end(), by_id);
  std::sort(inactive.begin(), inactive.end(), by_id);

  PolicyMatch out;
  if (matching.empty()) {
    out.summary = "no active policy matches the ticket";
  } else {
    const Candidate& winner = matching.front();
    out.policy = winner.policy;
    const std::string because = winner.report.checks.empty() ? "as the default policy (it sets no criteria)"
                                                             : "because " + MatchedList(winner.report) + " matched";
    matching.front().report.verdict = Verdict::kApplied;
    matching.front().report.reason = "applied " + because;
    out.summary = PolicyLabel(*winner.policy) + " applied " + because;
    const std::string winner_label = "policy #" + std::to_string(winner.policy->id);
    for (std::size_t i = 1; i < matching.size(); ++i) {
      CandidateReport& r = matching[i].report;
      const RankKey& k = matching[i].key;
      if (k[0] < winner.key[0]) {
        r.verdict = Verdict::kLessSpecific;
        r.reason =
            "less specific than " + winner_label + " (" + Criteria(k[0]) + " vs " + std::to_string(winner.key[0]) + ")";
      } else {
        r.verdict = Verdict::kLostTieBreak;
        const std::string same = "as specific as " + winner_label + " (" + Criteria(k[0]) + "), which wins ";
        std::size_t idx = 1;
        while (idx < k.size() && k[idx] == winner.key[idx]) ++idx;
        if (idx == k.size()) {
          r.reason = same + "by its lower id";
        } else {
          r.decided_by = static_cast<Criterion>(idx - 1);
          r.reason = idx == 1 ? same + "on a deeper category (depth " + std::to_string(winner.key[1]) + " vs " +
                                    std::to_string(k[1]) + ")"
                              : same + "because it sets " + CriterionName(*r.decided_by);
        }
      }
      out.summary += "; #" + std::to_string(r.policy_id) + " \"" + r.policy_name + "\" " +
                     (r.verdict == Verdict::kLessSpecific ? "was less specific" : "lost the tie-break");
    }
  }
  for (auto* group : {&matching, &not_matching, &inactive}) {
    for (Candidate& c : *group) out.candidates.push_back(std::move(c.report));
  }
  return out;
}

std::optional<TimerSpec> SpecFor(const Policy& policy, TimerKind kind) {
  const Target* target = policy.TargetFor(kind);
  if (!target) return std::nullopt;
  return TimerSpec{
      kind, policy.id, policy.version, target->business_minutes, target->calendar_code, policy.warning_fraction};
}

Result<Timer> StartTimer(const TimerSpec& spec, TimeMs at, const calendar::BusinessTime& cal) {
  if (spec.target_minutes < 1 || spec.target_minutes > kMaxTargetMinutes) {
    return Error::Invalid("target_minutes", "must be between 1 and " + std::to_string(kMaxTargetMinutes));
  }
  if (!(spec.warning_fraction > 0.0 && spec.warning_fraction < 1.0)) {
    return Error::Invalid("warning_fraction", "must be between 0 and 1 (exclusive)");
  }
  SQM_TRY(CheckCalendar(spec.calendar_code, cal));
  Timer t;
  t.kind = spec.kind;
  t.policy_id = spec.policy_id;
  t.policy_version = spec.policy_version;
  t.target_minutes = spec.target_minutes;
  t.calendar_code = spec.calendar_code;
  t.warning_fraction = spec.warning_fraction;
  t.started_at = at;
  return Derive(std::move(t), at, cal);
}

Result<Timer> PauseTimer(Timer timer, TimeMs at, const calendar::BusinessTime& cal) {
  SQM_TRY(CheckCalendar(timer.calendar_code, cal));
  if (timer.stopped_at) return Error::Conflict("the timer is stopped");
  if (IsPaused(timer)) return Error::Conflict("the timer is already paused");
  SQM_TRY(CheckNotBefore(timer, at));
  timer.pauses.push_back({at, std::nullopt});
  return Derive(std::move(timer), at, cal);
}

Result<Timer> ResumeTimer(Timer timer, TimeMs at, const calendar::BusinessTime& cal) {
  SQM_TRY(CheckCalendar(timer.calendar_code, cal));
  if (timer.stopped_at) return Error::Conflict("the timer is stopped");
  if (!IsPaused(timer)) return Error::Conflict("the timer is not paused");
  SQM_TRY(CheckNotBefore(timer, at));
  timer.pauses.back().to = at;
  return Derive(std::move(timer), at, cal);
}

Result<Timer> StopTimer(Timer timer, TimeMs at, const calendar::BusinessTime& cal) {
  SQM_TRY(CheckCalendar(timer.calendar_code, cal));
  if (timer.stopped_at) return Error::Conflict("the timer is already stopped");
  SQM_TRY(CheckNotBefore(timer, at));
  if (IsPaused(timer)) timer.pauses.back().to = at;
  timer.stopped_at = at;
  return Derive(std::move(timer), at, cal);
}

Result<Timer> MarkFired(Timer timer, FiringKind kind, TimeMs at, const calendar::BusinessTime& cal) {
  SQM_TRY(CheckCalendar(timer.calendar_code, cal));
  auto& slot = kind == FiringKind::kWarning ? timer.warning_fired_at : timer.breach_fired_at;
  if (!slot) slot = at;
  return Derive(std::move(timer), at, cal);
}

bool IsPaused(const Timer& t) {
  return !t.pauses.empty() && !t.pauses.back().to;
}

TimeMs LastChange(const Timer& t) {
  TimeMs last = t.started_at;
  for (const Pause& p : t.pauses) last = std::max(last, p.to.value_or(p.from));
  return last;
}

Timer Derive(Timer t, TimeMs at, const calendar::BusinessTime& cal) {
  TimeMs when = std::max(at, LastChange(t));
  if (t.stopped_at) when = std::max(when, *t.stopped_at);
  const TimerStatus s = Evaluate(t, when, cal);
  t.state = s.state;
  t.due_at = s.due_at;
  t.warning_at = s.warning_at;
  t.paused_business_ms = s.paused_business_ms;
  t.overrun_business_ms = s.overrun_business_ms;
  t.overrun_wall_ms = s.overrun_wall_ms;
  return t;
}

TimerStatus Evaluate(const Timer& timer, TimeMs at, const calendar::BusinessTime& cal) {
  const Timer t = AsOf(timer, at);
  const TimeMs end = t.stopped_at.value_or(at);
  const std::int64_t target = TargetMs(t);
  const Reach due = WhenElapsed(t, target, cal);
  const Reach warning = WhenElapsed(t, WarningMs(t), cal);

  std::int64_t paused_so_far = 0;
  for (const Pause& p : t.pauses) paused_so_far += cal.BusinessMsBetween(p.from, std::min(p.to.value_or(end), end));

  TimerStatus s;
  s.due_at = due.at;
  s.warning_at = warning.at;
  s.warning_reached = warning.at && *warning.at <= end;
  s.elapsed_business_ms = cal.BusinessMsBetween(t.started_at, end) - paused_so_far;
  s.remaining_business_ms = target - s.elapsed_business_ms;
  // The pauses that moved the due time; while it is unknown, every pause so far.
  s.paused_business_ms = due.at ? due.paused_ms : paused_so_far;

  if (t.stopped_at) {
    s.state = due.at && *t.stopped_at > *due.at ? TimerState::kBreached : TimerState::kMet;
  } else if (due.at && at > *due.at) {
    s.state = TimerState::kBreached;
  } else {
    s.state = IsPaused(t) ? TimerState::kPaused : TimerState::kRunning;
  }
  if (s.state == TimerState::kBreached) {
    s.overrun_business_ms = std::max<std::int64_t>(0, -s.remaining_business_ms);
    s.overrun_wall_ms = end - *due.at;
  }
  return s;
}

std::int64_t RemainingBusinessMs(const Timer& timer, TimeMs at, const calendar::BusinessTime& cal) {
  return Evaluate(timer, at, cal).remaining_business_ms;
}

std::optional<Firing> NextFiring(const Timer& timer) {
  if (timer.stopped_at) return std::nullopt;
  if (!timer.warning_fired_at) {
    if (!timer.warning_at) return std::nullopt;
    return Firing{*timer.warning_at, FiringKind::kWarning};
  }
  if (!timer.breach_fired_at && timer.due_at) return Firing{*timer.due_at + 1, FiringKind::kBreach};
  return std::nullopt;
}

}  // namespace sqm::sla
