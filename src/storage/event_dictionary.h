// The zstd dictionaries of event payloads (event_codec.h), embedded at build time from
// src/storage/event_dictionary/N.zdict.
#pragma once

#include <string_view>

namespace sqm::storage {

extern const std::string_view kEventDictionary1;

}  // namespace sqm::storage
