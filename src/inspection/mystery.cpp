#include "inspection/mystery.h"

#include <array>
#include <cmath>

#include "base/json.h"
#include "inspection/rules.h"
#include "inspection/site.h"

namespace sqm::inspection {

namespace {

constexpr std::array<std::string_view, 3> kChannels = {"visit", "call", "chat"};
constexpr std::array<std::string_view, 4> kClaims = {"none", "pending", "approved", "rejected"};
constexpr TimeMs kDayMs = 86'400'000;

template <typename E, std::size_t N>
std::optional<E> ParseIn(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

void Length(const std::string& field, const std::string& text, std::size_t min, std::size_t max, Problems& p) {
  const std::size_t n = json::CodePoints(text);
  if (n < min) {
    p.Add(field, Msg("field.required", "is required"));
  } else if (n > max) {
    p.Add(field, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(max)}}));
  }
}

}  // namespace

std::string_view Name(Channel c) {
  return kChannels[static_cast<std::size_t>(c)];
}
std::optional<Channel> ParseChannel(std::string_view s) {
  return ParseIn<Channel>(kChannels, s);
}
std::string_view Name(Claim c) {
  return kClaims[static_cast<std::size_t>(c)];
}
std::optional<Claim> ParseClaim(std::string_view s) {
  return ParseIn<Claim>(kClaims, s);
}

void CheckScenario(const Scenario& s, Problems& p) {
  Length("title", s.title, 1, 200, p);
  Length("script", s.script, 1, kMaxScriptChars, p);
  Length("observe", s.observe, 0, kMaxScriptChars, p);
  if (s.department_ids.empty()) {
    p.Add("department_ids", Msg("field.required", "is required"));
  } else if (s.department_ids.size() > kMaxScenarioTargets) {
    p.Add("department_ids",
          Msg("mystery.too_many_targets", "at most {max} departments", {{"max", std::to_string(kMaxScenarioTargets)}}));
  } else {
    for (std::size_t k = 0; k < s.department_ids.size(); ++k) {
      for (std::size_t j = 0; j < k; ++j) {
        if (s.department_ids[j] == s.department_ids[k]) {
          p.Add("department_ids[" + std::to_string(k) + "]", Msg("mystery.duplicate_target", "is named twice"));
        }
      }
    }
  }
  if (s.window_to <= s.window_from) {
    p.Add("window_to", Msg("mystery.window_order", "must be after window_from"));
  } else if (s.window_to - s.window_from > kMaxWindowDays * kDayMs) {
    p.Add("window_to", Msg("mystery.window_long", "the window may be at most {days} days",
                           {{"days", std::to_string(kMaxWindowDays)}}));
  }
  if (s.hours_from.has_value() != s.hours_to.has_value()) {
    p.Add(s.hours_from ? "hours_to" : "hours_from", Msg("mystery.hours_pair", "give both hours or neither"));
  } else if (s.hours_from && *s.hours_to <= *s.hours_from) {
    p.Add("hours_to", Msg("mystery.hours_order", "must be after hours_from"));
  }
  if (s.visits_per_target < 1 || s.visits_per_target > kMaxVisitsPerTarget) {
    p.Add("visits_per_target", Msg("field.out_of_range", "must be between {min} and {max}",
                                   {{"min", "1"}, {"max", std::to_string(kMaxVisitsPerTarget)}}));
  }
  if (s.budget_cents && (*s.budget_cents < 0 || *s.budget_cents > kMaxMoneyCents)) {
    p.Add("budget", Msg("mystery.money", "must be an amount from 0 with at most two decimals"));
  }
}

void CheckReport(const Scenario& s, const VisitReport& r, std::optional<int> local_minute, TimeMs now, Problems& p) {
  if (r.visited_at) {
    const TimeMs at = *r.visited_at;
    if (at < s.window_from || at > s.window_to) {
      p.Add("visited_at", Msg("mystery.outside_window", "must be inside the scenario's window"));
    } else if (at > now + kClockSkewMs) {
      p.Add("visited_at", Msg("mystery.future", "must not be in the future"));
    } else if (s.hours_from && local_minute && (*local_minute < *s.hours_from || *local_minute >= *s.hours_to)) {
      p.Add("visited_at", Msg("mystery.outside_hours", "must be between {from} and {to}",
                              {{"from", FormatHourMinute(*s.hours_from)}, {"to", FormatHourMinute(*s.hours_to)}}));
    }
  }
  if (r.duration_min && (*r.duration_min < 0 || *r.duration_min > kMaxVisitMinutes)) {
    p.Add("duration_min", Msg("field.out_of_range", "must be between {min} and {max}",
                              {{"min", "0"}, {"max", std::to_string(kMaxVisitMinutes)}}));
  }
  Length("served_by", r.served_by, 0, 200, p);
  if (!r.dialled.empty()) {
    if (s.channel != Channel::kCall) {
      p.Add("dialled", Msg("mystery.dialled_call", "only a call has a number dialled"));
    } else if (r.dialled.size() > 40 || r.dialled.find_first_not_of("0123456789+-() ") != std::string::npos) {
      p.Add("dialled", Msg("mystery.dialled", "must be a phone number (digits, + - ( ) and spaces, at most 40)"));
    }
  }
  if (r.spent_cents && (*r.spent_cents < 0 || *r.spent_cents > kMaxMoneyCents)) {
    p.Add("spent", Msg("mystery.money", "must be an amount from 0 with at most two decimals"));
  }
}

Status MayReport(const MysteryVisit& v) {
  if (Published(v.state)) {
    return Error::Conflict(Msg("inspection.published",
                               "a published inspection is never edited; correct it through "
                               "an appeal, which makes a new linked record"),
                           "state");
  }
  if (v.claim == Claim::kApproved || v.claim == Claim::kRejected) {
    return Error::Conflict(Msg("mystery.claim_decided", "the reimbursement has been decided"), "claim");
  }
  return {};
}

Status MayDecideClaim(const org::Principal& who, const MysteryVisit& v, const Scenario& s, const ClaimDecision& d) {
  if (who.staff_id == v.shopper_id) {
    return Error::Forbidden(Msg("mystery.own_claim", "the shopper cannot decide their own reimbursement"));
  }
  if (!v.report.spent_cents) {
    return Error::Conflict(Msg("mystery.no_amount", "the shopper has reported no amount spent"), "spent");
  }
  if (v.claim != Claim::kPending) {
    return Error::Conflict(Msg("mystery.claim_decided", "the reimbursement has been decided"), "claim");
  }
  if (d.approve && v.receipts == 0) {
    return Error::Conflict(Msg("mystery.no_receipt", "approve a reimbursement only with a receipt"), "receipts");
  }
  const bool over_budget = s.budget_cents && *v.report.spent_cents > *s.budget_cents;
  if ((!d.approve || over_budget) && json::CodePoints(d.reason) == 0) {
    return Error::Invalid("reason", d.approve
                                        ? Msg("mystery.over_budget", "the amount is over the budget: give a reason")
                                        : Msg("field.required", "is required"));
  }
  return {};
}

std::vector<TargetCoverage> Coverage(const Scenario& s, const std::vector<MysteryVisit>& visits,
                                     const std::map<Id, std::string>& department_names) {
  std::vector<TargetCoverage> out;
  for (const Id target : s.department_ids) {
    TargetCoverage c{.department_id = target, .wanted = s.visits_per_target};
    if (auto it = department_names.find(target); it != department_names.end()) c.department_name = it->second;
    for (const MysteryVisit& v : visits) {
      if (v.department_id != target) continue;
      ++c.assigned;
      if (v.state >= State::kSubmitted) ++c.done;
    }
    out.push_back(std::move(c));
  }
  return out;
}

ClaimTotals Totals(const std::vector<MysteryVisit>& visits) {
  ClaimTotals t;
  for (const MysteryVisit& v : visits) {
    if (!v.report.spent_cents) continue;
    const std::int64_t cents = *v.report.spent_cents;
    ++t.visits;
    t.claimed += cents;
    if (v.claim == Claim::kApproved) t.approved += cents;
    if (v.claim == Claim::kRejected) t.rejected += cents;
    if (v.claim == Claim::kPending) t.pending += cents;
  }
  return t;
}

std::optional<int> ParseHourMinute(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatHourMinute(int minutes) {
  const int h = minutes / 60, m = minutes % 60;
  std::string out;
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

std::optional<std::int64_t> ToCents(double amount) {
  if (!std::isfinite(amount) || amount < 0) return std::nullopt;
  const double cents = amount * 100;
  const double rounded = std::round(cents);
  if (std::fabs(cents - rounded) > 1e-6 || rounded > static_cast<double>(kMaxMoneyCents)) return std::nullopt;
  return static_cast<std::int64_t>(rounded);
}

}  // namespace sqm::inspection
