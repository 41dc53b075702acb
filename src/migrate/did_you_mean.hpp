// SPDX-License-Identifier: MIT
//
// "Did you mean" suggestions for misspelt names (op names, argument names),
// after ninja's SpellcheckStringV: the candidate with the smallest edit
// distance wins if that distance is small for the name's length. Pure;
// thread-safe. (schema/spelling.hpp has the schema messages' variant.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns the nearest of `candidates` to `name`, or "" when none is within
// max(1, size/3) edits (ties go to the earlier candidate).
std::string nearest_name(std::string_view name,
                         const std::vector<std::string_view>& candidates);

// Returns "; did you mean 'x'?" for the nearest candidate, or "".
std::string did_you_mean(std::string_view name,
                         const std::vector<std::string_view>& candidates);

}  // namespace fmkit
