#include "sla/model.h"

#include <set>

namespace sqm::sla {

namespace {

constexpr std::array<const char*, 4> kKindNames = {"first_response", "resolution", "callback", "handover"};
constexpr std::array<const char*, 4> kPriorityNames = {"P1", "P2", "P3", "P4"};
constexpr std::array<const char*, 4> kStateNames = {"running", "paused", "met", "breached"};
constexpr std::array<const char*, 4> kSlaStateNames = {"ok", "warning", "breached", "paused"};

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  }
  return n;
}

Status CheckLabel(const std::optional<std::string>& value, const char* field) {
  if (value && (value->empty() || CodePoints(*value) > 64)) {
    return Error::Invalid(field, "must be 1-64 characters when given");
  }
  return {};
}

}  // namespace

const char* TimerKindName(TimerKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<TimerKind> ParseTimerKind(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (name == kKindNames[i]) return static_cast<TimerKind>(i);
  }
  return std::nullopt;
}

const char* PriorityName(Priority p) {
  return kPriorityNames[static_cast<std::size_t>(p) - 1];
}

std::optional<Priority> ParsePriority(std::string_view name) {
  for (std::size_t i = 0; i < kPriorityNames.size(); ++i) {
    if (name == kPriorityNames[i]) return static_cast<Priority>(i + 1);
  }
  return std::nullopt;
}

const char* TimerStateName(TimerState s) {
  return kStateNames[static_cast<std::size_t>(s)];
}

const char* SlaStateName(SlaState s) {
  return kSlaStateNames[static_cast<std::size_t>(s)];
}

std::optional<SlaState> ParseSlaState(std::string_view name) {
  for (std::size_t i = 0; i < kSlaStateNames.size(); ++i) {
    if (name == kSlaStateNames[i]) return static_cast<SlaState>(i);
  }
  return std::nullopt;
}

const Target* Policy::TargetFor(TimerKind kind) const {
  for (const Target& t : targets) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

Status Validate(const Policy& policy) {
  const std::size_t name_len = CodePoints(policy.name);
  if (name_len == 0 || name_len > 100) return Error::Invalid("name", "must be 1-100 characters");
  if (policy.version < 1) return Error::Invalid("version", "must be 1 or more");
  if (!(policy.warning_fraction > 0.0 && policy.warning_fraction < 1.0)) {
    return Error::Invalid("warning_fraction", "must be between 0 and 1 (exclusive), e.g. 0.75");
  }
  SQM_TRY(CheckLabel(policy.match.ticket_type, "match.ticket_type"));
  SQM_TRY(CheckLabel(policy.match.channel, "match.channel"));
  SQM_TRY(CheckLabel(policy.match.customer_tier, "match.customer_tier"));
  if (policy.match.category_id && *policy.match.category_id <= 0) {
    return Error::Invalid("match.category_id", "must be a category id");
  }
  if (policy.targets.empty()) return Error::Invalid("targets", "set at least one target");
  std::set<TimerKind> kinds;
  for (std::size_t i = 0; i < policy.targets.size(); ++i) {
    const Target& t = policy.targets[i];
    const std::string at = "targets[" + std::to_string(i) + "]";
    if (!kinds.insert(t.kind).second) {
      return Error::Invalid(at + ".kind", std::string("a policy has one ") + TimerKindName(t.kind) + " target");
    }
    if (t.business_minutes < 1 || t.business_minutes > kMaxTargetMinutes) {
      return Error::Invalid(at + ".business_minutes", "must be between 1 and " + std::to_string(kMaxTargetMinutes));
    }
    if (t.calendar_code.empty()) return Error::Invalid(at + ".calendar_code", Msg("field.required", "is required"));
  }
  return {};
}

}  // namespace sqm::sla
