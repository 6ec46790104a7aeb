// Time in sqm: UTC milliseconds since the Unix epoch (`TimeMs`). Domain code never reads the wall
// clock; it is handed a Clock. Tests use ManualClock and move it instead of sleeping.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sqm {

using TimeMs = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimeMs Now() const override;
};

// Thread-safe; starts where it is told and moves only when told.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimeMs start) : now_(start) {}
  TimeMs Now() const override { return now_.load(); }
  void Set(TimeMs t) { now_.store(t); }
  void Advance(TimeMs delta) { now_.fetch_add(delta); }

 private:
  std::atomic<TimeMs> now_;
};

// "2026-11-22T00:43:02.123Z"
std::string FormatIsoUtc(TimeMs t);

// Parses ISO-8601 date-times with a zone ("2026-11-22T08:43:02+08:00", "...Z", optional
// fractional seconds) and plain dates ("2026-11-22", taken as 00:00 UTC). nullopt when malformed.
std::optional<TimeMs> ParseIsoTime(std::string_view text);

}  // namespace sqm
