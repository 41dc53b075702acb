// SPDX-License-Identifier: MIT
//
// What the reader models of document/yaml11_readers.hpp share: pieces of
// the readers' regular expressions, matched by hand in one pass (no
// backtracking, so linear in the scalar), and the readers' ways of turning
// digits into values. For document/yaml11_*.cpp only. Pure functions;
// thread-safe.
#pragma once

#include "document/yaml11_readers.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace fmkit::detail {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_octal(char c) { return c >= '0' && c <= '7'; }
inline bool is_binary(char c) { return c == '0' || c == '1'; }
inline bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool is_sign(char c) { return c == '-' || c == '+'; }
inline bool digit_or_underscore(char c) { return is_digit(c) || c == '_'; }
inline char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Compares ASCII letters without case.
bool equals_ignoring_case(std::string_view a, std::string_view b);

// Returns whether `s` is one of `words`.
bool one_of(std::string_view s, std::initializer_list<std::string_view> words);

// Returns whether `c` is one of `set` (never NUL, which strchr() would
// find).
bool in_set(char c, const char* set);

// A reading whose value is the text `s`.
Yaml11Value text_as(Yaml11Form form, std::string_view s);
Yaml11Value string_value(std::string_view s);

// Returns the integer of `digits` in `base`, '_' and ',' skipped, negated
// when `negative`: an int64 or uint64, a double past those (readers read
// integers of any size, or as doubles in JavaScript).
nlohmann::json integer_json(bool negative, std::string_view digits, int base);

// Reads the decimal float `text` ('_' and ',' skipped) as `form`;
// infinity when it is too large for a double, a string when it is not a
// float.
Yaml11Value float_json(std::string_view text, Yaml11Form form);

// Base 60 as PyYAML and js-yaml 3 read it: parts weighted 60^k from the
// right, the sign applying to the whole; the last part may have a
// fraction.
Yaml11Value base60(std::string_view s, bool floating);

// Returns the index after the characters `ok` accepts from `i`.
template <typename Ok>
size_t skip(std::string_view s, size_t i, Ok ok) {
  while (i < s.size() && ok(s[i])) ++i;
  return i;
}

// Matches (:[0-5]?[0-9])+ from `i`; returns the end and counts the groups.
size_t base60_groups(std::string_view s, size_t i, size_t& groups);

// Matches [eE][-+][0-9]+ (`signed_only`) or [eE][-+]?[0-9]+ from `i`;
// returns `i` when there is none, npos when it is malformed.
size_t exponent(std::string_view s, size_t i, bool signed_only);

// YAML 1.1's timestamp (PyYAML, js-yaml): [0-9]{4}-[0-9]{2}-[0-9]{2} is a
// date; [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:
// [0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))? a timestamp.
std::optional<Yaml11Form> yaml11_timestamp(std::string_view s);

// YAML 1.1's booleans: yes, Yes, YES, no, ..., on, off, true, false in
// their three spellings.
std::optional<bool> spec_bool(std::string_view s);

// YAML 1.2's null ("", ~, null, Null, NULL) and booleans.
bool core_null(std::string_view s);
std::optional<bool> core_bool(std::string_view s);

// [-+]?\.(inf|Inf|INF) and \.(nan|NaN|NAN).
std::optional<Yaml11Value> special_float(std::string_view s);

// Whether the date exists (2024-02-29 does, 2023-02-29 does not).
bool valid_date(int year, int month, int day);

// Psych's reading (yaml11_psych.cpp).
Yaml11Value read_psych(std::string_view s);

}  // namespace fmkit::detail
