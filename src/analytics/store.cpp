#include "analytics/store.h"

#include <algorithm>
#include <chrono>

namespace sqm::analytics {

std::int32_t MonthOf(Day d) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d}}};
  return static_cast<std::int32_t>(static_cast<int>(ymd.year()) * 12 +
                                   static_cast<int>(static_cast<unsigned>(ymd.month())) - 1);
}

Day FirstDayOfMonth(std::int32_t month) {
  const int y = month >= 0 ? month / 12 : (month - 11) / 12;
  const auto m = static_cast<unsigned>(month - y * 12 + 1);
  const std::chrono::sys_days first{std::chrono::year{y} / std::chrono::month{m} / 1};
  return static_cast<Day>(first.time_since_epoch().count());
}

PartialStore::PartialStore(std::vector<MeasureShape> measures) : measures_(std::move(measures)) {}

std::vector<Partial> PartialStore::Blank() const {
  std::vector<Partial> out;
  out.reserve(measures_.size());
  for (const auto& shape : measures_) out.emplace_back(shape.with_sketch);
  return out;
}

void PartialStore::Prune(std::map<std::int32_t, std::vector<Partial>>& by, std::int32_t key) {
  auto it = by.find(key);
  if (it == by.end()) return;
  if (std::all_of(it->second.begin(), it->second.end(), [](const Partial& p) { return p.Count() == 0; })) {
    by.erase(it);
  }
}

bool PartialStore::Apply(std::size_t m, Subject s, Day d, std::optional<double> value, bool counted, int sign) {
  const std::int32_t month = MonthOf(d);
  if (sign > 0) {
    auto& series = series_[s];
    auto day = series.days.try_emplace(d).first;
    if (day->second.empty()) day->second = Blank();
    auto mon = series.months.try_emplace(month).first;
    if (mon->second.empty()) mon->second = Blank();
    day->second[m].Add(value, counted);
    mon->second[m].Add(value, counted);
    return true;
  }
  auto it = series_.find(s);
  if (it == series_.end()) return false;
  auto day = it->second.days.find(d);
  if (day == it->second.days.end() || !day->second[m].Retract(value, counted)) return false;
  // The month holds every fact its days hold, so this cannot fail while the store is consistent.
  const bool in_month = it->second.months.at(month)[m].Retract(value, counted);
  Prune(it->second.days, d);
  Prune(it->second.months, month);
  if (it->second.days.empty()) series_.erase(it);
  return in_month;
}

Partial PartialStore::Range(std::size_t m, Subject s, Day from, Day to) const {
  Partial out(measures_[m].with_sketch);
  auto it = series_.find(s);
  if (it == series_.end()) return out;
  const Series& series = it->second;
  for (Day d = from; d < to;) {
    const std::int32_t month = MonthOf(d);
    const Day next = FirstDayOfMonth(month + 1);
    if (d == FirstDayOfMonth(month) && next <= to) {
      if (auto mon = series.months.find(month); mon != series.months.end()) out.Merge(mon->second[m]);
      d = next;
      continue;
    }
    const Day end = std::min(next, to);
    for (auto day = series.days.lower_bound(d); day != series.days.end() && day->first < end; ++day) {
      out.Merge(day->second[m]);
    }
    d = end;
  }
  return out;
}

std::vector<std::int64_t> PartialStore::Subjects(SubjectKind kind) const {
  std::vector<std::int64_t> out;
  for (const auto& [subject, series] : series_) {
    if (subject.kind == kind) out.push_back(subject.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

PartialStore::Size PartialStore::Report() const {
  Size size;
  size.subjects = series_.size();
  constexpr std::size_t kMapNode = 48;  // a std::map node's links and key, roughly
  for (const auto& [subject, series] : series_) {
    size.bytes += sizeof(Subject) + sizeof(Series) + 2 * sizeof(void*);
    for (const auto* by : {&series.days, &series.months}) {
      for (const auto& [key, partials] : *by) {
        size.bytes += kMapNode;
        for (const auto& p : partials) size.bytes += p.Bytes();
      }
    }
    size.day_partials += series.days.size() * measures_.size();
    size.month_partials += series.months.size() * measures_.size();
  }
  return size;
}

}  // namespace sqm::analytics
