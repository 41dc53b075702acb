// SPDX-License-Identifier: MIT
//
// Psych's reading (Ruby; Jekyll reads front matter with Psych.safe_load):
// ScalarScanner#tokenize of Psych 4.0, its tests in its order.
#include "document/yaml11_patterns.hpp"
#include "document/yaml_scalar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace fmkit::detail {

namespace {

using json = nlohmann::json;

bool psych_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80 ||
         in_set(c, "_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;=");
}

// ^[^\d.:-]?[[:alpha:]_\s!@#$%^&*(){}<>|/\\~;=]+ : a word, a symbol.
Yaml11Value psych_word(std::string_view s) {
  if (s.size() > 5 || !in_set(s[0], "ytonfYTONF~")) {
    return string_value(s);
  }
  if (s == "~" || equals_ignoring_case(s, "null")) {
    return {Yaml11Form::null, nullptr};
  }
  for (std::string_view word : {"yes", "true", "on"}) {
    if (equals_ignoring_case(s, word)) return {Yaml11Form::boolean, true};
  }
  for (std::string_view word : {"no", "false", "off"}) {
    if (equals_ignoring_case(s, word)) return {Yaml11Form::boolean, false};
  }
  return string_value(s);
}

// TIME, /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?
// (?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/ (a string when Time rejects it),
// or a date, /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/ that
// Date.strptime takes.
std::optional<Yaml11Form> psych_time(std::string_view s) {
  size_t i = s[0] == '-' ? 1 : 0;
  int parts[3] = {0, 0, 0};
  for (int p = 0; p < 3; ++p) {
    size_t start = i;
    while (i < s.size() && is_digit(s[i]) && i - start < (p == 0 ? 4u : 2u)) {
      parts[p] = parts[p] * 10 + (s[i++] - '0');
    }
    if (i - start < (p == 0 ? 4u : 1u)) return std::nullopt;
    if (p < 2 && (i >= s.size() || s[i++] != '-')) return std::nullopt;
  }
  if (i == s.size()) {
    if (s[0] == '-' || !valid_date(parts[0], parts[1], parts[2])) {
      return std::nullopt;
    }
    return Yaml11Form::date;
  }
  // The time: like yaml11_timestamp()'s, with any blanks and an optional
  // ':' in the zone.
  std::string normalized(s.substr(i));
  if (normalized[0] != 'T' && normalized[0] != 't' &&
      !in_set(normalized[0], " \t\r\n\f\v")) {
    return std::nullopt;
  }
  size_t zone = normalized.find_last_of("-+");
  if (zone != std::string::npos && zone + 3 < normalized.size() &&
      normalized[zone + 3] != ':' && is_digit(normalized[zone + 1]) &&
      is_digit(normalized[zone + 2])) {
    normalized.insert(zone + 3, ":");
  }
  if (!yaml11_timestamp("2000-01-01" + normalized)) return std::nullopt;
  if (!valid_date(parts[0], parts[1], parts[2])) return std::nullopt;
  return Yaml11Form::timestamp;
}

// Ruby's String#to_f on a base-60 part ("1_0" is 10, "-1" is -1).
double ruby_to_f(std::string_view part) {
  return float_json(part, Yaml11Form::number).value.get<double>();
}

// /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}(\.[0-9_]*)?$/: each part n_e
// weighted 60^|e-2|, only the first signed.
std::optional<Yaml11Value> psych_base60(std::string_view s) {
  size_t i = is_sign(s[0]) ? 1 : 0;
  if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
  size_t groups = 0;
  size_t j = base60_groups(s, skip(s, i, digit_or_underscore), groups);
  if (groups < 1 || groups > 2) return std::nullopt;
  bool floating = j < s.size() && s[j] == '.';
  if (floating) j = skip(s, j + 1, digit_or_underscore);
  if (j != s.size()) return std::nullopt;
  double value = 0;
  size_t start = 0;
  for (int e = 0;; ++e) {
    size_t colon = s.find(':', start);
    std::string_view part = s.substr(start, colon - start);
    value += ruby_to_f(part) * std::pow(60.0, std::abs(e - 2));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return Yaml11Value{
      floating ? Yaml11Form::weighted_float : Yaml11Form::weighted_integer,
      number_from_double(value)};
}

// FLOAT, /^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$/, but "." and
// "-." are strings.
std::optional<Yaml11Value> psych_float(std::string_view s) {
  size_t i = is_sign(s[0]) ? 1 : 0;
  size_t j =
      skip(s, i, [](char c) { return is_digit(c) || c == '_' || c == ','; });
  if (j > i && !is_digit(s[i])) return std::nullopt;
  if (j >= s.size() || s[j] != '.') return std::nullopt;
  size_t k = skip(s, j + 1, is_digit);
  if (exponent(s, k, true) != s.size()) return std::nullopt;
  if (s.size() == i + 1) return string_value(s);
  return float_json(s, Yaml11Form::number);
}

// INTEGER: [-+]?0b[0-1_,]+ | [-+]?0[0-7_,]+ |
// [-+]?(0|[1-9]([0-9]|,[0-9]|_[0-9])*) | [-+]?0x[0-9a-fA-F_,]+
std::optional<Yaml11Value> psych_int(std::string_view s) {
  const bool negative = s[0] == '-';
  std::string_view body = is_sign(s[0]) ? s.substr(1) : s;
  if (body.empty() || !is_digit(body[0])) return std::nullopt;
  auto all = [&](size_t from, bool (*ok)(char)) {
    return body.size() > from &&
           std::all_of(body.begin() + from, body.end(),
                       [&](char c) { return c == '_' || c == ',' || ok(c); });
  };
  // Integer() rejects "0b" and "0x" with no digit left.
  auto has_digit = [&](size_t from) {
    return body.find_first_not_of("_,", from) != std::string_view::npos;
  };
  if (body.starts_with("0b") && all(2, is_binary) && has_digit(2)) {
    return Yaml11Value{Yaml11Form::binary,
                       integer_json(negative, body.substr(2), 2)};
  }
  if (body.starts_with("0x") && all(2, is_hex) && has_digit(2)) {
    return Yaml11Value{Yaml11Form::hexadecimal,
                       integer_json(negative, body.substr(2), 16)};
  }
  if (body[0] == '0') {
    if (body.size() == 1) return Yaml11Value{Yaml11Form::number, json(0)};
    if (!all(1, is_octal)) return std::nullopt;
    return Yaml11Value{Yaml11Form::octal, integer_json(negative, body, 8)};
  }
  for (size_t i = 1; i < body.size(); ++i) {
    bool separator = body[i] == '_' || body[i] == ',';
    if (!is_digit(body[i]) &&
        !(separator && i + 1 < body.size() && is_digit(body[i + 1]))) {
      return std::nullopt;
    }
  }
  return Yaml11Value{Yaml11Form::number, integer_json(negative, body, 10)};
}

}  // namespace

Yaml11Value read_psych(std::string_view s) {
  if (s.empty()) return {Yaml11Form::null, nullptr};
  const char c = s[0];
  bool first_free = !is_digit(c) && c != '.' && c != ':' && c != '-';
  if (psych_word_char(c) ||
      (first_free && s.size() > 1 && psych_word_char(s[1]))) {
    return psych_word(s);
  }
  if (auto form = psych_time(s)) return text_as(*form, s);
  // /^\+?\.inf$/i, /^-\.inf$/i, /^\.nan$/i
  if (equals_ignoring_case(is_sign(c) ? s.substr(1) : s, ".inf")) {
    return text_as(Yaml11Form::infinity, s);
  }
  if (equals_ignoring_case(s, ".nan")) return text_as(Yaml11Form::nan, s);
  if (auto v = psych_base60(s)) return *v;
  if (auto v = psych_float(s)) return *v;
  if (auto v = psych_int(s)) return *v;
  return string_value(s);
}

}  // namespace fmkit::detail
