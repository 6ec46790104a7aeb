// Small text helpers of the import (internal to this library).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "desk/model.h"

namespace sqm::desk::import {

using desk::TrimSpace;

std::string Lower(std::string_view s);  // ASCII only
bool AllDigits(std::string_view s);     // 1 to 18 ASCII digits
std::optional<std::int64_t> ToInt(std::string_view s);
// User text as a message arg: at most 60 code points, then "…". The templates quote it ('{value}').
std::string Shown(std::string_view s);

}  // namespace sqm::desk::import
