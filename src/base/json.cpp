#include "base/json.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <boost/json/basic_parser_impl.hpp>

#include "base/text.h"

namespace sqm::json {

namespace {

void AppendNumber(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, r.ptr);
}

void Write(std::string& out, const bj::value& v) {
  switch (v.kind()) {
    case bj::kind::null: out += "null"; break;
    case bj::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case bj::kind::int64: out += std::to_string(v.get_int64()); break;
    case bj::kind::uint64: out += std::to_string(v.get_uint64()); break;
    case bj::kind::double_: AppendNumber(out, v.get_double()); break;
    case bj::kind::string: out += bj::serialize(v.get_string()); break;
    case bj::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out += ',';
        first = false;
        Write(out, e);
      }
      out += ']';
      break;
    }
    case bj::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += bj::serialize(bj::string_view(kv.key()));
        out += ':';
        Write(out, kv.value());
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string Serialize(const bj::value& v) {
  std::string out;
  out.reserve(256);
  Write(out, v);
  return out;
}

namespace {

// Builds the value like bj::parser does (a value_stack) and refuses an object that names a key
// twice: the last one would silently win, so `{"title":"a","title":"b"}` could mean either.
// Tracks the path to the current value ("complaint.title", "targets[2].kind") to name it.
class StrictHandler {
 public:
  static constexpr std::size_t max_object_size = bj::object::max_size();
  static constexpr std::size_t max_array_size = bj::array::max_size();
  static constexpr std::size_t max_key_size = bj::string::max_size();
  static constexpr std::size_t max_string_size = bj::string::max_size();

  bj::value_stack st;
  std::string duplicate;     // the path of the first key named twice
  std::string out_of_range;  // the path of a number too large for a double

  bool on_document_begin(bj::error_code&) { return true; }
  bool on_document_end(bj::error_code&) { return true; }
  bool on_object_begin(bj::error_code&) {
    Enter(Level{.object = true});
    return true;
  }
  bool on_object_end(std::size_t n, bj::error_code&) {
    st.push_object(n);
    Leave();
    return true;
  }
  bool on_array_begin(bj::error_code&) {
    Enter(Level{.object = false});
    return true;
  }
  bool on_array_end(std::size_t n, bj::error_code&) {
    st.push_array(n);
    Leave();
    return true;
  }
  bool on_key_part(bj::string_view s, std::size_t, bj::error_code&) {
    st.push_chars(s);
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(bj::string_view s, std::size_t, bj::error_code& ec) {
    st.push_key(s);
    key_.append(s.data(), s.size());
    Level& level = levels_.back();
    if (!level.keys.insert(key_).second) {
      duplicate = Path() + (levels_.size() > 1 ? "." : "") + key_;
      ec = bj::error::syntax;  // stops the parse; Parse reports `duplicate`
      return false;
    }
    level.key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(bj::string_view s, std::size_t, bj::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(bj::string_view s, std::size_t, bj::error_code&) {
    st.push_string(s);
    Next();
    return true;
  }
  bool on_number_part(bj::string_view, bj::error_code&) { return true; }
  bool on_int64(std::int64_t i, bj::string_view, bj::error_code&) {
    st.push_int64(i);
    Next();
    return true;
  }
  bool on_uint64(std::uint64_t u, bj::string_view, bj::error_code&) {
    st.push_uint64(u);
    Next();
    return true;
  }
  // Boost.JSON 1.81 reads some numbers a few units in the last place off (-9.999999900000001e+73
  // comes back 2 ulps away), so a number read back from what sqm wrote could drift; from_chars
  // rounds correctly. A number beyond a double's range (1e400) is refused, not made infinite.
  bool on_double(double d, bj::string_view text, bj::error_code& ec) {
    double exact = 0;
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), exact);
    if (err == std::errc() && end == text.data() + text.size()) {
      d = exact;
    } else if (!std::isfinite(d)) {
      out_of_range = Here();
      ec = bj::error::exponent_overflow;
      return false;
    }
    st.push_double(d);
    Next();
    return true;
  }
  bool on_bool(bool b, bj::error_code&) {
    st.push_bool(b);
    Next();
    return true;
  }
  bool on_null(bj::error_code&) {
    st.push_null();
    Next();
    return true;
  }
  bool on_comment_part(bj::string_view, bj::error_code&) { return true; }
  bool on_comment(bj::string_view, bj::error_code&) { return true; }

 private:
  struct Level {
    bool object = false;
    std::set<std::string, std::less<>> keys;  // objects: the keys so far
    std::string key;                          // objects: the key of the value being read
    std::size_t index = 0;                    // arrays: the index of the value being read
  };

  void Enter(Level level) { levels_.push_back(std::move(level)); }
  void Leave() {
    levels_.pop_back();
    Next();
  }
  // A value of the enclosing array is complete.
  void Next() {
    if (!levels_.empty() && !levels_.back().object) ++levels_.back().index;
  }
  // Where the value being read is: "name", "complaint.category", "targets[2]".
  std::string Here() const {
    if (levels_.empty()) return {};
    const Level& level = levels_.back();
    const std::string path = Path();
    if (!level.object) return path + "[" + std::to_string(level.index) + "]";
    return path + (path.empty() ? "" : ".") + level.key;
  }

  // Where the innermost object is: "", "complaint", "targets[2]".
  std::string Path() const {
    std::string path;
    for (std::size_t i = 0; i + 1 < levels_.size(); ++i) {
      if (levels_[i].object) {
        if (!path.empty()) path += '.';
        path += levels_[i].key;
      } else {
        path += "[" + std::to_string(levels_[i].index) + "]";
      }
    }
    return path;
  }

  std::vector<Level> levels_;
  std::string key_;  // the key being read, across on_key_part calls
};

}  // namespace

Result<bj::value> Parse(std::string_view text) {
  bj::parse_options opt;
  opt.max_depth = 32;
  bj::basic_parser<StrictHandler> p(opt);
  p.handler().st.reset();
  boost::system::error_code ec;
  const std::size_t n = p.write_some(false, text.data(), text.size(), ec);
  if (!ec && n < text.size()) ec = bj::error::extra_data;
  if (!ec && !p.done()) ec = bj::error::incomplete;
  if (ec) {
    if (!p.handler().out_of_range.empty() || ec == bj::error::exponent_overflow) {
      const std::string path = Bounded(p.handler().out_of_range);
      return Error::Invalid(path, Msg("json.number_out_of_range", "the number is too large"));
    }
    if (!p.handler().duplicate.empty()) {
      const std::string path = Bounded(p.handler().duplicate);
      return Error::Invalid(path, Msg("json.duplicate_key", "the key '{key}' appears twice", {{"key", path}}));
    }
    if (!IsValidUtf8(text)) return Error::Invalid("", "request body is not valid UTF-8");
    return Error::Invalid("", "request body is not valid JSON: " + ec.message());
  }
  return p.handler().st.release();
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c >> 5) == 0x6) {
      n = 1;
      cp = c & 0x1f;
    } else if ((c >> 4) == 0xe) {
      n = 2;
      cp = c & 0x0f;
    } else if ((c >> 3) == 0x1e) {
      n = 3;
      cp = c & 0x07;
    } else
      return false;
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xc0) != 0x80) ++n;
  }
  return n;
}

Reader::Reader(const bj::value& body, std::string prefix) : prefix_(std::move(prefix)) {
  if (body.is_object()) {
    obj_ = &body.get_object();
  } else {
    error_ = Error::Invalid(prefix_, "expected a JSON object");
  }
}

std::string Reader::Name(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

void Reader::Fail(std::string_view key, Message message) {
  if (!error_) error_ = Error::Invalid(Name(key), std::move(message));
}

const bj::value* Reader::Find(std::string_view key) {
  known_.emplace(key);
  if (!obj_) return nullptr;
  auto it = obj_->find(bj::string_view(key.data(), key.size()));
  return it == obj_->end() ? nullptr : &it->value();
}

bool Reader::Has(std::string_view key) const {
  return obj_ && obj_->contains(bj::string_view(key.data(), key.size()));
}

const bj::value* Reader::OptValue(std::string_view key) {
  return Find(key);
}

namespace {

std::string_view Trim(std::string_view s) {
  const auto ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

}  // namespace

std::optional<std::string> Reader::OptString(std::string_view key, StringRule rule) {
  const bj::value* v = Find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    Fail(key, Msg("field.not_string", "must be a string"));
    return std::nullopt;
  }
  std::string_view s(v->get_string().data(), v->get_string().size());
  if (rule.trim) s = Trim(s);
  const auto n = CodePoints(s);
  if (n < rule.min_len) {
    Fail(key, rule.min_len == 1 ? Msg("field.empty", "must not be empty")
                                : Msg("field.too_short", "must be at least {min} characters",
                                      {{"min", std::to_string(rule.min_len)}}));
    return std::nullopt;
  }
  if (n > rule.max_len) {
    Fail(key, Msg("field.too_long", "must be at most {max} characters", {{"max", std::to_string(rule.max_len)}}));
    return std::nullopt;
  }
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      Fail(key, Msg("field.control_characters", "must not contain control characters"));
      return std::nullopt;
    }
  }
  return std::string(s);
}

std::string Reader::String(std::string_view key, StringRule rule) {
  if (!Has(key) || Find(key)->is_null()) {
    Find(key);
    Fail(key, Msg("field.required", "is required"));
    return {};
  }
  return OptString(key, rule).value_or(std::string{});
}

std::optional<std::int64_t> Reader::OptInt(std::string_view key, std::int64_t min, std::int64_t max) {
  const bj::value* v = Find(key);
  if (!v || v->is_null()) return std::nullopt;
  std::int64_t n;
  if (v->is_int64()) {
    n = v->get_int64();
  } else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v->get_uint64());
  } else if (v->is_double() && std::floor(v->get_double()) == v->get_double() && std::abs(v->get_double()) < 9e15) {
    n = static_cast<std::int64_t>(v->get_double());
  } else {
    Fail(key, Msg("field.not_integer", "must be an integer"));
    return std::nullopt;
  }
  if (n < min || n > max) {
    Fail(key, Msg("field.out_of_range", "must be between {min} and {max}",
                  {{"min", std::to_string(min)}, {"max", std::to_string(max)}}));
    return std::nullopt;
  }
  return n;
}

std::int64_t Reader::Int(std::string_view key, std::int64_t min, std::int64_t max) {
  if (!Has(key) || Find(key)->is_null()) {
    Find(key);
    Fail(key, Msg("field.required", "is required"));
    return 0;
  }
  return OptInt(key, min, max).value_or(0);
}

std::optional<std::optional<std::int64_t>> Reader::NullableInt(std::string_view key) {
  const bj::value* v = Find(key);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<std::int64_t>{};
  auto n = OptInt(key);
  if (!n) return std::nullopt;
  return n;
}

std::optional<double> Reader::OptNumber(std::string_view key) {
  const bj::value* v = Find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_double()) return v->get_double();
  if (v->is_int64()) return static_cast<double>(v->get_int64());
  if (v->is_uint64()) return static_cast<double>(v->get_uint64());
  Fail(key, Msg("field.not_number", "must be a number"));
  return std::nullopt;
}

std::optional<bool> Reader::OptBool(std::string_view key) {
  const bj::value* v = Find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) {
    Fail(key, Msg("field.not_boolean", "must be true or false"));
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<std::vector<std::string>> Reader::OptStringList(std::string_view key, std::size_t max_items) {
  const bj::value* v = Find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) {
    Fail(key, Msg("field.not_string_list", "must be a list of strings"));
    return std::nullopt;
  }
  if (v->get_array().size() > max_items) {
    Fail(key, Msg("field.too_many_items", "must have at most {max} items", {{"max", std::to_string(max_items)}}));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& e : v->get_array()) {
    if (!e.is_string()) {
      Fail(key, Msg("field.not_string_list", "must be a list of strings"));
      return std::nullopt;
    }
    out.emplace_back(e.get_string().data(), e.get_string().size());
  }
  return out;
}

std::vector<std::string> Reader::StringList(std::string_view key, std::size_t max_items) {
  if (!Has(key)) {
    Find(key);
    Fail(key, Msg("field.required", "is required"));
    return {};
  }
  return OptStringList(key, max_items).value_or(std::vector<std::string>{});
}

namespace {

std::optional<double> NumberOf(const bj::value& v) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  return std::nullopt;
}

std::string Element(std::string_view key, std::size_t i) {
  return std::string(key) + "[" + std::to_string(i) + "]";
}

// The array at `key` with at most `max_items` elements; nullptr (with the failure recorded when
// it is not such an array) otherwise.
const bj::array* ListAt(Reader& in, std::string_view key, std::size_t max_items, Message not_list) {
  const bj::value* v = in.OptValue(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    in.Fail(key, std::move(not_list));
    return nullptr;
  }
  if (v->get_array().size() > max_items) {
    in.Fail(key, Msg("field.too_many_items", "must have at most {max} items", {{"max", std::to_string(max_items)}}));
    return nullptr;
  }
  return &v->get_array();
}

}  // namespace

std::optional<std::vector<double>> Reader::OptNumberList(std::string_view key, std::size_t max_items) {
  const bj::array* list = ListAt(*this, key, max_items, Msg("field.not_number_list", "must be a list of numbers"));
  if (!list) return std::nullopt;
  std::vector<double> out;
  for (const auto& e : *list) {
    auto n = NumberOf(e);
    if (!n) {
      Fail(Element(key, out.size()), Msg("field.not_number", "must be a number"));
      return std::nullopt;
    }
    out.push_back(*n);
  }
  return out;
}

std::optional<std::vector<bool>> Reader::OptBoolList(std::string_view key, std::size_t max_items) {
  const bj::array* list =
      ListAt(*this, key, max_items, Msg("field.not_boolean_list", "must be a list of true and false"));
  if (!list) return std::nullopt;
  std::vector<bool> out;
  for (const auto& e : *list) {
    if (!e.is_bool()) {
      Fail(Element(key, out.size()), Msg("field.not_boolean", "must be true or false"));
      return std::nullopt;
    }
    out.push_back(e.get_bool());
  }
  return out;
}

std::optional<std::vector<std::vector<double>>> Reader::OptNumberMatrix(std::string_view key, std::size_t max_rows,
                                                                        std::size_t max_columns) {
  const bj::array* rows =
      ListAt(*this, key, max_rows, Msg("field.not_matrix", "must be a list of rows, each a list of numbers"));
  if (!rows) return std::nullopt;
  std::vector<std::vector<double>> out;
  for (const auto& row : *rows) {
    const std::string row_name = Element(key, out.size());
    if (!row.is_array()) {
      Fail(row_name, Msg("field.not_number_list", "must be a list of numbers"));
      return std::nullopt;
    }
    if (row.get_array().size() > max_columns) {
      Fail(row_name,
           Msg("field.too_many_items", "must have at most {max} items", {{"max", std::to_string(max_columns)}}));
      return std::nullopt;
    }
    std::vector<double> values;
    for (const auto& e : row.get_array()) {
      auto n = NumberOf(e);
      if (!n) {
        Fail(Element(row_name, values.size()), Msg("field.not_number", "must be a number"));
        return std::nullopt;
      }
      values.push_back(*n);
    }
    out.push_back(std::move(values));
  }
  return out;
}

Status Reader::Done() {
  if (error_) return *error_;
  for (const auto& kv : *obj_) {
    if (!known_.contains(std::string_view(kv.key().data(), kv.key().size()))) {
      return Error::Invalid(Name(std::string_view(kv.key().data(), kv.key().size())),
                            Msg("field.unknown", "unknown field"));
    }
  }
  return {};
}

void UnknownKeys(const bj::object& o, std::initializer_list<std::string_view> known, Problems& p,
                 std::string_view prefix) {
  for (const auto& kv : o) {
    const std::string_view key(kv.key().data(), kv.key().size());
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    p.Add(prefix.empty() ? std::string(key) : std::string(prefix) + "." + std::string(key),
          Msg("field.unknown", "is not a known field"));
  }
}

NamedHead ReadNamedHead(const bj::object& o, Problems& p) {
  NamedHead out;
  if (const auto* n = o.if_contains("name"); n && n->is_string()) {
    out.name = std::string(n->get_string());
  } else if (n) {
    p.Add("name", Msg("field.not_string", "must be text"));
  }
  if (const auto* a = o.if_contains("active"); a && a->is_bool()) {
    out.active = a->get_bool();
  } else if (a) {
    p.Add("active", Msg("field.not_boolean", "must be true or false"));
  }
  return out;
}

}  // namespace sqm::json
