// How an event's JSON payload is stored: one format byte, then the bytes.
//
//   0  the JSON text as it is (what a payload that does not shrink keeps)
//   1  a zstd frame (magicless, no checksum) compressed with dictionary 1
//      (event_dictionary/1.zdict, trained on the demo's events by scripts/train-event-dictionary.sh)
//
// A released dictionary never changes: rows written with it must stay readable. The hash chain is
// computed over the JSON text, so the stored form can change without touching the chain.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sqm::storage {

// The stored form of `json` (the smaller of formats 0 and 1).
std::string EncodeEventData(std::string_view json);

// The JSON text of a stored payload. Throws DbError when the bytes are not a payload this build
// can read (an unknown format byte, a corrupt frame).
std::string DecodeEventData(std::string_view stored);

}  // namespace sqm::storage
