// The strict JSON reader: json::Parse on any bytes, then json::Reader the way routes use it
// (strings with rules, integers in ranges, lists, a nested object), and the serializer on what
// was read. Must never crash, leak or hang; every failure is an Error.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/json.h"
#include "base/text.h"

using namespace sqm;

namespace {

void ReadLikeARoute(const json::bj::value& v, std::string prefix) {
  json::Reader in(v, std::move(prefix));
  (void)in.String("name", {.max_len = 100});
  (void)in.OptString("code", {.min_len = 0, .max_len = 32, .trim = false});
  (void)in.OptInt("parent_id", 1);
  (void)in.NullableInt("department_id");
  (void)in.OptNumber("weight");
  (void)in.OptBool("active");
  (void)in.OptStringList("roles", 8);
  if (const auto* nested = in.OptValue("complaint"); nested && in.Has("complaint")) {
    ReadLikeARoute(*nested, "complaint");
  }
  const Status st = in.Done();
  if (!st.ok() && st.error().field.size() > 4 * kQuoteChars + 64) __builtin_trap();  // fields are bounded
}

bool Same(const json::bj::value& a, const json::bj::value& b) {
  if (a.is_number() && b.is_number()) {
    return a.to_number<double>() == b.to_number<double>();  // 1.0 is written "1" and read as an integer
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    const auto &p = a.get_array(), &q = b.get_array();
    if (p.size() != q.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (!Same(p[i], q[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    const auto &p = a.get_object(), &q = b.get_object();
    if (p.size() != q.size()) return false;
    for (const auto& kv : p) {
      const auto* other = q.if_contains(kv.key());
      if (!other || !Same(kv.value(), *other)) return false;
    }
    return true;
  }
  return a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = json::Parse(text);
  if (!parsed.ok()) {
    if (parsed.error().message.size() > 4 * kMaxMessageChars + 64) __builtin_trap();
    return 0;
  }
  ReadLikeARoute(*parsed, "");
  // What the server writes it must read back, the same.
  const std::string once = json::Serialize(*parsed);
  auto again = json::Parse(once);
  if (!again.ok()) __builtin_trap();
  if (!Same(*parsed, *again)) __builtin_trap();
  (void)json::CodePoints(text);
  (void)Bounded(text, 16);
  return 0;
}
