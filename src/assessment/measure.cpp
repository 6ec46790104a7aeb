#include "assessment/measure.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace sqm::assessment {

namespace {

constexpr std::pair<AggregationKind, const char*> kAggregations[] = {
    {AggregationKind::kCount, "count"}, {AggregationKind::kSum, "sum"}, {AggregationKind::kMean, "mean"},
    {AggregationKind::kMin, "min"},     {AggregationKind::kMax, "max"}, {AggregationKind::kPercentile, "percentile"},
    {AggregationKind::kRatio, "ratio"},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || s.size() > 64 || !(std::islower(static_cast<unsigned char>(s[0])))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

enum class Tok { kWord, kNumber, kString, kOp, kOpen, kClose, kComma, kEnd };
struct Token {
  Tok kind = Tok::kEnd;
  std::string text;
  double number = 0;
  std::size_t at = 0;  // 1-based position in the filter
};

class Parser {
 public:
  Parser(std::string_view text, const storage::FactSource& source, const std::string& field)
      : text_(text), source_(source), field_(field) {}

  Result<std::vector<Condition>> Run() {
    std::vector<Condition> out;
    SQM_TRY(Next());
    if (tok_.kind == Tok::kEnd) return out;
    for (;;) {
      SQM_ASSIGN(Condition c, ParseCondition());
      out.push_back(std::move(c));
      if (tok_.kind == Tok::kEnd) return out;
      if (tok_.kind != Tok::kWord || Lower(tok_.text) != "and") return Fail("expected 'and' or the end");
      SQM_TRY(Next());
    }
  }

 private:
  Error Fail(const std::string& what) const {
    return Error::Invalid(
        field_, Msg("measure.filter_syntax", "{what} at {at}", {{"what", what}, {"at", std::to_string(tok_.at)}}));
  }

  Status Next() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    tok_ = Token{};
    tok_.at = pos_ + 1;
    if (pos_ >= text_.size()) return {};
    const char c = text_[pos_];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t end = pos_;
      while (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_')) ++end;
      tok_.kind = Tok::kWord;
      tok_.text = std::string(text_.substr(pos_, end - pos_));
      pos_ = end;
      return {};
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.') {
      std::size_t end = pos_ + 1;
      while (end < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[end])) || text_[end] == '.')) ++end;
      const std::string s(text_.substr(pos_, end - pos_));
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), tok_.number);
      if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(tok_.number)) {
        return Fail("bad number '" + s + "'");
      }
      tok_.kind = Tok::kNumber;
      pos_ = end;
      return {};
    }
    if (c == '\'') {
      std::string s;
      std::size_t i = pos_ + 1;
      for (;; ++i) {
        if (i >= text_.size()) return Fail("unterminated text");
        if (text_[i] == '\'') {
          if (i + 1 < text_.size() && text_[i + 1] == '\'') {
            s += '\'';
            ++i;
            continue;
          }
          break;
        }
        s += text_[i];
      }
      tok_.kind = Tok::kString;
      tok_.text = std::move(s);
      pos_ = i + 1;
      return {};
    }
    if (c == '(' || c == ')' || c == ',') {
      tok_.kind = c == '(' ? Tok::kOpen : c == ')' ? Tok::kClose : Tok::kComma;
      tok_.text = std::string(1, c);
      ++pos_;
      return {};
    }
    for (const char* op : {"<=", ">=", "!=", "<>", "=", "<", ">"}) {
      const std::string_view o(op);
      if (text_.substr(pos_, o.size()) == o) {
        tok_.kind = Tok::kOp;
        tok_.text = o;
        pos_ += o.size();
        return {};
      }
    }
    return Fail(std::string("unexpected '") + c + "'");
  }

  Result<Literal> ParseLiteral(const storage::FactField& f) {
    Literal v;
    if (tok_.kind == Tok::kNumber) {
      if (f.type == storage::FactFieldType::kText || f.type == storage::FactFieldType::kBoolean) {
        return Fail("'" + f.name + "' is " + storage::FactFieldTypeName(f.type) + ", not a number");
      }
      v = tok_.number;
    } else if (tok_.kind == Tok::kString) {
      if (f.type != storage::FactFieldType::kText) {
        return Fail("'" + f.name + "' is " + storage::FactFieldTypeName(f.type) + ", not text");
      }
      v = tok_.text;
    } else if (tok_.kind == Tok::kWord && (Lower(tok_.text) == "true" || Lower(tok_.text) == "false")) {
      if (f.type != storage::FactFieldType::kBoolean) {
        return Fail("'" + f.name + "' is " + storage::FactFieldTypeName(f.type) + ", not boolean");
      }
      v = Lower(tok_.text) == "true";
    } else {
      return Fail("expected a value for '" + f.name + "'");
    }
    SQM_TRY(Next());
    return v;
  }

  Result<Condition> ParseCondition() {
    if (tok_.kind != Tok::kWord) return Fail("expected a field");
    const storage::FactField* f = FindField(source_, tok_.text);
    if (!f) {
      std::string names;
      for (const auto& x : source_.fields) names += (names.empty() ? "" : ", ") + x.name;
      return Fail("unknown field '" + tok_.text + "' of " + source_.name + " (fields: " + names + ")");
    }
    Condition c;
    c.field = f->name;
    c.type = f->type;
    SQM_TRY(Next());
    const bool text = f->type == storage::FactFieldType::kText;
    const bool boolean = f->type == storage::FactFieldType::kBoolean;
    if (tok_.kind == Tok::kWord && Lower(tok_.text) == "is") {
      SQM_TRY(Next());
      c.op = FilterOp::kIsNull;
      if (tok_.kind == Tok::kWord && Lower(tok_.text) == "not") {
        c.op = FilterOp::kIsNotNull;
        SQM_TRY(Next());
      }
      if (tok_.kind != Tok::kWord || Lower(tok_.text) != "null") return Fail("expected null");
      SQM_TRY(Next());
      return c;
    }
    if (tok_.kind == Tok::kWord && Lower(tok_.text) == "in") {
      if (boolean) return Fail("'in' does not apply to the boolean '" + f->name + "'");
      c.op = FilterOp::kIn;
      SQM_TRY(Next());
      if (tok_.kind != Tok::kOpen) return Fail("expected '('");
      SQM_TRY(Next());
      for (;;) {
        SQM_ASSIGN(Literal v, ParseLiteral(*f));
        c.values.push_back(std::move(v));
        if (c.values.size() > 100) return Fail("more than 100 values");
        if (tok_.kind == Tok::kClose) break;
        if (tok_.kind != Tok::kComma) return Fail("expected ',' or ')'");
        SQM_TRY(Next());
      }
      SQM_TRY(Next());
      return c;
    }
    if (tok_.kind != Tok::kOp) return Fail("expected an operator after '" + f->name + "'");
    const std::string op = tok_.text;
    c.op = op == "="                    ? FilterOp::kEq
           : (op == "!=" || op == "<>") ? FilterOp::kNe
           : op == "<"                  ? FilterOp::kLt
           : op == "<="                 ? FilterOp::kLe
           : op == ">"                  ? FilterOp::kGt
                                        : FilterOp::kGe;
    if ((text || boolean) && c.op != FilterOp::kEq && c.op != FilterOp::kNe) {
      return Fail("'" + op + "' does not apply to the " + storage::FactFieldTypeName(f->type) + " '" + f->name + "'");
    }
    SQM_TRY(Next());
    SQM_ASSIGN(Literal v, ParseLiteral(*f));
    c.values.push_back(std::move(v));
    return c;
  }

  std::string_view text_;
  const storage::FactSource& source_;
  const std::string& field_;
  std::size_t pos_ = 0;
  Token tok_;
};

bool Aggregates(storage::FactFieldType t) {
  return t != storage::FactFieldType::kText;
}

}  // namespace

const char* AggregationName(AggregationKind k) {
  for (const auto& [kind, name] : kAggregations) {
    if (kind == k) return name;
  }
  return "count";
}

std::optional<AggregationKind> ParseAggregation(std::string_view name) {
  for (const auto& [kind, n] : kAggregations) {
    if (name == n) return kind;
  }
  return std::nullopt;
}

double RatioScale(std::string_view unit) {
  if (unit == "percent") return 100;
  if (unit == "per_mille") return 1000;
  return 1;
}

MeasureInfo InfoOf(const Measure& m) {
  return MeasureInfo{m.code, m.unit, m.direction, m.aggregation.kind == AggregationKind::kRatio};
}

Result<std::vector<Condition>> ParseFilter(std::string_view text, const storage::FactSource& source,
                                           const std::string& field_name) {
  if (text.size() > 2000) {
    return Error::Invalid(field_name, Msg("measure.filter_long", "at most 2000 characters"));
  }
  return Parser(text, source, field_name).Run();
}

namespace {

// The literal as the SQL binds it (repo::Bound): a boolean is 1 or 0.
std::optional<double> NumberOf(const Literal& l) {
  if (const bool* b = std::get_if<bool>(&l)) return *b ? 1.0 : 0.0;
  if (const double* d = std::get_if<double>(&l)) return *d;
  return std::nullopt;
}

bool Equal(const FieldValue& v, const Literal& l) {
  if (const std::string* text = std::get_if<std::string>(&v)) {
    const std::string* lit = std::get_if<std::string>(&l);
    return lit != nullptr && *lit == *text;
  }
  const auto n = NumberOf(l);
  return n && std::get<double>(v) == *n;
}

}  // namespace

bool Matches(const Condition& c, const FieldValue& v) {
  const bool null = std::holds_alternative<std::monostate>(v);
  if (c.op == FilterOp::kIsNull) return null;
  if (c.op == FilterOp::kIsNotNull) return !null;
  if (null || c.values.empty()) return false;
  if (c.op == FilterOp::kEq) return Equal(v, c.values.front());
  if (c.op == FilterOp::kNe) {
    // Unknown (false) when the kinds differ, like a NULL: never true of a value it cannot compare.
    const bool comparable = std::holds_alternative<std::string>(v) == std::holds_alternative<std::string>(c.values[0]);
    return comparable && !Equal(v, c.values.front());
  }
  if (c.op == FilterOp::kIn) {
    return std::any_of(c.values.begin(), c.values.end(), [&](const Literal& l) { return Equal(v, l); });
  }
  const double* x = std::get_if<double>(&v);
  const auto n = NumberOf(c.values.front());
  if (x == nullptr || !n) return false;
  switch (c.op) {
    case FilterOp::kLt: return *x < *n;
    case FilterOp::kLe: return *x <= *n;
    case FilterOp::kGt: return *x > *n;
    case FilterOp::kGe: return *x >= *n;
    default: return false;
  }
}

Status CheckMeasure(const Measure& m, const FactRegistry& registry, const std::vector<std::string>& taken) {
  Problems problems;
  if (!IsIdentifier(m.code)) {
    problems.Add("code",
                 Msg("measure.bad_code", "lower-case letters, digits and _, starting with a letter (at most 64)"));
  } else if (std::find(taken.begin(), taken.end(), m.code) != taken.end()) {
    problems.Add(Error::Conflict(Msg("measure.code_taken", "a measure {code} exists", {{"code", m.code}}), "code"));
  }
  if (m.name.zh.empty()) problems.Add("name.zh", Msg("field.required", "is required"));
  if (m.name.en.empty()) problems.Add("name.en", Msg("field.required", "is required"));
  static const std::vector<std::string> kUnits = {"percent", "per_mille", "ratio",  "minutes",
                                                  "hours",   "count",     "number", "points"};
  if (std::find(kUnits.begin(), kUnits.end(), m.unit) == kUnits.end()) {
    problems.Add("unit",
                 Msg("measure.bad_unit", "must be percent, per_mille, ratio, minutes, hours, count, number or points"));
  }
  const storage::FactSource* source = registry.Find(m.source);
  if (!source) {
    problems.Add("source", Msg("measure.unknown_source", "no fact source {name}", {{"name", m.source}}));
  } else {
    if (auto r = ParseFilter(m.filter, *source, "filter"); !r.ok()) problems.Add(r.error());
    const auto& a = m.aggregation;
    switch (a.kind) {
      case AggregationKind::kCount: break;
      case AggregationKind::kSum:
      case AggregationKind::kMean:
      case AggregationKind::kMin:
      case AggregationKind::kMax:
      case AggregationKind::kPercentile: {
        const storage::FactField* f = FindField(*source, a.field);
        if (!f || !Aggregates(f->type)) {
          problems.Add("aggregation.field", Msg("measure.bad_field", "{source} has no number field {field}",
                                                {{"source", source->name}, {"field", a.field}}));
        }
        if (a.kind == AggregationKind::kPercentile && !(a.p > 0 && a.p < 100)) {
          problems.Add("aggregation.p", Msg("measure.bad_p", "must be above 0 and below 100"));
        }
        break;
      }
      case AggregationKind::kRatio: {
        if (auto r = ParseFilter(a.numerator_filter, *source, "aggregation.numerator_filter"); !r.ok()) {
          problems.Add(r.error());
        }
        if (!a.denominator_source.empty()) {
          const storage::FactSource* d = registry.Find(a.denominator_source);
          if (!d) {
            problems.Add("aggregation.denominator_source",
                         Msg("measure.unknown_source", "no fact source {name}", {{"name", a.denominator_source}}));
          } else if (auto r = ParseFilter(a.denominator_filter, *d, "aggregation.denominator_filter"); !r.ok()) {
            problems.Add(r.error());
          }
        } else if (a.numerator_filter.empty()) {
          problems.Add("aggregation.numerator_filter", Msg("field.required", "is required"));
        }
        if (m.unit != "percent" && m.unit != "per_mille" && m.unit != "ratio") {
          problems.Add("unit", Msg("measure.ratio_unit", "a ratio is in percent, per_mille or ratio"));
        }
        break;
      }
    }
  }
  if (auto e = problems.Take()) return *e;
  return {};
}

}  // namespace sqm::assessment
