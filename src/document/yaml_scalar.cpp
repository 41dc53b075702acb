// SPDX-License-Identifier: MIT
#include "document/yaml_scalar.hpp"

#include "base/describe.hpp"
#include "document/yaml_to_json.hpp"  // quoted_for_message()

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <system_error>
#include <utility>

namespace fmkit {

namespace {

using json = nlohmann::json;

constexpr std::string_view k_yaml_tag_prefix = "tag:yaml.org,2002:";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = base == 8    ? (c >= '0' && c <= '7')
              : base == 10 ? is_digit(c)
                           : (is_digit(c) || (c >= 'a' && c <= 'f') ||
                              (c >= 'A' && c <= 'F'));
    if (!ok) return false;
  }
  return true;
}

bool is_core_null(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> core_bool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

// Stores a non-negative integer as int64 when it fits, else as uint64.
json unsigned_number(uint64_t value) {
  if (value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return json(static_cast<int64_t>(value));
  }
  return json(value);
}

// Reads `digits` (valid for `base`) as a double, for values past uint64.
double digits_as_double(std::string_view digits, int base) {
  double value = 0;
  for (char c : digits) {
    int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    value = value * base + d;
  }
  return value;
}

bool is_special_float(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    body.remove_prefix(1);
    return body == ".inf" || body == ".Inf" || body == ".INF";
  }
  return body == ".inf" || body == ".Inf" || body == ".INF" || body == ".nan" ||
         body == ".NaN" || body == ".NAN";
}

// Whether `s` matches the core float pattern
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0;
  while (i < n && is_digit(s[i])) ++i, ++int_digits;
  if (int_digits == 0) {
    if (i >= n || s[i] != '.') return false;
    ++i;
    size_t frac = 0;
    while (i < n && is_digit(s[i])) ++i, ++frac;
    if (frac == 0) return false;
  } else if (i < n && s[i] == '.') {
    ++i;
    while (i < n && is_digit(s[i])) ++i;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < n && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == n;
}

}  // namespace

// JSON has one number type: 450.00 and 450 are the same number (JSON Schema
// draft 6 and later call both integers). A float with no fractional part is
// stored as an integer when it is exact (|v| <= 2^53), so it prints and
// compares as the canonical JSON number; other floats stay doubles.
json number_from_double(double value) {
  constexpr double k_exact = 9007199254740992.0;  // 2^53
  if (value >= -k_exact && value <= k_exact &&
      value == static_cast<double>(static_cast<int64_t>(value))) {
    return json(static_cast<int64_t>(value));
  }
  return json(value);
}

namespace {

enum class FloatRead { no, finite, non_finite };

// Reads a core float (not an int, not .inf/.nan) into `out`. A value too
// large for a double is `non_finite`; one too small becomes a signed zero.
FloatRead read_core_float(std::string_view s, json& out) {
  if (!is_core_float(s)) return FloatRead::no;
  std::string_view body = s;
  if (!body.empty() && body[0] == '+') body.remove_prefix(1);
  double value = 0;
  auto [ptr, ec] =
      std::from_chars(body.data(), body.data() + body.size(), value);
  if (ec == std::errc::result_out_of_range) {
    size_t e = s.find_first_of("eE");
    if (e != std::string_view::npos && e + 1 < s.size() && s[e + 1] == '-') {
      out = 0;  // underflow
      return FloatRead::finite;
    }
    return FloatRead::non_finite;
  }
  if (ec != std::errc()) return FloatRead::no;
  out = number_from_double(value);
  return FloatRead::finite;
}

// Reads `text` as a core float into `out` (.inf and .nan kept as the
// string); std::nullopt when it is not one.
std::optional<Resolution> resolve_float(std::string_view text, json& out) {
  if (is_special_float(text)) {
    out = text;
    return Resolution::non_finite;
  }
  switch (read_core_float(text, out)) {
    case FloatRead::finite:
      return Resolution::ok;
    case FloatRead::non_finite:
      out = text;
      return Resolution::non_finite;
    case FloatRead::no:
      break;
  }
  return std::nullopt;
}

}  // namespace

TagKind classify_tag(std::string_view tag) {
  if (tag == "!") return TagKind::non_specific;
  if (!tag.starts_with(k_yaml_tag_prefix)) return TagKind::other;
  tag.remove_prefix(k_yaml_tag_prefix.size());
  if (tag == "str") return TagKind::str;
  if (tag == "int") return TagKind::int_;
  if (tag == "float") return TagKind::float_;
  if (tag == "bool") return TagKind::bool_;
  if (tag == "null") return TagKind::null_;
  return TagKind::other;
}

bool is_known_tag(std::string_view tag) {
  static constexpr std::string_view k_types[] = {
      "str", "int",  "float", "bool", "null", "binary", "timestamp",
      "set", "omap", "pairs", "seq",  "map",  "merge",  "value"};
  if (tag == "!") return true;
  if (!tag.starts_with(k_yaml_tag_prefix)) return false;
  tag.remove_prefix(k_yaml_tag_prefix.size());
  return std::find(std::begin(k_types), std::end(k_types), tag) !=
         std::end(k_types);
}

std::string_view tag_name(TagKind tag) {
  switch (tag) {
    case TagKind::int_:
      return "!!int";
    case TagKind::float_:
      return "!!float";
    case TagKind::bool_:
      return "!!bool";
    case TagKind::null_:
      return "!!null";
    default:
      return "!!str";
  }
}

// Types a scalar from its text, style and tag (see the header). On
// `non_finite` the value is the text as a string.
Resolution resolve_scalar(std::string_view text, ScalarStyle style, TagKind tag,
                          json& out) {
  switch (tag) {
    case TagKind::str:
    case TagKind::non_specific:
      out = text;
      return Resolution::ok;
    case TagKind::null_:
      if (!is_core_null(text)) return Resolution::bad_tag;
      out = nullptr;
      return Resolution::ok;
    case TagKind::bool_: {
      auto b = core_bool(text);
      if (!b) return Resolution::bad_tag;
      out = *b;
      return Resolution::ok;
    }
    case TagKind::int_: {
      auto i = core_int(text);
      if (!i) return Resolution::bad_tag;
      out = std::move(*i);
      return Resolution::ok;
    }
    case TagKind::float_: {
      if (auto i = core_int(text)) {
        out = number_from_double(i->get<double>());
        return Resolution::ok;
      }
      return resolve_float(text, out).value_or(Resolution::bad_tag);
    }
    case TagKind::none:
    case TagKind::other:
      break;
  }
  if (style != ScalarStyle::plain) {
    out = text;
    return Resolution::ok;
  }
  if (text.empty()) {
    out = nullptr;
    return Resolution::ok;
  }
  // Cheap first-byte filter: most plain scalars are words.
  const char c = text[0];
  if (c == 'n' || c == 'N' || c == '~') {
    if (is_core_null(text)) {
      out = nullptr;
      return Resolution::ok;
    }
  } else if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
    if (auto b = core_bool(text)) {
      out = *b;
      return Resolution::ok;
    }
  } else if (is_digit(c) || c == '-' || c == '+' || c == '.') {
    if (auto i = core_int(text)) {
      out = std::move(*i);
      return Resolution::ok;
    }
    if (auto resolution = resolve_float(text, out)) return *resolution;
  }
  out = text;
  return Resolution::ok;
}

// Returns the value of a core-schema int (`[-+]?[0-9]+`, `0o[0-7]+`,
// `0x[0-9a-fA-F]+`), or std::nullopt when `s` is not one.
std::optional<json> core_int(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    const int base = s[1] == 'o' ? 8 : 16;
    std::string_view digits = s.substr(2);
    if (!all_digits(digits, base)) return std::nullopt;
    uint64_t value = 0;
    auto [ptr, ec] = std::from_chars(
        digits.data(), digits.data() + digits.size(), value, base);
    if (ec == std::errc::result_out_of_range) {
      return json(digits_as_double(digits, base));
    }
    return unsigned_number(value);
  }
  bool negative = false;
  std::string_view digits = s;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (!all_digits(digits, 10)) return std::nullopt;
  uint64_t magnitude = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(),
                                   magnitude, 10);
  if (ec == std::errc::result_out_of_range) {
    double value = digits_as_double(digits, 10);
    return json(negative ? -value : value);
  }
  if (!negative) return unsigned_number(magnitude);
  constexpr uint64_t k_min_magnitude = uint64_t{1} << 63;
  if (magnitude < k_min_magnitude) {
    return json(-static_cast<int64_t>(magnitude));
  }
  if (magnitude == k_min_magnitude) {
    return json(std::numeric_limits<int64_t>::min());
  }
  return json(-static_cast<double>(magnitude));
}

bool is_core_string(std::string_view text) {
  json value;
  return resolve_scalar(text, ScalarStyle::plain, TagKind::none, value) ==
             Resolution::ok &&
         value.is_string();
}

std::string non_finite_message(std::string_view text) {
  std::string_view what = "too large for a JSON number";
  if (is_special_float(text)) {
    what =
        text.ends_with("nan") || text.ends_with("NaN") || text.ends_with("NAN")
            ? "NaN (not a number), which JSON cannot hold"
            : "infinity, which JSON cannot hold";
  }
  return quoted_for_message(text) + " is " + std::string(what) +
         "; it is kept as the string \"" + shorten(text) + "\"";
}

namespace {

bool is_white(char c) { return c == ' ' || c == '\t'; }

// Appends `line` with each "''" made one quote.
void append_unescaped(std::string& out, std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    out += line[i];
    if (line[i] == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
  }
}

}  // namespace

std::string single_quoted_value(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t empty_lines = 0;
  for (size_t begin = 0, line_number = 0;; ++line_number) {
    size_t end = raw.find_first_of("\r\n", begin);
    const bool last = end == std::string_view::npos;
    std::string_view line =
        raw.substr(begin, last ? raw.size() - begin : end - begin);
    if (line_number > 0) {
      while (!line.empty() && is_white(line.front())) line.remove_prefix(1);
    }
    if (!last) {
      while (!line.empty() && is_white(line.back())) line.remove_suffix(1);
    }
    if (line_number > 0 && line.empty() && !last) {
      ++empty_lines;
    } else {
      if (line_number > 0) {
        out += empty_lines > 0 ? std::string(empty_lines, '\n') : " ";
      }
      empty_lines = 0;
      append_unescaped(out, line);
    }
    if (last) return out;
    // "\r\n" is one break.
    begin = raw.compare(end, 2, "\r\n") == 0 ? end + 2 : end + 1;
  }
}

}  // namespace fmkit
