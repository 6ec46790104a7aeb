#include "desk/model.h"

#include <fmt/format.h>

namespace sqm::desk {

namespace {

constexpr Label<TicketType> kTicketTypes[] = {
    {TicketType::kConsultation, "consultation", "咨询"},   {TicketType::kRequest, "request", "服务请求", {"请求"}},
    {TicketType::kIncident, "incident", "故障", {"事件"}}, {TicketType::kComplaint, "complaint", "投诉"},
    {TicketType::kSuggestion, "suggestion", "建议"},
};

constexpr Label<Channel> kChannels[] = {
    {Channel::kPhone, "phone", "电话"},
    {Channel::kEmail, "email", "邮件", {"电子邮件"}},
    {Channel::kChat, "chat", "在线", {"在线客服"}},
    {Channel::kPortal, "portal", "门户"},
    {Channel::kWalkIn, "walk_in", "现场"},
    {Channel::kApi, "api", "接口"},
};

constexpr Label<TicketStatus> kStatuses[] = {
    {TicketStatus::kNew, "new", "新建"},
    {TicketStatus::kAccepted, "accepted", "已受理"},
    {TicketStatus::kInProgress, "in_progress", "处理中"},
    {TicketStatus::kWaitingCustomer, "waiting_customer", "等待客户"},
    {TicketStatus::kResolved, "resolved", "已解决"},
    {TicketStatus::kCallbackDone, "callback_done", "已回访"},
    {TicketStatus::kClosed, "closed", "已关闭"},
    {TicketStatus::kCancelled, "cancelled", "已取消"},
    {TicketStatus::kMerged, "merged", "已合并"},
};

constexpr Label<Action> kActions[] = {
    {Action::kAccept, "accept", "受理"},     {Action::kRespond, "respond", "响应"},
    {Action::kStart, "start", "开始处理"},   {Action::kWait, "wait", "等待客户"},
    {Action::kResume, "resume", "继续处理"}, {Action::kResolve, "resolve", "解决"},
    {Action::kCallback, "callback", "回访"}, {Action::kClose, "close", "关闭"},
    {Action::kReopen, "reopen", "重新打开"}, {Action::kCancel, "cancel", "取消"},
    {Action::kMerge, "merge", "合并"},       {Action::kTransfer, "transfer", "转派"},
    {Action::kEscalate, "escalate", "升级"}, {Action::kAssign, "assign", "指派"},
    {Action::kComment, "comment", "备注"},
};

constexpr Label<CallbackResolved> kCallbackResolved[] = {
    {CallbackResolved::kResolved, "resolved", "解决", {"已解决"}},
    {CallbackResolved::kPartly, "partly", "部分解决"},
    {CallbackResolved::kNotResolved, "not_resolved", "未解决"},
};

constexpr Label<Satisfaction> kSatisfactions[] = {
    {Satisfaction::kSatisfied, "satisfied", "满意"},
    {Satisfaction::kBasicallySatisfied, "basically_satisfied", "基本满意"},
    {Satisfaction::kDissatisfied, "dissatisfied", "不满意"},
    {Satisfaction::kNotRated, "not_rated", "未评价"},
};

// The aliases of efficiency and facilities are the web UI's labels.
constexpr Label<ComplaintCategory> kComplaintCategories[] = {
    {ComplaintCategory::kAttitude, "attitude", "服务态度"},
    {ComplaintCategory::kEfficiency, "efficiency", "处理效率", {"办理效率"}},
    {ComplaintCategory::kProfessionalism, "professionalism", "专业能力"},
    {ComplaintCategory::kOutcome, "outcome", "处理结果"},
    {ComplaintCategory::kFacilities, "facilities", "设施环境", {"环境设施"}},
    {ComplaintCategory::kOther, "other", "其他"},
};

constexpr Label<Escalation> kEscalations[] = {
    {Escalation::kTechnical, "technical", "技术升级"},
    {Escalation::kManager, "manager", "管理升级"},
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

template <>
std::span<const Label<TicketType>> Labels() {
  return kTicketTypes;
}
template <>
std::span<const Label<Channel>> Labels() {
  return kChannels;
}
template <>
std::span<const Label<TicketStatus>> Labels() {
  return kStatuses;
}
template <>
std::span<const Label<Action>> Labels() {
  return kActions;
}
template <>
std::span<const Label<CallbackResolved>> Labels() {
  return kCallbackResolved;
}
template <>
std::span<const Label<Satisfaction>> Labels() {
  return kSatisfactions;
}
template <>
std::span<const Label<ComplaintCategory>> Labels() {
  return kComplaintCategories;
}
template <>
std::span<const Label<Escalation>> Labels() {
  return kEscalations;
}

std::string_view TrimSpace(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else if (s.starts_with("\xE3\x80\x80")) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else if (s.ends_with("\xE3\x80\x80")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

std::string NormalizeLabel(std::string_view s) {
  std::string out(TrimSpace(s));
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

std::string PriorityName(int priority) {
  return fmt::format("P{}", priority);
}

std::optional<int> ParsePriority(std::string_view s) {
  if (s.size() == 2 && (s[0] == 'P' || s[0] == 'p') && s[1] >= '1' && s[1] <= '4') return s[1] - '0';
  return std::nullopt;
}

}  // namespace sqm::desk
