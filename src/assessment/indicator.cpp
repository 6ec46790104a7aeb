#include "assessment/indicator.h"

#include <cctype>
#include <cmath>

namespace sqm::assessment {

const char* IndicatorKindName(IndicatorKind kind) {
  return kind == IndicatorKind::kManual ? "manual" : "computed";
}

std::optional<IndicatorKind> ParseIndicatorKind(std::string_view text) {
  if (text == "computed") return IndicatorKind::kComputed;
  if (text == "manual") return IndicatorKind::kManual;
  return std::nullopt;
}

bool IsCode(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

struct Formula::Node {
  enum class Kind { kNumber, kMeasure, kNegate, kAdd, kSubtract, kMultiply, kDivide } kind = Kind::kNumber;
  double number = 0;
  std::string measure;
  std::shared_ptr<const Node> left, right;
};

namespace {

using Node = Formula::Node;
using NodePtr = std::shared_ptr<const Node>;

// Recursive descent over:  expr := term (('+'|'-') term)*;  term := factor (('*'|'/') factor)*;
// factor := '-' factor | number | code | '(' expr ')'.
class Parser {
 public:
  Parser(std::string_view text, const std::function<bool(std::string_view)>& known, std::string field)
      : text_(text), known_(known), field_(std::move(field)) {}

  Result<NodePtr> Parse() {
    NodePtr root = Expr();
    Skip();
    if (!error_ && pos_ < text_.size())
      Fail(Msg("formula.unexpected", "unexpected '{char}' at position {pos}",
               {{"char", std::string(1, text_[pos_])}, {"pos", std::to_string(pos_ + 1)}}));
    if (error_) return *error_;
    return root;
  }

 private:
  static constexpr int kMaxDepth = 32;

  void Fail(Message m) {
    if (!error_) error_ = Error::Invalid(field_, std::move(m));
  }
  void Skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    Skip();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  static NodePtr Binary(Node::Kind kind, NodePtr l, NodePtr r) {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->left = std::move(l);
    n->right = std::move(r);
    return n;
  }

  NodePtr Expr() {
    NodePtr left = Term();
    while (!error_) {
      if (Eat('+')) {
        left = Binary(Node::Kind::kAdd, left, Term());
      } else if (Eat('-')) {
        left = Binary(Node::Kind::kSubtract, left, Term());
      } else {
        break;
      }
    }
    return left;
  }
  NodePtr Term() {
    NodePtr left = Factor();
    while (!error_) {
      if (Eat('*')) {
        left = Binary(Node::Kind::kMultiply, left, Factor());
      } else if (Eat('/')) {
        left = Binary(Node::Kind::kDivide, left, Factor());
      } else {
        break;
      }
    }
    return left;
  }
  NodePtr Factor() {
    auto n = std::make_shared<Node>();
    if (error_) return n;
    if (++depth_ > kMaxDepth) {
      Fail(Msg("formula.too_deep", "nests too deeply"));
      return n;
    }
    Skip();
    if (pos_ >= text_.size()) {
      Fail(Msg("formula.incomplete", "ends where a number or a measure is expected"));
    } else if (Eat('-')) {
      n->kind = Node::Kind::kNegate;
      n->left = Factor();
    } else if (Eat('(')) {
      NodePtr inner = Expr();
      if (!Eat(')')) Fail(Msg("formula.unclosed", "misses ')' at position {pos}", {{"pos", std::to_string(pos_ + 1)}}));
      --depth_;
      return inner;
    } else if (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.') {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.'))
        ++pos_;
      const std::string digits(text_.substr(start, pos_ - start));
      char* end = nullptr;
      n->number = std::strtod(digits.c_str(), &end);
      if (end != digits.c_str() + digits.size() || !std::isfinite(n->number)) {
        Fail(Msg("formula.bad_number", "has a malformed number '{number}'", {{"number", digits}}));
      }
    } else if (std::isalpha(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_') {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
        ++pos_;
      n->kind = Node::Kind::kMeasure;
      n->measure = std::string(text_.substr(start, pos_ - start));
      if (!known_(n->measure)) {
        Fail(Msg("formula.unknown_measure", "names an unknown measure '{code}'", {{"code", n->measure}}));
      }
    } else {
      Fail(Msg("formula.unexpected", "unexpected '{char}' at position {pos}",
               {{"char", std::string(1, text_[pos_])}, {"pos", std::to_string(pos_ + 1)}}));
    }
    --depth_;
    return n;
  }

  std::string_view text_;
  const std::function<bool(std::string_view)>& known_;
  std::string field_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<Error> error_;
};

void Collect(const Node* n, std::set<std::string>& out) {
  if (!n) return;
  if (n->kind == Node::Kind::kMeasure) out.insert(n->measure);
  Collect(n->left.get(), out);
  Collect(n->right.get(), out);
}

std::optional<double> Eval(const Node& n, const std::map<std::string, MeasureValue>& m) {
  switch (n.kind) {
    case Node::Kind::kNumber: return n.number;
    case Node::Kind::kMeasure: {
      auto it = m.find(n.measure);
      if (it == m.end() || !it->second.value.has_value()) return std::nullopt;
      return it->second.value.value();
    }
    case Node::Kind::kNegate: {
      auto v = Eval(*n.left, m);
      if (!v) return std::nullopt;
      return -*v;
    }
    default: break;
  }
  auto l = Eval(*n.left, m);
  auto r = Eval(*n.right, m);
  if (!l || !r) return std::nullopt;
  double v = 0;
  switch (n.kind) {
    case Node::Kind::kAdd: v = *l + *r; break;
    case Node::Kind::kSubtract: v = *l - *r; break;
    case Node::Kind::kMultiply: v = *l * *r; break;
    default:
      if (*r == 0) return std::nullopt;
      v = *l / *r;
  }
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

const MeasureValue* Find(const std::map<std::string, MeasureValue>& m, const Node& n) {
  if (n.kind != Node::Kind::kMeasure) return nullptr;
  auto it = m.find(n.measure);
  return it == m.end() ? nullptr : &it->second;
}

std::optional<Count> RateOf(const Node& n, const std::map<std::string, MeasureValue>& m) {
  if (n.kind == Node::Kind::kMultiply) {
    if (n.left->kind == Node::Kind::kNumber) return RateOf(*n.right, m);
    if (n.right->kind == Node::Kind::kNumber) return RateOf(*n.left, m);
    return std::nullopt;
  }
  if (n.kind == Node::Kind::kMeasure) {
    const MeasureValue* v = Find(m, n);
    if (v && v->ratio) return v->ratio;
    return std::nullopt;
  }
  if (n.kind == Node::Kind::kDivide && n.left->kind == Node::Kind::kMeasure && n.right->kind == Node::Kind::kMeasure) {
    const MeasureValue* a = Find(m, *n.left);
    const MeasureValue* b = Find(m, *n.right);
    const long long den = b && b->value.has_value() ? std::llround(b->value.value()) : 0;
    const long long num = a && a->value.has_value() ? std::llround(a->value.value()) : 0;
    return Count{num, den};
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> Formula::Measures() const {
  std::set<std::string> out;
  Collect(root_.get(), out);
  return {out.begin(), out.end()};
}

Figure Formula::Evaluate(const std::map<std::string, MeasureValue>& measures) const {
  if (!root_) return Figure::NoData();
  auto v = Eval(*root_, measures);
  return v ? Figure::Of(*v) : Figure::NoData();
}

std::optional<Count> Formula::RateCount(const std::map<std::string, MeasureValue>& measures) const {
  if (!root_) return std::nullopt;
  return RateOf(*root_, measures);
}

long long Formula::Sample(const std::map<std::string, MeasureValue>& measures) const {
  long long out = 0;
  for (const std::string& code : Measures()) {
    auto it = measures.find(code);
    if (it != measures.end()) out = std::max(out, it->second.sample);
  }
  return out;
}

Result<Formula> ParseFormula(std::string_view text, const std::function<bool(std::string_view)>& known,
                             const std::string& field) {
  if (text.size() > 1000)
    return Error::Invalid(field, Msg("field.too_long", "must be at most {max} characters", {{"max", "1000"}}));
  Parser p(text, known, field);
  SQM_ASSIGN(NodePtr root, p.Parse());
  return Formula(std::move(root));
}

Status CheckIndicator(const Indicator& ind, const std::function<bool(std::string_view)>& known) {
  Problems problems;
  if (!IsCode(ind.code)) {
    problems.Add("code", Msg("assessment.code", "must be 1-64 letters, digits, '_' or '-'"));
  }
  if (ind.name.zh.empty()) problems.Add("name.zh", Msg("field.required", "is required"));
  if (ind.name.en.empty()) problems.Add("name.en", Msg("field.required", "is required"));
  if (ind.unit.empty()) problems.Add("unit", Msg("field.required", "is required"));
  if (ind.kind == IndicatorKind::kComputed) {
    if (ind.formula.empty()) {
      problems.Add("formula", Msg("field.required", "is required"));
    } else if (auto f = ParseFormula(ind.formula, known); !f.ok()) {
      problems.Add(f.error());
    }
  } else if (!ind.formula.empty()) {
    problems.Add("formula", Msg("indicator.manual_formula", "must be empty for a manual indicator"));
  }
  if (ind.target && !std::isfinite(*ind.target)) problems.Add("target", Msg("field.not_number", "must be a number"));
  if (auto e = problems.Take()) return *e;
  return {};
}

}  // namespace sqm::assessment
