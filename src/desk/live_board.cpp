#include "desk/live_board.h"

#include <algorithm>
#include <limits>

#include <malloc.h>

#include "desk/rules.h"

namespace sqm::desk {

namespace {

using repo::LiveTicket;
using repo::LiveTimer;

constexpr Id kNone = 0;  // row ids are positive: no department, no person
constexpr TimeMs kAlways = std::numeric_limits<TimeMs>::min();
constexpr TimeMs kNever = std::numeric_limits<TimeMs>::max();
constexpr std::size_t kStatuses = 5;  // DashboardStatuses()

Id IdOr0(const std::optional<Id>& id) {
  return id.value_or(kNone);
}

int StatusIndex(TicketStatus s) {
  const auto& shown = DashboardStatuses();
  const auto it = std::find(shown.begin(), shown.end(), s);
  return it == shown.end() ? -1 : static_cast<int>(it - shown.begin());
}

enum Flag : std::uint8_t { kBreached = 1, kWarned = 2 };

// Statuses and flags of a set of tickets as of the cursor: 32-bit where the board keeps them (a
// board holds fewer than 2^31 tickets), 64-bit where a read adds them up.
template <typename N>
struct Counts {
  std::array<N, kStatuses> status{};
  N breached = 0, breached_open = 0, warned = 0;

  template <typename M>
  void Add(const Counts<M>& o) {
    for (std::size_t i = 0; i < kStatuses; ++i) status[i] += o.status[i];
    breached += o.breached;
    breached_open += o.breached_open;
    warned += o.warned;
  }
  // One ticket in `s` with `flags`, added (sign 1) or taken out (-1).
  void Count(TicketStatus s, std::uint8_t flags, int sign) {
    if (const int i = StatusIndex(s); i >= 0) status[static_cast<std::size_t>(i)] += sign;
    if (flags & kBreached) {
      breached += sign;
      if (IsOpen(s)) breached_open += sign;
    }
    if (flags & kWarned) warned += sign;
  }
  std::int64_t open() const {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < kStatuses; ++i) n += IsOpen(DashboardStatuses()[i]) ? status[i] : 0;
    return n;
  }
};
using Tally = Counts<std::int32_t>;
using Sum = Counts<std::int64_t>;

// When a ticket's flags change (sla/repo.h: TimerBreachedAt and TimerWarningAt of its open timers).
struct Timing {
  TimeMs breached_from = kNever;                  // breached at t >= breached_from
  std::vector<std::pair<TimeMs, TimeMs>> warned;  // warned at t in [first, second), disjoint, sorted
};

std::optional<Timing> TimingFrom(const std::vector<LiveTimer>& timers) {
  Timing t;
  std::vector<std::pair<TimeMs, TimeMs>> spans;
  for (const LiveTimer& m : timers) {
    // Breached: marked so, or due_at < t.
    if (m.marked_breached) t.breached_from = kAlways;
    if (m.due_at && *m.due_at < kNever) t.breached_from = std::min(t.breached_from, *m.due_at + 1);
    // Warned: running and warning_at <= t <= due_at.
    if (m.running && m.warning_at && m.due_at && *m.warning_at <= *m.due_at && *m.due_at < kNever) {
      spans.emplace_back(*m.warning_at, *m.due_at + 1);
    }
  }
  std::sort(spans.begin(), spans.end());
  for (const auto& s : spans) {
    if (!t.warned.empty() && s.first <= t.warned.back().second) {
      t.warned.back().second = std::max(t.warned.back().second, s.second);
    } else {
      t.warned.push_back(s);
    }
  }
  if (t.breached_from == kNever && t.warned.empty()) return std::nullopt;
  return t;
}

std::uint8_t FlagsAt(const Timing* t, TimeMs at) {
  if (t == nullptr) return 0;
  std::uint8_t f = t->breached_from <= at ? kBreached : 0;
  for (const auto& [from, to] : t->warned) {
    if (from <= at && at < to) f |= kWarned;
  }
  return f;
}

// Each instant at which `t` changes a flag.
template <typename F>
void EachChange(const Timing& t, F each) {
  if (t.breached_from != kAlways && t.breached_from != kNever) each(t.breached_from);
  for (const auto& [from, to] : t.warned) {
    each(from);
    each(to);
  }
}

// A department's index on the board (State::departments); 0: none (the intake queue).
using Dept = std::uint32_t;
constexpr std::uint32_t kNoPair = std::numeric_limits<std::uint32_t>::max();

struct GroupKey {
  Dept department = 0, origin = 0, complaint_department = 0;
  std::uint32_t complaint_staff = 0;  // a person's index, 0: nobody
  bool operator==(const GroupKey&) const = default;
};

struct GroupKeyHash {
  std::size_t operator()(const GroupKey& k) const {
    std::uint64_t h = k.department;
    for (std::uint32_t x : {k.origin, k.complaint_department, k.complaint_staff}) h = h * 0x9E3779B97F4A7C15ULL ^ x;
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
};

struct Group {
  GroupKey key;
  std::uint32_t pair = kNoPair;  // its (origin, department) in State::pairs, when it has an origin
  Tally tally;
};

// The tickets of every group with one origin and one department.
struct Pair {
  Dept department = 0;
  Tally tally;
};

// A group in an index, with the department holding it (to skip it without reading the group).
struct Indexed {
  std::uint32_t group = 0;
  Dept department = 0;
};

// A live ticket: 24 bytes.
struct Slot {
  Id id = kNone;  // kNone: empty
  std::uint32_t group = 0;
  std::uint32_t assignee = 0, registrar = 0;  // people_ indexes, 0: nobody
  TicketStatus status = TicketStatus::kNew;
};

// Live tickets by id: open addressing, linear probing, deletion by backward shift.
class TicketTable {
 public:
  Slot* Find(Id id) {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = Home(id);; i = Next(i)) {
      if (slots_[i].id == id) return &slots_[i];
      if (slots_[i].id == kNone) return nullptr;
    }
  }
  // REQUIRES: `id` is not in the table.
  Slot& Insert(Id id) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    std::size_t i = Home(id);
    while (slots_[i].id != kNone) i = Next(i);
    ++size_;
    slots_[i].id = id;
    return slots_[i];
  }
  void Erase(Slot* slot) {
    std::size_t hole = static_cast<std::size_t>(slot - slots_.data());
    for (std::size_t j = Next(hole); slots_[j].id != kNone; j = Next(j)) {
      // Move j back into the hole unless its home lies cyclically in (hole, j].
      const std::size_t home = Home(slots_[j].id);
      const bool stays = hole < j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!stays) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = Slot{};
    --size_;
  }
  void Clear() {
    slots_ = {};
    size_ = 0;
  }
  std::size_t size() const { return size_; }
  std::size_t bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  std::size_t Home(Id id) const {
    auto x = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL;  // Fibonacci hashing
    return static_cast<std::size_t>(x ^ (x >> 29)) & (slots_.size() - 1);
  }
  std::size_t Next(std::size_t i) const { return (i + 1) & (slots_.size() - 1); }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    size_ = 0;
    for (const Slot& s : old) {
      if (s.id != kNone) Insert(s.id) = s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

struct Person {
  Id id = kNone;
  Dept department = 0;
  std::vector<Id> assigned, registered;  // their live tickets
  std::vector<Indexed> complained_of;    // the groups of the complaints about them
};

// A complaint ticket as the complaint summary counts it, with what decides who sees it (its own
// key: a closed complaint makes no group): 64 bytes.
struct ComplaintRecord {
  Id id = kNone;
  TimeMs created_at = 0;
  TimeMs deadline = kNever;
  Id customer = kNone;
  GroupKey key;
  std::uint32_t assignee = 0, registrar = 0;
  TicketStatus status = TicketStatus::kNew;
  ComplaintCategory category = ComplaintCategory::kOther;
  bool substantiated = false;
  bool held = true;  // false: no longer a complaint (kept in place until the next rebuild)
};

void Drop(std::vector<Id>& ids, Id id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) return;
  *it = ids.back();
  ids.pop_back();
}

}  // namespace

struct LiveBoard::State {
  TimeMs cursor = kAlways;
  bool ready = false;
  TicketTable tickets;
  std::vector<Id> departments{kNone};  // by Dept
  std::unordered_map<Id, Dept> department_of;
  std::vector<Tally> by_department{Tally{}};  // by Dept; [0]: the intake queue
  std::vector<Group> groups;
  std::unordered_map<GroupKey, std::uint32_t, GroupKeyHash> group_of;
  std::vector<Pair> pairs;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_of;     // (origin << 32 | department) -> pairs
  std::vector<std::vector<std::uint32_t>> pairs_of_origin{{}};  // by Dept
  // By the department a complaint is about: the groups held by another department.
  std::vector<std::vector<Indexed>> complaints_elsewhere{{}};
  std::vector<Person> people{Person{}};  // [0]: nobody
  std::unordered_map<Id, std::uint32_t> person_of;
  std::unordered_map<Id, Timing> timing;    // the tickets holding open timers with a time
  std::set<std::pair<TimeMs, Id>> pending;  // flag changes after the cursor
  // Every complaint ticket, by id: a new one goes at the end, a changed one in its place (a
  // rebuild appends in any order, then sorts once).
  std::vector<ComplaintRecord> complaints;
  bool sorted = true;

  // What one caller sees (repo::AppendVisibility's rule), by the board's indexes.
  struct Viewer {
    const State& st;
    bool all = false, complaints = false;
    std::vector<Dept> scope;  // the departments of the scope the board knows
    std::vector<char> in;     // by Dept; in[0] stays 0: the intake queue is no department
    std::uint32_t me = 0;     // the caller's person, 0: none on the board

    Viewer(const State& state, const repo::Visibility& v)
        : st(state), all(v.scope.all), complaints(v.complaints_about_scope), in(state.departments.size(), 0) {
      for (Id id : v.scope.departments) {
        if (auto it = st.department_of.find(id); it != st.department_of.end()) {
          scope.push_back(it->second);
          in[it->second] = 1;
        }
      }
      if (auto it = st.person_of.find(v.staff_id); it != st.person_of.end()) me = it->second;
    }
    bool Outside(Dept d) const { return d != 0 && !in[d]; }
    // Seen by where it is held, where it was registered or what its complaint is about.
    bool SeesGroup(const GroupKey& k) const {
      return all || !Outside(k.department) || in[k.origin] ||
             (complaints && (in[k.complaint_department] || in[st.people[k.complaint_staff].department]));
    }
    bool Sees(const GroupKey& k, std::uint32_t assignee, std::uint32_t registrar) const {
      return SeesGroup(k) || (me != 0 && (assignee == me || registrar == me));
    }
  };

  std::uint32_t PersonOf(Id id) {
    if (id == kNone) return 0;
    auto [it, added] = person_of.try_emplace(id, static_cast<std::uint32_t>(people.size()));
    if (added) people.push_back(Person{id, 0, {}, {}, {}});
    return it->second;
  }

  Dept DeptOf(Id id) {
    if (id == kNone) return 0;
    auto [it, added] = department_of.try_emplace(id, static_cast<Dept>(departments.size()));
    if (added) {
      departments.push_back(id);
      by_department.emplace_back();
      pairs_of_origin.emplace_back();
      complaints_elsewhere.emplace_back();
    }
    return it->second;
  }

  std::uint32_t GroupOf(const GroupKey& key) {
    auto [it, added] = group_of.try_emplace(key, static_cast<std::uint32_t>(groups.size()));
    if (!added) return it->second;
    const std::uint32_t g = it->second;
    Group group{key, kNoPair, {}};
    if (key.origin != 0) {
      auto [p, new_pair] = pair_of.try_emplace(std::uint64_t{key.origin} << 32 | key.department,
                                               static_cast<std::uint32_t>(pairs.size()));
      if (new_pair) {
        pairs.push_back(Pair{key.department, {}});
        pairs_of_origin[key.origin].push_back(p->second);
      }
      group.pair = p->second;
    }
    if (key.complaint_department != 0 && key.complaint_department != key.department) {
      complaints_elsewhere[key.complaint_department].push_back({g, key.department});
    }
    if (key.complaint_staff != 0) people[key.complaint_staff].complained_of.push_back({g, key.department});
    groups.push_back(group);
    return g;
  }

  const Timing* TimingOf(Id id) const {
    auto it = timing.find(id);
    return it == timing.end() ? nullptr : &it->second;
  }

  void Count(const Slot& s, std::uint8_t flags, int sign) {
    Group& g = groups[s.group];
    g.tally.Count(s.status, flags, sign);
    if (g.pair != kNoPair) pairs[g.pair].tally.Count(s.status, flags, sign);
    by_department[g.key.department].Count(s.status, flags, sign);
  }

  void Remove(Id id) {
    if (ComplaintRecord* c = ComplaintOf(id)) c->held = false;
    Slot* s = tickets.Find(id);
    if (s == nullptr) return;
    const Timing* t = TimingOf(id);
    Count(*s, FlagsAt(t, cursor), -1);
    if (s->assignee != 0) Drop(people[s->assignee].assigned, id);
    if (s->registrar != 0) Drop(people[s->registrar].registered, id);
    if (t != nullptr) {
      EachChange(*t, [&](TimeMs at) {
        if (at > cursor) pending.erase({at, id});
      });
      timing.erase(id);
    }
    tickets.Erase(s);
  }

  // The first complaint record with an id at or after `id`.
  std::vector<ComplaintRecord>::iterator ComplaintAtOrAfter(Id id) {
    return std::lower_bound(complaints.begin(), complaints.end(), id,
                            [](const ComplaintRecord& c, Id key) { return c.id < key; });
  }

  ComplaintRecord* ComplaintOf(Id id) {
    auto it = ComplaintAtOrAfter(id);
    return it != complaints.end() && it->id == id ? &*it : nullptr;
  }

  void Insert(const LiveTicket& t) {
    const GroupKey key{DeptOf(IdOr0(t.department_id)), DeptOf(IdOr0(t.origin_department_id)),
                       DeptOf(IdOr0(t.complaint_department_id)), PersonOf(IdOr0(t.complaint_staff_id))};
    const std::uint32_t assignee = PersonOf(IdOr0(t.assignee_id)), registrar = PersonOf(IdOr0(t.created_by));
    if (const auto& c = t.complaint) {
      const ComplaintRecord r{t.id,
                              c->created_at,
                              c->deadline_at.value_or(kNever),
                              IdOr0(c->customer_id),
                              key,
                              assignee,
                              registrar,
                              t.status,
                              c->category,
                              c->substantiated,
                              true};
      if (!sorted || complaints.empty() || complaints.back().id < t.id) {
        complaints.push_back(r);
      } else if (ComplaintRecord* held = ComplaintOf(t.id)) {
        *held = r;
      } else {  // an older ticket made a complaint: rare
        complaints.insert(ComplaintAtOrAfter(t.id), r);
      }
    }
    if (!repo::IsLive(t)) return;
    const std::uint32_t group = GroupOf(key);
    if (assignee != 0) people[assignee].assigned.push_back(t.id);
    if (registrar != 0) people[registrar].registered.push_back(t.id);
    Slot& s = tickets.Insert(t.id);
    s.group = group;
    s.assignee = assignee;
    s.registrar = registrar;
    s.status = t.status;
    const Timing* timed = nullptr;
    if (auto tm = TimingFrom(t.open_timers)) {
      timed = &(timing[t.id] = std::move(*tm));
      EachChange(*timed, [&](TimeMs at) {
        if (at > cursor) pending.emplace(at, t.id);
      });
    }
    Count(s, FlagsAt(timed, cursor), 1);
  }

  // After a rebuild: gives back the spare capacity of the lists that grew by doubling.
  void Trim() {
    groups.shrink_to_fit();
    pairs.shrink_to_fit();
    for (Person& p : people) {
      p.assigned.shrink_to_fit();
      p.registered.shrink_to_fit();
      p.complained_of.shrink_to_fit();
    }
    for (auto& list : pairs_of_origin) list.shrink_to_fit();
    for (auto& list : complaints_elsewhere) list.shrink_to_fit();
    std::sort(complaints.begin(), complaints.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    complaints.shrink_to_fit();
    sorted = true;
  }

  // Moves the cursor to `now`, applying the flag changes due by then.
  void Advance(TimeMs now) {
    if (now <= cursor) return;
    std::vector<Id> due;
    while (!pending.empty() && pending.begin()->first <= now) {
      due.push_back(pending.begin()->second);
      pending.erase(pending.begin());
    }
    std::sort(due.begin(), due.end());
    due.erase(std::unique(due.begin(), due.end()), due.end());
    for (Id id : due) {
      const Slot* s = tickets.Find(id);
      const Timing* t = TimingOf(id);
      const std::uint8_t before = FlagsAt(t, cursor), after = FlagsAt(t, now);
      if (s != nullptr && before != after) {
        Count(*s, before, -1);
        Count(*s, after, 1);
      }
    }
    cursor = now;
  }
};

LiveBoard::LiveBoard() : state_(std::make_unique<State>()) {}
LiveBoard::~LiveBoard() = default;

void LiveBoard::Rebuild(const std::function<void(const std::function<void(const LiveTicket&)>& put)>& fill,
                        const std::vector<std::pair<Id, std::optional<Id>>>& staff_departments, TimeMs now) {
  auto fresh = std::make_unique<State>();
  fresh->cursor = now;
  fresh->sorted = false;
  for (const auto& [id, department] : staff_departments) {
    fresh->people[fresh->PersonOf(id)].department = fresh->DeptOf(IdOr0(department));
  }
  fill([&](const LiveTicket& t) { fresh->Insert(t); });
  fresh->Trim();
  fresh->ready = true;
  {
    std::lock_guard lock(mu_);
    state_.swap(fresh);
  }
  fresh.reset();
#if defined(__GLIBC__)
  malloc_trim(0);  // what the growth freed, and the old board, back to the system
#endif
}

void LiveBoard::Put(Id id, const std::optional<LiveTicket>& ticket) {
  std::lock_guard lock(mu_);
  state_->Remove(id);
  if (ticket) state_->Insert(*ticket);
}

void LiveBoard::SetStaffDepartment(Id staff_id, std::optional<Id> department_id) {
  std::lock_guard lock(mu_);
  state_->people[state_->PersonOf(staff_id)].department = state_->DeptOf(IdOr0(department_id));
}

bool LiveBoard::ready() const {
  std::lock_guard lock(mu_);
  return state_->ready;
}

repo::LiveState LiveBoard::Read(const repo::Visibility& v, TimeMs now) {
  std::lock_guard lock(mu_);
  State& st = *state_;
  st.Advance(now);
  Sum total;
  std::vector<Sum> rows(st.departments.size());
  auto take = [&](Dept d, const auto& t) {
    total.Add(t);
    rows[d].Add(t);
  };
  const State::Viewer who(st, v);
  if (who.all) {
    for (Dept d = 0; d < st.departments.size(); ++d) take(d, st.by_department[d]);
  } else {
    // The intake queue and the departments of the scope.
    take(0, st.by_department[0]);
    for (Dept d : who.scope) take(d, st.by_department[d]);
    // What is held elsewhere and seen through its origin; then through a complaint about a
    // department or a person of the scope, unless its origin (or the department) showed it already.
    for (Dept o : who.scope) {
      for (std::uint32_t p : st.pairs_of_origin[o]) {
        if (who.Outside(st.pairs[p].department)) take(st.pairs[p].department, st.pairs[p].tally);
      }
    }
    if (who.complaints) {
      for (Dept c : who.scope) {
        for (const Indexed& x : st.complaints_elsewhere[c]) {
          const Group& g = st.groups[x.group];
          if (who.Outside(x.department) && !who.in[g.key.origin]) take(x.department, g.tally);
        }
      }
      for (const Person& p : st.people) {
        if (!who.in[p.department]) continue;
        for (const Indexed& x : p.complained_of) {
          if (!who.Outside(x.department)) continue;
          const Group& g = st.groups[x.group];
          if (!who.in[g.key.origin] && !who.in[g.key.complaint_department]) take(x.department, g.tally);
        }
      }
    }
    // The caller's own tickets no group gave them.
    if (who.me != 0) {
      const Person& p = st.people[who.me];
      auto own = [&](Id id, bool skip_assigned) {
        const Slot* s = st.tickets.Find(id);
        if (s == nullptr || (skip_assigned && s->assignee == who.me)) return;
        const Group& g = st.groups[s->group];
        if (who.SeesGroup(g.key)) return;
        Tally t;
        t.Count(s->status, FlagsAt(st.TimingOf(id), st.cursor), 1);
        take(g.key.department, t);
      };
      for (Id id : p.assigned) own(id, false);
      for (Id id : p.registered) own(id, true);
    }
  }
  repo::LiveState out;
  for (std::size_t i = 0; i < kStatuses; ++i) {
    if (total.status[i] > 0) out.by_status[DashboardStatuses()[i]] = total.status[i];
  }
  out.warned = total.warned;
  out.breached = total.breached;
  for (Dept d = 0; d < rows.size(); ++d) {
    if (const std::int64_t open = rows[d].open(); open > 0) {
      out.by_department[d == 0 ? std::nullopt : std::optional<Id>(st.departments[d])] = {open, rows[d].breached_open};
    }
  }
  return out;
}

repo::ComplaintFigures LiveBoard::Complaints(const repo::Visibility& v, TimeMs now, TimeMs from, TimeMs to,
                                             const std::vector<TimeMs>& weeks) const {
  std::lock_guard lock(mu_);
  const State& st = *state_;
  const State::Viewer who(st, v);
  repo::ComplaintFigures out;
  out.weekly.assign(weeks.size(), 0);
  std::map<ComplaintCategory, std::int64_t> categories;
  std::map<Id, std::int64_t> departments, customers;  // by Dept; by customer
  for (const ComplaintRecord& c : st.complaints) {
    if (!c.held || c.created_at < from || c.created_at >= to) continue;
    const GroupKey& k = c.key;
    if (!who.Sees(k, c.assignee, c.registrar)) continue;
    const bool open = IsOpen(c.status);
    out.counts.total++;
    out.counts.open += open ? 1 : 0;
    out.counts.overdue += open && c.deadline < now ? 1 : 0;
    out.counts.substantiated += c.substantiated ? 1 : 0;
    categories[c.category]++;
    departments[k.complaint_department]++;
    if (c.customer != kNone) customers[c.customer]++;
    const auto week = std::upper_bound(weeks.begin(), weeks.end(), c.created_at);
    if (week != weeks.begin()) out.weekly[static_cast<std::size_t>(week - weeks.begin() - 1)]++;
  }
  // The SQL's orders: most first; ties by the category's name, the department's id (none last),
  // the customer's id.
  for (const auto& [category, n] : categories) out.by_category.emplace_back(category, n);
  std::sort(out.by_category.begin(), out.by_category.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : std::string_view(Name(a.first)) < Name(b.first);
  });
  for (const auto& [d, n] : departments) {
    out.by_department.emplace_back(d == 0 ? std::nullopt : std::optional<Id>(st.departments[d]), n);
  }
  std::sort(out.by_department.begin(), out.by_department.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
    return a.first < b.first;
  });
  for (const auto& [customer, n] : customers) {
    if (n > 1) out.repeat_complainants.emplace_back(customer, n);
  }
  std::sort(out.repeat_complainants.begin(), out.repeat_complainants.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.repeat_complainants.size() > 20) out.repeat_complainants.resize(20);
  return out;
}

LiveBoard::Size LiveBoard::size() const {
  std::lock_guard lock(mu_);
  const State& st = *state_;
  Size z;
  z.tickets = st.tickets.size();
  z.groups = st.groups.size();
  z.timed = st.timing.size();
  z.pending = st.pending.size();
  // Capacities, and for the hash maps' and the set's nodes two pointers and the allocator's 16
  // bytes beside the value.
  constexpr std::size_t kNode = 32;
  z.bytes = st.tickets.bytes() + st.groups.capacity() * sizeof(Group) +
            st.group_of.size() * (sizeof(GroupKey) + kNode) + st.pairs.capacity() * sizeof(Pair) +
            st.pair_of.size() * (8 + kNode) + st.by_department.capacity() * sizeof(Tally) +
            st.people.capacity() * sizeof(Person) + st.pending.size() * (sizeof(std::pair<TimeMs, Id>) + kNode + 16);
  for (const Person& p : st.people) {
    z.bytes +=
        (p.assigned.capacity() + p.registered.capacity()) * sizeof(Id) + p.complained_of.capacity() * sizeof(Indexed);
  }
  for (const auto& [id, t] : st.timing) z.bytes += sizeof(Timing) + kNode + t.warned.capacity() * 16;
  for (const auto& list : st.pairs_of_origin) z.bytes += list.capacity() * sizeof(std::uint32_t);
  for (const auto& list : st.complaints_elsewhere) z.bytes += list.capacity() * sizeof(Indexed);
  z.bytes += st.complaints.capacity() * sizeof(ComplaintRecord);
  return z;
}

}  // namespace sqm::desk
