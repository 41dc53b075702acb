// SPDX-License-Identifier: MIT
#include "document/yaml11.hpp"

#include "document/yaml_scalar.hpp"
#include "document/yaml_to_json.hpp"  // single_quoted()

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <optional>

namespace fmkit {

namespace {

// Reader sets, named after tests/document/README.md's columns.
constexpr unsigned k_py = static_cast<unsigned>(Yaml11Reader::pyyaml);
constexpr unsigned k_rb = static_cast<unsigned>(Yaml11Reader::jekyll);
constexpr unsigned k_js3 = static_cast<unsigned>(Yaml11Reader::eleventy);
constexpr unsigned k_js4 = static_cast<unsigned>(Yaml11Reader::js_yaml4);
constexpr unsigned k_go = static_cast<unsigned>(Yaml11Reader::hugo);

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

std::string string_phrase(std::string_view s) {
  return "the string \"" + std::string(s) + "\"";
}

std::string keep_string_fix(std::string_view s) {
  return "quote it to keep a string: " + single_quoted(s);
}

// Prints a double the shortest way that reads back ("90.5", "5400").
std::string format_number(double value) {
  char buffer[64];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, ptr) : std::string("?");
}

// A reading where YAML 1.2 has a string and the readers `groups` do not.
Yaml11Reading string_in_12(std::string_view rule, std::string_view s,
                           std::vector<Yaml11Group> groups) {
  Yaml11Reading r;
  r.rule = rule;
  r.in_12 = string_phrase(s);
  std::erase_if(groups, [](const Yaml11Group& g) { return g.readers == 0; });
  r.groups = std::move(groups);
  r.fix = keep_string_fix(s);
  r.non_string = true;
  return r;
}

// ---------------------------------------------------------------------------
// Booleans and nulls. PyYAML and go-yaml v2 take the spec's list (yes, Yes,
// YES, no, ..., off); go-yaml v2 also y, Y, n, N. Psych matches
// /^(yes|true|on)$/i, /^(no|false|off)$/i and /^(null|~)$/i in any case.

std::optional<Yaml11Reading> read_bool_or_null(std::string_view s) {
  static constexpr std::string_view k_spec[] = {"yes", "Yes", "YES", "no",
                                                "No",  "NO",  "on",  "On",
                                                "ON",  "off", "Off", "OFF"};
  if (s == "y" || s == "Y" || s == "n" || s == "N") {
    bool value = s == "y" || s == "Y";
    return string_in_12(
        "yaml11-bool", s,
        {{value ? "the boolean true" : "the boolean false", k_go}});
  }
  if (s.size() > 5) return std::nullopt;
  std::optional<bool> value;
  for (std::string_view word : {"yes", "true", "on"}) {
    if (equals_ignoring_case(s, word)) value = true;
  }
  for (std::string_view word : {"no", "false", "off"}) {
    if (equals_ignoring_case(s, word)) value = false;
  }
  if (value) {
    if (!is_core_string(s)) return std::nullopt;  // true, False: both agree
    bool spec =
        std::find(std::begin(k_spec), std::end(k_spec), s) != std::end(k_spec);
    return string_in_12("yaml11-bool", s,
                        {{*value ? "the boolean true" : "the boolean false",
                          spec ? k_py | k_rb | k_go : k_rb}});
  }
  if (equals_ignoring_case(s, "null") && is_core_string(s)) {
    return string_in_12("yaml11-null", s, {{"null", k_rb}});
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Octal: YAML 1.1 reads [-+]?0[0-7_]+ as octal, YAML 1.2 [-+]?[0-9]+ as
// decimal and 0o[0-7]+ as octal. js-yaml 4 follows 1.2; go-yaml v2 reads
// with Go's ParseInt (base prefixes 0, 0o, 0x, 0b; '_' allowed).

// Returns "N" or "-N" for `magnitude` digits read in `base`, or nullopt
// when they overflow.
std::optional<std::string> signed_value(std::string_view sign,
                                        std::string_view digits, int base) {
  uint64_t v = 0;
  for (char c : digits) {
    if (c == '_' || c == ',') continue;
    int d = is_digit(c) ? c - '0' : lower(c) - 'a' + 10;
    if (v >
        (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      return std::nullopt;
    }
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return std::string(sign == "-" && v != 0 ? "-" : "") + std::to_string(v);
}

std::string integer_phrase(const std::optional<std::string>& value,
                           std::string_view how = {}) {
  std::string out = value ? "the integer " + *value : "an integer";
  if (!how.empty()) out += " (" + std::string(how) + ")";
  return out;
}

std::optional<Yaml11Reading> read_octal(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o' &&
      std::all_of(s.begin() + 2, s.end(),
                  [](char c) { return c >= '0' && c <= '7'; })) {
    auto v = signed_value("", s.substr(2), 8);
    Yaml11Reading r;
    r.rule = "yaml11-octal";
    r.in_12 = integer_phrase(v);
    r.groups = {{string_phrase(s), k_py | k_rb | k_js3}};
    r.fix = (v ? "write " + *v + " or quote it: " : "quote it: ") +
            single_quoted(s);
    return r;
  }
  std::string_view sign;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    sign = body.substr(0, 1);
    body.remove_prefix(1);
  }
  if (body.size() < 2 || body[0] != '0') return std::nullopt;
  bool underscore = false;
  bool eight_or_nine = false;
  for (char c : body) {
    if (c == '_') {
      underscore = true;
    } else if (c == '8' || c == '9') {
      eight_or_nine = true;
    } else if (!is_digit(c)) {
      return std::nullopt;
    }
  }
  if (underscore && eight_or_nine) return std::nullopt;  // a string in both
  auto v11 = signed_value(sign, body, 8);
  auto v12 = signed_value(sign, body, 10);
  if (underscore) {  // a string in 1.2; js-yaml 3 wants a digit last
    unsigned readers = k_py | k_rb | k_go | (body.back() != '_' ? k_js3 : 0);
    return string_in_12("yaml11-octal", s,
                        {{integer_phrase(v11, "octal"), readers}});
  }
  Yaml11Reading r;
  r.rule = "yaml11-octal";
  r.in_12 = integer_phrase(v12);
  r.fix = (v12 ? "write " + *v12 + " or quote it: " : "quote it: ") +
          single_quoted(s);
  if (eight_or_nine) {  // 08: not octal, so a string in 1.1 (Go: float 8)
    r.groups = {{string_phrase(s), k_py | k_rb | k_js3}};
    r.non_string = false;
    return r;
  }
  if (v11 && v12 && *v11 == *v12) return std::nullopt;  // 00, 07
  r.groups = {{integer_phrase(v11, "octal"), k_py | k_rb | k_js3 | k_go}};
  r.non_string = true;
  return r;
}

// ---------------------------------------------------------------------------
// Base 60. PyYAML and js-yaml 3: [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+ (ints)
// and [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* (floats). Psych: a leading
// zero is fine, at most two ':' groups, and each part n_e is weighted
// 60^|e-2| with only the first part signed, so 1:30 is 1*3600 + 30*60.

std::optional<Yaml11Reading> read_sexagesimal(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  const bool negative = i < n && s[i] == '-';
  if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
  if (i >= n || !is_digit(s[i])) return std::nullopt;
  const bool leading_zero = s[i] == '0';
  std::vector<double> parts{0};
  while (i < n && (is_digit(s[i]) || s[i] == '_')) {
    if (s[i] != '_') parts[0] = parts[0] * 10 + (s[i] - '0');
    ++i;
  }
  while (i < n && s[i] == ':') {
    size_t start = ++i;
    while (i < n && is_digit(s[i]) && i - start < 2) ++i;
    size_t length = i - start;
    if (length == 0 || (length == 2 && s[start] > '5')) return std::nullopt;
    parts.push_back(length == 1 ? s[start] - '0'
                                : (s[start] - '0') * 10 + (s[start + 1] - '0'));
  }
  if (parts.size() < 2) return std::nullopt;
  bool is_float = false;
  double fraction = 0;
  if (i < n && s[i] == '.') {
    is_float = true;
    double scale = 0.1;
    for (++i; i < n && (is_digit(s[i]) || s[i] == '_'); ++i) {
      if (s[i] != '_') fraction += (s[i] - '0') * scale, scale /= 10;
    }
  }
  if (i != n) return std::nullopt;
  std::string_view kind = is_float ? "the float " : "the integer ";
  std::vector<Yaml11Group> groups;
  if (is_float || !leading_zero) {
    double v = 0;
    for (double part : parts) v = v * 60 + part;
    v += fraction;
    groups.push_back(
        {std::string(kind) + format_number(negative ? -v : v) + " (base 60)",
         k_py | k_js3});
  }
  if (parts.size() <= 3) {
    double v = 0;
    for (size_t e = 0; e < parts.size(); ++e) {
      double part = parts[e] + (e + 1 == parts.size() ? fraction : 0);
      if (e == 0 && negative) part = -part;
      v += part * std::pow(60.0, std::abs(static_cast<int>(e) - 2));
    }
    groups.push_back({std::string(kind) + format_number(v), k_rb});
  }
  if (groups.empty()) return std::nullopt;
  return string_in_12("yaml11-sexagesimal", s, std::move(groups));
}

// ---------------------------------------------------------------------------
// Timestamps: [0-9]{4}-[0-9]{2}-[0-9]{2} (a date) or
// [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}
// (\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))? (a timestamp). Psych
// also takes a date with one-digit month or day (2024-1-5).

size_t count_digits(std::string_view s, size_t& i, size_t max) {
  size_t start = i;
  while (i < s.size() && i - start < max && is_digit(s[i])) ++i;
  return i - start;
}

// Matches the time part of a timestamp at `s[i]` to the end.
bool is_time_part(std::string_view s, size_t i) {
  const size_t n = s.size();
  if (s[i] == 'T' || s[i] == 't') {
    ++i;
  } else if (s[i] == ' ' || s[i] == '\t') {
    while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
  } else {
    return false;
  }
  if (count_digits(s, i, 2) == 0 || i >= n || s[i++] != ':') return false;
  if (count_digits(s, i, 2) != 2 || i >= n || s[i++] != ':') return false;
  if (count_digits(s, i, 2) != 2) return false;
  if (i < n && s[i] == '.') {
    for (++i; i < n && is_digit(s[i]);) ++i;
  }
  while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < n && s[i] == 'Z') {
    ++i;
  } else if (i < n && (s[i] == '-' || s[i] == '+')) {
    ++i;
    if (count_digits(s, i, 2) == 0) return false;
    if (i < n && s[i] == ':') {
      ++i;
      if (count_digits(s, i, 2) != 2) return false;
    }
  }
  return i == n;
}

std::optional<Yaml11Reading> read_timestamp(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  if (count_digits(s, i, 4) != 4 || i >= n || s[i++] != '-') {
    return std::nullopt;
  }
  size_t month = count_digits(s, i, 2);
  if (month == 0 || i >= n || s[i++] != '-') return std::nullopt;
  size_t day = count_digits(s, i, 2);
  if (day == 0) return std::nullopt;
  if (i == n) {
    unsigned readers =
        month == 2 && day == 2 ? k_py | k_rb | k_js3 | k_js4 : k_rb;
    return string_in_12("yaml11-timestamp", s, {{"a date", readers}});
  }
  if (!is_time_part(s, i)) return std::nullopt;
  return string_in_12("yaml11-timestamp", s,
                      {{"a timestamp", k_py | k_rb | k_js3 | k_js4}});
}

// ---------------------------------------------------------------------------
// Other numbers: '_' separators, binary, signed hex, Go's upper-case
// prefixes, Psych's ',' separators, and YAML 1.1 floats (which need a '.'
// and a signed exponent, so PyYAML and Psych keep 1e3 a string).

// Returns how a YAML 1.2 number reads in PyYAML and Psych when its exponent
// form is not a YAML 1.1 float.
std::optional<Yaml11Reading> read_exponent(std::string_view s) {
  size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return std::nullopt;
  nlohmann::json value;
  if (resolve_scalar(s, ScalarStyle::plain, TagKind::none, value) !=
          Resolution::ok ||
      !value.is_number()) {
    return std::nullopt;  // a string, or too large: a string in fmkit too
  }
  bool dot = s.substr(0, e).find('.') != std::string_view::npos;
  bool signed_exponent =
      e + 1 < s.size() && (s[e + 1] == '-' || s[e + 1] == '+');
  if (dot && signed_exponent) return std::nullopt;
  Yaml11Reading r;
  r.rule = "yaml11-number";
  r.in_12 = "the number " + value.dump();
  r.groups = {{string_phrase(s), k_py | k_rb}};
  std::string written(s.substr(0, e));
  if (!dot) written += ".0";
  written += s[e];
  if (!signed_exponent) written += '+';
  written += s.substr(e + 1);
  r.fix = "write " + written + " or quote it: " + single_quoted(s);
  return r;
}

std::optional<Yaml11Reading> read_prefixed(std::string_view s,
                                           std::string_view sign,
                                           std::string_view body) {
  if (body.size() < 3 || body[0] != '0') return std::nullopt;
  const char prefix = body[1];
  const int base = lower(prefix) == 'x'   ? 16
                   : lower(prefix) == 'b' ? 2
                   : lower(prefix) == 'o' ? 8
                                          : 0;
  if (base == 0) return std::nullopt;
  std::string_view digits = body.substr(2);
  bool underscore = false;
  for (char c : digits) {
    bool ok = c == '_' || (base == 16  ? is_hex(c)
                           : base == 8 ? c >= '0' && c <= '7'
                                       : c == '0' || c == '1');
    if (!ok) return std::nullopt;
    underscore = underscore || c == '_';
  }
  auto v = signed_value(sign, digits, base);
  std::string how = base == 16 ? "hexadecimal" : base == 2 ? "binary" : "octal";
  unsigned readers = 0;
  if (prefix == 'X' || prefix == 'B' || prefix == 'O' || base == 8) {
    if (base == 8 && prefix == 'o' && !underscore && sign.empty()) {
      return std::nullopt;  // 0o17: see read_octal()
    }
    readers = k_go;  // Go's ParseInt
  } else if (base == 2) {
    readers = k_py | k_rb | k_js3 | k_go | (underscore ? 0 : k_js4);
  } else if (underscore || !sign.empty()) {  // 0x1_F, +0x1F
    readers = k_py | k_rb | k_js3 | k_go | (underscore ? 0 : k_js4);
  } else {
    return std::nullopt;  // 0x1F: an int in both
  }
  return string_in_12("yaml11-number", s, {{integer_phrase(v, how), readers}});
}

// Decimal ints and floats with '_' or ',' separators.
std::optional<Yaml11Reading> read_separated(std::string_view s,
                                            std::string_view sign,
                                            std::string_view body) {
  if (body.empty() || !is_digit(body[0])) return std::nullopt;
  size_t dot = body.find('.');
  std::string_view whole = body.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
  bool underscore = false;
  bool comma = false;
  bool psych_ok = true;  // Psych: each '_' or ',' is followed by a digit
  for (size_t i = 0; i < whole.size(); ++i) {
    char c = whole[i];
    if (c == '_' || c == ',') {
      (c == '_' ? underscore : comma) = true;
      psych_ok = psych_ok && i + 1 < whole.size() && is_digit(whole[i + 1]);
    } else if (!is_digit(c)) {
      return std::nullopt;
    }
  }
  bool fraction_underscore = false;
  for (char c : fraction) {
    if (c == '_') {
      fraction_underscore = true;
    } else if (!is_digit(c)) {
      return std::nullopt;
    }
  }
  if (!underscore && !comma && !fraction_underscore) return std::nullopt;
  std::string digits;
  for (char c : body) {
    if (c != '_' && c != ',') digits += c;
  }
  std::string number = (sign == "-" ? "-" : "") + digits;
  if (comma) {  // Psych alone
    if (underscore || fraction_underscore || !psych_ok) return std::nullopt;
    return string_in_12("yaml11-number", s, {{"the number " + number, k_rb}});
  }
  if (whole.size() > 1 && whole[0] == '0') return std::nullopt;  // octal
  unsigned readers = k_py | k_go | (body.back() != '_' ? k_js3 : 0) |
                     (psych_ok && !fraction_underscore ? k_rb : 0);
  return string_in_12("yaml11-number", s, {{"the number " + number, readers}});
}

std::optional<Yaml11Reading> read_number(std::string_view s) {
  std::string_view sign;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    sign = body.substr(0, 1);
    body.remove_prefix(1);
  }
  if (auto r = read_prefixed(s, sign, body)) return r;
  if (auto r = read_separated(s, sign, body)) return r;
  if (auto r = read_exponent(s)) return r;
  // YAML 1.1's own float regex, [-+]?([0-9][0-9_]*)?\.[0-9.]*
  // ([eE][-+][0-9]+)?, takes 1.2.3, '.' and '...'; no reader above does.
  size_t i = 0;
  while (i < body.size() && (is_digit(body[i]) || body[i] == '_')) ++i;
  if (i < body.size() && body[i] == '.' && is_core_string(s)) {
    size_t j = i + 1;
    while (j < body.size() && (is_digit(body[j]) || body[j] == '.')) ++j;
    if (j == body.size() && (i == 0 || is_digit(body[0]))) {
      Yaml11Reading r;
      r.in_12 = string_phrase(s);
      r.non_string = true;
      return r;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Yaml11Reading> read_as_yaml11(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const char c = s[0];
  if (is_digit(c) || c == '-' || c == '+' || c == '.') {
    if (auto r = read_octal(s)) return r;
    if (auto r = read_timestamp(s)) return r;
    if (auto r = read_sexagesimal(s)) return r;
    return read_number(s);
  }
  if (s == "<<" || s == "=") {  // YAML 1.1's merge and value keys
    Yaml11Reading r;
    r.in_12 = string_phrase(s);
    r.non_string = true;
    return r;
  }
  return read_bool_or_null(s);
}

std::string yaml11_reader_names(unsigned readers) {
  static constexpr std::string_view k_names[] = {
      "PyYAML", "Jekyll", "Eleventy's js-yaml 3", "js-yaml 4",
      "Hugo's go-yaml v2"};
  std::string out;
  for (size_t i = 0; i < std::size(k_names); ++i) {
    if ((readers & (1u << i)) == 0) continue;
    if (!out.empty()) out += ", ";
    out += k_names[i];
  }
  return out;
}

std::string yaml11_message(std::string_view s, const Yaml11Reading& reading) {
  std::string m = single_quoted(s) + " is " + reading.in_12 + " in YAML 1.2";
  for (size_t i = 0; i < reading.groups.size(); ++i) {
    const Yaml11Group& g = reading.groups[i];
    m += i == 0 ? " but " : ", ";
    m += g.value;
    m += i == 0 ? " in YAML 1.1 (" + yaml11_reader_names(g.readers) + ")"
                : " in " + yaml11_reader_names(g.readers);
  }
  m += "; ";
  m += reading.fix;
  return m;
}

}  // namespace fmkit
