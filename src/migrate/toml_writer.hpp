// SPDX-License-Identifier: MIT
//
// TOML writer: renders the *new* values a migration writes into TOML front
// matter (a set value, a renamed key, a converted list) as TOML text that
// reads back, through document/toml_to_json.hpp, as the same JSON value. It
// never re-emits existing text; TomlEditor (migrate/toml_editor.hpp) splices
// its output at spans and carries the text of the values it only moves.
//
// - Strings are basic strings ("..." with TOML's escapes), or in the style
//   of the string they replace where that style can hold them: a literal
//   string ('...') holds no "'" and no control character but tab; a
//   multi-line string ("""...""" or '''...''') is kept for a value with a
//   line break, its line breaks written with the file's line ending (TOML
//   readers take a CRLF in a multi-line string as a line feed).
// - A string in the RFC 3339 form the reader gives a TOML date or time
//   ("1979-05-27", "1979-05-27T07:32:00Z") is written bare only when it
//   replaces a date (is_toml_datetime()): elsewhere a string stays a string.
// - Integers are decimal; floats the shortest text that reads back as the
//   same double, always with a '.' or an exponent; booleans true / false.
// - Arrays are inline ("[1, "a"]"), objects inline tables ("{ a = 1 }",
//   "{}"); keys are bare when they are [A-Za-z0-9_-]+, else quoted.
// - JSON null has no TOML form, nor does an integer above 2^63 - 1: an
//   error naming the value.
//
// Pure functions; thread-safe.
#pragma once

#include "base/expected.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace fmkit {

// How a TOML string is written: its quotes, on one line or several.
enum class TomlQuote { basic, literal, multi_line_basic, multi_line_literal };

// Returns the quoting of the TOML string or quoted key written `text` (its
// source, quotes included); `basic` for anything else (a bare key).
TomlQuote toml_quote_of(std::string_view text);

// Returns true when `key` can be written as a bare key.
bool is_bare_toml_key(std::string_view key);

// Returns `key` as a TOML key: bare when it can be, else a literal string
// when `preference` is literal (single- or multi-line) and one can hold it,
// else a basic string.
std::string render_toml_key(std::string_view key,
                            TomlQuote preference = TomlQuote::basic);

// Returns `s` as a TOML string, quoted as `preference` says where that
// quoting can hold `s` (multi-line quoting only for a string with a line
// break), else as the nearest that can: a literal string falls back to a
// basic one, a multi-line string to one line. Line breaks of a multi-line
// string are written as `eol`.
std::string render_toml_string(std::string_view s,
                               TomlQuote preference = TomlQuote::basic,
                               std::string_view eol = "\n");

// Returns true when `s` is a TOML offset date-time, local date-time, local
// date or local time in the form the reader gives it ('T' between date and
// time, upper-case 'Z'), with a valid date and time: written bare, it reads
// back as `s`.
bool is_toml_datetime(std::string_view s);

// Returns `value` as an inline TOML value (strings quoted as
// render_toml_string() does with `preference` and `eol`; inside arrays and
// inline tables always as basic strings). Fails for null, anywhere in
// `value`, and for integers TOML cannot hold, with a message quoting the
// value.
Expected<std::string> render_toml_value(const nlohmann::json& value,
                                        TomlQuote preference = TomlQuote::basic,
                                        std::string_view eol = "\n");

}  // namespace fmkit
