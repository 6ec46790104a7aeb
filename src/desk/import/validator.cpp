#include "desk/import/validator.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/json.h"
#include "desk/import/text.h"
#include "desk/import/times.h"
#include "desk/rules.h"

namespace sqm::desk::import {

namespace {

constexpr TimeMs kClockSkew = 60'000;  // times this far ahead of `now` are still accepted

}  // namespace

Validator::Validator(const Directory& directory, ValidateOptions options)
    : dir_(directory), options_(std::move(options)) {}

std::optional<ImportTicket> Validator::Check(const RowInput& row, std::vector<RowError>& errors) {
  const std::size_t before = errors.size();
  auto name = [&](Column c) -> std::string {
    const Field* f = row.Get(c);
    return f && !f->name.empty() ? f->name : ColumnName(c);
  };
  auto fail = [&](Column c, Message reason) { errors.emplace_back(row.line, name(c), std::move(reason)); };
  auto fail_with = [&](Column c, const Error& e) { errors.push_back(RowError::Of(row.line, name(c), e)); };
  const Message required = Msg("import.required", "is required");
  // The trimmed text of a column; nullopt when absent or empty.
  auto text = [&](Column c) -> std::optional<std::string_view> {
    const Field* f = row.Get(c);
    if (!f) return std::nullopt;
    auto t = TrimSpace(f->text);
    if (t.empty()) return std::nullopt;
    // An export protects text starting with = + - @ from spreadsheet formulas with a leading '.
    if ((c == Column::kTitle || c == Column::kDescription || c == Column::kExternalId) && t.size() > 1 &&
        t[0] == '\'' && std::string_view("=+-@").find(t[1]) != std::string_view::npos) {
      t.remove_prefix(1);
    }
    return t;
  };
  auto field = [&](Column c) {  // the field with its text trimmed
    Field f = *row.Get(c);
    f.text = std::string(TrimSpace(f.text));
    f.name = name(c);
    return f;
  };
  auto no_controls = [](std::string_view s, bool multiline) {
    return std::none_of(s.begin(), s.end(), [&](char ch) {
      const auto u = static_cast<unsigned char>(ch);
      return u < 0x20 && !(multiline && (ch == '\n' || ch == '\t' || ch == '\r'));
    });
  };

  ImportTicket t;
  t.line = row.line;
  auto& reg = t.draft.registration;

  if (auto s = text(Column::kType)) {
    if (auto v = ParseLabel<TicketType>(*s)) {
      reg.type = *v;
    } else {
      fail(Column::kType, Msg("import.unknown_type",
                              "unknown type '{value}'; use consultation, request, incident, complaint or suggestion "
                              "(咨询, 服务请求, 故障, 投诉, 建议)",
                              {{"value", Shown(*s)}}));
    }
  } else {
    fail(Column::kType, required);
  }
  if (auto s = text(Column::kChannel)) {
    if (auto v = ParseLabel<Channel>(*s)) {
      reg.channel = *v;
    } else {
      fail(Column::kChannel, Msg("import.unknown_channel",
                                 "unknown channel '{value}'; use phone, email, chat, portal, walk_in or api "
                                 "(电话, 邮件, 在线, 门户, 现场, 接口)",
                                 {{"value", Shown(*s)}}));
    }
  } else {
    fail(Column::kChannel, required);
  }
  bool priority_ok = true;
  if (auto s = text(Column::kPriority)) {
    if (auto v = ParsePriorityValue(*s)) {
      reg.priority = *v;
    } else {
      fail(Column::kPriority,
           Msg("import.unknown_priority", "unknown priority '{value}'; use P1, P2, P3 or P4", {{"value", Shown(*s)}}));
      priority_ok = false;
    }
  }
  if (auto s = text(Column::kTitle)) {
    if (json::CodePoints(*s) > kMaxTitle) {
      fail(Column::kTitle,
           Msg("import.too_long", "is longer than {max} characters", {{"max", std::to_string(kMaxTitle)}}));
    } else if (!no_controls(*s, true)) {
      fail(Column::kTitle, Msg("import.control_characters", "must not contain control characters"));
    } else {
      reg.title = std::string(*s);
    }
  } else {
    fail(Column::kTitle, required);
  }
  bool description_ok = true;
  if (auto s = text(Column::kDescription)) {
    if (json::CodePoints(*s) > kMaxText) {
      fail(Column::kDescription,
           Msg("import.too_long", "is longer than {max} characters", {{"max", std::to_string(kMaxText)}}));
      description_ok = false;
    } else if (!no_controls(*s, true)) {
      fail(Column::kDescription, Msg("import.control_characters", "must not contain control characters"));
      description_ok = false;
    } else {
      reg.description = std::string(*s);
    }
  }

  bool customer_ok = true, category_ok = true;
  if (text(Column::kCustomer)) {
    auto r = dir_.FindCustomer(field(Column::kCustomer));
    if (r.ok()) {
      reg.customer_id = *r;
    } else {
      fail_with(Column::kCustomer, r.error());
      customer_ok = false;
    }
  }
  if (text(Column::kCategory)) {
    auto r = dir_.FindCategory(field(Column::kCategory));
    if (r.ok()) {
      reg.category_id = *r;
    } else {
      fail_with(Column::kCategory, r.error());
      category_ok = false;
    }
  }
  bool department_ok = true;
  if (text(Column::kDepartment)) {
    auto r = dir_.FindDepartment(field(Column::kDepartment));
    if (r.ok()) {
      t.draft.department_id = *r;
    } else {
      fail_with(Column::kDepartment, r.error());
      department_ok = false;
    }
  }
  if (text(Column::kAssignee)) {
    auto r = dir_.FindStaff(field(Column::kAssignee));
    if (r.ok()) {
      t.draft.assignee_id = *r;
    } else {
      fail_with(Column::kAssignee, r.error());
    }
  }
  if (department_ok && !options_.scope.all) {
    const auto dept = t.draft.department_id ? t.draft.department_id : options_.caller_department;
    if (!options_.scope.Contains(dept)) {
      fail(Column::kDepartment,
           dept ? Msg("import.department_out_of_scope", "is outside the departments you may register tickets for")
                : Msg("import.department_required_no_own",
                      "is required: you have no department of your own to register tickets for"));
    }
  }

  // Times, in the order they must happen.
  struct Moment {
    Column column;
    std::optional<TimeMs>* into;
  };
  std::optional<TimeMs> created;
  const Moment moments[] = {{Column::kCreatedAt, &created},
                            {Column::kFirstResponseAt, &t.first_response_at},
                            {Column::kResolvedAt, &t.resolved_at},
                            {Column::kCallbackAt, &t.callback_at},
                            {Column::kClosedAt, &t.closed_at}};
  bool times_ok = true;
  for (const auto& m : moments) {
    auto s = text(m.column);
    if (!s) continue;
    const Field* f = row.Get(m.column);
    std::optional<TimeMs> v;
    if (f->number) {
      char* end = nullptr;
      const std::string raw(*s);
      const double serial = std::strtod(raw.c_str(), &end);
      if (end == raw.c_str() + raw.size() && std::isfinite(serial) && serial > 1 && serial < 2958466) {
        v = FromExcelSerial(serial, options_.zone);
      }
    } else {
      v = ParseTime(*s, options_.zone);
    }
    if (!v) {
      fail(m.column, Msg("import.not_a_date_time",
                         "is not a date-time: '{value}' (write 2026-01-05 09:30, taken as Beijing time, or "
                         "ISO-8601 with an offset such as 2026-01-05T09:30:00+08:00)",
                         {{"value", Shown(*s)}}));
      times_ok = false;
      continue;
    }
    if (*v > options_.now + kClockSkew) {
      fail(m.column, Msg("import.in_the_future", "is in the future ({time})", {{"time", options_.zone.Format(*v)}}));
      times_ok = false;
      continue;
    }
    *m.into = v;
  }
  if (!created && !text(Column::kCreatedAt)) {
    if (options_.default_created_at) {
      created = options_.default_created_at;
      t.live = true;
    } else {
      fail(Column::kCreatedAt, required);
      times_ok = false;
    }
  }
  if (times_ok) {
    const Moment* previous = nullptr;
    for (const auto& m : moments) {
      if (!*m.into) continue;
      if (previous && **m.into < **previous->into) {
        fail(m.column, Msg("import.time_before", "({time}) is before {other_column} ({other_time})",
                           {{"time", options_.zone.Format(**m.into)},
                            {"other_column", name(previous->column)},
                            {"other_time", options_.zone.Format(**previous->into)}}));
      }
      previous = &m;
    }
  }
  if (created) t.created_at = *created;

  // The lifecycle: resolved -> callback (回访) -> closed.
  if (auto s = text(Column::kCallbackResolved)) {
    if (auto v = ParseLabel<CallbackResolved>(*s)) {
      t.callback_resolved = v;
    } else {
      fail(Column::kCallbackResolved,
           Msg("import.unknown_callback_result",
               "unknown callback result '{value}'; use resolved, partly or not_resolved (解决, 部分解决, 未解决)",
               {{"value", Shown(*s)}}));
    }
  }
  if (auto s = text(Column::kSatisfaction)) {
    if (auto v = ParseLabel<Satisfaction>(*s)) {
      t.satisfaction = v;
    } else {
      fail(Column::kSatisfaction, Msg("import.unknown_satisfaction",
                                      "unknown satisfaction '{value}'; use satisfied, basically_satisfied, "
                                      "dissatisfied or not_rated (满意, 基本满意, 不满意, 未评价)",
                                      {{"value", Shown(*s)}}));
    }
  }
  const bool has_resolved = text(Column::kResolvedAt).has_value();
  const bool has_callback = text(Column::kCallbackAt).has_value();
  if (has_callback && !has_resolved) {
    fail(Column::kCallbackAt,
         Msg("import.callback_needs_resolved", "needs resolved_at: a callback follows the resolution"));
  }
  if (has_callback && !text(Column::kCallbackResolved)) {
    fail(Column::kCallbackResolved, Msg("import.callback_result_required",
                                        "is required when callback_at is given (resolved, partly or not_resolved)"));
  }
  const Message needs_callback = Msg("import.needs_callback", "needs callback_at");
  if (!has_callback && text(Column::kCallbackResolved)) fail(Column::kCallbackResolved, needs_callback);
  if (!has_callback && text(Column::kSatisfaction)) fail(Column::kSatisfaction, needs_callback);
  if (text(Column::kClosedAt)) {
    if (!has_callback) {
      fail(Column::kClosedAt, Msg("import.close_needs_callback",
                                  "needs resolved_at and callback_at: a ticket is closed after its callback (回访)"));
    } else if (t.callback_resolved == CallbackResolved::kNotResolved) {
      fail(Column::kClosedAt, Msg("import.close_after_not_resolved",
                                  "cannot be set when the callback result is not_resolved (that reopens the ticket)"));
    }
  }

  if (auto s = text(Column::kExternalId)) {
    if (json::CodePoints(*s) > kMaxExternalId) {
      fail(Column::kExternalId,
           Msg("import.too_long", "is longer than {max} characters", {{"max", std::to_string(kMaxExternalId)}}));
    } else if (auto [it, fresh] = external_ids_.emplace(std::string(*s), row.line); !fresh) {
      fail(Column::kExternalId, Msg("import.external_id_repeated", "'{value}' is also on line {line}",
                                    {{"value", Shown(*s)}, {"line", std::to_string(it->second)}}));
    } else if (auto number = options_.imported_as ? options_.imported_as(std::string(*s)) : std::nullopt) {
      fail(Column::kExternalId, Msg("import.external_id_imported", "'{value}' was already imported as {number}",
                                    {{"value", Shown(*s)}, {"number", *number}}));
    } else {
      t.external_id = std::string(*s);
    }
  }

  const Message only_for_complaints = Msg("import.only_for_complaints", "is only for complaints");
  bool complaint_ok = true;
  if (auto s = text(Column::kComplaintCategory)) {
    auto v = ParseLabel<ComplaintCategory>(*s);
    if (!v) {
      complaint_ok = false;
      fail(Column::kComplaintCategory,
           Msg("import.unknown_complaint_category",
               "unknown complaint category '{value}'; use attitude, efficiency, professionalism, outcome, "
               "facilities or other (服务态度, 处理效率, 专业能力, 处理结果, 设施环境, 其他)",
               {{"value", Shown(*s)}}));
    } else if (reg.type != TicketType::kComplaint) {
      fail(Column::kComplaintCategory, only_for_complaints);
    } else {
      t.draft.complaint = ComplaintDraft{.category = *v};
    }
  }
  if (row.complaint) {
    if (reg.type != TicketType::kComplaint) {
      errors.emplace_back(row.line, "complaint", only_for_complaints);
    } else {
      t.draft.complaint = row.complaint;
    }
  }
  // What a registration of this type needs (a customer, a category, a description, a complaint's
  // category), as the desk's rules say. Every problem is reported, whatever else the row has
  // wrong; only a value already refused above is not reported twice.
  if (auto st = CheckRegistration(t.draft); !st.ok()) {
    auto column_of = [](const std::string& f) {
      return f == "customer_id"          ? Column::kCustomer
             : f == "category_id"        ? Column::kCategory
             : f == "priority"           ? Column::kPriority
             : f == "complaint.category" ? Column::kComplaintCategory
                                         : Column::kDescription;
    };
    auto refused = [&](Column c) {
      return (c == Column::kCustomer && !customer_ok) || (c == Column::kCategory && !category_ok) ||
             (c == Column::kDescription && !description_ok) || (c == Column::kPriority && !priority_ok) ||
             (c == Column::kComplaintCategory && !complaint_ok);
    };
    if (!refused(column_of(st.error().field))) fail_with(column_of(st.error().field), st.error());
    for (const auto& p : st.error().more) {
      if (refused(column_of(p.field))) continue;
      Message m(p.message);
      m.key = p.key;
      m.args = p.args;
      fail(column_of(p.field), std::move(m));
    }
  }
  if (errors.size() != before) return std::nullopt;
  return t;
}

}  // namespace sqm::desk::import
