#include "bench/month_close.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "assessment/evaluation.h"
#include "assessment/measure_repo.h"
#include "assessment/ranking.h"

#ifndef SQM_BENCH_DUCKDB_DIR
#define SQM_BENCH_DUCKDB_DIR "bench/duckdb"
#endif

namespace sqm::bench {

namespace {

using namespace sqm::assessment;
using Wall = std::chrono::steady_clock;
using storage::Value;

double Ms(Wall::time_point since) {
  return std::chrono::duration<double, std::milli>(Wall::now() - since).count();
}

// The tables the fact sources of the built-in measures read (desk/repo/facts.cpp,
// feedback/repo/facts.cpp), with the department tree and the exclusions every measure's SQL reads.
constexpr const char* kExported[] = {"departments",
                                     "assessment_exclusions",
                                     "tickets",
                                     "sla_timers",
                                     "callbacks",
                                     "complaints",
                                     "ticket_transfers",
                                     "ticket_reopens",
                                     "survey_invitations",
                                     "survey_callback_ratings",
                                     "survey_agency_results",
                                     "survey_satisfaction_map"};

std::string DuckType(std::string declared) {
  std::transform(declared.begin(), declared.end(), declared.begin(), [](unsigned char c) { return std::toupper(c); });
  if (declared.find("INT") != std::string::npos) return "BIGINT";
  if (declared.find("REAL") != std::string::npos || declared.find("DOUBLE") != std::string::npos) return "DOUBLE";
  return "VARCHAR";
}

// Column `i` of `r` as CSV: NULL empty and unquoted, text always quoted (so '' stays '').
void Csv(std::string& out, const storage::Row& r, std::size_t i, const std::string& type) {
  if (r.IsNull(i)) return;
  if (type == "BIGINT") {
    out += std::to_string(r.Int(i));
  } else if (type == "DOUBLE") {
    out += fmt::format("{}", r.Real(i));
  } else {
    out += '"';
    for (char c : r.Text(i)) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
}

boost::json::value Param(const Value& v) {
  const auto& x = v.get();
  if (const auto* i = std::get_if<std::int64_t>(&x)) return {{"t", "i"}, {"v", std::to_string(*i)}};
  if (const auto* d = std::get_if<double>(&x)) return {{"t", "d"}, {"v", *d}};
  if (const auto* s = std::get_if<std::string>(&x)) return {{"t", "s"}, {"v", *s}};
  return {{"t", "n"}};
}

std::vector<storage::Row> Rows(const boost::json::array& rows) {
  std::vector<storage::Row> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    std::vector<Value> values;
    for (const auto& v : r.as_array()) {
      if (v.is_int64()) {
        values.emplace_back(v.as_int64());
      } else if (v.is_uint64()) {
        values.emplace_back(static_cast<std::int64_t>(v.as_uint64()));
      } else if (v.is_double()) {
        values.emplace_back(v.as_double());
      } else if (v.is_string()) {
        values.emplace_back(std::string(v.as_string()));
      } else {
        values.emplace_back();
      }
    }
    out.emplace_back(std::move(values));
  }
  return out;
}

bool Near(double a, double b, double relative) {
  return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

}  // namespace

void Score(Close& c, const std::vector<Measure>& measures) {
  const auto started = Wall::now();
  const auto rank = [&](const MeasureTable& table, std::vector<int>* ranks, std::vector<int>* tiers) {
    Matrix x;
    for (const auto& [subject, values] : table) {
      std::vector<double> row;
      for (const Measure& m : measures) {
        auto it = values.find(m.code);
        if (it == values.end() || !it->second.value.has_value()) break;
        row.push_back(it->second.value.value());
      }
      if (row.size() == measures.size()) x.push_back(std::move(row));
    }
    if (x.size() < 2) return x.size();
    // Each measure on 0-100 by its direction, then the weighted sum with equal weights.
    Matrix scaled = x;
    std::vector<Direction> directions;
    for (std::size_t j = 0; j < measures.size(); ++j) {
      directions.push_back(measures[j].direction);
      double lo = x[0][j], hi = x[0][j];
      for (const auto& row : x) lo = std::min(lo, row[j]), hi = std::max(hi, row[j]);
      for (auto& row : scaled) {
        const double share = hi > lo ? (row[j] - lo) / (hi - lo) : 1.0;
        row[j] = 100 * (directions.back() == Direction::kHigherIsBetter ? share : 1 - share);
      }
    }
    const std::vector<double> weights(measures.size(), 1.0 / static_cast<double>(measures.size()));
    auto totals = WeightedSum(scaled, weights);
    if (totals.ok()) {
      std::vector<Assessee> assessees;
      for (double t : *totals) assessees.push_back({.total = Figure::Of(t), .volume = 1000});
      if (auto standings = Rank(assessees, RankingRules{}); standings.ok() && ranks) {
        for (const auto& s : *standings) ranks->push_back(s.rank.value_or(0));
      }
    }
    if (auto rsr = EvaluateRsr(x, directions, RsrOptions{}); rsr.ok() && tiers) *tiers = rsr->tier;
    return x.size();
  };
  c.staff_rank.clear();
  c.staff_tier.clear();
  c.ranked_staff = rank(c.staff, &c.staff_rank, &c.staff_tier);
  c.ranked_departments = rank(c.departments, nullptr, nullptr);
  c.scoring_ms = Ms(started);
}

Result<Close> CloseMonth(MeasureSource& source, const std::vector<Measure>& measures, std::int64_t from,
                         std::int64_t to) {
  std::vector<std::string> codes;
  for (const Measure& m : measures) codes.push_back(m.code);
  Close c;
  const auto started = Wall::now();
  SQM_ASSIGN(c.staff, source.Values({SubjectKind::kStaff, codes, from, to, std::nullopt, std::nullopt}));
  SQM_ASSIGN(c.departments, source.Values({SubjectKind::kDepartment, codes, from, to, std::nullopt, std::nullopt}));
  c.values_ms = Ms(started);
  Score(c, measures);
  return c;
}

std::size_t Compare(const MeasureTable& a, const MeasureTable& b, const std::vector<Measure>& measures,
                    const std::string& what, std::vector<std::string>& out) {
  std::size_t differences = 0;
  const auto differ = [&](std::string text) {
    if (++differences <= 5) out.push_back(what + ": " + text);
  };
  if (a.size() != b.size()) differ(fmt::format("{} subjects against {}", a.size(), b.size()));
  for (const auto& [subject, values] : b) {
    auto it = a.find(subject);
    if (it == a.end()) {
      differ(fmt::format("subject {} missing", subject));
      continue;
    }
    for (const Measure& m : measures) {
      const auto x = it->second.find(m.code);
      const auto y = values.find(m.code);
      if ((x == it->second.end()) != (y == values.end())) {
        differ(fmt::format("{} of {}: present on one side only", m.code, subject));
        continue;
      }
      if (x == it->second.end()) continue;
      const MeasureValue &p = x->second, &q = y->second;
      bool same = p.sample == q.sample && p.value.has_value() == q.value.has_value() &&
                  p.ratio.has_value() == q.ratio.has_value();
      if (same && p.ratio)
        same = p.ratio->numerator == q.ratio->numerator && p.ratio->denominator == q.ratio->denominator;
      if (same && p.value.has_value()) {
        const double bound = m.aggregation.kind == AggregationKind::kPercentile ? 0.01 : 1e-9;
        same = Near(p.value.value(), q.value.value(), bound);
      }
      if (!same) {
        differ(fmt::format("{} of {}: {} (n {}) against {} (n {})", m.code, subject,
                           p.value.has_value() ? fmt::format("{}", p.value.value()) : "—", p.sample,
                           q.value.has_value() ? fmt::format("{}", q.value.value()) : "—", q.sample));
      }
    }
  }
  return differences;
}

Result<DuckDbRun> RunDuckDb(storage::Database& db, const FactRegistry& registry, const std::vector<Measure>& measures,
                            std::int64_t from, std::int64_t to, const std::string& dir, int repeat) {
  namespace fs = std::filesystem;
  const fs::path script = fs::path(SQM_BENCH_DUCKDB_DIR) / "run.mjs";
  if (!fs::exists(fs::path(SQM_BENCH_DUCKDB_DIR) / "node_modules" / "@duckdb" / "node-api")) {
    return Error::Internal("DuckDB is not installed: run " + std::string(SQM_BENCH_DUCKDB_DIR) + "/setup.sh");
  }
  if (db.dialect() != storage::Dialect::kSqlite) return Error::Internal("the DuckDB run reads a SQLite database");
  DuckDbRun run;
  const fs::path folder = fs::path(dir) / "duckdb";
  fs::create_directories(folder);

  // The tables, as CSV, a page of rows at a time.
  auto started = Wall::now();
  boost::json::array tables;
  for (const char* table : kExported) {
    boost::json::array columns;
    std::vector<std::string> names, types;
    db.Read([&](storage::Connection& c) {
      for (const auto& r : c.Query("SELECT name, type FROM pragma_table_info(?) ORDER BY cid", {table})) {
        names.push_back(r.Text(0));
        types.push_back(DuckType(r.Text(1)));
        columns.push_back(boost::json::array{r.Text(0), DuckType(r.Text(1))});
      }
      return 0;
    });
    const fs::path file = folder / (std::string(table) + ".csv");
    std::ofstream csv(file, std::ios::binary);
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) text += (i ? "," : "") + names[i];
    text += '\n';
    std::string select = "SELECT rowid";
    for (const auto& n : names) select += ", \"" + n + "\"";
    select += " FROM " + std::string(table) + " WHERE rowid > ? ORDER BY rowid LIMIT 100000";
    std::int64_t after = std::numeric_limits<std::int64_t>::min();
    for (;;) {
      const auto rows = db.Read([&](storage::Connection& c) { return c.Query(select, {after}); });
      for (const auto& r : rows) {
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (i) text += ',';
          Csv(text, r, i + 1, types[i]);
        }
        text += '\n';
        after = r.Int(0);
      }
      csv << text;
      text.clear();
      if (rows.size() < 100000) break;
    }
    csv.close();
    run.csv_mb += static_cast<double>(fs::file_size(file)) / (1 << 20);
    tables.push_back({{"name", table}, {"file", fs::absolute(file).string()}, {"columns", columns}});
  }
  run.export_ms = Ms(started);

  // Every measure's reference SQL for both kinds, as SqlMeasureSource runs it on SQLite.
  boost::json::array queries;
  struct Asked {
    const Measure* m;
    SubjectKind kind;
    bool denominator;
  };
  std::vector<Asked> asked;
  for (SubjectKind kind : {SubjectKind::kStaff, SubjectKind::kDepartment}) {
    for (const Measure& m : measures) {
      const auto sql = repo::ValueSql(m, registry, kind, storage::Dialect::kSqlite, from, to);
      for (const auto* q : {&sql.main, sql.denominator ? &*sql.denominator : nullptr}) {
        if (!q) continue;
        boost::json::array params;
        for (const Value& v : q->params) params.push_back(Param(v));
        queries.push_back({{"sql", q->text}, {"params", params}});
      }
      asked.push_back({&m, kind, sql.denominator.has_value()});
    }
  }
  const fs::path job = folder / "job.json", answer = folder / "answer.json";
  {
    std::ofstream out(job);
    out << boost::json::serialize(boost::json::object{{"tables", tables}, {"queries", queries}, {"repeat", repeat}});
  }
  const std::string command = fmt::format("node '{}' '{}' '{}'", script.string(), job.string(), answer.string());
  if (std::system(command.c_str()) != 0) return Error::Internal("the DuckDB run failed: " + command);

  std::stringstream text;
  text << std::ifstream(answer).rdbuf();
  boost::json::value parsed = boost::json::parse(text.str());
  const auto& o = parsed.as_object();
  run.load_ms = o.at("load_ms").to_number<double>();
  run.query_ms = o.at("query_ms").to_number<double>();
  run.rss_mb = o.at("rss_mb").to_number<double>();
  const auto& results = o.at("results").as_array();
  const auto& times = o.at("query_times").as_array();

  started = Wall::now();
  std::size_t next = 0;
  for (const Asked& a : asked) {
    double ms = times.at(next).to_number<double>();
    const auto main = Rows(results.at(next++).as_array());
    std::optional<std::vector<storage::Row>> denominator;
    if (a.denominator) {
      ms += times.at(next).to_number<double>();
      denominator = Rows(results.at(next++).as_array());
    }
    run.slowest.emplace_back(a.m->code + (a.kind == SubjectKind::kStaff ? ", staff" : ", departments"), ms);
    auto& into = a.kind == SubjectKind::kStaff ? run.close.staff : run.close.departments;
    for (auto& [subject, values] : repo::Tabulate(*a.m, main, denominator ? &*denominator : nullptr)) {
      for (auto& [code, v] : values) into[subject][code] = v;
    }
  }
  run.close.values_ms = run.query_ms + Ms(started);
  std::ranges::sort(run.slowest, [](const auto& x, const auto& y) { return x.second > y.second; });
  run.slowest.resize(std::min<std::size_t>(run.slowest.size(), 4));
  Score(run.close, measures);
  return run;
}

double RssMb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = field;
  while (std::getline(status, line)) {
    if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size())) / 1024;
  }
  return 0;
}

}  // namespace sqm::bench
