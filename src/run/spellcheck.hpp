// SPDX-License-Identifier: MIT
//
// "Did you mean" suggestions for mistyped names (subcommands, config keys),
// after ninja's SpellcheckString: the candidate with the smallest edit
// distance, if it is close enough to be a likely typo. Pure functions;
// thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace fmkit {

// Returns the candidate nearest to `word` by Levenshtein distance
// (insertions, deletions and substitutions of bytes), or std::nullopt when
// none is within max(1, min(3, size of `word` / 3)) edits. Ties go to the
// earlier candidate.
std::optional<std::string_view> spellcheck(
    std::string_view word, std::span<const std::string_view> candidates);

}  // namespace fmkit
