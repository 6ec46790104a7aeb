// Service-desk read models: the dashboard, the periodic complaint summary, the callback queue,
// notifications and saved ticket views. Reads are scoped like the ticket list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/clock.h"
#include "base/result.h"
#include "calendar/zone.h"
#include "desk/repo.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::desk {

struct Rate {
  std::int64_t met = 0;
  std::int64_t total = 0;  // timers decided: stopped, or still open past their due time
};

class Reports {
 public:
  // Days, weeks and months are local to `zone`, the business time zone.
  Reports(storage::Database& db, const Clock& clock, calendar::Zone zone)
      : db_(db), clock_(clock), zone_(std::move(zone)) {}

  // {open_by_status, warnings_now, breaches_now, attainment[today|week|month], by_department}
  Result<boost::json::object> Dashboard(const org::Principal& who);
  // {total, open, overdue, substantiated, by_category, by_department, repeat_complainants, weekly}
  // over [from, to); `to` defaults to now, `from` to the start of the twelfth week before `to`.
  Result<boost::json::object> ComplaintSummary(const org::Principal& who, std::optional<TimeMs> from,
                                               std::optional<TimeMs> to);
  // state: open | overdue | done.
  Result<boost::json::object> Callbacks(const org::Principal& who, const std::string& state, int limit, int offset);

  Result<boost::json::object> Notifications(const org::Principal& who, bool unread_only, int limit);
  Status MarkRead(const org::Principal& who, std::optional<std::int64_t> id);  // nullopt: all

  Result<boost::json::array> Views(const org::Principal& who);
  Result<boost::json::object> SaveView(const org::Principal& who, const std::string& name,
                                       const boost::json::object& filters);
  Status DeleteView(const org::Principal& who, std::int64_t id);

 private:
  storage::Database& db_;
  const Clock& clock_;
  const calendar::Zone zone_;
};

}  // namespace sqm::desk
