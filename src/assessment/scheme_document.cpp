#include "assessment/scheme_document.h"

#include <cmath>
#include <set>

#include "base/json.h"

namespace sqm::assessment {

namespace bj = boost::json;

const char* SubjectKindText(SubjectKind kind) {
  return kind == SubjectKind::kDepartment ? "department" : "staff";
}

std::optional<SubjectKind> ParseSubjectKind(std::string_view text) {
  if (text == "staff") return SubjectKind::kStaff;
  if (text == "department") return SubjectKind::kDepartment;
  return std::nullopt;
}

const char* EvaluationMethodName(EvaluationMethod m) {
  switch (m) {
    case EvaluationMethod::kRsr: return "rsr";
    case EvaluationMethod::kTopsis: return "topsis";
    default: return "weighted_sum";
  }
}

namespace {

constexpr json::Reader::StringRule kCodeRule{.min_len = 1, .max_len = 64};
constexpr json::Reader::StringRule kNameRule{.min_len = 1, .max_len = 200};

std::string Index(const std::string& field, std::size_t i) {
  return field + "[" + std::to_string(i) + "]";
}

// A json::Reader whose Fail adds to the document's problems, so that one object can report several.
class Obj : public json::Reader {
 public:
  Obj(const bj::value& v, std::string prefix, Problems& problems)
      : json::Reader(v, prefix), prefix_(std::move(prefix)), problems_(problems) {}
  void Fail(std::string_view key, Message m) {
    problems_.Add(prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key), std::move(m));
  }

 private:
  std::string prefix_;
  Problems& problems_;
};

// Reads a document, collecting every problem with its JSON path.
class DocumentReader {
 public:
  DocumentReader(const IndicatorLookup& lookup, SchemeDocument& out) : lookup_(lookup), out_(out) {}

  void Close(json::Reader& in) {
    if (auto st = in.Done(); !st.ok()) problems_.Add(st.error());
  }
  Problems& problems() { return problems_; }
  // Code path (as CheckScheme names a node) -> JSON path.
  std::map<std::string, std::string>& paths() { return paths_; }
  std::set<std::string>& leaf_paths() { return leaf_paths_; }

  LocalText Name(Obj& in, const std::string& field, const std::string& key) {
    LocalText t;
    const bj::value* v = in.OptValue(key);
    if (!v) return t;
    Obj n(*v, field + "." + key, problems_);
    t.zh = n.String("zh", kNameRule);
    t.en = n.String("en", kNameRule);
    Close(n);
    return t;
  }

  void Code(Obj& in, const std::string& field, std::string& code) {
    code = in.String("code", kCodeRule);
    if (!code.empty() && !IsCode(code)) {
      in.Fail("code", Msg("assessment.code", "must be 1-64 letters, digits, '_' or '-'"));
    }
    (void)field;
  }

  SchemeNode Node(const bj::value& v, const std::string& field, const std::string& code_path_parent, int depth) {
    SchemeNode node;
    Obj in(v, field, problems_);
    Code(in, field, node.code);
    const std::string code_path = code_path_parent.empty() ? node.code : code_path_parent + "/" + node.code;
    paths_[code_path.empty() ? "root" : code_path] = field;
    if (in.Has("name")) out_.names[node.code] = Name(in, field, "name");
    node.max_points = in.OptNumber("max_points").value_or(0);
    if (!in.Has("max_points")) in.Fail("max_points", Msg("field.required", "is required"));
    const bj::value* indicator = in.OptValue("indicator");
    const bj::value* children = in.OptValue("children");
    if (indicator) {
      leaf_paths_.insert(field);
      node.indicator = Leaf(*indicator, field + ".indicator", node.code);
    }
    if (children) {
      if (!children->is_array()) {
        in.Fail("children", Msg("field.not_list", "must be a list"));
      } else if (depth >= 8) {
        in.Fail("children", Msg("scheme.too_deep", "nests more than 8 levels"));
      } else {
        const auto& a = children->get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
          node.children.push_back(Node(a[i], Index(field + ".children", i), code_path, depth + 1));
        }
      }
    }
    Close(in);
    return node;
  }

  IndicatorRule Leaf(const bj::value& v, const std::string& field, const std::string& node_code) {
    IndicatorRule r;
    Obj in(v, field, problems_);
    SchemeLeaf leaf;
    leaf.indicator = in.String("code", kCodeRule);
    if (!leaf.indicator.empty()) {
      if (auto ind = lookup_(leaf.indicator)) {
        r.direction = ind->direction;
        leaf.target = ind->target;
      } else {
        in.Fail("code",
                Msg("scheme.unknown_indicator", "names an unknown indicator '{code}'", {{"code", leaf.indicator}}));
      }
    }
    if (auto t = in.OptNumber("target")) leaf.target = *t;
    if (const bj::value* rule = in.OptValue("rule")) {
      r.rule = Rule(*rule, field + ".rule");
    } else {
      in.Fail("rule", Msg("field.required", "is required"));
    }
    if (const bj::value* gate = in.OptValue("gate")) {
      Obj g(*gate, field + ".gate", problems_);
      Gate out;
      out.limit = g.OptNumber("limit").value_or(NAN);
      if (!g.Has("limit")) g.Fail("limit", Msg("field.required", "is required"));
      const std::string effect = g.OptString("effect").value_or("fail");
      if (effect == "cap_grade") {
        out.effect = GateEffect::kCapGrade;
        out.cap_grade = g.OptString("cap_grade", kCodeRule).value_or("");
      } else if (effect != "fail") {
        g.Fail("effect", Msg("scheme.gate_effect", "must be fail or cap_grade"));
      }
      Close(g);
      r.gate = out;
    }
    Close(in);
    out_.leaves[node_code] = leaf;
    return r;
  }

  assessment::Rule Rule(const bj::value& v, const std::string& field) {
    Obj in(v, field, problems_);
    const std::string kind = in.String("kind", kCodeRule);
    auto num = [&](std::string_view key) {
      auto x = in.OptNumber(key);
      if (!x) in.Fail(key, Msg("field.required", "is required"));
      return x.value_or(0);
    };
    assessment::Rule out = WeightedRate{};
    if (kind == "linear") {
      out = Linear{.floor = num("floor"), .target = num("target")};
    } else if (kind == "threshold_deduction") {
      out = ThresholdDeduction{.threshold = num("threshold"),
                               .per_unit = num("per_unit"),
                               .min_points = in.OptNumber("min_points").value_or(0)};
    } else if (kind == "bands") {
      Bands b;
      b.otherwise = in.OptNumber("otherwise").value_or(0);
      if (const bj::value* bands = in.OptValue("bands"); bands && bands->is_array()) {
        const auto& a = bands->get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
          Obj bi(a[i], Index(field + ".bands", i), problems_);
          Band band;
          band.bound = bi.OptNumber("bound").value_or(NAN);
          band.points = bi.OptNumber("points").value_or(NAN);
          if (!bi.Has("bound")) bi.Fail("bound", Msg("field.required", "is required"));
          if (!bi.Has("points")) bi.Fail("points", Msg("field.required", "is required"));
          Close(bi);
          b.bands.push_back(band);
        }
      } else {
        in.Fail("bands", Msg("field.not_list", "must be a list"));
      }
      out = b;
    } else if (kind == "per_event") {
      out = PerEvent{.per_event = num("per_event"), .cap = in.OptNumber("cap")};
    } else if (kind != "weighted_rate" && !kind.empty()) {
      in.Fail("kind",
              Msg("scheme.rule_kind", "must be weighted_rate, linear, threshold_deduction, bands or per_event"));
    }
    Close(in);
    return out;
  }

  std::vector<AdjustmentItem> Items(Obj& in, const std::string& key) {
    std::vector<AdjustmentItem> items;
    const bj::value* v = in.OptValue(key);
    if (!v) return items;
    if (!v->is_array()) {
      in.Fail(key, Msg("field.not_list", "must be a list"));
      return items;
    }
    const auto& a = v->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      Obj it(a[i], Index(key, i), problems_);
      AdjustmentItem item;
      Code(it, key, item.code);
      if (it.Has("name")) out_.names[item.code] = Name(it, Index(key, i), "name");
      item.points_each = it.OptNumber("points_each").value_or(0);
      item.cap = it.OptNumber("cap");
      Close(it);
      items.push_back(item);
    }
    return items;
  }

  void Grades(Obj& in) {
    const bj::value* v = in.OptValue("grades");
    if (!v) return;
    if (!v->is_array() || v->get_array().empty()) {
      in.Fail("grades", Msg("scheme.grades", "must list at least one grade"));
      return;
    }
    out_.ranking.grades.clear();
    const auto& a = v->get_array();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < a.size(); ++i) {
      Obj g(a[i], Index("grades", i), problems_);
      GradeBand band;
      Code(g, "grades", band.code);
      if (!band.code.empty() && !seen.insert(band.code).second) {
        g.Fail("code", Msg("scheme.duplicate_code", "'{code}' is used by another node", {{"code", band.code}}));
      }
      if (g.Has("name")) out_.grade_names[band.code] = Name(g, Index("grades", i), "name");
      band.min_score = g.OptNumber("min").value_or(0);
      if (i > 0 && band.min_score >= out_.ranking.grades.back().min_score && i + 1 < a.size()) {
        g.Fail("min", Msg("scheme.grades_descending", "must be below the grade before it, best first"));
      }
      Close(g);
      out_.ranking.grades.push_back(band);
    }
  }

  void Groups(Obj& in) {
    const bj::value* v = in.OptValue("groups");
    if (!v) return;
    if (!v->is_array()) {
      in.Fail("groups", Msg("field.not_list", "must be a list"));
      return;
    }
    const auto& a = v->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      Obj g(a[i], Index("groups", i), problems_);
      SchemeGroup group;
      Code(g, "groups", group.code);
      if (g.Has("name")) group.name = Name(g, Index("groups", i), "name");
      group.members = Ids(g, "members", Msg("scheme.members", "must list assessee ids"));
      group.min_volume = g.OptInt("min_volume", 0);
      if (group.members.empty() && !group.min_volume) {
        g.Fail("members", Msg("scheme.group_rule", "needs members or a min_volume"));
      }
      Close(g);
      out_.groups.push_back(group);
    }
  }

  // A list of positive ids under `key` (none when absent); `wrong` names a bad entry.
  std::vector<std::int64_t> Ids(Obj& in, const char* key, const Message& wrong) {
    std::vector<std::int64_t> out;
    const bj::value* v = in.OptValue(key);
    if (!v) return out;
    if (!v->is_array()) {
      in.Fail(key, Msg("field.not_list", "must be a list"));
      return out;
    }
    for (const bj::value& id : v->get_array()) {
      if (!id.is_int64() || id.get_int64() <= 0) {
        in.Fail(key, wrong);
        break;
      }
      out.push_back(id.get_int64());
    }
    return out;
  }

  // `assessees: {roles: [...], departments: [ids]}`.
  void Assessees(Obj& in) {
    static const std::set<std::string, std::less<>> kStaffRoles{"admin", "quality",  "executive", "manager",
                                                                "agent", "engineer", "evaluator"};
    const bj::value* v = in.OptValue("assessees");
    if (!v) return;
    Obj a(*v, "assessees", problems_);
    if (const bj::value* roles = a.OptValue("roles")) {
      const Message wrong = Msg("scheme.assessee_roles",
                                "must list one or more staff roles: agent, engineer, manager, quality, executive, "
                                "evaluator, admin");
      if (!roles->is_array() || roles->get_array().empty()) {
        a.Fail("roles", wrong);
      } else {
        out_.assessees.roles.clear();
        for (const bj::value& role : roles->get_array()) {
          if (!role.is_string() || !kStaffRoles.contains(std::string_view(role.get_string()))) {
            a.Fail("roles", wrong);
            break;
          }
          out_.assessees.roles.emplace_back(role.get_string());
        }
      }
    }
    out_.assessees.departments = Ids(a, "departments", Msg("scheme.departments", "must list department ids"));
    Close(a);
  }

 private:
  const IndicatorLookup& lookup_;
  SchemeDocument& out_;
  Problems problems_;
  std::map<std::string, std::string> paths_;
  std::set<std::string> leaf_paths_;
};

// CheckScheme names a node by its code path ("total/service.max_points"); the document by its JSON
// path ("tree.children[1].max_points"), with a leaf's rule and gate under ".indicator".
std::string JsonField(const std::string& field, const std::map<std::string, std::string>& paths,
                      const std::set<std::string>& leaves) {
  const std::size_t dot = field.find('.');
  const std::string head = field.substr(0, dot);
  auto it = paths.find(head);
  if (it == paths.end()) return field;
  std::string rest = dot == std::string::npos ? "" : field.substr(dot);
  if (leaves.contains(it->second) && (rest.starts_with(".rule") || rest.starts_with(".gate"))) {
    rest = ".indicator" + rest;
  }
  return it->second + rest;
}

}  // namespace

Result<SchemeDocument> ParseSchemeDocument(const bj::value& doc, const IndicatorLookup& lookup) {
  SchemeDocument out;
  DocumentReader r(lookup, out);
  Obj in(doc, "", r.problems());
  if (const bj::value* tree = in.OptValue("tree")) {
    out.scheme.root = r.Node(*tree, "tree", "", 0);
  } else {
    in.Fail("tree", Msg("field.required", "is required"));
  }
  const std::string method = in.OptString("method", kCodeRule).value_or("weighted_sum");
  if (method == "rsr") {
    out.method = EvaluationMethod::kRsr;
  } else if (method == "topsis") {
    out.method = EvaluationMethod::kTopsis;
  } else if (method != "weighted_sum") {
    in.Fail("method", Msg("scheme.method", "must be weighted_sum, rsr or topsis"));
  }
  if (const bj::value* rounding = in.OptValue("rounding")) {
    Obj ro(*rounding, "rounding", r.problems());
    if (auto d = ro.OptInt("decimals", 0, 9)) out.scheme.rounding.decimals = static_cast<int>(*d);
    const std::string what = ro.OptString("what", kCodeRule).value_or("total");
    if (what == "sub_scores") {
      out.scheme.rounding.what = RoundWhat::kSubScores;
    } else if (what != "total") {
      ro.Fail("what", Msg("scheme.rounding_what", "must be total or sub_scores"));
    }
    r.Close(ro);
  }
  const std::string no_data = in.OptString("no_data", kCodeRule).value_or("rescale");
  if (no_data == "zero") {
    out.scheme.no_data = NoDataPolicy::kZero;
  } else if (no_data == "full_points") {
    out.scheme.no_data = NoDataPolicy::kFullPoints;
  } else if (no_data != "rescale") {
    in.Fail("no_data", Msg("scheme.no_data", "must be rescale, zero or full_points"));
  }
  r.Grades(in);
  if (const bj::value* fd = in.OptValue("forced_distribution")) {
    if (!fd->is_array()) {
      in.Fail("forced_distribution", Msg("field.not_list", "must be a list"));
    } else {
      const auto& a = fd->get_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        Obj q(a[i], Index("forced_distribution", i), r.problems());
        GradeQuota quota;
        quota.grade = q.String("grade", kCodeRule);
        quota.share = q.OptNumber("share").value_or(NAN);
        if (!q.Has("share")) q.Fail("share", Msg("field.required", "is required"));
        r.Close(q);
        out.ranking.forced_distribution.push_back(quota);
      }
    }
  }
  if (const bj::value* co = in.OptValue("coefficients")) {
    if (!co->is_object()) {
      in.Fail("coefficients", Msg("field.not_object", "must be an object"));
    } else {
      for (const auto& kv : co->get_object()) {
        const std::string grade(kv.key());
        if (!kv.value().is_number()) {
          r.problems().Add("coefficients." + grade, Msg("field.not_number", "must be a number"));
          continue;
        }
        out.ranking.coefficients[grade] = kv.value().to_number<double>();
      }
    }
  }
  r.Groups(in);
  r.Assessees(in);
  out.ranking.minimum_volume = in.OptInt("min_volume", 0).value_or(0);
  out.ranking.red_list = static_cast<int>(in.OptInt("red_list", 0, 1000).value_or(0));
  out.ranking.black_list = static_cast<int>(in.OptInt("black_list", 0, 1000).value_or(0));
  out.ranking.yellow_card = in.OptBool("yellow_card").value_or(false);
  const std::string small = in.OptString("small_sample", kCodeRule).value_or("raw");
  if (small == "wilson_lower") {
    out.small_sample = RateBasis::kWilsonBound;
  } else if (small == "shrunk") {
    out.small_sample = RateBasis::kShrunk;
  } else if (small != "raw") {
    in.Fail("small_sample", Msg("scheme.small_sample", "must be raw, wilson_lower or shrunk"));
  }
  out.volume_measure = in.OptString("volume_measure", kCodeRule);
  out.scheme.bonus_items = r.Items(in, "bonus_items");
  out.scheme.bonus_cap = in.OptNumber("bonus_cap");
  out.scheme.deduction_items = r.Items(in, "deduction_items");
  out.scheme.deduction_cap = in.OptNumber("deduction_cap");
  out.appeal_days = static_cast<int>(in.OptInt("appeal_days", 0, 60).value_or(5));
  const std::string rollup = in.OptString("rollup", kCodeRule).value_or("mean_of_months");
  if (rollup == "volume_weighted") {
    out.rollup = Rollup::kVolumeWeighted;
  } else if (rollup == "recompute") {
    out.rollup = Rollup::kRecompute;
  } else if (rollup != "mean_of_months") {
    in.Fail("rollup", Msg("scheme.rollup", "must be mean_of_months, volume_weighted or recompute"));
  }
  r.Close(in);

  // The tree's own rules (points adding up, unique codes, rule parameters), renamed to JSON paths.
  if (!out.scheme.root.code.empty()) {
    if (auto st = CheckScheme(out.scheme); !st.ok()) {
      Error e = st.error();
      r.problems().Add(
          Error::Invalid(JsonField(e.field, r.paths(), r.leaf_paths()), Message(e.key, e.message, e.args)));
      for (const FieldProblem& p : e.more) {
        r.problems().Add(
            Error::Invalid(JsonField(p.field, r.paths(), r.leaf_paths()), Message(p.key, p.message, p.args)));
      }
    }
  }
  // Ranking rules: checked on an empty group, which reports the rules' own problems.
  if (auto st = Rank({}, out.ranking); !st.ok()) r.problems().Add(st.error());
  if (auto e = r.problems().Take()) return *e;
  return out;
}

}  // namespace sqm::assessment
