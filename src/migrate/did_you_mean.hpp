// SPDX-License-Identifier: MIT
//
// "Did you mean" for migration files (op, argument and condition names),
// on top of base/spelling.hpp's suggest_spelling(), which every fmkit
// message uses. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns "; did you mean 'x'?" for the candidate nearest to `name`, or ""
// when none is close enough.
std::string did_you_mean(std::string_view name,
                         const std::vector<std::string_view>& candidates);

}  // namespace fmkit
