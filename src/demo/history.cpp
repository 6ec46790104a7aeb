#include "demo/history.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <vector>

#include <fmt/format.h>

#include "desk/catalogue.h"

namespace sqm::demo {

using desk::Action;
using desk::ActionInput;
using desk::Channel;
using desk::ComplaintCategory;
using desk::Id;
using desk::TicketType;
using storage::WriteTx;

std::uint64_t Random::Next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
double Random::Uniform() {
  return static_cast<double>(Next() >> 11) * 0x1.0p-53;
}
int Random::Below(int n) {
  return static_cast<int>(Uniform() * n);
}
double Random::Exponential(double mean) {
  return -mean * std::log(1.0 - Uniform());
}

namespace {

constexpr TimeMs kMinute = 60'000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
constexpr TimeMs kChinaOffset = 8 * kHour;

struct CategoryDef {
  const char* name;
  std::vector<std::pair<const char*, std::vector<const char*>>> children;  // name, ticket titles
};

// The service catalogue: what customers ask for.
const std::vector<CategoryDef>& Catalogue() {
  static const std::vector<CategoryDef> kCatalogue = {
      {"账户与登录",
       {{"密码重置", {"无法登录业务系统，需要重置密码", "密码过期提示后无法修改", "忘记邮箱密码"}},
        {"账号锁定", {"账号多次输错被锁定", "新员工账号未开通", "账号权限不足无法访问报表"}}}},
      {"网络与连接",
       {{"宽带故障", {"办公室网络时断时续", "营业厅宽带无法上网", "网速明显变慢"}},
        {"VPN", {"出差期间VPN连接失败", "VPN登录后无法访问内网", "VPN客户端报证书错误"}}}},
      {"软件与系统",
       {{"办公软件", {"邮件客户端无法收信", "文档协作平台打不开", "视频会议没有声音"}},
        {"业务系统", {"订单系统提交时报错", "报表导出超时", "工单系统页面加载缓慢"}}}},
      {"硬件与设备",
       {{"电脑故障", {"笔记本电脑无法开机", "电脑蓝屏频繁重启", "显示器闪屏"}},
        {"打印机", {"打印机卡纸", "打印任务一直排队", "扫描件无法发送到邮箱"}}}},
      {"业务咨询",
       {{"资费咨询", {"咨询套餐资费标准", "询问发票开具流程", "合同续签费用咨询"}},
        {"办理流程", {"如何申请新增服务", "变更联系人需要哪些材料", "服务开通需要多长时间"}}}},
  };
  return kCatalogue;
}

// What complaints are about: one 服务质量 subcategory per complaint category, so a ticket's
// category and its complaint category always agree. `substantiated` and `not_substantiated` are
// the quality department's findings either way; `remedy` what was done when it was justified.
struct ComplaintKind {
  ComplaintCategory category;
  const char* name;
  double share;           // of all complaints
  double about_engineer;  // chance that the complaint is about an engineer rather than an agent
  std::vector<const char*> titles;
  const char* substantiated;
  const char* remedy;
  const char* not_substantiated;
};

constexpr const char* kComplaintRoot = "服务质量";

const std::vector<ComplaintKind>& ComplaintKinds() {
  static const std::vector<ComplaintKind> kKinds = {
      {ComplaintCategory::kAttitude,
       "服务态度",
       0.33,
       0.2,
       {"投诉客服人员态度冷淡", "电话中被客服打断并挂断", "工程师上门时言语不耐烦"},
       "调取通话录音核实：当事人答复语气生硬，未按服务规范致歉，投诉属实。",
       "当面向客户致歉；当事人参加服务规范复训，本月服务质量考核扣分。",
       "调取通话录音核实：当事人用语规范，客户不满系对处理结果有异议，已另行解释。"},
      {ComplaintCategory::kEfficiency,
       "处理效率",
       0.30,
       0.6,
       {"故障报修三天未处理", "电话多次转接无人处理", "承诺当天回电却没有回复"},
       "工单在转派环节积压，超过承诺处理时限，派单跟进缺失，投诉属实。",
       "优先派高级工程师当日处理，减免当月服务费；调整派单超时提醒规则。",
       "处理用时在服务承诺之内，延误系等待客户提供资料，已向客户说明。"},
      {ComplaintCategory::kProfessionalism,
       "专业能力",
       0.15,
       0.8,
       {"工程师多次上门仍未找到原因", "客服解答前后矛盾", "更换配件后问题依旧"},
       "首次诊断有误导致重复上门，未按故障排查手册操作，投诉属实。",
       "安排二线工程师复核并彻底修复；组织该类故障专项培训。",
       "处理方案符合技术规范，故障由客户自购的第三方设备引起，已出具说明。"},
      {ComplaintCategory::kOutcome,
       "处理结果",
       0.12,
       0.6,
       {"问题反复出现未根治", "未解决就被结单", "回访承诺未兑现"},
       "问题未彻底解决即结单，违反结单标准，投诉属实。",
       "重新派单彻底处理，结单前增加客户确认环节。",
       "问题已按约定解决，客户新诉求超出服务合同范围，已解释并提供增值服务报价。"},
      {ComplaintCategory::kFacilities,
       "环境设施",
       0.05,
       0.0,
       {"营业厅排队叫号系统故障", "服务大厅空调长期不制冷"},
       "现场核查：叫号系统故障三天未报修，等候秩序混乱，投诉属实。",
       "已修复叫号系统，增设现场引导人员，每日开门前巡检设施。",
       "现场核查设施运行正常，当日为系统例行维护，已提前公告。"},
      {ComplaintCategory::kOther,
       "其他投诉",
       0.05,
       0.3,
       {"办理进度无人告知", "发票寄送地址被写错"},
       "办理进度未按流程告知客户，投诉属实。",
       "补发进度通知并致歉；上线办理进度短信提醒。",
       "经核实不属于服务问题，已向客户说明情况。"},
  };
  return kKinds;
}

// The generated world the replay draws from.
struct World {
  std::map<std::string, Id> departments;         // code -> id
  std::map<std::string, std::vector<Id>> staff;  // "DESK/agent" -> ids
  std::map<Id, std::string> usernames;
  std::map<Id, Id> department_of;
  std::vector<org::Staff> accounts;                                      // portal (customer) accounts, oldest first
  std::vector<Id> customers;                                             // persons
  std::vector<std::pair<Id, std::vector<const char*>>> leaf_categories;  // id, titles (service requests)
  std::map<ComplaintCategory, Id> complaint_categories;                  // the 服务质量 leaf of each
};

struct Op {
  TimeMs at = 0;
  int ticket = 0;  // index into the generated tickets
  Id actor = 0;
  bool is_register = false;
  desk::TicketDraft draft;
  std::optional<desk::ComplaintPatch> review;  // the quality department's findings on a complaint
  ActionInput input;
};

org::Principal Actor(const World& w, Id id) {
  org::Principal p;
  p.staff_id = id;
  p.username = w.usernames.at(id);
  if (auto it = w.department_of.find(id); it != w.department_of.end()) p.department_id = it->second;
  p.scope.all = true;  // a replay acts as it happened; scoping was checked when it did
  return p;
}

Result<World> LoadWorld(org::Service& org) {
  const org::Principal system = org::Principal::System();
  World w;
  std::map<Id, std::string> code_of;
  SQM_ASSIGN(auto departments, org.ListDepartments(system));
  for (const auto& d : departments) {
    if (!d.code) continue;
    w.departments[*d.code] = d.id;
    code_of[d.id] = *d.code;
  }
  for (const char* code : {"DESK", "TECH", "TECH-L1", "TECH-L2", "OPS"}) {
    if (!w.departments.contains(code))
      return Error::Invalid("departments", fmt::format("demo department {} is missing", code));
  }
  org::repo::StaffQuery query;
  query.active = true;
  query.limit = 200;
  for (;;) {
    SQM_ASSIGN(auto page, org.ListStaff(system, query));
    for (const auto& s : page.items) {
      w.usernames[s.id] = s.username;
      if (s.department_id) w.department_of[s.id] = *s.department_id;
      const std::string code = s.department_id && code_of.contains(*s.department_id) ? code_of[*s.department_id] : "";
      for (const auto& role : s.roles) w.staff[code + "/" + role].push_back(s.id);
      if (std::find(s.roles.begin(), s.roles.end(), "customer") != s.roles.end()) w.accounts.push_back(s);
    }
    if (!page.next_cursor) break;
    query.after_id = std::stoll(*page.next_cursor);
  }
  for (const char* key : {"DESK/agent", "TECH-L1/engineer", "TECH-L2/engineer", "OPS/engineer"}) {
    if (w.staff[key].empty()) return Error::Invalid("staff", fmt::format("no demo staff for {}", key));
  }
  return w;
}

Status CreateCatalogue(desk::Catalogue& desk, World& w, HistorySummary& sum) {
  const org::Principal system = org::Principal::System();
  for (const auto& top : Catalogue()) {
    SQM_ASSIGN(auto parent, desk.CreateCategory(system, top.name, std::nullopt));
    ++sum.categories;
    for (const auto& [name, titles] : top.children) {
      SQM_ASSIGN(auto leaf, desk.CreateCategory(system, name, parent.id));
      w.leaf_categories.emplace_back(leaf.id, titles);
      ++sum.categories;
    }
  }
  SQM_ASSIGN(auto quality, desk.CreateCategory(system, kComplaintRoot, std::nullopt));
  ++sum.categories;
  for (const auto& kind : ComplaintKinds()) {
    SQM_ASSIGN(auto leaf, desk.CreateCategory(system, kind.name, quality.id));
    w.complaint_categories[kind.category] = leaf.id;
    ++sum.categories;
  }
  return {};
}

// Organisations and their contacts; the portal accounts become contacts too.
Status CreateCustomers(desk::Catalogue& desk, World& w, Random& rnd, HistorySummary& sum) {
  const org::Principal system = org::Principal::System();
  struct Org {
    const char* name;
    const char* tier;
  };
  constexpr std::array<Org, 9> kOrgs = {{{"华东制造有限公司", "gold"},
                                         {"星辰科技股份有限公司", "standard"},
                                         {"蓝海物流集团", "vip"},
                                         {"市第一人民医院", "vip"},
                                         {"新城区政务服务中心", "gold"},
                                         {"恒信银行南城支行", "vip"},
                                         {"绿源食品有限公司", "standard"},
                                         {"远航教育科技", "standard"},
                                         {"明德律师事务所", "gold"}}};
  std::vector<Id> orgs;
  for (const auto& o : kOrgs) {
    desk::CustomerDraft d;
    d.name = o.name;
    d.kind = "organisation";
    d.tier = o.tier;
    SQM_ASSIGN(auto c, desk.CreateCustomer(system, d));
    orgs.push_back(c.id);
    ++sum.customers;
  }
  constexpr std::array<const char*, 12> kSurnames = {"王", "李", "张", "刘", "陈", "杨",
                                                     "赵", "黄", "周", "吴", "孙", "马"};
  constexpr std::array<const char*, 10> kGiven = {"先生", "女士", "经理", "主任", "工",
                                                  "老师", "总",   "科长", "会计", "主管"};
  const int accounts = static_cast<int>(w.accounts.size());
  const int persons = std::max(150, accounts);
  for (int i = 0; i < persons; ++i) {
    const bool account = i < accounts;
    desk::CustomerDraft d;
    d.name = account ? w.accounts[i].display_name
                     : fmt::format("{}{}", kSurnames[rnd.Below(kSurnames.size())], kGiven[rnd.Below(kGiven.size())]);
    d.organisation_id = orgs[account ? i % orgs.size() : rnd.Below(static_cast<int>(orgs.size()))];
    d.phone = account ? w.accounts[i].phone : fmt::format("139{:08d}", 10000000 + i * 7919 % 89999999);
    d.tier = rnd.Chance(0.05) ? "vip" : "standard";
    if (account) {
      d.email = w.accounts[i].email;
      d.account_id = w.accounts[i].id;
    }
    SQM_ASSIGN(auto c, desk.CreateCustomer(system, d));
    w.customers.push_back(c.id);
    ++sum.customers;
  }
  return {};
}

Status CreatePolicies(sla::Service& sla, HistorySummary& sum) {
  using sla::TimerKind;
  auto policy = [](std::string name, sla::MatchCriteria match, std::int64_t fr, std::int64_t res, const char* cal) {
    sla::Policy p;
    p.name = std::move(name);
    p.match = std::move(match);
    p.targets = {{TimerKind::kFirstResponse, fr, cal},
                 {TimerKind::kResolution, res, cal},
                 {TimerKind::kCallback, 24 * 60, "24x7"},
                 {TimerKind::kHandover, std::max<std::int64_t>(15, fr), cal}};
    return p;
  };
  const std::vector<sla::Policy> policies = {
      policy("标准服务 Standard", {}, 60, 16 * 60, "cn-mainland"),
      policy("咨询 Consultation", {.ticket_type = "consultation"}, 30, 4 * 60, "cn-mainland"),
      policy("故障 P1 Critical incident", {.ticket_type = "incident", .priority = sla::Priority::kP1}, 15, 4 * 60,
             "24x7"),
      policy("故障 P2 Major incident", {.ticket_type = "incident", .priority = sla::Priority::kP2}, 30, 8 * 60,
             "cn-mainland"),
      policy("投诉处理 Complaints", {.ticket_type = "complaint"}, 60, 5 * 9 * 60, "cn-mainland"),
      policy("VIP 客户 VIP customers", {.customer_tier = "vip"}, 30, 8 * 60, "cn-mainland"),
  };
  for (const auto& p : policies) {
    SQM_TRY(sla.CreatePolicy("system", p));
    ++sum.policies;
  }
  return {};
}

// Which complaint kind, drawn by share.
const ComplaintKind& DrawComplaintKind(Random& rnd) {
  double u = rnd.Uniform();
  for (const auto& k : ComplaintKinds()) {
    if (u < k.share) return k;
    u -= k.share;
  }
  return ComplaintKinds().back();
}

template <typename T>
const T& Pick(Random& rnd, const std::vector<T>& v) {
  return v[rnd.Below(static_cast<int>(v.size()))];
}

// The life of one ticket as a list of steps, starting at `created`.
void PlanTicket(const World& w, Random& rnd, int index, TimeMs created, std::vector<Op>& ops) {
  const auto& agents = w.staff.at("DESK/agent");
  const Id agent = Pick(rnd, agents);
  const double u = rnd.Uniform();
  const TicketType type = u < 0.33   ? TicketType::kConsultation
                          : u < 0.60 ? TicketType::kRequest
                          : u < 0.85 ? TicketType::kIncident
                          : u < 0.94 ? TicketType::kComplaint
                                     : TicketType::kSuggestion;
  const double c = rnd.Uniform();
  const Channel channel = c < 0.45   ? Channel::kPhone
                          : c < 0.60 ? Channel::kEmail
                          : c < 0.80 ? Channel::kChat
                          : c < 0.95 ? Channel::kPortal
                          : c < 0.98 ? Channel::kWalkIn
                                     : Channel::kApi;
  const double p = rnd.Uniform();
  const int priority = p < 0.05 ? 1 : p < 0.25 ? 2 : p < 0.80 ? 3 : 4;
  Op reg;
  reg.at = created;
  reg.ticket = index;
  reg.actor = agent;
  reg.is_register = true;
  auto& r = reg.draft.registration;
  r.type = type;
  r.channel = channel;
  r.priority = priority;
  r.customer_id = Pick(rnd, w.customers);
  reg.draft.department_id = w.departments.at("DESK");
  const ComplaintKind* complaint = nullptr;
  std::optional<Id> reviewer;
  if (type == TicketType::kComplaint) {
    complaint = &DrawComplaintKind(rnd);
    r.category_id = w.complaint_categories.at(complaint->category);
    r.title = Pick(rnd, complaint->titles);
    desk::ComplaintDraft cd;
    cd.category = complaint->category;
    const auto& pool = w.staff.at(rnd.Chance(complaint->about_engineer) ? "TECH-L1/engineer" : "DESK/agent");
    cd.about_staff_id = Pick(rnd, pool);
    cd.about_department_id = w.department_of.at(*cd.about_staff_id);
    cd.severity = rnd.Chance(0.15) ? 3 : rnd.Chance(0.3) ? 1 : 2;
    if (const auto& qa = w.staff.at("QA/quality"); !qa.empty()) reviewer = cd.responsible_id = Pick(rnd, qa);
    cd.deadline_at = created + 5 * kDay;
    reg.draft.complaint = cd;
  } else {
    const auto& [category, titles] = Pick(rnd, w.leaf_categories);
    r.category_id = category;
    r.title = Pick(rnd, titles);
  }
  r.description = fmt::format("客户来电反映：{}。已记录联系方式，需跟进处理。", r.title);
  ops.push_back(reg);

  TimeMs t = created;
  Id owner = agent;
  auto step = [&](Action a, TimeMs delay, Id actor, std::function<void(ActionInput&)> fill = {}) {
    t += std::max<TimeMs>(kMinute, delay);
    Op op;
    op.at = t;
    op.ticket = index;
    op.actor = actor;
    op.input.action = a;
    if (fill) fill(op.input);
    ops.push_back(std::move(op));
  };
  auto minutes = [&](double mean) { return static_cast<TimeMs>(rnd.Exponential(mean) * kMinute); };
  // Agents answer urgent tickets first; most first responses and hand-overs meet their targets.
  const double urgency = priority <= 2 ? 0.4 : 1.0;
  const double response_mean = (type == TicketType::kConsultation ? 8 : 15) * urgency;
  step(Action::kRespond, minutes(response_mean), agent,
       [](ActionInput& in) { in.note = "您好，已收到您的问题，正在为您处理。"; });

  const bool technical = (type == TicketType::kIncident || type == TicketType::kRequest) && rnd.Chance(0.6);
  if (technical) {
    const char* dept = rnd.Chance(0.7) ? "TECH-L1" : "OPS";
    step(Action::kTransfer, minutes(20), agent, [&](ActionInput& in) {
      in.department_id = w.departments.at(dept);
      in.note = "需要技术支持处理";
    });
    owner = Pick(rnd, w.staff.at(std::string(dept) + "/engineer"));
    step(Action::kAccept, minutes(15 * urgency), owner);
    if (rnd.Chance(0.08)) {  // not ours: sent back to the desk, then forwarded again
      step(Action::kTransfer, minutes(30), owner, [&](ActionInput& in) {
        in.department_id = w.departments.at("DESK");
        in.note = "信息不完整，请补充客户设备型号后再转";
      });
      step(Action::kAccept, minutes(20), agent);
      step(Action::kTransfer, minutes(40), agent, [&](ActionInput& in) {
        in.department_id = w.departments.at(dept);
        in.note = "已补充设备信息";
      });
      step(Action::kAccept, minutes(30), owner);
    }
    if (dept == std::string("TECH-L1") && rnd.Chance(0.15)) {
      const Id senior = Pick(rnd, w.staff.at("TECH-L2/engineer"));
      step(Action::kEscalate, minutes(120), owner, [&](ActionInput& in) {
        in.escalation = desk::Escalation::kTechnical;
        in.department_id = w.departments.at("TECH-L2");
        in.note = "一线无法解决，升级二线";
      });
      owner = senior;
      step(Action::kAccept, minutes(30), owner);
    }
    step(Action::kStart, minutes(15), owner);
  }
  if (rnd.Chance(0.2)) {
    // Usually a few hours; sometimes the customer takes days to answer.
    const bool slow = rnd.Chance(0.3);
    step(Action::kWait, minutes(90), owner, [](ActionInput& in) { in.note = "等待客户提供截图"; });
    step(Action::kResume, minutes(slow ? 3 * 24 * 60 : 360), owner);
  }
  const double resolve_mean = type == TicketType::kConsultation ? 25
                              : type == TicketType::kIncident   ? 420
                              : type == TicketType::kComplaint  ? 1500
                                                                : 300;
  // A few tickets stall (a part on order, a case nobody chased) and are resolved days late: their
  // resolution target breaches, and the recent ones are still open and overdue.
  const bool stalls = rnd.Chance(0.04);
  step(Action::kResolve, stalls ? 2 * kDay + minutes(5 * 24 * 60) : minutes(resolve_mean), owner,
       [](ActionInput& in) { in.note = "问题已处理完毕。"; });
  if (complaint && reviewer) {
    // The quality department reviews the complaint: findings, whether it was justified, and the
    // remedy when it was; the customer is told by phone.
    t += std::max<TimeMs>(kMinute, minutes(240));
    const bool justified = rnd.Chance(0.55);
    desk::ComplaintPatch review;
    review.findings = justified ? complaint->substantiated : complaint->not_substantiated;
    review.substantiated = std::optional<bool>(justified);
    if (justified) review.remedy = complaint->remedy;
    review.communicated_at = std::optional<TimeMs>(t);
    review.communicated_how = std::string("电话告知客户");
    Op op;
    op.at = t;
    op.ticket = index;
    op.actor = *reviewer;
    op.review = std::move(review);
    ops.push_back(std::move(op));
  }
  for (int round = 0; round < 2; ++round) {
    const double s = rnd.Uniform();
    const auto resolved = s < 0.86   ? desk::CallbackResolved::kResolved
                          : s < 0.95 ? desk::CallbackResolved::kPartly
                                     : desk::CallbackResolved::kNotResolved;
    const double q = rnd.Uniform();
    const auto satisfaction = q < 0.68   ? desk::Satisfaction::kSatisfied
                              : q < 0.86 ? desk::Satisfaction::kBasicallySatisfied
                              : q < 0.94 ? desk::Satisfaction::kDissatisfied
                                         : desk::Satisfaction::kNotRated;
    const Id caller = Pick(rnd, agents);
    if (rnd.Chance(0.15)) {  // the customer did not answer; sometimes not the second time either
      step(Action::kCallback, minutes(180), caller, [](ActionInput& in) {
        in.reached = false;
        in.note = "电话无人接听";
      });
      if (rnd.Chance(0.3)) {
        step(Action::kCallback, minutes(360), caller, [](ActionInput& in) {
          in.reached = false;
          in.note = "再次致电仍无人接听，已发短信";
        });
      }
    }
    step(Action::kCallback, minutes(round == 0 ? 300 : 240), caller, [&](ActionInput& in) {
      in.reached = true;
      in.resolved = round == 1 ? desk::CallbackResolved::kResolved : resolved;
      in.satisfaction = satisfaction;
      in.note = satisfaction == desk::Satisfaction::kNotRated ? "客户不愿评价" : "已回访客户";
    });
    if (round == 0 && resolved == desk::CallbackResolved::kNotResolved) {
      step(Action::kResolve, minutes(240), owner, [](ActionInput& in) { in.note = "再次处理完成。"; });
      continue;
    }
    break;
  }
  step(Action::kClose, minutes(60), agent);
}

bool IsOpen(desk::TicketStatus s) {
  return s == desk::TicketStatus::kNew || s == desk::TicketStatus::kAccepted || s == desk::TicketStatus::kInProgress ||
         s == desk::TicketStatus::kWaitingCustomer;
}

}  // namespace

Result<HistorySummary> MakeHistory(storage::Database& db, org::Service& org, desk::Service& desk, sla::Service& sla,
                                   const HistoryOptions& o) {
  HistorySummary sum;
  Random rnd(o.seed);
  SQM_ASSIGN(World w, LoadWorld(org));
  if (!w.staff.contains("QA/quality")) w.staff["QA/quality"] = {};
  desk::Catalogue catalogue(db);
  SQM_TRY(CreateCatalogue(catalogue, w, sum));
  SQM_TRY(CreateCustomers(catalogue, w, rnd, sum));
  SQM_TRY(CreatePolicies(sla, sum));

  // Plan every ticket, then replay all steps in time order.
  std::vector<Op> ops;
  const TimeMs first_day = (o.end + kChinaOffset) / kDay * kDay - kChinaOffset - (o.days - 1) * kDay;
  int index = 0;
  for (int d = 0; d < o.days; ++d) {
    const TimeMs day = first_day + d * kDay;                                      // local midnight
    const int weekday = static_cast<int>(((day + kChinaOffset) / kDay + 3) % 7);  // 0 = Monday
    const double mean = o.tickets_per_day * (weekday >= 5 ? 0.4 : 1.0);
    const int n = static_cast<int>(mean * (0.8 + 0.4 * rnd.Uniform()));
    for (int i = 0; i < n; ++i) {
      // Calls cluster in office hours: 08:00-20:00 local, busier in the morning.
      const double hour = 8 + 12 * std::pow(rnd.Uniform(), 1.3);
      const TimeMs created = day + static_cast<TimeMs>(hour * kHour);
      if (created > o.end) continue;
      PlanTicket(w, rnd, index++, created, ops);
    }
  }
  std::stable_sort(ops.begin(), ops.end(), [](const Op& a, const Op& b) { return a.at < b.at; });
  std::vector<Id> ids(index, 0);
  std::vector<desk::TicketStatus> status(index, desk::TicketStatus::kNew);
  constexpr std::size_t kChunk = 2000;
  for (std::size_t from = 0; from < ops.size() && ops[from].at <= o.end; from += kChunk) {
    SQM_TRY(db.Write("system", [&](WriteTx& tx) -> Status {
      for (std::size_t i = from; i < std::min(ops.size(), from + kChunk); ++i) {
        const Op& op = ops[i];
        if (op.at > o.end) break;
        tx.set_now(op.at);
        tx.set_actor(w.usernames.at(op.actor));
        const auto who = Actor(w, op.actor);
        if (op.is_register) {
          SQM_ASSIGN(auto t, desk.RegisterIn(tx, who, op.draft));
          ids[op.ticket] = t.id;
          status[op.ticket] = t.status;
          ++sum.tickets;
        } else if (op.review) {
          auto r = desk.UpdateComplaintIn(tx, who, ids[op.ticket], *op.review);
          if (!r.ok()) {
            return Error::Internal(
                fmt::format("reviewing complaint on ticket {}: {}", ids[op.ticket], r.error().message));
          }
          ++sum.complaints_reviewed;
          if (r->substantiated.value_or(false)) ++sum.substantiated;
          ++sum.actions;
        } else {
          auto r = desk.ActIn(tx, who, ids[op.ticket], op.input);
          if (!r.ok()) {
            // A planned step the lifecycle refuses is a generator bug; say which.
            return Error::Internal(fmt::format("replaying {} on ticket {}: {}", desk::Name(op.input.action),
                                               ids[op.ticket], r.error().message));
          }
          status[op.ticket] = r->status;
          ++sum.actions;
        }
      }
      return {};
    }));
  }
  sum.open_tickets = static_cast<int>(std::count_if(status.begin(), status.end(), IsOpen));
  return sum;
}

}  // namespace sqm::demo
