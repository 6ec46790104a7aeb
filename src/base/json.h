// JSON helpers over Boost.JSON: a serializer that prints numbers the way people and other
// clients expect (Boost.JSON 1.81 prints 1.5 as "1.5E0"), and a strict reader for request bodies
// that names the offending field in every error.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"

namespace sqm::json {

namespace bj = boost::json;

// Compact JSON text; doubles in shortest round-trip form ("1.5", "0.1", "1e+21"), integral
// doubles without a fraction ("3"), non-finite doubles as null.
std::string Serialize(const bj::value& v);

// Parses a request body. Rejects malformed JSON, invalid UTF-8, nesting deeper than 32 and an
// object that names a key twice (the error's field is the key's path, "complaint.title").
Result<bj::value> Parse(std::string_view text);

// Reads fields of one JSON object. Getters return a value even on failure (a default) and record
// the first error; call Done() once at the end: it also reports fields the caller never asked for.
//
//   json::Reader in(body);
//   auto name = in.String("name", {.max_len = 100});
//   auto parent = in.OptInt("parent_id");
//   SQM_TRY(in.Done());
class Reader {
 public:
  struct StringRule {
    std::size_t min_len = 1;  // in code points, after trimming
    std::size_t max_len = 200;
    bool trim = true;
  };

  // A body that is not an object makes Done() fail.
  explicit Reader(const bj::value& body, std::string prefix = {});

  std::string String(std::string_view key, StringRule rule);
  std::string String(std::string_view key) { return String(key, StringRule{}); }
  std::optional<std::string> OptString(std::string_view key, StringRule rule);
  std::optional<std::string> OptString(std::string_view key) { return OptString(key, StringRule{}); }
  std::int64_t Int(std::string_view key, std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
  std::optional<std::int64_t> OptInt(std::string_view key, std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
  // Present and null -> inner nullopt; absent -> outer nullopt.
  std::optional<std::optional<std::int64_t>> NullableInt(std::string_view key);
  std::optional<double> OptNumber(std::string_view key);
  std::optional<bool> OptBool(std::string_view key);
  std::optional<std::vector<std::string>> OptStringList(std::string_view key, std::size_t max_items = 100);
  std::vector<std::string> StringList(std::string_view key, std::size_t max_items = 100);
  // Lists of numbers, booleans, and rows of numbers (a matrix; rows may differ in length, for the
  // caller to judge). Errors name the element: "weights[2]", "matrix[1][3]".
  std::optional<std::vector<double>> OptNumberList(std::string_view key, std::size_t max_items = 10000);
  std::optional<std::vector<bool>> OptBoolList(std::string_view key, std::size_t max_items = 10000);
  std::optional<std::vector<std::vector<double>>> OptNumberMatrix(std::string_view key, std::size_t max_rows = 5000,
                                                                  std::size_t max_columns = 200);
  // Raw access for nested objects; marks the key as known. nullptr when absent.
  const bj::value* OptValue(std::string_view key);
  bool Has(std::string_view key) const;

  // Records an error for `key` unless one is already recorded.
  void Fail(std::string_view key, Message message);
  Status Done();

 private:
  const bj::value* Find(std::string_view key);
  std::string Name(std::string_view key) const;

  const bj::object* obj_ = nullptr;
  std::string prefix_;
  std::set<std::string, std::less<>> known_;
  std::optional<Error> error_;
};

// For readers that report every problem at once (into `p`, not only the first, as Reader does):
// each key of `o` not in `known` is "field.unknown", named "prefix.key" when a prefix is given.
void UnknownKeys(const bj::object& o, std::initializer_list<std::string_view> known, Problems& p,
                 std::string_view prefix = {});

// The head every named, versioned definition shares (a survey template, a scorecard): `name` as
// text and `active` as an optional boolean, each wrong type a problem in `p`.
struct NamedHead {
  std::string name;
  std::optional<bool> active;
};
NamedHead ReadNamedHead(const bj::object& o, Problems& p);

// Number of Unicode code points in valid UTF-8 text.
std::size_t CodePoints(std::string_view utf8);
bool IsValidUtf8(std::string_view text);

}  // namespace sqm::json
