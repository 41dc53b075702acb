// SPDX-License-Identifier: MIT
//
// How schema messages show values (internal to schema/): the one place
// that turns a JSON value, a type set or a list of allowed values into
// message text. Long strings are cut after 60 code points ("..."), long
// lists after 20 values; invalid UTF-8 (already reported by the YAML
// reader) is replaced, never thrown on. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

enum class ValueStyle {
  // With its type, after "got": string "no", number 5, boolean true, null,
  // an array, an object.
  typed,
  // As the subject of a sentence: 'no', 5, true, null, an array, an object.
  subject,
  // As a schema writes it: "no", 5, true, null, {"a":1}, [1,2].
  literal,
};

std::string describe_value(const nlohmann::json& value, ValueStyle style);

// `text` as a JSON string literal, cut: "it's \"x\"".
std::string quote(std::string_view text);

// "1 item", "3 items".
std::string plural(uint64_t count, std::string_view word);

// "a string", "an integer", "a string or null" for type bits (type_bits in
// compiled_schema.hpp).
std::string describe_types(unsigned types);

// "'x' is not an allowed value for <field mark>; expected one of: a, b,
// c (did you mean 'a'?)": `value` against `allowed` (strings listed bare,
// other values as literals), with a suggestion for a string near one.
std::string enum_message(const nlohmann::json& value,
                         const std::vector<const nlohmann::json*>& allowed);

}  // namespace fmkit
