// Checking one row of a file into a ticket to replay.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "calendar/zone.h"
#include "desk/import/directory.h"
#include "desk/import/header.h"
#include "desk/model.h"
#include "org/model.h"

namespace sqm::desk::import {

// A checked row, ready to replay: register at created_at, respond at first_response_at, resolve
// at resolved_at, record a reached callback at callback_at, close at closed_at.
struct ImportTicket {
  int line = 0;
  TicketDraft draft;
  std::string external_id;
  TimeMs created_at = 0;
  std::optional<TimeMs> first_response_at, resolved_at, callback_at, closed_at;
  std::optional<CallbackResolved> callback_resolved;
  std::optional<Satisfaction> satisfaction;
  bool live = false;  // created_at was not given: a ticket of now, not of history
};

struct ValidateOptions {
  calendar::Zone zone;                       // the business time zone: times without an offset are local there
  TimeMs now = 0;                            // times after this (plus a minute of clock skew) are refused as future
  org::Scope scope{true, {}};                // departments the importing caller may write to
  std::optional<Id> caller_department;       // where a row without a department goes
  std::optional<TimeMs> default_created_at;  // when set, created_at may be omitted (bulk API)
  // The number of the ticket already imported with an external id ("T000042"), if any.
  std::function<std::optional<std::string>(const std::string&)> imported_as;
};

// Checks rows one by one; remembers external ids to refuse repeats within one file.
class Validator {
 public:
  Validator(const Directory& directory, ValidateOptions options);
  // Every problem of the row goes to `errors`; the ticket only when there was none.
  std::optional<ImportTicket> Check(const RowInput& row, std::vector<RowError>& errors);

 private:
  const Directory& dir_;
  ValidateOptions options_;
  std::unordered_map<std::string, int> external_ids_;  // -> first line
};

}  // namespace sqm::desk::import
