#include "storage/event_codec.h"

#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_f_zstd1_magicless
#include <zstd.h>

#include <memory>
#include <mutex>

#include "storage/db.h"
#include "storage/event_dictionary.h"

namespace sqm::storage {

namespace {

constexpr char kPlain = 0;
constexpr char kDictionary1 = 1;
constexpr int kLevel = 9;  // small payloads: level 9 costs about 10 us and saves a few bytes over 3

// The compiled dictionary and one context per thread (a context is not thread-safe).
struct Dictionary {
  ZSTD_CDict* compress = ZSTD_createCDict(kEventDictionary1.data(), kEventDictionary1.size(), kLevel);
  ZSTD_DDict* decompress = ZSTD_createDDict(kEventDictionary1.data(), kEventDictionary1.size());
  ~Dictionary() {
    ZSTD_freeCDict(compress);
    ZSTD_freeDDict(decompress);
  }
};

const Dictionary& Dict() {
  static const Dictionary d;
  return d;
}

struct Contexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  Contexts() {
    ZSTD_CCtx_setParameter(c, ZSTD_c_format, ZSTD_f_zstd1_magicless);
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 0);
    ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0);
    ZSTD_CCtx_refCDict(c, Dict().compress);
    ZSTD_DCtx_setParameter(d, ZSTD_d_format, ZSTD_f_zstd1_magicless);
    ZSTD_DCtx_refDDict(d, Dict().decompress);
  }
  ~Contexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};

Contexts& ThreadContexts() {
  thread_local Contexts ctx;
  return ctx;
}

}  // namespace

std::string EncodeEventData(std::string_view json) {
  std::string out(1 + ZSTD_compressBound(json.size()), '\0');
  out[0] = kDictionary1;
  const std::size_t n = ZSTD_compress2(ThreadContexts().c, out.data() + 1, out.size() - 1, json.data(), json.size());
  if (ZSTD_isError(n) || n >= json.size()) {
    out.assign(1, kPlain);
    out.append(json);
    return out;
  }
  out.resize(1 + n);
  return out;
}

std::string DecodeEventData(std::string_view stored) {
  if (stored.empty()) throw DbError("an event payload is empty");
  const std::string_view body = stored.substr(1);
  if (stored[0] == kPlain) return std::string(body);
  if (stored[0] != kDictionary1) throw DbError("an event payload has an unknown format");
  ZSTD_frameHeader header;
  // A frame from EncodeEventData always records its size; payloads are bounded by the request
  // body limit, so anything claiming more than 64 MiB is corrupt.
  if (ZSTD_getFrameHeader_advanced(&header, body.data(), body.size(), ZSTD_f_zstd1_magicless) != 0 ||
      header.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN || header.frameContentSize > (64u << 20)) {
    throw DbError("an event payload is corrupt");
  }
  const std::size_t size = header.frameContentSize;
  std::string out(size, '\0');
  const std::size_t n = ZSTD_decompressDCtx(ThreadContexts().d, out.data(), out.size(), body.data(), body.size());
  if (ZSTD_isError(n) || n != size) throw DbError("an event payload is corrupt");
  return out;
}

}  // namespace sqm::storage
