#include "demo/organisation.h"

#include <array>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "org/rules.h"

namespace sqm::demo {

namespace {

struct Person {
  std::string username;
  std::string name;
  std::string department;  // code, or "" for none
  std::string title;
  std::vector<std::string> roles;
};

// The named logins, one per role.
const std::vector<Person>& NamedLogins() {
  static const std::vector<Person> kPeople = {
      {"admin", "系统管理员 Admin", "MGMT", "系统管理员", {"admin"}},
      {"quality", "质检主管 周敏", "QA", "质量管理部主管", {"quality"}},
      {"executive", "总经理 陈明", "MGMT", "总经理", {"executive"}},
      {"manager", "技术支持部经理 王磊", "TECH", "部门经理", {"manager"}},
      {"agent", "客服专员 李娜", "DESK", "客服专员", {"agent"}},
      {"engineer", "技术支持工程师 张伟", "TECH-L1", "工程师", {"engineer"}},
      {"evaluator", "第三方评估员 刘洋", "", "第三方评估员", {"evaluator"}},
      {"customer", "客户 赵芳", "", "", {"customer"}},
  };
  return kPeople;
}

struct Dept {
  const char* code;
  const char* name;
  const char* parent;
};

constexpr std::array<Dept, 9> kDepartments = {{
    {"ROOT", "示例服务中心", ""},
    {"DESK", "客服部", "ROOT"},
    {"TECH", "技术支持部", "ROOT"},
    {"TECH-L1", "一线支持组", "TECH"},
    {"TECH-L2", "二线支持组", "TECH"},
    {"OPS", "运维服务部", "ROOT"},
    {"SALES", "销售部", "ROOT"},
    {"QA", "质量管理部", "ROOT"},
    {"MGMT", "管理层", "ROOT"},
}};

// Generated staff: how many of each role per department.
struct Crew {
  const char* department;
  const char* role;
  const char* title;
  int count;
};
constexpr std::array<Crew, 12> kCrews = {{
    {"DESK", "manager", "客服部经理", 1},
    {"DESK", "agent", "客服专员", 16},
    {"TECH-L1", "manager", "一线支持组组长", 1},
    {"TECH-L1", "engineer", "技术支持工程师", 6},
    {"TECH-L2", "manager", "二线支持组组长", 1},
    {"TECH-L2", "engineer", "高级工程师", 5},
    {"OPS", "manager", "运维服务部经理", 1},
    {"OPS", "engineer", "运维工程师", 6},
    {"SALES", "manager", "销售部经理", 1},
    {"SALES", "agent", "客户经理", 4},
    {"QA", "quality", "质检专员", 3},
    {"MGMT", "executive", "副总经理", 2},
}};

constexpr std::array<std::pair<const char*, const char*>, 20> kSurnames = {{
    {"王", "wang"},  {"李", "li"},   {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"}, {"赵", "zhao"},
    {"黄", "huang"}, {"周", "zhou"}, {"吴", "wu"},    {"徐", "xu"},  {"孙", "sun"},  {"胡", "hu"},   {"朱", "zhu"},
    {"高", "gao"},   {"林", "lin"},  {"何", "he"},    {"郭", "guo"}, {"马", "ma"},   {"罗", "luo"},
}};
constexpr std::array<std::pair<const char*, const char*>, 21> kGiven = {{
    {"伟", "wei"}, {"芳", "fang"}, {"娜", "na"},   {"敏", "min"},       {"静", "jing"}, {"丽", "li"},   {"强", "qiang"},
    {"磊", "lei"}, {"军", "jun"},  {"洋", "yang"}, {"勇", "yong"},      {"艳", "yan"},  {"杰", "jie"},  {"娟", "juan"},
    {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀英", "xiuying"}, {"霞", "xia"},  {"平", "ping"}, {"刚", "gang"},
}};

constexpr std::array<const char*, 9> kCustomerOrgs = {"华东制造有限公司", "星辰科技股份有限公司", "蓝海物流集团",
                                                      "市第一人民医院",   "新城区政务服务中心",   "恒信银行南城支行",
                                                      "绿源食品有限公司", "远航教育科技",         "明德律师事务所"};

// All demo usernames in seeding order, with their (display name, department code, title, roles).
std::vector<Person> Everyone() {
  std::vector<Person> out = NamedLogins();
  std::size_t n = 0;
  auto make = [&](const char* dept, const char* title, std::vector<std::string> roles) {
    const auto& s = kSurnames[(n * 7) % kSurnames.size()];
    const auto& g = kGiven[(n * 3 + n / kSurnames.size()) % kGiven.size()];
    out.push_back({fmt::format("{}.{}{}", s.second, g.second, n < 40 ? "" : std::to_string(n)),
                   fmt::format("{}{}", s.first, g.first), dept, title, std::move(roles)});
    ++n;
  };
  for (const auto& c : kCrews) {
    for (int i = 0; i < c.count; ++i) make(c.department, c.title, {c.role});
  }
  make("", "第三方评估员", {"evaluator"});
  for (const char* org : kCustomerOrgs) make("", org, {"customer"});
  return out;
}

}  // namespace

Result<OrganisationReport> SeedOrganisation(org::Service& org, const std::string& password) {
  SQM_TRY(org::CheckPassword(password, {}, "password"));  // before anything is written
  const org::Principal system = org::Principal::System();
  const auto people = Everyone();
  OrganisationReport report;
  SQM_ASSIGN(auto existing, org.ListDepartments(system));
  if (!existing.empty()) {
    std::vector<std::string> usernames;
    for (const auto& p : people) usernames.push_back(p.username);
    SQM_ASSIGN(report.accounts, org.ResetPasswordsAsSystem(usernames, password));
    return report;
  }
  std::map<std::string, org::Id> ids;
  for (const auto& d : kDepartments) {
    std::optional<org::Id> parent;
    if (*d.parent) parent = ids.at(d.parent);
    SQM_ASSIGN(auto dep, org.CreateDepartment(system, {d.name, parent, d.code}));
    ids[d.code] = dep.id;
  }
  for (const auto& p : people) {
    org::StaffDraft draft;
    draft.username = p.username;
    draft.display_name = p.name;
    if (!p.department.empty()) draft.department_id = ids.at(p.department);
    draft.title = p.title;
    draft.email = p.username + "@demo.sqm.example";
    draft.phone = fmt::format("1380000{:04d}", report.accounts + 1);
    draft.roles = p.roles;
    draft.password = password;
    if (p.roles.front() == "evaluator") draft.scope_department_ids = {ids.at("DESK")};
    SQM_TRY(org.CreateStaffAsSystem(draft));
    ++report.accounts;
  }
  report.created = true;
  return report;
}

}  // namespace sqm::demo
