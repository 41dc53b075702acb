// SPDX-License-Identifier: MIT
#include "migrate/did_you_mean.hpp"

#include "base/spelling.hpp"

namespace fmkit {

std::string did_you_mean(std::string_view name,
                         const std::vector<std::string_view>& candidates) {
  std::vector<std::string> names(candidates.begin(), candidates.end());
  std::optional<std::string> nearest = suggest_spelling(name, names);
  return nearest ? "; did you mean '" + *nearest + "'?" : "";
}

}  // namespace fmkit
