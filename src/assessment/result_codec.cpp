#include "assessment/result_codec.h"

#include "base/crypto.h"
#include "base/json.h"

namespace sqm::assessment {

namespace bj = boost::json;

namespace {

bj::value Opt(const std::optional<std::int64_t>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

bj::value OptNumber(const std::optional<double>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

const bj::value* Get(const bj::object& o, std::string_view key) {
  return o.if_contains(key);
}

double Num(const bj::value* v, double fallback = 0) {
  return v && v->is_number() ? v->to_number<double>() : fallback;
}

std::int64_t Int(const bj::value* v, std::int64_t fallback = 0) {
  if (!v) return fallback;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->get_uint64());
  if (v->is_double()) return static_cast<std::int64_t>(v->get_double());
  return fallback;
}

std::string Text(const bj::value* v) {
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

bj::object IndicatorJson(const Indicator& i) {
  return {{"code", i.code},
          {"name", bj::object{{"zh", i.name.zh}, {"en", i.name.en}}},
          {"unit", i.unit},
          {"direction", DirectionName(i.direction)},
          {"kind", IndicatorKindName(i.kind)},
          {"formula", i.formula},
          {"target", OptNumber(i.target)}};
}

Indicator IndicatorFrom(const bj::object& o) {
  Indicator i;
  i.code = Text(Get(o, "code"));
  if (const bj::value* n = Get(o, "name"); n && n->is_object()) {
    i.name = {Text(Get(n->get_object(), "zh")), Text(Get(n->get_object(), "en"))};
  }
  i.unit = Text(Get(o, "unit"));
  i.direction = ParseDirection(Text(Get(o, "direction"))).value_or(Direction::kHigherIsBetter);
  i.kind = ParseIndicatorKind(Text(Get(o, "kind"))).value_or(IndicatorKind::kComputed);
  i.formula = Text(Get(o, "formula"));
  if (const bj::value* t = Get(o, "target"); t && t->is_number()) i.target = t->to_number<double>();
  return i;
}

Figure FigureOf(const bj::value* v) {
  return v && v->is_number() ? Figure::Of(v->to_number<double>()) : Figure::NoData();
}

bj::array FiguresJson(const std::map<std::string, Figure>& figures) {
  bj::array out;
  for (const auto& [code, f] : figures) out.push_back(bj::object{{"code", code}, {"value", FigureJson(f)}});
  return out;
}

bool FiguresFrom(const bj::value* v, std::map<std::string, Figure>& out) {
  if (!v || !v->is_array()) return false;
  for (const bj::value& x : v->get_array()) {
    if (!x.is_object()) return false;
    out.insert_or_assign(Text(Get(x.get_object(), "code")), FigureOf(Get(x.get_object(), "value")));
  }
  return true;
}

bj::array MonthsJson(const std::vector<MonthResults>& months) {
  bj::array out;
  for (const MonthResults& m : months) {
    bj::array items;
    for (const auto& [subject, f] : m.items) {
      items.push_back(bj::object{{"subject", subject},
                                 {"total", FigureJson(f.total)},
                                 {"volume", f.volume},
                                 {"failed", f.failed},
                                 {"points", FiguresJson(f.points)},
                                 {"measured", FiguresJson(f.measured)}});
    }
    out.push_back(bj::object{{"period_id", m.period_id},
                             {"name", m.name},
                             {"from", m.from_ms},
                             {"to", m.to_ms},
                             {"items", std::move(items)}});
  }
  return out;
}

bool MonthsFrom(const bj::value& v, std::vector<MonthResults>& out) {
  if (!v.is_array()) return false;
  for (const bj::value& m : v.get_array()) {
    if (!m.is_object()) return false;
    const bj::object& mo = m.get_object();
    MonthResults month{.period_id = Int(Get(mo, "period_id")),
                       .name = Text(Get(mo, "name")),
                       .from_ms = Int(Get(mo, "from")),
                       .to_ms = Int(Get(mo, "to")),
                       .items = {}};
    const bj::value* items = Get(mo, "items");
    if (!items || !items->is_array()) return false;
    for (const bj::value& i : items->get_array()) {
      if (!i.is_object()) return false;
      const bj::object& io = i.get_object();
      MonthFigures f;
      f.total = FigureOf(Get(io, "total"));
      f.volume = Int(Get(io, "volume"));
      const bj::value* failed = Get(io, "failed");
      f.failed = failed && failed->is_bool() && failed->get_bool();
      if (!FiguresFrom(Get(io, "points"), f.points) || !FiguresFrom(Get(io, "measured"), f.measured)) return false;
      month.items[Int(Get(io, "subject"))] = std::move(f);
    }
    out.push_back(std::move(month));
  }
  return true;
}

}  // namespace

bj::value FigureJson(const Figure& f) {
  return f.has_value() ? bj::value(f.value()) : bj::value(nullptr);
}

bj::value SnapshotToJson(const Snapshot& s) {
  bj::array assessees, indicators, measures, inputs, exclusions, adjustments;
  for (const AssesseeRef& a : s.assessees) {
    assessees.push_back(bj::object{
        {"id", a.id}, {"name", a.name}, {"department_id", Opt(a.department_id)}, {"department", a.department}});
  }
  for (const auto& [code, ind] : s.indicators) indicators.push_back(IndicatorJson(ind));
  for (const auto& [subject, values] : s.measures) {
    bj::array row;
    for (const auto& [code, v] : values) {
      bj::object m{{"code", code}, {"value", FigureJson(v.value)}, {"sample", v.sample}};
      if (v.ratio) {
        m["numerator"] = v.ratio->numerator;
        m["denominator"] = v.ratio->denominator;
      }
      row.push_back(std::move(m));
    }
    measures.push_back(bj::object{{"subject", subject}, {"values", std::move(row)}});
  }
  for (const auto& [subject, values] : s.inputs) {
    bj::array row;
    for (const auto& [code, v] : values) row.push_back(bj::object{{"code", code}, {"value", v}});
    inputs.push_back(bj::object{{"subject", subject}, {"values", std::move(row)}});
  }
  for (const auto& [ticket, reason] : s.exclusions) {
    exclusions.push_back(bj::object{{"ticket_id", ticket}, {"reason", reason}});
  }
  for (const auto& [subject, points] : s.adjustments) {
    adjustments.push_back(bj::object{{"subject", subject}, {"points", points}});
  }
  bj::object out{{"assessees", std::move(assessees)},   {"indicators", std::move(indicators)},
                 {"measures", std::move(measures)},     {"inputs", std::move(inputs)},
                 {"exclusions", std::move(exclusions)}, {"adjustments", std::move(adjustments)}};
  if (s.months) out["months"] = MonthsJson(*s.months);
  return out;
}

Result<Snapshot> SnapshotFromJson(const bj::value& v) {
  const Error corrupt = Error::Internal("the stored snapshot does not read");
  if (!v.is_object()) return corrupt;
  const bj::object& o = v.get_object();
  Snapshot s;
  auto list = [&](std::string_view key) -> const bj::array* {
    const bj::value* a = Get(o, key);
    return a && a->is_array() ? &a->get_array() : nullptr;
  };
  for (std::string_view key : {"assessees", "indicators", "measures", "inputs", "exclusions", "adjustments"}) {
    if (!list(key)) return corrupt;
  }
  for (const bj::value& a : *list("assessees")) {
    if (!a.is_object()) return corrupt;
    const bj::object& ao = a.get_object();
    AssesseeRef r{.id = Int(Get(ao, "id")),
                  .name = Text(Get(ao, "name")),
                  .department_id = std::nullopt,
                  .department = Text(Get(ao, "department"))};
    if (const bj::value* d = Get(ao, "department_id"); d && !d->is_null()) r.department_id = Int(d);
    s.assessees.push_back(std::move(r));
  }
  for (const bj::value& i : *list("indicators")) {
    if (!i.is_object()) return corrupt;
    Indicator ind = IndicatorFrom(i.get_object());
    s.indicators[ind.code] = std::move(ind);
  }
  for (const bj::value& m : *list("measures")) {
    if (!m.is_object()) return corrupt;
    const SubjectId subject = Int(Get(m.get_object(), "subject"));
    const bj::value* values = Get(m.get_object(), "values");
    if (!values || !values->is_array()) return corrupt;
    for (const bj::value& x : values->get_array()) {
      if (!x.is_object()) return corrupt;
      const bj::object& xo = x.get_object();
      MeasureValue mv;
      if (const bj::value* val = Get(xo, "value"); val && val->is_number())
        mv.value = Figure::Of(val->to_number<double>());
      mv.sample = Int(Get(xo, "sample"));
      if (Get(xo, "denominator")) mv.ratio = Count{Int(Get(xo, "numerator")), Int(Get(xo, "denominator"))};
      s.measures[subject][Text(Get(xo, "code"))] = mv;
    }
  }
  for (const bj::value& m : *list("inputs")) {
    if (!m.is_object()) return corrupt;
    const SubjectId subject = Int(Get(m.get_object(), "subject"));
    const bj::value* values = Get(m.get_object(), "values");
    if (!values || !values->is_array()) return corrupt;
    for (const bj::value& x : values->get_array()) {
      if (!x.is_object()) return corrupt;
      s.inputs[subject][Text(Get(x.get_object(), "code"))] = Num(Get(x.get_object(), "value"));
    }
  }
  for (const bj::value& e : *list("exclusions")) {
    if (!e.is_object()) return corrupt;
    s.exclusions.emplace(Int(Get(e.get_object(), "ticket_id")), Text(Get(e.get_object(), "reason")));
  }
  for (const bj::value& a : *list("adjustments")) {
    if (!a.is_object()) return corrupt;
    s.adjustments[Int(Get(a.get_object(), "subject"))] = Num(Get(a.get_object(), "points"));
  }
  if (const bj::value* months = Get(o, "months")) {
    s.months.emplace();
    if (!MonthsFrom(*months, *s.months)) return corrupt;
  }
  return s;
}

bj::object ResultRowJson(const AssesseeResult& r) {
  const Standing& st = r.standing;
  bj::value list = nullptr;
  if (st.red_list) list = "red";
  if (st.black_list) list = "black";
  const char* not_ranked = st.not_ranked == NotRanked::kNoData               ? "no_data"
                           : st.not_ranked == NotRanked::kBelowMinimumVolume ? "below_minimum_volume"
                                                                             : nullptr;
  return {{"assessee_id", r.assessee.id},
          {"name", r.assessee.name},
          {"department_id", Opt(r.assessee.department_id)},
          {"department", r.assessee.department},
          {"group", r.group},
          {"volume", r.volume},
          {"base", FigureJson(r.base)},
          {"bonus", r.bonus},
          {"deductions", r.deductions},
          {"adjustment", r.adjustment},
          {"total", FigureJson(r.total)},
          {"no_data", !r.total.has_value()},
          {"score", FigureJson(r.score)},
          {"failed", r.failed},
          {"rank", st.rank ? bj::value(*st.rank) : bj::value(nullptr)},
          {"ranked", st.not_ranked == NotRanked::kRanked},
          {"not_ranked", not_ranked ? bj::value(not_ranked) : bj::value(nullptr)},
          {"grade", st.grade ? bj::value(*st.grade) : bj::value(nullptr)},
          {"demoted_by_quota", st.demoted_by_quota},
          {"coefficient", OptNumber(st.coefficient)},
          {"list", list},
          {"yellow_card", st.yellow_card}};
}

bj::object ResultDetailJson(const AssesseeResult& r) {
  bj::object o = ResultRowJson(r);
  bj::array nodes;
  for (const NodeResult& n : r.nodes) {
    bj::object node{{"code", n.code},
                    {"path", n.path},
                    {"indicator", n.indicator.empty() ? bj::value(nullptr) : bj::value(n.indicator)},
                    {"depth", n.depth},
                    {"max_points", n.max_points},
                    {"weight", n.weight},
                    {"measured", FigureJson(n.measured)},
                    {"no_data", !n.measured.has_value() && !n.indicator.empty()},
                    {"basis", FigureJson(n.basis)},
                    {"sample", n.sample},
                    {"numerator", n.count ? bj::value(n.count->numerator) : bj::value(nullptr)},
                    {"denominator", n.count ? bj::value(n.count->denominator) : bj::value(nullptr)},
                    {"wilson", n.wilson ? bj::value(bj::array{kPercent * n.wilson->low, kPercent * n.wilson->high})
                                        : bj::value(nullptr)},
                    {"target", OptNumber(n.target)},
                    {"rule", n.rule.empty() ? bj::value(nullptr) : bj::value(n.rule)},
                    {"points", FigureJson(n.points)},
                    {"contribution", FigureJson(n.contribution)},
                    {"gate_fired", n.gate_fired}};
    nodes.push_back(std::move(node));
  }
  o["nodes"] = std::move(nodes);
  if (r.months) {
    bj::array months;
    for (const MonthTotal& m : *r.months) {
      months.push_back(bj::object{
          {"period_id", m.period_id}, {"name", m.name}, {"total", FigureJson(m.total)}, {"volume", m.volume}});
    }
    o["months"] = std::move(months);
  }
  return o;
}

bj::value ResultsJson(const PeriodResults& results) {
  bj::array items;
  for (const AssesseeResult& r : results.items) items.push_back(ResultDetailJson(r));
  return bj::object{{"items", std::move(items)}};
}

std::string ResultsSha256(const PeriodResults& results) {
  return crypto::Sha256Hex(json::Serialize(ResultsJson(results)));
}

}  // namespace sqm::assessment
