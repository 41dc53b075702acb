// SPDX-License-Identifier: MIT
//
// How schema messages show type sets and lists of allowed values (internal
// to schema/); single values go through base/describe.hpp. Long lists are
// cut after 20 values. Pure functions; thread-safe.
#pragma once

#include "base/describe.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// "a string", "an integer", "a string or null" for type bits (type_bits in
// compiled_schema.hpp).
std::string describe_types(unsigned types);

// "'x' is not an allowed value for <field mark>; expected one of: a, b,
// c (did you mean 'a'?)": `value` against `allowed` (strings listed bare,
// other values as literals), with a suggestion for a string near one.
std::string enum_message(const nlohmann::json& value,
                         const std::vector<const nlohmann::json*>& allowed);

}  // namespace fmkit
