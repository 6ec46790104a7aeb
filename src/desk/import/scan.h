// Reading a whole ticket file: its header, then every row checked by a Validator.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "desk/import/record.h"
#include "desk/import/validator.h"

namespace sqm::desk::import {

enum class ScanEnd {
  kEnd,         // read to the end
  kStopped,     // on_row asked to stop
  kUnreadable,  // the file cannot be read to its end, is empty or has a bad header (on_error said why)
};

// Blank records are skipped. `on_error` hears every problem (a rejected row's, or the file's on
// line 0); `on_row` gets every data row after its problems: the ticket, or nullopt when the row was
// rejected. `on_row` returning false stops the scan.
ScanEnd ScanFile(Format format, Input input, Validator& validator, const std::function<void(RowError)>& on_error,
                 const std::function<bool(std::optional<ImportTicket>)>& on_row);

}  // namespace sqm::desk::import
