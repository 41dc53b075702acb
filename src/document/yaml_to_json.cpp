// SPDX-License-Identifier: MIT
#include "document/yaml_to_json.hpp"

#include "base/json_pointer.hpp"

#include <libfyaml.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace fmkit {

namespace {

using json = nlohmann::json;

constexpr std::string_view k_yaml_tag_prefix = "tag:yaml.org,2002:";

// ---------------------------------------------------------------------------
// UTF-8

// Returns the offset of the first byte of `text` that does not start a
// well-formed UTF-8 sequence (overlong forms, surrogates and code points
// past U+10FFFF are ill-formed), or npos.
size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > n) return i;
    if (s[i + 1] < low || s[i + 1] > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Scalar typing: the YAML 1.2 core schema.

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

enum class TagKind {
  none,
  str,
  int_,
  float_,
  bool_,
  null_,
  non_specific,
  other
};

TagKind classify_tag(fy_token* tag) {
  if (tag == nullptr) return TagKind::none;
  size_t length = 0;
  const char* text = fy_token_get_text(tag, &length);
  if (text == nullptr) return TagKind::other;
  std::string_view t(text, length);
  if (t == "!") return TagKind::non_specific;
  if (!t.starts_with(k_yaml_tag_prefix)) return TagKind::other;
  t.remove_prefix(k_yaml_tag_prefix.size());
  if (t == "str") return TagKind::str;
  if (t == "int") return TagKind::int_;
  if (t == "float") return TagKind::float_;
  if (t == "bool") return TagKind::bool_;
  if (t == "null") return TagKind::null_;
  return TagKind::other;
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

enum class Resolution { ok, non_finite, bad_tag };

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

// Types a scalar from its text, style and tag (see the header). On
// `non_finite` the value is the text as a string.
Resolution resolve_scalar(std::string_view text, bool plain, TagKind tag,
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
  if (!plain) {
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

// ---------------------------------------------------------------------------
// YAML 1.1 differences. Each message quotes the value, says how YAML 1.2
// and YAML 1.1 read it, names readers that use YAML 1.1 and suggests a fix.

struct Yaml11Warning {
  std::string_view rule;
  std::string message;
};

std::string format_number(double value) {
  char buffer[64];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, ptr) : std::string("?");
}

// "'v' is <in_12> in YAML 1.2 but <in_11> in YAML 1.1 (<readers>); <fix>"
std::string difference_message(std::string_view value, std::string_view in_12,
                               std::string_view in_11, std::string_view readers,
                               std::string_view fix) {
  std::string m = single_quoted(value);
  m += " is ";
  m += in_12;
  m += " in YAML 1.2 but ";
  m += in_11;
  m += " in YAML 1.1 (";
  m += readers;
  m += "); ";
  m += fix;
  return m;
}

std::string as_string_phrase(std::string_view value) {
  std::string s = "the string \"";
  s += value;
  s += '"';
  return s;
}

std::string keep_string_fix(std::string_view value) {
  return "quote it to keep a string: " + single_quoted(value);
}

std::optional<Yaml11Warning> yaml11_bool(std::string_view s) {
  static constexpr std::string_view k_true[] = {"y",   "Y",  "yes", "Yes",
                                                "YES", "on", "On",  "ON"};
  static constexpr std::string_view k_false[] = {"n",  "N",   "no",  "No",
                                                 "NO", "off", "Off", "OFF"};
  bool value;
  if (std::find(std::begin(k_true), std::end(k_true), s) != std::end(k_true)) {
    value = true;
  } else if (std::find(std::begin(k_false), std::end(k_false), s) !=
             std::end(k_false)) {
    value = false;
  } else {
    return std::nullopt;
  }
  // PyYAML and Ruby's Psych (Jekyll) read yes/no/on/off; only the YAML 1.1
  // spec's own list, as go-yaml v2 implements it, has y and n.
  std::string_view readers = s.size() == 1 ? "go-yaml v2" : "PyYAML, Jekyll";
  return Yaml11Warning{
      "yaml11-bool",
      difference_message(s, as_string_phrase(s),
                         value ? "the boolean true" : "the boolean false",
                         readers, keep_string_fix(s))};
}

// [-+]?0[0-9_]+ (leading zero) and 0o[0-7]+ (1.2-only octal).
std::optional<Yaml11Warning> yaml11_octal(std::string_view s) {
  constexpr std::string_view k_readers = "PyYAML, Jekyll";
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o' &&
      all_digits(s.substr(2), 8)) {
    auto v = core_int(s);
    if (!v || !v->is_number_integer()) return std::nullopt;
    std::string number = v->dump();
    return Yaml11Warning{
        "yaml11-octal",
        difference_message(
            s, "the integer " + number, as_string_phrase(s), k_readers,
            "write " + number + " or quote it: " + single_quoted(s))};
  }
  std::string_view body = s;
  std::string_view sign;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    sign = body.substr(0, 1);
    body.remove_prefix(1);
  }
  if (body.size() < 2 || body[0] != '0') return std::nullopt;
  bool octal_11 = true;    // 1.1: [-+]?0[0-7_]+
  bool decimal_12 = true;  // 1.2: [-+]?[0-9]+
  for (char c : body) {
    if (c == '_') {
      decimal_12 = false;
    } else if (c == '8' || c == '9') {
      octal_11 = false;
    } else if (!is_digit(c)) {
      return std::nullopt;
    }
  }
  if (!octal_11 && !decimal_12) return std::nullopt;  // a string in both
  if (body.size() > 22) return std::nullopt;          // no sane value
  uint64_t v11 = 0;
  uint64_t v12 = 0;
  for (char c : body) {
    if (c == '_') continue;
    v11 = v11 * 8 + static_cast<uint64_t>(c - '0');
    v12 = v12 * 10 + static_cast<uint64_t>(c - '0');
  }
  std::string n11 = std::string(sign == "-" ? "-" : "") + std::to_string(v11);
  std::string n12 = std::string(sign == "-" ? "-" : "") + std::to_string(v12);
  if (octal_11 && decimal_12) {
    if (v11 == v12) return std::nullopt;  // 00, 07: same number either way
    return Yaml11Warning{
        "yaml11-octal",
        difference_message(
            s, "the integer " + n12, "the integer " + n11 + " (octal)",
            k_readers, "write " + n12 + " or quote it: " + single_quoted(s))};
  }
  if (octal_11) {  // has '_': a string in 1.2
    return Yaml11Warning{"yaml11-octal",
                         difference_message(s, as_string_phrase(s),
                                            "the integer " + n11 + " (octal)",
                                            k_readers, keep_string_fix(s))};
  }
  return Yaml11Warning{
      // 08, 09: not octal, so a string in 1.1
      "yaml11-octal",
      difference_message(s, "the integer " + n12, as_string_phrase(s),
                         k_readers,
                         "write " + n12 + " or quote it: " + single_quoted(s))};
}

// YAML 1.1 base 60: [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+ for ints and
// [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* for floats.
std::optional<Yaml11Warning> yaml11_sexagesimal(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  bool negative = false;
  if (i < n && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (i >= n || !is_digit(s[i])) return std::nullopt;
  const bool leading_zero = s[i] == '0';
  double value = 0;
  while (i < n && (is_digit(s[i]) || s[i] == '_')) {
    if (s[i] != '_') value = value * 10 + (s[i] - '0');
    ++i;
  }
  size_t groups = 0;
  while (i < n && s[i] == ':') {
    ++i;
    size_t start = i;
    while (i < n && is_digit(s[i]) && i - start < 2) ++i;
    size_t length = i - start;
    if (length == 0) return std::nullopt;
    if (length == 2 && s[start] > '5') return std::nullopt;
    double group = length == 1 ? s[start] - '0'
                               : (s[start] - '0') * 10 + (s[start + 1] - '0');
    value = value * 60 + group;
    ++groups;
  }
  if (groups == 0) return std::nullopt;
  bool is_float = false;
  if (i < n && s[i] == '.') {
    is_float = true;
    ++i;
    double scale = 0.1;
    while (i < n && (is_digit(s[i]) || s[i] == '_')) {
      if (s[i] != '_') {
        value += (s[i] - '0') * scale;
        scale /= 10;
      }
      ++i;
    }
  }
  if (i != n) return std::nullopt;
  if (!is_float && leading_zero) return std::nullopt;
  if (negative) value = -value;
  std::string in_11 = is_float ? "the float " + format_number(value)
                               : "the integer " + format_number(value);
  in_11 += " (base 60)";
  return Yaml11Warning{
      "yaml11-sexagesimal",
      difference_message(s, as_string_phrase(s), in_11, "PyYAML, Jekyll",
                         keep_string_fix(s))};
}

size_t count_digits(std::string_view s, size_t& i, size_t max) {
  size_t start = i;
  while (i < s.size() && i - start < max && is_digit(s[i])) ++i;
  return i - start;
}

// YAML 1.1 timestamp: [0-9]{4}-[0-9]{2}-[0-9]{2} (a date) or
// [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}
// (\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?
std::optional<Yaml11Warning> yaml11_timestamp(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  if (count_digits(s, i, 4) != 4 || i >= n || s[i++] != '-') {
    return std::nullopt;
  }
  size_t month = count_digits(s, i, 2);
  if (month == 0 || i >= n || s[i++] != '-') return std::nullopt;
  size_t day = count_digits(s, i, 2);
  if (day == 0) return std::nullopt;
  bool date_only = i == n;
  if (date_only) {
    if (month != 2 || day != 2) return std::nullopt;
  } else {
    if (s[i] == 'T' || s[i] == 't') {
      ++i;
    } else if (s[i] == ' ' || s[i] == '\t') {
      while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
    } else {
      return std::nullopt;
    }
    if (count_digits(s, i, 2) == 0 || i >= n || s[i++] != ':') {
      return std::nullopt;
    }
    if (count_digits(s, i, 2) != 2 || i >= n || s[i++] != ':') {
      return std::nullopt;
    }
    if (count_digits(s, i, 2) != 2) return std::nullopt;
    if (i < n && s[i] == '.') {
      ++i;
      while (i < n && is_digit(s[i])) ++i;
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i < n) {
      if (s[i] == 'Z') {
        ++i;
      } else if (s[i] == '-' || s[i] == '+') {
        ++i;
        if (count_digits(s, i, 2) == 0) return std::nullopt;
        if (i < n && s[i] == ':') {
          ++i;
          if (count_digits(s, i, 2) != 2) return std::nullopt;
        }
      } else {
        return std::nullopt;
      }
    }
    if (i != n) return std::nullopt;
  }
  return Yaml11Warning{
      "yaml11-timestamp",
      difference_message(s, as_string_phrase(s),
                         date_only ? "a date" : "a timestamp",
                         "PyYAML, Jekyll, js-yaml", keep_string_fix(s))};
}

// Returns the YAML 1.1 warning for an untagged plain scalar, if any.
std::optional<Yaml11Warning> yaml11_difference(std::string_view s) {
  if (s.empty() || s.size() > 64) return std::nullopt;
  const char c = s[0];
  if (is_digit(c) || c == '-' || c == '+') {
    if (auto w = yaml11_octal(s)) return w;
    if (auto w = yaml11_timestamp(s)) return w;
    return yaml11_sexagesimal(s);
  }
  if (s.size() <= 3) return yaml11_bool(s);
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// libfyaml plumbing.

// fy_diag_destroy(), not fy_diag_unref(): in libfyaml 0.7 only destroy
// frees the collected errors (and the tokens they hold). It must run after
// the parser's own reference is gone, so the parser is destroyed first.
struct DiagDeleter {
  void operator()(fy_diag* diag) const { fy_diag_destroy(diag); }
};
struct ParserDeleter {
  void operator()(fy_parser* parser) const { fy_parser_destroy(parser); }
};

// libfyaml 0.7 (Debian 12) frees a simple key twice when a tab before a
// block indicator follows a ':' (`? -:<tab>-`; upstream issue #57, fixed
// later): the parser's cleanup then crashes. Returns whether the error that
// follows the double free was reported.
bool hits_double_free(fy_diag* diag) {
  void* iter = nullptr;
  while (fy_diag_error* e = fy_diag_errors_iterate(diag, &iter)) {
    if (e->msg != nullptr &&
        std::strstr(e->msg, "cannot use tab for indentation of block entry")) {
      return true;
    }
  }
  return false;
}

// Leaves a parser undestroyed (a few KB, only for the input above) rather
// than crash the process; LeakSanitizer is told it is deliberate.
void abandon(fy_parser* parser) {
#if defined(__SANITIZE_ADDRESS__)
  __lsan_ignore_object(parser);
#else
  (void)parser;
#endif
}

// libfyaml's diagnostics object prints through this when it prints at all;
// the core never writes to the terminal.
void discard_output(fy_diag*, void*, const char*, size_t) {}

// Turns a libfyaml message into our style: lower-case start, no final
// period.
std::string tidy_message(std::string_view message) {
  while (!message.empty() && (message.back() == '.' || message.back() == ' ' ||
                              message.back() == '\n')) {
    message.remove_suffix(1);
  }
  std::string out(message);
  if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' &&
      !(out[1] >= 'A' && out[1] <= 'Z')) {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  if (out.empty()) out = "invalid YAML";
  return out;
}

ScalarStyle to_style(fy_scalar_style style) {
  switch (style) {
    case FYSS_SINGLE_QUOTED:
      return ScalarStyle::single_quoted;
    case FYSS_DOUBLE_QUOTED:
      return ScalarStyle::double_quoted;
    case FYSS_LITERAL:
      return ScalarStyle::literal;
    case FYSS_FOLDED:
      return ScalarStyle::folded;
    default:
      return ScalarStyle::plain;
  }
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Appends "/" + `token` (escaped for a JSON Pointer) to `pointer`.
void append_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  if (token.find_first_of("~/") == std::string_view::npos) {
    pointer += token;
  } else {
    pointer += escape_pointer_token(token);
  }
}

std::string token_string(fy_token* token) {
  size_t length = 0;
  const char* text = token ? fy_token_get_text(token, &length) : nullptr;
  return text ? std::string(text, length) : std::string();
}

// ---------------------------------------------------------------------------
// The converter: one pass over libfyaml's events, building JSON values with
// an explicit stack (no recursion, so depth costs heap, not stack).

enum class Mode { document, stream };

struct Anchor {
  json value;
  std::string text;  // a scalar's text as written, for use as a key
  NodeKind kind = NodeKind::scalar;
  bool complete = false;
  size_t nodes = 1;   // nodes in the anchored subtree, aliases expanded
  size_t bytes = 0;   // scalar bytes in it
  size_t height = 0;  // collection levels in it: 0 for a scalar
};

struct Frame {
  json value;
  NodeInfo info;
  std::string pointer;
  std::string anchor;               // the anchor's name; empty when none
  size_t entry = NodeInfo::k_none;  // index in the PositionMap
  size_t nodes_before = 0;
  size_t bytes_before = 0;
  size_t height = 1;
  size_t last_end = 0;   // end of the last child so far
  bool tracked = false;  // has positions (not inside a key, not a duplicate)
  bool in_key = false;   // this collection is, or is inside, a mapping key
  bool anchored = false;
  bool has_children = false;
  bool braced = false;  // written with "[" / "{" (so it ends with "]" / "}")
  // Mappings: the key waiting for its value.
  bool have_key = false;
  std::string key;
  size_t key_begin = 0;
  size_t key_end = 0;
};

enum class Slot { root, item, key, value };

class Converter {
 public:
  Converter(std::string_view text, size_t begin, size_t end,
            const LineIndex& lines, const YamlOptions& options, Mode mode,
            std::vector<Diagnostic>& diagnostics, PositionMap* positions)
      : m_text(text),
        m_begin(begin),
        m_end(end),
        m_lines(lines),
        m_options(options),
        m_mode(mode),
        m_diagnostics(diagnostics),
        m_positions(positions),
        m_last_end(begin) {}

  // Runs the parse; returns false when an error was reported.
  bool run();

  std::vector<json>& documents() { return m_documents; }

 private:
  // Diagnostics.
  void report(Severity severity, std::string_view rule, std::string message,
              size_t begin, size_t end, std::string pointer = {});
  void error(std::string_view rule, std::string message, size_t begin,
             size_t end, std::string pointer = {}) {
    m_failed = true;
    report(Severity::error, rule, std::move(message), begin, end,
           std::move(pointer));
  }
  void stop(std::string_view rule, std::string message, size_t begin,
            size_t end) {
    error(rule, std::move(message), begin, end);
    m_stop = true;
  }
  void collect_libfyaml_errors(fy_diag* diag);

  // Events.
  void on_event(fy_event* event);
  void on_document_start(fy_event* event);
  void on_document_end();
  void on_scalar(fy_event* event);
  void on_alias(fy_event* event);
  void on_collection_start(fy_event* event, NodeKind kind);
  void on_collection_end(fy_event* event);

  // Helpers.
  Slot next_slot() const;
  bool count_node(size_t nodes, size_t bytes, size_t begin, size_t end);
  size_t offset(const fy_mark* mark) const {
    return std::min(m_begin + mark->input_pos, m_end);
  }
  size_t token_end(fy_token* token) const;
  Anchor& register_anchor_start(const std::string& name, NodeKind kind);
  // Starts a node in `slot` (not a key): computes its pointer, checks for a
  // duplicate key and records its position. Returns whether it is tracked.
  bool begin_value(Slot slot, NodeInfo& info, std::string& pointer,
                   size_t& entry);
  void place_value(Slot slot, json&& value, size_t end);
  void set_key(std::string key, size_t begin, size_t end);
  void complex_key(std::string_view what, size_t begin, size_t end);
  size_t empty_position(Slot slot, size_t lower_bound, bool has_properties);
  size_t block_header(size_t lower_bound, size_t content_begin) const;
  size_t block_end(size_t header_end, size_t end) const;
  std::string_view scalar_text(fy_token* token, fy_scalar_style style,
                               const fy_mark* start, const fy_mark* end);
  bool tracked_context() const {
    return m_positions != nullptr &&
           (m_stack.empty() ||
            (m_stack.back().tracked && !m_stack.back().in_key));
  }
  bool in_key_context() const {
    return !m_stack.empty() && m_stack.back().in_key;
  }

  std::string_view m_text;
  size_t m_begin;
  size_t m_end;
  const LineIndex& m_lines;
  const YamlOptions& m_options;
  Mode m_mode;
  std::vector<Diagnostic>& m_diagnostics;
  PositionMap* m_positions;

  std::vector<Frame> m_stack;
  std::unordered_map<std::string, Anchor> m_anchors;
  std::vector<json> m_documents;
  json m_root;
  bool m_have_root = false;
  size_t m_document_count = 0;
  bool m_second_document = false;  // report at the next event with a mark
  size_t m_nodes = 0;
  size_t m_bytes = 0;
  size_t m_held_nodes = 0;  // nodes kept in anchor copies
  size_t m_held_bytes = 0;
  size_t m_last_end;
  bool m_failed = false;
  bool m_stop = false;
};

void Converter::report(Severity severity, std::string_view rule,
                       std::string message, size_t begin, size_t end,
                       std::string pointer) {
  Diagnostic d;
  d.severity = severity;
  d.rule = std::string(rule);
  d.message = std::move(message);
  d.pointer = std::move(pointer);
  d.span = m_lines.span(begin, std::max(begin, end));
  m_diagnostics.push_back(std::move(d));
}

bool Converter::run() {
  if (m_end - m_begin > m_options.max_bytes) {
    error("yaml.limit",
          "the YAML text is " + std::to_string(m_end - m_begin) +
              " bytes, over the limit of " +
              std::to_string(m_options.max_bytes),
          m_begin, m_begin);
    return false;
  }
  const std::string_view slice = m_text.substr(m_begin, m_end - m_begin);
  if (size_t bad = find_invalid_utf8(slice); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x",
                  static_cast<unsigned char>(slice[bad]));
    error("yaml.utf8",
          std::string("invalid UTF-8 byte ") + hex + "; the text must be UTF-8",
          m_begin + bad, m_begin + bad + 1);
    return false;
  }

  fy_diag_cfg diag_cfg;
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = nullptr;
  diag_cfg.output_fn = &discard_output;
  diag_cfg.colorize = false;
  std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&diag_cfg));
  if (!diag) {
    error("yaml.syntax", "cannot create a YAML parser", m_begin, m_begin);
    return false;
  }
  fy_diag_set_collect_errors(diag.get(), true);

  if (m_positions) {
    // About one node per line; a good first guess saves regrowing.
    size_t lines = 8;
    for (const char* p = slice.data();
         const void* nl = std::memchr(
             p, '\n', static_cast<size_t>(slice.data() + slice.size() - p));
         p = static_cast<const char*>(nl) + 1) {
      ++lines;
    }
    m_positions->reserve(lines);
  }
  m_stack.reserve(16);

  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(
      FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
  cfg.diag = diag.get();
  std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
  if (!parser ||
      fy_parser_set_string(parser.get(), slice.data(), slice.size()) != 0) {
    error("yaml.syntax", "cannot create a YAML parser", m_begin, m_begin);
    return false;
  }

  while (fy_event* event = fy_parser_parse(parser.get())) {
    on_event(event);
    fy_parser_event_free(parser.get(), event);
    if (m_stop) break;
  }
  if (!m_stop && fy_diag_got_error(diag.get())) {
    collect_libfyaml_errors(diag.get());
    if (hits_double_free(diag.get())) abandon(parser.release());
  }
  return !m_failed;
}

void Converter::collect_libfyaml_errors(fy_diag* diag) {
  void* iter = nullptr;
  size_t count = 0;
  while (fy_diag_error* e = fy_diag_errors_iterate(diag, &iter)) {
    if (e->type != FYET_ERROR) continue;
    size_t begin = m_begin;
    size_t end = m_begin;
    const fy_mark* start = e->fyt ? fy_token_start_mark(e->fyt) : nullptr;
    if (start != nullptr) {
      begin = offset(start);
      const fy_mark* stop_mark = fy_token_end_mark(e->fyt);
      end = stop_mark ? std::max(begin, offset(stop_mark)) : begin;
      // An unclosed quoted scalar is reported just past its opening quote
      // (the token is an input marker, so only the message tells); show it
      // at the quote.
      std::string_view message = e->msg ? e->msg : "";
      char quote = message.find("double-quoted scalar") != message.npos ? '"'
                   : message.find("single-quoted scalar") != message.npos
                       ? '\''
                       : '\0';
      if (quote != '\0' && begin > m_begin && m_text[begin - 1] == quote) {
        --begin;
      }
      // A multi-line token is shown by its first line only.
      size_t newline = m_text.find('\n', begin);
      if (newline != std::string_view::npos && newline < end) end = newline;
    } else if (e->line > 0) {
      // 1-based line and column, relative to the slice; columns count code
      // points.
      begin = m_begin;
      for (int line = 1; line < e->line && begin < m_end; ++line) {
        size_t newline = m_text.find('\n', begin);
        if (newline == std::string_view::npos || newline >= m_end) {
          begin = m_end;
          break;
        }
        begin = newline + 1;
      }
      for (int column = 1;
           column < e->column && begin < m_end && m_text[begin] != '\n';
           ++column) {
        ++begin;
        while (begin < m_end &&
               (static_cast<unsigned char>(m_text[begin]) & 0xC0) == 0x80) {
          ++begin;
        }
      }
      end = begin;
    }
    std::string message = tidy_message(e->msg ? e->msg : "");
    // libfyaml words tab indentation four ways (one misspelt); say it one
    // clear way, at the first tab of the line's indentation.
    if (message.find("tab") != std::string::npos &&
        (message.find("indent") != std::string::npos ||
         message.find("indendation") != std::string::npos)) {
      message = "tab character used as indentation; indent with spaces";
      size_t line_start = m_text.rfind('\n', begin > 0 ? begin - 1 : 0);
      line_start = line_start == std::string_view::npos || begin == 0
                       ? 0
                       : line_start + 1;
      line_start = std::max(line_start, m_begin);
      for (size_t i = line_start; i < m_end && is_blank(m_text[i]); ++i) {
        if (m_text[i] == '\t') {
          begin = i;
          end = i + 1;
          break;
        }
      }
    }
    // Give an empty span one character, so that renderers can underline it.
    if (end == begin && begin < m_end && m_text[begin] != '\n' &&
        m_text[begin] != '\r') {
      ++end;
      while (end < m_end &&
             (static_cast<unsigned char>(m_text[end]) & 0xC0) == 0x80) {
        ++end;
      }
    }
    error("yaml.syntax", std::move(message), begin, end);
    ++count;
  }
  if (count == 0) {
    error("yaml.syntax", "invalid YAML", m_last_end, m_last_end);
  }
}

void Converter::on_event(fy_event* event) {
  if (m_second_document) {
    const fy_mark* mark = fy_event_start_mark(event);
    if (mark != nullptr || event->type == FYET_DOCUMENT_END ||
        event->type == FYET_STREAM_END) {
      size_t at = mark ? offset(mark) : m_last_end;
      stop("yaml.multiple-documents",
           "a second YAML document starts here; front matter holds one "
           "document",
           at, at);
      return;
    }
  }
  switch (event->type) {
    case FYET_DOCUMENT_START:
      on_document_start(event);
      break;
    case FYET_DOCUMENT_END:
      on_document_end();
      break;
    case FYET_SCALAR:
      on_scalar(event);
      break;
    case FYET_ALIAS:
      on_alias(event);
      break;
    case FYET_SEQUENCE_START:
      on_collection_start(event, NodeKind::sequence);
      break;
    case FYET_MAPPING_START:
      on_collection_start(event, NodeKind::mapping);
      break;
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END:
      on_collection_end(event);
      break;
    default:
      break;
  }
}

void Converter::on_document_start(fy_event* event) {
  ++m_document_count;
  if (m_mode == Mode::document && m_document_count > 1) {
    fy_token* token = event->document_start.document_start;
    const fy_mark* mark = token ? fy_token_start_mark(token) : nullptr;
    if (mark != nullptr) {
      size_t at = offset(mark);
      stop("yaml.multiple-documents",
           "a second YAML document starts here; front matter holds one "
           "document",
           at, token_end(token));
    } else {
      m_second_document = true;
    }
    return;
  }
  if (fy_token* token = event->document_start.document_start) {
    m_last_end = std::max(m_last_end, token_end(token));
  }
  // Pointers start over in each document of a stream.
  if (m_document_count > 1 && m_positions) *m_positions = PositionMap();
  m_have_root = false;
  m_root = nullptr;
  m_anchors.clear();
}

void Converter::on_document_end() {
  m_documents.push_back(m_have_root ? std::move(m_root) : json());
  m_have_root = false;
  m_root = nullptr;
}

size_t Converter::token_end(fy_token* token) const {
  const fy_mark* mark = token ? fy_token_end_mark(token) : nullptr;
  return mark ? offset(mark) : m_last_end;
}

Slot Converter::next_slot() const {
  if (m_stack.empty()) return Slot::root;
  const Frame& top = m_stack.back();
  if (top.info.kind == NodeKind::sequence) return Slot::item;
  return top.have_key ? Slot::value : Slot::key;
}

bool Converter::count_node(size_t nodes, size_t bytes, size_t begin,
                           size_t end) {
  m_nodes += nodes;
  m_bytes += bytes;
  if (m_nodes > m_options.max_nodes) {
    stop("yaml.limit",
         "more than " + std::to_string(m_options.max_nodes) +
             " nodes after expanding aliases",
         begin, end);
    return false;
  }
  if (m_bytes > m_options.max_expanded_bytes) {
    stop("yaml.limit",
         "more than " + std::to_string(m_options.max_expanded_bytes) +
             " bytes of text after expanding aliases",
         begin, end);
    return false;
  }
  return true;
}

Anchor& Converter::register_anchor_start(const std::string& name,
                                         NodeKind kind) {
  // A redefined anchor replaces the old one from here on.
  Anchor& a = m_anchors[name];
  a = Anchor{};
  a.kind = kind;
  return a;
}

bool Converter::begin_value(Slot slot, NodeInfo& info, std::string& pointer,
                            size_t& entry) {
  bool tracked = tracked_context();
  if (slot == Slot::value) {
    Frame& top = m_stack.back();
    info.has_key = true;
    info.key_begin = top.key_begin;
    info.key_end = top.key_end;
    if (!top.in_key && m_options.keys == MappingKeys::strict &&
        top.value.contains(top.key)) {
      std::string where =
          top.tracked ? append_pointer(top.pointer, top.key) : std::string();
      const NodeInfo* first =
          m_positions && top.tracked ? m_positions->find(where) : nullptr;
      std::string message = "duplicate key " + single_quoted(top.key);
      if (first != nullptr && first->key_begin != NodeInfo::k_none) {
        SourcePos pos = m_lines.at(first->key_begin);
        message += " (first at line " + std::to_string(pos.line) + ", column " +
                   std::to_string(pos.column) + ")";
      }
      error("yaml.duplicate-key", std::move(message), top.key_begin,
            top.key_end, std::move(where));
      tracked = false;
    }
  }
  if (!tracked) return false;
  switch (slot) {
    case Slot::root:
      pointer.clear();
      break;
    case Slot::item: {
      const Frame& top = m_stack.back();
      char digits[24];
      auto [end, ec] =
          std::to_chars(digits, digits + sizeof digits, top.value.size());
      pointer.reserve(top.pointer.size() + 1 + (end - digits));
      pointer = top.pointer;
      append_token(pointer, std::string_view(digits, end - digits));
      break;
    }
    case Slot::value: {
      const Frame& top = m_stack.back();
      pointer.reserve(top.pointer.size() + 1 + top.key.size());
      pointer = top.pointer;
      append_token(pointer, top.key);
      break;
    }
    case Slot::key:
      return false;
  }
  entry = m_positions->insert(pointer, info);
  return true;
}

void Converter::place_value(Slot slot, json&& value, size_t end) {
  m_last_end = std::max(m_last_end, end);
  if (slot == Slot::root) {
    m_root = std::move(value);
    m_have_root = true;
    return;
  }
  Frame& top = m_stack.back();
  top.has_children = true;
  top.last_end = std::max(top.last_end, end);
  if (slot == Slot::item) {
    top.value.get_ref<json::array_t&>().push_back(std::move(value));
    return;
  }
  auto& object = top.value.get_ref<json::object_t&>();
  object.insert_or_assign(std::move(top.key), std::move(value));
  top.key.clear();
  top.have_key = false;
}

void Converter::set_key(std::string key, size_t begin, size_t end) {
  Frame& top = m_stack.back();
  if (!top.has_children) {
    top.info.value_begin = std::min(top.info.value_begin, begin);
  }
  top.have_key = true;
  top.key = std::move(key);
  top.key_begin = begin;
  top.key_end = end;
  top.has_children = true;
  m_last_end = std::max(m_last_end, end);
}

void Converter::complex_key(std::string_view what, size_t begin, size_t end) {
  if (m_options.keys != MappingKeys::strict || in_key_context()) return;
  error("yaml.complex-key",
        "key is " + std::string(what) + "; keys must be scalars", begin, end,
        m_stack.back().tracked ? m_stack.back().pointer : std::string());
}

size_t Converter::empty_position(Slot slot, size_t lower_bound,
                                 bool has_properties) {
  if (has_properties || slot == Slot::root) return lower_bound;
  size_t i = lower_bound;
  while (i < m_end) {
    char c = m_text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '#') {
      while (i < m_end && m_text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i >= m_end) return lower_bound;
  const char c = m_text[i];
  switch (slot) {
    case Slot::value:
      return c == ':' ? i + 1 : lower_bound;
    case Slot::item:
      return c == '-' ? i + 1 : lower_bound;
    case Slot::key:
      return c == '?' ? i + 1 : (c == ':' ? i : lower_bound);
    case Slot::root:
      break;
  }
  return lower_bound;
}

// libfyaml starts a block scalar's token at its first content line; the
// header ("|", ">-", "|2+") is the first '|' or '>' after the previous token
// (the key, the "-", the tag or anchor), past blanks, indicators, line
// breaks and comments.
size_t Converter::block_header(size_t lower_bound, size_t content_begin) const {
  size_t i = lower_bound;
  while (i < content_begin) {
    char c = m_text[i];
    if (c == '|' || c == '>') return i;
    if (c == '#') {
      while (i < content_begin && m_text[i] != '\n') ++i;
    } else {
      ++i;
    }
  }
  return content_begin;
}

// libfyaml ends a block scalar after its last line break (or at the next
// line); the span ends at the end of its last non-blank line instead, and
// never before the header.
size_t Converter::block_end(size_t header_end, size_t end) const {
  while (true) {
    if (end > header_end && m_text[end - 1] == '\n') {
      --end;
      if (end > header_end && m_text[end - 1] == '\r') --end;
    }
    if (end <= header_end) return header_end;
    size_t newline = m_text.rfind('\n', end - 1);
    size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    if (line_start <= header_end) return header_end;
    bool blank = true;
    for (size_t i = line_start; i < end && blank; ++i) {
      blank = is_blank(m_text[i]) || m_text[i] == '\r';
    }
    if (!blank) return end;
    end = line_start;
  }
}

std::string_view Converter::scalar_text(fy_token* token, fy_scalar_style style,
                                        const fy_mark* start,
                                        const fy_mark* end) {
  // fy_token_get_text() builds (and allocates) the text; most scalars are
  // single-line and need no unescaping or folding, so read them in place.
  if (start != nullptr && end != nullptr && start->line == end->line) {
    size_t b = offset(start);
    size_t e = std::max(b, offset(end));
    std::string_view raw = m_text.substr(b, e - b);
    if (style == FYSS_PLAIN ||
        (style == FYSS_SINGLE_QUOTED && raw.find('\'') == raw.npos) ||
        (style == FYSS_DOUBLE_QUOTED && raw.find('\\') == raw.npos)) {
      return raw;
    }
  }
  size_t length = 0;
  const char* text = fy_token_get_text(token, &length);
  return text ? std::string_view(text, length) : std::string_view();
}

void Converter::on_scalar(fy_event* event) {
  const fy_event_scalar_data& data = event->scalar;
  fy_token* token = data.value;
  const fy_scalar_style fy_style =
      token ? fy_token_scalar_style(token) : FYSS_PLAIN;
  const ScalarStyle style = to_style(fy_style);
  const fy_mark* start = token ? fy_token_start_mark(token) : nullptr;
  const fy_mark* stop_mark = token ? fy_token_end_mark(token) : nullptr;
  const Slot slot = next_slot();

  size_t lower_bound = m_last_end;
  if (data.tag) lower_bound = std::max(lower_bound, token_end(data.tag));
  if (data.anchor) lower_bound = std::max(lower_bound, token_end(data.anchor));

  // The span as written.
  size_t begin;
  size_t end;
  if (start == nullptr || stop_mark == nullptr) {
    begin = end = empty_position(slot, lower_bound,
                                 data.tag != nullptr || data.anchor != nullptr);
  } else {
    begin = offset(start);
    end = std::max(begin, offset(stop_mark));
    if (style == ScalarStyle::single_quoted ||
        style == ScalarStyle::double_quoted) {
      begin = begin > m_begin ? begin - 1 : begin;
      end = std::min(end + 1, m_end);
    } else if (style == ScalarStyle::literal || style == ScalarStyle::folded) {
      begin = block_header(lower_bound, begin);
      size_t header_end = begin + 1;
      while (header_end < m_end &&
             (is_digit(m_text[header_end]) || m_text[header_end] == '+' ||
              m_text[header_end] == '-')) {
        ++header_end;
      }
      end = block_end(header_end, end);
    }
  }

  std::string_view text = scalar_text(token, fy_style, start, stop_mark);
  if (!count_node(1, text.size(), begin, end)) return;

  const TagKind tag = classify_tag(data.tag);
  const bool plain = style == ScalarStyle::plain;
  json value;
  // A key is its text; its typed value is needed only for an alias to it,
  // or to check an explicit tag.
  Resolution resolution = Resolution::ok;
  if (slot != Slot::key || data.anchor || tag != TagKind::none) {
    resolution = resolve_scalar(text, plain, tag, value);
  }
  if (resolution == Resolution::bad_tag) {
    error("yaml.tag",
          single_quoted(text) + " is not a valid " + std::string(tag_name(tag)),
          begin, end);
    value = text;
  }

  if (data.anchor) {
    Anchor& a =
        register_anchor_start(token_string(data.anchor), NodeKind::scalar);
    a.value = value;
    a.text = std::string(text);
    a.complete = true;
    a.nodes = 1;
    a.bytes = text.size();
    a.height = 0;
  }

  const bool warn = m_mode == Mode::document && !in_key_context();
  if (slot == Slot::key) {
    std::string key(text);
    // `y` and `n` are common keys (coordinates) and only go-yaml v2 reads
    // them as booleans: keys are warned about for the readers that matter.
    if (warn && plain && tag == TagKind::none && text.size() > 1) {
      if (auto w = yaml11_difference(text)) {
        const Frame& top = m_stack.back();
        report(Severity::warning, w->rule, std::move(w->message), begin, end,
               top.tracked ? append_pointer(top.pointer, key) : std::string());
      }
    }
    set_key(std::move(key), begin, end);
    return;
  }

  NodeInfo info;
  info.kind = NodeKind::scalar;
  info.style = style;
  info.value_begin = begin;
  info.value_end = end;
  std::string pointer;
  size_t entry = NodeInfo::k_none;
  bool tracked = begin_value(slot, info, pointer, entry);
  if (warn) {
    if (plain && tag == TagKind::none) {
      if (auto w = yaml11_difference(text)) {
        report(Severity::warning, w->rule, std::move(w->message), begin, end,
               pointer);
      }
    }
    if (resolution == Resolution::non_finite) {
      std::string_view what = "too large for a JSON number";
      if (is_special_float(text)) {
        what = text.ends_with("nan") || text.ends_with("NaN") ||
                       text.ends_with("NAN")
                   ? "NaN (not a number), which JSON cannot hold"
                   : "infinity, which JSON cannot hold";
      }
      report(Severity::warning, "yaml.non-finite",
             single_quoted(text) + " is " + std::string(what) +
                 "; it is kept as the string \"" + std::string(text) + "\"",
             begin, end, tracked ? pointer : std::string());
    }
  }
  place_value(slot, std::move(value), end);
}

void Converter::on_alias(fy_event* event) {
  fy_token* token = event->alias.anchor;
  const fy_mark* start = token ? fy_token_start_mark(token) : nullptr;
  size_t begin = start ? offset(start) : m_last_end;
  // The token is the name: include the '*'.
  if (begin > m_begin && m_text[begin - 1] == '*') --begin;
  size_t end = std::max(begin, token_end(token));
  std::string name = token_string(token);

  auto it = m_anchors.find(name);
  if (it == m_anchors.end()) {
    stop("yaml.alias",
         "alias '*" + name + "' has no anchor '&" + name + "' before it", begin,
         end);
    return;
  }
  const Anchor& anchor = it->second;
  if (!anchor.complete) {
    stop("yaml.alias",
         "alias '*" + name + "' is inside the node anchored '&" + name +
             "' (a recursive alias)",
         begin, end);
    return;
  }
  if (m_stack.size() + anchor.height > m_options.max_depth) {
    stop("yaml.limit",
         "nesting deeper than " + std::to_string(m_options.max_depth) +
             " levels after expanding aliases",
         begin, end);
    return;
  }
  if (!count_node(anchor.nodes, anchor.bytes, begin, end)) return;

  const Slot slot = next_slot();
  if (!m_stack.empty()) {
    Frame& top = m_stack.back();
    top.height = std::max(top.height, anchor.height + 1);
  }
  if (slot == Slot::key) {
    if (anchor.kind == NodeKind::scalar) {
      set_key(anchor.text, begin, end);
    } else {
      complex_key(anchor.kind == NodeKind::mapping ? "an alias to a mapping"
                                                   : "an alias to a sequence",
                  begin, end);
      set_key(anchor.value.dump(), begin, end);
    }
    return;
  }
  NodeInfo info;
  info.kind = anchor.kind;
  info.alias = true;
  info.value_begin = begin;
  info.value_end = end;
  std::string pointer;
  size_t entry = NodeInfo::k_none;
  begin_value(slot, info, pointer, entry);
  place_value(slot, json(anchor.value), end);
}

void Converter::on_collection_start(fy_event* event, NodeKind kind) {
  const bool flow = fy_event_get_node_style(event) == FYNS_FLOW;
  fy_token* token = fy_event_get_token(event);
  fy_token* anchor = fy_event_get_anchor_token(event);
  const fy_mark* start = fy_event_start_mark(event);
  size_t begin = start ? offset(start) : m_last_end;
  // A single-pair mapping inside a flow sequence (`[a: b]`) is flow but has
  // no braces; libfyaml marks it at its ':'. Like a block collection, it
  // runs from its key to its value.
  const bool braced =
      flow && begin < m_end && (m_text[begin] == '[' || m_text[begin] == '{');
  size_t token_stop = braced ? std::max(begin, token_end(token)) : begin;
  // A block collection starts at its first "-", "?" or key: later empty
  // nodes and block scalar headers are searched from there.
  if (braced || !flow) m_last_end = std::max(m_last_end, token_stop);

  if (m_stack.size() + 1 > m_options.max_depth) {
    stop("yaml.limit",
         "nesting deeper than " + std::to_string(m_options.max_depth) +
             " levels",
         begin, token_stop);
    return;
  }
  const size_t nodes_before = m_nodes;
  const size_t bytes_before = m_bytes;
  if (!count_node(1, 0, begin, token_stop)) return;

  const Slot slot = next_slot();
  Frame frame;
  frame.value = kind == NodeKind::mapping ? json::object() : json::array();
  frame.info.kind = kind;
  frame.info.flow = flow;
  frame.braced = braced;
  frame.info.value_begin = begin;
  frame.info.value_end = token_stop;
  frame.nodes_before = nodes_before;
  frame.bytes_before = bytes_before;
  frame.last_end = token_stop;
  frame.in_key = slot == Slot::key || in_key_context();
  if (anchor) {
    frame.anchor = token_string(anchor);
    register_anchor_start(frame.anchor, kind);
    frame.anchored = true;
  }
  if (slot != Slot::key) {
    frame.tracked = begin_value(slot, frame.info, frame.pointer, frame.entry);
  }
  m_stack.push_back(std::move(frame));
}

void Converter::on_collection_end(fy_event* event) {
  if (m_stack.empty()) return;
  Frame frame = std::move(m_stack.back());
  m_stack.pop_back();
  if (frame.braced) {
    fy_token* token = fy_event_get_token(event);
    frame.info.value_end = std::max(frame.info.value_begin, token_end(token));
  } else if (frame.has_children) {
    // libfyaml's end mark of a block collection lies at the next token,
    // past blank and comment lines: use the last child's end.
    frame.info.value_end = frame.last_end;
  }
  const size_t end = frame.info.value_end;
  m_last_end = std::max(m_last_end, end);

  if (frame.anchored) {
    Anchor& a = m_anchors[frame.anchor];
    a.nodes = m_nodes - frame.nodes_before;
    a.bytes = m_bytes - frame.bytes_before;
    a.height = frame.height;
    m_held_nodes += a.nodes;
    m_held_bytes += a.bytes;
    if (m_held_nodes > m_options.max_nodes ||
        m_held_bytes > m_options.max_expanded_bytes) {
      stop("yaml.limit",
           "more than " + std::to_string(m_options.max_nodes) +
               " nodes after expanding aliases",
           frame.info.value_begin, end);
      return;
    }
    a.value = frame.value;
    a.complete = true;
  }
  if (!m_stack.empty()) {
    Frame& parent = m_stack.back();
    parent.height = std::max(parent.height, frame.height + 1);
  }

  const Slot slot = next_slot();
  if (slot == Slot::key) {
    complex_key(
        frame.info.kind == NodeKind::mapping ? "a mapping" : "a sequence",
        frame.info.value_begin, end);
    set_key(frame.value.dump(), frame.info.value_begin, end);
    return;
  }
  if (frame.tracked) m_positions->update(frame.entry, frame.info);
  place_value(slot, std::move(frame.value), end);
}

}  // namespace

std::optional<YamlDocument> parse_yaml_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  YamlDocument document;
  Converter converter(text, begin, end, lines, options, Mode::document,
                      diagnostics, &document.positions);
  if (!converter.run()) return std::nullopt;
  std::vector<json>& documents = converter.documents();
  if (!documents.empty()) document.value = std::move(documents.front());
  return document;
}

std::optional<std::vector<nlohmann::json>> parse_yaml_stream(
    std::string_view text, const YamlOptions& options,
    std::vector<Diagnostic>& diagnostics) {
  LineIndex lines(text);
  // Positions are not returned, but duplicate keys name the first one's.
  PositionMap positions;
  Converter converter(text, 0, text.size(), lines, options, Mode::stream,
                      diagnostics, &positions);
  if (!converter.run()) return std::nullopt;
  return std::move(converter.documents());
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

}  // namespace fmkit
