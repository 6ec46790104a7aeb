#include "datagen.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <vector>

#include <fmt/format.h>

#include "org/repo.h"

namespace sqm::datagen {

using desk::Action;
using desk::ActionInput;
using desk::Channel;
using desk::Id;
using desk::TicketType;
using storage::Connection;
using storage::WriteTx;
namespace bj = boost::json;

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
      {"服务质量",
       {{"服务态度", {"投诉客服人员态度冷淡", "上门工程师未按约定时间到达", "电话多次转接无人处理"}},
        {"处理效率", {"故障报修三天未处理", "回访承诺未兑现", "问题反复出现未根治"}}}},
  };
  return kCatalogue;
}

// The generated world the replay draws from.
struct World {
  std::map<std::string, Id> departments;         // code -> id
  std::map<std::string, std::vector<Id>> staff;  // "DESK/agent" -> ids
  std::map<Id, std::string> usernames;
  std::map<Id, Id> department_of;
  std::vector<Id> customers;                                             // persons
  std::vector<std::pair<Id, std::vector<const char*>>> leaf_categories;  // id, titles
};

struct Op {
  TimeMs at = 0;
  int ticket = 0;  // index into the generated tickets
  Id actor = 0;
  bool is_register = false;
  desk::TicketDraft draft;
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

Result<World> LoadWorld(Connection& db) {
  World w;
  for (const auto& r : db.Query("SELECT code, id FROM departments WHERE code IS NOT NULL")) {
    w.departments[r.Text(0)] = r.Int(1);
  }
  for (const char* code : {"DESK", "TECH", "TECH-L1", "TECH-L2", "OPS"}) {
    if (!w.departments.contains(code))
      return Error::Invalid("departments", fmt::format("demo department {} is missing", code));
  }
  for (const auto& r :
       db.Query("SELECT s.id, s.username, coalesce(d.code, ''), s.department_id, r.role FROM staff s"
                " JOIN staff_roles r ON r.staff_id = s.id LEFT JOIN departments d ON d.id = s.department_id"
                " WHERE s.active = 1 ORDER BY s.id")) {
    w.usernames[r.Int(0)] = r.Text(1);
    if (!r.IsNull(3)) w.department_of[r.Int(0)] = r.Int(3);
    w.staff[r.Text(2) + "/" + r.Text(4)].push_back(r.Int(0));
  }
  for (const char* key : {"DESK/agent", "TECH-L1/engineer", "TECH-L2/engineer", "OPS/engineer"}) {
    if (w.staff[key].empty()) return Error::Invalid("staff", fmt::format("no demo staff for {}", key));
  }
  return w;
}

Status CreateCatalogueAndCustomers(storage::Database& db, World& w, Random& rnd, Summary& sum) {
  return db.Write("system", [&](WriteTx& tx) -> Status {
    auto& c = tx.db();
    for (const auto& top : Catalogue()) {
      SQM_ASSIGN(auto r, c.Exec("INSERT INTO categories (name) VALUES (?) RETURNING id", {top.name}));
      tx.Append("category", std::to_string(r.last_insert_id), "category.created", {{"name", top.name}});
      ++sum.categories;
      for (const auto& [name, titles] : top.children) {
        SQM_ASSIGN(auto k, c.Exec("INSERT INTO categories (parent_id, name) VALUES (?, ?) RETURNING id",
                                  {r.last_insert_id, name}));
        tx.Append("category", std::to_string(k.last_insert_id), "category.created",
                  {{"name", name}, {"parent_id", r.last_insert_id}});
        w.leaf_categories.emplace_back(k.last_insert_id, titles);
        ++sum.categories;
      }
    }
    // Organisations and their contacts; the portal accounts become contacts too.
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
      SQM_ASSIGN(auto r, c.Exec("INSERT INTO customers (name, kind, tier, created_at, updated_at) VALUES (?, "
                                "'organisation', ?, ?, ?) RETURNING id",
                                {o.name, o.tier, tx.now(), tx.now()}));
      orgs.push_back(r.last_insert_id);
      tx.Append("customer", std::to_string(r.last_insert_id), "customer.created", {{"name", o.name}, {"tier", o.tier}});
      ++sum.customers;
    }
    auto accounts = c.Query(
        "SELECT s.id, s.display_name, s.phone, s.email FROM staff s JOIN staff_roles r"
        " ON r.staff_id = s.id WHERE r.role = 'customer' ORDER BY s.id");
    constexpr std::array<const char*, 12> kSurnames = {"王", "李", "张", "刘", "陈", "杨",
                                                       "赵", "黄", "周", "吴", "孙", "马"};
    constexpr std::array<const char*, 10> kGiven = {"先生", "女士", "经理", "主任", "工",
                                                    "老师", "总",   "科长", "会计", "主管"};
    const int persons = std::max<int>(150, static_cast<int>(accounts.size()));
    for (int i = 0; i < persons; ++i) {
      const bool account = i < static_cast<int>(accounts.size());
      const std::string name =
          account ? accounts[i].Text(1)
                  : fmt::format("{}{}", kSurnames[rnd.Below(kSurnames.size())], kGiven[rnd.Below(kGiven.size())]);
      const Id org = orgs[account ? i % orgs.size() : rnd.Below(static_cast<int>(orgs.size()))];
      const std::string phone =
          account ? accounts[i].Text(2) : fmt::format("139{:08d}", 10000000 + i * 7919 % 89999999);
      const std::string tier = rnd.Chance(0.05) ? "vip" : "standard";
      SQM_ASSIGN(auto r, c.Exec("INSERT INTO customers (name, kind, organisation_id, tier, phone, email, account_id,"
                                " created_at, updated_at) VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                {name, org, tier, phone, account ? accounts[i].Text(3) : std::string(),
                                 account ? std::optional<Id>(accounts[i].Int(0)) : std::nullopt, tx.now(), tx.now()}));
      tx.Append("customer", std::to_string(r.last_insert_id), "customer.created", {{"name", name}, {"tier", tier}});
      w.customers.push_back(r.last_insert_id);
      ++sum.customers;
    }
    return {};
  });
}

Status CreatePolicies(sla::Service& sla, Summary& sum) {
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

// The life of one ticket as a list of steps, starting at `created`.
void PlanTicket(const World& w, Random& rnd, int index, TimeMs created, std::vector<Op>& ops) {
  const auto& agents = w.staff.at("DESK/agent");
  const Id agent = agents[rnd.Below(static_cast<int>(agents.size()))];
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
  const auto& [category, titles] = type == TicketType::kComplaint
                                       ? w.leaf_categories[w.leaf_categories.size() - 2 + rnd.Below(2)]
                                       : w.leaf_categories[rnd.Below(static_cast<int>(w.leaf_categories.size()) - 2)];
  Op reg;
  reg.at = created;
  reg.ticket = index;
  reg.actor = agent;
  reg.is_register = true;
  auto& r = reg.draft.registration;
  r.type = type;
  r.channel = channel;
  r.priority = priority;
  r.title = titles[rnd.Below(static_cast<int>(titles.size()))];
  r.description = fmt::format("客户来电反映：{}。已记录联系方式，需跟进处理。", r.title);
  r.customer_id = w.customers[rnd.Below(static_cast<int>(w.customers.size()))];
  r.category_id = category;
  reg.draft.department_id = w.departments.at("DESK");
  if (type == TicketType::kComplaint) {
    desk::ComplaintDraft cd;
    const double k = rnd.Uniform();
    cd.category = k < 0.35   ? desk::ComplaintCategory::kAttitude
                  : k < 0.65 ? desk::ComplaintCategory::kEfficiency
                  : k < 0.80 ? desk::ComplaintCategory::kProfessionalism
                  : k < 0.92 ? desk::ComplaintCategory::kOutcome
                             : desk::ComplaintCategory::kOther;
    const bool about_tech = rnd.Chance(0.4);
    const auto& pool = w.staff.at(about_tech ? "TECH-L1/engineer" : "DESK/agent");
    cd.about_staff_id = pool[rnd.Below(static_cast<int>(pool.size()))];
    cd.about_department_id = w.department_of.at(*cd.about_staff_id);
    cd.severity = rnd.Chance(0.15) ? 3 : rnd.Chance(0.3) ? 1 : 2;
    if (!w.staff.at("QA/quality").empty())
      cd.responsible_id = w.staff.at("QA/quality")[rnd.Below(static_cast<int>(w.staff.at("QA/quality").size()))];
    cd.deadline_at = created + 5 * kDay;
    reg.draft.complaint = cd;
  }
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
  const double response_mean = type == TicketType::kConsultation ? 8 : 25;
  step(Action::kRespond, minutes(response_mean), agent,
       [](ActionInput& in) { in.note = "您好，已收到您的问题，正在为您处理。"; });

  const bool technical = (type == TicketType::kIncident || type == TicketType::kRequest) && rnd.Chance(0.6);
  if (technical) {
    const char* dept = rnd.Chance(0.7) ? "TECH-L1" : "OPS";
    step(Action::kTransfer, minutes(20), agent, [&](ActionInput& in) {
      in.department_id = w.departments.at(dept);
      in.note = "需要技术支持处理";
    });
    const auto& engineers = w.staff.at(std::string(dept) + "/engineer");
    owner = engineers[rnd.Below(static_cast<int>(engineers.size()))];
    step(Action::kAccept, minutes(35), owner);
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
      const auto& l2 = w.staff.at("TECH-L2/engineer");
      const Id senior = l2[rnd.Below(static_cast<int>(l2.size()))];
      step(Action::kEscalate, minutes(120), owner, [&](ActionInput& in) {
        in.escalation = "technical";
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
  step(Action::kResolve, minutes(resolve_mean), owner, [](ActionInput& in) { in.note = "问题已处理完毕。"; });
  for (int round = 0; round < 2; ++round) {
    const double s = rnd.Uniform();
    const auto resolved = s < 0.86   ? desk::CallbackResolved::kResolved
                          : s < 0.95 ? desk::CallbackResolved::kPartly
                                     : desk::CallbackResolved::kNotResolved;
    const double q = rnd.Uniform();
    const auto satisfaction = q < 0.72   ? desk::Satisfaction::kSatisfied
                              : q < 0.91 ? desk::Satisfaction::kBasicallySatisfied
                              : q < 0.97 ? desk::Satisfaction::kDissatisfied
                                         : desk::Satisfaction::kNotRated;
    const Id caller = agents[rnd.Below(static_cast<int>(agents.size()))];
    if (rnd.Chance(0.1)) {
      step(Action::kCallback, minutes(300), caller, [](ActionInput& in) { in.reached = false; });
    }
    step(Action::kCallback, minutes(round == 0 ? 480 : 240), caller, [&](ActionInput& in) {
      in.reached = true;
      in.resolved = round == 1 ? desk::CallbackResolved::kResolved : resolved;
      in.satisfaction = satisfaction;
      in.note = "已回访客户";
    });
    if (round == 0 && resolved == desk::CallbackResolved::kNotResolved) {
      step(Action::kResolve, minutes(240), owner, [](ActionInput& in) { in.note = "再次处理完成。"; });
      continue;
    }
    break;
  }
  step(Action::kClose, minutes(60), agent);
}

}  // namespace

Result<Summary> Generate(storage::Database& db, desk::Service& desk, sla::Service& sla, const Options& o) {
  Summary sum;
  Random rnd(o.seed);
  SQM_ASSIGN(World w, db.Read([](Connection& c) { return LoadWorld(c); }));
  if (!w.staff.contains("QA/quality")) w.staff["QA/quality"] = {};
  SQM_TRY(CreateCatalogueAndCustomers(db, w, rnd, sum));
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
  std::vector<bool> skipped(index, false);
  constexpr std::size_t kChunk = 2000;
  for (std::size_t from = 0; from < ops.size() && ops[from].at <= o.end; from += kChunk) {
    SQM_TRY(db.Write("system", [&](WriteTx& tx) -> Status {
      for (std::size_t i = from; i < std::min(ops.size(), from + kChunk); ++i) {
        const Op& op = ops[i];
        if (op.at > o.end) break;
        if (skipped[op.ticket]) continue;
        tx.set_now(op.at);
        tx.set_actor(w.usernames.at(op.actor));
        const auto who = Actor(w, op.actor);
        if (op.is_register) {
          SQM_ASSIGN(auto t, desk.RegisterIn(tx, who, op.draft));
          ids[op.ticket] = t.id;
          ++sum.tickets;
        } else {
          auto r = desk.ActIn(tx, who, ids[op.ticket], op.input);
          if (!r.ok()) {
            // A planned step the lifecycle refuses is a generator bug; say which.
            return Error::Internal(fmt::format("replaying {} on ticket {}: {}", desk::Name(op.input.action),
                                               ids[op.ticket], r.error().message));
          }
          ++sum.actions;
        }
      }
      return {};
    }));
  }
  sum.open_tickets = static_cast<int>(db.Read([](Connection& c) {
    return c
        .QueryOne("SELECT count(*) FROM tickets WHERE status IN ('new','accepted','in_progress','waiting_customer')")
        ->Int(0);
  }));
  return sum;
}

}  // namespace sqm::datagen
