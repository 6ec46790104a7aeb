// DeadlineQueue: the next warning or breach instant of every open timer, earliest first.
//
// The SLA service fills it at start-up from the open timers (Reschedule each), reschedules a timer
// after every change, and drains it with its Clock: PopDue(clock.Now()) hands back what is due, the
// service handles each (notify, MarkFired, save) and reschedules that timer. One entry per timer id;
// scheduling a timer again moves its entry. A min-heap with an index, so schedule, cancel and pop
// are O(log n).
//
// Not thread-safe: the owner serialises access.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "sla/model.h"
#include "sla/rules.h"

namespace sqm::sla {

class DeadlineQueue {
 public:
  struct Entry {
    TimeMs at = 0;
    std::int64_t timer_id = 0;
    FiringKind kind = FiringKind::kWarning;
    bool operator==(const Entry&) const = default;
  };

  // Adds the timer's entry or moves it to `firing`.
  void Schedule(std::int64_t timer_id, Firing firing);
  // Schedules NextFiring(timer), or cancels the timer's entry when there is none.
  void Reschedule(const Timer& timer);
  // False when the timer had no entry.
  bool Cancel(std::int64_t timer_id);

  // Removes and returns the entries with at <= now, earliest first (ties by timer id).
  std::vector<Entry> PopDue(TimeMs now);

  // The earliest entry's instant; nullopt when empty. A service sleeps until then.
  std::optional<TimeMs> NextAt() const;
  std::optional<Entry> Find(std::int64_t timer_id) const;
  std::size_t size() const { return heap_.size(); }
  bool empty() const { return heap_.empty(); }

 private:
  static bool Before(const Entry& a, const Entry& b);
  void Place(std::size_t i, Entry e);
  void SiftUp(std::size_t i);
  void SiftDown(std::size_t i);
  void RemoveAt(std::size_t i);

  std::vector<Entry> heap_;
  std::unordered_map<std::int64_t, std::size_t> index_;  // timer id -> position in heap_
};

}  // namespace sqm::sla
