#include "feedback/agency.h"

#include <array>
#include <charconv>
#include <cmath>

#include "base/json.h"
#include "base/text.h"
#include "desk/import/columns.h"
#include "desk/import/text.h"
#include "desk/import/times.h"
#include "desk/rules.h"
#include "feedback/rules.h"

namespace sqm::desk {

namespace {

using feedback::AgencyColumn;

constexpr Label<AgencyColumn> kAgencyLabels[] = {
    {AgencyColumn::kAgency, "agency", "测评机构", {"机构", "调查机构"}},
    {AgencyColumn::kSurveyedOn, "surveyed_on", "调查日期", {"surveyed_at", "调查时间"}},
    {AgencyColumn::kTicket, "ticket", "工单编号", {"ticket_number", "工单"}},
    {AgencyColumn::kDepartment, "department", "部门", {"department_code", "部门编码"}},
    {AgencyColumn::kCsat, "csat", "满意度评分", {"csat_score", "评分"}},
    {AgencyColumn::kSatisfaction, "satisfaction", "满意度", {"满意度类别", "评价"}},
    {AgencyColumn::kNps, "nps", "推荐度", {"nps_score", "推荐意愿"}},
    {AgencyColumn::kComment, "comment", "意见", {"free_text", "意见建议"}},
};

}  // namespace

template <>
std::span<const Label<AgencyColumn>> Labels() {
  return kAgencyLabels;
}

}  // namespace sqm::desk

namespace sqm::feedback {

namespace {

namespace imp = desk::import;
using imp::RowError;

constexpr int kAgencyColumns = 8;
constexpr std::size_t kMaxAgencyName = 100;

std::optional<AgencyColumn> ParseAgencyColumn(std::string_view header) {
  if (auto c = desk::ParseLabel<AgencyColumn>(header)) return c;
  return imp::ParseBilingualLabel<AgencyColumn>(header);
}

std::optional<int> WholeNumber(std::string_view text) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc() && ptr == text.data() + text.size()) return v;
  // An XLSX number cell may read "5.0".
  double d = 0;
  auto [p2, e2] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (e2 == std::errc() && p2 == text.data() + text.size() && d == std::floor(d) && std::abs(d) < 1e6) {
    return static_cast<int>(d);
  }
  return std::nullopt;
}

class RowReader {
 public:
  RowReader(const std::array<std::optional<int>, kAgencyColumns>& at,
            const std::array<std::string, kAgencyColumns>& names, const calendar::Zone& zone, TimeMs now)
      : at_(at), names_(names), zone_(zone), now_(now) {}

  // The row, or the problems found (appended to `errors`).
  std::optional<AgencyRow> Read(const imp::Record& record, std::vector<RowError>& errors) const {
    const std::size_t before = errors.size();
    AgencyRow row;
    row.line = record.line;
    const auto fail = [&](AgencyColumn c, Message m) { errors.emplace_back(record.line, Name(c), std::move(m)); };
    const auto cell = [&](AgencyColumn c) -> const imp::Cell* {
      const auto pos = at_[static_cast<int>(c)];
      if (!pos || static_cast<std::size_t>(*pos) >= record.cells.size()) return nullptr;
      const imp::Cell& x = record.cells[static_cast<std::size_t>(*pos)];
      return desk::TrimSpace(x.text).empty() ? nullptr : &x;
    };
    const auto text = [&](AgencyColumn c) { return std::string(desk::TrimSpace(cell(c)->text)); };

    if (const auto* c = cell(AgencyColumn::kAgency)) {
      row.agency = text(AgencyColumn::kAgency);
      if (json::CodePoints(row.agency) > kMaxAgencyName) {
        fail(AgencyColumn::kAgency, TooLong(kMaxAgencyName));
      }
      (void)c;
    } else {
      fail(AgencyColumn::kAgency, Msg("agency.required", "is required"));
    }
    if (const auto* c = cell(AgencyColumn::kSurveyedOn)) {
      std::optional<TimeMs> t;
      const std::string v = text(AgencyColumn::kSurveyedOn);
      if (c->number) {
        double serial = 0;
        auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
        if (ec == std::errc() && ptr == v.data() + v.size() && serial > 0 && serial < 2'958'466) {
          t = imp::FromExcelSerial(serial, zone_);
        }
      } else {
        // A date alone is that day's midnight in the business time zone.
        t = imp::ParseTime(v.find(':') == std::string::npos ? v + " 00:00" : v, zone_);
      }
      if (!t) {
        fail(AgencyColumn::kSurveyedOn,
             Msg("agency.bad_date", "'{value}' is not a date (2026-03-01 or 2026-03-01 09:30)",
                 {{"value", imp::Shown(v)}}));
      } else if (*t > now_) {
        fail(AgencyColumn::kSurveyedOn, Msg("agency.future_date", "the survey date is in the future"));
      } else {
        row.surveyed_at = *t;
      }
    } else {
      fail(AgencyColumn::kSurveyedOn, Msg("agency.required", "is required"));
    }
    const auto* ticket = cell(AgencyColumn::kTicket);
    const auto* dept = cell(AgencyColumn::kDepartment);
    if (ticket && dept) {
      fail(AgencyColumn::kDepartment,
           Msg("agency.ticket_or_department", "give a ticket or a department, not both (a ticket has its department)"));
    } else if (ticket) {
      const std::string v = text(AgencyColumn::kTicket);
      row.ticket_id = desk::ParseTicketNumber(v);
      if (!row.ticket_id) {
        fail(AgencyColumn::kTicket,
             Msg("agency.bad_ticket_number", "'{value}' is not a ticket number (T000042)", {{"value", imp::Shown(v)}}));
      }
      row.ticket_column = ColumnName(AgencyColumn::kTicket);
    } else if (dept) {
      row.department_code = text(AgencyColumn::kDepartment);
      row.department_column = ColumnName(AgencyColumn::kDepartment);
    } else {
      fail(AgencyColumn::kTicket,
           Msg("agency.ticket_or_department_missing", "each row needs a ticket number or a department code"));
    }
    const auto score = [&](AgencyColumn c, int lo, int hi) -> std::optional<int> {
      if (!cell(c)) return std::nullopt;
      const std::string v = text(c);
      auto n = WholeNumber(v);
      if (!n || *n < lo || *n > hi) {
        fail(c, Msg("agency.bad_score", "'{value}' is not a whole number from {min} to {max}",
                    {{"value", imp::Shown(v)}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)}}));
        return std::nullopt;
      }
      return n;
    };
    row.csat = score(AgencyColumn::kCsat, 1, 5);
    row.nps = score(AgencyColumn::kNps, 0, 10);
    if (cell(AgencyColumn::kSatisfaction)) {
      const std::string v = text(AgencyColumn::kSatisfaction);
      auto s = desk::ParseLabel<desk::Satisfaction>(v);
      if (!s || *s == desk::Satisfaction::kNotRated) {
        fail(AgencyColumn::kSatisfaction,
             Msg("agency.bad_satisfaction",
                 "'{value}' is not a satisfaction category; use 满意 (satisfied), 基本满意 (basically_satisfied) or "
                 "不满意 (dissatisfied)",
                 {{"value", imp::Shown(v)}}));
      } else {
        row.satisfaction = desk::Name(*s);
      }
    }
    if (cell(AgencyColumn::kComment)) {
      row.body = text(AgencyColumn::kComment);
      if (json::CodePoints(row.body) > kMaxAnswerText) fail(AgencyColumn::kComment, TooLong(kMaxAnswerText));
    }
    if (errors.size() == before && !row.csat && !row.nps && !row.satisfaction && row.body.empty()) {
      errors.emplace_back(record.line, "",
                          Msg("agency.no_answer", "the row has no answer: give csat, satisfaction, nps or comment"));
    }
    if (errors.size() != before) return std::nullopt;
    return row;
  }

 private:
  static Message TooLong(std::size_t max) {
    return Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(max)}});
  }
  const char* Name(AgencyColumn c) const {
    const auto& n = names_[static_cast<int>(c)];
    return n.empty() ? ColumnName(c) : n.c_str();
  }
  static const char* ColumnName(AgencyColumn c) { return desk::Name(c); }

  const std::array<std::optional<int>, kAgencyColumns>& at_;
  const std::array<std::string, kAgencyColumns>& names_;
  const calendar::Zone& zone_;
  TimeMs now_;
};

}  // namespace

AgencyFile ReadAgencyFile(imp::Format format, imp::Input data, const calendar::Zone& zone, TimeMs now,
                          const AgencyLimits& limits, const AgencyRowSink& each) {
  AgencyFile out;
  const auto add = [&](RowError e) {
    ++out.error_count;
    if (out.errors.size() < limits.max_errors) out.errors.push_back(std::move(e));
  };
  auto reader = imp::OpenReader(format, data);
  if (!reader.ok()) {
    add(RowError::Of(0, "", reader.error()));
    return out;
  }
  std::array<std::optional<int>, kAgencyColumns> at{};
  std::array<std::string, kAgencyColumns> names{};
  std::optional<RowReader> rows;
  std::int64_t count = 0;
  imp::Record record;
  for (;;) {
    auto more = (*reader)->Next(record);
    if (!more.ok()) {
      add(RowError::Of((*reader)->ErrorLine(), "", more.error()));
      return out;
    }
    if (!*more) break;
    if (record.Blank()) continue;
    if (!rows) {  // the header
      if (record.problem != imp::RecordProblem::kNone) {
        add(imp::ProblemError(record, true));
        return out;
      }
      bool bad = false;
      for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const auto h = desk::TrimSpace(record.cells[i].text);
        if (h.empty()) continue;
        auto c = ParseAgencyColumn(h);
        if (!c) {
          bad = true;
          add({record.line, Bounded(h),
               Msg("agency.unknown_column",
                   "unknown column; the columns are agency, surveyed_on, ticket, department, csat, satisfaction, nps, "
                   "comment (or their Chinese names: download the template)")});
          continue;
        }
        auto& pos = at[static_cast<int>(*c)];
        if (pos) {
          bad = true;
          add({record.line, Bounded(h),
               Msg("agency.column_twice", "the column {column} appears twice", {{"column", desk::Name(*c)}})});
          continue;
        }
        pos = static_cast<int>(i);
        names[static_cast<int>(*c)] = Bounded(h);
      }
      for (AgencyColumn c : {AgencyColumn::kAgency, AgencyColumn::kSurveyedOn}) {
        if (!at[static_cast<int>(c)]) {
          bad = true;
          add({record.line, desk::Name(c),
               Msg("agency.column_missing", "the header has no {column} ({column_zh}) column, which is required",
                   {{"column", desk::Name(c)}, {"column_zh", desk::NameZh(c)}})});
        }
      }
      if (!at[static_cast<int>(AgencyColumn::kTicket)] && !at[static_cast<int>(AgencyColumn::kDepartment)]) {
        bad = true;
        add({record.line, "",
             Msg("agency.key_column_missing", "the header needs a ticket (工单编号) or a department (部门) column")});
      }
      if (bad) return out;
      rows.emplace(at, names, zone, now);
      continue;
    }
    if (++count > limits.max_rows) {  // refused whole: its other problems do not matter now
      out.errors.clear();
      out.rows.clear();
      out.good_rows = 0;
      out.error_count = 0;
      add({0, "",
           Msg("import.too_many_rows",
               "the file has more than {limit} rows; import it as several files of at most {limit} rows each",
               {{"limit", std::to_string(limits.max_rows)}})});
      return out;
    }
    std::vector<RowError> errors;
    if (record.problem != imp::RecordProblem::kNone) {
      std::string column;
      for (int c = 0; c < kAgencyColumns; ++c) {
        if (at[c] == record.problem_cell) column = names[c];
      }
      errors.push_back(imp::ProblemError(record, false, column));
    } else if (auto row = rows->Read(record, errors)) {
      ++out.good_rows;
      if (!each) {
        out.rows.push_back(std::move(*row));
      } else if (!each(*row)) {
        return out;
      }
    }
    for (auto& e : errors) add(std::move(e));
  }
  if (!rows) {
    add({0, "", Msg("agency.empty_file", "the file is empty")});
  } else if (count == 0) {
    add({0, "", Msg("agency.no_rows", "the file has a header but no rows")});
  }
  return out;
}

std::string AgencyTemplateCsv(bool chinese) {
  constexpr AgencyColumn kOrder[] = {AgencyColumn::kAgency,     AgencyColumn::kSurveyedOn, AgencyColumn::kTicket,
                                     AgencyColumn::kDepartment, AgencyColumn::kCsat,       AgencyColumn::kSatisfaction,
                                     AgencyColumn::kNps,        AgencyColumn::kComment};
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < std::size(kOrder); ++i) {
    out += (i ? "," : "") + std::string(chinese ? desk::NameZh(kOrder[i]) : desk::Name(kOrder[i]));
  }
  out += "\r\n";
  out += chinese ? "某某调查公司,2026-03-01,T000001,,5,满意,9,服务态度很好\r\n"
                 : "Example Research Ltd,2026-03-01,T000001,,5,satisfied,9,friendly and quick\r\n";
  out += chinese ? "某某调查公司,2026-03-01,,DESK,4,基本满意,8,\r\n"
                 : "Example Research Ltd,2026-03-01,,DESK,4,basically_satisfied,8,\r\n";
  return out;
}

}  // namespace sqm::feedback
