#include "sla/deadline_queue.h"

namespace sqm::sla {

bool DeadlineQueue::Before(const Entry& a, const Entry& b) {
  return a.at != b.at ? a.at < b.at : a.timer_id < b.timer_id;
}

void DeadlineQueue::Place(std::size_t i, Entry e) {
  index_[e.timer_id] = i;
  heap_[i] = e;
}

void DeadlineQueue::SiftUp(std::size_t i) {
  Entry e = heap_[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 2;
    if (!Before(e, heap_[parent])) break;
    Place(i, heap_[parent]);
    i = parent;
  }
  Place(i, e);
}

void DeadlineQueue::SiftDown(std::size_t i) {
  Entry e = heap_[i];
  for (;;) {
    std::size_t child = 2 * i + 1;
    if (child >= heap_.size()) break;
    if (child + 1 < heap_.size() && Before(heap_[child + 1], heap_[child])) ++child;
    if (!Before(heap_[child], e)) break;
    Place(i, heap_[child]);
    i = child;
  }
  Place(i, e);
}

void DeadlineQueue::RemoveAt(std::size_t i) {
  index_.erase(heap_[i].timer_id);
  const std::size_t last = heap_.size() - 1;
  if (i != last) {
    Place(i, heap_[last]);
    heap_.pop_back();
    SiftDown(i);
    SiftUp(i);
  } else {
    heap_.pop_back();
  }
}

void DeadlineQueue::Schedule(std::int64_t timer_id, Firing firing) {
  const Entry e{firing.at, timer_id, firing.kind};
  const auto it = index_.find(timer_id);
  if (it == index_.end()) {
    heap_.push_back(e);
    index_[timer_id] = heap_.size() - 1;
    SiftUp(heap_.size() - 1);
    return;
  }
  const std::size_t i = it->second;
  heap_[i] = e;
  SiftDown(i);
  SiftUp(index_[timer_id]);
}

void DeadlineQueue::Reschedule(const Timer& timer) {
  if (const auto next = NextFiring(timer)) {
    Schedule(timer.id, *next);
  } else {
    Cancel(timer.id);
  }
}

bool DeadlineQueue::Cancel(std::int64_t timer_id) {
  const auto it = index_.find(timer_id);
  if (it == index_.end()) return false;
  RemoveAt(it->second);
  return true;
}

std::vector<DeadlineQueue::Entry> DeadlineQueue::PopDue(TimeMs now) {
  std::vector<Entry> due;
  while (!heap_.empty() && heap_.front().at <= now) {
    due.push_back(heap_.front());
    RemoveAt(0);
  }
  return due;
}

std::optional<TimeMs> DeadlineQueue::NextAt() const {
  if (heap_.empty()) return std::nullopt;
  return heap_.front().at;
}

std::optional<DeadlineQueue::Entry> DeadlineQueue::Find(std::int64_t timer_id) const {
  const auto it = index_.find(timer_id);
  if (it == index_.end()) return std::nullopt;
  return heap_[it->second];
}

}  // namespace sqm::sla
