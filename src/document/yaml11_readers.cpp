// SPDX-License-Identifier: MIT
#include "document/yaml11_readers.hpp"

#include "document/yaml11_patterns.hpp"
#include "document/yaml_scalar.hpp"

#include <algorithm>
#include <string>

namespace fmkit {

namespace {

using json = nlohmann::json;
using namespace detail;

// ---------------------------------------------------------------------------
// PyYAML: resolver.py's int and float patterns, constructor.py's readings.

std::optional<Yaml11Value> pyyaml_float(std::string_view s) {
  if (auto v = special_float(s)) return v;
  size_t i = is_sign(s[0]) ? 1 : 0;
  size_t end = std::string_view::npos;
  bool sexagesimal = false;
  if (i == 0 && s[0] == '.') {  // \.[0-9][0-9_]*([eE][-+][0-9]+)?
    if (s.size() < 2 || !is_digit(s[1])) return std::nullopt;
    end = exponent(s, skip(s, 2, digit_or_underscore), true);
  } else if (i < s.size() && is_digit(s[i])) {
    size_t j = skip(s, i, digit_or_underscore);
    size_t groups = 0;
    size_t k = base60_groups(s, j, groups);
    sexagesimal = groups > 0;
    if (k < s.size() && s[k] == '.') {
      // [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? or, with groups,
      // [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
      end = skip(s, k + 1, digit_or_underscore);
      if (!sexagesimal) end = exponent(s, end, true);
    }
  }
  if (end != s.size()) return std::nullopt;
  if (sexagesimal) return base60(s, true);
  return float_json(s, Yaml11Form::number);
}

std::optional<Yaml11Value> pyyaml_int(std::string_view s) {
  const bool negative = s[0] == '-';
  std::string_view body = is_sign(s[0]) ? s.substr(1) : s;
  if (body.empty() || !is_digit(body[0])) return std::nullopt;
  auto all = [&](size_t from, bool (*ok)(char)) {
    return body.size() > from &&
           std::all_of(body.begin() + from, body.end(),
                       [&](char c) { return c == '_' || ok(c); });
  };
  // int() rejects 0b and 0x with no digit after the '_' are dropped.
  auto has_digit = [&] {
    return body.find_first_not_of('_', 2) != std::string_view::npos;
  };
  if (body.starts_with("0b") && all(2, is_binary) && has_digit()) {
    return Yaml11Value{Yaml11Form::binary,
                       integer_json(negative, body.substr(2), 2)};
  }
  if (body.starts_with("0x") && all(2, is_hex) && has_digit()) {
    return Yaml11Value{Yaml11Form::hexadecimal,
                       integer_json(negative, body.substr(2), 16)};
  }
  if (body[0] == '0') {
    if (body.size() == 1) return Yaml11Value{Yaml11Form::number, json(0)};
    if (!all(1, is_octal)) return std::nullopt;
    return Yaml11Value{Yaml11Form::octal, integer_json(negative, body, 8)};
  }
  size_t j = skip(body, 0, digit_or_underscore);
  if (j == body.size()) {
    return Yaml11Value{Yaml11Form::number, integer_json(negative, body, 10)};
  }
  size_t groups = 0;
  if (base60_groups(body, j, groups) != body.size()) return std::nullopt;
  return base60(s, false);
}

Yaml11Value read_pyyaml(std::string_view s) {
  if (core_null(s)) return {Yaml11Form::null, nullptr};
  if (auto b = spec_bool(s)) return {Yaml11Form::boolean, *b};
  if (!is_digit(s[0]) && !is_sign(s[0]) && s[0] != '.') {
    return string_value(s);
  }
  if (auto v = pyyaml_float(s)) return *v;
  if (auto v = pyyaml_int(s)) return *v;
  if (auto form = yaml11_timestamp(s)) return text_as(*form, s);
  return string_value(s);
}

// ---------------------------------------------------------------------------
// js-yaml 3: type/int.js's resolveYamlInteger and type/float.js's pattern.
// Unlike PyYAML, a number may not end with '_'.

std::optional<Yaml11Value> js_yaml3_int(std::string_view s) {
  const bool negative = s[0] == '-';
  std::string_view body = is_sign(s[0]) ? s.substr(1) : s;
  if (body.empty() || body.back() == '_') return std::nullopt;
  auto all = [&](size_t from, bool (*ok)(char)) {
    std::string_view rest = body.substr(from);
    return std::any_of(rest.begin(), rest.end(), ok) &&
           std::all_of(rest.begin(), rest.end(),
                       [&](char c) { return c == '_' || ok(c); });
  };
  if (body[0] == '0') {
    if (body.size() == 1) return Yaml11Value{Yaml11Form::number, json(0)};
    if (body[1] == 'b') {
      if (!all(2, is_binary)) return std::nullopt;
      return Yaml11Value{Yaml11Form::binary,
                         integer_json(negative, body.substr(2), 2)};
    }
    if (body[1] == 'x') {
      if (!all(2, is_hex)) return std::nullopt;
      return Yaml11Value{Yaml11Form::hexadecimal,
                         integer_json(negative, body.substr(2), 16)};
    }
    if (!all(1, is_octal)) return std::nullopt;
    return Yaml11Value{Yaml11Form::octal, integer_json(negative, body, 8)};
  }
  if (!is_digit(body[0])) return std::nullopt;
  size_t j = skip(body, 0, digit_or_underscore);
  if (j == body.size()) {
    return Yaml11Value{Yaml11Form::number, integer_json(negative, body, 10)};
  }
  size_t groups = 0;
  if (body[j] != ':' || base60_groups(body, j, groups) != body.size()) {
    return std::nullopt;
  }
  return base60(s, false);
}

std::optional<Yaml11Value> js_yaml3_float(std::string_view s) {
  if (auto v = special_float(s)) return v;
  if (s.back() == '_') return std::nullopt;
  size_t i = is_sign(s[0]) ? 1 : 0;
  size_t end = std::string_view::npos;
  if (i == 0 && s[0] == '.') {  // \.[0-9_]+([eE][-+]?[0-9]+)?
    size_t j = skip(s, 1, digit_or_underscore);
    if (j > 1) end = exponent(s, j, false);
  } else if (i < s.size() && is_digit(s[i])) {
    size_t j = skip(s, i, digit_or_underscore);
    size_t groups = 0;
    size_t k = base60_groups(s, j, groups);
    if (groups > 0) {  // [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
      if (k < s.size() && s[k] == '.') {
        if (skip(s, k + 1, digit_or_underscore) == s.size()) {
          return base60(s, true);
        }
      }
      return std::nullopt;
    }
    // [-+]?(0|[1-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?
    if (s[i] == '0' && j > i + 1) j = i + 1;
    if (j < s.size() && s[j] == '.') j = skip(s, j + 1, digit_or_underscore);
    end = exponent(s, j, false);
  }
  if (end != s.size()) return std::nullopt;
  return float_json(s, Yaml11Form::number);
}

Yaml11Value read_js_yaml3(std::string_view s) {
  if (core_null(s)) return {Yaml11Form::null, nullptr};
  if (auto b = core_bool(s)) return {Yaml11Form::boolean, *b};
  if (!is_digit(s[0]) && !is_sign(s[0]) && s[0] != '.') {
    return string_value(s);
  }
  if (auto v = js_yaml3_int(s)) return *v;
  if (auto v = js_yaml3_float(s)) return *v;
  if (auto form = yaml11_timestamp(s)) return text_as(*form, s);
  return string_value(s);
}

// ---------------------------------------------------------------------------
// js-yaml 4: YAML 1.2's core schema, but a sign before 0b, 0o and 0x, no
// sign before a leading '.', 0b, and YAML 1.1's timestamps.

Yaml11Value read_js_yaml4(std::string_view s) {
  if (core_null(s)) return {Yaml11Form::null, nullptr};
  if (auto b = core_bool(s)) return {Yaml11Form::boolean, *b};
  if (!is_digit(s[0]) && !is_sign(s[0]) && s[0] != '.') {
    return string_value(s);
  }
  const bool negative = s[0] == '-';
  std::string_view body = is_sign(s[0]) ? s.substr(1) : s;
  if (body.size() > 2 && body[0] == '0') {
    struct Prefix {
      char letter;
      bool (*ok)(char);
      int base;
      Yaml11Form form;
    };
    for (const Prefix& p : {Prefix{'b', is_binary, 2, Yaml11Form::binary},
                            Prefix{'o', is_octal, 8, Yaml11Form::octal},
                            Prefix{'x', is_hex, 16, Yaml11Form::hexadecimal}}) {
      if (body[1] == p.letter &&
          std::all_of(body.begin() + 2, body.end(), p.ok)) {
        return {p.form, integer_json(negative, body.substr(2), p.base)};
      }
    }
  }
  if (!body.empty() && std::all_of(body.begin(), body.end(), is_digit)) {
    return {Yaml11Form::number, integer_json(negative, body, 10)};
  }
  if (auto v = special_float(s)) return *v;
  // [-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)? or \.[0-9]+([eE][-+]?[0-9]+)?,
  // and finite.
  size_t i = is_sign(s[0]) ? 1 : 0;
  size_t end = std::string_view::npos;
  if (i == 0 && s[0] == '.') {
    size_t j = skip(s, 1, is_digit);
    if (j > 1) end = exponent(s, j, false);
  } else if (i < s.size() && is_digit(s[i])) {
    size_t j = skip(s, i, is_digit);
    if (j < s.size() && s[j] == '.') j = skip(s, j + 1, is_digit);
    end = exponent(s, j, false);
  }
  if (end == s.size()) {
    Yaml11Value v = float_json(s, Yaml11Form::number);
    if (v.form == Yaml11Form::number) return v;
  }
  if (auto form = yaml11_timestamp(s)) return text_as(*form, s);
  return string_value(s);
}

// ---------------------------------------------------------------------------
// go-yaml v2's resolve(): a table of words, then for a digit or a sign
// strconv.ParseInt(s without '_', 0, 64), ParseUint, or ParseFloat when
// the text matches ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$;
// for a '.', ParseFloat. A timestamp is decoded as its string.

std::optional<Yaml11Value> go_int(std::string_view plain) {
  const bool negative = plain[0] == '-';
  std::string_view body = is_sign(plain[0]) ? plain.substr(1) : plain;
  if (body.empty()) return std::nullopt;
  int base = 10;
  Yaml11Form form = Yaml11Form::number;
  std::string_view digits = body;
  if (body.size() > 1 && body[0] == '0') {
    char p = lower(body[1]);
    if (!is_digit(p) && p != 'b' && p != 'o' && p != 'x') return std::nullopt;
    base = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 8;
    form = base == 2   ? Yaml11Form::binary
           : base == 8 ? Yaml11Form::octal
                       : Yaml11Form::hexadecimal;
    digits = is_digit(p) ? body.substr(1) : body.substr(2);
  }
  bool (*ok)(char) = base == 2    ? is_binary
                     : base == 8  ? is_octal
                     : base == 16 ? is_hex
                                  : is_digit;
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ok)) {
    return std::nullopt;
  }
  json value = integer_json(negative, digits, base);
  // Past int64 ParseInt fails; ParseUint takes no sign; then a float.
  if (value.is_number_float() || (value.is_number_unsigned() && negative) ||
      (value.is_number_unsigned() && is_sign(plain[0]))) {
    return std::nullopt;
  }
  return Yaml11Value{form, std::move(value)};
}

Yaml11Value read_go_yaml2(std::string_view s) {
  if (core_null(s)) return {Yaml11Form::null, nullptr};
  if (auto b = spec_bool(s)) return {Yaml11Form::boolean, *b};
  if (s.size() == 1 && in_set(s[0], "yYnN")) {
    return {Yaml11Form::boolean, s[0] == 'y' || s[0] == 'Y'};
  }
  if (auto v = special_float(s)) return *v;
  const char c = s[0];
  if (c == '.') {
    // ParseFloat: Go's float syntax, '_' only between digits.
    size_t j = skip(s, 1, digit_or_underscore);
    size_t end = j > 1 ? exponent(s, j, false) : std::string_view::npos;
    if (end != s.size() || s.find("__") != std::string_view::npos ||
        s[1] == '_' || s[j - 1] == '_') {
      return string_value(s);
    }
    return float_json(s, Yaml11Form::number);
  }
  // A timestamp is decoded as its string: no number has a '-' inside.
  if (!is_digit(c) && !is_sign(c)) return string_value(s);
  std::string plain(s);
  std::erase(plain, '_');
  if (plain.empty()) return string_value(s);
  if (auto v = go_int(plain)) return *v;
  size_t i = is_sign(plain[0]) ? 1 : 0;
  size_t end = std::string::npos;
  if (i < plain.size() && plain[i] == '.') {
    size_t j = skip(plain, i + 1, is_digit);
    if (j > i + 1) end = exponent(plain, j, false);
  } else if (i < plain.size() && is_digit(plain[i])) {
    size_t j = skip(plain, i, is_digit);
    if (j < plain.size() && plain[j] == '.') j = skip(plain, j + 1, is_digit);
    end = exponent(plain, j, false);
  }
  if (end != plain.size()) return string_value(s);
  Yaml11Value v = float_json(plain, Yaml11Form::number);
  return v.form == Yaml11Form::number ? v : string_value(s);
}

}  // namespace

Yaml11Value read_with(Yaml11Reader reader, std::string_view s) {
  if (s.empty()) return {Yaml11Form::null, nullptr};
  switch (reader) {
    case Yaml11Reader::pyyaml:
      return read_pyyaml(s);
    case Yaml11Reader::jekyll:
      return read_psych(s);
    case Yaml11Reader::eleventy:
      return read_js_yaml3(s);
    case Yaml11Reader::js_yaml4:
      return read_js_yaml4(s);
    case Yaml11Reader::hugo:
      return read_go_yaml2(s);
  }
  return string_value(s);
}

Yaml11Value read_with_core(std::string_view s) {
  json value;
  Resolution r = resolve_scalar(s, ScalarStyle::plain, TagKind::none, value);
  if (r == Resolution::non_finite) {
    bool nan = s.ends_with("nan") || s.ends_with("NaN") || s.ends_with("NAN");
    return text_as(nan ? Yaml11Form::nan : Yaml11Form::infinity, s);
  }
  if (value.is_string()) return {Yaml11Form::string, std::move(value)};
  if (value.is_null()) return {Yaml11Form::null, nullptr};
  if (value.is_boolean()) return {Yaml11Form::boolean, std::move(value)};
  if (core_int(s)) return {Yaml11Form::integer, std::move(value)};
  return {Yaml11Form::number, std::move(value)};
}

bool may_read_otherwise(std::string_view s) {
  if (s.empty()) return false;
  const char c = s[0];
  if (is_digit(c) || c == '-') {
    // The common numbers, -?(0|[1-9][0-9]*)(\.[0-9]+)?, read alike
    // everywhere.
    std::string_view body = c == '-' ? s.substr(1) : s;
    size_t i = skip(body, 0, is_digit);
    if (i == 0 || (body[0] == '0' && i > 1)) return true;
    if (i < body.size() && body[i] == '.') {
      size_t j = skip(body, i + 1, is_digit);
      return j == i + 1 || j != body.size();
    }
    return i != body.size();
  }
  if (c == '+' || c == '.' || c == '<' || c == '=') return true;
  if (s.size() > 5 || !in_set(c, "yYnNtTfFoO~")) return false;
  if (core_null(s) || core_bool(s)) return false;  // true, null: read alike
  // The other words some reader takes for a bool or a null, in any case
  // (Psych ignores it): "Tesla" or "TPU" needs no reader run.
  for (std::string_view word : {"y", "n", "yes", "no", "on", "off", "null"}) {
    if (equals_ignoring_case(s, word)) return true;
  }
  return equals_ignoring_case(s, "true") || equals_ignoring_case(s, "false");
}

}  // namespace fmkit
