// SPDX-License-Identifier: MIT
#include "document/yaml11_patterns.hpp"

#include "document/yaml_scalar.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>

namespace fmkit::detail {

using json = nlohmann::json;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> l) {
  return std::find(l.begin(), l.end(), s) != l.end();
}

Yaml11Value text_as(Yaml11Form form, std::string_view s) {
  return {form, json(std::string(s))};
}
Yaml11Value string_value(std::string_view s) {
  return text_as(Yaml11Form::string, s);
}

// ---------------------------------------------------------------------------
// Values. Readers read integers of any size (Python, Ruby) or as doubles
// (JavaScript); past uint64 fmkit keeps a double too.

// Reads `digits` in `base`, skipping '_' and ','.
json integer_json(bool negative, std::string_view digits, int base) {
  uint64_t v = 0;
  double big = 0;
  bool overflow = false;
  for (char c : digits) {
    if (c == '_' || c == ',') continue;
    int d = is_digit(c) ? c - '0' : lower(c) - 'a' + 10;
    big = big * base + d;
    if (v >
        (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      overflow = true;
    }
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (overflow) return json(negative ? -big : big);
  if (!negative) return core_int(std::to_string(v)).value_or(json(big));
  return core_int("-" + std::to_string(v)).value_or(json(-big));
}

// Reads a decimal float after dropping '_' and ',' (and a leading '+').
Yaml11Value float_json(std::string_view text, Yaml11Form form) {
  std::string clean;
  for (char c : text) {
    if (c != '_' && c != ',' && c != '+') clean += c;
    if (c == '+' && !clean.empty()) clean += c;  // an exponent's sign
  }
  double value = 0;
  auto [ptr, ec] =
      std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (ec == std::errc::result_out_of_range) {
    size_t e = clean.find_first_of("eE");
    if (e == std::string::npos || clean[e + 1] != '-') {
      return text_as(Yaml11Form::infinity, text);  // too large
    }
    value = 0;  // too small
  } else if (ec != std::errc() || ptr != clean.data() + clean.size()) {
    return string_value(text);
  }
  return {form, number_from_double(value)};
}

// Base 60 as PyYAML and js-yaml 3 read it: parts weighted 60^k from the
// right, the sign applying to the whole; the last part may hold a fraction.
Yaml11Value base60(std::string_view s, bool floating) {
  bool negative = s[0] == '-';
  if (is_sign(s[0])) s.remove_prefix(1);
  double value = 0;
  size_t start = 0;
  while (true) {
    size_t colon = s.find(':', start);
    std::string_view part = s.substr(start, colon - start);
    if (colon == std::string_view::npos) {
      Yaml11Value last = float_json(part, Yaml11Form::number);
      value = value * 60 +
              (last.value.is_number() ? last.value.get<double>() : 0.0);
      break;
    }
    value = value * 60 + integer_json(false, part, 10).get<double>();
    start = colon + 1;
  }
  return {floating ? Yaml11Form::base60_float : Yaml11Form::base60_integer,
          number_from_double(negative ? -value : value)};
}

// ---------------------------------------------------------------------------
// Pattern pieces shared by the readers' regular expressions.

// Matches (:[0-5]?[0-9])+ from `i`; returns the end and counts the groups.
size_t base60_groups(std::string_view s, size_t i, size_t& groups) {
  groups = 0;
  while (i < s.size() && s[i] == ':') {
    size_t j = i + 1;
    if (j + 1 < s.size() && s[j] >= '0' && s[j] <= '5' && is_digit(s[j + 1])) {
      j += 2;
    } else if (j < s.size() && is_digit(s[j])) {
      j += 1;
    } else {
      break;
    }
    i = j;
    ++groups;
  }
  return i;
}

// Matches [eE][-+][0-9]+ (`signed_only`) or [eE][-+]?[0-9]+ from `i`;
// returns `i` when there is none, npos when it is malformed.
size_t exponent(std::string_view s, size_t i, bool signed_only) {
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return i;
  size_t j = i + 1;
  if (j < s.size() && is_sign(s[j])) {
    ++j;
  } else if (signed_only) {
    return std::string_view::npos;
  }
  size_t end = skip(s, j, is_digit);
  return end == j ? std::string_view::npos : end;
}

// YAML 1.1's timestamp (PyYAML, js-yaml): [0-9]{4}-[0-9]{2}-[0-9]{2} is a
// date; [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:
// [0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))? a timestamp.
std::optional<Yaml11Form> yaml11_timestamp(std::string_view s) {
  auto digits = [&](size_t& i, size_t least, size_t most) {
    size_t start = i;
    while (i < s.size() && i - start < most && is_digit(s[i])) ++i;
    return i - start >= least;
  };
  auto expect = [&](size_t& i, char c) {
    return i < s.size() && s[i] == c && (++i, true);
  };
  auto blanks = [&](size_t& i) {
    size_t start = i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i > start;
  };
  size_t i = 0;
  if (!digits(i, 4, 4) || !expect(i, '-')) return std::nullopt;
  size_t month = i;
  if (!digits(i, 1, 2) || !expect(i, '-')) return std::nullopt;
  size_t day = i;
  if (!digits(i, 1, 2)) return std::nullopt;
  if (i == s.size()) {
    if (day - month == 3 && i - day == 2) return Yaml11Form::date;
    return std::nullopt;
  }
  if (s[i] == 'T' || s[i] == 't') {
    ++i;
  } else if (!blanks(i)) {
    return std::nullopt;
  }
  if (!digits(i, 1, 2) || !expect(i, ':') || !digits(i, 2, 2) ||
      !expect(i, ':') || !digits(i, 2, 2)) {
    return std::nullopt;
  }
  if (expect(i, '.')) i = skip(s, i, is_digit);
  blanks(i);
  if (!expect(i, 'Z') && i < s.size() && is_sign(s[i])) {
    ++i;
    if (!digits(i, 1, 2)) return std::nullopt;
    if (expect(i, ':') && !digits(i, 2, 2)) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return Yaml11Form::timestamp;
}

std::optional<bool> spec_bool(std::string_view s) {
  if (s.size() < 2 || s.size() > 5 || !in_set(s[0], "yYnNtTfFoO")) {
    return std::nullopt;  // most scalars: no word compared
  }
  if (one_of(s,
             {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) {
    return true;
  }
  if (one_of(s, {"no", "No", "NO", "false", "False", "FALSE", "off", "Off",
                 "OFF"})) {
    return false;
  }
  return std::nullopt;
}

bool core_null(std::string_view s) {
  if (s.size() > 4 || (!s.empty() && !in_set(s[0], "~nN"))) return false;
  return one_of(s, {"", "~", "null", "Null", "NULL"});
}

std::optional<bool> core_bool(std::string_view s) {
  if (s.size() < 4 || s.size() > 5 || !in_set(s[0], "tTfF")) {
    return std::nullopt;
  }
  if (one_of(s, {"true", "True", "TRUE"})) return true;
  if (one_of(s, {"false", "False", "FALSE"})) return false;
  return std::nullopt;
}

std::optional<Yaml11Value> special_float(std::string_view s) {
  std::string_view body = is_sign(s[0]) ? s.substr(1) : s;
  if (one_of(body, {".inf", ".Inf", ".INF"})) {
    return text_as(Yaml11Form::infinity, s);
  }
  if (body.size() == s.size() && one_of(body, {".nan", ".NaN", ".NAN"})) {
    return text_as(Yaml11Form::nan, s);
  }
  return std::nullopt;
}

// Whether `c` is one of `set` (never NUL, which strchr() would find).
bool in_set(char c, const char* set) {
  return c != '\0' && std::strchr(set, c) != nullptr;
}

bool valid_date(int year, int month, int day) {
  static constexpr int k_days[] = {31, 29, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > k_days[month - 1]) {
    return false;
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month != 2 || day <= 28 || leap;
}

}  // namespace fmkit::detail
