// Checking rows into tickets against a Directory, and the Directory's lookups.
#include "desk/import/validator.h"

#include <gtest/gtest.h>

#include "desk/import/scan.h"

namespace sqm::desk::import {
namespace {

class ImportValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Add(Directory::Customer{1, "客户甲", "13900000001"});
    dir_.Add(Directory::Customer{2, "同名", "13900000002"});
    dir_.Add(Directory::Customer{3, "同名", "13900000003"});
    dir_.Add(Directory::Category{10, std::nullopt, "网络与连接", true});
    dir_.Add(Directory::Category{11, 10, "VPN", true});
    dir_.Add(Directory::Category{12, std::nullopt, "软件", true});
    dir_.Add(Directory::Category{13, 12, "VPN", true});
    dir_.Add(Directory::Category{14, 12, "旧系统", false});
    dir_.Add(Directory::Department{20, "客服部", "DESK", true});
    dir_.Add(Directory::Department{21, "技术支持部", "TECH", true});
    dir_.Add(Directory::Staff{30, "agent", "客服", 20, true});
    dir_.Add(Directory::Staff{31, "gone", "离职", 20, false});
    options_.zone = calendar::Zone::Named("Asia/Shanghai").value();
    options_.now = ParseIsoTime("2026-02-01T00:00:00+08:00").value();
    options_.caller_department = 20;
  }

  // Validates a CSV text (header first); returns the tickets and fills errors_.
  std::vector<ImportTicket> Run(std::string_view csv) {
    errors_.clear();
    Validator v(dir_, options_);
    std::vector<ImportTicket> out;
    ScanFile(
        Format::kCsv, csv, v, [&](RowError e) { errors_.push_back(std::move(e)); },
        [&](std::optional<ImportTicket> t) {
          if (t) out.push_back(std::move(*t));
          return true;
        });
    return out;
  }

  std::string Errors() const {
    std::string s;
    for (const auto& e : errors_) s += std::to_string(e.line) + " " + e.column + ": " + e.reason + "\n";
    return s;
  }

  const RowError* Find(int line, const std::string& column) const {
    for (const auto& e : errors_) {
      if (e.line == line && e.column == column) return &e;
    }
    return nullptr;
  }

  bool HasError(int line, const std::string& column, const std::string& words) const {
    for (const auto& e : errors_) {
      if (e.line == line && e.column == column && e.reason.find(words) != std::string::npos) return true;
    }
    return false;
  }

  Directory dir_;
  ValidateOptions options_;
  std::vector<RowError> errors_;
};

constexpr const char* kHeader =
    "type,channel,priority,title,description,customer,category,department,assignee,created_at,first_response_at,"
    "resolved_at,callback_at,callback_resolved,satisfaction,closed_at,external_id\n";

TEST_F(ImportValidation, AGoodRowBecomesATicketWithResolvedReferences) {
  auto tickets = Run(std::string(kHeader) +
                     "故障,电话,P2,VPN 无法连接,出差期间报错,13900000001,网络与连接/VPN,TECH,agent,2026-01-05 09:30,"
                     "2026-01-05 09:40,2026-01-05 12:00,2026-01-06 10:00,解决,满意,2026-01-06 11:00,CC-1\n");
  ASSERT_EQ(tickets.size(), 1u) << Errors();
  const auto& t = tickets[0];
  EXPECT_EQ(t.line, 2);
  EXPECT_EQ(t.draft.registration.type, TicketType::kIncident);
  EXPECT_EQ(t.draft.registration.priority, 2);
  EXPECT_EQ(t.draft.registration.customer_id, 1);
  EXPECT_EQ(t.draft.registration.category_id, 11);
  EXPECT_EQ(t.draft.department_id, 21);
  EXPECT_EQ(t.draft.assignee_id, 30);
  EXPECT_EQ(t.created_at, ParseIsoTime("2026-01-05T09:30:00+08:00"));
  EXPECT_EQ(t.closed_at, ParseIsoTime("2026-01-06T11:00:00+08:00"));
  EXPECT_EQ(t.callback_resolved, CallbackResolved::kResolved);
  EXPECT_EQ(t.satisfaction, Satisfaction::kSatisfied);
  EXPECT_EQ(t.external_id, "CC-1");
}

TEST_F(ImportValidation, EveryProblemIsReportedWithItsLineAndColumn) {
  Run(std::string(kHeader) +
      "outage,fax,P9,,,,,,,,,,,,,,\n"                                                               // line 2
      "故障,电话,P3,x,\"多行\n描述\",无此人,网络与连接/不存在,NOPE,gone,2026-01-05 09:30,,,,,,,\n"  // 3-4
      "咨询,电话,P3,y,,同名,VPN,DESK,,2026-13-01 09:00,,,,,,,\n"                                    // 5
      "咨询,电话,P3,z,,,,,,2026-01-05 10:00,2026-01-05 09:00,,,,,,\n"                               // 6
      "咨询,电话,P3,w,,,,,,2026-03-01 10:00,,,,,,,\n");                                             // 7
  EXPECT_TRUE(HasError(2, "type", "unknown type 'outage'")) << Errors();
  EXPECT_TRUE(HasError(2, "channel", "unknown channel 'fax'"));
  EXPECT_TRUE(HasError(2, "priority", "P1, P2, P3 or P4"));
  EXPECT_TRUE(HasError(2, "title", "is required"));
  EXPECT_TRUE(HasError(2, "created_at", "is required"));
  EXPECT_TRUE(HasError(3, "customer", "unknown customer '无此人'"));
  EXPECT_TRUE(HasError(3, "category", "no '不存在' under '网络与连接'"));
  EXPECT_TRUE(HasError(3, "department", "unknown department 'NOPE'"));
  EXPECT_TRUE(HasError(3, "assignee", "no longer active"));
  EXPECT_TRUE(HasError(5, "customer", "matches 2 customers"));
  EXPECT_TRUE(HasError(5, "category", "names 2 categories"));
  EXPECT_TRUE(HasError(5, "created_at", "is not a date-time"));
  EXPECT_TRUE(HasError(6, "first_response_at", "is before created_at"));
  EXPECT_TRUE(HasError(7, "created_at", "is in the future"));
}

TEST_F(ImportValidation, ARejectedRowCarriesItsMessageKeyAndArgs) {
  const std::string long_name(70, 'x');
  Run(std::string(kHeader) +
      "outage,电话,P3,a,,无此人,,,,2026-01-05 10:00,2026-01-05 09:00,,,,,,\n"  // line 2
      "故障,电话,P3,b,描述,13900000001,,," +
      long_name + ",2026-01-05 09:30,,,,,,,\n");  // line 3
  const RowError* type = Find(2, "type");
  ASSERT_NE(type, nullptr) << Errors();
  EXPECT_EQ(type->key, "import.unknown_type");
  EXPECT_EQ(type->args, (MessageArgs{{"value", "outage"}}));
  EXPECT_TRUE(type->reason.starts_with("unknown type 'outage'; use consultation")) << type->reason;

  const RowError* customer = Find(2, "customer");  // from the Directory's Error
  ASSERT_NE(customer, nullptr) << Errors();
  EXPECT_EQ(customer->key, "import.unknown_customer");
  EXPECT_EQ(customer->args, (MessageArgs{{"value", "无此人"}}));

  const RowError* order = Find(2, "first_response_at");
  ASSERT_NE(order, nullptr) << Errors();
  EXPECT_EQ(order->key, "import.time_before");
  EXPECT_EQ(order->args, (MessageArgs{{"time", "2026-01-05T09:00:00+08:00"},
                                      {"other_column", "created_at"},
                                      {"other_time", "2026-01-05T10:00:00+08:00"}}));
  EXPECT_EQ(order->reason, "(2026-01-05T09:00:00+08:00) is before created_at (2026-01-05T10:00:00+08:00)");

  const RowError* assignee = Find(3, "assignee");
  ASSERT_NE(assignee, nullptr) << Errors();
  EXPECT_EQ(assignee->key, "import.unknown_staff");
  ASSERT_EQ(assignee->args.size(), 1u);
  EXPECT_EQ(assignee->args[0].second, std::string(60, 'x') + "…") << "long user text is cut in the args too";
  EXPECT_EQ(assignee->reason, "unknown staff member '" + std::string(60, 'x') + "…' (give the username)");

  const RowError* category = Find(3, "category");  // the desk rule: an incident needs a category
  ASSERT_NE(category, nullptr) << Errors();
  EXPECT_FALSE(category->key.empty()) << "the rule's key is carried across: " << category->reason;
  EXPECT_EQ(category->args, (MessageArgs{{"type", "incident"}}));
  for (const auto& e : errors_) {
    EXPECT_FALSE(e.key.empty()) << "no key: " << e.line << " " << e.column << ": " << e.reason;
  }
}

TEST_F(ImportValidation, TypeSpecificRequirementsComeFromTheDeskRules) {
  Run(std::string(kHeader) +
      "故障,电话,P3,a,描述,13900000001,,,,2026-01-05 09:30,,,,,,,\n"
      "投诉,电话,P3,b,,客户甲,,,,2026-01-05 09:30,,,,,,,\n"
      "服务请求,电话,P3,c,,,网络与连接/VPN,,,2026-01-05 09:30,,,,,,,\n");
  EXPECT_TRUE(HasError(2, "category", "is required for a")) << Errors();
  EXPECT_TRUE(HasError(3, "description", "is required for a complaint"));
  EXPECT_TRUE(HasError(4, "customer", "is required for a"));
}

TEST_F(ImportValidation, TheLifecycleOrderIsChecked) {
  Run(std::string(kHeader) +
      "咨询,电话,P3,a,,,,,,2026-01-05 09:30,,,2026-01-05 10:00,解决,,,\n"                  // callback, no resolve
      "咨询,电话,P3,b,,,,,,2026-01-05 09:30,,2026-01-05 10:00,,,满意,2026-01-05 11:00,\n"  // close, no callback
      "咨询,电话,P3,c,,,,,,2026-01-05 09:30,,2026-01-05 10:00,2026-01-05 11:00,未解决,,2026-01-05 12:00,\n"
      "咨询,电话,P3,d,,,,,,2026-01-05 09:30,,2026-01-05 10:00,2026-01-05 11:00,,,,\n"
      "咨询,电话,P3,e,,,,,,2026-01-05 09:30,,2026-01-05 10:00,2026-01-05 09:50,解决,,,\n");
  EXPECT_TRUE(HasError(2, "callback_at", "needs resolved_at")) << Errors();
  EXPECT_TRUE(HasError(3, "closed_at", "after its callback"));
  EXPECT_TRUE(HasError(3, "satisfaction", "needs callback_at"));
  EXPECT_TRUE(HasError(4, "closed_at", "not_resolved"));
  EXPECT_TRUE(HasError(5, "callback_resolved", "is required when callback_at"));
  EXPECT_TRUE(HasError(6, "callback_at", "is before resolved_at"));
}

TEST_F(ImportValidation, HeaderProblemsAreReportedOnLineOne) {
  Run("type,title,when,title\nincident,x,y,z\n");
  EXPECT_TRUE(HasError(1, "when", "unknown column")) << Errors();
  EXPECT_TRUE(HasError(1, "title", "appears twice"));
  EXPECT_TRUE(HasError(1, "channel", "required"));
  EXPECT_TRUE(HasError(1, "created_at", "required"));
}

TEST_F(ImportValidation, AHeaderOfAMillionColumnsIsRefusedWithOneMessage) {
  std::string header = "type,channel,title,created_at";
  header.reserve(8'000'000);
  for (int i = 0; i < 1'000'000; ++i) header += ",c" + std::to_string(i);
  Run(header + "\n咨询,电话,x,2026-01-05 09:30\n");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].line, 1);
  EXPECT_EQ(errors_[0].key, "import.header_too_many_cells");
}

TEST_F(ImportValidation, ACellOverTheLimitIsARowErrorNamingItsLineAndColumn) {
  std::string huge = "\"" + std::string(100'000, 'x') + "\"";
  Run("类型,渠道,标题,创建时间,描述\n咨询,电话,ok,2026-01-05 09:30,短\n咨询,电话,ok,2026-01-05 09:30," + huge +
      "\n咨询,电话," + std::string(201, 't') + ",2026-01-05 09:30,\n");
  const RowError* e = Find(3, "描述");
  ASSERT_NE(e, nullptr) << Errors();
  EXPECT_EQ(e->key, "import.row_cell_too_long");
  EXPECT_EQ(e->args, (MessageArgs{{"position", "5"}}));
  EXPECT_LT(e->reason.size(), 200u) << "no part of the cell is quoted";
  // Under the reader's limit, a column's own limit: the title's 200 characters.
  EXPECT_TRUE(HasError(4, "标题", "longer than 200 characters")) << Errors();
  EXPECT_EQ(errors_.size(), 2u) << Errors();
}

TEST_F(ImportValidation, EveryProblemOfOneRowIsReported) {
  // Issue 14 item 8: a 服务请求 with a bad date and no customer and no category got no 分类 message.
  Run("类型,渠道,标题,客户,分类,创建时间\n"
      "服务请求,电话,a,,,2026-13-01 09:00\n"
      "服务请求,电话,b,无此人,,2026-13-01 09:00\n"
      "故障,电话,c,,不存在,2026-01-05 09:00\n");
  EXPECT_TRUE(HasError(2, "创建时间", "is not a date-time")) << Errors();
  EXPECT_TRUE(HasError(2, "客户", "is required for a"));
  EXPECT_TRUE(HasError(2, "分类", "is required for a"));
  EXPECT_TRUE(HasError(3, "创建时间", "is not a date-time"));
  EXPECT_TRUE(HasError(3, "客户", "unknown customer"));
  EXPECT_TRUE(HasError(3, "分类", "is required for a")) << "a refused customer hides no other problem";
  EXPECT_TRUE(HasError(4, "客户", "is required for a"));
  EXPECT_TRUE(HasError(4, "分类", "unknown category"));
  EXPECT_TRUE(HasError(4, "description", "is required for a"));
  const RowError* e = Find(2, "分类");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "field.required_for_type");
  EXPECT_EQ(errors_.size(), 9u) << Errors();
}

TEST_F(ImportValidation, ChineseHeadersNameTheColumnInErrors) {
  Run("类型,渠道,标题,创建时间,客户\n咨询,电话,问一下,2026-01-05 9:30,无此人\n");
  EXPECT_TRUE(HasError(2, "客户", "unknown customer")) << Errors();
}

TEST_F(ImportValidation, ExtraCellsAndRepeatedExternalIdsAreRefused) {
  Run("type,channel,title,created_at,external_id\n"
      "咨询,电话,a,2026-01-05 09:30,X1\n"
      "咨询,电话,b,2026-01-05 09:30,X1,surplus\n"
      "咨询,电话,c,2026-01-05 09:30,X1\n");
  EXPECT_TRUE(HasError(3, "", "the header only 5")) << Errors();
  EXPECT_TRUE(HasError(3, "external_id", "also on line 2"));
  EXPECT_TRUE(HasError(4, "external_id", "also on line 2"));
}

TEST_F(ImportValidation, ADepartmentOutsideTheCallersScopeIsRefused) {
  options_.scope = org::Scope{false, {20}};
  Run("type,channel,title,created_at,department\n"
      "咨询,电话,a,2026-01-05 09:30,TECH\n"
      "咨询,电话,b,2026-01-05 09:30,DESK\n"
      "咨询,电话,c,2026-01-05 09:30,\n");
  EXPECT_TRUE(HasError(2, "department", "outside the departments")) << Errors();
  EXPECT_EQ(errors_.size(), 1u) << Errors();
}

TEST_F(ImportValidation, AComplaintNeedsItsCategory) {
  auto tickets =
      Run("type,channel,title,description,customer,created_at,complaint_category\n"
          "投诉,电话,态度差,客服挂断电话,1,2026-01-05 09:30,服务态度\n"
          "投诉,电话,没分类,描述,1,2026-01-05 09:30,\n"
          "咨询,电话,问,,,2026-01-05 09:30,服务态度\n");
  EXPECT_TRUE(HasError(4, "complaint_category", "only for complaints")) << Errors();
  // The desk's rule, as for POST /api/v1/tickets: refused, not defaulted to "other".
  const RowError* missing = Find(3, "complaint_category");
  ASSERT_NE(missing, nullptr) << Errors();
  EXPECT_EQ(missing->key, "complaint.category_required");
  ASSERT_EQ(tickets.size(), 1u);
  EXPECT_EQ(tickets[0].draft.complaint->category, ComplaintCategory::kAttitude);
  EXPECT_EQ(tickets[0].draft.registration.priority, 3) << "P3 when no priority is given";
}

TEST_F(ImportValidation, IdOnlyFieldsNeverMatchNamesOrPhones) {
  Validator v(dir_, options_);
  RowInput row;
  row.line = 1;
  row.fields[static_cast<int>(Column::kType)] = Field{"consultation", false, false, "type"};
  row.fields[static_cast<int>(Column::kChannel)] = Field{"api", false, false, "channel"};
  row.fields[static_cast<int>(Column::kTitle)] = Field{"x", false, false, "title"};
  row.fields[static_cast<int>(Column::kCreatedAt)] = Field{"2026-01-05 09:30", false, false, "created_at"};
  row.fields[static_cast<int>(Column::kCustomer)] = Field{"13900000001", false, true, "customer_id"};
  std::vector<RowError> errors;
  EXPECT_FALSE(v.Check(row, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, "customer_id");
  row.fields[static_cast<int>(Column::kCustomer)] = Field{"1", false, true, "customer_id"};
  errors.clear();
  EXPECT_TRUE(v.Check(row, errors));
}

TEST_F(ImportValidation, DefaultCreatedAtForTheBulkApi) {
  options_.default_created_at = options_.now;
  Validator v(dir_, options_);
  RowInput row;
  row.line = 7;
  row.fields[static_cast<int>(Column::kType)] = Field{"consultation", false, false, "type"};
  row.fields[static_cast<int>(Column::kChannel)] = Field{"api", false, false, "channel"};
  row.fields[static_cast<int>(Column::kTitle)] = Field{"x", false, false, "title"};
  std::vector<RowError> errors;
  auto t = v.Check(row, errors);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->created_at, options_.now);
}

TEST(ImportDirectory, CategoryPathsAndDepartmentCodes) {
  Directory d;
  d.Add(Directory::Category{1, std::nullopt, "网络与连接", true});
  d.Add(Directory::Category{2, 1, "VPN", true});
  d.Add(Directory::Department{5, "客服部", "DESK", true});
  EXPECT_EQ(d.CategoryPath(2), "网络与连接/VPN");
  EXPECT_EQ(*d.FindCategory(Field{"网络与连接 / VPN", false, false, "category"}), 2);
  EXPECT_EQ(*d.FindCategory(Field{"VPN", false, false, "category"}), 2);
  EXPECT_EQ(*d.FindCategory(Field{"2", false, false, "category"}), 2);
  EXPECT_EQ(*d.FindDepartment(Field{"desk", false, false, "department"}), 5);
  EXPECT_EQ(*d.FindDepartment(Field{"客服部", false, false, "department"}), 5);
  EXPECT_EQ(*d.FindDepartment(Field{"5", false, false, "department"}), 5);
  EXPECT_FALSE(d.FindCategory(Field{"网络与连接//VPN", false, false, "category"}).ok());
}

}  // namespace
}  // namespace sqm::desk::import
